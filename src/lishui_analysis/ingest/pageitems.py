"""Stage 3 — page steps that read a page's lines by their form around its titles: a post's title decorated
with an emoji (stage ``"segment"``, in :data:`.segment.PAGE_STEPS`), by the form of the line, never by its
place on one page.
"""
from __future__ import annotations

from .furniture import is_pictograph_line, strip_start_pictographs
from .lines import _kind

def _promote_decorated_title(page) -> None:
    """The page's first line (metadata, chrome and captions aside) led by a pictograph is its title when,
    the pictographs aside, it has a title's form (🎉云岭大桥今天通车): a post's title may open with an
    emoji, where a line led by one further down is a heading or a list item of the post's body.

    >>> from .segment import _Page
    >>> page = _Page(["来源：云岭发布", "🎉云岭大桥今天通车", "日前，大桥通车。"], ["meta", "body", "body"])
    >>> _promote_decorated_title(page); page.kinds
    ['meta', 'title', 'body']
    """
    first = page.first
    if first is not None and page.kinds[first] == "body" and is_pictograph_line(page.paras[first]):
        core = strip_start_pictographs(page.paras[first])
        if core and not is_pictograph_line(core) and _kind(core) == "title":
            page.kinds[first] = "title"

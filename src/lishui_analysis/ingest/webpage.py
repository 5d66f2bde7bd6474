"""Stage 1 for saved web pages — the article of an HTML page, and what the page states of itself.

:func:`read_page` turns the bytes of a saved page into a :class:`WebPage`: the headline, the
article's paragraphs (one per line, page chrome removed) and the page's metadata (title,
subtitle, publication date, 来源, author, canonical URL, site name).

How the article is found (the method of text-density extractors such as GNE, written anew):
every element is scored by the text of its *paragraph-like* children — children with no block
element inside — that reads as prose (has sentence punctuation), link text excluded; the
element with the most is the article's container. WeChat articles are ``#js_content``. The
headline is the heading (or short element) whose text best matches ``<title>``, else
``<title>`` without its site name. The date is the one the page shows near the headline
(``2019-09-07 15:10``, ``发布时间：2020年01月14日``), else a publication-date meta tag or JSON-LD.
Page furniture (editor lines, related links, share boxes, copyright) is named in
``data/webpage.yaml``, not here.

Every pass over the page is linear in its size; a page nested deeper than the HTML parser's
limit, a binary file or a page without an article is refused with a one-line
:class:`~lishui_analysis.errors.InputError` naming the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InputError
from .container import _merge_siblings, _pick_container, _prose_scores
from .decode import decode_html
from .headline import _find_title, _heading_above, _title_neighbours
from .pagemeta import (_AUTHOR_LABEL, _DATE, _DATE_LABEL, _MD_LABEL, _MD_TIME, _NAME_LIKE, _REPORTER, _ROLE_WORDS,
                       _SOURCE_ATTR, _SOURCE_LABEL, _WECHAT_CT, _YMD, HEADER_ELEMENTS, _date_in, _iso, _json_ld,
                       _lead_date, _meta_date, _metas, _person)
from .pagetext import (_SKIP, _WS, CAPTION, _attrs, _furniture, _marks, _norm, _prose, _short_text,
                       _text_lines, parse_html)

# Names that lived here before the split, importable from here as before.
from .headline import MAX_TITLE_CANDIDATES, _clean_title  # noqa: F401
from .pagetext import MAX_DEPTH_NOTE, MAX_TITLE_ELEMENTS, _is_caption  # noqa: F401

_BYLINE_LINE = re.compile(r"^[【\[（(]?[^。！？；]{0,20}(?:记者|作者|文/|文｜|撰文|编译|通讯员)[^。！？；]{1,40}$")
# a line closing on a credit in brackets: （来源：梨视频） （资料来源：参考消息、海外网等）
_CREDIT_NOTE = re.compile(r"^[^。！？]{0,40}[（(](?:资料|图片|视频)?来源[:：][^（()）]{1,40}[）)]$")
_CREDIT_LINE = re.compile(r"[^。！？；]{0,24}(?:记者|编辑|校对|审核|摄影|供稿|通讯员|实习生|统筹|监制)[^。！？；]{0,30}")
_NUMBERED = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十])\s*[.、．]|^[•·●■◆▶►]")
_MD_LINE = re.compile(r"^(?:发布时间|发布日期|发表时间|时间)?[:：]?\d{1,2}[-/]\d{1,2}\d{1,2}:\d{2}")
_DATE_ONLY = re.compile(_YMD + r"日?(?:\d{1,2}:\d{2}(?::\d{2})?)?")
_TAG_LIST = re.compile(r"(?:[^\s|｜,，/、。！？]{1,12}\s*[|｜,，/、]\s*){2,}[^\s|｜,，/、。！？]{1,12}")
#: An article shorter than this is no article (a menu, a share box): the page is refused.
MIN_BODY_CHARS = 20


@dataclass
class WebPage:
    """What :func:`read_page` finds in a saved page."""

    title: str = ""
    kicker: str = ""        # 引题 above the headline (newspaper e-paper pages)
    subtitle: str = ""      # 副题 below it
    pub_date: str = ""      # YYYY[-MM[-DD]] as the page shows it
    source: str = ""        # 来源
    author: str = ""
    byline: str = ""        # a byline line taken out of the article's first lines
    url: str = ""           # canonical URL
    site_name: str = ""
    paragraphs: list[str] = field(default_factory=list)
    #: A date written only in the page's scripts (WeChat ``var ct``), shown nowhere on the page.
    script_date: str = ""
    #: Articles on the page: more than one on an e-paper page holding several (titles and
    #: bylines then stay in ``paragraphs`` for segment.py to split).
    articles: int = 1

    def meta(self) -> dict:
        """The page's statements about itself, for ``RawDocument.page``."""
        keys = ("title", "kicker", "subtitle", "pub_date", "source", "author", "byline", "url", "site_name", "script_date")
        out = {k: getattr(self, k) for k in keys if getattr(self, k)}
        if self.articles > 1:
            out["articles"] = self.articles
        return out

    def text(self) -> str:
        """Title line, subtitle line (if any), then one paragraph a line; a page of several
        articles: its lines, titles and bylines included."""
        if self.articles > 1:
            return "\n".join(self.paragraphs)
        return "\n".join([x for x in (self.title, self.subtitle) if x] + self.paragraphs)


# -- the article's lines ---------------------------------------------------------------------


def _is_end(key: str, f: dict) -> bool:
    return _marks(f["end"], key)


def _clean_lines(lines: list[str], page: WebPage, several: bool = False) -> list[str]:
    """The article's paragraphs from its container's lines: the headline (one line, or split
    over a few), bylines, date lines, summary boxes and captions dropped from the top,
    furniture lines dropped anywhere, everything from the first end-of-article marker on
    dropped, and captions and short lines without prose dropped from the end. With
    ``several`` articles (an e-paper page), their titles and bylines stay and an
    end-of-article line is dropped, not the rest."""
    f = _furniture()
    t = _norm(page.title)
    # a headline written over a few lines of the container (<br>): the page shows it so
    for k in range(2, 5):
        if t and len(lines) > k and _norm("".join(lines[:k])).replace(CAPTION, "") == t:
            page.title = " ".join(x.lstrip(CAPTION) for x in lines[:k])
            lines = lines[k:]
            break
    out: list[str] = []
    in_box = False
    for line in lines:
        caption = line.startswith(CAPTION)
        line = line.lstrip(CAPTION).strip()
        key = _norm(line)
        if not key:
            continue
        if out and _is_end(key, f):
            if several:
                continue
            break
        if not out and several and caption:
            continue
        if not out and not several:
            if caption or key == t or (t and len(key) < len(t) + 10 and t in key and not _prose(key[len(t):])):
                continue
            if f["box"].match(key):
                in_box = True
                continue
            if in_box and (_NUMBERED.match(line) or len(key) < 120 and _prose(key)):
                continue
            in_box = False
            if _is_end(key, f) and len(key) <= 60:
                continue
            if _BYLINE_LINE.match(key) and len(key) <= 40:
                page.byline = page.byline or line
                continue
            if _DATE.search(key) and len(key) <= 60 and not _prose(_DATE.sub("", key)):
                continue
            if _MD_LINE.match(key) or _CREDIT_NOTE.search(key):
                continue
            if not _prose(key) and len(key) <= 12:
                continue  # a tag, a counter, a caption stub above the text
        if len(key) <= 100 and _marks(f["drop"], key):
            m = _SOURCE_LABEL.match(key)
            if m and not page.source:
                page.source = m.group(1)  # a 来源 line under the text
            continue
        out.append(CAPTION + line if caption else line)
    # trailing captions, counters and tags, credit lines (记者 X, 编辑 Y 校对 Z), and a date
    # line under a notice's signature
    while out and (out[-1].startswith(CAPTION) or len(_norm(out[-1])) <= 8 and not _prose(out[-1])
                   or _CREDIT_NOTE.search(_norm(out[-1]))
                   or _DATE_ONLY.fullmatch(_norm(out[-1])) or _TAG_LIST.fullmatch(out[-1])
                   or _CREDIT_LINE.fullmatch(_norm(out[-1]))):
        out.pop()
    return [x.lstrip(CAPTION) for x in out]


def _count_articles(lines: list[str]) -> int:
    """Articles in a container's lines: a byline (``本报讯（记者 …）``, ``记者 X``) right under
    a short line that ends no sentence (its title) starts one."""
    from .clean import ends_sentence
    from .segment import is_byline_line, match_byline_lead

    n = 0
    for prev, line in zip(lines, lines[1:]):
        prev, line = prev.lstrip(CAPTION), line.lstrip(CAPTION)
        if (match_byline_lead(line) or is_byline_line(line)) \
                and len(prev) <= 50 and not ends_sentence(prev):
            n += 1
    return n


# -- the page --------------------------------------------------------------------------------

def read_page(data: bytes, path) -> tuple[WebPage, str]:
    """The article and metadata of a saved page, and the encoding it was read with."""
    text, encoding = decode_html(data, path)
    return extract_page(text, path), encoding


def extract_page(html: str, path="page.html") -> WebPage:
    """The article and metadata of a page's HTML text (a pure function of the text)."""
    root = parse_html(html, path)
    els = [el for el in root.iter() if isinstance(el.tag, str)]
    index = {el: i for i, el in enumerate(els)}
    metas = _metas(root)
    ld = _json_ld(root)
    page = WebPage()
    page.site_name = metas.get("og:site_name", "") or _person(ld.get("publisher"))
    canonical = next((l.get("href") for l in root.iter("link")
                      if "canonical" in (l.get("rel") or "").lower() and l.get("href")), "")
    page.url = (canonical or metas.get("og:url", "")).strip()
    title_el = root.find(".//title")
    raw_title = "".join(title_el.itertext()).strip() if title_el is not None else ""
    meta_title = metas.get("og:title", "") or (ld.get("headline") if isinstance(ld.get("headline"), str) else "")
    title, t_idx, site = _find_title(els, raw_title, meta_title, page.site_name)
    page.title = _WS.sub(" ", title).strip()
    page.site_name = page.site_name or site

    wechat = next((i for i, el in enumerate(els) if el.get("id") == "js_content"), -1)
    if wechat >= 0:
        c_idx, score = wechat, float(MIN_BODY_CHARS)
    else:
        direct = _prose_scores(els, index)
        c_idx, score = _pick_container(els, index, direct, t_idx)
        if c_idx >= 0:
            c_idx = _merge_siblings(els, index, c_idx, direct)
    container = els[c_idx] if c_idx >= 0 else None
    lines = _text_lines(container, captions=True) if container is not None else []
    if t_idx < 0 and container is not None and (not page.title or _norm(page.title) not in _norm("".join(lines[:5]))):
        # No heading matches <title> (a section name there, 通知公告), nor do the article's
        # first lines: the heading by the article.
        h = _heading_above(els, c_idx)
        if h >= 0:
            t_idx = h
            page.title = _WS.sub(" ", _short_text(els[h])).strip()
    if t_idx >= 0:
        page.kicker, page.subtitle = _title_neighbours(els[t_idx])
    # The header: the page's text between the headline and the article (date, 来源, author);
    # none when the headline is inside the article's container (its top lines serve).
    page.articles = max(1, _count_articles(lines)) if len(lines) < 5000 else 1
    if 0 <= t_idx < c_idx and page.articles == 1:
        start = t_idx
    elif t_idx < 0 or page.articles > 1:  # the page's own header above its articles
        start = max(0, c_idx - 80)
    else:
        start = c_idx
    stop = min(c_idx, start + HEADER_ELEMENTS)
    header = "\n".join(_WS.sub(" ", x).strip() for i, el in enumerate(els[start:stop], start) if el.tag not in _SKIP
                       for x in ((el.text if i != t_idx else ""), el.tail) if x and x.strip())
    lead = "\n".join(x.lstrip(CAPTION) for x in lines[:8] if len(x) <= 80)
    page.pub_date = _date_in(header) or _lead_date(lines)
    if not page.pub_date:
        m = _MD_LABEL.search(header) or _MD_LABEL.search(lead) or _MD_TIME.search(header)
        year = _meta_date(metas, ld)[:4]
        if m and year:
            page.pub_date = _iso(year, m.group(1), m.group(2))
    if not page.pub_date and container is not None:  # 发布日期：… under the article (government sites)
        end = c_idx + sum(1 for _ in container.iter()) - 1
        below = "\n".join(x for el in els[end + 1:end + 40] if el.tag not in _SKIP for x in (el.text, el.tail) if x)
        m = _DATE_LABEL.search(below)
        page.pub_date = _iso(*m.groups()[-3:]) if m else ""
    if not page.pub_date and wechat < 0:
        page.pub_date = _meta_date(metas, ld)
    if wechat >= 0:
        m = _WECHAT_CT.search(html)
        if m:
            import datetime as dt

            t = dt.datetime.fromtimestamp(int(m.group(1)), dt.timezone(dt.timedelta(hours=8)))
            page.script_date = t.date().isoformat()
    m = _SOURCE_LABEL.search(header) or _SOURCE_LABEL.search(lead)
    if m:
        page.source = m.group(1)
    else:
        for el in els[start:stop]:
            if el.tag not in _SKIP and _SOURCE_ATTR.search(_attrs(el)):
                s = _norm(_short_text(el))
                s = re.sub(r"^(?:来源|來源)[:：]?", "", s)
                if 2 <= len(s) <= 20 and not re.search(r"\d|时间|日期", s):
                    page.source = s
                    break
    m = _AUTHOR_LABEL.search(header) or _AUTHOR_LABEL.search(lead)
    named = _person(ld.get("author")) or metas.get("author", "")
    if not _NAME_LIKE.fullmatch(named) or named not in header + lead or \
            any(named in x or x in named for x in (page.site_name, site) if x):
        named = ""  # a site name, or a name the page does not show
    page.author = m.group(1).strip() if m else named
    page.paragraphs = _clean_lines(lines, page, several=page.articles > 1)
    if "作者" in page.author or "记者" in page.author:
        page.author = re.split(r"作者|记者", page.author)[-1].strip()
    if not page.author:  # a byline line, or a dateline's （记者 X）
        m = (_REPORTER.search(page.byline) or _REPORTER.search(header)
             or (_REPORTER.search(page.paragraphs[0][:60]) if page.paragraphs else None))
        page.author = m.group(1) if m else ""
    page.author = _ROLE_WORDS.sub("", page.author).strip()
    body_chars = sum(len(p) for p in page.paragraphs)
    if score < MIN_BODY_CHARS or body_chars < MIN_BODY_CHARS:
        raise InputError(path, f"no article found in the page (the most prose-like block holds {body_chars} characters)")
    return page

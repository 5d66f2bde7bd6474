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

:func:`extract_page` reads the page's tree once into a :class:`PageRun` and runs the named
steps of :data:`PAGE_STEPS` on it in order (stage ``"webpage"``: switch one off with
``LISHUI_STEPS_OFF=webpage.date_in_meta`` or :func:`~lishui_analysis.config.steps_off`). The
passes they call live beside this module: :mod:`.pagetext` (the tree and its visible text),
:mod:`.container` (the article's container), :mod:`.headline` (the headline, 引题 and 副题) and
:mod:`.pagemeta` (dates, 来源, author, meta tags); their names stay importable from here.

Every pass over the page is linear in its size; a page nested deeper than the HTML parser's
limit, a binary file or a page without an article is refused with a one-line
:class:`~lishui_analysis.errors.InputError` naming the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..config import active_steps
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
#: The stage name of :data:`PAGE_STEPS` (a step is switched off as ``"webpage.<name>"``).
STAGE = "webpage"


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


@dataclass
class PageRun:
    """What the steps of :func:`extract_page` share: the page's tree, read once, and what the
    steps have found so far. Element indices are positions in ``els`` (-1: none)."""

    html: str
    path: object
    root: Any                # the lxml tree
    els: list                # its elements in document order
    index: dict              # element → its position in ``els``
    metas: dict              # <meta> name or property → content (the first of each)
    ld: dict                 # JSON-LD headline, datePublished, author, publisher
    page: WebPage = field(default_factory=WebPage)
    site: str = ""           # the site name ``<title>`` carries
    t_idx: int = -1          # the headline's element
    wechat: bool = False     # the container is WeChat's #js_content
    c_idx: int = -1          # the article's container
    score: float = 0.0       # its prose score
    direct: list | None = None                       # per element, the prose it holds directly
    lines: list[str] = field(default_factory=list)   # the container's lines (captions marked)
    start: int = 0           # the header is els[start:stop], between headline and article
    stop: int = 0
    header: str = ""         # the header's text, one element's text or tail a line
    lead: str = ""           # the container's first short lines

    @classmethod
    def read(cls, html: str, path="page.html") -> PageRun:
        """The page's tree and its meta tags, before any step ran."""
        root = parse_html(html, path)
        els = [el for el in root.iter() if isinstance(el.tag, str)]
        return cls(html, path, root, els, {el: i for i, el in enumerate(els)}, _metas(root), _json_ld(root))


# -- the steps, in their order -------------------------------------------------------------

def _site_name(run: PageRun) -> None:
    """The site's name from ``og:site_name``, else the JSON-LD publisher.

    >>> run = PageRun.read('<html><head><meta property="og:site_name" content="云岭晚报网"></head></html>')
    >>> _site_name(run); run.page.site_name
    '云岭晚报网'
    """
    run.page.site_name = run.metas.get("og:site_name", "") or _person(run.ld.get("publisher"))


def _canonical_url(run: PageRun) -> None:
    """The page's URL from ``<link rel="canonical">``, else ``og:url``.

    >>> run = PageRun.read('<html><head><link rel="canonical" href="https://news.example.cn/qt/88.html"></head></html>')
    >>> _canonical_url(run); run.page.url
    'https://news.example.cn/qt/88.html'
    """
    canonical = next((l.get("href") for l in run.root.iter("link")
                      if "canonical" in (l.get("rel") or "").lower() and l.get("href")), "")
    run.page.url = (canonical or run.metas.get("og:url", "")).strip()


def _headline(run: PageRun) -> None:
    """The headline: the heading that matches ``<title>`` (``og:title``, the JSON-LD headline),
    else ``<title>`` without its site name; and the site name ``<title>`` carries.
    ``<title>青田县云岭科技签约8.5亿元项目_云岭新闻网</title>`` over ``<h1>青田县云岭科技签约8.5亿元项目</h1>``:
    the title is the ``h1``'s text, ``t_idx`` its element, ``site`` is ``云岭新闻网``."""
    title_el = run.root.find(".//title")
    raw_title = "".join(title_el.itertext()).strip() if title_el is not None else ""
    ld_title = run.ld.get("headline")
    meta_title = run.metas.get("og:title", "") or (ld_title if isinstance(ld_title, str) else "")
    title, run.t_idx, run.site = _find_title(run.els, raw_title, meta_title, run.page.site_name)
    run.page.title = _WS.sub(" ", title).strip()


def _site_from_title(run: PageRun) -> None:
    """The site name ``<title>`` carries (``…_云岭新闻网``) when the meta tags name none."""
    run.page.site_name = run.page.site_name or run.site


def _wechat_container(run: PageRun) -> None:
    """WeChat's ``<div id="js_content">`` is the article (no scoring; its date is in a script).

    >>> run = PageRun.read('<html><body><div id="js_content"><p>云岭村的茶园今年增收。</p></div></body></html>')
    >>> _wechat_container(run); run.wechat, run.els[run.c_idx].get("id")
    (True, 'js_content')
    """
    i = next((i for i, el in enumerate(run.els) if el.get("id") == "js_content"), -1)
    if i >= 0:
        run.c_idx, run.score, run.wechat = i, float(MIN_BODY_CHARS), True


def _prose_container(run: PageRun) -> None:
    """The element holding the most prose (see :mod:`.container`) is the article's container:
    a ``<div>`` of three ``<p>`` about 松阳县 tea sales beats a menu of links and a footer."""
    if run.wechat:
        return
    run.direct = _prose_scores(run.els, run.index)
    run.c_idx, run.score = _pick_container(run.els, run.index, run.direct, run.t_idx)


def _join_sibling_blocks(run: PageRun) -> None:
    """An article split over sibling blocks of one kind (``<div class="part">`` × 2, each
    with prose): their parent is the container."""
    if run.c_idx >= 0 and run.direct is not None:
        run.c_idx = _merge_siblings(run.els, run.index, run.c_idx, run.direct)


def _container_lines(run: PageRun) -> None:
    """The container's visible lines, image captions marked; until :func:`_clean_paragraphs`
    runs, the article's paragraphs are these lines.

    >>> run = PageRun.read('<html><body><div><p>景宁县新建民宿20家。</p><p>年接待游客3万人次。</p></div></body></html>')
    >>> run.c_idx = 2; _container_lines(run); run.lines
    ['景宁县新建民宿20家。', '年接待游客3万人次。']
    """
    if run.c_idx >= 0:
        run.lines = _text_lines(run.els[run.c_idx], captions=True)
        run.page.paragraphs = [x.lstrip(CAPTION) for x in run.lines]


def _heading_by_article(run: PageRun) -> None:
    """No heading matches ``<title>`` (a section name there, ``<title>通知公告</title>``) nor do
    the article's first lines: the headline is the heading nearest above the article."""
    page = run.page
    if run.t_idx < 0 and run.c_idx >= 0 and (
            not page.title or _norm(page.title) not in _norm("".join(run.lines[:5]))):
        h = _heading_above(run.els, run.c_idx)
        if h >= 0:
            run.t_idx = h
            page.title = _WS.sub(" ", _short_text(run.els[h])).strip()


def _kicker_subtitle(run: PageRun) -> None:
    """引题 and 副题: the short heading just above the headline (``<h3>引题</h3>``) and the one
    just below it (``<h2 class="subtitle">云岭村的新茶季</h2>``), e-paper pages."""
    if run.t_idx >= 0:
        run.page.kicker, run.page.subtitle = _title_neighbours(run.els[run.t_idx])


def _several_articles(run: PageRun) -> None:
    """Articles in the container (an e-paper page holds several): one per byline right under
    a short title line (``缙云县新开两条公交线`` then ``本报讯（记者 王小明）…``)."""
    run.page.articles = max(1, _count_articles(run.lines)) if len(run.lines) < 5000 else 1


def _header_text(run: PageRun) -> None:
    """The header: the page's text between the headline and the article (``发布时间：…
    来源：云岭新闻网 作者：陈一鸣``); none when the headline is inside the article's container (its
    top lines serve), the 80 elements above the container when there is no headline or
    several articles."""
    t_idx, c_idx = run.t_idx, run.c_idx
    if 0 <= t_idx < c_idx and run.page.articles == 1:
        start = t_idx
    elif t_idx < 0 or run.page.articles > 1:  # the page's own header above its articles
        start = max(0, c_idx - 80)
    else:
        start = c_idx
    run.start, run.stop = start, min(c_idx, start + HEADER_ELEMENTS)
    run.header = "\n".join(_WS.sub(" ", x).strip() for i, el in enumerate(run.els[run.start:run.stop], start)
                           if el.tag not in _SKIP
                           for x in ((el.text if i != t_idx else ""), el.tail) if x and x.strip())


def _lead_text(run: PageRun) -> None:
    """The container's first eight lines of up to 80 characters, read for a date, 来源 or
    author when the header has none (``2023-05-06 09:30 来源：云岭新闻网`` atop the text)."""
    run.lead = "\n".join(x.lstrip(CAPTION) for x in run.lines[:8] if len(x) <= 80)


def _date_in_header(run: PageRun) -> None:
    """The header's labelled date (``发布时间：2023年5月6日``), not a 最后更新 date, else its
    first date."""
    run.page.pub_date = _date_in(run.header)


def _date_atop_article(run: PageRun) -> None:
    """A date line at the top of the container (``2023-05-06 09:30 云岭新闻网``): a date that
    opens the line, carries a label or a time of day."""
    if not run.page.pub_date:
        run.page.pub_date = _lead_date(run.lines)


def _date_month_day(run: PageRun) -> None:
    """A month and day with a time and no year (``发布时间：05-06 09:30``, ``05-06 09:30``),
    the year taken from the page's meta date."""
    if run.page.pub_date:
        return
    m = _MD_LABEL.search(run.header) or _MD_LABEL.search(run.lead) or _MD_TIME.search(run.header)
    year = _meta_date(run.metas, run.ld)[:4]
    if m and year:
        run.page.pub_date = _iso(year, m.group(1), m.group(2))


def _date_below_article(run: PageRun) -> None:
    """A labelled date among the 40 elements under the article (``发布日期：2023-05-06``,
    government sites)."""
    if run.page.pub_date or run.c_idx < 0:
        return
    end = run.c_idx + sum(1 for _ in run.els[run.c_idx].iter()) - 1
    below = "\n".join(x for el in run.els[end + 1:end + 40] if el.tag not in _SKIP for x in (el.text, el.tail) if x)
    m = _DATE_LABEL.search(below)
    run.page.pub_date = _iso(*m.groups()[-3:]) if m else ""


def _date_in_meta(run: PageRun) -> None:
    """A publication-date meta tag (``article:published_time``) or JSON-LD ``datePublished``,
    when the page shows no date (not for WeChat: its meta dates are not the article's)."""
    if not run.page.pub_date and not run.wechat:
        run.page.pub_date = _meta_date(run.metas, run.ld)


def _date_in_script(run: PageRun) -> None:
    """A WeChat page's ``var ct = "1683336600"`` (seconds, Beijing time) as ``script_date``
    (2023-05-06), kept apart from ``pub_date``: the page shows it nowhere."""
    if not run.wechat:
        return
    m = _WECHAT_CT.search(run.html)
    if m:
        import datetime as dt

        t = dt.datetime.fromtimestamp(int(m.group(1)), dt.timezone(dt.timedelta(hours=8)))
        run.page.script_date = t.date().isoformat()


def _source_label(run: PageRun) -> None:
    """来源 labelled in the header, else in the lead lines: ``来源：云岭晚报`` → ``云岭晚报``."""
    m = _SOURCE_LABEL.search(run.header) or _SOURCE_LABEL.search(run.lead)
    if m:
        run.page.source = m.group(1)


def _source_element(run: PageRun) -> None:
    """No 来源 label: a short header element named so (``<span class="source">云岭晚报</span>``)."""
    if run.page.source:
        return
    for el in run.els[run.start:run.stop]:
        if el.tag not in _SKIP and _SOURCE_ATTR.search(_attrs(el)):
            s = _norm(_short_text(el))
            s = re.sub(r"^(?:来源|來源)[:：]?", "", s)
            if 2 <= len(s) <= 20 and not re.search(r"\d|时间|日期", s):
                run.page.source = s
                break


def _clean_paragraphs(run: PageRun) -> None:
    """The article's paragraphs from the container's lines (:func:`_clean_lines`): headline,
    bylines, date lines and furniture out; a byline or 来源 line found there kept."""
    run.page.paragraphs = _clean_lines(run.lines, run.page, several=run.page.articles > 1)


def _author_label(run: PageRun) -> None:
    """An author labelled in the header or the lead lines: ``作者：陈一鸣``, ``文/陈一鸣``."""
    m = _AUTHOR_LABEL.search(run.header) or _AUTHOR_LABEL.search(run.lead)
    if m:
        run.page.author = m.group(1).strip()


def _author_meta(run: PageRun) -> None:
    """No label: the JSON-LD or ``<meta name="author">`` author, if a name the page shows and
    not the site's (``<meta name="author" content="云岭新闻网">`` is no author)."""
    if run.page.author:
        return
    header, lead = run.header, run.lead
    named = _person(run.ld.get("author")) or run.metas.get("author", "")
    if not _NAME_LIKE.fullmatch(named) or named not in header + lead or \
            any(named in x or x in named for x in (run.page.site_name, run.site) if x):
        named = ""  # a site name, or a name the page does not show
    run.page.author = named


def _author_after_role(run: PageRun) -> None:
    """An author read with its role word: ``特约作者 陈一鸣`` → ``陈一鸣``."""
    if "作者" in run.page.author or "记者" in run.page.author:
        run.page.author = re.split(r"作者|记者", run.page.author)[-1].strip()


def _author_reporter(run: PageRun) -> None:
    """No author yet: the reporter of the byline line, the header or the first paragraph's
    dateline: ``本报讯（记者 陈一鸣 通讯员 李可）`` → ``陈一鸣``."""
    if run.page.author:
        return
    page = run.page
    m = (_REPORTER.search(page.byline) or _REPORTER.search(run.header)
         or (_REPORTER.search(page.paragraphs[0][:60]) if page.paragraphs else None))
    page.author = m.group(1) if m else ""


def _author_role_words(run: PageRun) -> None:
    """The author without the work words after the name: ``陈一鸣 整理`` → ``陈一鸣``.

    >>> run = PageRun.read("<p>x</p>"); run.page.author = "陈一鸣 整理报道"
    >>> _author_role_words(run); run.page.author
    '陈一鸣'
    """
    run.page.author = _ROLE_WORDS.sub("", run.page.author).strip()


def _refuse_empty(run: PageRun) -> None:
    """A page whose best block or article holds under :data:`MIN_BODY_CHARS` characters (a
    menu, a share box) is refused with an :class:`~lishui_analysis.errors.InputError`."""
    body_chars = sum(len(p) for p in run.page.paragraphs)
    if run.score < MIN_BODY_CHARS or body_chars < MIN_BODY_CHARS:
        raise InputError(run.path, f"no article found in the page (the most prose-like block holds {body_chars} characters)")


#: The steps of :func:`extract_page`, in order (stage ``"webpage"``). Each reads and sets
#: fields of a :class:`PageRun`; a step switched off leaves them as the steps before left them.
PAGE_STEPS = (
    _site_name, _canonical_url, _headline, _site_from_title,                   # the page's names
    _wechat_container, _prose_container, _join_sibling_blocks, _container_lines,  # the article
    _heading_by_article, _kicker_subtitle, _several_articles,                   # its headline, its count
    _header_text, _lead_text,                                                   # the text read for metadata
    _date_in_header, _date_atop_article, _date_month_day, _date_below_article, _date_in_meta, _date_in_script,
    _source_label, _source_element,
    _clean_paragraphs,
    _author_label, _author_meta, _author_after_role, _author_reporter, _author_role_words,
    _refuse_empty,
)


def extract_page(html: str, path="page.html") -> WebPage:
    """The article and metadata of a page's HTML text (a pure function of the text): the page
    read once into a :class:`PageRun`, then the steps of :data:`PAGE_STEPS` run on it."""
    run = PageRun.read(html, path)
    for step in active_steps(STAGE, PAGE_STEPS):
        step(run)
    return run.page

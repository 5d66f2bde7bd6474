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

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from ..errors import InputError
from .decode import decode_html

# Elements whose text is never page text.
_SKIP = frozenset({"script", "style", "noscript", "iframe", "svg", "template", "button", "select", "option",
                   "textarea", "input", "object", "embed", "canvas", "video", "audio", "head", "title", "meta",
                   "link", "map", "math"})
# Elements that start a new line.
_BLOCK = frozenset({"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3",
                    "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tr", "td", "th",
                    "blockquote", "pre", "figure", "figcaption", "center", "hr", "br", "form", "fieldset", "address",
                    "caption", "details", "summary", "body", "html"})
_HEADINGS = ("h1", "h2", "h3", "h4")
_PROSE_PUNCT = re.compile("[，。！？；、：,.!?;]")
_WS = re.compile(r"\s+")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_FURNITURE_ATTR = re.compile(r"foot|copyright|(?<![a-z])nav|menu|comment|sidebar|recommend|related|(?<![a-z])rank|"
                             r"banner|breadcrumb|(?<![a-z])header|share|(?<![a-z])hot", re.I)
_CAPTION_ATTR = re.compile(r"caption|descr|img_?desc|pic_?desc|img-?note|pic-?note|pictext|tuzhu|pic-?title|pic-?txt", re.I)
_TITLE_ATTR = re.compile(r"title|headline|biaoti|tit\b", re.I)
_SUBTITLE_ATTR = re.compile(r"sub-?title|subhead|(?<![a-z])fb(?![a-z])|fbt|fu-?biaoti|futi", re.I)
_KICKER_ATTR = re.compile(r"kicker|pre-?title|intro-?title|(?<![a-z])yt(?![a-z])|yinti|shoulder", re.I)
_SOURCE_ATTR = re.compile(r"source|from|laiyuan", re.I)
_CJK = re.compile("[\u4e00-\u9fff]")
# "-" between two letters or digits (2019-2020, COVID-19) joins, it does not separate
_TITLE_SEP = re.compile(r"\s*(?:_|\||｜|--|——|—|–|·|(?<![0-9A-Za-z])-|-(?![0-9A-Za-z]))\s*")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # never page text; lxml refuses some
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")  # XHTML: the text is decoded already
_END_OF_PAGE = re.compile(r"</(?:html|body)\s*>", re.I)
# (a year on its own, the month and day after it: <em>2019</em><em>12</em>/<em>10</em>)
_YMD = r"((?:19|20)\d{2})\s*[-/.年\s]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"
_DATE = re.compile(_YMD)
_DATE_LABEL = re.compile(r"(?:发布时间|发布日期|发表时间|发表于|发布于|时间|日期|发布)\s*[:：]?\s*" + _YMD)
_MD_LABEL = re.compile(r"(?:发布时间|发布日期|发表时间|发表于|时间)\s*[:：]?\s*(\d{1,2})[-/月](\d{1,2})日?\s*\d{1,2}:\d{2}")
_UPDATED = re.compile(r"(?:最后)?更新(?:时间|于)?\s*[:：]?\s*$")
_SOURCE_LABEL = re.compile(r"(?:来源|來源|稿源|出处)\s*[:：]?\s*([\u4e00-\u9fffA-Za-z0-9·\-—－]{2,30})")
_AUTHOR_LABEL = re.compile(r"(?:(?:作者|撰文)\s*[:：/]?|(?<![\u4e00-\u9fff])文\s*[/／｜|])\s*([\u4e00-\u9fffA-Za-z·]{2,20}(?:[ 、，,][\u4e00-\u9fff]{2,4}){0,3})")
_BYLINE_LINE = re.compile(r"^[【\[（(]?[^。！？；]{0,20}(?:记者|作者|文/|文｜|撰文|编译|通讯员)[^。！？；]{1,40}$")
# a line closing on a credit in brackets: （来源：梨视频） （资料来源：参考消息、海外网等）
_CREDIT_NOTE = re.compile(r"^[^。！？]{0,40}[（(](?:资料|图片|视频)?来源[:：][^（()）]{1,40}[）)]$")
_CREDIT_LINE = re.compile(r"[^。！？；]{0,24}(?:记者|编辑|校对|审核|摄影|供稿|通讯员|实习生|统筹|监制)[^。！？；]{0,30}")
_LABELS = re.compile(r"来源|作者|记者|发布时间|发布日期|浏览|阅读|评论|编辑")
_ROLE_WORDS = re.compile(r"(?:\s*(?:整合|编译|整理|报道|摄影?|供稿))+$")
_REPORTER = re.compile(r"(?:记者|作者)\s*([\u4e00-\u9fff]{2,4}(?:[ 、，,][\u4e00-\u9fff]{2,4}){0,3})")
_NUMBERED = re.compile(r"^(?:\d{1,2}|[一二三四五六七八九十])\s*[.、．]|^[•·●■◆▶►]")
_MD_TIME = re.compile(r"(?<![\d\-/])(\d{1,2})[-/](\d{1,2})\s+\d{1,2}:\d{2}")  # 09-07 15:10 (no year)
_MD_LINE = re.compile(r"^(?:发布时间|发布日期|发表时间|时间)?[:：]?\d{1,2}[-/]\d{1,2}\d{1,2}:\d{2}")
_DATE_ONLY = re.compile(_YMD + r"日?(?:\d{1,2}:\d{2}(?::\d{2})?)?")
_TAG_LIST = re.compile(r"(?:[^\s|｜,，/、。！？]{1,12}\s*[|｜,，/、]\s*){2,}[^\s|｜,，/、。！？]{1,12}")
_TIME = re.compile(r"\s*日?\s*\d{1,2}:\d{2}")
_NAME_LIKE = re.compile(r"[\u4e00-\u9fff·]{2,8}|[A-Za-z][A-Za-z .'-]{1,30}")
_WECHAT_CT = re.compile(r"""var\s+ct\s*=\s*["']?(\d{9,11})""")
#: An article shorter than this is no article (a menu, a share box): the page is refused.
MIN_BODY_CHARS = 20
#: Elements after the headline read for its date, 来源 and author (not a sidebar further down).
HEADER_ELEMENTS = 200
MAX_DEPTH_NOTE = "nested deeper than the HTML parser's limit (2048 elements)"


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


@lru_cache(maxsize=1)
def _furniture() -> dict:
    from ..vocab import load_yaml

    data = load_yaml("webpage.yaml")

    def starts(words):
        return re.compile("^(?:" + "|".join(re.escape(_WS.sub("", w)) for w in sorted(words, key=len, reverse=True)) + ")")

    return {
        "end": starts(data["end_markers"]),
        "drop": starts(data["drop_lines"]),
        "box": starts(data["lead_boxes"]),
        "site_end": tuple(data["site_name_endings"]),
        "date_meta": tuple(data["date_meta"]),
    }


# -- bytes → text ------------------------------------------------------------------------------

def parse_html(text: str, path):
    """The lxml tree of a page; a one-line refusal for what cannot be a page."""
    from lxml import etree

    # Plain lxml elements (not lxml.html's, whose class lookup per element doubles the cost).
    parser = etree.HTMLParser(huge_tree=True, remove_comments=True, remove_pis=True)
    # An included header or footer with its own </html> stops libxml2 reading the rest.
    text = _END_OF_PAGE.sub("", _XML_DECLARATION.sub("", _CONTROL.sub("", text), count=1))
    try:
        root = etree.fromstring(text, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as exc:
        raise InputError(path, f"not a readable web page ({exc})") from None
    for err in parser.error_log:
        if "Excessive depth" in err.message:
            raise InputError(path, f"page refused: {MAX_DEPTH_NOTE}")
    if root is None:
        raise InputError(path, "not a readable web page (no HTML in it)")
    return root


def _attrs(el) -> str:
    a = el.attrib
    return (a.get("class") or "") + " " + (a.get("id") or "")


def _norm(s: str) -> str:
    return _WS.sub("", s or "")


def _is_caption(el) -> bool:
    if el.tag == "figcaption" or _CAPTION_ATTR.search(_attrs(el)):
        return True
    # a picture's block: an image (or a linked image) with a few words beside it
    return el.tag in _BLOCK and len(el) <= 3 and any(
        c.tag == "img" or (c.tag == "a" and len(c) == 1 and c[0].tag == "img") for c in el)


CAPTION = "\x02"  # marks a line of an image caption in _text_lines' output


def _text_lines(node, captions: bool = False) -> list[str]:
    """The visible text of ``node``: one line per block element or ``<br>``, whitespace runs
    collapsed (kept in ``<pre>``), stripped, non-empty. With ``captions``, lines of image
    captions start with :data:`CAPTION`."""
    from lxml import etree

    parts: list[str] = []
    walker = etree.iterwalk(node, events=("start", "end"))
    skipped = None
    pre = 0
    caption = None
    nl = "\n"
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else ""
        if event == "start":
            # (the container itself may be hidden until a script shows it: WeChat's js_content)
            if tag in _SKIP or not tag or (el is not node and _HIDDEN.search(el.attrib.get("style", ""))) \
                    or (tag == "a" and el is not node and _marks(_furniture()["end"], _norm(_short_text(el)))):
                # (a link to the site inside the last paragraph: 返回腾讯网首页>>)
                walker.skip_subtree()
                skipped = el
                continue
            if captions and caption is None and tag in _BLOCK and _is_caption(el):
                caption, nl = el, "\n" + CAPTION
            if tag in _BLOCK:
                parts.append(nl)
            if tag == "pre":
                pre += 1
            if el.text:
                parts.append(el.text if pre else _WS.sub(" ", el.text))
        else:
            if el is skipped:
                skipped = None
            else:
                if tag == "pre":
                    pre -= 1
                if tag in _BLOCK:
                    parts.append(nl)
                if el is caption:
                    caption, nl = None, "\n"
                    parts.append(nl)
            if el.tail and el is not node:
                parts.append(el.tail if pre else _WS.sub(" ", el.tail))
    text = "".join(parts).replace("\u3000", " ").replace("\xa0", " ")
    return [ln.strip() for ln in text.split("\n") if ln.strip() and ln.strip() != CAPTION]


# -- the article's container -----------------------------------------------------------------

def _prose_scores(els: list, index: dict) -> list[float]:
    """Per element of ``els``, the prose it holds directly.

    One pass from the leaves up: each element's text length, link-text length and sentence
    punctuation, and whether a block element is inside it. A child with no block inside is a
    paragraph: its prose (text with sentence punctuation, link text excluded; text without
    counts 0.3) adds to its parent's score, as does text written directly in the parent.
    """
    n = len(els)
    tot = [0] * n
    link = [0] * n
    punct = [0] * n
    inner = [False] * n  # a block element inside (below the element itself)
    direct = [0.0] * n
    parent = [index.get(el.getparent(), -1) for el in els]
    end = _furniture()["end"]
    for i in range(n - 1, -1, -1):
        el = els[i]
        tag = el.tag
        skip = tag in _SKIP
        if not skip and el.text:
            t = el.text.strip()
            if t:
                k = len(_PROSE_PUNCT.findall(t))
                tot[i] += len(t)
                punct[i] += k
                direct[i] += len(t) if k else 0.3 * len(t)
        if tag == "a":
            link[i] = tot[i]
        p = parent[i]
        if p < 0:
            continue
        tail = el.tail.strip() if el.tail else ""
        if tail:
            k = len(_PROSE_PUNCT.findall(tail))
            tot[p] += len(tail)
            punct[p] += k
            direct[p] += len(tail) if k else 0.3 * len(tail)
        if skip:
            continue
        tot[p] += tot[i]
        link[p] += link[i]
        punct[p] += punct[i]
        if (tag in _BLOCK and tag != "br") or inner[i]:
            inner[p] = True
        if not inner[i]:
            prose = tot[i] - link[i]
            if prose > 0 and el.text and _marks(end, _norm(el.text)):
                prose = 0  # a paragraph of furniture: 责任编辑, 免责声明, 版权所有 …
            if prose > 0:
                direct[p] += prose if punct[i] else 0.3 * prose
    return direct


def _pick_container(els: list, index: dict, direct: list, title_idx: int) -> tuple[int, float]:
    """The element with the best prose score, page furniture (an element, or one inside an
    element, named footer, nav, comment, related …) and blocks above the headline weighed
    down; and its prose score."""
    n = len(els)
    furniture = [False] * n
    title_line = set()
    if title_idx >= 0:
        x = els[title_idx]
        while x is not None:
            title_line.add(index.get(x, -1))
            x = x.getparent()
    best, best_score = -1, 0.0
    for i, el in enumerate(els):
        p = index.get(el.getparent(), -1)
        furniture[i] = (p >= 0 and furniture[p]) or (el.tag not in ("html", "body")
                                                      and bool(_FURNITURE_ATTR.search(_attrs(el))))
        if not direct[i]:
            continue
        score = direct[i] * (0.1 if furniture[i] else 1.0)
        if 0 <= i < title_idx and i not in title_line:
            score *= 0.5
        if score > best_score:
            best, best_score = i, score
    return best, (direct[best] if best >= 0 else 0.0)


def _merge_siblings(els: list, index: dict, best: int, direct: list) -> int:
    """The article split over sibling blocks of one kind (``<div class=section>`` × n, pages of
    an article): their parent is the container."""
    el = els[best]
    parent = el.getparent()
    if parent is None:
        return best
    kind = (el.tag, el.get("class"))
    like = [c for c in parent if c is not el and isinstance(c.tag, str) and (c.tag, c.get("class")) == kind
            and direct[index[c]] >= 0.3 * direct[best]]
    return index[parent] if like else best


def _title_neighbours(title_el) -> tuple[str, str]:
    """引题 and 副题 around the headline (e-paper pages): the element just before it and the one
    just after it, when headings or named so, short, and not a date, byline or sentence."""

    def line(el, attr) -> str:
        if el is None or not isinstance(el.tag, str):
            return ""
        if not (el.tag in ("h2", "h3", "h4", "h5", "h6") or attr.search(_attrs(el))):
            return ""
        text = _short_text(el)
        key = _norm(text)
        if not 2 <= len(key) <= 60 or _DATE.search(key) or re.search("记者|来源|作者|编辑|通讯员", key) \
                or key[-1] in "。！？；":
            return ""
        return text

    return line(title_el.getprevious(), _KICKER_ATTR), line(title_el.getnext(), _SUBTITLE_ATTR)


# -- title -----------------------------------------------------------------------------------

def _clean_title(raw: str, site_name: str = "") -> tuple[str, str]:
    """``'标题_网易财经'`` → ``('标题', '网易财经')``: the title without the site name(s) after
    (or before) a separator, and the site name taken off."""
    raw = _WS.sub(" ", raw or "").strip()
    f = _furniture()
    parts = _TITLE_SEP.split(raw)
    seps = _TITLE_SEP.findall(raw)
    if len(parts) == 1:
        return raw, ""

    def is_site(seg: str, sep: str, leading: bool = False) -> bool:
        seg = seg.strip()
        if not seg:
            return True
        if site_name and (seg == site_name or seg in site_name or site_name in seg):
            return True
        if len(seg) > 20:
            return False
        if seg.isascii() and _CJK.search(raw) and not leading:
            return True  # a Latin site name after a Chinese title ("The Paper", "Sina.com")
        if len(seg) > 16:
            return False
        if seg.endswith(f["site_end"]) or re.search(r"\.(?:com|cn|net|org)\b", seg, re.I):
            return True
        return sep.strip() in ("_", "|", "｜") and (len(seg) <= 10 or 2 * len(seg) <= len(parts[0]))

    site = ""
    while len(parts) > 1 and is_site(parts[-1], seps[-1]):
        site = site or parts[-1].strip()
        parts.pop()
        seps.pop()
    while len(parts) > 1 and is_site(parts[0], seps[0], leading=True) and len(parts[0]) < len(parts[1]):
        site = site or parts[0].strip()
        parts.pop(0)
        seps.pop(0)
    out = parts[0]
    for sep, part in zip(seps, parts[1:]):
        out += sep + part
    return out.strip(), site


#: Headings and title-named elements looked at for the headline, and the elements one may
#: hold: the work on the headline stays bounded on hostile pages.
MAX_TITLE_CANDIDATES = 1000
MAX_TITLE_ELEMENTS = 60


def _short_text(el) -> str:
    """The text of a small element (a headline is), else ""."""
    for n, _ in enumerate(el.iter()):
        if n >= MAX_TITLE_ELEMENTS:
            return ""
    return " ".join(_text_lines(el))


def _find_title(els, raw_title: str, meta_title: str, site_name: str):
    """``(title, element index or -1, site name from the <title>)``: the heading (or short
    element) whose text is the cleaned ``<title>``, or the part of it before a separator, or
    most of it; else the page's main heading; else the cleaned ``<title>``."""
    cleaned, site = _clean_title(raw_title or meta_title, site_name)
    refs = [_norm(x) for x in (raw_title, meta_title) if x]
    target = _norm(cleaned)

    def in_title(t: str, r: str) -> bool:
        return t in r and (len(t) >= 0.6 * len(target) or (r.startswith(t) and bool(_TITLE_SEP.match(r[len(t):] or "_"))))

    best, best_key = None, None
    seen = 0
    for i, el in enumerate(els):
        tag = el.tag
        if tag in _HEADINGS or (tag not in _SKIP and _TITLE_ATTR.search(_attrs(el))):
            seen += 1
            if seen > MAX_TITLE_CANDIDATES:
                break
            text = _short_text(el)
        elif tag not in _SKIP and el.text and 4 <= len(el.text.strip()) <= 120 and target and \
                _norm(el.text) == target:
            text = el.text.strip()
        else:
            continue
        t = _norm(text)
        if len(t) < 4 or len(t) > 150:
            continue
        if t == target:
            score = 3
        elif any(in_title(t, r) for r in refs):
            score = 2
        elif target and target in t and len(t) <= len(target) + 12 and tag in _HEADINGS:
            score = 1
        else:
            continue
        key = (score, tag == "h1", len(t), -i)
        if best_key is None or key > best_key:
            best, best_key = (text, i), key
    if best:
        return best[0], best[1], site
    return cleaned, -1, site


def _heading_above(els: list, c_idx: int) -> int:
    """The headline when none matches ``<title>``: the nearest heading (``h1``–``h4``; else an
    element named title) with the text of a headline — not furniture, a date line or a sentence
    — above the article's container, else the first among its first elements. -1 if none."""
    inside = c_idx + sum(1 for _ in zip(range(30), els[c_idx].iter()))
    found: dict[tuple[bool, bool], int] = {}  # (above, a heading tag) → index
    for i in range(max(0, c_idx - HEADER_ELEMENTS), min(inside, len(els))):
        el = els[i]
        heading = el.tag in _HEADINGS
        if not (heading or _TITLE_ATTR.search(_attrs(el))) or _FURNITURE_ATTR.search(_attrs(el)):
            continue
        key = _norm(_short_text(el))
        if not 6 <= len(key) <= 80 or key[-1] in "。；：" or _furniture()["end"].match(key) \
                or _DATE.search(key) or _LABELS.search(key):
            continue
        if i < c_idx:
            found[(True, heading)] = i  # the nearest above
        else:
            found.setdefault((False, heading), i)  # the first inside
    for k in ((True, True), (True, False), (False, True), (False, False)):
        if k in found:
            return found[k]
    return -1


# -- metadata --------------------------------------------------------------------------------

def _metas(root) -> dict:
    out: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = (m.get("content") or "").strip()
        if key and val and key not in out:
            out[key] = val
    return out


def _json_ld(root) -> dict:
    out: dict = {}
    for s in root.iter("script"):
        if (s.get("type") or "").lower() != "application/ld+json" or not s.text:
            continue
        try:
            data = json.loads(s.text)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                for k in ("headline", "datePublished", "author", "publisher"):
                    if k in item and k not in out:
                        out[k] = item[k]
    return out


def _iso(y, m, d) -> str:
    import datetime as dt

    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return ""


def _date_in(text: str) -> str:
    """The labelled publication date in ``text`` (not a 最后更新 date), else the first date."""
    for m in _DATE_LABEL.finditer(text):
        if not _UPDATED.search(text[max(0, m.start() - 8):m.start()]):
            d = _iso(*m.groups()[-3:])
            if d:
                return d
    for m in _DATE.finditer(text):
        if _UPDATED.search(text[max(0, m.start() - 8):m.start()]):
            continue
        d = _iso(*m.groups())
        if d:
            return d
    return ""


def _meta_date(metas: dict, ld: dict) -> str:
    for key in _furniture()["date_meta"]:
        if key in metas:
            d = _date_in(metas[key])
            if d:
                return d
    if isinstance(ld.get("datePublished"), str):
        return _date_in(ld["datePublished"])
    return ""


def _person(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name", "")
    return value.strip() if isinstance(value, str) else ""


# -- the article's lines ---------------------------------------------------------------------

def _prose(line: str) -> bool:
    return bool(_PROSE_PUNCT.search(line))


def _marks(pattern, key: str) -> bool:
    """``key`` (a line without whitespace) opens with a furniture word of ``pattern``: a word of
    two characters (举报, 评论, 返回) only on a line that is little more than the word, a word
    of three only on a line of up to 80 characters (not a paragraph that opens with it)."""
    m = pattern.match(key) or pattern.match(key.lstrip("（(【[〔<《"))  # (责编：…) 【编辑：…】
    if not m:
        return False
    n = len(m.group())
    return n >= 4 or len(key) <= (12 if n <= 2 else 80)


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


def _lead_date(lines: list[str]) -> str:
    """A date line at the top of the article's container (``2019-09-05 11:10 游民星空``,
    ``发布时间：…``): a date that opens the line, carries a label or a time of day."""
    for line in lines[:8]:
        key = line.lstrip(CAPTION).strip()
        if len(key) > 80:
            continue
        m = _DATE.search(key)
        if m and (m.start() == 0 or _DATE_LABEL.search(key) or _TIME.match(key[m.end():])):
            d = _date_in(key)
            if d:
                return d
    return ""


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

"""The visible text of a saved page: the lxml tree of its HTML, the lines of text an element
shows (one per block element or ``<br>``; scripts, hidden elements and furniture links left
out; image captions marked), and the page-furniture words of ``data/webpage.yaml``.

The ground floor of :mod:`.webpage`: :mod:`.container`, :mod:`.headline` and :mod:`.pagemeta`
read the page through it; it imports none of them.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..errors import InputError

# Elements whose text is never page text.
_SKIP = frozenset({"script", "style", "noscript", "iframe", "svg", "template", "button", "select", "option",
                   "textarea", "input", "object", "embed", "canvas", "video", "audio", "head", "title", "meta",
                   "link", "map", "math"})
# Elements that start a new line.
_BLOCK = frozenset({"p", "div", "section", "article", "main", "header", "footer", "aside", "nav", "h1", "h2", "h3",
                    "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "table", "tbody", "thead", "tr", "td", "th",
                    "blockquote", "pre", "figure", "figcaption", "center", "hr", "br", "form", "fieldset", "address",
                    "caption", "details", "summary", "body", "html"})
_PROSE_PUNCT = re.compile("[，。！？；、：,.!?;]")
_WS = re.compile(r"\s+")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_FURNITURE_ATTR = re.compile(r"foot|copyright|(?<![a-z])nav|menu|comment|sidebar|recommend|related|(?<![a-z])rank|"
                             r"banner|breadcrumb|(?<![a-z])header|share|(?<![a-z])hot", re.I)
_CAPTION_ATTR = re.compile(r"caption|descr|img_?desc|pic_?desc|img-?note|pic-?note|pictext|tuzhu|pic-?title|pic-?txt", re.I)
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")  # never page text; lxml refuses some
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]{0,200}\?>")  # XHTML: the text is decoded already
_END_OF_PAGE = re.compile(r"</(?:html|body)\s*>", re.I)
MAX_DEPTH_NOTE = "nested deeper than the HTML parser's limit (2048 elements)"
#: Elements a headline may hold (:func:`_short_text`): the work on it stays bounded on hostile pages.
MAX_TITLE_ELEMENTS = 60
CAPTION = "\x02"  # marks a line of an image caption in _text_lines' output


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


def _short_text(el) -> str:
    """The text of a small element (a headline is), else ""."""
    for n, _ in enumerate(el.iter()):
        if n >= MAX_TITLE_ELEMENTS:
            return ""
    return " ".join(_text_lines(el))


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

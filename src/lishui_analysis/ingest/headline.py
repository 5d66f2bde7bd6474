"""The headline of a saved page: the heading whose text best matches ``<title>`` (or
``og:title``), else ``<title>`` without its site name; the heading by the article when
``<title>`` names only a section; and the 引题/副题 around the headline (e-paper pages).
"""
from __future__ import annotations

import re

from .pagemeta import _DATE, HEADER_ELEMENTS
from .pagetext import _FURNITURE_ATTR, _SKIP, _WS, _attrs, _furniture, _norm, _short_text

_HEADINGS = ("h1", "h2", "h3", "h4")
_TITLE_ATTR = re.compile(r"title|headline|biaoti|tit\b", re.I)
_SUBTITLE_ATTR = re.compile(r"sub-?title|subhead|(?<![a-z])fb(?![a-z])|fbt|fu-?biaoti|futi", re.I)
_KICKER_ATTR = re.compile(r"kicker|pre-?title|intro-?title|(?<![a-z])yt(?![a-z])|yinti|shoulder", re.I)
_CJK = re.compile("[\u4e00-\u9fff]")
# "-" between two letters or digits (2019-2020, COVID-19) joins, it does not separate
_TITLE_SEP = re.compile(r"\s*(?:_|\||｜|--|——|—|–|·|(?<![0-9A-Za-z])-|-(?![0-9A-Za-z]))\s*")
_LABELS = re.compile(r"来源|作者|记者|发布时间|发布日期|浏览|阅读|评论|编辑")
#: Headings and title-named elements looked at for the headline: the work on it stays bounded
#: on hostile pages.
MAX_TITLE_CANDIDATES = 1000


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

"""The article's container in a page's tree: the element holding the most prose.

The method of text-density extractors such as GNE, written anew: every element is scored by the
text of its *paragraph-like* children — children with no block element inside — that reads as
prose (has sentence punctuation), link text excluded; the element with the most, page furniture
and blocks above the headline weighed down, is the article's container. :mod:`.webpage` runs
these as its steps; WeChat's ``#js_content`` is taken there without scoring.
"""
from __future__ import annotations

from .pagetext import _BLOCK, _FURNITURE_ATTR, _PROSE_PUNCT, _SKIP, _attrs, _furniture, _marks, _norm

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

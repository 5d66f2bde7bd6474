"""Multinational makers named by their brand alone (ABB, 西门子, 施耐德电气): step ``organizations.brands``.

The press names a foreign maker of electrical and automation equipment by its brand, with no legal form
and often in a list of suppliers (生产线选用甲、乙的控制系统, 已集聚甲、乙等高端装备企业): nothing in the form
makes it a name, so the brands are vocabulary (``organizations.yaml`` ``brands``, with their class). A country
right before a brand in Chinese characters is part of the name as written (德国某某 — as the press writes
德国某某集团); before a brand in Latin letters it is not (日本某某Tec集团 is 某某Tec集团 in the development
gold). A brand in Latin letters is never read inside a longer Latin word (ABBA). A brand that opens the
name of a company the article names in full (某某（中国）有限公司) is that company.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..vocab import org_vocab
from .org_tables import tables as _tables

_LATIN = re.compile("[A-Za-z]")


@lru_cache(maxsize=1)
def _brands() -> tuple[re.Pattern | None, int]:
    words = sorted({w for w in org_vocab().get("brands") or ()}, key=len, reverse=True)
    if not words:
        return None, 0
    t = _tables()
    longest_place = max((len(p) for p in t["places"]), default=0)
    return re.compile("|".join(re.escape(w) for w in words)), longest_place


def brand_mentions(text: str) -> Iterator[tuple[int, int]]:
    """Spans of the brands of ``text``, a country before a brand in Chinese characters included.

    >>> list(brand_mentions("生产线选用ABB、德国西门子的系统；ABBA乐队"))
    [(5, 8), (9, 14)]
    """
    rx, longest = _brands()
    if rx is None:
        return
    places = _tables()["places"]
    for m in rx.finditer(text):
        s, e = m.span()
        if _LATIN.match(m.group()):
            if (s and _LATIN.match(text, s - 1)) or _LATIN.match(text, e):
                continue  # (inside a longer Latin word)
            yield s, e
            continue
        # the longest place ending right before the brand (德国, 瑞士, 新加坡)
        before = next((k for k in range(min(longest, s), 1, -1) if text[s - k:s] in places), 0)
        yield s - before, e


def brand_companies(brands: set[str], companies: set[str]) -> dict[str, str]:
    """Brand (as found, a country included) → the one company of ``companies`` whose name opens with the
    brand after its leading places (某某 → 某某（中国）有限公司); none when two do.

    >>> brand_companies({"西门子", "德国西门子"}, {"西门子（亚太）有限公司", "某某电气有限公司"}) == {
    ...     "西门子": "西门子（亚太）有限公司", "德国西门子": "西门子（亚太）有限公司"}
    True
    """
    rx, _ = _brands()
    if rx is None or not brands:
        return {}
    chain = _tables()["place_chain_re"]
    out = {}
    for brand in brands:
        core = brand[m.end():] if (m := chain.match(brand)) and m.end() < len(brand) else brand
        if not rx.fullmatch(core):
            continue
        fits = set()
        for c in companies:
            k = m.end() if (m := chain.match(c)) else 0
            if c != core and c.startswith(core, k) and len(c) > k + len(core):
                fits.add(c)
        if len(fits) == 1:
            out[brand] = fits.pop()
    return out

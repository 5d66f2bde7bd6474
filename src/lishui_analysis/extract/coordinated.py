"""Holders coordinated before a milestone verb: two companies joined by 和/及 (甲有限公司和乙有限公司签约
入驻) are each a holder of it. Not 与/同, which join the two parties of one act (甲公司与乙管委会签约),
and not bodies or projects (甲体育馆和游泳馆 may be one name). A pure function of the body's holders.
"""
from __future__ import annotations

import re

from .holders import Holder, Holders

_PAIR_JOIN = ("和", "及", "以及")
_NO_BREAK = re.compile(r"[“”\" \u4e00-\u9fff]*")


def pair_before(holders: Holders, verb_re: re.Pattern, s_start: int, start: int) -> tuple[Holder, Holder] | None:
    """The two companies joined by 和/及 that end right before the verb at ``start`` (verbs of a chain
    before it and a few words may stand between), in text order; None if there are none.

    >>> from .holders import find_holders
    >>> from .organizations import extract_org_mentions
    >>> def pair(text):
    ...     found = pair_before(find_holders(text, extract_org_mentions(text)), re.compile("签约|入驻"), 0,
    ...                         text.index("签约"))
    ...     return found and [h.name for h in found]
    >>> pair("星河精工有限公司和云溪新材料有限公司正式签约。")
    ['星河精工有限公司', '云溪新材料有限公司']
    >>> pair("星河精工有限公司与云溪新材料有限公司签约。") is None
    True
    """
    near = holders.between(max(s_start, start - 80), start)
    if len(near) < 2:
        return None
    first, second = near[-2], near[-1]
    text = holders.text
    if first.kind == second.kind == "company" and text[first.end:second.start] in _PAIR_JOIN \
            and _short_gap(text, verb_re, second.end, start):
        return first, second
    return None


def _short_gap(text: str, verb_re: re.Pattern, lo: int, hi: int) -> bool:
    """``text[lo:hi]`` holds no break and, besides milestone verbs (甲和乙签约入驻: 签约 before 入驻;
    已入驻园区投入生产), a few words at most (quotes and spaces aside): 正式, 在云溪, 已经."""
    if hi - lo > 16 or not _NO_BREAK.fullmatch(text, lo, hi):
        return False
    other, q = 0, lo
    while q < hi:
        m = verb_re.match(text, q, hi)
        if m is not None and m.end() > q:
            q = m.end()
            continue
        other += text[q] not in "“”\" "
        q += 1
    return other <= 4

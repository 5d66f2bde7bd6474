"""Coordination around milestone verbs. Two companies joined by 和/及 before a verb (甲有限公司和乙有限公司
签约入驻) are each a holder of it — not 与/同, which join the two parties of one act (甲公司与乙管委会签约),
nor bodies or projects (甲体育馆和游泳馆 may be one name). Verbs listed before 分别 and as many counts
after it go one to one (新开工、新竣工项目分别达12个和8个: 12 started, 8 completed). Pure functions of
the body and its holders, each reading a bounded window.
"""
from __future__ import annotations

import re

from .batch_members import COUNT_CHARS
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


_COUNT = rf"[{COUNT_CHARS}]+个"
_RESPECTIVE = re.compile(rf"分别(?:达到|达|为|是|有)?(?P<counts>{_COUNT}(?:(?:、|和|及){_COUNT})+)")
_ONE_COUNT = re.compile(_COUNT)


def respective_count(text: str, verb_re: re.Pattern, cstart: int, start: int, end: int,
                     window: int = 40) -> tuple[str, str, None, int, int] | None:
    """The batch of the verb at ``start:end`` when the verbs listed before 分别 take as many counts
    after it in order (新开工、新竣工重点项目分别为12个和8个: 开工 → 重点项目12个): its name (the
    noun after the verbs and its count), ``"batch"``, no organization, and the count's span; None
    otherwise. Reads at most ``window`` characters after the verb and before it.

    >>> verbs = re.compile("开工|竣工")
    >>> text = "全市新开工、新竣工重点项目分别为12个和8个。"
    >>> [respective_count(text, verbs, 0, k, k + 2)[0] for k in (3, 7)]
    ['重点项目12个', '重点项目8个']
    >>> respective_count("甲项目开工，乙项目分别投资3个和5个", verbs, 0, 3, 5) is None
    True
    """
    m = _RESPECTIVE.search(text, end, min(len(text), end + window))
    if m is None or any(ch in text[end:m.start()] for ch in "，,；;。"):
        return None
    verbs = [v for v in verb_re.finditer(text, max(cstart, start - window), m.start())]
    # the verbs are one list: each after the one before it across 、/和 and a prefix (新, 集中)
    if not any(v.start() == start for v in verbs) or any(
            not re.fullmatch(r"[新已集中]*[、和及][新已集中]*", text[a.end():b.start()]) for a, b in zip(verbs, verbs[1:])):
        return None
    counts = list(_ONE_COUNT.finditer(text, m.start("counts"), m.end("counts")))
    if len(counts) != len(verbs):
        return None
    i = next(k for k, v in enumerate(verbs) if v.start() == start)
    noun = text[verbs[-1].end():m.start()].lstrip("、和及新已集中的")
    return noun + counts[i].group(), "batch", None, counts[i].start(), counts[i].end()


def in_chain(verb_re: re.Pattern, text: str, start: int, end: int) -> bool:
    """The verb at ``start:end`` is one of two or more milestone verbs written together (开工投产投运).

    >>> in_chain(re.compile("开工|投产"), "项目开工投产", 2, 4), in_chain(re.compile("开工|投产"), "项目开工了", 2, 4)
    (True, False)
    """
    if verb_re.match(text, end):
        return True
    return any(p.end() == start for p in verb_re.finditer(text, max(0, start - 4), start))


def chain_ends(verb_re: re.Pattern, text: str, end: int, most: int = 3) -> list[int]:
    """``end`` (a milestone verb's) and the ends of the milestone verbs written right after it, at most
    ``most`` of them (建成投产达产: a chain is short; bounded, so a run of verbs stays linear).

    >>> chain_ends(re.compile("建成|投产|达产"), "项目建成投产达产后", 4)
    [4, 6, 8]
    """
    ends = [end]
    for _ in range(most):
        m = verb_re.match(text, ends[-1])
        if m is None or m.end() == ends[-1]:
            break
        ends.append(m.end())
    return ends

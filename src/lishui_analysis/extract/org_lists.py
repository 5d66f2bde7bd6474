"""Lists in an article that say what their items are: a list holding a government body lists bodies
(:func:`listed_bodies`), a list of projects lists projects (:func:`in_project_list`), a list closed by
等…企业 lists firms (:func:`enumerations` after a verb of enumeration, :func:`clause_lists` opening a clause).

Pure functions of the text, used by :func:`.organizations.find_full_names`; each reads a list once.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import cast

from .org_tables import tables as _tables


_LIST_RUN = re.compile(r"[\u4e00-\u9fff]{2,16}")
_LIST_RUN_END = re.compile(r"[\u4e00-\u9fff]{0,16}\Z")  # searched with an end position


def listed_bodies(text: str, bodies: list[tuple[int, int]],
                  name_of: Callable[[str, str, bool, bool], str]) -> list[tuple[int, int, str]]:
    """Step ``organizations.listed_bodies``: the other items of a list (``、``) that holds a government
    body are bodies when they end in a body's suffix, with or without a place before it — a list of
    units shortens its names (``县商务局、应急管理局等部门``; ``责任单位：市发改委、市某某办``).
    Each list is read once, from its first body on, both ways. ``bodies``: the spans of the bodies
    found; ``name_of(run, suffix, function_prefix, listed)``: the name in an item (that of
    :mod:`.organizations`). Returns ``(start, end, name)`` of each body listed."""
    t = _tables()
    out: list[tuple[int, int, str]] = []
    done: set[int] = set()  # list separators already read

    def item_at(s: int, e: int) -> None:
        raw = text[s:e]
        cut = raw.find("等")  # 某某局等部门: the list ends at 等
        if cut >= 2:
            raw, e = raw[:cut], s + cut
        suffix = next((x for x in t["gov_suffixes"] if raw.endswith(x)), None)
        if suffix is None:  # the last item, with what follows it (某某局通力协作): its first suffix ends it
            m = next((m for m in t["gov_suffix_re"].finditer(raw, 1)
                      if not raw.startswith(t["not_followed"].get(m.group(), ()), m.end())), None)
            if m is None:
                return
            raw, e, suffix = raw[:m.end()], s + m.end(), m.group()
        name = name_of(raw, suffix, True, True)
        if name:
            out.append((e - len(name), e, name))

    for start, end in bodies:
        pos = end  # rightwards
        while text.startswith("、", pos) and pos not in done:
            done.add(pos)
            m = _LIST_RUN.match(text, pos + 1)
            if m is None:
                break
            item_at(m.start(), m.end())
            pos = m.end()
        pos = start - 1  # leftwards
        while pos > 0 and text[pos] == "、" and pos not in done:
            done.add(pos)
            m = cast(re.Match[str], _LIST_RUN_END.search(text, max(0, pos - 16), pos))
            if m.end() - m.start() < 2:
                break
            item_at(m.start(), m.end())
            pos = m.start() - 1
    return out


_PROJECT_ITEM_END = re.compile(r"(?:项目|工程)(?:[（(][^）)、，。]{1,8}[）)])?$")
_ITEM_SEPARATORS = "、，。；：\n"


def in_project_list(text: str, start: int, end: int) -> bool:
    """Step ``organizations.project_lists``: a body's name that is a whole item of a list (``、``)
    next to an item ending in 项目 or 工程 is a project of that list, a building, not the body
    (``…道路工程、某某市民服务中心、某某厂房项目``)."""
    before, after = text[start - 1:start], text[end:end + 1]
    if not (after == "、" or (before == "、" and (not after or after in _ITEM_SEPARATORS))):
        return False  # (the first item follows whatever introduces the list: 包括某某中心、…)
    if before == "、" and _PROJECT_ITEM_END.search(text, max(0, start - 41), start - 1):  # the item before
        return True
    if after == "、":  # the item after
        nxt = min((i for i in (text.find(c, end + 1, end + 41) for c in _ITEM_SEPARATORS) if i >= 0), default=-1)
        if nxt > 0 and _PROJECT_ITEM_END.search(text[end + 1:nxt]):
            return True
    return False


_ITEM = re.compile(r"[\u4e00-\u9fff]{2,6}、")
_LAST_ITEM = re.compile(r"[\u4e00-\u9fff]{2,6}等[^，。；]{0,14}?(?:企业|公司)")
#: A list this long or longer makes :func:`enumerations` read each list once.
_LONG_LIST = re.compile(r"(?:[\u4e00-\u9fff]{2,6}、){12}")
#: What every match of ``enum_re`` holds (its tail, from 等 to 企业/公司): a text without it has no match, and
#: neither the long-list check nor the scan is made (≈ 99 % of bodies; both cost ≈ 30 µs a body).
_ENUM_TAIL = re.compile(r"等[^，。；]{0,14}?(?:企业|公司)")


def enumerations(text: str, long_lists: bool | None = None):
    """``enum_re.finditer(text)`` (涵盖了A、B、C等6家企业), linear in a long list. The regex engine reads
    a list to its end from each enumeration verb, then back item by item for one followed by 等…企业:
    a list of many items holding many verbs (如甲、如乙、…) costs the square of the list, in one call
    into C. The match from a verb ends at the furthest item of its list, from the verb's first item
    on, that 等…企业 can follow (:data:`_LAST_ITEM`), and the lists of all verbs in one list share
    their items after the first: the furthest such item from each item on is found once per list
    (``best``), and the regex is run only up to it. Used when the text has a list of twelve items or
    more (``long_lists``); the matches are those of ``finditer`` either way."""
    t = _tables()
    rx = t["enum_re"]
    if _ENUM_TAIL.search(text) is None:
        return
    if long_lists is None:
        long_lists = _LONG_LIST.search(text) is not None
    if not long_lists:
        yield from rx.finditer(text)
        return
    verbs, verb_re = t["enum_verbs"]
    best: dict[int, int] = {}   # item start → the furthest item start, from it on, that can end the list; -1: none

    def furthest(b: int) -> int:
        path = []  # (item start, the next item's start; None for the item that ends the list)
        while b not in best:
            item = _ITEM.match(text, b)
            path.append((b, item.end() if item else None))
            if item is None:
                break
            b = item.end()
        for x, nxt in reversed(path):
            after = best[nxt] if nxt is not None else -1
            best[x] = after if after >= 0 else (x if _LAST_ITEM.match(text, x) else -1)
        return best[path[0][0]] if path else best[b]

    pos, n = 0, len(text)
    while True:
        v = verb_re.search(text, pos)
        if v is None:
            return
        p, m = v.start(), None
        for w in verbs:
            if text.startswith(w, p):
                first = _ITEM.match(text, p + len(w))
                if first is not None and (end := furthest(first.end())) >= 0:
                    m = rx.match(text, p, min(n, end + 23)) or rx.match(text, p)
                    break
        if m is not None:
            yield m
            pos = m.end()
        else:
            pos = p + 1


#: A list of short names opening a clause and closed by 等…企业 with a word between (宁德时代、比亚迪等龙头企业
#: 参会, 等5家企业): firms, as after a verb of enumeration; a bare 等企业 closes lists of lines of business too
#: (外延、晶圆制造等企业). Read from clause starts only (a list holds no clause mark: each start is read once).
_CLAUSE_LIST = re.compile(r"(?:(?<=[，。；：\n])|\A)((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6})等([^，。；、]{1,8}?)(?:企业|公司)")
#: Its tail, from 等 to 企业/公司: a text without it has no match (a search for 等 is ≈ 30× faster than the scan,
#: which tries the clause-start lookbehind at every position).
_CLAUSE_TAIL = re.compile(r"等[^，。；、]{1,8}?(?:企业|公司)")


def clause_lists(text: str):
    """The matches of :data:`_CLAUSE_LIST` (group 1 the list, group 2 what stands between 等 and 企业)
    whose first item opens with no break word (尤其是外延、…: a discourse word, no name)."""
    if _CLAUSE_TAIL.search(text) is None:
        return iter(())
    breaks = _tables()["breaks_re"]
    return (m for m in _CLAUSE_LIST.finditer(text) if breaks.match(text, m.start(1)) is None)

"""Lists in an article that say what their items are: a list holding a government body lists bodies
(:func:`listed_bodies`), a list of projects lists projects (:func:`in_project_list`).

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

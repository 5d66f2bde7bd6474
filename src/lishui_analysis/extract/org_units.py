"""A university's or academy's school, institute or laboratory named after it: one name.

``某某工业大学材料科学与工程学院``, ``某某大学化学化工学院``, ``中国科学院某某微系统与信息技术研究所``: the
unit's name is its discipline — which may join two fields with 与/和/及 (材料科学与工程) — after the
body's own name, and the whole is the unit's name (a school is no description: 化学化工学院 alone is
common words). Read from each university or academy found, to the right, one unit at most.

Pure function of the text and the names found, used by :func:`.organizations.find_full_names`.
"""
from __future__ import annotations

import re

from .org_tables import tables as _tables

#: A unit after its body: discipline words (a place among them: 中国科学院某某研究所) then a unit's suffix,
#: at most 16 characters in all.
_UNIT = re.compile(r"[\u4e00-\u9fff]{2,14}?(学院|研究院|研究所|重点实验室|实验室|研究中心)")
#: Conjunctions a discipline may hold between two fields (材料科学与工程, 化学和分子工程).
_JOINS = ("与", "和", "及")
_BODY_TYPES = ("university", "research_institute")
#: (学院: a college of its own rank has schools too, 某某师范学院物理与电子信息学院)
_BODY_ENDS = ("大学", "学院", "科学院", "工程院", "社会科学院")


def body_units(text: str, bodies: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``(start, end, type)`` of the units named right after a body: ``bodies`` are the ``(start, end,
    type)`` of the names found; a unit's span starts at its body's start, its type is its suffix's
    (学院: university; 研究所, 实验室: research_institute). The discipline holds no
    break word (a verb, preposition or role: 某某大学与企业共建研究院 is two bodies and a verb) but a
    conjunction between two fields.

    >>> text = "某某工业大学材料科学与工程学院提供支持"
    >>> body_units(text, [(0, 6, "university")])
    [(0, 15, 'university')]
    >>> body_units("某某大学与企业共建研究院", [(0, 4, "university")])
    []
    """
    t = _tables()
    out = []
    for s, e, org_type in bodies:
        if org_type not in _BODY_TYPES or not text.endswith(_BODY_ENDS, s, e):
            continue
        m = _UNIT.match(text, e)
        if m is None:
            continue
        middle = text[e:m.end()]
        if all(w.group(1) in _JOINS and 0 < w.start() and w.end() < len(middle) - 2
               for w in t["breaks_re"].finditer(middle)):
            out.append((s, m.end(), "university" if m.group(1) == "学院" else "research_institute"))
    return out

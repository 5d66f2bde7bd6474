"""Durations a text states for a milestone (``events.stated_duration``, contract v3).

A reporter who writes how long a step took gives the speed directly: ``历时7个月`` (it took seven
months), ``仅用40天`` (in only forty days), ``用时3周``. Such a phrase is a *cue* (``cues.yaml``
``stated_duration.cues``) followed by a number and a unit of time; its length in days uses the
factors of ``units.csv`` (周 = 7 days) and, for months and years, the day counts declared in
``cues.yaml`` (``stated_duration.days_per``).

Which milestone it belongs to is grammatical, not a matter of distance:

* after a span ``从A到B`` in its clause (``从拿地到开工仅用54天``), the step B that 到 names, and no
  step when no milestone verb stands between 到 and the duration (``从开工到结顶用了8个月``, 结顶 not a
  milestone word: a wrong step is worse than none);
* else the first milestone verb *after* it in the sentence (``历时8个月，厂房顺利封顶``,
  ``仅用40天就实现开工``: the duration leads up to the step it ends with);
* else the last one *before* it (``项目顺利封顶，历时8个月``).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..vocab import cues, units as unit_table
from .numbers import CN_DIGITS, parse_number


@lru_cache(maxsize=1)
def _spec() -> tuple[re.Pattern, dict[str, float]]:
    spec = cues()["stated_duration"]
    per = spec["days_per"]
    units: dict[str, float] = {}
    for text, row in unit_table().items():
        if row["kind"] == "duration" and row["unit"] in per:
            units[text] = row["factor"] * per[row["unit"]]
    cue = "|".join(sorted(map(re.escape, spec["cues"]), key=len, reverse=True))
    unit = "|".join(sorted(map(re.escape, units), key=len, reverse=True))
    # a cue, an optional filler (了, 短短, 不到 …), a number (Arabic or Chinese), 多/余 when the number is a
    # round lower bound (历时300多天, 用时20余天: the duration is at least that; kept as the number), a unit of time
    filler = "|".join(sorted(map(re.escape, spec["fillers"]), key=len, reverse=True))
    # 用 in 使用/采用/利用/应用/运用/启用/作用/费用/动用/占用 is not spending time (使用了5年的设备)
    pattern = rf"(?<![使采利应运启作费动占])(?:{cue})(?:{filler})?(?P<num>\d+(?:\.\d+)?|[{CN_DIGITS}]{{1,6}})(?:多|余)?(?:(?P<halfmonth>个半月)|(?P<unit>{unit})(?P<half>半)?)"
    return re.compile(pattern), units


def durations_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, float]]:
    """``(start, end, days)`` of each stated duration in ``text[start:end]``.

    >>> durations_in("厂房历时7个月封顶，设备仅用了20天进场")
    [(2, 7, 210.0), (12, 18, 20.0)]
    >>> [d for _, _, d in durations_in("历时八个半月；用时一年半；耗时3周")]
    [255.0, 547.5, 21.0]
    >>> [d for _, _, d in durations_in("历时300多天建成；用时20余天；仅用十多个月")]   # at least so long
    [300.0, 20.0, 300.0]
    >>> durations_in("设备已使用了5年，采用了3个月的工艺")   # using something is no time spent on a step
    []
    """
    pattern, units = _spec()
    out = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        n = parse_number(m.group("num"))
        if n is None or n <= 0:
            continue
        unit = m.group("unit") or "个月"
        if m.group("half") or m.group("halfmonth"):  # 一年半, 八个半月
            n += 0.5
        out.append((m.start(), m.end(), round(n * units.get(unit, 0.0), 1)))
    return [d for d in out if d[2] > 0]


_MARKS = re.compile("[，,；;：:]")
_TO = re.compile("[到至]")


def assign(text: str, s_start: int, s_end: int, verb_starts: list[int]) -> dict[int, float]:
    """The stated duration (days) of each milestone verb of one sentence that has one (the rules of
    the module's docstring). ``verb_starts`` ascending. Linear in the sentence: clause marks and
    到/至 are read once and looked up by bisection.

    >>> t = "该项目历时8个月实现封顶，随后投产。"
    >>> assign(t, 0, len(t), [t.index("封顶"), t.index("投产")])
    {10: 240.0}
    >>> t = "从拿地到开工仅用54天。"
    >>> assign(t, 0, len(t), [t.index("拿地"), t.index("开工")])
    {4: 54.0}
    >>> t = "项目从开工到结顶，仅用了8个月，年底投产。"   # 结顶 is no milestone word here: no step
    >>> assign(t, 0, len(t), [t.index("开工"), t.index("投产")])
    {}
    >>> t = "项目顺利封顶，历时8个月。"
    >>> assign(t, 0, len(t), [t.index("封顶")])
    {4: 240.0}
    """
    found = durations_in(text, s_start, s_end) if verb_starts else []
    if not found:
        return {}
    marks = [m.end() for m in _MARKS.finditer(text, s_start, s_end)]   # clause starts after a mark
    tos = [m.start() for m in _TO.finditer(text, s_start, s_end)]
    out: dict[int, float] = {}
    for d_start, d_end, days in found:
        k = bisect_right(marks, d_start) - 1
        clause = marks[k] if k >= 0 else s_start
        if k >= 0 and d_start - clause < 4 and not text[clause:d_start].strip():  # it opens its clause: 从A到B，用了…
            clause = marks[k - 1] if k >= 1 else s_start
        t = bisect_left(tos, d_start) - 1
        if t >= 0 and tos[t] >= clause:  # 从A到B用了…: B, if it is a milestone verb
            k = bisect_left(verb_starts, d_start) - 1
            if k >= 0 and verb_starts[k] > tos[t]:
                out.setdefault(verb_starts[k], days)
            continue
        k = bisect_left(verb_starts, d_end)
        if k < len(verb_starts):
            out.setdefault(verb_starts[k], days)
            continue
        k = bisect_right(verb_starts, d_start) - 1
        if k >= 0:
            out.setdefault(verb_starts[k], days)
    return out

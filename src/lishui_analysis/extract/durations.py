"""Durations a text states for a milestone (``events.stated_duration``, contract v3).

A reporter who writes how long a step took gives the speed directly: ``历时7个月`` (it took seven
months), ``仅用40天`` (in only forty days), ``用时3周``. Such a phrase is a *cue* (``cues.yaml``
``stated_duration.cues``) followed by a number and a unit of time; its length in days uses the
factors of ``units.csv`` (周 = 7 days) and, for months and years, the day counts declared in
``cues.yaml`` (``stated_duration.days_per``).

Without a cue verb a length of time is a duration only in a few grammatical classes (``cues.yaml``):
"only" + a length (``仅十个月，厂房建成``, ``不到两个月便开工``), a milestone verb + 后/开始 + a length
(``签约后15天摘牌``, ``摘地后第9天取得施工许可证``: the step leads from that verb), 用 + a length + 时间
(``用9个月时间完成封顶``), a length + 内 (``力争8个月内建成``: at most so long; a plan when its clause makes
the milestone planned — the ``planned`` column keeps plans and facts apart), and a bare length right
after a span's end (``从拿地到开工45天``). A slip against a plan (``比计划提前20天``) and ``当年签约、当年开工``
state no length of a step and give none. A range (``3至5个月``) keeps its first number, ``多``/``余``
(at least) and ``不到`` (under) the number written; months are 30 days, years 365.

Which milestone it belongs to is grammatical, not a matter of distance:

* after a span ``从A到B`` in its clause (``从拿地到开工仅用54天``), the step B that 到 names, and no
  step when no milestone verb stands between 到 and the duration (``从开工到装修用了8个月``: a wrong
  step is worse than none); 到 is a span's only after 从 in its clause or right after a milestone verb
  (``拿地到开工``), never in 不到 ("under"), 达到 or 到位 ("in place");
* else the first milestone verb *after* it in the sentence (``历时8个月，厂房顺利封顶``,
  ``仅用40天就实现开工``: the duration leads up to the step it ends with) — the end of a span written
  after it (``仅用十个月便走完从动工到投产的流程``: 投产); for a length without a cue within a few
  characters only;
* else, for a cue, the last one *before* it (``项目顺利封顶，历时8个月``) — unless that verb starts a step
  (``签约后``, ``从开工…``, ``距离结顶…``: the length leads from it, to a step the sentence does not name).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..vocab import cues, units as unit_table
from .event_words import words_of
from .numbers import CN_DIGITS, parse_number


_NUM = r"\d{1,4}(?:\.\d+)?|[" + CN_DIGITS + r"]{1,6}"


@lru_cache(maxsize=1)
def _spec() -> tuple[re.Pattern, re.Pattern, dict[str, float]]:
    spec = cues()["stated_duration"]
    per = spec["days_per"]
    units: dict[str, float] = {}
    for text, row in unit_table().items():
        if row["kind"] == "duration" and row["unit"] in per:
            units[text] = row["factor"] * per[row["unit"]]
    if "个月" in units:
        units["个多月"] = units["个月"]  # 一个多月, 7个多月: a round lower bound, as 十多个月
    alt = lambda words: "|".join(sorted(map(re.escape, words), key=len, reverse=True))  # noqa: E731
    unit = alt(units)
    # a number (Arabic or Chinese; a range 3至5 keeps its first), 多/余 when the number is a round lower bound
    # (历时300多天, 用时20余天: the duration is at least that; kept as the number), a unit of time; or 半
    # alone before 年/个月 (历时半年)
    qty = (rf"(?:(?P<num>{_NUM})(?:(?:至|到|-|—|~|－)(?:{_NUM}))?(?:多|余)?|(?P<halfonly>半)(?=个月|年))"
           rf"(?:(?P<halfmonth>个半月)|(?P<unit>{unit})(?P<half>半)?)")
    # a cue, an optional filler (了, 短短, 不到 …), the length
    # 用 in 使用/采用/利用/应用/运用/启用/作用/费用/动用/占用 is not spending time (使用了5年的设备)
    cue = rf"(?<![使采利应运启作费动占])(?:{alt(spec['cues'])})(?:{alt(spec['fillers'])})?{qty}"
    # the classes without a cue verb (cues.yaml): only + length, a milestone verb's 后/开始 + length, 用 +
    # length + 时间, length + 内; else a bare length, kept only right after a span's end (从拿地到开工45天)
    bare = (rf"(?:(?P<only>{alt(spec['only'])})|(?P<after>{alt(spec['after_step'])})"
            rf"|(?P<use>(?<![使采利应运启作费动占])用))?{qty}(?P<post>时间|{alt(spec['within'])})?")
    return re.compile(cue), re.compile(bare), units


def _days(m: re.Match, units: dict[str, float]) -> float:
    """Days of a matched length (0 when it is none: no number, or a calendar year as 2024年)."""
    n = 0.5 if m.group("halfonly") else parse_number(m.group("num"))
    if n is None or n <= 0:
        return 0.0
    unit = m.group("unit") or "个月"
    if unit == "年" and n >= 100:  # 2024年: a date, no length
        return 0.0
    if m.group("half") or m.group("halfmonth"):  # 一年半, 八个半月
        n += 0.5
    return round(n * units.get(unit, 0.0), 1)


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
    pattern, _, units = _spec()
    out = []
    for m in pattern.finditer(text, start, len(text) if end is None else end):
        days = _days(m, units)
        if days > 0:
            out.append((m.start(), m.end(), days))
    return out


def lengths_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, float, str]]:
    """``(start, end, days, kind)`` of each length of time in ``text[start:end]`` that may state a step's
    duration: ``cue`` (:func:`durations_in`), ``only`` (仅十个月), ``after`` (签约后15天: the span starts at
    the verb before 后), ``use`` (用9个月时间), ``within`` (6个月内) and ``bare`` (a length with none of
    these, kept by :func:`assign` only right after a span's end). Text order; none inside a cue's.

    >>> [(k, d) for _, _, d, k in lengths_in("交地后15天开工，仅十个月建成，力争半年内投产，2024年3月")]
    [('after', 15.0), ('only', 300.0), ('within', 182.5)]
    >>> [(k, d) for _, _, d, k in lengths_in("从拿地到开工45天，用八个月时间封顶，历时3至5个月")]
    [('bare', 45.0), ('use', 240.0), ('cue', 90.0)]
    """
    cue_re, bare_re, units = _spec()
    stop = len(text) if end is None else end
    out = [(a, b, d, "cue") for a, b, d in durations_in(text, start, stop)]
    k, n = 0, len(out)
    for m in bare_re.finditer(text, start, stop):
        while k < n and out[k][1] <= m.start():
            k += 1
        if k < n and out[k][0] < m.end():  # inside a cue's length
            continue
        post = m.group("post") or ""
        kind = ("only" if m.group("only") else "after" if m.group("after") else
                "use" if m.group("use") else "within" if post and post != "时间" else "bare")
        if kind == "use" and post != "时间":
            continue
        days = _days(m, units)
        if days > 0 and (kind != "bare" or m.group("num")):
            out.append((m.start(), m.end(), days, kind))
    return sorted(out)


_MARKS = re.compile("[，,；;：:]")
#: The 到/至 of a span 从A到B (not 不到 "under", 到位 "in place", 达到 "reach")
_TO = re.compile("(?<![不达])[到至](?!位)")
_FROM = re.compile("从")
#: How far after a length without a cue its step's verb may stand (交地后15天|开工; 6个月内|建成投产;
#: 仅十个月，新厂房|建成): a length far from any step states none.
_NEAR = 12


@lru_cache(maxsize=1)
def _start_marks() -> tuple[re.Pattern, tuple[str, ...], tuple[str, ...]]:
    """What starts a step (从/距离 before a verb, 后/开始 after it) and the verbs whose milestone is their
    object (取得施工许可证): read once per process, not per sentence."""
    spec = cues()["stated_duration"]
    before = "|".join(sorted(map(re.escape, spec["start_before"]), key=len, reverse=True))
    return re.compile(before), tuple(spec["start_after"]), tuple(sorted(words_of("words_with_object")))


def assign(text: str, s_start: int, s_end: int, verb_starts: list[int],
           verb_ends: list[int] | None = None) -> dict[int, float]:
    """The stated duration (days) of each milestone verb of one sentence that has one (the rules of
    the module's docstring). ``verb_starts`` ascending, ``verb_ends`` their ends (when not given, a
    verb is taken to end two characters after its start). Linear in the sentence: clause marks, 从 and
    到/至 are read once and looked up by bisection.

    >>> t = "该项目历时8个月实现封顶，随后投产。"
    >>> assign(t, 0, len(t), [t.index("封顶"), t.index("投产")])
    {10: 240.0}
    >>> t = "从拿地到开工仅用54天。"
    >>> assign(t, 0, len(t), [t.index("拿地"), t.index("开工")])
    {4: 54.0}
    >>> t = "项目从开工到装修，仅用了8个月，年底投产。"   # 装修 is no milestone word: no step
    >>> assign(t, 0, len(t), [t.index("开工"), t.index("投产")])
    {}
    >>> t = "项目顺利封顶，历时8个月。"
    >>> assign(t, 0, len(t), [t.index("封顶")])
    {4: 240.0}
    >>> t = "签约后12天摘牌，摘牌后第9天开工。"   # each length leads from the verb before 后
    >>> assign(t, 0, len(t), [0, t.index("摘牌"), t.index("摘牌后"), t.index("开工")])
    {6: 12.0, 15: 9.0}
    """
    found = lengths_in(text, s_start, s_end) if verb_starts else []
    starts_before, starts_after, taking = _start_marks()   # (built on the first sentence with a verb: warm_up's)
    if not found:
        return {}
    ends = verb_ends if verb_ends is not None else [v + 2 for v in verb_starts]
    marks = [m.end() for m in _MARKS.finditer(text, s_start, s_end)]   # clause starts after a mark
    tos = [m.start() for m in _TO.finditer(text, s_start, s_end)]
    froms = [m.start() for m in _FROM.finditer(text, s_start, s_end)]
    end_at = {e: i for i, e in enumerate(ends)}
    opens = [m.start() for m in starts_before.finditer(text, s_start, s_end)]

    def clause_of(pos: int) -> int:
        k = bisect_right(marks, pos) - 1
        return marks[k] if k >= 0 else s_start

    def spans(lo: int, to: int) -> bool:  # 到 at ``to`` closes a span: 从 before it in its clause, or A到B
        k = bisect_left(froms, to) - 1
        return (k >= 0 and froms[k] >= lo) or to in end_at

    def step_after(pos: int, clause: int, reach: int) -> int | None:
        k = bisect_left(verb_starts, pos)
        if k >= len(verb_starts) or verb_starts[k] - pos > reach:
            return None
        f = bisect_left(froms, pos)
        if f < len(froms) and froms[f] < verb_starts[k] and clause_of(froms[f]) == clause_of(pos):
            # 仅用十个月便走完从动工到投产的流程: the step is the span's end, B
            t = bisect_left(tos, froms[f])
            if t < len(tos) and clause_of(tos[t]) == clause_of(pos):
                j = bisect_left(verb_starts, tos[t])
                return verb_starts[j] if j < len(verb_starts) and clause_of(verb_starts[j]) == clause_of(pos) else None
        if text.startswith(taking, verb_starts[k]) and k + 1 < len(verb_starts) and verb_starts[k + 1] == ends[k]:
            return verb_starts[k + 1]  # 取得施工许可证: the milestone is what is taken
        return verb_starts[k]

    def is_start(k: int) -> bool:  # 签约后…, 从开工…, 距离结顶…: the verb starts the step told after it
        v, c = verb_starts[k], clause_of(verb_starts[k])
        if text.startswith(starts_after, ends[k]):
            return True
        j = bisect_left(opens, v) - 1   # the last 从/距离 before it, in its clause (从A到B: B after 到 ends it)
        return j >= 0 and opens[j] >= c and not (text[opens[j]] == "从" and bisect_left(tos, v) > bisect_left(tos, opens[j]))

    out: dict[int, float] = {}
    for d_start, d_end, days, kind in found:
        clause = clause_of(d_start)
        k = bisect_right(marks, d_start) - 1
        if k >= 0 and d_start - clause < 4 and not text[clause:d_start].strip():  # it opens its clause: 从A到B，用了…
            clause = marks[k - 1] if k >= 1 else s_start
        t = bisect_left(tos, d_start) - 1
        if t >= 0 and tos[t] >= clause and spans(clause, tos[t]):  # 从A到B用了…: B, if it is a milestone verb
            k = bisect_left(verb_starts, d_start) - 1
            if k >= 0 and verb_starts[k] > tos[t] and (kind != "bare" or d_start - ends[k] <= 4):
                out.setdefault(verb_starts[k], days)
            continue
        if kind == "bare":
            continue
        if kind == "after":  # 签约后15天摘牌: a milestone verb right before 后 starts it
            if d_start in end_at and (v := step_after(d_end, clause, _NEAR)) is not None:
                out.setdefault(v, days)
            continue
        v = step_after(d_end, clause, _NEAR if kind in ("only", "within") else s_end)
        if v is not None:
            out.setdefault(v, days)
            continue
        k = bisect_right(verb_starts, d_start) - 1
        if kind in ("cue", "use") and k >= 0 and not is_start(k):  # 项目顺利封顶，历时8个月 (not 开工，仅一个季度，…)
            out.setdefault(verb_starts[k], days)
    return out

"""Is a figure planned or expected (``quantities.forecast``)? The scope of the words that say so.

A cue word makes the figures after it in its sentence a forecast (``cues.yaml``), each kind of cue
over its own scope:

* **modal** cues (预计, 将, 力争, 拟, 有望, 争取 …, ``forecast`` less ``forecast_clause``) govern the
  rest of the sentence:
  预计明年建成，届时年产值可达20亿元 — both clauses are expected;
* a milestone verb followed by 后 (投用后, 建成后, 竣工后 …: the verbs of ``events.yaml`` of the
  types in ``forecast_after_types``) is a condition about the future, a modal cue too:
  一期去年动工，投用后可实现年产值约30亿元;
* **plan nouns** (计划, 规划, 目标, ``forecast_clause``) can be the noun "the plan" as well as the
  verb "to plan", so they govern only their own clause: 全年计划完成投资8亿元，已累计完成投资2亿元 —
  the 8亿 is planned, the 2亿 done. A clause that holds only a time (计划到2030年，产能达到…) hands the
  cue on to the next one;
* a plan noun measured against (完成年度计划的95%, 占年度计划投资103%, 完成目标的60%) states what was
  achieved: no cue; nor is 规划 in the compound 规划面积 (a zone's planned area is its area);
* an **achieved** marker (已, 累计, 截至 …, ``forecast_reset``) in a clause after the cue ends its
  scope: 计划年底投产，目前已完成投资3亿元.

Every question is answered from the occurrences of the words in the text, found once per text
(:func:`_marks`), with bisections: linear in the text for any number of figures.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from ..vocab import cues, event_vocab

#: Clause boundaries inside a sentence.
_BOUND = re.compile(r"[，,；;：:]")
#: A plan noun measured against: 计划的95%, 计划投资103%, 目标的60% (the figure a share of the plan).
_SHARE = re.compile(r"(?:计划|目标|任务)(?:总?投资额?)?的?[约近超逾]?\d[\d.]*%")
#: 规划 in a compound naming an attribute by the plan: 规划面积, 总规划面积.
_PLAN_NOUN = re.compile(r"规划总?面积")
#: A clause holding only a time: 到2030年, 在今年年底, 至“十五五”末.
_TIME_ONLY = re.compile(r"\s*[到至在于]?\s*(?:(?:\d{4}|今|明|后|当)年(?:\d{1,2}月)?(?:年?[底末内])?"
                        r"|[“\"]?十[四五六七八九]五[”\"]?(?:期间|末)?)\s*")


def _words(key: str) -> tuple[str, ...]:
    return tuple(sorted(set(cues()[key]), key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """(modal cues with milestone verb + 后, plan nouns, achieved markers), each one alternation."""
    types = set(cues()["forecast_after_types"])
    verbs = sorted({w for t, e in event_vocab().items() if t in types and isinstance(e, dict) for w in e["words"]},
                   key=len, reverse=True)
    after = "(?:" + "|".join(map(re.escape, verbs)) + ")+后"
    clause = set(cues()["forecast_clause"])
    words = [w for w in _words("forecast") if w not in clause]
    # (scanned over every body: a lookahead on the first characters of its words skips other positions
    # fast — the repeated verbs that open the alternation give the regex engine no prefix of its own)
    firsts = "".join(sorted({w[0] for w in verbs + words}))
    modal = re.compile(f"(?=[{re.escape(firsts)}])(?:" + "|".join([after] + [re.escape(w) for w in words]) + ")")
    return modal, re.compile("|".join(map(re.escape, _words("forecast_clause")))), \
        re.compile("|".join(map(re.escape, _words("forecast_reset"))))


@lru_cache(maxsize=64)
def _marks(text: str) -> tuple:
    """Start and end offsets of the cues of ``text`` that scope over the rest of their sentence
    (modal cues, and plan nouns whose clause is only a time), of the plan nouns that scope over their
    clause, of the achieved markers, and the clause boundaries."""
    modal_re, plan_re, reset_re = _patterns()
    bounds = [m.start() for m in _BOUND.finditer(text)]
    wide: list[tuple[int, int]] = [(m.start(), m.end()) for m in modal_re.finditer(text)]
    narrow: list[tuple[int, int]] = []
    for m in plan_re.finditer(text):
        if _SHARE.match(text, m.start()) or (m.group() == "规划" and _PLAN_NOUN.match(text, m.start())):
            continue
        k = bisect_left(bounds, m.end())
        b = bounds[k] if k < len(bounds) else len(text)
        (wide if k < len(bounds) and _TIME_ONLY.fullmatch(text, m.end(), b) else narrow).append((m.start(), m.end()))
    wide.sort()
    resets = [(m.start(), m.end()) for m in reset_re.finditer(text)]
    return [s for s, _ in wide], [e for _, e in wide], [s for s, _ in narrow], [e for _, e in narrow], \
        [s for s, _ in resets], [e for _, e in resets], bounds


def _last_before(starts: list[int], ends: list[int], lo: int, hi: int) -> int:
    """The end of the last occurrence starting at or after ``lo`` and ending by ``hi``; -1 if none.
    (Occurrences of one alternation do not overlap, so ends are in order with their starts.)"""
    k = bisect_right(ends, hi) - 1
    return ends[k] if k >= 0 and starts[k] >= lo else -1


def is_forecast(text: str, s_start: int, pos: int) -> bool:
    """A figure at ``pos`` (in the sentence starting at ``s_start``) is planned or expected.

    >>> t = "全年计划完成投资8亿元，1-5月累计完成投资3亿元，完成年度计划的37.5%。"
    >>> [is_forecast(t, 0, t.index(x)) for x in ("8亿元", "3亿元", "37.5%")]
    [True, False, False]
    >>> t = "云溪新材料项目一期去年动工，投用后可实现年产值约30亿元。"
    >>> is_forecast(t, 0, t.index("30亿元"))
    True
    """
    w_starts, w_ends, n_starts, n_ends, resets, reset_ends, bounds = _marks(text)
    cue = _last_before(w_starts, w_ends, s_start, pos)
    narrow = _last_before(n_starts, n_ends, s_start, pos)
    if narrow > cue:
        k = bisect_left(bounds, narrow)
        if k >= len(bounds) or bounds[k] >= pos:  # the plan noun's own clause
            cue = narrow
    if cue < 0:
        return False
    k = bisect_left(bounds, cue)
    if k < len(bounds) and bounds[k] < pos:  # an achieved marker in a later clause ends the scope
        r = bisect_left(resets, bounds[k])  # (the first after the boundary: if it does not end by pos, none does)
        return not (r < len(resets) and reset_ends[r] <= pos)
    return True

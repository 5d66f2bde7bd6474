"""What makes a milestone planned: a plan word before its verb in its clause (将, 预计, 力争 …,
``cues.yaml`` ``planned``) — unless the word is inside the subject's noun phrase, closed by the
predicate's adverb (计划建成投产的两个项目均提前完工投产: the plan is the noun's, the deed is done) —
or a word of imminence right after the verb (``planned_after``: 投产在望). Pure functions of the text,
each answered from indexes read once per body.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..vocab import cues
from .context import occurs_within


@lru_cache(maxsize=1)
def planned_re() -> re.Pattern:
    """The plan words as one alternation, longest first."""
    return re.compile("|".join(sorted(map(re.escape, cues()["planned"]), key=len, reverse=True)))


@lru_cache(maxsize=1)
def planned_words() -> tuple[str, ...]:
    return tuple(cues()["planned"])


@lru_cache(maxsize=1)
def planned_after() -> tuple[str, ...]:
    """Words of imminence right after a milestone verb (在望, 在即, 指日可待)."""
    return tuple(cues().get("planned_after") or ())


#: A noun phrase's head closed by the adverb of the predicate after it (…项目均提前完工, …的项目已开工):
#: a plan word before it is the noun's (计划建成投产项目, 计划投资10亿元的项目), not the verb's.
_NP_CLOSE = re.compile(r"(?:项目|工程)(?:均|都|全部|已经|已|提前|顺利|如期|正式|相继)")


def cue_before(text: str, cstart: int, start: int, named=None) -> bool:
    """A plan word before the verb in its clause, not inside the subject's noun phrase: 项目预计明年投产,
    but not 计划建成投产的两个项目均已完工投产 (the plan is the noun's; the verb's deed is done); nor
    inside a name (``named(s, e)``: a holder spans it — 云岭未来科技研究院落地: 未来 is the name's)."""
    words = planned_words()
    if not occurs_within(text, words, cstart, start) or (named is not None and _all_named(text, cstart, start, named)):
        return False
    starts, ends = _np_closes(text)
    i = bisect_right(starts, start) - 1
    while i >= 0 and ends[i] > start:   # a close must end before the verb
        i -= 1
    return i < 0 or starts[i] < cstart or occurs_within(text, words, ends[i], start) \
        or not occurs_within(text, words, cstart, starts[i])


def _all_named(text: str, cstart: int, start: int, named) -> bool:
    """Every plan word between ``cstart`` and ``start`` lies inside a name (the last four looked at:
    more plan words than that inside names of one clause is no text)."""
    starts, ends = _cues(text)
    i = bisect_right(ends, start) - 1
    for _ in range(4):
        if i < 0 or starts[i] < cstart:
            return True
        h = named(starts[i], ends[i])
        if h is None or h.kind == "batch":  # (全县计划新开工9个项目: a batch named by its plan keeps the plan)
            return False
        i -= 1
    return False


@lru_cache(maxsize=64)
def _cues(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the plan words of ``text`` as :func:`planned_re` reads them (found once per body)."""
    found = [(m.start(), m.end()) for m in planned_re().finditer(text)]
    return [f[0] for f in found], [f[1] for f in found]


@lru_cache(maxsize=64)
def _np_closes(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the :data:`_NP_CLOSE` matches of ``text`` (found once per body)."""
    found = [(m.start(), m.end()) for m in _NP_CLOSE.finditer(text)]
    return [f[0] for f in found], [f[1] for f in found]

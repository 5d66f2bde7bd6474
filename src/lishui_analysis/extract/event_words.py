"""The words of milestones as :mod:`.events` reads them from ``data/events.yaml`` and ``data/cues.yaml``:
the verbs of each type with their exceptions, the word lists of a key, the object a verb needs, the
now adverbs. Read once per process."""
from __future__ import annotations

import re
from functools import lru_cache

from ..vocab import cues, event_vocab
from .context import occurs_within


@lru_cache(maxsize=None)
def words_of(key: str) -> frozenset[str]:
    """The words events.yaml lists under ``key`` in any type: ``period_words`` (a construction period,
    a milestone only before a range of years), ``not_ceremony`` (落地: no ceremony of its type),
    ``words_with_object`` (签订: a milestone only with its object, :func:`object_after`)."""
    return frozenset(w for spec in event_vocab().values() for w in spec.get(key, ()))


@lru_cache(maxsize=1)
def milestone_verbs():
    entries = []
    for etype, spec in event_vocab().items():
        for w in spec["words"] + spec.get("period_words", []) + spec.get("words_with_object", []):
            entries.append((w, etype, tuple(spec.get("not_before", ())), tuple(spec.get("not_after", ()))))
    entries.sort(key=lambda e: -len(e[0]))
    return entries, re.compile("|".join(re.escape(e[0]) for e in entries)), {e[0]: e for e in entries}


@lru_cache(maxsize=None)
def object_after(event_type: str) -> re.Pattern:
    """The object a ``words_with_object`` verb of ``event_type`` needs in its clause (签订…协议)."""
    spec = event_vocab()[event_type]
    objects = "|".join(map(re.escape, spec["objects"]))
    return re.compile(rf"[^，。；、,;！？!?]{{0,{int(spec['object_within'])}}}?(?:{objects})")


@lru_cache(maxsize=1)
def now_adverbs() -> tuple[tuple[str, int], ...]:
    """The now adverbs (刚刚) with how many characters may stand between one and its verb."""
    c = cues()
    return tuple((w, int(c["now_adverb_within"])) for w in c["now_adverbs"])


def has_non_subject(event_type: str, text: str, cstart: int, start: int) -> bool:
    """A noun the milestone of ``event_type`` is never said of (``not_subjects``: 贷款, 政策) stands a
    few characters before the verb in its clause (20亿元银团贷款正式落地: money lands, no firm settles)."""
    spec = event_vocab()[event_type]
    words = tuple(spec.get("not_subjects", ()))
    if not words:
        return False
    lo = max(cstart, start - int(spec["not_subject_within"]) - max(map(len, words)))
    return occurs_within(text, words, lo, start)


@lru_cache(maxsize=1)
def _negations() -> tuple[tuple[str, ...], int]:
    c = cues()
    return tuple(sorted(c["negations"], key=len, reverse=True)), int(c["negation_within"])


def negated(text: str, cstart: int, start: int) -> bool:
    """A negation stands right before the milestone verb at ``start`` in its clause (目前尚未开工,
    至今没有正式投产): it did not happen."""
    words, within = _negations()
    return occurs_within(text, words, max(cstart, start - within - 2), start)

"""The words of milestones as :mod:`.events` reads them from ``data/events.yaml`` and ``data/cues.yaml``:
the verbs of each type with their exceptions, the word lists of a key, the object a verb needs, the
now adverbs. Read once per process."""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from ..vocab import cues, event_vocab
from . import lexicon
from .context import occurrence_index, occurs_within


@lru_cache(maxsize=None)
def words_of(key: str) -> frozenset[str]:
    """The words events.yaml lists under ``key`` in any type: ``period_words`` (a construction period,
    a milestone only before a range of years), ``not_ceremony`` (落地: no ceremony of its type),
    ``words_with_object`` (签订: a milestone only with its object, :func:`object_after`),
    ``words_with_subject`` (进场: only with its subject before it, :func:`subject_before`)."""
    return frozenset(w for spec in event_vocab().values() for w in spec.get(key, ()))


@lru_cache(maxsize=1)
def milestone_verbs():
    entries = []
    for etype, spec in event_vocab().items():
        for w in spec["words"] + spec.get("period_words", []) + spec.get("words_with_object", []) \
                + spec.get("words_with_subject", []):
            entries.append((w, etype, tuple(spec.get("not_before", ())), tuple(spec.get("not_after", ()))))
    entries.sort(key=lambda e: -len(e[0]))
    return entries, re.compile("|".join(re.escape(e[0]) for e in entries)), {e[0]: e for e in entries}


@lru_cache(maxsize=None)
def object_after(event_type: str) -> re.Pattern:
    """The object a ``words_with_object`` verb of ``event_type`` needs in its clause (签订…协议)."""
    spec = event_vocab()[event_type]
    objects = "|".join(map(re.escape, spec["objects"]))
    kinds = "|".join(map(re.escape, spec.get("not_objects") or ())) or "(?!)"
    # (no kind of agreement that settles nothing on the way to it: 签订了总额5亿元的授信协议, 签订供货及合作框架协议)
    return re.compile(rf"(?:(?!{kinds})[^，。；、,;！？!?]){{0,{int(spec['object_within'])}}}?(?!{kinds})(?:{objects})")


def subject_before(event_type: str, text: str, cstart: int, start: int) -> bool:
    """The subject a ``words_with_subject`` verb of ``event_type`` needs stands before it in its clause
    (设备陆续进场: within ``subject_within`` characters)."""
    spec = event_vocab()[event_type]
    words = tuple(spec["subjects"])
    return occurs_within(text, words, max(cstart, start - int(spec["subject_within"]) - max(map(len, words))), start)


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


#: A span between two milestones (从A到B) whose length is told as an average or a norm: 平均用时, 一般需要,
#: 至少需要 (园区项目从摘地到开工平均用时28天; 这样的项目从拿地到开工至少需要3个月) — projects in general.
_NORM_SPAN = re.compile(r"从[^，。；,;：:]{1,14}?到[^，。；,;：:]{1,14}?(?:平均|一般|通常|往往|普遍|至少|最少|常规)"
                        r"[^，。；,;：:]{0,4}?(?:用时|耗时|需要|需|要用|要|花|用)")


def norm_span(text: str, cstart: int, start: int) -> bool:
    """The milestone verb at ``start`` stands inside a span from one milestone to another, in its clause
    (from ``cstart``), whose length is told as an average or a norm (:data:`_NORM_SPAN`): no milestone of
    a project, only how long such steps take (园区项目从摘地到开工平均用时28天). A bounded look: the span
    opens at most 16 characters before the verb."""
    k = text.rfind("从", max(cstart, start - 16), start)
    if k < 0:
        return False
    m = _NORM_SPAN.match(text, k, min(len(text), k + 48))
    return m is not None and start < m.end()


def pending(text: str, cstart: int, start: int) -> bool:
    """A word of what is still to be done (``pending_words`` of cues.yaml: 尚需, 仍需, 尚待) stands before
    the milestone verb at ``start`` in its clause: the step has not been taken (本项目尚需取得土地使用权、
    环评批复及施工许可等审批手续 — neither the land nor the permit is had). A look at the clause before the
    verb, at most 40 characters."""
    return occurs_within(text, _pending_words(), max(cstart, start - 40), start)


@lru_cache(maxsize=1)
def _pending_words() -> tuple[str, ...]:
    return tuple(cues().get("pending_words") or ())


#: What follows 投产后/建成后 when it is a condition: a future or a possibility.
FUTURE_WORDS = ("将", "可", "预计", "能", "可以", "能够", "可望", "有望", "届时", "力争", "计划", "拟", "未来", "达到", "形成",
                "产值", "营收", "税收", "亩均", "年产", "实现", "带动", "新增")
MODAL_CHARS = ("可", "能")  # (read only outside words of the dictionary: 许可, 智能 are no "can")


def future_within(text: str, lo: int, hi: int) -> bool:
    """A future word wholly inside ``text[lo:hi]``; 可 and 能 only as words of their own, not inside a word
    of the dictionary (许可, 可持续, 智能, 产能, 能源: :func:`_future_marks`)."""
    starts, ends = _future_marks(text)
    i = bisect_left(starts, lo)
    return i < len(starts) and ends[i] <= hi


@lru_cache(maxsize=64)
def _future_marks(text: str) -> tuple[list[int], list[int]]:
    """The occurrences of the future words in ``text`` (starts in order, the least end from each on)
    but for 可/能 inside a two-character word of jieba's dictionary that is no future word itself."""
    words = lexicon.tags()
    least: dict[int, int] = {}
    for w in FUTURE_WORDS:
        i = text.find(w)
        while i >= 0:
            if not (w in MODAL_CHARS and any(p in words and p not in FUTURE_WORDS
                                              for p in (text[max(0, i - 1):i + 1], text[i:i + 2]) if len(p) == 2)):
                least[i] = min(least.get(i, i + len(w)), i + len(w))
            i = text.find(w, i + 1)
    return occurrence_index(least, len(text))

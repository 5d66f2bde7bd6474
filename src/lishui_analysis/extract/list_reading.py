"""Lists read once for the figures after them, for :func:`.figure_holder.resolve`: the batch a list
closed by 等 spells out (:func:`_batch_spelled_out`, step ``resolve.list_total``) and the items
before 分别 (:func:`_respective_items`, step ``resolve.respective``)."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from . import lexicon
from .clause_pick import _pick
from .context import char_offsets, clause_start, count_in, rfind_in
from .holder_phrases import Holder, vocab, word_end
from .holders import Holders


def _batch_spelled_out(holders: Holders, q: int, lo: int, role: str) -> Holder | None:
    """The batch that the list closed by 等 at ``q`` spells out (see :func:`_list_total`), or None."""
    text = holders.text
    cq = clause_start(text, q, lo)
    if rfind_in(text, "、", cq, q) < 0:
        return None  # no list before 等
    intro = _LIST_INTRO.match(text, cq)
    batch: Holder | None = None
    if intro is not None and cq > lo:  # 批次…，包括A、B等: the batch of the clause before
        batch = _pick(holders, clause_start(text, cq - 1, lo), cq, role, False)
    else:  # 此次…项目分A、B等: the batch right before the list's opening word
        intro = _LIST_INTRO.search(text, cq, q)
        near = holders.between(cq, intro.start()) if intro else []
        batch = near[-1] if intro and near and near[-1].end == intro.start() else None
    return batch if batch is not None and batch.kind == "batch" else None


_LIST_INTRO = re.compile(r"(?:主要)?(?:包括|包含|涵盖|分为|分)")


_AND = re.compile("[、和及]")


def _ands(text: str, lo: int, hi: int) -> int:
    """How many list marks (、 和 及) stand in ``text[lo:hi]`` (by bisection)."""
    return sum(count_in(text, ch, lo, hi) for ch in "、和及")


def _rfind_word(text: str, word: str, lo: int, hi: int) -> int:
    """``text.rfind(word, lo, hi)``, by bisection in the word's offsets (found once per text)."""
    offs = char_offsets(text, word)
    i = bisect_right(offs, hi - len(word)) - 1
    return offs[i] if i >= 0 and offs[i] >= lo else -1


def _respective_items(text: str, k: int, c: int, lower: int) -> list[tuple[int, int]]:
    """The items listed before 分别 at ``k`` in the clause from ``c`` — or, when that clause opens with
    其 and lists nothing, in the clause before it (back to ``lower``) — as ``(start, end)`` spans;
    ``[]`` when the items are measures of one holder (固定资产投资、工业产值分别…)."""
    lo, hi = c, k
    if _ands(text, lo, hi) == 0 and text.startswith("其", c) and c > lower:
        hi = c - 1
        lo = clause_start(text, hi, lower)
    bounds, a = [], lo
    for m in _AND.finditer(text, lo, hi):
        bounds.append((a, m.start()))
        a = m.end()
    bounds.append((a, _item_end(text, a, hi, text[bounds[-1][0]:bounds[-1][1]] if bounds else "")))
    if any(text.endswith(_measures(), a, b) for a, b in bounds[:-1]):
        return []  # measures of one holder (the clause's), not holders
    return bounds


@lru_cache(maxsize=1)
def _measures() -> tuple[str, ...]:
    return tuple(vocab()["measure_nouns"])


def _item_end(text: str, a: int, hi: int, before: str = "") -> int:
    """End of the last item of a list ending at ``hi``, before the words said of it: after the ending
    it shares with the item ``before`` it (``甲产业、乙产业增势较好`` → ``乙产业``), else before the first
    measure noun or word of jieba's dictionary that is a verb, adjective or adverb after its second
    character (``丙产业投资``, ``丙制造业增速强劲``)."""
    shared = text.find(before[-2:], a + 1, hi) if len(before) >= 2 else -1
    if shared >= 0:
        return shared + 2
    tags, i, measures = lexicon.tags(), a, _measures()
    while i < hi:
        w = word_end(text, i, hi)
        if i - a >= 2 and (tags.get(text[i:w]) in _SAID_OF or text.startswith(measures, i)):
            return i
        i = w
    return hi


_SAID_OF = frozenset({"v", "vn", "vd", "a", "ad", "d"})

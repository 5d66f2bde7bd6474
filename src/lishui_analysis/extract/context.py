"""Shared helpers for extractors: clauses, short quotations, word alternations as prefix trees,
and the position indexes that keep the extractors linear in the length of a body.
(Holders of figures and milestones are found in :mod:`.subjects`.)

Linear in every input: a question asked once per figure or milestone verb about the stretch of text
before it (its clause, sentence or paragraph) must not rescan that stretch, or a long sentence with
many figures costs the square of its length. The answers here come from what is found once per
text — the clause breaks, the line breaks, the offsets of a character, the occurrences of a list of
words — and are looked up by bisection: :func:`clause_start`, :func:`clause_end`,
:func:`line_start`, :func:`line_end`, :func:`rfind_in`, :func:`find_in`, :func:`count_in`,
:func:`occurs_within`. Each gives the same answer as the straightforward scan it replaces
(``text.rfind(ch, lo, hi)``, ``any(w in text[lo:hi] for w in words)`` …).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache


CLAUSE_SEP = "，,；;：:。！？!?"


_SEP_RE = re.compile(f"[{re.escape(CLAUSE_SEP)}]")


@lru_cache(maxsize=8)
def _clause_breaks(text: str) -> list[int]:
    """Offsets just after each clause separator of ``text`` (computed once per body)."""
    return [m.end() for m in _SEP_RE.finditer(text)]


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Start of the clause holding ``pos``: just after the last separator at or before it, never before ``floor``.

    >>> clause_start("甲公司投资，乙公司开工", 8)
    6
    """
    breaks = _clause_breaks(text)
    i = bisect_right(breaks, pos) - 1
    return max(breaks[i] if i >= 0 else 0, floor)


def clause_end(text: str, pos: int, s_end: int) -> int:
    """Offset of the first clause separator at or after ``pos``, else ``s_end`` (never past it; ``pos``
    itself when ``pos`` ≥ ``s_end``) — a bisection in the text's clause breaks, not a scan.

    >>> clause_end("甲公司投资，乙公司开工", 2, 11), clause_end("甲公司投资，乙公司开工", 7, 11)
    (5, 11)
    """
    if pos >= s_end:
        return pos
    breaks = _clause_breaks(text)
    i = bisect_right(breaks, pos)
    return min(breaks[i] - 1, s_end) if i < len(breaks) else s_end


@lru_cache(maxsize=64)
def char_offsets(text: str, ch: str) -> list[int]:
    """Every offset of the character ``ch`` in ``text``, in order (found once per text and character)."""
    out, i = [], text.find(ch)
    while i >= 0:
        out.append(i)
        i = text.find(ch, i + 1)
    return out


def rfind_in(text: str, ch: str, lo: int, hi: int) -> int:
    """``text.rfind(ch, lo, hi)`` for one character and ``0 ≤ lo``, by bisection.

    >>> rfind_in("甲、乙、丙", "、", 0, 4), rfind_in("甲、乙、丙", "、", 2, 3)
    (3, -1)
    """
    offs = char_offsets(text, ch)
    i = bisect_left(offs, min(hi, len(text))) - 1
    return offs[i] if i >= 0 and offs[i] >= lo else -1


def find_in(text: str, ch: str, lo: int, hi: int | None = None) -> int:
    """``text.find(ch, lo, hi)`` for one character and ``0 ≤ lo``, by bisection."""
    offs = char_offsets(text, ch)
    i = bisect_left(offs, lo)
    return offs[i] if i < len(offs) and offs[i] < (len(text) if hi is None else hi) else -1


def count_in(text: str, ch: str, lo: int, hi: int) -> int:
    """``text.count(ch, lo, hi)`` for one character and ``0 ≤ lo ≤ hi``, by bisection."""
    offs = char_offsets(text, ch)
    return max(0, bisect_left(offs, min(hi, len(text))) - bisect_left(offs, lo))


def line_start(text: str, pos: int) -> int:
    """Start of the line holding ``pos``: ``text.rfind("\n", 0, pos) + 1``."""
    return rfind_in(text, "\n", 0, pos) + 1


def line_end(text: str, pos: int) -> int:
    """Offset of the first line break at or after ``pos``, -1 if none: ``text.find("\n", pos)``."""
    return find_in(text, "\n", pos)


@lru_cache(maxsize=64)
def _occurrences(text: str, words: tuple[str, ...]) -> tuple[list[int], list[int]]:
    """Where any of ``words`` occurs in ``text`` (overlapping occurrences too): the start offsets in
    order and, for each, the least end of an occurrence starting there or later (a suffix minimum)."""
    least_end: dict[int, int] = {}
    for w in set(words):
        if not w:
            raise ValueError("occurs_within: an empty word occurs everywhere")
        i = text.find(w)
        while i >= 0:
            e = i + len(w)
            if least_end.get(i, e + 1) > e:
                least_end[i] = e
            i = text.find(w, i + 1)
    return occurrence_index(least_end, len(text))


def occurrence_index(least_end: dict[int, int], n: int) -> tuple[list[int], list[int]]:
    """Occurrences given as start → least end (in a text of ``n`` characters) as :func:`occurs_within`
    reads them: the starts in order and, for each, the least end of an occurrence starting there or later."""
    starts = sorted(least_end)
    ends = [0] * len(starts)
    m = n + 1
    for k in range(len(starts) - 1, -1, -1):
        m = min(m, least_end[starts[k]])
        ends[k] = m
    return starts, ends


def occurs_within(text: str, words: tuple[str, ...], lo: int, hi: int) -> bool:
    """One of ``words`` occurs wholly inside ``text[lo:hi]`` (``0 ≤ lo``): the same answer as
    ``any(w in text[lo:hi] for w in words)`` — and as ``rx.search(text, lo, hi) is not None`` for an
    alternation ``rx`` of the words as literals — from the text's occurrences, found once.

    >>> occurs_within("项目将于明年开工", ("将", "预计"), 0, 3), occurs_within("项目将于明年开工", ("将", "预计"), 3, 8)
    (True, False)
    """
    starts, ends = _occurrences(text, words)
    i = bisect_left(starts, lo)
    return i < len(starts) and ends[i] <= hi


def short_quote_spans(text: str, max_len: int = 14) -> list[tuple[int, int]]:
    """Spans of short quotations without clause punctuation: names, slogans (“万亩千亿”, “快投产”,
    ‘南山片区提速攻坚工程’)."""
    return [(m.start(), m.end()) for m in re.finditer(r"“([^“”，。；]{1,%d})”|‘([^‘’，。；]{1,%d})’" % (max_len, max_len), text)]


def in_spans(pos: int, spans) -> bool:
    """``pos`` lies in one of ``spans`` — non-overlapping ``(start, end)`` pairs in text order, as
    :func:`short_quote_spans` gives them (a bisection, not a scan)."""
    i = bisect_right(spans, (pos, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def trie_regex(words) -> str:
    """An alternation of ``words`` as a prefix tree, longest match first: ``['个', '个月']`` → ``个(?:月)?``.

    The regex engine tries a flat alternation branch by branch; a tree tests each character once
    (the unit alternation runs after every number on a page).
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        alts = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


#: A period opening a clause before what it counts (2023年, 今年1—9月, 上半年, 前三季度): no part of a name
#: (a pattern's text, optional: the industries' subject in holder_phrases).
LEAD_PERIOD = (r"(?:(?:\d{4}|[今去])年(?:\d{1,2}[—\-至]\d{1,2}月|[上下]半年|前三季度)?|\d{1,2}[—\-至]\d{1,2}月"
               r"|[上下]半年|前三季度)?")

#: A date of month or day, a quarter or a half at a name's start (6月10日, 今年三月, 2031年5月中旬, 一季度):
#: when something happened
LEAD_DATE = re.compile(r"(?:(?:\d{2,4}|[今去明当同次前])年)?(?:(?:\d{1,2}|[一二三四五六七八九十]{1,2})月"
                        r"(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?(?:[上中下]旬|[上下]午|底|初|末|份)?"
                        r"|[第前]?[一二三四1-4]季度|[上下]半年)")


#: A list item's marker at a paragraph's (or a name's) start: （一）, (2), 三、, 4., ①
ITEM_MARK = re.compile(r"[ \t\u3000]*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．](?!\d)|[①-⑳])")

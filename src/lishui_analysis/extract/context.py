"""Shared helpers for extractors: clauses, short quotations, word alternations as prefix trees.
(Holders of figures and milestones are found in :mod:`.subjects`.)"""
from __future__ import annotations

import re
from bisect import bisect_right
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


def short_quote_spans(text: str, max_len: int = 14) -> list[tuple[int, int]]:
    """Spans of short quotations without clause punctuation: names, slogans (“万亩千亿”, “快投产”,
    ‘北部振兴接续落地工程’)."""
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

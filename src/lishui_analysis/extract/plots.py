"""Plots of land named by a code (``B-12-3a地块``): the matches of ``plot_re`` over a text, read in
time linear in a long chain of codes (:func:`plot_matches`, used by the step ``holders.coded_plots``).
"""
from __future__ import annotations

import re
from bisect import bisect_right


_CHAIN = re.compile(r"[0-9A-Za-z]+(?:[-—][0-9A-Za-z]+)*")
_PLOT_TAIL = re.compile(r"[^，。；：\n]{0,14}?(?:地块|国有建设用地|宗地)")
_PLOT_STARTS = re.compile(r"(?<![A-Za-z0-9])[A-Za-z0-9]|(?<!\d)\d")


def plot_matches(text: str, plot_re, chains: bool | None = None):
    """``plot_re.finditer(text)``, linear in a long chain of codes (1-2-3-…-9). The regex engine tries
    the code at the start of each part of a chain and, when no 地块 follows the chain, reads the
    whole rest of the chain again each time: the square of the chain in one call into C. Here each
    attempt reads only what it can use. A code reads on to the end of its chain and takes the
    furthest end from which the words up to 地块 follow (as :data:`_PLOT_TAIL` reads them): that
    is the end of the chain or nothing. So, when the chain's end cannot be followed by them, no
    code of the chain matches and an attempt only needs the 29 characters a number alone
    (12345号…地块) can use; when it can, the attempt matches through the chain's end. Used when the
    text has eight dashes or more (``chains``); the matches are those of ``finditer`` either way.
    """
    if chains is None:
        chains = text.count("-") + text.count("—") >= 8
    if not chains:
        yield from plot_re.finditer(text)
        return
    spans = [m.span() for m in _CHAIN.finditer(text)]
    span_starts = [a for a, _ in spans]
    pos, n = 0, len(text)
    while True:
        c = _PLOT_STARTS.search(text, pos)
        if c is None:
            return
        p = c.start()
        end = spans[bisect_right(span_starts, p) - 1][1]   # the end of the chain holding p
        reach = end + 20 if _PLOT_TAIL.match(text, end) else 0
        m = plot_re.match(text, p, min(n, max(reach, p + 29)))
        if m is not None:
            yield m
            pos = m.end()
        else:
            pos = p + 1

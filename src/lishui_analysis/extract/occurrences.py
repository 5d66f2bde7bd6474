"""Where many strings occur in one text (:class:`Occurrences`), as :func:`occurrences` finds each.

A text naming thousands of companies asks where each of their short forms occurs: one scan of the
whole text per name costs the square of the text. Past a few names, the occurrences come from an
index read in one pass instead (linear in every input, #16).
"""
from __future__ import annotations


def occurrences(text: str, sub: str):
    """Start of every non-overlapping occurrence of ``sub`` (str.find: no pattern to compile per name)."""
    i = text.find(sub)
    while i >= 0:
        yield i
        i = text.find(sub, i + len(sub))


class Occurrences:
    """The non-overlapping occurrences of many strings in one text, as :func:`occurrences` gives them.
    For a few strings ``str.find`` is fastest; a scan of the whole text for each of thousands of
    names (a text of many companies) costs the square of the text, so past :data:`_FEW` strings
    they come from an index read in one pass: where each pair of characters starts, and, for the
    strings announced with :meth:`expect`, where each of them starts."""

    _FEW = 32

    def __init__(self, text: str):
        self.text = text
        self.found: dict[str, list[int]] = {}
        self.pairs: dict[str, list[int]] | None = None   # two characters → every start, overlapping
        self.starts: dict[str, list[int]] | None = None  # an expected string → every start, overlapping

    def expect(self, subs) -> None:
        """Read where each of ``subs`` starts in one pass over the text (when there are many)."""
        subs = [x for x in subs if x not in self.found and x]
        if len(subs) <= self._FEW:
            return
        prefixes = {x[:k] for x in subs for k in range(1, len(x) + 1)}
        wanted, longest = set(subs), max(map(len, subs))
        starts: dict[str, list[int]] = {}
        text = self.text
        for i in range(len(text)):
            k = 1
            while k <= longest and text[i:i + k] in prefixes:  # (i + k may run past the end: then stop)
                piece = text[i:i + k]
                if len(piece) < k:
                    break
                if piece in wanted:
                    starts.setdefault(piece, []).append(i)
                k += 1
        self.starts = {x: starts.get(x, []) for x in subs}

    def occurrences(self, sub: str) -> list[int]:
        found = self.found.get(sub)
        if found is not None:
            return found
        every = self.starts.get(sub) if self.starts is not None else None
        if every is None and len(sub) == 2 and len(self.found) >= self._FEW:
            if self.pairs is None:
                self.pairs = {}
                text = self.text
                for i in range(len(text) - 1):
                    self.pairs.setdefault(text[i:i + 2], []).append(i)
            every = self.pairs.get(sub, [])
        if every is None:
            found = list(occurrences(self.text, sub))
        else:  # leftmost first, the next from the end of the last (as str.find reads them)
            found, nxt = [], 0
            for i in every:
                if i >= nxt:
                    found.append(i)
                    nxt = i + len(sub)
        self.found[sub] = found
        return found

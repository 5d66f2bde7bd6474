"""Lists of holders: the items listed with a holder before it (``A、B、C项目参加集中开工``), read
once per sentence (:func:`enumerated`, used by :mod:`.figure_holder` and :mod:`.events`)."""
from __future__ import annotations

from .context import rfind_in
from .holder_phrases import Resolved, left_edge
from .holders import Holders

_ITEM_SEP = "、，。；：,;:\n"

def enumerated(holders: Holders, r: Resolved, sent_start: int) -> list[Resolved]:
    """The holders listed with ``r`` (``A、B、C项目参加集中开工``; ``A、B、C等一批项目签约``): each item
    before it separated by 、 is a holder of the same milestone. Items keep the words as written.

    The answer of :func:`_enumerated_scan` (the definition). The items before a position are read
    once per sentence and kept as a chain (:func:`_item_chain`): the verbs of a long list, each
    after its own item (甲项目开工、乙项目开工、…), do not each walk back over the whole list."""
    text = holders.text
    if r.start < 0:
        return []
    p, last = r.start, None
    if text[p - 1:p] == "等":  # A、B、C等一系列项目: the items are the holders, the phrase sums them up
        p -= 1
        # the item before 等 starts after the last separator before it (found by bisection)
        k = max(sent_start, max(rfind_in(text, ch, 0, p) for ch in _ITEM_SEP) + 1)
        if text[k - 1:k] != "、":
            return []
        last = _item(holders, k, p, r.subject_type)
        p = k
    chain = _item_chain(holders, sent_start, r.subject_type)
    _read_chain(holders, chain, p, sent_start, r.subject_type)
    out = []
    q = chain[p][2]
    while q is not None:  # the named items only, nearest first
        item, nxt, _ = chain[q]
        out.append(item)
        q = chain[nxt][2] if nxt is not None else None
    out.reverse()
    if last is not None:
        out.append(last)
    return out


def _item_end_before(text: str, p: int, sent_start: int) -> int | None:
    """Where the list item before position ``p`` ends — at the 、 before it, or between two quoted
    items side by side (“甲项目”“乙项目”) — or None when no item stands right before ``p``.

    >>> _item_end_before("云岭项目、星河项目", 5, 0), _item_end_before("“云岭”“星河”", 5, 0), _item_end_before("云岭和星河", 3, 0)
    (4, 3, None)
    """
    j = p - 1
    while j > sent_start and text[j] in "“”\"":
        j -= 1
    if j > sent_start and text[j] == "、":
        return j
    if j > sent_start and text[j + 1:p] == "”“":
        return j + 1
    return None


def _item_chain(holders: Holders, sent_start: int, subject_type: str) -> dict:
    """Position → (the item ending before it as a :class:`Resolved` or None, the position of the
    item before that or None, the nearest position from here whose item is named or None)."""
    return holders.memo.setdefault(("items", sent_start, subject_type), {})


def _read_chain(holders: Holders, chain: dict, p: int, sent_start: int, subject_type: str) -> None:
    """Read the items before ``p`` into ``chain``, back to the first position already read."""
    text, path = holders.text, []
    while p is not None and p not in chain:
        path.append(p)
        end_item = _item_end_before(text, p, sent_start)
        if end_item is None:
            chain[p] = (None, None, None)
            path.pop()
            break
        k = end_item
        while k > sent_start and text[k - 1] not in _ITEM_SEP + "“":
            k -= 1
        chain[p] = (_item(holders, k, end_item, subject_type), k, None)
        p = k
    for q in reversed(path):
        item, nxt, _ = chain[q]
        chain[q] = (item, nxt, q if item is not None else chain[nxt][2])


def _item(holders: Holders, a: int, b: int, subject_type: str) -> Resolved | None:
    """The item ``a:b`` of a list as a holder, or None when its words are too few or too many to name one."""
    text = holders.text
    a = left_edge(text, b, a) if text[a:b].strip("“”\"") else a
    name = text[a:b].strip("“”\" ")
    if 2 <= len(name) <= 30:
        h = holders.containing(a, b)
        kind = h.kind if h is not None and h.kind in ("company", "project", "other") else subject_type
        return Resolved(name if h is None else h.name, kind, h.org if h else None, a, b)
    return None


def _enumerated_scan(holders: Holders, r: Resolved, sent_start: int) -> list[Resolved]:
    """The holders listed with ``r`` (``A、B、C项目参加集中开工``; ``A、B、C等一批项目签约``): each item
    before it separated by 、 is a holder of the same milestone. Items keep the words as written.
    (The definition of :func:`enumerated`, scanning the list back from ``r`` at each call.)"""
    text = holders.text
    if r.start < 0:
        return []
    items = []
    p = r.start
    if text[p - 1:p] == "等":  # A、B、C等一系列项目: the items are the holders, the phrase sums them up
        p -= 1
        k = p
        while k > sent_start and text[k - 1] not in _ITEM_SEP:
            k -= 1
        if text[k - 1:k] != "、":
            return []
        items.append((k, p))
        p = k
    while True:
        end_item = _item_end_before(text, p, sent_start)
        if end_item is None:
            break
        k = end_item
        while k > sent_start and text[k - 1] not in _ITEM_SEP + "“":
            k -= 1
        items.append((k, end_item))
        p = k
    out = []
    for a, b in reversed(items):
        a = left_edge(text, b, a) if text[a:b].strip("“”\"") else a
        name = text[a:b].strip("“”\" ")
        if 2 <= len(name) <= 30:
            h = holders.containing(a, b)
            kind = h.kind if h is not None and h.kind in ("company", "project", "other") else r.subject_type
            out.append(Resolved(name if h is None else h.name, kind, h.org if h else None, a, b))
    return out

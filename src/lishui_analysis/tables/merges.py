"""How entities are joined and why: the union-find the resolution steps merge groups with, the
researcher's ``merge`` and ``apart`` corrections applied to it, and the evidence of every join (the
rule that joined two names), written to ``manifest.json`` (``entities.merges``)."""
from __future__ import annotations

from .names import entity_key, normalize_name


class UnionFind:
    """Groups of record indexes. ``apart`` (root → {(entry, position)}): names a researcher's
    ``apart`` correction keeps in separate entities; a union that would join two positions of one
    entry is refused, whichever rule asks for it."""

    def __init__(self, n):
        self.p = list(range(n))
        self.apart: dict[int, frozenset] = {}
        self.why = "same_name"                      # the rule now joining groups (set by the driver)
        self.joins: list[tuple[int, int, str]] = []   # (record, record, rule): the evidence of each merge

    def find(self, i):
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a == b:
            return
        if self.apart:
            ta, tb = self.apart.get(a, frozenset()), self.apart.get(b, frozenset())
            if ta and tb and any(e == f and p != q for e, p in ta for f, q in tb):
                return
            if ta or tb:
                self.apart[min(a, b)] = ta | tb
        self.joins.append((a, b, self.why))
        self.p[max(a, b)] = min(a, b)


def _matching(st, names) -> list[set]:
    """For each name or entity id of ``names``, the roots of the records it names."""
    out = []
    for n in names:
        hit = set()
        for i, r in enumerate(st.recs):
            if n in (r.name, r.key) or normalize_name(r.name) == normalize_name(n) \
                    or entity_key(r.entity_type, normalize_name(r.name), r.scope) == n:
                hit.add(st.uf.find(i))
        out.append(hit)
    return out


def apply_corrections(st, merges, apart) -> dict[int, int]:
    """Apply the researcher's ``apart`` then ``merge`` entries; entry number (merges first) →
    how many distinct groups its names found (fewer than two: the entry changed nothing)."""
    used = {}
    for k, names in enumerate(apart, start=len(merges)):
        hits = _matching(st, names)
        for pos, roots in enumerate(hits):
            for root in roots:
                st.uf.apart[root] = st.uf.apart.get(root, frozenset()) | {(k, pos)}
        used[k] = len(set().union(*hits))
    for k, names in enumerate(merges):
        group = sorted(set().union(*_matching(st, names)))
        for r in group[1:]:
            st.uf.union(group[0], r)
        used[k] = len(group)
    return used


def evidence(st) -> list[dict]:
    """Each join of two differently written names into one entity, with the rule that joined them
    (``entities.merges`` of manifest.json: a researcher checks why two names are one holder).

    A join records the groups' roots as they stood; the names shown are the roots' names then."""
    groups, out = st.groups(), []
    root_of = {i: r for r, g in groups.items() for i in g.idxs}
    for a, b, why in st.uf.joins:
        na, nb = st.recs[a].name, st.recs[b].name
        if normalize_name(na) == normalize_name(nb) and why == "same_name":
            continue  # one name written two ways (script, quotes): no evidence needed
        g = groups[root_of[a]]
        out.append({"entity_id": g.entity_id, "name": g.name, "joined": sorted((na, nb)), "rule": why})
    return sorted(out, key=lambda m: (m["entity_id"], m["joined"], m["rule"]))

"""Conflicts: one job — find the figures and milestone dates that articles state differently
for one entity (青田县云岭科技有限公司: 总投资8.5亿元 in one article, 12亿元 in another), once
resolution has mapped every row's subject key to its entity.

:func:`conflict_candidates` picks, in one file's rows, the figures and achieved milestone dates
worth comparing (a stated revision or a part never counts); :func:`find_conflicts` compares
them across the corpus, near-linearly (through distinct values, never article pairs);
:func:`same_figure` says when two stated figures agree (rounding, 约/余/超), and
:func:`plant_of` lets a company with one project speak for that project.
"""
from __future__ import annotations

import math
import re
from collections.abc import Iterable
from collections import Counter, defaultdict
from functools import lru_cache

from .names import vocab


@lru_cache(maxsize=1)
def _conflict_res():
    v = vocab()
    word = lambda ws: re.compile("|".join(map(re.escape, sorted(ws, key=len, reverse=True))))  # noqa: E731
    periods = [(p, word(ws)) for p, ws in v["capacity_periods"].items()]
    return word(v["revision_cues"]), word(v["part_cues"]), periods


_CLAUSE_SEP = re.compile(r"[，,；;。！？：:]")


def conflict_candidates(quantities, events, sentences=None) -> list[tuple]:
    """The figures and achieved milestone dates that conflicts compare, one tuple per row:
    ``(subject key, attribute, unit, value, approximate, row id, article id, excluded)``.
    ``excluded``: the sentence says the figure changed (调整为, 增资) or the clause makes it a
    part (其中, 一期); such rows never make a conflict. ``sentences`` (columns): the text the
    cues are read in; without it no row is excluded."""
    metrics = vocab()["conflict_metrics"]
    revision, part, periods = _conflict_res()
    first: dict[str, int] = {}    # article → index of its first sentence (sentence_id n is at first + n - 1)
    if sentences is not None:
        aids = list(sentences["article_id"])
        first.update(zip(reversed(aids), range(len(aids) - 1, -1, -1)))   # the last write is the first row
        s_start, s_text = list(sentences["start"]), list(sentences["text"])
    out = []
    for qid, aid, sid, start, value, unit, metric, subject, stype, key, approx in zip(
            quantities["quantity_id"], quantities["article_id"], quantities["sentence_id"], quantities["start"],
            quantities["value"], quantities["unit"], quantities["metric"], quantities["subject"],
            quantities["subject_type"], quantities["entity_id"], quantities["approximate"]):
        attr = metrics.get(metric)
        if not attr or not subject:
            continue
        excluded = False
        if aid in first and sid > 0:
            i = first[aid] + sid - 1
            text = s_text[i]
            pos = start - s_start[i]
            clause = text[: max(pos, 0)]
            m = None
            for m in _CLAUSE_SEP.finditer(clause):
                pass
            clause = clause[m.end():] if m else clause
            excluded = bool(revision.search(text) or part.search(clause))
            if attr == "capacity":
                per = next((p for p, rx in periods if rx.search(clause)), "")
                if not per:
                    continue
                attr = f"capacity_per_{per}"
        elif attr == "capacity":
            continue
        out.append((key, attr, unit, float(value), bool(approx), qid, aid, excluded))
    milestones = _milestones()
    for eid, aid, etype, key, date, planned in zip(events["event_id"], events["article_id"], events["event_type"],
                                                   events["entity_id"], events["date"], events["planned"]):
        if key and date and not planned and etype in milestones:
            out.append((key, etype, "", date, False, eid, aid, False))
    return out


class Figures:
    """The :func:`conflict_candidates` tuples of a corpus, kept as integer-coded columns (``array``:
    about 24 bytes a figure instead of a tuple, a float and a row id of ~200): subject key, article and
    row-id suffix (``article_id`` + ``:q001``) as indexes into tables of their distinct values, attribute,
    unit and flags as one code, the value a float (or, for a date, the index of that date). Iterating
    gives the tuples back, equal to those added, in the order they were added."""

    def __init__(self):
        from array import array

        self._key, self._art, self._rid, self._code = array("i"), array("i"), array("i"), array("i")
        self._value = array("d")
        self._tables: tuple[dict, ...] = ({}, {}, {}, {}, {})   # keys, articles, rid suffixes, codes, dates
        self._listed: tuple[list, ...] | None = None

    def __len__(self) -> int:
        return len(self._key)

    def extend(self, figures) -> None:
        keys, arts, rids, codes, dates = self._tables
        self._listed = None
        add_key, add_art, add_rid = self._key.append, self._art.append, self._rid.append
        add_code, add_value = self._code.append, self._value.append
        for k, attr, unit, v, ap, rid, aid, ex in figures:
            own = rid.startswith(aid)   # a row id is its article's id and a suffix: the suffix is kept
            is_date = type(v) is str
            add_key(keys.setdefault(k, len(keys)))
            add_art(arts.setdefault(aid, len(arts)))
            add_rid(rids.setdefault(rid[len(aid):] if own else rid, len(rids)))
            add_code(codes.setdefault((attr, unit, bool(ap), bool(ex), own, is_date), len(codes)))
            add_value(dates.setdefault(v, len(dates)) if is_date else float(v))

    @classmethod
    def of(cls, figures: Iterable[tuple]) -> Figures:
        if isinstance(figures, Figures):
            return figures
        out = cls()
        out.extend(figures)
        return out

    def grouped(self, key_map: dict[str, str], plant: dict[str, str], held: set | None) -> dict[tuple, list[int]]:
        """The figures :func:`find_conflicts` compares, as their indexes by ``(entity, attribute, unit)``:
        a figure whose key maps to an entity (through ``plant``) of ``held`` (all, when None), not excluded."""
        keys, _, _, codes, _ = self._tables
        eid_of = []
        for k in keys:
            eid = key_map.get(k)
            eid = plant.get(eid, eid) if eid is not None else None
            eid_of.append(eid if eid and (held is None or eid in held) else None)
        code_of = list(codes)
        per: dict[tuple, list[int]] = defaultdict(list)
        for i, (ki, ci) in enumerate(zip(self._key, self._code)):
            eid = eid_of[ki]
            if eid is not None and not code_of[ci][3]:
                attr, unit = code_of[ci][:2]
                per[(eid, attr, unit)].append(i)
        return per

    def headlines(self, idxs: list[int], earliest: bool) -> tuple[dict, dict]:
        """What :func:`find_conflicts` reads of the figures ``idxs`` (indexes, in the order added), per
        article: its headline — the largest value (``earliest``: the earliest date) and, on a tie, the
        greatest row id (the smallest) — and the distinct ``(value, approximate)`` it states. Returns
        ``(heads, stated)``: ``{(value, approximate): [(article, row id)]}`` in the order the articles
        first appear, ``{article: {(value, approximate)}}``. A row id is made only for a headline or a tie."""
        _, arts, rids, codes, dates = self._lists()
        code, art, value, rid_of = self._code, self._art, self._value, self._rid

        def rid(i):
            own = codes[code[i]][4]
            return arts[art[i]] + rids[rid_of[i]] if own else rids[rid_of[i]]

        best: dict[int, list] = {}    # article index → [value, approximate, figure index]
        stated: dict[int, set] = {}
        for i in idxs:
            c = codes[code[i]]
            ai, ap = art[i], c[2]
            v = dates[int(value[i])] if c[5] else value[i]
            s = stated.get(ai)
            if s is None:
                stated[ai] = {(v, ap)}
                best[ai] = [v, ap, i]
                continue
            s.add((v, ap))
            b = best[ai]
            # as min()/max() of (value, row id) tuples: the first of equal keys stays
            if not (v == b[0]):
                better = v < b[0] if earliest else v > b[0]
            else:
                r, rb = rid(i), rid(b[2])
                better = r < rb if earliest else r > rb
            if better:
                b[0], b[1], b[2] = v, ap, i
        heads: dict[tuple, list] = defaultdict(list)
        for ai, (v, ap, i) in best.items():
            heads[(v, ap)].append((arts[ai], rid(i)))
        return heads, {arts[ai]: s for ai, s in stated.items()}

    def _lists(self) -> tuple[list, ...]:
        if self._listed is None:
            self._listed = tuple(list(t) for t in self._tables)
        return self._listed

    def __iter__(self):
        keys, arts, rids, codes, dates = (list(t) for t in self._tables)
        for ki, ai, ri, ci, v in zip(self._key, self._art, self._rid, self._code, self._value):
            attr, unit, ap, ex, own, is_date = codes[ci]
            aid = arts[ai]
            yield (keys[ki], attr, unit, dates[int(v)] if is_date else v, ap, aid + rids[ri] if own else rids[ri],
                   aid, ex)


@lru_cache(maxsize=1)
def _milestones() -> frozenset:
    return frozenset(vocab()["conflict_milestones"])


@lru_cache(maxsize=65536)
def _precision(v: float) -> float:
    """The place of a figure's last significant digit: 2.7e9 → 1e8, 2.696e9 → 1e6."""
    if v == 0 or not math.isfinite(v):
        return 0.0
    p = 10.0 ** math.floor(math.log10(abs(v)))
    while p > 1e-6 and abs(v / p - round(v / p)) > 1e-9 * max(1.0, abs(v / p)):
        p /= 10
    return p


def same_figure(a: float, b: float, approx_a: bool = False, approx_b: bool = False) -> bool:
    """Whether two stated figures agree: within the relative tolerance, or one is the other
    rounded to its stated precision (27亿 for 26.96亿), with a wider margin for 约/余/超.

    >>> same_figure(2.7e9, 2.696e9), same_figure(6e6, 3.6e6), same_figure(1e9, 1.015e9)
    (True, False, True)
    """
    if a == b:
        return True
    tol_exact, tol_approx = _tolerances()
    d = abs(a - b)
    if d <= (tol_approx if (approx_a or approx_b) else tol_exact) * max(abs(a), abs(b)):
        return True
    return d <= _precision(a) / 2 + 1e-9 * abs(a) or d <= _precision(b) / 2 + 1e-9 * abs(b)


@lru_cache(maxsize=1)
def _tolerances() -> tuple[float, float]:
    return float(vocab()["relative_tolerance"]), float(vocab()["approximate_tolerance"])


def _dates_agree(a: str, b: str) -> bool:
    """Dates agree when one is the other at a coarser precision (2024-03 and 2024-03-15)."""
    return a.startswith(b) or b.startswith(a)


def plant_of(entities: list[dict]) -> dict[str, str]:
    """A company with exactly one project (``parent_id``) → that project: its figures and
    milestones are the plant's, whichever of the two names an article gives them under."""
    children = defaultdict(list)
    for e in entities:
        if e["entity_type"] == "project" and e["parent_id"]:
            children[e["parent_id"]].append(e["entity_id"])
    return {parent: kids[0] for parent, kids in children.items() if len(kids) == 1}


def find_conflicts(figures: Iterable[tuple], key_map: dict[str, str], entities: list[dict] | None = None,
                   columns: bool = False) -> list[dict] | dict[str, list]:
    """Rows of the conflicts table from :func:`conflict_candidates` tuples (or :class:`Figures`) and the
    subject-key → entity map: per entity and attribute, each article's figure (its largest: the whole) or
    milestone date (its earliest); the distinct headlines are grouped where neighbours agree,
    and two groups conflict unless an article of one states a value of the other anywhere.
    With ``entities`` (at least every company and project entity of ``key_map``), only companies
    and projects are compared, a company with one project as that project (:func:`plant_of`).
    ``columns``: the table as columns (lists in schema order) instead of dicts.

    Near-linear in the number of rows: articles are compared through their distinct values,
    never pairwise (a plant named in a thousand articles with two figures is two values). The
    figures wait grouped as indexes (:meth:`Figures.grouped`), each group's tuples made when it is
    compared; a group's row ids are joined once however many rows repeat them (issue #20: memory).
    """
    plant = plant_of(entities) if entities is not None else {}
    # a zone's, region's or batch's figures are flows of a period (invested this year), not a holder's stock:
    # only an entity of the map's that is a company or project of ``entities`` is compared
    held = {e["entity_id"] for e in entities if e["entity_type"] in ("company", "project")} \
        if entities is not None else None
    figs = Figures.of(figures)
    per = figs.grouped(key_map, plant, held)
    out: list[list] = []   # rows in the table's column order
    for (eid, attr, unit) in sorted(per):
        is_date = unit == ""
        # each article's headline: the whole figure (largest) or the first date it states
        heads, stated = figs.headlines(per[(eid, attr, unit)], is_date)
        if len(stated) < 2:
            continue
        if is_date:
            def agree(x, y):
                return _dates_agree(x[0], y[0])
        else:
            def agree(x, y):
                return same_figure(x[0], y[0], x[1], y[1])
        clusters: list[list] = []
        for h in sorted(heads):   # sorted values: a value agrees with its neighbour or with none before
            if clusters and agree(h, clusters[-1][-1]):
                clusters[-1].append(h)
            else:
                clusters.append([h])
        if len(clusters) < 2:
            continue
        side_values = [_Side(set().union(*(stated[aid] for h in c for aid, _ in heads[h])), is_date) for c in clusters]
        # the group most articles state against each other one: k groups give k - 1 rows
        n_arts = [sum(len(heads[h]) for h in c) for c in clusters]
        i = max(range(len(clusters)), key=lambda k: (n_arts[k], -k))
        ids_a = None   # the big group's row ids: one string, however many rows name them
        for j in range(len(clusters)):
            if j == i:
                continue
            a, b = clusters[i], clusters[j]
            if side_values[i].states_any(b, agree) or side_values[j].states_any(a, agree):
                continue
            fmt = (lambda x: x) if is_date else (lambda x: "%.10g" % x)
            if ids_a is None:
                ids_a = ";".join(sorted(rid for h in a for _, rid in heads[h]))
            ids_b = sorted(rid for h in b for _, rid in heads[h])
            arts = sorted({aid for h in a + b for aid, _ in heads[h]})
            out.append([eid, attr, fmt(_most_stated(a, heads)), fmt(_most_stated(b, heads)), unit,
                        ids_a, ";".join(ids_b), ";".join(arts)])
    # the table's key has no unit: the same two numbers in two units (吨 and 片) name their unit
    keys = Counter((r[0], r[1], r[2], r[3]) for r in out)
    for r in out:
        if keys[(r[0], r[1], r[2], r[3])] > 1:
            r[1] = f"{r[1]} ({r[4]})"
    if columns:
        return {c: [r[k] for r in out] for k, c in enumerate(CONFLICT_COLUMNS)}
    return [dict(zip(CONFLICT_COLUMNS, r)) for r in out]


#: The conflicts table's columns, in schema order.
CONFLICT_COLUMNS = ("entity_id", "attribute", "value_a", "value_b", "unit", "quantity_or_event_ids_a",
                    "quantity_or_event_ids_b", "article_ids")


class _Side:
    """The distinct (value, approximate) pairs the articles of one group state, sorted, with the
    "round" figures apart (one or two significant digits: the only ones that agree with a value
    far from them, by rounding) — so a head is compared with the few values near it."""

    def __init__(self, values: set, is_date: bool):
        self.values = sorted(values)
        self.is_date = is_date
        self.rounds = [] if is_date else [v for v in self.values if v[0] > 0 and _precision(v[0]) >= 0.1 * v[0]]

    def states_any(self, heads: list, agree) -> bool:
        from bisect import bisect_left, bisect_right

        vs = self.values
        for h in heads:
            y = h[0]
            if self.is_date:  # agreeing dates share a prefix: y's truncations, or dates that start with y
                near = vs[bisect_left(vs, (y,)):bisect_right(vs, (y + "\uffff",))]
                near += [v for p in (y[:4], y[:7]) for v in vs[bisect_left(vs, (p,)):bisect_right(vs, (p, True))]]
            elif y > 0:
                # within tolerance or y's own rounding: close to y; by x's rounding: a round x within 2×
                w = max(0.12 * y, _precision(y) / 2 + 1e-9 * y)
                near = vs[bisect_left(vs, (y - w,)):bisect_right(vs, (y + w, True))]
                r = self.rounds
                near += r[bisect_left(r, (y / 2.01,)):bisect_right(r, (y * 2.01, True))]
            else:
                near = vs
            if any(agree(v, h) for v in near):
                return True
        return False


def _most_stated(cluster: list, heads: dict):
    """The value of a group of agreeing headlines that most articles state (the smallest on a tie)."""
    return max(cluster, key=lambda h: (len(heads[h]), -_sort_num(h[0])))[0]


def _sort_num(v):
    return v if isinstance(v, float) else 0.0

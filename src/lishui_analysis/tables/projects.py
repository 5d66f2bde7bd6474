"""The projects table: one row per company or project entity with its figures, its milestone
dates and the indicators the zone's land policy is judged by (investment per mu, output and tax
per mu, plot ratio). Assembled while the build streams rows past (:class:`ProjectAssembler`).

>>> round(investment_intensity(2696000000, 397))      # 26.96亿元 on 397 亩 → 万元/亩
679
"""
from __future__ import annotations

import math
import sys

from ..vocab import thresholds
from .entities import infer_type, phases, subject_key as _subject_key

MILESTONE_ORDER = ("settled", "land_acquired", "permit_issued", "construction_started", "topped_out",
                   "equipment_move_in", "first_output", "completed", "production_start", "full_capacity")
PROJECT_FIGURES = {  # column → (metric, unit)
    "investment_cny": ("investment", "CNY"),
    "land_mu": ("land", "mu"),             # (also land stated in m2, converted: ProjectAssembler.by_metric)
    "floor_area_m2": ("building_area", "m2"),
    "output_value_cny": ("output_value", "CNY"),
    "tax_cny": ("tax", "CNY"),
    "revenue_cny": ("revenue", "CNY"),
}


def mu_in_m2() -> float:
    return float(thresholds()["mu_m2"]["value"])


def _div(a, b):
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return math.nan
    if not (math.isfinite(a) and math.isfinite(b)) or b == 0:
        return math.nan
    return a / b


def investment_intensity(investment_cny, land_mu) -> float:
    """Investment per mu in 万元/亩 (26.96亿元 / 397亩 = 6791 万元/亩); NaN when either is missing."""
    return _div(investment_cny, land_mu) / 1e4 if not math.isnan(_div(investment_cny, land_mu)) else math.nan


def per_mu(value_cny, land_mu) -> float:
    """Any money figure per mu, in 万元/亩 (output per mu, tax per mu)."""
    return investment_intensity(value_cny, land_mu)


def floor_area_ratio(floor_area_m2, land_mu) -> float:
    """Floor area over land area (plot-ratio proxy): 25万m² on 224亩 → 1.67."""
    return _div(floor_area_m2, _div(land_mu, 1) * mu_in_m2())


PROJECT_TYPES = ("company", "project")
_ARTS, _FIG, _CAP, _MS = 3, 4, 5, 6   # places in an accumulator (ProjectAssembler.acc)


class ProjectAssembler:
    """One row per company or project entity, with its figures and milestone dates,
    accumulated as quantity and event rows stream past (memory grows with the number
    of subjects, not of rows; the result does not depend on the order rows arrive in).

    Rows are accumulated under their ``entity_id`` — the per-name subject key while the build
    streams (``entities.subject_key``), the entity itself in tables as built — and merged by
    entity at the end, once the corpus-wide resolution is known.

    For each figure the largest stated (non-forecast) value is kept, falling back to
    a forecast one; each milestone is its earliest achieved (not planned) date; the ids of
    the rows used are kept for provenance.
    """

    def __init__(self, drop_types: tuple = ()):
        #: Entity types whose accumulators are not kept (the build: batch, zone, region, government when
        #: no correction merges names, since resolution never turns those into a company or a project).
        self.drop_types = frozenset(drop_types)
        # key → [org_id, subject, subject_type, articles, figures, capacity, milestones]: a list, not
        # a dict, with the article set made on a key's second article and the figure and milestone
        # dicts on first use (most keys are one name in one article: memory flat with the corpus).
        self.acc: dict[str, list] = {}
        # (metric, unit) → (column, factor); a site stated in square metres (项目用地13万平方米) is land in mu
        self.by_metric = {(metric, unit): (col, 1.0) for col, (metric, unit) in PROJECT_FIGURES.items()}
        self.by_metric[("land", "m2")] = ("land_mu", 1 / mu_in_m2())

    @staticmethod
    def _key(key, subject_type, subject, article_id) -> str:
        return key or _subject_key(subject_type, subject, article_id)

    def _entry(self, key: str, org_id: str, subject: str, subject_type: str, article_id: str) -> list:
        article_id = sys.intern(article_id)  # one string per article, however many keys name it
        a = self.acc.get(key)
        if a is None:
            a = self.acc[key] = [org_id, subject, subject_type, article_id, None, None, None]
        elif a[_ARTS] is not article_id:
            if type(a[_ARTS]) is str:
                if a[_ARTS] != article_id:
                    a[_ARTS] = {a[_ARTS], article_id}
            else:
                a[_ARTS].add(article_id)
        return a

    def add_quantity(self, quantity_id, article_id, value, unit, metric, subject, org_id, forecast,
                     subject_type="", entity_id="") -> None:
        if not subject:
            return
        a = self._entry(self._key(entity_id, subject_type, subject, article_id), org_id, subject, subject_type,
                        article_id)
        value = float(value)
        col, factor = self.by_metric.get((metric, unit), ("", 1.0))
        if col:
            value = round(value * factor, 2) if factor != 1.0 else value  # (13万平方米 → 195.0 亩)
            rank = (bool(forecast), -value, quantity_id)  # stated first, then largest
            fig = a[_FIG] if a[_FIG] is not None else {}
            a[_FIG] = fig
            if col not in fig or rank < fig[col][0]:
                fig[col] = (rank, value, quantity_id)
        if metric == "capacity" and (a[_CAP] is None or (value, unit) > a[_CAP]):
            a[_CAP] = (value, unit)

    def add_tables(self, quantities, events) -> None:
        """Feed quantity and event rows given as columns: a dict of lists (a file's result in the
        build) or a DataFrame (``assemble_projects``)."""
        q, e = quantities, events
        for row in zip(q["quantity_id"], q["article_id"], q["value"], q["unit"], q["metric"], q["subject"],
                       q["org_id"], q["forecast"], _col(q, "subject_type"), _col(q, "entity_id")):
            self.add_quantity(*row)
        for row in zip(e["event_id"], e["article_id"], e["event_type"], e["subject"], e["org_id"], e["date"],
                       _col(e, "planned", False), _col(e, "subject_type"), _col(e, "entity_id")):
            self.add_event(*row)

    def add_event(self, event_id, article_id, event_type, subject, org_id, date, planned=False,
                  subject_type="", entity_id="") -> None:
        if not subject or event_type not in MILESTONE_ORDER:
            return
        a = self._entry(self._key(entity_id, subject_type, subject, article_id), org_id, subject, subject_type,
                        article_id)
        if date and not planned:
            ms = a[_MS] if a[_MS] is not None else {}
            a[_MS] = ms
            if event_type not in ms or (date, event_id) < ms[event_type]:
                ms[event_type] = (date, event_id)

    def packed(self) -> list:
        """The accumulators in plain lists (a worker's file, for the main process: :meth:`add_packed`):
        ``[key, org_id, subject, subject_type, [articles], [[column, forecast, value, quantity_id]],
        [value, unit] or None, [[event_type, date, event_id]]]``."""
        out = []
        for key, (org_id, subject, subject_type, arts, fig, cap, ms) in self.acc.items():
            out.append([key, org_id, subject, subject_type, [arts] if type(arts) is str else sorted(arts),
                        [[col, r[0], v, qid] for col, (r, v, qid) in fig.items()] if fig else [],
                        list(cap) if cap is not None else None,
                        [[t, d, eid] for t, (d, eid) in ms.items()] if ms else []])
        return out

    def add_packed(self, items: list) -> None:
        """Merge a file's :meth:`packed` accumulators: the same as feeding its rows (figures and
        milestones keep their best, the first row of a key gives its organization and subject)."""
        drop = self.drop_types
        for key, org_id, subject, subject_type, arts, figs, cap, ms in items:
            if drop and (subject_type or infer_type(subject)) in drop:
                continue
            a = None
            for aid in arts:
                a = self._entry(key, org_id, subject, subject_type, aid)
            if a is None:
                continue
            if figs:
                fig = a[_FIG] if a[_FIG] is not None else {}
                a[_FIG] = fig
                for col, forecast, value, qid in figs:
                    rank = (forecast, -value, qid)
                    if col not in fig or rank < fig[col][0]:
                        fig[col] = (rank, value, qid)
            if cap is not None:
                cap = (cap[0], cap[1])
                if a[_CAP] is None or cap > a[_CAP]:
                    a[_CAP] = cap
            if ms:
                m = a[_MS] if a[_MS] is not None else {}
                a[_MS] = m
                for t, date, eid in ms:
                    if t not in m or (date, eid) < m[t]:
                        m[t] = (date, eid)

    def _merged(self, key_map: dict, entities: dict) -> dict:
        """Accumulators merged by entity: ``{entity_id: (entity row, merged accumulator)}``; a project
        named by its company's name alone is merged into the company (:func:`plants_of_companies`)."""
        out: dict[str, tuple] = {}
        fold = plants_of_companies(entities)
        for key in sorted(self.acc):
            org_id, subject, subject_type, arts, fig, cap, ms = self.acc[key]
            eid = key_map.get(key)
            if eid is not None and eid not in entities:  # an entity of another type (the build gives
                continue                                 # its company and project entities only)
            if eid is not None:
                eid = fold.get(eid, eid)
            if eid is None:  # no resolution given: the name is its own entity
                t = subject_type or infer_type(subject)
                eid = key
                ent = entities.get(eid) or {"entity_id": eid, "name": subject, "entity_type": t,
                                            "org_id": org_id}
            else:
                ent = entities[eid]
            if ent["entity_type"] not in PROJECT_TYPES:
                continue
            if eid not in out:
                out[eid] = (ent, {"articles": set(), "fig": {}, "cap": None, "ms": {}, "org_id": org_id})
            m = out[eid][1]
            if type(arts) is str:
                m["articles"].add(arts)
            else:
                m["articles"] |= arts
            for col, f in (fig or {}).items():
                if col not in m["fig"] or f[0] < m["fig"][col][0]:
                    m["fig"][col] = f
            if cap is not None and (m["cap"] is None or cap > m["cap"]):
                m["cap"] = cap
            for t, d in (ms or {}).items():
                if t not in m["ms"] or d < m["ms"][t]:
                    m["ms"][t] = d
        plant_figures_of_companies(out)
        return out

    def rows(self, industries: dict, key_map: dict | None = None, entities: list[dict] | None = None) -> list[dict]:
        """The projects, one per company or project entity, sorted by id; ``industries`` maps
        org_id to the organization's industry; ``key_map`` (row key → entity_id) and
        ``entities`` (entity rows: at least every company and project of ``key_map``) are the
        corpus-wide resolution (``entities.resolve_entities``)."""
        from ..vocab import classify_industry

        by_id = {e["entity_id"]: e for e in (entities or [])}
        out = []
        for eid, (ent, a) in sorted(self._merged(key_map or {}, by_id).items()):
            org_id = ent.get("org_id") or (a["org_id"] if ent["entity_type"] == "company" else "")
            row = {"project_id": eid, "subject": ent["name"], "org_id": org_id,
                   "industry": industries.get(org_id) or classify_industry(ent["name"]),
                   "article_ids": ";".join(sorted(a["articles"]))}
            used_q = []
            for col in PROJECT_FIGURES:
                if col in a["fig"]:
                    _, value, qid = a["fig"][col]
                    row[col] = value
                    used_q.append(qid)
                else:
                    row[col] = math.nan
            row["capacity"] = a["cap"][0] if a["cap"] else math.nan
            row["capacity_unit"] = a["cap"][1] if a["cap"] else ""
            used_e = []
            for etype in MILESTONE_ORDER:
                date, eid_ = a["ms"].get(etype, ("", ""))
                row[etype] = date
                if eid_:
                    used_e.append(eid_)
            row["investment_intensity"] = investment_intensity(row["investment_cny"], row["land_mu"])
            row["output_per_mu"] = per_mu(row["output_value_cny"], row["land_mu"])
            row["tax_per_mu"] = per_mu(row["tax_cny"], row["land_mu"])
            row["floor_area_ratio"] = floor_area_ratio(row["floor_area_m2"], row["land_mu"])
            row["quantity_ids"] = ";".join(used_q)
            row["event_ids"] = ";".join(used_e)
            out.append(row)
        return out


def plants_of_companies(entities: dict) -> dict[str, str]:
    """``{project entity: company entity}`` for each project that bears its company's name alone
    (``parent_id`` names the company and both canonical names are one): the text calls a company's
    plant by the company's name (浙江某某新材料有限公司 总投资20亿元 … 预计8月投产 as a project, its
    年产值超50亿元 as the company's), so the projects table gives them one row — the company's, with its
    org_id and industry — instead of two rows of one name, each with half the figures. A project named
    otherwise (某某新材料年产5万吨…项目) keeps its own row."""
    out = {}
    for eid, e in entities.items():
        parent = entities.get(e.get("parent_id") or "")
        if (e.get("entity_type") == "project" and parent is not None and parent.get("entity_type") == "company"
                and parent.get("name") == e.get("name")):
            out[eid] = parent["entity_id"]
    return out


#: A plant's figures (not a firm's: revenue, output and tax stay the company's) and its milestones after the
#: signing (a firm's 落户 or founding stays its own): what :func:`plant_figures_of_companies` moves.
PLANT_FIGURES = ("investment_cny", "land_mu", "floor_area_m2")
PLANT_MILESTONES = tuple(t for t in MILESTONE_ORDER if t != "settled")


def _article(row_id: str) -> str:
    """The article of a quantity or event id (doc:NN:q001 → doc:NN)."""
    return row_id.rsplit(":", 1)[0]


def _plant_of(merged: dict, kids: list[str], row_id: str) -> dict | None:
    """The accumulator of the one project of ``kids`` named in the article of ``row_id``, if it has no phase."""
    art = _article(row_id)
    found = [k for k in kids if art in merged[k][1]["articles"]]
    if len(found) != 1 or phases(merged[found[0]][0]["name"]):
        return None
    return merged[found[0]][1]


def plant_figures_of_companies(merged: dict) -> None:
    """A company's plant figures and construction milestones go to the one project of that company its
    article names (``parent_id``), in place, on ``_merged``'s result: the text gives the plant's figures to
    its firm (总投资12亿元的某某新材料有限公司年产5万吨X项目 — the 12亿元 is the company's row, the site and the
    topping-out the project's), so the plant stood under two rows, its investment on one and its land on the
    other (no intensity). Each figure moves only from an article where the company has exactly one
    project (two projects of the firm in one article: whose is it?), never into a project with a phase word
    (一期, 二期: a firm's total is not its phase's), and only into a column the project lacks (its own statement
    wins; the very same value or date told of both stays on the project's row alone); a capacity, which keeps no row id, moves when the company has one project and every article of the
    company names it. A company left with nothing is no row: it was the plant. Revenue, output, tax and the
    signing stay the company's."""
    children: dict[str, list[str]] = {}
    for eid, (ent, _) in merged.items():
        parent = ent.get("parent_id") or ""
        if ent["entity_type"] == "project" and parent in merged and merged[parent][0]["entity_type"] == "company":
            children.setdefault(parent, []).append(eid)
    emptied = []
    for company, kids in sorted(children.items()):
        c = merged[company][1]
        had = bool(c["fig"] or c["ms"] or c["cap"])
        for col in [k for k in PLANT_FIGURES if k in c["fig"]]:
            p = _plant_of(merged, kids, c["fig"][col][2])
            if p is not None and col not in p["fig"]:
                p["fig"][col] = c["fig"].pop(col)
            elif p is not None and p["fig"][col][1] == c["fig"][col][1]:
                del c["fig"][col]    # the very figure told of both: the project's row has it
        for t in [k for k in PLANT_MILESTONES if k in c["ms"]]:
            p = _plant_of(merged, kids, c["ms"][t][1])
            if p is not None and t not in p["ms"]:
                p["ms"][t] = c["ms"].pop(t)
            elif p is not None and p["ms"][t][0] == c["ms"][t][0]:
                del c["ms"][t]       # the same milestone on the same day
        # a capacity keeps no row id: it moves when every article of the company names that one project
        if c["cap"] is not None and len(kids) == 1 and not phases(merged[kids[0]][0]["name"]):
            p = merged[kids[0]][1]
            if p["cap"] is None and c["articles"] <= p["articles"]:
                p["cap"], c["cap"] = c["cap"], None
        if had and not (c["fig"] or c["ms"] or c["cap"]):
            emptied.append(company)
    for company in emptied:
        del merged[company]


def _col(table, name, default=""):
    """A column of a dict of lists or DataFrame, or a constant when the table lacks it."""
    if name in table:
        return table[name]
    import itertools

    return itertools.repeat(default)


def assemble_projects(quantities, events, organizations, entities=None):
    """The projects table (a DataFrame) from quantities, events and organizations frames; with
    the ``entities`` frame of a build, one row per company or project entity."""
    import pandas as pd

    asm = ProjectAssembler()
    asm.add_tables(quantities, events)
    industries = dict(zip(organizations["org_id"], organizations["industry"])) if len(organizations) else {}
    ents = entities.to_dict("records") if entities is not None else None
    key_map = {e["entity_id"]: e["entity_id"] for e in ents} if ents else {}
    return pd.DataFrame(asm.rows(industries, key_map, ents))


#: Stage of each milestone: a step to a lower stage later in time is out of order. Milestones of one
#: stage may come in either order (竣工 before or after 投产).

"""Indicators: pure functions of the tables (no I/O).

Projects are assembled from quantities and events; intensities, growth, shares,
durations between milestones (with the uncertainty a month- or year-precision
date carries) and building rates are computed from them.

>>> round(investment_intensity(2696000000, 397))      # 26.96亿元 on 397 亩 → 万元/亩
679
"""
from __future__ import annotations

import calendar
import datetime as dt
import math
import re

from .entities import infer_type, subject_key as _subject_key
from .vocab import thresholds

MILESTONE_ORDER = ("settled", "land_acquired", "permit_issued", "construction_started", "topped_out",
                   "equipment_move_in", "first_output", "completed", "production_start", "full_capacity")
PROJECT_FIGURES = {  # column → (metric, unit)
    "investment_cny": ("investment", "CNY"),
    "land_mu": ("land", "mu"),
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


def growth_pct(before, after) -> float:
    """Growth in percent: 2.06亿 → 2.65亿 = +28.6."""
    return _div(float(after) - float(before), before) * 100 if not math.isnan(_div(1, before)) else math.nan


def share_pct(part, whole) -> float:
    """Share in percent: 250万 of 625万 = 40.0."""
    return _div(part, whole) * 100


def date_interval(date: str) -> tuple[dt.date, dt.date] | None:
    """The days a date of any precision may stand for: '2023-06' → (2023-06-01, 2023-06-30)."""
    if not isinstance(date, str) or not date:
        return None
    parts = [int(p) for p in date.split("-")]
    try:
        if len(parts) == 3:
            d = dt.date(*parts)
            return d, d
        if len(parts) == 2:
            y, m = parts
            return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])
        return dt.date(parts[0], 1, 1), dt.date(parts[0], 12, 31)
    except ValueError:
        return None


def duration_days(date_from: str, date_to: str) -> tuple[float, float, float]:
    """Days between two dates as (low, high, mid): month precision is an interval, not a day.

    >>> duration_days("2023-06", "2023-12-31")
    (184.0, 213.0, 198.5)
    """
    a, b = date_interval(date_from), date_interval(date_to)
    if not a or not b:
        return (math.nan, math.nan, math.nan)
    low = max((b[0] - a[1]).days, 0)
    high = (b[1] - a[0]).days
    return float(low), float(high), (low + high) / 2


def building_rate(floor_area_m2, days) -> float:
    """Square metres built per day."""
    return _div(floor_area_m2, days)


def subject_key(df):
    """The entity a row is about: its entity when the table has one, else its organization id,
    else its subject text."""
    by_org = df["org_id"].where(df["org_id"] != "", "S:" + df["subject"])
    if "entity_id" in df:
        return df["entity_id"].where(df["entity_id"] != "", by_org)
    return by_org


#: Entity types that are projects in the projects table (batches, zones, regions and bodies never are).
PROJECT_TYPES = ("company", "project")


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

    def __init__(self):
        self.acc: dict[str, dict] = {}
        self.by_metric = {(metric, unit): col for col, (metric, unit) in PROJECT_FIGURES.items()}

    @staticmethod
    def _key(key, subject_type, subject, article_id) -> str:
        return key or _subject_key(subject_type, subject, article_id)

    def _entry(self, key: str, org_id: str, subject: str, subject_type: str) -> dict:
        a = self.acc.get(key)
        if a is None:
            a = self.acc[key] = {"org_id": org_id, "subject": subject, "subject_type": subject_type,
                                 "articles": set(), "fig": {}, "cap": None, "ms": {}}
        return a

    def add_quantity(self, quantity_id, article_id, value, unit, metric, subject, org_id, forecast,
                     subject_type="", entity_id="") -> None:
        if not subject:
            return
        a = self._entry(self._key(entity_id, subject_type, subject, article_id), org_id, subject, subject_type)
        a["articles"].add(article_id)
        value = float(value)
        col = self.by_metric.get((metric, unit))
        if col:
            rank = (bool(forecast), -value, quantity_id)  # stated first, then largest
            if col not in a["fig"] or rank < a["fig"][col][0]:
                a["fig"][col] = (rank, value, quantity_id)
        if metric == "capacity" and (a["cap"] is None or (value, unit) > a["cap"]):
            a["cap"] = (value, unit)

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
        a = self._entry(self._key(entity_id, subject_type, subject, article_id), org_id, subject, subject_type)
        a["articles"].add(article_id)
        if date and not planned and (event_type not in a["ms"] or (date, event_id) < a["ms"][event_type]):
            a["ms"][event_type] = (date, event_id)

    def _merged(self, key_map: dict, entities: dict) -> dict:
        """Accumulators merged by entity: ``{entity_id: (entity row, merged accumulator)}``."""
        out: dict[str, tuple] = {}
        for key in sorted(self.acc):
            a = self.acc[key]
            eid = key_map.get(key)
            if eid is None or eid not in entities:  # no resolution given: the name is its own entity
                t = a["subject_type"] or infer_type(a["subject"])
                eid = key
                ent = entities.get(eid) or {"entity_id": eid, "name": a["subject"], "entity_type": t,
                                            "org_id": a["org_id"]}
            else:
                ent = entities[eid]
            if ent["entity_type"] not in PROJECT_TYPES:
                continue
            if eid not in out:
                out[eid] = (ent, {"articles": set(), "fig": {}, "cap": None, "ms": {}, "org_id": a["org_id"]})
            m = out[eid][1]
            m["articles"] |= a["articles"]
            for col, f in a["fig"].items():
                if col not in m["fig"] or f[0] < m["fig"][col][0]:
                    m["fig"][col] = f
            if a["cap"] is not None and (m["cap"] is None or a["cap"] > m["cap"]):
                m["cap"] = a["cap"]
            for t, d in a["ms"].items():
                if t not in m["ms"] or d < m["ms"][t]:
                    m["ms"][t] = d
        return out

    def rows(self, industries: dict, key_map: dict | None = None, entities: list[dict] | None = None) -> list[dict]:
        """The projects, one per company or project entity, sorted by id; ``industries`` maps
        org_id to the organization's industry; ``key_map`` (row key → entity_id) and
        ``entities`` (entity rows) are the corpus-wide resolution (``entities.resolve_entities``)."""
        from .vocab import classify_industry

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
MILESTONE_STAGE = {"settled": 0, "land_acquired": 1, "permit_issued": 2, "construction_started": 3, "topped_out": 4,
                   "equipment_move_in": 4, "first_output": 5, "completed": 5, "production_start": 5,
                   "full_capacity": 6}
_TIMELINE_COLUMNS = ["entity_id", "subject", "event_type", "stage", "date", "date_precision", "planned", "event_id",
                     "sentence", "flag"]
_STEP_COLUMNS = ["entity_id", "subject", "from_event", "to_event", "from_date", "to_date", "days_low", "days_high",
                 "days_mid", "planned", "event_ids", "flag"]


def _project_events(events, entities=None):
    """Dated milestones of companies and projects, each with its entity key and display name."""
    e = events[(events["date"] != "") & events["event_type"].isin(MILESTONE_ORDER) & (events["subject"] != "")].copy()
    if e.empty:
        return e.assign(key=[], name=[])
    e["key"] = subject_key(e)
    if entities is not None and len(entities):
        types = dict(zip(entities["entity_id"], entities["entity_type"]))
        names = dict(zip(entities["entity_id"], entities["name"]))
        e["etype"] = [types.get(k) or (st or infer_type(s)) for k, st, s in
                      zip(e["key"], e.get("subject_type", [""] * len(e)), e["subject"])]
        e["name"] = [names.get(k, s) for k, s in zip(e["key"], e["subject"])]
    else:
        st = e["subject_type"] if "subject_type" in e else [""] * len(e)
        e["etype"] = [t or infer_type(s) for t, s in zip(st, e["subject"])]
        e["name"] = e["subject"]
    return e[e["etype"].isin(PROJECT_TYPES)]


def milestone_timeline(events, entities=None):
    """Per company or project: its achieved milestones in date order, then its planned ones,
    each with a ``flag`` when implausible — ``founding year`` (a settlement dated by the year
    the company was founded), ``planned before achieved`` (a target dated before a milestone
    of the same or a later stage already reached). One row per entity, milestone type and
    planned/achieved: its earliest date."""
    import pandas as pd

    from .entities import vocab as entity_vocab

    e = _project_events(events, entities)
    if e.empty:
        return pd.DataFrame(columns=_TIMELINE_COLUMNS)
    v = entity_vocab()
    founding = re.compile("|".join(map(re.escape, v["founding_cues"])))
    e["planned"] = e["planned"].astype(bool)
    e["stage"] = e["event_type"].map(MILESTONE_STAGE)
    e["first_day"] = [date_interval(d)[0] for d in e["date"]]
    e["last_day"] = [date_interval(d)[1] for d in e["date"]]
    if "sentence" not in e:
        e["sentence"] = ""
    e = e.sort_values(["key", "planned", "event_type", "first_day", "event_id"]).drop_duplicates(
        ["key", "planned", "event_type"])
    rows = []
    for key, g in e.groupby("key", sort=True):
        achieved = g[~g["planned"]].sort_values(["first_day", "stage", "event_id"]).to_dict("records")
        planned = g[g["planned"]].sort_values(["first_day", "stage", "event_id"]).to_dict("records")
        for i, r in enumerate(achieved):
            flag = ""
            if r["event_type"] == "settled" and r["date_precision"] == "year":
                later = [x for x in achieved if x["stage"] > 0]
                gap = (later[0]["first_day"] - r["last_day"]).days / 365.25 if later else 0
                if founding.search(r["sentence"] or "") or gap > v["settled_max_gap_years"]:
                    flag = "founding year"
            r["flag"] = flag
        for r in planned:
            reached = [x for x in achieved if x["stage"] >= r["stage"] and not x["flag"]]
            r["flag"] = "planned before achieved" if any(r["last_day"] < x["first_day"] for x in reached) else ""
        for r in achieved + planned:
            rows.append({"entity_id": key, "subject": r["name"], "event_type": r["event_type"], "stage": r["stage"],
                         "date": r["date"], "date_precision": r["date_precision"], "planned": r["planned"],
                         "event_id": r["event_id"], "sentence": r["sentence"], "flag": r["flag"]})
    return pd.DataFrame(rows, columns=_TIMELINE_COLUMNS)


def milestone_steps(events, entities=None):
    """Consecutive achieved milestones of each company or project, in date order, with the days
    between them (low, high, mid) and a ``flag`` for an implausible step: ``out of order``
    (time goes forward while the stage goes back: 投产 then 封顶), ``founding year`` (from a
    settlement dated by a founding year). Planned milestones make no step."""
    import pandas as pd

    t = milestone_timeline(events, entities)
    t = t[~t["planned"].astype(bool)] if len(t) else t
    rows = []
    for key, g in t.groupby("entity_id", sort=True):
        recs = g.to_dict("records")  # already in date order
        for a, b in zip(recs, recs[1:]):
            low, high, mid = duration_days(a["date"], b["date"])
            if math.isnan(mid):
                continue
            flag = a["flag"] or b["flag"] or ("out of order" if b["stage"] < a["stage"] else "")
            rows.append({"entity_id": key, "subject": a["subject"], "from_event": a["event_type"],
                         "to_event": b["event_type"], "from_date": a["date"], "to_date": b["date"], "days_low": low,
                         "days_high": high, "days_mid": mid, "planned": False,
                         "event_ids": f"{a['event_id']};{b['event_id']}", "flag": flag})
    return pd.DataFrame(rows, columns=_STEP_COLUMNS)


def milestone_durations(events, entities=None):
    """The plausible steps of :func:`milestone_steps` (flag empty): durations between achieved
    milestones of one company or project — what charts show."""
    s = milestone_steps(events, entities)
    return s[s["flag"] == ""].reset_index(drop=True)

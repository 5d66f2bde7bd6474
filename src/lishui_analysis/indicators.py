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
    """The entity a row is about: its organization id when known, else its subject text."""
    return df["org_id"].where(df["org_id"] != "", "S:" + df["subject"])


class ProjectAssembler:
    """One row per company or project subject, with its figures and milestone dates,
    accumulated as quantity and event rows stream past (memory grows with the number
    of subjects, not of rows; the result does not depend on the order rows arrive in).

    For each figure the largest stated (non-forecast) value is kept, falling back to
    a forecast one; each milestone is its earliest dated mention; the ids of the
    rows used are kept for provenance.
    """

    def __init__(self):
        self.acc: dict[str, dict] = {}
        self.by_metric = {(metric, unit): col for col, (metric, unit) in PROJECT_FIGURES.items()}

    def _entry(self, org_id: str, subject: str) -> dict:
        key = org_id if org_id else "S:" + subject
        a = self.acc.get(key)
        if a is None:
            a = self.acc[key] = {"org_id": org_id, "subject": subject, "articles": set(), "fig": {}, "cap": None, "ms": {}}
        return a

    def add_quantity(self, quantity_id, article_id, value, unit, metric, subject, org_id, forecast) -> None:
        if not subject:
            return
        a = self._entry(org_id, subject)
        a["articles"].add(article_id)
        value = float(value)
        col = self.by_metric.get((metric, unit))
        if col:
            rank = (bool(forecast), -value, quantity_id)  # stated first, then largest
            if col not in a["fig"] or rank < a["fig"][col][0]:
                a["fig"][col] = (rank, value, quantity_id)
        if metric == "capacity" and (a["cap"] is None or value > a["cap"][0]):
            a["cap"] = (value, unit)

    def add_tables(self, quantities, events) -> None:
        """Feed quantity and event rows given as columns: a dict of lists (a file's result in the
        build) or a DataFrame (``assemble_projects``)."""
        q, e = quantities, events
        for row in zip(q["quantity_id"], q["article_id"], q["value"], q["unit"], q["metric"], q["subject"],
                       q["org_id"], q["forecast"]):
            self.add_quantity(*row)
        for row in zip(e["event_id"], e["article_id"], e["event_type"], e["subject"], e["org_id"], e["date"]):
            self.add_event(*row)

    def add_event(self, event_id, article_id, event_type, subject, org_id, date) -> None:
        if not subject or event_type not in MILESTONE_ORDER:
            return
        a = self._entry(org_id, subject)
        a["articles"].add(article_id)
        if date and (event_type not in a["ms"] or (date, event_id) < a["ms"][event_type]):
            a["ms"][event_type] = (date, event_id)

    def rows(self, names: dict, industries: dict) -> list[dict]:
        """The projects, sorted by key; ``names`` and ``industries`` map org_id to the organization's."""
        import hashlib

        from .vocab import classify_industry

        out = []
        for key in sorted(self.acc):
            a = self.acc[key]
            subject = names.get(a["org_id"]) or a["subject"]
            row = {"project_id": "P" + hashlib.sha1(key.encode()).hexdigest()[:10], "subject": subject,
                   "org_id": a["org_id"], "industry": industries.get(a["org_id"]) or classify_industry(subject),
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
                date, eid = a["ms"].get(etype, ("", ""))
                row[etype] = date
                if eid:
                    used_e.append(eid)
            row["investment_intensity"] = investment_intensity(row["investment_cny"], row["land_mu"])
            row["output_per_mu"] = per_mu(row["output_value_cny"], row["land_mu"])
            row["tax_per_mu"] = per_mu(row["tax_cny"], row["land_mu"])
            row["floor_area_ratio"] = floor_area_ratio(row["floor_area_m2"], row["land_mu"])
            row["quantity_ids"] = ";".join(used_q)
            row["event_ids"] = ";".join(used_e)
            out.append(row)
        return out


def assemble_projects(quantities, events, organizations):
    """The projects table (a DataFrame) from quantities, events and organizations frames."""
    import pandas as pd

    asm = ProjectAssembler()
    asm.add_tables(quantities, events)
    if len(organizations):
        names = dict(zip(organizations["org_id"], organizations["name"]))
        industries = dict(zip(organizations["org_id"], organizations["industry"]))
    else:
        names, industries = {}, {}
    return pd.DataFrame(asm.rows(names, industries))


def milestone_durations(events):
    """Consecutive dated milestones of each subject, with the days between them (low, high, mid)."""
    import pandas as pd

    e = events[(events["date"] != "") & events["event_type"].isin(MILESTONE_ORDER) & (events["subject"] != "")].copy()
    if e.empty:
        return pd.DataFrame(columns=["subject", "from_event", "to_event", "from_date", "to_date", "days_low",
                                     "days_high", "days_mid", "planned", "event_ids"])
    e["key"] = subject_key(e)
    e["order"] = e["event_type"].map({t: i for i, t in enumerate(MILESTONE_ORDER)})
    e["first_day"] = [date_interval(d)[0] for d in e["date"]]
    rows = []
    for key, g in e.groupby("key", sort=True):
        g = g.sort_values(["order", "date", "event_id"]).drop_duplicates("event_type")
        g = g.sort_values(["first_day", "order", "event_id"])
        recs = g.to_dict("records")
        for a, b in zip(recs, recs[1:]):
            low, high, mid = duration_days(a["date"], b["date"])
            if math.isnan(mid) or high < 0:
                continue
            rows.append({"subject": a["subject"], "from_event": a["event_type"], "to_event": b["event_type"],
                         "from_date": a["date"], "to_date": b["date"], "days_low": low, "days_high": high,
                         "days_mid": mid, "planned": bool(a["planned"] or b["planned"]),
                         "event_ids": f"{a['event_id']};{b['event_id']}"})
    return pd.DataFrame(rows)

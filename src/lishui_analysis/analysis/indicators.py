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
from typing import cast

from ..tables.entities import infer_type
from ..tables.projects import (  # noqa: F401  (re-exported: the notebooks' indicators)
    MILESTONE_ORDER, PROJECT_FIGURES, PROJECT_TYPES, ProjectAssembler, assemble_projects, floor_area_ratio,
    investment_intensity, mu_in_m2, per_mu, _div,
)


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
MILESTONE_STAGE = {"settled": 0, "land_acquired": 1, "permit_issued": 2, "construction_started": 3, "topped_out": 4,
                   "equipment_move_in": 4, "first_output": 5, "completed": 5, "production_start": 5,
                   "full_capacity": 6}
_TIMELINE_COLUMNS = ["entity_id", "subject", "event_type", "stage", "date", "date_precision", "planned", "event_id",
                     "sentence", "flag"]
_STEP_COLUMNS = ["entity_id", "subject", "from_event", "to_event", "from_date", "to_date", "days_low", "days_high",
                 "days_mid", "planned", "event_ids", "flag"]


def project_events(events, entities=None, dated: bool = True):
    """Milestones of companies and projects (only the dated ones unless ``dated`` is False), each with
    its entity key and display name."""
    keep = events["event_type"].isin(MILESTONE_ORDER) & (events["subject"] != "")
    e = events[keep & (events["date"] != "") if dated else keep].copy()
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

    from ..tables.entities import vocab as entity_vocab

    e = project_events(events, entities)
    if e.empty:
        return pd.DataFrame(columns=_TIMELINE_COLUMNS)
    v = entity_vocab()
    founding = re.compile("|".join(map(re.escape, v["founding_cues"])))
    e["planned"] = e["planned"].astype(bool)
    e["stage"] = e["event_type"].map(MILESTONE_STAGE)
    e["first_day"] = [cast(tuple, date_interval(d))[0] for d in e["date"]]  # project_events: dated rows only
    e["last_day"] = [cast(tuple, date_interval(d))[1] for d in e["date"]]
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


def overlap_flag(date_a: str, date_b: str, days_low: float) -> str:
    """``same date`` or ``dates overlap`` when two milestones' dates may be one day (no step), else ''.

    >>> overlap_flag("2024-06-04", "2024-06-04", 0.0), overlap_flag("2024-06", "2024-06-30", 0.0)
    ('same date', 'dates overlap')
    >>> overlap_flag("2024-06", "2024-07", 1.0)
    ''
    """
    if days_low > 0:
        return ""
    return "same date" if date_a == date_b else "dates overlap"


def milestone_steps(events, entities=None):
    """Consecutive achieved milestones of each company or project, in date order, with the days
    between them (low, high, mid) and a ``flag`` for an implausible step: ``out of order``
    (time goes forward while the stage goes back: 投产 then 封顶), ``founding year`` (from a
    settlement dated by a founding year), ``same date`` / ``dates overlap`` (the two dates may be
    the same day — 2024-06-04 twice, or 2024-06 and 2024-06-30 —: the text gives no time between
    them, so no 0-day step; :mod:`.speed` names why). Planned milestones make no step."""
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
            flag = a["flag"] or b["flag"] or ("out of order" if b["stage"] < a["stage"] else "") or overlap_flag(
                a["date"], b["date"], low)
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

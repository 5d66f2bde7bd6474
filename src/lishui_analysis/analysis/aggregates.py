"""Batches of projects and zones keep their indicators (notebook 01): what one sentence states of a
batch or a zone — projects counted, investment, land — and the investment intensity it gives against
the 标准地 floor. Only rows typed batch or zone feed it: a plant's figure never becomes its zone's.

>>> round(investment_intensity(2696000000, 397), 1)   # 入园招商项目14个: 26.96亿元 on 397亩
679.1
"""
from __future__ import annotations

import math
from typing import Any, cast

import pandas as pd

from ..tables.projects import investment_intensity, mu_in_m2
from .selections import Provenance, _of_types, with_names

#: Subject types whose figures feed the batches-and-zones indicators (a region's figures never do: its
#: investment over its area is no land-use intensity).
INDICATOR_AGGREGATES = ("batch", "zone")
#: The table's columns: ``label`` is the batch's or zone's name (numbered when it has several rows); the
#: floor is the notebook's parameter, shown in the chart and the prose rather than in every row.
_AGG_INDICATOR_COLUMNS = ["label", "subject_type", "projects", "investment_yi_yuan", "land_mu", "investment_intensity",
                          "meets_threshold", "ratio_to_threshold", "forecast", "basis", "quantity_ids", "sentence",
                          "source"]


def _pick(rows: pd.DataFrame) -> pd.Series | None:
    """The figure of ``rows`` to use: a stated one before a forecast, then the largest."""
    if rows.empty:
        return None
    return rows.assign(_f=rows["forecast"].astype(bool)).sort_values(
        ["_f", "value", "quantity_id"], ascending=[True, False, True]).iloc[0]


#: Words just before an amount that make it a total, whatever year the sentence speaks of.
TOTAL_CUES = ("总投资", "投资总额", "总额")


def sentence_map(sentences: pd.DataFrame) -> dict:
    """(article_id, sentence_id) → (start, text): a quantity's sentence looked up, not searched for."""
    return dict(zip(zip(sentences["article_id"], sentences["sentence_id"]), zip(sentences["start"], sentences["text"])))


def _offset_in_sentence(row, sentences: dict, edge: str) -> tuple[int, str] | None:
    """Where a quantity row's ``edge`` (``"start"`` or ``"end"``) stands in its sentence, with the sentence's text."""
    hit = sentences.get((row.article_id, row.sentence_id)) if hasattr(row, edge) else None
    return None if hit is None else (max(int(getattr(row, edge)) - int(hit[0]), 0), str(hit[1]))


def text_before(row, sentences: dict, width: int) -> str:
    """The ``width`` characters before a quantity row in its sentence (``sentences``: :func:`sentence_map`)."""
    at = _offset_in_sentence(row, sentences, "start")
    return "" if at is None else at[1][max(at[0] - width, 0): at[0]]


def text_after(row, sentences: dict, width: int) -> str:
    """The ``width`` characters after a quantity row in its sentence (``sentences``: :func:`sentence_map`)."""
    at = _offset_in_sentence(row, sentences, "end")
    return "" if at is None else at[1][at[0]: at[0] + width]


def _said_total(row, sentences: dict, width: int = 6) -> bool:
    """Whether the ``width`` characters before a quantity in its sentence call it a total (总投资18.5亿元)."""
    before = text_before(row, sentences, width)
    return any(cue in before for cue in TOTAL_CUES)


def aggregate_indicators(tables: dict, threshold: float) -> pd.DataFrame:
    """Batches of projects and zones with what one sentence states of them — projects counted, investment,
    land — and the investment intensity (万元/亩) they give, against the 标准地 ``threshold``.

    One row per batch or zone and sentence that states an investment or a land area of it. Only rows typed
    ``batch`` or ``zone`` feed it, so a plant's figure (typed project or company) never becomes its zone's,
    whatever the sentence says around it. The intensity is computed only from an investment and a land area
    stated in the same sentence for the same batch or zone (26.96亿元 on 397亩 = 679.1 万元/亩), never across
    sentences nor from a one-year figure (a ``period``, unless the sentence calls it the total: 今年入园项目9个，
    总投资18.5亿元); a forecast figure is used only when none is stated, and the row says so (``forecast``).
    ``basis`` says how the intensity was computed or why there is none."""
    q = _of_types(tables["quantities"], INDICATOR_AGGREGATES)
    q = q[q["metric"].isin(["investment", "land", "count"])]
    if q.empty:
        return pd.DataFrame(columns=_AGG_INDICATOR_COLUMNS)
    q = with_names(q, tables)
    q["value"] = q["value"].astype(float)
    land_m2 = (q["metric"] == "land") & (q["unit"] == "m2")
    q.loc[land_m2, "value"] = q.loc[land_m2, "value"] / mu_in_m2()
    q.loc[land_m2, "unit"] = "mu"
    period = q["period"].fillna("") if "period" in q else pd.Series("", index=q.index)
    # a figure of one year is a flow (今年完成投资), unless the sentence calls it the total (今年入园项目9个，总投资…)
    smap = sentence_map(tables["sentences"])
    q["period"] = [p if p and not _said_total(r, smap) else "" for p, r in zip(period, q.itertuples())]
    order = ["start"] if "start" in q else []
    rows = []
    for (key, article_id, sentence_id), g in q.groupby(["key", "article_id", "sentence_id"], sort=True):
        g = g.sort_values(order + ["quantity_id"])
        inv_all = g[(g["metric"] == "investment") & (g["unit"] == "CNY")]
        land = _pick(g[(g["metric"] == "land") & (g["unit"] == "mu")])
        if inv_all.empty and land is None:
            continue
        inv = _pick(inv_all[inv_all["period"] == ""])
        annual = inv is None and not inv_all.empty
        inv = inv if inv is not None else _pick(inv_all)
        counted = g[(g["metric"] == "count") & g["surface"].fillna("").str.contains("[个项]$")]
        n = counted.iloc[0] if len(counted) and g["subject_type"].iloc[0] == "batch" else None
        intensity = math.nan
        if inv is not None and land is not None and not annual:
            intensity = investment_intensity(inv["value"], land["value"])
            basis = f"{inv['surface']} ÷ {land['surface']}"
        elif annual:
            one_year = cast(Any, inv)  # the one-year figure: inv is not None here
            basis = f"{one_year['surface']} is a figure of {one_year['period']}, not a total"
        elif inv is None:
            basis = "no investment in this sentence"
        else:
            basis = "no land area in this sentence"
        used = [r["quantity_id"] for r in (n, inv, land) if r is not None]
        rows.append({"name": g["name"].iloc[0], "subject_type": g["subject_type"].iloc[0],
                     "projects": int(n["value"]) if n is not None else None,
                     "investment_yi_yuan": inv["value"] / 1e8 if inv is not None else math.nan,
                     "land_mu": land["value"] if land is not None else math.nan,
                     "investment_intensity": intensity,
                     "meets_threshold": bool(intensity >= threshold) if math.isfinite(intensity) else None,
                     "ratio_to_threshold": intensity / threshold if threshold and math.isfinite(intensity) else math.nan,
                     "forecast": any(bool(r["forecast"]) for r in (inv, land) if r is not None),
                     "basis": basis, "quantity_ids": ";".join(used)})
    out = pd.DataFrame(rows, columns=["name"] + [c for c in _AGG_INDICATOR_COLUMNS if c not in ("label", "sentence", "source")])
    if out.empty:
        return pd.DataFrame(columns=_AGG_INDICATOR_COLUMNS)
    out["projects"] = out["projects"].astype("Int64")
    # one label per row for charts and summaries: the name, numbered when one batch has several rows
    seen = out.groupby("name").cumcount()
    several = out["name"].map(out["name"].value_counts()) > 1
    out["label"] = [f"{nm} ({k + 1})" if many else nm for nm, k, many in zip(out["name"], seen, several)]
    out = Provenance(tables).add(out, "quantity_ids")
    # those with an intensity first, highest first; then by type and name
    out = out.assign(_rated=out["investment_intensity"].notna()).sort_values(
        ["_rated", "investment_intensity", "subject_type", "label"], ascending=[False, False, True, True], na_position="last")
    return out.reset_index(drop=True)[_AGG_INDICATOR_COLUMNS]


def aggregate_intensity_takeaway(table: pd.DataFrame, threshold: float) -> str:
    if table.empty:
        return "No batch of projects or zone states an investment or a land area (or subjects are untyped)."
    rated = table[table["investment_intensity"].notna()]
    if rated.empty:
        return (f"{len(table)} figures of batches and zones, none with an investment and a land area in one "
                "sentence, so no intensity.")
    top = rated.sort_values("investment_intensity", ascending=False).iloc[0]
    n_ok = int(rated["meets_threshold"].astype(bool).sum())
    what = f"{top['projects']} projects, " if pd.notna(top["projects"]) else ""
    return (f"{n_ok} of {len(rated)} batches and zones with an intensity meet the {threshold:g} 万元/亩 floor; "
            f"{top['label']} ({what}{top['investment_yi_yuan']:.2f} 亿元 on {top['land_mu']:g} 亩) reaches "
            f"{top['investment_intensity']:.1f} 万元/亩 ({top['ratio_to_threshold']:.1f}× the floor).")


def aggregate_summary(table: pd.DataFrame) -> dict:
    """The batches-and-zones table for a report's summary JSON: per label its figures (None when not stated)."""
    def num(v, digits):
        return round(float(v), digits) if v is not None and pd.notna(v) else None

    return {r.label: {"subject_type": r.subject_type, "projects": None if pd.isna(r.projects) else int(r.projects),
                      "investment_yi_yuan": num(r.investment_yi_yuan, 4), "land_mu": num(r.land_mu, 2),
                      "investment_intensity": num(r.investment_intensity, 1), "forecast": bool(r.forecast)}
            for r in table.itertuples()}

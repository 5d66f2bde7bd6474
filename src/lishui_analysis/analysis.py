"""Library side of the notebooks: selections, tables and takeaways (pure functions of tables)."""
from __future__ import annotations

import math

import pandas as pd

from . import indicators as ind
from .vocab import industries

MONEY_METRICS = ("investment", "revenue", "output_value", "tax", "funding", "subsidy")


def select(tables: dict, p: dict) -> dict:
    """Tables restricted to the articles published in the parameter window (as_of, date_from, date_to)
    and, when ``industries`` is given, to organizations and projects of those industries."""
    a = tables["articles"]
    keep = pd.Series(True, index=a.index)
    if p.get("as_of"):
        keep &= a["pub_date"].apply(lambda d: bool(d) and d <= p["as_of"][: len(d)])
    # A month- or year-precision date is kept when its period overlaps the window.
    if p.get("date_from"):
        keep &= a["pub_date"].apply(lambda d: bool(d) and d >= p["date_from"][: len(d)])
    if p.get("date_to"):
        keep &= a["pub_date"].apply(lambda d: bool(d) and d <= p["date_to"][: len(d)])
    ids = set(a.loc[keep, "article_id"])
    out = {"articles": a[keep].reset_index(drop=True)}
    for t in ("sentences", "quantities", "org_mentions", "events"):
        out[t] = tables[t][tables[t]["article_id"].isin(ids)].reset_index(drop=True)
    org_ids = set(out["org_mentions"]["org_id"])
    orgs = tables["organizations"][tables["organizations"]["org_id"].isin(org_ids)]
    pr = tables["projects"]
    projects = pr[pr["article_ids"].map(lambda s: bool(set(s.split(";")) & ids)).astype(bool)] if len(pr) else pr
    if p.get("industries"):
        orgs = orgs[orgs["industry"].isin(p["industries"])]
        projects = projects[projects["industry"].isin(p["industries"])]
    out["organizations"] = orgs.reset_index(drop=True)
    out["projects"] = projects.reset_index(drop=True)
    return out


def empty_note(tables: dict) -> str:
    """A sentence for the report when the selection is empty, else ''."""
    if tables["articles"].empty:
        return "The selected date range and filters select no article: nothing to analyse."
    return ""


def with_sentences(rows: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    s = sentences[["article_id", "sentence_id", "text"]].rename(columns={"text": "sentence"})
    return rows.merge(s, on=["article_id", "sentence_id"], how="left")


def money_figures(q: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    m = q[q["kind"] == "money"].copy()
    m["amount_wan_yuan"] = m["value"] / 1e4
    cols = ["quantity_id", "subject", "metric", "surface", "amount_wan_yuan", "unit", "period", "forecast", "approximate"]
    return with_sentences(m, sentences)[cols + ["sentence"]]


def investment_by_subject(q: pd.DataFrame) -> pd.DataFrame:
    inv = q[(q["metric"] == "investment") & (q["unit"] == "CNY") & (q["subject"] != "")]
    if inv.empty:
        return pd.DataFrame(columns=["subject", "investment_yi_yuan", "n_figures"])
    g = inv.groupby("subject").agg(investment=("value", "max"), n_figures=("value", "size")).reset_index()
    g["investment_yi_yuan"] = g["investment"] / 1e8
    return g.sort_values("investment_yi_yuan", ascending=False)[["subject", "investment_yi_yuan", "n_figures"]].reset_index(drop=True)


def intensity_table(projects: pd.DataFrame, threshold: float) -> pd.DataFrame:
    p = projects[projects["investment_intensity"].notna()].copy()
    p["threshold"] = threshold
    p["meets_threshold"] = p["investment_intensity"] >= threshold
    p["ratio_to_threshold"] = p["investment_intensity"] / threshold if threshold else math.nan
    return p[["subject", "investment_cny", "land_mu", "investment_intensity", "threshold", "meets_threshold",
              "ratio_to_threshold", "quantity_ids"]].reset_index(drop=True)


def intensity_takeaway(table: pd.DataFrame, threshold: float) -> str:
    if table.empty:
        return "No project states both an investment and a land area, so no intensity can be computed."
    top = table.sort_values("investment_intensity", ascending=False).iloc[0]
    n_ok = int(table["meets_threshold"].sum())
    return (f"{n_ok} of {len(table)} projects meet the {threshold:g} 万元/亩 standard-land floor; "
            f"{top['subject']} reaches {top['investment_intensity']:.0f} 万元/亩 ({top['ratio_to_threshold']:.1f}× the floor).")


def growth_table(q: pd.DataFrame) -> pd.DataFrame:
    """Same subject, metric and unit stated for two periods: growth between consecutive periods."""
    m = q[(q["metric"].isin(MONEY_METRICS)) & (q["period"] != "") & (~q["forecast"]) & (q["subject"] != "")]
    rows = []
    for (subj, metric), g in m.groupby(["subject", "metric"]):
        g = g.sort_values("period").drop_duplicates("period")
        recs = g.to_dict("records")
        for a, b in zip(recs, recs[1:]):
            rows.append({"subject": subj, "metric": metric, "from_period": a["period"], "to_period": b["period"],
                         "from_value": a["value"], "to_value": b["value"],
                         "growth_pct": ind.growth_pct(a["value"], b["value"]),
                         "quantity_ids": f"{a['quantity_id']};{b['quantity_id']}"})
    return pd.DataFrame(rows, columns=["subject", "metric", "from_period", "to_period", "from_value", "to_value",
                                       "growth_pct", "quantity_ids"])


def funding_shares(q: pd.DataFrame) -> pd.DataFrame:
    """Funding or subsidy against the investment of the same subject (250万 of 625万 = 40%)."""
    rows = []
    for subj, g in q[q["subject"] != ""].groupby("subject"):
        inv = g[(g["metric"] == "investment") & (g["unit"] == "CNY")]
        fund = g[g["metric"].isin(["funding", "subsidy"]) & (g["unit"] == "CNY")]
        if inv.empty or fund.empty:
            continue
        total = inv["value"].max()
        for r in fund.itertuples():
            rows.append({"subject": subj, "funding": r.value, "investment": total,
                         "share_pct": ind.share_pct(r.value, total), "forecast": r.forecast,
                         "quantity_ids": f"{inv.sort_values('value').iloc[-1]['quantity_id']};{r.quantity_id}"})
    return pd.DataFrame(rows, columns=["subject", "funding", "investment", "share_pct", "forecast", "quantity_ids"])


def timeline(events: pd.DataFrame) -> pd.DataFrame:
    e = events[(events["date"] != "") & events["event_type"].isin(ind.MILESTONE_ORDER) & (events["subject"] != "")].copy()
    if e.empty:
        return e.assign(start=pd.Series(dtype="datetime64[ns]"), end=pd.Series(dtype="datetime64[ns]"))
    iv = [ind.date_interval(d) for d in e["date"]]
    e["start"] = pd.to_datetime([a for a, _ in iv])
    e["end"] = pd.to_datetime([b for _, b in iv])
    return e.sort_values(["subject", "start"]).reset_index(drop=True)


def durations_against_target(durations: pd.DataFrame, target_days: float) -> pd.DataFrame:
    d = durations.copy()
    d["target_days"] = target_days
    d["within_target"] = d["days_high"] <= target_days
    return d


def duration_takeaway(d: pd.DataFrame) -> str:
    if d.empty:
        return "No subject has two dated milestones, so no duration can be computed."
    fast = d.sort_values("days_mid").iloc[0]
    slow = d.sort_values("days_mid").iloc[-1]
    return (f"Fastest step: {fast['subject']} {fast['from_event']} → {fast['to_event']} in {fast['days_low']:.0f}–{fast['days_high']:.0f} days; "
            f"slowest: {slow['subject']} {slow['from_event']} → {slow['to_event']} in {slow['days_low']:.0f}–{slow['days_high']:.0f} days.")


def building_rates(projects: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for r in projects.itertuples():
        if not (isinstance(r.floor_area_m2, float) and math.isfinite(r.floor_area_m2)):
            continue
        if not (r.construction_started and r.topped_out):
            continue
        low, high, mid = ind.duration_days(r.construction_started, r.topped_out)
        if not math.isfinite(mid) or mid <= 0:
            continue
        rows.append({"subject": r.subject, "floor_area_m2": r.floor_area_m2, "days_low": low, "days_high": high,
                     "m2_per_day_low": ind.building_rate(r.floor_area_m2, high),
                     "m2_per_day_high": ind.building_rate(r.floor_area_m2, max(low, 1)),
                     "m2_per_day_mid": ind.building_rate(r.floor_area_m2, mid)})
    return pd.DataFrame(rows, columns=["subject", "floor_area_m2", "days_low", "days_high", "m2_per_day_low",
                                       "m2_per_day_high", "m2_per_day_mid"])


def industry_names(lang: str = "en") -> dict:
    return {i["id"]: (i["name_zh"] if lang == "zh" else i["id"].replace("_", " ")) for i in industries()} | {
        "unclassified": "未分类" if lang == "zh" else "unclassified"}


def orgs_by(orgs: pd.DataFrame, column: str) -> pd.DataFrame:
    if orgs.empty:
        return pd.DataFrame(columns=[column, "organizations"])
    col = orgs[column].replace("", "(none)")
    return col.value_counts().rename_axis(column).reset_index(name="organizations")


def co_mentions(mentions: pd.DataFrame, orgs: pd.DataFrame) -> pd.DataFrame:
    """Pairs of organizations named in the same article, with how many articles they share."""
    names = dict(zip(orgs["org_id"], orgs["name"]))
    m = mentions[mentions["org_id"].isin(names)]
    pairs: dict = {}
    for _, g in m.groupby("article_id"):
        ids = sorted(set(g["org_id"]))
        for i, a in enumerate(ids):
            for b in ids[i + 1:]:
                pairs[(a, b)] = pairs.get((a, b), 0) + 1
    rows = [{"a": names[a], "b": names[b], "articles": n} for (a, b), n in sorted(pairs.items())]
    return pd.DataFrame(rows, columns=["a", "b", "articles"])


def programmes(events: pd.DataFrame) -> pd.DataFrame:
    e = events[events["event_type"].isin(["awarded", "certified", "listed"])]
    return e[["event_id", "event_type", "subject", "date", "sentence"]].reset_index(drop=True)


def industries_over_time(articles: pd.DataFrame, orgs: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Articles per publication month that mention an organization of each industry."""
    ind_of = dict(zip(orgs["org_id"], orgs["industry"]))
    m = mentions[mentions["org_id"].isin(ind_of)].assign(industry=lambda d: d["org_id"].map(ind_of))
    m = m.merge(articles[["article_id", "pub_date"]], on="article_id")
    if m.empty:
        return pd.DataFrame(columns=["month", "industry", "articles"])
    m["month"] = m["pub_date"].str.slice(0, 7)
    return (m.drop_duplicates(["article_id", "industry"]).groupby(["month", "industry"]).size()
            .rename("articles").reset_index())

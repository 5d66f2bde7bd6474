"""Library side of the notebooks: selections, tables and takeaways (pure functions of tables)."""
from __future__ import annotations

import math
from typing import cast

import pandas as pd

from . import indicators as ind
from .attribution import LeftOut, in_sentence_only, projects_in_sentence
from ..vocab import industries, thresholds

MONEY_METRICS = ("investment", "revenue", "output_value", "tax", "funding", "subsidy")


def select(tables: dict, p: dict) -> dict:
    """Tables restricted to the articles published in the parameter window (as_of, date_from, date_to)
    and, when ``industries`` is given, to organizations and projects of those industries; with
    ``attributions = "in_sentence"``, to the figures and milestones whose holder is named in their own sentence,
    ``left_out`` saying what was left out (an :class:`.attribution.LeftOut`, empty for ``all``)."""
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
    out["left_out"] = in_sentence_only(out) if p.get("attributions") == "in_sentence" else LeftOut()
    weak = out["left_out"].ids
    org_ids = set(out["org_mentions"]["org_id"])
    orgs = tables["organizations"][tables["organizations"]["org_id"].isin(org_ids)]
    pr = projects_in_sentence(tables) if weak else tables["projects"]
    projects = pr[pr["article_ids"].map(lambda s: bool(set(s.split(";")) & ids)).astype(bool)] if len(pr) else pr
    if p.get("industries"):
        orgs = orgs[orgs["industry"].isin(p["industries"])]
        projects = projects[projects["industry"].isin(p["industries"])]
    out["organizations"] = orgs.reset_index(drop=True)
    out["projects"] = projects.reset_index(drop=True)
    # Entities and conflicts are corpus-wide: kept when one of their articles is selected.
    if "conflicts" in tables:
        c = tables["conflicts"]
        out["conflicts"] = c[c["article_ids"].map(lambda s: bool(set(s.split(";")) & ids)).astype(bool)
                             ].reset_index(drop=True) if len(c) else c
        if weak and len(out["conflicts"]):
            c = out["conflicts"]
            out["conflicts"] = c[[not (set(_ids(x)) | set(_ids(y))) & weak for x, y in
                                  zip(c["quantity_or_event_ids_a"], c["quantity_or_event_ids_b"])]].reset_index(drop=True)
    if "entities" in tables:
        used = set().union(*(set(out[t].get("entity_id", ())) for t in ("quantities", "events", "conflicts") if t in out))
        ent = tables["entities"]
        parents = set(ent.loc[ent["entity_id"].isin(used), "parent_id"]) - {""}  # a project's company, for its stem
        out["entities"] = ent[ent["entity_id"].isin(used | parents)].reset_index(drop=True)
    return out


def empty_note(tables: dict) -> str:
    """A sentence for the report when the selection is empty, else ''."""
    if tables["articles"].empty:
        return "The selected date range and filters select no article: nothing to analyse."
    return ""


def with_sentences(rows: pd.DataFrame, sentences: pd.DataFrame) -> pd.DataFrame:
    s = sentences[["article_id", "sentence_id", "text"]].rename(columns={"text": "sentence"})
    return rows.merge(s, on=["article_id", "sentence_id"], how="left")


def money_figures(tables: dict) -> pd.DataFrame:
    """Every money figure of the selection, whoever holds it (with its subject type), with sentence and source."""
    q = tables["quantities"]
    m = q[q["kind"] == "money"].copy()
    m["amount_wan_yuan"] = m["value"] / 1e4
    cols = ["quantity_id", "subject", "subject_type", "subject_rule", "metric", "surface", "amount_wan_yuan", "unit",
            "period", "forecast", "approximate"]
    if "subject_rule" not in m:
        m["subject_rule"] = ""
    return with_provenance(m, tables)[cols + ["sentence", "source"]]


def investment_by_subject(q: pd.DataFrame) -> pd.DataFrame:
    inv = q[(q["metric"] == "investment") & (q["unit"] == "CNY") & (q["subject"] != "")]
    if inv.empty:
        return pd.DataFrame(columns=["subject", "investment_yi_yuan", "n_figures"])
    g = inv.groupby("subject").agg(investment=("value", "max"), n_figures=("value", "size")).reset_index()
    g["investment_yi_yuan"] = g["investment"] / 1e8
    return g.sort_values("investment_yi_yuan", ascending=False)[["subject", "investment_yi_yuan", "n_figures"]].reset_index(drop=True)


def floor_applies(name: str) -> bool:
    """Whether the standard-land floors (industrial land) apply to a project: not when its name says it is
    no plant (云岭商务大厦, 松阳培训中心 — ``not_industrial_words`` of ``data/thresholds.yaml``)."""
    words = thresholds()["investment_intensity_min"].get("not_industrial_words") or ()
    return not any(w in name for w in words)


def intensity_table(projects: pd.DataFrame, threshold: float) -> pd.DataFrame:
    """Investment per mu of each project stating both; ``floor_applies`` False for a project that is no
    plant (:func:`floor_applies`): its ``meets_threshold`` and ratio are left empty."""
    p = projects[projects["investment_intensity"].notna()].copy()
    p["threshold"] = threshold
    p["floor_applies"] = [floor_applies(str(n)) for n in p["subject"]]
    p["meets_threshold"] = [bool(v >= threshold) if ok else None for v, ok in zip(p["investment_intensity"], p["floor_applies"])]
    p["ratio_to_threshold"] = [v / threshold if ok and threshold else math.nan
                               for v, ok in zip(p["investment_intensity"], p["floor_applies"])]
    return p[["subject", "investment_cny", "land_mu", "investment_intensity", "threshold", "floor_applies",
              "meets_threshold", "ratio_to_threshold", "quantity_ids"]].reset_index(drop=True)


def intensity_takeaway(table: pd.DataFrame, threshold: float) -> str:
    if table.empty:
        return "No project states both an investment and a land area, so no intensity can be computed."
    rated = table[table["floor_applies"].astype(bool)]
    others = table[~table["floor_applies"].astype(bool)]
    off = (f" {len(others)} more ({'、'.join(others['subject'].head(3))}{' …' if len(others) > 3 else ''}) are no "
           "industrial plant by their name: shown, not compared with the floor.") if len(others) else ""
    if rated.empty:
        return "No industrial project states both an investment and a land area." + off
    top = rated.sort_values("investment_intensity", ascending=False).iloc[0]
    n_ok = int(rated["meets_threshold"].astype(bool).sum())
    return (f"{n_ok} of {len(rated)} industrial projects meet the {threshold:g} 万元/亩 standard-land floor; "
            f"{top['subject']} reaches {top['investment_intensity']:.0f} 万元/亩 ({top['ratio_to_threshold']:.1f}× the floor)."
            + off)


def growth_table(q: pd.DataFrame) -> pd.DataFrame:
    """Same subject, metric and unit stated for two periods: growth between consecutive periods. Only
    amounts: a rate (``产值增长10%以上``, unit percent) is no level to grow from or to."""
    m = q[(q["metric"].isin(MONEY_METRICS)) & (q["period"] != "") & (~q["forecast"]) & (q["subject"] != "")
          & (~q["unit"].isin(("percent", "other")))]
    rows = []
    for (subj, metric, _unit), g in m.groupby(["subject", "metric", "unit"]):
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


def timeline(events: pd.DataFrame, tables: dict | None = None) -> pd.DataFrame:
    """Dated milestones with the interval each date stands for (``start``, ``end``) and ``name``
    (the entity's name when ``tables`` has entities, else the subject)."""
    e = events[(events["date"] != "") & events["event_type"].isin(ind.MILESTONE_ORDER) & (events["subject"] != "")].copy()
    e = with_names(e, tables or {})
    if e.empty:
        return e.assign(start=pd.Series(dtype="datetime64[ns]"), end=pd.Series(dtype="datetime64[ns]"))
    iv = [cast(tuple, ind.date_interval(d)) for d in e["date"]]  # every date here reads as one
    e["start"] = pd.to_datetime([a for a, _ in iv])
    e["end"] = pd.to_datetime([b for _, b in iv])
    return e.sort_values(["name", "start"]).reset_index(drop=True)


def building_rates(projects: pd.DataFrame, tables: dict | None = None) -> pd.DataFrame:
    """Floor area over the days from construction start to topping-out, per project; with ``tables``, the
    ids of the floor-area figure and of the two milestones (column ``ids``, for :func:`provenance`)."""
    types: dict = {}
    if tables is not None:
        q, e = tables["quantities"], tables["events"]
        types.update(zip(q["quantity_id"], q["metric"]))
        types.update(zip(e["event_id"], e["event_type"]))
    wanted = {"building_area", "construction_started", "topped_out"}
    rows = []
    for r in projects.itertuples():
        if not (isinstance(r.floor_area_m2, float) and math.isfinite(r.floor_area_m2)):
            continue
        if not (r.construction_started and r.topped_out):
            continue
        low, high, mid = ind.duration_days(r.construction_started, r.topped_out)
        if not math.isfinite(mid) or mid <= 0:
            continue
        ids = [i for i in _ids(getattr(r, "quantity_ids", "")) + _ids(getattr(r, "event_ids", "")) if types.get(i) in wanted]
        rows.append({"subject": r.subject, "floor_area_m2": r.floor_area_m2, "days_low": low, "days_high": high,
                     "m2_per_day_low": ind.building_rate(r.floor_area_m2, high),
                     "m2_per_day_high": ind.building_rate(r.floor_area_m2, max(low, 1)),
                     "m2_per_day_mid": ind.building_rate(r.floor_area_m2, mid), "ids": ";".join(ids)})
    return pd.DataFrame(rows, columns=["subject", "floor_area_m2", "days_low", "days_high", "m2_per_day_low",
                                       "m2_per_day_high", "m2_per_day_mid", "ids"])


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
    per_org = m.groupby("org_id")["article_id"].nunique().to_dict()
    # association: shared articles over the articles naming either (a body named everywhere ties weakly)
    rows = [{"a": names[a], "b": names[b], "articles": n, "association": round(n / (per_org[a] + per_org[b] - n), 3)}
            for (a, b), n in sorted(pairs.items())]
    return pd.DataFrame(rows, columns=["a", "b", "articles", "association"])


def programmes(events: pd.DataFrame, tables: dict | None = None) -> pd.DataFrame:
    e = events[events["event_type"].isin(["awarded", "certified", "listed"])]
    cols = ["event_id", "event_type", "subject", "date", "sentence"]
    if tables is None:
        return e[cols].reset_index(drop=True)
    return with_provenance(e, tables)[cols + ["source"]]


def provenance(df: pd.DataFrame, tables: dict, ids_column: str) -> pd.DataFrame:
    """``df`` with ``sentence`` and ``source`` columns for the ``;``-joined row ids in ``ids_column``."""
    return Provenance(tables).add(df, ids_column)


def milestones(events: pd.DataFrame, tables: dict) -> pd.DataFrame:
    """Milestones of projects and companies, achieved then planned, in date order, with sentence and source."""
    e = events[events["event_type"].isin(ind.MILESTONE_ORDER)]
    cols = ["name", "event_type", "date", "planned", "n_mentions", "subject_rule", "event_id", "sentence", "source"]
    if e.empty:
        return pd.DataFrame(columns=cols)
    e = with_provenance(with_names(e, tables), tables)
    if "subject_rule" not in e:
        e["subject_rule"] = ""
    if "n_mentions" not in e:
        e["n_mentions"] = 1
    return e.sort_values(["name", "planned", "date", "event_id"])[cols].reset_index(drop=True)


def industries_over_time(articles: pd.DataFrame, orgs: pd.DataFrame, mentions: pd.DataFrame) -> pd.DataFrame:
    """Articles per year and month of publication that mention an organization of each industry (an article
    counts once per industry; an article dated only to the year has its year as its month; undated
    articles are left out)."""
    cols = ["year", "month", "industry", "articles"]
    ind_of = dict(zip(orgs["org_id"], orgs["industry"]))
    m = mentions[mentions["org_id"].isin(ind_of)].assign(industry=lambda d: d["org_id"].map(ind_of))
    m = m.merge(articles[["article_id", "pub_date"]], on="article_id")
    m = m[m["pub_date"].fillna("").str.len() >= 4]
    if m.empty:
        return pd.DataFrame(columns=cols)
    m["month"] = m["pub_date"].str.slice(0, 7)
    m["year"] = m["pub_date"].str.slice(0, 4).astype(int)
    return (m.drop_duplicates(["article_id", "industry"]).groupby(["year", "month", "industry"]).size()
            .rename("articles").reset_index()[cols])


def per_year(over_time: pd.DataFrame, series: str = "industry") -> pd.DataFrame:
    """``over_time`` summed per year and ``series``: one row per (year, series) with its articles."""
    if over_time.empty:
        return pd.DataFrame(columns=["year", series, "articles"])
    return over_time.groupby(["year", series], as_index=False)["articles"].sum()


def over_time_takeaway(by_year: pd.DataFrame, series: str = "industry_name") -> str:
    if by_year.empty:
        return "No dated article mentions an organization of a known industry."
    first, last = int(by_year["year"].min()), int(by_year["year"].max())
    totals = by_year.groupby(series)["articles"].sum().sort_values(ascending=False)
    peak = by_year.sort_values(["articles", "year"], ascending=[False, True]).iloc[0]
    span = str(first) if first == last else f"{first}–{last}"
    return (f"{span}: {len(totals)} industries; most articles for {totals.index[0]} ({int(totals.iloc[0])}); "
            f"the busiest year of one industry is {int(peak['year'])} for {peak[series]} ({int(peak['articles'])} articles).")


# --- subject types, names and provenance (issue 12) -------------------------------------------

#: Subject types a per-project view shows (schema.SUBJECT_TYPES); batches, zones and regions get
#: their own tables; government bodies and `other` are never projects.
PROJECT_TYPES = ("project", "company")
AGGREGATE_TYPES = ("batch", "zone", "region")
UNTYPED_NOTE = ("The subjects in these tables carry no type (the tables were built before subject typing), so "
                "the per-project views are left empty rather than guessing which subjects are projects.")


def subjects_typed(tables: dict) -> bool:
    """True when any quantity or event row of the tables carries a subject type."""
    return any(len(tables[t]) and "subject_type" in tables[t] and bool((tables[t]["subject_type"] != "").any())
               for t in ("quantities", "events") if t in tables)


def _of_types(df: pd.DataFrame, types) -> pd.DataFrame:
    if "subject_type" not in df:
        return df.iloc[0:0].reset_index(drop=True)
    return df[df["subject_type"].isin(types)].reset_index(drop=True)


def project_rows(df: pd.DataFrame) -> pd.DataFrame:
    """Quantity or event rows whose subject is a project or a company (none when subjects are untyped)."""
    return _of_types(df, PROJECT_TYPES)


def aggregate_rows(df: pd.DataFrame) -> pd.DataFrame:
    """Rows whose subject is a batch of projects, a zone or a region."""
    return _of_types(df, AGGREGATE_TYPES)


def _ids(s: str) -> list[str]:
    return [i for i in str(s).split(";") if i]


def project_table(tables: dict) -> pd.DataFrame:
    """The projects rows whose figures and dates all come from rows typed project or company.

    A projects row is keyed on a subject; it is kept only when every typed row it was assembled
    from is a project or a company, so a zone or a batch never appears as a project, and nothing
    appears while subjects are untyped."""
    pr = tables["projects"]
    types: dict = {}
    for t, col in (("quantities", "quantity_id"), ("events", "event_id")):
        if "subject_type" in tables[t]:
            types.update(zip(tables[t][col], tables[t]["subject_type"]))
    keep = []
    for qids, eids in zip(pr["quantity_ids"], pr["event_ids"]):
        found = {types.get(i, "") for i in _ids(qids) + _ids(eids)} - {""}
        keep.append(bool(found) and found <= set(PROJECT_TYPES))
    return pr[keep].reset_index(drop=True) if len(pr) else pr


def entity_names(tables: dict) -> dict:
    ent = tables.get("entities")
    return dict(zip(ent["entity_id"], ent["name"])) if ent is not None and len(ent) else {}


def with_names(rows: pd.DataFrame, tables: dict) -> pd.DataFrame:
    """``name`` (the entity's canonical name, else the subject as written) and ``key`` (the entity,
    else the subject) for grouping one project's rows across the names articles give it; a plant the
    text calls by its company's name alone is grouped with the company (as in the projects table:
    ``tables.projects.plants_of_companies``), so one name is one row of a report."""
    from ..tables.projects import plants_of_companies

    out = rows.copy()
    names = entity_names(tables)
    ent = tables.get("entities")
    fold = plants_of_companies({r["entity_id"]: r for r in ent[["entity_id", "name", "entity_type", "parent_id"]]
                                .to_dict("records")}) if ent is not None and len(ent) and "parent_id" in ent else {}
    eid = out["entity_id"] if "entity_id" in out else pd.Series("", index=out.index)
    out["name"] = [names.get(e) or s for e, s in zip(eid, out["subject"])]
    out["key"] = [fold.get(e, e) if e in names else "S:" + s for e, s in zip(eid, out["subject"])]
    return out


def source_labels(articles: pd.DataFrame) -> dict:
    """article_id → a one-line citation: 《headline》 · publication · 来源 … · date · url (empty parts left out)."""
    out = {}
    for r in articles.itertuples():
        parts = [f"《{r.headline}》" if r.headline else r.article_id, r.publication,
                 f"来源 {r.source}" if getattr(r, "source", "") and r.source != r.publication else "",
                 r.pub_date, r.url]
        out[r.article_id] = " · ".join(p for p in parts if p)
    return out


def source_name(articles: pd.DataFrame) -> pd.Series:
    """The outlet of each article: its publication, else the source it names, else its file."""
    pub = articles["publication"].where(articles["publication"] != "", articles.get("source", ""))
    return pub.where(pub != "", articles["doc_id"])


class Provenance:
    """Sentence and source of quantity and event ids, looked up once per report."""

    def __init__(self, tables: dict):
        s = tables["sentences"]
        self.sentence = dict(zip(zip(s["article_id"], s["sentence_id"]), s["text"]))
        self.where: dict = {}
        for t, col in (("quantities", "quantity_id"), ("events", "event_id")):
            d = tables[t]
            self.where.update(zip(d[col], zip(d["article_id"], d["sentence_id"])))
        self.source = source_labels(tables["articles"])
        q = tables["quantities"]
        self.quantity_ids = set(q["quantity_id"]) if "quantity_id" in q else set()
        self.forecast = set(q.loc[q["forecast"].astype(bool), "quantity_id"]) if "forecast" in q else set()

    def of(self, ids) -> tuple[str, str]:
        """(sentences, sources) of ``;``-joined ids, each once, in order, joined by ' ‖ '."""
        sents, srcs = [], []
        for i in _ids(ids) if isinstance(ids, str) else ids:
            where = self.where.get(i)
            if where is None:
                continue
            sent, src = self.sentence.get(where, ""), self.source.get(where[0], where[0])
            if sent and sent not in sents:
                sents.append(sent)
            if src not in srcs:
                srcs.append(src)
        return " ‖ ".join(sents), " ‖ ".join(srcs)

    def add(self, df: pd.DataFrame, ids_column: str) -> pd.DataFrame:
        """``df`` with ``sentence`` and ``source``, and — for rows made from figures, when ``df`` has no
        ``forecast`` of its own — ``forecast``: whether a planned or expected figure went into the row."""
        out = df.copy()
        ids = [_ids(i) if isinstance(i, str) else list(i) for i in out[ids_column]] if len(out) else []
        if "forecast" not in out and any(i in self.quantity_ids for row in ids for i in row):
            out["forecast"] = [any(i in self.forecast for i in row) for row in ids]
        pairs = [self.of(i) for i in out[ids_column]] if len(out) else []
        out["sentence"] = [a for a, _ in pairs]
        out["source"] = [b for _, b in pairs]
        return out


def with_provenance(rows: pd.DataFrame, tables: dict) -> pd.DataFrame:
    """Quantity or event rows with their ``sentence`` and ``source`` (headline, publication, date, url)."""
    out = rows.copy()
    if "sentence" not in out:
        out = with_sentences(out, tables["sentences"])
    out["sentence"] = out["sentence"].fillna("")
    out["source"] = out["article_id"].map(source_labels(tables["articles"])).fillna("")
    return out.reset_index(drop=True)


def investment_by_project(tables: dict) -> pd.DataFrame:
    """Largest investment stated for each project or company (one row per entity), with its sentence."""
    cols = ["name", "subject_type", "investment_yi_yuan", "n_figures", "surface", "quantity_id", "sentence", "source"]
    inv = project_rows(tables["quantities"])
    inv = inv[(inv["metric"] == "investment") & (inv["unit"] == "CNY")]
    if inv.empty:
        return pd.DataFrame(columns=cols)
    inv = with_names(inv, tables)
    inv["n_figures"] = inv.groupby("key")["value"].transform("size")
    top = inv.sort_values(["value", "quantity_id"], ascending=[False, True]).drop_duplicates("key")
    top = with_provenance(top.assign(investment_yi_yuan=top["value"] / 1e8), tables)
    return top[cols].reset_index(drop=True)


def aggregate_figures(tables: dict) -> pd.DataFrame:
    """Figures of batches of projects, zones and regions (never shown as projects), with their sentences."""
    cols = ["subject", "subject_type", "metric", "surface", "value", "unit", "period", "forecast", "quantity_id",
            "sentence", "source"]
    q = aggregate_rows(tables["quantities"])
    if q.empty:
        return pd.DataFrame(columns=cols)
    return with_provenance(q.sort_values(["subject_type", "subject", "quantity_id"]), tables)[cols]


def conflicts_table(tables: dict) -> pd.DataFrame:
    """Each conflict with both values, the sentences stating them and their sources."""
    cols = ["entity", "entity_type", "attribute", "value_a", "value_b", "unit", "sentence_a", "source_a",
            "sentence_b", "source_b", "quantity_or_event_ids_a", "quantity_or_event_ids_b"]
    c = tables.get("conflicts")
    if c is None or c.empty:
        return pd.DataFrame(columns=cols)
    ent = tables.get("entities")
    names = entity_names(tables)
    types = dict(zip(ent["entity_id"], ent["entity_type"])) if ent is not None and len(ent) else {}
    prov = Provenance(tables)
    rows = []
    for r in c.itertuples():
        sa, pa = prov.of(r.quantity_or_event_ids_a)
        sb, pb = prov.of(r.quantity_or_event_ids_b)
        rows.append({"entity": names.get(r.entity_id, r.entity_id), "entity_type": types.get(r.entity_id, ""),
                     "attribute": r.attribute, "value_a": r.value_a, "value_b": r.value_b, "unit": r.unit,
                     "sentence_a": sa, "source_a": pa, "sentence_b": sb, "source_b": pb,
                     "quantity_or_event_ids_a": r.quantity_or_event_ids_a,
                     "quantity_or_event_ids_b": r.quantity_or_event_ids_b})
    return pd.DataFrame(rows, columns=cols).sort_values(["entity", "attribute"]).reset_index(drop=True)


def project_mentions(tables: dict) -> pd.DataFrame:
    """One row per (project or company, article): which articles state something about which project."""
    parts = [project_rows(tables[t])[["article_id", "subject", "subject_type", "entity_id"]]
             for t in ("quantities", "events") if "subject_type" in tables[t]]
    m = pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(
        columns=["article_id", "subject", "subject_type", "entity_id"])
    if m.empty:
        return m.assign(name=pd.Series(dtype=object), key=pd.Series(dtype=object), outlet=pd.Series(dtype=object))
    m = with_names(m, tables)
    a = tables["articles"]
    m["outlet"] = m["article_id"].map(dict(zip(a["article_id"], source_name(a))))
    return m.drop_duplicates(["key", "article_id"]).reset_index(drop=True)


def coverage_matrix(tables: dict) -> pd.DataFrame:
    """Projects and companies (rows) by outlet (columns): the number of articles of that outlet that
    state a figure or a milestone of the project; a ``sources`` column counts the outlets."""
    m = project_mentions(tables)
    if m.empty:
        return pd.DataFrame(columns=["project", "sources", "articles"])
    wide = m.pivot_table(index="name", columns="outlet", values="article_id", aggfunc="nunique", fill_value=0)
    wide.columns.name = None
    wide.insert(0, "sources", (wide > 0).sum(axis=1))
    wide.insert(1, "articles", m.groupby("name")["article_id"].nunique())
    wide = wide.sort_values(["sources", "articles"], ascending=False).rename_axis("project").reset_index()
    return wide


def outlets_table(articles: pd.DataFrame) -> pd.DataFrame:
    """Each outlet with its articles, first and last publication date."""
    a = articles.assign(outlet=source_name(articles))
    if a.empty:
        return pd.DataFrame(columns=["outlet", "articles", "first", "last"])
    return (a.groupby("outlet").agg(articles=("article_id", "size"), first=("pub_date", "min"), last=("pub_date", "max"))
            .sort_values("articles", ascending=False).reset_index())


def strongest_ties(pairs: pd.DataFrame, top_n: int) -> pd.DataFrame:
    """The ``top_n`` pairs sharing the most articles; among equals, the most exclusive pairs first (highest
    ``association``), so a body named in every article does not fill the chart with its ties."""
    if pairs.empty:
        return pairs
    sort = ["articles", "association", "a", "b"] if "association" in pairs else ["articles", "a", "b"]
    return pairs.sort_values(sort, ascending=[False] * (len(sort) - 2) + [True, True]).head(top_n).reset_index(drop=True)

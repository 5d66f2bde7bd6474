"""Library side of notebook 00 (corpus overview): tables, charts and coverage.

Parameters are checked by :mod:`params`, selections made by :func:`analysis.select`.
"""
from __future__ import annotations


def articles_by_source(articles):
    return (articles.groupby(["publication", "pub_date", "pub_date_source"], dropna=False)
            .agg(files=("doc_id", "nunique"), articles=("article_id", "count"), chars=("n_chars", "sum"))
            .reset_index())


def article_table(articles):
    cols = ["article_id", "pub_date", "kicker", "headline", "reporters", "correspondents", "n_chars", "publication",
            "source", "url"]
    return articles[cols].reset_index(drop=True)


def plot_lengths(articles, lang: str = "en", top_n: int | None = None):
    from .plots import plot_bars

    # the id keeps two articles with one headline apart (bars are per label)
    df = articles.assign(label=articles["headline"].where(articles["headline"] != "", articles["article_id"])
                         .str.slice(0, 11) + " (" + articles["article_id"].str.rsplit(":", n=1).str[-1] + ")")
    if lang == "zh":
        return plot_bars(df, "n_chars", "label", "文章正文长度", "字数", lang=lang, top_n=top_n)
    return plot_bars(df, "n_chars", "label", "Body length per article", "characters of Chinese text", lang=lang, top_n=top_n)


def length_takeaway(articles) -> str:
    if articles.empty:
        return "No article in the selected range."
    top = articles.sort_values("n_chars", ascending=False).iloc[0]
    return (f"{len(articles)} articles, {int(articles['n_chars'].sum()):,} characters in all; the longest is "
            f"“{top['headline'] or top['article_id']}” ({int(top['n_chars']):,} characters).")


def coverage(tables, articles):
    ids = set(articles["article_id"])
    out = articles[["article_id", "headline"]].copy()
    for t in ("sentences", "quantities", "org_mentions", "events"):
        counts = tables[t][tables[t]["article_id"].isin(ids)].groupby("article_id").size()
        out[t] = out["article_id"].map(counts).fillna(0).astype(int)
    return out.reset_index(drop=True)


def unresolved_quantities(quantities, articles, tables: dict | None = None):
    """Figures given no metric or no subject; with ``tables``, each with its sentence and source, so a
    reader can see what the extractor missed."""
    q = quantities[quantities["article_id"].isin(set(articles["article_id"]))]
    bad = q[(q["metric"] == "other") | (q["subject"] == "")]
    cols = ["quantity_id", "surface", "value", "unit", "metric", "subject"]
    if tables is None:
        return bad[cols].reset_index(drop=True)
    from .selections import with_provenance

    return with_provenance(bad, tables)[cols + ["sentence", "source"]]


def summary(tables, articles) -> dict:
    ids = set(articles["article_id"])
    return {
        "n_files": int(articles["doc_id"].nunique()),
        "n_articles": int(len(articles)),
        "headlines": articles["headline"].tolist(),
        "rows": {t: int(tables[t]["article_id"].isin(ids).sum()) for t in ("sentences", "quantities", "org_mentions", "events")},
        "n_organizations": int(len(tables["organizations"])),
    }


def subject_types(tables):
    """Quantity and event rows per subject type, with example subjects of each type."""
    import pandas as pd

    rows = []
    for t in ("quantities", "events"):
        d = tables[t][tables[t]["subject"] != ""]
        for st, g in d.groupby("subject_type"):
            top = g["subject"].value_counts().head(5).index
            rows.append({"table": t, "subject_type": st or "(untyped)", "rows": int(len(g)),
                         "subjects": int(g["subject"].nunique()), "examples": "; ".join(top)})
    return pd.DataFrame(rows, columns=["table", "subject_type", "rows", "subjects", "examples"])


def subject_types_takeaway(tables) -> str:
    from .selections import UNTYPED_NOTE, subjects_typed

    if not subjects_typed(tables):
        return UNTYPED_NOTE
    n = {t: int((tables[t]["subject_type"].isin(("project", "company"))).sum()) for t in ("quantities", "events")}
    return (f"{n['quantities']} quantities and {n['events']} milestones belong to projects or companies and appear in the "
            "per-project views.")

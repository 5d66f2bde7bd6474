"""One section per project or company (report 05), the page every chart row links to.

Each section is anchored at the entity's id (``05_project_profiles.html#E0123456789``) and holds
what the corpus says of that holder: its names, its company or projects, every figure and
milestone with its sentence and source, how long its steps took (stated or derived), and the
conflicts and possible conflicts it is part of. Report tables elsewhere carry a ``profile`` column
(the entity id), which the reports' script turns into a link to the section.

The page is built as HTML here, every text from the input escaped (:func:`html.escape`), so a
name or a sentence can never become markup.
"""
from __future__ import annotations

import html
import re
from typing import Any

import pandas as pd

from .selections import PROJECT_TYPES, source_labels

#: The page the ``profile`` columns link to.
PAGE = "05_project_profiles.html"
_ENTITY_ID = re.compile(r"E[0-9a-f]{10}\Z")
_FIGURE_METRICS = ("investment", "land", "building_area", "capacity", "output_value", "revenue", "tax", "funding",
                   "duration")


def _e(value) -> str:
    return html.escape("" if value is None or (isinstance(value, float) and value != value) else str(value))


def profiled(tables: dict) -> pd.DataFrame:
    """The projects and companies that hold a figure or a milestone: ``entity_id, name, entity_type,
    n_figures, n_milestones, n_articles``, most told first, then by name."""
    ents = tables.get("entities")
    if ents is None or ents.empty:
        return pd.DataFrame(columns=["entity_id", "name", "entity_type", "n_figures", "n_milestones", "n_articles"])
    q, e = tables["quantities"], tables["events"]
    nq = q[q["metric"].isin(_FIGURE_METRICS)].groupby("entity_id").size()
    ne = e.groupby("entity_id").size()
    out = ents[ents["entity_type"].isin(PROJECT_TYPES)][["entity_id", "name", "entity_type", "n_articles"]].copy()
    out["n_figures"] = out["entity_id"].map(nq).fillna(0).astype(int)
    out["n_milestones"] = out["entity_id"].map(ne).fillna(0).astype(int)
    out = out[(out["n_figures"] + out["n_milestones"]) > 0]
    out = out.assign(_n=out["n_figures"] + out["n_milestones"]).sort_values(["_n", "name"], ascending=[False, True])
    return out.drop(columns="_n")[["entity_id", "name", "entity_type", "n_figures", "n_milestones", "n_articles"]] \
        .reset_index(drop=True)


def _table(headers: list[str], rows: list[list]) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{_e(c)}</td>" for c in r) + "</tr>" for r in rows)
    return f'<table class="dataframe ls-profile"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def profile_html(tables: dict, entity_ids=None, lang: str = "en") -> str:
    """The sections of ``entity_ids`` (default: every :func:`profiled` entity), as one HTML string."""
    zh = lang == "zh"
    chosen = profiled(tables)
    if entity_ids is not None:
        chosen = chosen[chosen["entity_id"].isin(set(entity_ids))]
    # the entities by id, or None when there are none
    ents: Any = tables["entities"].set_index("entity_id") if len(tables.get("entities", [])) else None
    names = dict(zip(tables["entities"]["entity_id"], tables["entities"]["name"])) if ents is not None else {}
    sents = tables["sentences"]
    sentence = dict(zip(zip(sents["article_id"], sents["sentence_id"]), sents["text"]))
    source = source_labels(tables["articles"])
    q, ev = tables["quantities"], tables["events"]
    # each entity's rows grouped once (not one scan of every table per entity)
    figures_of = {k: g for k, g in q[q["metric"].isin(_FIGURE_METRICS)].groupby("entity_id", sort=False)}
    events_of = {k: g for k, g in ev.groupby("entity_id", sort=False)}
    conflicts = tables.get("conflicts")
    conflicts_of = {k: g for k, g in conflicts.groupby("entity_id", sort=False)} if conflicts is not None else {}
    children_of: dict[str, list[str]] = {}
    if ents is not None:
        for child, parent in zip(ents.index, ents["parent_id"]):
            if parent and child in names:
                children_of.setdefault(parent, []).append(names[child])
    empty_q, empty_e = q.iloc[0:0], ev.iloc[0:0]
    parts = []
    for r in chosen.itertuples():
        eid = r.entity_id
        if not _ENTITY_ID.match(eid):
            continue
        row = ents.loc[eid]
        aliases = [a for a in str(row["aliases"]).split(";") if a]
        children = children_of.get(eid, [])
        meta = [("Type" if not zh else "类型", row["entity_type"]),
                ("Also called" if not zh else "别名", "; ".join(aliases)),
                ("Company" if not zh else "所属企业", names.get(row["parent_id"], "")),
                ("Projects" if not zh else "项目", "; ".join(sorted(children))),
                ("Articles" if not zh else "文章数", f"{row['n_articles']} ({row['first_seen']} – {row['last_seen']})")]
        parts.append(f'<section class="ls-entity" id="{eid}"><h3>{_e(r.name)}</h3>')
        parts.append("<p>" + " · ".join(f"<b>{_e(k)}</b>: {_e(v)}" for k, v in meta if v) + "</p>")
        qs = figures_of.get(eid, empty_q).sort_values("quantity_id")
        if len(qs):
            parts.append(_table(["figure", "metric", "period", "forecast", "sentence", "source"] if not zh else
                                ["数值", "指标", "年份", "预测", "原句", "来源"],
                                [[x.surface, x.metric, x.period, "yes" if x.forecast else "", sentence.get(
                                    (x.article_id, x.sentence_id), ""), source.get(x.article_id, x.article_id)]
                                 for x in qs.itertuples()]))
        es = events_of.get(eid, empty_e).sort_values(["date", "event_id"])
        if len(es):
            parts.append(_table(["milestone", "date", "planned", "took (days, as stated)", "sentence", "source"]
                                if not zh else ["节点", "日期", "计划", "用时（天，原文）", "原句", "来源"],
                                [[x.event_type, x.date, "yes" if x.planned else "",
                                  "" if pd.isna(x.stated_duration) else f"{x.stated_duration:g}", x.sentence,
                                  source.get(x.article_id, x.article_id)] for x in es.itertuples()]))
        cs = conflicts_of.get(eid)
        if cs is not None and len(cs):
            parts.append(_table(["disagreement", "value a", "value b", "unit"] if not zh else ["分歧", "数值甲", "数值乙", "单位"],
                                [[c.attribute, c.value_a, c.value_b, c.unit] for c in cs.itertuples()]))
        parts.append("</section>")
    return "\n".join(parts)


def profile_link(entity_id: str) -> str:
    """The URL of an entity's section (what the reports' script makes of a ``profile`` cell)."""
    return f"{PAGE}#{entity_id}" if _ENTITY_ID.match(entity_id or "") else ""


def with_profile(df: pd.DataFrame, tables: dict, column: str) -> pd.DataFrame:
    """``df`` with a ``profile`` column: the entity id of the project or company named in ``column``
    (a canonical name), whose section report 05 holds; empty when none is profiled. A name two
    entities share (a company and its plant) links to the one the corpus tells most of."""
    out = df.copy()
    ids: dict[str, str] = {}
    for r in profiled(tables).itertuples():  # most told first: the first of a name wins
        ids.setdefault(r.name, r.entity_id)
    out["profile"] = [ids.get(n, "") for n in out[column]] if len(out) else pd.Series(dtype=object)
    return out

"""Nothing counted twice: one investment total per plant, however many names and articles tell it.

After entity resolution a plant can still stand under two entities: its company and its project (a
company's 40亿 is its plant's 40亿), or one plant named with and without its company prefix that the
resolution left apart (a wrong merge is worse than a missed one). Summed or charted as they are, their
bars add the same money twice. This module keeps one total per entity and then one bar per *plant*:

* **A total, not a flow or a plan.** Per entity the largest investment stated as achieved or committed
  (总投资, 投资); a figure of one year (``period``: 今年计划投资5亿元, 2023年完成投资) is a flow, never a
  total — nor one after a one-year time word (今年, 全年, 年度) or a word of progress (已完成投资, 累计投入:
  money spent so far), nor a lower bound naming a class of projects (10亿元以上项目) —, unless its sentence calls it the total
  (总投资); a forecast is used only when the entity has no
  other figure, and the row says so (``forecast`` column, visible in every table).
* **A project and its company.** When a company's total equals (``same_figure``: within rounding) the
  total of a project it builds (``parent_id``), the project's bar stays and the company's is folded into
  it, with a note naming both sentences.
* **One stem, one figure.** Two entities of one company stem (字号) stating the same total are most
  likely one plant under two names: one bar, the other folded with a note saying it is a *possible*
  duplicate (a ``merge`` in corrections.yaml confirms it, an ``apart`` refuses it).

Folded rows are kept in the table (``counted = False``, ``note``), so the reader sees what was left out
and why; charts use ``counted`` rows only, and the sum adds stated totals only (a plant known only by a
planned figure is charted, flagged, and its plan summed apart).
"""
from __future__ import annotations

import pandas as pd

from ..tables.conflicts import same_figure
from .aggregates import _said_total, sentence_map, text_after, text_before
from .review import stems
from .selections import project_rows, with_names, with_provenance

COLUMNS = ["name", "subject_type", "investment_yi_yuan", "forecast", "counted", "note", "n_figures", "surface",
           "subject_rule", "quantity_id", "entity_id", "sentence", "source"]


#: Time words of one year: a figure they govern (今年计划投资3亿元, 全年完成投资) is that year's, not a total.
YEAR_WORDS = ("今年", "本年", "全年", "年度", "当年", "明年", "去年")


#: Words of progress before a figure (已完成投资18.9亿元, 累计完成投资5亿元, 已投入): money spent so far, not the
#: plant's total — a flow like a year's figure.
PROGRESS_WORDS = ("完成投资", "完成固定资产投资", "已投资", "已投入", "累计投资", "累计投入", "已到位")


def _word_before(row, sentences: dict, words: tuple[str, ...], width: int = 8) -> bool:
    """Whether one of ``words`` (:data:`YEAR_WORDS`, :data:`PROGRESS_WORDS`) stands in the ``width`` characters
    before the figure, in its clause."""
    before = text_before(row, sentences, width).rsplit("，", 1)[-1]
    return any(w in before for w in words)


def _size_class(row, sentences: dict) -> bool:
    """A lower bound naming a class of projects (10亿元以上项目, 均投资10亿元以上的项目): projects of that size, never
    one plant's total, whoever the figure was given to."""
    return str(row.surface).endswith("以上") and "项目" in text_after(row, sentences, 4)


def _totals(tables: dict) -> pd.DataFrame:
    inv = project_rows(tables["quantities"])
    inv = inv[(inv["metric"] == "investment") & (inv["unit"] == "CNY")]
    if inv.empty:
        return inv
    inv = with_names(inv, tables)
    sents = sentence_map(tables["sentences"])
    # a year's figure is a flow: a stated period, or a one-year time word before it (今年计划投资), unless
    # its sentence calls it the total (总投资)
    flow = [((bool(p) or _word_before(r, sents, YEAR_WORDS) or _word_before(r, sents, PROGRESS_WORDS))
             and not _said_total(r, sents))
            or _size_class(r, sents) for p, r in zip(inv["period"].fillna("").astype(str), inv.itertuples())]
    inv = inv[~pd.Series(flow, index=inv.index, dtype=bool)]
    if inv.empty:
        return inv
    inv = inv.assign(_f=inv["forecast"].astype(bool), n_figures=inv.groupby("key")["value"].transform("size"))
    # per entity: a stated figure before a forecast, then the largest, then the first written
    top = inv.sort_values(["key", "_f", "value", "quantity_id"], ascending=[True, True, False, True])
    return top.drop_duplicates("key").drop(columns="_f")


def _empty() -> pd.DataFrame:
    dtypes = {"investment_yi_yuan": float, "forecast": bool, "counted": bool, "n_figures": int}
    return pd.DataFrame({c: pd.Series(dtype=dtypes.get(c, object)) for c in COLUMNS})


def _article_of(quantity_id: str) -> str:
    """The article of a quantity id (doc:NN:qNNN → doc:NN)."""
    return str(quantity_id).rsplit(":", 1)[0]


def investment_totals(tables: dict) -> pd.DataFrame:
    """One row per project or company with an investment total, largest first; ``counted`` is False for
    a row folded into another (its company's, or a same-stem duplicate's), ``note`` says why."""
    top = _totals(tables)
    if top.empty:
        return _empty()
    top = with_provenance(top, tables)
    if "subject_rule" not in top:  # tables built before contract v3
        top["subject_rule"] = ""
    top = top.assign(investment_yi_yuan=top["value"] / 1e8, counted=True, note="",
                     forecast=top["forecast"].astype(bool), entity_id=top["key"])
    top = top.sort_values(["value", "quantity_id"], ascending=[False, True]).reset_index(drop=True)
    ents = tables.get("entities")
    parent = dict(zip(ents["entity_id"], ents["parent_id"])) if ents is not None and len(ents) else {}
    stem = stems(ents) if ents is not None and len(ents) else {}
    rows = top.to_dict("records")
    by_key = {r["key"]: r for r in rows}
    # a project and its company stating one figure: the project's bar stays
    for r in rows:
        company = by_key.get(parent.get(r["key"], ""))
        if company is not None and company["counted"] and same_figure(r["value"], company["value"]):
            company["counted"] = False
            company["note"] = (f"the same investment as its project {r['name']} ({r['surface']}, {r['quantity_id']}): "
                               "counted once, as the project's")
    # a company and a project of one article stating one figure (集团投资18.5亿元…其研究院将投资18.5亿元打造…基地):
    # the same investment told of the firm and of what it builds, the project's bar stays
    orgs = tables.get("organizations")
    firms = set(orgs["name"]) if orgs is not None and len(orgs) else set()  # (a firm holding a plant's figure is typed project)
    projects_by_article: dict[str, list[dict]] = {}
    for r in rows:
        if r["subject_type"] == "project" and r["name"] not in firms:
            projects_by_article.setdefault(_article_of(r["quantity_id"]), []).append(r)
    for c in rows:
        if not (c["subject_type"] == "company" or c["name"] in firms) or not c["counted"]:
            continue
        p = next((r for r in projects_by_article.get(_article_of(c["quantity_id"]), [])
                  if r["counted"] and r["value"] == c["value"]), None)  # (the very figure: 20亿 is no rounding of 18.5亿 here)
        if p is not None:
            c["counted"] = False
            c["note"] = (f"the same investment as {p['name']} in the same article ({p['surface']}, {p['quantity_id']}): "
                         "counted once, as the project's")
    # two entities of one company stem stating one figure: a possible duplicate, counted once
    for i, a in enumerate(rows):
        for b in rows[i + 1:]:
            if not (a["counted"] and b["counted"]) or stem.get(a["key"]) is None:
                continue
            if stem.get(a["key"]) == stem.get(b["key"]) and same_figure(a["value"], b["value"]):
                keep, fold = (a, b) if (len(a["name"]), a["quantity_id"]) >= (len(b["name"]), b["quantity_id"]) else (b, a)
                fold["counted"] = False
                fold["note"] = (f"possibly the same plant as {keep['name']} (company stem {stem[a['key']]}, the same "
                                f"{keep['surface']}): counted once; merge or keep apart in corrections.yaml")
    out = pd.DataFrame(rows)
    return out[COLUMNS].reset_index(drop=True)


def foreign_currency_totals(tables: dict) -> pd.DataFrame:
    """Projects and companies whose investment is stated in a foreign currency only (总投资1.2亿美元): no
    exchange rate is applied — a rate of which day? —, so they are listed apart, never in the 亿元 sum nor the
    chart. Per entity its largest such figure (a stated one before a forecast), with sentence and source."""
    cols = ["name", "subject_type", "surface", "value", "unit", "forecast", "quantity_id", "entity_id", "sentence", "source"]
    inv = project_rows(tables["quantities"])
    inv = inv[(inv["metric"] == "investment") & (inv["kind"] == "money") & (inv["unit"] != "CNY")]
    if inv.empty:
        return pd.DataFrame(columns=cols)
    inv = with_names(inv, tables)
    cny = set(_totals(tables).get("key", ()))
    inv = inv[~inv["key"].isin(cny)]
    if inv.empty:
        return pd.DataFrame(columns=cols)
    inv = inv.assign(_f=inv["forecast"].astype(bool))
    top = inv.sort_values(["key", "_f", "value", "quantity_id"], ascending=[True, True, False, True]).drop_duplicates("key")
    top = with_provenance(top.drop(columns="_f"), tables).assign(entity_id=lambda d: d["key"],
                                                                 forecast=lambda d: d["forecast"].astype(bool))
    return top.sort_values(["unit", "value", "quantity_id"], ascending=[True, False, True])[cols].reset_index(drop=True)


def totals_takeaway(table: pd.DataFrame, foreign: pd.DataFrame | None = None) -> str:
    """One sentence: how many totals, their sum counting each plant once, what was folded and why."""
    if table.empty:
        return "No project or company states an investment total in 亿元 (or subjects are untyped)" + (
            f"; {len(foreign)} state one in a foreign currency only, listed below." if foreign is not None and len(foreign) else ".")
    counted = table[table["counted"]]
    folded = table[~table["counted"]]
    stated = counted[~counted["forecast"]]
    planned = counted[counted["forecast"]]
    text = (f"{len(stated)} projects or companies state an investment total, {stated['investment_yi_yuan'].sum():.2f} "
            f"亿元 together, each plant counted once")
    if len(planned):
        text += (f"; {len(planned)} more are known only by a planned figure (forecast), "
                 f"{planned['investment_yi_yuan'].sum():.2f} 亿元, not added")
    if len(folded):
        text += f"; {len(folded)} figure(s) of the same plant under another entity are left out (see note)"
    if foreign is not None and len(foreign):
        shown = "、".join(f"{n} {s}" for n, s in zip(foreign["name"].head(3), foreign["surface"].head(3)))
        text += (f"; {len(foreign)} more state their investment in a foreign currency only ({shown}"
                 f"{' …' if len(foreign) > 3 else ''}): listed below, not converted, not added")
    return text + "."

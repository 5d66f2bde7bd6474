"""Tables as they look once subjects are typed and entities resolved, written by hand for the report
tests: the bundled page's build, each subject given the type a reader would give it, plus one
article of a second outlet (written for this test, not taken from any source) that restates the
wafer plant under its short name with a different capacity and a different topping-out date — a
conflict between sources."""
from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pandas as pd

# The bundled page's holders (data/raw is itself a development text): each named once here; the
# report tests import these names instead of writing them again.
WAFER = "浙江丽水中欣晶圆半导体材料有限公司"
INSTITUTE = "杭州电子科技大学丽水研究院"
QIANGDA = "浙江强达实业有限公司"
PLOT = "空港园区一期地块"
SUBJECT_TYPES = {
    WAFER: "company", "中欣晶圆": "company",
    "浙江东升摩托车配件有限公司": "company", "浙江医准智能科技有限公司": "company", QIANGDA: "company",
    "上海凯众材料科技股份有限公司": "company", INSTITUTE: "project",
    PLOT: "batch", "丽水获批立项项目": "batch", "丽水经开区研究企业牵头获批立项项目": "batch",
    "空港园区": "zone", "丽水经开区": "zone", "新华社": "other", "中国照片档案馆": "other", "清退不符合化工园区": "other",
}
#: Holders set by the figure's surface, whatever the build's subject extraction says today, so the
#: report tests do not move with it: the airport park's first plot (a batch of 14 projects), the
#: research institute's project and its grant, 强达's revenue, output and tax.
SURFACE_SUBJECTS = {
    "26.96亿元": PLOT, "397亩": PLOT, "625万元": INSTITUTE, "250万元": INSTITUTE,
    "2.06亿元": QIANGDA, "2.65亿元": QIANGDA, "4.2亿元": QIANGDA, "2289万元": QIANGDA,
}
WAFER_ARTICLE = ":06"  # the bundled page's sixth article is about the wafer plant alone
OTHER_DOC = "zj-2025-01"
OTHER_ARTICLE = f"{OTHER_DOC}:01"
OTHER_BODY = "中欣晶圆项目达产后年产能360万片。该项目于2024年1月结顶。"


def entity_id(name: str) -> str:
    name = WAFER if name == "中欣晶圆" else name
    return "E" + hashlib.sha1(name.encode()).hexdigest()[:8]


def write_typed_tables(src: Path, dst: Path) -> Path:
    """Copy the build in ``src`` to ``dst`` with typed subjects, entities, one conflict pair and a second outlet."""
    from lishui_analysis import schema
    from lishui_analysis.analysis.indicators import assemble_projects
    from lishui_analysis.tables.corpus import load_tables

    t = load_tables(src)
    dst.mkdir(parents=True, exist_ok=True)
    shutil.copy(src / "manifest.json", dst / "manifest.json")
    q0, e0 = t["quantities"], t["events"]
    q0["subject"] = q0["surface"].map(SURFACE_SUBJECTS).fillna(q0["subject"])
    for d in (q0, e0):
        wafer_rows = d["article_id"].str.endswith(WAFER_ARTICLE) & (d["subject"] != "")
        d.loc[wafer_rows, "subject"] = WAFER
    orgs = t["organizations"]
    wafer_org = orgs.loc[orgs["name"] == WAFER, "org_id"].iloc[0]
    for d in (q0, e0):
        d.loc[d["subject"] == WAFER, "org_id"] = wafer_org
    a = t["articles"]
    art = {c: "" for c in a.columns} | {"doc_id": OTHER_DOC, "article_id": OTHER_ARTICLE, "seq": 1,
                                         "pub_date": "2025-01-10", "pub_date_precision": "day",
                                         "pub_date_source": "manifest", "publication": "浙江日报",
                                         "url": "https://example.org/zj/2025-01-10/wafer.html",
                                         "headline": "中欣晶圆项目进展", "body": OTHER_BODY, "n_chars": len(OTHER_BODY)}
    t["articles"] = pd.concat([a, pd.DataFrame([art])], ignore_index=True)
    s1, s2 = OTHER_BODY.split("。")[:2]
    t["sentences"] = pd.concat([t["sentences"], pd.DataFrame([
        {"article_id": OTHER_ARTICLE, "sentence_id": 1, "start": 0, "end": len(s1) + 1, "text": s1 + "。"},
        {"article_id": OTHER_ARTICLE, "sentence_id": 2, "start": len(s1) + 1, "end": len(OTHER_BODY), "text": s2 + "。"}])],
        ignore_index=True)
    q = {c: "" for c in t["quantities"].columns} | {
        "quantity_id": f"{OTHER_ARTICLE}:q001", "article_id": OTHER_ARTICLE, "sentence_id": 1, "start": 10, "end": 15,
        "surface": "360万片", "value": 3.6e6, "unit": "piece", "unit_text": "万片", "kind": "capacity",
        "metric": "capacity", "subject": "中欣晶圆", "org_id": wafer_org, "approximate": False, "forecast": True}
    t["quantities"] = pd.concat([t["quantities"], pd.DataFrame([q])], ignore_index=True)
    e = {c: "" for c in t["events"].columns} | {
        "event_id": f"{OTHER_ARTICLE}:e001", "article_id": OTHER_ARTICLE, "sentence_id": 2, "start": 27, "end": 29,
        "surface": "结顶", "sentence": s2 + "。", "event_type": "topped_out", "subject": "中欣晶圆", "org_id": wafer_org,
        "date": "2024-01", "date_precision": "month", "planned": False, "n_mentions": 1}
    t["events"] = pd.concat([t["events"], pd.DataFrame([e])], ignore_index=True)
    for name in ("quantities", "events"):
        d = t[name]
        # the types above for the holders the tests name; the build's own type for any other
        d["subject_type"] = d["subject"].map(SUBJECT_TYPES).fillna(d["subject_type"]).where(d["subject"] != "", "")
        d["entity_id"] = [entity_id(s) if s else "" for s in d["subject"]]
    pub = dict(zip(t["articles"]["article_id"], t["articles"]["pub_date"]))
    rows = []
    for name, typ in SUBJECT_TYPES.items():
        if name == "中欣晶圆":
            continue
        arts = sorted({x for d in (t["quantities"], t["events"]) for x in d.loc[d["entity_id"] == entity_id(name), "article_id"]})
        if not arts:
            continue
        dates = sorted(pub[x] for x in arts)
        rows.append({"entity_id": entity_id(name), "name": name, "entity_type": typ,
                     "aliases": "中欣晶圆;中欣晶圓" if name == WAFER else "", "org_id": wafer_org if name == WAFER else "",
                     "parent_id": "", "n_articles": len(arts), "first_seen": dates[0], "last_seen": dates[-1]})
    t["entities"] = pd.DataFrame(rows)
    wafer_q = t["quantities"][(t["quantities"]["subject"] == WAFER) & (t["quantities"]["value"] == 6e6)]["quantity_id"].iloc[0]
    wafer_e = t["events"][(t["events"]["subject"] == WAFER) & (t["events"]["event_type"] == "topped_out")]["event_id"].iloc[0]
    t["conflicts"] = pd.DataFrame([
        {"entity_id": entity_id(WAFER), "attribute": "capacity", "value_a": "6000000", "value_b": "3600000", "unit": "piece",
         "quantity_or_event_ids_a": wafer_q, "quantity_or_event_ids_b": f"{OTHER_ARTICLE}:q001",
         "article_ids": f"{wafer_q.rsplit(':', 1)[0]};{OTHER_ARTICLE}"},
        {"entity_id": entity_id(WAFER), "attribute": "topped_out", "value_a": "2023-12-31", "value_b": "2024-01", "unit": "",
         "quantity_or_event_ids_a": wafer_e, "quantity_or_event_ids_b": f"{OTHER_ARTICLE}:e001",
         "article_ids": f"{wafer_e.rsplit(':', 1)[0]};{OTHER_ARTICLE}"}])
    t["projects"] = assemble_projects(t["quantities"], t["events"], t["organizations"])
    for name, df in t.items():
        schema.coerce(name, df).to_parquet(dst / f"{name}.parquet", index=False)
    return dst


def untyped(tables: dict) -> dict:
    """The tables as built before subject typing and entity resolution: no type, no entity."""
    out = dict(tables)
    for name in ("quantities", "events"):
        out[name] = tables[name].assign(subject_type="", entity_id="")
    out["entities"] = tables["entities"].iloc[0:0]
    out["conflicts"] = tables["conflicts"].iloc[0:0]
    return out


def write_untyped_tables(src: Path, dst: Path) -> Path:
    """Copy the build in ``src`` to ``dst`` as it would have been built before subject typing."""
    from lishui_analysis import schema
    from lishui_analysis.tables.corpus import load_tables

    dst.mkdir(parents=True, exist_ok=True)
    shutil.copy(src / "manifest.json", dst / "manifest.json")
    for name, df in untyped(load_tables(src)).items():
        schema.coerce(name, df).to_parquet(dst / f"{name}.parquet", index=False)
    return dst

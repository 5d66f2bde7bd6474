"""The bundled page and our fixtures built end to end: contract, provenance, figures that matter."""
import hashlib
import json

import pandas as pd
import pytest

from conftest import RAW
from lishui_analysis import schema
from lishui_analysis.tables.document import infer_pub_date
from lishui_analysis.tables.corpus import TABLE_NAMES, build

PROVENANCE = ("quantities", "org_mentions", "events")


def test_all_tables_written_as_csv_with_bom_and_parquet(bundled_tables):
    tables, out = bundled_tables
    for t in TABLE_NAMES:
        raw = (out / f"{t}.csv").read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), t
        assert list(pd.read_parquet(out / f"{t}.parquet").columns) == [c.name for c in schema.TABLES[t]]
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    page = (RAW / "lishui-edz-2024-12.txt").read_bytes()
    assert manifest["inputs"][0]["sha256"] == hashlib.sha256(page).hexdigest()
    assert manifest["tables"]["articles"] == 6 and manifest["version"]


def test_articles_match_the_page(bundled_tables):
    a = bundled_tables[0]["articles"]
    page = (RAW / "lishui-edz-2024-12.txt").read_text(encoding="utf-8")
    assert a["article_id"].tolist() == [f"lishui-edz-2024-12:{i:02d}" for i in range(1, 7)]
    assert (a["pub_date"] == "2024-12").all() and (a["pub_date_source"] == "manifest").all()
    # properties, not the page's answers: a kicker stands on its own line before its headline; every
    # reporter and correspondent is a name of two or three characters written in the page
    first = a.iloc[0]
    assert first["kicker"] and page.index(first["kicker"]) < page.index(first["headline"])
    people = [n for col in ("reporters", "correspondents") for v in a[col] for n in v.split(";") if n]
    assert people and all(2 <= len(n) <= 3 and n in page for n in people)
    assert (a["n_chars"] == a["body"].str.len()).all()


# Invented pages (firms, zones, people are made up; 缙云/松阳 are read from the place list): a
# kicker over the headline, a byline with two reporters and a correspondent, firms with a region
# prefix, a short name cut from a full one, a provincial department, a zone with its bare short form.
PAGES = [
    dict(doc="inv-2031-05", kicker="深化“园区+基金”合作路径", head="缙云经开区赴珠三角考察对接",
         byline="本报讯(记者 陆晓帆 韩若溪 通讯员 程一鸣)近日,", reporters="陆晓帆;韩若溪", corr="程一鸣",
         zone="缙云经开区", zs="经开区", a="深圳澜岳精密材料股份有限公司", a_region="深圳",
         b="常州翠屿医疗科技发展有限公司", b_short="翠屿科技", b_region="常州", chip="浙江岚芯微电子有限公司", dept="省经信厅"),
    dict(doc="inv-2030-11", kicker="打通“链主+配套”招引通道", head="松阳高新区赴长江中游招商",
         byline="本报讯（记者 韩若溪 通讯员 程一鸣 孟小禾）日前，", reporters="韩若溪", corr="程一鸣;孟小禾",
         zone="松阳高新区", zs="高新区", a="宁波鹿鸣智能装备股份有限公司", a_region="宁波",
         b="武汉汀兰生物科技发展有限公司", b_short="汀兰科技", b_region="武汉", chip="杭州澄川半导体有限公司", dept="省商务厅"),
]
PAGE = """

{kicker}

{head}

{byline}{zone}考察组赴外地走访企业,寻找合作机会。

{a}是一家生产精密部件的高新技术企业。考察组与企业负责人深入交流。

{b}专注于医用耗材。考察组希望{b_short}在{zone}布局新项目。{zs}有关负责人表示欢迎。

{chip}总投资8亿元,项目位于{zone}。{dept}有关负责人参加活动。
"""


@pytest.mark.parametrize("p", PAGES, ids=lambda p: p["doc"])
def test_an_invented_page_gives_its_kicker_byline_and_organizations(tmp_path, p):
    from lishui_analysis.tables.corpus import load_tables

    raw, out = tmp_path / "raw", tmp_path / "out"
    raw.mkdir()
    (raw / f"{p['doc']}.txt").write_text(PAGE.format(**p), encoding="utf-8")
    build(raw, out)
    t = load_tables(out)
    (art,) = t["articles"].to_dict("records")
    assert (art["kicker"], art["headline"], art["reporters"], art["correspondents"]) == (
        p["kicker"], p["head"], p["reporters"], p["corr"])
    o = t["organizations"].set_index("name")
    assert o.loc[p["b"], "aliases"] == p["b_short"] and o.loc[p["b"], "region"] == p["b_region"]
    assert o.loc[p["a"], "region"] == p["a_region"] and o.loc[p["a"], "org_type"] == "company"
    assert o.loc[p["zone"], "org_type"] == "development_zone" and p["zs"] in o.loc[p["zone"], "aliases"].split(";")
    assert o.loc[p["dept"], "org_type"] == "government"
    assert o.loc[p["chip"], "industry"] == "semiconductor"
    assert o.index.is_unique and (o["n_mentions"] >= 1).all()


@pytest.mark.parametrize("which", ["bundled_tables", "layout_tables"])
@pytest.mark.parametrize("table", PROVENANCE)
def test_every_span_is_its_surface_in_its_sentence(request, which, table):
    tables = request.getfixturevalue(which)[0]
    bodies = dict(zip(tables["articles"]["article_id"], tables["articles"]["body"]))
    sents = {(r.article_id, r.sentence_id): (r.start, r.end) for r in tables["sentences"].itertuples()}
    df = tables[table]
    assert len(df) > 0
    for r in df.itertuples():
        assert bodies[r.article_id][r.start:r.end] == r.surface
        s, e = sents[(r.article_id, r.sentence_id)]
        assert s <= r.start and r.end <= e


def test_sentences_cover_their_bodies(bundled_tables):
    tables = bundled_tables[0]
    bodies = dict(zip(tables["articles"]["article_id"], tables["articles"]["body"]))
    for r in tables["sentences"].itertuples():
        assert bodies[r.article_id][r.start:r.end] == r.text


def _q(tables, surface):
    q = tables["quantities"]
    return q[q["surface"] == surface].iloc[0]


def test_key_figures_of_the_airport_park_and_qiangda(bundled_tables):
    t = bundled_tables[0]
    q = _q(t, "26.96亿元")
    # the sum and the land of the 14 projects counted: the batch holds them, not the plot they stand on
    # (named with the park that speaks in its sentence: holders.area_batches)
    assert (q.value, q.unit, q.metric, q.subject_type) == (2696000000.0, "CNY", "investment", "batch")
    assert q.subject.endswith("入园招商项目14个") and "地块" not in q.subject
    batch = q.subject
    q = _q(t, "397亩")
    assert (q.value, q.unit, q.metric, q.subject, q.subject_type) == (397.0, "mu", "land", batch, "batch")
    q = _q(t, "4.2亿元")
    assert (q.metric, q.forecast, q.subject, q.subject_type) == ("output_value", True, "浙江强达实业有限公司", "company")
    q = _q(t, "2289万元")
    assert (q.metric, q.forecast, q.subject, q.value) == ("tax", True, "浙江强达实业有限公司", 22890000.0)
    orgs = t["organizations"].set_index("org_id")
    assert orgs.loc[q.org_id, "name"] == "浙江强达实业有限公司"
    assert _q(t, "2.06亿元").period == "2022"


def test_milestones_of_dongsheng_and_the_wafer_plant(bundled_tables):
    e = bundled_tables[0]["events"]
    got = {(r.article_id[-2:], r.event_type, r.date, r.planned) for r in e.itertuples()}
    for want in [("02", "land_acquired", "2024-04", False), ("02", "construction_started", "2024-06", False),
                 ("02", "permit_issued", "2024-07", False), ("02", "topped_out", "2024-09", False),
                 ("02", "production_start", "2025-07", True), ("06", "construction_started", "2023-06", False),
                 ("06", "topped_out", "2023-12-31", False), ("06", "equipment_move_in", "2024-10", False)]:
        assert want in got
    # one row per milestone, each with its holder: the plant being built, never an official or a body
    assert not e.duplicated(["article_id", "event_type", "subject", "date"]).any()
    assert (e["subject"] != "").all() and (e["n_mentions"] >= 1).all()
    dongsheng = e[(e["article_id"].str.endswith("02")) & (e["event_type"] == "land_acquired")].iloc[0]
    assert "东升" in dongsheng.subject and dongsheng.subject_type == "project"


def test_organizations_one_row_per_entity_with_aliases_type_region(bundled_tables):
    """The bundled page, by properties: one row per name, each mentioned, each alias written in the
    page, a company's region written in its name, a zone typed as one."""
    o = bundled_tables[0]["organizations"].set_index("name")
    page = (RAW / "lishui-edz-2024-12.txt").read_text(encoding="utf-8")
    assert o.index.is_unique
    assert (o["n_mentions"] >= 1).all()
    aliases = [(n, x) for n, v in o["aliases"].items() for x in v.split(";") if x]
    assert aliases and all(x in page and x != n for n, x in aliases)
    companies = o[(o["org_type"] == "company") & (o["region"] != "")]
    assert not companies.empty and all(r in n for n, r in companies["region"].items())
    zones = [n for n in o.index if n.endswith(("经开区", "开发区", "高新区"))]
    assert zones and (o.loc[zones, "org_type"] == "development_zone").all()


def test_two_builds_are_byte_identical(tmp_path):
    from conftest import LAYOUTS, RAW

    for raw in (RAW, LAYOUTS):
        a, b = tmp_path / f"a{raw.name}", tmp_path / f"b{raw.name}"
        build(raw, a)
        build(raw, b, jobs=2)
        for f in sorted(p.name for p in a.iterdir() if p.is_file()):
            assert (a / f).read_bytes() == (b / f).read_bytes(), f


def test_pub_date_from_the_date_line_when_no_manifest(layout_tables):
    a = layout_tables[0]["articles"].set_index("doc_id")
    assert a.loc["outlet_xun", "pub_date"] == "2023-05-20"
    assert a.loc["outlet_xun", "pub_date_source"] == "page"  # its date line (2023-05-20 10:15 某某网), not a date in the text
    assert a.loc["outlet_xun", "pub_date_precision"] == "day"


def test_infer_pub_date_ignores_targets():
    assert infer_pub_date("2024年5月投产，预计2026年6月达产。") == ("2024-05", "month")
    assert infer_pub_date("没有日期") == ("", "")


def test_undeclared_column_is_refused():
    df = schema.empty_frame("events").assign(extra=[])
    with pytest.raises(ValueError, match="undeclared"):
        schema.coerce("events", df)


def test_schema_rejects_bad_enum():
    df = schema.coerce("organizations", pd.DataFrame([dict(org_id="O1", name="x", aliases="", org_type="alien",
                                                            region="", industry="", n_mentions=1)]))
    with pytest.raises(ValueError, match="organizations"):
        schema.validate("organizations", df)


def _mention(**over):
    row = dict(org_id="O1", article_id="p:01", sentence_id=1, start=0, end=2, surface="强达")
    row.update(over)
    return row


@pytest.mark.parametrize("rows, problem", [
    ([_mention(), _mention()], "duplicate keys"),                      # same (article_id, start, end) twice
    ([_mention(sentence_id="one")], "column sentence_id is not int"),
    ([_mention(surface=None)], "column surface has 1 empty values"),
    ([_mention(surface=3)], "column surface is not str"),
])
def test_streaming_check_refuses_what_pandera_refuses(rows, problem):
    """The build's Arrow check and the pandera schema come from the same declarations and agree."""
    columns = {c.name: [r[c.name] for r in rows] for c in schema.TABLES["org_mentions"]}
    with pytest.raises(ValueError, match=f"org_mentions fails its schema: {problem}"):
        schema.arrow_table("org_mentions", columns)
    with pytest.raises(ValueError, match="org_mentions"):
        schema.validate("org_mentions", pd.DataFrame(rows))


def test_streaming_check_refuses_a_value_outside_the_allowed_list():
    ev = dict(event_id="p:01:e001", article_id="p:01", sentence_id=1, start=0, end=2, surface="开工", sentence="开工。",
              event_type="launched_rocket", subject="", subject_type="", entity_id="", org_id="", date="", date_precision="", planned=False,
              n_mentions=1, subject_rule="", correction="", stated_duration=None)
    columns = {c.name: [ev[c.name]] for c in schema.TABLES["events"]}
    with pytest.raises(ValueError, match=r"events fails its schema: column event_type has values not allowed \['launched_rocket'\]"):
        schema.arrow_table("events", columns)
    assert schema.arrow_table("events", columns | {"event_type": ["topped_out"]}).num_rows == 1


def test_every_column_is_described_and_the_dictionary_lists_it():
    from lishui_analysis.schema import render_dictionary

    text = render_dictionary()
    for t, cols in schema.TABLES.items():
        assert f"## {t}" in text
        for c in cols:
            assert c.description and f"| {c.name} |" in text


def test_page_with_dateline_chinese_digit_dates_and_two_milestones_in_one_sentence(layout_tables):
    t = layout_tables[0]
    a = t["articles"][t["articles"]["doc_id"] == "three_title_lines"]
    # latest absolute date 二〇二五年三月二十八日, then the dateline 4月2日电 of that year
    assert set(a["pub_date"]) == {"2025-04-02"} and set(a["pub_date_precision"]) == {"day"}
    e = t["events"][t["events"]["article_id"].str.startswith("three_title_lines")]
    got = {(r.event_type, r.date) for r in e.itertuples()}
    assert ("construction_started", "2025-04-01") in got      # 4月1日上午，…2025年第一季度…项目集中开工
    assert ("topped_out", "2025-03-28") in got
    assert ("topped_out", "2024-05") not in got               # 自2024年5月开工以来，仅用十个月就…封顶
    assert ("land_acquired", "2024-11") in got and ("permit_issued", "2025-01") in got
    names = set(t["organizations"]["name"])
    assert {"云和经济开发区", "浙江云木玩具股份有限公司", "丽水经开区投资发展集团有限公司"} <= names
    q = t["quantities"]
    q = q[q["article_id"].str.startswith("three_title_lines")].set_index("surface")
    assert q.loc["23.5公顷", "value"] == 352.5 and q.loc["23.5公顷", "unit"] == "mu"
    assert (q.loc["45000平方米", "unit"], q.loc["45000平方米", "kind"]) == ("m2", "land_area")


@pytest.mark.parametrize("table", list(schema.TABLES))
def test_an_empty_table_passes_the_streaming_check(table):
    t = schema.arrow_table(table, {c.name: [] for c in schema.TABLES[table]})
    assert t.num_rows == 0 and t.schema == schema.arrow_schema(table)


def test_a_corpus_without_organizations_builds(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "plain.txt").write_text("今天天气很好。\n我们去公园散步，看到很多花。\n", encoding="utf-8")
    rows = build(raw, tmp_path / "out")
    assert rows["organizations"] == 0 and rows["projects"] == 0 and rows["articles"] == 1
    assert pd.read_parquet(tmp_path / "out" / "organizations.parquet").empty


def test_a_traditional_page_keeps_its_titles_and_names_as_written(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "trad.txt").write_text("經開區十大創新成果發布\n本報訊（記者 張三 陳曉東）浙江星河材料有限公司落戶麗水經開區，總投資5億元。\n",
                                  encoding="utf-8")
    build(raw, tmp_path / "out")
    a = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert a.loc[0, "headline"] == "經開區十大創新成果發布"
    assert a.loc[0, "reporters"] == "張三;陳曉東"  # reporters as the byline writes them
    assert "浙江星河材料有限公司" in a.loc[0, "body"]  # extraction reads the simplified text
    o = pd.read_parquet(tmp_path / "out" / "organizations.parquet").set_index("name")
    assert "浙江星河材料有限公司" in o.index  # (the same in both scripts)
    assert "麗水經開區" in o.index and "丽水经开区" in o.loc["麗水經開區", "aliases"].split(";")
    m = pd.read_parquet(tmp_path / "out" / "org_mentions.parquet")
    assert set(m["org_id"]) <= set(o["org_id"])


@pytest.mark.parametrize("project, written", [("云岭智能装备产业园项目", "雲嶺智能裝備產業園項目"),
                                              ("青溪电子材料项目", "青溪電子材料項目")])
def test_a_traditional_pages_holders_are_as_written(tmp_path, project, written):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "trad.txt").write_text(f"項目動工\n本報訊 {written}今年3月動工，總投資12億元。\n", encoding="utf-8")
    build(raw, tmp_path / "out")
    q = pd.read_parquet(tmp_path / "out" / "quantities.parquet")
    e = pd.read_parquet(tmp_path / "out" / "events.parquet")
    assert list(q["subject"]) == [written] and list(e["subject"]) == [written]
    ent = pd.read_parquet(tmp_path / "out" / "entities.parquet")
    assert set(ent["name"]) == {project}  # (one entity across scripts, named in simplified: tables/names.py)


def test_projects_do_not_depend_on_row_order_or_repeated_articles():
    """The project accumulator keeps one article as a string and makes the set on a second one:
    rows in any order, an article named twice, give the same projects (invented names)."""
    import math
    import random

    from lishui_analysis.tables.projects import ProjectAssembler

    def q(qid, aid, value, metric, unit, subject="岚溪精工", forecast=False):
        return dict(quantity_id=qid, article_id=aid, value=value, unit=unit, metric=metric, subject=subject,
                    org_id="", forecast=forecast, subject_type="company", entity_id="")

    def e(eid, aid, etype, date, subject="岚溪精工", planned=False):
        return dict(event_id=eid, article_id=aid, event_type=etype, subject=subject, org_id="", date=date,
                    planned=planned, subject_type="company", entity_id="")

    qs = [q("a:01:q001", "a:01", 3e8, "investment", "CNY"), q("a:01:q002", "a:01", 120.0, "land", "mu"),
          q("b:01:q001", "b:01", 5e8, "investment", "CNY", forecast=True), q("c:02:q001", "c:02", 4e8, "investment", "CNY"),
          q("c:02:q002", "c:02", 2.0, "count", "count", subject="全县8个项目")]
    es = [e("a:01:e001", "a:01", "construction_started", "2024-03"), e("b:01:e001", "b:01", "construction_started", "2024-02"),
          e("b:01:e002", "b:01", "production_start", "2025-06", planned=True), e("a:01:e002", "a:01", "topped_out", "")]

    def rows(qrows, erows):
        asm = ProjectAssembler()
        cols = lambda rs, ks: {k: [r[k] for r in rs] for k in ks}  # noqa: E731
        asm.add_tables(cols(qrows, list(qs[0])), cols(erows, list(es[0])))
        return asm.rows({})

    first = rows(qs, es)
    (company,) = [r for r in first if r["subject"] == "岚溪精工"]
    assert company["article_ids"] == "a:01;b:01;c:02"
    assert company["investment_cny"] == 4e8 and company["land_mu"] == 120.0 and math.isnan(company["tax_cny"])
    assert company["construction_started"] == "2024-02" and company["production_start"] == ""
    rng = random.Random(3)
    for _ in range(5):
        shuffled_q, shuffled_e = qs[:] + qs[:2], es[:] + es[:1]
        rng.shuffle(shuffled_q)
        rng.shuffle(shuffled_e)
        again = rows(shuffled_q, shuffled_e)
        assert repr(again) == repr(first)

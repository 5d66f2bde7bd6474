"""Entities, conflicts and timelines: resolution rules on name records and frames we build
here, and the corpus-wide stage end to end on a fixture corpus of invented articles about the
same invented companies under variant names (tests/fixtures/entities)."""
import json
import math
import random

import pandas as pd
import pytest

from conftest import FIXTURES
from lishui_analysis.tables import entities as ent
from lishui_analysis.analysis import indicators as ind
from lishui_analysis.tables.corpus import build, load_tables
from lishui_analysis.tables.projects import plants_of_companies

ENTITY_CORPUS = FIXTURES / "entities"


def _resolve(*records):
    return ent.resolve_entities([ent.name_record(t, n, key=ent.entity_key(t, n, kw.get("scope", "")), **kw)
                                 for t, n, kw in records])


def _groups(res):
    """Entity name → sorted names of its records."""
    by_id = {e["entity_id"]: e["name"] for e in res.entities}
    out = {}
    for key, eid in res.key_map.items():
        out.setdefault(by_id[eid], []).append(key)
    return {name: len(keys) for name, keys in out.items()}


# --- names ------------------------------------------------------------------------------

def test_name_cores_drop_region_parentheses_legal_form_and_script():
    assert ent.normalize_name("“星瀾半導體”") == "星澜半导体"
    assert ent.company_core("浙江丽水星澜半导体科技有限公司") == ("星澜半导体科技", True)
    assert ent.company_core("星澜半导体科技（丽水）有限公司") == ("星澜半导体科技", True)
    assert ent.company_core("星澜公司") == ("星澜", False)
    assert ent.trade_name("星澜半导体科技") == "星澜"
    assert ent.zone_key("丽水经开区") == ent.zone_key("浙江丽水经济技术开发区") == ("丽水", "economic")
    assert ent.zone_key("丽水高新区") != ent.zone_key("丽水经开区")


@pytest.mark.parametrize("subject, expected", [
    ("全市20个重大项目", "batch"), ("首批集中开工项目", "batch"), ("星澜半导体12英寸硅片项目", "project"),
    ("丽水经开区", "zone"), ("丽水市", "region"), ("浙江星澜电子有限公司", "company")])
def test_subject_type_inferred_from_shape_when_empty(subject, expected):
    assert ent.infer_type(subject) == expected


# --- resolution -------------------------------------------------------------------------

def test_variants_of_one_company_are_one_entity():
    res = _resolve(("company", "浙江丽水星澜半导体科技有限公司", {}),
                   ("company", "星澜半导体科技（丽水）有限公司", {}),   # region in parentheses
                   ("company", "星瀾半導體", {}),                         # traditional short form
                   ("company", "星澜半导体", {}),                         # starts the core
                   ("company", "澜芯", {"aliases": set()}),
                   ("company", "丽水星澜半导体", {}))                     # region + short form
    groups = _groups(res)
    assert groups["浙江丽水星澜半导体科技有限公司"] == 5       # the fullest form is the name
    e = next(e for e in res.entities if e["name"] == "浙江丽水星澜半导体科技有限公司")
    assert {"星瀾半導體", "星澜半导体科技（丽水）有限公司"} <= set(e["aliases"].split(";"))
    assert groups["澜芯"] == 1                                    # no evidence: its own entity


def test_a_trade_name_joins_the_one_legal_name_it_belongs_to():
    res = _resolve(("company", "浙江示达实业有限公司", {}), ("company", "示达", {}), ("company", "浙江", {}),
                   ("company", "中国电子科技集团有限公司", {}), ("company", "中国", {}))
    assert _groups(res)["浙江示达实业有限公司"] == 2 and len(res.entities) == 4   # a place is no trade name


def test_a_jiancheng_alias_joins_its_full_name_even_when_not_a_prefix():
    res = _resolve(("company", "苏州示范医用科技发展有限公司", {"aliases": {"示范医科"}}),
                   ("company", "示范医科", {}))
    assert len(res.entities) == 1


def test_zone_variants_join_by_place_and_class_or_by_an_alias_and_a_relative_zone_by_its_org():
    res = _resolve(("zone", "浙江示范经济开发区", {"aliases": {"示范工业园区"}, "org_ids": {"O1": 1}}),
                   ("zone", "示范经开区", {}), ("zone", "示范工业园区", {}), ("zone", "示范高新区", {}),
                   ("zone", "经开区", {"scope": "a:01", "org_ids": {"O1": 1}}), ("zone", "经开区", {"scope": "b:01"}))
    assert _groups(res)["浙江示范经济开发区"] == 4
    assert sum(e["name"] == "经开区" for e in res.entities) == 1     # b:01 named no zone: its own


def test_two_legal_names_that_differ_in_more_than_region_or_suffix_stay_apart():
    res = _resolve(("company", "浙江星澜半导体科技有限公司", {}), ("company", "浙江星澜电子有限公司", {}),
                   ("company", "星澜", {}))                        # two characters, no 公司: too short to join
    assert len(res.entities) == 3
    assert any(a["reason"] == "one trade name, several legal names" for a in res.ambiguous)


def test_a_short_name_that_starts_two_legal_names_is_ambiguous_not_merged():
    res = _resolve(("company", "浙江星澜半导体科技有限公司", {}), ("company", "杭州星澜半导体材料有限公司", {}),
                   ("company", "星澜半导体", {}))
    assert len(res.entities) == 3
    (amb,) = [a for a in res.ambiguous if a["name"] == "星澜半导体"]
    assert len(amb["candidates"]) == 2


def test_projects_merge_without_region_keep_phases_and_regions_apart_and_find_their_company():
    res = _resolve(("project", "丽水星澜半导体12英寸硅片项目", {}), ("project", "星澜半导体12英寸硅片项目", {}),
                   ("project", "星澜半导体12英寸硅片二期项目", {}),
                   ("project", "温州创新中心项目", {}), ("project", "丽水创新中心项目", {}),
                   ("company", "浙江丽水星澜半导体科技有限公司", {}))
    groups = _groups(res)
    assert groups["丽水星澜半导体12英寸硅片项目"] == 2
    assert "星澜半导体12英寸硅片二期项目" in groups                    # 二期 is another project
    assert "温州创新中心项目" in groups and "丽水创新中心项目" in groups
    by_name = {e["name"]: e for e in res.entities}
    company = by_name["浙江丽水星澜半导体科技有限公司"]["entity_id"]
    assert by_name["丽水星澜半导体12英寸硅片项目"]["parent_id"] == company
    assert by_name["温州创新中心项目"]["parent_id"] == ""


def test_batches_and_relative_names_are_one_entity_per_article():
    k1 = ent.subject_key("batch", "全市20个重大项目", "a:01")
    k2 = ent.subject_key("batch", "全市20个重大项目", "b:01")
    assert k1 != k2
    assert ent.subject_key("government", "市政府", "a:01") != ent.subject_key("government", "市政府", "b:01")
    assert ent.subject_key("company", "星澜半导体", "a:01") == ent.subject_key("company", "星澜半导体", "b:01")


def test_resolution_of_ten_thousand_names_joins_each_short_form():
    """10,000 synthetic names (companies, their short forms and projects): each short form joins its
    company (how the time grows with the names is for ``make bench``, never timed in a test)."""
    def names(n, seed=1):
        rnd = random.Random(seed)
        chars = "澜星辰瑞华康泰恒信达晶芯微光电睿博宏远丰鑫源汇海川云峰明德嘉禾裕通"
        out = []
        for i in range(n // 4):
            trade = "".join(rnd.choice(chars) for _ in range(3)) + str(i)
            out += [ent.name_record("company", f"浙江{trade}科技有限公司"), ent.name_record("company", f"{trade}科技"),
                    ent.name_record("project", f"{trade}年产{i}万件项目"), ent.name_record("batch", f"{i}个项目", scope="x")]
        return out

    res = ent.resolve_entities(names(10000))
    assert len(res.entities) == 7500           # each short form joined its company


# --- conflicts --------------------------------------------------------------------------

def _qrow(qid, aid, value, metric="capacity", unit="piece", subject="星澜半导体12英寸硅片项目", approx=False, start=20):
    return dict(quantity_id=qid, article_id=aid, sentence_id=1, start=start, value=value, unit=unit, metric=metric,
                subject=subject, subject_type="project", entity_id=ent.subject_key("project", subject, aid),
                approximate=approx)


def _conflicts(qrows, sentences, erows=()):
    q = pd.DataFrame(qrows)
    e = pd.DataFrame(list(erows), columns=["event_id", "article_id", "event_type", "entity_id", "date", "planned"])
    s = pd.DataFrame(sentences, columns=["article_id", "sentence_id", "start", "text"])
    figs = ent.conflict_candidates(q, e, s)
    key_map = {k: "E1" for k in set(q["entity_id"]) | set(e["entity_id"])}
    return pd.DataFrame(ent.find_conflicts(figs, key_map))


PLAIN = "该项目总投资30亿元，达产后年产12英寸硅片600万片，用地200亩。"


def test_different_yearly_capacities_in_two_articles_conflict_with_their_rows():
    c = _conflicts([_qrow("a:01:q001", "a:01", 6e6), _qrow("b:01:q001", "b:01", 3.6e6)],
                   [("a:01", 1, 0, PLAIN), ("b:01", 1, 0, PLAIN)])
    (row,) = c.to_dict("records")
    assert row["attribute"] == "capacity_per_year" and {row["value_a"], row["value_b"]} == {"6000000", "3600000"}
    assert {row["quantity_or_event_ids_a"], row["quantity_or_event_ids_b"]} == {"a:01:q001", "b:01:q001"}
    assert row["article_ids"] == "a:01;b:01"


@pytest.mark.parametrize("a_value, b_value, b_text, approx", [
    (2.7e9, 2.696e9, PLAIN, False),                                   # 27亿 is 26.96亿 rounded
    (2.712e9, 2.76e9, PLAIN, False),                                  # within 2 %
    (2.7e9, 4.5e9, "项目总投资调整为45亿元，新增一条生产线。", False),    # a revision the text states
    (2.7e9, 8e8, "其中一期投资8亿元，明年投产。", False),                  # a part, not the whole
    (2.7e9, 2.9e9, PLAIN, True),                                      # 约29亿: approximate
])
def test_rounding_revisions_and_parts_are_not_conflicts(a_value, b_value, b_text, approx):
    assert not ent.same_figure(2.712e9, 2.9e9)                        # … which would conflict
    c = _conflicts([_qrow("a:01:q001", "a:01", a_value, "investment", "CNY"),
                    _qrow("b:01:q001", "b:01", b_value, "investment", "CNY", approx=approx,
                          start=b_text.find("8亿") if "8亿" in b_text else 20)],
                   [("a:01", 1, 0, PLAIN), ("b:01", 1, 0, b_text)])
    assert c.empty


def test_the_same_two_numbers_in_two_units_are_two_conflict_rows():
    c = _conflicts([_qrow("a:01:q001", "a:01", 600.0), _qrow("b:01:q001", "b:01", 360.0),
                    _qrow("a:01:q002", "a:01", 600.0, unit="ton"), _qrow("b:01:q002", "b:01", 360.0, unit="ton")],
                   [("a:01", 1, 0, PLAIN), ("b:01", 1, 0, PLAIN)])
    assert sorted(c["attribute"]) == ["capacity_per_year (piece)", "capacity_per_year (ton)"]


def test_one_article_disagreeing_with_itself_is_no_conflict_and_agreeing_articles_are_none():
    c = _conflicts([_qrow("a:01:q001", "a:01", 6e6), _qrow("a:01:q002", "a:01", 3.6e6),
                    _qrow("b:01:q001", "b:01", 6e6)],
                   [("a:01", 1, 0, PLAIN), ("b:01", 1, 0, PLAIN)])
    assert c.empty


def test_achieved_milestone_dates_conflict_only_when_they_cannot_be_the_same_day():
    ev = [("a:01:e001", "a:01", "topped_out", "K", "2024-03", False), ("b:01:e001", "b:01", "topped_out", "K", "2024-03-15", False),
          ("c:01:e001", "c:01", "topped_out", "K", "2024-06-02", False), ("d:01:e001", "d:01", "topped_out", "K", "2025-01", True)]
    c = _conflicts([_qrow("a:01:q001", "a:01", 6e6)], [("a:01", 1, 0, PLAIN)], ev)
    (row,) = c.to_dict("records")
    assert row["attribute"] == "topped_out" and row["unit"] == ""
    assert {row["value_a"], row["value_b"]} == {"2024-03", "2024-06-02"}     # the planned 2025 is no statement
    assert "a:01:e001;b:01:e001" in (row["quantity_or_event_ids_a"], row["quantity_or_event_ids_b"])


# --- timelines --------------------------------------------------------------------------

def _ev(eid, etype, date, planned=False, subject="星澜半导体12英寸硅片项目", sentence="", stype="project"):
    prec = {4: "year", 7: "month", 10: "day"}[len(date)]
    return dict(event_id=eid, article_id=eid[:4], event_type=etype, subject=subject, subject_type=stype,
                entity_id="E1" if stype == "project" else "E9", org_id="", date=date, date_precision=prec,
                planned=planned, sentence=sentence)


TIMELINE = pd.DataFrame([
    _ev("a:01:e001", "settled", "2008", sentence="星澜半导体成立于2008年。"),
    _ev("a:01:e002", "construction_started", "2024-03-10"),
    _ev("b:01:e001", "topped_out", "2024-11-18"),
    _ev("c:01:e001", "first_output", "2025-01"),
    _ev("c:01:e002", "production_start", "2024-10", planned=True),        # a target dated before output
    _ev("c:01:e003", "full_capacity", "2026", planned=True),
    _ev("d:01:e001", "land_acquired", "2025-02"),                           # land after output: out of order
    _ev("e:01:e001", "construction_started", "2024-05", subject="全市20个重大项目", stype="batch"),
])


def test_timeline_orders_achieved_milestones_keeps_planned_apart_and_flags_the_implausible():
    t = ind.milestone_timeline(TIMELINE)
    assert set(t["subject"]) == {"星澜半导体12英寸硅片项目"}                 # a batch has no timeline
    achieved = t[~t["planned"]]
    assert achieved["event_type"].tolist() == ["settled", "construction_started", "topped_out", "first_output",
                                               "land_acquired"]
    flags = dict(zip(t["event_id"], t["flag"]))
    assert flags["a:01:e001"] == "founding year"
    assert flags["c:01:e002"] == "planned before achieved" and flags["c:01:e003"] == ""


def test_durations_only_between_plausible_achieved_milestones():
    steps = ind.milestone_steps(TIMELINE)
    assert dict(zip(zip(steps["from_event"], steps["to_event"]), steps["flag"])) == {
        ("settled", "construction_started"): "founding year",
        ("construction_started", "topped_out"): "",
        ("topped_out", "first_output"): "",
        ("first_output", "land_acquired"): "out of order"}
    d = ind.milestone_durations(TIMELINE)
    assert d[["from_event", "to_event"]].values.tolist() == [["construction_started", "topped_out"],
                                                           ["topped_out", "first_output"]]
    assert d.loc[0, "days_mid"] == 253.0 and not d["planned"].any()
    lo, hi, _ = ind.duration_days("2024-11-18", "2025-01")
    assert (d.loc[1, "days_low"], d.loc[1, "days_high"]) == (lo, hi)      # a month is an interval


# --- the build --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def entity_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("entities")
    build(ENTITY_CORPUS, out)
    return load_tables(out), out


def test_build_joins_variant_names_across_articles_and_sources(entity_build):
    t, _ = entity_build
    e = t["entities"].set_index("name")
    company = e.loc["浙江丽水星澜半导体科技有限公司"]
    assert company["entity_type"] == "company" and company["n_articles"] == 2
    assert {"星澜半导体", "星澜半导体科技（丽水）有限公司"} <= set(company["aliases"].split(";"))
    assert (company["first_seen"], company["last_seen"]) == ("2024-03-12", "2025-01-05")
    assert e.loc["星澜半导体12英寸硅片项目", "parent_id"] == company["entity_id"]
    assert "浙江星澜电子有限公司" in e.index                          # another legal name: another entity
    # every row's entity is a row of entities, in the CSV as in the Parquet
    for table in ("quantities", "events"):
        ids = set(t[table]["entity_id"]) - {""}
        assert ids <= set(t["entities"]["entity_id"])
    q_csv = pd.read_csv(entity_build[1] / "quantities.csv", dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert q_csv["entity_id"].tolist() == t["quantities"]["entity_id"].tolist()


def test_build_keeps_batches_per_article_and_out_of_projects(entity_build):
    t, _ = entity_build
    batches = t["entities"][t["entities"]["entity_type"] == "batch"]
    assert len(batches) == 3 and set(batches["name"]) == {"全市20个重大项目"}
    assert set(t["projects"]["project_id"]) <= set(t["entities"].loc[
        t["entities"]["entity_type"].isin(["company", "project"]), "entity_id"])


def test_build_lists_conflicts_and_ambiguous_names(entity_build):
    t, out = entity_build
    (c,) = t["conflicts"].to_dict("records")           # 45亿 is a stated revision: no investment conflict
    assert c["attribute"] == "capacity_per_year" and {c["value_a"], c["value_b"]} == {"6000000", "3600000"}
    plant = t["entities"].set_index("entity_id").loc[c["entity_id"]]
    assert plant["name"] == "星澜半导体12英寸硅片项目"        # the company's figure counts as its one plant's
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert any(a["name"] == "星澜" for a in manifest["entities"]["ambiguous"])


def test_corpus_wide_tables_are_byte_identical_across_builds(entity_build, tmp_path):
    _, out = entity_build
    build(ENTITY_CORPUS, tmp_path / "again", use_cache=False)
    for name in ("entities.csv", "conflicts.parquet", "quantities.csv", "events.parquet", "projects.csv"):
        assert (out / name).read_bytes() == (tmp_path / "again" / name).read_bytes(), name


def test_projects_are_assembled_per_entity_from_all_its_names():
    k_full, k_short = ent.entity_key("company", "浙江示达实业有限公司"), ent.entity_key("company", "示达实业")
    k_batch = ent.subject_key("batch", "全市20个重大项目", "b:01")
    q = pd.DataFrame([
        dict(quantity_id="a:01:q001", article_id="a:01", value=3e8, unit="CNY", metric="investment",
             subject="浙江示达实业有限公司", subject_type="company", entity_id=k_full, org_id="", forecast=False),
        dict(quantity_id="b:01:q001", article_id="b:01", value=120.0, unit="mu", metric="land",
             subject="示达实业", subject_type="company", entity_id=k_short, org_id="", forecast=False),
        dict(quantity_id="b:01:q002", article_id="b:01", value=1.5e10, unit="CNY", metric="investment",
             subject="全市20个重大项目", subject_type="batch", entity_id=k_batch, org_id="", forecast=False)])
    e = pd.DataFrame([dict(event_id="b:01:e001", article_id="b:01", event_type="topped_out", subject="示达实业",
                           subject_type="company", entity_id=k_short, org_id="", date="2024-11", planned=False),
                      dict(event_id="b:01:e002", article_id="b:01", event_type="production_start", subject="示达实业",
                           subject_type="company", entity_id=k_short, org_id="", date="2025-06", planned=True)])
    res = _resolve(("company", "浙江示达实业有限公司", {}), ("company", "示达实业", {}))
    asm = ind.ProjectAssembler()
    asm.add_tables(q, e)
    (row,) = asm.rows({}, res.key_map, res.entities)              # one company; the batch is no project
    assert row["subject"] == "浙江示达实业有限公司" and row["project_id"] == res.key_map[k_full]
    assert row["investment_cny"] == 3e8 and row["land_mu"] == 120.0 and row["investment_intensity"] == 250.0
    assert row["topped_out"] == "2024-11" and row["production_start"] == ""   # planned dates are no milestones here
    assert row["article_ids"] == "a:01;b:01"


def test_a_plant_named_by_its_company_is_one_projects_row_with_the_company():
    """The text calls a company's plant by the company's name: the plant's investment and milestones
    (typed project) and the company's output (typed company) land on one row, the company's, with its
    org_id; a project of the company named otherwise keeps its own row."""
    name = "浙江禾北新材料科技有限公司"
    k_co, k_plant, k_line = "k:co", "k:plant", "k:line"
    entities = [
        dict(entity_id="Eco", name=name, entity_type="company", org_id="Oco", parent_id=""),
        dict(entity_id="Eplant", name=name, entity_type="project", org_id="", parent_id="Eco"),
        dict(entity_id="Eline", name="禾北新材年产8万吨膜材料项目", entity_type="project", org_id="", parent_id="Eco"),
    ]
    key_map = {k_co: "Eco", k_plant: "Eplant", k_line: "Eline"}
    q = pd.DataFrame([
        dict(quantity_id="c:01:q001", article_id="c:01", value=2.5e9, unit="CNY", metric="investment",
             subject=name, subject_type="project", entity_id=k_plant, org_id="Oco", forecast=False),
        dict(quantity_id="c:01:q002", article_id="c:01", value=9e9, unit="CNY", metric="output_value",
             subject=name, subject_type="company", entity_id=k_co, org_id="Oco", forecast=True),
        dict(quantity_id="d:01:q001", article_id="d:01", value=6e8, unit="CNY", metric="investment",
             subject="禾北新材年产8万吨膜材料项目", subject_type="project", entity_id=k_line, org_id="", forecast=False)])
    e = pd.DataFrame([dict(event_id="c:01:e001", article_id="c:01", event_type="construction_started", subject=name,
                           subject_type="project", entity_id=k_plant, org_id="Oco", date="2023-04", planned=False)])
    asm = ind.ProjectAssembler()
    asm.add_tables(q, e)
    rows = {r["project_id"]: r for r in asm.rows({"Oco": "materials"}, key_map, entities)}
    assert sorted(rows) == ["Eco", "Eline"]                      # no second row of the company's name
    co = rows["Eco"]
    assert co["subject"] == name and co["org_id"] == "Oco" and co["industry"] == "materials"
    assert co["investment_cny"] == 2.5e9 and co["output_value_cny"] == 9e9 and co["construction_started"] == "2023-04"
    assert co["quantity_ids"] == "c:01:q001;c:01:q002" and co["event_ids"] == "c:01:e001"
    assert rows["Eline"]["investment_cny"] == 6e8 and rows["Eline"]["org_id"] == ""
    assert plants_of_companies({x["entity_id"]: x for x in entities}) == {"Eplant": "Eco"}


def test_a_site_stated_in_square_metres_is_the_projects_land_in_mu():
    q = pd.DataFrame([
        dict(quantity_id="f:01:q001", article_id="f:01", value=1.3e5, unit="m2", metric="land",
             subject="云岭精工年产3万台减速机项目", subject_type="project", entity_id="", org_id="", forecast=False),
        dict(quantity_id="f:01:q002", article_id="f:01", value=3.9e8, unit="CNY", metric="investment",
             subject="云岭精工年产3万台减速机项目", subject_type="project", entity_id="", org_id="", forecast=False),
        dict(quantity_id="f:01:q003", article_id="f:01", value=6.0e4, unit="m2", metric="building_area",
             subject="云岭精工年产3万台减速机项目", subject_type="project", entity_id="", org_id="", forecast=False)])
    e = pd.DataFrame(columns=["event_id", "article_id", "event_type", "subject", "org_id", "date"])
    asm = ind.ProjectAssembler()
    asm.add_tables(q, e)
    (row,) = asm.rows({})
    assert row["land_mu"] == 195.0 and row["floor_area_m2"] == 6.0e4      # 13万平方米 = 195 亩; floor area stays m2
    assert row["investment_intensity"] == 200.0 and "f:01:q001" in row["quantity_ids"]


def _plant_tables(company, project, rows_q, rows_e):
    """Quantity and event frames of invented rows ``(id, subject, metric or event type, value or date)``."""
    q = pd.DataFrame([dict(quantity_id=i, article_id=i.rsplit(":", 1)[0], value=v, unit=u, metric=m, subject=s,
                           subject_type="company" if s == company else "project", entity_id="k:" + s, org_id="",
                           forecast=False) for i, s, m, v, u in rows_q])
    e = pd.DataFrame([dict(event_id=i, article_id=i.rsplit(":", 1)[0], event_type=t, subject=s,
                           subject_type="company" if s == company else "project", entity_id="k:" + s, org_id="",
                           date=d, planned=False) for i, s, t, d in rows_e],
                     columns=["event_id", "article_id", "event_type", "subject", "subject_type", "entity_id", "org_id",
                              "date", "planned"])
    return q, e


@pytest.mark.parametrize("company,project,inv,land", [
    ("浙江岚溪半导体科技有限公司", "岚溪半导体年产80万片衬底项目", 2.6e9, 150.0),
    ("安徽禾川新材料股份有限公司", "禾川新材年产3万吨膜材料项目", 9.5e8, 88.0),
    ("云南青屿光伏科技有限公司", "年产15GW高效电池片项目", 4.4e9, 420.0)])
def test_a_plants_figures_told_of_its_company_are_the_projects_row(company, project, inv, land):
    """总投资N亿元的甲公司年产…项目: the investment went to the company, the site and milestones to the project —
    one plant, one row (the project's); the company's output stays its own row, its signing too."""
    q, e = _plant_tables(company, project, [
        ("a:01:q001", company, "investment", inv, "CNY"), ("a:01:q002", project, "land", land, "mu"),
        ("a:01:q003", company, "output_value", 3e9, "CNY"), ("a:01:q004", company, "capacity", 5.0, "ton")],
        [("a:01:e001", company, "construction_started", "2026-03"), ("a:01:e002", project, "topped_out", "2026-11"),
         ("a:01:e003", company, "settled", "2025-12"), ("a:01:e004", company, "production_start", "2027-05"),
         ("a:01:e005", project, "production_start", "2027-05")])
    entities = [dict(entity_id="Eco", name=company, entity_type="company", org_id="", parent_id=""),
                dict(entity_id="Ep", name=project, entity_type="project", org_id="", parent_id="Eco")]
    asm = ind.ProjectAssembler()
    asm.add_tables(q, e)
    rows = {r["project_id"]: r for r in asm.rows({}, {"k:" + company: "Eco", "k:" + project: "Ep"}, entities)}
    p, co = rows["Ep"], rows["Eco"]
    assert p["investment_cny"] == inv and p["land_mu"] == land and p["investment_intensity"] == inv / land / 1e4
    assert p["construction_started"] == "2026-03" and p["topped_out"] == "2026-11" and p["capacity"] == 5.0
    assert "a:01:q001" in p["quantity_ids"] and "a:01:e001" in p["event_ids"]
    assert co["output_value_cny"] == 3e9 and co["settled"] == "2025-12"      # the firm's own
    assert math.isnan(co["investment_cny"]) and co["production_start"] == ""  # (the same day: the project's alone)


def test_a_companys_figures_stay_when_its_article_names_two_of_its_projects_or_a_phase():
    company = "浙江岚溪半导体科技有限公司"
    for projects in (["岚溪半导体衬底项目", "岚溪半导体外延项目"], ["岚溪半导体衬底项目二期"]):
        q, e = _plant_tables(company, "", [("b:01:q001", company, "investment", 3e9, "CNY")],
                             [("b:01:e001", company, "construction_started", "2026-03")])
        q = pd.concat([q] + [_plant_tables(company, p, [(f"b:01:q1{k}", p, "land", 60.0 + k, "mu")], [])[0]
                             for k, p in enumerate(projects)])
        entities = [dict(entity_id="Eco", name=company, entity_type="company", org_id="", parent_id="")] + [
            dict(entity_id=f"Ep{k}", name=p, entity_type="project", org_id="", parent_id="Eco")
            for k, p in enumerate(projects)]
        key_map = {"k:" + company: "Eco", **{"k:" + p: f"Ep{k}" for k, p in enumerate(projects)}}
        asm = ind.ProjectAssembler()
        asm.add_tables(q, e)
        rows = {r["project_id"]: r for r in asm.rows({}, key_map, entities)}
        assert rows["Eco"]["investment_cny"] == 3e9 and rows["Eco"]["construction_started"] == "2026-03"
        assert all(math.isnan(rows[f"Ep{k}"]["investment_cny"]) for k in range(len(projects)))


def test_a_companys_figure_of_another_article_stays_the_companys():
    company, project = "浙江岚溪半导体科技有限公司", "岚溪半导体衬底项目"
    q, e = _plant_tables(company, project, [("c:01:q001", company, "investment", 3e9, "CNY"),
                                            ("d:01:q001", project, "land", 90.0, "mu")], [])
    entities = [dict(entity_id="Eco", name=company, entity_type="company", org_id="", parent_id=""),
                dict(entity_id="Ep", name=project, entity_type="project", org_id="", parent_id="Eco")]
    asm = ind.ProjectAssembler()
    asm.add_tables(q, e)
    rows = {r["project_id"]: r for r in asm.rows({}, {"k:" + company: "Eco", "k:" + project: "Ep"}, entities)}
    assert rows["Eco"]["investment_cny"] == 3e9 and math.isnan(rows["Ep"]["investment_cny"])

"""The named steps of the corpus-wide resolution (stage "entities", ``tables/resolution.py``):
each step alone on invented names, and each switched off by name in the whole
``resolve_entities`` (the normal result first, then the one without the step). Every name
here is invented."""
from collections import Counter

import pytest

from lishui_analysis import config
from lishui_analysis.tables import entities as ent
from lishui_analysis.tables import resolution as res


def _recs(*records):
    return [ent.name_record(t, n, **kw) for t, n, kw in records]


def _state(*records):
    return res.start(_recs(*records))


def _together(st, *names) -> bool:
    """Whether the records of these names are one group in the state."""
    idx = {r.name: i for i, r in enumerate(st.recs)}
    return len({st.uf.find(idx[n]) for n in names}) == 1


def _entity_names(resolution) -> list[str]:
    return sorted(e["name"] for e in resolution.entities)


def test_steps_in_order_with_their_names():
    assert [f.__name__.lstrip("_") for f in ent.ENTITY_STEPS] == [
        "relative_by_org", "org_aliases", "company_cores", "trade_name_clashes", "company_short_names",
        "zones", "regions", "project_cores", "project_short_names", "link_parents"]
    assert [f.__name__.lstrip("_") for f in ent.SHORT_NAME_STEPS] == [
        "short_is_alias", "short_is_trade_name", "short_starts_core", "short_spelt_in_core"]
    assert config.active_steps(res.STAGE, ent.ENTITY_STEPS) is ent.ENTITY_STEPS   # nothing off: the tuple itself


def test_start_joins_one_normalized_name_and_is_no_step():
    st = _state(("company", "“雲嶺科技”", {}), ("company", "云岭科技", {}), ("company", "云岭电子", {}))
    assert _together(st, "“雲嶺科技”", "云岭科技")
    assert not _together(st, "云岭科技", "云岭电子")
    assert [r.name for r in st.recs] == ["“雲嶺科技”", "云岭电子", "云岭科技"]   # sorted by type, name, key


# --- each step alone ---------------------------------------------------------------------

def test_relative_by_org_alone():
    st = _state(("zone", "青田云岭经济开发区", {"org_ids": Counter({"O3": 2})}),
                ("zone", "经开区", {"scope": "A7", "org_ids": Counter({"O3": 1})}),
                ("zone", "开发区", {"scope": "A8", "org_ids": Counter({"O4": 1})}))
    res._relative_by_org(st)
    assert _together(st, "青田云岭经济开发区", "经开区")
    assert not _together(st, "青田云岭经济开发区", "开发区")


def test_org_aliases_alone():
    st = _state(("zone", "浙江云岭经济开发区", {"aliases": {"云岭工业园区"}}), ("zone", "云岭工业园区", {}),
                ("government", "星桥镇人民政府", {"aliases": {"镇政府"}}),
                ("government", "星桥乡人民政府", {"aliases": {"镇政府"}}), ("government", "镇政府", {}))
    res._org_aliases(st)
    assert _together(st, "浙江云岭经济开发区", "云岭工业园区")
    assert not _together(st, "镇政府", "星桥镇人民政府") and not _together(st, "镇政府", "星桥乡人民政府")
    assert st.ambiguous == [{"name": "镇政府", "entity_type": "government", "reason": "alias of several names",
                             "candidates": ["星桥乡人民政府", "星桥镇人民政府"]}]


def test_company_cores_alone():
    st = _state(("company", "浙江青田云岭科技有限公司", {}), ("company", "云岭科技（丽水）有限公司", {}),
                ("company", "云岭科技公司", {}), ("company", "云岭电子有限公司", {}))
    res._company_cores(st)
    assert _together(st, "浙江青田云岭科技有限公司", "云岭科技（丽水）有限公司", "云岭科技公司")
    assert not _together(st, "云岭科技公司", "云岭电子有限公司")


def test_trade_name_clashes_alone_lists_and_merges_nothing():
    st = _state(("company", "浙江云岭新材料有限公司", {}), ("company", "浙江云岭科技有限公司", {}))
    res._trade_name_clashes(st)
    assert st.ambiguous == [{"name": "云岭", "entity_type": "company", "reason": "one trade name, several legal names",
                             "candidates": ["浙江云岭新材料有限公司", "浙江云岭科技有限公司"]}]
    assert not _together(st, "浙江云岭新材料有限公司", "浙江云岭科技有限公司")


def test_company_short_names_alone():
    st = _state(("company", "浙江青松实业有限公司", {}), ("company", "青松", {}), ("company", "白鹭", {}))
    res._company_short_names(st)
    assert _together(st, "浙江青松实业有限公司", "青松")
    assert len({st.uf.find(i) for i in range(3)}) == 2


def _index(*records):
    return _state(*records).companies()


def test_short_is_alias_alone():
    ix = _index(("company", "浙江星桥云岭科技有限公司", {"aliases": {"星云"}}))
    assert res._short_is_alias(ix, "星云", "星云") == ({"星桥云岭科技"}, "简称 of several names")
    assert res._short_is_alias(ix, "星桥", "星桥")[0] == set()


def test_short_is_trade_name_alone():
    ix = _index(("company", "浙江青松实业有限公司", {}), ("company", "浙江云岭新材料有限公司", {}),
                ("company", "浙江云岭科技有限公司", {}))
    assert res._short_is_trade_name(ix, "青松", "青松") == ({"青松实业"}, "简称 of several names")
    assert res._short_is_trade_name(ix, "云岭", "云岭") == (set(), "")   # the trade name of two legal names


def test_short_starts_core_alone():
    ix = _index(("company", "浙江云岭星新材料有限公司", {}))
    assert res._short_starts_core(ix, "云岭公司", "云岭") == ({"云岭星新材料"}, "starts several names")
    assert res._short_starts_core(ix, "云岭星新", "云岭星新") == ({"云岭星新材料"}, "starts several names")
    assert res._short_starts_core(ix, "云岭", "云岭") == (set(), "")    # two characters without 公司


def test_short_spelt_in_core_alone():
    ix = _index(("company", "苏州汇岭医用科技发展有限公司", {}))
    assert res._short_spelt_in_core(ix, "汇岭科技", "汇岭科技") == ({"汇岭医用科技发展"}, "spelt by several names")
    assert res._short_spelt_in_core(ix, "汇岭技科", "汇岭技科") == (set(), "spelt by several names")  # out of order
    assert res._short_spelt_in_core(ix, "汇岭科", "汇岭科") == (set(), "")   # under four characters


def test_zones_alone():
    st = _state(("zone", "青田经开区", {}), ("zone", "浙江青田经济技术开发区", {}), ("zone", "青田高新区", {}))
    res._zones(st)
    assert _together(st, "青田经开区", "浙江青田经济技术开发区")
    assert not _together(st, "青田经开区", "青田高新区")


def test_regions_alone():
    st = _state(("region", "云和县", {}), ("region", "云和", {}), ("region", "青田县", {}))
    res._regions(st)
    assert _together(st, "云和县", "云和")
    assert not _together(st, "云和", "青田县")


def test_project_cores_alone():
    st = _state(("project", "2025年青田云岭新材料项目", {}), ("project", "青田云岭新材料项目", {}),
                ("project", "温州云岭新材料项目", {}), ("project", "云岭新材料项目", {}))
    res._project_cores(st)
    assert _together(st, "2025年青田云岭新材料项目", "青田云岭新材料项目")
    assert not _together(st, "青田云岭新材料项目", "温州云岭新材料项目")
    assert not _together(st, "云岭新材料项目", "温州云岭新材料项目")
    assert st.ambiguous == [{"name": "云岭新材料项目", "entity_type": "project", "reason": "same name in several regions",
                             "candidates": ["2025年青田云岭新材料项目", "温州云岭新材料项目"]}]


def test_project_short_names_alone():
    st = _state(("project", "云岭新材料年产5万吨项目", {}), ("project", "云岭项目", {}),
                ("project", "青松新材料二期项目", {}), ("project", "青松一期项目", {}), ("project", "青松项目", {}))
    res._project_short_names(st)
    assert _together(st, "云岭新材料年产5万吨项目", "云岭项目")
    assert not _together(st, "青松项目", "青松新材料二期项目")    # phases differ
    assert not _together(st, "青松一期项目", "青松新材料二期项目")


def test_link_parents_alone():
    st = _state(("company", "浙江云岭新材料有限公司", {}), ("project", "青田云岭新材料年产5万吨项目", {}),
                ("company", "白鹭智能装备有限公司", {"org_ids": Counter({"O5": 1})}),
                ("project", "智能工厂项目", {"parent_org_ids": Counter({"O5": 2})}), ("project", "滨江大厦项目", {}))
    res._link_parents(st)
    groups = st.groups()
    parent = {groups[p].name: groups[c].name for p, c in st.parent_of.items()}
    assert parent == {"青田云岭新材料年产5万吨项目": "浙江云岭新材料有限公司", "智能工厂项目": "白鹭智能装备有限公司"}


# --- each step switched off in the whole resolution --------------------------------------

def _companies_of_two_trade_names():
    return (("company", "浙江云岭新材料有限公司", {}), ("company", "浙江云岭科技有限公司", {}))


CASES = [
    ("relative_by_org", (("zone", "青田云岭经济开发区", {"org_ids": Counter({"O3": 2})}),
                         ("zone", "经开区", {"scope": "A7", "org_ids": Counter({"O3": 1})})), 1, 2),
    ("org_aliases", (("zone", "浙江云岭经济开发区", {"aliases": {"云岭工业园区"}}), ("zone", "云岭工业园区", {})), 1, 2),
    ("company_cores", (("company", "浙江青田云岭科技有限公司", {}), ("company", "云岭科技（丽水）有限公司", {}),
                       ("company", "云岭科技公司", {})), 1, 3),
    ("company_short_names", (("company", "浙江青松实业有限公司", {}), ("company", "青松", {})), 1, 2),
    ("short_is_alias", (("company", "浙江星桥云岭科技有限公司", {"aliases": {"星云"}}), ("company", "星云", {})), 1, 2),
    ("short_is_trade_name", (("company", "浙江青松实业有限公司", {}), ("company", "青松", {})), 1, 2),
    ("short_starts_core", (("company", "浙江云岭星新材料有限公司", {}), ("company", "云岭公司", {})), 1, 2),
    ("short_spelt_in_core", (("company", "苏州汇岭医用科技发展有限公司", {}), ("company", "汇岭科技", {})), 1, 2),
    ("zones", (("zone", "青田经开区", {}), ("zone", "浙江青田经济技术开发区", {})), 1, 2),
    ("regions", (("region", "云和县", {}), ("region", "云和", {})), 1, 2),
    ("project_cores", (("project", "2025年青田云岭新材料项目", {}), ("project", "青田云岭新材料项目", {})), 1, 2),
    ("project_short_names", (("project", "云岭新材料年产5万吨项目", {}), ("project", "云岭项目", {})), 1, 2),
]


@pytest.mark.parametrize("step, records, n_on, n_off", CASES, ids=[c[0] for c in CASES])
def test_switching_a_merge_step_off_leaves_names_apart(step, records, n_on, n_off):
    normal = ent.resolve_entities(_recs(*records))
    assert len(normal.entities) == n_on
    with config.steps_off(f"entities.{step}"):
        off = ent.resolve_entities(_recs(*records))
    assert len(off.entities) == n_off
    assert _entity_names(off) == sorted(ent.normalize_name(n) for _, n, _ in records)
    assert ent.resolve_entities(_recs(*records)) == normal      # back on after the block


def test_switching_trade_name_clashes_off_lists_nothing():
    normal = ent.resolve_entities(_recs(*_companies_of_two_trade_names()))
    assert [a["reason"] for a in normal.ambiguous] == ["one trade name, several legal names"]
    with config.steps_off("entities.trade_name_clashes"):
        off = ent.resolve_entities(_recs(*_companies_of_two_trade_names()))
    assert off.ambiguous == []
    assert off.entities == normal.entities


def test_switching_short_starts_core_off_drops_an_ambiguity():
    records = (*_companies_of_two_trade_names(), ("company", "云岭公司", {}))
    normal = ent.resolve_entities(_recs(*records))
    assert [a for a in normal.ambiguous if a["name"] == "云岭公司"] == [
        {"name": "云岭公司", "entity_type": "company", "reason": "starts several names",
         "candidates": ["浙江云岭新材料有限公司", "浙江云岭科技有限公司"]}]
    with config.steps_off("entities.short_starts_core"):
        off = ent.resolve_entities(_recs(*records))
    assert [a["name"] for a in off.ambiguous] == ["云岭"]


def test_switching_link_parents_off_leaves_projects_without_parent():
    records = (("company", "浙江云岭新材料有限公司", {}), ("project", "青田云岭新材料年产5万吨项目", {}))
    normal = ent.resolve_entities(_recs(*records))
    by_name = {e["name"]: e for e in normal.entities}
    assert by_name["青田云岭新材料年产5万吨项目"]["parent_id"] == by_name["浙江云岭新材料有限公司"]["entity_id"]
    with config.steps_off("entities.link_parents"):
        off = ent.resolve_entities(_recs(*records))
    assert [e["parent_id"] for e in off.entities] == ["", ""]
    assert [e["entity_id"] for e in off.entities] == [e["entity_id"] for e in normal.entities]


@pytest.mark.parametrize("name,head", [("丽水云溪运动中心", "项目"), ("“松溪”科创培训大楼", "项目"),
                                       ("2027年临江文体综合体", "项目"), ("白鹭康养小镇", "项目")])
def test_project_short_names_join_a_name_and_the_name_with_xiangmu(name, head):
    """A project written with and without 项目 (云溪运动中心 / 云溪运动中心项目) is one project."""
    st = _state(("project", name, {}), ("project", name + head, {}), ("project", "温州临江港区工程", {}))
    res._project_short_names(st)
    assert _together(st, name, name + head)
    assert not _together(st, name, "温州临江港区工程")


def test_a_name_and_the_name_with_xiangmu_in_two_regions_stay_apart():
    st = _state(("project", "温州云溪运动中心", {}), ("project", "青田云溪运动中心项目", {}))
    res._project_short_names(st)
    assert not _together(st, "温州云溪运动中心", "青田云溪运动中心项目")

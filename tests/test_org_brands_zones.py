"""Organizations round 5 (issue #17 item 6): makers named by brand alone, zones named by their committee.
Invented templates: names, frames, order and punctuation vary; no sentence of an evaluation text."""
import pytest

from lishui_analysis import config
from lishui_analysis.extract.organizations import extract_org_mentions


def _names(text):
    return {(m.name, m.org_type) for m in extract_org_mentions(text)}


# ---- brands: multinational makers named by brand alone (org_brands.py) ----------------------------------

@pytest.mark.parametrize("a, b", [("ABB", "西门子"), ("施耐德电气", "ABB"), ("发那科", "安川电机")])
@pytest.mark.parametrize("frame", ["生产线选用{a}、{b}的控制系统，一期年底投产。",
                                   "目前园区已集聚{a}、{b}等高端装备企业。",
                                   "该公司已与{a}和{b}建立合作，明年出口额将翻番。"])
def test_a_brand_named_alone_is_a_company(a, b, frame):
    text = frame.format(a=a, b=b)
    got = _names(text)
    assert {(a, "company"), (b, "company")} <= got
    if "等" not in frame:  # (a list closed by 等…企业 names firms by itself: org_lists.py)
        with config.steps_off("organizations.brands"):
            assert not {(a, "company"), (b, "company")} <= _names(text)


@pytest.mark.parametrize("a, b", [("ABB", "西门子"), ("施耐德电气", "ABB")])
@pytest.mark.parametrize("project", ["云岭精密轴承项目", "翠峰新材料产业园"])
def test_a_brand_named_alone_holds_no_figure(a, b, project):
    """选用甲、乙的系统: a supplier's brand is no holder — the figures after it stay the project's."""
    from lishui_analysis.extract.quantities import extract_quantities
    from lishui_analysis.extract.subjects import find_holders
    from lishui_analysis.ingest.segment import split_sentences
    text = f"{project}总投资5亿元，生产线选用{a}、{b}的控制系统，建成后年产值10亿元。"
    orgs = extract_org_mentions(text)
    assert {o.name for o in orgs if o.brand} == {a, b}
    hs = find_holders(text, orgs)
    assert {h.name for h in hs.items} == {project}
    qs = extract_quantities(text, split_sentences(text), orgs, "2026-05-01", hs)
    assert [q.subject for q in qs] == [project, project]


@pytest.mark.parametrize("country", ["德国", "日本", "瑞士"])
def test_a_country_before_a_brand_in_chinese_is_part_of_the_name(country):
    assert (f"{country}西门子", "company") in _names(f"星岚智能已与{country}西门子签订供货协议。")


@pytest.mark.parametrize("country", ["瑞士", "德国"])
def test_a_country_before_a_brand_in_latin_letters_is_not(country):
    """As the development gold writes a Latin name after its country (日本某某Tec集团 → 某某Tec集团)."""
    got = _names(f"星岚智能已与{country}ABB签订供货协议。")
    assert ("ABB", "company") in got and (f"{country}ABB", "company") not in got


@pytest.mark.parametrize("word", ["ABBA乐队", "XABB公司的报告", "ABBOTT"])
def test_a_latin_brand_inside_a_longer_latin_word_is_none(word):
    assert ("ABB", "company") not in _names(f"会上播放了{word}。")


@pytest.mark.parametrize("full", ["西门子（亚太）有限公司", "施耐德电气（某州）有限公司"])
def test_a_brand_opening_a_full_company_name_is_that_company(full):
    brand = full[:full.index("（")]
    text = f"6月3日，{full}与某区签约。此次携手{brand}，将完善产业链。"
    assert {m.name for m in extract_org_mentions(text) if m.surface == brand} == {full}


def test_a_brand_inside_a_longer_company_name_stays_in_it():
    got = _names("瑞士ABB集团在此设厂，ABB还将追加投资。")
    assert ("ABB集团", "company") in got and ("ABB", "company") not in got


# ---- committee zones: the zone a committee is named after (org_committees.py) ------------------------------

@pytest.mark.parametrize("zone", ["云岭新区", "星澜高新区", "岭东经开区"])
@pytest.mark.parametrize("committee", ["管委会", "管理委员会"])
def test_a_zone_written_alone_with_its_committee_is_a_zone(zone, committee):
    text = f"（二）{zone}：某某材料项目，计划9月开工。责任单位：{zone}{committee}。"
    got = _names(text)
    assert (zone, "development_zone") in got and (zone + committee, "government") in got
    with config.steps_off("organizations.committee_zones"):
        assert (zone, "development_zone") not in _names(text)


@pytest.mark.parametrize("place", ["肇庆", "合肥", "宝鸡"])
@pytest.mark.parametrize("frame", ["对高新区的大力支持表示感谢。", "今年以来，高新区新签约项目12个。"])
def test_a_bare_zone_word_is_the_zone_of_the_one_committee(place, frame):
    zone = f"{place}云岭高新区"
    text = f"{zone}管委会答复如下。{frame}"
    assert (zone, "development_zone") in _names(text)


@pytest.mark.parametrize("text", ["湖州云岭经济技术开发区管委会副主任林某出席签约仪式。",
                                  "据星澜经开区管委会统计，园区规上企业52家。"])
def test_a_committee_alone_names_no_zone(text):
    """The development gold counts the committee only where the article does not speak of the zone."""
    assert not [n for n, kind in _names(text) if kind == "development_zone"]


def test_the_committees_name_of_a_zone_named_in_full_is_that_zone():
    text = "某州云岭经济开发区的变化有目共睹。据云岭经开区管委会统计，云岭经开区将建成产业集群。"
    zones = {n for n, kind in _names(text) if kind == "development_zone"}
    assert zones == {"某州云岭经济开发区"} or zones == {"云岭经济开发区"}


@pytest.mark.parametrize("name", ["钦岚港片区管理委员会", "云岭新区管委会"])
def test_an_areas_committee_named_by_an_unknown_name_is_a_government_body(name):
    assert (name, "government") in _names(f"{name}相关负责人介绍，今年新签约项目9个。")


# ---- forms of legal names and their edges --------------------------------------------------------------

@pytest.mark.parametrize("kind", ["（有限合伙）", "(有限合伙)", "（普通合伙）"])
@pytest.mark.parametrize("stem", ["湖南湘岚新材料产业创投", "杭州云帆科创", "宁波星澜股权创投"])
def test_a_partnership_is_named_with_its_kind(stem, kind):
    name = f"{stem}合伙企业{kind}"
    assert (name, "fund") in _names(f"该项目由云岭科技与{name}共同投资。")


@pytest.mark.parametrize("formula", ["现将", "兹将", "现就"])
def test_a_notices_opening_formula_is_no_part_of_a_name(formula):
    got = _names(f"{formula}湖北星岚锂能科技有限公司年产5万吨项目有关情况公示如下。")
    assert ("湖北星岚锂能科技有限公司", "company") in got and len(got) == 1


@pytest.mark.parametrize("bond", ["可转换公司债券", "公司债券", "公司债"])
def test_a_companys_bonds_are_no_company(bond):
    got = _names(f"苏州云岭电子材料股份有限公司拟公开发行{bond}募集资金")
    assert got == {("苏州云岭电子材料股份有限公司", "company")}


@pytest.mark.parametrize("banner", ["杭岚旗", "云岭右旗", "星河前旗"])
def test_a_banners_government_is_a_body(banner):
    assert (f"{banner}人民政府", "government") in _names(f"{banner}人民政府与某某研究所签署战略合作协议。")


@pytest.mark.parametrize("figure", ["占地300亩的", "年产5万吨的", "约120亩"])
def test_a_unit_after_a_figure_opens_no_name(figure):
    assert ("丽水星岚智能装备有限公司", "company") in _names(f"{figure}丽水星岚智能装备有限公司新厂房封顶。")


@pytest.mark.parametrize("firm", ["星曜新能源", "云岭科技"])
def test_a_parent_company_described_is_no_name(firm):
    assert not [n for n, _ in _names(f"{firm}母公司宣布追加投资。") if n.endswith("母公司")]


@pytest.mark.parametrize("zone", ["宜昌溪山新区", "宜宾云岭高新区", "长春星澜经开区"])
@pytest.mark.parametrize("domain", ["经济发展局", "财政局", "规划建设局"])
def test_a_zones_bureau_is_one_body(zone, domain):
    text = f"该厂房项目经{zone}{domain}备案后开工。"
    got = _names(text)
    assert (zone + domain, "government") in got and (zone, "development_zone") not in got
    with config.steps_off("organizations.zone_bureaus"):
        assert (zone + domain, "government") not in _names(text)


@pytest.mark.parametrize("role", ["动力传输解决方案供应商", "储能系统集成商", "全球领先的轴承製造商", "工业软件服務商"])
@pytest.mark.parametrize("firm", ["星岚集团", "云岭能源股份有限公司"])
def test_a_firm_described_by_its_trade_before_its_name_is_no_part_of_it(role, firm):
    assert {n for n, kind in _names(f"{role}{firm}今日宣布在华扩产。") if kind == "company"} == {firm}


def test_a_brand_mention_is_flagged_for_the_readers_of_holders():
    ms = extract_org_mentions("生产线选用ABB、德国西门子的系统，星岚科技有限公司追加投资5亿元。")
    assert [(m.surface, m.brand) for m in ms] == [("ABB", True), ("德国西门子", True), ("星岚科技有限公司", False)]

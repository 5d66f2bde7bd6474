"""Organization names by grammatical class, on invented sentences: the items of a list of bodies
are bodies without their place (县商务局、应急管理局等部门), a park's committee is named by the
place inside its name, a region in spaced parentheses stays inside a name, and a company's stem of
lines of business keeps the role noun before it (某某企业管理有限公司)."""
import itertools

import pytest

from lishui_analysis import config
from lishui_analysis.extract.organizations import extract_org_mentions

# bodies written with their level (found on their own) and domains written bare (found in a list)
LEVELLED = ["县商务局", "市发改委", "区财政局", "县经信局"]
BARE = ["文化和旅游局", "生态环境局", "住房和城乡建设局", "应急管理局"]
TAILS = ["等部门", "等单位", ""]


def names(text):
    return {m.name for m in extract_org_mentions(text)}


@pytest.mark.parametrize("levelled, bare, tail, first", [
    (lv, b, t, f) for (lv, b), t, f in zip(itertools.product(LEVELLED, BARE), itertools.cycle(TAILS),
                                         itertools.cycle([True, False]))])
def test_a_bare_domain_in_a_list_of_bodies_is_a_body(levelled, bare, tail, first):
    items = f"{levelled}、{bare}" if first else f"{bare}、{levelled}"
    text = f"期间，{items}{tail}通力协作，推进创建工作。"
    assert {levelled, bare} <= names(text)


@pytest.mark.parametrize("bare", BARE)
def test_a_bare_domain_alone_is_no_body(bare):
    """Outside a list of bodies a bare domain has no place: not taken."""
    assert bare not in names(f"会上，{bare}负责人介绍了情况。")


@pytest.mark.parametrize("office", ["市治水办", "县创文办", "区双招双引办", "市攻坚办"])
@pytest.mark.parametrize("sep", ["：", ":"])
def test_an_office_short_form_in_a_list_of_bodies(office, sep):
    text = f"责任单位{sep}市发改委、{office}、市财政局。"
    assert {office, "市发改委", "市财政局"} <= names(text)


@pytest.mark.parametrize("verb", ["举办", "主办", "承办", "协办"])
def test_a_verb_ending_in_the_office_suffix_is_no_office(verb):
    text = f"日前，由市里{verb}、县商务局承办的对接会召开。"
    assert not any(n.endswith(verb) for n in names(text))


def test_listed_bodies_is_a_named_step():
    text = "期间，县商务局、应急管理局等部门通力协作。"
    with config.steps_off("organizations.listed_bodies"):
        off = names(text)
    assert "应急管理局" in names(text) and "应急管理局" not in off


@pytest.mark.parametrize("park", ["中德金华科技园", "中欧温州生态园", "中瑞湖州产业园"])
def test_a_park_committee_is_named_by_the_place_inside(park):
    assert f"{park}管委会" in names(f"据{park}管委会负责人介绍，项目进展顺利。")


def test_a_committee_without_a_place_is_no_name():
    assert not any(n.endswith("管委会") for n in names("据园区管委会负责人介绍，项目进展顺利。"))


@pytest.mark.parametrize("trade, place, form", [
    ("明远光学", "绍兴", "股份有限公司"), ("曜川电子", "宁波", "有限公司"), ("栖梧科技", "台州", "股份有限公司")])
@pytest.mark.parametrize("spaced", [True, False])
def test_a_region_in_spaced_parentheses_stays_in_the_name(trade, place, form, spaced):
    surface = f"{trade} ({place}) {form}" if spaced else f"{trade}（{place}）{form}"
    ms = extract_org_mentions(f"会上, {surface}与园区签下协议.")
    assert [(m.surface, m.name) for m in ms] == [(surface, surface.replace(" ", ""))]


@pytest.mark.parametrize("trade", ["泰禾", "澜岳", "禾旭"])
@pytest.mark.parametrize("line", ["企业管理有限公司", "企业服务有限公司", "企业发展有限公司"])
def test_a_role_noun_before_lines_of_business_stays_in_a_company_name(trade, line):
    assert f"{trade}{line}" in names(f"该项目由杭州某某集团和{trade}{line}拿下。")


@pytest.mark.parametrize("level", ["省", "温州市", "青田县"])
@pytest.mark.parametrize("verb", ["部署的", "部署", "交办的"])
def test_the_last_item_ends_at_its_own_suffix(level, verb):
    """What follows the last body of a list is no part of it, even a word starting like a suffix (部署)."""
    text = f"均提前完成{level}委、{level}政府{verb}各项任务。"
    assert {f"{level}委", f"{level}政府"} == {m.surface for m in extract_org_mentions(text)}


@pytest.mark.parametrize("body, place, unit", [
    ("杭州理工大学", "温州", "创新中心"), ("宁波海洋大学", "舟山", "创新中心"), ("丽水生态产业集聚区", "遂昌", "分区"),
    ("衢江经济开发区", "龙游", "分区"), ("嘉兴南湖学院", "桐乡", "创新中心")])
@pytest.mark.parametrize("former", ["", "原"])
def test_a_body_s_unit_in_a_place_is_one_name(body, place, unit, former):
    """(原 before it, its former name: the name starts at the place)"""
    name = f"{body}{place}{unit}"
    text = f"会上，{former}{name}、杭州禾旭科技有限公司作签约代表发言。"
    got = names(text)
    assert name in got and body not in got and not any(n.startswith("原") for n in got)


@pytest.mark.parametrize("text", ["丽水创新中心主体结顶。", "园区功能分区合理。", "该创新中心投用。", "温州分区规划获批。"])
def test_a_unit_word_without_a_body_before_it_is_no_name(text):
    assert not any(n.endswith(("创新中心", "分区")) for n in names(text))


@pytest.mark.parametrize("day, prep, body", [
    (d, p, b) for (d, p), b in zip(itertools.product([3, 18, 27], ["在", "于", "从"]),
                                   itertools.cycle(["温州市人民医院", "嘉兴学院", "湖州师范学院"]))])
def test_a_date_s_unit_before_a_break_is_no_trade_name(day, prep, body):
    """5日在某某医院: the break after a date's 日 cuts (日 cannot start the name)."""
    assert names(f"{day}日{prep}{body}举行签约仪式。") == {body}


@pytest.mark.parametrize("level", ["市", "县", "区"])
@pytest.mark.parametrize("hospital", ["人民医院", "中医院"])
def test_an_unnamed_city_s_hospital_is_no_name(level, hospital):
    """Like 市政府: the body of the city the article is about, not a name."""
    assert names(f"包括{level}{hospital}改扩建工程等民生项目。") == set()
    assert names(f"包括衢州{level}{hospital}改扩建工程。") == {f"衢州{level}{hospital}"}


@pytest.mark.parametrize("place", ["衢江", "龙游", "嘉善"])
@pytest.mark.parametrize("product", ["Ah固态电池生产线", "GWh储能电池", "MW光伏组件"])
def test_a_project_s_head_ends_the_name_before_a_zone(place, product):
    """A list of projects run together: the zone after 项目 starts its own name."""
    text = f"年产10{product}项目{place}经济开发区基础设施提升项目（一期）"
    assert names(text) == {f"{place}经济开发区"}


@pytest.mark.parametrize("places", [("龙游", "萧山"), ("开化", "桐乡"), ("泰顺", "瑞安", "若尔盖")])
@pytest.mark.parametrize("dash", ["-", "—", "－"])
@pytest.mark.parametrize("middle, suffix", [("山海协作", "产业园"), ("“飞地”", "产业园"), ("", "合作区")])
def test_a_park_of_places_joined_by_dashes_is_a_zone(places, dash, middle, suffix):
    name = dash.join(places) + middle + suffix
    ms = extract_org_mentions(f"近日，{name}首批项目签约。")
    assert [(m.surface, m.org_type) for m in ms] == [(name, "development_zone")]


@pytest.mark.parametrize("text", ["杭州-宁波高速公路通车。", "衢州—丽水铁路开工。", "龙游-萧山两地产业协作。"])
def test_places_joined_without_a_park_word_are_no_zone(text):
    assert names(text) == set()


@pytest.mark.parametrize("pair", ["衢丽", "温台", "金义", "嘉湖"])
@pytest.mark.parametrize("zone", ["高新区", "新区", "开发区"])
def test_a_zone_named_by_two_places_initials(pair, zone):
    """甲乙高新区 for a zone of two places (衢州 + 丽水 → 衢丽)."""
    assert f"{pair}{zone}" in names(f"位于浙江的{pair}{zone}内，一片繁忙景象。")


@pytest.mark.parametrize("stem", ["该", "全省", "两个", "老旧", "新建"])
def test_a_zone_word_after_no_place_s_initials_is_no_name(stem):
    assert not names(f"位于浙江的{stem}高新区内，一片繁忙景象。")


@pytest.mark.parametrize("body", ["衢州市民服务中心", "龙游县文化馆", "开化县人民医院", "常山县档案馆"])
@pytest.mark.parametrize("neighbour", ["滨江大道改造工程", "年产5万吨新材料项目", "智能装备产业园项目（一期）"])
@pytest.mark.parametrize("first", [True, False])
def test_a_body_s_name_in_a_list_of_projects_is_a_project(body, neighbour, first):
    items = f"{body}、{neighbour}" if first else f"{neighbour}、{body}"
    text = f"重点项目包括{items}、城东安置房工程等。"
    assert body not in names(text)


@pytest.mark.parametrize("body", ["衢州市民服务中心", "开化县人民医院"])
def test_a_body_in_a_list_of_bodies_stays(body):
    assert body in names(f"会上，{body}、衢州市发改委作交流发言。")


@pytest.mark.parametrize("issuer", ["衢州市人民政府", "浙江省发展和改革委员会", "杭州某某集团有限公司"])
@pytest.mark.parametrize("rest", ["关于加快项目建设的若干意见", "2031年工作要点"])
def test_a_body_inside_a_document_s_title_is_part_of_the_title(issuer, rest):
    text = f"为落实《{issuer}{rest}》，各地加快推进。"
    assert names(text) == set()
    assert issuer in names(f"{issuer}印发《某某办法》。")


def test_document_titles_is_a_named_step():
    text = "为落实《衢州市人民政府关于加快项目建设的若干意见》，各地加快推进。"
    with config.steps_off("organizations.document_titles"):
        assert names(text) == {"衢州市人民政府"}

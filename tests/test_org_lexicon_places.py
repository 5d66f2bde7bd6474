"""Places of any province read from the general lexicon (organizations.yaml lexicon_place_*):
bodies named after a county that regions.csv does not list. Invented sentences."""
from __future__ import annotations

import pytest

from lishui_analysis import config
from lishui_analysis.extract.org_tables import lexicon_places
from lishui_analysis.extract.organizations import extract_org_mentions


def names(text: str) -> list[str]:
    return [m.name for m in extract_org_mentions(text)]


@pytest.mark.parametrize("place", ["涡阳", "婺源", "霍山", "休宁"])
def test_a_lexicon_county_with_its_level_names_a_body(place):
    assert place in lexicon_places()
    assert names(f"会上，{place}县委书记王某致辞。") == [f"{place}县委"]
    assert names(f"{place}市人民政府与某方签约。") == [f"{place}市人民政府"]


def test_a_lexicon_county_as_the_whole_stem_of_a_zone():
    assert names("目前婺源经开区已引进企业12家。") == ["婺源经开区"]


def test_a_common_word_with_a_place_entry_is_no_place():
    # 百强县 is a place entry of the lexicon, but 百强 alone is a common noun
    assert "百强" not in lexicon_places()
    assert "新建" not in lexicon_places()  # 新建县 is a place, but 新建 is as frequent as a common word
    assert names("位于某地的新建经开区内。") == []
    assert names("会上，百强县委书记王某致辞。") == []


def test_a_market_is_no_level():
    assert all(not n.startswith("婺源市") for n in names("婺源市场监管部门表示。"))


def test_a_branch_in_a_lexicon_county_is_one_name_with_its_company():
    assert names("签约银行为某某银行股份有限公司婺源分行。") == ["某某银行股份有限公司婺源分行"]


@pytest.mark.parametrize("lead", ["则被", "随即赶赴", "该厂房到达"])
def test_function_words_before_a_lexicon_place_are_no_part_of_the_name(lead):
    assert names(f"该地块{lead}涡阳澄朗实业集团，双方签约。") == ["涡阳澄朗实业集团"]


@pytest.mark.parametrize("place", ["乐亭", "桑植", "周宁"])
def test_a_county_entry_tagged_as_a_name_is_a_place(place):
    """jieba tags some county entries nr (乐亭县): a word ending in a county's level is still a place."""
    assert place in lexicon_places()
    assert names(f"会上，{place}县委书记王某致辞。") == [f"{place}县委"]
    assert names(f"{place}县人民政府与某方签约。") == [f"{place}县人民政府"]


@pytest.mark.parametrize("place", ["婺源", "宁晋", "涡阳"])
@pytest.mark.parametrize("zone, body", [("经济开发区", "招商处"), ("经济技术开发区", "经济促进部"), ("高新区", "管委会")])
def test_a_lexicon_place_without_its_level_starts_a_zone_body(place, zone, body):
    assert names(f"近日，记者从{place}{zone}{body}了解到，园区新签项目5个。") == [f"{place}{zone}{body}"]


@pytest.mark.parametrize("company", ["浙江禾泓科技有限公司", "禾泓科技有限公司", "宁晋禾泓机械有限公司"])
def test_a_direction_and_a_preposition_are_no_place(company):
    # 东至 has a county entry (东至县), but before a name it is "east to" of a plot's bounds (四至)
    assert "东至" not in lexicon_places()
    assert names(f"该地块东至{company}厂房，西至规划道路。") == [company]
    assert names("东至县人民政府与某方签约。") == ["东至县人民政府"]


def test_a_lexicon_place_inside_a_park_body():
    assert names("某某公司与中德婺源生态园管委会签约。") == ["中德婺源生态园管委会"]


def test_dashes_join_lexicon_places_into_one_park():
    assert names("休宁—婺源“飞地”产业园迎来首批项目。") == ["休宁—婺源“飞地”产业园"]


def test_lexicon_place_start_is_a_named_step():
    text = "近日，记者从宁晋经济开发区招商处了解到。"
    # (a zone's bureau, a named zone and a domain, is one body by step zone_bureaus too: both off)
    with config.steps_off("organizations.lexicon_place_start", "organizations.zone_bureaus"):
        off = names(text)
    with config.steps_off("organizations.zone_bureaus"):
        assert names(text) == ["宁晋经济开发区招商处"]
    assert names(text) == ["宁晋经济开发区招商处"] and off == ["宁晋经济开发区"]


@pytest.mark.parametrize("full, short", [("河北省宁晋县经济开发区", "宁晋经开区"), ("浙江省衢州市经济技术开发区", "衢州经开区"),
                                         ("江西省婺源高新技术产业开发区", "婺源高新区")])
def test_a_zone_with_province_and_level_is_its_short_form(full, short):
    text = f"{full}近日签约5个项目。{short}负责人表示，{short}将加快建设。"
    assert names(text) == [full, full, full]


@pytest.mark.parametrize("company", ["统一企业（某州）有限公司", "禾泓科技（浙江）有限公司", "统一企业(宁晋)股份有限公司"])
def test_a_region_in_parentheses_is_no_stem_after_a_role_noun(company):
    assert names(f"会上，{company}与园区签约。") == [company]


@pytest.mark.parametrize("place", ["婺源", "宁晋", "丽水"])
def test_a_body_with_its_province_is_its_short_form(place):
    text = f"浙江省{place}经济开发区管理委员会发布公告。{place}经开区管委会表示，将加快审批。"
    assert names(text) == [f"浙江省{place}经济开发区管理委员会"] * 2


@pytest.mark.parametrize("place", ["宁晋", "婺源"])
def test_a_level_short_form_counts_the_short_and_full_names_of_one_body_once(place):
    text = f"{place}县经济和信息化局牵头。县经信局负责人表示，{place}县经信局将跟进。"
    assert names(text) == [f"{place}县经济和信息化局"] * 3


@pytest.mark.parametrize("lead", ["江西婺源", "福建周宁", "河北宁晋"])
def test_a_short_form_starts_after_a_province_and_a_lexicon_place(lead):
    text = f"{lead}禾泓茶业有限公司开工。禾泓茶业负责人介绍，禾泓茶业将扩产。"
    assert names(text) == [f"{lead}禾泓茶业有限公司"] * 3


@pytest.mark.parametrize("note", ["（以下简称禾泓茶业）", "（简称禾泓茶业）", "(以下简称“禾泓茶业”)"])
def test_a_short_name_introduced_with_or_without_quotation_marks(note):
    text = f"浙江禾泓茶业股份有限公司{note}成立。禾泓茶业表示，将加快建设。"
    assert names(text) == ["浙江禾泓茶业股份有限公司"] * 3


@pytest.mark.parametrize("short", ["公司", "本公司", "集团", "本行", "发行人", "标的公司"])
@pytest.mark.parametrize("quoted", [True, False])
def test_a_short_name_that_is_a_bare_form_word_is_a_reference_not_an_alias(short, quoted):
    # a listed company's notice or a prospectus: （以下简称“公司”）, then 公司 throughout — no alias "公司"
    note = f"（以下简称“{short}”）" if quoted else f"（以下简称{short}）"
    text = f"青岚禾泓科技股份有限公司{note}拟投资设立子公司。{short}将以自有资金出资。"
    assert [(m.surface, m.name) for m in extract_org_mentions(text)] == [("青岚禾泓科技股份有限公司",) * 2]
    named = f"青岚禾泓科技股份有限公司（以下简称“禾泓科技”）拟投资。禾泓科技将出资。"
    assert names(named) == ["青岚禾泓科技股份有限公司"] * 3          # a real short name still is one


@pytest.mark.parametrize("place", ["政和", "平和", "民和"])
def test_a_county_whose_name_holds_a_break_word_before_its_level(place):
    # 政和 alone is a rare noun, 平和 an adjective: a place only before 县/市, where the 和 is no conjunction
    assert place not in lexicon_places()
    assert names(f"经{place}县人民政府批准，{place}县自然资源和规划局决定出让该地块。") == [
        f"{place}县人民政府", f"{place}县自然资源和规划局"]
    assert names(f"{place}县委、县政府高度重视。") == [f"{place}县委"]


@pytest.mark.parametrize("text", ["会上，百强县委书记王某致辞。", "比如县委书记王某表示。", "计划投资新建县人民医院。"])
def test_a_frequent_word_or_a_function_word_before_a_level_is_no_place(text):
    assert names(text) == []


# ---- a time, a modal verb or a relation around a body's name is no part of it ------------------------

@pytest.mark.parametrize("lead", ["一季度", "上半年", "6月10日", "今年3月"])
@pytest.mark.parametrize("name", ["石湾经济开发区", "云岭新材料有限公司"])
def test_a_time_before_a_name_is_no_part_of_it(lead, name):
    assert [m.name for m in extract_org_mentions(f"{lead}{name}举行签约仪式。")] == [name]


@pytest.mark.parametrize("name", ["日照市人民政府", "日本东和精机株式会社"])
def test_a_name_opening_with_ri_keeps_it(name):
    assert [m.name for m in extract_org_mentions(f"{name}与石湾签约。")] == [name]


def test_a_modal_verb_and_a_preposition_before_a_zone_are_no_part_of_it():
    assert [m.name for m in extract_org_mentions("公司，拟在安吉经济开发区投资建设。")] == ["安吉经济开发区"]


@pytest.mark.parametrize("trade", ["中联", "吉利", "海亮"])
@pytest.mark.parametrize("relation", ["旗下子公司", "下属公司", "全资子公司"])
def test_a_group_of_a_two_character_trade_name_and_not_its_subsidiary_relation(trade, relation):
    names = [m.name for m in extract_org_mentions(f"由{trade}集团{relation}云岭锐驰投资建设。")]
    assert f"{trade}集团" in names and not any(n.endswith(relation) for n in names)


@pytest.mark.parametrize("text", ["两大集团签约落户。", "各大银行踊跃参与。", "该集团表示。", "企业集团"])
def test_a_count_or_a_reference_of_groups_is_no_group(text):
    assert extract_org_mentions(text) == []


def test_a_company_named_with_and_without_its_place_is_one():
    got = {(m.surface, m.name) for m in extract_org_mentions("义乌云投集团投资建设。云投集团负责人说。")}
    assert got == {("义乌云投集团", "义乌云投集团"), ("云投集团", "义乌云投集团")}


@pytest.mark.parametrize("city", ["荆门", "十堰", "襄阳"])
@pytest.mark.parametrize("zone", ["高新区", "经开区管委会"])
def test_a_frequent_city_the_dictionary_tags_a_place_starts_a_zone(city, zone):
    assert [m.name for m in extract_org_mentions(f"据统计，{city}{zone}1—9月规上工业产值增长。")] == [f"{city}{zone}"]


@pytest.mark.parametrize("word", ["新建", "太平"])
def test_a_frequent_word_that_is_also_a_place_starts_no_zone_of_a_short_name(word):
    assert extract_org_mentions(f"{word}高新区1—9月规上工业产值增长。") == []


# ---- places of the divisions list (民政部 code list, data/divisions.csv) --------------------------------

@pytest.mark.parametrize("city", ["烟台", "宝鸡", "大连", "周口"])
def test_every_prefecture_level_city_starts_a_name_whatever_the_dictionary_tags_it(city):
    # jieba tags these bare names n or d; the code list says they are cities
    assert city in lexicon_places()
    text = f"{city}经开区管委会与{city}禾泓重工有限公司签约。{city}高新技术产业开发区管理委员会表示支持。"
    assert names(text) == [f"{city}经开区管委会", f"{city}禾泓重工有限公司", f"{city}高新技术产业开发区管理委员会"]


@pytest.mark.parametrize("county", ["常熟市", "公安县", "射阳县"])
def test_a_county_of_the_divisions_list_names_a_body_before_its_level(county):
    assert names(f"{county}发展和改革局牵头组织。") == [f"{county}发展和改革局"]
    assert names(f"{county[:2]}方面表示支持。") == []   # the bare name is no body

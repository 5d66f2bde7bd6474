"""A university's or academy's school, institute or laboratory named after it is one organization
(invented names)."""
from __future__ import annotations

import pytest

from lishui_analysis.extract.organizations import extract_org_mentions


def names(text: str) -> list[str]:
    return [m.name for m in extract_org_mentions(text)]


@pytest.mark.parametrize("body", ["云溪理工大学", "星河农林大学", "中国科学院", "赣水师范学院", "瓯江职业技术学院"])
@pytest.mark.parametrize("unit", ["材料科学与工程学院", "化学化工学院", "海洋生物研究所", "机械与能源工程学院",
                                  "先进制造重点实验室", "上海微纳系统与信息技术研究所"])
@pytest.mark.parametrize("lead,tail", [("项目与", "开展合作。"), ("", "提供技术支持。"), ("此外，", "、星河研究院参与研发。")])
def test_a_school_or_institute_after_its_university_is_one_name(body, unit, lead, tail):
    assert names(f"{lead}{body}{unit}{tail}")[0] == body + unit


@pytest.mark.parametrize("text,first", [
    ("云溪理工大学与星河市共建研究院。", "云溪理工大学"),            # a conjunction opening the run: two bodies
    ("云溪理工大学和企业联合成立研究院。", "云溪理工大学"),
    ("云溪理工大学牵头组建实验室。", "云溪理工大学"),                # a verb in the run
])
def test_a_verb_or_a_second_party_after_the_university_makes_no_unit(text, first):
    assert names(text)[0] == first


@pytest.mark.parametrize("bank", ["星河银行股份有限公司", "中国云溪银行股份有限公司"])
@pytest.mark.parametrize("branch", ["开发区支行", "城东支行", "高新区分行", "城西支行"])
def test_a_banks_branch_named_by_a_zone_or_quarter_is_one_name(bank, branch):
    assert names(f"{bank}{branch}为项目提供贷款。") == [bank + branch]


@pytest.mark.parametrize("rel", ["旗下", "下属"])
def test_a_relation_word_between_two_bodies_ends_the_first(rel):
    assert names(f"云岭控股集团{rel}星河（中国）投资有限公司签约。") == ["云岭控股集团", "星河（中国）投资有限公司"]


@pytest.mark.parametrize("verb", ["经", "报"])
@pytest.mark.parametrize("body", ["松阳县人民政府", "省政府", "丽水市发展和改革委员会"])
def test_via_or_submitted_to_is_no_part_of_the_body(verb, body):
    assert names(f"该项目{verb}{body}批准后实施。") == [body]


@pytest.mark.parametrize("text,name", [
    ("本次增资资金部分来自星河商业银行联贷案。", "星河商业银行"),          # a verb of origin ends what is before
    ("项目选址于漳州台商投资区。", "漳州台商投资区"),                       # the State Council's zones for Taiwanese investment
    ("郑州航空港经济综合实验区新签项目12个。", "郑州航空港经济综合实验区"),
    ("依上海证券交易所规定发布公告。", "上海证券交易所"),                   # an exchange named after its city
])
def test_official_zone_forms_exchanges_and_a_verb_of_origin(text, name):
    assert names(text) == [name]


@pytest.mark.parametrize("text", ["对其在华子公司增资。", "董事会通过对大陆子公司增资的议案。", "产权交易所挂牌。"])
def test_a_subsidiary_described_or_an_unnamed_exchange_is_no_name(text):
    assert names(text) == []


@pytest.mark.parametrize("zone,short", [("星河航空港经济综合实验区", "航空港区"), ("云溪经济技术开发区", "云溪开发区")])
@pytest.mark.parametrize("committee", ["管委会", "管理委员会"])
def test_a_zones_committee_named_by_its_short_name_is_a_body(zone, short, committee):
    text = f"{zone}（以下简称“{short}”）签约12个项目。{short}{committee}还与星河大学签署协议。"
    ms = [(m.name, m.org_type) for m in extract_org_mentions(text)]
    assert (short + committee, "government") in ms and (zone, "development_zone") in ms


@pytest.mark.parametrize("area", ["钦州港", "星河湾", "北仑"])
def test_a_free_trade_zones_area_is_one_name(area):
    text = f"项目位于中国（浙江）自由贸易试验区{area}片区，总投资5亿元。"
    assert names(text) == [f"中国（浙江）自由贸易试验区{area}片区"]


def test_via_a_county_of_the_general_lexicon_is_no_part_of_its_zone():
    assert names("经太和经济开发区评审，同意入园。") == ["太和经济开发区"]


@pytest.mark.parametrize("role", ["出具银行", "开户银行", "贷款银行", "托管银行"])
def test_a_bank_named_by_its_role_is_no_name(role):
    assert names(f"保函由{role}出具，收款方为星河银行。") == ["星河银行"]


@pytest.mark.parametrize("items", [["宁德时代", "比亚迪", "国家电网"], ["星河科技", "云岭股份"]])
@pytest.mark.parametrize("tail", ["等龙头企业参会。", "等5家企业签约。", "等知名公司出席。"])
@pytest.mark.parametrize("lead", ["", "会上，"])
def test_a_list_opening_a_clause_closed_by_a_kind_of_firm_lists_firms(items, tail, lead):
    assert names(lead + "、".join(items) + tail) == items


@pytest.mark.parametrize("text", ["尤其是外延、晶圆制造等龙头企业急需氢气。", "国内外、省内外等知名企业参加。",
                                  "光伏、储能等企业纷纷落户。", "目前，光伏、储能等龙头企业纷纷落户。"])
def test_a_list_of_lines_of_business_or_a_discourse_word_lists_no_firms(text):
    assert names(text) == []


@pytest.mark.parametrize("body", ["深圳市南山区科技创新局", "丽水市科技创新局", "松阳县科技创新局"])
def test_a_bureau_of_innovation_is_no_new_situation(body):
    # 新局 ("a new situation") ends 发展新局; in 科技创新局 its 新 closes the verb 创新
    assert names(f"{body}发布通知。") == [body]
    assert names("奋力开创发展新局。") == []


@pytest.mark.parametrize("body", ["星河新区经济运行和安全生产监管局", "云溪县农业农村和水利局", "松阳县经济商务科技和信息化局"])
def test_a_bodys_two_domains_joined_by_he_are_one_name(body):
    assert names(f"{body}、丽水市商务局相关负责人参加签约仪式。") == [body, "丽水市商务局"]


@pytest.mark.parametrize("text,bodies", [("丽水市科技局和省药监局联合发文。", ["丽水市科技局", "省药监局"]),
                                         ("星河电子股份有限公司与松阳经济开发区管委会签约。", ["星河电子股份有限公司", "松阳经济开发区管委会"])])
def test_a_body_before_or_a_bodys_prefix_after_he_makes_two_names(text, bodies):
    assert names(text) == bodies

"""Organization names where text of two lines or phrases runs together with no mark between (a
contact line and the signature under it, a table's title and its issuer, a small title and its
paragraph), and where a word of another class stands right before a name: invented templates that
vary places, trade names, domains and order."""
import itertools

import pytest

from lishui_analysis import config
from lishui_analysis.extract.organizations import extract_org_mentions

CITIES = ["衢州", "嘉兴", "湖州", "台州", "金华"]
DOMAINS = ["自然资源局", "发展和改革委员会", "商务局", "经济和信息化局"]
UNITS = ["土地利用科", "规划处", "综合科", "招商二科"]
TITLES = ["年度重点项目推进计划表", "用地出让一览表", "建设进度安排表"]
ZONES = ["经济技术开发区", "经济开发区", "高新技术产业开发区"]


def names(text):
    return {m.name for m in extract_org_mentions(text)}


def assert_named_whole(text, name):
    """``name`` is found in ``text``, and no longer name ending in it (nothing before it joined on)."""
    found = names(text)
    assert name in found
    assert not any(n.endswith(name) and n != name for n in found)


@pytest.mark.parametrize("city, domain, unit", [
    (c, d, u) for c, (d, u) in zip(CITIES * 4, itertools.product(DOMAINS, UNITS))])
def test_a_body_signing_under_its_unit_is_the_body(city, domain, unit):
    body = f"{city}市{domain}"
    # (the lines as a page's paste joins them: the signature right after the contact line)
    text = f"经{city}市人民政府批准，{body}决定出让地块。联系单位：{body}{unit}{body}"
    assert_named_whole(text, body)


@pytest.mark.parametrize("city, title, zone", [
    (c, t, z) for c, (t, z) in zip(CITIES * 2, itertools.product(TITLES, ZONES))])
def test_an_issuer_after_a_table_title_starts_at_its_place(city, title, zone):
    issuer = f"{city}{zone}管理委员会"
    text = f"附件：2026年{title}{issuer}2026年3月1日"
    assert_named_whole(text, issuer)


@pytest.mark.parametrize("name", ["中共衢州市委", "浙江省湖州市发展和改革委员会", "国家税务总局金华市税务局"])
def test_a_name_opening_with_a_prefix_or_places_stays_whole(name):
    assert name in names(f"会上，{name}有关负责人作了说明。")


def test_body_place_start_is_a_named_step():
    text = "联系单位：台州市商务局综合科台州市商务局"
    with config.steps_off("organizations.body_place_start"):
        off = names(text)
    assert "台州市商务局" in names(text) and "台州市商务局" not in off


MAKERS = ["散热模组厂", "光学元件大厂", "精密模具厂", "电池材料厂商", "家电厂家"]
FIRMS = ["宏岱精密工业股份有限公司", "澜岳科技股份有限公司", "禾旭电子有限公司"]


@pytest.mark.parametrize("maker, firm", list(itertools.product(MAKERS, FIRMS)))
def test_a_maker_described_before_its_name_is_no_part_of_it(maker, firm):
    """Apposition: what the firm makes and 厂 (maker), then its name."""
    assert firm in names(f"另一家外资企业、{maker}{firm}去年也在区内设立研发中心。")


@pytest.mark.parametrize("name", ["鸿运电器厂有限公司", "青溪纺织厂股份有限公司", "禾旭厂房租赁有限公司"])
def test_a_works_in_a_name_stays(name):
    """厂 at the end of a stem, or opening a word (厂房), is the name's own."""
    assert f"杭州{name}" in names(f"会上，杭州{name}与园区签订协议。")


STAGES = ["主厂房封顶", "从签约到投产", "当年开工", "二期竣工", "设备进场"]
COMPANIES = ["陕西渭川数控装备有限公司", "宝鸡岚峰航空零部件有限公司", "湖南禾旭储能科技有限公司"]


@pytest.mark.parametrize("stage, company", list(itertools.product(STAGES, COMPANIES)))
def test_a_small_title_run_into_its_paragraph_ends_at_the_stage(stage, company):
    """A small title ending in a construction stage, joined to the paragraph it heads."""
    text = f"▍五轴机床：{stage}{company}联动机床产业化项目3月18日开工。"
    assert company in names(text)


@pytest.mark.parametrize("counter", ["天", "日", "家", "个"])
@pytest.mark.parametrize("company", COMPANIES)
def test_a_counter_after_a_number_is_no_part_of_a_name(counter, company):
    text = f"从设备进场到试产仅用58{counter}{company}年产2GWh电池项目投产。"
    assert company in names(text)


@pytest.mark.parametrize("trade", ["东和", "万和", "天和", "永和"])
@pytest.mark.parametrize("before", ["在主会场开工的", "签约落户的", "去年投产的"])
def test_a_trade_name_with_a_conjunction_after_a_modifier(before, trade):
    """After the 的 that closes a modifier, a trade name's second character may be 和."""
    name = f"{trade}精机（新乡）有限公司"
    assert name in names(f"{before}{name}汽车轴承项目总投资12亿元。")


@pytest.mark.parametrize("text, name", [
    ("企业获得省药监局颁发的注册证及省卫健委批复。", "省卫健委"),
    ("招商团队与企业负责人就基金合作进行了洽谈。", None),
])
def test_a_list_after_a_verb_keeps_its_conjunction_a_break(text, name):
    found = names(text)
    assert (name in found) if name else not any(n.endswith("基金") for n in found)


@pytest.mark.parametrize("stem", ["西部稀有金属材料", "北方稀有金属", "华东稀有金属新材料"])
def test_rare_in_a_name_is_no_verb(stem):
    assert f"{stem}研究院" in names(f"“就近转化”{stem}研究院中试基地4月入驻科创园。")


@pytest.mark.parametrize("count", ["一个", "一家", "两所", "一座"])
@pytest.mark.parametrize("body", ["封装工艺实验室", "检测认证研究院", "智能传感创新研究院"])
def test_a_body_counted_is_described_not_named(count, body):
    assert not any(n.endswith(body) for n in names(f"企业还与某某学院共建了{count}{body}。"))


@pytest.mark.parametrize("count", ["一家", "两家"])
@pytest.mark.parametrize("name", ["杭州澜岳科技有限公司", "禾旭智能装备有限公司", "浙江曜川研究院"])
def test_a_body_counted_and_named_keeps_its_name(count, name):
    assert name in names(f"集团投资设立{count}{name}，注册资本1亿元。")


@pytest.mark.parametrize("verb", ["签约共建", "合作设立", "联合组建"])
@pytest.mark.parametrize("body", ["智能传感研究院", "电子信息产业技术研究院", "光学设计实验室"])
def test_an_institute_being_set_up_is_described_by_its_field(verb, body):
    assert not any(n.endswith(body) for n in names(f"高新区与某某大学{verb}{body}，首期投入5000万元。"))


@pytest.mark.parametrize("body", ["西部稀有金属材料研究院", "东海新材料研究院", "北方光电实验室"])
def test_an_institute_of_common_words_named_elsewhere_stays(body):
    assert body in names(f"“就近转化”{body}中试基地4月入驻科创园。")


@pytest.mark.parametrize("first, second", [("经开区管委会", "衢州市自然资源局"), ("县商务局", "浙江禾旭集团"),
                                           ("嘉兴市发展和改革委员会", "湖州市经济和信息化局")])
def test_a_body_acting_together_with_another_is_two_bodies(first, second):
    found = names(f"今年以来，{first}会同{second}推进供地。")
    assert second in found and not any("会同" in n for n in found)

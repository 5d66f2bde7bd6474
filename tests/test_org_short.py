"""Companies named by a trade name and a line of business alone (某某光电董事长, 某某股份旗下), on
invented sentences: the frames that make them names, and the shapes that are kinds of business,
products or places' industries instead."""
import itertools

import pytest

from lishui_analysis import config
from lishui_analysis.extract.organizations import extract_org_mentions

TRADES = ["澜岳", "禾旭", "曜川", "栖梧", "岚拓", "汀禾"]
LINES = ["光电", "股份", "绿能", "铝业", "化工", "新材料", "汽车", "药业"]
# a sentence around the short name {n}: a role after it, a subsidiary, a partner, an investor, a source
FRAMES = [
    "会上，{n}董事长介绍了新工厂的进展。",
    "该基地将是{n}旗下规模最大的工厂。",
    "目前，企业正联合{n}推进量产。",
    "该项目由全球领先的光伏企业{n}投资兴建。",
    "其原料来自{n}，产品供应下游企业。",
    "{n}总经理表示，三季度设备进场。",
]


def names(text):
    return {m.name for m in extract_org_mentions(text)}


@pytest.mark.parametrize("trade, line, frame", [
    (t, ln, f) for (t, ln), f in zip(itertools.product(TRADES, LINES), itertools.cycle(FRAMES))])
def test_a_trade_name_and_a_line_in_a_frame_is_a_company(trade, line, frame):
    name = trade + line
    text = frame.format(n=name)
    assert name in names(text)
    assert [m.org_type for m in extract_org_mentions(text) if m.name == name] == ["company"]


@pytest.mark.parametrize("trade, line", list(zip(TRADES, LINES)))
def test_every_repeat_of_the_short_name_is_a_mention(trade, line):
    name = trade + line
    text = f"{name}董事长在会上致辞。{name}LED芯片项目今年投产，{name}的订单充足。"
    assert sum(m.name == name for m in extract_org_mentions(text)) == 3


@pytest.mark.parametrize("phrase", ["智能装备", "生物医药", "高端装备", "新能源汽车", "原材料", "太阳能科技"])
def test_a_kind_of_business_is_no_company(phrase):
    """Common words of the dictionary, or a cut inside a word (太阳|能科技, 新能|源汽车, 原|材料)."""
    assert not names(f"当地大力发展{phrase}，推进产业升级。")


@pytest.mark.parametrize("trade", TRADES[:3])
@pytest.mark.parametrize("before", ["30万台", "10万辆", "ABC"])
def test_a_count_or_a_model_before_it_names_a_product(trade, before):
    assert not names(f"项目建成后可年产{before}{trade}汽车，预计明年投产。")


@pytest.mark.parametrize("trade", TRADES[:3])
@pytest.mark.parametrize("after", ["制造产业园", "生产基地", "8GW组件项目"])
def test_a_line_that_goes_on_is_no_end_of_a_name(trade, after):
    assert f"{trade}智能" not in names(f"今年，{trade}智能{after}开工建设。")


@pytest.mark.parametrize("place", ["丽水", "衢州", "温州"])
def test_a_place_and_a_line_is_the_place_s_industry(place):
    assert not names(f"近年来，{place}光电发展迅速，{place}汽车也在加快转型。")


def test_the_short_form_of_a_full_name_stays_linked():
    text = "浙江澜岳光电科技有限公司落户。澜岳光电董事长表示，将加快建设。"
    assert {(m.surface, m.name) for m in extract_org_mentions(text)} == {
        ("浙江澜岳光电科技有限公司", "浙江澜岳光电科技有限公司"), ("澜岳光电", "浙江澜岳光电科技有限公司")}


def test_trade_names_is_a_named_step():
    text = "会上，禾旭股份董事长介绍了新工厂的进展。"
    with config.steps_off("organizations.trade_names"):
        off = names(text)
    assert "禾旭股份" in names(text) and "禾旭股份" not in off


def test_many_distinct_short_names_are_each_found():
    """A text of many companies named alone: every one found (their occurrences read from one index)."""
    trades = [a + b for a in "澜禾曜栖岚汀弈朔" for b in "岳旭川梧拓禾"]
    text = "".join(f"{t}光电董事长到访。" for t in trades) * 3
    ms = extract_org_mentions(text)
    assert {m.name for m in ms} == {f"{t}光电" for t in trades} and len(ms) == 3 * len(trades)


@pytest.mark.parametrize("desc", ["太阳能科技", "数据", "航空", "光伏科技", "新能源汽车"])
@pytest.mark.parametrize("suffix", ["公司", "集团"])
def test_a_company_of_common_words_only_is_a_description(desc, suffix):
    """领先的光伏科技公司: no trade name; the name that follows it is the company."""
    text = f"该项目由全球领先的{desc}{suffix}澜岳绿能投资兴建。"
    got = names(text)
    assert f"{desc}{suffix}" not in got and "澜岳绿能" in got


@pytest.mark.parametrize("name", ["澜岳光电公司", "禾旭科技集团", "衢州航空公司", "市国资公司", "曜川数据有限公司"])
def test_a_trade_name_a_place_or_a_legal_form_keeps_the_company(name):
    assert name in names(f"会上，{name}与园区签订协议。")


@pytest.mark.parametrize("stem", ["两家", "许多", "儿童", "肿瘤", "人工智能产业", "音乐"])
@pytest.mark.parametrize("suffix", ["医院", "学院"])
def test_a_hospital_or_college_of_common_words_is_a_description(stem, suffix):
    assert f"{stem}{suffix}" not in names(f"据了解，{stem}{suffix}的建设正在推进。")


@pytest.mark.parametrize("name", ["建设银行", "农业银行", "衢州儿童医院", "东岳医院", "湖州师范学院"])
def test_a_bank_a_place_or_a_proper_name_keeps_the_body(name):
    assert name in names(f"会上，{name}与园区签订协议。")


@pytest.mark.parametrize("phrase", ["海洋装备", "智慧物流", "智慧能源"])
def test_a_frequent_word_tagged_as_a_name_is_no_trade_name(phrase):
    """The dictionary tags 海洋 a place and 智慧 a person, but counts them as often as common words."""
    assert not names(f"大力发展{phrase}，推进转型。")


def test_a_verbal_noun_before_a_line_verb_goes_on_in_the_name():
    from lishui_analysis.extract.org_short import trade_names
    # 某某智能设备制造产业园: 设备 (a verbal noun in the lexicon) and 制造 continue the line of business
    assert trade_names("记者来到云岭澄朗智能设备制造基地二期工地。", lambda s, e: True) == []
    # …铝业建设现场: a verbal noun alone after the line word ends the short name
    assert [n for _, _, n in trade_names("在澄朗铝业建设现场，工人们正忙碌着。", lambda s, e: True)] == ["澄朗铝业"]

"""Organization names by grammatical class, on invented sentences: words of the function classes
of a general lexicon (verbs, prepositions, conjunctions, adverbs) before a place are no part of a
name; a body written with its level and no place is the one body of that level the article names in
full (市发改委 = 某市发展和改革委员会)."""
import itertools

import pytest

from lishui_analysis import config
from lishui_analysis.extract.organizations import extract_org_mentions

PLACES = ["杭州", "宁波", "温州", "嘉兴", "湖州", "衢州"]
TRADES = ["澜岳", "禾旭", "曜川", "栖梧"]
ENDINGS = ["科技有限公司", "集团", "新材料股份有限公司"]
# a run of function words before the name (adverb + preposition, verb, adverb + verb, conjunction + preposition)
PREFIXES = ["则被", "到达", "随即赶赴", "而同", "并被"]


def pairs(text):
    return {(m.surface, m.name) for m in extract_org_mentions(text)}


@pytest.mark.parametrize("prefix, place, trade, ending", [
    (p, pl, t, e) for (p, pl), t, e in zip(itertools.product(PREFIXES, PLACES), itertools.cycle(TRADES),
                                           itertools.cycle(ENDINGS))])
def test_function_words_before_a_place_are_cut_off_the_name(prefix, place, trade, ending):
    name = f"{place}{trade}{ending}"
    text = f"去年，该厂房{prefix}{name}整体收购。"
    assert (name, name) in pairs(text)
    assert not any(m.surface.startswith(prefix) for m in extract_org_mentions(text))


@pytest.mark.parametrize("name", ["开山智能装备有限公司", "传化物流集团有限公司", "到达科技浙江有限公司", "中建三局集团有限公司"])
def test_a_trade_name_may_start_with_any_word(name):
    """No place follows the first word: the name stays whole, whatever class that word has."""
    assert (name, name) in pairs(f"会上，{name}与园区签订协议。")


def test_function_prefix_is_a_named_step():
    text = "厂房建成后，则被宁波禾旭科技有限公司整体租用。"
    with config.steps_off("organizations.function_prefix"):
        off = pairs(text)
    assert ("宁波禾旭科技有限公司", "宁波禾旭科技有限公司") in pairs(text)
    assert ("宁波禾旭科技有限公司", "宁波禾旭科技有限公司") not in off


# A city or county, a bureau's full domain and its usual short form.
BODIES = [
    ("丽水", "市", "发展和改革委员会", "发改委"),
    ("衢州", "市", "经济和信息化局", "经信局"),
    ("遂昌", "县", "自然资源和规划局", "资规局"),
    ("龙游", "县", "住房和城乡建设局", "住建局"),
    ("浙江", "省", "人民政府", "政府"),
]


@pytest.mark.parametrize("place, level, domain, short", BODIES)
@pytest.mark.parametrize("order", ["full_first", "short_first"])
def test_a_body_by_its_level_is_the_one_named_in_full(place, level, domain, short, order):
    full, brief = f"{place}{level}{domain}", f"{level}{short}"
    a, b = (full, brief) if order == "full_first" else (brief, full)
    text = f"近日，{a}召开专题会议。会上，{b}负责人介绍了有关情况。"
    assert pairs(text) == {(full, full), (brief, full)}


@pytest.mark.parametrize("place, level, domain, short", BODIES[:4])
def test_two_bodies_of_the_level_leave_the_short_form_alone(place, level, domain, short):
    other = "宁波" if level == "市" else "松阳"
    text = f"{place}{level}{domain}与{other}{level}{domain}签订协议，{level}{short}牵头推进。"
    assert (f"{level}{short}", f"{level}{short}") in pairs(text)


def test_a_body_of_another_level_is_not_linked():
    """县发改局 is no short form of a city's 发展和改革局."""
    text = "丽水市发展和改革局召开会议，县发改局参加。"
    assert ("县发改局", "县发改局") in pairs(text)


def test_level_short_is_a_named_step():
    text = "丽水市发展和改革委员会召开会议，市发改委负责人介绍情况。"
    with config.steps_off("organizations.level_short"):
        assert ("市发改委", "市发改委") in pairs(text)
    assert ("市发改委", "丽水市发展和改革委员会") in pairs(text)


@pytest.mark.parametrize("company, place, branch", [
    ("杭州澜岳银行股份有限公司", "丽水", "分行"), ("宁波禾旭建设有限公司", "温州市", "分公司"),
    ("浙江曜川农商银行股份有限公司", "衢州", "支行"), ("上海栖梧证券有限责任公司", "湖州", "营业部")])
def test_a_company_branch_is_one_name(company, place, branch):
    name = f"{company}{place}{branch}"
    assert pairs(f"会上，{name}与园区签订合作协议。") == {(name, name)}


def test_a_legal_name_before_another_body_still_ends_there():
    """Only a place and a branch word continue a legal name: a body after it is a name of its own."""
    assert pairs("浙江禾旭科技有限公司湖州市政府签约。") == {("浙江禾旭科技有限公司", "浙江禾旭科技有限公司"),
                                                          ("湖州市政府", "湖州市政府")}


@pytest.mark.parametrize("stem", ["管理", "投资发展", "科技", "信息咨询", "实业投资"])
@pytest.mark.parametrize("form", ["有限公司", "集团"])
def test_lines_of_business_alone_are_no_name(stem, form):
    """A name needs a trade name: 管理有限公司 (what a role cut leaves of 某某企业管理有限公司) is none."""
    assert pairs(f"据介绍，{stem}{form}负责运营。") == set()
    assert (f"宁波禾旭{stem}{form}", f"宁波禾旭{stem}{form}") in pairs(f"据介绍，宁波禾旭{stem}{form}负责运营。")


@pytest.mark.parametrize("year", ["2023年度", "2024年度", "2023年度，", "今年上半年", "近日"])
@pytest.mark.parametrize("name", ["丽水禾旭经济技术开发区", "衢州澜岳新材料有限公司"])
def test_a_cut_inside_a_word_before_a_place_moves_to_the_word_end(year, name):
    """年度 is one word: a cut after 年 leaves 度, which is no part of the name; a time word before a
    place is none either (今年上半年, 近日: tagged t)."""
    assert (name, name) in pairs(f"据悉，{year}{name}完成投资5亿元。")


@pytest.mark.parametrize("place", ["丽水经开区", "青田县", "衢州市柯城区"])
@pytest.mark.parametrize("word", ["国有资本投资运营有限公司", "国有资产经营有限公司", "公有资产管理有限公司"])
def test_the_you_of_guoyou_is_no_break(place, word):
    """国有/公有: 有 inside a word is no verb; the state-owned company is one name."""
    name = f"{place}{word}"
    assert (name, name) in pairs(f"项目由{name}出资建设。")


@pytest.mark.parametrize("name", ["遂昌县茶叶专业合作社", "碧湖镇下季村股份经济合作社", "松阳县澜岳食用菌专业合作社"])
def test_a_cooperative_is_an_organization(name):
    assert (name, name) in pairs(f"{name}与园区签订收购协议。")
    assert pairs("鼓励农户成立合作社。") == set()


@pytest.mark.parametrize("media", ["丽水市广播电视台", "遂昌县融媒体中心", "青田县电视台", "衢州日报社", "丽水日报社"])
def test_media_named_in_the_body_count_not_in_a_byline(media):
    assert (media, media) in pairs(f"{media}对项目开工进行了直播。")
    assert pairs(f"{media}记者 张某 通讯员 李某") == set()


def test_an_investment_promotion_centre_is_a_body():
    assert ("丽水经开区投资促进中心", "丽水经开区投资促进中心") in pairs("丽水经开区投资促进中心负责对接。")


@pytest.mark.parametrize("place", ["东海", "南岭", "西溪"])
@pytest.mark.parametrize("field, body, after", [
    ("数学", "学会", "以及计算机科学"), ("材料科学", "研究所", "奖的得主"), ("生态环境", "研究院", "和产业发展")])
def test_a_body_s_name_without_its_type_word_is_its_field(place, field, body, after):
    """某某数学会 … 某某数学以及…: the field, not a short form of the body."""
    full = f"{place}{field}{body}"
    text = f"他是{full}理事，推动{place}{field}{after}。"
    assert {(m.surface, m.name) for m in extract_org_mentions(text)} == {(full, full)}


@pytest.mark.parametrize("trade, line", [("澜岳", "实业"), ("禾旭", "智能"), ("曜川", "科技")])
@pytest.mark.parametrize("after", ["家", "学家"])
def test_a_short_form_never_ends_inside_a_word(trade, line, after):
    """A word of the dictionary across its end (…科学|家) is no short form; a word begun at its last
    letter is (某某实业|力争: the dictionary holds 业力)."""
    full = f"杭州{trade}{line}科学工程研究院"
    text = f"{full}成立。{trade}{line}科学{after}到访。"
    assert all(m.name == m.surface for m in extract_org_mentions(text))


@pytest.mark.parametrize("trade", ["澜岳", "禾旭", "曜川"])
def test_a_company_s_short_form_before_a_word_begun_at_its_last_letter(trade):
    text = f"浙江{trade}实业有限公司落户。{trade}实业力争年内投产。"
    assert (f"{trade}实业", f"浙江{trade}实业有限公司") in pairs(text)


def test_whole_word_aliases_is_a_named_step():
    text = "杭州澜岳材料科学工程研究院成立。澜岳材料科学家到访。"
    with config.steps_off("organizations.whole_word_aliases"):
        off = pairs(text)
    assert ("澜岳材料科学", "杭州澜岳材料科学工程研究院") in off
    assert ("澜岳材料科学", "杭州澜岳材料科学工程研究院") not in pairs(text)


@pytest.mark.parametrize("before", ["获", "曾到", "3日到", "并赴", "先后到"])
@pytest.mark.parametrize("body", ["杭州某某大学", "宁波某某医院", "温州某某科技有限公司"])
def test_a_one_character_verb_ending_a_run_before_a_place_is_cut(before, body):
    """获浙江某某大学…, 曾到杭州某某医院…: a one-character verb right before the place ends the run
    of function words (or stands alone at the start); 中建浙江… keeps its 中建."""
    assert (body, body) in pairs(f"后来{before}{body}支持。")


@pytest.mark.parametrize("name", ["中建浙江分公司", "中铁杭州分公司"])
def test_a_trade_name_ending_in_a_verb_before_a_place_stays(name):
    assert (name, name) in pairs(f"该工程由{name}承建。")


@pytest.mark.parametrize("verb", ["协调", "督促", "配合", "要求"])
@pytest.mark.parametrize("body", ["市发改委", "县城投集团", "省科技厅", "区经信局"])
def test_a_verb_before_a_body_written_with_its_level_is_cut_off(verb, body):
    """No place in the name: the level word (市, 县, 省, 区) opens it after a verb."""
    assert (body, body) in pairs(f"会议要求，{verb}{body}加快推进项目。")


@pytest.mark.parametrize("name", ["自治区发展改革委", "自治区自然资源厅", "拟上市公司集团"])
def test_a_level_word_ending_a_dictionary_word_stays(name):
    assert not any(m.name == name[3:] for m in extract_org_mentions(f"会上，{name}作了说明。"))


# ---- zone_committees: a zone's committee named by a zone name no gazetteer knows ----------------------

@pytest.mark.parametrize("zone", ["临港", "星澜", "岭东", "云谷"])
@pytest.mark.parametrize("kind, committee", [("经开区", "管委会"), ("高新区", "管理委员会"), ("经济技术开发区", "管委会")])
@pytest.mark.parametrize("frame", ["据{b}统计，园区规上企业达52家。", "{b}主任林某介绍，今年签约项目9个。",
                                   "市商务局与{b}签订协议。", "会上，{b}发布了招商政策。"])
def test_a_zone_committee_named_by_an_unknown_name_is_a_government_body(zone, kind, committee, frame):
    body = f"{zone}{kind}{committee}"
    text = frame.format(b=body)
    got = [(m.surface, m.org_type) for m in extract_org_mentions(text)]
    assert (body, "government") in got
    if kind != "经济技术开发区":  # (a full 经济技术开发区 is a name of its own to the name finder)
        with config.steps_off("organizations.zone_committees"):
            assert (body, "government") not in [(m.surface, m.org_type) for m in extract_org_mentions(text)]


@pytest.mark.parametrize("text", ["该经开区管委会表示，将加快建设。", "全市开发区管委会主任参加会议。", "各高新区管委会要抓好落实。",
                                  "省级经开区管委会负责人座谈。", "我区高新区管委会召开会议。"])
def test_no_named_zone_committee_from_a_generic_word(text):
    assert not [m for m in extract_org_mentions(text) if m.org_type == "government" and len(m.surface) > 8
                or m.surface[:1] in "该全各省我"]


@pytest.mark.parametrize("role", ["协会理事单位", "商会会员单位", "联盟成员单位", "协会副会长单位"])
@pytest.mark.parametrize("firm", ["云岭光电材料股份有限公司", "星河精密机械有限公司"])
def test_a_members_rank_before_its_name_is_no_part_of_it(role, firm):
    text = f"11月3日，{role}{firm}宣布扩产。"
    assert [m.surface for m in extract_org_mentions(text) if m.org_type == "company"] == [firm]


@pytest.mark.parametrize("parts", [("电解液", "隔膜"), ("电机", "电控", "减速器"), ("铜箔", "正极材料")])
@pytest.mark.parametrize("verb", ["引进", "吸引了", "集聚"])
def test_the_parts_supporting_firms_supply_are_no_firms(parts, verb):
    text = f"一年来，产业园先后{verb}{'、'.join(parts)}等配套企业12家。"
    assert not [m for m in extract_org_mentions(text) if m.surface in parts]
    named = f"一年来，产业园先后{verb}云岭、星澜等企业12家。"
    assert {m.surface for m in extract_org_mentions(named)} >= {"云岭", "星澜"}

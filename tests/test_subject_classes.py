"""Holders of figures by grammatical class, on invented sentences (templates varying the names,
numbers, order and punctuation): each class is one step of :data:`.figure_holder.RESOLVE_STEPS`."""
import pytest

from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.quantities import extract_quantities
from lishui_analysis.ingest.segment import split_sentences


def holders_of(text: str) -> dict[str, tuple[str, str, str]]:
    """surface → (subject, subject_type, subject_rule) of each figure of ``text``."""
    qs = extract_quantities(text, split_sentences(text), extract_org_mentions(text))
    return {q.surface: (q.subject, q.subject_type, q.subject_rule) for q in qs}


# ---- list_item: a figure inside an item of a list of projects ---------------------------------

ITEMS = [("岭拓机械", "8万台", "水泵"), ("青溪材料", "2.5万吨", "隔膜"), ("禾旭", "300万件", "卫浴配件")]


@pytest.mark.parametrize("lead", ["今年新开工的还有", "其中包括", "同时开工的有"])
@pytest.mark.parametrize("close", ["等3个项目集中开工。", "等一批重点工程顺利推进。"])
@pytest.mark.parametrize("order", [(0, 1, 2), (2, 0, 1)])
def test_a_figure_in_a_list_item_is_the_items(lead, close, order):
    items = [ITEMS[k] for k in order]
    text = lead + "、".join(f"{who}年产{fig}{what}" for who, fig, what in items) + close
    got = holders_of(text)
    for who, fig, what in items:
        assert got[fig] == (f"{who}年产{fig}{what}", "project", "list_item")


@pytest.mark.parametrize("tail", ["及配套工程项目", "生产线项目"])
def test_an_item_ending_in_a_head_is_taken_whole(tail):
    text = f"同期开工的还有澜岳纸业包装项目、岭拓机械年产8万台水泵{tail}、青溪食品加工项目等。"
    assert holders_of(text)["8万台"][:2] == (f"岭拓机械年产8万台水泵{tail}", "project")  # (or the phrase's own)


@pytest.mark.parametrize("a, b", [("12亿元", "6.5亿元"), ("8000万元", "3亿元")])
def test_a_figure_joined_by_de_is_the_named_items_modifier(a, b):
    text = f"全县招引总投资{a}的星河智造、总投资{b}的云岭康养旅游等一批好项目。"
    got = holders_of(text)
    assert got[a][:2] == ("星河智造", "project") and got[b][:2] == ("云岭康养旅游", "project")


@pytest.mark.parametrize("text, surface", [
    ("云岭电池材料项目总投资8亿元、用地120亩。", "120亩"),          # a list of figures, not of projects
    ("签约项目20个，其中80%以上为高端装备、新材料等“新质”项目。", "80%"),  # the item starts at the figure
    ("岭拓集团有限公司投资3亿元、青溪集团有限公司投资2亿元。", "2亿元"),    # the item names its holder first
])
def test_no_list_item_holder(text, surface):
    got = holders_of(text)
    assert got and all(rule != "list_item" for f, (_, _, rule) in got.items() if f.startswith(surface))


# ---- list_total: the total after a list that spells out a batch ------------------------------

@pytest.mark.parametrize("batch", ["本次集中签约项目8个", "集中开工项目12个", "此次竣工投产项目"])
@pytest.mark.parametrize("intro", ["，包括", "，主要包括", "，涵盖"])
@pytest.mark.parametrize("total", ["总投资额42.5亿元", "计划总投资超90亿元"])
def test_a_total_after_a_list_that_spells_out_a_batch_is_the_batchs(batch, intro, total):
    text = f"{batch}{intro}云岭智造项目、星河康养项目、青溪码头工程等，{total}。"
    ((_, got),) = [(f, h) for f, h in holders_of(text).items() if "亿元" in f]
    assert got == (batch, "batch", "list_total")


def test_a_list_with_no_batch_named_before_it_is_summed_as_written():
    text = "云岭智造项目、星河康养项目等一批项目开工，总投资12亿元。"
    assert holders_of(text)["12亿元"][1:] == ("batch", "listed_before")


@pytest.mark.parametrize("phrase", ["此次投产项目", "本次集中投产项目", "此次开竣工项目"])
def test_projects_of_this_event_are_a_batch(phrase):
    from lishui_analysis import config
    from lishui_analysis.extract.holders import find_holders
    text = f"{phrase}进展顺利。"
    assert [(h.name, h.kind) for h in find_holders(text).items] == [(phrase, "batch")]
    with config.steps_off("holders.kind_head"):
        assert [h.kind for h in find_holders(text).items] != ["batch"]


# ---- respective: figures after 分别 go one to one with the items before it -----------------------

INDUSTRIES = ["光伏产业", "汽配产业", "竹木制品产业", "生物医药产业"]
RATES = ["12%", "8.5%", "6.2%", "21%"]


@pytest.mark.parametrize("n", [2, 3, 4])
@pytest.mark.parametrize("frame", ["上半年，全县{items}产值分别增长{figs}。",
                                   "今年以来，{items}增势较好，其增加值分别增长{figs}；",
                                   "{items}营收分别同比增长{figs}"])
@pytest.mark.parametrize("shift", [0, 1])
def test_figures_after_fenbie_are_the_items_one_to_one(n, frame, shift):
    items = (INDUSTRIES[shift:] + INDUSTRIES[:shift])[:n]
    figs = RATES[:n]
    text = frame.format(items="、".join(items), figs="、".join(figs))
    got = holders_of(text)
    for k, (item, fig) in enumerate(zip(items, figs)):
        assert got[fig] == (("全县" if k == 0 and "全县" in frame else "") + item, "batch", "respective")


def test_counts_after_fenbie_name_their_batch_with_the_count():
    got = holders_of("全区新签约、新开工亿元以上项目分别达30个和12个。")
    assert got["12个"] == ("新开工亿元以上项目12个", "batch", "respective")


@pytest.mark.parametrize("text, surface", [
    ("云岭经开区固定资产投资、工业产值分别增长8%、6%。", "6%"),      # measures of one holder
    ("光伏产业、汽配产业产值分别增长12%、8.5%、6%。", "6%"),          # three figures, two items
])
def test_no_respective_holder(text, surface):
    assert holders_of(text)[surface][2] != "respective"


# ---- area_statistic: statistics of an area are the area's --------------------------------------

@pytest.mark.parametrize("place", ["青田县", "松阳", "丽水市"])
@pytest.mark.parametrize("stat", ["地区生产总值", "规上工业增加值", "社会消费品零售总额", "固定资产投资"])
@pytest.mark.parametrize("frame", ["据统计，今年前三季度{place}{stat}同比增长{fig}，高于全省。",
                                   "去年{place}的{stat}增长{fig}；"])
def test_a_statistic_written_after_its_area_is_the_areas(place, stat, frame):
    text = frame.format(place=place, stat=stat, fig="7.5%")
    subject, kind, _ = holders_of(text)["7.5%"]
    assert place.startswith(subject) and kind == "region"


@pytest.mark.parametrize("stat", ["地区生产总值", "固定资产投资", "居民人均可支配收入"])
def test_a_statistic_under_a_heading_is_the_headings_area(stat):
    text = f"一、全县经济发展目标\n（1）{stat}增长6.5%；\n（2）研发投入强度达到2.6%。"
    got = holders_of(text)
    assert got["6.5%"][:2] == ("全县", "region") and got["2.6%"][:2] == ("全县", "region")


@pytest.mark.parametrize("text, surface", [
    ("地块出让条件：固定资产投资强度≥300万元/亩。", "300万元/亩"),      # a plot's requirement
    ("地块出让条件：单位工业增加值能耗≤0.5吨标煤。", "0.5吨标煤"),
    ("云岭科技有限公司去年营收增长12%。", "12%"),                     # a firm's own figure
])
def test_no_area_statistic(text, surface):
    assert holders_of(text)[surface][2] != "area_statistic"


# ---- area_batch: an area's counts of firms, labs, projects are named with the area ---------------

@pytest.mark.parametrize("area", ["云岭经开区", "星河高新区", "青田"])
@pytest.mark.parametrize("lead", ["截至年底，", "此外，", ""])
@pytest.mark.parametrize("verb", ["共有", "拥有", "已有"])
def test_an_areas_counts_are_its_batches(area, lead, verb):
    text = f"{lead}{area}{verb}专精特新企业45家、省级研发中心6家，规上企业120家。"
    got = holders_of(text)
    for noun, count in (("专精特新企业", "45家"), ("省级研发中心", "6家"), ("规上企业", "120家")):
        assert got[count][:2] == (f"{area}{noun}{count}", "batch")  # (area_batch, or the holder's: area_batches)


@pytest.mark.parametrize("text, surface", [
    ("云岭经开区积极招商，星河科技有限公司新建厂房3幢，带动配套企业12家。", "12家"),   # a company speaks after it
])
def test_no_area_batch(text, surface):
    subject, _, rule = holders_of(text)[surface]
    assert rule != "area_batch" and not subject.startswith("云岭经开区")


# ---- time_lead: a span of time opening a sentence is the time of its subject --------------------

@pytest.mark.parametrize("span", ["过去一年", "八年来", "近五年来", "经过十年的培育", "历经三年建设"])
@pytest.mark.parametrize("area, kind", [("星河新区", "zone"), ("青田", "region"), ("云岭经开区", "zone")])
@pytest.mark.parametrize("rest", ["全力推进招商引资。", "坚持绿色发展，成效显著；"])
def test_a_leading_span_of_time_is_its_subjects(span, area, kind, rest):
    text = f"{span}，{area}{rest}"
    ((surface, got),) = holders_of(text).items()
    assert got == (area, kind, "time_lead")


@pytest.mark.parametrize("text", ["云岭科技有限公司用了两年时间建成新厂。",     # the holder comes first
                                  "过去一年，全力推进招商引资。"])           # no subject after it
def test_no_time_lead(text):
    assert all(rule != "time_lead" for _, _, rule in holders_of(text).values())


# ---- a place's projects named with a verb inside (holders.place_batch) ------------------------------

@pytest.mark.parametrize("place", ["青田全县", "丽水全市", "松阳县"])
@pytest.mark.parametrize("kind", ["省重点建设项目", "市重点建设项目", "新开工项目"])
def test_a_places_projects_cut_at_a_verb_are_a_batch(place, kind):
    from lishui_analysis import config
    from lishui_analysis.extract.holders import find_holders
    text = f"1-9月，{place}{kind}完成投资56.8亿元，占年度计划的91.2%。"
    assert holders_of(text)["56.8亿元"][:2] == (place + kind, "batch")
    with config.steps_off("holders.place_batch"):
        assert (place + kind, "batch") not in [(h.name, h.kind) for h in find_holders(text).items]


@pytest.mark.parametrize("railway", ["云岭至星河铁路", "星澜高铁", "岭拓铁路"])
@pytest.mark.parametrize("stretch", ["丽水段", "青田段", ""])
def test_a_railway_is_a_project(railway, stretch):
    text = f"截至9月底，{railway}{stretch}已完成投资12.5亿元，占年度计划的80.2%。"
    got = holders_of(text)
    assert got["12.5亿元"][:2] == (railway, "project") and got["80.2%"][:2] == (railway, "project")


# ---- holders.quoted_inside: a quoted word inside a counted phrase is part of it ------------------

@pytest.mark.parametrize("category", ["专精特新“小巨人”企业", "省级“隐形冠军”企业", "国家级“绿色工厂”企业"])
@pytest.mark.parametrize("n", ["8家", "23家"])
def test_a_quoted_word_inside_a_counted_phrase_is_part_of_it(category, n):
    from lishui_analysis import config
    text = f"目前，青田已有{category}{n}，其中重点企业3家。"
    assert holders_of(text)[n][:2] == (f"青田{category}{n}", "batch")
    with config.steps_off("holders.quoted_inside"):
        assert category not in holders_of(text)[n][0]


def test_a_quotation_opening_a_counted_phrase_is_no_part_of_it():
    assert holders_of("推动“龙头”企业12家完成改造。")["12家"][0] != "“龙头”企业12家"


# ---- tally_of_batch: an achieved tally counts the planned batch named before it --------------

@pytest.mark.parametrize("place", ["全县", "全区", ""])
@pytest.mark.parametrize("plan, verb", [("计划新开工", "开工"), ("拟竣工", "竣工"), ("力争新投产", "投产")])
@pytest.mark.parametrize("n, m, rate", [(12, 9, "75%"), (20, 17, "85.0%")])
@pytest.mark.parametrize("mark", ["截至9月底，已", "1-6月", "今年以来累计"])
@pytest.mark.parametrize("stop", ["，", "；"])
def test_a_tally_and_its_rate_are_the_planned_batchs(place, plan, verb, n, m, rate, mark, stop):
    text = f"{place}{plan}{n}个项目{stop}{mark}{verb}{m}个，{verb}率{rate}。"
    got = holders_of(text)
    batch = f"{place}{plan}{n}个项目"
    assert got[f"{n}个"][:2] == (batch, "batch")
    assert got[f"{m}个"] == (batch, "batch", "tally_of_batch")
    assert got[rate] == (batch, "batch", "tally_of_batch")


@pytest.mark.parametrize("head", ["（一）8个重点新建项目，全年计划投资6.4亿元。", "8个重点新建项目全年计划投资6.4亿元，"])
def test_a_tally_in_a_batchs_paragraph_is_the_batchs(head):
    text = f"{head}1-5月开工5个，开工率62.5%。"
    got = holders_of(text)
    assert got["5个"][:2] == ("8个重点新建项目", "batch") and got["62.5%"][:2] == ("8个重点新建项目", "batch")


@pytest.mark.parametrize("text, surface", [
    ("全县计划新开工6个项目，1-6月开工9个。", "9个"),             # more than the batch: another count
    ("全县安排重点项目57个，其中新建15个、续建42个。", "42个"),    # a category of a breakdown, no tally
    ("全县计划新开工6个项目。\n园区企业已开工4个。", "4个"),       # the batch is another paragraph's
    ("全县计划新开工6个项目，云岭科技设备开工率90%。", "90%"),     # a rate named in its own clause
])
def test_no_tally_of_batch(text, surface):
    assert holders_of(text).get(surface, ("", "", ""))[2] != "tally_of_batch"


# ---- a passive's agent: the buyer after 被 is not what the sentence is about ------------------

@pytest.mark.parametrize("buyers", ["浙江星河智能科技有限公司", "杭州岭拓集团和青溪实业有限公司"])
@pytest.mark.parametrize("verb", ["拿下", "竞得", "摘得"])
@pytest.mark.parametrize("fig", ["12亿元", "6.5亿元"])
def test_a_figure_after_a_passive_is_the_projects_not_the_buyers(buyers, verb, fig):
    text = f"云岭新区的星澜康养度假小镇项目，被{buyers}{verb}，项目总投资{fig}。"
    assert holders_of(text)[fig][0] == "星澜康养度假小镇项目"


@pytest.mark.parametrize("link", ["与现有的{l}拼宽", "终点与{l}北侧的道路相连", "位于在建的{l}南侧"])
@pytest.mark.parametrize("landmark", ["石湾跨江大桥", "云溪客运枢纽工程"])
@pytest.mark.parametrize("project", ["云岭快速路二期项目", "松溪大道改造工程"])
def test_a_landmark_after_a_comitative_or_locative_word_is_never_the_topic(link, landmark, project):
    """与/同/位于/紧邻 + (现有的, 在建的) + a name: a place of reference, not the project a later 项目 means."""
    text = f"近日，{project}加快建设。该路段{link.format(l=landmark)}。项目总投资12.6亿元，已完成形象进度40%。"
    got = holders_of(text)
    assert got["12.6亿元"][0] == project and got["40%"][0] == project


# ---- heading_line: a figure in an in-body heading is the paragraph's it opens -------------------

@pytest.mark.parametrize("mark", ["▍", "■", "一、", "（二）"])
@pytest.mark.parametrize("fig", ["11个月", "58天"])
def test_a_figure_in_an_in_body_heading_is_the_next_paragraphs(mark, fig):
    text = (f"岭拓精工有限公司数控机床项目去年投产，总投资6亿元。\n{mark}储能电池：{fig}从签约到投产\n"
            "青溪储能科技有限公司钠电池项目今年2月签约，总投资3亿元。\n")
    got = holders_of(text)
    assert got[fig][:2] == ("青溪储能科技有限公司钠电池项目", "project") and got[fig][2] == "heading_line"
    assert got["6亿元"][0] == "岭拓精工有限公司数控机床项目"


def test_a_figure_in_a_long_line_is_no_headings():
    text = ("岭拓精工有限公司数控机床项目去年投产，总投资6亿元，用时11个月，从签约到投产刷新了全区的纪录。\n"
            "青溪储能科技有限公司钠电池项目今年2月签约。\n")
    assert holders_of(text)["11个月"][0] == "岭拓精工有限公司数控机床项目"


# ---- lent_to: a lender's credit or loan is the borrower's -----------------------------------------

PROJECT = "浙江岭拓新能源科技有限公司年产8GWh储能电池项目"
BANKS = ["星河银行云岭分行", "云岭农商银行", "青溪银行澜岳支行"]


@pytest.mark.parametrize("bank", BANKS)
@pytest.mark.parametrize("loan", ["为该项目授信{x}", "为项目提供{x}中长期贷款", "发放固定资产贷款{x}", "已为项目审批首笔贷款{x}"])
@pytest.mark.parametrize("x", ["15亿元", "8000万元"])
def test_a_banks_loan_is_the_projects(bank, loan, x):
    text = f"{PROJECT}今年3月开工。为保障建设资金，{bank}{loan.format(x=x)}。"
    assert holders_of(text)[x][:2] == (PROJECT, "project") and holders_of(text)[x][2] == "lent_to"


@pytest.mark.parametrize("bank", BANKS)
def test_a_loan_to_named_borrowers_is_theirs(bank):
    text = f"{PROJECT}今年3月开工。{bank}与4家企业现场签订融资协议，授信金额2.3亿元。"
    assert holders_of(text)["2.3亿元"][:2] == ("4家企业", "batch")


@pytest.mark.parametrize("bank", BANKS)
@pytest.mark.parametrize("who", ["园区企业", "链上企业"])
def test_a_loan_to_borrowers_in_general_is_not_the_projects(bank, who):
    text = f"{PROJECT}今年3月开工。{bank}已为{who}授信超30亿元。"
    assert holders_of(text)["超30亿元"][0] != PROJECT


@pytest.mark.parametrize("bank", BANKS)
def test_a_figure_with_no_lending_word_is_no_loan(bank):
    text = f"{PROJECT}今年3月开工。{bank}今年营业收入增长12%。"
    assert holders_of(text)["12%"][2] != "lent_to"


# ---- a clause on the bare word 项目 is the current project's, never a speaking zone's ---------------

@pytest.mark.parametrize("zone", ["澜岳经济技术开发区", "青溪高新区"])
@pytest.mark.parametrize("clause", ["项目总投资18亿元", "该项目总投资18亿元", "整个项目总投资18亿元"])
def test_a_bare_project_clause_is_not_the_speaking_zones(zone, clause):
    text = (f"清晨，记者走进岭拓光电科技有限公司的封装车间。\n{zone}的招商小分队第三次登门。\n"
            f"前年10月，双方正式签约，{clause}，分两期建设。\n")
    assert holders_of(text)["18亿元"][0] == "岭拓光电科技有限公司"


@pytest.mark.parametrize("zone", ["澜岳经济技术开发区", "青溪高新区"])
def test_a_zone_still_speaks_for_its_own_figures(zone):
    text = f"清晨，记者走进岭拓光电科技有限公司的封装车间。\n{zone}今年以来完成固定资产投资85亿元。\n"
    assert holders_of(text)["85亿元"][0] == zone


# ---- a park named as the site of the project is not the topic (建设地点：某镇某产业园东区) ----------------

@pytest.mark.parametrize("project", ["云溪电子信息产业园三期标准厂房建设项目", "石湾精密铸件扩建项目"])
@pytest.mark.parametrize("site", ["建设地点：云溪新区石湾镇智造产业园东区", "项目位于云溪县石湾镇青屿产业园",
                                  "建设地点：青屿科技园"])
@pytest.mark.parametrize("sep", ["。\n", "。"])
def test_a_park_named_as_the_site_is_no_topic(project, site, sep):
    """(the project's name may be read short of its stage words: 云溪电子信息产业园三期)"""
    text = f"本招标项目{project}已批准建设。\n{site}{sep}项目净用地约240亩，估算投资约7.6亿元。"
    got = holders_of(text)
    for figure in ("约240亩", "约7.6亿元"):
        assert len(got[figure][0]) >= 8 and project.startswith(got[figure][0])


# ---- a project's owner named in a field holds none of the project's figures --------------------------

@pytest.mark.parametrize("project", ["云溪县废旧电池循环利用项目（一期）", "石湾秸秆综合利用工程", "青屿精密轴承项目"])
@pytest.mark.parametrize("field", ["建设单位：", "业主单位为", "项目业主为", "实施主体："])
@pytest.mark.parametrize("company", ["云溪中再金属资源有限公司", "石湾绿城物流有限公司"])
def test_an_owner_named_in_a_field_holds_no_plant_figure(project, field, company):
    text = f"{project}，{field}{company}，总投资21.3亿元，年处理废旧电池12万吨。"
    got = holders_of(text)
    for figure in ("21.3亿元", "12万吨"):
        assert got[figure][0] == project


# ---- 建设 right before the head is the project's kind (研发中心建设项目), not in a kind (重点建设项目) ----------

@pytest.mark.parametrize("name", ["云溪研发中心建设项目", "石湾标准厂房建设项目", "青屿电子信息产业园三期厂房建设项目"])
@pytest.mark.parametrize("lead", ["（2）", "2.", ""])
def test_a_building_s_construction_project_is_a_name(name, lead):
    text = f"{lead}{name}\n本项目拟使用募集资金2亿元，报告期内已投入6400万元。"
    got = holders_of(text)
    assert got["2亿元"][0] == name and got["6400万元"][0] == name


@pytest.mark.parametrize("place", ["云溪县", "石湾市"])
def test_a_kind_of_projects_is_no_name(place):
    text = f"{place}8个项目增补进2031年省重点建设项目名单，总投资50.9亿元。"
    assert "重点建设项目" not in holders_of(text)["50.9亿元"][0]


@pytest.mark.parametrize("project", ["云溪新能源重卡项目", "石湾精密铸件扩建项目"])
@pytest.mark.parametrize("site", ["选址青屿产业基地", "项目选址：云溪智造产业园", "建设地点：石湾镇青屿科技园"])
def test_a_park_named_as_the_site_holds_no_figure_after_it(project, site):
    text = f"据了解，{project}计划投资35亿元，分三期实施，{site}，用地约650亩，建成后年产2万辆。"
    got = holders_of(text)
    assert got["约650亩"][0] == project


@pytest.mark.parametrize("name", ["云溪花木智慧冷链物流园", "石湾港城物流园二期"])
@pytest.mark.parametrize("field", ["建设单位：", "业主单位为"])
def test_a_logistics_park_is_a_project(name, field):
    text = f"{name}，{field}云溪绿城物流有限公司，总投资4.6亿元，建设冷库2万平方米。"
    got = holders_of(text)
    assert got["4.6亿元"][0] == name and got["2万平方米"][0] == name


# ---- compound_tails: a head word inside a longer word (工程师) names no project ----------------------

@pytest.mark.parametrize("firm", ["云岭检测公司", "青溪新材料有限公司", "禾旭科技"])
@pytest.mark.parametrize("count", ["12名", "二十多名", "8位"])
def test_engineers_of_a_firm_are_no_project(firm, count):
    text = f"{firm}派出{count}高级工程师驻场，帮助企业投资3亿元的生产线加快调试。"
    subject, _, _ = holders_of(text)["3亿元"]
    assert subject is None or "工程" not in subject
    from lishui_analysis.extract.holders import find_holders
    assert not [h for h in find_holders(text, extract_org_mentions(text)).items if h.name.endswith("工程")]

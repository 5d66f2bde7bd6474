"""The named steps of :func:`find_holders` (stage ``holders``) and :func:`resolve` (stage
``resolve``), on invented texts: each step alone, then the whole function with one step switched
off by name (the normal result first, to show the step is what makes it)."""
import pytest

from lishui_analysis import config
from lishui_analysis.extract import figure_holder as fig
from lishui_analysis.extract import holders as hold
from lishui_analysis.extract.holder_phrases import Holder, left_edge
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.subjects import (
    HEAD_READINGS,
    HOLDER_STEPS,
    RESOLVE_STEPS,
    find_holders,
    resolve,
)


def names(holders) -> list[tuple[str, str]]:
    return [(h.name, h.kind) for h in holders]


def reading(text: str) -> hold._Reading:
    return hold._Reading(text, extract_org_mentions(text))


def step_name(stage: str, f) -> str:
    return f"{stage}.{f.__name__.lstrip('_')}"


# ---- the lists themselves -------------------------------------------------------------------

def test_the_steps_in_their_order():
    assert [step_name("holders", f) for f in HOLDER_STEPS] == [
        "holders.count_first", "holders.count_last", "holders.counted_others", "holders.coded_plots",
        "holders.head_phrases", "holders.firm_categories", "holders.industries", "holders.treasuries",
        "holders.trade_names", "holders.organizations", "holders.regions", "holders.area_batches",
        "holders.this_batch", "holders.builders", "holders.short_forms", "holders.sole_owner", "holders.bare_heads"]
    assert [step_name("holders", f) for f in HEAD_READINGS] == [
        "holders.quoted_name", "holders.reference_back", "holders.named_phrase"]
    assert [step_name("resolve", f) for f in RESOLVE_STEPS] == [
        "resolve.area_batch", "resolve.counted_phrase", "resolve.project_name", "resolve.heading_line", "resolve.tally_of_batch", "resolve.count_and_noun",
        "resolve.count_and_words",
        "resolve.holder_after", "resolve.list_item", "resolve.list_total",
        "resolve.respective", "resolve.time_lead", "resolve.lent_to", "resolve.same_clause", "resolve.listed_before", "resolve.earlier_clauses",
        "resolve.area_statistic", "resolve.speaking_zone", "resolve.current_topic", "resolve.named_later"]


def test_nothing_switched_off_runs_the_tuples_themselves():
    assert config.active_steps("holders", HOLDER_STEPS) is HOLDER_STEPS
    assert config.active_steps("resolve", RESOLVE_STEPS) is RESOLVE_STEPS
    with config.steps_off("resolve.named_later"):
        assert config.active_steps("resolve", RESOLVE_STEPS) == RESOLVE_STEPS[:-1]


def test_the_names_other_modules_import_from_subjects_are_there():
    from lishui_analysis.extract import subjects
    for name in ("adjacent", "counted_after", "enumerated", "project_after", "find_holders", "is_general_talk",
                 "is_plural", "listed_after", "resolve", "role_of", "Holder", "Holders", "Resolved", "NONE",
                 "subject_type", "vocab"):
        assert callable(getattr(subjects, name)) or name == "NONE", name
    assert subjects.find_holders is hold.find_holders and subjects.resolve is fig.resolve


# ---- find_holders: each step alone ----------------------------------------------------------

@pytest.mark.parametrize("step, text, want", [
    (hold._count_first, "今年全县9个重点项目开工。", [("全县9个重点项目", "batch")]),
    (hold._count_first, "开工、投产两个类别的项目。", []),
    (hold._count_last, "园区现有入驻企业35家。", [("入驻企业35家", "batch")]),
    (hold._counted_others, "已建成6个院士工作站。", [("6个院士工作站", "other")]),
    (hold._coded_plots, "云岭B-12-3a地块起拍价8.5亿元。", [("B-12-3a地块", "plot")]),
    (hold._head_phrases, "青田云岭科技智能装备产业园项目开工。", [("青田云岭科技智能装备产业园项目", "project")]),
    (hold._head_phrases, "该项目投资2亿元。", [("该项目", "generic")]),
    (hold._firm_categories, "今年，规上企业实现产值12亿元。", [("规上企业", "batch")]),
    (hold._industries, "云和县木制玩具产业完成产值8.5亿元。", [("云和县木制玩具产业", "batch")]),
    (hold._treasuries, "县级财政拨款500万元。", [("县级财政", "government")]),
    (hold._trade_names, "杭州云岭将在青田建设新工厂。", [("杭州云岭", "company")]),
    (hold._organizations, "云岭科技有限公司营收增长20%。", [("云岭科技有限公司", "company")]),
    (hold._regions, "青田全年实现产值8.5亿元。", [("青田", "region")]),
    (hold._regions, "青田云岭科技有限公司开业。", []),
])
def test_a_holder_step_alone(step, text, want):
    r = reading(text)
    step(r)
    assert names(r.found) == want


def test_an_organization_named_for_a_person_is_an_affiliation():
    r = reading("云岭科技有限公司董事长张明介绍。")
    hold._organizations(r)
    assert [(h.name, h.affiliation) for h in r.found] == [("云岭科技有限公司", True)]


def test_a_holder_never_overlaps_one_taken_before():
    r = reading("今年全县9个重点项目开工。")
    hold._count_first(r)
    hold._head_phrases(r)  # 重点项目 lies inside the counted phrase
    assert names(r.found) == [("全县9个重点项目", "batch")]


def test_this_batch_alone_names_a_batch_referred_back_to():
    r = reading("全县9个重点项目开工。此次开工项目有9个。")
    r.take(Holder(11, 20, "此次开工项目有9个", "batch"))  # taken first: the step reads them in text order
    r.take(Holder(0, 8, "全县9个重点项目", "batch"))
    hold._this_batch(r)
    assert [(h.start, h.name) for h in r.found] == [(11, "全县9个重点项目"), (0, "全县9个重点项目")]


def test_this_batch_alone_leaves_a_first_batch_as_written():
    r = reading("此次开工项目有9个。")
    r.take(Holder(0, 9, "此次开工项目有9个", "batch"))
    hold._this_batch(r)
    assert names(r.found) == [("此次开工项目有9个", "batch")]


@pytest.mark.parametrize("read, text, claims, want", [
    (hold._quoted_name, "“高精度云台芯片封装工艺研究”项目通过验收。", True, [("“高精度云台芯片封装工艺研究”项目", "project")]),
    (hold._quoted_name, "“快落地”项目开工。", False, []),
    (hold._reference_back, "该项目投资2亿元。", True, [("该项目", "generic")]),
    (hold._reference_back, "云岭电池材料项目投资2亿元。", False, []),
    (hold._named_phrase, "云岭科技电池材料项目投资2亿元。", True, [("云岭科技电池材料项目", "project")]),
    (hold._named_phrase, "首期项目年内完工。", True, [("首期项目", "generic")]),
    (hold._named_phrase, "1亿元以上项目有6个。", True, []),
    (hold._named_phrase, "文成县民间投资重大项目集中开工。", True, [("文成县民间投资重大项目", "batch")]),
    (hold._named_phrase, "青田被评为中国石雕生产基地。", True, [("中国石雕生产基地", "title")]),
    (hold._named_phrase, "云岭科技有限公司（以下简称“云岭”）电池材料项目签约。", True, [("云岭电池材料项目", "project")]),
])
def test_a_head_phrase_reading_alone(read, text, claims, want):
    r = reading(text)
    m = r.v["head_re"].search(text)
    assert read(r, m, left_edge(text, m.start(), 0)) is claims
    assert names(r.found) == want


# ---- find_holders with one step switched off ------------------------------------------------

HOLDER_OFF = [
    ("holders.count_first", "今年共引进12家优质企业。", [("12家优质企业", "batch")], []),
    ("holders.count_last", "园区现有入驻企业35家。", [("入驻企业35家", "batch")], []),
    ("holders.counted_others", "已建成6个院士工作站。", [("6个院士工作站", "other")], []),
    ("holders.coded_plots", "云岭B-12-3a地块起拍价8.5亿元。", [("B-12-3a地块", "plot")], [("云岭B-12-3a地块", "generic")]),
    ("holders.head_phrases", "云岭科技有限公司在青田建设电池材料项目。",
     [("云岭科技有限公司", "company"), ("云岭科技有限公司电池材料项目", "project")], [("云岭科技有限公司", "company")]),
    ("holders.builder_subject", "云岭科技有限公司在青田建设电池材料项目。",
     [("云岭科技有限公司", "company"), ("云岭科技有限公司电池材料项目", "project")],
     [("云岭科技有限公司", "company"), ("电池材料项目", "project")]),
    ("holders.product_list", "浙江云岭科技有限公司正极、负极和隔膜材料项目开工。",
     [("浙江云岭科技有限公司正极、负极和隔膜材料项目", "project")],
     [("浙江云岭科技有限公司", "company"), ("隔膜材料项目", "project")]),
    ("holders.period_head", "青田县一季度岭拓工程全面开工。", [("青田县一季度岭拓工程", "batch")],
     [("青田县一季度岭拓工程", "project")]),
    ("holders.zone_projects", "云溪新区项目攻坚劲头足。", [("云溪新区项目", "batch")], [("云溪新区项目", "project")]),
    ("holders.boundary", "四至：东至云溪路、南至岭拓高速。", [], [("南至岭拓高速", "project")]),
    ("holders.superlative", "全市最大的单体农业项目落地。", [("单体农业项目", "generic")], [("单体农业项目", "project")]),
    ("holders.project_goal", "该项目着力打造产学研一体化示范基地。",
     [("该项目", "generic"), ("产学研一体化示范基地", "generic")],
     [("该项目", "generic"), ("产学研一体化示范基地", "project")]),
    ("holders.framed", "这是星河集团继云岭晶圆项目之后的第二个项目。",
     [("云岭晶圆项目", "project"), ("第二个项目", "generic")],
     [("这是星河集团继云岭晶圆项目", "project"), ("第二个项目", "generic")]),
    ("holders.short_forms", "岭拓SEA智造工厂开工。SEA智造工厂明年投产。",
     [("岭拓SEA智造工厂", "project"), ("岭拓SEA智造工厂", "project")],
     [("岭拓SEA智造工厂", "project"), ("SEA智造工厂", "project")]),
    ("holders.quoted_name", "“高精度云台芯片封装工艺研究”项目通过验收。", [("“高精度云台芯片封装工艺研究”项目", "project")], []),
    ("holders.reference_back", "该项目投资2亿元。", [("该项目", "generic")], []),
    ("holders.named_phrase", "青田云岭科技智能装备产业园项目开工。", [("青田云岭科技智能装备产业园项目", "project")], []),
    ("holders.owner", "云岭科技有限公司（以下简称“云岭”）电池材料项目签约。",
     [("云岭科技有限公司", "company"), ("云岭科技有限公司", "company"), ("云岭电池材料项目", "project")],
     [("云岭科技有限公司", "company"), ("云岭科技有限公司", "company"), ("电池材料项目", "project")]),
    ("holders.place_batch", "仙居县重大产业投资重大项目集中开工。", [("仙居县重大产业投资重大项目", "batch")],
     [("重大项目", "generic")]),
    ("holders.titles", "青田被评为中国石雕生产基地。", [("中国石雕生产基地", "title")], [("中国石雕生产基地", "project")]),
    ("holders.name_start", "签约仪式上，暨星河智造基地总投资8亿元。", [("星河智造基地", "project")],
     [("暨星河智造基地", "project")]),
    ("holders.ranked_head", "第二条云岭轴承生产线投资2亿元。", [("第二条云岭轴承生产线", "generic")],
     [("第二条云岭轴承生产线", "project")]),
    ("holders.size_class", "其中，30亿级项目投资96亿元。", [("30亿级项目", "batch")], [("30亿级项目", "project")]),
    ("holders.firm_categories", "今年，规上企业实现产值12亿元。", [("规上企业", "batch")], []),
    ("holders.industries", "云和县木制玩具产业完成产值8.5亿元。", [("云和县木制玩具产业", "batch")], []),
    ("holders.treasuries", "县级财政拨款500万元。", [("县级财政", "government")], []),
    ("holders.trade_names", "杭州云岭将在青田建设新工厂。", [("杭州云岭", "company")], []),
    ("holders.organizations", "云岭科技有限公司营收增长20%。", [("云岭科技有限公司", "company")], []),
    ("holders.regions", "青田全年实现产值8.5亿元。", [("青田", "region")], []),
    ("holders.area_batches", "截至年底，云岭经开区共有专精特新企业45家。",
     [("云岭经开区", "zone"), ("云岭经开区专精特新企业45家", "batch")], [("云岭经开区", "zone"), ("专精特新企业45家", "batch")]),
    ("holders.this_batch", "全县9个重点项目开工。此次开工项目有9个。",
     [("全县9个重点项目", "batch"), ("全县9个重点项目", "batch")],
     [("全县9个重点项目", "batch"), ("此次开工项目有9个", "batch")]),
    ("holders.bare_heads", "星河智造基地总投资8亿元。基地于3月开工。", [("星河智造基地", "project"), ("星河智造基地", "project")],
     [("星河智造基地", "project")]),
]


@pytest.mark.parametrize("name, text, normal, off", HOLDER_OFF, ids=[c[0] for c in HOLDER_OFF])
def test_find_holders_with_a_step_switched_off(name, text, normal, off):
    orgs = extract_org_mentions(text)
    assert names(find_holders(text, orgs).items) == normal
    with config.steps_off(name):
        assert names(find_holders(text, orgs).items) == off
    assert names(find_holders(text, orgs).items) == normal  # back on after the block


def test_every_holder_step_has_a_switch_off_test():
    tested = {c[0] for c in HOLDER_OFF} | {"holders.builders", "holders.sole_owner"}  # (organizations: tests/test_builders.py)
    assert {step_name("holders", f) for f in HOLDER_STEPS + HEAD_READINGS} <= tested


# ---- resolve: each attempt alone ------------------------------------------------------------

def figure(text: str, surface: str, role: str = "company", event: bool = False, counted: bool = False):
    """The figure ``surface`` of ``text`` (its first occurrence), in a one-paragraph text of 。-sentences."""
    pos = text.index(surface)
    return find_holders(text, extract_org_mentions(text)), pos, pos + len(surface), text.rfind("。", 0, pos) + 1, \
        role, event, counted


def answer(r):
    return None if r is None else (r.subject, r.subject_type, r.start, r.end)


LISTED = "云岭科技电池材料项目、岭拓智能装备项目、青溪食品加工项目集中开工，总投资12亿元。"


@pytest.mark.parametrize("step, args, want", [
    (fig._area_batch, ("截至年底，云岭经开区共有专精特新企业45家、省级研发中心6家。", "6家", "company", False, True),
     ("云岭经开区省级研发中心6家", "batch", 5, 30)),
    (fig._area_batch, ("今年全县9个重点项目开工。", "9个", "company", False, True), None),
    (fig._counted_phrase, ("全县9个重点项目开工，总投资8.5亿元。", "9个", "company", False, True),
     ("全县9个重点项目", "batch", 0, 8)),
    (fig._counted_phrase, ("全县9个重点项目开工，总投资8.5亿元。", "8.5亿元"), None),
    (fig._project_name, ("年产8万吨电池材料项目开工。", "8万吨", "project"), ("年产8万吨电池材料项目", "project", 0, 11)),
    (fig._count_and_noun, ("今年将建成6个未来社区。", "6个", "company", False, True), ("6个未来社区", "batch", 5, 11)),
    (fig._count_and_noun, ("云岭科技有限公司拥有9项核心技术。", "9项", "company", False, True), None),
    (fig._count_and_words, ("今年续建23个、竣工8个。", "8个", "company", False, True), ("竣工8个", "batch", 8, 12)),
    (fig._count_and_words, ("今年续建23个、竣工8个。", "8个"), None),
    (fig._holder_after, ("岭拓集团有限公司总投资8.5亿元的云岭电池材料项目开工。", "8.5亿元", "project"),
     ("云岭电池材料项目", "project", 17, 25)),
    (fig._holder_after, ("总投资8亿元的云岭向阳智造工厂开工。", "8亿元", "project"), ("云岭向阳智造工厂", "project", 7, 15)),
    (fig._holder_after, ("云岭科技电池材料项目总投资8.5亿元。", "8.5亿元", "project"), None),
    (fig._list_item, ("今年星河镇甲方年产5万吨轴承、岭拓年产3万吨齿轮等4个项目集中开工。", "3万吨", "project"),
     ("岭拓年产3万吨齿轮", "project", 15, 24)),
    (fig._list_item, ("云岭电池材料项目总投资8亿元、用地120亩。", "120亩", "project"), None),
    (fig._list_total, ("本次集中签约项目8个，包括云岭智造项目、星河康养项目等，总投资额42.5亿元。", "42.5亿元", "project"),
     ("本次集中签约项目8个", "batch", 0, 10)),
    (fig._list_total, ("云岭智造项目、星河康养项目等一批项目开工，总投资12亿元。", "12亿元", "project"), None),
    (fig._respective, ("上半年，全县光伏产业、汽配产业、竹木产业产值分别增长12%、8.5%、6%。", "8.5%"),
     ("汽配产业", "batch", 11, 15)),
    (fig._respective, ("云岭经开区固定资产投资、工业产值分别增长8%、6%。", "6%"), None),
    (fig._time_lead, ("过去一年，星河新区全力推进招商引资。", "一年", "project"), ("星河新区", "zone", 5, 9)),
    (fig._time_lead, ("云岭科技有限公司用了两年时间建成新厂。", "两年", "project"), None),
    (fig._same_clause, ("云岭科技电池材料项目开工，岭拓智能装备项目总投资8.5亿元。", "8.5亿元", "project"),
     ("岭拓智能装备项目", "project", 13, 21)),
    (fig._same_clause, ("云岭科技电池材料项目开工，总投资8.5亿元。", "8.5亿元", "project"), None),
    (fig._listed_before, (LISTED, "12亿元", "project"), (LISTED[:28], "batch", 0, 28)),
    (fig._listed_before, (LISTED, "开工", "project", True), None),
    (fig._earlier_clauses, (LISTED, "12亿元", "project"), ("青溪食品加工项目", "project", 20, 28)),
    (fig._area_statistic, ("据统计，今年前三季度青田县地区生产总值同比增长7.2%。", "7.2%"), ("青田", "region", 10, 12)),
    (fig._area_statistic, ("地块出让条件：固定资产投资强度≥300万元/亩。", "300万元"), None),
    (fig._speaking_zone, ("青田经开区今年实现工业产值120亿元。完成固定资产投资15亿元。", "15亿元"), ("青田经开区", "zone", 0, 5)),
    (fig._speaking_zone, ("青田经开区今年实现工业产值120亿元。完成固定资产投资15亿元。", "15亿元", "company", True), None),
    (fig._current_topic, ("云岭科技电池材料项目开工。完成投资3亿元。", "3亿元", "project"), ("云岭科技电池材料项目", "project", -1, -1)),
    (fig._named_later, ("“明年就能投产。”云岭科技电池材料项目负责人说。", "明年", "project", True),
     ("云岭科技电池材料项目", "project", -1, -1)),
])
def test_a_resolve_attempt_alone(step, args, want):
    assert answer(step(fig._Figure(*figure(*args)))) == want


def test_the_earlier_clauses_are_walked_once_for_the_attempts_that_share_them():
    f = fig._Figure(*figure(LISTED, "12亿元", "project"))
    first = f.earlier
    assert f.earlier is first and f.__dict__["earlier"] is first


# ---- resolve with one attempt switched off --------------------------------------------------

RESOLVE_OFF = [
    ("resolve.area_batch", ("截至年底，云岭经开区认定省级研发中心6家、重点实验室2家。", "2家", "company", False, True),
     ("云岭经开区重点实验室2家", "batch", 5, 28), ("重点实验室2家", "batch", 21, 28)),
    ("resolve.counted_phrase", ("全县9个重点项目开工，总投资8.5亿元。", "9个", "company", False, True),
     ("全县9个重点项目", "batch", 0, 8), ("全县9个", "batch", 0, 4)),
    ("resolve.project_name", ("年产8万吨电池材料项目开工。", "8万吨", "project"),
     ("年产8万吨电池材料项目", "project", 0, 11), ("", "", -1, -1)),
    ("resolve.tally_of_batch", ("全县计划新开工12个项目，截至9月底，已开工9个。", "9个", "company", False, True),
     ("全县计划新开工12个项目", "batch", 0, 12), ("已开工9个", "batch", 19, 24)),
    ("resolve.count_and_noun", ("今年将建成6个未来社区。", "6个", "company", False, True),
     ("6个未来社区", "batch", 5, 11), ("将建成6个", "batch", 2, 7)),
    ("resolve.count_and_words", ("今年续建23个、竣工8个。", "8个", "company", False, True),
     ("竣工8个", "batch", 8, 12), ("", "", -1, -1)),
    ("resolve.holder_after", ("岭拓集团有限公司总投资8.5亿元的云岭电池材料项目开工。", "8.5亿元", "project"),
     ("云岭电池材料项目", "project", 17, 25), ("岭拓集团有限公司", "project", 0, 8)),
    ("resolve.list_item", ("新开工的还有云岭机械年产20万台水泵及配套工程项目、青溪食品加工项目等。", "20万台", "project"),
     ("云岭机械年产20万台水泵及配套工程项目", "project", 6, 25), ("青溪食品加工项目", "project", -1, -1)),
    ("resolve.list_total", ("此次投产项目分智能装备类项目、新材料类项目等三大类共26个，总投资超90亿元。", "90亿元", "project"),
     ("此次投产项目", "batch", 0, 6), ("此次投产项目分智能装备类项目、新材料类项目", "batch", 0, 21)),
    ("resolve.respective", ("全区新签约、新开工亿元以上项目分别达30个和12个。", "12个", "company", False, True),
     ("新开工亿元以上项目12个", "batch", 6, 25), ("全区新开工亿元以上项目分别达30个", "batch", 6, 21)),
    ("resolve.time_lead", ("经过近十年的培育，云岭经开区已成为产业高地。", "十年", "project"),
     ("云岭经开区", "zone", 9, 14), ("", "", -1, -1)),
    ("resolve.same_clause", ("云岭科技电池材料项目开工，岭拓智能装备项目总投资8.5亿元。", "8.5亿元", "project"),
     ("岭拓智能装备项目", "project", 13, 21), ("云岭科技电池材料项目", "project", 0, 10)),
    ("resolve.listed_before", (LISTED, "12亿元", "project"),
     (LISTED[:28], "batch", 0, 28), ("青溪食品加工项目", "project", 20, 28)),
    ("resolve.earlier_clauses", ("青田县今年成绩亮眼，实现产值120亿元。", "120亿元"), ("青田", "region", 0, 2), ("", "", -1, -1)),
    ("resolve.area_statistic", ("据统计，今年前三季度青田县地区生产总值同比增长7.2%。", "7.2%"),
     ("青田", "region", 10, 12), ("", "", -1, -1)),
    ("resolve.speaking_zone", ("青田经开区今年实现工业产值120亿元。完成项目投资15亿元。", "15亿元"),
     ("青田经开区", "zone", 0, 5), ("", "", -1, -1)),
    ("resolve.current_topic", ("云岭科技电池材料项目开工。完成投资3亿元。", "3亿元", "project"),
     ("云岭科技电池材料项目", "project", -1, -1), ("", "", -1, -1)),
    ("resolve.lent_to", ("岭拓储能电池项目开工。星河银行云岭支行为项目授信15亿元。", "15亿元", "project"),
     ("岭拓储能电池项目", "project", 0, 8), ("星河银行云岭支行", "project", 11, 19)),
    ("resolve.heading_line", ("岭拓项目总投资3亿元。\n▍储能：11个月从签约到投产\n云岭科技电池材料项目去年签约。", "11个月", "project"),
     ("云岭科技电池材料项目", "project", -1, -1), ("岭拓项目", "project", -1, -1)),
    ("resolve.named_later", ("“明年就能投产。”云岭科技电池材料项目负责人说。", "明年", "project", True),
     ("云岭科技电池材料项目", "project", -1, -1), ("", "", -1, -1)),
]


@pytest.mark.parametrize("name, args, normal, off", RESOLVE_OFF, ids=[c[0] for c in RESOLVE_OFF])
def test_resolve_with_an_attempt_switched_off(name, args, normal, off):
    assert answer(resolve(*figure(*args))) == normal
    with config.steps_off(name):
        assert answer(resolve(*figure(*args))) == off
    assert answer(resolve(*figure(*args))) == normal


def test_every_resolve_attempt_has_a_switch_off_test():
    assert {step_name("resolve", f) for f in RESOLVE_STEPS} == {c[0] for c in RESOLVE_OFF}

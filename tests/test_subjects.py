"""Holders of figures and milestones (extract/subjects.py), on texts written for the purpose.

Each test is one grammatical class: a counted batch, a project after its figure, a reference
back, an official's body, a zone as a place, enumerations, talk in general, conditions."""
import pytest

from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.quantities import extract_quantities
from lishui_analysis.extract.subjects import find_holders
from lishui_analysis.ingest.segment import split_sentences


def quants(text, pub="2024-12-20", headline=""):
    orgs = extract_org_mentions(text)
    return extract_quantities(text, split_sentences(text), orgs, pub, find_holders(text, orgs, headline))


def events(text, pub="2024-12-20", headline=""):
    orgs = extract_org_mentions(text)
    return extract_events(text, split_sentences(text), extract_dates(text, pub), orgs, pub,
                          find_holders(text, orgs, headline))


def holder(qs, surface):
    q = next(q for q in qs if q.surface == surface)
    return q.subject, q.subject_type


@pytest.mark.parametrize("text, surface, want", [
    ("今年全市共有12个重大项目集中开工，总投资93.7亿元。", "93.7亿元", ("12个重大项目", "batch")),
    ("今年全市共有12个重大项目集中开工，总投资93.7亿元。", "12个", ("12个重大项目", "batch")),
    ("其中社会事业项目5项，总投资10.5亿元。", "10.5亿元", ("社会事业项目5项", "batch")),
    ("园区现有入园企业140家，规上企业62家。", "62家", ("规上企业62家", "batch")),
    ("其中5亿元以上项目有16个。", "16个", ("5亿元以上项目有16个", "batch")),
    ("一季度新开工41个、投产17个。", "17个", ("投产17个", "batch")),
    ("今年将建成4个创新转化圈。", "4个", ("4个创新转化圈", "batch")),
])
def test_a_count_of_projects_or_companies_is_a_batch_and_holds_the_sum(text, surface, want):
    assert holder(quants(text), surface) == want


def test_counts_of_owned_things_are_the_owners():
    qs = quants("浙江方圆电机有限公司拥有9项核心技术，营收增长35%。")
    assert holder(qs, "9项")[0] == "浙江方圆电机有限公司"


@pytest.mark.parametrize("text, surface, key, stype", [
    ("总投资11.6亿元的汽车轻量化铝型材项目已进入设备调试阶段。", "11.6亿元", "铝型材项目", "project"),
    ("中国农机研究院投资18.5亿元建设高端农业装备制造基地。", "18.5亿元", "农业装备制造基地", "project"),
])
def test_a_project_after_its_figure(text, surface, key, stype):
    subject, subject_type = holder(quants(text), surface)
    assert key in subject and subject_type == stype


def test_a_reference_back_is_the_current_project():
    text = ("丽水星河半导体项目总投资40亿元。首期建设项目年产120万片硅片，该项目预计2026年全部达产。")
    qs = quants(text)
    assert holder(qs, "120万片") == ("丽水星河半导体项目", "project")
    ev = events(text)
    assert [(e.event_type, e.subject, e.date) for e in ev] == [("full_capacity", "丽水星河半导体项目", "2026")]


def test_descriptions_are_not_project_names():
    h = find_holders("附属厂房和未来工厂都已完工，中高端酒店也开业了。", [])
    assert {x.kind for x in h.items if x.name in ("附属厂房", "未来工厂", "中高端酒店")} <= {"generic"}
    named = find_holders("丽水机场、330国道和熊出没小镇项目。", [])
    kinds = {x.name: x.kind for x in named.items}
    assert kinds["丽水机场"] == "project" and kinds["330国道"] == "project"


def test_a_company_holds_its_revenue_its_plant_holds_the_investment():
    text = "浙江星河材料有限公司2023年营收2.06亿元。浙江星河材料有限公司新厂总投资5亿元，用地80亩。"
    qs = quants(text)
    assert holder(qs, "2.06亿元") == ("浙江星河材料有限公司", "company")
    assert holder(qs, "80亩") == ("浙江星河材料有限公司", "project")


def test_officials_and_bodies_are_never_holders():
    text = ("浙江星河材料有限公司年产10万吨新材料项目于6月开工。市国资公司董事长张三、"
            "市发改委主任李四等出席开工仪式。项目总投资5亿元。")
    qs = quants(text)
    assert "星河" in holder(qs, "5亿元")[0]
    ev = events(text)
    assert [e.subject for e in ev if e.event_type == "construction_started"] == ["浙江星河材料有限公司年产10万吨新材料项目"]
    assert ev[0].n_mentions == 2  # the groundbreaking and the ceremony where officials attended it


def test_a_body_holds_the_funds_it_grants():
    text = "省科技厅下达补助资金250万元。"
    assert holder(quants(text), "250万元") == ("省科技厅", "government")


def test_a_zone_holds_a_figure_only_when_it_opens_the_clause():
    qs = quants("丽水经开区实现规上工业产值150亿元。")
    assert holder(qs, "150亿元") == ("丽水经开区", "zone")
    ev = events("浙江星河材料有限公司于2023年9月落户丽水经开区。")
    assert [(e.event_type, e.subject, e.subject_type) for e in ev] == [
        ("settled", "浙江星河材料有限公司", "company")]


def test_each_listed_holder_gets_the_milestone():
    text = "2月28日，星河生物产业园（一期）、228国道灵昆段、赐方商业大厦项目参加今天的集中开工活动。"
    ev = events(text, "2019-02-28")
    names = [e.subject for e in ev]
    assert len(names) == 3 and "228国道灵昆段" in names and "赐方商业大厦项目" in names
    assert {e.date for e in ev} == {"2019-02-28"}


def test_items_before_a_plural_summary_are_the_holders():
    ev = events("当天，温州服装城、重大服装商贸、时尚智造小镇等一系列项目签约落地。", "2023-07-26")
    assert [e.subject for e in ev] == ["温州服装城", "重大服装商贸", "时尚智造小镇"]


@pytest.mark.parametrize("text", [
    "要加快推动项目早落地、早投产。",
    "一旦项目落地，将带动就业。",
    "这批项目的开工建设，将起到积极的推动作用。",
    "为何这么多“大好高”项目选择落地乐清？",
    "浙江星河材料有限公司项目建成达产后，可形成年产18亿片的能力。",
    "待项目投产，预计可实现年产值4.2亿元。",
    "春节后开工第一天，浙江星河材料有限公司机器开工率达90%。",
])
def test_talk_in_general_conditions_and_questions_are_no_milestones(text):
    assert [(e.event_type, e.subject) for e in events(text)] == []


def test_a_dated_plan_with_hou_is_a_milestone():
    ev = events("丽水星河半导体项目预计2026年全部达产后可实现年产值50亿元。")
    assert [(e.event_type, e.date, e.planned) for e in ev] == [("full_capacity", "2026", True)]


def test_the_start_of_a_span_of_time_is_no_milestone():
    ev = events("浙江星河材料有限公司新厂从开工到全部结顶，仅用了8个月。")
    assert [e.event_type for e in ev] == ["topped_out"]


def test_one_row_per_milestone_the_first_dated_statement_is_its_provenance():
    text = ("浙江星河材料有限公司新材料项目顺利封顶。该项目于2024年9月封顶，"
            "项目封顶标志着建设进入新阶段。")
    ev = events(text)
    assert [(e.event_type, e.date, e.n_mentions) for e in ev] == [("topped_out", "2024-09", 3)]
    assert text[ev[0].start:ev[0].end] == "封顶" and "2024年9月" in ev[0].sentence


def test_a_quotation_opening_an_article_belongs_to_the_speakers_company():
    text = "“按这个速度，明年7月就能正式投用。”浙江星河材料有限公司负责人张三说。"
    ev = events(text)
    assert [(e.event_type, e.date, e.subject, e.subject_type) for e in ev] == [
        ("production_start", "2025-07", "浙江星河材料有限公司", "project")]


def test_a_plot_named_by_its_code_holds_a_sale_notices_figures():
    text = ("本次出让星河二期B-03-2b地块，出让面积64351平方米。"
            "其他要求：项目总投资48000万元，固定资产投资强度500万元/亩。")
    qs = quants(text)
    for surface in ("64351平方米", "48000万元", "500万元/亩"):
        subject, subject_type = holder(qs, surface)
        assert "B-03-2b" in subject and subject_type == "other", surface
    qs = quants("永嘉县工202299国有建设用地位于桥头镇，起始总价约1.59亿元。地块占地约295.7亩。")
    assert "202299" in holder(qs, "约295.7亩")[0]


def test_quoted_projects_side_by_side_each_get_the_milestone():
    ev = events("年内，“星河药业制剂项目”“景明生物项目”“高远医药项目”签约落地。", "2021-12-30")
    assert [e.subject for e in ev] == ["星河药业制剂项目", "景明生物项目", "高远医药项目"]


def test_holders_listed_after_the_verb():
    ev = events("2月12日，星河大厦项目开工。当天同步开工的，还有江桥路停车综合体、钱锦学校、锦南新城人才房二期等项目。",
                "2023-02-13")
    names = [e.subject for e in ev]
    assert names == ["星河大厦项目", "江桥路停车综合体", "钱锦学校", "锦南新城人才房二期"]
    assert {e.date for e in ev} == {"2023-02-12"}


def test_today_counts_from_the_dateline_kept_in_the_byline():
    from lishui_analysis.tables.document import dateline_day

    assert dateline_day("本报北京9月28日电", "2011-09-29") == "2011-09-28"
    assert dateline_day("本报讯（记者 张三）", "2011-09-29") == ""
    assert dateline_day("本报杭州12月31日电", "2012-01-02") == "2011-12-31"
    body = "今天与湖州市签约的还有中国星河集团。"
    ds = extract_dates(body, "2011-09-29", "2011-09-28")
    assert [(d.surface, d.date) for d in ds] == [("今天", "2011-09-28")]


def test_a_zone_speaking_as_subject_holds_the_figures_that_follow():
    text = ("星河开发区现有入园企业140家。\n截至2023年底，完成固定资产投资8.38亿元，完成年度任务的104.7%。")
    qs = quants(text)
    assert holder(qs, "140家") == ("入园企业140家", "batch")
    assert holder(qs, "8.38亿元") == ("星河开发区", "zone")
    qs = quants("星河开发区现有入园企业140家。浙江星河材料有限公司完成产值8.38亿元。")
    assert holder(qs, "8.38亿元")[0] == "浙江星河材料有限公司"


def test_a_step_told_in_sequence_is_a_milestone_a_condition_is_none():
    text = "9月28日，星河开发区管委会主任张三与中国星河集团签约后，露出了笑容。"
    ev = events(text, "2011-09-29")
    assert [(e.event_type, e.subject, e.date) for e in ev] == [("settled", "中国星河集团", "2011-09-28")]
    assert events("浙江星河材料有限公司项目投产后将年产10万吨。") == []


def test_a_places_projects_are_one_batch():
    ev = events("17日上午，宁波市奉化区扩大有效投资重大项目集中开工活动在锦屏中学迁建工程现场举行。", "2020-11-18")
    assert [(e.subject, e.subject_type, e.date) for e in ev] == [
        ("宁波市奉化区扩大有效投资重大项目", "batch", "2020-11-17")]


def test_a_ceremony_and_its_detail_share_their_day_mixed_milestones_of_a_whole_batch_are_none():
    ev = events("6月9日，浙江进行全省重大项目签约仪式，共签约34个项目。", "2017-06-10")
    assert {(e.subject, e.date) for e in ev} == {("34个项目", "2017-06-09")}
    ev = events("当天，77个重大项目集中开工投产投运。其中新开工41个。", "2024-04-11")
    assert [(e.event_type, e.subject) for e in ev] == [("construction_started", "开工41个")]


def test_a_figure_restated_in_another_currency_and_a_copula_naming_the_project():
    qs = quants("最大外资项目是湖州的星河华东运营总部项目，总投资为60.7亿元（8.8亿美元）。", "2017-06-10")
    assert [(q.surface, q.subject, q.metric) for q in qs] == [
        ("60.7亿元", "星河华东运营总部项目", "investment"), ("8.8亿美元", "星河华东运营总部项目", "investment")]


def test_a_place_and_a_trade_name_opening_a_clause_hold_what_follows():
    qs = quants("上海星网将在玲珑街道建起一个建筑面积约20万平方米的现代化智能产业园，预计2024年建成。")
    assert holder(qs, "约20万平方米") == ("上海星网", "project")
    qs = quants("当历史的指针指向新的刻度，莲都用25年的跨越式发展，地区生产总值增长到596.86亿元。")
    assert holder(qs, "596.86亿元") == ("莲都", "region")


def test_a_figure_inside_a_project_name_and_figures_of_that_project():
    text = ("7月12日，星河工业地块由浙江星河药品包装有限公司摘得，计划建设年产50亿套高端药包材生产基地项目。"
            "该项目建成达产后将实现年销售额5.2亿元。")
    qs = quants(text)
    assert "药包材" in holder(qs, "50亿套")[0] and "药包材" in holder(qs, "5.2亿元")[0]


@pytest.mark.parametrize("text", [
    "项目快签约、快落地，源于高素质的招商队伍。",
    "星河电子项目达产后亩均产值520万元/亩。",
    "全面推进北部振兴接续落地工程指挥部的工作。",
])
def test_slogans_outcomes_and_names_holding_a_verb_are_no_milestones(text):
    assert events("浙江星河电子有限公司新厂。" + text) == []


def test_how_long_a_milestone_took_gives_it_no_date():
    text = "3月15日，兰溪市星河医院启用。该医院历时18个月建设完成。"
    ev = {(e.event_type, e.date) for e in events(text, "2025-03-16")}
    assert ("production_start", "2025-03-15") in ev and ("completed", "") in ev


def test_a_place_a_holder_stands_at_is_not_its_holder():
    qs = quants("星河生物科技产业园（一期）位于瓯江口产业集聚区，总用地面积约102亩。")
    assert holder(qs, "约102亩")[0] == "星河生物科技产业园（一期）"


def test_a_figure_after_a_list_of_holders_is_the_lists_sum():
    qs = quants("其中，星河生物产业园、228国道灵昆段、赐方商业大厦项目参加今天的集中开工活动，总投资超30亿元。")
    subject, subject_type = holder(qs, "超30亿元")
    assert subject_type == "batch" and "星河生物产业园" in subject and "赐方商业大厦项目" in subject


def test_a_name_after_de_keeps_characters_a_one_character_break_cut_off():
    qs = quants("在长兴经济技术开发区，总投资66亿元的深向三电系统智慧工厂已完成桩基施工。")
    assert holder(qs, "66亿元") == ("深向三电系统智慧工厂", "project")


def test_moving_into_a_new_plant_a_year_naming_a_batch_and_cumulative_counts():
    ev = events("浙江星河机械有限公司预计今年年底就可以搬入新厂房。", "2021-08-01")
    assert [(e.event_type, e.planned) for e in ev] == [("production_start", True)]
    ev = events("2024年第一个工作日，诸暨举行2024年首批招商项目集中签约仪式，28个重大项目现场签约。", "2024-01-03")
    assert ("28个重大项目", "2024-01") in {(e.subject, e.date) for e in ev}
    assert events("丽水累计落地半导体项目96个。", "2025-07-20") == []


def test_a_reference_in_a_quotation_opening_its_paragraph_is_the_project_named_after_it():
    text = ("星河智能驾驶项目去年签约。\n“这个项目签约后15天摘牌，现在已经开始打桩了。”招商处干部张三介绍，"
            "唯明柔性液晶膜项目作为首批集中签约项目之一。")
    ev = events(text, "2024-01-20")
    assert {e.subject for e in ev if e.event_type == "land_acquired"} == {"唯明柔性液晶膜项目"}


def test_a_figure_inside_a_coded_plot_and_a_list_summed_up():
    qs = quants("7月12日，开发区七百秧H-12-9面积49.6亩工业地块成功挂牌出让。")
    assert "H-12-9" in holder(qs, "49.6亩")[0]
    qs = quants("丽水机场、衢宁铁路、青田水利枢纽工程等一批10亿元以上项目有序推进，预计完成投资232亿元。")
    assert holder(qs, "232亿元") == ("丽水机场、衢宁铁路、青田水利枢纽工程等一批10亿元以上项目", "batch")


def test_a_companys_milestone_for_the_project_it_names_and_a_batch_named_after_ben_ci():
    ev = events("7月12日，星河工业地块挂牌出让，由浙江星河药品包装有限公司摘得，计划建设年产50亿套高端药包材生产基地项目。",
                "2022-07-20")
    assert [(e.event_type, e.subject) for e in ev] == [("land_acquired", "年产50亿套高端药包材生产基地项目")]
    ev = events("14日，萧山区举行重大项目集中开工仪式。本次集中开工9个重大项目，总投资125亿元。", "2017-09-15")
    assert ("construction_started", "9个重大项目", "2017-09-14") in {(e.event_type, e.subject, e.date) for e in ev}


def test_the_projects_of_a_named_campaign_are_one_batch():
    ev = events("今年1月13日莲都成功举办“星河莲都 破冰启航”重大项目集中签约仪式。", "2022-09-17")
    assert [(e.subject, e.subject_type, e.date) for e in ev] == [("“星河莲都 破冰启航”重大项目", "batch", "2022-01-13")]
    assert events("这个“新质生产力”项目签约落地。") == []  # a quoted label before a bare 项目 names nothing


def test_a_purpose_clause_after_a_figure_names_its_project():
    qs = quants("按照协议，中国星河工业集团将在湖州投资18.5亿元，打造高端农业装备制造基地。")
    assert holder(qs, "18.5亿元") == ("高端农业装备制造基地", "project")


def test_a_long_quoted_project_name_and_a_treasurys_grant():
    text = ("“星河芯片光学缺陷检测装备关键技术与应用研究”项目入选科技特派团项目。"
            "项目总投资625万元，获批省财政拟拨款经费250万元。")
    qs = quants(text)
    assert holder(qs, "625万元") == ("“星河芯片光学缺陷检测装备关键技术与应用研究”项目", "project")
    assert holder(qs, "250万元") == ("省财政", "government")


def test_categories_of_firms_industries_shares_and_semicolon_statements():
    qs = quants("截至2023年底，投产企业143家。1-12月投产企业完成工业总产值68.21亿元，同比增长6.73%；实现税收19563.97万元。")
    assert holder(qs, "68.21亿元") == ("投产企业", "batch") and holder(qs, "19563.97万元") == ("投产企业", "batch")
    qs = quants("今年1—6月，排名前30的规上企业产值占370家规上企业总产值的48.1%。")
    assert holder(qs, "48.1%") == ("排名前30的规上企业", "batch")
    qs = quants("2021年，钱塘区生命健康产业完成产值473.26亿元，比上年增长8.7%。")
    assert holder(qs, "473.26亿元") == ("钱塘区生命健康产业", "batch")


def test_a_batch_of_ci_ci_is_the_batch_named_before():
    qs = quants("17日，宁波市奉化区扩大有效投资重大项目集中开工活动举行。此次开工重大项目有18项，总投资212.2亿元。")
    assert holder(qs, "212.2亿元") == ("宁波市奉化区扩大有效投资重大项目", "batch")


def test_purpose_clauses_with_a_place_or_a_modifier_name_the_project():
    qs = quants("其中，中国星河风力发电股份有限公司投资20亿元，在太湖边建设风力发电场，年发电量将达3亿度。")
    assert holder(qs, "20亿元")[0] == "风力发电场" and holder(qs, "3亿度")[0] == "风力发电场"
    qs = quants("按照协议，星河集团将在湖州投资18.5亿元，打造国际领先的高端农业装备制造基地。")
    assert holder(qs, "18.5亿元")[0] == "高端农业装备制造基地"


def test_a_project_after_a_dash_and_its_companys_later_sales():
    text = ("丽水经开区的重点项目和样板工程——浙江星河半导体有限公司功率器件加工线项目一期工程正式通线投产。"
            "该项目达产后可实现月生产晶圆5万片。计划到2025年，年总体销售规模超过5亿元。")
    qs = quants(text, "2024-01-10")
    assert holder(qs, "超过5亿元")[0] == "浙江星河半导体有限公司功率器件加工线项目一期工程"

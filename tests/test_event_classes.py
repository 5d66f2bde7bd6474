"""Milestones by class of text (issue #17): each class a template, varied in names, numbers, order
and punctuation. Every name, place and figure here is invented.
"""
import pytest

from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.holders import find_holders
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.quantities import extract_quantities
from lishui_analysis.ingest.segment import split_sentences

PUB = "2025-06-18"


def events_of(text, pub=PUB):
    return extract_events(text, split_sentences(text), extract_dates(text, pub), extract_org_mentions(text), pub)


def rows(text, pub=PUB):
    return [(e.event_type, e.subject, e.subject_type, e.date) for e in events_of(text, pub)]


# ---- a tally: the verb, its head and the count after it (新开工项目15个) -------------------------

TALLY_VERBS = [("新开工", "construction_started"), ("集中开工", "construction_started"), ("开工", "construction_started"),
               ("集中签约", "settled"), ("竣工", "completed"), ("集中竣工", "completed")]


@pytest.mark.parametrize("verb, etype", TALLY_VERBS)
@pytest.mark.parametrize("lead, kept, n, place", [("其中", "", "12", "丹枫县"), ("", "", "7", "石湾区"),
                                                  ("据悉，本次", "本次", "23", "云溪镇")])
def test_a_tally_is_its_batch_milestone(verb, etype, lead, kept, n, place):
    # (其中 opens the clause, 本次 is part of the batch's name)
    text = f"3月12日，{place}举行重点项目集中活动。{lead}{verb}项目{n}个，总投资41.5亿元。"
    got = [r for r in rows(text) if r[0] == etype]
    assert got == [(etype, f"{kept}{verb}项目{n}个", "batch", "2025-03-12")]


@pytest.mark.parametrize("n, verb", [("17", "集中开工"), ("五", "开工"), ("9", "新开工")])
def test_a_verb_naming_a_kind_of_project_counted_before_it_is_no_tally(n, verb):
    # 17个省集中开工项目: projects of a provincial list, counted before the verb; the clause says
    # something else of them (纳统率)
    text = f"白沙县{n}个省{verb}项目投资纳统率达100%，建设进度良好。"
    assert [r for r in rows(text) if r[0] == "construction_started"] == []


# ---- 本次/此次 + a counted phrase: the batch counted before, unless its count differs -------------

def _batches(text):
    return [h.name for h in find_holders(text, extract_org_mentions(text)).items if h.kind == "batch"]


@pytest.mark.parametrize("det", ["本次", "此次"])
@pytest.mark.parametrize("whole, part", [("38", "5"), ("二十", "六"), ("12", "12"), ("七", "七")])
def test_a_batch_referred_back_to_keeps_its_own_count(det, whole, part):
    text = f"4月2日，临江区举行活动，合计项目{whole}个，总投资88亿元。{det}签约项目{part}个，总投资31亿元。"
    same = whole == part
    assert _batches(text) == [f"合计项目{whole}个", f"合计项目{whole}个" if same else f"{det}签约项目{part}个"]


# ---- a period of months within a year (1-4月, 截至11月底): the year of a tally ----------------------

@pytest.mark.parametrize("period", ["1-{m}月", "1—{m}月份", "1至{m}月", "截至{m}月底", "截止{m}月末", "截至{m}月"])
@pytest.mark.parametrize("m, pub, year", [(4, "2025-05-16", "2025"), (11, "2018-12-08", "2018"), (9, "2021-10-02", "2021")])
def test_a_period_of_months_dates_its_tally_by_the_year(period, m, pub, year):
    p = period.format(m=m)
    text = f"青岚县重点项目进展顺利。{p}，新开工项目{m + 3}个，开工率达九成。"
    assert rows(text, pub) == [("construction_started", f"新开工项目{m + 3}个", "batch", year)]
    ds = [d for d in extract_dates(text, pub) if d.surface == p]
    assert [(d.date, d.precision, d.kind) for d in ds] == [(year, "year", "period")]


def test_a_year_written_alone_before_a_period_is_its_year():
    assert [d.date for d in extract_dates("2023年，1-6月签约项目9个。", "2025-05-16")] == ["2023", "2023"]
    # after a month of another year, the period is the publication's year
    assert [d.date for d in extract_dates("2023年11月签约，1-3月完成投资2亿元。", "2024-05-16")] == ["2023-11", "2024"]


@pytest.mark.parametrize("text", ["工期3至5个月。", "2024年1-4月开工7个。", "3月5日至4月签约"])
def test_what_is_no_period(text):
    assert [d.kind for d in extract_dates(text, "2025-05-16")].count("period") == 0


def test_a_period_is_not_carried_to_another_sentence():
    # 截至10月底 is the span of a tally: the undated start in the next sentence is not dated by it
    text = "截至10月底，文溪大桥已完成投资4.2亿元。南岸配套道路工程也已开工建设。"
    assert rows(text, "2018-12-08") == [("construction_started", "南岸配套道路工程", "project", "")]


def test_the_period_step_switches_off():
    from lishui_analysis import config
    with config.steps_off("dates.month_period"):
        assert extract_dates("1-4月开工7个。", "2025-05-16") == []


# ---- facilities counted or sized (10条生产线, 3000座位体育馆) are what a project builds ---------------

@pytest.mark.parametrize("facility", ["12条碳纤维生产线", "6座保温仓库", "20多条生产线", "3000座位体育馆", "4栋标准厂房",
                                      "八台发电机组"])
@pytest.mark.parametrize("project", ["栖霞湾新材料产业园项目", "青屿精工智能装备基地"])
def test_a_counted_facility_is_the_current_projects(facility, project):
    text = f"{project}总投资18亿元，主要建设{facility}。目前主体已封顶，预计9月投产。"
    assert [(t, s) for t, s, _, _ in rows(text)] == [("topped_out", project), ("production_start", project)]
    hs = find_holders(text, extract_org_mentions(text)).items
    assert [h.kind for h in hs if h.name == facility] in ([], ["generic"])


@pytest.mark.parametrize("place, det, part", [("衢州市开化县", "本次", "开工项目有6个"), ("丽水市庆元县", "此次", "集中开工项目共14项")])
def test_a_batch_referred_back_to_takes_an_uncounted_batchs_name(place, det, part):
    text = f"9日，{place}民间投资重大项目集中开工。{det}{part}，总投资20亿元。"
    assert _batches(text) == [f"{place}民间投资重大项目"] * 2


# ---- a paragraph on a company named after the last project is about the company ----------------------

@pytest.mark.parametrize("project, company", [("栖霞湾新材料产业园", "浙江岚舟新材料科技有限公司"),
                                              ("青屿智能装备基地项目", "丹枫精工股份有限公司")])
@pytest.mark.parametrize("said", ["该项目{d}开工，目前主体已封顶", "项目于{d}动工建设；目前厂房已经封顶"])
def test_a_later_paragraph_on_a_company_is_about_the_company(project, company, said):
    text = (f"今年全区推进{project}等重点项目建设。\n{company}是一家新材料企业，总投资12亿元。"
            f"{said.format(d='2024年3月')}。")
    got = rows(text)
    assert ("construction_started", company, "project", "2024-03") in got
    assert all(s == company for _, s, _, _ in got)
    # in the same paragraph, the project named last stays the topic
    one = text.replace("\n", "")
    assert {s for _, s, _, _ in rows(one)} == {project}


# ---- a year naming a batch (2025年第一批) dates no milestone of a later sentence -------------------

@pytest.mark.parametrize("named", ["2025年第一批", "2025年首批", "2025年第3批", "2025年度重点"])
@pytest.mark.parametrize("day, n", [("1月6日", 12), ("1月8日上午", 7)])
def test_a_year_naming_a_batch_is_not_carried(named, day, n):
    text = (f"{day}，丹枫县{named}重大项目集中开竣工仪式举行。集中开竣工的40个项目总投资90亿元，"
            f"其中开工项目{n}个，竣工项目{40 - n}个。")
    want = "2025-01-06" if day.startswith("1月6日") else "2025-01-08"
    assert [(t, d) for t, _, _, d in rows(text, "2025-01-09")] == [("construction_started", want), ("completed", want)]


# ---- 集中 + a verb: a collective ceremony's milestone, dated by the news peg ------------------------

@pytest.mark.parametrize("verb, etype", [("集中竣工", "completed"), ("集中投产", "production_start")])
@pytest.mark.parametrize("day, pub", [("9月27日", "2024-09-28"), ("3月2日上午", "2025-03-03")])
def test_a_collective_ceremonys_tally_takes_the_news_peg(verb, etype, day, pub):
    text = (f"{day}，云溪县举行重点项目集中签约及开竣工仪式。\n东岙海洋公园\n{verb}项目14个，投资额21.3亿元。\n"
            f"来源：云溪新闻")
    want = f"{pub[:4]}-{day[:day.index('月')].zfill(2)}-{day[day.index('月') + 1:day.index('日')].zfill(2)}"
    assert rows(text, pub) == [(etype, f"{verb}项目14个", "batch", want)]


def test_a_completion_without_jizhong_is_not_the_ceremonys():
    text = "9月27日，云溪县举行重点项目集中签约仪式。\n东岙海洋公园\n已竣工项目14个，投资额21.3亿元。"
    # not the ceremony's day: a tally's period, the year of the last date before it (events.tally_period)
    assert [d for *_, d in rows(text, "2024-09-28")] == ["2024"]


# ---- 完成主体(施工/结构): the main structure done, a topping out ---------------------------------------

@pytest.mark.parametrize("said, date", [("今年7月完成主体施工", "2025-07"), ("已于3月完成主体结构建设", "2025-03"),
                                        ("5月底，厂房主体结构完成", "2025-05")])
@pytest.mark.parametrize("project", ["栖霞湾新材料产业园项目", "青屿智能装备基地"])
def test_the_main_structure_done_is_a_topping_out(said, date, project):
    assert rows(f"{project}{said}，明年竣工。") == [("topped_out", project, "project", date),
                                                    ("completed", project, "project", "2026")]


# ---- 安装设备 (设备安装 in verb-object order), 满产 (达产) ---------------------------------------------

@pytest.mark.parametrize("project", ["栖霞湾光伏组件项目", "青屿精工智能装备基地"])
@pytest.mark.parametrize("a, b", [("8", "11"), ("三", "十")])
def test_installing_equipment_and_full_production(project, a, b):
    text = f"{project}2024年{a}月安装设备，预计2025年{b}月实现满产。"
    got = [(t, d) for t, s, _, d in rows(text, "2024-12-20") if s == project]
    m = lambda x: {"三": "03", "十": "10"}.get(x, x.zfill(2))  # noqa: E731
    assert got == [("equipment_move_in", f"2024-{m(a)}"), ("full_capacity", f"2025-{m(b)}")]


@pytest.mark.parametrize("state", ["满产满销", "满产运行", "满产状态"])
def test_full_production_as_a_state_is_no_milestone(state):
    assert rows(f"栖霞湾光伏组件项目目前处于{state}。") == []


# ---- 一月一签约: "once a month", no January ------------------------------------------------------------

@pytest.mark.parametrize("slogan", ["一月一签约", "一月一调度", "一月一通报"])
@pytest.mark.parametrize("day, pub", [("10月15日", "2025-10-17"), ("6月3日", "2024-06-05")])
def test_once_a_month_is_no_january(slogan, day, pub):
    text = f"{day}，全市“{slogan}”活动在青岚县举行，现场签约5个亿元以上项目。"
    assert [d for *_, d in rows(text, pub)] == [f"{pub[:4]}-{day[:day.index('月')].zfill(2)}-{day[day.index('月') + 1:-1].zfill(2)}"]
    assert all(not d.date.endswith("-01") for d in extract_dates(text, pub))


@pytest.mark.parametrize("text, want", [("一月一日开工。", "2025-01"), ("一月十五日投产。", "2025-01"), ("一月投产。", "2025-01")])
def test_january_written_in_numerals_stays_a_date(text, want):
    assert [d.date for d in extract_dates(text, "2025-10-17")] == [want]


# ---- now + 已 (目前厂房已经封顶): done by now, at a time the text does not tell ---------------------------

@pytest.mark.parametrize("now", ["目前", "现在", "如今"])
@pytest.mark.parametrize("said, etype", [("厂房已经结顶", "topped_out"), ("一期已正式投产", "production_start"),
                                         ("已完成设备安装", "equipment_move_in")])
def test_done_by_now_has_no_date(now, said, etype):
    text = f"栖霞湾新材料项目于2024年3月8日开工，{now}{said}，预计明年竣工。"
    got = {t: d for t, _, _, d in rows(text, "2025-02-03")}
    assert got["construction_started"] == "2024-03-08" and got[etype] == "" and got["completed"] == "2026"


@pytest.mark.parametrize("said, etype", [("目前正式投产", "production_start"), ("主体刚结顶", "topped_out"),
                                         ("现在也完成主体结构封顶", "topped_out")])
def test_happening_now_takes_the_publication_month(said, etype):
    text = f"栖霞湾新材料项目于2024年3月8日开工，{said}。"
    assert {t: d for t, _, _, d in rows(text, "2025-02-03")}[etype] == "2025-02"


def test_done_by_now_in_a_clause_of_its_own():
    text = "3月2日，青岚县举行签约仪式。\n目前，岚舟新材料有限公司已入驻园区。"
    assert [d for *_, d in rows(text, "2025-03-05")] == [""]


# ---- bare places before a shared name (甲县、乙县两县…工程) are no items of a list ----------------------

@pytest.mark.parametrize("places, n", [(["缙云", "松阳", "庆元"], "三"), (["龙泉", "遂昌"], "两")])
@pytest.mark.parametrize("verb", ["均已开工建设", "已于10月竣工"])
def test_places_naming_one_project_are_no_items(places, n, verb):
    text = f"{'、'.join(places)}{n}县（市）客运站配套工程{verb}。"
    got = rows(text, "2024-11-20")
    assert len(got) == 1 and got[0][1].endswith("客运站配套工程")


def test_projects_listed_stay_items():
    text = "岚舟新材料项目、青屿精工项目、栖霞湾物流园项目均已开工建设。"
    assert [s for _, s, _, _ in rows(text, "2024-11-20")] == ["岚舟新材料项目", "青屿精工项目", "栖霞湾物流园项目"]


@pytest.mark.parametrize("year, pub", [("2022", "2023-02-21"), ("2019", "2020-01-08")])
def test_the_whole_year_is_the_year_last_named(year, pub):
    text = f"{year}年，青岚经开区经济稳中有进。\n项目建设提速，全年新开工项目31个，竣工项目12个。"
    assert ("construction_started", "全年新开工项目31个", "batch", year) in rows(text, pub)
    # with no year named before it, the publication's
    assert [d.date for d in extract_dates("全年签约项目9个。", pub)] == [pub[:4]]


@pytest.mark.parametrize("company, short", [("浙江岚舟新材料科技有限公司", "岚舟新材料"), ("丹枫精工股份有限公司", "丹枫精工")])
def test_a_later_paragraph_on_the_projects_own_company_keeps_the_project(company, short):
    text = (f"5月6日，{company}（以下简称“{short}”）年产5万吨电池隔膜项目开工。\n"
            f"{short}成立于2011年。项目计划于2026年6月投产。")
    got = [(t, s) for t, s, _, _ in rows(text)]
    assert got == [("construction_started", f"{short}年产5万吨电池隔膜项目"), ("production_start", f"{short}年产5万吨电池隔膜项目")]


# ---- 保障 (to ensure), as 确保: talk in general --------------------------------------------------------

@pytest.mark.parametrize("talk", ["为保障工程如期建成、按时投产", "保障栖霞湾项目早日投产", "全力保障项目按期竣工"])
def test_ensuring_a_milestone_is_no_milestone(talk):
    text = f"栖霞湾新材料项目2024年3月开工。{talk}，园区成立了服务专班。"
    assert [t for t, *_ in rows(text)] == ["construction_started"]


# ---- imminence after the verb: in sight, not done (投产在望, 竣工在即) ------------------------------

@pytest.mark.parametrize("name", ["宁波禾旭新材料项目", "澜岳智造基地", "栖梧科创园二期工程"])
@pytest.mark.parametrize("verb, etype", [("投产", "production_start"), ("竣工", "completed"), ("开工", "construction_started")])
@pytest.mark.parametrize("word", ["在望", "在即", "指日可待"])
def test_a_milestone_in_sight_is_planned(name, verb, etype, word):
    text = f"目前，{name}各项准备工作基本就绪，{verb}{word}。"
    events = events_of(text)
    assert [(e.event_type, e.planned) for e in events if e.event_type == etype] == [(etype, True)]
    done = text.replace(f"{verb}{word}", f"已于3月{verb}")
    events = events_of(done)
    assert [(e.event_type, e.planned) for e in events if e.event_type == etype] == [(etype, False)]


@pytest.mark.parametrize("chain, etypes", [("建成投产", ("completed", "production_start")),
                                           ("竣工投用", ("completed", "production_start"))])
def test_a_chain_of_milestones_in_sight_is_planned_whole(chain, etypes):
    text = f"目前，宁波禾旭新材料项目{chain}在望，配套设施同步推进。"
    events = events_of(text)
    assert {(e.event_type, e.planned) for e in events} == {(t, True) for t in etypes}


# ---- projects in general: an indefinite quantifier makes no holder (更多好项目落地生根) --------------

@pytest.mark.parametrize("q", ["更多", "越来越多的", "一大批", "诸多", "大量", "许多"])
@pytest.mark.parametrize("verb", ["落地生根", "集中开工", "建成投产"])
def test_projects_spoken_of_in_general_hold_no_milestone(q, verb):
    text = f"澜岳园区要让{q}优质项目{verb}，开花结果。"
    assert rows(text) == []


# ---- a tally of a planned batch: 计划新开工18个项目 … 已开工14个 is the plan's batch, done ----------------

@pytest.mark.parametrize("place", ["云岭市", "全县", "石湾区"])
@pytest.mark.parametrize("verb, etype", [("新开工", "construction_started"), ("竣工", "completed"),
                                         ("开工", "construction_started")])
@pytest.mark.parametrize("n, k, when", [("18", "14", "截至10月底，已"), ("9", "6", "1-4月"), ("25", "25", "上半年已")])
def test_a_tally_after_a_planned_batch_is_that_batch_s_milestone_achieved(place, verb, etype, n, k, when):
    tally = verb.removeprefix("新")
    text = f"今年{place}计划{verb}{n}个项目，{when}{tally}{k}个，{tally}率达到较高水平。"
    events = events_of(text)
    got = [(e.event_type, e.subject_type, e.planned, e.subject_rule) for e in events]
    assert got == [(etype, "batch", False, "tally_of_batch")]
    assert f"{verb}{n}个项目" in events[0].subject and events[0].n_mentions == 2


@pytest.mark.parametrize("text, k", [("今年石湾区计划新开工20个项目。另据统计，全市已开工30个。", "30"),
                                     ("据统计，今年1-5月全市已开工14个。", "14")])
def test_a_tally_counting_more_than_the_plan_or_with_no_plan_counts_its_own_batch(text, k):
    got = [(e.subject, e.subject_rule) for e in events_of(text) if not e.planned]
    assert got == [(f"开工{k}个", "batch_after")]


@pytest.mark.parametrize("verb", ["开工", "竣工", "投产", "签约", "达产"])
@pytest.mark.parametrize("place", ["云溪镇", "石湾区重点项目"])
def test_a_milestone_verb_naming_a_rate_is_no_milestone(verb, place):
    assert rows(f"5月，{place}{verb}率达到86%，居全市前列。") == []


# ---- a construction period in years starts and ends the building (建设工期2031—2033年) ---------------

@pytest.mark.parametrize("word", ["建设工期", "建设周期", "建设期", "建设年限", "建设起止年限"])
@pytest.mark.parametrize("rng, start, end", [("2026—2028年", "2026", "2028"), ("为2025-2027年", "2025", "2027"),
                                             ("2026年至2029年", "2026", "2029"), ("：2025～2026年", "2025", "2026"),
                                             ("：2025-2027", "2025", "2027")])
@pytest.mark.parametrize("project", ["云溪科创中心项目", "石湾精密铸件项目"])
def test_a_construction_period_in_years_gives_its_start_and_planned_completion(word, rng, start, end, project):
    text = f"{project}总投资3.2亿元，{word}{rng}，当年计划投资0.4亿元。"
    events = events_of(text)
    assert [(e.event_type, e.subject, e.date) for e in events] == [("construction_started", project, start),
                                                                    ("completed", project, end)]
    assert events[1].planned


@pytest.mark.parametrize("told, date", [("3月开工", "2026-03"), ("已于去年开工", "2025")])
@pytest.mark.parametrize("name", ["云溪科创中心", "石湾精密铸件"])
def test_a_start_told_besides_the_period_is_the_one_start(told, date, name):
    """The period's first year is the start a month of that year or an earlier statement tells: one row."""
    text = f"{name}项目{told}。{name}项目建设工期2026—2028年，总投资3.2亿元。"
    got = [(e.event_type, e.date) for e in events_of(text, "2026-05-01") if e.event_type == "construction_started"]
    assert got == [("construction_started", date)]
    later = f"{name}项目，总投资3.2亿元，建设年限：2026-2028，计划8月开工。"  # (a plan table's row)
    got = [(e.event_type, e.date) for e in events_of(later, "2026-05-01") if e.event_type == "construction_started"]
    assert got == [("construction_started", "2026-08")]


@pytest.mark.parametrize("tail", ["36个月", "紧、任务重", "为两年半"])
def test_a_construction_period_not_in_years_is_no_milestone(tail):
    assert rows(f"云溪科创中心项目总投资3.2亿元，建设工期{tail}。") == []


# ---- a plan word inside a name is the name's; settling in takes no ceremony's day ------------------

@pytest.mark.parametrize("name", ["云岭未来智能研究院", "松溪拟态材料研究院", "石湾未来社区项目"])
@pytest.mark.parametrize("verb, etype", [("落地石湾科技城", "settled"), ("正式开工", "construction_started")])
def test_a_plan_word_inside_a_holder_s_name_plans_nothing(name, verb, etype):
    text = f"3月5日，{name}{verb}，配套设施同步推进。"
    got = [(e.event_type, e.subject, e.planned) for e in events_of(text)]
    assert (etype, name, False) in got


@pytest.mark.parametrize("verb", ["落地", "落户", "入驻"])
def test_settling_in_takes_no_ceremony_s_day_from_another_paragraph(verb):
    text = ("3月5日上午，石湾区举行重大项目集中开工仪式，18个项目集中开工。\n"
            f"云岭精密铸件研究院{verb}石湾科技城，拟建中试基地。")
    got = [(e.event_type, e.subject, e.date) for e in events_of(text) if e.event_type == "settled"]
    assert got == [("settled", "云岭精密铸件研究院", "")]


def test_a_signing_told_without_a_date_takes_the_ceremony_s_day():
    text = "3月5日上午，石湾区举行重大项目集中签约仪式。\n云岭精密铸件项目签约，总投资8亿元。"
    got = [(e.event_type, e.date) for e in events_of(text)]
    assert ("settled", "2025-03-05") in got


@pytest.mark.parametrize("places", [("遂川", "崇义", "临泉"), ("吴川", "峨边", "涟水")])
def test_bare_places_of_any_province_listed_before_a_project_are_no_items(places):
    """Places of the general lexicon (jieba's ns entries), not only of regions.csv, name a project's sites."""
    text = f"3月5日，{'、'.join(places)}三县火车站配套工程均已开工建设。"
    assert all(r[1] not in places for r in rows(text))


# ---- a verb of signing settles only with an agreement as its object ------------------------------

@pytest.mark.parametrize("company", ["云岭精密铸件有限公司", "松溪拟态材料股份有限公司"])
@pytest.mark.parametrize("verb", ["签订", "签署了", "正式签订"])
@pytest.mark.parametrize("obj", ["投资协议", "项目投资合同", "入园合作协议书"])
def test_signing_an_agreement_is_a_settlement(company, verb, obj):
    text = f"3月5日，{company}与石湾镇{verb}{obj}，项目总投资6亿元。"
    assert ("settled", company, "2025-03-05") in [(e.event_type, e.subject, e.date) for e in events_of(text)]


@pytest.mark.parametrize("obj", ["安全生产承诺书", "意见", "责任状", "了名字，随后离开会场，协议另行商定"])
def test_signing_anything_but_an_agreement_settles_nothing(obj):
    text = f"3月5日，云岭精密铸件有限公司负责人签署{obj}。"
    assert [e for e in events_of(text) if e.event_type == "settled"] == []


# ---- synonyms of the milestone verbs; a date never opens a holder's name; a plan is not dated before ----

@pytest.mark.parametrize("verb, etype", [("开建", "construction_started"), ("主体完工", "topped_out"),
                                         ("主体竣工", "topped_out"), ("正式交付使用", "production_start")])
@pytest.mark.parametrize("name", ["云岭精密铸件项目", "石湾镇卫生院迁建工程"])
def test_synonyms_of_the_milestone_verbs(verb, etype, name):
    got = [(e, s, d) for e, s, _, d in rows(f"{name}于4月30日{verb}，各项工作有序推进。")]
    assert (etype, name, "2025-04-30") in got


@pytest.mark.parametrize("date", ["6月10日", "今年3月", "5月中旬", "2025年4月", "三月"])
@pytest.mark.parametrize("part", ["首条产线", "二号厂房", "一期生产线"])
def test_a_date_opening_a_clause_is_no_part_of_a_holder_s_name(date, part):
    text = f"云岭精密铸件项目位于石湾经济开发区。{date}{part}顺利封顶，进展顺利。"
    subjects = [s for _, s, _, _ in rows(text)]
    assert subjects and all(not s.startswith(date) and date not in s for s in subjects)


@pytest.mark.parametrize("done", ["3月18日破土动工", "3月18日开工建设"])
@pytest.mark.parametrize("plan", ["计划年底前建成投用", "力争年内建成", "预计年底前完工"])
def test_a_plan_takes_its_own_period_not_an_earlier_day_of_the_sentence(done, plan):
    text = f"云岭精密铸件项目{done}，{plan}。"
    planned = [(e.event_type, e.date) for e in events_of(text) if e.planned]
    assert planned and all(d == "2025" for _, d in planned)


@pytest.mark.parametrize("period", ["一季度", "第一季度", "上半年"])
def test_a_quarter_opening_a_clause_is_no_part_of_a_batch_s_name(period):
    text = f"据了解，{period}石湾经开区共有12个项目开工，总投资86亿元。"
    got = [(e.event_type, e.subject_type, e.date) for e in events_of(text) if not e.subject.startswith(period)]
    assert ("construction_started", "batch", "2025") in got


# ---- taking a right to land, verb … object; a document's title names no holder ------------------

@pytest.mark.parametrize("verb", ["取得", "成功获得", "获批"])
@pytest.mark.parametrize("obj", ["位于石湾经济开发区的一宗国有建设用地使用权", "86亩土地使用权", "该地块不动产权证"])
def test_taking_a_right_to_land_is_land_acquired(verb, obj):
    text = f"5月8日，云岭精密铸件有限公司{verb}{obj}，项目进入建设阶段。"
    assert ("land_acquired", "2025-05-08") in [(e.event_type, e.date) for e in events_of(text)]


@pytest.mark.parametrize("obj", ["显著成效", "了良好的经济效益", "各方一致认可，土地使用权另行商定"])
def test_taking_anything_else_acquires_no_land(obj):
    text = f"5月8日，云岭精密铸件有限公司取得{obj}。"
    assert [e for e in events_of(text) if e.event_type == "land_acquired"] == []


@pytest.mark.parametrize("title", ["《建筑工程施工许可证》", "《云岭新区智能装备产业园项目投资协议》"])
def test_a_document_s_title_names_no_holder(title):
    text = f"5月8日，云岭精密铸件有限公司取得了{title}，项目于5月20日正式开工。"
    got = [(e.event_type, e.subject) for e in events_of(text)]
    assert got and all("《" not in s and s not in title for _, s in got)


@pytest.mark.parametrize("people", ["区委书记王刚、云岭集团董事长李明", "董事长陈刚和区长赵刚"])
def test_a_name_ending_in_just_does_not_date_a_milestone_now(people):
    text = f"6月3日上午，石湾区与云岭集团举行精密铸件项目签约仪式。{people}出席并见证签约。"
    assert [e.date for e in events_of(text) if e.event_type == "settled" and e.date == "2025-06"] == []


@pytest.mark.parametrize("adverb", ["刚刚", "刚", "刚刚顺利"])
def test_just_right_before_its_verb_dates_a_milestone_now(adverb):
    text = f"云岭精密铸件项目主体{adverb}结顶，内部装修同步推进。"
    assert ("topped_out", "2025-06") in [(e.event_type, e.date) for e in events_of(text)]


# ---- a trial run before a production start told in the same sentence is the first output ----------

@pytest.mark.parametrize("trial", ["试产", "试生产", "进行试生产"])
@pytest.mark.parametrize("start", ["年底前正式投产", "11月实现投产"])
def test_a_trial_run_before_its_production_start_is_the_first_output(trial, start):
    text = f"云岭精密铸件项目计划9月{trial}，{start}。"
    got = {(e.event_type, e.date) for e in events_of(text)}
    assert ("first_output", "2025-09") in got and ("production_start", "2025-09") not in got


@pytest.mark.parametrize("trial", ["试产", "试生产"])
def test_a_trial_run_alone_is_the_production_start(trial):
    text = f"云岭精密铸件项目计划9月{trial}。另一个项目松溪拟态材料项目11月投产。"
    assert ("production_start", "2025-09", "云岭精密铸件项目") in \
        [(e.event_type, e.date, e.subject) for e in events_of(text)]


# ---- a tally with a size class between its verb and head; a running total of a tally --------------

@pytest.mark.parametrize("verb, etype", [("签约", "settled"), ("新开工", "construction_started"), ("竣工", "completed")])
@pytest.mark.parametrize("size", ["亿元以上", "10亿元以上产业", "超亿元重点"])
@pytest.mark.parametrize("lead", ["1—5月，全区", "今年以来，石湾经开区已累计"])
def test_a_tally_with_a_size_class_is_so_many_milestones_in_the_year(verb, etype, size, lead):
    text = f"{lead}{verb}{size}项目27个，完成投资35亿元。"
    got = [(e.event_type, e.subject_type, e.date) for e in events_of(text)]
    assert (etype, "batch", "2025") in got


@pytest.mark.parametrize("text", ["累计落地项目带动就业3000人。", "石湾经开区累计开工的项目，大多数已经投产见效。"])
def test_a_running_total_without_a_count_is_talk_in_general(text):
    assert [e for e in events_of(text) if e.event_type in ("settled", "construction_started")] == []


# ---- a counted batch's members listed after its verb, all of them ----------------------------------

@pytest.mark.parametrize("opener", ["分别是", "分别为："])
@pytest.mark.parametrize("verb, etype", [("完成竣工验收", "completed"), ("正式开工", "construction_started")])
def test_all_members_listed_after_a_batch_s_verb_each_have_the_milestone(opener, verb, etype):
    text = (f"5月8日，石湾新城另有3个项目{verb}，{opener}云岭新能源科技有限公司年产2GWh电池项目、"
            "松溪化工有限公司技改项目和园区供热管网二期工程。")
    got = {(e.event_type, e.subject) for e in events_of(text)}
    assert {(etype, "松溪化工有限公司技改项目"), (etype, "园区供热管网二期工程")} <= got


@pytest.mark.parametrize("items", ["云岭电池项目、松溪化工技改项目等", "云岭电池项目和松溪化工技改项目"])
def test_a_partial_or_short_list_after_a_batch_s_verb_gives_no_member_the_milestone(items):
    text = f"5月8日，石湾新城3个项目完成竣工验收，分别是{items}。"
    assert [e.subject for e in events_of(text) if e.subject_type != "batch"] == []


@pytest.mark.parametrize("start", ["去年8月开工", "2024年3月动工"])
@pytest.mark.parametrize("end", ["到今天首件产品下线", "到5月主体结顶"])
def test_a_dated_start_of_a_span_is_a_milestone_of_its_own(start, end):
    text = f"云岭精密铸件项目从{start}{end}，历时15个月。"
    assert "construction_started" in {e.event_type for e in events_of(text)}


@pytest.mark.parametrize("text", ["云岭精密铸件项目从拿地到开工只用了60天。", "从签约到开工，云岭精密铸件项目仅用45天。"])
def test_an_undated_start_of_a_span_measures_it(text):
    got = {e.event_type for e in events_of(text)}
    assert "land_acquired" not in got and "settled" not in got


def test_a_last_member_joined_by_and_is_read_to_the_batch_s_count():
    text = ("5月8日，石湾新城另有3个项目完成竣工验收，分别是云岭新能源科技有限公司年产2GWh钠离子电池项目、"
            "松溪化工有限公司节能降耗技改项目和园区集中供热管网二期工程。")
    got = {e.subject for e in events_of(text) if e.event_type == "completed"}
    assert {"松溪化工有限公司节能降耗技改项目", "园区集中供热管网二期工程"} <= got


@pytest.mark.parametrize("since", ["自今年3月8日进场以来", "从3月8日进场起", "自3月8日开工以来"])
@pytest.mark.parametrize("took", ["仅用126天实现首栋厂房封顶", "历时四个月完成主体结顶"])
def test_a_date_opening_a_span_does_not_date_the_milestone_its_length_measures(since, took):
    text = f"云岭新能源电池基地项目{since}，{took}。"
    assert ("topped_out", "2025-03-08") not in [(e.event_type, e.date) for e in events_of(text)]


@pytest.mark.parametrize("what", ["20亿元银团贷款正式落地", "一批扶持政策加快落地", "产业基金顺利落地", "首笔授信资金落地"])
def test_money_or_a_policy_landing_is_no_settlement(what):
    text = f"3月18日，云岭银行牵头的{what}，支持星河半导体项目建设。"
    assert [e for e in events_of(text) if e.event_type == "settled"] == []


@pytest.mark.parametrize("loan", ["发放贷款20亿元", "授信超20亿元", "提供银团贷款20亿元"])
def test_a_loan_is_funding(loan):
    text = f"3月18日，云岭银行向星河半导体项目{loan}。"
    q = [x for x in extract_quantities(text, split_sentences(text), extract_org_mentions(text)) if x.unit == "CNY"]
    assert [x.metric for x in q] == ["funding"]


# ---- a list's marker opens no name and carries no news peg; a negated milestone did not happen -----

def test_items_of_a_numbered_report_are_named_without_their_marks_and_dated_on_their_own():
    text = ("二、项目进展\n（一）云岭锂电新材料项目。3月15日开工，目前1号厂房已结顶。\n"
            "（二）石湾港综合枢纽工程。已完成桩基施工，预计年底主体完工。\n")
    got = [(e.event_type, e.subject, e.date) for e in events_of(text)]
    assert ("construction_started", "云岭锂电新材料项目", "2025-03-15") in got
    assert ("construction_started", "石湾港综合枢纽工程", "") in got
    assert not any(s.startswith(("（", "(")) for _, s, _ in got)


@pytest.mark.parametrize("neg", ["尚未", "至今没有", "暂未", "还未正式"])
@pytest.mark.parametrize("verb", ["开工", "投产"])
def test_a_negated_milestone_did_not_happen(neg, verb):
    text = f"云岭精密铸件项目原计划5月{verb}，因用地报批滞后，目前{neg}{verb}。"
    got = [(e.event_type, e.planned) for e in events_of(text)]
    assert all(planned for _, planned in got)


@pytest.mark.parametrize("clause", ["竞买人竞得该地块后，拟另设项目公司负责开发", "企业摘牌地块后，将在三个月内开工建设"])
def test_a_verb_with_its_object_before_then_and_a_future_is_a_condition(clause):
    text = f"3月5日，石湾镇发布出让公告。{clause}。"
    assert [e for e in events_of(text) if e.event_type == "land_acquired"] == []


def test_a_verb_with_its_object_then_a_step_told_in_sequence_stays():
    text = "3月5日，云岭精密铸件有限公司竞得土地后，随即进场平整场地。"
    assert ("land_acquired", "2025-03-05") in [(e.event_type, e.date) for e in events_of(text)]


# ---- 可 and 能 make a condition only as words of their own -------------------------------------------

@pytest.mark.parametrize("rest", ["双方就智能制造展开深度合作", "随即进场平整场地，顺利完成许可审批"])
def test_a_modal_character_inside_a_word_makes_no_condition(rest):
    text = f"3月5日，云岭精密铸件项目签约后，{rest}。"
    assert ("settled", "2025-03-05") in [(e.event_type, e.date) for e in events_of(text)]


@pytest.mark.parametrize("rest", ["可实现年产值8亿元", "能够新增产值8亿元", "产能将提升一倍"])
def test_a_future_after_a_verb_then_hou_is_a_condition(rest):
    assert [e for e in events_of(f"云岭精密铸件项目投产后，{rest}。") if not e.planned] == []


@pytest.mark.parametrize("label,etype", [("计划开工日期", "construction_started"), ("计划竣工日期", "completed"),
                                         ("开工时间", "construction_started"), ("投产时间", "production_start")])
@pytest.mark.parametrize("sep", ["：", ":", "为"])
def test_a_milestone_field_takes_its_value_as_its_date(label, etype, sep):
    """A notice's field (计划开工日期：2025年3月15日) dates its milestone by its value."""
    text = f"项目名称：星河智造产业园标准厂房工程\n{label}{sep}2026年3月15日\n"
    ev = [e for e in events_of(text, "2025-12-01") if e.event_type == etype]
    assert ev and ev[0].date == "2026-03-15" and ev[0].planned


@pytest.mark.parametrize("verb,etype", [("进驻", "settled"), ("实现满负荷生产", "full_capacity")])
def test_moving_in_and_full_load_production_are_milestones(verb, etype):
    text = f"星河光电年产800万颗镜头模组项目于2023年5月{verb}。"
    assert (etype, "2023-05") in [(e.event_type, e.date) for e in events_of(text, "2025-05-20")]


@pytest.mark.parametrize("since", ["该项目自2021年12月开工以来", "项目于2021年12月动工以来", "自2021年12月进场以来"])
def test_the_start_of_a_span_to_now_dates_no_later_milestone(since):
    """自2021年12月开工以来，… dates the start; a milestone told after it came later, at a time not told."""
    text = f"星河运动综合体项目稳步推进。{since}，先后克服了多项施工难题。当前项目已顺利完成主体结构施工。"
    tops = [e for e in events_of(text, "2023-11-16") if e.event_type == "topped_out"]
    assert tops and tops[0].date != "2021-12"


def test_this_year_since_still_dates_a_later_milestone_by_the_year():
    text = "今年以来，星河园区招商成效明显。云岭精工年产5万台减速机项目签约落地。"
    assert [(e.event_type, e.date) for e in events_of(text, "2025-06-18")] == [("settled", "2025")]


# ---- a year or quarter naming a batch (2026年一季度重大项目) dates no milestone --------------------

@pytest.mark.parametrize("period", ["2026年一季度", "2026年", "今年二季度"])
@pytest.mark.parametrize("noun", ["重大项目", "重点项目", "重大产业项目"])
@pytest.mark.parametrize("day, verb", [("3月5日", "开工"), ("5月18日", "签约")])
def test_a_period_naming_a_batch_does_not_date_the_ceremonys_tally(period, noun, day, verb):
    text = f"{day}上午，澜岳经开区{period}{noun}集中{verb}活动在岭拓项目现场举行。此次集中{verb}项目31个，总投资56.8亿元。"
    pub = "2026-06-18"
    dated = {(e.subject, e.date) for e in events_of(text, pub) if "31个" in e.subject}
    assert dated == {(f"此次集中{verb}项目31个", f"2026-{day[0]:0>2}-{day[2:-1]:0>2}")}


# ---- 进场 with the equipment before it, adverbs between (设备陆续进场) -------------------------------

@pytest.mark.parametrize("adverbs", ["陆续", "已全部", "就要开始", "全部"])
@pytest.mark.parametrize("what", ["设备", "生产线"])
def test_equipment_entering_with_adverbs_between_is_its_move_in(adverbs, what):
    text = f"今年3月，岭拓储能电池项目{what}{adverbs}进场。"
    got = rows(text)
    assert len(got) == 1 and got[0][0] == "equipment_move_in" and got[0][1].startswith("岭拓储能电池项目")


@pytest.mark.parametrize("who", ["施工队伍", "建设者们", "设备供应商的工程师在6月中旬逐步"])
def test_others_entering_the_site_is_no_move_in(who):
    assert rows(f"今年3月，岭拓储能电池项目{who}进场。") == []


# ---- what 标志着 marks came on the day of the event that marks it ---------------------------------

@pytest.mark.parametrize("day", ["7月28日", "6月3日"])
@pytest.mark.parametrize("event, marked, etype", [("首片电池片下线", "正式投产", "production_start"),
                                                  ("最后一根钢梁吊装到位", "主体结构顺利封顶", "topped_out")])
@pytest.mark.parametrize("sep", ["，", "。这"])
def test_a_milestone_marked_by_an_event_takes_its_day(day, event, marked, etype, sep):
    text = f"{day}，岭拓光伏年产10GW电池片项目{event}{sep}标志着该项目{marked}。"
    got = [(t, d) for t, _, _, d in rows(text, "2025-08-11") if t == etype]
    month, d = day[:-1].split("月")
    assert got == [(etype, f"2025-{int(month):02d}-{int(d):02d}")]


def test_a_planned_marked_milestone_takes_no_day():
    text = "7月28日，岭拓光伏项目签约，标志着该项目将于明年投产。"
    assert [d for t, _, _, d in rows(text, "2025-08-11") if t == "production_start"] == ["2026"]


# ---- an item listed after the verb that a modifier opens is the holder ending it ------------------

@pytest.mark.parametrize("modifier", ["由澜岳高新区产业投资集团有限公司投资的", "总投资5亿元的", "占地80亩的"])
def test_a_listed_item_opened_by_a_modifier_is_its_holder(modifier):
    text = f"同日开工的还有岭拓汽车零部件有限公司底盘件项目、{modifier}钛产业孵化园项目等。"
    got = {s for t, s, _, _ in rows(text) if t == "construction_started"}
    assert "钛产业孵化园项目" in got and not any(s.startswith(modifier[:2]) for s in got)


# ---- the month and the day of one milestone are one row (the day's) ------------------------------

@pytest.mark.parametrize("first, second", [
    ("6月26日，岭拓碳纤维项目正式投产。", "从去年8月签约到今年6月投产，只用了10个月。"),
    ("从去年8月签约到今年6月投产，岭拓碳纤维项目只用了10个月。", "6月26日，该项目正式投产。"),
])
def test_a_milestone_told_by_its_month_and_its_day_is_one_row(first, second):
    got = [(t, d) for t, _, _, d in rows(first + second, "2024-06-28") if t == "production_start"]
    assert got == [("production_start", "2024-06-26")]


def test_two_days_of_one_month_stay_two_rows():
    text = "6月3日，岭拓碳纤维项目一期投产。6月26日，该项目二期投产。"
    assert len([t for t, _, _, _ in rows(text, "2024-06-28") if t == "production_start"]) == 2


def test_a_plan_and_a_fact_of_one_month_stay_apart():
    text = "岭拓碳纤维项目计划今年6月投产。6月26日，该项目正式投产。"
    got = sorted(d for t, _, _, d in rows(text, "2024-05-28") if t == "production_start")
    assert got == ["2024-06", "2024-06-26"]


@pytest.mark.parametrize("verb", ["主体结构完工", "主体结构竣工", "主体完工", "主体结构完成"])
def test_the_main_structure_finished_is_topped_out_not_completed(verb):
    assert [t for t, _, _, _ in rows(f"岭拓氢能电堆项目今年2月开工，7月{verb}。")] == ["construction_started", "topped_out"]


# ---- a listed company's report: ready for its intended use is completion; a revised date ---------------

@pytest.mark.parametrize("verb", ["达到预定可使用状态", "达到可使用状态"])
@pytest.mark.parametrize("project", ["云溪新材料年产5万吨项目", "石湾精密铸件项目"])
@pytest.mark.parametrize("first, second, link", [("2031年3月31日", "2031年12月31日", "调整至"),
                                                 ("2031年6月30日", "2032年6月30日", "延期至"),
                                                 ("2031年9月30日", "2031年12月31日", "推迟到")])
def test_ready_for_use_is_completion_at_the_revised_date(verb, project, first, second, link):
    text = f"公司召开董事会，同意将{project}{verb}日期由{first}{link}{second}。"
    got = [(e.event_type, e.subject, e.date) for e in events_of(text, "2031-04-20")]
    y, rest = second.split("年")
    m, d = rest.rstrip("日").split("月")
    assert got == [("completed", project, f"{y}-{int(m):02d}-{int(d):02d}")]
    plain = f"{project}截至报告期末投资进度为41.2%，预计{verb}日期为{first}。"
    assert [e.event_type for e in events_of(plain, "2031-01-20")] == ["completed"]


# ---- a planned tally is dated by the plan's year --------------------------------------------------

@pytest.mark.parametrize("lead", ["{y}年市级重点工业项目共143个，总投资2210亿元。其中，续建项目87个，",
                                  "{y}年，全县安排重点项目88个。", "为推进{y}年度重点项目建设，"])
@pytest.mark.parametrize("y, pub", [("2031", "2031-02-20"), ("2032", "2031-12-28")])
@pytest.mark.parametrize("verb", ["计划新开工项目65个", "计划竣工项目12个"])
def test_a_planned_tally_takes_the_plan_s_year(lead, y, pub, verb):
    text = lead.format(y=y) + verb + "。"
    got = [(e.date, e.planned) for e in events_of(text, pub)]
    assert got == [(y, True)]


# ---- a year in a campaign's name dates no milestone -----------------------------------------------

@pytest.mark.parametrize("campaign", ["{y}年第一季度重大项目", "{y}年二季度重点项目", "{y}年春季项目", "{y}年秋季重大产业项目",
                                      "{y}年首批重大项目"])
@pytest.mark.parametrize("day, date", [("3月8日", "2031-03-08"), ("9月26日上午", "2031-09-26")])
@pytest.mark.parametrize("zone", ["云溪经济开发区", "瓯江高新区"])
@pytest.mark.parametrize("verb", ["集中开工", "同步开工"])
def test_a_campaign_s_year_does_not_date_its_batch(campaign, day, date, zone, verb):
    name = campaign.format(y="2031")
    text = f"{day}，{zone}{name}集中开工仪式举行，9个项目{verb}，总投资86亿元。"
    got = [(e.event_type, e.date) for e in events_of(text, "2031-10-08") if "9个" in e.subject]
    assert got == [("construction_started", date)]


def test_a_year_before_a_quarter_s_figures_still_dates_them():
    text = "2031年第一季度，云溪经济开发区新开工项目12个。"
    assert [e.date for e in events_of(text, "2031-04-08")] == ["2031"]

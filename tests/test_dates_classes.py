"""Date classes of issue #17 item 7, on invented text: a month word with a day, lunar dates and the
Spring Festival, 次月/次日/翌年, sequences of milestones with 前年/当年/次年/同年, a bare month in its
sentence's year, 目前 inside 项目前…, and milestones told by a duration (历时, 签约后N天).

Every text is a template: names, numbers, order and punctuation vary; none is taken from an article.
"""
from datetime import date, timedelta

import pytest

from lishui_analysis import config
from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.ingest.segment import split_sentences

CN_DAY = {1: "一", 2: "二", 3: "三", 5: "五", 9: "九", 10: "十", 12: "十二", 18: "十八", 21: "二十一", 28: "二十八"}
PROJECTS = ["松阳星河新材料项目", "青田云岭精工智能装备项目", "庆元翠峰电子项目", "缙云远帆机电产业园项目"]


def dates(text, pub):
    return [(d.surface, d.date, d.precision) for d in extract_dates(text, pub)]


def events(text, pub):
    ds = extract_dates(text, pub)
    return [(e.event_type, e.date, e.subject)
            for e in extract_events(text, split_sentences(text), ds, extract_org_mentions(text), pub)]


def month_add(y, m, k):
    y, m = divmod(y * 12 + m - 1 + k, 12)
    return y, m + 1


# ---- a month word with a day keeps the day ------------------------------------------------------

@pytest.mark.parametrize("word, shift", [("本月", 0), ("上月", -1), ("上个月", -1), ("下月", 1), ("下个月", 1)])
@pytest.mark.parametrize("day", [1, 9, 12, 21, 28])
@pytest.mark.parametrize("suffix", ["日", "号"])
@pytest.mark.parametrize("arabic", [True, False])
@pytest.mark.parametrize("pub", ["2024-12-20", "2025-01-05", "2023-07-31"])
def test_a_month_word_keeps_its_day(word, shift, day, suffix, arabic, pub):
    y, m = month_add(int(pub[:4]), int(pub[5:7]), shift)
    written = f"{word}{day if arabic else CN_DAY[day]}{suffix}"
    text = f"缙云远帆机电产业园项目{written}开工。"
    assert dates(text, pub) == [(written, f"{y:04d}-{m:02d}-{day:02d}", "day")]


@pytest.mark.parametrize("first, month", [("2023年6月", 6), ("去年9月", 9), ("今年3月", 3), ("2022年11月18日", 11)])
@pytest.mark.parametrize("word", ["当月", "同月"])
@pytest.mark.parametrize("day", [5, 20])
def test_the_month_just_named_keeps_its_day(first, month, word, day):
    pub = "2024-12-20"
    year = {"去": 2023, "今": 2024}.get(first[0]) or int(first[:4])
    text = f"{first}，庆元翠峰电子项目签约；{word}{day}日，项目开工。"
    got = dates(text, pub)
    assert got[-1] == (f"{word}{day}日", f"{year}-{month:02d}-{day:02d}", "day")


def test_a_day_in_the_next_month_and_the_next_day():
    text = "2023年12月，云岭精工项目签约，次月8日开工。5月6日奠基，次日进场施工，翌日完成桩基。"
    got = dates(text, "2024-06-01")
    assert got == [("2023年12月", "2023-12", "month"), ("次月8日", "2024-01-08", "day"),
                   ("5月6日", "2024-05-06", "day"), ("次日", "2024-05-07", "day"), ("翌日", "2024-05-08", "day")]


def test_next_year_after_a_named_year():
    assert dates("2019年落户，翌年投产。", "2024-06-01") == [("2019年", "2019", "year"), ("翌年", "2020", "year")]


@pytest.mark.parametrize("text, expected", [
    ("下个月初三交付。", [("下个月初", "2025-01", "month")]),  # 初三 after a Gregorian month: no day of it
    ("本月下旬投产。", [("本月下旬", "2024-12", "month")]),
    ("每月15日召开调度会。", []),
    ("以上月份数据。", []),
    ("与去年同月相比有所增长。", [("去年", "2023", "year")]),
])
def test_month_words_without_a_day_of_the_month(text, expected):
    assert dates(text, "2024-12-20") == expected


# ---- lunar dates ---------------------------------------------------------------------------------
# Known Gregorian days: Spring Festival 2023-01-22, 2024-02-10, 2025-01-29; 元宵 2024-02-24; 中秋 2024-09-17.

@pytest.mark.parametrize("written, pub, expected", [
    ("正月初一", "2024-02-20", "2024-02-10"),
    ("正月初八", "2025-02-10", "2025-02-05"),
    ("正月十五", "2024-03-01", "2024-02-24"),
    ("农历正月十五", "2024-03-01", "2024-02-24"),
    ("大年初三", "2025-02-03", "2025-01-31"),
    ("大年初一", "2023-01-30", "2023-01-22"),
    ("大年三十", "2024-02-15", "2024-02-09"),
    ("农历八月十五", "2024-10-02", "2024-09-17"),
    ("农历8月15日", "2024-10-02", "2024-09-17"),
    ("五月初五", "2024-06-20", "2024-06-10"),
    ("腊月二十三", "2025-01-30", "2025-01-22"),  # lunar 2024's 腊月 falls in January 2025
    ("农历闰二月初一", "2023-04-10", "2023-03-22"),
    ("2023年正月十五", "2024-12-20", "2023-02-05"),
    ("今年正月初八", "2025-01-10", "2025-02-05"),
    ("明年正月初八", "2024-11-10", "2025-02-05"),
])
@pytest.mark.parametrize("after", ["，松阳星河新材料项目开工。", "上午，签约仪式举行。"])
def test_lunar_dates_are_gregorian_days(written, pub, expected, after):
    got = dates(written + after, pub)
    assert got[0] == (written, expected, "day")


def test_a_lunar_gloss_agrees_with_its_gregorian_day():
    got = dates("2月13日，农历正月初四，云岭精工项目复工。", "2024-02-14")
    assert [d for _, d, _ in got] == ["2024-02-13", "2024-02-13"]


@pytest.mark.parametrize("text", ["三月初五个项目集中开工。", "六月十五日开工。", "二十三个项目投产。"])
def test_not_lunar(text):
    assert all(p != "day" or s.endswith("日") for s, _, p in dates(text, "2024-08-01"))
    assert not any(s.startswith("三月初五") for s, _, _ in dates(text, "2024-08-01"))


@pytest.mark.parametrize("name", PROJECTS[:3])
@pytest.mark.parametrize("written, expected", [("正月初八", "2025-02-05"), ("大年初六", "2025-02-03")])
def test_a_milestone_on_a_lunar_day(name, written, expected):
    assert events(f"{written}，{name}正式开工。", "2025-02-12") == [("construction_started", expected, name)]


# ---- the Spring Festival ------------------------------------------------------------------------

@pytest.mark.parametrize("written, pub, month", [
    ("春节后", "2024-03-05", "2024-02"), ("春节前后", "2023-02-10", "2023-01"),
    ("新春过后", "2025-02-20", "2025-01"), ("春节假期后", "2024-02-28", "2024-02"),
    ("明年春节后", "2024-11-20", "2025-01"),
])
def test_after_the_spring_festival_is_its_month(written, pub, month):
    assert dates(f"{written}，星河新材料项目复工。", pub) == [(written, month, "month")]


def test_a_bare_holiday_end_is_the_spring_festival_only_after_it_was_named():
    assert dates("今年春节期间企业不停产。节后，项目开工。", "2024-03-01")[-1] == ("节后", "2024-02", "month")
    assert dates("国庆节后，项目开工。", "2024-10-20") == []
    assert dates("春节刚过。中秋节后，项目开工。", "2024-10-20") == []
    assert dates("节后，项目开工。", "2024-10-20") == []


# ---- 目前 is no word where 目 ends one ------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("该项目前年3月开工。", [("前年3月", "2022-03", "month")]),
    ("这个项目前年投产。", [("前年", "2022", "year")]),
    ("加快推进项目前期工作。", []),
    ("目前，项目已开工。", [("目前", "2024-12", "month")]),
    ("该项目目前已投产。", [("目前", "2024-12", "month")]),
])
def test_mu_qian_inside_a_word(text, expected):
    assert dates(text, "2024-12-20") == expected


# ---- sequences: each milestone its own date ------------------------------------------------------

SEQUENCES = [
    # (template, pub, expected years of 开工, 结顶, 进场/投产)
    ("{p}从前年{a}月开工，到当年{b}月主体结顶，次年{c}月设备进场。", "2024-12-20", ("2022", "2022", "2023")),
    ("{p}前年{a}月开工；当年{b}月主体结顶；次年{c}月设备进场。", "2024-12-20", ("2022", "2022", "2023")),
    ("{p}于2021年{a}月开工建设，同年{b}月封顶，次年{c}月投产。", "2024-12-20", ("2021", "2021", "2022")),
    ("去年{a}月，{p}开工。同年{b}月，项目主体结顶。今年{c}月，项目投产。", "2024-12-20", ("2023", "2023", "2024")),
    ("{p}2020年{a}月开工，{b}月结顶，次年{c}月投产。", "2024-12-20", ("2020", "2020", "2021")),
]
TYPES = {"打桩": "construction_started", "开工": "construction_started", "开工建设": "construction_started",
         "结顶": "topped_out", "封顶": "topped_out", "进场": "equipment_move_in", "投产": "production_start"}


@pytest.mark.parametrize("template, pub, years", SEQUENCES)
@pytest.mark.parametrize("p", PROJECTS)
@pytest.mark.parametrize("a, b, c", [(3, 9, 5), (1, 11, 2), (4, 6, 10)])
def test_each_milestone_of_a_sequence_has_its_own_date(template, pub, years, p, a, b, c):
    text = template.format(p=p, a=a, b=b, c=c)
    got = {(t, d) for t, d, _ in events(text, pub)}
    first = "equipment_move_in" if "进场" in template else "production_start"
    expected = {("construction_started", f"{years[0]}-{a:02d}"), ("topped_out", f"{years[1]}-{b:02d}"),
                (first, f"{years[2]}-{c:02d}")}
    assert got == expected


# ---- a bare month in its sentence's year ----------------------------------------------------------

@pytest.mark.parametrize("year", [2019, 2022])
@pytest.mark.parametrize("a, b", [(2, 8), (4, 4), (5, 12)])
def test_a_bare_month_continues_its_sentence_year(year, a, b):
    text = f"远帆机电项目{year}年{a}月开工、{b}月投产。"
    assert dates(text, "2024-12-20")[-1] == (f"{b}月", f"{year}-{b:02d}", "month")


@pytest.mark.parametrize("text, month", [
    ("云岭精工项目2021年5月开工。9月，项目投产。", "2024-09"),           # another sentence
    ("翠峰电子项目2021年11月开工，3月投产。", "2024-03"),                # a month before: not said which year
    ("星河项目2021年3月开工，现在已完成主体，计划8月投用。", "2024-08"),  # "now" comes between
])
def test_a_bare_month_keeps_the_publication_year(text, month):
    assert dates(text, "2024-12-20")[-1][1] == month


# ---- a timeline told in one paragraph: a bare month after publication goes on from the year before ----

@pytest.mark.parametrize("p", PROJECTS[:3])
@pytest.mark.parametrize("sep", ["；", "。"])
@pytest.mark.parametrize("first, year", [("去年8月28日", 2023), ("2022年7月", 2022)])
@pytest.mark.parametrize("b", [9, 11])
def test_a_timeline_month_after_publication_continues_the_year_told(p, sep, first, year, b):
    text = f"{p}{first}签约落地，当月摘牌拿地{sep}{b}月20日厂房封顶{sep}今年3月8日首台设备进场。"
    got = {t: d for t, d, _ in events(text, "2024-06-28")}
    assert got["topped_out"] == f"{year}-{b:02d}-20"
    assert got["equipment_move_in"] == "2024-03-08"


@pytest.mark.parametrize("later", ["计划12月20日厂房封顶", "预计12月完成封顶", "12月20日前完成厂房封顶",
                                   "项目将于12月封顶"])
@pytest.mark.parametrize("sep", ["；", "。"])
def test_a_planned_month_after_publication_keeps_the_publication_year(later, sep):
    text = f"星河新材料项目去年8月签约{sep}{later}。"
    assert dates(text, "2024-06-28")[-1][1].startswith("2024-12")


def test_a_month_in_another_paragraph_keeps_the_publication_year():
    assert dates("星河新材料项目去年8月签约。\n12月20日厂房封顶。", "2024-06-28")[-1][1] == "2024-12-20"


# ---- durations between milestones carry no date -------------------------------------------------

@pytest.mark.parametrize("p", PROJECTS[:3])
@pytest.mark.parametrize("told", ["历时{n}个月", "仅用{n}天", "短短{n}个月", "签约后{n}天", "签约后第{n}个月",
                                  "{n}个月后", "用了{n}周"])
@pytest.mark.parametrize("n", [7, 15])
def test_a_milestone_told_by_a_duration_carries_no_date(p, told, n):
    text = f"2023年5月，{p}签约。项目{told.format(n=n)}建成投产。"
    got = events(text, "2024-12-20")
    assert ("settled", "2023-05", p) in got
    assert {d for t, d, _ in got if t != "settled"} == {""}


def test_a_day_before_hou_is_a_date_not_a_duration():
    text = "2023年5月，星河新材料项目签约。3月5日后，项目开工。"
    assert ("construction_started", "2024-03-05", "星河新材料项目") in events(text, "2024-12-20")


# ---- each rule is a named step that can be switched off ------------------------------------------

@pytest.mark.parametrize("step, text, pub, on, off", [
    ("dates.relative_month_day", "本月9日开工。", "2024-12-20", "2024-12-09", "2024-12"),
    ("dates.next_period", "2023年12月签约，次月8日开工。", "2024-06-01", "2024-01-08", None),
    ("dates.lunar", "正月初八开工。", "2025-02-10", "2025-02-05", None),
    ("dates.spring_festival", "春节后开工。", "2024-03-05", "2024-02", None),
    ("dates.word_before_qian", "该项目前年3月开工。", "2024-12-20", "2022-03", "2024-12"),
    ("dates.sentence_year", "2020年4月开工，9月投产。", "2024-12-20", "2020-09", "2024-09"),
    ("dates.chronology", "去年8月签约；12月20日封顶。", "2024-06-28", "2023-12-20", "2024-12-20"),
])
def test_each_date_step_switches_off(step, text, pub, on, off):
    assert extract_dates(text, pub)[-1].date == on
    with config.steps_off(step):
        got = extract_dates(text, pub)
    if off is None:
        assert all(d.date != on for d in got)
    else:
        assert got[-1].date == off if step != "dates.word_before_qian" else got[0].date == off


def test_span_told_switches_off():
    text = "2023年5月，星河新材料项目签约。项目历时8个月建成。"
    assert events(text, "2024-12-20")[-1][1] == ""
    with config.steps_off("events.span_told"):
        assert events(text, "2024-12-20")[-1][1] == "2023-05"


def test_lunar_days_match_the_calendar_library():
    from lishui_analysis.extract.dates import _lunar_to_solar

    spring = {2017: date(2017, 1, 28), 2020: date(2020, 1, 25), 2023: date(2023, 1, 22), 2024: date(2024, 2, 10),
              2025: date(2025, 1, 29), 2026: date(2026, 2, 17)}
    for year, day in spring.items():
        assert _lunar_to_solar(year, 1, 1) == day
        assert _lunar_to_solar(year, 1, 8) == day + timedelta(days=7)
    assert _lunar_to_solar(2024, 12, 30) is None  # lunar 2024's 腊月 has 29 days


# ---- bare 年底/年内: the year of the sentence, else the publication's --------------------------------

@pytest.mark.parametrize("word", ["年底", "年末", "年内", "年中"])
@pytest.mark.parametrize("frame, pub, want", [("澜岳项目预计{w}结顶。", "2024-06-18", "2024"),
                                              ("禾旭工厂2023年4月开工，{w}封顶。", "2025-02-01", "2023"),
                                              ("力争栖梧产业园{w}投产。", "2022-09-30", "2022")])
def test_a_bare_part_of_a_year_is_that_year(word, frame, pub, want):
    text = frame.format(w=word)
    got = [(m.surface, m.date, m.precision) for m in extract_dates(text, pub) if m.surface == word]
    assert got == [(word, want, "year")]


@pytest.mark.parametrize("text", ["3年内建成投产。", "每年年底考核一次。", "年度目标全部完成。"])
def test_counted_years_and_yearly_words_are_no_bare_part(text):
    assert [m for m in extract_dates(text, "2024-06-18") if m.surface in ("年底", "年内", "年末", "年中")] == []


# ---- a quarter or a half of a year not named: the year of its sentence, else the publication's ------

@pytest.mark.parametrize("part, surface", [("一季度", "一季度"), ("第二季度", "二季度"), ("前三季度", "三季度"),
                                           ("上半年", "上半年"), ("下半年", "下半年"), ("4季度", "4季度")])
@pytest.mark.parametrize("lead", ["", "据悉，", "计划于"])
def test_a_bare_quarter_or_half_opening_its_clause_is_the_publication_s_year(part, surface, lead):
    assert (surface, "2031", "year") in dates(f"{lead}{part}全区新开工项目12个。", "2031-07-09")


def test_a_bare_quarter_takes_the_year_written_before_it_in_its_sentence():
    assert ("上半年", "2029", "year") in dates("松阳星河新材料项目2029年4月开工，上半年封顶。", "2031-07-09")


@pytest.mark.parametrize("text", ["在全市四季度重大项目推进会上", "成为二季度全市投产标志性项目", "近半年来", "一年半年底前"])
def test_a_quarter_naming_a_noun_or_a_span_is_no_quarter_date(text):
    assert not [d for d in dates(text, "2031-07-09") if d[0].endswith(("季度", "半年"))]


def test_a_day_stays_the_date_of_a_milestone_told_at_a_quarter_s_meeting():
    text = "11月2日，在全市四季度重大项目推进会上，庆元翠峰电子项目正式宣告竣工。"
    assert ("completed", "2031-11-02", "庆元翠峰电子项目") in events(text, "2031-11-05")


@pytest.mark.parametrize("point, resolved", [("上月15日", "2031-04-15"), ("本月3日", "2031-05-03"), ("今天", "2031-05-06")])
@pytest.mark.parametrize("plan", ["计划6月底正式投产", "预计9月设备进场"])
def test_a_bare_month_goes_on_from_a_relative_date_not_from_an_earlier_year(point, resolved, plan):
    text = f"庆元翠峰电子项目厂房于去年底竣工，{point}首批设备搬入，{plan}。"
    got = dates(text, "2031-05-06")
    month = plan[2:plan.index("月") + 1].lstrip("于")
    assert (point, resolved, "day") in got
    assert any(s.startswith(month) and d.startswith("2031-") for s, d, _ in got)


@pytest.mark.parametrize("day", ["6月8日", "6月18日"])
@pytest.mark.parametrize("what", ["首批组件顺利下线", "首批产品下线"])
def test_a_day_before_first_batch_words_dates_the_milestone(day, what):
    """首批 after a year names a batch (2031年首批项目); after a day it is what happened that day."""
    text = f"松阳星河新材料项目去年底开工建设，{day}{what}。"
    got = [(t, d) for t, d, _ in events(text, "2031-06-20") if t == "first_output"]
    assert got == [("first_output", f"2031-06-{day[2:-1].zfill(2)}")]


@pytest.mark.parametrize("end", ["去年底", "2030年底", "去年年末"])
def test_a_year_s_end_states_december_for_the_months_after_it(end):
    assert ("6月8日", "2031-06-08", "day") in dates(f"项目{end}开工，6月8日首批组件下线。", "2031-06-20")


@pytest.mark.parametrize("recalled", ["今年正月初十", "3月2日"])
def test_the_same_day_outside_a_quotation_is_the_reported_day_not_a_recalled_one(recalled):
    text = f"12月26日，松阳星河新材料项目通过竣工验收。\n“我们是{recalled}开工的。”负责人说。\n同日，另有3个项目完成竣工验收。"
    assert ("同日", "2031-12-26", "day") in dates(text, "2031-12-28")


def test_the_same_day_inside_a_quotation_is_the_speaker_s_last_day():
    assert ("同日", "2031-05-08", "day") in dates("“我们5月8日签约，同日拿地。”他说。", "2031-12-28")


@pytest.mark.parametrize("after", ["在", "于", "正式", "举行"])
def test_a_day_alone_before_a_preposition_or_verb_is_the_publication_month_s(after):
    assert ("21日", "2031-04-21", "day") in dates(f"松阳星河新材料项目21日{after}云溪开工建设。", "2031-04-22")


def test_a_day_alone_after_the_publication_day_is_last_month_s():
    assert ("30日", "2031-04-30", "day") in dates("松阳星河新材料项目30日在云溪开工建设。", "2031-05-02")


@pytest.mark.parametrize("text", ["第21日", "每21日一次"])
def test_a_counted_day_is_no_date(text):
    assert dates(text, "2031-05-02") == []


@pytest.mark.parametrize("lead", ["4月6日，记者从市发改局获悉：", "4月6日上午，笔者从县经信局了解到，"])
def test_the_day_a_reporter_learned_the_news_dates_no_milestone(lead):
    text = f"{lead}松阳星河新材料项目已全部开工。"
    assert [d for t, d, _ in events(text, "2031-04-07") if t == "construction_started"] == [""]


def test_a_day_of_its_own_still_dates_the_milestone_after_a_reporter_s_day():
    text = "4月6日，记者从市发改局获悉，松阳星河新材料项目已于4月2日开工。"
    assert ("construction_started", "2031-04-02", "松阳星河新材料项目") in events(text, "2031-04-07")


@pytest.mark.parametrize("year", ["2026", "2018"])
@pytest.mark.parametrize("end", ["年底", "年末"])
def test_a_year_written_out_and_its_end_is_december(year, end):
    """计划2026年底建成: December of that year; 今年年底, 去年底 stay the year (the development gold)."""
    assert dates(f"该项目计划{year}{end}建成投产。", "2025-06-01")[0][1:] == (f"{year}-12", "month")
    assert dates("该项目计划今年年底建成投产。", "2025-06-01")[0][1:] == ("2025", "year")
    assert dates("该项目去年底开工。", "2025-06-01")[0][1:] == ("2024", "year")


@pytest.mark.parametrize("recent", ["日前", "近日"])
def test_the_same_day_as_a_recent_day_not_told_is_its_month(recent):
    """某开发区日前与某公司签约。同日，某项目举行奠基仪式: the same day, which the text does not tell."""
    text = f"星河经济开发区{recent}与云岭集团签约。\n同日，星河零部件产业园项目举行奠基仪式。"
    assert [d[1:] for d in dates(text, "2025-10-20")] == [("2025-10", "month"), ("2025-10", "month")]
    told = "10月18日，云岭项目签约。同日，星河项目开工。"
    assert [d[1:] for d in dates(told, "2025-10-20")] == [("2025-10-18", "day"), ("2025-10-18", "day")]
    # a day told after the recent one is what 同日 repeats; a lunar day's 前 (and others) are no concern here
    later = f"{recent}，甲项目签约。10月18日，乙项目开工。同日，丙项目投产。"
    assert [d[1:] for d in dates(later, "2025-10-20")][-1] == ("2025-10-18", "day")


# ---- a year written in brackets after its relative name (今（2026）年, Taiwan's press) ---------------

@pytest.mark.parametrize("word, year", [("今", 2026), ("明", 2027), ("去", 2025), ("前", 2024)])
@pytest.mark.parametrize("rest, date", [("7月10日", "-07-10"), ("9月", "-09"), ("", ""), ("底", "-12")])
@pytest.mark.parametrize("paren", ["（）", "()"])
def test_a_bracketed_year_is_that_year(word, year, rest, date, paren):
    text = f"該廠已於{word}{paren[0]}{year}{paren[1]}年{rest}動工。"
    got = extract_dates(text, "2026-08-01")
    assert [(d.date, d.kind) for d in got] == [(f"{year}{date}", "absolute")]


# ---- 同日 after a 次日 is the day told, not the day after it ---------------------------------------

@pytest.mark.parametrize("day, after", [("12月26日", "2024-12-26"), ("3月31日", "2024-03-31")])
@pytest.mark.parametrize("same", ["同日", "当日"])
def test_the_same_day_after_the_next_day_is_the_day_told(day, after, same):
    text = f"{day}，岭拓化工项目竣工，并于次日开始试生产。{same}，园区另有3个项目完成竣工验收。"
    got = extract_dates(text, "2024-12-30")
    assert [d.date for d in got][-1] == after


def test_the_told_day_step_switches_off():
    text = "12月26日，岭拓化工项目竣工，并于次日开始试生产。同日，园区另有3个项目完成竣工验收。"
    with config.steps_off("dates.told_day"):
        assert extract_dates(text, "2024-12-30")[-1].date == "2024-12-27"
    assert extract_dates(text, "2024-12-30")[-1].date == "2024-12-26"


# ---- a report's year: 全年 in a document titled by the year it reports on -------------------------

@pytest.mark.parametrize("title", ["2031年云溪县经济社会发展统计公报", "石湾精工股份有限公司 2031年年度报告",
                                   "云岭经开区2031年度工作总结"])
@pytest.mark.parametrize("pub", ["2032-03-28", "2032-04-30"])
def test_the_whole_year_of_a_yearly_report_is_the_year_it_reports_on(title, pub):
    from lishui_analysis.extract.dates import report_year
    text = f"（{pub[:4]}年3月20日）\n全年新开工项目31个，新竣工9个。"
    year = report_year("", title)
    assert year == 2031
    assert [d.date for d in extract_dates(text, pub, "", year) if d.surface == "全年"] == ["2031"]
    assert [d.date for d in extract_dates(text, pub) if d.surface == "全年"] == [pub[:4]]


@pytest.mark.parametrize("title", ["2031年云溪县重点项目集中开工", "2030年和2031年统计公报", "统计公报", ""])
def test_a_title_naming_no_single_report_year_gives_none(title):
    from lishui_analysis.extract.dates import report_year
    assert report_year(title) is None

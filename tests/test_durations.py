"""Durations a text states for a milestone (``events.stated_duration``): invented sentences that vary
names, numbers (Arabic and Chinese), units, cues and order; no development sentence is replayed."""

import pytest

from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.durations import assign, durations_in
from lishui_analysis.extract.events import extract_events
from lishui_analysis.ingest.segment import split_sentences

NAMES = ["云岭科技智能装备项目", "翠峰新材料产业园", "星河精密轴承项目"]
SPANS = [("54", "天", 54.0), ("十二", "天", 12.0), ("3", "周", 21.0), ("七", "个月", 210.0),
         ("两", "年", 730.0), ("八个半", "月", 255.0), ("一年", "半", None)]
CUES = ["历时", "仅用", "只用了", "用时", "耗时", "花了", "历经"]


@pytest.mark.parametrize("num,unit,days", [s for s in SPANS if s[2] is not None])
@pytest.mark.parametrize("cue", CUES)
def test_cue_number_and_unit_give_days(cue, num, unit, days):
    text = f"工程{cue}{num}{unit}完成。"
    [(start, end, got)] = durations_in(text)
    assert got == days and text[start:end] == f"{cue}{num}{unit}"


@pytest.mark.parametrize("num,days", [("300多", 300.0), ("20余", 20.0), ("十多", 10.0), ("四十余", 40.0)])
@pytest.mark.parametrize("unit,per", [("天", 1), ("个月", 30)])
@pytest.mark.parametrize("cue", ["历时", "仅用", "用时"])
def test_a_round_lower_bound_is_a_duration_of_at_least_that(cue, num, days, unit, per):
    """历时300多天, 用时20余个月: a duration of at least the number (多/余 after it), kept as the number."""
    text = f"{cue}{num}{unit}，星河精密工厂建成。"
    [(start, end, got)] = durations_in(text)
    assert got == days * per and text[start:end] == f"{cue}{num}{unit}"


@pytest.mark.parametrize("text", ["用地54亩", "占地3年的项目", "54天", "项目开工7个月后", "历时", "用时约个月"])
def test_no_cue_or_no_number_is_no_duration(text):
    assert durations_in(text) == []


def _events(body, pub="2025-06-30"):
    return extract_events(body, split_sentences(body), extract_dates(body, pub), (), pub)


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("num,unit,days", [("40", "天", 40.0), ("九", "个月", 270.0)])
def test_duration_before_the_step_goes_to_it(name, num, unit, days):
    body = f"{name}今年1月开工，历时{num}{unit}，于今年10月顺利封顶。"
    by_type = {e.event_type: e.stated_duration for e in _events(body)}
    assert by_type == {"construction_started": None, "topped_out": days}


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("sep", ["", "，"])
def test_from_to_span_goes_to_the_step_after_to(name, sep):
    body = f"{name}从签约到开工{sep}仅用了35天，今年年底将投产。"
    rows = {e.event_type: e.stated_duration for e in _events(body)}
    assert rows.get("construction_started") == 35.0
    assert rows.get("production_start") is None


def test_from_to_span_ending_in_no_milestone_word_gives_no_step():
    t = "项目从开工到装修，仅用了8个月，年底投产。"
    assert assign(t, 0, len(t), [t.index("开工"), t.index("投产")]) == {}


def test_duration_after_the_last_step_goes_to_it():
    t = "云岭科技厂房近日竣工，历时十四个月。"
    assert assign(t, 0, len(t), [t.index("竣工")]) == {t.index("竣工"): 420.0}


def test_a_later_statement_of_the_same_milestone_brings_its_duration():
    body = "星河精密轴承项目于今年3月开工。星河精密轴承项目从拿地到开工仅用20天。"
    [row] = [e for e in _events(body) if e.event_type == "construction_started"]
    assert row.stated_duration == 20.0 and row.n_mentions == 2


def test_many_durations_in_one_sentence_each_find_their_step():
    parts = [f"甲{i}号楼历时{i}天封顶" for i in range(1, 40)]
    t = "，".join(parts) + "。"
    verbs = [i for i in range(len(t)) if t.startswith("封顶", i)]
    got = assign(t, 0, len(t), verbs)
    assert [got[v] for v in verbs] == [float(i) for i in range(1, 40)]


# ---- the classes of a stated duration without a cue verb (cues.yaml stated_duration) -------------

HOLDERS = ["云岭科技智能装备项目", "翠峰新材料产业园项目", "星河精密轴承项目"]


def _took(body, pub="2025-06-30"):
    return {e.event_type: e.stated_duration for e in _events(body, pub)}


@pytest.mark.parametrize("name", HOLDERS)
@pytest.mark.parametrize("num,days", [("18", 18.0), ("二十", 20.0)])
@pytest.mark.parametrize("first,then", [("签约", "摘牌"), ("摘地", "开工")])
def test_a_length_after_a_step_and_hou_leads_from_it(name, num, days, first, then):
    """交地后15天开工: the length leads from the verb before 后 to the next one; the first has none."""
    got = _took(f"{name}今年3月{first}，{first}后{num}天{then}。")
    assert got[{"摘牌": "land_acquired", "开工": "construction_started"}[then]] == days
    assert got[{"签约": "settled", "摘地": "land_acquired"}[first]] is None


@pytest.mark.parametrize("name", HOLDERS)
def test_a_chain_of_steps_each_after_the_one_before(name):
    """签约后N天摘牌，摘牌后第M天取得施工许可证: each step its own length (取得 + what is taken)."""
    got = _took(f"{name}5月签约，签约后11天摘牌，摘牌后第8天取得施工许可证。")
    assert got == {"settled": None, "land_acquired": 11.0, "permit_issued": 8.0}


@pytest.mark.parametrize("name", HOLDERS)
@pytest.mark.parametrize("adv,num,unit,days", [("仅", "十四", "个月", 420.0), ("短短", "9", "个月", 270.0),
                                               ("不到", "两", "个月", 60.0), ("才", "40", "天", 40.0)])
def test_only_and_a_length_before_the_step(name, adv, num, unit, days):
    """仅十个月，厂房建成; 不到两个月便开工: a restrictive adverb makes a bare length a duration."""
    got = _took(f"{name}去年4月签约，{adv}{num}{unit}便顺利开工。")
    assert got["construction_started"] == days and got["settled"] is None


@pytest.mark.parametrize("name", HOLDERS)
def test_only_a_length_after_a_start_is_not_the_starts(name):
    """去年底开工，仅一个季度，…: the step told after the length leads from 开工; 开工 gets none."""
    got = _took(f"{name}去年12月开工，仅一个季度，园区面貌焕然一新。", "2025-04-10")
    assert got == {"construction_started": None}


@pytest.mark.parametrize("name", HOLDERS)
@pytest.mark.parametrize("num,days", [("7", 210.0), ("十", 300.0)])
def test_yong_a_length_shijian(name, num, days):
    assert _took(f"{name}用{num}个月时间实现两栋厂房封顶。")["topped_out"] == days


@pytest.mark.parametrize("name", HOLDERS)
@pytest.mark.parametrize("sep", ["", "，"])
def test_from_to_then_a_bare_length(name, sep):
    """从拿地到开工45天 (no cue): a length right after the span's end is its duration."""
    assert _took(f"{name}从拿地到开工{sep}45天。")["construction_started"] == 45.0


@pytest.mark.parametrize("name", HOLDERS)
def test_a_length_before_a_from_to_goes_to_its_end(name):
    """仅用N个月便走完从开工到投产的流程: the step is B of the span after the length."""
    got = _took(f"{name}前年3月动工，仅用16个月便走完从动工到投产的各个环节。")
    assert got.get("production_start") == 480.0


@pytest.mark.parametrize("name", HOLDERS)
@pytest.mark.parametrize("num,unit,days", [("8", "个月", 240.0), ("一", "年", 365.0), ("半", "年", 182.5)])
def test_within_a_length_is_a_plan_kept_apart(name, num, unit, days):
    """力争8个月内建成: at most so long, a plan (``planned`` True): speed.py keeps plans apart."""
    [row] = [e for e in _events(f"{name}今年5月签约，力争{num}{unit}内建成投产。") if e.event_type == "completed"]
    assert row.stated_duration == days and row.planned


@pytest.mark.parametrize("text", ["比计划提前20天完成封顶", "较原计划提前一个月投产", "实现当年签约、当年开工、当年投产"])
@pytest.mark.parametrize("name", HOLDERS)
def test_ahead_of_plan_and_same_year_are_no_duration(name, text):
    """提前N天 is a slip against a plan, 当年…当年 no length: no stated duration."""
    assert all(d is None for d in _took(f"{name}今年4月开工，{text}。").values())


@pytest.mark.parametrize("name", HOLDERS)
@pytest.mark.parametrize("cue", ["历时", "用时", "仅用了"])
def test_buda_is_no_span_end(name, cue):
    """从开工到竣工历时不到九个月: 不到 is "under", not the 到 of a span; 竣工 keeps the length."""
    assert _took(f"{name}近日竣工。该项目从动工到竣工{cue}不到11个月。")["completed"] == 330.0


@pytest.mark.parametrize("name", HOLDERS)
def test_daowei_is_no_span(name):
    """浇筑到位，历时…的项目封顶: 到位 is "in place", no span; the length goes to the step after it."""
    got = _took(f"伴随着最后一车混凝土浇筑到位，历时280多天建设的{name}主体顺利封顶。")
    assert got["topped_out"] == 280.0


@pytest.mark.parametrize("name", HOLDERS)
def test_a_restated_step_brings_its_length(name):
    """从签约到这次开工仅用N天: 这次 restates the start just told; its length is that row's."""
    got = _took(f"今天，{name}举行开工仪式。{name}去年11月签约，从签约到这次开工仅用95天。", "2025-03-01")
    assert got["construction_started"] == 95.0


@pytest.mark.parametrize("num,unit,days", [("3至5", "个月", 90.0), ("一个多", "月", None), ("7个多", "月", None)])
def test_ranges_and_more_than(num, unit, days):
    """A range keeps its first number; 一个多月 is at least a month."""
    text = f"历时{num}{unit}"
    [(_, _, got)] = durations_in(text)
    assert got == (days if days is not None else parse_number_of(num) * 30)


def parse_number_of(num):
    return {"一个多": 1, "7个多": 7}[num]


@pytest.mark.parametrize("name", HOLDERS)
def test_relative_dates_of_a_sequence_each_its_own(name):
    """从前年3月开工，到当年9月主体结顶，次年5月设备进场: 当年/次年 after the year just named."""
    got = {e.event_type: e.date for e in _events(f"{name}从前年3月开工，到当年9月主体结顶，次年5月设备进场。", "2025-06-30")}
    assert got["topped_out"] == "2023-09" and got["equipment_move_in"] == "2024-05"

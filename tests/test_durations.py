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

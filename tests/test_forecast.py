"""Forecast figures by the scope of their cue (extract/forecast.py), on invented sentences: modal cues
over the rest of the sentence, plan nouns (计划/规划/目标) over their clause, a share of a plan is done,
an achieved marker in a later clause ends a cue, a milestone verb + 后 is a condition. A property
test checks the bisection against a plain reading of the same rules on random strings."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lishui_analysis.extract.forecast import _BOUND, _PLAN_NOUN, _SHARE, _TIME_ONLY, _patterns, is_forecast
from lishui_analysis.extract.quantities import extract_quantities
from lishui_analysis.ingest.segment import split_sentences

PROJECTS = ["云溪新材料项目", "瓯岭智能装备产业园", "松岩精密制造基地"]
PERIODS = ["1-5月", "一季度", "上半年"]


def flags(text: str) -> dict[str, bool]:
    return {q.surface: q.forecast for q in extract_quantities(text, split_sentences(text))}


@pytest.mark.parametrize("project", PROJECTS)
@pytest.mark.parametrize("period", PERIODS)
@pytest.mark.parametrize("plan, done", [("12亿元", "4.5亿元"), ("8.6亿元", "2亿元")])
def test_a_plan_noun_governs_its_clause_and_what_was_done_after_is_no_forecast(project, period, plan, done):
    got = flags(f"{project}全年计划完成投资{plan}，{period}累计完成投资{done}。")
    assert got == {plan: True, done: False}


@pytest.mark.parametrize("share", ["完成年度投资计划的{p}", "为年度计划投资的{p}", "占年度计划投资{p}", "完成年度目标的{p}"])
@pytest.mark.parametrize("p", ["37.5%", "104.2%"])
def test_a_share_of_a_plan_states_what_was_achieved(share, p):
    text = f"全县重点项目{PERIODS[0]}完成投资5.2亿元，{share.format(p=p)}，比去年同期增加3.1%。"
    assert flags(text) == {"5.2亿元": False, p: False, "3.1%": False}


@pytest.mark.parametrize("cue", ["预计", "力争", "有望"])
@pytest.mark.parametrize("project", PROJECTS)
def test_a_modal_cue_governs_the_rest_of_its_sentence(cue, project):
    got = flags(f"{project}{cue}明年6月建成，届时可实现年产值18亿元，新增税收1.2亿元。")
    assert got == {"18亿元": True, "1.2亿元": True}


@pytest.mark.parametrize("cue", ["预计", "将"])
def test_an_achieved_marker_in_a_later_clause_ends_a_modal_cue(cue):
    got = flags(f"瓯岭智能装备产业园{cue}年底投产，目前已完成投资3.4亿元。")
    assert got == {"3.4亿元": False}


@pytest.mark.parametrize("verb", ["投用", "竣工", "建成", "达产", "投产"])
@pytest.mark.parametrize("project", PROJECTS)
def test_a_milestone_verb_then_hou_is_a_condition_about_the_future(verb, project):
    got = flags(f"{project}一期去年动工，{verb}后可实现年产值约26亿元。")
    assert got == {"约26亿元": True}


@pytest.mark.parametrize("time", ["到2030年", "到明年年底", "至“十五五”末"])
def test_a_plan_noun_whose_clause_is_only_a_time_hands_the_cue_on(time):
    got = flags(f"松岩精密制造基地计划{time}，产能达到每月8万片，年销售收入超过6亿元。")
    assert got == {"8万片": True, "超过6亿元": True}


@pytest.mark.parametrize("zone", ["云溪经济开发区", "瓯岭工业园城南片区"])
@pytest.mark.parametrize("area", ["12.8平方公里", "0.65平方公里"])
def test_planned_area_is_the_area_of_a_zone_not_a_forecast(zone, area):
    assert flags(f"{zone}总规划面积{area}，四至范围见附图。") == {area: False}


def test_a_plain_total_investment_is_no_forecast_but_planned_total_investment_is():
    assert flags("云溪新材料项目总投资9亿元，用地120亩。") == {"9亿元": False, "120亩": False}
    assert flags("云溪新材料项目计划总投资9亿元，用地120亩。") == {"9亿元": True, "120亩": False}


# ---------------------------------------------------------------- the bisection against a plain reading
def _plain(text: str, s_start: int, pos: int) -> bool:
    """The rules of extract/forecast.py read directly: every cue before ``pos`` in the sentence,
    each with its scope; the last cue in scope decides, unless an achieved marker follows it in a later
    clause."""
    modal_re, plan_re, reset_re = _patterns()

    def clause_end(i: int) -> int:
        m = _BOUND.search(text, i)
        return m.start() if m else len(text)

    live = [m.end() for m in modal_re.finditer(text) if m.start() >= s_start and m.end() <= pos]
    for m in plan_re.finditer(text):
        if m.start() < s_start or m.end() > pos or _SHARE.match(text, m.start()):
            continue
        if m.group() == "规划" and _PLAN_NOUN.match(text, m.start()):
            continue
        b = clause_end(m.end())
        if b >= pos or (b < len(text) and _TIME_ONLY.fullmatch(text, m.end(), b)):
            live.append(m.end())
    if not live:
        return False
    cue = max(live)
    b = clause_end(cue)
    return not (b < pos and reset_re.search(text, b, pos))


_ALPHABET = st.sampled_from(["计划", "规划", "目标", "预计", "将", "投用后", "建成", "后", "已", "累计", "，", "；", "。",
                             "5亿元", "12%", "的", "到2030年", "面积", "投资", "项目", "完成", "年"])


@settings(max_examples=400, deadline=None)
@given(st.lists(_ALPHABET, max_size=30), st.data())
def test_is_forecast_reads_the_rules_as_written(parts, data):
    text = "".join(parts)
    pos = data.draw(st.integers(0, len(text)))
    s_start = data.draw(st.integers(0, pos))
    assert is_forecast(text, s_start, pos) == _plain(text, s_start, pos)


def test_cues_are_words_of_the_cue_file():
    modal, plan, reset = _patterns()
    assert plan.fullmatch("计划") and not modal.fullmatch("计划")
    assert modal.fullmatch("预计") and modal.fullmatch("投用后") and reset.fullmatch("累计")
    assert re.fullmatch(_SHARE, "计划的95%") and not re.fullmatch(_SHARE, "计划投资9亿元")


@pytest.mark.parametrize("n", [50, 400])
def test_a_long_sentence_of_cues_and_figures_is_read_once(n):
    """Linear time: the cues of a text are found in one pass (``_marks``), whatever the number of
    figures; each figure then asks bisections."""
    from lishui_analysis.extract import forecast
    text = "，".join(f"计划投资{k}亿元，已累计完成{k}万元" for k in range(1, n + 1)) + "。"
    before = forecast._marks.cache_info().misses
    got = [is_forecast(text, 0, m.start()) for m in re.finditer(r"\d+[亿万]元", text)]
    assert forecast._marks.cache_info().misses == before + 1
    assert got == [True, False] * n


def test_an_achieved_marker_not_ended_by_the_figure_does_not_end_a_cue():
    """(found by the property test: 累计 straddling the position asked about is not before it)"""
    text = "计划计划将将后后，到2030年面积累计"
    assert is_forecast(text, 0, len(text) - 1) == _plain(text, 0, len(text) - 1) is True


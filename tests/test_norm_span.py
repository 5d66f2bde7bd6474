"""A span from one milestone to another whose length is told as an average or a norm (平均用时, 至少需要,
一般需要) names no milestone of a project (event_words.norm_span); a project's own span (仅用了23天) is
still read. Invented templates varying the verbs, the norm word and the figure."""
import pytest

from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.event_words import norm_span
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.ingest.segment import split_sentences

PUB = "2031-06-12"


def types(text):
    return [e.event_type for e in
            extract_events(text, split_sentences(text), extract_dates(text, PUB), extract_org_mentions(text), PUB)]


@pytest.mark.parametrize("a, b", [("摘地", "开工"), ("拿地", "开工"), ("投产", "达产")])
@pytest.mark.parametrize("norm", ["平均用时28天", "平均用时缩短至22天", "至少需要3个月", "一般需要半年"])
def test_a_norm_span_names_no_milestone(a, b, norm):
    text = f"今年以来，云溪产业园内的工业项目从{a}到{b}{norm}。"
    assert types(text) == []
    assert norm_span(text, 0, text.index(b)) and norm_span(text, 0, text.index(a))


@pytest.mark.parametrize("told", ["仅用了23天", "只用了4个月", "历时10个月"])
def test_a_projects_own_span_is_no_norm(told):
    text = f"星河新材料项目从拿地到开工{told}。"
    assert not norm_span(text, 0, text.index("开工"))


@pytest.mark.parametrize("pending", ["尚需", "仍需", "尚待"])
@pytest.mark.parametrize("steps", ["取得土地使用权、环评批复及施工许可等审批手续", "取得施工许可证", "办理用地手续后方可开工"])
def test_a_step_still_to_be_taken_is_no_milestone(pending, steps):
    text = f"风险提示：星河新材料项目{pending}{steps}，能否顺利实施存在不确定性。"
    assert types(text) == []


def test_a_step_taken_is_still_read():
    assert types("星河新材料项目已取得施工许可证，计划下月开工。") == ["permit_issued", "construction_started"]

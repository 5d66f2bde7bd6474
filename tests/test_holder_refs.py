"""A bare head opening a clause refers back to the last project named with that head
(extract/holder_refs.py). Invented templates varying the project, the head, what stands between and
the clause mark before the head."""
import pytest

from lishui_analysis import config
from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.ingest.segment import split_sentences

PUB = "2031-06-10"
BETWEEN = "项目生产线由瑞典北极星机器人有限公司提供，"


def rows(text):
    return [(e.event_type, e.subject, e.date) for e in
            extract_events(text, split_sentences(text), extract_dates(text, PUB), extract_org_mentions(text), PUB)]


@pytest.mark.parametrize("project, head", [("云溪远航汽车有限公司年产8万辆轻型卡车基地", "基地"),
                                           ("瓯江星河智能制造基地", "基地"),
                                           ("星河小微企业园", "园区"), ("云溪数字产业园", "园区")])
@pytest.mark.parametrize("mark", ["。", "。按计划，", "；"])
def test_a_bare_head_is_the_project_named_with_it(project, head, mark):
    text = f"{project}总投资12亿元。{BETWEEN}员工约300人{mark}{head}于2031年3月开工，2031年5月主体结顶。"
    assert rows(text) == [("construction_started", project, "2031-03"), ("topped_out", project, "2031-05")]


def test_the_last_project_of_that_head():
    text = "瓯江星河智能制造基地已于去年投产。云溪远航新能源商用车基地占地600亩。基地于2031年3月开工。"
    assert rows(text)[-1] == ("construction_started", "云溪远航新能源商用车基地", "2031-03")


@pytest.mark.parametrize("before", ["瓯江星河智能制造项目总投资12亿元。", ""])
def test_a_park_with_no_park_named_before_it_is_no_project(before):
    text = f"{before}园区于2031年3月开工建设标准厂房。"
    with config.steps_off("holders.bare_heads"):
        off = rows(text)
    assert rows(text) == off


def test_a_head_inside_a_name_is_no_reference():
    text = f"云溪数字产业园总投资12亿元。{BETWEEN}园区配套道路工程于2031年3月开工。"
    with config.steps_off("holders.bare_heads"):
        off = rows(text)
    assert rows(text) == off and "云溪数字产业园" not in [r[1] for r in off]


def test_the_step_switched_off():
    text = "云溪远航新能源商用车基地总投资12亿元。\n瓯江北辰机器人有限公司是基地的配套企业，员工120人。\n基地于2031年3月开工。"
    with config.steps_off("holders.bare_heads"):
        off = rows(text)
    assert off != rows(text) == [("construction_started", "云溪远航新能源商用车基地", "2031-03")]

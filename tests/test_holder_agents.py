"""A company named as a project's agent (由X提供/代建/承建, 在X的支持下) holds none of its milestones
(extract/holder_agents.py). Invented templates varying the company, the verb and the milestone."""
import pytest

from lishui_analysis import config
from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.holders import find_holders
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.ingest.segment import split_sentences

PUB = "2031-06-10"
PROJECT = "星河新材料项目"


def rows(text):
    return [(e.event_type, e.subject, e.date) for e in
            extract_events(text, split_sentences(text), extract_dates(text, PUB), extract_org_mentions(text), PUB)]


@pytest.mark.parametrize("company", ["云溪城投集团有限公司", "德国北辰机械有限公司", "瓯江建工集团股份有限公司"])
@pytest.mark.parametrize("serves", ["由{c}提供", "由{c}负责代建厂房", "由{c}承建", "由{c}设计"])
@pytest.mark.parametrize("milestone, etype, date", [("计划今年9月开工", "construction_started", "2031-09"),
                                                    ("一期计划今年12月建成", "completed", "2031-12")])
def test_an_agent_holds_no_milestone(company, serves, milestone, etype, date):
    text = f"{PROJECT}位于云溪经开区，总投资8亿元。项目生产线{serves.format(c=company)}，{milestone}。"
    assert rows(text) == [(etype, PROJECT, date)]
    assert company not in [h.name for h in find_holders(text, extract_org_mentions(text)).items]


def test_a_lender_that_helped_holds_nothing():
    text = f"{PROJECT}总投资8亿元。在云溪农商银行股份有限公司的支持下，该项目新建的车间已于2031年3月投用。"
    assert [r[1] for r in rows(text)] == [PROJECT]


@pytest.mark.parametrize("text", ["云溪城投集团有限公司提供担保5亿元。", "由云溪城投集团有限公司投资建设的星河新材料项目开工。",
                                  "在云溪城投集团有限公司，员工300人。"])
def test_a_company_not_named_as_an_agent_stays(text):
    assert "云溪城投集团有限公司" in [h.name for h in find_holders(text, extract_org_mentions(text)).items]


def test_the_step_switched_off():
    text = f"{PROJECT}位于云溪经开区。项目由云溪城投集团有限公司负责代建标准厂房，计划今年10月动工。"
    with config.steps_off("holders.agents"):
        assert rows(text) != [("construction_started", PROJECT, "2031-10")]
    assert rows(text) == [("construction_started", PROJECT, "2031-10")]


INVESTORS = [("云岭科技有限公司", "星河实业集团有限公司"), ("北辰精工股份有限公司", "瓯江控股集团有限公司"),
             ("北辰精工股份有限公司", "西南有色金属研究院")]  # (an institute investing with a firm)


@pytest.mark.parametrize("a, b", INVESTORS)
@pytest.mark.parametrize("subject", ["该项目", "项目", "这个项目"])
@pytest.mark.parametrize("joint", ["由{a}与{b}合作建设", "由{a}和{b}合资建设", "由{b}投资建设", "由{a}的控股股东——{b}投资建设",
                                   "由{a}与{b}（Example Holdings Pte. Ltd.）合资建设"])
def test_investors_of_the_clause_project_hold_none_of_its_milestones(a, b, subject, joint):
    text = (f"{PROJECT}昨日开工。\n据介绍，{subject}{joint.format(a=a, b=b)}，总投资12亿元，计划明年6月建成投产。")
    assert [(e[0], e[1]) for e in rows(text)] == [("construction_started", PROJECT), ("completed", PROJECT),
                                                  ("production_start", PROJECT)]
    names = [h.name for h in find_holders(text, extract_org_mentions(text)).items]
    assert b not in names


@pytest.mark.parametrize("a, b", INVESTORS)
def test_investors_modifying_a_name_or_with_no_project_stay(a, b):
    text = f"由{b}投资建设的{PROJECT}开工。"
    assert b in [h.name for h in find_holders(text, extract_org_mentions(text)).items]
    text = f"这个园区由{a}和{b}合资建设，计划明年6月投产。"  # (no project named before: the companies stay)
    assert b in [h.name for h in find_holders(text, extract_org_mentions(text)).items]


def test_a_distance_in_time_refers_back_to_the_project():
    text = f"4月15日，{PROJECT}迎来首批设备进场。这距离项目今年2月厂房封顶，只过去了五十多天。"
    assert [r[1] for r in rows(text)] == [PROJECT, PROJECT]
    assert "这距离项目" not in [h.name for h in find_holders(text, extract_org_mentions(text)).items]


def test_the_investors_step_switched_off():
    text = f"{PROJECT}开工。\n该项目由星河实业集团有限公司投资建设，计划明年6月投产。"
    with config.steps_off("holders.investing_agents"):
        assert "星河实业集团有限公司" in [r[1] for r in rows(text)]
    assert [r[1] for r in rows(text)] == [PROJECT, PROJECT]

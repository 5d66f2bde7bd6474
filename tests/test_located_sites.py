"""A park introduced by a locative preposition after a named project, company or batch of its clause is
where the step happens (step ``holders.sites``): it holds neither the milestone nor the figures, and a
reference back after it (该项目) means the project before it. Invented templates vary the names, the
preposition, the verb, the date and what follows."""
import pytest

from lishui_analysis import config
from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.quantities import extract_quantities
from lishui_analysis.ingest.segment import split_sentences

PUB = "2025-09-30"


def read(text):
    sents, orgs = split_sentences(text), extract_org_mentions(text)
    events = extract_events(text, sents, extract_dates(text, PUB), orgs, PUB)
    quantities = extract_quantities(text, sents, orgs)
    return ({e.event_type: e.subject for e in events}, {q.surface: q.subject for q in quantities})


HOLDERS = ["岭拓新材生物基薄膜项目", "星河精工年产20万套轴承项目", "浙江禾旭智能科技有限公司", "云溪科技新能源电池材料项目"]
PARKS = ["澜岳经济开发区紫溪产业园", "青溪高新区智能制造产业园", "云岭化工园区"]


@pytest.mark.parametrize("holder", HOLDERS)
@pytest.mark.parametrize("park", PARKS)
@pytest.mark.parametrize("prep, verb, etype", [("在", "开工建设", "construction_started"), ("于", "正式开工", "construction_started"),
                                              ("在", "建成投产", "production_start")])
@pytest.mark.parametrize("date", ["6月18日，", "今年7月，", ""])
def test_a_park_after_a_locative_is_the_site_not_the_holder(holder, park, prep, verb, etype, date):
    text = f"{date}{holder}{prep}{park}{verb}。该项目总投资6.5亿元，用地120亩，预计2027年5月竣工。\n"
    events, figures = read(text)
    assert events[etype] == holder
    assert events["completed"] == holder  # the reference back after the park: the holder before it
    assert figures["6.5亿元"] == holder and figures["120亩"] == holder


@pytest.mark.parametrize("park", PARKS[:2])  # (a 园区 is a zone: it hosts steps, holds none)
def test_a_park_opening_its_clause_still_holds(park):
    text = f"{park}今年3月开工建设，总投资15亿元。\n"
    events, figures = read(text)
    assert events["construction_started"].endswith(park[-5:]) and figures["15亿元"].endswith(park[-5:])


@pytest.mark.parametrize("park", PARKS)
def test_a_park_in_another_clause_than_the_name_before_it_holds_its_own(park):
    # a clause break between them: the park is the second clause's subject, not a site of the first
    text = f"岭拓新材生物基薄膜项目已经投产，在{park}二期工程总投资9亿元。\n"
    _, figures = read(text)
    assert figures["9亿元"] != "岭拓新材生物基薄膜项目"


def test_the_step_switches_off():
    text = f"{HOLDERS[0]}在{PARKS[0]}开工建设。该项目总投资6.5亿元。\n"
    with config.steps_off("holders.sites"):
        events, figures = read(text)
    assert events["construction_started"] == "紫溪产业园" and figures["6.5亿元"] == "紫溪产业园"

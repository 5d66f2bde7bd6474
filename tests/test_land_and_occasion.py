"""摘地 (to win a plot at a listing) is a land acquisition, and a holder inside a phrase of 在 closed by an
occasion (在某某重大项目集中签约活动中, 在某某开工仪式上) is when a milestone happened, never its holder
(clause_pick.acceptable). Invented templates varying the project, the date and the occasion."""
import pytest

from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.ingest.segment import split_sentences

PUB = "2031-06-12"


def rows(text):
    return [(e.event_type, e.subject, e.date) for e in
            extract_events(text, split_sentences(text), extract_dates(text, PUB), extract_org_mentions(text), PUB)]


@pytest.mark.parametrize("project", ["星河新材料项目", "云岭储能电池基地项目"])
@pytest.mark.parametrize("win", ["成功摘地", "顺利摘地", "摘地"])
def test_zhaidi_is_a_land_acquisition(project, win):
    assert rows(f"{project}3月27日{win}，用地120亩。") == [("land_acquired", project, "2031-03-27")]


@pytest.mark.parametrize("project", ["星河新材料项目", "云岭储能电池基地项目"])
@pytest.mark.parametrize("occasion", ["在云溪市重大项目集中签约活动中", "在云溪县第二批重大项目签约仪式上"])
def test_a_holder_inside_an_occasion_holds_nothing(project, occasion):
    text = f"{project}总投资12亿元。今年1月，项目{occasion}签约落户；3月27日摘地。"
    assert rows(text) == [("settled", project, "2031-01"), ("land_acquired", project, "2031-03-27")]

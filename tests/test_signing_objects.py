"""A signing whose agreement is of a kind that settles no project (credit, supply, cooperation in a
field, a land sale's contract: ``not_objects`` of events.yaml) is no settlement; an investment or project
agreement still is. Invented templates varying the parties, the wording and the agreement."""
import pytest

from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.ingest.segment import split_sentences

PUB = "2031-06-10"


def settled(text):
    return [e.subject for e in extract_events(text, split_sentences(text), extract_dates(text, PUB),
                                              extract_org_mentions(text), PUB) if e.event_type == "settled"]


@pytest.mark.parametrize("company", ["星河精工有限公司", "云岭新材料股份有限公司"])
@pytest.mark.parametrize("agreement", ["融资协议", "了总额5亿元的授信协议", "长期供货协议", "供货及合作框架协议", "技术合作协议",
                                       "了人才合作协议", "出让合同"])
@pytest.mark.parametrize("verb", ["签订", "签署"])
def test_an_agreement_that_settles_nothing(company, agreement, verb):
    assert settled(f"6月7日，{company}与瓯江化工集团有限公司{verb}{agreement}。") == []


@pytest.mark.parametrize("company", ["星河精工有限公司", "云岭新材料股份有限公司"])
@pytest.mark.parametrize("agreement", ["投资协议", "《项目投资协议书》", "了项目合同"])
def test_an_investment_agreement_still_settles(company, agreement):
    assert settled(f"6月7日，{company}与云溪经开区管委会签订{agreement}。") == [company]

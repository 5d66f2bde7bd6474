"""Milestones by class of text (issue #17): each class a template, varied in names, numbers, order
and punctuation. Every name, place and figure here is invented.
"""
import pytest

from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.holders import find_holders
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.ingest.segment import split_sentences

PUB = "2025-06-18"


def rows(text, pub=PUB):
    return [(e.event_type, e.subject, e.subject_type, e.date) for e in
            extract_events(text, split_sentences(text), extract_dates(text, pub), extract_org_mentions(text), pub)]


# ---- a tally: the verb, its head and the count after it (新开工项目15个) -------------------------

TALLY_VERBS = [("新开工", "construction_started"), ("集中开工", "construction_started"), ("开工", "construction_started"),
               ("集中签约", "settled"), ("竣工", "completed"), ("集中竣工", "completed")]


@pytest.mark.parametrize("verb, etype", TALLY_VERBS)
@pytest.mark.parametrize("lead, kept, n, place", [("其中", "", "12", "丹枫县"), ("", "", "7", "石湾区"),
                                                  ("据悉，本次", "本次", "23", "云溪镇")])
def test_a_tally_is_its_batch_milestone(verb, etype, lead, kept, n, place):
    # (其中 opens the clause, 本次 is part of the batch's name)
    text = f"3月12日，{place}举行重点项目集中活动。{lead}{verb}项目{n}个，总投资41.5亿元。"
    got = [r for r in rows(text) if r[0] == etype]
    assert got == [(etype, f"{kept}{verb}项目{n}个", "batch", "2025-03-12")]


@pytest.mark.parametrize("n, verb", [("17", "集中开工"), ("五", "开工"), ("9", "新开工")])
def test_a_verb_naming_a_kind_of_project_counted_before_it_is_no_tally(n, verb):
    # 17个省集中开工项目: projects of a provincial list, counted before the verb; the clause says
    # something else of them (纳统率)
    text = f"白沙县{n}个省{verb}项目投资纳统率达100%，建设进度良好。"
    assert [r for r in rows(text) if r[0] == "construction_started"] == []


# ---- 本次/此次 + a counted phrase: the batch counted before, unless its count differs -------------

def _batches(text):
    return [h.name for h in find_holders(text, extract_org_mentions(text)).items if h.kind == "batch"]


@pytest.mark.parametrize("det", ["本次", "此次"])
@pytest.mark.parametrize("whole, part", [("38", "5"), ("二十", "六"), ("12", "12"), ("七", "七")])
def test_a_batch_referred_back_to_keeps_its_own_count(det, whole, part):
    text = f"4月2日，临江区举行活动，合计项目{whole}个，总投资88亿元。{det}签约项目{part}个，总投资31亿元。"
    same = whole == part
    assert _batches(text) == [f"合计项目{whole}个", f"合计项目{whole}个" if same else f"{det}签约项目{part}个"]

"""A batch's members laid out one a line, each opened by an ordinal, after a colon closing the batch's
sentence or the next sentence restating the batch by its verb (events.line_members,
extract/batch_members._lines_after). Invented templates varying the ordinals, the verb, the names and
the count."""
import pytest

from lishui_analysis import config
from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.ingest.segment import split_sentences

PUB = "2031-06-12"
NAMES = ["星磷新能源材料有限公司年产6万吨磷酸铁项目", "云岭光电科技有限公司车用显示屏项目", "瓯江智联机器人有限公司工业机器人减速器项目"]
ORDINALS = [("1．", "2．", "3．"), ("一、", "二、", "三、"), ("（1）", "（2）", "（3）")]


def rows(text):
    return [(e.event_type, e.subject) for e in
            extract_events(text, split_sentences(text), extract_dates(text, PUB), extract_org_mentions(text), PUB)]


def lines(ordinals, tails):
    return "".join(f"\n{o}{n}{t}" for o, n, t in zip(ordinals, NAMES, tails))


@pytest.mark.parametrize("ordinals", ORDINALS)
@pytest.mark.parametrize("verb, etype", [("拟落户云溪工业园", "settled"), ("拟于年内开工", "construction_started")])
def test_lines_after_the_batch_sentence_colon(ordinals, verb, etype):
    text = f"经联审会议研究，以下3个项目{verb}，现予以公示：" + lines(ordinals, ["：总投资28亿元。", "：总投资6.5亿元。", "：拟用地85亩。"]) \
        + "\n公示期：2031年7月3日至7月9日。"
    got = rows(text)
    assert [(etype, n) for n in NAMES] == [r for r in got if r[1] in NAMES]
    with config.steps_off("events.line_members"):
        assert not [r for r in rows(text) if r[1] in NAMES]


@pytest.mark.parametrize("ordinals", ORDINALS)
@pytest.mark.parametrize("restate", ["签约项目包括：", "签约项目分别为："])
def test_lines_after_the_batch_restated_by_its_verb(ordinals, restate):
    text = ("云溪经开区11日在上海举办推介会，现场集中签约3个项目，总投资56亿元。\n" + restate
            + lines(ordinals, ["，投资32亿元；", "，投资12亿元；", "。"]) + "\n相关负责人表示，园区用地充足。")
    assert [("settled", n) for n in NAMES] == [r for r in rows(text) if r[1] in NAMES]


def test_lines_without_ordinals_or_a_single_line_list_nothing():
    text = "以下3个项目拟落户云溪工业园，现予以公示：\n" + "\n".join(NAMES) + "\n公示期：6月12日至6月18日。"
    assert not [r for r in rows(text) if r[1] in NAMES]
    text = "以下1个项目拟落户云溪工业园，现予以公示：\n1．" + NAMES[0] + "：总投资28亿元。"
    assert not [r for r in rows(text) if r[1] == NAMES[0] and r[0] == "settled"]

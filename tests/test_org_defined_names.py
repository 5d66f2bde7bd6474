"""Short names an article defines for a body ("hereafter called"): every form of the note, and a
short name that is itself read as a full name: invented templates varying names, notes and order."""
import pytest

from lishui_analysis import config
from lishui_analysis.extract.organizations import extract_org_mentions

NOTES = ["（以下简称“{}”）", "（下称“{}”）", "（以下称“{}”）", "（简称：{}）", "（下文简称“{}”）", "（以下简称{}）"]
FIRMS = [("湖南中联澜驰智能装备有限公司", "澜驰装备"), ("浙江禾旭曜川科技股份有限公司", "曜川科技"),
         ("江西某阳栖梧新材料有限公司", "栖梧新材")]


def pairs(text):
    return {(m.surface, m.name) for m in extract_org_mentions(text)}


@pytest.mark.parametrize("note", NOTES)
@pytest.mark.parametrize("full, short", FIRMS)
def test_every_form_of_the_note_defines_a_short_name(note, full, short):
    text = f"5月5日，{full}{note.format(short)}在经开区举行首台下线仪式。项目由{short}投资建设。"
    assert (short, full) in pairs(text)


@pytest.mark.parametrize("place, level", [("丽水", "市"), ("衢州", "市"), ("遂昌", "县")])
@pytest.mark.parametrize("long, short", [("城市建设投资集团", "城投集团"), ("交通投资集团有限公司", "交投集团"),
                                         ("国有资本运营有限公司", "国资公司")])
@pytest.mark.parametrize("quoted", [True, False])
def test_a_defined_short_name_with_a_suffix_of_its_own_is_the_body(place, level, long, short, quoted):
    full, brief = f"{place}{level}{long}", f"{level}{short}"
    note = f"（以下简称“{brief}”）" if quoted else f"（以下简称{brief}）"
    text = f"项目由{full}{note}投资建设。去年，{brief}完成投资12亿元。"
    assert {m.name for m in extract_org_mentions(text)} == {full}


def test_defined_short_names_is_a_named_step():
    text = "项目由丽水市城市建设投资集团（以下简称市城投集团）投资建设。市城投集团表示。"
    with config.steps_off("organizations.defined_short_names"):
        assert "市城投集团" in {m.name for m in extract_org_mentions(text)}


@pytest.mark.parametrize("trade", ["澜岳科技", "禾旭光电", "曜川电子"])
@pytest.mark.parametrize("word", ["园", "城"])
def test_a_trade_name_never_ends_inside_a_word_of_its_letters(trade, word):
    """某某科技董事长 names the firm; 某某科技园 is a park whose name holds the firm's (科技园 is a word)."""
    text = f"{trade}董事长表示，{trade}{word}二期明年投用。"
    spans = [(m.surface, text[m.end:m.end + 1]) for m in extract_org_mentions(text)]
    if f"{trade[-2:]}{word}" in ("科技园", "科技城"):
        assert (trade, word) not in spans
    assert (trade, "董") in spans

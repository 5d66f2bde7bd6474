"""Speed-ups that must not change an answer (issue #20), on invented text: a pattern scanned over
every body starts with a lookahead on its words' first characters and finds exactly what the plain
alternation finds; a clause without an acceptable holder (no index built) picks what the scan by
definition picks."""
import itertools
import random
import re

import pytest

from lishui_analysis.extract.context import trie_regex
from lishui_analysis.extract.figure_holder import _pick, _pick_scan
from lishui_analysis.extract.holder_phrases import vocab
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.subjects import find_holders
from lishui_analysis.vocab import regions, regions_longest_first

FILLER = ["全年实现产值", "，", "。", "企业", "新增", "3.5亿元", "\n", "（", "”", "云栖", "项目开工", "我们", "该"]


def _places() -> list[str]:
    return [r for r in regions_longest_first() if regions()[r]["level"] != "country"]


def _plain_region_re() -> re.Pattern:
    """The region pattern as it was written before its lookahead: the same words, no guard."""
    return re.compile(f"{trie_regex(set(vocab()['region_words']))}|{trie_regex(set(_places()))}")


@pytest.mark.parametrize("seed", range(6))
def test_region_pattern_finds_what_the_plain_alternation_finds(seed):
    rng = random.Random(seed)
    words = list(vocab()["region_words"]) + _places()
    pieces = [rng.choice(words if rng.random() < 0.4 else FILLER) for _ in range(400)]
    text = "".join(pieces)
    guarded, plain = vocab()["region_re"], _plain_region_re()
    found = [m.span() for m in guarded.finditer(text)]
    assert found == [m.span() for m in plain.finditer(text)]
    assert found  # the text holds region words: the comparison compared something
    # and anchored uses (match at a position, search in a window) agree too
    for pos in range(0, len(text), 7):
        a, b = guarded.match(text, pos), plain.match(text, pos)
        assert (a and a.span()) == (b and b.span())


def test_region_pattern_on_text_without_a_region_finds_nothing():
    assert not vocab()["region_re"].search("星河智造基地投资八亿元，年产电池十万组。")


SENTENCES = [
    "{co}投资{n}亿元建设{proj}，预计明年投产，达产后年产值{n}亿元。",
    "今年以来，全区新增投资{n}亿元，其中{proj}完成{n}亿元、{co}完成{n}亿元。",
    "据介绍，该项目总投资{n}亿元，用地{n}亩；{co}董事长表示，将加快建设。",
    "“我们今年投资{n}亿元。”{proj}负责人说，占地{n}亩。",
]
COMPANIES = ["浙江星澜电池有限公司", "丽水瓯远轴承股份有限公司", "云栖精工科技有限公司"]
PROJECTS = ["星澜年产5GWh电池项目", "瓯远精密轴承产业园", "云栖智能装备基地"]


@pytest.mark.parametrize("template,co,proj", list(itertools.product(SENTENCES, COMPANIES, PROJECTS))[::2])
def test_pick_with_its_indexes_is_the_pick_by_definition(template, co, proj):
    text = template.format(co=co, proj=proj, n=7)
    holders = find_holders(text, extract_org_mentions(text))
    starts = [0] + [m.end() for m in re.finditer("[，。；：、]", text)]
    answered = empty = 0
    for c in starts:
        for hi in range(c, len(text) + 1):
            for role, event in (("project", False), ("company", False), ("company", True)):
                want = _pick_scan(holders, c, hi, role, event)
                assert _pick(holders, c, hi, role, event) == want, (text[c:hi], role, event)
                answered += want is not None
                empty += want is None
    assert answered and empty  # both kinds of clause were compared


@pytest.mark.parametrize("lead", ["今年，", "1-9月，", "据统计，", ""])
def test_every_firm_category_opening_a_clause_is_still_read(lead):
    from lishui_analysis.extract.holders import _firm_categories, _Reading

    words = list(vocab()["firm_categories"])
    for i, word in enumerate(words):
        chained = word + words[(i + 1) % len(words)]  # two categories in a row: 规上龙头企业-like
        for name in (word + "企业", chained + "企业"):
            r = _Reading(f"{lead}{name}实现产值{i + 3}.5亿元。")
            _firm_categories(r)
            assert [h.name for h in r.found if h.kind == "batch"] and r.found[0].name.endswith(name), (lead, name)


@pytest.mark.parametrize("verb", ["完成产值", "实现营收", "规模突破", "增加值增长"])
def test_an_industry_opening_a_clause_is_still_read(verb):
    from lishui_analysis.extract.holders import _industries, _Reading

    r = _Reading(f"去年，松阳县精密轴承产业{verb}12.5亿元。")
    _industries(r)
    assert [(h.name, h.kind) for h in r.found] == [("松阳县精密轴承产业", "batch")]
    r = _Reading(f"去年，松阳县精密轴承行业{verb}12.5亿元。")  # no 产业 before the verb: nothing
    _industries(r)
    assert r.found == []

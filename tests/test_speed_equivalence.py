"""The shortcuts of issue #20's CPU work give what the plain code gives (invented strings only)."""
from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from lishui_analysis import config
from lishui_analysis.extract import forecast, holder_phrases, milestone_dates
from lishui_analysis.ingest import lines, segment

# characters of every class the patterns care about: name characters, digits, Latin letters,
# separators, quotes, brackets, spaces, line breaks and the words' own characters
_ALPHABET = "云岭星河科技项目园区建成投产后历时个月天年将预计计划已累计，。；：！？、“”（）() \n0123456789Ab一二两十"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_last_non_name_match_ends_where_the_last_stop_does(text, a, b):
    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    v = holder_phrases.vocab()
    s = lo
    for stop in v["non_name"].finditer(text, lo, hi):
        s = stop.end()
    m = v["last_non_name"].match(text, lo, hi)
    assert (m.end() if m is not None else lo) == s


def _without_lookahead(p: re.Pattern) -> re.Pattern:
    """The pattern less the first-character lookahead it opens with."""
    body = re.sub(r"^\(\?=\[(?:\\.|[^\]\\])*\]\)", "", p.pattern, count=1)
    assert body != p.pattern
    return re.compile(body)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=80))
def test_first_character_lookaheads_change_no_match(text):
    modal = forecast._patterns()[0]
    for p in (modal, milestone_dates._SPAN_TOLD, segment._SENT_BREAK):
        plain = _without_lookahead(p)
        assert [m.span() for m in p.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_a_line_kind_remembered_follows_the_steps_switched_off():
    line = "http://www.yunling.example/news/12.html"
    assert lines._kind(line) == "chrome"
    with config.steps_off("segment.unmark_url_lines"):
        assert lines._kind(line) == lines._kind_of.__wrapped__(line, config.STEPS_OFF) != "chrome"
    assert lines._kind(line) == "chrome"


def test_a_long_paragraph_is_classified_but_not_remembered():
    para = "云岭星河科技项目日前开工，" * 10
    before = lines._kind_of.cache_info().currsize
    assert lines._kind(para) == lines._kind_of.__wrapped__(para, config.STEPS_OFF)
    assert lines._kind_of.cache_info().currsize == before


# pieces of invented lists of firms: names, the list mark, 等 … 企业/公司, clause marks, enumeration verbs
_LIST_PIECES = ["云岭", "星河科技", "岚峰", "甲乙丙丁戊", "、", "等", "企业", "公司", "5家", "龙头", "，", "。", "；",
                "：", "\n", "包括", "涵盖了", "如", "尤其是", "外延", "有"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LIST_PIECES), max_size=40))
def test_list_prefilters_change_no_match(pieces):
    from lishui_analysis.extract import org_lists

    text = "".join(pieces)
    rx = org_lists._tables()["enum_re"]
    plain = [m.span() for m in rx.finditer(text)]
    for long_lists in (None, False, True):
        assert [m.span() for m in org_lists.enumerations(text, long_lists)] == plain
    breaks = org_lists._tables()["breaks_re"]
    assert [m.span() for m in org_lists.clause_lists(text)] == [
        m.span() for m in org_lists._CLAUSE_LIST.finditer(text) if breaks.match(text, m.start(1)) is None]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET + "&·（）", max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_last_character_no_name_gives_the_name_run(text, a, b):
    from lishui_analysis.extract import organizations

    lo, hi = sorted((min(a, len(text)), min(b, len(text))))
    run = re.compile(r"[\u4e00-\u9fffA-Za-z&·]*\Z").search(text, lo, hi)  # the run ending at hi, as searched before
    m = organizations._LAST_NOT_NAME.match(text, lo, hi)
    assert run is not None and (m.end() if m else lo) == run.start()


def test_a_name_with_a_region_reaching_past_the_window_fails_nothing():
    from lishui_analysis.extract import organizations

    text = "某某（云岭）" + "星" * 28 + "有限公司"
    assert organizations._left_edge(text, len(text) - 4) == 4  # (before: the search past the window found nothing)

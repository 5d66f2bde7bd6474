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

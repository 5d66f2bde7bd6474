"""The word lists of milestones (extract/event_words.py): the future words after 投产后 are found as a
plain reading of their rule finds them (可 and 能 only outside words of the dictionary)."""
from hypothesis import given, settings
from hypothesis import strategies as st

from lishui_analysis.extract import lexicon
from lishui_analysis.extract.event_words import FUTURE_WORDS, MODAL_CHARS, future_within


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["可", "能", "智能", "许可", "可以", "将", "投产", "后", "，", "产值", "年"]), max_size=25),
       st.data())
def test_future_words_are_found_as_a_plain_reading_finds_them(parts, data):
    text = "".join(parts)
    hi = data.draw(st.integers(0, len(text)))
    lo = data.draw(st.integers(0, hi))
    words = lexicon.tags()

    def alone(i, w):
        pairs = [p for p in (text[max(0, i - 1):i + 1], text[i:i + 2]) if len(p) == 2]
        return w not in MODAL_CHARS or not any(p in words and p not in FUTURE_WORDS for p in pairs)
    plain = any(text.startswith(w, i) and i + len(w) <= hi and alone(i, w)
                for i in range(lo, hi) for w in FUTURE_WORDS)
    assert future_within(text, lo, hi) == plain

"""Property-based: on arbitrary text the pipeline never raises, spans stay valid, values stay finite."""
import math

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lishui_analysis.ingest import clean, segment
from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.quantities import extract_quantities

PIECES = ["亿元", "万元", "元", "亩", "公顷", "万平方米", "万方", "个月", "个半月", "天", "年", "幢", "名", "家", "%", "片",
          "约", "近", "超", "余", "左右", "第", "至", "，", "。", "；", "“", "”", "（", "）", "(", ")", ",", "\n", "\n\n",
          "有限公司", "集团", "经开区", "丽水", "浙江", "省", "局", "以下简称“", "本报讯", "记者 ", "通讯员 ",
          "今年", "明年", "同年", "同日", "日前", "月", "日", "开工", "封顶", "投产", "落户", "此次", "将", "预计",
          "十四", "两", "四千", "百分之", "9999999999999", "1,200", "26.96", "0", "3", "12"]
chinese = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=3)), max_size=40).map("".join)
anything = st.one_of(chinese, st.text(max_size=200))


def _check_article_text(text, pub):
    sents = segment.split_sentences(text)
    for s, e, t in sents:
        assert text[s:e] == t
    orgs = extract_org_mentions(text)
    for o in orgs:
        assert text[o.start:o.end] == o.surface and o.surface
    for q in extract_quantities(text, sents, orgs, pub):
        assert text[q.start:q.end] == q.surface
        assert math.isfinite(q.value)
    dates = extract_dates(text, pub)
    for d in dates:
        assert text[d.start:d.end] == d.surface
    for e in extract_events(text, sents, dates, orgs, pub):
        assert text[e.start:e.end] == e.surface


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(anything, st.sampled_from(["", "2024", "2024-12", "2024-12-20"]))
def test_extractors_never_raise_and_keep_provenance(text, pub):
    _check_article_text(text, pub)


@settings(max_examples=200, deadline=None)
@given(anything)
def test_cleaning_and_segmentation_never_raise(text):
    cleaned = clean.normalize_text(text)
    for art in segment.segment_page(cleaned):
        assert "\n\n" not in art.body
        _check_article_text(art.body, "2024-12")


def test_huge_numbers_stay_finite():
    text = "总投资9999999999999亿元，" + "9" * 400 + "亿元。"
    sents = segment.split_sentences(text)
    qs = extract_quantities(text, sents)
    assert all(math.isfinite(q.value) for q in qs)

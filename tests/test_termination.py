"""Every function that takes text or a field value terminates on any string, fast.

Hypothesis draws strings from the pieces real pages are made of — metadata labels with nothing after
them (``来源：`` then a newline), lone and unbalanced brackets and quotes, bylines, dates, figures,
organization suffixes, milestone verbs — and from arbitrary Unicode. Each call runs under a CPU
budget (:mod:`lishui_analysis.tables.budget`): a loop fails the test with the input that caused it
instead of hanging the suite. Linear time on the worst shapes is measured by ``make bench``.
"""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.numbers import parse_number
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.quantities import extract_quantities
from lishui_analysis.extract.subjects import find_holders
from lishui_analysis.ingest import clean, segment, webpage
from lishui_analysis.ingest.load import RawDocument, parse_pub_date
from lishui_analysis.tables.budget import cpu_budget
from lishui_analysis.tables.document import process_document

#: CPU seconds one call on a drawn string (≤ a few hundred characters) may take.
LIMIT = 5.0

LABELS = ["来源：", "来源:", "稿源：", "作者：", "记者 ", "通讯员 ", "编辑：", "责任编辑：", "发布时间：", "发布时间:",
          "时间：", "日期：", "摘要：", "原标题：", "本报讯", "本报讯（记者 ", "新华社杭州5月3日电", "/摄", "文/",
          "浏览次数：", "【", "】", "要闻 |", "|", "｜", "——", "2023-05-08 09:14:02", "2021年3月12日", "09-07 15:10"]
BRACKETS = ["（", "）", "(", ")", "“", "”", "‘", "’", "《", "》", "「", "」", "【", "[", "]", "\"", "'"]
BODY = ["云岭", "青田", "松阳", "科技", "有限公司", "股份有限公司", "集团", "经开区", "开发区", "管委会", "项目", "工厂",
        "基地", "产业园", "一期", "总投资", "投资", "亿元", "万元", "亩", "万平方米", "片", "台", "天", "个月", "%",
        "3", "12.5", "二十", "四千余", "近", "约", "至", "、", "，", "。", "；", "：", "！", "？", "\n", "\n\n", " ",
        "今年", "去年", "明年", "本月9日", "上个月15号", "下月九号", "正月初八", "春节后", "同年", "当日", "从", "到",
        "开工", "封顶", "结顶", "投产", "竣工", "签约", "落户", "摘牌", "奠基", "拍地", "历时", "仅用", "暨", "等一批",
        "以下简称“", "该项目", "此次", "将", "计划", "预计", "力争", "的", "与", "在", "是"]
pieces = st.sampled_from(LABELS + BRACKETS + BODY)
page_text = st.lists(st.one_of(pieces, st.text(max_size=3)), max_size=60).map("".join)
any_text = st.one_of(page_text, st.text(max_size=300))
pub_dates = st.sampled_from(["", "2024", "2024-12", "2024-12-20"])
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _run(f, *args):
    with cpu_budget(LIMIT):
        return f(*args)


@SETTINGS
@given(any_text)
def test_cleaning_and_segmenting_terminate(text):
    cleaned = _run(clean.normalize_text, text)
    _run(clean.normalize_page, text)
    arts = _run(segment.segment_page, cleaned)
    for a in arts:
        _run(segment.split_sentences, a.body)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(LABELS + BRACKETS), st.text(max_size=4)), max_size=12).map("".join))
def test_metadata_and_byline_lines_terminate(line):
    _run(segment.parse_meta_line, line)
    _run(segment.parse_date_line, line)
    _run(segment.parse_byline_names, line)
    _run(segment.is_byline_line, line)
    _run(segment.match_byline_lead, line)


@SETTINGS
@given(any_text, pub_dates)
def test_extractors_terminate(text, pub):
    sents = _run(segment.split_sentences, text)
    orgs = _run(extract_org_mentions, text)
    holders = _run(find_holders, text, orgs)
    _run(extract_quantities, text, sents, orgs, pub)
    dates = _run(extract_dates, text, pub)
    _run(extract_events, text, sents, dates, orgs, pub, holders)


@SETTINGS
@given(st.text(max_size=40) | st.lists(st.sampled_from(list("0123456789.,，万亿千百十零一二三四五六七八九两余多半"))
                                       , max_size=30).map("".join))
def test_numbers_and_dates_of_fields_terminate(value):
    _run(parse_number, value)
    _run(parse_pub_date, value)


@SETTINGS
@given(any_text, pub_dates)
def test_a_whole_document_terminates(text, pub):
    doc = RawDocument("x", "x.txt", text, "utf-8", "0", len(text.encode()), "text")
    _run(process_document, doc, {"pub_date": pub} if pub else {})


TAGS = ["<html>", "<head>", "<title>", "</title>", "<meta charset=\"gbk\">", "<body>", "<div class=\"article\">",
        "<div>", "</div>", "<p>", "</p>", "<h1>", "</h1>", "<br>", "<script>", "</script>", "<!--", "-->", "<",
        ">", "&nbsp;", "&#", "<span style=\"display:none\">", "</span>", "<a href=\"/x\">", "</a>"]


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(TAGS), pieces, st.text(max_size=3)), max_size=80).map("".join))
def test_web_pages_terminate(html):
    try:
        _run(webpage.extract_page, html)
    except Exception as exc:  # noqa: BLE001 - a refusal must be the package's one-line input error
        from lishui_analysis.errors import InputError
        assert isinstance(exc, InputError), repr(exc)


@SETTINGS
@given(any_text, st.data())
def test_stated_durations_terminate_and_land_on_given_verbs(text, data):
    from lishui_analysis.extract.durations import assign, durations_in

    verbs = sorted(data.draw(st.sets(st.integers(0, max(0, len(text) - 1)), max_size=6)))
    found = _run(durations_in, text)
    assert all(0 <= a < b <= len(text) and d > 0 for a, b, d in found)
    assert set(_run(assign, text, 0, len(text), verbs)) <= set(verbs)


def test_a_metadata_line_with_an_empty_source_field_builds(tmp_path):
    """A web article's date line ending in an empty 来源 field (the body follows on the next line)."""
    from lishui_analysis.tables.corpus import build

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty_source.txt").write_text(
        "云岭科技新厂房结顶\n发布时间:2031-05-08 09:14:02来源:\n"
        "云岭科技新厂房昨日结顶，项目总投资6亿元，计划今年10月投产。\n", encoding="utf-8")
    with cpu_budget(30):
        counts = build(raw, tmp_path / "out")
    assert counts["articles"] == 1 and counts["quantities"] == 1

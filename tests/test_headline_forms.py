"""Headlines by form, not by position (issue #17, item 5): column labels, media names, addresses,
dates, photo credits and staff lines are never a title; two stacked title lines are told apart as
kicker / headline / subheadline by their form; a medium's name before or after a title goes, a column
or place before it stays (as the page writes it).

Templates on invented text: the names, numbers, order and punctuation vary; no line is a development
sentence.
"""
from __future__ import annotations

import itertools

import pytest

from lishui_analysis import config
from lishui_analysis.ingest import clean, segment
from lishui_analysis.ingest.lines import (
    is_bare_date, is_column_label, is_media_line, is_media_name, is_photo_credit, is_staff_line, is_url_line,
)

PLACES = ["云岭县", "瓯江口新区", "青田县石门镇"]
WORKS = [("星河新材料项目", "开工"), ("云岭精工产业园二期", "结顶"), ("松溪智能装备基地", "投产")]
AMOUNTS = ["8.5亿元", "12亿元", "36.8亿元"]
HEADLINES = [f"{p}{w}{v}" for p, (w, v) in zip(PLACES, WORKS)]
LEADS = ["本报讯（记者 林小雨 通讯员 王大山）日前，{h}。", "记者 周青山\n日前，{h}，总投资{a}。",
         "云岭网讯（记者 吴一帆）日前，{h}。"]


def _page(*lines: str) -> list:
    return segment.segment_page(clean.normalize_text("\n".join(lines)))


def _one(*lines: str):
    arts = _page(*lines)
    assert len(arts) == 1, [(a.kicker, a.headline) for a in arts]
    return arts[0]


def _cases(n: int = 3):
    """(headline, lead paragraph) pairs: each headline with a different lead form."""
    out = []
    for k, (h, a) in enumerate(zip(HEADLINES, AMOUNTS)):
        out.append((h, LEADS[k % len(LEADS)].format(h=h, a=a)))
    return out[:n]


# ---------------------------------------------------------------- lines that are never a title
COLUMN_LABELS = ["要闻 |", "县域动态丨", "｜本地要闻｜", "今日头条", "新闻中心 > 县域新闻", "新闻中心»图片新闻»正文",
                 "A3版：要闻", "第12版 综合新闻", "【图片新闻】", "时政"]


@pytest.mark.parametrize("label", COLUMN_LABELS)
@pytest.mark.parametrize("headline, lead", _cases())
def test_a_column_label_above_the_title_is_never_the_title(label, headline, lead):
    art = _one(label, headline, lead)
    assert (art.kicker, art.headline, art.subheadline) == ("", headline, "")
    assert label not in art.body


MEDIA_LINES = ["云岭日报", "青田新闻网", "瓯江在线", "云岭发布", "云岭融媒", "松溪客户端", "云岭日报 2031年5月6日",
               "瓯江晚报 2031-05-06 星期二", "【云岭新闻】"]


@pytest.mark.parametrize("media", MEDIA_LINES)
@pytest.mark.parametrize("above", [True, False])
def test_a_media_name_line_is_a_masthead_never_the_title(media, above):
    headline, lead = _cases(1)[0]
    lines = (media, headline, lead) if above else (headline, media, lead)
    art = _one(*lines)
    assert (art.kicker, art.headline, art.subheadline) == ("", headline, "")
    assert media not in art.body


@pytest.mark.parametrize("url", ["https://www.example.cn/news/2031/0506/88.html", "http://example.cn/a?id=7",
                                 "www.yunling.example.cn", "原文链接：https://www.example.cn/b/2.html"])
@pytest.mark.parametrize("where", ["top", "middle", "end"])
def test_an_address_is_never_a_title_nor_body_text(url, where):
    headline, lead = _cases(1)[0]
    lines = {"top": (url, headline, lead, "项目年产值可达20亿元。"),
             "middle": (headline, lead, url, "项目年产值可达20亿元。"),
             "end": (headline, lead, "项目年产值可达20亿元。", url)}[where]
    art = _one(*lines)
    assert art.headline == headline
    assert "example" not in art.body and "项目年产值可达20亿元。" in art.body


@pytest.mark.parametrize("date", ["5月6日", "12月31日 星期三", "05-06", "二〇三一年五月六日", "十一月二十日"])
@pytest.mark.parametrize("headline, lead", _cases())
def test_a_date_line_without_a_year_is_never_the_title(date, headline, lead):
    art = _one(date, headline, lead)
    assert (art.kicker, art.headline) == ("", headline)


@pytest.mark.parametrize("credit", ["图/林小雨", "图片：林小雨 王大山", "摄影/周青山", "（图/吴一帆）", "林小雨/图"])
@pytest.mark.parametrize("headline, lead", _cases())
def test_a_photo_credit_under_the_title_is_no_part_of_it(credit, headline, lead):
    art = _one(headline, credit, lead)
    assert (art.kicker, art.headline, art.subheadline) == ("", headline, "")
    assert credit.strip("（）") not in art.body


@pytest.mark.parametrize("staff", ["编辑 王大山 审核 周青山", "责编 林小雨 校对 吴一帆 终审 周青山", "（编辑 王大山 审核 周青山）"])
def test_a_staff_line_is_metadata(staff):
    headline, lead = _cases(1)[0]
    art = _one(headline, lead, staff)
    assert art.headline == headline and "审核" not in art.body and "校对" not in art.body
    assert art.reporters == ["林小雨"]  # editors are no reporters


@pytest.mark.parametrize("label", ["原标题：", "原标题:", "原标题 ："])
def test_an_original_title_line_is_metadata(label):
    headline, lead = _cases(1)[0]
    art = _one(headline, label + "星河项目跑出加速度", lead)
    assert (art.kicker, art.headline, art.subheadline) == ("", headline, "")
    assert "原标题" not in art.body


def test_the_title_forms_hold_in_any_order_of_the_furniture():
    headline, lead = _cases(1)[0]
    furniture = ["要闻 |", "云岭日报 2031年5月6日", "5月6日", "https://www.example.cn/a/1.html"]
    for order in itertools.permutations(furniture):
        art = _one(*order, headline, lead)
        assert (art.kicker, art.headline, art.subheadline) == ("", headline, ""), order


@pytest.mark.parametrize("line", [*HEADLINES, "云岭县新闻出版产业园开工", "星河网络科技项目落地", "瓯江口新区日报亭改造完成",
                                  "工业互联网平台上线", "云岭县发布惠企政策十条"])
def test_real_titles_are_none_of_these_forms(line):
    assert not any(f(line) for f in (is_column_label, is_media_line, is_url_line, is_bare_date, is_photo_credit,
                                     is_staff_line))
    assert segment._kind(line) == "title"


@pytest.mark.parametrize("name, expected", [("云岭日报", True), ("青田新闻网", True), ("云岭发布", True),
                                            ("工业互联网", False), ("智能电网", False), ("云岭县新闻发布", False),
                                            ("云岭大桥今天通车", False), ("网", False)])
def test_media_names(name, expected):
    assert is_media_name(name) is expected


# ---------------------------------------------------------------- kicker, headline, subheadline by form
SUBS = ["——总投资{a}的项目今天{v}", "—总投资{a}的项目今天{v}", "--总投资{a}的项目今天{v}", "（总投资{a}的项目今天{v}）",
        "(总投资{a}的项目今天{v})", "【总投资{a}的项目今天{v}】"]


@pytest.mark.parametrize("sub", SUBS)
@pytest.mark.parametrize("k", range(3))
def test_a_marked_second_line_is_the_subheadline_without_its_marks(sub, k):
    headline, lead = _cases()[k]
    a, v = AMOUNTS[k], WORKS[k][1]
    art = _one(headline, sub.format(a=a, v=v), lead)
    assert (art.kicker, art.headline, art.subheadline) == ("", headline, f"总投资{a}的项目今天{v}")


@pytest.mark.parametrize("figures", ["年产值超{a} 用地150亩", "总投资{a}、用地86亩", "投资{a}，建筑面积12万平方米",
                                     "计划投资约{a}"])
@pytest.mark.parametrize("k", range(3))
def test_a_second_line_of_figures_only_is_the_subheadline(figures, k):
    headline, lead = _cases()[k]
    sub = clean.normalize_text(figures.format(a=AMOUNTS[k]))
    art = _one(headline, sub, lead)
    assert (art.kicker, art.headline, art.subheadline) == ("", headline, sub)


@pytest.mark.parametrize("kicker", ["山水筑底 创新赋能", "项目为王 实干争先 奋楫扬帆", "“拼经济 抓项目”", "“一季度开门红”",
                                    "“云岭速度”"])
@pytest.mark.parametrize("k", range(3))
def test_a_slogan_or_a_quotation_above_is_the_kicker_however_long_the_line_below(kicker, k):
    place, (work, verb) = PLACES[k], WORKS[k]
    headline = f"{place}{work}等六个重大产业项目今天集中{verb}总投资{AMOUNTS[k]}"
    art = _one(kicker, headline, _cases()[k][1])
    assert (art.kicker, art.headline, art.subheadline) == (kicker, headline, "")


@pytest.mark.parametrize("k", range(3))
def test_a_long_explanatory_line_below_is_still_the_subheadline(k):
    headline = HEADLINES[k]
    sub = f"今年以来{PLACES[k]}新开工亿元以上产业项目{12 + k}个，完成投资{AMOUNTS[k]}"
    art = _one(headline, sub, _cases()[k][1])
    assert (art.kicker, art.headline, art.subheadline) == ("", headline, sub)


@pytest.mark.parametrize("k", range(3))
def test_a_plain_short_line_above_is_the_kicker(k):
    kicker = f"{PLACES[k]}跑出项目建设加速度"
    art = _one(kicker, HEADLINES[k], _cases()[k][1])
    assert (art.kicker, art.headline, art.subheadline) == (kicker, HEADLINES[k], "")


# ---------------------------------------------------------------- a medium's name before or after a title
@pytest.mark.parametrize("form", ["{m}：{h}", "{m}:{h}", "{m} | {h}", "{m}丨{h}", "{m}｜{h}", "【{m}】{h}", "{h}_{m}",
                                  "{h} | {m}", "{h} - {m}"])
@pytest.mark.parametrize("media", ["云岭新闻网", "云岭发布", "瓯江日报", "青田在线"])
def test_a_media_name_before_or_after_the_title_goes(form, media):
    headline, lead = _cases(1)[0]
    art = _one(form.format(m=media, h=headline), lead)
    assert art.headline == headline


@pytest.mark.parametrize("form", ["{c} | {h}", "{c}丨{h}", "{c}：{h}"])
@pytest.mark.parametrize("column", ["县域动态", "云岭县", "项目一线", "工业互联网"])
def test_a_column_or_place_before_the_title_stays_as_written(form, column):
    headline, lead = _cases(1)[0]
    title = clean.normalize_text(form.format(c=column, h=headline))
    art = _one(title, lead)
    assert art.headline == title


# ---------------------------------------------------------------- each form switched off
OFF = [
    ("unmark_column_labels", ("县域动态丨", HEADLINES[0], _cases(1)[0][1])),
    ("unmark_media_names", ("云岭日报 2031年5月6日", HEADLINES[0], _cases(1)[0][1])),
    ("unmark_bare_dates", ("5月6日", HEADLINES[1], _cases(2)[1][1])),
    ("unmark_photo_credits", (HEADLINES[1], "图/林小雨", _cases(2)[1][1])),
    ("drop_media_name", ("云岭新闻网：" + HEADLINES[2], _cases(3)[2][1])),
    ("bracketed_subheadline", (HEADLINES[0], "（总投资8.5亿元的项目今天开工）", _cases(1)[0][1])),
    ("figure_subheadline", (HEADLINES[0], "年产值超20亿元 用地150亩", _cases(1)[0][1])),
    ("kicker_form", ("山水筑底 创新赋能", HEADLINES[2] + "等六个项目同日集中开工", _cases(3)[2][1])),
]


@pytest.mark.parametrize("name, lines", OFF, ids=[o[0] for o in OFF])
def test_each_form_is_a_step_that_can_be_switched_off(name, lines):
    def titles():
        return [(a.kicker, a.headline, a.subheadline) for a in _page(*lines)]
    normal = titles()
    with config.steps_off(f"segment.{name}"):
        off = titles()
    assert off != normal

"""Headlines, kickers and bylines by form, round 4 (issue #17, item 5): a long kicker of figures over a
front-page lead, crumbs under no 首页, an app's channel header, a page's letter code, a count closing a line
of clauses, a subheadline led by 总投资, an issuer's numeric dateline, a jump line closing a paragraph, a
digest box, the place a report is filed from, a page's counters after an author, a spoken sign-off.

Templates on invented text: places, firms, people, numbers and order vary; no line is from a real report.
"""
from __future__ import annotations

import pytest

from lishui_analysis.ingest import clean, segment
from lishui_analysis.ingest.furniture import is_channel_line, is_column_label, is_crumb_line, is_name_dateline
from lishui_analysis.ingest.lines import _kind, parse_byline_names, parse_meta_line

PLACES = ["云岭县", "瓯江口新区", "松溪镇"]
WORKS = ["星河新材料项目开工", "精工产业园二期结顶", "智能装备基地投产"]
HEADS = [p + w for p, w in zip(PLACES, WORKS)]
NAMES = ["林小雨", "周青山", "吴一帆"]
COUNTS = [(21, 96, 7), (14, 52.5, 3), (38, 310, 12)]


def _page(*lines: str) -> list:
    return segment.segment_page(clean.normalize_text("\n".join(lines)))


def _titles(arts) -> list[tuple[str, str, str]]:
    return [(a.kicker, a.headline, a.subheadline) for a in arts]


def _kicker(place: str, signed: int, amount: float, more: int) -> str:
    return (f"上半年{place}新签约亿元以上项目{signed}个、总投资{amount}亿元，新开工项目同比增加{more}个，"
            f"“交地即交证”在{place}各园区渐成常态")


# ---------------------------------------------------------------- a long kicker over a front-page lead
@pytest.mark.parametrize("place, head, name", list(zip(PLACES, HEADS, NAMES)))
@pytest.mark.parametrize("counts", COUNTS)
@pytest.mark.parametrize("sub", ["", "一家新材料企业的三百天“成长日记”"])
def test_a_long_kicker_of_figures_is_the_kicker(place, head, name, counts, sub):
    kicker = _kicker(place, *counts)
    assert len(kicker) > 50
    lines = ["云岭日报", "2031年5月6日 星期二", "第01版：要闻", kicker, head] + ([sub] if sub else [])
    arts = _page(*lines, f"本报记者 {name}", "5月5日，项目开工。")
    assert _titles(arts) == [(kicker, head, sub)]


@pytest.mark.parametrize("head, name", list(zip(HEADS, NAMES)))
def test_a_broken_body_line_over_titles_stays_body(head, name):
    # a paragraph's first part over its own rest is no kicker: the line above it does not end a sentence
    body = "据统计，上半年新签约亿元以上项目21个、总投资96亿元，新开工项目同比增加7个，其中制造业项目"
    arts = _page("云岭大桥通车", f"记者 {name}", "日前，大桥通车", body, head, f"记者 {name}", "日前，项目开工。")
    assert all(a.kicker != body for a in arts)


@pytest.mark.parametrize("place, head", list(zip(PLACES, HEADS)))
@pytest.mark.parametrize("counts", COUNTS)
def test_a_count_closing_a_line_of_clauses_ends_the_kicker(place, head, counts):
    signed, amount, more = counts
    kicker = f"新签约项目{signed}个、总投资{amount}亿元，开工项目同比增加{more}个"
    arts = _page(kicker, head, "记者 林小雨", "日前，项目开工。")
    assert _titles(arts) == [(kicker, head, "")]


@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("lead", ["总投资326亿元，其中亿元以上项目31个", "其中，制造业项目16个、总投资74亿元"])
def test_figures_led_by_a_subheadline_lead_are_the_subheadline(head, lead):
    arts = _page(f"{head}42个", lead, "记者 林小雨", "日前，项目开工。")
    assert _titles(arts) == [("", f"{head}42个", lead)]


# ---------------------------------------------------------------- page chrome
@pytest.mark.parametrize("site", ["云岭县公共资源交易中心", "瓯江口新区自然资源和规划局", "松溪镇人民政府网站"])
@pytest.mark.parametrize("head", ["星河地块挂牌出让结果公示", "精工产业园二期地块成交公示"])
def test_crumbs_under_no_home_are_chrome(site, head):
    crumbs = f"{site} > 信息公开 > 土地出让 > 成交结果"
    assert is_crumb_line(crumbs) and _kind(crumbs) == "chrome"
    arts = _page(crumbs, head, "经批准，现将结果公示如下。")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("app", ["云岭观察", "瓯江客户端", "松溪融媒"])
@pytest.mark.parametrize("channel, sep", [("新闻", " · "), ("要闻", "｜"), ("快讯", "•")])
def test_an_apps_channel_header_is_chrome(app, channel, sep):
    line = f"{app}{sep}{channel}"
    assert is_channel_line(line)
    arts = _page(line, HEADS[0], "发布时间：2031-05-06 来源：云岭日报", "日前，项目开工。")
    assert _titles(arts) == [("", HEADS[0], "")]


@pytest.mark.parametrize("line", ["乡村振兴·云岭实践", "山水云岭 · 共富先行", "星河｜项目建设提速"])
def test_a_title_parted_by_a_dot_is_no_channel(line):
    assert not is_channel_line(line)


@pytest.mark.parametrize("code", ["A03 澳闻", "B02｜经济", "C1 要闻", "A12：本地新闻"])
@pytest.mark.parametrize("head", HEADS)
def test_a_pages_letter_code_is_no_kicker(code, head):
    assert is_column_label(code)
    arts = _page("星河日报", code, head, "【本报消息】日前，项目开工。")
    assert _titles(arts) == [("", head, "")]
    assert arts[0].byline == "【本报消息】" and arts[0].body == "日前，项目开工。"


@pytest.mark.parametrize("line", ["G20 峰会开幕", "C919 首飞成功", "A3 大桥通车"])
def test_a_code_and_a_title_stay_a_title(line):
    assert not is_column_label(line)


@pytest.mark.parametrize("issuer", ["云岭县人民政府", "瓯江口新区管委会", "松溪镇经济发展办公室"])
@pytest.mark.parametrize("date", ["2031-05-06", "2031/5/6", "2031.05.06 10:20"])
def test_an_issuers_numeric_dateline_is_no_title(issuer, date):
    line = f"{issuer} {date}"
    assert is_name_dateline(line)
    arts = _page(HEADS[1], line, "5月5日，项目开工。")
    assert _titles(arts) == [("", HEADS[1], "")]


@pytest.mark.parametrize("jump", ["（下转第3版）", "（转第A2版）", "(下转第二版)"])
def test_a_jump_line_closing_a_paragraph_closes_the_article(jump):
    arts = _page("星河日报", "第2版 经济", HEADS[0], "本报记者 林小雨", "日前，项目开工。",
                 f"项目达产后年产值30亿元。{jump}", HEADS[1], "本报记者 周青山", "次日，项目结顶。")
    assert _titles(arts) == [("", HEADS[0], ""), ("", HEADS[1], "")]


@pytest.mark.parametrize("label", ["今日导读", "本版导读"])
def test_a_digest_box_starts_no_article(label):
    arts = _page(HEADS[0], "本报记者 林小雨", "日前，项目开工。（下转第2版）", label,
                 f"▶ 第2版 {HEADS[1]}", f"▶ 第3版 {HEADS[2]}", "责任编辑：王大山")
    assert _titles(arts) == [("", HEADS[0], "")]


# ---------------------------------------------------------------- bylines
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("line, place", [("记者{n}／台北报导", ""), ("记者 {n} 广州报道", ""), ("记者{n} 澳门报道", ""),
                                         ("星河台记者{n}、王大山盐城报道。", "王大山")])
def test_the_place_a_report_is_filed_from_is_no_name(name, line, place):
    reporters, _ = parse_byline_names(line.format(n=name))
    assert reporters == [name] + ([place] if place else [])


@pytest.mark.parametrize("line", ["记者 {n} 王大山报道", "记者{n}报道"])
def test_a_name_before_reported_stays(line):
    reporters, _ = parse_byline_names(line.format(n="林小雨"))
    assert reporters[0] == "林小雨" and all(r in ("林小雨", "王大山") for r in reporters)


@pytest.mark.parametrize("author", ["星河产业观察编辑部", "林小雨"])
@pytest.mark.parametrize("counter", ["阅读：3416", "浏览次数：1286", "点赞 52"])
def test_a_pages_counters_are_no_names(author, counter):
    meta = parse_meta_line(f"发布日期：2031年5月6日  作者：{author}  {counter}")
    assert meta.correspondents == [] and meta.reporters in ([], ["林小雨"])


@pytest.mark.parametrize("unit", ["星河广播电视台", "瓯江日报", "松溪融媒体中心"])
def test_a_spoken_sign_off_gives_the_reporters(unit):
    arts = _page(HEADS[2], "主持人：各位观众，晚上好。", "日前，项目投产。", f"{unit}记者林小雨、周青山广州报道。")
    assert arts[0].reporters == ["林小雨", "周青山"]


@pytest.mark.parametrize("paper", ["澳门星河报", "星河商报", "濠江晨报", "星河报"])
@pytest.mark.parametrize("date", ["2031年5月6日 星期二", "2031-05-06"])
def test_a_papers_name_over_its_date_is_no_headline(paper, date):
    arts = _page(paper, date, HEADS[0], "总投资逾30亿元", "【本报消息】日前，项目动工。")
    assert _titles(arts) == [("", HEADS[0], "总投资逾30亿元")]


@pytest.mark.parametrize("genre", ["统计公报", "情况通报"])
def test_a_genre_ending_in_bao_stays_the_title(genre):
    arts = _page(f"星河县2031年{genre}", "2032-03-01", "一、综合", "全年全县生产总值320亿元。")
    assert arts[0].headline == f"星河县2031年{genre}"


@pytest.mark.parametrize("notice", ["本文由云岭观察编辑部整理，转载请注明来源。", "声明：文章转载自瓯江晚报，版权归原作者。",
                                    "如有侵权，请联系删除。"])
def test_a_closing_notice_on_rights_is_no_body(notice):
    arts = _page(HEADS[0], "记者 林小雨", "日前，项目开工，总投资8.5亿元。", notice)
    assert arts[0].body == "日前，项目开工，总投资8.5亿元。"

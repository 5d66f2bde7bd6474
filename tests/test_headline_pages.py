"""Headlines by form on pages of other layouts, round 2 (issue #17, item 5): a label before a bar that the page
prints elsewhere, a portal's owner after a browser title, a title broken after its colon or before its genre,
a site's name over its bread crumbs, a government disclosure header over the document's title, link lists and
prev/next links, a thread of posts each opened by a title in 【】, a post's counters, the period of a brief,
and a brief's list followed by a story of its own.

Templates on invented text: places, firms, people, numbers and order vary; no line is from a real report.
"""
from __future__ import annotations

import pytest

from lishui_analysis.ingest import clean, segment
from lishui_analysis.ingest.furniture import is_counter_line, is_crumb_line, is_date_span, is_post_time

from test_headline_layouts import AMOUNTS, HEADS, NAMES, PLACES, WORKS  # the same invented templates

CASES = list(zip(PLACES, WORKS, HEADS, NAMES, AMOUNTS))


def _page(*lines: str) -> list:
    return segment.segment_page(clean.normalize_text("\n".join(lines)))


def _titles(arts) -> list[tuple[str, str, str]]:
    return [(a.kicker, a.headline, a.subheadline) for a in arts]


# ---------------------------------------------------------------- a label the page prints elsewhere
@pytest.mark.parametrize("place, work, head, name, amount", CASES)
@pytest.mark.parametrize("bar", ["｜", "|", "丨", " | "])
def test_a_column_named_by_the_crumbs_before_a_bar_goes(place, work, head, name, amount, bar):
    arts = _page(f"{place}在线 首页 > 要闻 > 产业", f"要闻{bar}{head}", f"2031-05-06 来源：{place}在线 记者：{name}",
                 f"日前，{head}，总投资{amount}。")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("place, work, head, name, amount", CASES)
def test_a_column_of_the_navigation_or_the_source_before_a_bar_goes(place, work, head, name, amount):
    nav = _page(f"{place}融媒 | 首页 会员动态 县区 视频", f"会员动态｜{head}", f"记者 {name}", f"日前，{head}。")
    source = _page(f"{place}晨刊丨{head}", f"2031-05-06 08:15 来源：{place}晨刊 作者：记者 {name}",
                   f"日前，{head}，总投资{amount}。")
    assert _titles(nav) == _titles(source) == [("", head, "")]


@pytest.mark.parametrize("place, work, head, name, amount", CASES)
def test_a_label_the_page_names_nowhere_else_stays(place, work, head, name, amount):
    arts = _page(f"动态 | {head}", f"日前，{head}，总投资{amount}。")
    assert _titles(arts) == [("", f"动态 | {head}", "")]


@pytest.mark.parametrize("place, work, head, name, amount", CASES)
@pytest.mark.parametrize("owner", ["人民政府", "管委会", "管理委员会"])
def test_a_portals_owner_after_a_browser_title_goes(place, work, head, name, amount, owner):
    title = f"关于{place}{work[:4]}项目的公示"
    arts = _page(f"{title}_{place}{owner}", f"发布时间：2031-05-06 浏览次数：{len(name)}", f"经研究，现将{work[:4]}项目予以公示。")
    assert _titles(arts) == [("", title, "")]


# ---------------------------------------------------------------- titles broken over lines
@pytest.mark.parametrize("place, work, head, name, amount", CASES)
@pytest.mark.parametrize("colon", ["：", ":"])
def test_a_title_broken_after_its_colon_is_one(place, work, head, name, amount, colon):
    arts = _page(f"{place}{colon}", work, f"{place}融媒 2031-05-06 17:42", f"记者 {name}", f"日前，{head}。")
    assert _titles(arts) == [("", f"{place}{colon}{work}".replace(":", "："), "")]


@pytest.mark.parametrize("place, work, head, name, amount", CASES)
@pytest.mark.parametrize("genre", ["中标结果公示", "招标公告", "出让结果公示"])
def test_a_title_broken_before_its_genre_is_one(place, work, head, name, amount, genre):
    first = f"{place}{work[:4]}产业园标准化厂房项目施工总承包"
    arts = _page(first, genre, f"发布时间：2031-05-06 浏览次数：{len(name) * 7}", f"日前，{work[:4]}项目完成评标。")
    assert _titles(arts) == [("", first + genre, "")]


@pytest.mark.parametrize("place, work, head, name, amount", CASES)
def test_a_kicker_over_a_genre_headline_with_a_clause_stays_two(place, work, head, name, amount):
    arts = _page("拼经济，抓项目，全力冲刺开门红", f"{place}公告", f"记者 {name}", f"日前，{head}。")
    assert _titles(arts)[0][1] == f"{place}公告"


# ---------------------------------------------------------------- a site's header
@pytest.mark.parametrize("place, work, head, name, amount", CASES)
@pytest.mark.parametrize("crumbs", ["当前位置：首页 > 采购信息 > 结果公告", "首页 > 新闻中心 > 县域动态",
                                    "Home > Press > Members 会员动态"])
def test_a_sites_name_over_its_crumbs_is_no_title(place, work, head, name, amount, crumbs):
    arts = _page(f"{place}公共资源交易中心", crumbs, head, f"发布时间：2031-05-06 浏览次数：{len(name)}",
                 f"日前，{head}，总投资{amount}。")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("place, work, head, name, amount", CASES)
def test_language_and_login_links_are_no_title(place, work, head, name, amount):
    arts = _page("YLBA | Yunling Traders Club 云岭企业联合会", "Home > Press > 会员动态", "中文 | EN 登录 注册",
                 head, "2031-05-06 Source: YLBA", f"日前，{head}，总投资{amount}。")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("place, work, head, name, amount", CASES)
def test_a_title_over_crumbs_with_no_title_under_them_stays(place, work, head, name, amount):
    arts = _page(head, "首页 > 新闻中心 > 县域动态", f"日前，{head}，总投资{amount}。")
    assert _titles(arts) == [("", head, "")]


# ---------------------------------------------------------------- a government disclosure header
@pytest.mark.parametrize("place, work, head, name, amount", CASES)
def test_the_title_under_a_disclosure_header_is_the_documents(place, work, head, name, amount):
    title = f"关于{place}2031年下半年拟引进制造业项目公示"
    arts = _page(f"{place}政务公开", "当前位置：首页 > 信息公开 > 项目建设", "最新公开",
                 f"· {place}厂房招租信息　2031-06-10", f"· 关于{place}第一批项目的公示　2031-03-14",
                 "索 引 号：0927/2031-04411　　主题分类：经济", f"发布机构：{place}发改局　　生成日期：2031-06-12",
                 "文　　号：无　　有效性：有效", f"名　　称：{title}", title,
                 f"经研究，以下项目拟落户{place}，现予以公示：", f"1．{work}：总投资{amount}。",
                 "上一条：关于第一批项目的公示", f"下一条：{place}厂房招租信息")
    assert _titles(arts) == [("", title, "")]


@pytest.mark.parametrize("place, work, head, name, amount", CASES)
def test_a_title_broken_under_a_disclosure_header_is_one(place, work, head, name, amount):
    arts = _page(f"关于{place}2031年首批入园企业名单公示_{place}人民政府", "首页 > 政务公开 > 公示公告",
                 "索引号：2208/203104-00917 信息分类：通知公告", f"发布机构：{place}管委会 生成日期：2031-05-16",
                 f"关于{place}2031年首批", "入园企业名单公示", "各有关单位：", f"经研究，{work[:4]}项目拟入园。")
    assert _titles(arts) == [("", f"关于{place}2031年首批入园企业名单公示", "")]


# ---------------------------------------------------------------- a thread of posts
def _thread(k: int) -> str:
    place, work, head, name, amount = CASES[k]
    other = HEADS[(k + 1) % 3]
    return "\n".join([f"{place}发布 V", f"粉丝 {k + 3}.2万 关注 1,0{k}4 微博 8,65{k}", f"{place}官方微博",
                      f"5-{k + 3} 08:05 来自 网页", f"#{place}# #项目建设进行时#【{work}】5月2日，{head}，总投资{amount}。",
                      f"转发 4{k} ｜ 评论 7 ｜ 赞 95", f"5-{k + 2} 21:16 来自 安卓手机",
                      f"转发微博 //@{name}发布：点赞", f"@{place}日报", f"【{other}】5月1日，{other}。",
                      f"转发 15{k} ｜ 评论 46"])


@pytest.mark.parametrize("k", range(3))
def test_each_post_of_a_thread_is_an_article_titled_by_its_brackets(k):
    arts = segment.segment_page(clean.normalize_text(_thread(k)))
    assert [a.headline for a in arts] == [WORKS[k], HEADS[(k + 1) % 3]]
    assert arts[0].body.startswith("5月2日，")


@pytest.mark.parametrize("k", range(3))
def test_a_bracket_opening_a_paragraph_of_an_article_is_no_post(k):
    place, work, head, name, amount = CASES[k]
    arts = _page(head, f"记者 {name}", f"【{work}】日前，{head}，总投资{amount}。", "【云岭发布】次日，项目投产。")
    assert [a.headline for a in arts] == [head]


@pytest.mark.parametrize("line", ["粉丝 3.2万 关注 120 微博 5,210", "转发 41 ｜ 评论 7 ｜ 赞 95", "阅读 1.2万 在看 36"])
def test_a_posts_counters_are_chrome(line):
    assert is_counter_line(line)


@pytest.mark.parametrize("line", ["关注 12个重点项目", "转发 36", "评论：项目建设要快"])
def test_counters_need_two_pairs_and_nothing_else(line):
    assert not is_counter_line(line)


@pytest.mark.parametrize("line, expected", [("5-6 07:31 来自 安卓手机", True), ("昨天 21:16 来自 网页", True),
                                            ("来自云岭县的好消息", False), ("5月6日来自全县的项目集中开工", False)])
def test_a_posts_time_and_app(line, expected):
    assert is_post_time(line) is expected


# ---------------------------------------------------------------- a brief
@pytest.mark.parametrize("span, expected", [("（6月2日—6月8日）", True), ("2031年5月6日至12日", True), ("(6月1日-6月7日)", True),
                                            ("5月6日开工", False), ("（一期）", False)])
def test_the_period_of_a_brief_is_a_date_line(span, expected):
    assert is_date_span(span) is expected


@pytest.mark.parametrize("k", range(3))
def test_a_brief_list_then_a_story_under_its_title(k):
    place, work, head, name, amount = CASES[k]
    items = [f"{n + 1}．{12 + n}日，{HEADS[(k + n) % 3]}。" for n in range(3)]
    arts = _page("项目速览", f"（6月{k + 2}日—6月{k + 8}日）", f"来源：{place}融媒体中心 2031-05-19", *items, head,
                 f"5月13日，{head}，总投资{amount}。", "上一篇：一周项目速览")
    assert _titles(arts) == [("", "项目速览", ""), ("", head, "")]


@pytest.mark.parametrize("k", range(3))
def test_a_heading_after_paragraphs_that_are_no_list_starts_no_story(k):
    place, work, head, name, amount = CASES[k]
    arts = _page(head, f"记者 {name}", f"日前，{head}，总投资{amount}。", f"项目占地{k + 80}亩。", "下一步打算",
                 f"{place}将加快建设进度。")
    assert [a.headline for a in arts] == [head]


@pytest.mark.parametrize("line, expected", [("当前位置：首页 > 信息公开 > 项目建设", True), ("首页 > 要闻 > 云岭", True),
                                            ("查看更多 >", False), ("云岭县 > 瓯江口，总投资8亿元", False)])
def test_crumb_lines(line, expected):
    assert is_crumb_line(line) is expected

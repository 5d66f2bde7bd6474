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


# ---------------------------------------------------------------- unseen layouts, round 2
# Reposts, portal copies, WeChat posts, government notices and e-paper copies print their furniture in
# more forms than the first round covered: dates in brackets, with a label and no colon, or relative;
# fields separated by a bar; a WeChat account's header; a notice's disclosure fields; labelled title
# lines; an original title as the only title.
BODIES = ["日前，{h}，总投资{a}。", "记者从{p}获悉，{h}，计划总投资{a}。", "{p}消息，{h}，项目总投资{a}。"]


def _plain(k: int) -> tuple[str, str]:
    """(headline, a body paragraph with no byline) of case ``k``."""
    return HEADLINES[k], BODIES[k].format(h=HEADLINES[k], a=AMOUNTS[k], p=PLACES[k])


DATE_LINES = ["（2031年5月6日）", "(2031-05-06)", "【2031-05-06】", "[2031/05/06 09:12]", "发布于 2031-05-06",
              "发表于2031年5月6日 10:20", "更新于 2031.05.06", "发布日期 2031-05-06", "昨天 10:23", "3小时前", "刚刚",
              "2天前 · 云岭发布", "云岭发布 · 2031-05-06", "瓯江日报｜2031-05-06", "今天 08:05 瓯江在线"]


def _around(line, k, above):
    """The k-th plain article with ``line`` above or below its title: the title alone is the headline."""
    headline, body = _plain(k)
    art = _one(*((line, headline, body) if above else (headline, line, body)))
    assert (art.kicker, art.headline, art.subheadline) == ("", headline, "")
    return art


@pytest.mark.parametrize("date", DATE_LINES)
@pytest.mark.parametrize("k, above", [(0, True), (1, False), (2, True)])
def test_a_date_line_in_any_form_is_never_the_title(date, k, above):
    art = _around(date, k, above)
    assert date not in art.body


@pytest.mark.parametrize("date, expected", [("（2031年5月6日）", "2031-05-06"), ("发布于 2032-11-30", "2032-11-30"),
                                            ("【2030-01-09】", "2030-01-09")])
def test_a_bracketed_or_labelled_date_line_dates_the_article(date, expected):
    headline, body = _plain(0)
    assert _one(headline, date, body).pub_date == expected


@pytest.mark.parametrize("sep", [" | ", "丨", "｜", "|"])
@pytest.mark.parametrize("k", range(3))
def test_fields_separated_by_a_bar_are_metadata(sep, k):
    headline, body = _plain(k)
    media, name = ["云岭日报", "瓯江在线", "松溪发布"][k], ["林小雨", "周青山", "吴一帆"][k]
    art = _one(headline, f"来源{sep}{media}", f"作者{sep}{name}", body, f"编辑{sep}王大山")
    assert (art.kicker, art.headline, art.subheadline) == ("", headline, "")
    assert art.source == media and art.reporters == [name]
    assert "来源" not in art.body and "编辑" not in art.body


@pytest.mark.parametrize("byline", ["记者丨{n}", "记者 | {n}", "文丨{n}", "文 | {n}", "采写：{n}", "撰稿：{n}", "撰文：{n}",
                                    "采写 | {n}"])
@pytest.mark.parametrize("k", range(3))
def test_an_author_line_in_any_separator_names_the_reporter(byline, k):
    headline, body = _plain(k)
    name = ["林小雨", "周青山", "吴一帆"][k]
    art = _one(headline, byline.format(n=name), body)
    assert (art.kicker, art.headline, art.subheadline) == ("", headline, "")
    assert art.reporters == [name]


WECHAT_HEADERS = ["原创 云岭发布", "原创 林小雨 云岭发布", "原创 云岭发布 2031-05-06", "原创 瓯江在线 周青山 2031年5月6日",
                  "原创", "转载", "— 云岭日报 —", "· 云岭发布 ·", "——", "* * *"]


@pytest.mark.parametrize("header", WECHAT_HEADERS)
@pytest.mark.parametrize("k, above", [(0, False), (1, True), (2, False)])
def test_a_post_header_or_a_decoration_is_never_the_title(header, k, above):
    _around(header, k, above)


@pytest.mark.parametrize("fields", [
    ("索引号：{n}/2031-00{k}1 公开方式：主动公开", "文号： 公开日期：2031-05-06", "发布单位：县资规局 有效性："),
    ("索引号：{n}-{k}", "发布机构：云岭县自然资源局", "生成日期：2031-05-06 公开范围：面向社会"),
    ("主题分类：国土资源 体裁分类：公告", "组配分类：土地出让 服务对象：企业"),
])
@pytest.mark.parametrize("k", range(3))
def test_a_notices_disclosure_fields_are_metadata(fields, k):
    title = f"{PLACES[k]}国有建设用地使用权挂牌出让公告"
    body = f"经{PLACES[k]}人民政府批准，现以挂牌方式出让{k + 1}宗工业用地。"
    lines = [f.format(n=11330000 + k, k=k) for f in fields]
    art = _one(*lines, title, "发布时间：2031-05-06 17:41 信息来源：县资规局", body)
    assert (art.kicker, art.headline, art.subheadline) == ("", title, "")
    assert art.body == body


ROLES = [("引题：{k}", "主题：{h}", "副题：{s}"), ("肩题:{k}", "主标题:{h}", "副标题:{s}"), ("引题 {k}", "主题 {h}", "副题 {s}"),
         ("主题：{h}", "引题：{k}", "副题：{s}"), ("副题：{s}", "主题：{h}", "引题：{k}")]


@pytest.mark.parametrize("roles", ROLES)
@pytest.mark.parametrize("k", range(3))
def test_labelled_title_lines_take_the_role_their_label_names(roles, k):
    headline, lead = _cases()[k]
    kicker, sub = ["拼经济 抓项目", "项目为王 实干争先", "奋战二季度"][k], f"总投资{AMOUNTS[k]}"
    lines = [r.format(k=kicker, h=headline, s=sub) for r in roles]
    art = _one("第3版：经济", *lines, lead)
    assert (art.kicker, art.headline, art.subheadline) == (kicker, headline, sub)


@pytest.mark.parametrize("label", ["原标题：", "原标题:", "原题："])
@pytest.mark.parametrize("k", range(3))
def test_an_original_title_is_the_title_of_a_repost_that_has_no_other(label, k):
    headline = f"“{PLACES[k]}速度”背后的{WORKS[k][0]}"
    lead = f"云岭网{PLACES[k][:2]}5月{k + 3}日电（林小雨 周青山）日前，{WORKS[k][0]}{WORKS[k][1]}。"
    art = _one("来源：云岭网客户端", "2031-05-06 17:17:07", label + headline, "来源：云岭网", lead)
    assert art.headline == headline and art.reporters == ["林小雨", "周青山"]
    titled = _one(HEADLINES[k], label + headline, lead)   # a title of its own comes first
    assert titled.headline == HEADLINES[k]


ISSUERS = ["云岭县人民政府办公室", "瓯江口新区管理委员会", "青田县自然资源和规划局"]


@pytest.mark.parametrize("issuer", ISSUERS)
@pytest.mark.parametrize("subject", ["关于印发星河片区开发方案的通知", "关于松溪地块挂牌出让的公告", "关于加快云岭大桥建设的意见"])
def test_an_issuer_above_a_title_of_about_and_a_genre_is_one_title(issuer, subject):
    art = _one(issuer, subject, "云政办发〔2031〕12号", "各乡镇人民政府，县政府各部门：", "现将有关事项通知如下。")
    assert (art.kicker, art.headline, art.subheadline) == ("", issuer + subject, "")


@pytest.mark.parametrize("form", ["{h}-{m}", "{h}——{m}", "{h}—{m}", "{m} {h}", "{h} — {m}", "{h}｜{m}"])
@pytest.mark.parametrize("media", ["云岭新闻网", "瓯江日报", "松溪发布"])
def test_a_media_name_glued_by_a_dash_or_a_space_goes(form, media):
    headline, body = _plain(1)
    assert _one(form.format(m=media, h=headline), body).headline == headline


@pytest.mark.parametrize("k", range(3))
def test_a_title_with_a_dash_between_places_keeps_it(k):
    title = f"云岭—{PLACES[k]}飞地产业园迎来首批项目"
    assert _one(title, _plain(k)[1]).headline == title


@pytest.mark.parametrize("lead", ["云岭网消息：{b}", "瓯江台消息：{b}", "（记者 林小雨）{b}", "(记者 林小雨 通讯员 王大山) {b}"])
@pytest.mark.parametrize("k", range(3))
def test_a_lead_byline_in_more_forms_leaves_the_body(lead, k):
    headline, body = _plain(k)
    art = _one(headline, lead.format(b=body))
    assert art.headline == headline and art.body == body
    assert "记者" not in lead or art.reporters == ["林小雨"]


@pytest.mark.parametrize("repeat", ["正在阅读：{h}", "您正在阅读:{h}", "{h}_云岭网", "{h} - 瓯江在线", "{h}"])
@pytest.mark.parametrize("k", range(3))
def test_a_title_repeated_with_a_label_or_a_site_above_itself_is_one_title(repeat, k):
    headline, body = _plain(k)
    art = _one(repeat.format(h=headline), headline, "瓯江在线 2031-05-06 09:58:14", body)
    assert (art.kicker, art.headline, art.subheadline) == ("", headline, "")


@pytest.mark.parametrize("lead", [("项目一线：", "县域："), ("云岭县 ：", "县域："), ("瓯江口：", "专题：")])
@pytest.mark.parametrize("k", range(3))
def test_short_lines_without_a_sentence_above_the_first_title_are_no_article(lead, k):
    headline, lead_par = _cases()[k]
    arts = _page(*lead, headline, lead_par)
    assert [(a.kicker, a.headline) for a in arts] == [("", headline)]


@pytest.mark.parametrize("k", range(3))
def test_an_untitled_excerpt_above_the_first_title_stays_an_article(k):
    headline, lead_par = _cases()[k]
    excerpt = f"{PLACES[k]}今年新开工项目{k + 8}个。"
    arts = _page(excerpt, headline, lead_par)
    assert [a.headline for a in arts] == ["", headline] and arts[0].body == excerpt


SITE_LINES = ["首页 新闻中心 政务公开 办事服务 互动交流", "首页 | 新闻 | 政务 | 服务", "时政要闻 县域动态 图片新闻 专题专栏",
              "云岭县人民政府门户网站", "欢迎访问瓯江口新区管委会网站", "您当前的位置 ： 首页 > 县域新闻", "当前位置：首页>工作动态>正文",
              "转发本文", "专题：项目攻坚年", "【编者按】今年以来，云岭县项目建设跑出加速度。"]


@pytest.mark.parametrize("site", SITE_LINES)
@pytest.mark.parametrize("k", range(3))
def test_a_sites_navigation_banner_or_label_above_the_title_is_never_a_title(site, k):
    headline, body = _plain(k)
    art = _one(site, headline, "发布时间：2031-05-06", body)
    assert (art.kicker, art.headline, art.subheadline) == ("", headline, "")
    assert art.body == body


@pytest.mark.parametrize("counter", ["浏览：102", "人气：2074", "点击：35", "热度：9"])
def test_a_page_counter_names_no_reporter(counter):
    headline, body = _plain(0)
    art = _one(headline, f"2031-05-06 14:31 | 来源：云岭日报 | 作者：林小雨 | {counter}", body)
    assert art.reporters == ["林小雨"] and art.source == "云岭日报"


@pytest.mark.parametrize("kicker", ["山水筑底 创新赋能 共富先行", "项目为王 实干争先 奋楫扬帆 勇立潮头"])
def test_a_slogan_of_parallel_phrases_is_no_navigation_bar(kicker):
    headline, lead = _cases(1)[0]
    assert (_one(kicker, headline, lead).kicker) == kicker


@pytest.mark.parametrize("jump", ["（下转第2版）", "下转第二版", "(转第A3版)", "上接第1版", "（接第十二版）"])
@pytest.mark.parametrize("k", range(2))
def test_a_jump_line_between_two_articles_is_no_kicker(jump, k):
    (h1, l1), (h2, l2) = _cases()[k], _cases()[k + 1]
    arts = _page(h1, l1, jump, h2, l2)
    assert [(a.kicker, a.headline) for a in arts] == [("", h1), ("", h2)]
    assert all(jump not in a.body for a in arts)


@pytest.mark.parametrize("feature", ["记者手记", "■ 记者手记", "新闻链接", "【短评】", "项目观察"])
@pytest.mark.parametrize("k", range(2))
def test_a_features_label_is_no_byline_and_no_kicker(feature, k):
    (h1, l1), (h2, l2) = _cases()[k], _cases()[k + 1]
    arts = _page(h1, l1, feature, h2, l2)
    assert [(a.kicker, a.headline) for a in arts] == [("", h1), ("", h2)]
    assert all(r in ("林小雨", "周青山", "吴一帆") for a in arts for r in a.reporters)


@pytest.mark.parametrize("issuer", ISSUERS)
@pytest.mark.parametrize("masthead", ["{i}文件", "中共云岭县委文件"])
def test_a_documents_masthead_is_never_its_title(issuer, masthead):
    title = issuer + "关于加快星河片区开发的意见"
    art = _one(masthead.format(i=issuer), "云政发〔2031〕12号", title, "各乡镇人民政府：", "现提出如下意见。")
    assert (art.kicker, art.headline, art.subheadline) == ("", title, "")


@pytest.mark.parametrize("issuer", ISSUERS)
@pytest.mark.parametrize("genre", ["公告", "公  告", "通知", "通 告"])
def test_an_issuer_over_its_genre_alone_is_one_title(issuer, genre):
    art = _one(issuer, genre, "云自然资告〔2031〕5号", "经县政府批准，现挂牌出让1幅地块。")
    assert (art.kicker, art.headline.replace(" ", ""), art.subheadline) == ("", issuer + genre.replace(" ", ""), "")


@pytest.mark.parametrize("title", ["云岭县出台一号文件", "星河项目审批文件全部办结"])
def test_a_title_ending_in_the_word_file_stays_a_title(title):
    assert _one(title, _plain(0)[1]).headline == title


LEAD_OPENINGS = ["日前，{w}在{p}", "近日，{p}{w}", "5月6日上午，{p}{w}", "12月1日，{w}", "昨天下午，{p}的{w}",
                 "记者从{p}发改局获悉，{w}"]


@pytest.mark.parametrize("opening", LEAD_OPENINGS)
@pytest.mark.parametrize("k", range(3))
def test_a_lead_broken_after_its_opening_is_body_never_a_title(opening, k):
    headline = HEADLINES[k]
    first = opening.format(w=WORKS[k][0], p=PLACES[k])
    art = _one(headline, first, f"正式{WORKS[k][1]}，总投资{AMOUNTS[k]}。")
    assert (art.kicker, art.headline, art.subheadline) == ("", headline, "")
    assert art.body.startswith(first)


@pytest.mark.parametrize("sub", ["今年以来{p}新开工项目45个", "{p}跑出项目建设加速度"])
def test_a_subheadline_that_opens_with_no_lead_time_stays(sub):
    headline, lead = _cases(1)[0]
    line = sub.format(p=PLACES[0]) + "，完成投资超百亿元"
    assert _one(headline, line, lead).subheadline == line


@pytest.mark.parametrize("caption", ["▲ {w}开工现场", "▲图为{w}效果图", "△ {p}{w}", "↑ {w}施工现场"])
@pytest.mark.parametrize("k", range(3))
def test_a_caption_marked_by_a_triangle_is_never_a_title(caption, k):
    headline, body = _plain(k)
    line = caption.format(w=WORKS[k][0], p=PLACES[k])
    for lines in ((line, headline, body), (headline, line, body)):
        art = _one(*lines)
        assert (art.kicker, art.headline, art.subheadline) == ("", headline, "") and line not in art.body


def test_a_byline_marked_by_a_triangle_stays_a_byline():
    headline, body = _plain(0)
    assert _one(headline, "▲ 记者 林小雨 通讯员 王大山", body).reporters == ["林小雨"]


SLOGANS = ["拼经济 抓项目", "强链条 优服务", "“项目攻坚年”"]


@pytest.mark.parametrize("above", ["县域经济", "本期关注", "项目在一线"])
@pytest.mark.parametrize("k", range(3))
def test_a_slogan_under_a_line_the_page_prints_above_it_is_the_kicker(above, k):
    headline, lead = _cases()[k]
    art = _one(above, SLOGANS[k], headline, lead)
    assert (art.kicker, art.headline, art.subheadline) == (SLOGANS[k], headline, "")


@pytest.mark.parametrize("k", range(3))
def test_over_a_byline_the_title_is_the_last_three_lines_of_the_top(k):
    headline = HEADLINES[k]
    art = _one("县域经济", "本期关注", SLOGANS[k], headline, f"——总投资{AMOUNTS[k]}", "记者 周青山", _plain(k)[1])
    assert (art.kicker, art.headline, art.subheadline) == (SLOGANS[k], headline, f"总投资{AMOUNTS[k]}")
    assert art.reporters == ["周青山"]


@pytest.mark.parametrize("names, reporters", [("林小雨 王大山", ["林小雨", "王大山"]), ("■ 欧阳一帆 周青山", ["欧阳一帆", "周青山"]),
                                              ("吴一帆、郑晓岚", ["吴一帆", "郑晓岚"])])
def test_bare_names_under_a_title_are_its_byline(names, reporters):
    headline, body = _plain(1)
    art = _one(headline, names, body)
    assert (art.kicker, art.headline) == ("", headline) and art.reporters == reporters


@pytest.mark.parametrize("slogan", ["拼经济 抓项目", "促发展 惠民生 保稳定"])
def test_a_slogan_of_short_phrases_under_a_title_names_no_reporter(slogan):
    headline, lead = _cases(1)[0]
    art = _one("县域经济", slogan, headline, lead)
    assert art.reporters == ["林小雨"] and art.headline == headline


@pytest.mark.parametrize("byline, reporters, correspondents", [
    ("全媒体记者 {a} 通讯员 {b} 摄影 {c}", ["{a}"], ["{b}"]), ("{a}/文 {b}/摄", ["{a}"], []),
    ("记者 {a} 通讯员 {b} {c} 摄", ["{a}"], ["{b}"])])
@pytest.mark.parametrize("k", range(2))
def test_a_photographer_before_or_after_a_name_is_neither_reporter_nor_correspondent(byline, reporters, correspondents, k):
    names = dict(zip("abc", [["林小雨", "王大山", "周青山"], ["吴一帆", "郑晓岚", "潘一舟"]][k]))
    headline, body = _plain(k)
    art = _one(headline, byline.format(**names), body)
    assert art.headline == headline
    assert (art.reporters, art.correspondents) == ([r.format(**names) for r in reporters],
                                                   [c.format(**names) for c in correspondents])


@pytest.mark.parametrize("column", ["今日关注", "特别关注", "■ 项目观察"])
def test_a_short_column_of_attention_is_no_kicker(column):
    headline, lead = _cases(1)[0]
    assert (_one(column, headline, lead).kicker) == ""


@pytest.mark.parametrize("genre", ["新闻稿", "新闻通稿", "【新闻通稿】"])
@pytest.mark.parametrize("k", range(3))
def test_a_press_releases_genre_line_is_no_kicker(genre, k):
    headline, body = _plain(k)
    art = _one(genre, headline, "（2031年5月6日）", body)
    assert (art.kicker, art.headline, art.pub_date) == ("", headline, "2031-05-06")


@pytest.mark.parametrize("prefix", ["专题丨", "专栏 | ", "关注｜"])
def test_a_title_prefixed_by_a_column_keeps_it_as_written(prefix):
    headline, body = _plain(2)
    title = clean.normalize_text(prefix + headline)
    assert _one(title, "来源：瓯江日报", body).headline == title


@pytest.mark.parametrize("title", ["瓯江口新区十大创新成果发布", "云岭县年度十大项目新闻", "星河新材料产业园政务服务在线"])
def test_a_title_longer_than_a_media_name_ending_like_one_stays_a_title(title):
    headline, lead = title, _cases(1)[0][1]
    assert _one(headline, lead).headline == headline


# ---- a notice's attachment label over the attached table's title is no title -------------------------

@pytest.mark.parametrize("label", ["附件1", "附件2：", "附表一", "附件"])
def test_an_attachment_label_is_not_the_headline(label):
    title = "2031年度云岭市重点建设项目（工业类）计划表"
    rows = ["星河精工年产3万套智能开关柜项目，建设单位：星河精工股份有限公司，总投资12.5亿元，2031年6月开工。",
            "翠峰新材料产业园项目，建设单位：翠峰材料有限公司，总投资8亿元，2031年9月开工。"]
    arts = segment.segment_page(clean.normalize_text("\n".join([label, title, *rows])))
    assert arts[0].headline == title and label not in (arts[0].kicker or "")

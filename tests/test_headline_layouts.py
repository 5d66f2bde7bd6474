"""Headlines by form on pages of other layouts (issue #17, item 5): a post's emoji lines, an e-paper's
masthead, a record's header of fields, a bilingual title, a title opening with a quoted phrase, a
column label in 【】, a theme under the headline, and the items of a page that no byline above them
starts.

Templates on invented text: places, firms, people, numbers and order vary; no line is from a real report.
"""
from __future__ import annotations

import pytest

from lishui_analysis import config
from lishui_analysis.ingest import clean, segment
from lishui_analysis.ingest.furniture import is_field_line, is_page_masthead, is_pictograph_line

PLACES = ["云岭县", "瓯江口新区", "松溪镇"]
WORKS = ["星河新材料项目开工", "精工产业园二期结顶", "智能装备基地投产"]
HEADS = [p + w for p, w in zip(PLACES, WORKS)]
NAMES = ["林小雨", "周青山", "吴一帆"]
AMOUNTS = ["8.5亿元", "12亿元", "36.8亿元"]


def _page(*lines: str) -> list:
    return segment.segment_page(clean.normalize_text("\n".join(lines)))


def _titles(arts) -> list[tuple[str, str, str]]:
    return [(a.kicker, a.headline, a.subheadline) for a in arts]


# ---------------------------------------------------------------- a post's emoji
@pytest.mark.parametrize("head, amount", list(zip(HEADS, AMOUNTS)))
@pytest.mark.parametrize("mark", ["📍", "💬", "👉", "✅", "✨"])
def test_a_line_led_by_an_emoji_is_never_the_title(head, amount, mark):
    arts = _page("来源：云岭发布", "👆点击上方蓝字关注我们", head, f"{mark}项目现场",
                 f"日前，{head}，总投资{amount}。", f"{mark}你怎么看？欢迎留言~", "编辑｜小云 审核｜王大山",
                 "来源：云岭发布")
    assert _titles(arts) == [("", head, "")]
    assert f"{mark}项目现场" in arts[0].body


@pytest.mark.parametrize("head", HEADS)
@pytest.mark.parametrize("deco", ["💪", "👍👍", " 🎉"])
def test_emoji_closing_a_sentence_leave_it_a_sentence(head, deco):
    arts = _page(head, "日前，项目开工，总投资8亿元。", f"今年以来，全区已签约项目27个。{deco}", "来源：云岭融媒")
    assert _titles(arts) == [("", head, "")]
    assert arts[0].body.endswith(f"已签约项目27个。{deco}")


@pytest.mark.parametrize("head", HEADS)
def test_a_posts_first_line_may_open_with_an_emoji(head):
    arts = _page("来源：云岭发布", f"🎉{head}", "日前，项目开工，总投资8亿元。")
    assert _titles(arts) == [("", f"🎉{head}", "")]


def test_pictograph_lines_are_not_bullets():
    assert is_pictograph_line("📍项目现场") and is_pictograph_line("✅6月 开工")
    assert not any(is_pictograph_line(x) for x in ("■ 林小雨", "▲ 开工现场", "★ 项目简介", "云岭大桥通车"))


# ---------------------------------------------------------------- an e-paper's masthead, a record's header
@pytest.mark.parametrize("mast", ["云岭报 2031年5月6日 星期二 第07版：综合", "瓯江日报 2031-05-06 A3版",
                                  "2031年5月6日 第1版：头版", "松溪时报 第05版：经济·园区 2031年5月6日"])
@pytest.mark.parametrize("head, name", list(zip(HEADS, NAMES)))
def test_an_epaper_masthead_is_no_kicker(mast, head, name):
    arts = _page(mast, head, f"本报讯（记者 {name}）日前，项目开工。")
    assert _titles(arts) == [("", head, "")]
    assert is_page_masthead(mast)


@pytest.mark.parametrize("line", ["云岭县第3版规划出台 2031年5月6日", "2031年5月6日云岭大桥通车", "云岭日报社论 第2版"])
def test_titles_with_a_date_or_a_page_are_no_masthead(line):
    assert not is_page_masthead(line)


@pytest.mark.parametrize("fields", ["证券代码：600000 证券简称：云岭股份 公告编号：2031-012",
                                    "股票代码：300000 股票简称：星河精工", "From: Yunling Daily Posted: 2031-05-06"])
@pytest.mark.parametrize("head", HEADS)
def test_a_header_of_fields_is_no_title(fields, head):
    arts = _page(fields, head, "日前，项目开工，总投资8亿元。")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("line", ["云岭县：星河项目开工 总投资8亿元", "专题：项目攻坚年", "云岭大桥通车"])
def test_one_labelled_part_is_no_header_of_fields(line):
    assert not is_field_line(line)


# ---------------------------------------------------------------- bilingual titles, quoted phrases
@pytest.mark.parametrize("english, chinese", [
    ("Yunling starts building a new battery pack plant", "云岭新区电池包项目动工"),
    ("German parts maker opens second factory in Songxi", "德企在松溪镇建成第二座工厂"),
])
@pytest.mark.parametrize("bar", [" | ", " / "])
def test_a_bilingual_title_is_one_title(english, chinese, bar):
    head = english + bar + chinese
    arts = _page("Home > Stories 新闻", head, "From: Yunling Invest Posted: 2031-05-06",
                 "5月6日，云岭新区电池包项目动工，投资额2亿美元。")
    assert [a.headline for a in arts] == [head]


@pytest.mark.parametrize("quote, rest", [("“春季开工、秋季达产”", "靠的是什么？"), ("“拿地即开工”", "是怎样做到的？"),
                                         ("“云岭速度”", "再刷新！")])
@pytest.mark.parametrize("column", ["高端访谈", "园区专访"])
def test_a_title_opening_with_a_quoted_phrase_under_an_interview_column(quote, rest, column):
    arts = _page(column, quote + rest, "——访云岭经开区管委会主任林小雨", "2031-05-06 08:00 云岭新闻网 记者 周青山",
                 "记者：今年的重点是什么？", "林小雨：去年我们签下了53个项目，投资额合计410亿元。")
    assert _titles(arts) == [("", quote + rest, "访云岭经开区管委会主任林小雨")]


def test_a_whole_quotation_stays_no_title():
    assert segment._kind("“项目为什么落地这么快？”") == "body"
    assert segment._kind("“大桥合龙了”！") == "body"


# ---------------------------------------------------------------- a label in 【】, a theme under the headline
@pytest.mark.parametrize("label", ["云岭新闻联播", "县域动态", "瓯江晚间播报"])
@pytest.mark.parametrize("head, name", list(zip(HEADS, NAMES)))
def test_a_label_in_black_brackets_before_the_headline_goes(label, head, name):
    arts = _page(f"【{label}】{head}", "播出时间：2031-05-06 来源：云岭广播电视台", f"（导语）各位观众，{head}。", f"记者{name}报道。")
    assert arts[0].headline == head


def test_a_slogan_in_black_brackets_stays():
    head = "【山水筑底 创新赋能】云岭县星河新材料项目开工"
    assert _page(head, "日前，项目开工，总投资8亿元。")[0].headline == head


@pytest.mark.parametrize("event, theme", [("从拿地到量产只用了八个月", "“云岭速度”的幕后故事"),
                                          ("星河项目拿地即开工", "一座新城的成长故事"),
                                          ("云岭县三个项目同日投产", "重大项目建设的新速度")])
def test_a_noun_phrase_under_an_event_is_its_subheadline(event, theme):
    arts = _page(event, theme, "云岭融媒 2031-05-06 07:45", "记者 林小雨 周青山", "日前，项目投产，总投资22亿元。")
    assert _titles(arts) == [("", event, theme)]


@pytest.mark.parametrize("kicker, head", [("48个项目全年计划投入逾八十亿元", "云岭新区项目攻坚劲头足"),
                                          ("山水筑底 创新赋能", "星河产业园的成长故事")])
def test_a_kicker_over_a_headline_stays_so(kicker, head):
    arts = _page(kicker, head, "本报讯（记者 林小雨）日前，项目开工。")
    assert _titles(arts) == [(kicker, head, "")]


# ---------------------------------------------------------------- the items of a page
def _digest(n: int, signed: bool) -> tuple[list[str], list[str]]:
    lines, heads = ["云岭日报 2031年9月3日 星期三 第4版：综合", "【一周简讯】"], []
    for k in range(n):
        head = HEADS[k % 3].replace(PLACES[k % 3], PLACES[(k + 1) % 3])
        heads.append(head)
        sign = f"（记者 {NAMES[k % 3]}）" if signed else ""
        lines += [head, f"9月{k + 1}日，{head}，总投资{AMOUNTS[k % 3]}，用地约{80 + k}亩。{sign}"]
    return lines, heads


@pytest.mark.parametrize("n", [2, 3, 4])
def test_items_signed_at_their_end_are_articles(n):
    lines, heads = _digest(n, signed=True)
    arts = _page(*lines)
    assert [a.headline for a in arts] == heads
    assert [a.reporters for a in arts] == [[NAMES[k % 3]] for k in range(n)]
    with config.steps_off("segment.find_signed_items"):
        assert len(_page(*lines)) == 1


def test_unsigned_items_of_a_page_without_bylines_stay_one_article():
    lines, heads = _digest(3, signed=False)
    assert [a.headline for a in _page(*lines)] == heads[:1]  # in-body headings of one report, as far as the form tells


@pytest.mark.parametrize("last", ["一季度松溪县技改投资增长9.6%", "瓯江口新区新增规上企业11家"])
def test_an_item_with_no_byline_on_a_page_of_items(last):
    arts = _page("云岭报 2031年9月8日 第05版：园区", HEADS[0], "本报讯（记者 林小雨）3月29日，8个项目集中开工。",
                 HEADS[1], "本报讯（通讯员 周青山）日前，产业园二期结顶，总投资12亿元。",
                 last, "县统计部门的数字显示，一季度技改投资同比增长9.6%。")
    assert [a.headline for a in arts] == [HEADS[0], HEADS[1], last]


def test_headings_of_one_article_or_a_broken_line_start_no_item():
    top = ["云岭报 2031年9月8日 第05版：园区", HEADS[0], "本报讯（记者 林小雨）3月29日，8个项目集中开工。"]
    headings = top + [HEADS[1], "本报讯（通讯员 周青山）日前，产业园二期结顶。", "抢抓机遇 加快推进", "产业园今年计划投资3亿元。",
                      "优化服务 提速增效", "产业园新增企业5家。"]
    assert len(_page(*headings)) == 2
    broken = top + [HEADS[1], "本报讯（通讯员 周青山）日前，产业园二期结顶。", "记者在产业园的展板上看到一份年度进度",
                    "表。去年秋天这块地还是荒滩，如今厂房林立。"]
    assert len(_page(*broken)) == 2
    question = top + [HEADS[1], "本报讯（通讯员 周青山）日前，产业园二期结顶。", "为什么能这么快？", "从拿地到结顶仅用了5个月。"]
    assert len(_page(*question)) == 2
    caption = top + [HEADS[1], "本报讯（通讯员 周青山）日前，产业园二期结顶。", "工人们在屋面上浇筑混凝土",
                     "产业园二期共建厂房6幢。", "园区今年计划投资3亿元。", "已有企业5家签约入驻。", "预计年底交付使用。"]
    assert len(_page(*caption)) == 2  # a caption over the rest of an article: more paragraphs than an item's

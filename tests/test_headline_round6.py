"""Headlines by form on ordinary news of outlets nobody tuned for, round 6 (issue #17, item 5): a short energy
headline ending in a verb with 网 as its object (…并网) is no site's name; a count closing a headline over a line
of figures; a place, zone or park named alone over what happened there (a title broken after its topic); a post's
topic tags alone on a line; and pages copied from the web as text — a title under its site's crumbs and over a
date and source line, a title repeated as the body's first line, a 导语/摘要/核心提示 paragraph, a short-item
page, a Q&A interview, a feature with small headings. (An e-paper page of unsigned one-paragraph items stays one article:
tests/test_headline_layouts.py, an earlier round's reading of that form.)

Templates on invented text: places, firms, people, numbers and order vary; no line is from a real document.
"""
from __future__ import annotations

import pytest

from lishui_analysis.ingest import clean, segment
from lishui_analysis.ingest.furniture import is_column_label, is_media_name

PLACES = ["云岭县", "瓯江口新区", "松溪镇"]
NAMES = ["林小雨", "周青山", "吴一帆"]
DATES = ["2031-05-06 09:12", "2031年05月06日 10:05", "2031/5/6"]


def _page(*lines: str) -> list:
    return segment.segment_page(clean.normalize_text("\n".join(lines)))


def _titles(arts) -> list[tuple[str, str, str]]:
    return [(a.kicker, a.headline, a.subheadline) for a in arts]


# ---------------------------------------------------------------- 并网: a verb with 网 as its object
@pytest.mark.parametrize("verb", ["并网", "全容量并网", "联网", "首次并网"])
@pytest.mark.parametrize("place", PLACES)
def test_a_short_headline_ending_in_a_grid_verb_is_no_site_name(verb, place):
    head = f"{place[:2]}光伏电站{verb}"
    assert not is_media_name(head)
    arts = _page(head, f"{DATES[0]} 来源：星河日报", f"5月5日，{head}，总投资9亿元。")
    assert _titles(arts) == [("", head, "")]


def test_a_sites_name_ending_in_wang_stays_one():
    assert is_media_name("云岭新闻网") and is_media_name("星河网") and not is_media_name("星河配网")


# ---------------------------------------------------------------- a count over its figures
@pytest.mark.parametrize("count, figures", [("37个", "总投资达128亿元"), ("12项", "总投资超50亿元"), ("9家", "年产值约30亿元")])
@pytest.mark.parametrize("place", PLACES)
def test_a_count_closing_the_headline_over_figures_is_two_lines(count, figures, place):
    head = f"{place}一季度开工项目{count}"
    arts = _page("拼经济 抢开局", head, figures, f"本报讯（记者 {NAMES[0]}）今年一季度，{place}新开工项目{count}。")
    assert _titles(arts) == [("拼经济 抢开局", head, figures)]


def test_a_count_over_the_rest_of_a_title_still_joins():
    arts = _page("云岭县22个", "重大项目集中开工", "记者 林小雨", "日前，22个项目开工。")
    assert _titles(arts) == [("", "云岭县22个重大项目集中开工", "")]


# ---------------------------------------------------------------- a title broken after its topic
@pytest.mark.parametrize("topic", ["云岭县星河工业园", "瓯江口新区", "松溪镇青山村", "星河经开区智能制造基地"])
@pytest.mark.parametrize("rest", ["12个项目集中竣工投产", "一季度完成投资46亿元"])
def test_a_place_named_alone_over_what_happened_there_is_one_headline(topic, rest):
    arts = _page("星河晨报 2031年5月6日 A02版", topic, rest, f"记者 {NAMES[1]}", f"5月5日，{topic}{rest}。")
    assert _titles(arts) == [("", topic + rest, "")]


@pytest.mark.parametrize("kicker", ["打造星河新材料产业园", "走进云岭工业园", "聚焦瓯江口新区", "创造历史"])
def test_a_kicker_that_says_something_stays_a_kicker(kicker):
    arts = _page(kicker, "云岭县12个项目集中开工", "记者 林小雨", "日前，项目开工。")
    assert _titles(arts) == [(kicker, "云岭县12个项目集中开工", "")]


@pytest.mark.parametrize("upper", ["云岭县数字经济产业园开园", "星河智能科技上市", "星河港首艘货轮到港"])
def test_a_clause_closed_by_a_verb_and_its_place_is_no_topic(upper):
    arts = _page("数字经济 赋能发展", upper, "首批入驻企业28家", "本报讯（记者 林小雨）日前，产业园开园。")
    assert _titles(arts) == [("数字经济 赋能发展", upper, "首批入驻企业28家")]


def test_a_topic_over_a_dash_subheadline_keeps_it():
    arts = _page("云岭县星河工业园", "12个项目集中竣工投产", "——总投资合计48亿元", "记者 林小雨", "日前，项目竣工。")
    assert _titles(arts) == [("", "云岭县星河工业园12个项目集中竣工投产", "总投资合计48亿元")]


# ---------------------------------------------------------------- topic tags
@pytest.mark.parametrize("tags", ["#项目建设一线#", "#云岭县# #重大项目#", "＃开工季＃"])
def test_topic_tags_alone_on_a_line_are_no_kicker(tags):
    assert is_column_label(tags)
    arts = _page(tags, "云岭县：星河水库主体工程完工", "2031-05-06 来自 云岭发布", "5月5日，星河水库主体工程完工。")
    assert _titles(arts) == [("", "云岭县：星河水库主体工程完工", "")]


# ---------------------------------------------------------------- pages copied from the web as text
@pytest.mark.parametrize("place", PLACES)
@pytest.mark.parametrize("date", DATES)
def test_a_title_under_crumbs_over_its_date_and_a_lead_paragraph(place, date):
    head = f"{place}年产8万吨新材料项目开工"
    arts = _page("星河新闻网", "首页 > 新闻中心 > 县域经济", head, f"{date} 来源：云岭日报 作者：{NAMES[2]} 浏览次数：1234",
                 "【字体：大 中 小】 打印 关闭", f"导语：5月5日，总投资12亿元的{head}。", f"5月5日上午，{head}。项目总投资12亿元。",
                 "责任编辑：王大山", "上一篇：云岭县召开经济运行分析会", "下一篇：星河工业园新增两家规上企业")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("label", ["摘要：", "【摘要】", "核心提示：", "导语："])
def test_a_summary_paragraph_under_the_title_is_body(label):
    head = "星河新材料产业园项目签约"
    arts = _page(head, "云岭日报记者 林小雨", "2031-05-06 08:30", f"{label}总投资36亿元的{head}，预计年产值超百亿元。",
                 "5月5日，云岭县与星河新材料集团签约。")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("place", PLACES)
def test_a_title_repeated_as_the_bodys_first_line_is_one_title(place):
    head = f"{place}12个重点项目集中签约 总投资86亿元"
    arts = _page(head, "发布时间：2031年5月6日 来源：云岭县融媒体中心", head, f"5月5日，{place}举行集中签约仪式，12个项目签约。")
    assert _titles(arts) == [("", head, "")]


def test_a_brief_page_of_short_titled_items():
    heads = ["云岭县新材料项目开工", "星河镇光伏电站并网", "青山工业园新增规上企业3家"]
    lines = ["星河日报 2031年5月6日 第03版：经济简讯"]
    for head, name in zip(heads, NAMES):
        lines += [head, f"本报讯 5月5日，{head}，总投资1.2亿元。（{name}）"]
    assert [h for _, h, _ in _titles(_page(*lines))] == heads


@pytest.mark.parametrize("name", NAMES)
def test_a_qa_interview_keeps_its_title_and_questions_in_the_body(name):
    head = f"对话丨星河集团董事长{name}：为什么选择云岭？"
    arts = _page(head, "本报记者 王大山", "记者：星河集团为什么选择在云岭投资？", f"{name}：审批快。从签约到开工只用了45天。",
                 "记者：项目目前进展如何？", f"{name}：一期厂房已经封顶，预计今年9月投产。")
    assert _titles(arts) == [("", head, "")]


def test_a_feature_with_small_headings_is_one_article():
    arts = _page("一座新城的“加速度”", "——云岭新区建设见闻", "本报记者 林小雨 王大山", "春日的云岭新区，塔吊林立。",
                 "项目建设跑出加速度", "在星河智能制造产业园，该项目总投资30亿元，去年5月开工。", "服务保障有力度",
                 "云岭新区组建了项目服务专班，今年以来已为企业解决问题86个。")
    assert _titles(arts) == [("", "一座新城的“加速度”", "云岭新区建设见闻")]


# ---------------------------------------------------------------- a news app's buttons
@pytest.mark.parametrize("button", ["打开APP", "打开App", "下载客户端", "打开APP阅读全文"])
@pytest.mark.parametrize("place", PLACES)
def test_an_apps_button_over_the_title_is_no_title(button, place):
    head = f"{place}这座工厂，为何“拿地即开工”？"
    arts = _page("首页 > 区县 > 云岭", button, head, "星河新闻客户端 2031-05-20 10:17 阅读量：1.8万",
                 f"记者 {NAMES[0]} 通讯员 {NAMES[1]}", f"5月19日，{place}星河储能电池项目现场，七台吊机正在作业。")
    assert _titles(arts) == [("", head, "")]


# ---------------------------------------------------------------- a masthead and a byline on one line
@pytest.mark.parametrize("masthead", ["云岭周刊 2031-05-06 第19期", "星河经济评论 2031年5月6日 2031年第19期",
                                      "云岭日报 2031-05-06"])
@pytest.mark.parametrize("byline", ["文/本刊记者 {}", "记者 {}", "本刊记者 {}"])
def test_a_masthead_and_a_byline_on_one_line_are_metadata(masthead, byline):
    name = NAMES[2]
    quote, sub = "“每一块地都要算清产出账”", "——访云岭经开区管委会副主任林小雨"
    arts = _page("【高端访谈】", quote, sub, f"{masthead} {byline.format(name)}", "今年以来，云岭经开区工业投资保持增长。",
                 "记者：前三季度项目建设情况如何？", "林小雨：新开工亿元以上项目27个。")
    assert _titles(arts) == [("", quote, sub[2:])]
    assert name in arts[0].reporters


def test_a_title_and_a_byline_on_one_line_stay_a_title():
    from lishui_analysis.ingest.lines import _kind, is_byline_line
    from lishui_analysis.ingest.masthead_bylines import is_masthead_byline
    assert not is_masthead_byline("云岭大桥今天通车 记者 王大山", _kind, is_byline_line)
    assert is_masthead_byline("云岭周刊 2031-05-06 第19期 文/本刊记者 王大山", _kind, is_byline_line)


# ---------------------------------------------------------------- a post's account over its title
@pytest.mark.parametrize("account, author", [("云岭招商", "云岭县投资促进局"), ("星河园区发布", "星河园区管委会"),
                                             ("瓯江口投资", "瓯江口新区招商局")])
def test_a_posts_account_named_again_in_its_header_is_no_title(account, author):
    head = "星河园区｜园区厂房已就绪，企业即来即产！"
    arts = _page(account, "2031-03-18 18:30 云岭", head, f"原创 {author} {account}", "还在为找厂房发愁？",
                 "星河产业园二期标准厂房正式开放招租，总投资15亿元。")
    assert _titles(arts) == [("", head, "")]


# ---------------------------------------------------------------- a digest of numbered news items
ITEMS = ["星河开发区：晓峰化学项目增资", "青山高新区：又一芯片项目封顶", "云岭：新落地项目32个", "喜讯！"]


@pytest.mark.parametrize("n", [2, 3, 4])
@pytest.mark.parametrize("header", ["园区速递 | 本周园区要闻{n}则", "一周快讯（{n}条）", "开发区动态 · 第18期"])
@pytest.mark.parametrize("mark", [". ", "．", "、"])
def test_a_digest_of_numbered_items_is_one_article_an_item(n, header, mark):
    lines = [header.format(n=n), "2031-10-24 来源：星河网 编辑：林悦"]
    for k, head in enumerate(ITEMS[:n], 1):
        lines += [f"{k}{mark}{head}", f"10月{k + 10}日，{head.split('：')[-1]}，总投资{k * 3}亿元。"]
    lines.append("（以上信息综合自各地官方发布）")
    assert [h for _, h, _ in _titles(_page(*lines))] == ITEMS[:n]


def test_a_documents_numbered_sections_are_no_items():
    arts = _page("星河产业园二期厂房施工招标公告", "1. 招标条件", "本招标项目已批准建设，现公开招标。", "2. 项目概况",
                 "建设地点：星河产业园东区。", "3. 投标人资格要求", "投标人须具备施工总承包二级资质。")
    assert [h for _, h, _ in _titles(arts)] == ["星河产业园二期厂房施工招标公告"]


def test_numbers_that_do_not_count_up_make_no_digest():
    arts = _page("园区速递 | 本周要闻2则", "2. 云岭县：星河项目封顶", "日前，项目封顶。", "5. 瓯江口：隧道贯通", "次日，隧道贯通。")
    assert "云岭县：星河项目封顶" not in [h for _, h, _ in _titles(arts)]


@pytest.mark.parametrize("marks", [("一、", "二、", "三、"), ("1．", "2．", "3．")])
def test_a_digest_numbered_in_chinese_or_figures(marks):
    heads = ITEMS[:3]
    lines = ["园区快讯 | 本周要闻3则"]
    for mark, head in zip(marks, heads):
        lines += [mark + head, f"日前，{head.split('：')[-1]}。"]
    assert [h for _, h, _ in _titles(_page(*lines))] == heads


@pytest.mark.parametrize("form", ["● {}", "◆ {}", "▶{}", "【{}】"])
@pytest.mark.parametrize("header", ["云岭经开区一周要闻", "云岭开发区工作简报（第12期）"])
def test_a_bulletin_of_bulleted_or_bracketed_titles(form, header):
    heads = ["星河新材料项目开工", "瓯江口隧道全线贯通", "青山工业园新增规上企业3家"]
    lines = [header]
    for head in heads:
        lines += [form.format(head), f"5月5日，{head}，总投资3亿元。"]
    assert [h for _, h, _ in _titles(_page(*lines))] == heads


def test_a_features_bulleted_headings_stay_in_it():
    arts = _page("一座新城的“加速度”", "本报记者 林小雨", "春日的云岭新区，塔吊林立。", "● 项目建设跑出加速度",
                 "在星河产业园，该项目总投资30亿元。", "● 服务保障有力度", "新区组建了项目服务专班。")
    assert [h for _, h, _ in _titles(arts)] == ["一座新城的“加速度”"]


@pytest.mark.parametrize("sign", ["（{}）", "（{} {}）"])
def test_an_epaper_page_of_items_signed_by_names_alone(sign):
    heads = ["星河新材料项目开工", "瓯江口隧道贯通", "青山工业园新增规上企业3家"]
    arts = _page("星河日报 2031年5月6日 第03版：县域经济", heads[0], f"本报讯（记者 {NAMES[0]}）5月5日，{heads[0]}。",
                 heads[1], "5月5日，隧道全线贯通，全长3.2公里。" + sign.format(*NAMES[1:]), heads[2],
                 "今年以来，青山工业园新增规上企业3家。")
    assert [h for _, h, _ in _titles(arts)] == heads


def test_a_bracket_of_a_word_closes_no_item():
    arts = _page("星河新材料项目开工", "本报讯（记者 林小雨）5月5日，项目开工。", "瓯江口隧道贯通", "隧道全线贯通。（完）",
                 "据悉，隧道全长3.2公里。")
    assert [h for _, h, _ in _titles(arts)] == ["星河新材料项目开工"]


@pytest.mark.parametrize("name", NAMES)
def test_a_transcripts_items_closed_by_a_spoken_sign_off(name):
    heads = ["星河新材料项目开工", "瓯江口隧道贯通"]
    arts = _page("云岭新闻 2031年5月6日", "主持人：观众朋友，晚上好。", heads[0], f"5月5日，{heads[0]}。记者 {name} 报道。",
                 heads[1], f"5月5日，{heads[1]}。星河台记者{name}报道。", "主持人：感谢收看。")
    assert [h for _, h, _ in _titles(arts)] == ["", *heads]


def test_bulleted_headings_right_under_a_byline_stay_in_the_feature():
    arts = _page("一座新城的“加速度”", "本报记者 林小雨", "● 项目建设跑出加速度", "在星河产业园，该项目总投资30亿元。",
                 "● 服务保障有力度", "新区组建了项目服务专班。")
    assert [h for _, h, _ in _titles(arts)] == ["一座新城的“加速度”"]


# ---------------------------------------------------------------- broadcast transcripts
@pytest.mark.parametrize("masthead", ["云岭电视台《云岭新闻》2031年5月6日 文字稿", "星河新闻 2031-05-06 文字稿"])
@pytest.mark.parametrize("roles", [("（口播）", "（同期）"), ("[口播]", "[同期]"), ("【口播】", "【同期】")])
def test_a_transcripts_items_with_their_script_parts_in_any_brackets(masthead, roles):
    heads = ["星河新材料项目开工", "瓯江口隧道全线贯通"]
    lines = [masthead]
    for head, name in zip(heads, NAMES):
        lines += [head, f"{roles[0]}5月5日，{head}，总投资12亿元。", f"{roles[1]}项目负责人 {name}：计划明年投产。", f"（记者 {name}）"]
    assert [h for _, h, _ in _titles(_page(*lines))] == heads


@pytest.mark.parametrize("label", ["标题：{}", "【标题】{}", "主题：{}"])
def test_a_transcripts_items_labelled_with_their_headline(label):
    heads = ["星河新材料项目开工", "瓯江口隧道全线贯通", "青山工业园新增规上企业3家"]
    lines = ["云岭新闻联播 2031年5月6日"]
    for head, name in zip(heads, NAMES):
        lines += [label.format(head), f"导语：5月5日，{head}。", f"记者：{name}"]
    assert [h for _, h, _ in _titles(_page(*lines))] == heads


# ---------------------------------------------------------------- an e-paper page's feature
def test_a_signed_feature_on_an_epaper_page_keeps_its_headings():
    arts = _page("星河日报 2031年5月6日 第02版：综合新闻", "一座新城的“加速度”", "本报记者 林小雨", "春日的云岭新区，塔吊林立。",
                 "项目建设跑出加速度", "在星河产业园，该项目总投资30亿元，去年5月开工。", "服务保障有力度", "新区组建了项目服务专班。")
    assert [h for _, h, _ in _titles(arts)] == ["一座新城的“加速度”"]


# ---------------------------------------------------------------- bilingual pages and a site's navigation
@pytest.mark.parametrize("date", ["May 6, 2031", "Tuesday, May 6, 2031", "6 May 2031"])
def test_a_release_printed_english_first_is_titled_in_chinese(date):
    head = "星河新材料云岭新工厂奠基"
    arts = _page("Starlight Materials Breaks Ground on New Plant in Yunling", date,
                 "YUNLING, China -- Starlight Materials today broke ground on its new plant in the Yunling zone.", head,
                 "2031年5月6日，星河新材料有限公司在云岭经济开发区举行新工厂奠基仪式，项目总投资12亿元。")
    assert _titles(arts) == [("", head, "")]


def test_an_english_sentence_under_the_chinese_title_is_no_subheadline():
    head = "星河新材料云岭项目开工"
    arts = _page(head, "Yunling, May 6, 2031 – Starlight Materials today broke ground on its new plant.",
                 "5月6日，星河新材料有限公司在云岭经济开发区举行开工仪式。")
    assert _titles(arts) == [("", head, "")]


def test_an_english_line_under_the_chinese_title_may_still_be_its_subheadline():
    arts = _page("星河精密云岭工厂投产", "Starlight Precision Opens Its Yunling Plant", "本报讯（记者 林小雨）日前，工厂投产。")
    assert _titles(arts)[0][1] == "星河精密云岭工厂投产"


@pytest.mark.parametrize("site", ["云岭市机械行业协会", "星河新材料产业联盟"])
def test_a_sites_name_over_its_navigation_bar_is_no_kicker(site):
    arts = _page(site, "首页 | 协会动态 | 会员风采 | 政策法规", "星河重工年产500台盾构机项目投产", "发布时间：2031-05-06 浏览：326",
                 "5月5日，会员单位星河重工年产500台盾构机项目投产。")
    assert _titles(arts) == [("", "星河重工年产500台盾构机项目投产", "")]


# ---------------------------------------------------------------- a navigation bar copied a link a line
@pytest.mark.parametrize("links", [("首页", "新闻", "县域", "经济"), ("新闻中心", "本地"), ("要闻", "县域", "民生", "视频")])
@pytest.mark.parametrize("place", PLACES)
def test_a_navigation_bar_a_link_a_line_is_no_kicker(links, place):
    head = f"{place}星河新材料项目开工"
    arts = _page("云岭新闻网", *links, head, "2031-05-06 10:00", "来源：云岭日报", f"5月5日，{head}，总投资12亿元。")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("kicker", ["创造历史", "喜报"])
def test_one_short_kicker_stays(kicker):
    arts = _page("第一版：要闻", "2031年01月10日", kicker, "云岭经济开发区获批成立", "本报讯（记者 林小雨）日前，开发区获批成立。")
    assert _titles(arts) == [(kicker, "云岭经济开发区获批成立", "")]


def test_a_title_broken_into_short_lines_over_its_paragraph_stays_a_title():
    arts = _page("星河大桥", "今天通车", "记者 林小雨", "5月6日，星河大桥正式通车。")
    assert _titles(arts)[0][1].startswith("星河大桥")

"""Headlines by form on documents unlike a news story, round 5 (issue #17, item 5): a tender's number under its
title, a document's first numbered section under its title, the issuers signing a bulletin under its title, an
editorial's signature, crumbs whose first crumb ends like an outlet's byline, a self-media platform's buttons, a
broadcast transcript's masthead and its items.

Templates on invented text: places, firms, people, numbers and order vary; no line is from a real document.
"""
from __future__ import annotations

import pytest

from lishui_analysis import config
from lishui_analysis.ingest import clean, segment
from lishui_analysis.ingest.furniture import (
    is_code_field, is_commentator_line, is_issuer_line, is_name_dateline, is_section_heading,
)
from lishui_analysis.ingest.lines import _kind

PLACES = ["云岭县", "瓯江口新区", "松溪镇"]
WORKS = ["星河新材料项目开工", "精工产业园二期结顶", "智能装备基地投产"]
HEADS = [p + w for p, w in zip(PLACES, WORKS)]
NAMES = ["林小雨", "周青山", "吴一帆"]


def _page(*lines: str) -> list:
    return segment.segment_page(clean.normalize_text("\n".join(lines)))


def _titles(arts) -> list[tuple[str, str, str]]:
    return [(a.kicker, a.headline, a.subheadline) for a in arts]


# ---------------------------------------------------------------- a tender's number under its title
@pytest.mark.parametrize("label, code", [("招标编号", "YLZB-2031-SG-0506"), ("项目编号", "XH2031-017"),
                                         ("公告编号", "2031-GC-88")])
@pytest.mark.parametrize("place", PLACES)
def test_a_records_number_under_its_title_is_no_headline(label, code, place):
    title = f"{place}星河产业园标准厂房建设项目施工招标公告"
    arts = _page(title, f"{label}：{code}", "1. 招标条件", f"本招标项目已由{place}发展改革局批准建设，现进行公开招标。",
                 "2. 项目概况", "建设地点：星河产业园东区。")
    assert _titles(arts) == [("", title, "")]
    assert is_code_field(f"{label}：{code}")


@pytest.mark.parametrize("line", ["云岭县：G60科创走廊再添新项目", "星河园区：2031", "联系人：林先生"])
def test_a_title_or_a_name_field_is_no_code(line):
    assert not is_code_field(line)


# ---------------------------------------------------------------- a document's first section under its title
@pytest.mark.parametrize("firm", ["云岭星河材料股份有限公司", "瓯江精工科技股份有限公司"])
@pytest.mark.parametrize("section", ["第三节 管理层讨论与分析", "第四章 募集资金使用", "一、公司业务概要"])
def test_a_numbered_section_under_a_documents_title_is_no_headline(firm, section):
    title = f"{firm} 2031年年度报告"
    arts = _page(title, section, "……", "（一）募集资金使用情况", "报告期内，公司募投项目按计划推进。")
    assert _titles(arts) == [("", title, "")]


@pytest.mark.parametrize("section", ["第四章 要素成本与扶持政策", "第二节 园区概况"])
def test_a_numbered_section_over_the_documents_name_stays_the_headline(section):
    arts = _page(section, "——《星河新区投资指南（2031版）》", "4.1 标准厂房租金每月12元/平方米。")
    assert _titles(arts)[0][1] == section


@pytest.mark.parametrize("line, expected", [("第三节 管理层讨论与分析", True), ("2.1 建设规模", True), ("（二）研发中心", True),
                                            ("第五届云岭论坛开幕", False), ("2031年星河项目开工", False)])
def test_a_section_heading_by_its_number(line, expected):
    assert is_section_heading(line) is expected


# ---------------------------------------------------------------- the issuers signing a bulletin
@pytest.mark.parametrize("place", ["云岭县", "瓯江市", "松溪区"])
@pytest.mark.parametrize("genre", ["国民经济统计公报", "重点项目建设情况通报"])
def test_the_issuers_under_a_documents_title_are_no_headline(place, genre):
    title = f"2031年{place}{genre}"
    arts = _page(f"{place}统计局 发布时间：2032-03-06", title, f"{place}统计局", f"国家统计局{place[:2]}调查队",
                 "（2032年3月6日）", "全年工业投资较上年提高6.1%。")
    assert _titles(arts) == [("", title, "")]


@pytest.mark.parametrize("line, expected", [("国家统计局云岭调查队", True), ("瓯江市发展和改革委员会", True),
                                            ("云岭县统计公报", False), ("云岭大桥今天通车", False)])
def test_an_issuers_line(line, expected):
    assert is_issuer_line(line) is expected


# ---------------------------------------------------------------- an editorial's signature
@pytest.mark.parametrize("signature", ["本报评论员", "本报特约评论员", "云岭日报评论员", "本刊评论员"])
@pytest.mark.parametrize("n", ["二", "三"])
def test_an_editorials_signature_is_no_title(signature, n):
    head = "让项目在园区落地生根"
    arts = _page("云岭晚报 2031年9月14日 第2版 评论", head, f"——{n}论推动开发区高质量发展", signature,
                 "一个园区有没有后劲，要看项目。")
    assert _titles(arts) == [("", head, f"{n}论推动开发区高质量发展")]
    assert is_commentator_line(signature)


@pytest.mark.parametrize("line", ["评论员观察", "云岭县评论员大会召开", "本报记者"])
def test_no_signature(line):
    assert not is_commentator_line(line)


# ---------------------------------------------------------------- crumbs led by an outlet's name
@pytest.mark.parametrize("site", ["星河商讯", "云岭资讯", "瓯江快讯"])
@pytest.mark.parametrize("head", HEADS)
def test_crumbs_whose_first_crumb_ends_like_a_byline_are_chrome(site, head):
    line = f"{site} > 企业新闻 > 制造业"
    assert _kind(line) == "chrome"
    arts = _page(line, head, "2031年11月2日 15:30", "瑞典斯德哥尔摩2031年10月20日电 /星河商讯/ -- 星河集团今日宣布，工厂投产。")
    assert _titles(arts) == [("", head, "")]


# ---------------------------------------------------------------- a self-media platform's buttons
@pytest.mark.parametrize("head", ["投资60亿！这个储能项目选址云岭，后年投产？", "签约了！星河产业园再添百亿项目"])
@pytest.mark.parametrize("buttons", [("申请入驻",), ("申请入驻", "举报", "分享至")])
def test_a_platforms_buttons_are_no_title(head, buttons):
    arts = _page("星河首页 > 星河号 > 正文", *buttons, head, "2031-07-21 16:05:33 来源： 云岭产业观察",
                 "（原标题：云岭再添产业集群）", "6月16日，项目签约仪式举行。")
    assert _titles(arts) == [("", head, "")]


# ---------------------------------------------------------------- a broadcast's transcript
def _transcript(programme: str, heads: list[str], name: str) -> list[str]:
    lines = [f"{programme} 2031年3月9日 文字稿", f"【主持人】观众朋友们好！这里是{programme}。"]
    for n, head in enumerate(heads):
        lines += [head, f"【导语】昨天，{head}。", f"【同期】项目负责人 {name}：我们计划年底投产。",
                  "【正文】记者了解到，全市一季度已有28个重点项目开工。" if n % 2 == 0 else f"【口播】{head}，总投资12亿元。"]
        if n == 0:
            lines.append(f"（记者 {name}）")
    return lines + ["【主持人】本期节目到此结束，谢谢收看。"]


@pytest.mark.parametrize("programme", ["云岭新闻联播", "瓯江新闻"])
@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("n", [2, 3])
def test_a_transcripts_items_each_start_at_their_title(programme, name, n):
    heads = [f"{p}：{w}" for p, w in zip(PLACES, WORKS)][:n]
    arts = _page(*_transcript(programme, heads, name))
    assert [a.headline for a in arts if a.headline] == heads
    assert all(programme not in a.headline for a in arts)


@pytest.mark.parametrize("programme", ["云岭新闻联播", "瓯江新闻"])
def test_a_transcripts_masthead_is_metadata(programme):
    assert is_name_dateline(f"{programme} 2031年3月9日 文字稿")
    assert not is_name_dateline(f"{programme} 2031年3月9日 开播")


def test_a_note_of_the_script_in_brackets_starts_no_item():
    arts = _page("云岭经开区：电机项目首批产品下线", "2031-07-09 18:25:44 来源：云岭新闻",
                 "【导语】今天上午，电机项目首批产品下线。", "【画面：车间里，机械臂在焊接壳体】",
                 "【正文】现场可以看到，电机陆续下线。", "【同期声】公司总经理 林小雨：我们计划8月满产。", "记者：周青山")
    assert _titles(arts) == [("", "云岭经开区：电机项目首批产品下线", "")]


def test_title_lines_between_paragraphs_of_no_transcript_start_no_item():
    arts = _page("云岭大桥通车", "记者 林小雨", "日前，大桥通车。", "瓯江隧道贯通", "次日，隧道贯通。", "星河项目开工",
                 "同日，项目开工。")
    assert [a.headline for a in arts if a.headline] == ["云岭大桥通车"]


def test_a_long_transcript_is_read_in_one_pass():
    # (a hostile page: thousands of items, each title over a part of the script; every title starts one)
    heads = [f"云岭第{n}号项目开工" for n in range(1500)]
    lines = ["【主持人】观众朋友们好。"]
    for head in heads:
        lines += [head, "【导语】项目今天开工。"]
    arts = segment.segment_page("\n".join(lines))
    assert [a.headline for a in arts if a.headline] == heads


@pytest.mark.parametrize("name", ["find_transcript_items", "unmark_signatories"])
def test_each_new_step_is_named(name):
    assert name in [f.__name__.lstrip("_") for f in segment.PAGE_STEPS]
    with config.steps_off(f"segment.{name}"):
        assert config.active_steps("segment", segment.PAGE_STEPS) != segment.PAGE_STEPS


# ---------------------------------------------------------------- news of other outlets (invented6's kinds)
@pytest.mark.parametrize("paper", ["云岭经济", "瓯江财经"])
@pytest.mark.parametrize("page", ["第05版：产业观察", "第3版：园区"])
@pytest.mark.parametrize("head, name", list(zip(HEADS, NAMES)))
def test_an_epaper_page_named_over_its_date_is_no_headline(paper, page, head, name):
    arts = _page(f"{paper} {page}", "2031年5月21日 星期四", head, "——星河产业园两年引来23家配套企业", f"本报记者 {name}",
                 "五月的星河园区，塔吊林立。")
    assert _titles(arts) == [("", head, "星河产业园两年引来23家配套企业")]


@pytest.mark.parametrize("code", ["A07", "B03"])
@pytest.mark.parametrize("name", NAMES)
def test_an_evening_papers_exclamation_is_the_headline_over_its_statement(code, name):
    head, sub = "村口的新厂房终于动工了！", "星河这座零部件园后年能用工1500人"
    arts = _page(f"云岭晚报 2031年3月12日 {code} 城事·民生", head, sub, f"晚报记者 {name} 文/图", "昨天上午，项目开工。")
    assert _titles(arts) == [("", head, sub)]


@pytest.mark.parametrize("kicker", ["喜报！", "重磅！"])
def test_a_short_interjection_stays_the_kicker(kicker):
    arts = _page(kicker, "星河园区新签约项目12个", "记者 林小雨", "日前，项目签约。")
    assert _titles(arts) == [(kicker, "星河园区新签约项目12个", "")]


@pytest.mark.parametrize("magazine, column", [("云岭商业评论", "封面故事"), ("瓯江经济观察", "园区")])
@pytest.mark.parametrize("sep", [" | ", "｜", " "])
def test_a_periodicals_issue_is_no_kicker(magazine, column, sep):
    head = "一个山区园区的八年蝶变"
    arts = _page(f"《{magazine}》2031年第9期{sep}{column}", head, "文 | 本刊记者 林小雨", "山坳里长出了一条产业链。")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("site", ["云岭新材料行业协会", "瓯江机械工业联合会"])
def test_a_sites_name_and_its_columns_are_no_kicker(site):
    head = "会员单位星河光电二期竣工投产"
    arts = _page(f"{site} | 行业动态 | 会员之家", head, "发布日期：2031-12-08 信息来源：秘书处", "日前，二期竣工投产。")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("english", ["Veltmar Optics Starts Building Yunling Plant", "Nordvik Opens Third Plant in China"])
@pytest.mark.parametrize("dateline", ["【新闻稿】2031年9月24日，中国云岭", "中国云岭，2031年9月24日"])
def test_an_english_title_over_the_chinese_one_is_no_kicker(english, dateline):
    head = "星河光学云岭工厂开建 一期投资0.9亿欧元"
    arts = _page(english, head, dateline, "星河精密今天在云岭举行新工厂奠基仪式。")
    assert _titles(arts) == [("", head, "")]


def test_an_english_line_under_the_chinese_title_stays_its_subheadline():
    arts = _page("星河精密云岭工厂奠基", "Veltmar Optics starts its first plant in Yunling", "记者 林小雨",
                 "星河精密今天在云岭举行新工厂奠基仪式。")
    assert _titles(arts)[0][1] == "星河精密云岭工厂奠基"


@pytest.mark.parametrize("platform", ["百家号", "头条号", "网易号", "头条"])
@pytest.mark.parametrize("account", ["云岭观察者", "瓯江产业说"])
def test_a_self_media_account_is_no_headline(platform, account):
    head = "云岭人注意！星河园区再迎百亿大项目，地点定了"
    arts = _page(head, account, f"2031-09-03 21:46 · 云岭 · {platform}", "原标题：星河园区举行重大项目集中签约仪式",
                 "8月13日下午，签约仪式举行。")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("head", ["仅用15个月！星河经开区又一座“灯塔工厂”投产", "星河经开区又一座智能工厂投产"])
@pytest.mark.parametrize("section", ["15个月建成投产", "从签约到投用"])
def test_a_posts_first_section_under_its_title_is_no_headline(head, section):
    arts = _page("原创 星河经开区 星河发布 2031年06月18日 18:30 浙江", head, "点击蓝字 关注我们", "01", section,
                 "6月18日，项目投产。")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("column", ["封面故事", "特别策划", "深度报道"])
@pytest.mark.parametrize("masthead", ["", "云岭商业评论 | 2031年第9期", "《瓯江经济观察》2031年第12期"])
def test_a_magazines_column_and_issue_are_no_title(column, masthead):
    head = "一座园区的十年突围"
    lines = ([masthead] if masthead else []) + [column, head, "文｜本刊记者 林小雨", "山坳里长出了一条产业链。"]
    assert _titles(_page(*lines)) == [("", head, "")]


@pytest.mark.parametrize("centre", ["星河县融媒体中心", "瓯江传媒中心"])
def test_a_media_centres_name_over_the_title_is_no_kicker(centre):
    head = "星河产业集聚区5个项目集中开工"
    arts = _page(centre, head, "2031-06-18 10:20:11 来源：星河县融媒体中心", "【字体：大 中 小】", "6月18日，项目开工。")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("medium", ["星河在线", "云岭日报", "瓯江新闻网"])
@pytest.mark.parametrize("column", ["简讯", "要闻", "快讯"])
def test_a_mediums_name_and_its_column_are_no_kicker(medium, column):
    head = "星河经开区3家企业入选绿色工厂"
    arts = _page(f"{medium} {column}", head, f"{medium}讯 日前，星河经开区3家企业入选绿色工厂名单。")
    assert _titles(arts) == [("", head, "")]


@pytest.mark.parametrize("mast", ["星河晚报 | 2031.04.02 | B05 城市", "星河晚报｜2031-04-02｜A03 要闻", "星河日报数字报"])
@pytest.mark.parametrize("head, name", list(zip(HEADS, NAMES)))
def test_a_papers_masthead_in_other_forms_is_no_kicker(mast, head, name):
    arts = _page(mast, head, f"本报记者 {name}", "四月，园区塔吊林立。")
    assert _titles(arts) == [("", head, "")]

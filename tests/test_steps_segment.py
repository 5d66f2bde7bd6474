"""The named steps of segment_page (stage "segment"): each step alone, and each step switched off.

Every page, name and number here is invented.
"""
from __future__ import annotations

import pytest

from lishui_analysis import config
from lishui_analysis.ingest import articles, segment
from lishui_analysis.ingest.articles import Article, Draft
from lishui_analysis.ingest.lines import _Meta
from lishui_analysis.ingest.segment import _Page


def _names(steps: tuple) -> list[str]:
    return [f.__name__.lstrip("_") for f in steps]


# ---------------------------------------------------------------- the step lists
def test_step_names_are_distinct_and_in_their_order():
    names = _names(segment.PAGE_STEPS) + _names(segment.ARTICLE_STEPS) + _names(segment.LINE_STEPS)
    assert len(names) == len(set(names))
    assert _names(segment.PAGE_STEPS) == [
        "cut_at_end_marker", "split_bracket_posts", "classify_lines", "unmark_post_accounts", "unmark_nav_runs", "promote_bang_title", "promote_decorated_title",
        "promote_colon_lead", "place_name_lines", "paper_name", "long_kicker", "unmark_site_header", "unmark_signatories", "unmark_account_names", "unmark_latin_lead", "read_meta_lines", "start_first_article",
        "find_top_titles", "find_header_titles", "find_disclosure_title", "start_posts", "find_signed_items",
        "find_unsigned_items", "find_bullet_items", "find_digest_items", "find_labelled_items",
        "find_photo_items", "find_read_documents", "find_transcript_items", "drop_furniture_lead", "find_page_date", "find_page_source", "find_page_labels",
        "build_articles"]
    assert _names(segment.ARTICLE_STEPS) == [
        "name_titles", "title_from_original", "drop_media_name", "drop_page_label", "drop_bracket_label", "read_body_lines", "take_closing_names", "mend_broken_paragraphs", "inherit_page_date",
        "date_by_dateline", "inherit_page_source"]
    assert _names(segment.LINE_STEPS) == [
        "drop_chrome", "cut_caption_credit", "take_meta_line", "take_byline_line", "take_byline_lead",
        "take_bracket_byline"]


def test_nothing_off_runs_every_step_tuple_itself():
    assert config.active_steps("segment", segment.PAGE_STEPS) is segment.PAGE_STEPS
    with config.steps_off("segment.find_page_date", "segment.drop_chrome"):
        assert "find_page_date" not in _names(config.active_steps("segment", segment.PAGE_STEPS))
        assert "drop_chrome" not in _names(config.active_steps("segment", segment.LINE_STEPS))


def test_old_names_stay_importable_from_segment():
    from lishui_analysis.ingest.segment import (  # noqa: F401
        Article, _kind, is_byline_line, match_byline_lead, parse_byline_names, parse_date_line, parse_meta_line,
        segment_page, split_sentences)
    assert segment.Article is articles.Article


# ---------------------------------------------------------------- page steps alone
def test_cut_at_end_marker_drops_the_lines_after_it():
    page = _Page(["云岭镇光伏电站并网", "装机容量12万千瓦。", "往期推荐", "瓯江口新区另一篇旧文"])
    segment._cut_at_end_marker(page)
    assert page.paras == ["云岭镇光伏电站并网", "装机容量12万千瓦。"]
    assert page.kinds == ["body", "body"]


def test_cut_at_end_marker_never_cuts_at_the_first_line():
    page = _Page(["END", "云岭镇光伏电站并网"])
    segment._cut_at_end_marker(page)
    assert page.paras == ["END", "云岭镇光伏电站并网"]


def test_classify_lines_gives_each_line_its_kind():
    page = _Page(["瓯江口新区云岭大桥通车", "记者 林小雨 通讯员 王大山", "来源：云岭日报", "日前，大桥通车，总投资8.5亿元。"])
    segment._classify_lines(page)
    assert page.kinds == ["title", "byline_line", "meta", "body"]


@pytest.mark.parametrize("branch, line, kind", [
    ("unmark_column_labels", "县域动态丨", "chrome"),
    ("unmark_media_names", "瓯江晚报 2031-05-06", "meta"),
    ("unmark_url_lines", "https://www.example.cn/a/1.html", "chrome"),
    ("unmark_bare_dates", "5月6日 星期二", "meta"),
    ("unmark_photo_credits", "图/周青山", "chrome"),
    ("unmark_staff_lines", "编辑 王大山 审核 周青山", "meta"),
    ("unmark_post_headers", "原创 云岭发布 林小雨", "meta"),
    ("unmark_bare_dates", "（2031年5月6日）", "meta"),
    ("unmark_bare_dates", "发布于 2031-05-06", "meta"),
    ("unmark_page_mastheads", "云岭报 2031年5月6日 第07版：综合", "meta"),
    ("unmark_bare_dates", "（5月6日—5月12日）", "meta"),
    ("unmark_post_headers", "5-6 09:12 来自 云岭客户端", "meta"),
    ("unmark_counter_lines", "转发 41 ｜ 评论 7 ｜ 赞 95", "chrome"),
    ("unmark_counter_lines", "@云岭发布", "chrome"),
])
def test_classify_lines_gives_a_furniture_line_its_kind_unless_its_branch_is_off(branch, line, kind):
    page = _Page([line, "瓯江口新区云岭大桥通车", "日前，大桥通车。"])
    segment._classify_lines(page)
    assert page.kinds == [kind, "title", "body"]
    with config.steps_off(f"segment.{branch}"):
        segment._classify_lines(page)
    assert page.kinds[0] in ("title", "names")


def test_promote_bang_title_makes_the_first_real_line_a_title():
    page = _Page(["分享到 微信", "云岭大桥，今天合龙！", "大桥，今天合龙！"], ["chrome", "body", "body"])
    segment._promote_bang_title(page)
    assert page.kinds == ["chrome", "title", "body"]


def test_promote_bang_title_leaves_a_quotation():
    page = _Page(["“云岭大桥，今天合龙！”"], ["body"])
    segment._promote_bang_title(page)
    assert page.kinds == ["body"]


def test_place_name_lines_byline_under_a_title_else_title():
    page = _Page(["云岭大桥通车", "来源：云岭日报", "林小雨 王大山", "正文。", "周青山 吴一帆"],
                 ["title", "meta", "names", "body", "names"])
    segment._place_name_lines(page)
    assert page.kinds == ["title", "meta", "byline_line", "body", "title"]


def test_read_meta_lines_reads_only_metadata_lines():
    page = _Page(["云岭大桥通车", "2031-05-06 来源：瓯江晚报 记者 林小雨"], ["title", "meta"])
    segment._read_meta_lines(page)
    assert list(page.metas) == [1]
    meta = page.metas[1]
    assert (meta.date, meta.source, meta.reporters) == ("2031-05-06", "瓯江晚报", ["林小雨"])


def test_start_first_article_at_the_first_real_line():
    page = _Page(["来源：云岭日报", "分享到 微信", "日前，大桥通车。"], ["meta", "chrome", "body"])
    segment._start_first_article(page)
    assert page.starts == {2: []}
    empty = _Page(["分享到 微信"], ["chrome"])
    segment._start_first_article(empty)
    assert empty.starts == {}


def test_find_top_titles_groups_the_leading_title_lines():
    page = _Page(["云岭镇", "新材料产业园开工", "总投资8.5亿元的园区今天开工建设", "日前，产业园开工。"],
                 ["title", "title", "title", "body"])
    segment._find_top_titles(page)
    assert page.starts == {0: [[0, 1], [2]]}


def test_find_top_titles_needs_something_after_the_titles():
    page = _Page(["云岭镇", "新材料产业园开工"], ["title", "title"])
    segment._find_top_titles(page)
    assert page.starts == {}


def test_find_top_titles_stops_at_metadata_but_keeps_a_dash_subtitle():
    page = _Page(["云岭大桥通车", "来源：云岭日报", "——总投资8.5亿元", "瓯江隧道", "正文。"],
                 ["title", "meta", "title", "title", "body"])
    segment._find_top_titles(page)
    assert page.starts == {0: [[0], [2]]}


def test_find_header_titles_starts_an_article_at_titles_above_a_byline():
    page = _Page(["旧文结尾。", "云岭大桥通车", "本报讯（记者 林小雨）正文。", "瓯江隧道", "贯通", "王大山 周青山"],
                 ["body", "title", "byline_lead", "title", "title", "byline_line"], starts={0: []})
    segment._find_header_titles(page)
    assert page.starts == {0: [], 1: [[1]], 3: [[3, 4]]}


def test_find_header_titles_skips_a_broken_body_line_and_taken_titles():
    broken = _Page(["日前，云岭大桥", "通车", "记者 林小雨"], ["body", "title", "byline_line"])
    segment._find_header_titles(broken)
    assert broken.starts == {}
    taken = _Page(["云岭大桥通车", "记者 林小雨"], ["title", "byline_line"], starts={0: [[0]]})
    segment._find_header_titles(taken)
    assert taken.starts == {0: [[0]]}


def test_find_header_titles_above_a_metadata_line_that_heads_an_article():
    page = _Page(["旧文结尾。", "云岭大桥通车", "来源：云岭日报", "正文。"], ["body", "title", "meta", "body"],
                 metas={2: _Meta(source="云岭日报", n_fields=1)})
    segment._find_header_titles(page)
    assert page.starts == {1: [[1]]}
    plain = _Page(["旧文结尾。", "云岭大桥通车", "2031-05-06", "正文。"], ["body", "title", "meta", "body"],
                  metas={2: _Meta(date="2031-05-06")})
    segment._find_header_titles(plain)
    assert plain.starts == {}


def test_find_page_date_is_the_first_date_anywhere():
    page = _Page([], metas={2: _Meta(source="云岭日报"), 8: _Meta(date="2031-05-06"), 9: _Meta(date="2030-01-01")})
    segment._find_page_date(page)
    assert page.date == "2031-05-06"


def test_find_page_source_only_above_the_first_article():
    page = _Page([], metas={1: _Meta(source="云岭日报"), 6: _Meta(source="瓯江晚报")}, starts={4: [], 2: []})
    segment._find_page_source(page)
    assert page.source == "云岭日报"
    below = _Page([], metas={6: _Meta(source="瓯江晚报")}, starts={2: []})
    segment._find_page_source(below)
    assert below.source == ""


def test_build_articles_one_per_start_in_page_order():
    page = _Page(["瓯江隧道贯通", "隧道贯通。", "云岭大桥通车", "大桥通车。"], ["title", "body", "title", "body"],
                 starts={2: [[2]], 0: [[0]]}, date="2031-05-06")
    segment._build_articles(page)
    got = [(a.seq, a.headline, a.body, a.pub_date) for a in page.articles]
    assert got == [(1, "瓯江隧道贯通", "隧道贯通。", "2031-05-06"), (2, "云岭大桥通车", "大桥通车。", "2031-05-06")]


def test_group_titles_joins_a_title_the_layout_broke():
    paras = ["云岭镇新材料", "产业园开工", "总投资8.5亿元的园区今天开工建设"]
    assert segment._group_titles([0, 1, 2], paras) == [[0, 1], [2]]
    with config.steps_off("segment.join_titles"):
        assert segment._group_titles([0, 1, 2], paras) == [[0], [1], [2]]


# ---------------------------------------------------------------- article steps alone
def _draft(paras: list[str], kinds: list[str], **kw) -> Draft:
    return Draft(paras, kinds, range(len(paras)), **kw)


def test_name_titles_kicker_headline_subheadline():
    d = _draft(["瓯江口新区", "云岭大桥通车", "总投资8.5亿元 全长3.2公里"], ["title"] * 3, groups=[[0], [1], [2]])
    articles._name_titles(d)
    assert (d.art.kicker, d.art.headline, d.art.subheadline) == ("瓯江口新区", "云岭大桥通车", "总投资8.5亿元 全长3.2公里")
    sub = _draft(["云岭大桥通车", "总投资8.5亿元"], ["title"] * 2, groups=[[0], [1]])
    articles._name_titles(sub)
    assert (sub.art.kicker, sub.art.headline, sub.art.subheadline) == ("", "云岭大桥通车", "总投资8.5亿元")


def test_name_titles_by_the_form_of_each_line():
    cases = [(["云岭大桥通车", "（全长3.2公里的跨江通道今天建成）"], ("", "云岭大桥通车", "全长3.2公里的跨江通道今天建成")),
             (["云岭大桥通车", "投资8.5亿元 全长3.2公里"], ("", "云岭大桥通车", "投资8.5亿元 全长3.2公里")),
             (["山水筑底 创新赋能", "瓯江口新区云岭大桥等六个重大项目今天集中开工"],
              ("山水筑底 创新赋能", "瓯江口新区云岭大桥等六个重大项目今天集中开工", ""))]
    for lines, expected in cases:
        d = _draft(lines, ["title"] * 2, groups=[[0], [1]])
        articles._name_titles(d)
        assert (d.art.kicker, d.art.headline, d.art.subheadline) == expected


def test_drop_media_name_before_or_after_the_headline_not_a_column():
    for head, expected in [("云岭发布丨云岭大桥今天通车", "云岭大桥今天通车"), ("云岭大桥今天通车_瓯江新闻网", "云岭大桥今天通车"),
                           ("县域动态丨云岭大桥今天通车", "县域动态丨云岭大桥今天通车")]:
        d = _draft([], [], art=Article(seq=1, headline=head))
        articles._drop_media_name(d)
        assert d.art.headline == expected


def test_read_body_lines_keeps_what_no_line_step_took():
    d = _draft(["云岭大桥通车", "记者 林小雨", "分享到 微信", "日前，大桥通车。", "全长3.2公里。"],
               ["title", "byline_line", "chrome", "body", "body"], groups=[[0]])
    articles._read_body_lines(d)
    assert d.body == ["日前，大桥通车。", "全长3.2公里。"]
    assert d.art.reporters == ["林小雨"]


def test_take_closing_names_from_the_last_paragraph():
    d = _draft([], [], body=["日前，大桥通车。", "全长3.2公里。（周青山、吴一帆）"])
    articles._take_closing_names(d)
    assert d.body == ["日前，大桥通车。", "全长3.2公里。"]
    assert (d.art.reporters, d.art.byline) == (["周青山", "吴一帆"], "（周青山、吴一帆）")


def test_take_closing_names_not_a_word_like_wan():
    d = _draft([], [], body=["全长3.2公里。（完）"])
    articles._take_closing_names(d)
    assert d.body == ["全长3.2公里。（完）"]
    assert d.art.reporters == []


def test_mend_broken_paragraphs_joins_a_broken_sentence():
    d = _draft([], [], body=["云岭大桥全长", "", "3.2公里。", "次日，隧道贯通。"])
    articles._mend_broken_paragraphs(d)
    assert d.body == ["云岭大桥全长3.2公里。", "次日，隧道贯通。"]


def test_inherit_page_date_only_without_an_own_date():
    d = _draft([], [], date="2031-05-06")
    articles._inherit_page_date(d)
    assert d.art.pub_date == "2031-05-06"
    own = _draft([], [], date="2031-05-06", art=Article(seq=1, pub_date="2031-04-01"))
    articles._inherit_page_date(own)
    assert own.art.pub_date == "2031-04-01"


def test_date_by_dateline_in_the_year_before_across_new_year():
    d = _draft([], [], art=Article(seq=1, pub_date="2031-01-02"), dateline=(12, 30))
    articles._date_by_dateline(d)
    assert d.art.pub_date == "2030-12-30"


def test_inherit_page_source_only_without_an_own_source():
    d = _draft([], [], source="云岭日报")
    articles._inherit_page_source(d)
    assert d.art.source == "云岭日报"
    own = _draft([], [], source="云岭日报", art=Article(seq=1, source="瓯江晚报"))
    articles._inherit_page_source(own)
    assert own.art.source == "瓯江晚报"


# ---------------------------------------------------------------- line steps alone
def test_drop_chrome_only_chrome():
    d = _draft(["分享到 微信", "日前，大桥通车。"], ["chrome", "body"])
    assert articles._drop_chrome(d, 0, "分享到 微信") is None
    assert articles._drop_chrome(d, 1, "日前，大桥通车。") == "日前，大桥通车。"


def test_cut_caption_credit_keeps_the_caption_text():
    d = _draft(["通车仪式现场。周青山 摄"], ["captioned"])
    assert articles._cut_caption_credit(d, 0, "通车仪式现场。周青山 摄") == "通车仪式现场。"


def test_take_meta_line_takes_the_first_of_each_field():
    d = _draft(["发布时间：2031-05-06", "来源：瓯江晚报 通讯员 王大山"], ["meta", "meta"],
               metas={0: _Meta(date="2031-05-06"), 1: _Meta(source="瓯江晚报", correspondents=["王大山"])},
               art=Article(seq=1, source="云岭日报"))
    assert articles._take_meta_line(d, 0, "发布时间：2031-05-06") is None
    assert articles._take_meta_line(d, 1, "来源：瓯江晚报 通讯员 王大山") is None
    assert (d.art.pub_date, d.art.source, d.art.correspondents) == ("2031-05-06", "云岭日报", ["王大山"])


def test_take_byline_line_chinese_and_english():
    d = _draft(["文/林小雨 图/周青山", "By Lin Xiaoyu and Zhou Qingshan"], ["byline_line", "byline_line"])
    assert articles._take_byline_line(d, 0, "文/林小雨 图/周青山") is None
    assert articles._take_byline_line(d, 1, "By Lin Xiaoyu and Zhou Qingshan") is None
    assert d.art.reporters == ["林小雨", "Lin Xiaoyu", "Zhou Qingshan"]
    assert d.art.byline == "文/林小雨 图/周青山"


def test_take_byline_lead_cuts_the_byline_and_notes_an_agency_dateline():
    para = "云岭网青田5月5日电（记者 林小雨 通讯员 王大山）日前，大桥通车。"
    d = _draft([para], ["byline_lead"])
    assert articles._take_byline_lead(d, 0, para) == "日前，大桥通车。"
    assert (d.art.byline, d.art.reporters, d.art.correspondents) == (
        "云岭网青田5月5日电（记者 林小雨 通讯员 王大山）", ["林小雨"], ["王大山"])
    assert d.dateline == (5, 5)


def test_take_byline_lead_after_the_body_stays_in_it():
    para = "本报讯（记者 周青山）次日，隧道贯通。"
    d = _draft([para], ["byline_lead"], body=["日前，大桥通车。"])
    assert articles._take_byline_lead(d, 0, para) == para
    assert (d.art.byline, d.art.reporters, d.dateline) == ("", ["周青山"], None)


def test_take_bracket_byline_closing_a_paragraph():
    d = _draft(["日前，大桥通车。（记者 林小雨 通讯员 王大山）"], ["body"])
    got = articles._take_bracket_byline(d, 0, "日前，大桥通车。（记者 林小雨 通讯员 王大山）")
    assert got == "日前，大桥通车。"
    assert (d.art.reporters, d.art.correspondents) == (["林小雨"], ["王大山"])
    assert articles._take_bracket_byline(d, 0, "（记者 周青山）") is None


# ---------------------------------------------------------------- each step switched off
TWO = "云岭大桥通车\n本报讯（记者 林小雨）日前，大桥通车。\n瓯江隧道贯通\n本报讯（记者 王大山）次日，隧道贯通。"


def _heads(arts):
    return [a.headline for a in arts]


def _first(field):
    return lambda arts: getattr(arts[0], field)


POSTS = ("云岭发布 V\n粉丝 3.2万 关注 120\n5-6 09:12 来自 云岭客户端\n#云岭县#【星河项目封顶】5月5日，星河项目主体封顶。\n"
         "转发 12 ｜ 评论 3\n5-7 10:20 来自 云岭客户端\n【瓯江隧道贯通】5月6日，瓯江隧道全线贯通。")

OFF = [
    ("cut_at_end_marker", TWO.replace("\n瓯江", "\nEND\n瓯江"), _heads, ["云岭大桥通车"]),
    ("classify_lines", TWO, _heads, ["云岭大桥通车", "瓯江隧道贯通"]),
    ("unmark_column_labels", "县域动态丨\n" + TWO, _heads, ["云岭大桥通车", "瓯江隧道贯通"]),
    ("unmark_media_names", "瓯江晚报 2031-05-06\n" + TWO, lambda arts: (arts[0].kicker, arts[0].headline),
     ("", "云岭大桥通车")),
    ("unmark_url_lines", TWO + "\nhttps://www.example.cn/a/1.html", lambda arts: arts[-1].body, "次日，隧道贯通。"),
    ("unmark_bare_dates", "5月6日\n" + TWO, _heads, ["云岭大桥通车", "瓯江隧道贯通"]),
    ("unmark_photo_credits", "云岭大桥通车\n图/周青山\n本报讯（记者 林小雨）日前，大桥通车。", _heads, ["云岭大桥通车"]),
    ("unmark_staff_lines", TWO + "\n编辑 吴一帆 审核 周青山", lambda arts: arts[-1].body, "次日，隧道贯通。"),
    ("drop_media_name", "瓯江新闻网：云岭大桥今天通车\n本报讯（记者 林小雨）日前，大桥通车。", _heads, ["云岭大桥今天通车"]),
    ("bracketed_subheadline", "云岭大桥通车\n（全长3.2公里的跨江通道今天建成）\n本报讯（记者 林小雨）日前，大桥通车。",
     lambda arts: (arts[0].headline, arts[0].subheadline), ("云岭大桥通车", "全长3.2公里的跨江通道今天建成")),
    ("figure_subheadline", "云岭大桥通车\n投资8.5亿元 全长3.2公里\n本报讯（记者 林小雨）日前，大桥通车。",
     lambda arts: (arts[0].kicker, arts[0].subheadline), ("", "投资8.5亿元 全长3.2公里")),
    ("kicker_form", "山水筑底 创新赋能\n瓯江口新区云岭大桥等六个重大项目今天集中开工\n本报讯（记者 林小雨）日前，项目开工。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("山水筑底 创新赋能", "瓯江口新区云岭大桥等六个重大项目今天集中开工")),
    ("title_from_original", "来源：云岭网\n原标题：云岭大桥今天通车\n云岭网青田5月5日电（林小雨）日前，大桥通车。", _heads,
     ["云岭大桥今天通车"]),
    ("unmark_post_headers", "云岭大桥通车\n原创 云岭发布 2031-05-06\n日前，大桥通车。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "云岭大桥通车")),
    ("title_role_labels", "引题：拼经济 抓项目\n主题：云岭大桥通车\n本报讯（记者 林小雨）日前，大桥通车。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("拼经济 抓项目", "云岭大桥通车")),
    ("join_issuer_title", "云岭县人民政府办公室\n关于加快云岭大桥建设的意见\n各乡镇人民政府：\n现提出如下意见。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "云岭县人民政府办公室关于加快云岭大桥建设的意见")),
    ("unmark_lead_openings", "云岭大桥通车\n日前，瓯江口新区的云岭大桥\n正式通车，总投资8.5亿元。", lambda arts: arts[0].kicker, ""),
    ("promote_bang_title", "云岭大桥，今天合龙！\n日前，大桥合龙，总投资8.5亿元。", _heads, ["云岭大桥，今天合龙！"]),
    ("place_name_lines", "云岭大桥通车\n林小雨 王大山\n日前，大桥通车。", _first("reporters"), ["林小雨", "王大山"]),
    ("read_meta_lines", "云岭大桥通车\n来源：云岭日报 2031-05-06\n日前，大桥通车。",
     lambda arts: (arts[0].source, arts[0].pub_date), ("云岭日报", "2031-05-06")),
    ("start_first_article", "日前，云岭镇召开会议。\n" + TWO, _heads, ["", "云岭大桥通车", "瓯江隧道贯通"]),
    ("find_top_titles", "云岭大桥通车\n日前，大桥通车。", _heads, ["云岭大桥通车"]),
    ("find_header_titles", TWO, _heads, ["云岭大桥通车", "瓯江隧道贯通"]),
    ("drop_furniture_lead", "项目一线：\n瓯江口：\n" + TWO, _heads, ["云岭大桥通车", "瓯江隧道贯通"]),
    ("find_page_date", "2031-05-06\n" + TWO, lambda arts: [a.pub_date for a in arts], ["2031-05-06"] * 2),
    ("find_page_source", "来源：云岭日报\n" + TWO, lambda arts: [a.source for a in arts], ["云岭日报"] * 2),
    ("build_articles", TWO, len, 2),
    ("name_titles", TWO, _heads, ["云岭大桥通车", "瓯江隧道贯通"]),
    ("read_body_lines", TWO, lambda arts: [a.body for a in arts], ["日前，大桥通车。", "次日，隧道贯通。"]),
    ("take_closing_names", "云岭大桥通车\n日前，大桥通车。（林小雨）", _first("reporters"), ["林小雨"]),
    ("mend_broken_paragraphs", "云岭大桥通车\n本报讯（记者 林小雨）云岭大桥全长3.2公里，连接新区与老城，是\n全市今年的重点工程，今天通车。",
     _first("body"), "云岭大桥全长3.2公里，连接新区与老城，是全市今年的重点工程，今天通车。"),
    ("inherit_page_date", "2031-05-06\n" + TWO, lambda arts: [a.pub_date for a in arts], ["2031-05-06"] * 2),
    ("date_by_dateline", "云岭大桥通车\n发布时间：2031-05-06\n云岭网青田5月5日电（记者 林小雨）日前，大桥通车。",
     _first("pub_date"), "2031-05-05"),
    ("inherit_page_source", "来源：云岭日报\n" + TWO, lambda arts: [a.source for a in arts], ["云岭日报"] * 2),
    ("drop_chrome", "云岭大桥通车\n本报讯（记者 林小雨）日前，大桥通车。\n分享到 微信 微博", _first("body"), "日前，大桥通车。"),
    ("cut_caption_credit", "云岭大桥通车\n本报讯（记者 林小雨）日前，大桥通车。\n通车仪式现场。周青山 摄",
     _first("body"), "日前，大桥通车。\n通车仪式现场。"),
    ("take_meta_line", "云岭大桥通车\n来源：云岭日报\n本报讯（记者 林小雨）日前，大桥通车。",
     lambda arts: (arts[0].source, arts[0].body), ("云岭日报", "日前，大桥通车。")),
    ("take_byline_line", "云岭大桥通车\n记者 林小雨 通讯员 王大山\n日前，大桥通车。",
     lambda arts: (arts[0].reporters, arts[0].correspondents), (["林小雨"], ["王大山"])),
    ("take_byline_lead", TWO, lambda arts: [a.byline for a in arts], ["本报讯（记者 林小雨）", "本报讯（记者 王大山）"]),
    ("take_bracket_byline", "云岭大桥通车\n日前，大桥通车。（记者 林小雨）\n次日，隧道贯通。",
     lambda arts: (arts[0].reporters, arts[0].body), (["林小雨"], "日前，大桥通车。\n次日，隧道贯通。")),
    ("join_titles", "瓯江口新区\n云岭大桥通车\n本报讯（记者 林小雨）日前，大桥通车。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "瓯江口新区云岭大桥通车")),
    ("unmark_pictograph_lines", "云岭大桥通车\n📍大桥现场\n日前，大桥通车。", _heads, ["云岭大桥通车"]),
    ("promote_decorated_title", "🎉云岭大桥通车\n日前，大桥通车。", _heads, ["🎉云岭大桥通车"]),
    ("unmark_page_mastheads", "云岭报 2031年5月6日 第07版：综合\n" + TWO, lambda arts: (arts[0].kicker, arts[0].headline),
     ("", "云岭大桥通车")),
    ("unmark_field_lines", "证券代码：600000 证券简称：云岭股份\n云岭大桥通车\n日前，大桥通车。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "云岭大桥通车")),
    ("latin_word_length", "Yunling Bridge opens to traffic after three years of work | 云岭大桥今天通车\n日前，大桥通车。",
     _heads, ["Yunling Bridge opens to traffic after three years of work | 云岭大桥今天通车"]),
    ("quote_led_titles", "“拿地即开工”是怎样做到的？\n记者 林小雨\n日前，项目开工。", _heads, ["“拿地即开工”是怎样做到的？"]),
    ("drop_bracket_label", "【云岭新闻联播】云岭大桥今天通车\n本报讯（记者 林小雨）日前，大桥通车。", _heads, ["云岭大桥今天通车"]),
    ("theme_subheadline", "云岭大桥9个月建成通车\n“云岭速度”的幕后故事\n记者 林小雨\n日前，大桥通车。",
     lambda arts: (arts[0].headline, arts[0].subheadline), ("云岭大桥9个月建成通车", "“云岭速度”的幕后故事")),
    ("find_signed_items", "云岭大桥通车\n日前，大桥通车。（记者 林小雨）\n瓯江隧道贯通\n次日，隧道贯通。（记者 王大山）",
     _heads, ["云岭大桥通车", "瓯江隧道贯通"]),
    ("find_unsigned_items", TWO + "\n前两月云岭县工业投资增长12%\n据统计，工业投资同比增长12%。", _heads,
     ["云岭大桥通车", "瓯江隧道贯通", "前两月云岭县工业投资增长12%"]),
    ("split_bracket_posts", POSTS, _heads, ["星河项目封顶", "瓯江隧道贯通"]),
    ("start_posts", POSTS, _heads, ["星河项目封顶", "瓯江隧道贯通"]),
    ("promote_colon_lead", "瓯江口新区：\n新材料产业链加速成型\n记者 林小雨\n日前，产业链成型。", _heads,
     ["瓯江口新区：新材料产业链加速成型"]),
    ("paper_name", "澳门星河报\n2031年5月6日 星期二\n星河新区半导体项目动工\n【本报消息】日前，项目动工。", _heads,
     ["星河新区半导体项目动工"]),
    ("long_kicker", ("云岭日报\n上半年云岭县新签约亿元以上项目21个、总投资96亿元，新开工项目同比增加7个，“交地即交证”在星河园区渐成常态\n"
                     "星河经开区项目跑出加速度\n记者 林小雨\n日前，项目开工。"),
     lambda arts: (arts[0].kicker[:6], arts[0].headline), ("上半年云岭县", "星河经开区项目跑出加速度")),
    ("join_broken_title", "云岭县星河片区道路工程设计施工一体化\n中标候选人公示\n日前，评标结束。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "云岭县星河片区道路工程设计施工一体化中标候选人公示")),
    ("unmark_site_header", "云岭县公共资源交易中心\n首页 > 交易信息 > 中标公示\n星河片区道路工程中标公示\n日前，工程开标。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "星河片区道路工程中标公示")),
    ("find_disclosure_title", ("云岭县政务公开\n索引号：001/2031-01 发布机构：云岭县发改局\n生成日期：2031-05-06\n"
                               "关于星河项目的公示\n经研究，现予以公示。"), _heads, ["关于星河项目的公示"]),
    ("find_page_labels", "首页 > 要闻 > 云岭\n要闻｜云岭大桥今天通车\n日前，大桥通车。", _heads, ["云岭大桥今天通车"]),
    ("drop_page_label", "首页 > 要闻 > 云岭\n要闻｜云岭大桥今天通车\n日前，大桥通车。", _heads, ["云岭大桥今天通车"]),
    ("unmark_counter_lines", "云岭大桥通车\n粉丝 3.2万 关注 120\n日前，大桥通车。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "云岭大桥通车")),
    ("dash_subheadline", "云岭新区：\n云岭新区新签项目12个\n——总投资80亿元\n记者 林小雨\n日前，项目签约。",
     lambda arts: (arts[0].headline, arts[0].subheadline), ("云岭新区：云岭新区新签项目12个", "总投资80亿元")),
    ("glued_subheadline", "云岭大桥九个月建成通车——访云岭县交通局局长林小雨\n记者 王大山\n日前，大桥通车。",
     lambda arts: (arts[0].headline, arts[0].subheadline), ("云岭大桥九个月建成通车", "访云岭县交通局局长林小雨")),
    ("unmark_crumb_lines", "云岭县公共资源交易中心 > 土地出让 > 成交结果\n星河地块挂牌出让结果公示\n日前，地块成交。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "星河地块挂牌出让结果公示")),
    ("unmark_channel_lines", "云岭观察 · 新闻\n云岭大桥今天通车\n日前，大桥通车。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "云岭大桥今天通车")),
    ("report_place", "云岭大桥通车\n记者 林小雨 广州报道\n日前，大桥通车。", _first("reporters"), ["林小雨"]),
    ("byline_counters", "云岭大桥通车\n发布时间：2031-05-06 作者：林小雨 阅读：3416\n日前，大桥通车。", _first("reporters"),
     ["林小雨"]),
    ("clause_count_end", "上半年新签约项目21个、总投资96亿元，开工项目同比增加7个\n星河经开区：项目建设按下快进键\n记者 林小雨\n日前，项目开工。",
     lambda arts: (arts[0].kicker[:6], arts[0].headline), ("上半年新签约", "星河经开区：项目建设按下快进键")),
    ("page_codes", "星河日报\nA03 澳闻\n星河新区半导体项目动工\n【本报消息】星河新区半导体项目昨日动工。",
     lambda arts: (arts[0].kicker, arts[0].headline, arts[0].byline), ("", "星河新区半导体项目动工", "【本报消息】")),
    ("lead_subheadline", "星河经开区新开工项目42个\n总投资326亿元，其中亿元以上项目31个\n记者 林小雨\n日前，项目开工。",
     lambda arts: (arts[0].headline, arts[0].subheadline), ("星河经开区新开工项目42个", "总投资326亿元，其中亿元以上项目31个")),
    ("sign_off_bylines", "星河项目封顶\n日前，星河项目封顶。\n星河广播电视台记者林小雨、王大山广州报道。", _first("reporters"),
     ["林小雨", "王大山"]),
    ("numeric_datelines", "星河县召开重点项目推进会\n星河县人民政府 2031-05-06\n5月5日，星河县召开推进会。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "星河县召开重点项目推进会")),
    ("jump_tails", ("云岭大桥通车\n本报记者 林小雨\n日前，大桥通车。\n大桥全长3.2公里。（下转第3版）\n瓯江隧道贯通\n"
                    "本报记者 王大山\n次日，隧道贯通。"), lambda arts: [(a.kicker, a.headline) for a in arts],
     [("", "云岭大桥通车"), ("", "瓯江隧道贯通")]),
    ("notice_lines", "云岭大桥通车\n日前，大桥通车。\n本文由云岭观察编辑部整理，转载请注明来源。", _first("body"), "日前，大桥通车。"),
    ("chrome_compounds", "[PDF全文]\n云岭大桥通车\n日前，大桥通车。", _heads, ["云岭大桥通车"]),
    ("unmark_name_datelines", "云岭县星河经济开发区 2031年5月6日\n日前，星河项目开工，总投资5亿元。",
     lambda arts: (arts[0].headline, arts[0].pub_date), ("", "2031-05-06")),
    ("bullet_items", "云岭开发区要闻（第5期）\n\n■【星河项目封顶】\n日前，星河项目封顶。\n★【瓯江隧道贯通】\n次日，隧道贯通。",
     _heads, ["星河项目封顶", "瓯江隧道贯通"]),
    ("find_bullet_items", "云岭开发区要闻（第5期）\n\n■【星河项目封顶】\n日前，星河项目封顶。\n★【瓯江隧道贯通】\n次日，隧道贯通。",
     _heads, ["星河项目封顶", "瓯江隧道贯通"]),
    ("find_photo_items", ("图片新闻\n星河项目封顶\n图为项目现场。记者 林小雨 摄\n日前，星河项目封顶。\n瓯江隧道贯通\n"
                          "图为隧道现场。通讯员 王大山 摄\n次日，隧道贯通。"), _heads, ["星河项目封顶", "瓯江隧道贯通"]),
    ("find_read_documents", ("云岭县星河项目新闻发布会\n主持人（王大山）：欢迎各位。\n发布人（林小雨）：\n关于星河项目建设情况的发布\n"
                             "日前，星河项目开工。"), _heads, ["云岭县星河项目新闻发布会", "关于星河项目建设情况的发布"]),
    ("unmark_code_fields", "星河产业园厂房施工招标公告\n招标编号：YLZB-2031-SG-0506\n本项目已批准建设，现公开招标。",
     lambda arts: (arts[0].headline, arts[0].subheadline), ("星河产业园厂房施工招标公告", "")),
    ("unmark_commentator_lines", "让项目在园区落地生根\n本报评论员\n一个园区有没有后劲，要看项目。",
     lambda arts: (arts[0].headline, arts[0].subheadline), ("让项目在园区落地生根", "")),
    ("transcript_mastheads", "云岭新闻联播 2031年3月9日 文字稿\n云岭县：星河项目开工\n【导语】昨天，项目开工。\n【正文】总投资12亿元。",
     lambda arts: [(a.kicker, a.headline) for a in arts], [("", "云岭县：星河项目开工")]),
    ("section_heading_end", "云岭星河材料股份有限公司 2031年年度报告\n第三节 管理层讨论与分析\n报告期内，募投项目按计划推进。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "云岭星河材料股份有限公司 2031年年度报告")),
    ("unmark_signatories", "2031年云岭县统计公报\n云岭县统计局\n（2032年3月6日）\n全年投资增长7.8%。",
     lambda arts: (arts[0].headline, arts[0].subheadline), ("2031年云岭县统计公报", "")),
    ("find_transcript_items", ("【主持人】观众朋友，晚上好。\n云岭县：星河项目开工\n【导语】昨天，项目开工。\n（记者 林小雨）\n"
                               "瓯江隧道贯通\n【口播】次日，隧道贯通。"), _heads, ["", "云岭县：星河项目开工", "瓯江隧道贯通"]),
    ("masthead_forms", "云岭经济 第05版：产业观察\n星河园区链起新能源\n本报记者 林小雨\n五月的星河园区，塔吊林立。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "星河园区链起新能源")),
    ("site_name_nav", "云岭新材料行业协会 | 行业动态 | 会员之家\n会员单位星河光电投产\n日前，二期投产。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "会员单位星河光电投产")),
    ("latin_alternate_title", "Veltmar Starts Work in Yunling\n星河精密云岭工厂奠基\n星河精密今天举行奠基仪式。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "星河精密云岭工厂奠基")),
    ("bang_headline", "村口的新厂房终于动工了！\n星河这座零部件园后年能用工1500人\n记者 林小雨\n昨天上午，项目开工。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "村口的新厂房终于动工了！")),
    ("unmark_account_names", "星河园区再迎百亿大项目！\n云岭观察者\n2031-09-03 21:46 · 云岭 · 百家号\n8月13日，项目签约。",
     lambda arts: (arts[0].kicker, arts[0].headline, arts[0].subheadline), ("", "星河园区再迎百亿大项目！", "")),
    ("media_column_lines", "星河在线 简讯\n星河经开区3家企业入选绿色工厂\n日前，3家企业入选绿色工厂名单。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "星河经开区3家企业入选绿色工厂")),
    ("count_over_figures", "云岭县一季度开工项目37个\n总投资达128亿元\n记者 林小雨\n日前，项目开工。",
     lambda arts: (arts[0].headline, arts[0].subheadline), ("云岭县一季度开工项目37个", "总投资达128亿元")),
    ("topic_over_predicate", "云岭县星河工业园\n12个项目集中竣工投产\n记者 林小雨\n日前，项目竣工。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "云岭县星河工业园12个项目集中竣工投产")),
    ("topic_tag_lines", "#项目建设一线#\n云岭县：星河水库主体工程完工\n日前，水库完工。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "云岭县：星河水库主体工程完工")),
    ("masthead_bylines", "“每一块地都要算清账”\n——访云岭经开区负责人林小雨\n云岭周刊 2031-05-06 第19期 文/本刊记者 王大山\n记者：进展如何？",
     lambda arts: (arts[0].kicker, arts[0].headline, arts[0].subheadline), ("", "“每一块地都要算清账”", "访云岭经开区负责人林小雨")),
    ("post_header_names", "星河园区｜园区厂房已就绪，企业即来即产\n原创 云岭县投资促进局 云岭招商\n想找现成厂房吗？",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "星河园区｜园区厂房已就绪，企业即来即产")),
    ("unmark_post_accounts", ("云岭招商\n2031-05-06 18:30 云岭\n星河园区｜园区厂房已就绪，企业即来即产！\n原创 云岭县投资促进局 云岭招商\n"
                              "想找现成厂房吗？星河产业园二期标准厂房开放招租。"),
     lambda arts: [a.headline for a in arts], ["星河园区｜园区厂房已就绪，企业即来即产！"]),
    ("find_digest_items", "园区速递 | 本周要闻2则\n1. 云岭县：星河项目封顶\n日前，项目封顶。\n2. 瓯江口：隧道贯通\n次日，隧道贯通。",
     _heads, ["云岭县：星河项目封顶", "瓯江口：隧道贯通"]),
    ("marked_digest_items", "云岭经开区一周要闻\n● 星河项目封顶\n日前，星河项目封顶。\n● 瓯江口隧道贯通\n次日，隧道贯通。",
     _heads, ["星河项目封顶", "瓯江口隧道贯通"]),
    ("bare_name_signatures", ("星河日报 2031年5月6日 第03版：县域经济\n星河项目开工\n本报讯（记者 林小雨）日前，项目开工。\n瓯江口隧道贯通\n"
                              "5月5日，瓯江口隧道全线贯通，全长3.2公里。（王大山）\n青山工业园新增规上企业3家\n今年以来，新增规上企业3家。"),
     _heads, ["星河项目开工", "瓯江口隧道贯通", "青山工业园新增规上企业3家"]),
    ("closing_sign_off", ("云岭新闻 2031年5月6日\n主持人：观众朋友，晚上好。\n星河项目开工\n5月5日，云岭县星河新材料项目开工。记者 林小雨 报道。\n"
                          "瓯江口隧道贯通\n5月5日，瓯江口隧道全线贯通。记者 王大山 报道。"), _heads, ["", "星河项目开工", "瓯江口隧道贯通"]),
    ("paren_transcript_roles", ("云岭电视台《云岭新闻》2031年5月6日 文字稿\n星河项目开工\n（口播）5月5日，云岭县星河新材料项目开工。\n"
                                "（记者 王大山）\n瓯江口隧道贯通\n（口播）5月5日，瓯江口隧道全线贯通。"),
     _heads, ["星河项目开工", "瓯江口隧道贯通"]),
    ("labelled_items", "云岭新闻 2031年5月6日\n【标题】星河项目开工\n【导语】5月5日，云岭县星河新材料项目开工。\n【标题】瓯江口隧道贯通\n"
                       "【导语】5月5日，瓯江口隧道全线贯通。", _heads, ["星河项目开工", "瓯江口隧道贯通"]),
    ("find_labelled_items", "标题：星河项目开工\n导语：5月5日，云岭县星河新材料项目开工。\n记者：王大山\n标题：瓯江口隧道贯通\n"
                            "导语：5月5日，瓯江口隧道全线贯通。", _heads, ["星河项目开工", "瓯江口隧道贯通"]),
    ("latin_sentences", "星河新材料云岭项目开工\nYunling, May 6, 2031 – Starlight Materials today broke ground on its new plant.\n"
                        "5月6日，星河新材料项目开工。", lambda arts: (arts[0].headline, arts[0].subheadline), ("星河新材料云岭项目开工", "")),
    ("latin_dates", "Starlight Breaks Ground in Yunling\nMay 6, 2031\nStarlight today broke ground on its new plant in Yunling.",
     lambda arts: (arts[0].headline, arts[0].subheadline), ("Starlight Breaks Ground in Yunling", "")),
    ("site_over_nav", "云岭市机械行业协会\n首页 | 协会动态 | 会员风采 | 政策法规\n星河重工盾构机项目投产\n日前，项目投产。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "星河重工盾构机项目投产")),
    ("unmark_latin_lead", ("Starlight Breaks Ground in Yunling\nStarlight today broke ground on its new plant in Yunling.\n"
                           "星河新材料云岭工厂奠基\n日前，星河新材料云岭工厂奠基。"), _heads, ["星河新材料云岭工厂奠基"]),
    ("nav_runs", "云岭新闻网\n新闻\n县域\n经济\n云岭县星河新材料项目开工\n5月5日，云岭县星河新材料项目开工。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "云岭县星河新材料项目开工")),
    ("unmark_nav_runs", "云岭新闻网\n新闻\n县域\n经济\n云岭县星河新材料项目开工\n5月5日，云岭县星河新材料项目开工。",
     lambda arts: (arts[0].kicker, arts[0].headline), ("", "云岭县星河新材料项目开工")),
    ("meta_heads_article", ("云岭大桥通车\n本报讯（记者 林小雨）日前，大桥通车。\n瓯江隧道贯通\n"
                            "来源：瓯江晚报 发布时间：2031-05-06\n次日，隧道贯通。"), _heads, ["云岭大桥通车", "瓯江隧道贯通"]),
]


def test_every_step_has_an_off_test():
    steps = _names(segment.PAGE_STEPS) + _names(segment.ARTICLE_STEPS) + _names(segment.LINE_STEPS)
    branches = ["join_titles", "meta_heads_article", "bracketed_subheadline", "figure_subheadline", "kicker_form",
                "unmark_column_labels", "unmark_media_names", "unmark_url_lines", "unmark_bare_dates",
                "unmark_photo_credits", "unmark_staff_lines", "unmark_post_headers", "title_role_labels",
                "join_issuer_title", "unmark_lead_openings", "unmark_pictograph_lines", "unmark_page_mastheads",
                "unmark_field_lines", "latin_word_length", "quote_led_titles", "theme_subheadline",
                "join_broken_title", "unmark_counter_lines", "dash_subheadline", "glued_subheadline",
                "chrome_compounds", "unmark_name_datelines", "bullet_items", "unmark_crumb_lines",
                "unmark_channel_lines", "report_place", "byline_counters",
                "clause_count_end", "page_codes", "lead_subheadline",
                "sign_off_bylines", "numeric_datelines", "jump_tails", "notice_lines", "unmark_code_fields",
                "unmark_commentator_lines", "transcript_mastheads", "section_heading_end", "masthead_forms",
                "site_name_nav", "latin_alternate_title", "bang_headline", "media_column_lines",
                "count_over_figures", "topic_over_predicate", "topic_tag_lines", "masthead_bylines",
                "post_header_names", "marked_digest_items", "bare_name_signatures", "closing_sign_off",
                "paren_transcript_roles", "labelled_items", "latin_sentences", "latin_dates",
                "site_over_nav", "nav_runs"]
    assert sorted(name for name, *_ in OFF) == sorted(steps + branches)


@pytest.mark.parametrize("name, page, view, expected", OFF, ids=[o[0] for o in OFF])
def test_switching_a_step_off_changes_the_result(name, page, view, expected):
    normal = view(segment.segment_page(page))
    assert normal == expected
    with config.steps_off(f"segment.{name}"):
        off = view(segment.segment_page(page))
    assert off != normal
    assert view(segment.segment_page(page)) == normal  # back on after the block

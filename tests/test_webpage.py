"""webpage.py: the article, headline, date and source of saved web pages (fixtures written for
these tests, modelled on portal, WeChat, GBK county-site and government-notice layouts), and
hostile pages refused or read in time linear in their size."""
import json

import pytest

from lishui_analysis.ingest import load, webpage
from lishui_analysis.errors import InputError
from lishui_analysis.tables.corpus import build

from conftest import ROOT

WEB = ROOT / "tests" / "fixtures" / "web"
PROSE = "<p>经开区项目开工，总投资5亿元。今年新签约项目六个，达产后年产值超十亿元。</p>"


def _page(name):
    page, _ = webpage.read_page((WEB / name).read_bytes(), name)
    return page


def test_portal_page_gives_clean_title_date_source_and_body():
    page = _page("portal.html")
    assert page.title == "丽水经开区三个项目集中签约 总投资超30亿元"  # no "_示例网财经"
    assert (page.pub_date, page.source, page.site_name) == ("2024-03-15", "丽水日报", "示例网")
    assert page.url == "https://news.example.com/2024/0315/a1.html"
    assert page.author == ""  # meta author is the site's name, not a person
    body = "\n".join(page.paragraphs)
    assert body.startswith("3月14日，丽水经开区举行") and body.endswith("早开工、早达产。")
    for chrome in ("原标题", "责任编辑", "本文来源", "分享至", "相关阅读", "网友评论", "版权所有", "广告脚本", "举报"):
        assert chrome not in body, chrome


def test_wechat_article_is_js_content_and_shows_no_date():
    page = _page("wechat.html")
    assert page.title == "经开区招商一日一记" and page.author == "李明"
    assert page.paragraphs[0].startswith("今天上午，经开区招商团队赴杭州对接两家新能源企业，双方")  # spans joined, credit dropped
    assert page.paragraphs[-1] == "招商团队表示，将持续跟进，力争项目年内签约落地。"
    # the page shows only "前天": no pub_date; the script's timestamp is kept apart
    assert page.pub_date == "" and page.script_date == "2020-02-11"
    assert "赞赏" not in " ".join(page.paragraphs)


def test_gbk_page_declared_in_meta_with_labelled_header():
    page, encoding = webpage.read_page((WEB / "gbk.html").read_bytes(), "gbk.html")
    assert encoding == "gb18030"
    assert (page.title, page.pub_date, page.source, page.author) == (
        "丽水经开区：新材料产业园一期封顶", "2024-01-14", "经开区管委会", "张三")
    assert page.site_name == "示例新闻网"
    assert page.paragraphs[0].startswith("本报讯（记者 张三 通讯员 李四）1月13日")  # <br> lines
    assert len(page.paragraphs) == 3 and "字号" not in "".join(page.paragraphs)


def test_notice_title_over_br_lines_and_an_included_header_closing_html():
    page = _page("notice.html")
    # the article comes after a stray </html>, which would stop the parser reading the rest
    assert page.title == "丽水经济技术开发区管理委员会 关于2024年第一批工业项目用地出让结果的公示"
    assert page.paragraphs[0].startswith("根据有关规定") and page.paragraphs[-1] == "公示期为2024年3月1日至3月10日。"
    assert page.pub_date == ""  # the page shows no date of its own; 2024年3月1日 is in the text


@pytest.mark.parametrize("raw, title, site", [
    ("丽水经开区项目开工_网易财经", "丽水经开区项目开工", "网易财经"),
    ("逆水寒再按照这个速度研发下去|游民星空", "逆水寒再按照这个速度研发下去", "游民星空"),
    ("中国人习以为常的地方 为何老外却说了不得 - 新浪财经", "中国人习以为常的地方 为何老外却说了不得", "新浪财经"),
    ("法国全国大罢工再次严重影响交通-新华网", "法国全国大罢工再次严重影响交通", "新华网"),
    ("共享充电宝涨价告别1元时代_10%公司_澎湃新闻-The Paper", "共享充电宝涨价告别1元时代", "The Paper"),
    ("2019-2020年度经开区工作总结", "2019-2020年度经开区工作总结", ""),
])
def test_title_loses_its_site_name(raw, title, site):
    assert webpage._clean_title(raw) == (title, site)


def test_heading_matching_title_is_taken_verbatim_even_with_a_separator_inside():
    html = ("<html><head><title>棱镜|数据业大整顿：用户信息几元不等_腾讯新闻</title></head><body>"
            "<div class='hd'><h1>棱镜|数据业大整顿：用户信息几元不等</h1><span class='a_time'>2019-09-23 07:48</span></div>"
            f"<div class='content'>{PROSE * 3}</div></body></html>")
    page = webpage.extract_page(html)
    assert page.title == "棱镜|数据业大整顿：用户信息几元不等" and page.pub_date == "2019-09-23"


def test_yearless_shown_date_takes_its_year_from_the_meta_tag():
    html = ("<html><head><title>标题一二三四</title><meta itemprop='dateUpdate' content='2019-09-30 22:46:13'></head>"
            "<body><h2>标题一二三四</h2><div class='author-txt'><span>发布时间：09-3022:46</span></div>"
            f"<div class='article-content'>{PROSE * 3}</div>"
            "<div class='item-desc'>2019-12-01 另一篇文章</div></body></html>")
    assert webpage.extract_page(html).pub_date == "2019-09-30"


def test_summary_box_byline_and_tail_furniture_are_dropped():
    html = ("<html><head><title>经开区数据业整顿</title></head><body><h1>经开区数据业整顿</h1><div class='content'>"
            "<p>划重点：</p><p>1、数据行业迎来整顿。</p><p>2、多家公司被查。</p>"
            "<p>《棱镜》作者 周纯</p>"
            f"{PROSE * 3}<p>（原题为《经开区数据》）</p><p>关键词 >> 数据,整顿</p></div></body></html>")
    page = webpage.extract_page(html)
    assert page.paragraphs == [PROSE[3:-4]] * 3
    assert page.byline == "《棱镜》作者 周纯" and page.author == "周纯"


def test_trailing_image_caption_tag_list_and_credits_are_not_body():
    html = ("<html><head><title>经开区公园建设</title></head><body><h1>经开区公园建设</h1><div class='article'>"
            f"{PROSE * 3}<div class='img_wrapper'><img src='a.jpg'><span class='img_descr'>自2007年起，经开区已修建公园。（资料图）</span></div>"
            "<p>20190926|经开区|公园|建设</p><p>示例报记者 陆一夫</p><p>编辑 刘晓阳 校对 李铭</p></div></body></html>")
    assert webpage.extract_page(html).paragraphs == [PROSE[3:-4]] * 3


def test_footer_with_more_text_than_a_one_paragraph_article_is_not_taken():
    footer = "<div class='footer'>" + "<p>违法和不良信息举报电话：010-0000，邮箱：a@b.c，本站郑重声明：投资有风险。</p>" * 4 + "</div>"
    html = ("<html><head><title>交通运输部：打造京津冀交通网_示例网</title></head><body><h1>交通运输部：打造京津冀交通网</h1>"
            "<div class='art'><p>据报道，今日从交通运输部获悉，下一步将着力打造三地综合立体交通网络。</p></div>"
            f"{footer}</body></html>")
    assert webpage.extract_page(html).paragraphs == ["据报道，今日从交通运输部获悉，下一步将着力打造三地综合立体交通网络。"]


def test_page_without_an_article_is_an_error_naming_the_file(tmp_path):
    p = tmp_path / "nav.html"
    p.write_text("<html><body><ul><li><a href='/'>首页</a></li><li><a href='/a'>新闻</a></li></ul></body></html>",
                 encoding="utf-8")
    with pytest.raises(InputError, match=r"nav\.html: no article found"):
        load.read_document(p, tmp_path)


@pytest.mark.parametrize("data, problem", [
    (b"%PDF-1.4\n1 0 obj", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n\x00\x00", "a PNG image"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "a JPEG image"),
    (b"   \n", "empty"),
])
def test_binary_or_empty_file_named_html_is_refused(tmp_path, data, problem):
    p = tmp_path / "page.html"
    p.write_bytes(data)
    with pytest.raises(InputError, match=problem):
        load.read_document(p, tmp_path)


@pytest.mark.parametrize("declared, encoding, expected", [
    ("utf-8", "gbk", "gb18030"),  # declared UTF-8, written in GBK
    ("gbk", "utf-8", "utf-8"),    # declared GBK, written in UTF-8
    ("", "gb18030", "gb18030"),   # not declared
])
def test_wrong_or_missing_encoding_declaration(declared, encoding, expected):
    meta = f'<meta charset="{declared}">' if declared else ""
    html = f"<html><head>{meta}<title>经开区新闻标题</title></head><body><h1>经开区新闻标题</h1>{PROSE * 3}</body></html>"
    page, used = webpage.read_page(html.encode(encoding), "x.html")
    assert used == expected and page.paragraphs[0] == PROSE[3:-4]


@pytest.mark.parametrize("depth", [8_000, 200_000])
def test_deep_nesting_is_refused_in_one_line(depth):
    html = ("<html><body>" + "<div>" * depth + PROSE + "</div>" * depth + "</body></html>").encode()
    with pytest.raises(InputError, match="nested deeper"):
        webpage.read_page(html, "deep.html")


def test_nesting_under_the_limit_and_unclosed_tags_are_read():
    nested = "<html><head><title>深层页面标题</title></head><body>" + "<div>" * 1500 + "<h1>深层页面标题</h1>" + PROSE * 3 + "</div>" * 1500
    page, _ = webpage.read_page(nested.encode(), "nested.html")
    assert page.title == "深层页面标题" and len(page.paragraphs) == 3
    unclosed = "<html><head><title>未闭合标签页面</title><body><h1>未闭合标签页面<div class=content>" + "<p>段落内容，这是一段话。" * 2000
    page, _ = webpage.read_page(unclosed.encode(), "unclosed.html")
    assert len(page.paragraphs) == 2000


def _line_page(n_paragraphs):
    html = ("<html><body><div>" + PROSE * n_paragraphs + "</div></body></html>").encode()
    page, _ = webpage.read_page(html, "line.html")
    return page, len(html)


# (How the time grows with such pages is measured by ``make bench`` — ``--linear-only`` — never timed here.)
def test_single_line_page_is_read_paragraph_by_paragraph():
    page, _ = _line_page(8_000)
    assert len(page.paragraphs) == 8_000


@pytest.mark.slow
def test_ten_megabyte_single_line_page_is_read():
    page, size = _line_page(280_000)
    assert size > 10_000_000 and len(page.paragraphs) == 280_000


def test_build_of_web_pages_fills_articles_and_manifest(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for name in ("portal.html", "gbk.html", "wechat.html"):
        (raw / name).write_bytes((WEB / name).read_bytes())
    (raw / "nav.html").write_text("<html><body><a href='/'>首页</a></body></html>", encoding="utf-8")
    out = tmp_path / "out"
    build(raw, out, skip_bad=True)
    import pandas as pd

    arts = pd.read_parquet(out / "articles.parquet").set_index("doc_id")
    portal = arts.loc["portal"]
    assert portal.headline == "丽水经开区三个项目集中签约 总投资超30亿元"
    assert (portal.pub_date, portal.pub_date_source, portal.publication, portal.source) == (
        "2024-03-15", "page", "示例网", "丽水日报")
    assert portal.url == "https://news.example.com/2024/0315/a1.html"
    gbk = arts.loc["gbk"]
    assert gbk.byline == "本报讯（记者 张三 通讯员 李四）" and list(gbk.reporters.split(";")) == ["张三"]
    assert gbk.body.startswith("本报讯（记者 张三 通讯员 李四）1月13日")  # the page prints it there
    assert arts.loc["wechat"].pub_date == ""  # shown as 前天 only; not inferred from the text
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    inputs = {i["file"]: i for i in manifest["inputs"]}
    assert inputs["portal.html"]["title"] == portal.headline and inputs["portal.html"]["page_pub_date"] == "2024-03-15"
    assert inputs["portal.html"]["body_chars"] == len(portal.body)
    assert [s["file"] for s in manifest["skipped"]] == ["nav.html"]
    assert "no article found" in manifest["skipped"][0]["problem"]


def test_check_flags_a_page_without_an_article(tmp_path):
    from lishui_analysis.tables.check import check

    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "portal.html").write_bytes((WEB / "portal.html").read_bytes())
    (raw / "menu.html").write_text("<html><body><a href='/'>首页</a> <a href='/x'>新闻</a></body></html>", encoding="utf-8")
    problems = check(raw, tmp_path / "processed")
    assert any("menu.html: no article found in the page" in p for p in problems)
    assert not any("portal.html" in p for p in problems)


def test_epaper_page_keeps_kicker_headline_subheadline_and_a_text_split_in_sections():
    page = _page("epaper.html")
    assert (page.kicker, page.title, page.subtitle) == ("抢抓“窗口期” 跑出“加速度”", "云和县三个重大产业项目集中开工", "总投资逾二十亿元")
    assert page.pub_date == "2024-12-09"
    assert page.paragraphs[0].startswith("本报讯（记者 郑一鸣 通讯员 吴佳）12月8日")
    assert page.paragraphs[-1] == "据了解，今年以来云和县已新签约亿元以上项目十二个。" and len(page.paragraphs) == 4


def test_page_article_of_an_epaper_page(tmp_path):
    from lishui_analysis.tables.document import process_document

    doc = load.read_document(WEB / "epaper.html", WEB)
    (art,) = process_document(doc)["articles"]
    assert (art["kicker"], art["headline"], art["subheadline"]) == (
        "抢抓“窗口期” 跑出“加速度”", "云和县三个重大产业项目集中开工", "总投资逾二十亿元")
    assert art["reporters"] == "郑一鸣" and art["correspondents"] == "吴佳"
    assert art["body"].startswith("本报讯（记者 郑一鸣 通讯员 吴佳）") and "总投资逾二十亿元\n" not in art["body"]
    assert (art["pub_date"], art["pub_date_source"]) == ("2024-12-09", "page")


@pytest.mark.parametrize("open_tag, close_tag", [("<div class='title'>", "</div>"), ("<h2>", "</h2>"),
                                                  ("<span class='source'>", "</span>")])
def test_nested_headline_like_elements_are_read(open_tag, close_tag):
    html = ("<html><head><title>经开区新闻标题</title></head><body>" + open_tag * 2000 + PROSE * 3 + close_tag * 2000
            + "</body></html>").encode()
    page, _ = webpage.read_page(html, "titles.html")
    assert page.paragraphs == [PROSE[3:-4]] * 3


def test_epaper_page_of_several_articles_is_split_by_segment():
    from lishui_analysis.tables.document import process_document

    doc = load.read_document(WEB / "epaper_page.html", WEB)
    assert doc.page["articles"] == 2
    arts = process_document(doc)["articles"]
    assert [(a["headline"], a["reporters"], a["correspondents"]) for a in arts] == [
        ("缙云机床产业再添新动能", "黄晓", "林立"), ("龙泉宝剑小镇迎来新客商", "黄晓", "")]
    assert arts[0]["body"].endswith("带动就业五百余人。") and arts[1]["body"].endswith("吸引更多企业落户。")
    assert all(a["pub_date"] == "2024-12-09" and a["pub_date_source"] == "page" for a in arts)


def test_a_paragraph_opening_with_a_furniture_word_is_text():
    # 返回/举报/评论 end an article as a line of their own (返回首页, 举报, 评论 12), not as a
    # paragraph's first word
    paras = ["经开区项目开工，总投资5亿元，今年新签约项目六个。", "返回家乡创业的小王说，园区服务很周到。",
             "举报人称，相关问题已经整改到位。", "评论员认为，项目落地速度明显加快。"]
    html = ("<html><head><title>经开区新闻标题</title></head><body><h1>经开区新闻标题</h1><div class='content'>"
            + "".join(f"<p>{p}</p>" for p in paras) + "<p>返回首页</p><p>举报</p></div></body></html>")
    assert webpage.extract_page(html).paragraphs == paras


def test_a_page_whose_body_is_named_like_furniture_still_has_its_article():
    html = ("<html><head><title>经开区新闻标题</title></head><body class='has-header share-page'>"
            f"<h1>经开区新闻标题</h1><div class='content'>{PROSE}</div><div class='nav'><a>首页</a></div></body></html>")
    assert webpage.extract_page(html).paragraphs == [PROSE[3:-4]]


def test_without_a_usable_title_tag_the_heading_above_the_article_is_the_headline():
    html = ("<html><head><title>通知公告</title></head><body><div class='nav'><h2>热门栏目导航</h2></div>"
            "<div class='main'><h3 class='title-meta'>来源：经开区 发布时间：2024-03-01</h3>"
            "<h1>经开区召开项目推进会！</h1><div class='info'>发布时间：2024-03-01</div>"
            f"<div class='text'>{PROSE * 2}</div></div></body></html>")
    page = webpage.extract_page(html)
    assert (page.title, page.pub_date) == ("经开区召开项目推进会！", "2024-03-01")


@pytest.mark.parametrize("encoding", ["gbk", "utf-8"])
def test_xhtml_page_with_an_xml_declaration(encoding):
    html = (f'<?xml version="1.0" encoding="{encoding}"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN">'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>经开区新闻标题</title></head><body>'
            f"<h1>经开区新闻标题</h1><div>{PROSE * 2}</div></body></html>")
    page, _ = webpage.read_page(html.encode(encoding), "x.html")
    assert page.title == "经开区新闻标题" and page.paragraphs == [PROSE[3:-4]] * 2


def test_control_characters_in_a_page_are_not_text():
    html = ("<html><head><title>经开区新闻标题</title></head><body>" + " " * 5000 +
            f"<h1>经开区新闻标题</h1><div>{PROSE}\x00\x01\x0b{PROSE}</div></body></html>").encode()
    page, _ = webpage.read_page(html, "x.html")
    assert page.paragraphs == [PROSE[3:-4]] * 2


def test_video_credit_above_source_note_below_and_site_link_in_the_last_paragraph_are_not_text():
    text = "经开区项目开工，总投资5亿元。今年新签约项目六个，达产后年产值超十亿元。"
    html = ("<html><head><title>经开区新闻标题</title></head><body><h1>经开区新闻标题</h1><div class='content'>"
            "<p>女民警走访项目工地 （来源：示例视频）</p>"
            f"<p>{text}</p><p>{text}<a href='/'><img src='i.ico'><span>返回示例网首页&gt;&gt;</span></a></p>"
            "<p>（资料来源：参考消息、海外网等）</p></div></body></html>")
    assert webpage.extract_page(html).paragraphs == [text, text]


@pytest.mark.parametrize("header, date", [
    ("<div class='header-time'><span class='year'><em>2019</em></span><span class='day'><em>12</em>/<em>10</em></span>"
     "<span class='time'>07:57:40</span></div>", "2019-12-10"),
    ("<div class='left-stick-wp'><div class='year'><span>2019</span></div><div class='md'>09/23</div>"
     "<div class='time'>07:48</div></div>", "2019-09-23"),
    ("<div class='info'>最后更新: 2019-09-08 09:27:48 发布时间：2019-09-07 09:25:09</div>", "2019-09-07"),
    ("<div class='info'>2019年11月25日 18:57 <span class='source'>参考消息</span></div>", "2019-11-25"),
])
def test_date_shown_by_the_headline_in_its_layouts(header, date):
    html = (f"<html><head><title>经开区项目开工_示例网</title></head><body><h1>经开区项目开工</h1>{header}"
            f"<div class='c'>{PROSE * 2}</div></body></html>")
    assert webpage.extract_page(html).pub_date == date

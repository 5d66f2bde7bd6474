"""The named steps of webpage.extract_page (stage "webpage"): each step alone on an invented page,
and each switched off by name on a whole page where it matters. Every page, name, place and
number here is invented for these tests."""
from __future__ import annotations

import pytest

from lishui_analysis.config import active_steps, steps_off
from lishui_analysis.errors import InputError
from lishui_analysis.ingest import webpage
from lishui_analysis.ingest.webpage import CAPTION, PageRun

PORTAL = """<html><head>
<title>青田县云岭科技签约8.5亿元项目_云岭新闻网</title>
<meta property="og:site_name" content="云岭传媒集团">
<meta name="author" content="云岭传媒集团">
<meta property="article:published_time" content="2023-05-08T08:00:00+08:00">
<link rel="canonical" href="https://news.example.cn/qt/88.html">
</head><body>
<div class="nav"><a href="/">首页</a> <a href="/qt">青田</a></div>
<h3 class="kicker">招商引资再提速</h3>
<h1>青田县云岭科技签约8.5亿元项目</h1>
<h2 class="subtitle">年产新型材料两万吨</h2>
<div class="info">发布时间：2023-05-06 09:30 来源：云岭晚报 作者：陈一鸣 整理</div>
<div class="article">
<p>5月5日，青田县与云岭科技有限公司签订投资协议，项目总投资8.5亿元。</p>
<p>项目建成后，预计年产新型材料两万吨，年产值可达12亿元。</p>
<p>责任编辑：李可</p>
</div>
<div class="footer">版权所有 云岭新闻网</div>
</body></html>"""

WECHAT = """<html><head><title>云岭村的茶园</title>
<meta property="article:published_time" content="2023-04-01">
<script>var ct = "1683336600";</script></head><body>
<h1 id="activity-name">云岭村的茶园</h1>
<div id="js_content" style="visibility: hidden;">
<p>今年春茶开采以来，云岭村的茶园每天吸引游客五百多人次。</p>
<p>村里新建的茶叶加工厂已投产，带动村民增收。</p>
</div></body></html>"""

SIBLINGS = """<html><head><title>松阳县茶叶卖到海外</title>
<meta property="article:published_time" content="2023-03-02T10:00:00+08:00"></head><body>
<h1>松阳县茶叶卖到海外</h1>
<div class="content">
<div class="part"><p>松阳县今年出口茶叶三千吨，同比增长一成，出口额达到2.4亿元。</p></div>
<div class="part"><p>县里还将建设茶叶交易中心，计划投资1.2亿元，明年建成投用。</p></div>
</div></body></html>"""

NOTICE = """<html><head><title>通知公告</title></head><body>
<div class="crumb">首页 > 通知公告</div>
<h2>关于云岭科技园区用地出让的公示</h2>
<div class="text">
<p>根据有关规定，现将云岭科技园区一宗工业用地的出让结果予以公示。</p>
<p>公示期为五个工作日，如有异议，请向县自然资源局反映。</p>
</div>
<div class="meta">发布日期：2023-05-06</div>
</body></html>"""

EPAPER = """<html><head><title>第3版：要闻</title></head><body>
<div class="paper">
<p>缙云县新开两条公交线</p>
<p>本报讯（记者 王小明）3月2日，缙云县新开通两条城乡公交线路，方便沿线群众出行。</p>
<p>线路全长四十公里，沿途设站二十个，每天往返十二班。</p>
<p>庆元县香菇产业升级</p>
<p>本报讯（记者 李可）庆元县投资三千万元建设香菇深加工车间，已于本月投产。</p>
<p>车间年加工鲜菇五千吨，可带动周边农户增收。</p>
</div></body></html>"""

LEAD = """<html><head><title>龙泉市青瓷小镇游客破百万</title></head><body>
<div class="main">
<h1>龙泉市青瓷小镇游客破百万</h1>
<p>2023-05-06 09:30</p>
<p>来源：云岭晚报</p>
<p>作者：陈一鸣</p>
<p>今年以来，龙泉市青瓷小镇接待游客突破一百万人次，旅游收入达3.6亿元。</p>
<p>小镇还新建了青瓷博物馆，每天开放八个小时，免费接待游客参观。</p>
</div></body></html>"""

MONTH_DAY = """<html><head><title>遂昌县新建光伏电站并网发电</title>
<meta name="author" content="陈一鸣">
<meta property="article:published_time" content="2023-05-08T08:00:00+08:00"></head><body>
<h1>遂昌县新建光伏电站并网发电</h1>
<div class="info">发布时间：05-06 09:30 <span class="source">云岭晚报</span> <span>陈一鸣</span></div>
<div class="article">
<p>遂昌县新建的一座光伏电站日前并网发电，装机容量五万千瓦，总投资2.1亿元。</p>
<p>电站每年可发电六千万千瓦时，节约标准煤两万吨。</p>
</div></body></html>"""

ROLE = """<html><head><title>景宁县民宿集群开业_云岭新闻网</title></head><body>
<h1>景宁县民宿集群开业</h1>
<div class="info">作者：特约记者陈一鸣</div>
<div class="article">
<p>景宁县新建的二十家民宿日前集中开业，可同时接待游客六百人。</p>
<p>民宿集群总投资1.5亿元，由当地村集体和企业共同运营。</p>
</div></body></html>"""

REPORTER = """<html><head><title>云和县木玩小镇扩建</title></head><body>
<h1>云和县木玩小镇扩建</h1>
<div class="article">
<p>记者 陈一鸣</p>
<p>云和县木玩小镇二期工程近日开工，新增厂房十万平方米，总投资4.2亿元。</p>
<p>工程建成后，小镇木制玩具年产量将达到五千万件。</p>
</div></body></html>"""

SHORT = "<html><head><title>云岭村</title></head><body><div><p>云岭村，茶园。</p></div></body></html>"


def _at(run: PageRun, tag: str, cls: str | None = None, id: str | None = None) -> int:
    """The index in ``run.els`` of the first element ``tag`` (with that class or id)."""
    return next(i for i, el in enumerate(run.els) if el.tag == tag
                and (cls is None or el.get("class") == cls) and (id is None or el.get("id") == id))


# -- each step alone ---------------------------------------------------------------------------

def test_site_name_from_og_site_name_else_json_ld_publisher():
    run = PageRun.read(PORTAL)
    webpage._site_name(run)
    assert run.page.site_name == "云岭传媒集团"
    run = PageRun.read('<html><head><script type="application/ld+json">{"publisher": {"name": "云岭晚报"}}'
                       "</script></head></html>")
    webpage._site_name(run)
    assert run.page.site_name == "云岭晚报"


def test_canonical_url_from_link_else_og_url():
    run = PageRun.read(PORTAL)
    webpage._canonical_url(run)
    assert run.page.url == "https://news.example.cn/qt/88.html"
    run = PageRun.read('<html><head><meta property="og:url" content=" https://m.example.cn/88 "></head></html>')
    webpage._canonical_url(run)
    assert run.page.url == "https://m.example.cn/88"


def test_headline_is_the_heading_matching_title_and_keeps_the_site_name_apart():
    run = PageRun.read(PORTAL)
    webpage._headline(run)
    assert run.page.title == "青田县云岭科技签约8.5亿元项目"
    assert run.t_idx == _at(run, "h1") and run.site == "云岭新闻网"
    assert run.page.site_name == ""  # filled by the next step


def test_site_from_title_only_when_the_meta_tags_name_none():
    run = PageRun.read(ROLE)
    run.site = "云岭新闻网"
    webpage._site_from_title(run)
    assert run.page.site_name == "云岭新闻网"
    run.page.site_name = "云岭传媒集团"
    webpage._site_from_title(run)
    assert run.page.site_name == "云岭传媒集团"


def test_wechat_container_is_js_content():
    run = PageRun.read(WECHAT)
    webpage._wechat_container(run)
    assert (run.c_idx, run.score, run.wechat) == (_at(run, "div", id="js_content"), 20.0, True)
    run = PageRun.read(PORTAL)
    webpage._wechat_container(run)
    assert (run.c_idx, run.wechat) == (-1, False)


def test_prose_container_is_the_block_with_the_most_prose():
    run = PageRun.read(PORTAL)
    webpage._prose_container(run)
    assert run.c_idx == _at(run, "div", "article") and run.score > 50
    assert len(run.direct) == len(run.els)
    run = PageRun.read(WECHAT)
    run.wechat = True
    webpage._prose_container(run)
    assert run.direct is None and run.c_idx == -1  # WeChat's container is not scored


def test_join_sibling_blocks_takes_their_parent():
    run = PageRun.read(SIBLINGS)
    run.direct = webpage._prose_scores(run.els, run.index)
    run.c_idx = _at(run, "div", "part")
    webpage._join_sibling_blocks(run)
    assert run.c_idx == _at(run, "div", "content")


def test_container_lines_mark_captions_and_stand_for_the_paragraphs():
    run = PageRun.read("<html><body><div><p>云岭村茶园今年增收三成。</p>"
                       "<figure><img src='a.jpg'><figcaption>云岭村的茶园</figcaption></figure></div></body></html>")
    run.c_idx = _at(run, "div")
    webpage._container_lines(run)
    assert run.lines == ["云岭村茶园今年增收三成。", CAPTION + "云岭村的茶园"]
    assert run.page.paragraphs == ["云岭村茶园今年增收三成。", "云岭村的茶园"]


def test_heading_by_article_when_title_names_a_section():
    run = PageRun.read(NOTICE)
    run.page.title, run.c_idx = "通知公告", _at(run, "div", "text")
    run.lines = ["根据有关规定，现将云岭科技园区一宗工业用地的出让结果予以公示。"]
    webpage._heading_by_article(run)
    assert run.page.title == "关于云岭科技园区用地出让的公示" and run.t_idx == _at(run, "h2")


def test_kicker_and_subtitle_around_the_headline():
    run = PageRun.read(PORTAL)
    run.t_idx = _at(run, "h1")
    webpage._kicker_subtitle(run)
    assert (run.page.kicker, run.page.subtitle) == ("招商引资再提速", "年产新型材料两万吨")


def test_several_articles_counts_bylines_under_title_lines():
    run = PageRun.read(EPAPER)
    run.lines = ["缙云县新开两条公交线", "本报讯（记者 王小明）3月2日，缙云县新开通两条城乡公交线路。",
                 "庆元县香菇产业升级", "本报讯（记者 李可）庆元县投资三千万元建设香菇深加工车间。"]
    webpage._several_articles(run)
    assert run.page.articles == 2
    run.lines = run.lines[:2]
    webpage._several_articles(run)
    assert run.page.articles == 1


def test_header_text_is_what_lies_between_headline_and_article():
    run = PageRun.read(PORTAL)
    run.t_idx, run.c_idx = _at(run, "h1"), _at(run, "div", "article")
    webpage._header_text(run)
    assert (run.start, run.stop) == (run.t_idx, run.c_idx)
    assert run.header == "年产新型材料两万吨\n发布时间：2023-05-06 09:30 来源：云岭晚报 作者：陈一鸣 整理"


def test_lead_text_is_the_first_short_lines():
    run = PageRun.read(SHORT)
    run.lines = [CAPTION + "云岭村的茶园", "云" * 81, "来源：云岭晚报"] + [f"第{i}行。" for i in range(10)]
    webpage._lead_text(run)
    assert run.lead == "云岭村的茶园\n来源：云岭晚报\n第0行。\n第1行。\n第2行。\n第3行。\n第4行。"


def test_date_in_header_prefers_the_labelled_date():
    run = PageRun.read(SHORT)
    run.header = "最后更新：2023-06-01 10:00\n浏览 300 次 发布时间：2023年5月6日"
    webpage._date_in_header(run)
    assert run.page.pub_date == "2023-05-06"


def test_date_atop_article_reads_a_date_line_opening_the_container():
    run = PageRun.read(SHORT)
    run.lines = ["龙泉市青瓷小镇游客破百万", "2023-05-06 09:30", "今年以来，游客突破一百万人次。"]
    webpage._date_atop_article(run)
    assert run.page.pub_date == "2023-05-06"
    run.page.pub_date = "2023-01-01"
    webpage._date_atop_article(run)
    assert run.page.pub_date == "2023-01-01"  # a date found before stays


def test_date_month_day_takes_the_year_from_the_meta_date():
    run = PageRun.read(MONTH_DAY)
    run.header = "发布时间：05-06 09:30 云岭晚报"
    webpage._date_month_day(run)
    assert run.page.pub_date == "2023-05-06"


def test_date_below_article_reads_a_labelled_date_under_it():
    run = PageRun.read(NOTICE)
    run.c_idx = _at(run, "div", "text")
    webpage._date_below_article(run)
    assert run.page.pub_date == "2023-05-06"


def test_date_in_meta_but_not_for_wechat():
    run = PageRun.read(SIBLINGS)
    webpage._date_in_meta(run)
    assert run.page.pub_date == "2023-03-02"
    run = PageRun.read(SIBLINGS)
    run.wechat = True
    webpage._date_in_meta(run)
    assert run.page.pub_date == ""


def test_date_in_script_is_wechat_ct_in_beijing_time():
    run = PageRun.read(WECHAT)
    run.wechat = True
    webpage._date_in_script(run)
    assert (run.page.script_date, run.page.pub_date) == ("2023-05-06", "")


def test_source_label_in_header_else_lead():
    run = PageRun.read(SHORT)
    run.header, run.lead = "发布时间：2023-05-06 来源：云岭晚报 作者：陈一鸣", "来源：云岭新闻网"
    webpage._source_label(run)
    assert run.page.source == "云岭晚报"
    run = PageRun.read(SHORT)
    run.lead = "来源：云岭新闻网"
    webpage._source_label(run)
    assert run.page.source == "云岭新闻网"


def test_source_element_named_source_in_the_header():
    run = PageRun.read(MONTH_DAY)
    run.start, run.stop = _at(run, "h1"), _at(run, "div", "article")
    webpage._source_element(run)
    assert run.page.source == "云岭晚报"


def test_clean_paragraphs_drop_headline_byline_and_furniture():
    run = PageRun.read(SHORT)
    run.page.title = "青田县云岭科技签约8.5亿元项目"
    run.lines = ["青田县云岭科技签约8.5亿元项目", "记者 陈一鸣", "5月5日，青田县与云岭科技签订投资协议。",
                 "项目总投资8.5亿元。", "责任编辑：李可", "相关阅读：松阳县茶叶卖到海外"]
    webpage._clean_paragraphs(run)
    assert run.page.paragraphs == ["5月5日，青田县与云岭科技签订投资协议。", "项目总投资8.5亿元。"]
    assert run.page.byline == "记者 陈一鸣"


def test_author_label_in_header_else_lead():
    run = PageRun.read(SHORT)
    run.header = "发布时间：2023-05-06 作者：陈一鸣 整理"
    webpage._author_label(run)
    assert run.page.author == "陈一鸣 整理"
    run = PageRun.read(SHORT)
    run.lead = "文/李可"
    webpage._author_label(run)
    assert run.page.author == "李可"


def test_author_meta_only_a_name_the_page_shows_and_not_the_site():
    run = PageRun.read(MONTH_DAY)
    run.header = "发布时间：05-06 09:30 云岭晚报 陈一鸣"
    webpage._author_meta(run)
    assert run.page.author == "陈一鸣"
    run = PageRun.read(PORTAL)
    run.header, run.page.site_name = "来源：云岭传媒集团", "云岭传媒集团"
    webpage._author_meta(run)
    assert run.page.author == ""


def test_author_after_role_drops_what_comes_before_the_role_word():
    run = PageRun.read(SHORT)
    run.page.author = "特约记者陈一鸣"
    webpage._author_after_role(run)
    assert run.page.author == "陈一鸣"


def test_author_reporter_from_byline_else_the_first_paragraph():
    run = PageRun.read(SHORT)
    run.page.byline = "本报记者 陈一鸣"
    webpage._author_reporter(run)
    assert run.page.author == "陈一鸣"
    run = PageRun.read(SHORT)
    run.page.paragraphs = ["本报讯（记者 王小明）3月2日，缙云县新开通两条城乡公交线路。"]
    webpage._author_reporter(run)
    assert run.page.author == "王小明"


def test_author_role_words_are_dropped():
    run = PageRun.read(SHORT)
    run.page.author = "李可 摄"
    webpage._author_role_words(run)
    assert run.page.author == "李可"


def test_refuse_empty_names_the_file():
    run = PageRun.read(SHORT, "yunling.html")
    run.score, run.page.paragraphs = 7.0, ["云岭村，茶园。"]
    with pytest.raises(InputError, match="yunling.html.*no article found.*7 characters"):
        webpage._refuse_empty(run)
    run.score, run.page.paragraphs = 30.0, ["云岭村的茶园今年增收三成，游客超过五万人次。"]
    webpage._refuse_empty(run)  # enough prose: no refusal


# -- each step switched off on a whole page ------------------------------------------------------

REFUSED = "refused"

# (step, page, field of the result, its value normally, its value with the step off)
OFF = [
    ("site_name", PORTAL, "site_name", "云岭传媒集团", "云岭新闻网"),
    ("canonical_url", PORTAL, "url", "https://news.example.cn/qt/88.html", ""),
    ("headline", PORTAL, "title", "青田县云岭科技签约8.5亿元项目", "年产新型材料两万吨"),
    ("site_from_title", ROLE, "site_name", "云岭新闻网", ""),
    ("wechat_container", WECHAT, "script_date", "2023-05-06", ""),
    ("prose_container", PORTAL, "paragraphs", ["5月5日，青田县与云岭科技有限公司签订投资协议，项目总投资8.5亿元。",
                                                "项目建成后，预计年产新型材料两万吨，年产值可达12亿元。"], REFUSED),
    ("join_sibling_blocks", SIBLINGS, "paragraphs", ["松阳县今年出口茶叶三千吨，同比增长一成，出口额达到2.4亿元。",
                                                      "县里还将建设茶叶交易中心，计划投资1.2亿元，明年建成投用。"],
     ["松阳县今年出口茶叶三千吨，同比增长一成，出口额达到2.4亿元。"]),
    ("container_lines", SIBLINGS, "title", "松阳县茶叶卖到海外", REFUSED),
    ("heading_by_article", NOTICE, "title", "关于云岭科技园区用地出让的公示", "通知公告"),
    ("kicker_subtitle", PORTAL, "subtitle", "年产新型材料两万吨", ""),
    ("several_articles", EPAPER, "articles", 2, 1),
    ("header_text", PORTAL, "source", "云岭晚报", ""),
    ("lead_text", LEAD, "author", "陈一鸣", ""),
    ("date_in_header", PORTAL, "pub_date", "2023-05-06", "2023-05-08"),
    ("date_atop_article", LEAD, "pub_date", "2023-05-06", ""),
    ("date_month_day", MONTH_DAY, "pub_date", "2023-05-06", "2023-05-08"),
    ("date_below_article", NOTICE, "pub_date", "2023-05-06", ""),
    ("date_in_meta", SIBLINGS, "pub_date", "2023-03-02", ""),
    ("date_in_script", WECHAT, "script_date", "2023-05-06", ""),
    ("source_label", PORTAL, "source", "云岭晚报", ""),
    ("source_element", MONTH_DAY, "source", "云岭晚报", ""),
    ("clean_paragraphs", PORTAL, "paragraphs", ["5月5日，青田县与云岭科技有限公司签订投资协议，项目总投资8.5亿元。",
                                                 "项目建成后，预计年产新型材料两万吨，年产值可达12亿元。"],
     ["5月5日，青田县与云岭科技有限公司签订投资协议，项目总投资8.5亿元。",
      "项目建成后，预计年产新型材料两万吨，年产值可达12亿元。", "责任编辑：李可"]),
    ("author_label", PORTAL, "author", "陈一鸣", ""),
    ("author_meta", MONTH_DAY, "author", "陈一鸣", ""),
    ("author_after_role", ROLE, "author", "陈一鸣", "特约记者陈一鸣"),
    ("author_reporter", REPORTER, "author", "陈一鸣", ""),
    ("author_role_words", PORTAL, "author", "陈一鸣", "陈一鸣 整理"),
    ("refuse_empty", SHORT, "paragraphs", REFUSED, ["云岭村，茶园。"]),
]


def _field(html: str, name: str):
    try:
        return getattr(webpage.extract_page(html), name)
    except InputError:
        return REFUSED


@pytest.mark.parametrize("step, html, name, normal, off", OFF, ids=[x[0] for x in OFF])
def test_switching_a_step_off_changes_the_page(step, html, name, normal, off):
    assert _field(html, name) == normal
    with steps_off(f"{webpage.STAGE}.{step}"):
        assert _field(html, name) == off
    assert _field(html, name) == normal  # on again after the block


def test_every_step_has_a_switch_off_case_and_a_unique_name():
    names = [f.__name__.lstrip("_") for f in webpage.PAGE_STEPS]
    assert webpage.STAGE == "webpage" and len(set(names)) == len(names)
    assert sorted(names) == sorted(x[0] for x in OFF)
    assert active_steps(webpage.STAGE, webpage.PAGE_STEPS) is webpage.PAGE_STEPS  # nothing off: the tuple itself


def test_whole_portal_page_with_every_step_on():
    page = webpage.extract_page(PORTAL)
    assert (page.title, page.kicker, page.subtitle) == ("青田县云岭科技签约8.5亿元项目", "招商引资再提速", "年产新型材料两万吨")
    assert (page.pub_date, page.source, page.author, page.site_name) == ("2023-05-06", "云岭晚报", "陈一鸣", "云岭传媒集团")

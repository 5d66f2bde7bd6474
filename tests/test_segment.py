import datetime

import pytest

from lishui_analysis.ingest import clean, load, segment
from conftest import LAYOUTS, RAW

# Pages and lines below are written for these tests: invented outlets, places, firms and people
# (no reporter, date or sentence of a real report); each layout class is tried in several forms.


def _page(path):
    return segment.segment_page(clean.normalize_text(load.read_document(path).text))


# ---- an e-paper page saved as text: kicker and headline over a 本报讯 byline, paragraphs broken
# by the layout inside a sentence ("|" below), blank lines or none between paragraphs

EPAPER_PAGES = {
    "quoted kicker": [
        ("打造“链主+配套”新生态", "青溪经开区赴珠三角精准招商", ["柯望舒", "方可欣"], ["任嘉禾"],
         ["日前，青溪经开区招商小分队赴深圳、东莞走访企业，寻找合作伙伴。",
          "澜岳新材料有限公司是一家生产锂电隔膜的企业。双方就扩产项目选址、用地|指标等事项进行了交流。",
          "招商小分队表示，将为企业落地提供全程代办服务。"]),
        ("", "梅川智造园二期主体结构封顶", ["殷若水"], [],
         ["本期工程共建设标准厂房6幢，总建筑面积8.2万平方米，预计明年|一季度交付使用。"]),
        ("", "翠屿精工入选省级专精特新企业名单", ["柯望舒", "方可欣"], ["韦知远"],
         ["日前，省经信厅公布了今年专精特新企业名单，翠屿精工榜上有名。", "企业负责人说，将继续加大研|发投入。"]),
    ],
    "slogan and event kickers": [
        ("链上发力 项目提速", "松岭高新区标准厂房提前交付", ["蒋一帆"], ["钟离秋"],
         ["日前，松岭高新区首批标准厂房通过竣工验收，比计划提前|两个月。", "首批入驻的5家企业已开始安装设备。"]),
        ("第三届青溪创客大赛决赛落幕", "岚舟电子“车规芯片”项目摘得金奖", ["韦知远"], ["方可欣"],
         ["日前，第三届青溪创客大赛决赛在杭州举行，岚舟电子股份有限公司的项目从86个项目中|脱颖而出。"]),
        ("", "泰顺2个项目入选省级重点研发计划", ["蒋一帆", "殷若水"], ["柯望舒"],
         ["日前，省科技厅公示了年度重点研发|计划立项清单，泰顺共有2个项目入选。"]),
    ],
}
FORMS = {"full-width, blank lines": ("（", "）", "\n\n", "，"), "ASCII, blank lines": ("(", ")", "\n\n", ","),
         "full-width, no blank lines": ("（", "）", "\n", "，"), "ASCII, no blank lines": ("(", ")", "\n", ",")}


def _epaper(articles, open_, close, blank, comma) -> str:
    lines = []
    for kicker, headline, reporters, correspondents, paras in articles:
        lines += [kicker] if kicker else []
        names = "记者 " + " ".join(reporters) + (" 通讯员 " + " ".join(correspondents) if correspondents else "")
        first, *rest = [p.replace("|", blank).replace("，", comma) for p in paras]
        lines += [headline, f"本报讯{open_}{names}{close}{first}", *rest]
    return blank + blank.join(lines) + "\n"


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("kind", EPAPER_PAGES)
def test_an_epaper_text_page_has_its_articles_with_kickers_and_bylines(kind, form):
    articles = EPAPER_PAGES[kind]
    arts = segment.segment_page(clean.normalize_text(_epaper(articles, *FORMS[form])))
    assert [(a.kicker, a.headline, a.reporters, a.correspondents) for a in arts] == [a[:4] for a in articles]
    _, _, reporters, correspondents, paras = articles[0]
    assert arts[0].byline == f"本报讯（记者 {' '.join(reporters)} 通讯员 {' '.join(correspondents)}）"
    assert arts[0].body.startswith(paras[0][:8])


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("kind", EPAPER_PAGES)
def test_an_epaper_text_page_mends_paragraphs_broken_inside_a_sentence(kind, form):
    arts = segment.segment_page(clean.normalize_text(_epaper(EPAPER_PAGES[kind], *FORMS[form])))
    bodies = "\n".join(a.body for a in arts)
    for *_, paras in EPAPER_PAGES[kind]:
        for para in paras:
            if "|" in para:
                left, right = para.split("|")
                assert left[-2:] + right[:2] in bodies and left[-2:] + "\n" + right[:2] not in bodies
    for a in arts:
        for para in a.body.split("\n"):
            assert clean.ends_sentence(para), para


def test_every_body_paragraph_of_the_bundled_page_ends_a_sentence():
    arts = _page(RAW / "lishui-edz-2024-12.txt")
    assert arts and all(a.headline and a.reporters for a in arts)
    for a in arts:
        for para in a.body.split("\n"):
            assert clean.ends_sentence(para), para


@pytest.mark.parametrize("name, expected", [
    ("dateline.txt", [("", "青田两个制造业项目同日开工", "", ["王小明", "赵一"], ["李大成", "钱二"])]),
    ("own_line_byline.txt", [("", "老厂房变身数字车间", "", ["孙梅"], ["周杰"])]),
    ("no_byline.txt", [("", "遂昌经济开发区概况", "", [], [])]),
    ("notice.html", [("", "关于丽水经开区2023年第三批工业项目用地出让结果的公示", "", [], [])]),
    ("outlet_xun.txt", [("", "莲都数字经济产业园签约五个项目", "", ["张三"], ["刘一", "陈二"])]),
    ("traditional.txt", [("", "丽水经济技术开发区新项目投产", "", ["陈明"], [])]),
    ("three_title_lines.txt", [("开发区：抢抓“窗口期” 跑出“加速度”", "云和县三个重大产业项目集中开工", "总投资逾二十亿元",
                                ["郑一鸣"], ["吴佳"]),
                               ("", "丽水经开区新材料产业园一期封顶", "", ["王丽", "陈晨"], [])]),
    ("two_articles.txt", [("", "缙云机床产业再添新动能", "", ["黄晓"], ["林立"]),
                          ("龙泉宝剑小镇迎来新客商", "丽水宝剑文化节开幕", "第三届文化节为期三天", ["黄晓"], [])]),
])
def test_layouts_of_other_outlets(name, expected):
    arts = _page(LAYOUTS / name)
    assert [(a.kicker, a.headline, a.subheadline, a.reporters, a.correspondents) for a in arts] == expected


def test_metadata_lines_summary_and_photo_credits_stay_out_of_the_body():
    (art,) = _page(LAYOUTS / "outlet_xun.txt")
    assert "摘要" not in art.body and "/摄" not in art.body and "2023-05-20 10:15" not in art.body
    assert art.body.startswith("5月19日下午")


def test_web_notice_keeps_its_lead_in_and_drops_page_furniture():
    (art,) = _page(LAYOUTS / "notice.html")
    assert art.body.startswith("根据《浙江省国有建设用地使用权出让管理办法》")
    assert "首页" not in art.body and "版权所有" not in art.body and "不要读我" not in art.body
    assert art.body.endswith("丽水经济技术开发区管理委员会")


def test_a_second_dateline_without_title_stays_in_its_article():
    (art,) = _page(LAYOUTS / "dateline.txt")
    assert "云和县木制玩具产业园" in art.body


def test_page_without_title_is_one_untitled_article(caplog):
    arts = segment.segment_page("日前，项目开工。总投资3亿元。\n第二段。")
    assert len(arts) == 1 and arts[0].headline == "" and arts[0].body.startswith("日前")
    assert "untitled" in caplog.text


def test_split_sentences_offsets_point_into_the_body():
    body = "他说：“好。”然后走了！\n下一段；最后"
    sents = segment.split_sentences(body)
    assert [t for _, _, t in sents] == ["他说：“好。”", "然后走了！", "下一段；", "最后"]
    assert all(body[s:e] == t for s, e, t in sents)


@pytest.mark.parametrize("line, reporters, correspondents", [
    ("记者 方可欣 共享联盟泰顺站 任嘉禾 蒋一帆", ["方可欣"], ["任嘉禾", "蒋一帆"]),
    ("记者 柯望舒 共享联盟文成站 方可欣", ["柯望舒"], ["方可欣"]),
    ("殷若水、钟离秋、记者韦知远浙江报道", ["韦知远"], ["殷若水", "钟离秋"]),
    ("蒋一帆、记者任嘉禾温州报道", ["任嘉禾"], ["蒋一帆"]),
])
def test_parse_byline_names_with_unit_labels(line, reporters, correspondents):
    assert segment.parse_byline_names(line) == (reporters, correspondents)


# ---- layout classes of web articles, e-paper pages and reposts (fixtures written for these tests)

def test_web_article_metadata_line_gives_date_source_and_byline_never_a_title_or_body():
    (art,) = _page(LAYOUTS / "web_metadata.txt")
    assert (art.headline, art.kicker, art.subheadline) == ("松阳生物医药产业园迎来首批企业", "", "")
    assert (art.pub_date, art.source) == ("2022-06-30", "浙江在线")
    assert (art.reporters, art.correspondents) == (["柳青"], ["方舟"])
    assert art.body.startswith("6月29日") and art.body.endswith("年产值可达12亿元。")
    for chrome in ("2022-06-30", "07:39", "分享到", "字号", "打印", "关闭窗口", "摄", "责任编辑", "郑小禾"):
        assert chrome not in art.body


def test_web_article_labelled_fields_subtitle_and_photo_lines():
    (art,) = _page(LAYOUTS / "web_fields.txt")
    assert (art.headline, art.subheadline) == ("庆元竹木产业园二期封顶", "新增标准厂房12万平方米")
    assert (art.pub_date, art.source, art.reporters) == ("2023-04-12", "丽水日报", ["吴桐"])
    assert art.body.split("\n") == ["4月11日，庆元竹木产业园二期项目主体结构全面封顶。项目总投资4.2亿元，新增标准厂房12万平方米。",
                                    "项目预计今年10月竣工，可容纳竹木加工企业20家。"]


def test_wechat_repost_chrome_and_the_list_after_end_are_dropped():
    (art,) = _page(LAYOUTS / "wechat_repost.txt")
    assert art.headline == "动态丨景宁经开区新春招商签下“第一单”"
    assert (art.pub_date, art.source, art.reporters) == ("2024-02-19", "景宁县融媒体中心", [])
    for chrome in ("点击蓝字", "编辑", "审核", "END", "往期推荐", "安全生产大会", "阅读原文", "在看", "景宁发布"):
        assert chrome not in art.body
    assert art.body.endswith("预计年产智能家居产品50万套。")


def test_epaper_page_kickers_subheadlines_broken_titles_and_page_date():
    arts = _page(LAYOUTS / "epaper_page.txt")
    assert [(a.kicker, a.headline, a.subheadline, a.reporters, a.correspondents) for a in arts] == [
        ("聚焦一季度项目建设", "遂昌工业园区14个项目集中开工", "", ["毛悦"], ["周航"]),
        ("", "瓯江特色产业小镇签约", "", ["程远"], ["季冬"]),  # one title broken over two lines
        ("", "缙云机电产业链招商成果丰硕", "总投资超20亿元", ["毛悦"], []),  # a figure under the title: 副题
        ("", "云和木玩企业订单排到六月", "今年以来云和县木制玩具企业出口订单同比增长两成以上", ["叶青", "陈默"], []),
    ]
    assert {a.pub_date for a in arts} == {"2024-03-15"}  # the page's date line, for every article on it
    assert not any(w in a.body for a in arts for w in ("第A3版", "下一版", "星期五", "报纸名称"))


@pytest.mark.parametrize("byline, reporters, correspondents", [
    ("本报讯（记者 张晓 通讯员 李青）日前，项目开工。", ["张晓"], ["李青"]),
    ("本报讯 记者 张晓 通讯员 李青 日前，项目开工。", ["张晓"], ["李青"]),
    ("本报消息（记者 张晓 遂昌县融媒体中心 李青）日前，项目开工。", ["张晓"], ["李青"]),
    ("本报讯（记者张晓 杭州湾新区报道组李青）日前，项目开工。", ["张晓"], ["李青"]),
    ("丽水网讯 李青、记者张晓浙江报道 日前，项目开工。", ["张晓"], ["李青"]),
    ("新华社杭州5月1日电（张晓 王平）日前，项目开工。", ["张晓", "王平"], []),
    ("记者 张晓 通讯员 李青\n日前，项目开工。", ["张晓"], ["李青"]),
    ("通讯员 李青 记者 张晓\n日前，项目开工。", ["张晓"], ["李青"]),
    ("■记者 张晓 王平\n日前，项目开工。", ["张晓", "王平"], []),
    ("□ 记者 张晓 通讯员 李青\n日前，项目开工。", ["张晓"], ["李青"]),
    ("浙江日报记者 张晓 王平\n日前，项目开工。", ["张晓", "王平"], []),
    ("丽水日报全媒体记者 张晓 共享联盟缙云站 李青\n日前，项目开工。", ["张晓"], ["李青"]),
    ("文/张晓 图/李青\n日前，项目开工。", ["张晓"], []),
    ("张晓、王平\n日前，项目开工。", ["张晓", "王平"], []),
    ("张晓 报道\n日前，项目开工。", ["张晓"], []),
    ("日前，项目开工。（记者 张晓 通讯员 李青）", ["张晓"], ["李青"]),
    ("日前，项目开工。\n本报记者 张晓 王平", ["张晓", "王平"], []),
    ("日前，项目开工。（张晓）", ["张晓"], []),
])
def test_byline_forms(byline, reporters, correspondents):
    (art,) = segment.segment_page(clean.normalize_text("某县新项目开工\n" + byline))
    assert art.headline == "某县新项目开工"
    assert (art.reporters, art.correspondents) == (reporters, correspondents)
    assert art.body == "日前，项目开工。"


def test_byline_words_and_english_bylines():
    (art,) = _page(LAYOUTS / "byline_forms.txt")
    assert (art.reporters, art.correspondents, art.byline) == (["季雨"], ["叶春"], "文/季雨 图/杨帆")
    assert art.body.endswith("将加快建设进度。")
    (art,) = _page(LAYOUTS / "english_byline.txt")
    assert art.headline == "Lishui zone signs semiconductor deals"
    assert art.reporters == ["Chen Ming", "Anna Schmidt"]


def test_a_sentence_or_title_with_reporter_in_it_is_no_byline():
    arts = segment.segment_page("记者走进开发区新车间\n日前，记者走进开发区新车间，看到工人们正忙碌。")
    assert arts[0].headline == "记者走进开发区新车间" and arts[0].reporters == []
    for sentence in ("记者从会上获悉，全市安排项目86个。", "记者昨日从市发改委获悉，今年安排项目131个。"):
        assert segment._kind(sentence) == "body"
    for kicker in ("山水相融 产城共兴 链群齐飞", "招商引智 项目为王 服务至上"):
        assert segment._kind(kicker) == "title"  # a kicker of three phrases, not three names


@pytest.mark.parametrize("headline, meta, lines, reporter, pub, body", [
    ("山区跑出发展加速度", "某某视频 2031-03-12 08:15:02 来源: 原创",
     ["中新网温州3月11日电(柯望舒)10日，推介会在温州举行。", "推介会现场。方可欣 摄", "与会企业家参观展区。来源:某某发布",
      "当天签约项目12个。"], "柯望舒", "2031-03-11",
     ["10日，推介会在温州举行。", "推介会现场。", "与会企业家参观展区。", "当天签约项目12个。"]),
    ("海岛经济驶入快车道", "某某新闻 2030-08-05 19:30:45 来源：本站",
     ["新华网舟山8月4日电（殷若水）4日，论坛在舟山开幕。", "开幕式现场。 韦知远 摄", "嘉宾参观展馆。", "论坛期间签约项目7个。"],
     "殷若水", "2030-08-04", ["4日，论坛在舟山开幕。", "开幕式现场。", "嘉宾参观展馆。", "论坛期间签约项目7个。"]),
])
def test_agency_dateline_dates_a_repost_and_caption_credits_go(headline, meta, lines, reporter, pub, body):
    (art,) = segment.segment_page(clean.normalize_text("\n".join([headline, meta, *lines])))
    assert (art.headline, art.pub_date, art.source, art.reporters) == (headline, pub, "", [reporter])
    # a caption's sentence is text (it may name a company); its credit is not
    assert art.body.split("\n") == body


@pytest.mark.parametrize("page_line, issue, city, headline, sep", [
    ("第3版：要闻", datetime.date(2031, 4, 9), "温州", "两县项目同日开工", " "),
    ("第A2版:综合", datetime.date(2029, 12, 1), "杭州", "梅川智造园开园", ""),
    ("第5版：经济", datetime.date(2033, 1, 1), "宁波", "青溪港区新泊位投用", " "),
])
def test_a_newspaper_dateline_leaves_the_issue_date(page_line, issue, city, headline, sep):
    day = issue - datetime.timedelta(days=1)
    weekday = "星期" + "一二三四五六日"[issue.weekday()]
    page = (f"{page_line}\n{issue.year}年{issue.month}月{issue.day}日 {weekday}\n{headline}\n"
            f"本报{city}{day.month}月{day.day}日电{sep}（记者 柯望舒）{sep}{day.day}日上午，项目开工。")
    (art,) = segment.segment_page(clean.normalize_text(page))
    assert (art.headline, art.pub_date) == (headline, issue.isoformat())


@pytest.mark.parametrize("line, date, source, reporters", [
    ("时间：2031-03-09 14:22:07来源： 某某商报", "2031-03-09", "某某商报", []),
    ("时间:2029-11-30 08:05:41 来源:某某新闻网", "2029-11-30", "某某新闻网", []),
    ("来源：市产投集团  发布时间：2030-05-14 09:12  浏览次数：", "2030-05-14", "市产投集团", []),
    ("发布时间：2032-08-03 17:40   来源：县发改局   点击数：", "2032-08-03", "县发改局", []),
    ("2031年09月02日10:08 | 来源：文成县融媒体中心", "2031-09-02", "文成县融媒体中心", []),
    ("2030年12月21日 16:45丨来源：某某发布", "2030-12-21", "某某发布", []),
    ("来源：温州日报  作者：驻泰顺记者 柯望舒  编辑：钟离秋", "", "温州日报", ["柯望舒"]),
    ("来源：某某晚报 作者：记者 殷若水 责任编辑：韦知远", "", "某某晚报", ["殷若水"]),
    ("发布日期：2029-06-18 11:20    信息来源：某县年鉴（2028）", "2029-06-18", "某县年鉴（2028）", []),
    ("发布日期：2033-01-07 09:00 信息来源：某区统计局", "2033-01-07", "某区统计局", []),
    ("（来源：泰顺县发改局）", "", "泰顺县发改局", []),
    ("2030-04-27 15:02:11 作者：admin 文章来源：unknown 点击：1208", "2030-04-27", "", []),
    ("2032-10-19 09:47:30  作者：admin  文章来源：unknown  阅读次数：77", "2032-10-19", "", []),
    ("本文转自：某某网 66wz.com", "", "某某网", []),
    ("本文来源：某某新闻客户端", "", "某某新闻客户端", []),
])
def test_metadata_lines(line, date, source, reporters):
    assert segment._kind(line) == "meta"
    meta = segment.parse_meta_line(line)
    assert (meta.date, meta.source, meta.reporters) == (date, source, reporters)


@pytest.mark.parametrize("line", ["分享到：", "【打印】 【关闭窗口】", "字号：大 中 小", "第A1版：要闻 4下一版",
                                  "当前版： 01版 上一版 下一版", "浙江日报 数字报纸", "点击蓝字 关注我们", "（资料图）",
                                  "图为签约现场。", "项目效果图 区发改局供图", "区位示意图（大致方位）", "01",
                                  "记者 张晓 摄", "版权所有 某某网", "[责任编辑 张晓]", "阅读 1.2万"])
def test_chrome_and_photo_lines(line):
    assert segment._kind(clean.normalize_text(line)) in ("chrome", "meta")


@pytest.mark.parametrize("lines, expected", [
    # a quoted kicker over its headline
    (["打造“飞地+园区”新模式", "青溪经开区赴粤港澳招才引智"], ("打造“飞地+园区”新模式", "青溪经开区赴粤港澳招才引智", "")),
    (["携手“双链”共成长", "梅川高新区走进长三角推介项目"], ("携手“双链”共成长", "梅川高新区走进长三角推介项目", "")),
    # figures under a headline: its subheadline
    (["青洽会21个重大项目落地", "计划总投资318亿元"], ("", "青洽会21个重大项目落地", "计划总投资318亿元")),
    (["文博会9个文旅项目落地", "协议投资47.5亿元"], ("", "文博会9个文旅项目落地", "协议投资47.5亿元")),
    # two lines of one genre (…公示 over …公示)
    (["某工业地块出让公示", "某县国有建设用地使用权挂牌出让公示"], ("", "某工业地块出让公示", "某县国有建设用地使用权挂牌出让公示")),
    (["某商住地块拍卖结果公告", "某区国有土地使用权拍卖成交结果公告"], ("", "某商住地块拍卖结果公告", "某区国有土地使用权拍卖成交结果公告")),
    # a much longer second line details the first
    (["招大引强结硕果", "今年以来某区新签约亿元以上项目和新开工项目分别达38个和21个"],
     ("", "招大引强结硕果", "今年以来某区新签约亿元以上项目和新开工项目分别达38个和21个")),
    (["重点项目按下快进键", "一季度某县新开工10亿元以上项目和亿元以上项目分别达9个和27个"],
     ("", "重点项目按下快进键", "一季度某县新开工10亿元以上项目和亿元以上项目分别达9个和27个")),
    # one title the layout broke
    (["东湖樱花", "进入最佳观赏期"], ("", "东湖樱花进入最佳观赏期", "")),
    (["梅川古镇", "迎来旅游旺季"], ("", "梅川古镇迎来旅游旺季", "")),
    (["泰顺入选第二批", "省级未来产业先导区", "（智能装备方向）培育单位"], ("", "泰顺入选第二批省级未来产业先导区（智能装备方向）培育单位", "")),
    (["文成跻身第二批", "省级数字化改革", "（产业大脑方向）试点"], ("", "文成跻身第二批省级数字化改革（产业大脑方向）试点", "")),
])
def test_title_lines_make_kicker_headline_subheadline(lines, expected):
    (art,) = segment.segment_page("\n".join(lines) + "\n本报讯（记者 张晓）日前，项目开工。")
    assert (art.kicker, art.headline, art.subheadline) == expected


@pytest.mark.parametrize("title, meta, banner, date, figure", [
    ("智造中心项目（二期）顺利封顶！", "来源：某建设集团 发布时间：2031-10-09 11:05", "总投资约6.8亿元\n取得新突破",
     "2031-10-09", "6.8亿元"),
    ("青溪科创大厦主体结构全面结顶！", "发布时间：2029-05-20 16:40 来源：某城投公司", "建筑面积9.3万平方米\n迈出关键一步",
     "2029-05-20", "9.3万平方米"),
])
def test_page_title_may_end_in_an_exclamation_and_banner_lines_stay_body(title, meta, banner, date, figure):
    (art,) = segment.segment_page(f"{title}\n{meta}\n{banner}\n{int(date[5:7])}月{int(date[8:]) - 1}日，项目封顶。")
    assert (art.headline, art.subheadline, art.pub_date) == (title, "", date)
    assert figure in art.body


def test_government_site_page_furniture():
    page = ("首页 > 新闻中心 > 部门动态\n某某开发区召开项目推进会_某某市人民政府门户网站\n某某开发区召开项目推进会\n"
            "发布时间：2023-05-12 来源：某某开发区管委会 浏览次数：\n【字体：大 中 小】\n5月11日，某某开发区召开项目推进会。\n"
            "【打印本页】【关闭窗口】\n版权所有©2023 某某市人民政府 地址：某某路1号 电话：0578-1234567 浙ICP备12345678号")
    (art,) = segment.segment_page(clean.normalize_text(page))
    assert (art.kicker, art.headline) == ("", "某某开发区召开项目推进会")  # the <title> with the site's name is no kicker
    assert (art.pub_date, art.source, art.body) == ("2023-05-12", "某某开发区管委会", "5月11日，某某开发区召开项目推进会。")


@pytest.mark.parametrize("byline, reporters, correspondents", [
    ("浙江在线6月30日讯（记者 张晓 通讯员 李青）日前，项目开工。", ["张晓"], ["李青"]),
    ("张晓/文 李青/摄\n日前，项目开工。", ["张晓"], []),
    ("本报记者 张晓 文 李青 摄\n日前，项目开工。", ["张晓"], []),
    ("潮新闻客户端 记者 张晓 通讯员 李青\n日前，项目开工。", ["张晓"], ["李青"]),
])
def test_more_byline_forms(byline, reporters, correspondents):
    (art,) = segment.segment_page(clean.normalize_text("【聚焦】\n某县新项目开工\n" + byline + "\n本版责编：王平 美编：赵一"))
    assert (art.kicker, art.headline, art.reporters, art.correspondents, art.body) == (
        "", "某县新项目开工", reporters, correspondents, "日前，项目开工。")


def test_web_articles_saved_one_after_another_split_at_their_metadata_lines():
    page = ("甲地项目开工\n来源：某某网 发布时间：2024-05-01 10:00\n日前，甲地项目开工。\n"
            "乙地项目签约\n来源：某某报 发布时间：2024-05-02 09:00\n日前，乙地项目签约。\n来源：某某报 作者：记者 张晓")
    arts = segment.segment_page(clean.normalize_text(page))
    assert [(a.headline, a.pub_date, a.source, a.reporters, a.body) for a in arts] == [
        ("甲地项目开工", "2024-05-01", "某某网", [], "日前，甲地项目开工。"),
        ("乙地项目签约", "2024-05-02", "某某报", ["张晓"], "日前，乙地项目签约。")]


def test_page_furniture_is_never_a_title_and_stacked_titles_split_by_form():
    page = ("A5版：县域新闻\n瓯江晚报 2031年4月8日 星期二\n要闻 |\n项目为王 实干争先\n"
            "青田县星河新材料等八个重大项目今天集中开工建设\n图/周青山\n本报讯（记者 林小雨）日前，项目开工。\n"
            "https://www.example.cn/a/9.html\n云岭精工产业园二期结顶\n——年产精密部件800万件的新厂房明年投产\n"
            "记者 王大山\n日前，产业园二期结顶。\n编辑 吴一帆 审核 周青山")
    arts = segment.segment_page(clean.normalize_text(page))
    assert [(a.kicker, a.headline, a.subheadline) for a in arts] == [
        ("项目为王 实干争先", "青田县星河新材料等八个重大项目今天集中开工建设", ""),
        ("", "云岭精工产业园二期结顶", "年产精密部件800万件的新厂房明年投产")]
    assert [a.body for a in arts] == ["日前，项目开工。", "日前，产业园二期结顶。"]


# ---- a line that stops at a comma is no title, even over a byline (an excerpt cut off, then its byline)


@pytest.mark.parametrize("mark", ["、", "，", ","])
def test_a_line_cut_at_a_comma_over_a_byline_is_no_title(mark):
    page = ("云岭大桥通车\n\n日前，云岭大桥正式通车，全长两千米。\n\n"
            f"从一座桥到一张网，近年来，云岭坚持规划先行、建管并重{mark}\n\n记者 林小雨 王大山\n")
    arts = segment.segment_page(clean.normalize_text(page))
    assert [a.headline for a in arts] == ["云岭大桥通车"]

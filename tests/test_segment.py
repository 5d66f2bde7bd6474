import pytest

from lishui_analysis.ingest import clean, load, segment
from conftest import LAYOUTS, RAW

BUNDLED = [
    ("探索“金融+产业”新模式", "经开区赴长三角招商引资", ["廖玉晶", "陈炜"], ["游千喻"]),
    ("服务“挂挡”提速 项目加速落地", "经开区空港园区建设日新月异", ["陈春"], []),
    ("第二届全国数字健康创新应用大赛主题赛落幕", "经开区“医准智能”选题荣获一等奖", ["樊文滔"], ["张琳"]),
    ("", "经开区2个项目入选省“尖兵领雁+X”科技计划", ["陈春"], ["李旦"]),
    ("", "“国社之镜·世纪光影”新华社新闻摄影展丽水分展开展", ["廖玉晶", "陈炜"], ["雷莹莹"]),
    ("", "全市首根完美单晶晶棒在经开区成功下线", ["廖玉晶", "陈炜"], []),
]


def _page(path):
    return segment.segment_page(clean.normalize_text(load.read_document(path).text))


def test_bundled_page_has_six_articles_with_kickers_and_bylines():
    arts = _page(RAW / "lishui-edz-2024-12.txt")
    got = [(a.kicker, a.headline, a.reporters, a.correspondents) for a in arts]
    assert got == BUNDLED
    assert arts[0].byline == "本报讯（记者 廖玉晶 陈炜 通讯员 游千喻）"
    assert arts[0].body.startswith("日前，丽水经开区招商团队")


@pytest.mark.parametrize("broken", ["市场\n前景", "实\n现营收", "的提\n高", "工作\n图报", "完美\n单晶"])
def test_bundled_page_bodies_have_no_layout_break_inside_a_sentence(broken):
    bodies = "\n\n".join(a.body for a in _page(RAW / "lishui-edz-2024-12.txt"))
    assert broken not in bodies
    assert broken.replace("\n", "") in bodies


def test_every_body_paragraph_ends_a_sentence():
    for a in _page(RAW / "lishui-edz-2024-12.txt"):
        for para in a.body.split("\n"):
            assert clean.ends_sentence(para), para


@pytest.mark.parametrize("name, expected", [
    ("dateline.txt", [("", "青田两个制造业项目同日开工", "", ["王小明", "赵一"], ["李大成", "钱二"])]),
    ("own_line_byline.txt", [("", "老厂房变身数字车间", "", ["孙梅"], ["周杰"])]),
    ("no_byline.txt", [("", "遂昌经济开发区简介", "", [], [])]),
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


def test_parse_byline_names_with_unit_labels():
    assert segment.parse_byline_names("记者 周文丹 共享联盟奉化站 严世君 郑连乔") == (["周文丹"], ["严世君", "郑连乔"])
    assert segment.parse_byline_names("孙斌、常诗静、记者沈贞海浙江报道") == (["沈贞海"], ["孙斌", "常诗静"])


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
    assert segment._kind("记者从会上获悉，全市安排项目202个。") == "body"
    assert segment._kind("产业兴旺 共富先行 文旅融合") == "title"  # a kicker of three phrases, not three names


def test_agency_dateline_dates_a_repost_and_caption_credits_go():
    page = clean.normalize_text(
        "老区闯出发展新路\n某某视频 2025-07-21 07:44:57 来源: 原创\n"
        "中新网丽水7月20日电(张晓)19日，论坛在丽水举行。\n论坛现场。王平 摄\n与会代表座谈。来源:某某发布\n累计落地项目96个。")
    (art,) = segment.segment_page(page)
    assert (art.headline, art.pub_date, art.source, art.reporters) == ("老区闯出发展新路", "2025-07-20", "", ["张晓"])
    # a caption's sentence is text (it may name a company); its credit is not
    assert art.body.split("\n") == ["19日，论坛在丽水举行。", "论坛现场。", "与会代表座谈。", "累计落地项目96个。"]


def test_a_newspaper_dateline_leaves_the_issue_date():
    page = "第2版：要闻\n2020年11月18日 星期三\n两地项目开工\n本报宁波11月17日电 （记者 张晓） 17日上午，项目开工。"
    (art,) = segment.segment_page(clean.normalize_text(page))
    assert (art.headline, art.pub_date) == ("两地项目开工", "2020-11-18")


@pytest.mark.parametrize("line, date, source, reporters", [
    ("时间：2024-07-18 09:40:45来源： 某某侨网", "2024-07-18", "某某侨网", []),
    ("来源：市数发集团    发布时间：2024-02-01 16:23    访问次数：", "2024-02-01", "市数发集团", []),
    ("2024年04月12日15:57 | 来源：乐清市融媒体中心", "2024-04-12", "乐清市融媒体中心", []),
    ("来源：杭州日报  作者：驻萧山记者 方亮  编辑：汪浩", "", "杭州日报", ["方亮"]),
    ("发布日期：2023-10-11 16:32    信息来源：某区年鉴（2022）", "2023-10-11", "某区年鉴（2022）", []),
    ("（来源：某区委宣传部）", "", "某区委宣传部", []),
    ("2023-02-16 11:23:13 作者：admin 文章来源：unknown 阅读次数：615", "2023-02-16", "", []),
    ("本文转自：某某网 66wz.com", "", "某某网", []),
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
    (["探索“金融+产业”新模式", "经开区赴长三角招商引资"], ("探索“金融+产业”新模式", "经开区赴长三角招商引资", "")),
    (["浙洽会34个重大项目签约", "总投资665亿元"], ("", "浙洽会34个重大项目签约", "总投资665亿元")),
    (["某地块出让公告", "某市国有建设用地使用权拍卖出让公告"], ("", "某地块出让公告", "某市国有建设用地使用权拍卖出让公告")),
    (["项目攻坚跑出加速度", "今年以来某县新开工亿元以上产业项目分别达76个和50个"],
     ("", "项目攻坚跑出加速度", "今年以来某县新开工亿元以上产业项目分别达76个和50个")),
    (["湘湖梅花", "迎来全盛期"], ("", "湘湖梅花迎来全盛期", "")),
    (["海宁入选第三批", "省级特色产业集群", "（集成电路领域）核心区"], ("", "海宁入选第三批省级特色产业集群（集成电路领域）核心区", "")),
])
def test_title_lines_make_kicker_headline_subheadline(lines, expected):
    (art,) = segment.segment_page("\n".join(lines) + "\n本报讯（记者 张晓）日前，项目开工。")
    assert (art.kicker, art.headline, art.subheadline) == expected


def test_page_title_may_end_in_an_exclamation_and_banner_lines_stay_body():
    page = "创新中心项目（一期）顺利结顶！\n来源：某集团 发布时间：2024-02-01 16:23\n总投资约4.4亿元\n迎来新进展\n1月30日，项目结顶。"
    (art,) = segment.segment_page(page)
    assert (art.headline, art.subheadline, art.pub_date) == ("创新中心项目（一期）顺利结顶！", "", "2024-02-01")
    assert "4.4亿元" in art.body


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

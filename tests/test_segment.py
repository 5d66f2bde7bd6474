import pytest

from lishui_analysis import clean, load, segment
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

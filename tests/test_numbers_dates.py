"""Numerals, money and dates of every class (sentences we wrote ourselves, in the shapes of zone news)."""
import pytest

from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.numbers import parse_number
from lishui_analysis.extract.quantities import extract_quantities, trie_regex
from lishui_analysis.ingest.segment import split_sentences


def quants(text, pub="2024-12-20"):
    return extract_quantities(text, split_sentences(text), (), pub)


def rows(text, pub="2024-12-20"):
    return [(q.value, q.unit) for q in quants(text, pub)]


def dates(text, pub="2024-12-20"):
    return [(d.surface, d.date) for d in extract_dates(text, pub)]


@pytest.mark.parametrize("s, v", [
    ("壹佰贰拾万", 1200000), ("叁仟伍佰", 3500), ("壹拾贰", 12), ("拾", 10), ("玖佰玖拾玖", 999),
    ("三十五万零六百", 350600), ("一千零五十", 1050), ("一万零五百", 10500), ("三亿五千万", 350000000),
    ("3万零500", 30500), ("1亿2000万", 120000000), ("1，200", 1200), ("12,345.5", 12345.5),
    ("二〇一九", 2019), ("两千", 2000), ("1,2", None), ("万", 10000),
])
def test_parse_number_classes(s, v):
    assert parse_number(s) == v


# Money: ≥ 40 expressions with the date table below, each of one class named in the comment.
@pytest.mark.parametrize("text, expected", [
    # financial numerals
    ("政府补助壹佰贰拾万元。", [(1200000, "CNY")]),
    ("合同金额为人民币叁仟伍佰万元整。", [(35000000, "CNY")]),
    ("保证金贰拾万元。", [(200000, "CNY")]),
    # 零 inside a Chinese numeral
    ("奖励三十五万零六百元。", [(350600, "CNY")]),
    ("每户补贴一千零五十元。", [(1050, "CNY")]),
    ("每亩补贴一千零五十元。", [(1050, "other")]),  # per mu: a rate (quantities._PER_MU_BEFORE)
    ("项目投资三亿五千万元。", [(350000000, "CNY")]),
    # Arabic sections joined by 亿/万
    ("补贴3万零500元。", [(30500, "CNY")]),
    ("总投资1亿2000万元。", [(120000000, "CNY")]),
    # thousands separators, half- and full-width
    ("完成投资1，200万元。", [(12000000, "CNY")]),
    ("完成投资12,500万元。", [(125000000, "CNY")]),
    ("土地出让金2，345.6万元。", [(23456000, "CNY")]),
    # ranges with a magnitude on one or both ends: one row per end
    ("单个项目投资2万-3万元。", [(20000, "CNY"), (30000, "CNY")]),
    ("预计总投资2亿至3亿元。", [(200000000, "CNY"), (300000000, "CNY")]),
    ("新建厂房5-8万平方米。", [(50000, "m2"), (80000, "m2")]),
    ("计划投资三至五亿元。", [(300000000, "CNY"), (500000000, "CNY")]),
    ("单体投资5000万元至2亿元。", [(50000000, "CNY"), (200000000, "CNY")]),
    ("税收贡献8000万到1亿元。", [(80000000, "CNY"), (100000000, "CNY")]),
    # approximate forms take the base number
    ("投资超十亿元。", [(1000000000, "CNY")]),
    ("引进资金十余万元。", [(100000, "CNY")]),
    ("到位资金近亿元。", [(100000000, "CNY")]),
    # Arabic numerals with 千/百 magnitudes, spoken 个亿
    ("项目投资3千万元。", [(30000000, "CNY")]),
    ("奖励资金5百万元。", [(5000000, "CNY")]),
    ("打造2千亿元产业集群。", [(200000000000, "CNY")]),
    ("企业投资1个亿建设新厂。", [(100000000, "CNY")]),
    ("总共投了两个亿。", [(200000000, "CNY")]),
    # foreign money keeps its code
    ("外资到位1.2亿美元。", [(120000000, "USD")]),
    ("引进外资500万美金。", [(5000000, "USD")]),
    ("并购金额2亿英镑。", [(200000000, "GBP")]),
])
def test_money_classes(text, expected):
    assert rows(text) == [(pytest.approx(v), u) for v, u in expected]


def test_a_range_shares_its_span():
    qs = quants("投资2亿至3亿元。")
    assert {(q.start, q.end, q.surface) for q in qs} == {(2, 8, "2亿至3亿元")}


def test_a_list_is_not_glued_into_one_number():
    assert rows("地块编号为1，2，3，总价5万元。") == [(50000, "CNY")]
    assert rows("分别为1，2，3个。") == [(3, "count")]


def test_two_units_around_a_separator_are_no_range():
    assert rows("流转土地100亩到2025年全部建成。") == [(100, "mu")]


@pytest.mark.parametrize("text, expected", [
    ("六成企业实现增长。", [(60, "percent")]),
    ("外贸占比三成半。", [(35, "percent")]),
    ("产值增长百分之十二点五。", [(12.5, "percent")]),
    ("这是一成不变的规矩。", []),
    ("二手设备八成新。", []),
    ("项目建成投产。", []),
])
def test_shares(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("项目建设用了2年多。", [(2, "year")]),
    ("企业深耕此地15年。", [(15, "year")]),
    ("近两年，园区快速发展。", [(2, "year")]),
    ("十余年来坚持创新。", [(10, "year")]),
    ("土地出让年限50年。", [(50, "year")]),
    ("15年来累计投入巨大。", [(15, "year")]),
    ("从拿地到开工仅用2周。", [(14, "day")]),
    ("仅一个季度就完成主体。", [(3, "month")]),
    ("2024年园区引进项目。", []),
    ("09年3月公司成立。", []),
    ("九五年建厂。", []),
    ("公司成立于98年。", []),
    ("古城有千年历史。", []),
    ("实施五年行动计划。", []),
    ("20多天前项目开工。", []),
    ("两年后将建成投产。", []),
    ("每一天都在拼。", []),
    ("庆祝建厂10周年。", []),
    ("一年一度的盛会。", []),
    ("学生升入三年级。", []),
])
def test_durations(text, expected):
    assert rows(text) == expected


@pytest.mark.parametrize("text", [
    "产值是去年的2倍。", "增速提高3个百分点。" , "进入全省前十名。", "排名跃升30位。", "入选中国民营企业500强。",
    "位列第六名。", "分两批次推进。", "项目分为两个标段。", "设计时速80km/h。",
])
def test_ranks_multiples_and_words_are_no_counts(text):
    assert [q for q in quants(text) if q.unit not in ("other",)] == []


@pytest.mark.parametrize("text, expected", [
    ("出让面积（㎡）58210.47容积率2.0", [(58210.47, "m2")]),
    ("拍卖起始价（万元）6120竞买保证金（万元）1224", [(61200000, "CNY"), (12240000, "CNY")]),
    ("起始亩均税收（万元/亩）40", [(400000, "other")]),
    ("出让年限（年）50", [(50, "year")]),
    ("起始价（万元）5350亩均税收（万元/亩）40", [(53500000, "CNY"), (400000, "other")]),
])
def test_table_header_units(text, expected):
    assert rows(text) == [(pytest.approx(v), u) for v, u in expected]


def test_a_table_cell_surface_is_its_number():
    assert [q.surface for q in quants("拍卖起始价（万元）5350")] == ["5350"]


@pytest.mark.parametrize("text, expected", [
    ("计划产能达到8英寸晶圆5万片/月。", [(50000, "piece", "capacity")]),
    ("走进车间，30余台数控机床正在运转。", [(30, "count", "count")]),
    ("达产后每年将有2000台装备下线。", [(2000, "piece", "capacity")]),
    ("建成后年产4000万个连接器。", [(40000000, "piece", "capacity")]),
    ("年发电量达3亿度。", [(300000000, "other", "capacity")]),
    ("地块面积19.71万㎡。", [(197100, "m2", "floor_area")]),
    ("主线全长约4.615km。", [(4.615, "km", "other")]),
    ("道路全长2千米。", [(2, "km", "other")]),
    ("装机容量5千瓦。", [(5, "other", "capacity")]),
    ("今年出让工业用地7宗。", [(7, "count", "count")]),
    ("规划面积5km²。", [(7500, "mu", "land_area")]),
    ("新建厂房100m²。", [(100, "m2", "floor_area")]),
])
def test_units_and_capacity_flows(text, expected):
    assert [(q.value, q.unit, q.kind) for q in quants(text)] == [(pytest.approx(v), u, k) for v, u, k in expected]


@pytest.mark.parametrize("text, pub, expected", [
    # two-digit and Chinese-digit years
    ("公司成立于95年。", "2024-12-20", [("95年", "1995")]),
    ("09年3月公司成立。", "2024-12-20", [("09年3月", "2009-03")]),
    ("零九年扩建。", "2024-12-20", [("零九年", "2009")]),
    ("〇九年扩建。", "2024-12-20", [("〇九年", "2009")]),
    ("九五年建厂。", "2024-12-20", [("九五年", "1995")]),
    ("二〇一九年投产。", "2024-12-20", [("二〇一九年", "2019")]),
    ("24年5月开工。", "2024-12-20", [("24年5月", "2024-05")]),
    ("经过15年发展。", "2024-12-20", []),
    ("用了三四年时间。", "2024-12-20", []),
    # 号 for the day
    ("10月8号开工。", "2024-12-20", [("10月8号", "2024-10-08")]),
    ("2023年5月12号签约。", "2024-12-20", [("2023年5月12号", "2023-05-12")]),
    # months against the publication date
    ("本月完成验收。", "2024-12-20", [("本月", "2024-12")]),
    ("上个月签约。", "2031-01-14", [("上个月", "2030-12")]),
    ("上月已经封顶。", "2024-07-10", [("上月", "2024-06")]),
    ("下月投产。", "2024-12-20", [("下月", "2025-01")]),
    ("下个月中旬交付。", "2024-06-10", [("下个月中旬", "2024-07")]),
    ("3号楼月底结顶。", "2025-03-02", [("月底", "2025-03")]),
    ("1号楼4月中旬结顶。", "2025-03-02", [("4月中旬", "2025-04")]),
    ("今年6月上旬开工。", "2024-12-20", [("今年6月上旬", "2024-06")]),
    ("2023年6月动工，当月完成桩基。", "2024-12-20", [("2023年6月", "2023-06"), ("当月", "2023-06")]),
    # a month word with a day keeps the day
    ("本月9日开工。", "2024-12-20", [("本月9日", "2024-12-09")]),
    ("上个月15号签约。", "2025-01-05", [("上个月15号", "2024-12-15")]),
    ("下月九号投产。", "2024-12-20", [("下月九号", "2025-01-09")]),
    ("2023年6月动工，当月20日完成桩基。", "2024-12-20", [("2023年6月", "2023-06"), ("当月20日", "2023-06-20")]),
    ("2023年11月签约，次月5日开工。", "2024-12-20", [("2023年11月", "2023-11"), ("次月5日", "2023-12-05")]),
    # lunar dates and the Spring Festival
    ("正月初八复工。", "2025-02-10", [("正月初八", "2025-02-05")]),
    ("大年初三签约。", "2024-02-20", [("大年初三", "2024-02-12")]),
    ("春节后开工。", "2025-02-20", [("春节后", "2025-01")]),
    # days against the publication date
    ("本报讯 昨日，项目集中开工。", "2029-04-16", [("昨日", "2029-04-15")]),
    ("今天上午举行签约仪式。", "2024-12-20", [("今天", "2024-12-20")]),
    ("5月31日，全县集中开工。今天的活动有5个项目。", "2030-06-01",
     [("5月31日", "2030-05-31"), ("今天", "2030-05-31")]),
    # a time before publication
    ("时间回到20多天前，项目投产。", "2031-01-14", [("20多天前", "2030-12")]),
    ("两个月前完成签约。", "2031-01-14", [("两个月前", "2030-11")]),
    ("4年前车站搬迁。", "2023-05-01", [("4年前", "2019")]),
    # year ends give the year (eval gold convention), quarters too
    ("去年底项目开工。", "2032-03-23", [("去年底", "2031")]),
    ("预计今年年底搬入新厂房。", "2021-08-10", [("今年年底", "2021")]),
    ("2024年第一个工作日集中签约。", "2024-01-03", [("2024年第一个工作日", "2024-01")]),
])
def test_date_classes(text, pub, expected):
    assert dates(text, pub) == expected


def test_not_dates():
    assert dates("以上月份的数据。岁月如歌。") == []


def test_unit_prefix_tree_prefers_the_longest_unit():
    import re

    rx = re.compile(trie_regex(["个", "个月", "个工作日", "平方米", "平米"]))
    assert [rx.match(s).group() for s in ("个月内", "个工作日", "个人", "平方米", "平米")] == [
        "个月", "个工作日", "个", "平方米", "平米"]

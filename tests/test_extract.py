"""Extractors on sentences we wrote ourselves (shapes seen in zone news)."""
import pytest

from lishui_analysis.extract.dates import extract_dates
from lishui_analysis.extract.events import extract_events
from lishui_analysis.extract.numbers import parse_number
from lishui_analysis.extract.organizations import extract_org_mentions
from lishui_analysis.extract.quantities import extract_quantities
from lishui_analysis.ingest.segment import split_sentences


def quants(text, pub="2024-12"):
    return extract_quantities(text, split_sentences(text), extract_org_mentions(text), pub)


def one(text, pub="2024-12"):
    (q,) = quants(text, pub)
    return q


@pytest.mark.parametrize("s, v", [("1,200", 1200), ("26.96", 26.96), ("十四", 14), ("两", 2), ("四千", 4000), ("百", 100),
                                   ("一百二十", 120), ("十四五", None), ("abc", None)])
def test_parse_number(s, v):
    assert parse_number(s) == v


@pytest.mark.parametrize("text, surface, value, unit, kind", [
    ("项目总投资26.96亿元。", "26.96亿元", 2696000000, "CNY", "money"),
    ("完成投资5387万元。", "5387万元", 53870000, "CNY", "money"),
    ("补助资金1,200万元。", "1,200万元", 12000000, "CNY", "money"),
    ("吸引投资3000万美元。", "3000万美元", 30000000, "USD", "money"),
    ("项目用地12公顷。", "12公顷", 180, "mu", "land_area"),
    ("规划面积2.5平方公里。", "2.5平方公里", 3750, "mu", "land_area"),
    ("厂房占地8600平方米。", "8600平方米", 8600, "m2", "land_area"),
    ("新建厂房8600平方米。", "8600平方米", 8600, "m2", "floor_area"),
    ("总建筑面积25万方。", "25万方", 250000, "m2", "floor_area"),
    ("仅用六个半月完成。", "六个半月", 6.5, "month", "duration"),
    ("历时十四个月建成。", "十四个月", 14, "month", "duration"),
    ("审批仅用5个工作日。", "5个工作日", 5, "day", "duration"),
    ("四千余名工人奋战一线。", "四千余名", 4000, "person", "count"),
    ("已有10余幢建筑。", "10余幢", 10, "count", "count"),
    ("年产1.2万吨钢材。", "1.2万吨", 12000, "ton", "capacity"),
    ("产值增长百分之四十。", "百分之四十", 40, "percent", "percent"),
    ("产值增长28.6%。", "28.6%", 28.6, "percent", "percent"),
    ("投资近亿元。", "近亿元", 1e8, "CNY", "money"),
    ("打造百亿级产业集群。", "百亿", 1e10, "CNY", "money"),
    ("同比提高3.2个百分点。", "3.2个百分点", 3.2, "other", "other"),
    ("装机容量10万千瓦。", "10万千瓦", 100000, "other", "capacity"),
    ("新建3条生产线。", "3条", 3, "count", "count"),
])
def test_quantity_shapes(text, surface, value, unit, kind):
    q = one(text)
    assert (q.surface, q.value, q.unit, q.kind) == (surface, pytest.approx(value), unit, kind)


def test_range_gives_low_and_high_rows_sharing_the_span():
    rows = quants("单个项目投资3至5亿元。")
    assert [(r.surface, r.value) for r in rows] == [("3至5亿元", 3e8), ("3至5亿元", 5e8)]


@pytest.mark.parametrize("text", ["第二届大赛落幕。", "2024年12月9日下线。", "12吋抛光片和12英寸外延片。", "助力山区26县发展。",
                                  "打造“万亩千亿”平台。", "实施“1515”工程。", "分为三个赛道。", "一对一服务企业。", "一片火热场景。",
                                  "一栋栋厂房拔地而起。", "是一家高新技术企业。"])
def test_not_quantities(text):
    assert quants(text) == []


@pytest.mark.parametrize("text, metric", [
    ("总投资40亿元。", "investment"), ("2029年实现营收3.18亿元。", "revenue"), ("去年实现营业收入7400万元。", "revenue"), ("实现年产值50亿元。", "output_value"),
    ("缴纳税收2289万元。", "tax"), ("获批市财政拟拨付经费180万元。", "funding"), ("获市财政拨款经费65万元。", "funding"), ("获得补助300万元。", "subsidy"),
    ("总用地面积397亩。", "land"), ("总建筑面积25万平方米。", "building_area"), ("年产600万片抛光片。", "capacity"),
    ("实现税收1.9亿元，同比增长40.75%。", "tax"),
])
def test_metric_from_governing_words(text, metric):
    assert quants(text)[-1].metric == metric


@pytest.mark.parametrize("text, period", [
    ("岚峰机械2027年实现营收3.1亿元，等新厂建成，预计可实现年产值约6亿元。", "2027"),
    ("汀兰包装去年实现营收8600万元，待二期投产后，年产值预计约2亿元。", "2030"),
    ("翠屿工贸2030年营收1.2亿元，项目达产后，预计年产值可达约3.5亿元。", "2030"),
])
def test_period_approximate_forecast(text, period):
    q = quants(text, "2031-12")
    assert (q[0].period, q[0].forecast, q[0].approximate) == (period, False, False)
    assert (q[1].forecast, q[1].approximate) == (True, True)


@pytest.mark.parametrize("when, plot, verb, n, x, co, quote", [
    ("截至目前", "空港园区二期地块", "入园", 21, "33.75", "丽水汀兰材料有限公司", "达产后预计能实现年产值约5亿元"),
    ("截至10月底", "科创园区首期", "签约", 6, "7.2", "杭州翠屿工贸有限公司", "我们预计可实现年产值2.8亿元"),
    ("到目前为止", "滨江园区三期", "开工", 11, "15.5", "浙江岚峰机械有限公司", "投产后年产值预计达3.6亿元"),
])
def test_subject_is_the_counted_batch_or_the_article_topic(when, plot, verb, n, x, co, quote):
    text = f"{when}，{plot}已{verb}项目{n}个，总投资{x}亿元。{co}也在园区。“{quote}。”"
    qs = quants(text)
    # the count and the sum of the projects counted belong to the batch, not to the plot they stand on
    # (the batch named with the park that speaks in its sentence, if one does: holders.area_batches)
    assert qs[0].subject == qs[1].subject and qs[0].subject_type == qs[1].subject_type == "batch"
    assert qs[0].subject.endswith(f"{verb}项目{n}个") and "地块" not in qs[0].subject
    # a figure in a later quotation falls to the article's current company, as such (output value)
    assert qs[2].subject == co and qs[2].org_name == co
    assert qs[2].subject_type == "company"


def test_dates_resolve_against_publication_and_earlier_years():
    ds = extract_dates("2007年来到园区。4月拍得土地，明年7月投用，去年11月开工，同年12月31日封顶。17日上午开工。日前，项目下线。", "2024-12-20")
    assert [(d.surface, d.date, d.precision) for d in ds] == [
        ("2007年", "2007", "year"), ("4月", "2024-04", "month"), ("明年7月", "2025-07", "month"),
        ("去年11月", "2023-11", "month"), ("同年12月31日", "2023-12-31", "day"), ("17日", "2024-12-17", "day"),
        ("日前", "2024-12", "month")]


@pytest.mark.parametrize("text, pub, want", [
    ("预计在明年年底达产。今年四季度竣工。11月8日开工，同日签约。", "2027-03-09",
     [("明年年底", "2028"), ("今年四季度", "2027"), ("11月8日", "2027-11-08"), ("同日", "2027-11-08")]),
    ("力争在后年年底达产。今年三季度竣工。5月20日开工，同日签约。", "2029-02-11",
     [("后年年底", "2031"), ("今年三季度", "2029"), ("5月20日", "2029-05-20"), ("同日", "2029-05-20")]),
    ("计划于明年年底投产；今年二季度完工；9月3日奠基，同日签约。", "2033-01-15",
     [("明年年底", "2034"), ("今年二季度", "2033"), ("9月3日", "2033-09-03"), ("同日", "2033-09-03")]),
])
def test_dates_year_end_quarters_and_same_day(text, pub, want):
    assert [(d.surface, d.date) for d in extract_dates(text, pub)] == want


def _events(text, pub="2024-12"):
    return extract_events(text, split_sentences(text), extract_dates(text, pub), extract_org_mentions(text), pub)


# A company's spokesman lists its milestones by month: past months are this year, 明年/后年 ahead and planned.
MILESTONE_TALKS = [
    ("丽水岚峰机械有限公司负责人介绍：“{a}月拍得土地使用权，{b}月领取施工许可证，{c}月办公楼主体结构封顶，"
     "现在三幢厂房也完成封顶，明年{d}月就能正式投产。”", "2031-11", (3, 6, 8, 5), 1),
    ("浙江汀兰包装科技有限公司总经理说：“{a}月摘得地块，{b}月拿到施工许可证，{c}月研发楼主体封顶，"
     "如今两幢车间同样完成封顶，后年{d}月就能正式投用。”", "2030-12", (2, 5, 10, 3), 2),
    ("杭州翠屿工贸有限公司负责人告诉记者，{a}月竞得地块，{b}月领到施工许可证，{c}月综合楼结构封顶，"
     "目前四幢车间也完成封顶，明年{d}月可以正式投用。", "2029-10", (1, 4, 7, 9), 1),
]


@pytest.mark.parametrize("template, pub, months, ahead", MILESTONE_TALKS)
def test_milestones_with_dates_and_planned(template, pub, months, ahead):
    a, b, c, d = months
    year = int(pub[:4])
    evs = _events(template.format(a=a, b=b, c=c, d=d), pub)
    assert [(e.event_type, e.date, e.planned) for e in evs] == [
        ("land_acquired", f"{year}-{a:02d}", False), ("permit_issued", f"{year}-{b:02d}", False),
        ("topped_out", f"{year}-{c:02d}", False), ("topped_out", pub, False),
        ("production_start", f"{year + ahead}-{d:02d}", True)]


@pytest.mark.parametrize("text, pub, day", [
    ("确保项目“早落地、早建设、早投产、早达效”。建成后将发挥作用。9月26日，8个项目集中开工。此次开工项目总投资14亿元。",
     "2032-09-28", "2032-09-26"),
    ("力争项目“快签约、快落地、快开工、快投产”。投产后将带动就业。3月5日，15个项目集中开工。本次开工项目总投资30亿元。",
     "2030-03-06", "2030-03-05"),
    ("推动项目“早开工、早投产、早见效”。建成后将有力支撑发展。6月18日，20个重大项目集中开工。这批开工项目总投资52亿元。",
     "2031-06-20", "2031-06-18"),
])
def test_milestone_slogans_conditionals_and_back_references_are_skipped(text, pub, day):
    assert [(e.event_type, e.date) for e in _events(text, pub)] == [("construction_started", day)]


def test_land_in_square_metres_stays_m2_but_is_land():
    q = one("项目用地面积5000平方米。")
    assert (q.value, q.unit, q.kind, q.metric) == (5000, "m2", "land_area", "land")
    q = one("总建筑面积5000平方米。")
    assert (q.kind, q.metric) == ("floor_area", "building_area")


def test_dates_written_in_chinese_digits():
    ds = extract_dates("二〇二四年十二月，项目竣工。", "2025-01")
    assert [(d.surface, d.date) for d in ds] == [("二〇二四年十二月", "2024-12")]



@pytest.mark.parametrize("text, unit_text", [("总投资26.96亿元。", "亿元"), ("总建筑面积25万平方米。", "万平方米"),
                                             ("仅用六个半月。", "个月"), ("打造百亿级集群。", "亿"), ("两幢车间。", "幢")])
def test_unit_text_is_the_unit_as_written(text, unit_text):
    assert one(text).unit_text == unit_text


def test_a_rate_per_mu_is_not_an_amount():
    q = one("亩均投资强度不低于300万元/亩。")
    assert (q.surface, q.unit, q.unit_text, q.value) == ("300万元/亩", "other", "万元/亩", 3e6)


def test_yue_inside_a_word_is_no_prefix_and_size_classes():
    q = one("累计新签约亿元以上项目28个。".replace("28个", ""))
    assert (q.surface, q.value) == ("亿元以上", 1e8)
    q = one("总投资约3亿元。")
    assert (q.surface, q.approximate) == ("约3亿元", True)


def test_a_verb_that_modifies_a_noun_is_no_milestone():
    assert _events("为入驻半导体企业提供高纯气体。围绕项目投产倒排计划推进。", "2024-07") == []

"""Quantities by class, on invented sentences: fractions are percents; energy and battery units
(GW, GWh, MW, kWh, Ah) and tons of standard coal keep their value as written under unit other."""
import pytest

from lishui_analysis.extract.quantities import extract_quantities
from lishui_analysis.ingest.segment import split_sentences


def figures(text):
    return [(q.surface, q.value, q.unit) for q in extract_quantities(text, split_sentences(text))]


@pytest.mark.parametrize("frac, value", [("三分之一", 33.33), ("五分之二", 40.0), ("二分之一", 50.0), ("四分之三", 75.0),
                                         ("十分之一", 10.0), ("十二分之一", 8.33), ("二十分之三", 15.0), ("一半", 50.0)])
@pytest.mark.parametrize("frame", ["宁波禾旭新材料的外销收入占{f}。", "全区规上企业中，超过{f}完成了数字化改造；",
                                   "澜岳园区的{f}用地已出让"])
def test_fractions_are_percents(frac, value, frame):
    assert figures(frame.format(f=frac)) == [(frac, value, "percent")]


@pytest.mark.parametrize("text", ["百分之三十的用地已出让。", "千分之三的误差。", "第三分之一段路面。"])
def test_other_shares_are_not_fractions_of_this_kind(text):
    assert all(unit == "percent" and surface.startswith("百分之") for surface, _, unit in figures(text))


@pytest.mark.parametrize("number, mag, value", [("8", "", 8.0), ("12.5", "", 12.5), ("10", "亿", 1e9), ("3", "万", 3e4)])
@pytest.mark.parametrize("unit", ["GWh", "GW", "MWh", "MW", "kWh", "kW", "Ah"])
def test_energy_units_keep_the_value_as_written(number, mag, value, unit):
    text = f"项目建成后可形成年产{number}{mag}{unit}的生产能力。"
    assert figures(text) == [(f"{number}{mag}{unit}", value, "other")]


@pytest.mark.parametrize("word", ["吨标煤", "吨标准煤"])
def test_tons_of_standard_coal_are_no_tons(word):
    assert figures(f"单位工业增加值能耗不高于0.48{word}。") == [(f"0.48{word}", 0.48, "other")]


@pytest.mark.parametrize("measure, metric", [("亩均税收", "tax"), ("亩均产值", "output_value")])
@pytest.mark.parametrize("cmp", ["不低于", "≥", "达到", ""])
@pytest.mark.parametrize("amount, value", [("40万元", 4e5), ("35.5万元", 3.55e5)])
def test_a_money_figure_after_mu_average_is_a_rate_per_mu(measure, metric, cmp, amount, value):
    """亩均税收不低于40万元 is 40万元 per mu, written without /亩: unit other, the value in yuan per mu."""
    text = f"项目达产后，{measure}{cmp}{amount}。"
    assert [(q.surface, q.value, q.unit, q.metric) for q in extract_quantities(text, split_sentences(text))] == \
        [(amount, value, "other", metric)]


@pytest.mark.parametrize("frame", ["用地60亩，每亩投资{a}。", "土地出让价每亩{a}，", "平均每亩产值达{a}。"])
@pytest.mark.parametrize("amount, value", [("520万元", 5.2e6), ("48.5万元", 4.85e5)])
def test_a_money_figure_after_per_mu_is_a_rate_not_a_total(frame, amount, value):
    """每亩投资520万元 is 520万元 per mu, like 亩均: unit other (never the plot's investment, which an
    intensity of 520万元 / 60亩 would turn into 8.7 万元/亩)."""
    text = "星河精密轴承项目" + frame.format(a=amount)
    got = [(q.surface, q.value, q.unit) for q in extract_quantities(text, split_sentences(text)) if q.kind != "area"]
    assert (amount, value, "other") in got and not any(u == "CNY" for _, _, u in got)


def test_a_total_after_a_mu_average_rate_is_no_rate():
    text = "全区亩均税收增长12%，项目总投资5亿元。"
    assert [(q.surface, q.unit) for q in extract_quantities(text, split_sentences(text))] == [("12%", "percent"), ("5亿元", "CNY")]


@pytest.mark.parametrize("frame", ["澜岳新材料项目仅用{d}时间就完成了主体建设。", "从签约到投产不到{d}，", "历时{d}，禾旭工厂建成"])
@pytest.mark.parametrize("d, value", [("半年", 6.0), ("半个月", 0.5)])
def test_half_a_year_or_month_is_a_duration(frame, d, value):
    text = frame.format(d=d)
    assert [(q.surface, q.value, q.unit, q.kind) for q in extract_quantities(text, split_sentences(text))] == \
        [(d, value, "month", "duration")]


@pytest.mark.parametrize("text", ["今年上半年，澜岳园区运行平稳；下半年将开工。", "每半年评估一次。", "发布半年报。", "半年度总结。"])
def test_halves_of_a_named_year_frequencies_and_reports_are_no_durations(text):
    assert [q for q in extract_quantities(text, split_sentences(text)) if q.kind == "duration"] == []


@pytest.mark.parametrize("n, noun", [(15, "重点新建项目"), (202, "重点建设项目"), (7, "特色产业园"), (12, "重点工业企业")])
def test_a_category_word_modifying_the_counted_noun_keeps_the_count(n, noun):
    text = f"（2）{n}个{noun}，全年计划完成投资9.6亿元。"
    assert (f"{n}个", float(n), "count") in figures(text)


@pytest.mark.parametrize("text", ["抓好三个重点，推进四个重点领域改革。", "开工、投产两个类别的项目均超百亿元。",
                                  "聚焦3个特色，做强两个优势。"])
def test_counted_categories_are_no_counts(text):
    assert not [q for q in figures(text) if q[2] == "count"]


@pytest.mark.parametrize("text, surface, value", [("云溪电子建成后可年产12亿块功率芯片。", "12亿块", 1.2e9),
                                                  ("星河锁业年产350万把智能门锁。", "350万把", 3.5e6)])
def test_products_counted_in_pieces_after_a_magnitude(text, surface, value):
    assert figures(text) == [(surface, value, "piece")]


@pytest.mark.parametrize("text", ["本次出让两块地，另有3块土地待出让。", "企业把3个项目带回家乡。", "大家一块推进。"])
def test_kuai_and_ba_alone_are_no_units(text):
    assert not [f for f in figures(text) if f[2] == "piece"]


def metrics(text):
    return {q.surface: q.metric for q in extract_quantities(text, split_sentences(text))}


@pytest.mark.parametrize("ratio", ["开工率", "数字化率", "研发投入强度", "建筑密度", "绿地率", "所占比例", "市场占有率"])
@pytest.mark.parametrize("cmp", ["达", "为", "≤", "不低于", ""])
@pytest.mark.parametrize("p", ["46.5%", "12%"])
def test_a_percentage_a_ratio_noun_states_is_no_amount_of_a_metric(ratio, cmp, p):
    """The value of a ratio (…率, 强度, 密度, 比例) is metric other, whatever metric word came before."""
    text = f"云溪园区去年完成投资9.5亿元、用地320亩，年产值12亿元，{ratio}{cmp}{p}。"
    assert metrics(text)[p] == "other"


@pytest.mark.parametrize("before, metric", [("产值增长率", "output_value"), ("投资增长", "investment")])
def test_a_growth_rate_keeps_the_metric_that_grew(before, metric):
    assert metrics(f"瓯岭开发区一季度{before}达14.2%。")["14.2%"] == metric


@pytest.mark.parametrize("size", ["亿元以上", "5亿元以上", "10亿元至30亿元", "20亿级", "3亿元以上的"])
@pytest.mark.parametrize("head", ["项目", "重大项目", "制造业项目", "产业项目"])
def test_money_naming_a_size_class_of_projects_is_investment(size, head):
    text = f"今年全县新签约{size}{head}16个。"
    got = metrics(text)
    assert [m for s, m in got.items() if s != "16个"] and all(m == "investment" for s, m in got.items() if s != "16个")


@pytest.mark.parametrize("word, metric", [("地区生产总值", "output_value"), ("协议外资", "investment"),
                                          ("实到外资", "investment"), ("年销售规模", "revenue"),
                                          ("营业总收入", "revenue"), ("研发经费", "other")])
def test_metric_words_of_the_vocabulary(word, metric):
    assert metrics(f"去年云岭县{word}86.4亿元。")["86.4亿元"] == metric


@pytest.mark.parametrize("n", ["4", "六", "12"])
@pytest.mark.parametrize("size", ["亿元", "亿元以上"])
@pytest.mark.parametrize("head", ["项目", "重大项目", "产业项目"])
def test_n_ge_yiyuan_projects_count_projects_of_a_size_class(n, size, head):
    """N个亿元项目 is N projects of the 1亿 class (two figures), while N个亿 alone is N亿 of money."""
    text = f"松溪县本月签约{n}个{size}{head}。"
    got = [(q.surface, q.value, q.unit) for q in extract_quantities(text, split_sentences(text))]
    assert got[0][1:] == (float({"六": 6}.get(n, n)), "count") and got[1] == (size, 1e8, "CNY")
    assert figures(f"云岭新材料项目总投资{n}个亿。")[0][1:] == (float({"六": 6}.get(n, n)) * 1e8, "CNY")


@pytest.mark.parametrize("num, value", [("两", 2.5), ("一", 1.5), ("3", 3.5)])
def test_a_year_and_a_half_is_a_duration(num, value):
    text = f"项目历时{num}年半建成投产。"
    got = [(q.value, q.unit) for q in extract_quantities(text, split_sentences(text))]
    assert got == [(value, "year")]


@pytest.mark.parametrize("text", ["2031年半导体产业产值增长。", "项目十年半年报显示良好。"])
def test_a_year_before_a_word_with_half_is_no_year_and_a_half(text):
    assert all(q.value != int(q.value) + 0.5 for q in extract_quantities(text, split_sentences(text)))


@pytest.mark.parametrize("unit", ["颗", "樘", "支"])
@pytest.mark.parametrize("mag", ["万", "亿"])
def test_products_counted_by_their_measure_word(unit, mag):
    text = f"项目建成后可年产15{mag}{unit}产品。"
    assert [(q.unit, q.kind) for q in extract_quantities(text, split_sentences(text))] == [("piece", "capacity")]


@pytest.mark.parametrize("text", ["一支施工队伍进场。", "支持项目建设3年。"])
def test_zhi_without_a_magnitude_counts_nothing(text):
    assert all(q.unit != "piece" for q in extract_quantities(text, split_sentences(text)))


@pytest.mark.parametrize("word", ["注册资本", "注册资金"])
@pytest.mark.parametrize("amount", ["1亿元", "5000万元"])
def test_registered_capital_is_no_investment(word, amount):
    """A company's registered capital is what it registers at its founding, not money put into a plant:
    metric other, while the project's total investment in the same text stays investment."""
    text = f"青岚科技拟投资设立全资子公司禾泓精工有限公司，{word}{amount}。项目计划总投资8亿元。"
    assert metrics(text) == {amount: "other", "8亿元": "investment"}


@pytest.mark.parametrize("n,unit", [("540", "日历天"), ("365", "个日历天")])
@pytest.mark.parametrize("lead", ["工期：", "计划工期", "合同工期为"])
def test_calendar_days_of_a_works_term_are_a_duration(n, unit, lead):
    text = f"星河建设有限公司中标，{lead}{n}{unit}。"
    (q,) = [q for q in extract_quantities(text, split_sentences(text)) if q.surface.startswith(n)]
    assert (q.surface, q.value, q.unit, q.metric) == (n + unit, float(n), "day", "duration")


@pytest.mark.parametrize("cur,unit", [("新台币", "TWD"), ("港币", "HKD"), ("美元", "USD"), ("人民币", "CNY"), ("", "CNY")])
@pytest.mark.parametrize("amount,value", [("86亿元", 8.6e9), ("3500万元", 3.5e7)])
def test_a_currency_named_before_a_figure_in_yuan_is_its_unit(cur, unit, amount, value):
    text = f"星河光电去年营收{cur}{amount}，同比增长12%。"
    (q,) = [q for q in extract_quantities(text, split_sentences(text)) if q.surface == amount]
    assert (q.value, q.unit) == (value, unit)


@pytest.mark.parametrize("text,surface", [("项目达产后可年产智能手机1.6亿部。", "1.6亿部"), ("年产整机300万部。", "300万部")])
def test_devices_counted_by_bu_after_a_magnitude(text, surface):
    (q,) = extract_quantities(text, split_sentences(text))
    assert (q.surface, q.unit) == (surface, "piece")


@pytest.mark.parametrize("text", ["其中一部分出口海外。", "市商务部门表示支持。", "两部门联合发文。"])
def test_bu_without_a_magnitude_is_no_unit(text):
    assert [q.unit for q in extract_quantities(text, split_sentences(text)) if q.unit == "piece"] == []

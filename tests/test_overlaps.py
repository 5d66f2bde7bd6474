"""Nothing counted twice (analysis/overlaps.py): one investment total per plant. Invented corpora: a company
and its project stating one figure, one plant under two names of one company stem, a year's planned
investment, and a plant known only by a planned figure."""
from __future__ import annotations

import pytest

from lishui_analysis.analysis.overlaps import investment_totals, totals_takeaway


@pytest.mark.parametrize("co,amount", [("云岭", 40), ("星河", 12.5)])
def test_one_plant_under_two_names_of_one_stem_is_charted_once(build_texts, co, amount):
    t, _ = build_texts({
        "a": f"{co}智能装备项目开工\n\n本报讯 浙江{co}智能科技有限公司年产5万台智能装备项目总投资{amount}亿元，今年3月开工。\n",
        "b": f"{co}智能新厂房封顶\n\n本报讯 {co}智能装备基地总投资{amount}亿元，今年9月顺利封顶。\n",
        "c": "翠峰新材料项目签约\n\n本报讯 翠峰新材料产业园项目总投资8亿元，今年5月签约落户。\n"})
    df = investment_totals(t)
    ours = df[df["name"].str.contains(co)]
    assert len(ours) == 2 and ours["counted"].sum() == 1
    folded = ours[~ours["counted"]].iloc[0]
    assert "possibly the same plant" in folded["note"] and f"company stem {co}" in folded["note"]
    counted = df[df["counted"]]
    assert counted["investment_yi_yuan"].sum() == pytest.approx(amount + 8)
    assert f"{amount + 8:.2f} 亿元" in totals_takeaway(df) and "left out" in totals_takeaway(df)


def test_different_figures_of_one_stem_are_both_counted(build_texts):
    t, _ = build_texts({
        "a": "云岭智能装备项目开工\n\n本报讯 浙江云岭智能科技有限公司年产5万台智能装备项目总投资40亿元，今年3月开工。\n",
        "b": "云岭智能新厂房封顶\n\n本报讯 云岭智能装备基地总投资15亿元，今年9月顺利封顶。\n"})
    df = investment_totals(t)
    assert df["counted"].all() and len(df) == 2


@pytest.mark.parametrize("year_words", ["今年计划投资", "2031年完成投资"])
def test_a_years_investment_is_no_total_and_a_plan_is_flagged(build_texts, year_words):
    t, _ = build_texts({
        "a": f"重点项目推进\n\n本报讯 翠峰新材料产业园项目{year_words}3亿元，进展顺利。"
             "星河精密轴承项目建成后预计总投资6亿元。\n"})
    df = investment_totals(t)
    assert "3亿元" not in set(df["surface"])  # a flow of one year is not the plant's total
    plan = df[df["surface"] == "6亿元"].iloc[0]
    assert bool(plan["forecast"]) and bool(plan["counted"])
    assert "1 more are known only by a planned figure (forecast), 6.00 亿元, not added" in totals_takeaway(df)
    assert totals_takeaway(df).startswith("0 projects or companies state an investment total, 0.00 亿元")


def test_no_investment_says_so(build_texts):
    t, _ = build_texts({"a": "园区动态\n\n本报讯 星河精密轴承项目今年3月开工。\n"})
    df = investment_totals(t)
    assert df.empty and totals_takeaway(df).startswith("No project")


def test_the_empty_table_keeps_its_types_for_the_notebook(build_texts):
    t, _ = build_texts({"a": "园区动态\n\n本报讯 星河精密轴承项目今年3月开工。\n"})
    df = investment_totals(t)
    counted = df[df["counted"]]  # an object column would select columns here, not rows
    assert list(counted.columns) == list(df.columns) and sorted(counted.loc[counted["forecast"], "name"]) == []


def test_every_table_of_figures_says_which_rows_a_forecast_went_into(build_texts):
    import pandas as pd

    from lishui_analysis.analysis.selections import provenance

    t, _ = build_texts({
        "a": "重点项目推进\n\n本报讯 星河精密轴承项目建成后预计年产值6亿元。翠峰新材料产业园项目去年实现产值3亿元。\n"})
    q = t["quantities"].set_index("surface")["quantity_id"]
    df = pd.DataFrame({"subject": ["星河", "翠峰"], "quantity_ids": [q["6亿元"], q["3亿元"]]})
    out = provenance(df, t, "quantity_ids")
    assert list(out["forecast"]) == [True, False] and list(out.columns[-3:]) == ["forecast", "sentence", "source"]
    # a table with its own forecast column keeps it
    kept = provenance(df.assign(forecast=[False, True]), t, "quantity_ids")
    assert list(kept["forecast"]) == [False, True]


@pytest.mark.parametrize("amount", [18.5, 6])
def test_a_firm_and_the_plant_it_builds_stating_one_figure_in_one_article_count_once(build_texts, amount):
    t, _ = build_texts({"a": (
        "星河集团落户湖州\n\n本报讯 “岭拓重工集团有限公司投资{a}亿元、翠峰医药科技有限公司投资9亿元……”今天，双方签约。"
        "按照协议，星河农机研究院将在湖州投资{a}亿元，打造高端农业装备制造基地。\n").format(a=amount)})
    df = investment_totals(t)
    ours = df[df["investment_yi_yuan"] == amount]
    assert len(ours) == 2 and ours["counted"].sum() == 1
    assert "in the same article" in ours[~ours["counted"]].iloc[0]["note"]
    assert df[df["investment_yi_yuan"] == 9]["counted"].all()  # another firm's other figure stays


@pytest.mark.parametrize("amount, currency", [("1.2亿美元", "USD"), ("2800万欧元", "EUR")])
def test_a_plant_with_a_foreign_currency_total_only_is_listed_not_added(build_texts, amount, currency):
    from lishui_analysis.analysis.overlaps import foreign_currency_totals
    t, _ = build_texts({
        "a": f"星河电子项目签约\n\n本报讯 星河电子科技项目总投资{amount}，用地80亩，今年5月签约落户。\n",
        "b": "翠峰新材料项目签约\n\n本报讯 翠峰新材料产业园项目总投资8亿元，今年5月签约落户。\n"})
    df, foreign = investment_totals(t), foreign_currency_totals(t)
    assert list(df["name"]) == ["翠峰新材料产业园项目"]
    assert list(foreign["unit"]) == [currency] and list(foreign["surface"]) == [amount]
    assert "星河电子科技项目" in foreign["name"].iloc[0]
    text = totals_takeaway(df, foreign)
    assert "8.00 亿元" in text and "1 more state their investment in a foreign currency only" in text and amount in text


def test_a_plant_with_both_currencies_keeps_its_yuan_total(build_texts):
    from lishui_analysis.analysis.overlaps import foreign_currency_totals
    t, _ = build_texts({"a": "星河电子项目签约\n\n本报讯 星河电子科技项目总投资1亿美元（约7亿元），今年5月签约落户。\n"})
    assert foreign_currency_totals(t).empty


@pytest.mark.parametrize("progress", ["已完成投资", "累计完成投资", "已投入", "目前已投资"])
def test_money_spent_so_far_is_no_total(build_texts, progress):
    t, _ = build_texts({
        "a": f"星河电子项目建设正酣\n\n本报讯 星河电子科技项目{progress}6.5亿元，主体结构已封顶。\n",
        "b": "翠峰新材料项目签约\n\n本报讯 翠峰新材料产业园项目总投资8亿元，今年5月签约落户。\n"})
    assert list(investment_totals(t)["name"]) == ["翠峰新材料产业园项目"]


@pytest.mark.parametrize("total", ["总投资12亿元", "计划总投资12亿元"])
def test_money_spent_so_far_gives_way_to_the_stated_total(build_texts, total):
    """已完成投资18.9亿元 is larger than nothing but no total: the stated 总投资 is the plant's, even when smaller
    figures of progress come first (largest-first would have taken the spent sum were it larger)."""
    t, _ = build_texts({"a": f"星河电子项目建设正酣\n\n本报讯 星河电子科技项目已完成投资18.9亿元，{total}的二期工程同步推进。\n"})
    df = investment_totals(t)
    assert list(df["investment_yi_yuan"]) == [12.0]


@pytest.mark.parametrize("amount", ["10亿元以上", "5亿元以上"])
@pytest.mark.parametrize("frame", ["星河水利枢纽工程是全市投资{a}项目，今年3月开工。", "星河水利枢纽工程列入{a}重大项目，今年3月开工。"])
def test_a_size_class_of_projects_is_no_plants_total(build_texts, amount, frame):
    t, _ = build_texts({
        "a": "重大项目集中开工\n\n本报讯 " + frame.format(a=amount) + "\n",
        "b": "翠峰新材料项目签约\n\n本报讯 翠峰新材料产业园项目总投资8亿元，今年5月签约落户。\n"})
    assert list(investment_totals(t)["name"]) == ["翠峰新材料产业园项目"]

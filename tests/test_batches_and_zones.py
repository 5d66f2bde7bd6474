"""Batches of projects and zones keep their indicators (issue 18, item 5): projects counted, investment, land
and the investment intensity (万元/亩) against the 标准地 floor, from the figures the text gives the batch or
the zone itself — never a plant's. Tables written here by hand; texts invented for these tests."""
import math

import pandas as pd
import pytest

from lishui_analysis.analysis import aggregates

ART = "inv-2023-09:01"
Q_COLUMNS = ["quantity_id", "article_id", "sentence_id", "start", "end", "surface", "value", "unit", "metric",
             "subject", "subject_type", "entity_id", "org_id", "period", "forecast"]


def _tables(sentences: list[str], quantities: list[dict]) -> dict:
    """Tables of one invented article: its sentences and the quantities given (offsets found in the text)."""
    sent_rows, start = [], 0
    for i, text in enumerate(sentences, 1):
        sent_rows.append({"article_id": ART, "sentence_id": i, "start": start, "end": start + len(text), "text": text})
        start += len(text)
    rows = []
    for k, q in enumerate(quantities, 1):
        s = sent_rows[q["sentence_id"] - 1]
        at = s["start"] + s["text"].index(q["surface"])
        rows.append({"quantity_id": f"{ART}:q{k:03d}", "article_id": ART, "start": at, "end": at + len(q["surface"]),
                     "entity_id": "", "org_id": "", "period": "", "forecast": False, **q})
    articles = pd.DataFrame([{"article_id": ART, "doc_id": "inv-2023-09", "headline": "开发区招商引资成效明显",
                              "publication": "云和新闻", "source": "", "pub_date": "2023-09-20",
                              "url": "https://example.invalid/a.html"}])
    return {"articles": articles, "sentences": pd.DataFrame(sent_rows), "quantities": pd.DataFrame(rows, columns=Q_COLUMNS),
            "events": pd.DataFrame(columns=["event_id", "article_id", "sentence_id"])}


BATCH = "截至目前，园区一期地块已入园招商项目14个，总投资26.96亿元，总用地面积397亩；"


def _batch(**over) -> list[dict]:
    rows = [{"sentence_id": 1, "surface": "14个", "value": 14, "unit": "count", "metric": "count"},
            {"sentence_id": 1, "surface": "26.96亿元", "value": 2.696e9, "unit": "CNY", "metric": "investment"},
            {"sentence_id": 1, "surface": "397亩", "value": 397, "unit": "mu", "metric": "land"}]
    return [{"subject": "入园招商项目14个", "subject_type": "batch", **r, **over} for r in rows]


def test_batch_intensity_against_the_standard_land_floor():
    t = _tables([BATCH], _batch())
    table = aggregates.aggregate_indicators(t, 270.0)
    (row,) = table.to_dict("records")
    assert row["label"] == "入园招商项目14个" and row["projects"] == 14
    assert round(row["investment_intensity"], 1) == 679.1 and row["meets_threshold"] is True
    assert row["ratio_to_threshold"] == pytest.approx(679.09 / 270, abs=1e-3)
    assert row["basis"] == "26.96亿元 ÷ 397亩" and row["sentence"] == BATCH and "云和新闻" in row["source"]
    summary = aggregates.aggregate_summary(table)
    assert summary == {"入园招商项目14个": {"subject_type": "batch", "projects": 14, "investment_yi_yuan": 26.96,
                                         "land_mu": 397.0, "investment_intensity": 679.1, "forecast": False}}
    assert "679.1 万元/亩" in aggregates.aggregate_intensity_takeaway(table, 270.0)


def test_a_plants_figure_never_becomes_its_zones():
    sentence = "在云和经济开发区，浙江某某新材料有限公司年产5万吨项目总投资40亿元，用地300亩。"
    plant = [{"sentence_id": 1, "surface": s, "value": v, "unit": u, "metric": m, "subject": "浙江某某新材料有限公司年产5万吨项目",
              "subject_type": "project"} for s, v, u, m in (("40亿元", 4e9, "CNY", "investment"), ("300亩", 300, "mu", "land"))]
    zone = [{"sentence_id": 2, "surface": "1.5万亩", "value": 15000, "unit": "mu", "metric": "land",
             "subject": "云和经济开发区", "subject_type": "zone"}]
    t = _tables([sentence, "云和经济开发区规划面积1.5万亩。"], plant + zone)
    table = aggregates.aggregate_indicators(t, 270.0)
    assert list(table["label"]) == ["云和经济开发区"]  # the plant's 40亿 on 300亩 is nobody's zone figure
    row = table.iloc[0]
    assert math.isnan(row["investment_yi_yuan"]) and row["land_mu"] == 15000
    assert math.isnan(row["investment_intensity"]) and row["basis"] == "no investment in this sentence"


def test_intensity_only_from_one_sentence():
    # investment in one sentence, land in the next: two rows, no intensity from figures the text never pairs
    rows = [{"sentence_id": 1, "surface": "18.5亿元", "value": 1.85e9, "unit": "CNY", "metric": "investment"},
            {"sentence_id": 2, "surface": "260亩", "value": 260, "unit": "mu", "metric": "land"}]
    t = _tables(["入园项目总投资18.5亿元。", "项目用地260亩。"],
                [{"subject": "入园项目9个", "subject_type": "batch", **r} for r in rows])
    table = aggregates.aggregate_indicators(t, 270.0)
    assert len(table) == 2 and table["investment_intensity"].isna().all()
    assert set(table["basis"]) == {"no land area in this sentence", "no investment in this sentence"}


def test_a_one_year_flow_gives_no_intensity_unless_the_text_calls_it_the_total():
    flow = "今年完成投资18.5亿元，新增用地260亩。"
    rows = [{"sentence_id": 1, "surface": "18.5亿元", "value": 1.85e9, "unit": "CNY", "metric": "investment", "period": "2023"},
            {"sentence_id": 1, "surface": "260亩", "value": 260, "unit": "mu", "metric": "land"}]
    t = _tables([flow], [{"subject": "重点项目", "subject_type": "batch", **r} for r in rows])
    row = aggregates.aggregate_indicators(t, 270.0).iloc[0]
    assert math.isnan(row["investment_intensity"]) and row["basis"] == "18.5亿元 is a figure of 2023, not a total"
    total = "今年已入园招商项目9个，总投资18.5亿元，总用地面积260亩。"
    t = _tables([total], [{"subject": "入园招商项目9个", "subject_type": "batch", **r} for r in rows])
    row = aggregates.aggregate_indicators(t, 270.0).iloc[0]
    assert round(row["investment_intensity"], 1) == 711.5 and row["basis"] == "18.5亿元 ÷ 260亩"


def test_a_forecast_is_used_only_without_a_stated_figure_and_is_flagged():
    sentence = "园区一期已入园项目14个，总投资26.96亿元、计划总投资30亿元，总用地面积397亩。"
    rows = _batch() + [{"subject": "入园招商项目14个", "subject_type": "batch", "sentence_id": 1, "surface": "30亿元",
                        "value": 3e9, "unit": "CNY", "metric": "investment", "forecast": True}]
    t = _tables([sentence], [{**r, "surface": r["surface"]} for r in rows])
    row = aggregates.aggregate_indicators(t, 270.0).iloc[0]
    assert row["investment_yi_yuan"] == 26.96 and not row["forecast"]  # the stated figure, not the plan
    only_plan = [r for r in rows if r["surface"] != "26.96亿元"]
    row = aggregates.aggregate_indicators(_tables([sentence], only_plan), 270.0).iloc[0]
    assert row["investment_yi_yuan"] == 30 and bool(row["forecast"]) is True


def test_regions_and_untyped_rows_feed_no_intensity():
    t = _tables([BATCH], _batch(subject_type="region"))
    assert aggregates.aggregate_indicators(t, 270.0).empty
    t = _tables([BATCH], _batch(subject_type=""))
    assert aggregates.aggregate_indicators(t, 270.0).empty
    assert "No batch" in aggregates.aggregate_intensity_takeaway(aggregates.aggregate_indicators(t, 270.0), 270.0)


def test_the_bundled_pages_batch_keeps_its_intensity(bundled_tables):
    """The bundled page's airport-park plot: 14 projects, 26.96亿元 on 397亩 = 679.1 万元/亩 (whatever name the
    build gives the batch)."""
    t, _ = bundled_tables
    table = aggregates.aggregate_indicators(t, 270.0)
    row = table[table["basis"] == "26.96亿元 ÷ 397亩"].iloc[0]
    assert round(row["investment_intensity"], 1) == 679.1 and row["projects"] == 14 and row["subject_type"] == "batch"
    assert "26.96亿元" in row["sentence"]

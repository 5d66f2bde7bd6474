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


# Invented batches: (when, plot, verb, projects, 亿元, 亩); the intensity is 亿元 × 10⁴ ÷ 亩 万元/亩.
BATCHES = [("截至目前", "园区二期地块", "入园", 14, "26.18", 412), ("截至9月底", "东片区首期", "签约", 9, "18.72", 312),
           ("到目前为止", "科创园一期", "开工", 5, "3.6", 180)]


def batch_sentence(when="截至目前", plot="园区二期地块", verb="入园", n=14, x="26.18", mu=412) -> str:
    return f"{when}，{plot}累计{verb}项目{n}个，投资总额{x}亿元，用地共{mu}亩；"


BATCH = batch_sentence()


def _batch(verb="入园", n=14, x="26.18", mu=412, **over) -> list[dict]:
    rows = [{"sentence_id": 1, "surface": f"{n}个", "value": n, "unit": "count", "metric": "count"},
            {"sentence_id": 1, "surface": f"{x}亿元", "value": float(x) * 1e8, "unit": "CNY", "metric": "investment"},
            {"sentence_id": 1, "surface": f"{mu}亩", "value": mu, "unit": "mu", "metric": "land"}]
    return [{"subject": f"{verb}项目{n}个", "subject_type": "batch", **r, **over} for r in rows]


@pytest.mark.parametrize("when, plot, verb, n, x, mu", BATCHES)
def test_batch_intensity_against_the_standard_land_floor(when, plot, verb, n, x, mu):
    sentence = batch_sentence(when, plot, verb, n, x, mu)
    t = _tables([sentence], _batch(verb, n, x, mu))
    table = aggregates.aggregate_indicators(t, 270.0)
    (row,) = table.to_dict("records")
    label, intensity = f"{verb}项目{n}个", float(x) * 1e4 / mu
    assert row["label"] == label and row["projects"] == n
    assert row["investment_intensity"] == pytest.approx(intensity, abs=0.05)
    assert row["meets_threshold"] is (intensity >= 270)
    assert row["ratio_to_threshold"] == pytest.approx(intensity / 270, abs=1e-3)
    assert row["basis"] == f"{x}亿元 ÷ {mu}亩" and row["sentence"] == sentence and "云和新闻" in row["source"]
    summary = aggregates.aggregate_summary(table)
    assert summary == {label: {"subject_type": "batch", "projects": n, "investment_yi_yuan": float(x),
                               "land_mu": float(mu), "investment_intensity": round(intensity, 1), "forecast": False}}
    assert f"{intensity:.1f} 万元/亩" in aggregates.aggregate_intensity_takeaway(table, 270.0)


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
    total = "今年累计入园项目9个，投资总额18.5亿元，用地共260亩。"
    t = _tables([total], [{"subject": "入园项目9个", "subject_type": "batch", **r} for r in rows])
    row = aggregates.aggregate_indicators(t, 270.0).iloc[0]
    assert round(row["investment_intensity"], 1) == 711.5 and row["basis"] == "18.5亿元 ÷ 260亩"


def test_a_forecast_is_used_only_without_a_stated_figure_and_is_flagged():
    sentence = "园区二期累计入园项目14个，投资总额26.18亿元、计划总投资30亿元，用地共412亩。"
    rows = _batch() + [{"subject": "入园项目14个", "subject_type": "batch", "sentence_id": 1, "surface": "30亿元",
                        "value": 3e9, "unit": "CNY", "metric": "investment", "forecast": True}]
    t = _tables([sentence], [{**r, "surface": r["surface"]} for r in rows])
    row = aggregates.aggregate_indicators(t, 270.0).iloc[0]
    assert row["investment_yi_yuan"] == 26.18 and not row["forecast"]  # the stated figure, not the plan
    only_plan = [r for r in rows if r["surface"] != "26.18亿元"]
    row = aggregates.aggregate_indicators(_tables([sentence], only_plan), 270.0).iloc[0]
    assert row["investment_yi_yuan"] == 30 and bool(row["forecast"]) is True


def test_regions_and_untyped_rows_feed_no_intensity():
    t = _tables([BATCH], _batch(subject_type="region"))
    assert aggregates.aggregate_indicators(t, 270.0).empty
    t = _tables([BATCH], _batch(subject_type=""))
    assert aggregates.aggregate_indicators(t, 270.0).empty
    assert "No batch" in aggregates.aggregate_intensity_takeaway(aggregates.aggregate_indicators(t, 270.0), 270.0)


def test_the_bundled_pages_batches_keep_their_intensity(bundled_tables):
    """The bundled page renders at least one batch with an intensity, and every such row is the
    investment and the land its own sentence states, divided (properties, not the page's answers)."""
    t, _ = bundled_tables
    table = aggregates.aggregate_indicators(t, 270.0)
    rated = table[table["investment_intensity"].notna() & (table["subject_type"] == "batch")]
    assert not rated.empty
    for row in rated.to_dict("records"):
        money, land = row["basis"].split(" ÷ ")
        assert money.endswith("亿元") and land.endswith("亩") and money in row["sentence"] and land in row["sentence"]
        assert row["investment_yi_yuan"] == pytest.approx(float(money[:-2]))
        assert row["land_mu"] == pytest.approx(float(land[:-1]))
        assert row["investment_intensity"] == pytest.approx(row["investment_yi_yuan"] * 1e4 / row["land_mu"], abs=0.05)
        assert row["projects"] >= 1

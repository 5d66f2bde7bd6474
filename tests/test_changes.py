"""What changed since the previous run, keyed by entity and metric (issue 18, item 6): adding one text to a
corpus lists only what that text brings — never shifts of list position. Texts invented for these tests."""
import json
import subprocess
import sys

import pytest
from bs4 import BeautifulSoup

from conftest import ROOT
from lishui_analysis.report import changes as ch

EMPTY = {"articles": {}, "projects": {}, "milestones": {}}


def _snap(summaries: dict) -> dict:
    figures = {}
    for name, s in summaries.items():
        figures.update(ch.summary_figures(name, s))
    return {**EMPTY, "format": ch.SNAPSHOT_FORMAT, "figures": figures}


def _durations(*subjects):
    return [{"subject": s, "from": "construction_started", "to": "topped_out", "planned": False,
             "days_low": 184.0 + i, "days_high": 213.0 + i, "days_mid": 198.5 + i} for i, s in enumerate(subjects)]


def test_an_item_added_to_a_summary_list_is_one_new_figure_not_a_shift_of_positions():
    before = {"02_construction_speed": {"durations": _durations("乙公司", "丙公司", "丁公司"),
                                        "timeline_rows": ["乙公司", "丙公司", "丁公司"], "n_planned": 3}}
    # 甲公司 sorts first: every other item moves one place down the lists
    after = {"02_construction_speed": {"durations": _durations("甲公司") + _durations("乙公司", "丙公司", "丁公司"),
                                       "timeline_rows": ["甲公司", "乙公司", "丙公司", "丁公司"], "n_planned": 4}}
    d = ch.diff_snapshots(_snap(before), _snap(after))
    assert d["figures"] == [
        {"entity": "甲公司", "report": "02_construction_speed", "metric": "durations construction_started topped_out",
         "change": "new", "before": None, "after": {"days_low": 184.0, "days_high": 213.0, "days_mid": 198.5}},
        {"entity": "甲公司", "report": "02_construction_speed", "metric": "timeline_rows", "change": "new",
         "before": None, "after": True}]
    assert d["totals"] == [{"report": "02_construction_speed", "metric": "n_planned", "change": "changed",
                            "before": 3, "after": 4}]
    assert d["counts"]["entities_with_changed_figures"] == 1


def test_figures_are_keyed_by_entity_metric_and_say_new_changed_removed():
    before = {"01_investment": {"investment_yi_yuan": {"甲公司": 12.0, "乙公司": 3.0},
                                "growth_pct": {"甲公司|revenue|2022-2023": 28.6}, "threshold": 270.0}}
    after = {"01_investment": {"investment_yi_yuan": {"甲公司": 15.0, "丙公司": 5.6},
                               "growth_pct": {"甲公司|revenue|2022-2023": 28.6}, "threshold": 270.0}}
    d = ch.diff_snapshots(_snap(before), _snap(after))
    assert [(f["entity"], f["metric"], f["change"], f["before"], f["after"]) for f in d["figures"]] == [
        ("丙公司", "investment_yi_yuan", "new", None, 5.6),
        ("乙公司", "investment_yi_yuan", "removed", 3.0, None),
        ("甲公司", "investment_yi_yuan", "changed", 12.0, 15.0)]
    assert d["totals"] == [] and d["counts"]["figures_changed"] == 1
    fig = ch.summary_figures("01_investment", before["01_investment"])
    assert fig["01_investment/growth_pct/甲公司|revenue|2022-2023"]["entity"] == "甲公司"
    assert fig["01_investment/growth_pct/甲公司|revenue|2022-2023"]["metric"] == "growth_pct revenue 2022-2023"


def test_a_breakdown_by_identifier_is_a_corpus_total_and_nested_fields_are_metrics():
    s = {"rows": {"sentences": 10, "quantities": 4}, "orgs_by_industry": {"semiconductor": 2},
         "batches_and_zones": {"入园招商项目14个": {"projects": 14, "investment_intensity": 679.1}}}
    fig = ch.summary_figures("x", s)
    assert fig["x/rows/sentences"] == {"report": "x", "metric": "rows sentences", "entity": "", "value": 10}
    assert fig["x/orgs_by_industry/semiconductor"]["entity"] == ""
    assert fig["x/batches_and_zones/入园招商项目14个/investment_intensity"] == {
        "report": "x", "metric": "batches_and_zones investment_intensity", "entity": "入园招商项目14个", "value": 679.1}


def test_a_snapshot_of_an_older_layout_is_not_compared_figure_by_figure():
    old = {**EMPTY, "figures": {"00_corpus_overview/n_articles": 6}}  # the flat layout of earlier versions
    new = _snap({"00_corpus_overview": {"n_articles": 7}})
    d = ch.diff_snapshots(old, new)
    assert d["figures_compared"] is False and d["figures"] == [] and d["totals"] == []
    assert "older layout" in ch.changes_section({**d, "previous_run": "2025-01-01T00:00:00+00:00"})


def test_the_index_section_lists_figures_by_entity_and_totals_apart():
    before = {"01_investment": {"investment_yi_yuan": {"甲公司": 12.0}, "headlines": ["旧闻"], "n": 1}}
    after = {"01_investment": {"investment_yi_yuan": {"甲公司": 12.0, "<b>丙</b>公司": 5.6}, "headlines": ["旧闻", "新闻"],
                               "n": 2}}
    d = ch.diff_snapshots(_snap(before), _snap(after))
    page = ch.changes_section({**d, "previous_run": "2025-01-01T00:00:00+00:00"})
    soup = BeautifulSoup(page, "html.parser")
    titles = [h.get_text() for h in soup.find_all("h3")]
    assert "Figures by entity: new, changed, removed (2)" in titles and "Corpus totals (1)" in titles
    figures = soup.find_all("table")[-2]
    cells = [[td.get_text() for td in tr.find_all("td")] for tr in figures.find_all("tr")[1:]]
    assert ["<b>丙</b>公司", "investment_yi_yuan", "new", "—", "5.6", "01_investment"] in cells
    assert ["新闻", "headlines", "new", "—", "listed", "01_investment"] in cells
    assert "<b>丙" not in page  # escaped


# --- end to end: an invented corpus, then one more invented text ---------------------------------------------

TEXTS = {
    "yunhe-2023-03.txt": ("2023-03-15", "云和新闻", "云和木玩产业园迎来新项目\n\n本报讯（记者 李明）3月10日，浙江云梦木玩科技有限公司"
                          "年产500万件木制玩具项目在云和经济开发区正式开工。该项目总投资12亿元，用地120亩，计划2024年6月竣工投产。\n\n"
                          "浙江云梦木玩科技有限公司负责人表示，项目建成后预计年产值8亿元。\n"),
    "yunhe-2023-09.txt": ("2023-09-20", "云和新闻", "开发区招商引资成效明显\n\n本报讯（记者 王芳）截至目前，云和经济开发区今年新"
                          "入园招商项目9个，合计总投资18.5亿元，用地面积260亩。\n\n其中，浙江青山精密机械有限公司年产2万台数控机床项目于"
                          "2023年1月开工建设，同年8月结顶，总投资3亿元。\n"),
}
ADDED = ("songyang-2024-05.txt", "2024-05-08", "松阳新闻",
         "茶饮料项目落户松阳\n\n本报讯（记者 陈刚）5月6日，记者从松阳县工业园区获悉，浙江茗香饮品有限公司年产3万吨茶饮料项目"
         "进展顺利。该项目总投资5.6亿元，用地80亩，于2023年11月开工，2024年4月结顶。\n\n浙江茗香饮品有限公司负责人表示，"
         "项目计划于2025年3月投产。\n")


def _write_raw(raw, texts: dict) -> None:
    raw.mkdir(exist_ok=True)
    lines = ["file,pub_date,publication,url"]
    for name, (date, pub, body) in texts.items():
        (raw / name).write_text(body, encoding="utf-8")
        lines.append(f"{name},{date},{pub},https://example.invalid/{name.replace('.txt', '.html')}")
    (raw / "sources.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _cli(*args):
    r = subprocess.run([sys.executable, "-m", "lishui_analysis.cli", *map(str, args)], cwd=ROOT, capture_output=True,
                       text=True, timeout=1200)
    assert r.returncode == 0, r.stdout + r.stderr
    return r


@pytest.fixture(scope="module")
def two_runs(tmp_path_factory):
    """Reports of the invented corpus, then of the corpus with one more text, into one report folder."""
    tmp = tmp_path_factory.mktemp("changes")
    raw, out = tmp / "raw", tmp / "reports"
    _write_raw(raw, TEXTS)
    _cli("build", "--raw", raw, "--out", tmp / "p1")
    _cli("report", "--out", out, "-p", "processed_dir", tmp / "p1")
    first = {p.name: p.read_bytes() for p in out.glob("*.json")}
    name, date, pub, body = ADDED
    _write_raw(raw, {**TEXTS, name: (date, pub, body)})
    _cli("build", "--raw", raw, "--out", tmp / "p2")
    _cli("report", "--out", out, "-p", "processed_dir", tmp / "p2")
    return first, out


@pytest.mark.slow
def test_adding_one_text_changes_only_what_it_brings(two_runs):
    first, out = two_runs
    assert json.loads(first["changes.json"])["first_run"]
    c = json.loads((out / "changes.json").read_text(encoding="utf-8"))
    body = ADDED[3]
    assert not c["first_run"] and [a["headline"] for a in c["new_articles"]] == ["茶饮料项目落户松阳"]
    assert c["removed_articles"] == c["removed_projects"] == c["removed_milestones"] == c["changed_milestones"] == []
    # every figure that changed belongs to something the new text names, and is new: nothing else moved
    assert c["figures"], "the new text's figures are listed"
    assert all(f["change"] == "new" and f["entity"] in body for f in c["figures"]), c["figures"]
    new = {(f["entity"], f["metric"]): f["after"] for f in c["figures"]}
    plant = "浙江茗香饮品有限公司年产3万吨茶饮料项目"
    assert new[(plant, "investment_yi_yuan")] == 5.6
    assert new[(plant, "durations derived construction_started topped_out")]["days_low"] >= 120
    assert new[(plant, "coverage_sources")] == 1
    assert {p["name"] for p in c["new_projects"]} <= {plant, "浙江茗香饮品有限公司"}
    # corpus totals apart: counts, not entities
    totals = {(t["report"], t["metric"]): (t["before"], t["after"]) for t in c["totals"]}
    assert totals[("00_corpus_overview", "n_articles")] == (2, 3)
    assert all(isinstance(t["after"], int) for t in c["totals"]), c["totals"]
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Figures by entity: new, changed, removed" in index and plant in index


@pytest.mark.slow
def test_the_batch_intensity_is_in_the_summary_and_the_report(two_runs):
    _, out = two_runs
    s = json.loads((out / "01_investment.json").read_text(encoding="utf-8"))
    (batch,) = [k for k in s["batches_and_zones"] if k.endswith("新入园招商项目9个")]  # (with its park's name, if any)
    assert s["batches_and_zones"][batch]["investment_intensity"] == 711.5
    html = (out / "01_investment.html").read_text(encoding="utf-8")
    assert "711.5 万元/亩" in html and "18.5亿元 ÷ 260亩" in html


@pytest.mark.slow
def test_every_chart_has_alt_text_and_no_report_ends_with_a_raw_dict(two_runs):
    _, out = two_runs
    for page in sorted(out.glob("[0-9][0-9]_*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        images = soup.find_all("img")
        assert images, page.name
        for img in images:
            alt = (img.get("alt") or "").strip()
            assert alt and alt != "No description has been provided for this image", (page.name, alt)
            assert ":" in alt and len(alt) > 30, (page.name, alt)  # title: what is plotted
        said = [o.get_text(" ", strip=True) for o in soup.select(".jp-OutputArea-output")]
        last = [t for t in said if t][-1]
        assert not last.startswith("{") and "next to this page" in last, (page.name, last[:200])

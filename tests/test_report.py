"""Report library: per-project selections, provenance, sources and conflicts, changes between runs,
offline HTML with tables that sort and filter (in headless Chromium when it is installed)."""
import json

import nbformat
import pandas as pd
import pytest

from html_checks import chromium, external_urls, run_in_browser, type_into, visible_rows
from lishui_analysis.analysis import selections as analysis
from lishui_analysis.report import runner as report
from lishui_analysis.tables.corpus import load_tables
from typed_tables import INSTITUTE, OTHER_ARTICLE, PLOT, WAFER, write_typed_tables, write_untyped_tables


@pytest.fixture(scope="module")
def typed(bundled_tables, tmp_path_factory):
    _, out = bundled_tables
    path = write_typed_tables(out, tmp_path_factory.mktemp("typed"))
    return load_tables(path), path


@pytest.fixture(scope="module")
def plain(bundled_tables, tmp_path_factory):
    """The bundled page as built before subject typing."""
    _, out = bundled_tables
    path = write_untyped_tables(out, tmp_path_factory.mktemp("untyped"))
    return load_tables(path), path


def test_untyped_tables_give_empty_per_project_views(plain):
    t, _ = plain
    assert not analysis.subjects_typed(t)
    assert analysis.project_table(t).empty and analysis.investment_by_project(t).empty
    assert analysis.project_rows(t["events"]).empty and analysis.coverage_matrix(t).empty
    assert analysis.conflicts_table(t).empty


def test_per_project_views_hold_only_projects_and_companies(typed):
    t, _ = typed
    assert analysis.subjects_typed(t)
    names = set(analysis.project_table(t)["subject"])
    assert WAFER in names and "浙江强达实业有限公司" in names
    assert not names & {PLOT, "空港园区", "丽水经开区", "新华社", "清退不符合化工园区"}
    assert set(analysis.project_rows(t["events"])["subject_type"]) <= {"project", "company"}
    agg = analysis.aggregate_figures(t)
    assert set(agg["subject_type"]) <= {"batch", "zone", "region"} and PLOT in set(agg["subject"])
    assert agg.loc[agg["surface"] == "26.96亿元", "sentence"].str.contains("26.96亿元").all()


def test_rows_of_one_entity_share_its_name(typed):
    t, _ = typed
    tl = analysis.timeline(analysis.project_rows(t["events"]), t)
    wafer = tl[tl["entity_id"] == tl.loc[tl["subject"] == "中欣晶圆", "entity_id"].iloc[0]]
    assert set(wafer["name"]) == {WAFER} and set(wafer["subject"]) == {WAFER, "中欣晶圆"}


def test_every_figure_carries_its_sentence_and_source(typed):
    t, _ = typed
    inv = analysis.investment_by_project(t)
    row = inv.set_index("name").loc[INSTITUTE]
    assert "625万元" in row["sentence"] and "丽水日报" in row["source"] and "《" in row["source"]
    growth = analysis.provenance(analysis.growth_table(analysis.project_rows(t["quantities"])), t, "quantity_ids")
    assert growth["sentence"].str.contains("2.06亿元").all()
    ms = analysis.milestones(analysis.project_rows(t["events"]), t)
    other = ms[ms["event_id"] == f"{OTHER_ARTICLE}:e001"].iloc[0]
    assert other["sentence"] == "该项目于2024年1月结顶。" and "浙江日报" in other["source"] and "example.org" in other["source"]


def test_conflicts_show_both_values_with_sentences_and_sources(typed):
    t, _ = typed
    c = analysis.conflicts_table(t).set_index("attribute")
    cap = c.loc["capacity"]
    assert cap["entity"] == WAFER and (cap["value_a"], cap["value_b"]) == ("6000000", "3600000")
    assert "600万片" in cap["sentence_a"] and "360万片" in cap["sentence_b"]
    assert "丽水日报" in cap["source_a"] and "浙江日报" in cap["source_b"]
    assert c.loc["topped_out", "sentence_b"] == "该项目于2024年1月结顶。"


def test_coverage_matrix_counts_articles_per_project_and_outlet(typed):
    t, _ = typed
    m = analysis.coverage_matrix(t).set_index("project")
    assert m.loc[WAFER, "sources"] == 2 and m.loc[WAFER, "articles"] == 2 and m.loc[WAFER, "浙江日报"] == 1
    assert m.loc["浙江强达实业有限公司", "sources"] == 1 and m.loc["浙江强达实业有限公司", "浙江日报"] == 0
    assert PLOT not in m.index
    assert list(analysis.outlets_table(t["articles"])["articles"]) == [6, 1]


def test_strongest_ties_prefer_shared_articles_then_exclusive_pairs():
    pairs = pd.DataFrame([{"a": "经开区", "b": "甲", "articles": 1, "association": 0.1},
                          {"a": "乙", "b": "丙", "articles": 1, "association": 1.0},
                          {"a": "丁", "b": "戊", "articles": 3, "association": 0.5}])
    assert list(analysis.strongest_ties(pairs, 2)["a"]) == ["丁", "乙"]


# --- changes between runs ------------------------------------------------------------------------

def test_diff_of_snapshots_lists_what_is_new_and_changed(typed, plain):
    t_new, _ = typed
    t_old, _ = plain
    old = report.snapshot(t_old, {"01_investment": {"investment_intensity": {"甲": 100.0}, "n": 3}})
    new = report.snapshot(t_new, {"01_investment": {"investment_intensity": {"甲": 120.0}, "n": 3}})
    first = report.diff_snapshots(None, new)
    assert first["first_run"] and first["counts"]["new_articles"] == 7 and first["figures"] == first["totals"] == []
    d = report.diff_snapshots(old, new)
    assert not d["first_run"]
    assert [a["article_id"] for a in d["new_articles"]] == [OTHER_ARTICLE]
    # the old tables were untyped: every project is new; the new ones are never batches or zones
    assert WAFER in {p["name"] for p in d["new_projects"]}
    assert not {p["name"] for p in d["new_projects"]} & {PLOT, "丽水经开区"}
    assert d["figures"] == [{"entity": "甲", "report": "01_investment", "metric": "investment_intensity",
                             "change": "changed", "before": 100.0, "after": 120.0}] and d["totals"] == []
    # the second outlet dates the wafer plant's topping-out differently: a changed milestone next time
    again = json.loads(json.dumps(new))
    key = next(k for k, v in again["milestones"].items() if v["name"] == WAFER and v["event_type"] == "topped_out")
    assert new["milestones"][key]["dates"] == ["2023-12-31", "2024-01"]
    again["milestones"][key]["dates"] = ["2023-12-31"]
    d2 = report.diff_snapshots(again, new)
    assert d2["changed_milestones"][0]["dates_before"] == ["2023-12-31"] and d2["counts"]["new_articles"] == 0


def test_changes_file_and_snapshot_are_written_and_compared_across_runs(typed, plain, tmp_path):
    _, typed_dir = typed
    _, plain_dir = plain
    (tmp_path / "01_investment.json").write_text('{"threshold": 270.0}', encoding="utf-8")
    c1 = report.write_changes(tmp_path, plain_dir, {})
    assert c1["first_run"] and c1["previous_run"] is None
    snap = json.loads((tmp_path / ".snapshot.json").read_text(encoding="utf-8"))
    assert len(snap["articles"]) == 6 and snap["projects"] == {}
    (tmp_path / "01_investment.json").write_text('{"threshold": 300.0}', encoding="utf-8")
    c2 = report.write_changes(tmp_path, typed_dir, {})
    on_disk = json.loads((tmp_path / "changes.json").read_text(encoding="utf-8"))
    assert on_disk == json.loads(json.dumps(c2, default=str))
    assert c2["previous_run"] == snap["generated_at"]
    assert c2["counts"]["new_articles"] == 1 and c2["counts"]["new_projects"] >= 5
    assert c2["totals"] == [{"report": "01_investment", "metric": "threshold", "change": "changed",
                             "before": 270.0, "after": 300.0}] and c2["figures"] == []
    assert not list(tmp_path.glob(".*.tmp"))  # atomic writes leave no temporary file


def test_index_section_escapes_input_text(tmp_path):
    changes = report.diff_snapshots({"articles": {}, "projects": {}, "milestones": {}, "figures": {}},
                                    {"articles": {"x:01": "<script>alert(1)</script>新闻"}, "projects": {},
                                     "milestones": {}, "figures": {}})
    changes["previous_run"] = "2025-01-01T00:00:00+00:00"
    report.write_index([], tmp_path, tmp_path, changes)
    html = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;新闻" in html and "<script>alert(1)" not in html
    assert "1 new articles" in html and external_urls(html) == []


# --- offline HTML and interactive tables ---------------------------------------------------------

def _rendered(tmp_path, df: pd.DataFrame):
    nb = nbformat.v4.new_notebook()
    cell = nbformat.v4.new_code_cell("df")
    cell.outputs = [nbformat.v4.new_output("execute_result", {"text/html": df.to_html(), "text/plain": "df"},
                                           execution_count=1)]
    nb.cells = [nbformat.v4.new_markdown_cell("# 测试\n\n$x^2$ and a mermaid-free page"), cell]
    path = tmp_path / "nb.ipynb"
    nbformat.write(nb, path)
    page = tmp_path / "nb.html"
    page.write_bytes(report.render_html(path, with_code=False))
    return page


# Invented rows: a long company name, a short one, a subject with markup that must stay text.
SAMPLE = pd.DataFrame({"subject": ["浙江青溪岚峰光电半导体材料有限公司", "浙江澄川实业有限公司", "<b>鹿鸣</b>机车"],
                       "investment_yi_yuan": [31.84, 3.5, 0.8], "sentence": ["总投资31.84亿元。", "营收1.45亿元。", "x"]})


def test_rendered_html_loads_nothing_from_another_host(tmp_path):
    html = _rendered(tmp_path, SAMPLE).read_text(encoding="utf-8")
    assert external_urls(html) == []
    assert "cdnjs" not in html and "require.min.js" not in html and "mathjax" not in html.lower()
    assert "ls-search" in html and "LishuiCJK" in html  # table script and font inlined
    assert "&lt;b&gt;鹿鸣&lt;/b&gt;机车" in html


def test_the_offline_check_catches_a_cdn_script():
    assert external_urls('<script src="https://cdn.example.com/x.js"></script>')
    assert external_urls("<link href='//fonts.example.com/a.css' rel=stylesheet>")
    assert external_urls("<style>@font-face{src:url(https://x.example/f.woff)}</style>")
    assert not external_urls("<td>http://zjrb.zjol.com.cn/html/2020-11/18/content.htm</td>")  # text, not a load


needs_chromium = pytest.mark.skipif(chromium() is None, reason="headless Chromium not installed "
                                    "(apt-get install -y chromium)")


@needs_chromium
def test_a_table_filters_searches_and_sorts_in_a_browser(tmp_path):
    page = _rendered(tmp_path, SAMPLE)
    # one browser run: each step types or clicks, then records the visible rows and the row count
    steps = [type_into("document.querySelector('.ls-filter[data-col=\"1\"]')", "澄川"),
             type_into("document.querySelector('.ls-filter[data-col=\"1\"]')", "")
             + type_into("document.querySelector('.ls-search')", "31.84亿元"),
             type_into("document.querySelector('.ls-search')", "")
             + type_into("document.querySelector('.ls-filter[data-col=\"2\"]')", "<3"),
             type_into("document.querySelector('.ls-filter[data-col=\"2\"]')", "")
             + "document.querySelectorAll('table.dataframe thead tr:first-child th')[2].click();"]
    record = ("out.push({rows: Array.from(document.querySelectorAll('table.dataframe tbody tr'))"
              ".filter(function (r) { return r.style.display !== 'none'; })"
              ".map(function (r) { return Array.from(r.cells).map(function (c) { return c.textContent.trim(); }); }),"
              "count: document.querySelector('.ls-count').textContent});")
    js = "var out = [];" + "".join(s + record for s in steps) + (
        "var pre = document.createElement('pre'); pre.id = 'probe'; pre.textContent = JSON.stringify(out);"
        "document.body.appendChild(pre);")
    dom = run_in_browser(page, js, tmp_path)
    from bs4 import BeautifulSoup

    out = json.loads(BeautifulSoup(dom, "html.parser").select_one("#probe").get_text())
    assert [r[1] for r in out[0]["rows"]] == ["浙江澄川实业有限公司"] and out[0]["count"] == "1 of 3 rows"
    assert [r[1] for r in out[1]["rows"]] == ["浙江青溪岚峰光电半导体材料有限公司"]
    assert [r[2] for r in out[2]["rows"]] == ["0.80"]
    assert [r[2] for r in out[3]["rows"]] == ["0.80", "3.50", "31.84"]  # numeric order, not text order
    assert out[3]["count"] == "3 rows"
    assert "<b>" not in dom.split("<tbody>")[1].split("</tbody>")[0]  # input text stays text


def test_only_achieved_plausible_steps_are_charted():
    from lishui_analysis.analysis import speed

    d = pd.DataFrame({"subject": ["甲", "甲", "乙", "丙"], "from_event": ["settled", "land_acquired", "construction_started", ""],
                      "from_said": ["", "", "", "打桩"], "to_event": ["land_acquired", "permit_issued", "topped_out", "topped_out"],
                      "planned": [False, False, True, False], "flag": ["founding year", "", "", ""]})
    steps = speed.charted(d)
    assert list(steps["subject"]) == ["甲", "丙"]
    assert speed.with_step_labels(steps)["step"].tolist() == ["甲\nland acquired → permit issued", "丙\n打桩 → topped out"]

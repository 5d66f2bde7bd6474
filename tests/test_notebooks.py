"""Every notebook runs on the bundled corpus; figures checked from the JSON summaries they write."""
import ast
import json
import shutil
import subprocess
import sys

import pytest

from conftest import RAW, ROOT
from html_checks import chromium, external_urls, run_in_browser, type_into, visible_rows
from lishui_analysis.report.runner import list_notebooks
from typed_tables import INSTITUTE, OTHER_ARTICLE, PLOT, WAFER, write_typed_tables, write_untyped_tables

needs_chromium = pytest.mark.skipif(chromium() is None, reason="headless Chromium not installed "
                                    "(apt-get install -y chromium)")

pytestmark = pytest.mark.slow


def _report(out, processed):
    r = subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "report", "--out", str(out),
                        "-p", "processed_dir", str(processed)], cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    """The bundled page as built before subject typing, then the same folder re-rendered from the tables
    typed by hand (tests/typed_tables.py: types, a second outlet, entities, conflicts)."""
    processed = tmp_path_factory.mktemp("processed")
    subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "build", "--out", str(processed)], cwd=ROOT, check=True)
    untyped = tmp_path_factory.mktemp("untyped")
    _report(untyped, write_untyped_tables(processed, tmp_path_factory.mktemp("untyped_tables")))
    typed_tables = write_typed_tables(processed, tmp_path_factory.mktemp("typed_tables"))
    typed = tmp_path_factory.mktemp("typed")
    shutil.copytree(untyped, typed, dirs_exist_ok=True)  # the previous run, to compare with
    _report(typed, typed_tables)
    return untyped, typed


@pytest.fixture(scope="module")
def reports(runs):
    return runs[1]


def _summary(folder, name):
    return json.loads((folder / f"{name}.json").read_text(encoding="utf-8"))


def test_every_notebook_renders_html_and_index(runs):
    names = list_notebooks()
    assert "00_corpus_overview" in names and "04_sources_and_conflicts" in names
    for folder in runs:
        for name in names:
            html = (folder / f"{name}.html").read_text(encoding="utf-8")
            assert "data:image/png;base64" in html, f"{name} has no embedded chart"
            assert (folder / f"{name}.json").exists()
        index = (folder / "index.html").read_text(encoding="utf-8")
        assert all(f'href="{n}.html"' in index for n in names)


def test_no_report_loads_anything_from_another_host(runs):
    for folder in runs:
        for page in folder.glob("*.html"):
            html = page.read_text(encoding="utf-8")
            assert external_urls(html) == [], (page.name, external_urls(html)[:3])
            assert "ls-search" in html, page.name  # tables interactive


def test_tables_are_never_truncated(reports):
    for page in reports.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<td>...</td>" not in html and "rows × " not in html, page.name


def test_no_missing_glyph_warnings(reports):
    for name in list_notebooks():
        nb = (reports / f"{name}.ipynb").read_text(encoding="utf-8")
        assert "missing from font" not in nb and "Glyph" not in nb, name


def test_corpus_overview_summary(runs):
    untyped, typed = runs
    s = _summary(untyped, "00_corpus_overview")
    assert s["n_articles"] == 6 and s["n_files"] == 1
    # six headlines, each a line of the page of its own (properties, not the page's answers)
    page_lines = {line.strip() for line in (RAW / "lishui-edz-2024-12.txt").read_text(encoding="utf-8").splitlines()}
    assert len(s["headlines"]) == 6 and all(h and h in page_lines for h in s["headlines"])
    assert s["rows"]["quantities"] > 30
    assert _summary(typed, "00_corpus_overview")["n_articles"] == 7


def test_untyped_subjects_leave_per_project_views_empty_and_say_so(runs):
    untyped, _ = runs
    s = _summary(untyped, "01_investment")
    assert s["subjects_typed"] is False and s["investment_intensity"] == {} and s["funding_share_pct"] == {}
    assert _summary(untyped, "02_construction_speed")["durations"] == []
    for name in ("01_investment", "02_construction_speed", "04_sources_and_conflicts"):
        assert "rather than guessing which subjects are projects" in (untyped / f"{name}.html").read_text(encoding="utf-8")
    assert "no disagreement between sources can be detected yet" in (untyped / "04_sources_and_conflicts.html").read_text(encoding="utf-8")


def test_investment_views_hold_projects_and_companies_only(reports):
    s = _summary(reports, "01_investment")
    assert s["growth_pct"]["浙江强达实业有限公司|revenue|2022-2023"] == pytest.approx(28.6, abs=0.1)
    assert s["funding_share_pct"][INSTITUTE] == pytest.approx(40.0)
    # 空港园区一期地块 is a batch of 14 projects: its 26.96亿元 / 397亩 is in the batches table, not a project's intensity
    assert PLOT not in s["investment_intensity"] and PLOT not in s["investment_yi_yuan"]
    assert s["n_aggregate_figures"] >= 3
    html = (reports / "01_investment.html").read_text(encoding="utf-8")
    assert "26.96亿元" in html.split("Batches of projects, zones and regions")[1]


def test_the_airport_parks_batch_keeps_its_intensity(reports):
    """空港园区一期地块: 14 projects, 26.96亿元 on 397亩 = 679.1 万元/亩 against the 270 万元/亩 floor, in 01's
    summary and in its report, in the batches-and-zones table (never among the projects)."""
    s = _summary(reports, "01_investment")
    b = s["batches_and_zones"][PLOT]
    assert (b["investment_intensity"], b["investment_yi_yuan"], b["land_mu"]) == (679.1, 26.96, 397.0)
    assert b["subject_type"] == "batch" and PLOT not in s["investment_intensity"]
    section = (reports / "01_investment.html").read_text(encoding="utf-8").split(
        "Batches of projects and zones: investment intensity")[1].split("Batches of projects, zones and regions")[0]
    assert "679.1 万元/亩" in section and "26.96亿元 ÷ 397亩" in section


def test_every_chart_is_described_in_its_alt_text(runs):
    from bs4 import BeautifulSoup

    for folder in runs:
        for name in list_notebooks():
            images = BeautifulSoup((folder / f"{name}.html").read_text(encoding="utf-8"), "html.parser").find_all("img")
            assert images, name
            for img in images:
                alt = (img.get("alt") or "").strip()
                assert alt and alt != "No description has been provided for this image", (folder.name, name)
                assert ": " in alt, (name, alt)  # the chart's title, then what it plots


def test_no_report_ends_with_a_raw_summary_dict(reports):
    from bs4 import BeautifulSoup

    for name in list_notebooks():
        outputs = BeautifulSoup((reports / f"{name}.html").read_text(encoding="utf-8"), "html.parser").select(
            ".jp-OutputArea-output")
        last = [t for t in (o.get_text(" ", strip=True) for o in outputs) if t][-1]
        assert f"{name}.json next to this page" in last and "{" not in last, (name, last[:200])


def test_wafer_plant_construction_to_topping_out(reports):
    s = _summary(reports, "02_construction_speed")
    (d,) = [d for d in s["durations"] if d["subject"] == WAFER
            and d["from"] == "construction_started" and d["to"] == "topped_out"]
    # the text states it (仅用六个半月): 195 days, charted as stated; the dates (2023-06, a month, to
    # 2023-12-31) give 184–213 days, kept beside it in the table
    assert (d["basis"], d["days_low"], d["days_high"]) == ("stated", 195.0, 195.0)
    html = (reports / "02_construction_speed.html").read_text(encoding="utf-8")
    assert "dates give 184–213 days" in html and "the text states 195 days" in html
    assert all(x["days_low"] > 0 for x in s["durations"] if not x["planned"])      # no 0-day step
    # one Gantt row per project, under its entity name, never a zone or a batch
    assert WAFER in s["timeline_rows"] and "中欣晶圆" not in s["timeline_rows"]
    assert not set(s["timeline_rows"]) & {"空港园区", "丽水经开区", PLOT}


def test_sources_and_conflicts(reports):
    s = _summary(reports, "04_sources_and_conflicts")
    assert s["n_outlets"] == 2 and s["coverage_sources"][WAFER] == 2
    assert {(c["attribute"], c["value_a"], c["value_b"]) for c in s["conflicts"]} == {
        ("capacity", "6000000", "3600000"), ("topped_out", "2023-12-31", "2024-01")}
    html = (reports / "04_sources_and_conflicts.html").read_text(encoding="utf-8")
    assert "该项目于2024年1月结顶。" in html and "example.org/zj/2025-01-10/wafer.html" in html


def test_industry_of_jue_xin(reports):
    s = _summary(reports, "03_industrial_development")
    assert s["org_industry"]["浙江珏芯微电子有限公司"] == "semiconductor"


def test_changes_since_the_previous_run(runs):
    untyped, typed = runs
    first = json.loads((untyped / "changes.json").read_text(encoding="utf-8"))
    assert first["first_run"] and first["counts"]["new_articles"] == 6
    c = json.loads((typed / "changes.json").read_text(encoding="utf-8"))
    assert not c["first_run"] and [a["article_id"] for a in c["new_articles"]] == [OTHER_ARTICLE]
    assert WAFER in {p["name"] for p in c["new_projects"]}
    assert any(m["event_type"] == "topped_out" and m["dates"] == ["2023-12-31", "2024-01"] for m in c["new_milestones"])
    assert any((f["report"], f["metric"], f["before"], f["after"]) == ("00_corpus_overview", "n_articles", 6, 7)
               for f in c["totals"])
    index = (typed / "index.html").read_text(encoding="utf-8")
    assert "What changed since the previous run" in index and "中欣晶圆项目进展" in index
    assert (typed / ".snapshot.json").exists()


@needs_chromium
def test_a_report_table_filters_in_a_browser(reports, tmp_path):
    page = reports / "04_sources_and_conflicts.html"
    dom = run_in_browser(page, type_into("document.querySelectorAll('table.dataframe')[4].closest('.ls-scroll')"
                                         ".previousElementSibling.querySelector('.ls-search')", "batch"), tmp_path)
    rows = visible_rows(dom, 4)  # the entities table (after outlets, coverage, conflicts, possible conflicts)
    n_entities = _summary(reports, "04_sources_and_conflicts")["n_entities"]
    assert 1 <= len(rows) < n_entities and all("batch" in r for r in rows)
    assert [PLOT, "batch"] == rows[0][1:3]
    assert f"{len(rows)} of {n_entities} rows" in dom


def test_a_date_range_that_selects_nothing_is_said_not_failed(tmp_path):
    r = subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "report", "--out", str(tmp_path),
                        "-p", "date_from", "2030-01-01"], cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stdout + r.stderr
    html = (tmp_path / "01_investment.html").read_text(encoding="utf-8")
    assert "select no article" in html


def test_parameter_values_are_literals_not_code(tmp_path):
    marker = tmp_path / "pwned"
    payload = f'"); import os; os.system("touch {marker}"); ("'
    r = subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "report", "00_corpus_overview", "--out",
                        str(tmp_path), "-p", "raw_dir", payload], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert not marker.exists()
    nb = json.loads((tmp_path / "00_corpus_overview.ipynb").read_text(encoding="utf-8"))
    injected = next(c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", []))
    tree = ast.parse("".join(injected["source"]))
    values = {n.targets[0].id: ast.literal_eval(n.value) for n in tree.body if isinstance(n, ast.Assign)}
    assert values["raw_dir"] == payload  # one string literal, nothing else


def test_a_failing_notebook_is_reported_and_the_others_still_run(tmp_path, monkeypatch):
    from lishui_analysis import config
    from lishui_analysis.report import runner as report
    from notebook_files import write_notebooks

    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    write_notebooks(nbs, {"01_fails": "raise RuntimeError('broken on purpose')", "02_works": "x = 1 + 1",
                          "03_fails_late": "y = 2\n1 / 0"})
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", nbs)
    monkeypatch.setattr("lishui_analysis.tables.corpus.ensure_tables", lambda *a, **k: None)
    status = report.run_reports([], {}, out_dir=tmp_path / "rep", jobs=2)
    assert status == 1
    index = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    assert index.count("failed</span>: cell") == 2 and "broken on purpose" in index and "ZeroDivisionError" in index
    assert (tmp_path / "rep" / "02_works.html").exists()
    # a failed notebook's output is NAME.failed.html: there was no good report to keep
    assert (tmp_path / "rep" / "01_fails.failed.html").exists() and not (tmp_path / "rep" / "01_fails.html").exists()
    # listed in the order asked for, whatever order they finished in
    assert index.index("01_fails.failed.html") < index.index("02_works.html") < index.index("03_fails_late.failed.html")


def test_tables_that_cannot_be_built_stop_the_report_before_any_notebook(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "report", "00_corpus_overview",
                        "--out", str(tmp_path / "rep"), "-p", "processed_dir", str(not_a_folder / "sub")],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 2
    assert "no such tables folder" in r.stderr and len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "rep" / "00_corpus_overview.html").exists()


def test_input_text_is_escaped_in_reports(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "evil.txt").write_text(
        "经开区<script>alert(1)</script>项目开工\n\n本报讯（记者 张三）日前，<img src=x onerror=alert(1)>项目总投资3亿元，"
        "用地50亩。详见[x](javascript:alert(1))。\n", encoding="utf-8")
    processed, out = tmp_path / "processed", tmp_path / "reports"
    subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "build", "--raw", str(raw), "--out", str(processed)],
                   cwd=ROOT, check=True, timeout=300)
    r = subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "report", "--out", str(out), "-p", "processed_dir",
                        str(processed)], cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stdout + r.stderr
    for page in out.glob("*.html"):
        html = page.read_text(encoding="utf-8")
        assert "<script>alert(1)" not in html, page.name
        assert "onerror=alert" not in html.replace("onerror=alert(1)&gt;", ""), page.name
        assert 'href="javascript:' not in html, page.name
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in (out / "00_corpus_overview.html").read_text(encoding="utf-8")


def test_rendering_one_notebook_keeps_the_others_in_the_index(tmp_path):
    for name in ("00_corpus_overview", "01_investment"):
        r = subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "report", name, "--out", str(tmp_path)],
                           cwd=ROOT, capture_output=True, text=True, timeout=600)
        assert r.returncode == 0, r.stdout + r.stderr
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    assert 'href="00_corpus_overview.html"' in index and 'href="01_investment.html"' in index
    assert "report_dir" not in index


def test_notebook_threshold_defaults_are_the_benchmark_file():
    """Parameter cells hold literals (papermill); they must equal data/thresholds.yaml."""
    import papermill as pm

    from lishui_analysis.analysis.params import defaults

    for name in list_notebooks():
        declared = pm.inspect_notebook(str(ROOT / "notebooks" / f"{name}.ipynb"))
        for key, value in defaults().items():
            if key in declared:
                assert float(declared[key]["default"]) == value, (name, key)


def test_the_review_sheet_is_written_beside_the_reports_and_linked_from_the_index(reports):
    import csv as _csv

    from lishui_analysis.analysis.review import COLUMNS

    raw = (reports / "review.csv").read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))  # opens in Excel with its Chinese
    rows = list(_csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == COLUMNS and len(rows) > 1
    kinds = {r[0] for r in rows[1:]}
    assert kinds <= {"conflict", "possible_conflict", "ambiguous_name", "holder_outside_sentence", "stale_correction"}
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert f'<a href="review.csv">review.csv</a>: {len(rows) - 1} rows' in index

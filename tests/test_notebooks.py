"""Every notebook runs on the bundled corpus; figures checked from the JSON summaries they write."""
import ast
import json
import subprocess
import sys

import pytest

from conftest import ROOT
from lishui_analysis.report import list_notebooks

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    out = tmp_path_factory.mktemp("reports")
    processed = tmp_path_factory.mktemp("processed")
    subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "build", "--out", str(processed)], cwd=ROOT, check=True)
    r = subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "report", "--out", str(out),
                        "-p", "processed_dir", str(processed)], cwd=ROOT, capture_output=True, text=True, timeout=1200)
    assert r.returncode == 0, r.stdout + r.stderr
    return out


def test_every_notebook_renders_html_and_index(reports):
    names = list_notebooks()
    assert "00_corpus_overview" in names
    for name in names:
        html = (reports / f"{name}.html").read_text(encoding="utf-8")
        assert "data:image/png;base64" in html, f"{name} has no embedded chart"
        assert (reports / f"{name}.json").exists()
    index = (reports / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{n}.html"' in index for n in names)


def test_no_missing_glyph_warnings(reports):
    for name in list_notebooks():
        nb = (reports / f"{name}.ipynb").read_text(encoding="utf-8")
        assert "missing from font" not in nb and "Glyph" not in nb, name


def test_corpus_overview_summary(reports):
    s = json.loads((reports / "00_corpus_overview.json").read_text(encoding="utf-8"))
    assert s["n_articles"] == 6 and s["n_files"] == 1
    assert s["headlines"][5] == "全市首根完美单晶晶棒在经开区成功下线"
    assert s["rows"]["quantities"] > 30


def test_investment_intensity_of_the_airport_park(reports):
    s = json.loads((reports / "01_investment.json").read_text(encoding="utf-8"))
    assert s["investment_intensity"]["空港园区一期地块"] == pytest.approx(679.1, abs=0.1)  # 26.96亿元 / 397亩
    assert s["growth_pct"]["浙江强达实业有限公司|revenue|2022-2023"] == pytest.approx(28.6, abs=0.1)
    assert s["funding_share_pct"]["杭州电子科技大学丽水研究院"] == pytest.approx(40.0)


def test_wafer_plant_construction_to_topping_out(reports):
    s = json.loads((reports / "02_construction_speed.json").read_text(encoding="utf-8"))
    (d,) = [d for d in s["durations"] if d["subject"] == "浙江丽水中欣晶圆半导体材料有限公司"
            and d["from"] == "construction_started" and d["to"] == "topped_out"]
    # 2023-06 (a month) to 2023-12-31: 184–213 days, about 6.5 months
    assert (d["days_low"], d["days_high"]) == (184.0, 213.0)
    assert 6.0 <= d["days_mid"] / 30.44 <= 7.0


def test_industry_of_jue_xin(reports):
    s = json.loads((reports / "03_industrial_development.json").read_text(encoding="utf-8"))
    assert s["org_industry"]["浙江珏芯微电子有限公司"] == "semiconductor"


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
    import nbformat

    from lishui_analysis import config, report

    nbs = tmp_path / "notebooks"
    nbs.mkdir()
    for name, code in (("01_fails", "raise RuntimeError('broken on purpose')"), ("02_works", "x = 1 + 1"),
                       ("03_fails_late", "y = 2\n1 / 0")):
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": config.KERNEL_NAME, "display_name": "lishui-analysis", "language": "python"}
        params = nbformat.v4.new_code_cell('report_dir = ""')
        params.metadata["tags"] = ["parameters"]
        nb.cells = [params, nbformat.v4.new_code_cell(code)]
        nbformat.write(nb, nbs / f"{name}.ipynb")
    monkeypatch.setattr(config, "NOTEBOOKS_DIR", nbs)
    monkeypatch.setattr("lishui_analysis.tables.ensure_tables", lambda *a, **k: None)
    status = report.run_reports([], {}, out_dir=tmp_path / "rep", jobs=2)
    assert status == 1
    index = (tmp_path / "rep" / "index.html").read_text(encoding="utf-8")
    assert index.count("failed</span>: cell") == 2 and "broken on purpose" in index and "ZeroDivisionError" in index
    assert (tmp_path / "rep" / "02_works.html").exists()
    # listed in the order asked for, whatever order they finished in
    assert index.index("01_fails.html") < index.index("02_works.html") < index.index("03_fails_late.html")


def test_tables_that_cannot_be_built_stop_the_report_before_any_notebook(tmp_path):
    not_a_folder = tmp_path / "file"
    not_a_folder.write_text("x", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "report", "00_corpus_overview",
                        "--out", str(tmp_path / "rep"), "-p", "processed_dir", str(not_a_folder / "sub")],
                       cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert r.returncode == 2
    assert "cannot create output folder" in r.stderr and len(r.stderr.strip().splitlines()) == 1
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

    from lishui_analysis.params import defaults

    for name in list_notebooks():
        declared = pm.inspect_notebook(str(ROOT / "notebooks" / f"{name}.ipynb"))
        for key, value in defaults().items():
            if key in declared:
                assert float(declared[key]["default"]) == value, (name, key)

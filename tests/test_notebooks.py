"""Every notebook runs on the bundled corpus; figures checked from the JSON summaries they write."""
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

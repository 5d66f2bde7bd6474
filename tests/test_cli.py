"""The command line: one-line errors with exit code 2, outputs untouched on failure."""
import subprocess
import sys

import pytest

from conftest import ROOT
from lishui_analysis.cli import main


def run(*args):
    return subprocess.run([sys.executable, "-m", "lishui_analysis.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=120)


def test_build_ok_and_check_ok(tmp_path, raw_copy, capsys):
    assert main(["build", "--raw", str(raw_copy), "--out", str(tmp_path / "out")]) == 0
    assert "6 articles" in capsys.readouterr().out
    assert main(["check", "--raw", str(raw_copy), "--processed", str(tmp_path / "out")]) == 0


@pytest.mark.parametrize("make, message", [
    (lambda raw: raw / "missing", "does not exist"),
    (lambda raw: (raw / "empty").mkdir() or raw / "empty", "no .txt or .html"),
])
def test_bad_raw_folder(tmp_path, raw_copy, make, message):
    r = run("build", "--raw", str(make(raw_copy)), "--out", str(tmp_path / "out"))
    assert r.returncode == 2
    assert message in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name, data, message", [
    ("bad.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "PNG image"),
    ("empty.txt", b"", "file is empty"),
    ("zip.txt", b"PK\x03\x04\x00\x00", "zip"),
])
def test_one_bad_file_stops_the_build_and_keeps_previous_outputs(tmp_path, raw_copy, name, data, message):
    out = tmp_path / "out"
    assert main(["build", "--raw", str(raw_copy), "--out", str(out)]) == 0
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}
    (raw_copy / name).write_bytes(data)
    r = run("build", "--raw", str(raw_copy), "--out", str(out))
    assert r.returncode == 2 and name in r.stderr and message in r.stderr
    assert {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")} == before


def test_skip_bad_builds_the_rest_and_lists_what_it_skipped(tmp_path, raw_copy):
    import json

    (raw_copy / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00")
    out = tmp_path / "out"
    assert main(["build", "--raw", str(raw_copy), "--out", str(out), "--skip-bad"]) == 0
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["skipped"] == [{"file": "bad.txt", "problem": "binary file (a PNG image), not text"}]


def test_bad_manifest_date(tmp_path, raw_copy):
    (raw_copy / "sources.csv").write_text("file,pub_date\nlishui-edz-2024-12.txt,2024-13-45\n", encoding="utf-8")
    r = run("build", "--raw", str(raw_copy), "--out", str(tmp_path / "o"))
    assert r.returncode == 2 and "sources.csv:2" in r.stderr and "2024-13-45" in r.stderr


def test_gb18030_file_builds(tmp_path, raw_copy):
    page = (raw_copy / "lishui-edz-2024-12.txt").read_text(encoding="utf-8")
    (raw_copy / "lishui-edz-2024-12.txt").write_bytes(page.encode("gb18030"))
    assert main(["build", "--raw", str(raw_copy), "--out", str(tmp_path / "o")]) == 0


def test_unwritable_output(tmp_path, raw_copy):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    r = run("build", "--raw", str(raw_copy), "--out", str(blocker / "out"))
    assert r.returncode == 2 and "cannot create output folder" in r.stderr and "Traceback" not in r.stderr


def test_unknown_notebook_and_parameter(tmp_path):
    r = run("report", "99_nope", "--out", str(tmp_path))
    assert r.returncode == 2 and "99_nope" in r.stderr
    r = run("report", "00_corpus_overview", "-p", "colour", "red", "--out", str(tmp_path))
    assert r.returncode == 2 and "unknown parameter" in r.stderr and "colour" in r.stderr


def test_dictionary(tmp_path):
    assert main(["dictionary", "--out", str(tmp_path / "dd.md")]) == 0
    assert "## quantities" in (tmp_path / "dd.md").read_text(encoding="utf-8")


def test_the_committed_data_dictionary_is_current():
    """docs/data_dictionary.md is generated from schema.py: `make dictionary` after a column changes."""
    from lishui_analysis.schema import render_dictionary

    committed = (ROOT / "docs" / "data_dictionary.md").read_text(encoding="utf-8")
    assert committed == render_dictionary()

"""Bad input and interrupted runs: clear errors, nothing half-written."""
import os
import signal
import subprocess
import sys
import time

import pandas as pd
import pytest

from conftest import ROOT
from lishui_analysis.ingest import load
from lishui_analysis.errors import InputError
from lishui_analysis.tables.corpus import TABLE_NAMES, build


def cli(*args, timeout=300):
    return subprocess.run([sys.executable, "-m", "lishui_analysis.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=timeout)


def test_undetectable_encoding(tmp_path):
    p = tmp_path / "noise.txt"
    p.write_bytes(bytes(range(128, 256)) * 200)
    with pytest.raises(InputError, match="cannot detect the text encoding"):
        load.read_document(p, tmp_path)


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    from lishui_analysis import config

    monkeypatch.setattr(config, "MAX_FILE_BYTES", 1000)
    p = tmp_path / "big.txt"
    p.write_text("经开区" * 1000, encoding="utf-8")
    with pytest.raises(InputError, match="above the 0 MB limit per file; split it"):
        load.read_document(p, tmp_path)


def test_symlink_loop_does_not_hang(tmp_path, raw_copy):
    os.symlink(raw_copy, raw_copy / "loop")
    (raw_copy / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    files = load.list_raw_files(raw_copy)
    assert [f.name for f in files] == ["dangling.txt", "lishui-edz-2024-12.txt"]
    r = cli("build", "--raw", str(raw_copy), "--out", str(tmp_path / "out"))
    assert r.returncode == 2 and "dangling.txt" in r.stderr and "cannot read" in r.stderr


def test_wrong_parameter_type_is_one_line_exit_2(tmp_path):
    r = cli("report", "--out", str(tmp_path), "-p", "as_of", "yesterday")
    assert r.returncode == 2 and r.stderr.strip() == "error: parameters: as_of must be a date YYYY-MM-DD, got 'yesterday'"
    assert not (tmp_path / "index.html").exists()


def test_one_article_no_byline_and_no_title(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "plain.txt").write_text("日前，某项目总投资3亿元。\n项目于2024年5月开工。\n", encoding="utf-8")
    build(raw, tmp_path / "out")
    a = pd.read_parquet(tmp_path / "out" / "articles.parquet")
    assert len(a) == 1 and a.loc[0, "headline"] == "" and a.loc[0, "pub_date_source"] == "inferred"


def test_killing_a_build_leaves_the_previous_complete_outputs(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    page = (ROOT / "data" / "raw" / "lishui-edz-2024-12.txt").read_bytes()
    (raw / "p000.txt").write_bytes(page)
    out = tmp_path / "out"
    build(raw, out)
    before = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}
    for i in range(1, 400):
        (raw / f"p{i:03d}.txt").write_bytes(page)
    for delay in (0.5, 1.5, 3.0):
        proc = subprocess.Popen([sys.executable, "-m", "lishui_analysis.cli", "build", "--raw", str(raw), "--out",
                                 str(out)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = {p.name: p.read_bytes() for p in out.iterdir() if not p.name.startswith(".")}
        if now != before:  # the build finished before the kill: then the new set is complete
            assert sorted(now) == sorted(before)
            for t in TABLE_NAMES:
                pd.read_parquet(out / f"{t}.parquet")
            before = now
    # temporary files of killed runs never replace outputs; a later build clears nothing it should not
    assert all(p.name.startswith(".") or p.name in before for p in out.iterdir())


def test_two_processes_loading_stale_tables_build_them_once(tmp_path, raw_copy):
    """Two notebooks (kernels) opening stale tables at once: one builds, the other waits and reads."""
    import json

    out = tmp_path / "processed"
    build(raw_copy, out)
    reference = {t: (out / f"{t}.csv").read_bytes() for t in TABLE_NAMES}
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest["code_sha256"] = "built by an older version"
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    code = ("import sys, lishui_analysis as la; t = la.load_tables(sys.argv[1]); "
            "print(len(t['articles']), len(t['quantities']))")
    procs = [subprocess.Popen([sys.executable, "-c", code, str(out)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True, cwd=ROOT) for _ in range(3)]
    results = [p.communicate(timeout=300) for p in procs]
    failed = [f"process {k}: exit {p.returncode}\n{err}" for k, (p, (_, err)) in enumerate(zip(procs, results))
              if p.returncode != 0]
    if failed:  # (whole, not cut short in an assertion's repr: a failure seen once in CI could not be read)
        pytest.fail("\n".join(failed), pytrace=False)
    assert len({o for o, _ in results}) == 1 and results[0][0].split()[0] == "6"
    assert {t: (out / f"{t}.csv").read_bytes() for t in TABLE_NAMES} == reference
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["code_sha256"] != "built by an older version"
    assert not list(out.glob(".*.partial"))

"""A project's vocabulary overrides (vocab/*.yaml, vocab/*.csv) merged over the packaged data files,
run the way a researcher runs them: the CLI in a project folder (LISHUI_VOCAB names the folder)."""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pandas as pd
import pytest

TEXT = ("云岭纸业扩产\n\n本报讯 浙江云岭纸业有限公司年产10万吨特种纸项目招引额6亿元，今年3月开工。\n")


def _run(args, tmp_path, vocab=None):
    env = {**os.environ, "LISHUI_VOCAB": str(vocab or tmp_path / "no_vocab")}
    return subprocess.run([sys.executable, "-m", "lishui_analysis.cli", *args], capture_output=True, text=True,
                          env=env, cwd=tmp_path, timeout=300)


def _build(tmp_path, vocab=None, out="out"):
    raw = tmp_path / "raw"
    if not raw.exists():
        raw.mkdir()
        (raw / "paper.txt").write_text(TEXT, encoding="utf-8")
    r = _run(["build", "--raw", str(raw), "--out", str(tmp_path / out)], tmp_path, vocab)
    assert r.returncode == 0, r.stderr
    return tmp_path / out


def _table(out, name):
    return pd.read_csv(out / f"{name}.csv", keep_default_na=False)


@pytest.mark.parametrize("industry,words", [("paper", "[纸业, 造纸]"), ("pulp_paper", "[纸业]")])
def test_an_industry_added_by_the_project_classifies_its_companies(tmp_path, industry, words):
    plain = _table(_build(tmp_path), "organizations")
    assert set(plain["industry"]) == {"unclassified"}
    vocab = tmp_path / "vocab"
    vocab.mkdir()
    (vocab / "industries.yaml").write_text(f"- id: {industry}\n  name_zh: 造纸\n  leading: false\n  keywords: {words}\n",
                                           encoding="utf-8")
    out = _build(tmp_path, vocab, "with_vocab")
    assert set(_table(out, "organizations")["industry"]) == {industry}
    a = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))["vocab_sha256"]
    b = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["vocab_sha256"]
    assert a != b  # the overrides are part of the vocabulary hash (and the cache key)


def test_a_csv_row_added_by_the_project_gives_a_metric(tmp_path):
    out = _build(tmp_path)
    assert set(_table(out, "quantities")["metric"]) == {"capacity", "other"}
    vocab = tmp_path / "vocab"
    vocab.mkdir()
    (vocab / "metrics.csv").write_text("招引额,investment,a signing figure in our county's notices\n", encoding="utf-8")
    # the same output folder: its cache must not serve the old extraction
    out = _build(tmp_path, vocab)
    q = _table(out, "quantities")
    assert q.loc[q["surface"] == "6亿元", "metric"].tolist() == ["investment"]


def test_a_replaced_key_and_a_threshold(tmp_path):
    vocab = tmp_path / "vocab"
    vocab.mkdir()
    (vocab / "thresholds.yaml").write_text("investment_intensity_min:\n  value: 300\n  source: our county\n",
                                           encoding="utf-8")
    (vocab / "cues.yaml").write_text("forecast!: [预计]\n", encoding="utf-8")
    code = ("from lishui_analysis.vocab import thresholds, cues; t = thresholds()['investment_intensity_min'];"
            "print(t['value'], t['unit'], cues()['forecast'])")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=tmp_path,
                       env={**os.environ, "LISHUI_VOCAB": str(vocab)})
    assert r.stdout.split() == ["300", "万元/亩", "['预计']"], r.stderr


@pytest.mark.parametrize("name,text,problem", [
    ("industry.yaml", "- id: x\n", "not a vocabulary file of the package"),
    ("cues.yaml", "forecast: [\n", "not valid YAML"),
    ("industries.yaml", "id: x\n", "must be a list like the packaged industries.yaml"),
])
def test_a_bad_override_is_one_error_before_any_work(tmp_path, name, text, problem):
    vocab = tmp_path / "vocab"
    vocab.mkdir()
    (vocab / name).write_text(text, encoding="utf-8")
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "paper.txt").write_text(TEXT, encoding="utf-8")
    r = _run(["build", "--raw", str(raw), "--out", str(tmp_path / "out")], tmp_path, vocab)
    assert r.returncode == 2 and problem in r.stderr and name in r.stderr and r.stderr.count("\n") == 1
    assert not (tmp_path / "out" / "quantities.csv").exists()

"""reports/review.csv: what a researcher should look at, with sentences and the correction that settles it.
Invented texts: one plant told by two articles under two names with two investments, a figure whose holder
is only the article's topic, and a name the resolution leaves ambiguous."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from lishui_analysis.analysis.review import COLUMNS, review_table, write_review
from lishui_analysis.tables.corpus import build, load_tables


def _corpus(tmp_path, co, a_total, b_total):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(
        f"{co}智能装备项目开工\n\n本报讯 浙江{co}智能科技有限公司年产5万台智能装备项目总投资{a_total}亿元，用地80亩，"
        "于今年3月开工。\n", encoding="utf-8")
    (raw / "b.txt").write_text(
        f"{co}智能新厂房封顶\n\n本报讯 {co}智能装备基地今年9月顺利封顶。总投资{b_total}亿元。\n", encoding="utf-8")
    return raw


@pytest.mark.parametrize("co", ["云岭", "星河"])
def test_one_stem_two_entities_two_investments_is_a_possible_conflict(tmp_path, co):
    raw = _corpus(tmp_path, co, 12, 15)
    build(raw, tmp_path / "out")
    t = load_tables(tmp_path / "out", raw)
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    df = review_table(t, manifest)
    assert list(df.columns) == COLUMNS
    pc = df[df["kind"] == "possible_conflict"]
    assert len(pc) == 1
    row = pc.iloc[0]
    assert {row["surface"], row["other_surface"]} == {"12亿元", "15亿元"}
    assert f"company stem {co}" in row["detail"] and "not merged" in row["detail"]
    assert "总投资12亿元" in row["sentence"] + row["other_sentence"] and "总投资15亿元。" in row["sentence"] + row["other_sentence"]
    assert row["suggestion"].startswith("merge: - {names: [") and f"{co}智能装备基地" in row["suggestion"]
    # the base's investment is given by the article's topic (its sentence names no holder; 该基地 would refer back)
    weak = df[df["kind"] == "holder_outside_sentence"]
    assert "15亿元" in set(weak["surface"]) and set(weak["suggestion"].str.slice(0, 8)) == {"rows: - "}
    # the report's selection keeps a project's company (its stem), though the company holds no row itself
    from lishui_analysis.analysis.selections import select

    assert len(review_table(select(t, {}), manifest).query("kind == 'possible_conflict'")) == 1
    # most consequential first
    assert df["kind"].tolist().index("possible_conflict") < df["kind"].tolist().index("holder_outside_sentence")


def test_equal_figures_are_no_possible_conflict(tmp_path):
    build(_corpus(tmp_path, "云岭", 12, 12), tmp_path / "out")
    df = review_table(load_tables(tmp_path / "out", tmp_path / "raw"), {})
    assert "possible_conflict" not in set(df["kind"])


def test_manifest_ambiguities_and_stale_corrections_are_listed_and_the_file_is_excel_ready(tmp_path):
    build(_corpus(tmp_path, "云岭", 12, 15), tmp_path / "out")
    t = load_tables(tmp_path / "out", tmp_path / "raw")
    manifest = {"entities": {"ambiguous": [{"name": "云岭", "reason": "starts several projects",
                                            "candidates": ["云岭甲项目", "云岭乙项目"]}]},
                "corrections": {"stale": ["rows entry at line 3 (doc=a, surface=99亿元): matched no row"]}}
    path = tmp_path / "review.csv"
    n = write_review(t, manifest, path)
    raw = path.read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8"))
    df = pd.read_csv(path, keep_default_na=False, encoding="utf-8-sig")
    assert len(df) == n
    amb = df[df["kind"] == "ambiguous_name"].iloc[0]
    assert "云岭甲项目" in amb["detail"] and amb["suggestion"].startswith('merge: - {names: ["云岭", "云岭甲项目"]')
    assert df[df["kind"] == "stale_correction"]["detail"].str.contains("99亿元").all()
    write_review(t, manifest, tmp_path / "again.csv")
    assert (tmp_path / "again.csv").read_bytes() == raw  # byte-identical


def test_each_suggestion_pastes_into_a_valid_corrections_file_once_filled(tmp_path):
    import yaml

    from lishui_analysis.tables.corrections import load_corrections

    build(_corpus(tmp_path, "云岭", 12, 15), tmp_path / "out")
    df = review_table(load_tables(tmp_path / "out", tmp_path / "raw"), {})
    suggested = df[df["suggestion"].str.contains(": - {")]
    assert len(suggested) >= 2
    for text in suggested["suggestion"]:
        section, entry = text.split(": - ", 1)
        entry = entry.split("}  (", 1)[0] + ("}" if "}  (" in entry else "")
        item = yaml.safe_load(entry)  # one flow mapping
        item["reason"] = "checked against the article"
        if "set" in item:
            item["set"] = {"subject": "云岭智能装备基地", "subject_type": "project"}
        path = tmp_path / "corrections.yaml"
        path.write_text(yaml.safe_dump({section: [item]}, allow_unicode=True), encoding="utf-8")
        assert len(load_corrections(path).entries) == 1, text

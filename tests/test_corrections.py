"""The researcher's corrections (corrections.yaml): applied at build time, recorded per row, surviving
rebuilds, stale entries reported, bad files refused with one line. Invented texts throughout."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pandas as pd
import pytest

from lishui_analysis.errors import InputError
from lishui_analysis.tables.corpus import build
from lishui_analysis.tables.corrections import load_corrections

PLANT = "浙江{co}智能科技有限公司年产5万台智能装备项目"
BASE = "{co}智能装备基地"


def _corpus(tmp_path, co="云岭", second="翠峰"):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "plant_a.txt").write_text(
        f"{co}智能装备项目开工\n\n本报讯 浙江{co}智能科技有限公司年产5万台智能装备项目总投资12亿元，用地80亩，"
        f"于今年3月开工。项目建成后预计年产值20亿元。\n\n{second}新材料项目签约\n\n本报讯 {second}新材料产业园项目"
        "总投资8亿元，今年5月签约落户经开区。\n", encoding="utf-8")
    (raw / "plant_b.txt").write_text(
        f"{co}智能新厂房封顶\n\n本报讯 {co}智能装备基地今年9月顺利封顶，历时6个月。该基地总投资12亿元。\n", encoding="utf-8")
    (raw / "sources.csv").write_text("file,pub_date,publication,url\nplant_a.txt,2031-04-02,甲报,\n"
                                     "plant_b.txt,2031-10-08,乙报,\n", encoding="utf-8")
    return raw


def _tables(out):
    return {t: pd.read_csv(out / f"{t}.csv", keep_default_na=False) for t in ("quantities", "events", "entities")}


def _write(tmp_path, text):
    path = tmp_path / "corrections.yaml"
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


@pytest.mark.parametrize("co", ["云岭", "星河"])
def test_merge_gives_one_entity_that_survives_a_rebuild(tmp_path, co):
    raw = _corpus(tmp_path, co)
    build(raw, tmp_path / "plain")
    plain = _tables(tmp_path / "plain")
    ids = lambda t, name: set(t["quantities"].loc[t["quantities"]["subject"] == name, "entity_id"])  # noqa: E731
    assert ids(plain, PLANT.format(co=co)) != ids(plain, BASE.format(co=co))  # two entities without the correction
    corr = _write(tmp_path, f"""\
        merge:
          - names: [{BASE.format(co=co)}, {PLANT.format(co=co)}]
            reason: one plant told twice
        """)
    for out in (tmp_path / "fixed", tmp_path / "fixed"):  # built twice: the second from the cache
        build(raw, out, corrections=corr)
        t = _tables(out)
        assert ids(t, PLANT.format(co=co)) == ids(t, BASE.format(co=co))
        merged = t["entities"][t["entities"]["name"] == PLANT.format(co=co)]
        assert len(merged) == 1 and BASE.format(co=co) in merged["aliases"].iloc[0]
        rows = t["quantities"][t["quantities"]["subject"] == BASE.format(co=co)]
        assert (rows["correction"] == "one plant told twice").all()
    assert len(t["entities"]) == len(plain["entities"]) - 1


def test_rows_set_drop_and_reason_in_the_correction_column(tmp_path):
    raw = _corpus(tmp_path)
    corr = _write(tmp_path, """\
        rows:
          - doc: plant_a
            surface: 8亿元
            set: {forecast: true}
            reason: a signing figure is planned
          - doc: plant_b
            surface: 6个月
            drop: true
            reason: a duration, not a figure of the plant
          - doc: plant_a
            event_type: settled
            set: {subject: 浙江翠峰新材料有限公司, subject_type: company}
            reason: the company signed
        """)
    build(raw, tmp_path / "out", corrections=corr)
    t = _tables(tmp_path / "out")
    q, e = t["quantities"], t["events"]
    signing = q[q["surface"] == "8亿元"].iloc[0]
    assert bool(signing["forecast"]) and signing["correction"] == "a signing figure is planned"
    assert "6个月" not in set(q["surface"])
    settled = e[e["event_type"] == "settled"].iloc[0]
    assert (settled["subject"], settled["subject_type"], settled["subject_rule"], settled["correction"]) == \
        ("浙江翠峰新材料有限公司", "company", "correction", "the company signed")
    assert settled["entity_id"] in set(t["entities"]["entity_id"])
    untouched = q[q["surface"] == "80亩"].iloc[0]
    assert untouched["correction"] == "" and not bool(untouched["forecast"])
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))
    assert [a["matched"] for a in manifest["corrections"]["applied"]] == [1, 1, 1]
    assert manifest["corrections"]["stale"] == []


def test_occurrence_and_sentence_select_one_of_equal_surfaces(tmp_path):
    raw = _corpus(tmp_path)
    corr = _write(tmp_path, """\
        rows:
          - doc: plant_b
            surface: 12亿元
            sentence: 该基地
            set: {forecast: true}
            reason: restated
          - doc: plant_a
            surface: 12亿元
            occurrence: 1
            drop: true
            reason: counted in plant_b
        """)
    build(raw, tmp_path / "out", corrections=corr)
    q = _tables(tmp_path / "out")["quantities"]
    twelve = q[q["surface"] == "12亿元"]
    assert list(twelve["article_id"].str.split(":").str[0]) == ["plant_b"]
    assert bool(twelve["forecast"].iloc[0])


def test_split_makes_another_holder_in_the_named_documents_only(tmp_path):
    raw = _corpus(tmp_path)
    (raw / "plant_c.txt").write_text("翠峰新材料项目开工\n\n本报讯 翠峰新材料产业园项目总投资9亿元，今年7月开工。\n",
                                     encoding="utf-8")
    corr = _write(tmp_path, """\
        split:
          - name: 翠峰新材料产业园项目
            docs: [plant_c]
            as: 松阳翠峰新材料产业园项目
            reason: another county's park of the same name
        """)
    build(raw, tmp_path / "out", corrections=corr)
    q = _tables(tmp_path / "out")["quantities"]
    by_doc = dict(zip(q["article_id"].str.split(":").str[0] + q["surface"], q["subject"]))
    assert by_doc["plant_a8亿元"] == "翠峰新材料产业园项目"
    assert by_doc["plant_c9亿元"] == "松阳翠峰新材料产业园项目"


@pytest.mark.parametrize("place", ["青田", "松阳"])
def test_apart_keeps_names_the_rules_would_merge(tmp_path, place):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text(f"经开区产值\n\n本报讯 {place}经济技术开发区去年实现工业产值500亿元。\n", encoding="utf-8")
    (raw / "b.txt").write_text(f"经开区产值增长\n\n本报讯 {place}经开区去年实现工业产值520亿元。\n", encoding="utf-8")
    build(raw, tmp_path / "one")
    assert len(_tables(tmp_path / "one")["entities"]) == 1  # the zone rule merges the two names
    merges = json.loads((tmp_path / "one" / "manifest.json").read_text(encoding="utf-8"))["entities"]["merges"]
    assert [(m["joined"], m["name"]) for m in merges] == [(sorted([f"{place}经开区", f"{place}经济技术开发区"]),
                                                          f"{place}经济技术开发区")]
    assert merges[0]["rule"] in ("zones", "org_aliases")  # the evidence: the rule that joined them
    corr = _write(tmp_path, f"""\
        apart:
          - names: [{place}经济技术开发区, {place}经开区]
            reason: two zones in this study
        """)
    build(raw, tmp_path / "two", corrections=corr)
    assert len(_tables(tmp_path / "two")["entities"]) == 2


def test_stale_entries_are_warned_and_listed(tmp_path, caplog):
    raw = _corpus(tmp_path)
    corr = _write(tmp_path, """\
        rows:
          - doc: plant_a
            surface: 99亿元
            drop: true
            reason: no such figure any more
        merge:
          - names: [无此项目, 翠峰新材料产业园项目]
            reason: names one entity only
        """)
    with caplog.at_level("WARNING"):
        build(raw, tmp_path / "out", corrections=corr)
    stale = json.loads((tmp_path / "out" / "manifest.json").read_text(encoding="utf-8"))["corrections"]["stale"]
    assert len(stale) == 2 and "line 2" in stale[0] and "fewer than two" in stale[1]
    assert sum("stale?" in r.getMessage() for r in caplog.records) == 2


@pytest.mark.parametrize("text,problem", [
    ("rows:\n  - doc: a\n    surface: 1亿元\n    drop: true\n", "yaml:2: .*needs a reason"),
    ("rows:\n  - doc: a\n    drop: true\n    reason: r\n", "at least one of"),
    ("rows:\n  - doc: a\n    surface: x\n    set: {colour: red}\n    reason: r\n", "cannot set 'colour'"),
    ("rows:\n  - doc: a\n    surface: x\n    set: {subject_type: plant}\n    reason: r\n", "subject_type 'plant'"),
    ("rows:\n  - doc: a\n    surface: x\n    set: {date: 2031-13}\n    reason: r\n", "date"),
    ("rows:\n  - doc: a\n    surface: x\n    set: {forecast: yes please}\n    reason: r\n", "true or false"),
    ("rows:\n  - doc: a\n    surface: x\n    reason: r\n", "exactly one of"),
    ("merge:\n  - names: [a]\n    reason: r\n", "two or more"),
    ("renames: []\n", "unknown section 'renames'"),
    ("rows: [\n", "not valid YAML"),
    ("- a\n- b\n", "expected sections"),
])
def test_bad_corrections_are_one_error_naming_file_and_line(tmp_path, text, problem):
    path = tmp_path / "corrections.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=problem) as err:
        load_corrections(path)
    assert str(path) in str(err.value) and "\n" not in str(err.value)


def test_the_cli_refuses_a_bad_file_before_any_work_and_writes_nothing(tmp_path):
    raw = _corpus(tmp_path)
    corr = _write(tmp_path, "rows:\n  - doc: plant_a\n    surface: 8亿元\n    drop: true\n")
    out = tmp_path / "out"
    r = subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "build", "--raw", str(raw), "--out", str(out),
                        "--corrections", str(corr)], capture_output=True, text=True)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and "corrections.yaml:2" in r.stderr
    assert not (out / "quantities.csv").exists()
    r = subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "build", "--raw", str(raw), "--out", str(out),
                        "--corrections", str(tmp_path / "missing.yaml")], capture_output=True, text=True)
    assert r.returncode == 2 and "does not exist" in r.stderr


def test_the_project_file_is_found_by_default(tmp_path, monkeypatch):
    from lishui_analysis import config

    raw = _corpus(tmp_path)
    corr = _write(tmp_path, "rows:\n  - doc: plant_a\n    surface: 8亿元\n    drop: true\n    reason: r\n")
    monkeypatch.setattr(config, "CORRECTIONS_FILE", corr)
    build(raw, tmp_path / "out")
    assert "8亿元" not in set(_tables(tmp_path / "out")["quantities"]["surface"])

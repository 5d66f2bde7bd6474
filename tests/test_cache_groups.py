"""Whole row groups in the cache (issue #20, a page added to a large corpus): a rebuild reads the rows of
a row group of unchanged files as one entry, and the tables stay byte-identical to a build without the
cache; a missing or damaged row group is read file by file, never trusted. Row groups of three files
here (the build's are 256), so that a small corpus has several."""
import logging
import sqlite3
import zlib

import pytest

from conftest import LAYOUTS, RAW
from lishui_analysis.tables import cache, corpus, document
from lishui_analysis.tables.corpus import build

#: Invented pages, added to the corpus in the tests below.
PAGE = ("{name}项目建设再提速\n本报讯 {name}新材料有限公司年产{n}万吨电子材料项目总投资{x}亿元，用地{mu}亩，"
        "于2024年{m}月开工，预计2025年底投产。\n")


def _page(i: int) -> str:
    names = ["青溪", "松岭", "瓯江", "云和", "龙泉"]
    return PAGE.format(name=names[i % len(names)], n=3 + i, x=f"{2 + i}.5", mu=80 + 7 * i, m=1 + i % 12)


@pytest.fixture
def raw(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for src in [RAW / "lishui-edz-2024-12.txt", *sorted(LAYOUTS.glob("*.txt"))]:
        (raw / src.name).write_bytes(src.read_bytes())
    for i in range(4):
        (raw / f"p{i}.txt").write_text(_page(i), encoding="utf-8")
    return raw


@pytest.fixture(autouse=True)
def small_groups(monkeypatch):
    monkeypatch.setattr(corpus, "FILES_PER_ROW_GROUP", 3)


@pytest.fixture
def spy(monkeypatch):
    """Files extracted and row groups read whole, counted."""
    seen = {"extracted": [], "groups": 0}
    real_process, real_group = document.process_file, cache.ResultCache.get_group

    def process(path, *a, **k):
        seen["extracted"].append(path.rsplit("/", 1)[-1])
        return real_process(path, *a, **k)

    def group(self, *a, **k):
        res = real_group(self, *a, **k)
        seen["groups"] += res is not None
        return res

    monkeypatch.setattr(document, "process_file", process)
    monkeypatch.setattr(cache.ResultCache, "get_group", group)
    return seen


def _files(d):
    return {p.name: p.read_bytes() for p in sorted(d.iterdir()) if p.is_file() and p.suffix in (".csv", ".parquet")}


def _inputs(d):
    import json

    return json.loads((d / "manifest.json").read_text(encoding="utf-8"))["inputs"]


def _groups(out):
    with sqlite3.connect(out / ".cache" / "results.sqlite") as db:
        return db.execute("SELECT key FROM results WHERE key LIKE 'group:%' ORDER BY key").fetchall()


def test_a_rebuild_reads_whole_row_groups_and_gives_the_same_tables(raw, tmp_path, spy):
    build(raw, tmp_path / "nocache", use_cache=False)
    out = tmp_path / "out"
    build(raw, out)
    n_files = len(list(raw.glob("*.txt")))
    assert len(_groups(out)) == n_files // 3
    assert _files(out) == _files(tmp_path / "nocache")
    spy["extracted"].clear()
    build(raw, out)
    assert spy["extracted"] == [] and spy["groups"] == n_files // 3
    assert _files(out) == _files(tmp_path / "nocache")
    assert _inputs(out) == _inputs(tmp_path / "nocache")


@pytest.mark.parametrize("names", [["zz_new.txt"], ["p1a.txt"], ["a_first.txt", "p2a.txt", "zz_new.txt"]])
def test_pages_added_anywhere_give_the_tables_of_a_full_build(raw, tmp_path, spy, names):
    out = tmp_path / "out"
    build(raw, out)
    for i, name in enumerate(names):
        (raw / name).write_text(_page(10 + i), encoding="utf-8")
    spy["extracted"].clear()
    build(raw, out)
    assert sorted(spy["extracted"]) == sorted(names)
    build(raw, tmp_path / "full", use_cache=False)
    assert _files(out) == _files(tmp_path / "full")
    assert _inputs(out) == _inputs(tmp_path / "full")
    # the row groups of the new layout are stored, those of the old one dropped
    assert len(_groups(out)) == len(list(raw.glob("*.txt"))) // 3
    spy["extracted"].clear()
    spy["groups"] = 0
    build(raw, out)
    assert spy["extracted"] == [] and spy["groups"] == len(list(raw.glob("*.txt"))) // 3
    assert _files(out) == _files(tmp_path / "full")


def _damage(out, how):
    with sqlite3.connect(out / ".cache" / "results.sqlite") as db:
        key, data = db.execute("SELECT key, data FROM results WHERE key LIKE 'group:%' ORDER BY key LIMIT 1").fetchone()
        if how == "torn":
            bad = data[:100] + bytes(len(data) - 100)
            db.execute("UPDATE results SET data = ? WHERE key = ?", (bad, key))
        else:  # a file's entry in its place, with a checksum that matches: of the wrong shape
            other = db.execute("SELECT data FROM results WHERE key NOT LIKE 'group:%' LIMIT 1").fetchone()[0]
            db.execute("UPDATE results SET digest = ?, data = ? WHERE key = ?", (zlib.crc32(other), other, key))
    return key, data


@pytest.mark.parametrize("how", ["torn", "planted"])
def test_a_damaged_row_group_is_read_file_by_file_not_trusted(raw, tmp_path, spy, caplog, how):
    build(raw, tmp_path / "nocache", use_cache=False)
    out = tmp_path / "out"
    build(raw, out)
    key, data = _damage(out, how)
    spy["extracted"].clear()
    with caplog.at_level(logging.WARNING):
        build(raw, out)
    warnings = [r.getMessage() for r in caplog.records if "row group" in r.getMessage()]
    assert len(warnings) == 1 and any(w in warnings[0] for w in ("damaged", "unreadable", "not a result"))
    assert "reading its files' own entries" in warnings[0]
    assert spy["extracted"] == []  # its files' own entries were whole
    assert _files(out) == _files(tmp_path / "nocache")
    with sqlite3.connect(out / ".cache" / "results.sqlite") as db:  # stored again, whole
        assert db.execute("SELECT data FROM results WHERE key = ?", (key,)).fetchone()[0] == data


def test_with_corrections_files_are_read_one_by_one(raw, tmp_path, spy):
    """Corrections edit a file's rows: a row group is then made of the corrected files, never read whole."""
    corrections = tmp_path / "corrections.yaml"
    corrections.write_text("merge:\n  - names: [青溪新材料有限公司, 青溪]\n    reason: the same company (invented)\n",
                           encoding="utf-8")
    out = tmp_path / "out"
    build(raw, out, corrections=corrections)
    build(raw, out, corrections=corrections)
    assert spy["groups"] == 0
    build(raw, tmp_path / "nocache", use_cache=False, corrections=corrections)
    assert _files(out) == _files(tmp_path / "nocache")


def test_a_row_group_that_cannot_be_stored_is_a_warning_not_a_failure(raw, tmp_path, spy, monkeypatch, caplog):
    from lishui_analysis.tables import sinks

    def unreadable(self, start, end):
        raise OSError("read error (invented)")

    monkeypatch.setattr(sinks.TableSink, "csv_bytes", unreadable)
    build(raw, tmp_path / "nocache", use_cache=False)
    out = tmp_path / "out"
    with caplog.at_level(logging.WARNING):
        build(raw, out)
    assert any("row group not stored" in r.getMessage() for r in caplog.records)
    assert _groups(out) == [] and _files(out) == _files(tmp_path / "nocache")
    spy["extracted"].clear()
    build(raw, out)  # read file by file
    assert spy["extracted"] == [] and spy["groups"] == 0
    assert _files(out) == _files(tmp_path / "nocache")

"""Issue #16 (never lose, never let in): the tables are committed all at once, a full disk
leaves no temporary file, a stale manifest never chooses what is built, CSV cells are not
formulas, parameter files are parsed without aliases, dates or unbounded numbers.

Every page and parameter file here is written for these tests."""
from __future__ import annotations

import errno
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from build_files import leftovers, table_files, write_pages
from lishui_analysis import config
from lishui_analysis.cli import main
from lishui_analysis.errors import InputError
from lishui_analysis.files import atomic_write_bytes
from lishui_analysis.tables import corpus
from lishui_analysis.tables.check import check
from lishui_analysis.tables.corpus import TABLE_NAMES, build, ensure_tables, load_tables

JOURNAL = getattr(corpus, "JOURNAL", ".commit.json")  # (getattr: the file also runs on the code before it)

PAGE_OLD = ("云岭新材料项目开工\n本报讯（记者 林一）浙江云岭新材料有限公司总投资3.2亿元，用地面积80亩，"
            "于2024年3月开工。\n")
PAGE_NEW = ("星河电子项目封顶\n本报讯（记者 王二）浙江星河电子科技有限公司总投资5.5亿元，用地面积120亩，"
            "于2024年9月封顶，预计明年投产。\n")
PAGE_NEW_2 = ("青松智能装备签约\n本报讯（记者 赵三）丽水青松智能装备有限公司签约落户经开区，总投资2亿元。\n")


@pytest.fixture(scope="module")
def two_sets(tmp_path_factory):
    """An old and a new complete set of tables (different raw folders), and their bytes."""
    base = tmp_path_factory.mktemp("sets")
    raw_old = write_pages(base / "raw_old", {"a.txt": PAGE_OLD})
    raw_new = write_pages(base / "raw_new", {"b.txt": PAGE_NEW, "c.txt": PAGE_NEW_2})
    build(raw_old, base / "old")
    build(raw_new, base / "new")
    old, new = table_files(base / "old"), table_files(base / "new")
    assert old.keys() == new.keys() and all(old[n] != new[n] for n in ("articles.csv", "manifest.json"))
    return raw_old, raw_new, base / "old", old, new


class Crash(Exception):
    """A kill at one rename: nothing after it runs in the build process."""


def _crash_after(monkeypatch, k: int) -> list:
    real, done = os.replace, []

    def replace(src, dst, *a, **kw):
        if len(done) >= k:
            raise Crash(f"killed before rename {k}")
        done.append((Path(src).name, Path(dst).name))
        return real(src, dst, *a, **kw)

    monkeypatch.setattr(os, "replace", replace)
    return done


def _renames_of_a_build(tmp_path, monkeypatch, raw_new, old_dir) -> int:
    out = tmp_path / "count"
    import shutil

    shutil.copytree(old_dir, out)
    done = _crash_after(monkeypatch, 10_000)
    build(raw_new, out)
    monkeypatch.undo()
    return len(done)


def test_a_build_killed_at_any_rename_leaves_the_old_or_the_new_complete_set(tmp_path, monkeypatch, two_sets):
    import shutil

    raw_old, raw_new, old_dir, old, new = two_sets
    n = _renames_of_a_build(tmp_path, monkeypatch, raw_new, old_dir)
    assert n >= 2 * len(TABLE_NAMES) + 2  # every table's two files, the journal and manifest.json
    seen = []
    for k in range(n + 1):
        out = tmp_path / f"k{k}"
        shutil.copytree(old_dir, out)
        _crash_after(monkeypatch, k)
        try:
            build(raw_new, out)
            crashed = False
        except Crash:
            crashed = True
        monkeypatch.undo()
        assert crashed == (k < n)
        committed = (out / JOURNAL).exists() or table_files(out)["manifest.json"] == new["manifest.json"]
        state = "new" if committed else "old"
        # the same crashed folder read by check first, and by load_tables first
        shutil.copytree(out, tmp_path / f"k{k}-check")
        assert check(raw_new if committed else raw_old, tmp_path / f"k{k}-check") == [], k
        t = load_tables(out)
        assert set(t["articles"]["doc_id"]) == ({"b", "c"} if committed else {"a"}), k
        for folder in (out, tmp_path / f"k{k}-check"):
            # whatever read it first, the folder now holds one complete set, byte for byte, and no leftovers
            assert table_files(folder) == (new if committed else old), (k, state)
            assert not (folder / JOURNAL).exists() and leftovers(folder) == []
        seen.append(state)
    # the crash points before the journal keep the old set, those after it give the new one
    assert seen[0] == "old" and seen[-1] == "new" and seen == sorted(seen, key=lambda s: s == "new")


def test_check_names_the_table_whose_files_differ_from_the_manifest(tmp_path, two_sets):
    import shutil

    raw_old, raw_new, old_dir, old, new = two_sets
    out = tmp_path / "out"
    build(raw_new, out)
    assert check(raw_new, out) == []
    # a table of another build put back by hand: a mixed set
    for ext in ("csv", "parquet"):
        shutil.copy(old_dir / f"quantities.{ext}", out / f"quantities.{ext}")
    problems = check(raw_new, out)
    assert any(p.startswith(str(out / "quantities.parquet")) and "manifest.json records" in p for p in problems)
    assert any(p.startswith(str(out / "quantities.csv")) and "SHA-256 differs" in p for p in problems)
    assert not any("articles" in p for p in problems)


def test_check_flags_an_edited_csv_cell_and_the_row(tmp_path, two_sets):
    _, raw_new, _, _, _ = two_sets
    out = tmp_path / "out"
    build(raw_new, out)
    path = out / "articles.csv"
    text = path.read_text(encoding="utf-8")
    assert "星河电子项目封顶" in text
    path.write_text(text.replace("星河电子项目封顶", "星河电子项目开工"), encoding="utf-8")
    problems = check(raw_new, out)
    assert f"{path}: row 1 differs from articles.parquet" in problems
    assert any(p.startswith(f"{path}: not the file the build wrote") for p in problems)


def test_check_flags_a_csv_with_a_row_removed(tmp_path, two_sets):
    _, raw_new, _, _, _ = two_sets
    out = tmp_path / "out"
    build(raw_new, out)
    path = out / "articles.csv"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:-1]), encoding="utf-8")
    assert f"{path}: 1 rows, articles.parquet has 2 (CSV and Parquet differ)" in check(raw_new, out)


def test_check_flags_raw_files_changed_added_or_removed_since_the_build(tmp_path):
    raw = write_pages(tmp_path / "raw", {"b.txt": PAGE_NEW, "c.txt": PAGE_NEW_2})
    out = tmp_path / "out"
    build(raw, out)
    (raw / "b.txt").write_text(PAGE_NEW.replace("5.5亿元", "6亿元"), encoding="utf-8")
    (raw / "c.txt").unlink()
    (raw / "d.txt").write_text(PAGE_OLD, encoding="utf-8")
    problems = check(raw, out)
    assert any(p.startswith(str(raw / "b.txt")) and "changed since the tables were built" in p for p in problems)
    assert any(p.startswith(str(raw / "c.txt")) and "no longer in the raw folder" in p for p in problems)
    assert any(p.startswith(str(raw / "d.txt")) and "not in the tables" in p for p in problems)


def test_cli_check_of_an_edited_csv_is_not_ok(tmp_path, two_sets, capsys):
    _, raw_new, _, _, _ = two_sets
    out = tmp_path / "out"
    build(raw_new, out)
    with open(out / "events.csv", "a", encoding="utf-8") as fh:
        fh.write("x,y\n")
    assert main(["check", "--raw", str(raw_new), "--processed", str(out)]) == 1
    assert "events.csv" in capsys.readouterr().out


# --- a full disk: no temporary file stays behind, one line, the previous tables intact ---------------------------

def _enospc(*_a, **_k):
    raise OSError(errno.ENOSPC, "No space left on device")


def _after(n: int, fail):
    """A function that runs ``real`` n times, then fails."""
    calls = []

    def wrap(real):
        def f(*a, **k):
            calls.append(1)
            if len(calls) > n:
                return fail(*a, **k)
            return real(*a, **k)
        return f
    return wrap


@pytest.mark.parametrize("step", ["parquet-row-group", "parquet-second-pass", "parquet-open", "csv-write",
                                  "journal", "manifest"])
def test_disk_full_during_a_build_leaves_no_temporary_file(tmp_path, monkeypatch, two_sets, step, capsys):
    import shutil

    import pyarrow.parquet as pq

    raw_old, raw_new, old_dir, old, new = two_sets
    out = tmp_path / "out"
    shutil.copytree(old_dir, out)
    if step == "parquet-row-group":
        monkeypatch.setattr(pq.ParquetWriter, "write_table", _enospc)
    elif step == "parquet-second-pass":  # quantities and events are written once entities are known
        from lishui_analysis.tables.corpus import REMAPPED

        first_pass = len(TABLE_NAMES) - len(REMAPPED)  # one row group each; the others wait in Arrow IPC
        monkeypatch.setattr(pq.ParquetWriter, "write_table", _after(first_pass, _enospc)(pq.ParquetWriter.write_table))
    elif step == "parquet-open":  # the fourth table's Parquet file, its CSV file already made
        monkeypatch.setattr(pq.ParquetWriter, "__init__", _after(3, _enospc)(pq.ParquetWriter.__init__))
    elif step == "csv-write":
        import lishui_analysis.tables.sinks as sinks

        class Full:
            def __init__(self, *a, **k):
                self.fh = open(*a, **k)

            def write(self, text):
                raise OSError(errno.ENOSPC, "No space left on device")

            def __getattr__(self, name):
                return getattr(self.fh, name)

        monkeypatch.setattr(sinks, "open", Full, raising=False)
    else:  # the journal is the first file written with atomic_write_bytes; manifest.json the second
        real_fdopen, calls = os.fdopen, []

        class FullFile:
            def __init__(self, fh):
                self.fh = fh

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.fh.close()

            def write(self, data):
                self.fh.write(data[:10])
                raise OSError(errno.ENOSPC, "No space left on device")

        def fdopen(fd, *a, **k):
            fh = real_fdopen(fd, *a, **k)
            if "r" in (a[0] if a else k.get("mode", "r")):
                return fh  # the raw files are read through fdopen too; only writes count
            calls.append(1)
            return FullFile(fh) if len(calls) == (1 if step == "journal" else 2) else fh

        monkeypatch.setattr(os, "fdopen", fdopen)
    status = main(["build", "--raw", str(raw_new), "--out", str(out)])
    monkeypatch.undo()
    err = capsys.readouterr().err.strip()
    if step == "manifest":
        # after the commit point: the new set is committed; the next reader writes manifest.json
        assert status == 2 and err == f"error: {out}: disk full writing manifest.json"
        assert set(load_tables(out)["articles"]["doc_id"]) == {"b", "c"} and table_files(out) == new
    else:
        assert status == 2 and len(err.splitlines()) == 1 and "disk full writing" in err, err
        assert table_files(out) == old
    assert leftovers(out) == [] and "Traceback" not in err


def test_disk_full_in_atomic_write_removes_the_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "index.html"
    target.write_bytes(b"before")
    real_fdopen = os.fdopen

    class Full:
        def __init__(self, fd, *a, **k):
            self.fh = real_fdopen(fd, *a, **k)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

        def write(self, data):
            self.fh.write(data[:3])
            raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fdopen", Full)
    with pytest.raises(InputError) as e:
        atomic_write_bytes(target, b"after, a longer text")
    assert str(e.value) == f"{tmp_path}: disk full writing index.html"
    assert target.read_bytes() == b"before" and sorted(p.name for p in tmp_path.iterdir()) == ["index.html"]


def test_other_write_errors_in_atomic_write_also_remove_the_temporary_file(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "replace", lambda *a: (_ for _ in ()).throw(PermissionError(errno.EACCES, "denied")))
    with pytest.raises(PermissionError):
        atomic_write_bytes(tmp_path / "x.json", b"{}")
    assert list(tmp_path.iterdir()) == []


# --- what is rebuilt, and from where --------------------------------------------------------------------------------

@pytest.fixture
def configured(tmp_path, monkeypatch):
    """The configured raw and processed folders of this test (config.RAW_DIR, PROCESSED_DIR)."""
    raw = write_pages(tmp_path / "configured_raw", {"b.txt": PAGE_NEW})
    monkeypatch.setattr(config, "RAW_DIR", raw)
    monkeypatch.setattr(config, "PROCESSED_DIR", tmp_path / "configured_processed")
    return raw


def _make_stale(out: Path, **parameters) -> None:
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    m["code_sha256"] = "built by an older version"
    m["parameters"].update(parameters)
    (out / "manifest.json").write_text(json.dumps(m), encoding="utf-8")


def test_stale_manifest_raw_dir_is_never_built_from(tmp_path, configured):
    elsewhere = write_pages(tmp_path / "elsewhere", {"secret.txt": "机密文件\n本报讯（记者 某）不应读入的文字，总投资9亿元。\n"})
    out = tmp_path / "processed"
    build(write_pages(tmp_path / "raw", {"a.txt": PAGE_OLD}), out)
    before = table_files(out)
    _make_stale(out, raw_dir=str(elsewhere))
    with pytest.raises(InputError, match="another raw folder than") as e:
        load_tables(out)
    assert len(str(e.value).splitlines()) == 1 and "lishui-analysis build --raw RAW_FOLDER --out" in str(e.value)
    assert {n: b for n, b in table_files(out).items() if n != "manifest.json"} == \
        {n: b for n, b in before.items() if n != "manifest.json"}
    # an explicit raw folder is built from, and only it
    t = load_tables(out, raw_dir=configured)
    assert set(t["articles"]["doc_id"]) == {"b"}
    assert not any("机密" in h for h in t["articles"]["headline"])


def test_stale_tables_of_the_configured_raw_folder_are_rebuilt_from_it(tmp_path, configured):
    out = tmp_path / "processed"
    build(configured, out)
    _make_stale(out, raw_dir=str(tmp_path / "moved"))  # a copy of the configured folder, since moved
    assert set(load_tables(out)["articles"]["doc_id"]) == {"b"}
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["code_sha256"] != "built by an older version"


def test_missing_processed_folder_given_explicitly_is_an_error_not_a_new_build(tmp_path, configured):
    missing = tmp_path / "no" / "such"
    with pytest.raises(InputError, match="no such tables folder"):
        ensure_tables(missing)
    assert not (tmp_path / "no").exists()
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no tables in this folder"):
        load_tables(tmp_path / "empty")
    assert list((tmp_path / "empty").iterdir()) == []


def test_the_configured_processed_folder_is_built_from_the_configured_raw_folder(configured):
    t = load_tables()  # make reports and notebooks: data/processed built from data/raw
    assert set(t["articles"]["doc_id"]) == {"b"} and (config.PROCESSED_DIR / "articles.csv").exists()


def test_report_with_a_missing_processed_dir_stops_before_building(tmp_path, capsys):
    missing = tmp_path / "missing"
    status = main(["report", "00_corpus_overview", "--out", str(tmp_path / "rep"), "-p", "processed_dir", str(missing)])
    err = capsys.readouterr().err.strip()
    assert status == 2 and err == (f"error: {missing}: no such tables folder; build them with "
                                   f"`lishui-analysis build --raw RAW_FOLDER --out {missing}`")
    assert not missing.exists() and not (tmp_path / "rep" / "00_corpus_overview.html").exists()


# --- CSV cells that a spreadsheet would run -------------------------------------------------------------------------

def test_csv_cells_starting_like_a_formula_are_text_in_csv_only(tmp_path):
    raw = tmp_path / "raw"
    write_pages(raw, {"=cmd.txt": '=HYPERLINK("http://x.invalid","点击")\n本报讯（记者 王二）浙江星河电子科技有限公司总投资5.5亿元。\n'})
    (raw / "sources.csv").write_text("file,publication,pub_date\n=cmd.txt,@丽水日报,2024-05-01\n", encoding="utf-8")
    out = tmp_path / "out"
    build(raw, out)
    a = pd.read_parquet(out / "articles.parquet")
    assert a.loc[0, "headline"].startswith("=HYPERLINK(") and a.loc[0, "publication"] == "@丽水日报"
    assert a.loc[0, "doc_id"] == "=cmd"
    c = pd.read_csv(out / "articles.csv", encoding="utf-8-sig", keep_default_na=False)
    assert c.loc[0, "headline"] == "'" + a.loc[0, "headline"] and c.loc[0, "publication"] == "'@丽水日报"
    assert c.loc[0, "doc_id"] == "'=cmd" and c.loc[0, "n_chars"] == a.loc[0, "n_chars"]
    q = pd.read_csv(out / "quantities.csv", encoding="utf-8-sig", keep_default_na=False)
    assert (q["article_id"].str.startswith("'=cmd:")).all()
    assert check(raw, out) == []  # the CSV still holds the Parquet file's rows


def test_csv_escaping_leaves_numbers_and_numeric_columns_alone():
    from lishui_analysis.tables.sinks import csv_cell, csv_text

    assert [csv_cell(v) for v in ("-3.5", "+12", "-1e5", "2024-05", "", "强达")] == \
        ["-3.5", "+12", "-1e5", "2024-05", "", "强达"]
    assert [csv_cell(v) for v in ("=1+1", "+1+1", "-x", "@A1", "\tx", "\rx", "-")] == \
        ["'=1+1", "'+1+1", "'-x", "'@A1", "'\tx", "'\rx", "'-"]
    row = {"entity_id": ["E1"], "attribute": ["capacity"], "value_a": ["-3.5"], "value_b": ["=2+3"], "unit": ["-"],
           "quantity_or_event_ids_a": ["q"], "quantity_or_event_ids_b": ["q2"], "article_ids": ["a"]}
    assert csv_text("conflicts", row) == "E1,capacity,-3.5,'=2+3,'-,q,q2,a\n"


# --- parameter files ------------------------------------------------------------------------------------------------

def _bomb(levels: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for name in "bcdefghi"[: levels - 1]:
        lines.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
        prev = name
    return "\n".join(lines) + f"\ntop_n: *{prev}\n"


def _params_error(tmp_path, capsys, data: bytes, *extra) -> tuple[int, str, Path]:
    path = tmp_path / "params.yaml"
    path.write_bytes(data)
    status = main(["report", "--out", str(tmp_path / "rep"), "--params", str(path), *extra])
    err = capsys.readouterr().err.strip()
    assert status == 2 and len(err.splitlines()) == 1, err
    assert not (tmp_path / "rep").exists()
    return status, err, path


def test_yaml_alias_bomb_in_params_is_refused_at_once(tmp_path, capsys):
    text = _bomb()
    assert len(text) < 1400
    _, err, path = _params_error(tmp_path, capsys, text.encode())
    assert err == f"error: {path}:1: YAML anchors and aliases (&name, *name) are not allowed in parameters"


def test_yaml_alias_in_a_p_value_is_refused(tmp_path, capsys):
    status = main(["report", "--out", str(tmp_path / "rep"), "-p", "industries", "&x [a, *x]"])
    assert status == 2
    assert capsys.readouterr().err.strip() == \
        "error: -p industries: YAML anchors and aliases (&name, *name) are not allowed in parameters"


def test_params_file_not_in_utf8_is_one_line(tmp_path, capsys):
    _, err, path = _params_error(tmp_path, capsys, 'lang: "中文"\n'.encode("gbk"))
    assert err.startswith(f"error: {path}: not UTF-8 (byte 0xd6 at offset 7)")


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf", "1.0e+999"])
def test_params_thresholds_that_are_not_finite_are_refused(tmp_path, capsys, value):
    _, err, _ = _params_error(tmp_path, capsys, f"tax_per_mu_min: {value}\n".encode())
    assert err.startswith("error: parameters: tax_per_mu_min must be a finite non-negative number, got ")


def test_params_top_n_of_5000_digits_is_refused_with_a_bound(tmp_path, capsys):
    _, err, path = _params_error(tmp_path, capsys, ("top_n: " + "9" * 5000 + "\n").encode())
    assert err == f"error: {path}:1: a number of 5000 characters (at most 100)"
    _, err, _ = _params_error(tmp_path, capsys, ("top_n: " + "9" * 90 + "\n").encode())
    assert err == "error: parameters: top_n must be a whole number from 1 to 10000, got a number of 90 digits"


def test_validate_quotes_a_huge_number_without_converting_it():
    from lishui_analysis.analysis.params import validate

    with pytest.raises(InputError, match=r"top_n must be a whole number from 1 to 10000, got a number of 5000 digits"):
        validate(top_n=10 ** 4999)
    with pytest.raises(InputError, match="finite non-negative number"):
        validate(tax_per_mu_min=10 ** 400)


@pytest.mark.parametrize("how", ["file", "p"])
def test_params_impossible_date_is_one_line(tmp_path, capsys, how):
    if how == "file":
        _, err, _ = _params_error(tmp_path, capsys, b"as_of: 2024-02-30\n")
    else:
        assert main(["report", "--out", str(tmp_path / "rep"), "-p", "as_of", "2024-02-30"]) == 2
        err = capsys.readouterr().err.strip()
    assert err == "error: parameters: as_of must be a date YYYY-MM-DD, got '2024-02-30'"


def test_params_dates_and_numbers_still_read(tmp_path):
    from lishui_analysis.report.runner import collect_parameters

    path = tmp_path / "p.yaml"
    path.write_text("as_of: 2024-12-31\ntop_n: 12\ntax_per_mu_min: 2.5e+1\nindustries: [a, b]\n", encoding="utf-8")
    assert collect_parameters(path, [("date_from", "2024-01-01"), ("lang", "zh")]) == {
        "as_of": "2024-12-31", "top_n": 12, "tax_per_mu_min": 25.0, "industries": ["a", "b"],
        "date_from": "2024-01-01", "lang": "zh"}

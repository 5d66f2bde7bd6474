"""Every engine gives byte-identical tables: in-process, process pool, Dask LocalCluster."""
import sqlite3

import pytest

from conftest import LAYOUTS, RAW
from lishui_analysis.tables.corpus import build


def _corpus(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for src in [RAW / "lishui-edz-2024-12.txt", *sorted(LAYOUTS.glob("*.txt"))]:
        (raw / src.name).write_bytes(src.read_bytes())
    for i in range(6):
        (raw / f"copy{i}.txt").write_bytes((RAW / "lishui-edz-2024-12.txt").read_bytes())
    (raw / "sources.csv").write_bytes((RAW / "sources.csv").read_bytes())
    return raw


def _files(d):
    return {p.name: p.read_bytes() for p in sorted(d.iterdir()) if p.is_file() and not p.name.startswith(".")}


def test_process_pool_matches_in_process(tmp_path):
    raw = _corpus(tmp_path)
    build(raw, tmp_path / "one")
    build(raw, tmp_path / "two", jobs=2)
    assert _files(tmp_path / "one") == _files(tmp_path / "two")


@pytest.mark.slow
def test_dask_local_cluster_with_two_workers_matches(tmp_path):
    pytest.importorskip("distributed")
    raw = _corpus(tmp_path)
    build(raw, tmp_path / "local")
    build(raw, tmp_path / "dask", engine="dask", jobs=2)
    assert _files(tmp_path / "local") == _files(tmp_path / "dask")


@pytest.mark.slow
def test_dask_with_a_scheduler_address(tmp_path):
    distributed = pytest.importorskip("distributed")
    raw = _corpus(tmp_path)
    build(raw, tmp_path / "local")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, dashboard_address=None) as cluster:
        build(raw, tmp_path / "remote", engine="dask", scheduler=cluster.scheduler_address)
    assert _files(tmp_path / "local") == _files(tmp_path / "remote")


def test_incremental_rebuild_extracts_only_the_new_page(tmp_path, monkeypatch):
    from lishui_analysis.tables import cache, document

    raw = _corpus(tmp_path)
    out = tmp_path / "out"
    build(raw, out)
    calls = []
    real = document.process_file
    monkeypatch.setattr(document, "process_file", lambda *a, **k: calls.append(a[0]) or real(*a, **k))
    (raw / "zz_new.txt").write_bytes((RAW / "lishui-edz-2024-12.txt").read_bytes())
    build(raw, out)
    assert [p.rsplit("/", 1)[-1] for p in calls] == ["zz_new.txt"]
    build(raw, tmp_path / "nocache", use_cache=False)
    assert _files(out) == _files(tmp_path / "nocache")
    # a changed vocabulary invalidates every cached file
    calls.clear()
    monkeypatch.setattr(cache, "vocab_hash", lambda: "edited")
    build(raw, out)
    assert len(calls) == len(list(raw.glob("*.txt")))
    # one database, the size of the corpus: a removed page leaves it (beside it, the raw files' stat cache)
    assert sorted(p.name for p in (out / ".cache").iterdir()) == ["inputs.json", "results.sqlite"]
    calls.clear()
    (raw / "zz_new.txt").unlink()
    build(raw, out)
    assert calls == []
    with sqlite3.connect(out / ".cache" / "results.sqlite") as db:
        assert db.execute("SELECT count(*) FROM results").fetchone()[0] == len(list(raw.glob("*.txt")))


def test_a_damaged_cache_is_rebuilt_not_trusted(tmp_path, caplog):
    raw = _corpus(tmp_path)
    out = tmp_path / "out"
    build(raw, out)
    good = _files(out)
    (out / ".cache" / "results.sqlite").write_bytes(b"not a database at all" * 100)
    build(raw, out)
    assert "damaged" in caplog.text
    assert _files(out) == good


def test_a_bad_file_in_a_worker_is_the_same_one_line_error(tmp_path):
    """Errors raised in worker processes reach the command line as in-process ones."""
    from lishui_analysis.errors import InputError

    raw = _corpus(tmp_path)
    (raw / "copy3.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.raises(InputError, match="copy3.txt.*binary file"):
        build(raw, tmp_path / "out", jobs=2)
    assert not (tmp_path / "out" / "articles.csv").exists()
    rows = build(raw, tmp_path / "skip", jobs=2, skip_bad=True)
    one = build(raw, tmp_path / "skip1", jobs=1, skip_bad=True)
    assert rows == one
    assert _files(tmp_path / "skip") == _files(tmp_path / "skip1")


@pytest.mark.slow
def test_a_bad_file_on_a_dask_worker_is_the_same_one_line_error(tmp_path):
    pytest.importorskip("distributed")
    from lishui_analysis.errors import InputError

    raw = _corpus(tmp_path)
    (raw / "copy3.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    with pytest.raises(InputError, match="copy3.txt.*binary file"):
        build(raw, tmp_path / "out", engine="dask", jobs=2)


def test_a_damaged_cache_entry_is_a_miss(tmp_path, caplog):
    """Torn pages after a power loss (the cache does not fsync): a digest per entry catches them."""
    raw = _corpus(tmp_path)
    out = tmp_path / "out"
    build(raw, out)
    good = _files(out)
    with sqlite3.connect(out / ".cache" / "results.sqlite") as db:
        key, data = db.execute("SELECT key, data FROM results LIMIT 1").fetchone()
        torn = data[:1000] + bytes(len(data) - 1000)
        db.execute("UPDATE results SET data = ? WHERE key = ?", (torn, key))
    build(raw, out)
    assert "damaged" in caplog.text
    assert _files(out) == good
    with sqlite3.connect(out / ".cache" / "results.sqlite") as db:  # stored again, whole
        assert db.execute("SELECT data FROM results WHERE key = ?", (key,)).fetchone()[0] == data


def test_packing_is_safe_from_several_threads():
    """A Dask worker may run tasks in threads; zstandard's objects must not be shared between them."""
    import threading

    from lishui_analysis.tables import engine

    result = {"rows": list(range(2000)), "text": "丽水经开区" * 400}
    errors = []

    def work():
        try:
            for _ in range(200):
                assert engine.unpack(engine.pack(result)) == result
        except Exception as exc:  # noqa: BLE001 - collected and reported below
            errors.append(exc)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []


def test_an_unusable_cache_folder_is_a_warning_not_a_failure(tmp_path, caplog):
    raw = _corpus(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    (out / ".cache").write_text("a file where the cache folder goes", encoding="utf-8")
    build(raw, out)
    assert "cannot use the cache" in caplog.text
    build(raw, tmp_path / "nocache", use_cache=False)
    assert _files(out) == _files(tmp_path / "nocache")

"""Hostile build caches (issue #16): what a build reads back from ``out/.cache/results.sqlite``,
and what it does when SQLite or the file system refuses the cache; and ``--scheduler`` addresses
that lead nowhere.

* Entries are MessagePack, never pickles: an entry planted with the right key and checksum (both
  computable from public inputs) whose bytes are a pickle that would run code is a miss — the
  marker file its ``__reduce__`` would create never appears, and the tables are those of a build
  without the cache. So are entries of another shape and Zstandard frames claiming a huge size.
* A full disk, a corrupt file, a read-only folder: one warning naming the cache file and what
  happened, and the build goes on without the cache, with the same tables.
* ``build --engine dask --scheduler ADDRESS`` with a malformed address, nothing listening, or a
  silent listener: one-line InputError naming the address, within a few seconds.

Fixtures are pages written here. No test starts a Dask cluster or touches the network: the
listeners are sockets on 127.0.0.1 opened by the test.
"""
import logging
import pathlib
import pickle
import socket
import sqlite3
import struct
import subprocess
import sys
import threading
import zlib

import pytest
import zstandard

from lishui_analysis.cli import main
from lishui_analysis.errors import InputError
from lishui_analysis.tables import cache as cache_mod
from lishui_analysis.tables import engine
from lishui_analysis.tables.corpus import build, load_tables

PAGES = {
    "p1.txt": "丽水经开区新项目集中开工\n\n本报讯（记者 王五）3月5日，丽水经济技术开发区举行重大项目集中开工仪式，"
              "共有八个项目开工，总投资12亿元。其中，浙江松阳云岭晶材科技有限公司年产120万片半导体硅片项目"
              "总投资约35亿元，计划2025年底投产。\n",
    "p2.txt": "晶材项目一期投产\n\n本报讯（记者 李四）2024年9月18日，浙江松阳云岭晶材科技有限公司一期项目正式投产，"
              "总投资36亿元，达产后年产值可达20亿元。丽水经开区管委会主任出席活动。\n",
    "p3.txt": "开发区前三季度经济运行良好\n\n本报讯 1至9月，丽水经济技术开发区实现规上工业增加值98.6亿元，同比增长12.3%；"
              "完成固定资产投资156亿元。浙江纳爱斯日化有限公司新增产能项目于6月开工建设。\n",
}
NEW_PAGE = ("新材料项目签约落户\n\n本报讯（记者 赵六）11月2日，丽水经开区与浙江某新材料有限公司签约，"
            "项目总投资8亿元，预计2026年投产。\n")


@pytest.fixture
def raw(tmp_path):
    d = tmp_path / "raw"
    d.mkdir()
    for name, text in PAGES.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def _files(d):
    return {p.name: p.read_bytes() for p in sorted(d.iterdir()) if p.is_file() and p.name != "manifest.json"}


@pytest.fixture
def reference(raw, tmp_path):
    """The tables of a build without the cache."""
    build(raw, tmp_path / "nocache", use_cache=False)
    return _files(tmp_path / "nocache")


def _db(out):
    return out / ".cache" / "results.sqlite"


def _cache_warnings(caplog):
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING and "cache" in r.getMessage()]


# ---------------------------------------------------------------------------------------
# Item 2: nothing read back from the cache is unpickled


class _Touch:
    """A pickle that creates ``path`` when loaded (pathlib, not os.system: the harm is visible)."""

    def __init__(self, path):
        self.path = path

    def __reduce__(self):
        return (pathlib.Path.touch, (pathlib.Path(self.path),))


def _frame_claiming(size: int) -> bytes:
    """A Zstandard frame whose header claims ``size`` bytes of content, holding none."""
    return b"\x28\xb5\x2f\xfd" + bytes([0xE0]) + struct.pack("<Q", size) + b"\x01\x00\x00"


def _plant(db_path, make_blob) -> int:
    """Replace every entry's bytes by ``make_blob(key)``, with a checksum that matches."""
    with sqlite3.connect(db_path) as db:
        keys = [k for (k,) in db.execute("SELECT key FROM results")]
        for k in keys:
            blob = make_blob(k)
            db.execute("UPDATE results SET digest = ?, data = ? WHERE key = ?", (zlib.crc32(blob), blob, k))
    return len(keys)


def _payloads(marker):
    import msgpack

    zc = zstandard.ZstdCompressor(level=1)
    evil = pickle.dumps({"articles": _Touch(marker)}, protocol=5)
    return {
        "pickle_zstd": zc.compress(evil),          # exactly what the old cache stored and read
        "pickle_raw": evil,
        "another_shape": zc.compress(msgpack.packb({"articles": 1, "input": "x"})),
        "unknown_extension": zc.compress(msgpack.packb({"a": msgpack.ExtType(42, b"x")})),
        "huge_frame": _frame_claiming(1 << 62),
        "garbage": b"\x00\xff" * 50,
    }


@pytest.mark.parametrize("kind", ["pickle_zstd", "pickle_raw", "another_shape", "unknown_extension",
                                  "huge_frame", "garbage"])
def test_cache_entry_planted_with_the_right_key_and_digest_is_a_miss_never_run(raw, tmp_path, reference,
                                                                                caplog, kind):
    out = tmp_path / "out"
    build(raw, out)
    marker = tmp_path / "PWNED"
    blob = _payloads(marker)[kind]
    assert _plant(_db(out), lambda k: blob) == len(PAGES)
    (out / "articles.parquet").unlink()  # stale: load_tables() builds again, reading the cache
    try:
        with caplog.at_level(logging.WARNING):
            tables = load_tables(out, raw)
    finally:
        assert not marker.exists(), "the planted pickle ran"
    assert len(tables["articles"]) == len(PAGES)
    assert _files(out) == reference
    assert sum("extracting the file again" in m for m in _cache_warnings(caplog)) == len(PAGES)
    with caplog.at_level(logging.WARNING):
        build(raw, out)  # the entries were stored again, whole: a warm build, silent
    assert not marker.exists()
    assert _files(out) == reference
    assert _cache_warnings(caplog) == [m for m in _cache_warnings(caplog) if "extracting the file again" in m]


def test_cache_of_the_pickle_format_is_dropped_unread(raw, tmp_path, reference):
    """A database of the earlier layout (user_version 4: pickles) is emptied, never read."""
    out = tmp_path / "out"
    build(raw, out)
    marker = tmp_path / "PWNED"
    evil = zstandard.ZstdCompressor(level=1).compress(pickle.dumps(_Touch(marker), protocol=5))
    _plant(_db(out), lambda k: evil)
    with sqlite3.connect(_db(out)) as db:
        db.execute("PRAGMA user_version = 4")
    build(raw, out)
    assert not marker.exists()
    assert _files(out) == reference
    with sqlite3.connect(_db(out)) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == cache_mod.CACHE_FORMAT > 4
        blobs = [b for (b,) in db.execute("SELECT data FROM results")]
    assert len(blobs) == len(PAGES) and evil not in blobs


def test_packed_results_round_trip_exactly():
    """Types, NaN, every float bit, tuples (hashed and compared by the build) and lists."""
    import math

    res = {"cols": {"v": [0.1 + 0.2, float("nan"), -0.0, 1e308, 5e-324, float("inf"), 3, True, None, ""]},
           "names": [("k", "p:01", "中欣晶圆", "company", "O1", 2)], "nested": [(1, (2, [3])), []],
           "text": "丽水\x00经开区\ud7ff", "big": 2**63 - 1, "neg": -(2**63)}
    back = engine.unpack(engine.pack(res))
    assert repr(back) == repr(res)
    assert [math.copysign(1, v) for v in back["cols"]["v"][2:3]] == [-1.0]
    assert {back["names"][0]} == {res["names"][0]}
    with pytest.raises(TypeError):
        engine.pack({"x": {1, 2}})


def test_unpack_refuses_a_frame_claiming_a_huge_size_before_allocating():
    with pytest.raises(ValueError, match="implausible size"):
        engine.unpack(_frame_claiming(1 << 40))


# ---------------------------------------------------------------------------------------
# Item 11: the cache never stops a build


def _connect_with(monkeypatch, *pragmas, factory=None):
    """sqlite3.connect, then ``pragmas`` on the new connection (SQLite itself then refuses, as it would)."""
    real = sqlite3.connect

    def connect(*a, **k):
        if factory is not None:
            k["factory"] = factory
        db = real(*a, **k)
        for p in pragmas:
            db.execute(p)
        return db

    monkeypatch.setattr(sqlite3, "connect", connect)


def _one_warning(caplog, out, what):
    msgs = [m for m in _cache_warnings(caplog) if "cannot use the cache" in m]
    assert len(msgs) == 1, msgs
    assert str(_db(out)) in msgs[0] and what in msgs[0]
    return msgs[0]


def _more_pages(raw, n=12):
    for i in range(n):
        name = sorted(PAGES)[i % len(PAGES)]
        (raw / f"copy{i:02d}.txt").write_text(PAGES[name], encoding="utf-8")


def test_cache_on_a_full_disk_is_a_warning_not_a_failure(raw, tmp_path, monkeypatch, caplog):
    """SQLite's own 'database or disk is full': a limit of 3 pages (16 KB each) holds the empty
    table and its key index; the entries of 15 pages do not fit."""
    _more_pages(raw)
    build(raw, tmp_path / "nocache", use_cache=False)
    out = tmp_path / "out"
    _connect_with(monkeypatch, "PRAGMA max_page_count = 3")
    with caplog.at_level(logging.WARNING):
        build(raw, out)
    assert "while writing" in _one_warning(caplog, out, "database or disk is full")
    assert _files(out) == _files(tmp_path / "nocache")


def test_cache_full_during_a_warm_build_is_a_warning_not_a_failure(raw, tmp_path, reference, monkeypatch, caplog):
    out = tmp_path / "out"
    build(raw, out)
    (raw / "p4.txt").write_text(NEW_PAGE, encoding="utf-8")
    build(raw, tmp_path / "ref4", use_cache=False)

    class FullDisk(sqlite3.Connection):
        def execute(self, sql, *args):
            if sql.startswith(("INSERT", "COMMIT")):
                raise sqlite3.OperationalError("database or disk is full")
            return super().execute(sql, *args)

    _connect_with(monkeypatch, factory=FullDisk)
    with caplog.at_level(logging.WARNING):
        build(raw, out)
    _one_warning(caplog, out, "database or disk is full")
    assert _files(out) == _files(tmp_path / "ref4")


def test_cache_file_corrupt_inside_is_a_warning_not_a_failure(raw, tmp_path, reference, caplog):
    """A file that opens, lists its keys, then fails on reading entries ('database disk image is
    malformed'): the build goes on without it, and the next build starts a new one."""
    out = tmp_path / "out"
    build(raw, out)
    with sqlite3.connect(_db(out)) as db:
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = 'results'").fetchone()[0]
        page = db.execute("PRAGMA page_size").fetchone()[0]
    data = bytearray(_db(out).read_bytes())
    data[(root - 1) * page] = 0x42  # not a b-tree page type: the table is malformed, its key index is not
    _db(out).write_bytes(bytes(data))
    with caplog.at_level(logging.WARNING):
        build(raw, out)
    assert "while reading" in _one_warning(caplog, out, "malformed")
    assert _files(out) == reference
    caplog.clear()
    with caplog.at_level(logging.WARNING):
        build(raw, out)
    assert _cache_warnings(caplog) == []
    assert _files(out) == reference
    with sqlite3.connect(_db(out)) as db:
        assert db.execute("SELECT count(*) FROM results").fetchone()[0] == len(PAGES)


def test_cache_file_of_garbage_is_a_warning_not_a_failure(raw, tmp_path, reference, caplog):
    out = tmp_path / "out"
    build(raw, out)
    _db(out).write_bytes(b"SQLite format 3\x00" + b"\xff" * 40000)
    with caplog.at_level(logging.WARNING):
        build(raw, out)
    msgs = _cache_warnings(caplog)
    assert len(msgs) == 1 and str(_db(out)) in msgs[0] and "damaged" in msgs[0]
    assert _files(out) == reference


def test_cache_folder_read_only_is_a_warning_not_a_failure(raw, tmp_path, reference, monkeypatch, caplog):
    """Read-only, as SQLite sees it (PRAGMA query_only; chmod does not bind root): a new cache
    cannot be created; an existing one is read but takes no new entry."""
    out = tmp_path / "out"
    with monkeypatch.context() as m:
        _connect_with(m, "PRAGMA query_only = ON")
        with caplog.at_level(logging.WARNING):
            build(raw, out)
    assert "while opening" in _one_warning(caplog, out, "readonly database")
    assert _files(out) == reference
    caplog.clear()
    build(raw, out)  # a cache now exists
    (raw / "p4.txt").write_text(NEW_PAGE, encoding="utf-8")
    build(raw, tmp_path / "ref4", use_cache=False)
    _connect_with(monkeypatch, "PRAGMA query_only = ON")
    with caplog.at_level(logging.WARNING):
        build(raw, out)
    assert "while writing" in _one_warning(caplog, out, "readonly database")
    assert _files(out) == _files(tmp_path / "ref4")


def test_cache_file_that_cannot_be_opened_is_a_warning_not_a_failure(raw, tmp_path, reference, monkeypatch,
                                                                      caplog):
    out = tmp_path / "out"

    def refuse(*a, **k):
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlite3, "connect", refuse)
    with caplog.at_level(logging.WARNING):
        build(raw, out)
    _one_warning(caplog, out, "unable to open database file")
    assert _files(out) == reference


def test_cache_trouble_on_the_command_line_is_one_warning_line(raw, tmp_path):
    """``lishui-analysis build`` on a full disk (SQLite's page limit, set in the child process):
    exit 0, the tables, and on stderr one line about the cache, naming its file."""
    _more_pages(raw)
    build(raw, tmp_path / "nocache", use_cache=False)
    out = tmp_path / "out"
    code = ("import sqlite3, sys\n"
            "real = sqlite3.connect\n"
            "def connect(*a, **k):\n"
            "    db = real(*a, **k)\n"
            "    db.execute('PRAGMA max_page_count = 3')\n"
            "    return db\n"
            "sqlite3.connect = connect\n"
            "from lishui_analysis.cli import main\n"
            f"sys.exit(main(['build', '--raw', {str(raw)!r}, '--out', {str(out)!r}]))\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0, r.stderr
    assert [ln for ln in r.stderr.splitlines() if "cache" in ln] == [
        f"WARNING {_db(out)}: cannot use the cache: database or disk is full (while writing); building on without it",
        "warnings: 1 cache problem"]
    assert _files(out) == _files(tmp_path / "nocache")


# ---------------------------------------------------------------------------------------
# Item 15: --scheduler addresses that lead nowhere


@pytest.fixture
def silent_listener():
    """A socket on 127.0.0.1 that accepts connections and never says anything."""
    srv = socket.socket()
    srv.bind(("127.0.0.1", 0))
    srv.listen(4)
    srv.settimeout(10)
    held = []

    def accept():
        for _ in range(4):
            try:
                held.append(srv.accept()[0])
            except OSError:
                return

    t = threading.Thread(target=accept, daemon=True)
    t.start()
    yield f"tcp://127.0.0.1:{srv.getsockname()[1]}"
    srv.close()
    for c in held:
        c.close()


def _within(seconds, fn, *args, **kw):
    """``fn(*args, **kw)`` in a daemon thread: its result, or its exception raised here; a test
    failure, not a hung test suite, if it has not returned within ``seconds``."""
    box = {}

    def run():
        try:
            box["result"] = fn(*args, **kw)
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            box["error"] = exc

    t = threading.Thread(target=run, daemon=True)
    t.start()
    t.join(seconds)
    if t.is_alive():
        pytest.fail(f"still waiting after {seconds} s")
    if "error" in box:
        raise box["error"]
    return box["result"]


@pytest.mark.parametrize("address, problem", [
    ("not a url", "not a Dask scheduler address"),
    ("http://127.0.0.1:1", "not a Dask scheduler address"),
    ("tcp://127.0.0.1:1", "no Dask scheduler answers there within 1 s"),
    ("silent", "no Dask scheduler answers there within 1 s"),
])
def test_scheduler_address_malformed_or_unreachable_is_one_line_error(raw, tmp_path, monkeypatch, capsys,
                                                                      silent_listener, address, problem):
    pytest.importorskip("distributed")
    address = silent_listener if address == "silent" else address
    monkeypatch.setattr(engine, "SCHEDULER_TIMEOUT", 1.0, raising=False)
    out = tmp_path / "out"
    with pytest.raises(InputError, match=f"--scheduler '{address}': {problem}"):
        _within(15, build, raw, out, engine="dask", scheduler=address)
    rc = _within(15, main, ["build", "--raw", str(raw), "--out", str(tmp_path / "cli"), "--engine", "dask",
                            "--scheduler", address])
    err = capsys.readouterr().err
    assert rc == 2
    assert err.startswith(f"error: --scheduler '{address}': {problem}") and err.count("\n") == 1, err
    assert not (out / "articles.csv").exists() and not (tmp_path / "cli" / "articles.csv").exists()

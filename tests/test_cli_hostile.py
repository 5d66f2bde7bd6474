"""Issue #16 (never hang, never lose), the command line: a damaged table, a folder where a file
is expected, a full disk, a refusal by the system, SIGTERM and a second build waiting for the
first all end in one line naming the file, never in "internal error" or a silent wait; a bug
still says internal error.

Every page here is written for these tests."""
from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from build_files import leftovers, table_files, write_pages
from conftest import ROOT
from lishui_analysis.cli import main
from lishui_analysis.tables.corpus import build

PAGES = {
    "a.txt": "云岭新材料项目开工\n本报讯（记者 林一）浙江云岭新材料有限公司总投资3.2亿元，用地面积80亩，于2024年3月开工。\n",
    "b.txt": "星河电子项目封顶\n本报讯（记者 王二）浙江星河电子科技有限公司总投资5.5亿元，用地面积120亩，"
             "于2024年9月封顶，预计明年投产。\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A raw folder and the tables built from it (copy ``out`` before damaging it)."""
    base = tmp_path_factory.mktemp("built")
    raw = write_pages(base / "raw", PAGES)
    build(raw, base / "out")
    return raw, base / "out"


@pytest.fixture
def tables(built, tmp_path):
    raw, out = built
    shutil.copytree(out, tmp_path / "out")
    return raw, tmp_path / "out"


# --- check on damaged tables: listed as problems (exit 1), never an internal error ------------------------------

def _write_table(path: Path, columns: dict) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table(columns), path)


def _retype_start(path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    t = pq.read_table(path)
    i = t.schema.get_field_index("start")
    pq.write_table(t.set_column(i, "start", pa.array([str(v) for v in t.column("start").to_pylist()])), path)


DAMAGES = {
    "garbage": ("quantities.parquet", lambda p: p.write_bytes(bytes(range(256)) * 8)),
    "truncated": ("quantities.parquet", lambda p: p.write_bytes(p.read_bytes()[:200] + p.read_bytes()[-8:])),
    "empty": ("quantities.parquet", lambda p: p.write_bytes(b"")),
    "other-columns": ("quantities.parquet", lambda p: _write_table(p, {"x": [1, 2]})),
    "articles-other-columns": ("articles.parquet", lambda p: _write_table(p, {"x": [1, 2]})),
    "wrong-column-type": ("quantities.parquet", _retype_start),
    "a-folder": ("quantities.parquet", lambda p: (p.unlink(), p.mkdir())),
    "csv-a-folder": ("events.csv", lambda p: (p.unlink(), p.mkdir())),
}


@pytest.mark.parametrize("damage", sorted(DAMAGES))
def test_check_of_a_damaged_table_file_lists_it(tables, damage, capsys):
    raw, out = tables
    name, spoil = DAMAGES[damage]
    spoil(out / name)
    status = main(["check", "--raw", str(raw), "--processed", str(out)])
    captured = capsys.readouterr()
    assert status == 1, captured.err
    assert "internal error" not in captured.err and "Traceback" not in captured.err
    lines = captured.out.splitlines()
    assert any(line.startswith(f"{out / name}: ") for line in lines), lines
    assert all(line.startswith(str(out)) for line in lines), lines  # one line per problem, each naming its file


@pytest.mark.parametrize("field, value", [("tables", [1, 2]), ("inputs", [{"file": ["a.txt"]}, 3]),
                                          ("skipped", "none"), ("files", "none")])
def test_check_of_a_manifest_of_the_wrong_shape_lists_it(tables, field, value, capsys):
    raw, out = tables
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    manifest[field] = value
    (out / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    status = main(["check", "--raw", str(raw), "--processed", str(out)])
    captured = capsys.readouterr()
    assert status == 1 and "internal error" not in captured.err, captured.err
    assert any(line.startswith(f"{out / 'manifest.json'}: ") for line in captured.out.splitlines()), captured.out


# --- dictionary --out a folder --------------------------------------------------------------------------------

def test_dictionary_into_a_folder_is_refused(tmp_path, capsys):
    folder = tmp_path / "docs"
    folder.mkdir()
    status = main(["dictionary", "--out", str(folder)])
    err = capsys.readouterr().err
    assert status == 2 and err.startswith(f"error: {folder}: is a folder") and len(err.splitlines()) == 1, err
    assert list(folder.iterdir()) == [] and leftovers(tmp_path) == []


# --- what the system refuses: one line naming the path, exit 2 -------------------------------------------------

def _raising(exc: BaseException):
    def f(*_a, **_k):
        raise exc
    return f


def _patch_command(monkeypatch, command: str, exc: BaseException) -> list[str]:
    """Make ``command``'s work raise ``exc``; the arguments that run it."""
    if command == "build":
        from lishui_analysis.tables import corpus

        monkeypatch.setattr(corpus, "build", _raising(exc))
        return ["build", "--raw", "RAW", "--out", "OUT"]
    if command == "fetch":
        from lishui_analysis.ingest import fetch

        monkeypatch.setattr(fetch, "read_url_list", lambda path: ["http://127.0.0.1:9/"])
        monkeypatch.setattr(fetch, "fetch", _raising(exc))
        return ["fetch", "urls.txt", "--raw", "OUT"]
    if command == "report":
        from lishui_analysis.report import runner

        monkeypatch.setattr(runner, "run_reports", _raising(exc))
        return ["report", "--out", "OUT"]
    if command == "dictionary":
        monkeypatch.setattr(Path, "mkdir", _raising(exc))
        return ["dictionary", "--out", "OUT/dd.md"]
    raise AssertionError(command)


COMMANDS = ["build", "fetch", "report", "dictionary"]


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk_reaching_the_command_line_is_one_line(monkeypatch, capsys, tmp_path, command):
    target = tmp_path / "out" / "sentences.parquet"
    argv = _patch_command(monkeypatch, command, OSError(errno.ENOSPC, "No space left on device", str(target)))
    status = main(argv)
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert status == 2 and err == f"error: disk full writing {target}\n", err


@pytest.mark.parametrize("command", COMMANDS)
def test_a_full_disk_without_a_file_name_names_the_output(monkeypatch, capsys, command):
    """Arrow reports a full disk as an OSError with neither errno nor file name."""
    argv = _patch_command(monkeypatch, command, OSError("IOError: No space left on device. Detail: [errno 28]"))
    status = main(argv)
    monkeypatch.undo()
    err = capsys.readouterr().err
    expected = "OUT/dd.md" if command == "dictionary" else "OUT"
    assert status == 2 and err == f"error: disk full writing {expected}\n", err


@pytest.mark.parametrize("code, reason", [(errno.EACCES, "Permission denied"), (errno.EROFS, "Read-only file system"),
                                          (errno.EISDIR, "Is a directory")])
@pytest.mark.parametrize("command", COMMANDS)
def test_a_refusal_by_the_system_names_the_path_and_the_reason(monkeypatch, capsys, tmp_path, command, code, reason):
    target = tmp_path / "out" / "events.csv"
    argv = _patch_command(monkeypatch, command, OSError(code, os.strerror(code), str(target)))
    status = main(argv)
    monkeypatch.undo()
    err = capsys.readouterr().err
    assert status == 2 and err == f"error: {target}: {reason}\n", err


def test_a_refused_rename_names_the_target_not_the_temporary_file(monkeypatch, capsys, tmp_path):
    tmp, target = tmp_path / ".sentences.csv.partial", tmp_path / "sentences.csv"
    argv = _patch_command(monkeypatch, "build", OSError(errno.EACCES, "Permission denied", str(tmp), None, str(target)))
    assert main(argv) == 2
    assert capsys.readouterr().err == f"error: {target}: Permission denied\n"


def test_a_bug_is_still_an_internal_error(monkeypatch, capsys):
    argv = _patch_command(monkeypatch, "build", ValueError("a bug"))
    assert main(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("error: internal error ValueError: a bug") and "--debug" in err


# --- SIGTERM: as Ctrl-C, temporary files removed, previous outputs intact, exit 143 ---------------------------

def _big_raw(folder: Path, files: int, sentences: int) -> Path:
    """Invented pages, enough to keep a build busy for a few seconds."""
    line = ("浙江示范{i}号新材料有限公司总投资{a}.{b}亿元，用地面积{c}亩，于2023年{m}月开工，预计明年{n}月投产。"
            "今年1-{m}月，经开区规上工业增加值同比增长{b}.{a}%，新签约项目{c}个。")
    folder.mkdir(parents=True)
    for f in range(files):
        body = "".join(line.format(i=f * 100 + k, a=k % 9 + 1, b=k * 7 % 10, c=20 + k % 80, m=k % 12 + 1,
                                   n=(k + 3) % 12 + 1) for k in range(sentences))
        (folder / f"page{f:04d}.txt").write_text(f"示范项目第{f}期进展\n本报讯（记者 张明）{body}\n", encoding="utf-8")
    return folder


@pytest.mark.slow
@pytest.mark.parametrize("jobs, to", [("1", "process"), ("2", "process"), ("2", "group")])
def test_sigterm_stops_a_build_and_leaves_the_previous_tables(tmp_path, built, jobs, to):
    """SIGTERM to the build alone (docker stop) or to its process group, worker processes
    included (systemd, cron)."""
    _, old_out = built
    out = tmp_path / "out"
    shutil.copytree(old_out, out)
    before = table_files(out)
    raw = _big_raw(tmp_path / "big", files=200, sentences=60)
    proc = subprocess.Popen([sys.executable, "-m", "lishui_analysis.cli", "build", "--no-cache", "--jobs", jobs,
                             "--raw", str(raw), "--out", str(out)], cwd=ROOT, start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not list(out.glob(".*.partial")) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert proc.poll() is None, "the build ended before it was sent SIGTERM"
        time.sleep(0.3)  # files are being extracted and streamed to the temporary files
        if to == "group":
            os.killpg(proc.pid, signal.SIGTERM)
        else:
            proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=30)
    finally:
        try:
            os.killpg(proc.pid, signal.SIGKILL)  # this test's processes only: the build and its workers
        except ProcessLookupError:
            pass
        proc.wait()
    assert proc.returncode == 143, err
    assert err == f"stopped by SIGTERM; {out} left as it was\n"
    assert leftovers(out) == [] and table_files(out) == before


# --- the build lock: a second build says whom it waits for, and gives up after --lock-timeout -----------------

def test_a_second_build_says_who_holds_the_lock_and_gives_up(tables, capsys):
    from lishui_analysis.files import build_lock

    raw, out = tables
    before = table_files(out)
    with build_lock(out):
        assert (out / ".build.lock").read_text().split()[0] == str(os.getpid())  # the holder and its start time
        t0 = time.monotonic()
        status = main(["build", "--raw", str(raw), "--out", str(out), "--lock-timeout", "0.6"])
        waited = time.monotonic() - t0
    err = capsys.readouterr().err.splitlines()
    assert status == 2 and 0.6 <= waited < 3, (status, waited, err)
    assert len(err) == 2, err
    assert err[0].startswith(f"waiting for the build lock on {out} held by PID {os.getpid()} (started 20")
    assert err[0].endswith(")…")
    assert err[1].startswith(f"error: {out}: another build of this folder holds its lock (PID {os.getpid()} ")
    assert "gave up after 0.6 s" in err[1] and "--lock-timeout" in err[1]
    assert table_files(out) == before and leftovers(out) == []
    assert (out / ".build.lock").read_text() == ""  # released: nobody holds it


def test_a_second_process_waits_for_the_lock_of_another_process(tables, capsys):
    raw, out = tables
    code = ("import sys, time\nfrom lishui_analysis.files import build_lock\n"
            "with build_lock(sys.argv[1]):\n    print('held', flush=True)\n    time.sleep(60)\n")
    holder = subprocess.Popen([sys.executable, "-c", code, str(out)], cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline() == "held\n"
        status = main(["build", "--raw", str(raw), "--out", str(out), "--lock-timeout", "0.5"])
    finally:
        holder.kill()
        holder.wait()
    err = capsys.readouterr().err.splitlines()
    assert status == 2 and len(err) == 2, err
    assert err[0].startswith(f"waiting for the build lock on {out} held by PID {holder.pid} (started ")
    assert f"(PID {holder.pid} " in err[1] and "gave up after 0.5 s" in err[1]


def test_a_second_build_waits_once_then_builds_when_the_lock_is_released(tables, capsys):
    from lishui_analysis.files import build_lock

    raw, out = tables
    held, release = threading.Event(), threading.Event()

    def hold():
        with build_lock(out):
            held.set()
            release.wait(10)

    thread = threading.Thread(target=hold)
    thread.start()
    held.wait(10)
    threading.Timer(0.7, release.set).start()
    try:
        status = main(["build", "--raw", str(raw), "--out", str(out), "--lock-timeout", "30"])
    finally:
        release.set()
        thread.join()
    captured = capsys.readouterr()
    assert status == 0 and captured.out.startswith(f"built {out}"), captured.err
    waits = [line for line in captured.err.splitlines() if line.startswith("waiting for the build lock")]
    assert len(waits) == 1, captured.err


def test_a_lock_held_by_an_older_version_is_waited_for_without_a_pid(tables, capsys):
    import fcntl

    raw, out = tables
    with open(out / ".build.lock", "w") as fh:  # flock taken, nothing written into the file
        fcntl.flock(fh, fcntl.LOCK_EX)
        status = main(["build", "--raw", str(raw), "--out", str(out), "--lock-timeout", "0.3"])
    err = capsys.readouterr().err.splitlines()
    assert status == 2 and err[0] == f"waiting for the build lock on {out} held by another process…", err


@pytest.mark.parametrize("value", ["-1", "nan"])
def test_a_negative_lock_timeout_is_refused(tables, capsys, value):
    raw, out = tables
    assert main(["build", "--raw", str(raw), "--out", str(out), "--lock-timeout", value]) == 2
    assert capsys.readouterr().err == "error: --lock-timeout: must be a number of seconds, 0 or more\n"


def test_a_lock_timeout_of_zero_does_not_wait(tables, capsys, monkeypatch):
    from lishui_analysis.files import build_lock

    raw, out = tables
    monkeypatch.setenv("LISHUI_LOCK_TIMEOUT", "0")
    with build_lock(out, timeout=5):
        assert main(["build", "--raw", str(raw), "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "gave up after 0 s" in err

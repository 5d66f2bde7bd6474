"""Hostile raw folders (issue #16): what the build reads from ``data/raw`` and ``sources.csv``.

One class of input per test: paths in ``sources.csv`` that leave the raw folder, symbolic links
out of it, files that are not regular files or are too large, unreadable subfolders, file names
that are not UTF-8, broken ``sources.csv`` files, full-width and impossible dates. Each class is
also run through the command line (``python -m lishui_analysis.cli build``): exit code, one-line
message, previous outputs untouched. No test waits more than a few seconds: a FIFO is read under
an alarm, a large file is sparse (``truncate``), nothing of gigabytes is ever written.
"""
import csv
import json
import logging
import os
import signal
import subprocess
import sys
import time
import tracemalloc
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import ROOT
from lishui_analysis import config
from lishui_analysis.cli import main
from lishui_analysis.errors import InputError
from lishui_analysis.ingest import load
from lishui_analysis.tables.cache import cache_key

PAGE = ("丽水经开区新项目集中开工\n\n"
        "本报讯（记者 王五）3月5日，丽水经济技术开发区举行重大项目集中开工仪式，"
        "共有八个项目开工，总投资12亿元。\n")
SECRET = "机密文件内容不应进入表格"


@pytest.fixture
def raw(tmp_path):
    """A small raw folder of our own: one page and its sources.csv."""
    d = tmp_path / "raw"
    d.mkdir()
    (d / "page.txt").write_text(PAGE, encoding="utf-8")
    (d / "sources.csv").write_text("file,pub_date\npage.txt,2024-03\n", encoding="utf-8")
    return d


@pytest.fixture
def secret(tmp_path):
    """A file outside the raw folder that must never be read."""
    p = tmp_path / "secret.txt"
    p.write_text(SECRET + "\n", encoding="utf-8")
    return p


def cli(*args, timeout=60):
    t0 = time.monotonic()
    r = subprocess.run([sys.executable, "-m", "lishui_analysis.cli", *map(str, args)], capture_output=True,
                       text=True, cwd=ROOT, timeout=timeout)
    r.seconds = time.monotonic() - t0
    return r


def outputs(out: Path) -> dict:
    return {p.name: p.read_bytes() for p in out.iterdir() if p.is_file() and not p.name.startswith(".")}


@pytest.fixture
def built(raw, tmp_path):
    """``raw`` built once into ``out``: (out, its files' bytes), to show a failed build leaves them."""
    out = tmp_path / "out"
    assert main(["build", "--raw", str(raw), "--out", str(out)]) == 0
    return out, outputs(out)


def assert_refused(r, *words):
    """Exit 2, one line on stderr holding every word, no traceback."""
    assert r.returncode == 2, r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1, r.stderr
    assert lines[0].startswith("error: ") and "Traceback" not in r.stderr and "internal error" not in r.stderr
    for w in words:
        assert w in lines[0], (w, lines[0])


@contextmanager
def deadline(seconds):
    """Raise TimeoutError in the main thread after ``seconds`` (a blocking open of a FIFO included)."""
    def fire(signum, frame):
        raise TimeoutError(f"still blocked after {seconds} s")

    old = signal.signal(signal.SIGALRM, fire)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


# -- 1. sources.csv naming a file outside the raw folder ------------------------------------------

@contextmanager
def stat_spy(monkeypatch):
    """Every path os.stat / os.lstat is asked about, resolved lexically."""
    seen = []
    for fn in ("stat", "lstat"):
        real = getattr(os, fn)

        def spy(p, *a, _real=real, **kw):
            if not isinstance(p, int):
                seen.append(os.path.normpath(os.path.abspath(os.fsdecode(p))))
            return _real(p, *a, **kw)

        monkeypatch.setattr(os, fn, spy)
    yield seen


@pytest.mark.parametrize("name, problem", [
    ("../secret.txt", "leads outside the raw folder"),
    ("sub/../../secret.txt", "leads outside the raw folder"),
    ("{secret}", "an absolute path, not a path inside the raw folder"),
])
def test_sources_path_outside_raw_is_refused(raw, secret, monkeypatch, name, problem):
    (raw / "sub").mkdir()
    name = name.format(secret=secret)
    (raw / "sources.csv").write_text(f"file,pub_date\npage.txt,2024-03\n{name},2024\n", encoding="utf-8")
    with stat_spy(monkeypatch) as seen:
        with pytest.raises(InputError) as exc:
            load.read_sources(raw)
    assert str(exc.value).startswith(f"{raw / 'sources.csv'}:3: ") and problem in str(exc.value)
    assert str(secret) not in seen  # nothing outside is even stat'ed
    # only the raw folder's own path (realpath of it) and what is inside it
    allowed = {str(a) for a in (raw, *raw.parents)}
    assert seen and all(p in allowed or p.startswith(str(raw) + os.sep) for p in seen), seen


def test_sources_row_naming_a_symlink_out_of_raw_is_refused(raw, secret):
    (raw / "link.txt").symlink_to(secret)
    (raw / "sources.csv").write_text("file,pub_date\nlink.txt,2024\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"sources.csv:2: file 'link.txt' refused \(a symbolic link to .*secret.txt, outside"):
        load.read_sources(raw)


def test_sources_path_outside_raw_cli(raw, built, secret):
    out, before = built
    (raw / "sources.csv").write_text("file,pub_date\n../secret.txt,2024\n", encoding="utf-8")
    r = cli("build", "--raw", raw, "--out", out)
    assert_refused(r, "sources.csv:2", "file '../secret.txt' refused (a path that leads outside the raw folder (..))")
    assert outputs(out) == before


# -- 8. symbolic links out of the raw folder -------------------------------------------------------

@pytest.mark.parametrize("make", [
    lambda raw, secret: (raw / "link.txt").symlink_to(secret),                      # absolute target
    lambda raw, secret: (raw / "link.txt").symlink_to(os.path.relpath(secret, raw)),  # ../secret.txt
    lambda raw, secret: ((raw / "sub").mkdir(), (raw / "sub" / "out").symlink_to(secret.parent),
                         (raw / "link.txt").symlink_to("sub/out/secret.txt")),       # through a linked folder
    lambda raw, secret: (raw / "link.txt").symlink_to("/dev/zero"),                  # endless
], ids=["absolute", "relative", "via-folder-link", "dev-zero"])
def test_symlink_out_of_raw_is_refused(raw, secret, make):
    make(raw, secret)
    with deadline(10), pytest.raises(InputError) as exc:
        load.read_document(raw / "link.txt", raw)
    assert "link.txt" in str(exc.value) and "outside the raw folder" in str(exc.value)
    with deadline(10):
        key = cache_key(str(raw / "link.txt"), {}, str(raw))  # the cache key does not read it either
    assert len(key) == 64


def test_symlink_inside_raw_is_read(raw):
    (raw / "sub").mkdir()
    (raw / "sub" / "real.dat").write_text(PAGE, encoding="utf-8")
    (raw / "a.txt").symlink_to("sub/real.dat")
    (raw / "b.txt").symlink_to(raw / "sub" / "real.dat")  # absolute, but inside
    (raw / "sub" / "c.txt").symlink_to("../page.txt")
    for name in ("a.txt", "b.txt", "sub/c.txt"):
        doc = load.read_document(raw / name, raw)
        assert doc.text == PAGE and doc.file == name


def test_symlink_out_of_raw_cli(raw, built, secret):
    out, before = built
    (raw / "link.txt").symlink_to(secret)
    r = cli("build", "--raw", raw, "--out", out)
    assert_refused(r, "link.txt: cannot read file (a symbolic link to", "secret.txt, outside the raw folder)")
    assert outputs(out) == before
    r = cli("build", "--raw", raw, "--out", out, "--skip-bad")
    assert r.returncode == 0, r.stderr
    assert "WARNING link.txt: skipped: cannot read file (a symbolic link to" in r.stderr
    assert r.stderr.splitlines()[-1] == "warnings: 1 skipped file"
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [s["file"] for s in manifest["skipped"]] == ["link.txt"]
    assert "outside the raw folder" in manifest["skipped"][0]["problem"]
    assert SECRET not in (out / "articles.csv").read_text(encoding="utf-8")
    assert [i["file"] for i in manifest["inputs"]] == ["page.txt"]


# -- 9. not a regular file, too large: refused before anything is read -----------------------------

def test_fifo_in_raw_does_not_hang(raw):
    os.mkfifo(raw / "pipe.txt")
    t0 = time.monotonic()
    with deadline(10), pytest.raises(InputError, match=r"pipe.txt: a FIFO \(named pipe\), not a regular file"):
        load.read_document(raw / "pipe.txt", raw)
    with deadline(10):
        cache_key(str(raw / "pipe.txt"), {}, str(raw))
    assert time.monotonic() - t0 < 5


def test_fifo_in_raw_cli(raw, built):
    out, before = built
    os.mkfifo(raw / "pipe.txt")
    r = cli("build", "--raw", raw, "--out", out, timeout=60)
    assert_refused(r, "pipe.txt", "FIFO", "not a regular file")
    assert outputs(out) == before and r.seconds < 30
    r = cli("build", "--raw", raw, "--out", out, "--skip-bad", timeout=60)
    assert r.returncode == 0 and "WARNING pipe.txt: skipped: a FIFO" in r.stderr
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["skipped"][0]["file"] == "pipe.txt"


def test_folder_named_txt_is_not_a_file(raw):
    (raw / "notes.txt").mkdir()
    with pytest.raises(InputError, match="notes.txt: a folder, not a regular file"):
        load.read_document(raw / "notes.txt", raw)


def test_file_above_size_limit_is_refused_before_reading(raw):
    big = raw / "big.txt"
    os.truncate(big.touch() or big, 5 * 1024**3)  # sparse: 5 GB long, nothing on disk
    tracemalloc.start()
    t0 = time.monotonic()
    try:
        with pytest.raises(InputError, match=r"big.txt: file is 5369 MB, above the 52 MB limit"):
            load.read_document(big, raw)
        cache_key(str(big), {}, str(raw))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert time.monotonic() - t0 < 2 and peak < 1_000_000


def test_file_hash_is_streamed(raw):
    """A file under the limit is hashed in chunks, not read whole into memory."""
    page = raw / "long.txt"
    os.truncate(page.touch() or page, 20 * 1024 * 1024)
    tracemalloc.start()
    try:
        key = cache_key(str(page), {}, str(raw))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert len(key) == 64 and peak < 4 * 1024 * 1024, peak
    import hashlib

    assert load.file_sha256(page, raw) == hashlib.sha256(page.read_bytes()).hexdigest()


def test_file_above_size_limit_cli(raw, built):
    out, before = built
    big = raw / "big.txt"
    os.truncate(big.touch() or big, 5 * 1024**3)
    r = cli("build", "--raw", raw, "--out", out)
    assert_refused(r, "big.txt", "5369 MB, above the 52 MB limit per file")
    assert outputs(out) == before and r.seconds < 30


# -- 13. unreadable subfolder -----------------------------------------------------------------------

def _deny(monkeypatch, folder: Path):
    """os.scandir of ``folder`` fails as it does for a folder without read permission (tests run
    as root, where chmod 000 stops nothing)."""
    real = os.scandir

    def scandir(p="."):
        if os.fspath(p) == os.fspath(folder):
            raise PermissionError(13, "Permission denied", os.fspath(p))
        return real(p)

    monkeypatch.setattr(os, "scandir", scandir)


def test_unreadable_subfolder_is_skipped_with_a_warning(raw, monkeypatch, caplog):
    (raw / "locked").mkdir()
    (raw / "locked" / "hidden.txt").write_text(PAGE, encoding="utf-8")
    _deny(monkeypatch, raw / "locked")
    skipped = []
    with caplog.at_level(logging.WARNING):
        files = load.list_raw_files(raw, skipped)
    assert files == [raw / "page.txt"]
    assert f"{raw / 'locked'}: skipped: cannot read folder (Permission denied)" in caplog.text
    assert skipped == [{"file": "locked/", "problem": "cannot read folder (Permission denied); its files are not read"}]


def test_unreadable_raw_folder_is_an_error(raw, monkeypatch):
    _deny(monkeypatch, raw)
    with pytest.raises(InputError, match="cannot read raw folder \\(Permission denied\\)"):
        load.list_raw_files(raw)


def test_unreadable_subfolder_cli(raw, tmp_path):
    (raw / "locked").mkdir()
    (raw / "locked" / "hidden.txt").write_text(PAGE, encoding="utf-8")
    out = tmp_path / "out"
    # the command line in a process where reading raw/locked fails as without permission
    code = ("import os, sys\n"
            "real = os.scandir\n"
            "def scandir(p='.'):\n"
            f"    if os.fspath(p) == {str(raw / 'locked')!r}: raise PermissionError(13, 'Permission denied', os.fspath(p))\n"
            "    return real(p)\n"
            "os.scandir = scandir\n"
            "from lishui_analysis.cli import main\n"
            f"sys.exit(main(['build', '--raw', {str(raw)!r}, '--out', {str(out)!r}]))\n")
    # (no CPU budget: this is about the folder, and the one page is the first of a fresh process, whose
    # start-up costs — jieba's dictionary, compiled patterns — once took it past 5 s on a fresh environment)
    env = {**os.environ, "LISHUI_DOC_BUDGET": "0"}
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60, env=env)
    assert r.returncode == 0, r.stderr
    assert (f"WARNING {raw / 'locked'}: skipped: cannot read folder (Permission denied); its files are not read"
            in r.stderr)
    assert "warnings: 1 unreadable folder" in r.stderr
    inputs = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["inputs"]
    assert [i["file"] for i in inputs] == ["page.txt"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads folders whatever their permissions")
def test_unreadable_subfolder_for_real(raw, caplog):
    (raw / "locked").mkdir()
    (raw / "locked" / "hidden.txt").write_text(PAGE, encoding="utf-8")
    os.chmod(raw / "locked", 0)
    try:
        with caplog.at_level(logging.WARNING):
            assert load.list_raw_files(raw) == [raw / "page.txt"]
        assert "locked" in caplog.text
    finally:
        os.chmod(raw / "locked", 0o755)


# -- 15. names and sources.csv that are not what they should be ------------------------------------

def test_file_name_not_utf8_is_refused(raw, built):
    out, before = built
    with open(os.fsencode(raw) + b"/b\xffd.txt", "wb") as fh:
        fh.write(PAGE.encode("utf-8"))
    with pytest.raises(InputError, match=r"b\\xffd.txt: file name is not valid UTF-8"):
        load.list_raw_files(raw)
    r = cli("build", "--raw", raw, "--out", out)
    assert_refused(r, "b\\xffd.txt", "file name is not valid UTF-8")
    assert outputs(out) == before


def test_sources_field_too_long_is_refused(raw, built):
    out, before = built
    (raw / "sources.csv").write_text("file,pub_date,notes\npage.txt,2024-03,ok\npage.txt,2024-03," + "长" * 140_000 + "\n",
                                     encoding="utf-8")
    with pytest.raises(InputError, match=r"sources.csv:3: not a valid CSV table \(field larger than field limit"):
        load.read_sources(raw)
    r = cli("build", "--raw", raw, "--out", out)
    assert_refused(r, "sources.csv:3", "field larger than field limit (131072)")
    assert outputs(out) == before


def test_sources_csv_that_is_a_folder_is_refused(raw, built):
    out, before = built
    (raw / "sources.csv").unlink()
    (raw / "sources.csv").mkdir()
    with pytest.raises(InputError, match="sources.csv: a folder, not a regular file"):
        load.read_sources(raw)
    r = cli("build", "--raw", raw, "--out", out)
    assert_refused(r, "sources.csv", "a folder, not a regular file")
    assert outputs(out) == before


def test_sources_csv_that_is_a_fifo_does_not_hang(raw):
    (raw / "sources.csv").unlink()
    os.mkfifo(raw / "sources.csv")
    with deadline(10), pytest.raises(InputError, match="sources.csv: a FIFO"):
        load.read_sources(raw)


# -- 16. dates in sources.csv -------------------------------------------------------------------------

@pytest.mark.parametrize("value, expected", [
    ("２０２４-０３-０５", ("2024-03-05", "day")),
    ("２０２４－０３", ("2024-03", "month")),   # full-width hyphen too
    ("２０２４", ("2024", "year")),
    ("٢٠٢٤-٠٣-٠٥", None),                      # Arabic-Indic digits are not read as a date
])
def test_fullwidth_pub_date_is_read_as_ascii(value, expected):
    assert load.parse_pub_date(value) == expected


def test_fullwidth_pub_date_is_stored_in_ascii(raw, tmp_path):
    (raw / "sources.csv").write_text("file,pub_date\npage.txt,２０２４-０３-０５\n", encoding="utf-8")
    assert load.read_sources(raw)["page.txt"]["pub_date"] == "2024-03-05"
    out = tmp_path / "o"
    r = cli("build", "--raw", raw, "--out", out)
    assert r.returncode == 0, r.stderr
    with open(out / "articles.csv", encoding="utf-8") as fh:
        dates = {row["pub_date"] for row in csv.DictReader(fh)}
    assert dates == {"2024-03-05"}
    assert json.loads((out / "manifest.json").read_text(encoding="utf-8"))["inputs"][0]["pub_date"] == "2024-03-05"


@pytest.mark.parametrize("value, why", [
    ("2024-02-30", "is not a date (day is out of range for month)"),
    ("２０２３-０２-２９", "is not a date (day is out of range for month)"),
    ("2024-13", "is not a date (month must be 01 to 12)"),
    ("2024/03/05", "is not YYYY, YYYY-MM or YYYY-MM-DD"),
])
def test_impossible_pub_date_is_refused_with_its_line(raw, built, value, why):
    out, before = built
    (raw / "other.txt").write_text(PAGE.replace("12亿", "13亿"), encoding="utf-8")
    (raw / "sources.csv").write_text(f"file,pub_date\npage.txt,2024-03\nother.txt,{value}\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load.read_sources(raw)
    assert str(exc.value) == f"{raw / 'sources.csv'}:3: pub_date '{value}' {why}"
    r = cli("build", "--raw", raw, "--out", out)
    assert_refused(r, "sources.csv:3", value, why)
    assert outputs(out) == before

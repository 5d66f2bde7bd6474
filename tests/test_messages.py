"""Progress and messages of a build: every warning names its file, in file order, whichever engine
read the file and whether it came from the cache; one closing line counts them by kind; the progress
bar (tqdm) is on a terminal only, with the warnings written above it; --quiet keeps only the count."""
from __future__ import annotations

import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest

from build_files import write_pages
from fetch_server import local_server
from lishui_analysis.errors import WarningTally, collecting_notes, note, warning_summary

ROOT = Path(__file__).resolve().parents[1]

# Invented pages: two without a title (a body from the first line), one with a title and a byline.
UNTITLED = "近日，青禾精密部件项目在园区开工，总投资3.2亿元。\n项目预计明年投产。\n"
UNTITLED_2 = "今年以来，白石岭片区新落地项目5个，总投资约11亿元。\n"
TITLED = "溪口园区签约两个新材料项目\n本报讯（记者 郑一帆）日前，溪口园区签约项目2个，总投资8.4亿元。\n"
MESSAGE = "no article title found: the page is one untitled article"


def _cli(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "lishui_analysis.cli", *map(str, args)], capture_output=True,
                          text=True, cwd=ROOT, timeout=180, **kw)


def _tables(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.iterdir()) if p.suffix in (".csv", ".parquet")}


@pytest.fixture
def raw(tmp_path):
    return write_pages(tmp_path / "raw", {"031_b.txt": UNTITLED_2, "007_titled.txt": TITLED, "012_x.txt": UNTITLED})


def test_every_warning_names_its_file_in_file_order_and_one_line_counts_them(raw, tmp_path):
    expected = [f"WARNING 012_x.txt: {MESSAGE}", f"WARNING 031_b.txt: {MESSAGE}", "warnings: 2 untitled pages"]
    runs = {}
    for label, extra in (("cold", ()), ("cached", ()), ("pool", ("--jobs", "2", "--no-cache"))):
        out = tmp_path / ("out" if label != "pool" else "pool")
        r = _cli("build", "--raw", raw, "--out", out, *extra)
        assert r.returncode == 0, r.stderr
        assert r.stderr.splitlines() == expected, (label, r.stderr)
        assert "\r" not in r.stderr  # no progress bar when stderr is not a terminal
        runs[label] = _tables(out)
    assert runs["cold"] == runs["cached"] == runs["pool"]  # the messages change no output


def test_quiet_says_only_the_count(raw, tmp_path):
    for argv in (("--quiet", "build"), ("build", "-q")):
        r = _cli(*argv, "--raw", raw, "--out", tmp_path / "out")
        assert r.returncode == 0, r.stderr
        assert r.stderr.splitlines() == ["warnings: 2 untitled pages"]


def test_no_warning_no_summary_line(tmp_path):
    raw = write_pages(tmp_path / "raw", {"a.txt": TITLED})
    r = _cli("build", "--raw", raw, "--out", tmp_path / "out")
    assert r.returncode == 0 and r.stderr == "", r.stderr


def test_warning_about_a_bad_file_names_it_and_counts_as_skipped(raw, tmp_path):
    (raw / "050_bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    r = _cli("build", "--skip-bad", "--raw", raw, "--out", tmp_path / "out")
    assert r.returncode == 0, r.stderr
    lines = r.stderr.splitlines()
    assert [ln.split(":")[0] for ln in lines[:-1]] == ["WARNING 012_x.txt", "WARNING 031_b.txt", "WARNING 050_bin.txt"]
    assert lines[-1] == "warnings: 2 untitled pages, 1 skipped file"


def _run_in_terminal(argv: list[str], seconds: float = 120) -> str:
    """Run the command line with stdout and stderr on a pseudo-terminal; everything it wrote."""
    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 110, 0, 0))  # 30 rows, 110 columns
    code = ("import sys\nfrom lishui_analysis.tables import engine\nengine.PROGRESS_DELAY = 0\n"
            "from lishui_analysis.cli import main\nsys.exit(main(sys.argv[1:]))\n")
    proc = subprocess.Popen([sys.executable, "-c", code, *argv], stdin=subprocess.DEVNULL, stdout=child,
                            stderr=child, cwd=ROOT)
    os.close(child)
    chunks, deadline = [], time.monotonic() + seconds
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 1)
        if ready:
            try:
                data = os.read(main, 65536)
            except OSError:  # the other end closed
                break
            if not data:
                break
            chunks.append(data)
        elif proc.poll() is not None:
            break
    os.close(main)
    assert proc.wait(timeout=30) == 0, b"".join(chunks).decode("utf-8", "replace")
    return b"".join(chunks).decode("utf-8", "replace")


def test_progress_bar_on_a_terminal_with_rate_and_warnings_above_it(tmp_path):
    pages = {f"{i:03d}_p.txt": TITLED.replace("2个", f"{i + 2}个") for i in range(24)}
    pages["017_p.txt"] = UNTITLED
    raw = write_pages(tmp_path / "raw", pages)
    text = _run_in_terminal(["build", "--raw", str(raw), "--out", str(tmp_path / "out")])
    # What the terminal shows: each line as its last carriage return leaves it.
    screen = [ln.split("\r")[-1] if ln.split("\r")[-1].strip() else ln for ln in text.split("\n")]
    assert f"WARNING 017_p.txt: {MESSAGE}" in [re.sub(r"\x1b\[[0-9;]*[A-Za-z]", "", s).strip() for s in
                                               (seg for ln in text.split("\n") for seg in ln.split("\r"))]
    bar = [s for s in screen if "24/24" in s]
    assert bar and re.search(r"100%.*24/24 \[\d\d:\d\d<00:00, +[\d.]+ ?files?/s\]", bar[-1]), screen
    assert "warnings: 1 untitled page" in text and "built " in text


def test_notes_outside_a_build_are_logged_at_once(caplog):
    with collecting_notes() as notes:
        note("untitled", "kept")
    assert notes == [("untitled", "kept")] and "kept" not in caplog.text
    note("untitled", "said now")
    assert "said now" in caplog.text and caplog.records[-1].kind == "untitled"


def test_tally_counts_by_kind_and_by_n():
    import logging

    tally, log = WarningTally(), logging.getLogger("lishui_analysis.test_messages")
    log.addHandler(tally)
    try:
        log.warning("a", extra={"kind": "untitled"})
        log.warning("b", extra={"kind": "ambiguous", "n": 4})
        log.warning("c")
        log.info("not a warning")
    finally:
        log.removeHandler(tally)
    assert tally.counts == {"untitled": 1, "ambiguous": 4, "other": 1}
    assert warning_summary(tally.counts) == ("warnings: 4 names left apart as ambiguous, 1 other warning, "
                                             "1 untitled page")
    assert warning_summary({}) == ""


def test_fetch_shows_its_progress_on_a_terminal_as_the_build_does(tmp_path):
    from test_fetch import _Handler  # the invented pages of the fetch tests, served on the loopback address

    with local_server(_Handler) as srv:
        urls = tmp_path / "urls.txt"
        urls.write_text("".join(f"{srv.url}{p}\n" for p in ("/a.html", "/b.html", "/page.html")), encoding="utf-8")
        text = _run_in_terminal(["fetch", str(urls), "--raw", str(tmp_path / "raw"), "--delay", "0"])
    assert re.search(r"100%.*3/3 \[\d\d:\d\d<00:00, +[\d.]+ ?pages?/s\]", text), text
    assert "fetched 3, already there 0, failed 0" in text, text

"""Dated run folders for scheduled reports (``lishui-analysis report --run-dir``).

Each run renders into a folder of its own, ``reports/runs/YYYY-MM-DD/`` (the local date; a second run
that day ``YYYY-MM-DD-2``, then ``-3`` …), with ``run.json`` saying how it went. ``reports/latest``
points at the last good run — a relative symbolic link, or, where symbolic links cannot be made (some
Windows and network file systems), a copy of that run's folder. A failed run never moves it. Its
``changes.json`` compares it with the last good run before it. Runs of one report folder take turns
(a lock on ``reports/runs``), so two runs never take the same name or race for ``latest``.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import shutil
from pathlib import Path
from typing import cast

from ..files import atomic_write_bytes

RUNS = "runs"
LATEST = "latest"
RUN_FILE = "run.json"
LOCK = ".run.lock"
_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})(?:-([1-9]\d*))?\Z")


def _order(name: str) -> tuple[str, int] | None:
    """``2026-03-09-2`` → ``("2026-03-09", 2)``; None for a name that is not a run's."""
    m = _NAME.match(name)
    return (m.group(1), int(m.group(2) or 1)) if m else None


def runs_in_order(runs_dir: Path) -> list[Path]:
    """The run folders, oldest first (by date, then by number within the day)."""
    try:
        found = [p for p in Path(runs_dir).iterdir() if _order(p.name) and p.is_dir() and not p.is_symlink()]
    except OSError:
        return []
    return sorted(found, key=lambda p: cast(tuple[str, int], _order(p.name)))  # found: runs' names only


def record(folder: Path) -> dict:
    """A run's ``run.json`` (empty when it has none or it cannot be read)."""
    try:
        data = json.loads((Path(folder) / RUN_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def last_good(runs_dir: Path) -> Path | None:
    """The last run whose ``run.json`` says ``ok``."""
    return next((p for p in reversed(runs_in_order(runs_dir)) if record(p).get("status") == "ok"), None)


def new_run_folder(runs_dir: Path, day: dt.date | None = None) -> Path:
    """Create the folder of a new run: ``YYYY-MM-DD`` of ``day`` (default: today, local time), or the
    first free ``YYYY-MM-DD-N`` after it (N from 2). Created exclusively: a name is never reused, even
    when the folder of an earlier run of the day was deleted since (numbers go on from the highest)."""
    stem = (day or dt.date.today()).isoformat()
    taken = [n for p in runs_in_order(runs_dir) if (o := _order(p.name)) and o[0] == stem for n in [o[1]]]
    n = max(taken, default=0) + 1
    while True:
        folder = Path(runs_dir) / (stem if n == 1 else f"{stem}-{n}")
        try:
            folder.mkdir()
            return folder
        except FileExistsError:
            n += 1


def write_record(folder: Path, data: dict) -> None:
    atomic_write_bytes(Path(folder) / RUN_FILE,
                       (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n").encode("utf-8"))


def _swap_in(tmp: Path, link: Path) -> None:
    """Put ``tmp`` (a symbolic link or a folder) at ``link``, replacing whatever is there: a link by a link
    in one rename; where a folder is involved (a copy, made where links fail) the old one is moved aside
    first (a folder cannot be renamed over a link, nor a link over a folder), then removed."""
    real_dir = lambda p: p.is_dir() and not p.is_symlink()  # noqa: E731
    if not os.path.lexists(link) or not (real_dir(tmp) or real_dir(link)):
        os.replace(tmp, link)
        return
    old = link.with_name(f".{LATEST}.old.{os.getpid()}")
    os.replace(link, old)
    try:
        os.replace(tmp, link)
    except BaseException:
        os.replace(old, link)  # as it was
        raise
    if real_dir(old):
        shutil.rmtree(old, ignore_errors=True)
    else:
        old.unlink()


def point_latest(out_dir: Path, folder: Path) -> str:
    """Make ``out_dir/latest`` the run ``folder``: a relative symbolic link (replaced in one rename), else
    a copy of the folder. Returns ``"link"`` or ``"copy"``."""
    out_dir, folder = Path(out_dir), Path(folder)
    link = out_dir / LATEST
    if link.is_dir() and not link.is_symlink() and not record(link).get("run"):
        from ..errors import InputError

        raise InputError(link, "is a folder that is not a copy of a run (no run.json); move it away, "
                               "reports/latest shows the last good run")
    tmp = out_dir / f".{LATEST}.{os.getpid()}.tmp"
    if os.path.lexists(tmp):
        shutil.rmtree(tmp) if tmp.is_dir() and not tmp.is_symlink() else tmp.unlink()
    try:
        os.symlink(Path(os.path.relpath(folder, out_dir)), tmp, target_is_directory=True)
        how = "link"
    except (OSError, NotImplementedError):  # no symbolic links here: a copy
        try:
            shutil.copytree(folder, tmp, ignore=shutil.ignore_patterns(".*"))
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        how = "copy"
    try:
        _swap_in(tmp, link)
    except BaseException:
        if tmp.is_dir() and not tmp.is_symlink():
            shutil.rmtree(tmp, ignore_errors=True)
        elif os.path.lexists(tmp):
            tmp.unlink()
        raise
    return how


def latest_run(out_dir: Path) -> str | None:
    """The name of the run ``out_dir/latest`` shows (a link's target, or the copy's run.json)."""
    link = Path(out_dir) / LATEST
    if link.is_symlink():
        return Path(os.readlink(link)).name
    return record(link).get("run") if link.is_dir() else None


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def run_in_folder(out_dir: Path, render, about: dict, day: dt.date | None = None) -> list[dict]:
    """One run of ``render(folder, previous)`` (which returns one result per notebook) in a new dated
    folder of ``out_dir/runs``, ``previous`` being the last good run (for changes.json). Its run.json says
    ``running``, then ``ok`` or ``failed`` (a notebook failed, or the run stopped: bad input, a kill);
    ``latest`` moves to it only when it is ``ok``. One line says where the run is and what latest shows."""
    import sys

    from ..files import build_lock

    runs_dir = Path(out_dir) / RUNS
    runs_dir.mkdir(parents=True, exist_ok=True)
    with build_lock(runs_dir, name=LOCK, what="report run"):
        previous = last_good(runs_dir)
        folder = new_run_folder(runs_dir, day)
        about = {k: ({n: x for n, x in v.items() if n != "report_dir"} if k == "parameters" else v)
                 for k, v in about.items()}
        run = {"run": folder.name, "status": "running", "started": _now(), "finished": None,
               "previous_run": previous.name if previous else None, **about}
        write_record(folder, run)
        try:
            results = render(folder, previous)
        except BaseException as exc:
            problem = "stopped (interrupted)" if isinstance(exc, KeyboardInterrupt) else str(exc) or type(exc).__name__
            write_record(folder, {**run, "status": "failed", "finished": _now(), "error": problem})
            print(f"run {folder} failed; {LATEST} still shows {previous.name if previous else 'no run'}",
                  file=sys.stderr, flush=True)
            raise
        failed = [r["name"] for r in results if r["status"] != "ok"]
        run.update(status="failed" if failed else "ok", finished=_now(),
                   notebooks=[{"name": r["name"], "status": r["status"], "error": r["error"],
                               "seconds": round(r["seconds"], 1)} for r in results])
        if failed:
            run["error"] = f"{len(failed)} notebook(s) failed: {', '.join(failed)}"
        write_record(folder, run)
        if failed:
            print(f"run {folder} failed ({', '.join(failed)}); {Path(out_dir) / LATEST} still shows "
                  f"{previous.name if previous else 'no run'}", file=sys.stderr, flush=True)
        else:
            how = point_latest(out_dir, folder)
            print(f"run {folder} ok; {Path(out_dir) / LATEST} "
                  f"{'points to it' if how == 'link' else 'is a copy of it (no symbolic links here)'}", flush=True)
    return results

"""File helpers shared by the build and the report runner: atomic writes, the build lock."""
from __future__ import annotations

import errno
import os
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

#: Seconds a build waits for another build of the same folder before giving up (``build
#: --lock-timeout`` or ``LISHUI_LOCK_TIMEOUT``; ``inf``: wait as long as it takes).
LOCK_TIMEOUT = 600.0
LOCK_NAME = ".build.lock"


def lock_timeout() -> float:
    """The default wait for the build lock: ``LISHUI_LOCK_TIMEOUT`` seconds, else :data:`LOCK_TIMEOUT`."""
    from .errors import InputError

    text = os.environ.get("LISHUI_LOCK_TIMEOUT", "").strip()
    if not text:
        return LOCK_TIMEOUT
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:  # also NaN
        raise InputError("LISHUI_LOCK_TIMEOUT", f"must be a number of seconds, 0 or more (not {text!r})")
    return value


@contextmanager
def build_lock(out_dir: Path, timeout: float | None = None, name: str = LOCK_NAME, what: str = "build"):
    """Exclusive lock on ``out_dir`` for the length of a build: two builds into one folder
    (two notebooks loading stale tables at once, a cron job and a user) take turns instead
    of mixing their temporary files. Advisory (``flock``); a no-op where it does not exist.

    The holder writes its PID and start time into the lock file. A process that finds the
    lock held says once on stderr whom it waits for, and gives up after ``timeout`` seconds
    (default :func:`lock_timeout`) with an :class:`~lishui_analysis.errors.InputError`.
    ``name`` and ``what`` make it another lock (``report --run-dir`` takes turns with ``.run.lock``
    on reports/runs, said as "the report run lock")."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    from .errors import InputError

    path = Path(out_dir) / name
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        if disk_full(exc):
            raise InputError(out_dir, f"disk full writing {name}") from None
        raise InputError(path, f"cannot open the {what} lock ({exc.strerror or exc})") from None
    try:
        if not _try_lock(fcntl, fd):
            _wait_for_lock(fcntl, fd, Path(out_dir), lock_timeout() if timeout is None else timeout, what)
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()} {time.strftime('%Y-%m-%d %H:%M:%S')}\n".encode("ascii"), 0)
        except OSError:  # who holds it is a courtesy to those waiting; a full disk fails later, cleanly
            pass
        try:
            yield
        finally:
            try:
                os.ftruncate(fd, 0)
            except OSError:
                pass
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _try_lock(fcntl, fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False


def _holder(fd: int) -> str:
    """Who holds the lock, from what it wrote into the lock file: ``PID 123 (started …)``."""
    try:
        pid, day, clock = os.pread(fd, 200, 0).decode("ascii").split()
        return f"PID {int(pid)} (started {day} {clock})"
    except (OSError, ValueError):  # not written yet, or by an older version
        return "another process"


def _wait_for_lock(fcntl, fd: int, out_dir: Path, timeout: float, what: str = "build") -> None:
    """Poll for the lock (a few times a second) until ``timeout`` seconds have passed."""
    import sys

    from .errors import InputError

    holder = _holder(fd)
    if timeout > 0:
        print(f"waiting for the {what} lock on {out_dir} held by {holder}…", file=sys.stderr, flush=True)
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            how = "build --lock-timeout SECONDS or LISHUI_LOCK_TIMEOUT" if what == "build" else "LISHUI_LOCK_TIMEOUT"
            raise InputError(out_dir, f"another {what} of this folder holds its lock ({_holder(fd)}); gave up after "
                                      f"{timeout:g} s ({how} to wait longer)")
        time.sleep(min(0.2, left))
        if _try_lock(fcntl, fd):
            return


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes, read a megabyte at a time."""
    import hashlib

    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def disk_full(exc: BaseException) -> bool:
    """Whether ``exc`` is the disk (or the user's quota) running out of space — also when
    Arrow reports it, which raises OSError without an errno."""
    return isinstance(exc, OSError) and (exc.errno in (errno.ENOSPC, errno.EDQUOT)
                                         or "No space left on device" in str(exc))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename over ``path``. On any failure
    the temporary file is removed and ``path`` is as it was; a full disk is an
    :class:`~lishui_analysis.errors.InputError` (one line: ``disk full writing NAME``)."""
    from .errors import InputError

    path = Path(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; outputs are meant to be shared
        os.replace(tmp, path)
        tmp = None
    except OSError as exc:
        if disk_full(exc):
            raise InputError(path.parent, f"disk full writing {path.name}") from None
        raise
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)


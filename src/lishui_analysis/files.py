"""File helpers shared by the build and the report runner: atomic writes, the build lock."""
from __future__ import annotations

import errno
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def build_lock(out_dir: Path):
    """Exclusive lock on ``out_dir`` for the length of a build: two builds into one folder
    (two notebooks loading stale tables at once, a cron job and a user) take turns instead
    of mixing their temporary files. Advisory (``flock``); a no-op where it does not exist."""
    try:
        import fcntl
    except ImportError:  # Windows
        yield
        return
    with open(Path(out_dir) / ".build.lock", "a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


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


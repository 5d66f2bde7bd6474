"""File helpers shared by the build and the report runner: atomic writes, the build lock."""
from __future__ import annotations

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


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename over ``path``."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; outputs are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


#: A page written for warm_up (not from any source): every kind of figure, date and name.

"""Stage 1 — read raw files and the optional ``sources.csv`` manifest.

The only stage that touches the file system for reading. Every problem is an
:class:`~lishui_analysis.errors.InputError` naming the file.
"""
from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import os
import re
import stat
import unicodedata
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from .. import config
from ..errors import InputError, note
from .decode import decode_bytes


MANIFEST_NAME = "sources.csv"
#: ASCII digits only: other scripts' digits (full-width ２０２４) are turned into these first (NFKC).
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)
#: Symbolic links followed in one path before giving up (Linux's own limit).
_MAX_LINKS = 40
#: Bytes read at a time when hashing a file.
_CHUNK = 1 << 20


@dataclass(frozen=True)
class RawDocument:
    """One raw file, decoded."""

    doc_id: str
    file: str
    text: str
    encoding: str
    sha256: str
    n_bytes: int
    fmt: str  # "text" or "html"
    #: What a page states of itself (HTML): title, subtitle, pub_date, source, author, url, site_name.
    page: dict = field(default_factory=dict)


def list_raw_files(raw_dir: Path, skipped: list | None = None) -> list[Path]:
    """Every text or HTML file under ``raw_dir``, sorted, manifest excluded.

    Entries are listed, not opened: a symbolic link, a FIFO or a device named ``*.txt`` is
    listed and refused by :func:`read_document` (skipped with ``--skip-bad``). A subfolder that
    cannot be read is skipped with a warning (and appended to ``skipped`` as
    ``{"file", "problem"}`` when a list is given); a file name that is not valid UTF-8 is an error.
    """
    raw_dir = Path(raw_dir)
    if not raw_dir.exists():
        raise InputError(raw_dir, "raw folder does not exist")
    if not raw_dir.is_dir():
        raise InputError(raw_dir, "raw path is not a folder")
    if not _is_utf8(str(raw_dir.resolve())):
        raise InputError(_printable(str(raw_dir)), "folder name is not valid UTF-8; rename the folder")
    files = []

    def unreadable(exc: OSError) -> None:
        folder = Path(exc.filename) if exc.filename else raw_dir
        if folder == raw_dir:
            raise InputError(raw_dir, f"cannot read raw folder ({exc.strerror or exc})")
        rel = _printable(folder.relative_to(raw_dir).as_posix())
        problem = f"cannot read folder ({exc.strerror or exc}); its files are not read"
        note("folder", f"{_printable(str(folder))}: skipped: {problem}")
        if skipped is not None:
            skipped.append({"file": rel + "/", "problem": problem})

    # os.walk with followlinks=False cannot loop (rglob may, on symlinked dirs); symlinked
    # folders are not entered.
    for root, dirs, names in os.walk(raw_dir, onerror=unreadable, followlinks=False):
        dirs.sort()
        for name in sorted(names):
            p = Path(root) / name
            if p.suffix.lower() in config.RAW_SUFFIXES and not name.startswith("."):
                if not _is_utf8(str(p.relative_to(raw_dir))):
                    raise InputError(_printable(str(p)), "file name is not valid UTF-8; rename the file")
                files.append(p)
    if not files:
        raise InputError(raw_dir, "no .txt or .html file to read")
    return sorted(files, key=lambda p: p.relative_to(raw_dir).as_posix())


def _is_utf8(name: str) -> bool:
    """False for a name with bytes that are not UTF-8 (decoded by Python as lone surrogates)."""
    try:
        name.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def _printable(name: str) -> str:
    """A file name fit for a one-line message: undecodable bytes as ``\\xff``, control characters escaped."""
    if not _is_utf8(name):
        name = os.fsencode(name).decode("utf-8", "backslashreplace")
    if any(ord(c) < 32 or c == "\x7f" for c in name):
        name = repr(name)[1:-1]
    return name


class _Outside(ValueError):
    """A path that leads outside the raw folder (or cannot be checked)."""


def _resolve_inside(root: str, rel: str, aliases: tuple[str, ...] = ()) -> str | None:
    """The real path of ``rel`` under the folder ``root`` (a real path), every symbolic link
    followed one component at a time without ever looking outside ``root``: only entries
    inside ``root`` are ``lstat``-ed or ``readlink``-ed. None when it does not exist; raises
    :class:`_Outside` when a ``..`` or a link leads out of ``root``. An absolute link target
    is inside when it starts with ``root`` or one of its ``aliases`` (the folder as it was named).
    """
    if "\x00" in rel:
        raise _Outside("a name with a NUL character")
    if os.path.isabs(rel):
        raise _Outside("an absolute path, not a path inside the raw folder")
    prefixes = [x.rstrip(os.sep) + os.sep for x in (root, *aliases)]
    todo = deque(rel.split("/"))
    cur, links, via = root, 0, None

    def outside() -> _Outside:
        if via is None:
            return _Outside("a path that leads outside the raw folder (..)")
        where, target = via
        if where == os.path.normpath(rel):
            return _Outside(f"a symbolic link to {target}, outside the raw folder")
        return _Outside(f"a path through a symbolic link ({where} → {target}) that leads outside the raw folder")

    while todo:
        part = todo.popleft()
        if part in ("", "."):
            continue
        if part == "..":
            if cur == root:
                raise outside()
            cur = os.path.dirname(cur)
            continue
        nxt = os.path.join(cur, part)
        try:
            st = os.lstat(nxt)
        except (FileNotFoundError, NotADirectoryError):
            return None
        except OSError as exc:
            raise _Outside(f"a path that cannot be checked ({exc.strerror or exc})") from None
        if stat.S_ISLNK(st.st_mode):
            links += 1
            if links > _MAX_LINKS:
                raise _Outside("too many levels of symbolic links")
            target = os.readlink(nxt)
            via = (os.path.relpath(nxt, root), _printable(target))
            if os.path.isabs(target):
                prefix = next((x for x in prefixes if target.startswith(x)), None)
                if prefix is None:
                    raise outside()
                target, cur = target[len(prefix):], root
            todo.extendleft(reversed(target.split("/")))
            continue
        if todo and not stat.S_ISDIR(st.st_mode):
            return None
        cur = nxt
    return cur


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISFIFO, "a FIFO (named pipe)"), (stat.S_ISSOCK, "a socket"),
          (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"))


def _open_raw(path: Path, raw_dir: Path | None) -> tuple[int, int]:
    """Open a file of the raw folder for reading: ``(file descriptor, size)``.

    Refused (:class:`InputError`) before anything is opened: a path that resolves outside
    ``raw_dir`` (through ``..`` or a symbolic link; nothing outside is looked at), anything but
    a regular file (a FIFO would block forever, a device never ends), a file above
    ``config.MAX_FILE_BYTES``.
    """
    path = Path(path)
    base = Path(raw_dir) if raw_dir is not None else path.parent
    name = _printable(str(path))
    try:
        rel = path.relative_to(base).as_posix()
    except ValueError:
        raise InputError(name, "file is not inside the raw folder") from None
    try:
        root = os.path.realpath(base)
        real = _resolve_inside(root, rel, (os.path.abspath(base),))
    except _Outside as exc:
        raise InputError(name, f"cannot read file ({exc})") from None
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from None
    if real is None:
        raise InputError(name, "cannot read file (No such file or directory)")
    try:
        st = os.lstat(real)
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from None
    _check_regular(name, st)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        raise InputError(name, f"cannot read file ({exc.strerror or exc})") from None
    try:
        st2 = os.fstat(fd)
        if (st2.st_dev, st2.st_ino) != (st.st_dev, st.st_ino):
            raise InputError(name, "file changed while being opened; not read")
        _check_regular(name, st2)
    except BaseException:
        os.close(fd)
        raise
    return fd, st2.st_size


def _check_regular(name: str, st: os.stat_result) -> None:
    if not stat.S_ISREG(st.st_mode):
        kind = next((k for test, k in _KINDS if test(st.st_mode)), "something")
        raise InputError(name, f"{kind}, not a regular file; not read")
    if st.st_size > config.MAX_FILE_BYTES:
        raise InputError(name, f"file is {st.st_size / 1e6:.0f} MB, above the "
                               f"{config.MAX_FILE_BYTES / 1e6:.0f} MB limit per file; split it")


def read_raw_bytes(path: Path, raw_dir: Path | None = None) -> bytes:
    """The bytes of a file of ``raw_dir``, checked by :func:`_open_raw` first: a regular file
    inside the folder, at most ``config.MAX_FILE_BYTES`` (InputError otherwise)."""
    fd, size = _open_raw(path, raw_dir)
    try:
        with os.fdopen(fd, "rb", closefd=True) as fh:
            # its size and a byte more first (a read of the limit allocates that much for every file:
            # ≈ 0.15 ms each), then, if it grew since, on to the limit: the bytes a read to the limit gives
            data = fh.read(size + 1)
            if len(data) > size:
                data += fh.read(config.MAX_FILE_BYTES + 1 - len(data))
    except OSError as exc:
        raise InputError(_printable(str(path)), f"cannot read file ({exc.strerror or exc})") from None
    if len(data) > config.MAX_FILE_BYTES:  # grew since it was checked
        raise InputError(_printable(str(path)), f"file is above the {config.MAX_FILE_BYTES / 1e6:.0f} MB limit per file; split it")
    return data


def file_sha256(path: Path, raw_dir: Path | None = None) -> str:
    """sha256 of a raw file, read in chunks after the checks of :func:`_open_raw` (InputError if refused)."""
    fd, _ = _open_raw(path, raw_dir)
    h = hashlib.sha256()
    left = config.MAX_FILE_BYTES + 1
    try:
        with os.fdopen(fd, "rb", closefd=True) as fh:
            while left > 0:
                chunk = fh.read(min(_CHUNK, left))
                if not chunk:
                    break
                h.update(chunk)
                left -= len(chunk)
    except OSError as exc:
        raise InputError(_printable(str(path)), f"cannot read file ({exc.strerror or exc})") from None
    return h.hexdigest()


def html_to_text(html: str) -> str:
    """The article of an HTML page as text: its headline, then one paragraph a line, without
    scripts, navigation or page furniture (:mod:`lishui_analysis.ingest.webpage`)."""
    from .webpage import extract_page

    return extract_page(html).text()


def read_document(path: Path, raw_dir: Path | None = None) -> RawDocument:
    """Read and decode one raw file (text or HTML) of ``raw_dir`` (default: its own folder).

    Only a regular file whose real path is inside ``raw_dir`` is read (a symbolic link to
    another file of the folder is followed), after its size is checked (:func:`_open_raw`).
    """
    path = Path(path)
    data = read_raw_bytes(path, raw_dir)
    fmt = "html" if path.suffix.lower() in (".html", ".htm") else "text"
    page: dict = {}
    if fmt == "html":
        from .webpage import read_page

        web, encoding = read_page(data, path)
        text, page = web.text(), web.meta()
    else:
        text, encoding = decode_bytes(data, path)
    rel = path.relative_to(raw_dir).as_posix() if raw_dir else path.name
    return RawDocument(
        doc_id=path.stem,
        file=rel,
        text=text,
        encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(),
        n_bytes=len(data),
        fmt=fmt,
        page=page,
    )


def parse_pub_date(value: str) -> tuple[str, str] | None:
    """``'2024-12'`` → ``('2024-12', 'month')``; None for an empty or invalid date.

    Full-width digits and hyphens are read as ASCII (NFKC): ``'２０２４-０３-０５'`` →
    ``('2024-03-05', 'day')``; digits of other scripts are not dates.
    """
    return _pub_date(value)[0]


def _pub_date(value: str) -> tuple[tuple[str, str] | None, str]:
    """``(parse_pub_date's answer, why it is None)``."""
    value = unicodedata.normalize("NFKC", value or "").strip()
    m = _DATE_RE.match(value)
    if not m:
        return None, "is not YYYY, YYYY-MM or YYYY-MM-DD"
    y, mo, d = m.groups()
    try:
        if d:
            dt.date(int(y), int(mo), int(d))
            return (value, "day"), ""
        if mo:
            if not 1 <= int(mo) <= 12:
                return None, "is not a date (month must be 01 to 12)"
            return (value, "month"), ""
    except ValueError as exc:
        return None, f"is not a date ({exc})"
    return (value, "year"), ""


def _read_manifest_bytes(path: Path, raw_dir: Path) -> bytes | None:
    """The bytes of ``sources.csv``, None when there is none; refused like a raw file when it is
    not a regular file inside the raw folder or is above the size limit."""
    if not os.path.lexists(path):
        return None
    return read_raw_bytes(path, raw_dir)


def read_sources(raw_dir: Path) -> dict[str, dict]:
    """Read ``sources.csv`` into ``{file name: row}``; empty when there is no manifest.

    Required column: ``file``, a path inside the raw folder (checked without looking outside
    it). ``pub_date`` must be ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` and a real date; full-width
    digits are stored as ASCII. Other columns are kept as metadata.
    """
    raw_dir = Path(raw_dir)
    path = raw_dir / MANIFEST_NAME
    data = _read_manifest_bytes(path, raw_dir)
    if data is None:
        return {}
    text, _ = decode_bytes(data, path)
    reader = csv.DictReader(io.StringIO(text))
    try:
        fields = [f.strip() for f in (reader.fieldnames or [])]
        if "file" not in fields:
            raise InputError(path, f"manifest has no 'file' column (columns: {', '.join(fields) or 'none'})", line=1)
        rows = _manifest_rows(path, reader)
    except csv.Error as exc:
        raise InputError(path, f"not a valid CSV table ({exc})", line=reader.reader.line_num or 1) from None
    root = os.path.realpath(raw_dir)
    missing = []
    for name, r in rows.items():
        try:
            real = _resolve_inside(root, name, (os.path.abspath(raw_dir),))
        except _Outside as exc:
            raise InputError(path, f"file '{_printable(name)}' refused ({exc})", line=r["_line"]) from None
        if real is None:
            missing.append((r["_line"], name))
    if missing:
        line, name = missing[0]
        raise InputError(path, f"row names a file that does not exist: {_printable(name)}", line=line)
    return rows


def _manifest_rows(path: Path, reader: csv.DictReader) -> dict[str, dict]:
    rows: dict[str, dict] = {}
    for lineno, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None}
        name = row.get("file", "")
        if not name and row.get("url"):
            continue  # a URL not fetched yet (`lishui-analysis fetch` fills its file)
        if not name:
            raise InputError(path, "row has an empty 'file'", line=lineno)
        if row.get("pub_date"):
            date, why = _pub_date(row["pub_date"])
            if date is None:
                raise InputError(path, f"pub_date '{_printable(row['pub_date'])}' {why}", line=lineno)
            row["pub_date"] = date[0]  # ASCII digits
        if name in rows:
            if {k: v for k, v in rows[name].items() if k != "_line"} != row:
                raise InputError(path, f"file '{_printable(name)}' is listed twice with different values", line=lineno)
            continue
        row["_line"] = lineno
        rows[name] = row
    return rows

"""Stage 1 — read raw files and the optional ``sources.csv`` manifest.

The only stage that touches the file system for reading. Every problem is an
:class:`~lishui_analysis.errors.InputError` naming the file.
"""
from __future__ import annotations

import csv
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import config
from ..errors import InputError
from .decode import decode_bytes

MANIFEST_NAME = "sources.csv"
_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


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


def list_raw_files(raw_dir: Path) -> list[Path]:
    """Every readable text or HTML file under ``raw_dir``, sorted, manifest excluded."""
    raw_dir = Path(raw_dir)
    if not raw_dir.exists():
        raise InputError(raw_dir, "raw folder does not exist")
    if not raw_dir.is_dir():
        raise InputError(raw_dir, "raw path is not a folder")
    files = []
    # os.walk with followlinks=False cannot loop; rglob may, on symlinked dirs.
    import os

    for root, dirs, names in os.walk(raw_dir, followlinks=False):
        dirs.sort()
        for name in sorted(names):
            p = Path(root) / name
            if p.suffix.lower() in config.RAW_SUFFIXES and not name.startswith("."):
                files.append(p)
    if not files:
        raise InputError(raw_dir, "no .txt or .html file to read")
    return sorted(files, key=lambda p: p.relative_to(raw_dir).as_posix())


def html_to_text(html: str) -> str:
    """The article of an HTML page as text: its headline, then one paragraph a line, without
    scripts, navigation or page furniture (:mod:`lishui_analysis.ingest.webpage`)."""
    from .webpage import extract_page

    return extract_page(html).text()


def read_document(path: Path, raw_dir: Path | None = None) -> RawDocument:
    """Read and decode one raw file (text or HTML)."""
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from None
    if size > config.MAX_FILE_BYTES:
        raise InputError(path, f"file is {size / 1e6:.0f} MB, above the {config.MAX_FILE_BYTES / 1e6:.0f} MB limit per file; split it")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from None
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
    """``'2024-12'`` → ``('2024-12', 'month')``; None for an empty or invalid date."""
    value = (value or "").strip()
    m = _DATE_RE.match(value)
    if not m:
        return None
    y, mo, d = m.groups()
    import datetime as dt

    try:
        if d:
            dt.date(int(y), int(mo), int(d))
            return value, "day"
        if mo:
            if not 1 <= int(mo) <= 12:
                return None
            return value, "month"
    except ValueError:
        return None
    return value, "year"


def read_sources(raw_dir: Path) -> dict[str, dict]:
    """Read ``sources.csv`` into ``{file name: row}``; empty when there is no manifest.

    Required column: ``file``. ``pub_date`` must be ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``.
    Other columns are kept as metadata.
    """
    path = Path(raw_dir) / MANIFEST_NAME
    if not path.exists():
        return {}
    data = path.read_bytes()
    text, _ = decode_bytes(data, path)
    reader = csv.DictReader(io.StringIO(text))
    fields = [f.strip() for f in (reader.fieldnames or [])]
    if "file" not in fields:
        raise InputError(path, f"manifest has no 'file' column (columns: {', '.join(fields) or 'none'})", line=1)
    rows: dict[str, dict] = {}
    for lineno, row in enumerate(reader, start=2):
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items() if k is not None}
        name = row.get("file", "")
        if not name and row.get("url"):
            continue  # a URL not fetched yet (`lishui-analysis fetch` fills its file)
        if not name:
            raise InputError(path, "row has an empty 'file'", line=lineno)
        if row.get("pub_date") and parse_pub_date(row["pub_date"]) is None:
            raise InputError(path, f"pub_date {row['pub_date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD", line=lineno)
        if name in rows:
            if {k: v for k, v in rows[name].items() if k != "_line"} != row:
                raise InputError(path, f"file {name!r} is listed twice with different values", line=lineno)
            continue
        row["_line"] = lineno
        rows[name] = row
    missing = [(r["_line"], n) for n, r in rows.items() if not (Path(raw_dir) / n).exists()]
    if missing:
        line, name = missing[0]
        raise InputError(path, f"row names a file that does not exist: {name}", line=line)
    return rows

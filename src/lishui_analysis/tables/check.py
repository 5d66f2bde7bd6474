"""``lishui-analysis check``: validate raw inputs and processed tables, list problems.

The processed folder is held against its ``manifest.json``: each table's row count and the
SHA-256 of its CSV and Parquet files as the build wrote them, each CSV against its Parquet
file row by row, and the raw files the tables were built from (their hashes) against the
raw folder. A build stopped while renaming its tables is finished first (its commit
journal), so what is checked is one complete set.
"""
from __future__ import annotations

import json
from pathlib import Path

from ..ingest import load
from .. import schema
from ..errors import InputError
from ..files import sha256_file


def _one_line(exc: BaseException) -> str:
    """An exception's message on one line (Arrow's may span several)."""
    return " ".join(str(exc).split())


def _sha256(path: Path) -> str | None:
    """The file's SHA-256, or None when it cannot be read (a folder in its place, no permission)."""
    try:
        return sha256_file(path)
    except OSError:
        return None


def _csv_lines(table: str, parquet_path: Path) -> list[str]:
    """The CSV the build writes for the rows of a Parquet file, as lines (header first)."""
    import pyarrow.parquet as pq

    from .sinks import csv_text

    t = pq.read_table(parquet_path)
    columns = {}
    for c in schema.TABLES[table]:
        values = t.column(c.name).to_pylist()
        columns[c.name] = [float("nan") if v is None else v for v in values] if c.dtype == "float" else values
    text = "\ufeff" + ",".join(c.name for c in schema.TABLES[table]) + "\n" + csv_text(table, columns)
    return text.splitlines(keepends=True)


def _csv_against_parquet(table: str, csv_path: Path, pq_path: Path) -> str | None:
    """None when the CSV holds the Parquet file's rows, else where they first differ."""
    import csv

    expected = _csv_lines(table, pq_path)
    try:
        actual = csv_path.read_text(encoding="utf-8").splitlines(keepends=True)
    except (OSError, UnicodeDecodeError) as exc:
        return f"{csv_path}: unreadable ({exc})"
    if actual == expected:
        return None
    # rows, not lines: a quoted cell may hold a line break
    exp_rows = list(csv.reader(expected))
    act_rows = list(csv.reader(actual))
    if len(act_rows) != len(exp_rows):
        return (f"{csv_path}: {len(act_rows) - 1} rows, {pq_path.name} has {len(exp_rows) - 1} "
                f"(CSV and Parquet differ)")
    n = next((i for i, (a, b) in enumerate(zip(act_rows, exp_rows)) if a != b), None)
    if n is None:
        return f"{csv_path}: same rows as {pq_path.name} but not as the build writes them"
    return f"{csv_path}: row {n} differs from {pq_path.name}" if n else f"{csv_path}: header differs from the schema"


def _check_manifest(raw_dir: Path, processed_dir: Path, manifest: dict, tables: dict) -> list[str]:
    problems = []
    recorded_rows = manifest.get("tables")
    if not isinstance(recorded_rows, dict):
        problems.append(f"{processed_dir / 'manifest.json'}: no row counts (\"tables\" is not an object); "
                        "rebuild with `lishui-analysis build`")
        recorded_rows = {}
    files = manifest.get("files")
    if not isinstance(files, dict):
        problems.append(f"{processed_dir / 'manifest.json'}: no file hashes (built by an older version); "
                        "rebuild with `lishui-analysis build`")
        files = {}
    for t in schema.TABLES:
        if t in tables and recorded_rows.get(t) != len(tables[t]):
            problems.append(f"{processed_dir / (t + '.parquet')}: {len(tables[t])} rows, "
                            f"manifest.json records {recorded_rows.get(t)}")
        for ext in ("csv", "parquet"):
            path = processed_dir / f"{t}.{ext}"
            if ext == "csv" and not path.exists():
                problems.append(f"{path}: missing (run `lishui-analysis build`)")
                continue
            if files and path.exists() and files.get(path.name) != _sha256(path):
                problems.append(f"{path}: not the file the build wrote (its SHA-256 differs from manifest.json); "
                                "edited, or replaced by another build's — rebuild with `lishui-analysis build`")
        csv_path, pq_path = processed_dir / f"{t}.csv", processed_dir / f"{t}.parquet"
        if t in tables and csv_path.exists():
            diff = _csv_against_parquet(t, csv_path, pq_path)
            if diff:
                problems.append(diff)
    # the raw files the tables were built from, against the raw folder now
    try:
        present = {p.relative_to(raw_dir).as_posix(): p for p in load.list_raw_files(raw_dir)}
    except InputError:
        return problems  # already reported with the raw folder's checks
    def listed(key: str) -> list[dict]:  # entries naming a file; anything else was not written by the build
        entries = manifest.get(key, [])
        if not isinstance(entries, list):
            problems.append(f"{processed_dir / 'manifest.json'}: \"{key}\" is not a list; "
                            "rebuild with `lishui-analysis build`")
            return []
        good = [i for i in entries if isinstance(i, dict) and isinstance(i.get("file"), str)]
        if len(good) < len(entries):
            problems.append(f"{processed_dir / 'manifest.json'}: {len(entries) - len(good)} entr(ies) of \"{key}\" "
                            "name no file; rebuild with `lishui-analysis build`")
        return good

    built = {i["file"]: i.get("sha256") for i in listed("inputs")}
    skipped = {i["file"] for i in listed("skipped")}
    for name, sha in built.items():
        if name not in present:
            problems.append(f"{raw_dir / str(name)}: in the tables but no longer in the raw folder; "
                            "rebuild with `lishui-analysis build`")
        elif _sha256(present[name]) != sha:
            problems.append(f"{present[name]}: changed since the tables were built; rebuild with `lishui-analysis build`")
    for name, path in present.items():
        if name not in built and name not in skipped:
            problems.append(f"{path}: not in the tables (added since they were built); "
                            "rebuild with `lishui-analysis build`")
    return problems


def check(raw_dir: Path, processed_dir: Path) -> list[str]:
    raw_dir, processed_dir = Path(raw_dir), Path(processed_dir)
    problems: list[str] = []
    try:
        sources = load.read_sources(raw_dir)
        files = load.list_raw_files(raw_dir)
        for p in files:
            try:
                load.read_document(p, raw_dir)
            except InputError as exc:
                problems.append(str(exc))
        listed = {Path(f).name for f in sources}
        for p in files:
            if sources and p.name not in listed:
                problems.append(f"{raw_dir / load.MANIFEST_NAME}: {p.name} is not listed (its date will be inferred)")
    except InputError as exc:
        problems.append(str(exc))
    import pandas as pd

    from .corpus import finish_interrupted_commit

    try:
        finish_interrupted_commit(processed_dir)
    except (InputError, OSError) as exc:
        problems.append(f"{processed_dir}: a build was stopped while replacing the tables and its commit "
                        f"cannot be finished ({exc}); rebuild with `lishui-analysis build`")
        return problems
    tables = {}  # the tables that hold their schema: only those are compared further
    for t in schema.TABLES:
        path = processed_dir / f"{t}.parquet"
        if not path.exists():
            problems.append(f"{path}: missing (run `lishui-analysis build`)")
            continue
        if not path.is_file():
            problems.append(f"{path}: not a file (rebuild with `lishui-analysis build`)")
            continue
        try:
            df = pd.read_parquet(path)
        except Exception as exc:  # noqa: BLE001 - any damage to the file is a problem to list
            problems.append(f"{path}: unreadable Parquet file ({type(exc).__name__}: {_one_line(exc)})")
            continue
        try:
            schema.validate(t, df)
        except ValueError as exc:
            problems.append(f"{path}: {_one_line(exc)}")
            continue
        tables[t] = df
    manifest_path = processed_dir / "manifest.json"
    if manifest_path.exists():
        try:
            manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
            if not isinstance(manifest, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as exc:
            problems.append(f"{manifest_path}: unreadable ({exc})")
        else:
            problems.extend(_check_manifest(raw_dir, processed_dir, manifest, tables))
    elif processed_dir.is_dir():
        problems.append(f"{manifest_path}: missing (run `lishui-analysis build`)")
    if "articles" in tables:
        bodies = dict(zip(tables["articles"]["article_id"], tables["articles"]["body"]))
        for t in ("quantities", "org_mentions", "events"):
            if t not in tables:
                continue
            for r in tables[t].itertuples():
                body = bodies.get(r.article_id)
                if body is None:
                    problems.append(f"{t}: row for unknown article {r.article_id}")
                elif body[r.start:r.end] != r.surface:
                    problems.append(f"{t}: span {r.start}-{r.end} of {r.article_id} is not {r.surface!r}")
    return problems

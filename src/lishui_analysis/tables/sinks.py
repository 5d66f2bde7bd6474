"""Table sinks: rows of one table streamed to a temporary CSV (UTF-8 with BOM) and
Parquet file, each row group checked against ``schema.py``, renamed into place on commit."""
from __future__ import annotations

import csv
import hashlib
import io
import os
import re
from itertools import repeat
from operator import itemgetter
from pathlib import Path

from .. import schema

STREAMED = ("articles", "sentences", "quantities", "org_mentions", "events")
#: Rows of a corpus-wide table formatted as CSV at a time (:meth:`TableSink.add`): ≈ 0.7 MB of text for
#: conflicts' rows (≈ 1.3 KB each at 10,000 pages), whose transient copies (cells, lines, bytes) stay small.
CSV_ROWS = 512


def columns_of(table: str, rows: list[dict]) -> dict[str, list]:
    """Rows (dicts) as the table's columns, in schema order (each row read once, in C, by an
    itemgetter of every column, and the tuples turned into columns by zip).

    >>> columns_of("org_mentions", [dict(org_id="O1", article_id="p:01", sentence_id=1, start=0, end=4, surface="强达")])
    {'org_id': ['O1'], 'article_id': ['p:01'], 'sentence_id': [1], 'start': [0], 'end': [4], 'surface': ['强达']}
    """
    names = [c.name for c in schema.TABLES[table]]
    if len(names) < 2 or not rows:
        return {name: [r[name] for r in rows] for name in names}
    return dict(zip(names, map(list, zip(*map(itemgetter(*names), rows)))))


#: First characters with which a spreadsheet (Excel, LibreOffice) reads a cell as a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?\Z")


def csv_cell(value):
    """A text cell as written to the CSV: prefixed with ``'`` when it starts with a character in
    :data:`FORMULA_START` and is not a number, so a spreadsheet shows it as text instead of
    running it as a formula (``=HYPERLINK(…)`` in a headline). The Parquet file keeps the text.

    >>> csv_cell("=1+1"), csv_cell("@SUM(A1)"), csv_cell("-3.5"), csv_cell("强达")
    ("'=1+1", "'@SUM(A1)", '-3.5', '强达')
    """
    if isinstance(value, str) and value[:1] in FORMULA_START and not _NUMBER.match(value):
        return "'" + value
    return value


def csv_text(table: str, columns: dict[str, list]) -> str:
    """CSV lines (no header) of rows given as columns — the same text as pandas'
    ``to_csv(float_format="%.10g")``: floats with 10 significant digits, NaN and None
    empty, True/False, minimal quoting (the csv module's writer's, which pandas uses too;
    written here by :func:`_cells`, which gives the same text faster).

    In text columns only, a cell starting with ``= + - @``, a tab or a carriage return,
    other than a number such as ``-3.5``, is written with a leading ``'`` (:func:`csv_cell`),
    so that opening the CSV in Excel never runs input text as a formula; numeric columns
    and the Parquet files are written as they are. The text of a cell that starts otherwise
    is unchanged.

    >>> csv_text("org_mentions", {"org_id": ["O1"], "article_id": ["p:01"], "sentence_id": [1],
    ...                           "start": [0], "end": [4], "surface": ["强达, 实业"]})
    'O1,p:01,1,0,4,"强达, 实业"\\n'
    >>> csv_text("org_mentions", {"org_id": ["O1"], "article_id": ["p:01"], "sentence_id": [1],
    ...                           "start": [0], "end": [4], "surface": ["=cmd|' /C calc'!A0"]})
    "O1,p:01,1,0,4,'=cmd|' /C calc'!A0\\n"
    """
    cols = []
    for c in schema.TABLES[table]:
        values = columns[c.name]
        if c.dtype == "float":
            values = [("" if v is None or v != v else "%.10g" % v) for v in values]
        elif c.dtype == "str" and _any_formula(values):
            values = [csv_cell(v) for v in values]
        cols.append(values)
    special = _SPECIAL
    if special is None or len(cols) < 2:
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerows(zip(*cols))
        return buf.getvalue()
    cells = [_cells(values, special) for values in cols]
    return "".join([",".join(row) + "\n" for row in zip(*cells)])


def _any_formula(values: list) -> bool:
    """A text cell of ``values`` starts as :func:`csv_cell` guards against (str.startswith in C for a
    column of text only; with None among them, cell by cell)."""
    try:
        return any(map(str.startswith, values, repeat(FORMULA_START)))
    except TypeError:
        return any(isinstance(v, str) and v[:1] in FORMULA_START for v in values)


def _cells(values: list, special: str) -> list[str]:
    """One column's cells as the csv module's writer writes them (QUOTE_MINIMAL, see
    :data:`_SPECIAL`, ``special``): None empty, other values as ``str`` gives them, a text holding a
    character of :data:`_SPECIAL` in double quotes with its quotes doubled. Its C writer copies
    text character by character (≈ 120 ns each for Chinese text); whole-string searches here
    leave alone the cells that need nothing, nearly all of them."""
    types = set(map(type, values))
    if types != {str}:
        values = (list(map(str, values)) if type(None) not in types
                  else ["" if v is None else v if type(v) is str else str(v) for v in values])
    if not any(ch in "".join(values) for ch in special):  # (the usual column: nothing to quote)
        return values
    return ['"' + v.replace('"', '""') + '"' if any(ch in v for ch in special) else v for v in values]


def _special_characters() -> str | None:
    """The characters that make the csv module's writer (QUOTE_MINIMAL, ``lineterminator="\\n"``) quote
    a text cell — the delimiter, the quote and the line terminator: ``,"\\n`` (Python 3.11; a later
    version may add ``\\r``), found by asking it of every ASCII character in every position. None
    if it does anything else (quotes doubled otherwise, a cell changed unquoted …): :func:`csv_text`
    then writes through it."""
    def written(row):
        buf = io.StringIO()
        csv.writer(buf, lineterminator="\n").writerow(row)
        return buf.getvalue()
    special = ""
    for ch in map(chr, range(128)):
        for cell in (ch + "a", "a" + ch + "b", "a" + ch, ch):
            try:
                out = written([cell, "x"])
            except csv.Error:
                return None
            if out == cell + ",x\n":
                continue
            if out != '"' + cell.replace('"', '""') + '",x\n':
                return None
            if ch not in special:
                special += ch
    if not {",", '"', "\n"} <= set(special) or written(["", "x"]) != ",x\n" or written([None, 1, True, 2.5]) != ",1,True,2.5\n":
        return None
    return special


_SPECIAL = _special_characters()


class TableSink:
    """Streams one table to a temporary CSV (BOM) and Parquet file beside the target, renamed on commit.

    A file's rows come as one Arrow record batch, checked where the file was extracted
    (``frames.py``), with their CSV text as UTF-8 bytes, written as it arrives: a row group waits
    as its files' batches (no Python object per row) and is their concatenation. The corpus-wide
    tables come as columns (:meth:`add`), checked here."""

    def __init__(self, out_dir: Path, table: str, deferred: bool = False):
        import pyarrow as pa
        import pyarrow.parquet as pq

        self.table, self.out_dir = table, out_dir
        self.tmp_csv = out_dir / f".{table}.csv.partial"
        self.tmp_pq = out_dir / f".{table}.parquet.partial"
        #: ``deferred``: row groups wait in an Arrow IPC file (written as they are, no encoding) until
        #: :meth:`write_parquet` (the entity-id rewrite: each row group encoded once, after it).
        self.tmp_ipc = out_dir / f".{table}.rowgroups.tmp" if deferred else None
        self.csv = open(self.tmp_csv, "wb")
        self.csv_sha256 = hashlib.sha256()  # of the CSV bytes as written (the manifest's, without reading them back)
        self._write_csv(("\ufeff" + ",".join(c.name for c in schema.TABLES[table]) + "\n").encode("utf-8"))
        self.csv_mark = self.csv.tell()  # where the rows after the last row group start
        self.csv_range = (self.csv_mark, self.csv_mark)
        self.schema = schema.arrow_schema(table)
        self.pq = pa.ipc.new_stream(self.tmp_ipc, self.schema) if self.tmp_ipc else \
            pq.ParquetWriter(self.tmp_pq, self.schema, compression="snappy")
        self.names = [c.name for c in schema.TABLES[table]]
        self.pending: list = []   # record batches
        self.n_pending = 0
        self.rows = 0

    def add(self, columns: dict[str, list], text: str | None = None) -> None:
        """Append rows given as columns, checked against the declarations (``schema.arrow_table``),
        with their CSV ``text`` when already formatted."""
        table = schema.arrow_table(self.table, columns)
        self.pending.extend(table.to_batches())
        self.n_pending += table.num_rows
        if text is not None:
            self._write_csv(text.encode("utf-8"))
            return
        # formatted CSV_ROWS rows at a time (the same bytes: every cell is formatted alone), so that
        # a large table's text (conflicts: ≈ 20 MB at 10,000 pages) is never one string
        for i in range(0, max(table.num_rows, 1), CSV_ROWS):
            part = {name: values[i:i + CSV_ROWS] for name, values in columns.items()}
            self._write_csv(csv_text(self.table, part).encode("utf-8"))

    def add_batch(self, batch, csv: bytes) -> None:
        """Append a file's rows: its record batch (checked where it was made) and CSV bytes."""
        self.pending.append(batch)
        self.n_pending += batch.num_rows
        self._write_csv(csv)

    def _write_csv(self, data: bytes) -> None:
        self.csv.write(data)
        if self.tmp_ipc is None:  # (a deferred sink's CSV is hashed as it is rewritten: remap_entity_ids)
            self.csv_sha256.update(data)

    def flush(self):
        """Append the pending rows to the Parquet file as one row group, made contiguous first so
        that its bytes do not depend on how the rows were cut into batches (their CSV text is
        written already; a failure fails the build, and the temporary files are removed). Returns
        the row group (an Arrow table; None without rows), and :attr:`csv_range` becomes the place of
        its CSV bytes in the temporary file (the cache stores a whole row group: ``cache.py``)."""
        end = self.csv.tell()
        self.csv_range, self.csv_mark = (self.csv_mark, end), end
        if not self.n_pending:
            return None
        import pyarrow as pa

        table = pa.Table.from_batches(self.pending, schema=self.schema).combine_chunks()
        self.pending = []
        self.pq.write_table(table)
        self.rows += self.n_pending
        self.n_pending = 0
        return table

    def csv_bytes(self, start: int, end: int) -> bytes:
        """Bytes ``start:end`` of the CSV written so far (read back from the temporary file)."""
        self.csv.flush()
        with open(self.tmp_csv, "rb") as f:
            f.seek(start)
            return f.read(end - start)

    def close(self) -> None:
        self.flush()
        self.csv.close()
        self.pq.close()
        if self.tmp_ipc is None:
            for tmp in (self.tmp_csv, self.tmp_pq):
                os.chmod(tmp, 0o644)

    def write_parquet(self, remap=None) -> None:
        """A deferred sink, closed: its Parquet file from the row groups waiting in the IPC file, each
        ``remap(table)`` first (read one row group at a time), then the IPC file removed."""
        import pyarrow as pa
        import pyarrow.parquet as pq

        assert self.tmp_ipc is not None
        # Read, not memory-mapped: a mapped file's pages stay resident as they are touched, so the whole
        # file would count in the build's peak memory; read, one row group at a time is.
        with pa.OSFile(str(self.tmp_ipc)) as src, pa.ipc.open_stream(src) as reader, \
                pq.ParquetWriter(self.tmp_pq, self.schema, compression="snappy") as writer:
            for batch in reader:
                t = pa.Table.from_batches([batch])
                writer.write_table(remap(t) if remap else t)
        os.chmod(self.tmp_pq, 0o644)
        os.chmod(self.tmp_csv, 0o644)
        self.tmp_ipc.unlink()

    def commit(self) -> None:
        os.replace(self.tmp_csv, self.out_dir / f"{self.table}.csv")
        os.replace(self.tmp_pq, self.out_dir / f"{self.table}.parquet")

    def discard(self) -> None:
        for f in (self.csv,):
            if not f.closed:
                f.close()
        try:
            self.pq.close()
        except Exception:  # noqa: BLE001 - already failing; remove what is left
            pass
        for tmp in (self.tmp_csv, self.tmp_pq, self.tmp_ipc):
            if tmp is not None:
                Path(tmp).unlink(missing_ok=True)


#: A subject key in a CSV row: the only field of the form E + 10 hexadecimal digits between
#: commas (the comma before is matched, not looked behind: a literal start the engine scans for fast),
#: captured, so that splitting a chunk at the keys keeps them (every odd piece).
_KEY_FIELD = re.compile(rb"(,E[0-9a-f]{10})(?=,)")


def remap_entity_ids(sink: TableSink, key_map: dict[str, str]) -> None:
    """Second pass over a closed, deferred sink of quantities or events: each row's per-name subject
    key becomes its corpus-wide entity (``key_map``, from ``entities.resolve_entities``).

    The Parquet file is written from the row groups waiting in Arrow IPC, one at a time, the column
    mapped with Arrow kernels. In the CSV, a field that is a key of ``key_map`` (``,E0123456789,``)
    is replaced where it stands, a chunk of lines at a time: a key is a 40-bit hash of a subject, so
    no other field equals one (sentence text would have to spell the hash of a subject name, between
    commas).
    """
    import pyarrow as pa
    import pyarrow.compute as pc

    changed = {k: v for k, v in key_map.items() if k != v}
    if not changed:
        sink.write_parquet()
        with open(sink.tmp_csv, "rb") as f:  # (its bytes were not hashed as they were written)
            sink.csv_sha256 = hashlib.file_digest(f, "sha256")
        return
    old_keys, new_ids = pa.array(list(changed), pa.string()), pa.array(list(changed.values()), pa.string())
    i_key = [c.name for c in schema.TABLES[sink.table]].index("entity_id")

    def remap(t):
        col = t.column(i_key)
        idx = pc.index_in(col, value_set=old_keys)
        return t.set_column(i_key, "entity_id", pc.if_else(pc.is_null(idx), col, pc.take(new_ids, idx)))

    sink.write_parquet(remap)

    changed_bytes = {b"," + k.encode(): b"," + v.encode() for k, v in changed.items()}
    new_bytes = changed_bytes.get
    new_csv = sink.tmp_csv.with_name(sink.tmp_csv.name + ".remap")
    sink.csv_sha256 = hashlib.sha256()  # of the bytes written anew
    with open(sink.tmp_csv, "rb") as fin, open(new_csv, "wb") as fout:  # bytes: no decoding, same result
        while True:
            chunk = fin.read(1 << 22)
            if not chunk:
                break
            if not chunk.endswith(b"\n"):
                chunk += fin.readline()  # whole lines: a key is never cut in two
            # the same as sub() with a function, without a Python call per row: the keys mapped in C
            parts = _KEY_FIELD.split(chunk)
            parts[1::2] = map(new_bytes, parts[1::2], parts[1::2])
            chunk = b"".join(parts)
            fout.write(chunk)
            sink.csv_sha256.update(chunk)
    os.chmod(new_csv, 0o644)
    os.replace(new_csv, sink.tmp_csv)

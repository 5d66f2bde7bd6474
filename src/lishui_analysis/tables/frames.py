"""A file's result as the build consumes it, made where the file is extracted (a worker, or this
process) and stored as it is in the cache: the rows of each streamed table as one Arrow record
batch (IPC bytes, checked against ``schema.py`` once, here), their CSV text as UTF-8 bytes, and
what the corpus-wide stage needs of the file already summarized — its organizations, mention
counts, project accumulators, publication dates and entity summary — in plain lists.

So the main process, for a file read from the cache or sent by a worker, only unpacks a few
small lists and maps the batch bytes into Arrow (no Python object per row): a row group is the
concatenation of its files' batches, its CSV the concatenation of their bytes (issue #20:
incremental rebuilds and ``--jobs N``).

:func:`unfold` turns a result back into Python columns for the researcher's corrections
(``corrections.py``), which edit rows; :func:`refold` makes the batches and summaries again.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from .. import schema
from .entities import summarize_file
from .projects import ProjectAssembler
from .sinks import STREAMED, csv_text

#: The tables whose rows corrections read (``articles`` for the document's id) and edit.
_UNFOLDED = ("articles", "sentences", "quantities", "events")


@lru_cache(maxsize=None)
def arrow_schema(table: str):
    return schema.arrow_schema(table)


def batch_bytes(table: str, columns: dict[str, list]) -> bytes:
    """A file's rows of ``table`` as the bytes of one Arrow record batch (no schema: it is the
    table's, :func:`read_batch`), checked against the declarations (``schema.arrow_table``)."""
    return schema.arrow_table(table, columns, batch=True).serialize().to_pybytes()


def read_batch(table: str, data: bytes):
    """The record batch :func:`batch_bytes` made; bytes of another origin raise (never trusted:
    the batch is validated in full, UTF-8 included)."""
    import pyarrow as pa

    batch = pa.ipc.read_record_batch(pa.py_buffer(data), arrow_schema(table))
    batch.validate(full=True)
    return batch


def fold(res: dict[str, Any], rows: dict[str, list]) -> dict[str, Any]:
    """``res`` (columns of every streamed table, from ``document._extract_and_frame``) and the
    document's ``org_names`` rows, as the build consumes them: see the module's docstring."""
    out: dict[str, Any] = {
        "arrow": {t: batch_bytes(t, res[t]) for t in STREAMED},
        "csv": {t: csv_text(t, res[t]).encode("utf-8") for t in STREAMED},
    }
    out.update(_summaries(res, rows["org_names"]))
    return out


def _summaries(res: dict, org_names: list[dict]) -> dict:
    """The corpus-wide stage's share of a file, in plain lists (cheap to pack and unpack)."""
    orgs: dict[str, list] = {}
    for r in org_names:
        o = orgs.setdefault(r["name"], [r["name"], [], {}])
        if r["surface"] != r["name"] and r["surface"] not in o[1]:
            o[1].append(r["surface"])
        o[2][r["org_type"]] = o[2].get(r["org_type"], 0) + 1
    mentions: dict[str, list] = {}
    m = res["org_mentions"]
    for oid, aid in zip(m["org_id"], m["article_id"]):
        e = mentions.setdefault(oid, [oid, 0, []])
        e[1] += 1
        if aid not in e[2]:
            e[2].append(aid)
    asm = ProjectAssembler()
    asm.add_tables(res["quantities"], res["events"])
    summary = res.get("entity_summary") or summarize_file(res["quantities"], res["events"], res["sentences"])
    return {
        "orgs": [[name, aliases, [[k, n] for k, n in sorted(types.items())]] for name, aliases, types in orgs.values()],
        "mentions": list(mentions.values()),
        "projects": asm.packed(),
        "pub_dates": [res["articles"]["article_id"], res["articles"]["pub_date"]],
        "entity_summary": {"names": [list(x) for x in summary["names"]],
                           "figures": [list(x) for x in summary["figures"]]},
    }


def batches(res: dict) -> dict:
    """The record batches of a result (read from its bytes once, then kept in ``res``)."""
    got = res.get("batches")
    if got is None:
        got = res["batches"] = {t: read_batch(t, res["arrow"][t]) for t in STREAMED}
    return got


def unfold(res: dict) -> dict:
    """``res`` with Python columns of the tables corrections read and edit (``res[table]``)."""
    for t, b in zip(_UNFOLDED, (batches(res)[t] for t in _UNFOLDED)):
        res[t] = b.to_pydict()
    return res


def refold(res: dict) -> None:
    """After corrections edited ``res``'s quantities and events: their batches, CSV text, project
    accumulators and entity summary made again from the columns."""
    for t in ("quantities", "events"):
        res["arrow"][t] = batch_bytes(t, res[t])
        res["csv"][t] = csv_text(t, res[t]).encode("utf-8")
        res["batches"][t] = read_batch(t, res["arrow"][t])
    asm = ProjectAssembler()
    asm.add_tables(res["quantities"], res["events"])
    res["projects"] = asm.packed()
    summary = summarize_file(res["quantities"], res["events"], res["sentences"])
    res["entity_summary"] = {"names": [list(x) for x in summary["names"]],
                             "figures": [list(x) for x in summary["figures"]]}

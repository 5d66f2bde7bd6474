"""Per-file results cache of the build: ``out/.cache/results.sqlite``.

A file's extracted rows are stored under a key that hashes everything they depend
on — the file's name (its doc_id), bytes and manifest row, the package version, the
package source and the vocabulary files — so an unchanged page is never extracted
twice and any edit that could change its rows misses the cache.

One SQLite database (standard library) rather than one file per page: one file
instead of thousands, inserts batched in transactions, a build killed mid-way
leaves a consistent database. An entry is a file's result as the build consumes it (``frames.py``:
its rows as Arrow record batches and CSV bytes, the corpus-wide stage's share summarized), packed
by :func:`engine.pack` (MessagePack + Zstandard, ≈ 24 KB per page): data that cannot run code when
read back, whoever wrote the file; the batches are validated in full as they are read. A damaged database is discarded
and rebuilt, a damaged or unreadable entry extracted again: never trusted. The checksum
per entry catches torn pages, not tampering: an entry of the right shape planted in the
cache gives the rows it holds, as files planted in the output folder would.

Each whole row group of the build (256 files) is stored once more as one entry, keyed by its files'
keys (:meth:`ResultCache.put_group`): a rebuild reads an unchanged row group in one piece, and one whose
entry is missing, damaged or of another shape file by file (issue #20: a page added to a large corpus).

The cache never stops a build: any error SQLite or the file system raises while opening,
reading or writing it is one warning naming the file, and the build goes on without it.
"""
from __future__ import annotations

import functools
import gc
import hashlib
import json
import logging
import os
import re
import sqlite3
import zlib
from collections.abc import Iterator
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from .. import __version__, config
from ..errors import InputError
from ..ingest.load import file_sha256
from .engine import MAX_UNPACKED, _codec, _pack_tuple, _unpack_ext, iter_results, pack, unpack
from .frames import arrow_schema, batches
from .sinks import STREAMED
from ..vocab import vocab_hash

log = logging.getLogger(__name__)
_CACHE = {"kind": "cache"}  # the kind of every warning here (errors.WARNING_KINDS)

CACHE_DIR = ".cache"
CACHE_FILE = "results.sqlite"
#: Inserts per transaction.
BATCH = 256
#: Layout of the database (PRAGMA user_version); another layout is dropped, not read.
CACHE_FORMAT = 7  # 7: rows as Arrow batches (frames.py); 5: MessagePack (4 and before: pickles, dropped unread)
#: Prefix of the key of a whole row group (:meth:`ResultCache.put_group`), in the same table as the files' entries.
GROUP_PREFIX = "group:"


@lru_cache(maxsize=1)
def code_hash() -> str:
    """sha256 over the package's own source: an edited extractor invalidates cached results too."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parents[1]  # the whole package, not this subpackage
    for f in sorted(root.rglob("*.py")):
        h.update(f.relative_to(root).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()


_SHA256 = re.compile(r"[0-9a-f]{64}")


def cache_key(path: str, meta: dict, raw_dir: str = "", sha256: str | None = None, rel: str | None = None) -> str:
    """Hash of a file's name (its doc_id), bytes and manifest row, the package version and
    source, and the vocabularies. ``sha256``: the file's hash as the build's scan of the raw
    folder found it (``freshness.scan_raw``: hashed, or kept from a stat cache that compares
    size, modification and change times and inode), so that a rebuild does not read every file
    again; otherwise the file is hashed here. ``rel``: its path relative to ``raw_dir``, when known."""
    h = hashlib.sha256()
    if rel is None:
        rel = Path(path).relative_to(raw_dir).as_posix() if raw_dir else Path(path).name
    h.update(rel.encode())
    if sha256 is not None and _SHA256.fullmatch(sha256):
        h.update(sha256.encode())
    else:
        try:  # checked first (type, place, size), then read in chunks: a FIFO, a device or a 5 GB file are refused
            h.update(file_sha256(Path(path), Path(raw_dir) if raw_dir else None).encode())
        except (InputError, OSError) as exc:  # refused again by read_document, which reports it
            h.update(b"unreadable:" + str(exc).encode("utf-8", "backslashreplace"))
    h.update(json.dumps({k: v for k, v in meta.items() if k != "_line"}, sort_keys=True, ensure_ascii=False).encode())
    h.update(__version__.encode())
    h.update(code_hash().encode())
    h.update(vocab_hash().encode())
    if config.STEPS_OFF:  # an ablation run's results are its own
        h.update(("steps off:" + ",".join(sorted(config.STEPS_OFF))).encode())
    return h.hexdigest()


def _digest(data: bytes) -> int:
    """CRC-32 of an entry: catches torn or zeroed pages (not tampering), at ≈ 1 GB/s."""
    return zlib.crc32(data)


def _damaged(exc: BaseException) -> bool:
    """Whether SQLite says the file is not a database or is corrupt (rather than full, read-only …)."""
    code = getattr(exc, "sqlite_errorcode", None)
    return code is not None and (code & 0xFF) in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)


def _well_formed(res, rows: bool = True) -> bool:
    """Whether a result read back has the shape the build reads (``frames.py``): an entry of another
    shape (planted, or from a build that was not this one) is a miss, not a KeyError later in the
    build. Element types and lengths are gathered with map() into sets: C speed, every element
    checked (an incremental build reads every entry of the corpus back); the record batches are
    read and validated in full by :meth:`ResultCache.get`."""
    if not (isinstance(res, dict) and isinstance(res.get("input"), dict)):
        return False
    if rows and not _has_rows(res):
        return False
    notes = res.get("notes", [])
    if not (isinstance(notes, list) and _types(notes) <= {list, tuple} and _lengths(notes) <= {2}
            and all(_types(x) <= {str} for x in notes)):
        return False
    for k, n in (("orgs", 3), ("mentions", 3), ("projects", 8), ("pub_dates", None)):
        items = res.get(k)
        if not (isinstance(items, list) and _types(items) <= {list} and (n is None or _lengths(items) <= {n})):
            return False
    if len(res["pub_dates"]) != 2 or not all(_types(x) <= {str} for x in res["pub_dates"]):
        return False
    if not all(_types(map(itemgetter(i), res[k])) <= {list} for k, i in (("orgs", 1), ("orgs", 2), ("mentions", 2))):
        return False
    summary = res.get("entity_summary")
    if not isinstance(summary, dict):
        return False
    for k, n in (("names", 6), ("figures", 8)):
        items = summary.get(k)
        if not (isinstance(items, list) and _types(items) <= {list, tuple} and _lengths(items) <= {n}):
            return False
    return True


def _has_rows(res: dict) -> bool:
    """Whether ``res`` holds the bytes of each streamed table's rows, as Arrow and as CSV."""
    for part in ("arrow", "csv"):
        d = res.get(part)
        if not (isinstance(d, dict) and all(type(d.get(t)) is bytes for t in STREAMED)):
            return False
    return True


def _well_formed_group(res, n: int) -> bool:
    """Whether a row group read back has the shape :meth:`ResultCache.put_group` gives it: ``n``
    files' results without their rows, and the rows of all of them."""
    return (isinstance(res, dict) and res.get("group") == n and _has_rows(res)
            and isinstance(res.get("files"), list) and len(res["files"]) == n
            and all(_well_formed(f, rows=False) for f in res["files"]))


def group_key(keys: list[str]) -> str:
    """The key of a row group: its files' keys, in order (any file changed, added, removed or moved in
    it, or a file before it added or removed, gives another)."""
    return GROUP_PREFIX + hashlib.sha256("\n".join(keys).encode()).hexdigest()


def _types(items) -> set:
    return set(map(type, items))


def _lengths(items) -> set:
    return set(map(len, items))


class ResultCache:
    """key → result dict, in one SQLite file under ``folder``.

    The cache is an aid, never a reason for a build to stop: whatever SQLite or the file system
    refuses — a full disk, a read-only folder, a corrupt file — gives one warning naming the file
    and what happened, and the cache is off for the rest of the build (:meth:`get` finds nothing,
    :meth:`put` stores nothing). A file SQLite calls corrupt is removed: the next build starts a
    new one.
    """

    def __init__(self, folder: Path):
        folder = Path(folder)
        self.path = folder / CACHE_FILE
        self.db: sqlite3.Connection | None = None
        self.keys: set[str] = set()
        self.groups: set[str] = set()   # keys of whole row groups (:meth:`put_group`)
        self.pending = 0
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for old in folder.glob("*.pkl"):  # the one-file-per-page layout of earlier versions
                old.unlink(missing_ok=True)
            try:
                self._open()
            except sqlite3.DatabaseError as exc:
                if not _damaged(exc):
                    raise
                log.warning("%s: the cache is damaged (%s); starting a new one", self.path, exc, extra=_CACHE)
                self._close_quietly()
                self.path.unlink(missing_ok=True)
                self._open()
        except (sqlite3.Error, OSError) as exc:
            self._off("opening", exc)

    def _open(self) -> None:
        # autocommit mode; transactions are opened explicitly around batches of inserts
        self.db = sqlite3.connect(self.path, isolation_level=None)
        # Entries are ≈ 20 KB (a page's result, packed and compressed): 16 KB pages hold one in
        # two pages with little slack (inserts ≈ 2× faster than with 4 KB pages, files 9 % smaller
        # than with 64 KB pages; measured). The rollback journal keeps each committed batch whole
        # if a build is killed. No fsync (synchronous OFF): after a power loss the file may hold
        # torn pages, so every entry carries a checksum of its bytes and one that does not match
        # is a miss.
        self.db.execute("PRAGMA page_size = 16384")  # takes effect when the file is created
        self.db.execute("PRAGMA synchronous = OFF")
        if self.db.execute("PRAGMA user_version").fetchone()[0] != CACHE_FORMAT:
            # another layout (earlier entries were pickles: dropped unread, never unpickled)
            self.db.execute("DROP TABLE IF EXISTS results")
            self.db.execute("CREATE TABLE results (key TEXT PRIMARY KEY, digest INTEGER NOT NULL, data BLOB NOT NULL)")
            self.db.execute(f"PRAGMA user_version = {CACHE_FORMAT}")
        self.keys = {k for (k,) in self.db.execute("SELECT key FROM results")}
        self.groups = {k for k in self.keys if k.startswith(GROUP_PREFIX)}
        self.keys -= self.groups

    def _close_quietly(self) -> None:
        if self.db is not None:
            try:
                self.db.close()  # an open transaction is rolled back: the file keeps its last batch
            except sqlite3.Error:
                pass
        self.db = None

    def _off(self, doing: str, exc: BaseException) -> None:
        """One warning, and no cache for the rest of the build."""
        what = " ".join(str(exc).split()) or type(exc).__name__
        damaged = _damaged(exc)
        log.warning("%s: cannot use the cache: %s (while %s); building on without it%s", self.path, what, doing,
                    "; removed, the next build starts a new one" if damaged else "", extra=_CACHE)
        self._close_quietly()
        self.keys, self.groups, self.pending = set(), set(), 0
        if damaged:
            try:
                self.path.unlink(missing_ok=True)
            except OSError:
                pass

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def get(self, key: str, file: str = "", freeze: bool = False) -> dict | None:
        """The stored result, or None: a miss, an entry whose bytes are not those that were stored
        or that does not unpack to a result (never run: entries are MessagePack, not pickles),
        or a cache that is off. ``file``: the raw file the entry is of, for the warnings.

        ``freeze``: the objects it is made of are moved, as soon as made, out of the garbage collector's
        generations (``gc.freeze``, with every object alive then): they hold no cycle and are freed as
        soon as the build has read them, and each collection triggered meanwhile would otherwise traverse
        them with all the build holds (≈ 5 s of a 15 s rebuild of 10,000 pages). The caller gives them
        back (``gc.unfreeze``) once the files have streamed past."""
        return self._frozen(freeze, key, f"{file or '?'}: its cache entry", "extracting the file again", _well_formed)

    def get_group(self, key: str, n: int, file: str = "", freeze: bool = False) -> dict | None:
        """A whole row group of ``n`` files (:meth:`put_group`), checked as :meth:`get` checks an entry,
        or None (``file``: its first file, for the warnings; its files' own entries are read instead)."""
        return self._frozen(freeze, key, f"{file or '?'}: the cached row group of {n} files from it",
                            "reading its files' own entries", lambda res: _well_formed_group(res, n), _unpack_group)

    def _frozen(self, freeze: bool, *args) -> dict | None:
        enabled = gc.isenabled()
        gc.disable()
        try:
            res = self._read(*args)
            if freeze and res is not None:
                gc.freeze()
            return res
        finally:
            if enabled:
                gc.enable()

    def _read(self, key: str, what: str, then: str, well_formed, read=unpack) -> dict | None:
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT digest, data FROM results WHERE key = ?", (key,)).fetchone()
        except (sqlite3.Error, OSError) as exc:
            self._off("reading", exc)
            return None
        if row is None or _digest(row[1]) != row[0]:
            log.warning("%s %s… is damaged; %s", what, key[:12], then, extra=_CACHE)
            return None
        try:
            res = read(row[1])
        except Exception as exc:  # noqa: BLE001 - bytes of any origin: whatever they raise is a miss
            log.warning("%s %s… is unreadable (%s: %.80s); %s", what, key[:12], type(exc).__name__, exc, then,
                        extra=_CACHE)
            return None
        if not well_formed(res):
            log.warning("%s %s… is not a result of this build; %s", what, key[:12], then, extra=_CACHE)
            return None
        try:
            batches(res)  # the rows, as Arrow reads them back: validated in full
        except Exception as exc:  # noqa: BLE001 - bytes of any origin: whatever they raise is a miss
            log.warning("%s %s… has unreadable rows (%s: %.80s); %s", what, key[:12], type(exc).__name__, exc,
                        then, extra=_CACHE)
            return None
        return res

    def put(self, key: str, result: dict, blob: bytes | None = None, file: str = "") -> None:
        """Store ``result`` (``blob``: the result already packed, as a worker sends it; ``file``:
        the raw file it is of, for the warning)."""
        if self.db is None:
            return
        try:
            blob = blob or pack({k: v for k, v in result.items() if k != "batches"})
        except (TypeError, ValueError, OverflowError) as exc:  # a value pack does not know: not stored
            log.warning("%s: its result not stored in the cache (%s)", file or "?", exc, extra=_CACHE)
            return
        if self._insert(key, blob):
            self.keys.add(key)

    def put_group(self, key: str, files: list[bytes], rows: dict, sinks: dict) -> None:
        """Store a whole row group, as the build has just written it: ``files``, its files' results
        without their rows (each packed by :func:`pack_summary`); ``rows``, each streamed table's row
        group (:func:`packed_rows`, made as each was written); ``sinks``, whose ``csv_range`` are its CSV
        bytes. Each part is compressed apart (:func:`_unpack_group` reads them), one at a time, so that
        storing a row group holds little more than one table's share of it (peak memory of a cold build)."""
        if self.db is None or any(rows.get(t) is None for t in STREAMED):
            return
        compress = _codec()[0].compress
        try:
            csv = {t: compress(sinks[t].csv_bytes(*sinks[t].csv_range)) for t in STREAMED}
            blob = pack({"group": len(files), "files": compress(b"".join([_array_header(len(files)), *files])),
                         "arrow": rows, "csv": csv})
        except Exception as exc:  # noqa: BLE001 - the cache never stops a build: the row group is read file by file
            log.warning("%s: a row group not stored in the cache (%s: %.80s)", self.path, type(exc).__name__, exc,
                        extra=_CACHE)
            return
        if self._insert(key, blob):
            self.groups.add(key)

    def _insert(self, key: str, blob: bytes) -> bool:
        try:
            if not self.pending:
                self.db.execute("BEGIN")  # type: ignore[union-attr]
            self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)",  # type: ignore[union-attr]
                            (key, _digest(blob), blob))
            self.pending += 1
            if self.pending >= BATCH:
                self.commit()
        except (sqlite3.Error, OSError) as exc:
            self._off("writing", exc)
        return self.db is not None

    def commit(self) -> None:
        if self.db is None or not self.pending:
            return
        try:
            self.db.execute("COMMIT")
            self.pending = 0
        except (sqlite3.Error, OSError) as exc:
            self._off("writing", exc)

    def keep_only(self, live: set[str], live_groups: set[str] | frozenset = frozenset()) -> None:
        """Drop entries of files no longer in the corpus, and row groups no longer in it: the cache stays
        the size of the corpus."""
        self.commit()
        stale, stale_groups = self.keys - live, self.groups - live_groups
        if self.db is None or not (stale or stale_groups):
            return
        try:
            self.db.execute("BEGIN")
            self.db.executemany("DELETE FROM results WHERE key = ?", ((k,) for k in stale | stale_groups))
            self.db.execute("COMMIT")
            self.keys -= stale
            self.groups -= stale_groups
        except (sqlite3.Error, OSError) as exc:
            self._off("removing entries of files no longer in the corpus", exc)

    def close(self) -> None:
        self.commit()
        self._close_quietly()


def cached_results(plan, raw_dir: str, out_dir: Path, use_cache: bool, hashes: dict | None = None,
                   group: int = 0, **engine_kw) -> Iterator[dict]:
    """Per-file results in plan order: from the cache when the key matches, else from the engine.
    ``hashes``: the raw files' sha256 by relative path, when the build has scanned them already.
    A cache that fails during the build (disk full, damaged file) is dropped with one warning;
    the files it would have given are then extracted here.

    ``group``: the build's files per row group (0: none). Each whole row group of the plan (files
    ``group × i`` to ``group × (i + 1)``, every one a result) is stored once more as one entry
    (:meth:`ResultCache.put_group`: the last file's result holds ``store_group``, which the build calls
    with the row group it has written), and a rebuild that finds it yields it as one item,
    ``{"group": n, "files": [results without rows], "arrow": …, "csv": …}``: the rows of a row group
    of unchanged files are read in one piece (issue #20, a page added to a large corpus). A row group
    whose entry is missing or damaged is read file by file."""
    res: dict | None
    if not use_cache:
        for res, _ in iter_results(plan, raw_dir, **engine_kw):
            yield res
        return
    cache = ResultCache(Path(out_dir) / CACHE_DIR)
    freeze = gc.get_freeze_count() == 0  # (a process that froze objects of its own: left as it is)
    try:
        hashes = hashes or {}
        rels = _relative(plan, raw_dir)
        keys = [cache_key(path, meta, raw_dir, hashes.get(rel), rel) for (path, meta), rel in zip(plan, rels)]
        hits = [k in cache for k in keys]  # decided once: the engine's share of the plan stays fixed
        fresh = iter_results([item for item, hit in zip(plan, hits) if not hit], raw_dir, **engine_kw)
        size = group or len(plan) or 1
        live_groups = set()
        for first in range(0, len(plan), size):
            last = min(first + size, len(plan))
            gkey = group_key(keys[first:last]) if group and last - first == group else None
            res = None  # (the previous row group freed before this one is read)
            if gkey is not None:
                live_groups.add(gkey)
                if gkey in cache.groups and all(hits[first:last]):
                    res = cache.get_group(gkey, group, rels[first], freeze)
                    if res is not None:
                        yield res
                        continue
            good = gkey is not None  # every file of the row group a result so far: it is stored
            for i in range(first, last):
                res = _result(cache, fresh, plan[i], keys[i], hits[i], rels[i], raw_dir, engine_kw, freeze)
                good = good and "skipped" not in res and "failed" not in res
                if good and gkey is not None and i == last - 1 and cache.db is not None:
                    # the build stores the row group once it has written it (ResultCache.put_group)
                    res["store_group"] = functools.partial(cache.put_group, gkey)
                yield res
        cache.keep_only(set(keys), live_groups)
    finally:
        cache.close()
        if freeze:
            gc.unfreeze()  # what get_group froze, and is still alive, to the oldest generation


def _array_header(n: int) -> bytes:
    """MessagePack's header of an array of ``n`` items (fixarray, array 16 or 32: as ``packb`` writes it)."""
    return bytes([0x90 | n]) if n < 16 else b"\xdc" + n.to_bytes(2, "big") if n < 1 << 16 else \
        b"\xdd" + n.to_bytes(4, "big")


#: What a row group's entry keeps of each file's result (its rows are the row group's).
_ROWS = ("arrow", "csv", "batches", "store_group")


def pack_summary(res: dict) -> bytes:
    """A file's result without its rows, as MessagePack (:meth:`ResultCache.put_group` joins them)."""
    import msgpack

    return msgpack.packb({k: v for k, v in res.items() if k not in _ROWS}, use_bin_type=True, strict_types=True,
                         default=_pack_tuple)


def packed_rows(table: str, rows) -> bytes | None:
    """A row group of ``table`` (an Arrow table of one chunk a column, ``TableSink.flush``; None: no
    rows) as the compressed bytes of one record batch, for :meth:`ResultCache.put_group` (None if it
    cannot be made: the row group is then not stored)."""
    import pyarrow as pa

    try:
        if rows is None:
            rows = pa.Table.from_batches([], schema=arrow_schema(table))
        batch = pa.RecordBatch.from_arrays([c.chunk(0) if c.num_chunks == 1 else c.combine_chunks()
                                            for c in rows.columns], schema=rows.schema)
        return _codec()[0].compress(batch.serialize())
    except Exception:  # noqa: BLE001 - the cache never stops a build
        return None


def _inflate(data) -> bytes:
    """A part of a row group's entry, decompressed (its size checked first, as :func:`engine.unpack` does)."""
    import zstandard

    if type(data) is not bytes:
        raise ValueError("not a compressed part")
    size = zstandard.frame_content_size(data)
    if not 0 <= size <= MAX_UNPACKED:
        raise ValueError(f"compressed part of unknown or implausible size ({size})")
    return _codec()[1].decompress(data)


def _unpack_group(blob: bytes) -> dict:
    """A row group's entry (:meth:`ResultCache.put_group`) as one result: ``{"group": n, "files": [n
    results without rows], "arrow": {table: batch bytes}, "csv": {table: bytes}}``; bytes of another
    origin raise (never run)."""
    import msgpack

    res = unpack(blob)
    if not (isinstance(res, dict) and isinstance(res.get("arrow"), dict) and isinstance(res.get("csv"), dict)):
        raise ValueError("not a row group")
    res["files"] = msgpack.unpackb(_inflate(res.get("files")), raw=False, ext_hook=_unpack_ext)
    for part in ("arrow", "csv"):
        res[part] = {t: _inflate(res[part].get(t)) for t in STREAMED}
    return res


def _relative(plan, raw_dir: str) -> list[str]:
    """The plan's paths relative to ``raw_dir``, as ``Path.relative_to(raw_dir).as_posix()`` gives them (a
    path below ``raw_dir`` as written, the usual case: the rest of the string, without a Path per file)."""
    prefix = raw_dir.rstrip("/") + "/"
    if os.sep != "/" or prefix == "/":
        return [Path(path).relative_to(raw_dir).as_posix() for path, _ in plan]
    return [path[len(prefix):] if path.startswith(prefix) and "/./" not in path and "//" not in path[len(prefix):]
            else Path(path).relative_to(raw_dir).as_posix() for path, _ in plan]


def _result(cache: ResultCache, fresh, item, key: str, hit: bool, rel: str, raw_dir: str, engine_kw: dict,
            freeze: bool = False) -> dict:
    """One file's result: its cache entry, else the engine's next one (stored)."""
    path, meta = item
    if hit:
        res = cache.get(key, rel, freeze)
        if res is None:  # damaged entry, or the cache went off: extract the file here
            from .document import process_file

            res = process_file(path, raw_dir, meta, engine_kw.get("skip_bad", False))
            if "skipped" not in res and "failed" not in res:
                cache.put(key, res, file=rel)
        return res
    res, blob = next(fresh)
    if "skipped" not in res and "failed" not in res:  # a failure is tried again next time
        cache.put(key, res, blob, rel)
    return res

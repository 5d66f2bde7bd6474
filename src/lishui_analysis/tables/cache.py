"""Per-file results cache of the build: ``out/.cache/results.sqlite``.

A file's extracted rows are stored under a key that hashes everything they depend
on — the file's name (its doc_id), bytes and manifest row, the package version, the
package source and the vocabulary files — so an unchanged page is never extracted
twice and any edit that could change its rows misses the cache.

One SQLite database (standard library) rather than one file per page: one file
instead of thousands, inserts batched in transactions, a build killed mid-way
leaves a consistent database. Entries are packed by :func:`engine.pack` (pickle +
Zstandard, ≈ 18 KB per page, about the size of the page's text in UTF-8). A damaged
database is discarded and rebuilt, a damaged entry extracted again: never trusted.
"""
from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import zlib
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path

from .. import __version__, config
from ..errors import InputError
from ..ingest.load import file_sha256
from .engine import iter_results, pack, unpack
from ..vocab import vocab_hash

log = logging.getLogger(__name__)

CACHE_DIR = ".cache"
CACHE_FILE = "results.sqlite"
#: Inserts per transaction.
BATCH = 256
#: Layout of the database (PRAGMA user_version); another layout is dropped, not read.
CACHE_FORMAT = 4


@lru_cache(maxsize=1)
def code_hash() -> str:
    """sha256 over the package's own source: an edited extractor invalidates cached results too."""
    h = hashlib.sha256()
    root = Path(__file__).resolve().parents[1]  # the whole package, not this subpackage
    for f in sorted(root.rglob("*.py")):
        h.update(f.relative_to(root).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def cache_key(path: str, meta: dict, raw_dir: str = "") -> str:
    """Hash of a file's name (its doc_id), bytes and manifest row, the package version and
    source, and the vocabularies."""
    h = hashlib.sha256()
    h.update(Path(path).relative_to(raw_dir).as_posix().encode() if raw_dir else Path(path).name.encode())
    try:  # checked first (type, place, size), then read in chunks: a FIFO, a device or a 5 GB file are refused, not read
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


class ResultCache:
    """key → result dict, in one SQLite file under ``folder``."""

    def __init__(self, folder: Path):
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.pkl"):  # the one-file-per-page layout of earlier versions
            old.unlink(missing_ok=True)
        self.path = folder / CACHE_FILE
        self.pending = 0
        try:
            self._open()
            self.keys = {k for (k,) in self.db.execute("SELECT key FROM results")}
        except sqlite3.DatabaseError as exc:
            log.warning("cache %s is damaged (%s); starting a new one", self.path, exc)
            self.db.close()
            self.path.unlink(missing_ok=True)
            self._open()
            self.keys = set()

    def _open(self) -> None:
        # autocommit mode; transactions are opened explicitly around batches of inserts
        self.db = sqlite3.connect(self.path, isolation_level=None)
        # Entries are ≈ 18 KB (a page's result, pickled and compressed): 16 KB pages hold one in
        # two pages with little slack (inserts ≈ 2× faster than with 4 KB pages, files 9 % smaller
        # than with 64 KB pages; measured). The rollback journal keeps each committed batch whole
        # if a build is killed. No fsync (synchronous OFF): after a power loss the file may hold
        # torn pages, so every entry carries a checksum of its bytes and one that does not match
        # is a miss.
        self.db.execute("PRAGMA page_size = 16384")  # takes effect when the file is created
        self.db.execute("PRAGMA synchronous = OFF")
        if self.db.execute("PRAGMA user_version").fetchone()[0] != CACHE_FORMAT:
            self.db.execute("DROP TABLE IF EXISTS results")
            self.db.execute("CREATE TABLE results (key TEXT PRIMARY KEY, digest INTEGER NOT NULL, data BLOB NOT NULL)")
            self.db.execute(f"PRAGMA user_version = {CACHE_FORMAT}")

    def __contains__(self, key: str) -> bool:
        return key in self.keys

    def get(self, key: str) -> dict | None:
        """The stored result, or None when its bytes are not those that were stored."""
        row = self.db.execute("SELECT digest, data FROM results WHERE key = ?", (key,)).fetchone()
        if row is None or _digest(row[1]) != row[0]:
            log.warning("cache entry %s… is damaged; extracting the file again", key[:12])
            return None
        return unpack(row[1])

    def put(self, key: str, result: dict, blob: bytes | None = None) -> None:
        """Store ``result`` (``blob``: the result already packed, as a worker sends it)."""
        if not self.pending:
            self.db.execute("BEGIN")
        blob = blob or pack(result)
        self.db.execute("INSERT OR REPLACE INTO results VALUES (?, ?, ?)", (key, _digest(blob), blob))
        self.keys.add(key)
        self.pending += 1
        if self.pending >= BATCH:
            self.commit()

    def commit(self) -> None:
        if self.pending:
            self.db.execute("COMMIT")
            self.pending = 0

    def keep_only(self, live: set[str]) -> None:
        """Drop entries of files no longer in the corpus: the cache stays the size of the corpus."""
        self.commit()
        stale = self.keys - live
        if stale:
            self.db.execute("BEGIN")
            self.db.executemany("DELETE FROM results WHERE key = ?", ((k,) for k in stale))
            self.db.execute("COMMIT")
            self.keys -= stale

    def close(self) -> None:
        self.commit()
        self.db.close()


def cached_results(plan, raw_dir: str, out_dir: Path, use_cache: bool, **engine_kw) -> Iterator[dict]:
    """Per-file results in plan order: from the cache when the key matches, else from the engine."""
    if not use_cache:
        for res, _ in iter_results(plan, raw_dir, **engine_kw):
            yield res
        return
    try:
        cache = ResultCache(Path(out_dir) / CACHE_DIR)
    except (OSError, sqlite3.Error) as exc:  # the cache is an aid: a build goes on without it
        log.warning("cannot use the cache in %s (%s); extracting every file", Path(out_dir) / CACHE_DIR, exc)
        yield from cached_results(plan, raw_dir, out_dir, False, **engine_kw)
        return
    try:
        keys = [cache_key(path, meta, raw_dir) for path, meta in plan]
        fresh = iter_results([item for item, k in zip(plan, keys) if k not in cache], raw_dir, **engine_kw)
        for (path, meta), key in zip(plan, keys):
            if key in cache:
                res = cache.get(key)
                if res is None:  # damaged entry: extract the file here and store it again
                    from .document import process_file

                    res = process_file(path, raw_dir, meta, engine_kw.get("skip_bad", False))
                    cache.put(key, res)
                yield res
                continue
            res, blob = next(fresh)
            if "skipped" not in res and "failed" not in res:  # a failure is tried again next time
                cache.put(key, res, blob)
            yield res
        cache.keep_only(set(keys))
    finally:
        cache.close()

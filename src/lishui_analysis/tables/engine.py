"""Where per-file work runs: in this process, in a local process pool (``--jobs N``),
or on a Dask cluster (``--engine dask [--scheduler ADDRESS]``).

Every engine runs the same :func:`document.process_file` and yields results in
file order, so the tables are byte-identical whichever engine built them.
Workers send their result back packed once (MessagePack, then compressed with
Zstandard: ≈ 5× smaller for 0.2 ms a page); the main process unpacks it to write
the rows and stores the same bytes in the cache (``cache.py``).

Packed results are data, never code: MessagePack knows only ``None``, booleans,
integers, floats, strings, bytes, lists and maps (plus the tuple extension below),
so bytes read back from the cache cannot run anything when unpacked, as a pickle
could.
"""
from __future__ import annotations

import gc
import sys
from collections import deque
import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")


#: Seconds a build runs before its progress bar appears (a quick build shows none).
PROGRESS_DELAY = 1.0


def progress_bar(it: Iterable[T], total: int, enabled: bool) -> Iterator[T]:
    """``it``, item by item, with a progress bar on stderr (tqdm: files done of ``total``, rate,
    time left) when ``enabled`` and stderr is a terminal — never in notebooks, CI logs, cron
    mail or a pipe — once the build has run :data:`PROGRESS_DELAY` seconds. While it runs,
    warnings logged to the terminal are written above the bar, not through it
    (``tqdm.contrib.logging.logging_redirect_tqdm``); the consumer's warnings about an item
    are said before the bar counts it. A whole row group read from the cache counts its files."""
    if not enabled or not sys.stderr.isatty():
        yield from it
        return
    from tqdm import tqdm
    from tqdm.contrib.logging import logging_redirect_tqdm

    with logging_redirect_tqdm(tqdm_class=tqdm), tqdm(total=total, unit="file", file=sys.stderr,
                                                      delay=PROGRESS_DELAY, dynamic_ncols=True) as bar:
        for item in it:
            yield item
            bar.update(len(item["files"]) if isinstance(item, dict) and "group" in item else 1)  # (cache.py)


def iter_results(plan, raw_dir: str, jobs: int = 1, skip_bad: bool = False, engine: str = "local",
                 scheduler: str | None = None) -> Iterator[tuple[dict, bytes | None]]:
    """``(result, packed result or None)`` per file, in plan order (None: run in this process,
    nothing packed yet)."""
    from .document import process_file

    if engine == "dask":
        it = _dask(plan, raw_dir, skip_bad, scheduler, jobs)
    elif jobs > 1 and len(plan) > 1:
        it = _pool(plan, raw_dir, skip_bad, jobs)
    else:
        it = ((process_file(path, raw_dir, meta, skip_bad), None) for path, meta in plan)
    yield from it


_local = threading.local()


def _codec():
    """This thread's (compressor, decompressor): zstandard's objects must not be shared by
    threads (a Dask worker may run several tasks at once)."""
    codec = getattr(_local, "codec", None)
    if codec is None:
        import zstandard

        codec = _local.codec = (zstandard.ZstdCompressor(level=1), zstandard.ZstdDecompressor())
    return codec


#: MessagePack extension code of a tuple (MessagePack has one array type; the build's
#: summaries hold tuples, compared and hashed as such, and come back as tuples).
_TUPLE = 1
#: Largest unpacked size accepted, from a Zstandard frame's header: a planted frame that
#: claims more is refused before any memory is taken (a page's result is ≈ 20 bytes a
#: character; the largest file read, 50 MB, gives well under this).
MAX_UNPACKED = 2 << 30


def _pack_tuple(obj):
    import msgpack

    if type(obj) is tuple:
        return msgpack.ExtType(_TUPLE, msgpack.packb(list(obj), use_bin_type=True, strict_types=True,
                                                     default=_pack_tuple))
    raise TypeError(f"cannot pack a {type(obj).__name__} ({obj!r:.60})")


def _unpack_ext(code: int, data: bytes):
    import msgpack

    if code == _TUPLE:
        return tuple(msgpack.unpackb(data, raw=False, ext_hook=_unpack_ext))
    raise ValueError(f"unknown MessagePack extension {code}")


def pack(result: dict) -> bytes:
    """A per-file result as bytes: MessagePack, then Zstandard level 1 (≈ 120 KB → 22 KB for a
    page). ``None``, bools, ints, floats (all 64 bits: NaN and every float come back exactly),
    str, lists, tuples and dicts with str keys come back as they went; any other type is a
    TypeError here, not a surprise when read back."""
    import msgpack  # imported when first used, as zstandard: not on every import of the package

    return _codec()[0].compress(msgpack.packb(result, use_bin_type=True, strict_types=True, default=_pack_tuple))


def unpack(blob: bytes) -> dict:
    """The result :func:`pack` made. Bytes of another origin give an exception (never run code)."""
    import msgpack
    import zstandard

    size = zstandard.frame_content_size(blob)
    if not 0 <= size <= MAX_UNPACKED:
        raise ValueError(f"packed result of unknown or implausible size ({size})")
    data = _codec()[1].decompress(blob)
    # The garbage collector off while the objects are made (as msgpack advises): a cached row group makes
    # ≈ 10^6 of them at once, and each collection they would trigger traverses everything the build holds
    # (6 s of a 17 s rebuild of 10,000 pages). Whoever found it on turns it on again (threads: it ends on).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return msgpack.unpackb(data, raw=False, ext_hook=_unpack_ext)
    finally:
        if enabled:
            gc.enable()


def process_file_packed(path: str, raw_dir: str, meta: dict, skip_bad: bool) -> bytes:
    """A worker's unit of work: the result of :func:`document.process_file`, packed (a result
    that cannot be packed fails its file, as an extraction error would)."""
    from pathlib import Path

    from .document import process_file

    result = process_file(path, raw_dir, meta, skip_bad)
    try:
        return pack(result)
    except (TypeError, ValueError, OverflowError) as exc:
        rel = Path(path).relative_to(raw_dir).as_posix()
        return pack({"failed": {"file": rel, "problem": f"extraction failed: {type(exc).__name__}: {exc}"}})


def _unpacked(blob: bytes) -> tuple[dict, bytes]:
    return unpack(blob), blob


def process_files_packed(items, raw_dir: str, skip_bad: bool) -> list[bytes]:
    """A pool task: several files (fewer round trips between processes)."""
    return [process_file_packed(path, raw_dir, meta, skip_bad) for path, meta in items]


#: Files per pool task and tasks in flight per worker.
CHUNK, IN_FLIGHT = 4, 4


def _pool(plan, raw_dir, skip_bad, jobs):
    from concurrent.futures import ProcessPoolExecutor

    # A bounded window of submitted tasks keeps memory flat on huge corpora; results come in order.
    chunks = (plan[i:i + CHUNK] for i in range(0, len(plan), CHUNK))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        window: deque = deque()
        for chunk in chunks:
            window.append(pool.submit(process_files_packed, chunk, raw_dir, skip_bad))
            if len(window) >= jobs * IN_FLIGHT:
                yield from map(_unpacked, window.popleft().result())
        while window:
            yield from map(_unpacked, window.popleft().result())


#: Files per Dask task: a task costs the scheduler ≈ 1 ms, a file ≈ 8 ms of work.
DASK_CHUNK = 16


#: Seconds to reach a scheduler given by ``--scheduler`` and hear it answer.
SCHEDULER_TIMEOUT = 5.0


def check_scheduler(address: str, timeout: float | None = None) -> None:
    """Raise InputError, naming ``address`` and the problem, unless a Dask scheduler answers
    there within ``timeout`` seconds: a malformed address, nothing listening, or something
    that listens but is not a scheduler (which would leave ``Client`` waiting for ever)."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    from distributed.comm import connect

    from ..errors import InputError

    timeout = SCHEDULER_TIMEOUT if timeout is None else timeout
    where = f"--scheduler {address!r}"

    async def identity():
        comm = await asyncio.wait_for(connect(address, timeout=timeout), timeout)
        try:
            await asyncio.wait_for(comm.write({"op": "identity", "reply": True}), timeout)
            return await asyncio.wait_for(comm.read(), timeout)
        finally:
            comm.abort()

    try:  # in a thread of its own: the caller may be in an event loop already (a notebook)
        with ThreadPoolExecutor(max_workers=1) as one:
            info = one.submit(asyncio.run, identity()).result()
    except (ValueError, TypeError) as exc:
        raise InputError(where, f"not a Dask scheduler address ({exc}); e.g. tcp://HOST:8786") from None
    except (OSError, asyncio.TimeoutError) as exc:  # refused, unreachable, or silent
        why = " ".join(str(exc).split()) or "no answer"
        raise InputError(where, f"no Dask scheduler answers there within {timeout:g} s ({why})") from None
    except Exception as exc:  # noqa: BLE001 - whatever else a peer that is not a scheduler makes it raise
        why = " ".join(f"{type(exc).__name__}: {exc}".split())[:160]
        raise InputError(where, f"something answers there, but not as a Dask scheduler ({why})") from None
    kind = info.get("type") if isinstance(info, dict) else None
    if kind != "Scheduler":
        raise InputError(where, f"answers as {kind or 'something else'}, not as a Dask scheduler")


def _dask(plan, raw_dir, skip_bad, scheduler, jobs):
    import logging

    try:
        from dask.distributed import Client, LocalCluster
    except ImportError:
        from ..errors import InputError

        raise InputError("--engine dask", "needs Dask: pip install 'lishui-analysis[dask]'") from None

    cluster = None
    if scheduler:
        check_scheduler(scheduler)
        client = Client(scheduler, timeout=SCHEDULER_TIMEOUT)
    else:
        cluster = LocalCluster(n_workers=max(jobs, 1), threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.WARNING)
        client = Client(cluster)
    try:
        # Enough tasks in flight to keep every worker busy, few enough to keep memory flat.
        n_workers = max(len(client.scheduler_info().get("workers", {})), jobs, 1)
        chunks = (plan[i:i + DASK_CHUNK] for i in range(0, len(plan), DASK_CHUNK))
        window: deque = deque()
        for chunk in chunks:
            window.append(client.submit(process_files_packed, chunk, raw_dir, skip_bad, pure=False))
            if len(window) >= n_workers * IN_FLIGHT:
                yield from map(_unpacked, window.popleft().result())
        while window:
            yield from map(_unpacked, window.popleft().result())
    finally:
        client.close()
        if cluster is not None:
            cluster.close()

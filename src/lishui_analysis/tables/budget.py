"""A time budget per document: a text that makes an extractor loop (a layout nobody foresaw) fails
alone, with a one-line reason, instead of holding the whole build forever.

The budget is CPU time of the thread doing the work (``pthread_getcpuclockid``), so a busy machine
or a paused laptop does not fail documents; it is checked by one watchdog thread per process, which
raises :class:`BudgetExceeded` in the working thread (``PyThreadState_SetAsyncExc``). That works in
the main thread, in process-pool workers and in Dask's worker threads alike. The exception arrives
between two Python instructions: a single call into C that never returns (one regular-expression
match) is not interrupted — the extractors avoid such patterns, and the property tests check it.

>>> with cpu_budget(5.0):
...     with cpu_budget(1.0):   # budgets nest
...         sum(range(1000))
499500
"""
from __future__ import annotations

import ctypes
import threading
import time
from contextlib import contextmanager

#: How often the watchdog looks, in seconds.
TICK = 0.05


class BudgetExceeded(Exception):
    """A document used more CPU time than its budget."""


_lock = threading.Lock()
_watched: dict[object, list] = {}   # token → [thread ident, clock id, deadline (CPU seconds), fired]
_watchdog: threading.Thread | None = None


def _thread_cpu(clock: int) -> float:
    return time.clock_gettime(clock)


def _raise_in(ident: int, exc) -> None:
    ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(ident), ctypes.py_object(exc) if exc else None)


def _watch() -> None:
    while True:
        time.sleep(TICK)
        with _lock:
            for w in _watched.values():
                if not w[3]:
                    try:
                        over = _thread_cpu(w[1]) > w[2]
                    except OSError:  # the thread is gone
                        continue
                    if over:
                        w[3] = True
                        _raise_in(w[0], BudgetExceeded)


def _ensure_watchdog() -> None:
    global _watchdog
    if _watchdog is None or not _watchdog.is_alive():  # (a forked worker inherits no threads)
        _watchdog = threading.Thread(target=_watch, name="lishui-budget", daemon=True)
        _watchdog.start()


@contextmanager
def cpu_budget(seconds: float):
    """Raise :class:`BudgetExceeded` in this thread if the block uses more than ``seconds`` of its
    CPU time. ``seconds`` ≤ 0 or infinite: no budget."""
    if not (0 < seconds < float("inf")) or not hasattr(time, "pthread_getcpuclockid"):
        yield
        return
    ident = threading.get_ident()
    clock = time.pthread_getcpuclockid(ident)
    token = object()  # budgets nest: each block has its own entry
    with _lock:
        _ensure_watchdog()
        _watched[token] = [ident, clock, _thread_cpu(clock) + seconds, False]
    try:
        yield
    finally:
        with _lock:
            fired = _watched.pop(token)[3]
            if fired:
                _raise_in(ident, None)  # an exception still pending must not escape later


def seconds_for(n_chars: int, per_10k: float, minimum: float) -> float:
    """The budget of a document of ``n_chars`` characters.

    >>> seconds_for(2_000, 3.0, 5.0), seconds_for(100_000, 3.0, 5.0)
    (5.0, 30.0)
    """
    return max(minimum, per_10k * n_chars / 10_000)

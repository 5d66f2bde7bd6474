"""What is wrong with an input: errors the CLI turns into one-line messages and exit code 2,
and warnings about one input file, said with the file's name."""
from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar


class InputError(Exception):
    """Bad input: names the file (and line, where it applies) and the problem."""

    def __init__(self, path, problem: str, line: int | None = None):
        self.path = str(path)
        self.problem = problem
        self.line = line
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")

    def __reduce__(self):
        # raised in a worker process (--jobs, Dask), it is pickled back to the main process whole
        return (type(self), (self.path, self.problem, self.line))


#: Kinds of warning, as the closing summary counts them (``warnings: 3 untitled pages, …``):
#: kind → (one, several). A warning's kind is its log record's ``kind`` attribute
#: (``log.warning(…, extra={"kind": "untitled"})``); its count, ``n`` (default 1).
WARNING_KINDS = {
    "untitled": ("untitled page", "untitled pages"),
    "skipped": ("skipped file", "skipped files"),
    "folder": ("unreadable folder", "unreadable folders"),
    "cache": ("cache problem", "cache problems"),
    "stale": ("stale correction", "stale corrections"),
    "ambiguous": ("name left apart as ambiguous", "names left apart as ambiguous"),
}

_notes: ContextVar[list[tuple[str, str]] | None] = ContextVar("lishui_notes", default=None)


@contextmanager
def collecting_notes() -> Iterator[list[tuple[str, str]]]:
    """Gather the :func:`note` calls made inside the block (in this thread or task), as
    ``[(kind, message), …]``, instead of logging them: the build says them with the file's name,
    in file order, whichever process or worker read the file."""
    notes: list[tuple[str, str]] = []
    token = _notes.set(notes)
    try:
        yield notes
    finally:
        _notes.reset(token)


def note(kind: str, message: str) -> None:
    """A warning about the input being read (``kind``: a key of :data:`WARNING_KINDS`): kept for
    the build to say with the file's name, or logged at once outside a build.

    >>> with collecting_notes() as notes:
    ...     note("untitled", "no article title found")
    >>> notes
    [('untitled', 'no article title found')]
    """
    notes = _notes.get()
    if notes is None:
        logging.getLogger("lishui_analysis").warning("%s", message, extra={"kind": kind})
    else:
        notes.append((kind, message))


def warning_summary(counts: dict[str, int]) -> str:
    """One line of warnings by kind, most frequent first (ties by kind), ``''`` without any.

    >>> warning_summary({"untitled": 3, "skipped": 1, "other": 2})
    'warnings: 3 untitled pages, 2 other warnings, 1 skipped file'
    """
    parts = []
    for kind, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if n:
            one, several = WARNING_KINDS.get(kind, ("other warning", "other warnings"))
            parts.append(f"{n} {one if n == 1 else several}")
    return "warnings: " + ", ".join(parts) if parts else ""


class WarningTally(logging.Handler):
    """Counts the warnings logged while it is attached, by kind (records without one: ``other``)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.counts: dict[str, int] = {}

    def emit(self, record: logging.LogRecord) -> None:
        kind = getattr(record, "kind", "other")
        n = getattr(record, "n", 1)
        self.counts[kind] = self.counts.get(kind, 0) + (n if isinstance(n, int) else 1)

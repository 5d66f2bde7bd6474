"""Errors the CLI turns into one-line messages and exit code 2."""
from __future__ import annotations


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

"""Paths and run-wide settings: the one place that knows where things live.

Every path derives from the project root: ``LISHUI_ROOT`` when set; else the nearest
folder, from the working folder upward, holding the marker file ``lishui.toml`` (a project
made by ``lishui-analysis init``); else the directory holding ``pyproject.toml`` and
``notebooks/`` above this package (a source checkout); else the working folder.
``LISHUI_RAW``, ``LISHUI_PROCESSED``, ``LISHUI_REPORTS`` override single folders.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
#: The file that marks a project's root (written by ``lishui-analysis init``).
MARKER = "lishui.toml"


def find_marker(start: Path) -> Path | None:
    """The nearest folder from ``start`` upward that holds :data:`MARKER`, None if none does."""
    for folder in (start, *start.parents):
        if (folder / MARKER).is_file():
            return folder
    return None


def _find_root(cwd: Path | None = None) -> Path:
    env = os.environ.get("LISHUI_ROOT")
    if env:
        return Path(env).resolve()
    try:
        cwd = (cwd or Path.cwd()).resolve()
    except OSError:  # the working folder was deleted under us
        cwd = Path(os.environ.get("PWD") or "/")
    marked = find_marker(cwd)
    if marked is not None:
        return marked
    for parent in PACKAGE_DIR.parents:
        if (parent / "pyproject.toml").exists() and (parent / "notebooks").is_dir():
            return parent
    return cwd


PROJECT_ROOT = _find_root()
RAW_DIR = Path(os.environ.get("LISHUI_RAW", PROJECT_ROOT / "data" / "raw"))
PROCESSED_DIR = Path(os.environ.get("LISHUI_PROCESSED", PROJECT_ROOT / "data" / "processed"))
REPORTS_DIR = Path(os.environ.get("LISHUI_REPORTS", PROJECT_ROOT / "reports"))
#: The researcher's corrections, applied at every build (``tables/corrections.py``); none when absent.
CORRECTIONS_FILE = Path(os.environ.get("LISHUI_CORRECTIONS", PROJECT_ROOT / "corrections.yaml"))
#: The project's vocabulary overrides (``vocab/*.yaml``, merged over the packaged data files: ``vocab.py``).
VOCAB_DIR = Path(os.environ.get("LISHUI_VOCAB", PROJECT_ROOT / "vocab"))
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
#: The notebooks shipped with the package (report uses NOTEBOOKS_DIR's when it holds any).
PACKAGED_NOTEBOOKS_DIR = PACKAGE_DIR / "report" / "notebooks"
DOCS_DIR = PROJECT_ROOT / "docs"

#: Kernel the report runner asks papermill for (installed by ``make setup``).
KERNEL_NAME = os.environ.get("LISHUI_KERNEL", "python3")
#: Kernel ``lishui-analysis lab`` registers for the user (any JupyterLab sees it) and a
#: project's notebooks ask for.
LAB_KERNEL_NAME = "lishui-analysis"
#: Seconds a single notebook cell may run.
CELL_TIMEOUT = 600
#: Files larger than this are refused with a clear error instead of exhausting memory.
MAX_FILE_BYTES = 50 * 1024 * 1024
#: CPU seconds a document may take per 10,000 characters before it fails alone (the build runs at
#: ≈ 0.5 M characters a second: 10,000 take ≈ 0.02 s, so this is ≈ 150× the usual), and at least
#: ``DOC_BUDGET_MIN`` seconds. ``LISHUI_DOC_BUDGET`` or ``build --budget`` changes it; 0 switches it off.
DOC_BUDGET_PER_10K = float(os.environ.get("LISHUI_DOC_BUDGET", "3"))
DOC_BUDGET_MIN = 5.0
#: Extensions read from the raw folder.
RAW_SUFFIXES = (".txt", ".html", ".htm")

#: Named steps switched off in this process, for measuring what each rule is worth
#: (``LISHUI_STEPS_OFF="segment.join_titles,holders.counted"``; ``make ablate``). The long
#: functions of the pipeline (``segment_page``, ``extract_page``, ``find_holders``, ``resolve``,
#: ``extract_events``) are lists of named steps run in order by a short driver; a step whose
#: ``"<stage>.<name>"`` is listed here is skipped. Empty in normal runs.
STEPS_OFF: frozenset[str] = frozenset(s.strip() for s in os.environ.get("LISHUI_STEPS_OFF", "").split(",") if s.strip())


def active_steps(stage: str, steps: tuple) -> tuple:
    """The steps of ``stage`` not switched off, in their order (each a function; its name is
    ``stage + "." + function.__name__`` with any leading underscore dropped).

    >>> def split(s): ...
    >>> def trim(s): ...
    >>> [f.__name__ for f in active_steps("demo", (split, trim))]
    ['split', 'trim']
    """
    if not STEPS_OFF:
        return steps
    return tuple(f for f in steps if f"{stage}.{f.__name__.lstrip('_')}" not in STEPS_OFF)


def step_on(stage: str, name: str) -> bool:
    """Whether the step ``stage.name`` runs (for steps that are a branch inside a function
    rather than a function of their own)."""
    return not STEPS_OFF or f"{stage}.{name}" not in STEPS_OFF


@contextmanager
def steps_off(*names: str):
    """Switch steps off for the length of a ``with`` block (tests, the ablation tool); also
    sets ``LISHUI_STEPS_OFF`` so worker processes started inside the block see the same.

    >>> def split(s): ...
    >>> def trim(s): ...
    >>> with steps_off("demo.trim"):
    ...     [f.__name__ for f in active_steps("demo", (split, trim))]
    ['split']
    """
    global STEPS_OFF
    saved, saved_env = STEPS_OFF, os.environ.get("LISHUI_STEPS_OFF")
    STEPS_OFF = frozenset(names)
    os.environ["LISHUI_STEPS_OFF"] = ",".join(sorted(names))
    try:
        yield
    finally:
        STEPS_OFF = saved
        if saved_env is None:
            os.environ.pop("LISHUI_STEPS_OFF", None)
        else:
            os.environ["LISHUI_STEPS_OFF"] = saved_env

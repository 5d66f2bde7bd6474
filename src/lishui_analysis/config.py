"""Paths and run-wide settings: the one place that knows where things live.

Every path derives from the project root, which is the directory holding
``pyproject.toml`` above this package (a source checkout) or the current
working directory (an installed package). ``LISHUI_ROOT`` overrides it, and
``LISHUI_RAW``, ``LISHUI_PROCESSED``, ``LISHUI_REPORTS`` override single folders.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _find_root() -> Path:
    env = os.environ.get("LISHUI_ROOT")
    if env:
        return Path(env).resolve()
    for parent in PACKAGE_DIR.parents:
        if (parent / "pyproject.toml").exists() and (parent / "notebooks").is_dir():
            return parent
    return Path.cwd().resolve()


PROJECT_ROOT = _find_root()
RAW_DIR = Path(os.environ.get("LISHUI_RAW", PROJECT_ROOT / "data" / "raw"))
PROCESSED_DIR = Path(os.environ.get("LISHUI_PROCESSED", PROJECT_ROOT / "data" / "processed"))
REPORTS_DIR = Path(os.environ.get("LISHUI_REPORTS", PROJECT_ROOT / "reports"))
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
DOCS_DIR = PROJECT_ROOT / "docs"

#: Kernel the report runner asks papermill for (installed by ``make setup``).
KERNEL_NAME = os.environ.get("LISHUI_KERNEL", "python3")
#: Seconds a single notebook cell may run.
CELL_TIMEOUT = 600
#: Files larger than this are refused with a clear error instead of exhausting memory.
MAX_FILE_BYTES = 50 * 1024 * 1024
#: Extensions read from the raw folder.
RAW_SUFFIXES = (".txt", ".html", ".htm")

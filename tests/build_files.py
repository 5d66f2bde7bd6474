"""Helpers of the tests that build tables from pages written for them: write the pages into a raw folder,
read back the files a build writes, and list the temporary files a build left behind."""
from __future__ import annotations

from pathlib import Path


def write_pages(folder: Path, pages: dict[str, str]) -> Path:
    """Writes ``pages`` (file name → text, UTF-8) into ``folder``, made if missing; returns ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def table_files(out: Path) -> dict[str, bytes]:
    """The files users read: every table's CSV and Parquet file and manifest.json, by name."""
    from lishui_analysis.tables.corpus import TABLE_NAMES

    names = [f"{t}.{ext}" for t in TABLE_NAMES for ext in ("csv", "parquet")] + ["manifest.json"]
    return {n: (out / n).read_bytes() for n in names if (out / n).exists()}


def leftovers(folder: Path) -> list[str]:
    """The temporary files a build left in ``folder`` (``.partial``, ``.remap``, ``.tmp``)."""
    return sorted(p.name for p in folder.iterdir() if p.name.endswith((".partial", ".remap", ".tmp")))

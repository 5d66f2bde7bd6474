from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
FIXTURES = Path(__file__).parent / "fixtures"
LAYOUTS = FIXTURES / "layouts"


@pytest.fixture(scope="session")
def bundled_tables(tmp_path_factory):
    """The bundled page built once into a temporary folder."""
    from lishui_analysis.tables.corpus import build, load_tables

    out = tmp_path_factory.mktemp("processed")
    build(RAW, out)
    return load_tables(out), out


@pytest.fixture(scope="session")
def layout_tables(tmp_path_factory):
    from lishui_analysis.tables.corpus import build, load_tables

    out = tmp_path_factory.mktemp("layouts")
    build(LAYOUTS, out)
    return load_tables(out), out


@pytest.fixture
def build_texts(tmp_path):
    """Builds invented pages (file stem → text) into ``tmp_path``: returns ``(tables, raw)``, the tables
    loaded with their raw folder."""
    from build_files import write_pages
    from lishui_analysis.tables.corpus import build, load_tables

    def run(texts: dict):
        raw = write_pages(tmp_path / "raw", {f"{name}.txt": body for name, body in texts.items()})
        build(raw, tmp_path / "out")
        return load_tables(tmp_path / "out", raw), raw
    return run


@pytest.fixture
def raw_copy(tmp_path):
    """A writable copy of data/raw/."""
    dst = tmp_path / "raw"
    shutil.copytree(RAW, dst)
    return dst

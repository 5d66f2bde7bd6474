"""Stage 3 — building the tables: per-file work and the corpus-wide passes.

``document`` (one file → rows, the unit of work of every engine), ``engine`` (where that work
runs), ``cache`` (per-file results), ``sinks`` (checked CSV/Parquet writers), ``entities``
(one entity per plant, company or batch across articles), ``projects`` (the projects table),
``corpus`` (orchestration: plan, engine, sinks, one atomic commit; ``build`` and
``load_tables``) and ``check``.

``from lishui_analysis.tables import build, load_tables`` — the module this package was before —
still works: names not found here are looked up in :mod:`.corpus`.
"""
from __future__ import annotations


def __getattr__(name):
    if name.startswith("__") or name == "corpus":
        raise AttributeError(name)
    import importlib

    try:
        return getattr(importlib.import_module(__name__ + ".corpus"), name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None

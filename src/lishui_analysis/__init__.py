"""lishui-analysis: tidy tables and reports on the Lishui Economic and Technological
Development Zone (丽水经开区) from Chinese news text.

    >>> import lishui_analysis as la
    >>> t = la.load_tables()          # builds data/processed/ if needed
    >>> t["quantities"].loc[t["quantities"]["surface"] == "26.96亿元", "value"].item()
    2696000000.0

The package is laid out by stage — ``ingest`` → ``extract`` → ``tables`` → ``analysis`` →
``report`` — and imports flow only down that line.
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "load_tables", "build", "report"]

#: Modules that stood flat in the package before it was laid out by stage: ``from
#: lishui_analysis import indicators`` (the form the notebooks used) still finds them.
_MOVED = {
    "load": "ingest.load", "clean": "ingest.clean", "segment": "ingest.segment", "webpage": "ingest.webpage",
    "fetch": "ingest.fetch", "document": "tables.document", "cache": "tables.cache",
    "engine": "tables.engine", "sinks": "tables.sinks", "entities": "tables.entities", "check": "tables.check",
    "indicators": "analysis.indicators", "overview": "analysis.overview", "plots": "analysis.plots",
    "params": "analysis.params",
}


def __getattr__(name):
    # Lazy: importing the package stays cheap for the CLI and notebooks.
    import importlib

    if name in ("load_tables", "build"):
        return getattr(importlib.import_module(".tables.corpus", __name__), name)
    if name == "report":
        return importlib.import_module(".report", __name__)
    if name in _MOVED:
        return importlib.import_module("." + _MOVED[name], __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

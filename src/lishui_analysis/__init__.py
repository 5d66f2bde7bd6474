"""lishui-analysis: tidy tables and reports on the Lishui Economic and Technological
Development Zone (丽水经开区) from Chinese news text.

    >>> import lishui_analysis as la
    >>> t = la.load_tables()          # builds data/processed/ if needed
    >>> t["quantities"].loc[t["quantities"]["surface"] == "26.96亿元", "value"].item()
    2696000000.0
"""
from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "load_tables", "build", "report"]


def __getattr__(name):
    # Lazy: importing the package stays cheap for the CLI and notebooks.
    if name == "report":
        import importlib

        return importlib.import_module(".report", __name__)
    if name in ("load_tables", "build"):
        from . import tables

        return getattr(tables, name)
    raise AttributeError(name)

"""Stage 4 — analysis of the built tables (what the notebooks call).

``indicators`` (intensities, growth, shares, durations), ``selections`` (notebook selections,
tables and takeaways), ``overview``, ``plots`` (theme, CJK font, charts), ``labels``, ``params``
(notebook parameters).

``from lishui_analysis import analysis; analysis.select(...)`` — the module this package was
before — still works: names not found here are looked up in :mod:`.selections`.
"""
from __future__ import annotations


def __getattr__(name):
    if name.startswith("__") or name == "selections":
        raise AttributeError(name)
    import importlib

    try:
        return getattr(importlib.import_module(__name__ + ".selections"), name)
    except AttributeError:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}") from None

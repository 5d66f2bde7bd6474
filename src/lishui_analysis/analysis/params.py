"""Notebook parameters: one registry of names, types and checks.

Each notebook declares a subset in its ``parameters`` cell (literals only) and
passes them to :func:`validate` in the next cell; a mistyped name or a value of
the wrong type stops the notebook with a message naming the parameter.
"""
from __future__ import annotations

import datetime as dt

from .. import config
from ..errors import InputError
from ..vocab import industries, thresholds


def _date(name, v):
    if v == "":
        return v
    try:
        dt.date.fromisoformat(v)
    except (TypeError, ValueError):
        raise InputError("parameters", f"{name} must be a date YYYY-MM-DD, got {v!r}") from None
    return v


def _str(name, v):
    if not isinstance(v, str):
        raise InputError("parameters", f"{name} must be a string, got {type(v).__name__} {v!r}")
    return v


def _number(name, v):
    if isinstance(v, bool) or not isinstance(v, (int, float)) or v < 0:
        raise InputError("parameters", f"{name} must be a non-negative number, got {v!r}")
    return float(v)


def _count(name, v):
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        raise InputError("parameters", f"{name} must be a whole number ≥ 1, got {v!r}")
    return v


def _lang(name, v):
    if v not in ("en", "zh"):
        raise InputError("parameters", f"{name} must be 'en' or 'zh', got {v!r}")
    return v


def _industries(name, v):
    if isinstance(v, str):
        v = [x for x in v.split(",") if x]
    if not isinstance(v, (list, tuple)) or not all(isinstance(x, str) for x in v):
        raise InputError("parameters", f"{name} must be a list of industry ids, got {v!r}")
    known = {i["id"] for i in industries()} | {"unclassified"}
    bad = [x for x in v if x not in known]
    if bad:
        raise InputError("parameters", f"{name}: unknown industry {', '.join(bad)} (known: {', '.join(sorted(known))})")
    return list(v)


REGISTRY = {
    "processed_dir": _str, "raw_dir": _str, "report_dir": _str, "as_of": _date, "date_from": _date,
    "date_to": _date, "lang": _lang, "industries": _industries, "investment_intensity_min": _number,
    "tax_per_mu_min": _number, "approval_days_max": _number, "top_n": _count,
}


def defaults() -> dict:
    th = thresholds()
    return {"investment_intensity_min": th["investment_intensity_min"]["value"],
            "tax_per_mu_min": th["tax_per_mu_min"]["value"],
            "approval_days_max": th["approval_days_max"]["value"]}


def validate(**values) -> dict:
    """Check every parameter; fill paths with the project's defaults.

    >>> validate(lang="zh", as_of="2024-12-31")["lang"]
    'zh'
    """
    unknown = sorted(set(values) - set(REGISTRY))
    if unknown:
        raise InputError("parameters", f"unknown parameter(s) {', '.join(unknown)}")
    out = {k: REGISTRY[k](k, v) for k, v in values.items()}
    if out.get("date_from") and out.get("date_to") and out["date_from"] > out["date_to"]:
        raise InputError("parameters", f"date_from {out['date_from']} is after date_to {out['date_to']}")
    out.setdefault("processed_dir", "")
    out["processed_dir"] = out["processed_dir"] or str(config.PROCESSED_DIR)
    out["raw_dir"] = out.get("raw_dir") or str(config.RAW_DIR)
    out.setdefault("lang", "en")
    out.setdefault("report_dir", "")
    return out

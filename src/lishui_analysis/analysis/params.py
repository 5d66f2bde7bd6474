"""Notebook parameters: one registry of names, types and checks.

Each notebook declares a subset in its ``parameters`` cell (literals only) and
passes them to :func:`validate` in the next cell; a mistyped name or a value of
the wrong type stops the notebook with a message naming the parameter.
"""
from __future__ import annotations

import datetime as dt
import math

from .. import config
from ..errors import InputError
from ..vocab import industries, thresholds


#: Largest ``top_n`` (bars or rows shown): a bound, so a mistyped huge number is an error.
MAX_COUNT = 10_000


def _shown(v, width: int = 60) -> str:
    """A value as quoted in an error message: short, whatever its size (an integer of thousands
    of digits cannot even be turned into text by Python; a long list is cut)."""
    if isinstance(v, int) and not isinstance(v, bool) and v.bit_length() > 200:
        n = abs(v)
        e = int((n.bit_length() - 1) * math.log10(2))  # 10**e ≤ n, one or two short at most
        while 10 ** (e + 1) <= n:
            e += 1
        return f"a number of {e + 1} digits"
    if isinstance(v, (list, dict, tuple, set)) and len(v) >= 1000:
        return f"a {type(v).__name__} of {len(v)} items"
    try:
        return _cut(repr(v), width)
    except ValueError:  # an integer of thousands of digits inside a list
        return f"a {type(v).__name__} too large to show"


def _cut(text: str, width: int = 60) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _date(name, v):
    if v == "":
        return v
    try:
        if len(v) > 10:
            raise ValueError
        dt.date.fromisoformat(v)
    except (TypeError, ValueError):
        raise InputError("parameters", f"{name} must be a date YYYY-MM-DD, got {_shown(v)}") from None
    return v


def _str(name, v):
    if not isinstance(v, str):
        raise InputError("parameters", f"{name} must be a string, got {type(v).__name__} {_shown(v)}")
    return v


def _number(name, v):
    try:
        ok = not isinstance(v, bool) and isinstance(v, (int, float)) and math.isfinite(float(v)) and v >= 0
    except OverflowError:  # an integer too large for a float
        ok = False
    if not ok:
        raise InputError("parameters", f"{name} must be a finite non-negative number, got {_shown(v)}")
    return float(v)


def _count(name, v):
    if isinstance(v, bool) or not isinstance(v, int) or not 1 <= v <= MAX_COUNT:
        raise InputError("parameters", f"{name} must be a whole number from 1 to {MAX_COUNT}, got {_shown(v)}")
    return v


def _lang(name, v):
    if v not in ("en", "zh"):
        raise InputError("parameters", f"{name} must be 'en' or 'zh', got {_shown(v)}")
    return v


def _industries(name, v):
    if isinstance(v, str):
        v = [x for x in v.split(",") if x]
    if not isinstance(v, (list, tuple)) or not all(isinstance(x, str) for x in v):
        raise InputError("parameters", f"{name} must be a list of industry ids, got {_shown(v)}")
    known = {i["id"] for i in industries()} | {"unclassified"}
    bad = [x for x in v if x not in known]
    if bad:
        raise InputError("parameters", f"{name}: unknown industry {_cut(', '.join(bad))} (known: {', '.join(sorted(known))})")
    return list(v)


def _attributions(name, v):
    from .attribution import ATTRIBUTIONS

    if not isinstance(v, str) or v not in ATTRIBUTIONS:
        raise InputError("parameters", f"{name} must be {' or '.join(map(repr, ATTRIBUTIONS))}, got {_shown(v)}")
    return v


REGISTRY = {
    "processed_dir": _str, "raw_dir": _str, "report_dir": _str, "as_of": _date, "date_from": _date,
    "date_to": _date, "lang": _lang, "industries": _industries, "investment_intensity_min": _number,
    "tax_per_mu_min": _number, "approval_days_max": _number, "top_n": _count,
    "attributions": _attributions,
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

"""Package data files (vocabularies, unit table, thresholds, taxonomy), loaded once.

Researchers edit the files in ``lishui_analysis/data/``; code never repeats them.
"""
from __future__ import annotations

import csv
import hashlib
import io
from functools import lru_cache
from importlib import resources

import yaml

DATA_FILES = ("units.csv", "metrics.csv", "regions.csv", "cues.yaml", "events.yaml", "layout.yaml",
              "organizations.yaml", "industries.yaml", "thresholds.yaml", "subjects.yaml", "webpage.yaml",
              "entities.yaml")


def _read(name: str) -> str:
    return resources.files("lishui_analysis").joinpath("data", name).read_text(encoding="utf-8")


def _csv(name: str) -> list[dict]:
    lines = [ln for ln in _read(name).splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    return list(csv.DictReader(io.StringIO("\n".join(lines))))


#: libyaml's C parser when PyYAML was built with it (about ten times faster), else the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load_yaml(name: str):
    return yaml.load(_read(name), Loader=_YAML_LOADER)  # noqa: S506 - a safe loader either way


@lru_cache(maxsize=None)
def units() -> dict[str, dict]:
    """``{'亩': {'unit': 'mu', 'kind': 'land_area', 'factor': 1.0}, …}``"""
    return {r["unit_text"]: {"unit": r["unit"], "kind": r["kind"], "factor": float(r["factor"])} for r in _csv("units.csv")}


@lru_cache(maxsize=None)
def unit_codes() -> tuple[str, ...]:
    """Every canonical unit of ``units.csv``, in the order of first appearance: the one list the
    quantities table's ``unit`` column allows (:mod:`lishui_analysis.schema` reads it here)."""
    return tuple(dict.fromkeys(r["unit"] for r in _csv("units.csv")))


@lru_cache(maxsize=None)
def unit_kinds() -> tuple[str, ...]:
    """Every kind of ``units.csv``, in the order of first appearance."""
    return tuple(dict.fromkeys(r["kind"] for r in _csv("units.csv")))


@lru_cache(maxsize=None)
def metric_names() -> tuple[str, ...]:
    """Every metric ``metrics.csv`` names, in the order of first appearance."""
    return tuple(dict.fromkeys(r["metric"] for r in _csv("metrics.csv")))


@lru_cache(maxsize=None)
def metric_keywords() -> dict[str, str]:
    return {r["keyword"]: r["metric"] for r in _csv("metrics.csv")}


@lru_cache(maxsize=None)
def regions() -> dict[str, dict]:
    return {r["name"]: r for r in _csv("regions.csv")}


def region_names() -> tuple[str, ...]:
    return tuple(regions())


@lru_cache(maxsize=1)
def regions_longest_first() -> tuple[str, ...]:
    """Region names, longest first (so 黑龙江 is tried before 龙江-like prefixes)."""
    return tuple(sorted(region_names(), key=len, reverse=True))


@lru_cache(maxsize=4096)
def leading_regions(name: str) -> tuple[tuple[str, int], ...]:
    """The chain of place names a name starts with, each with the position after it
    (省/市 included): 浙江丽水中欣… → (('浙江', 2), ('丽水', 4))."""
    out, i = [], 0
    while True:
        reg = next((r for r in regions_longest_first() if name.startswith(r, i)), None)
        if not reg:
            return tuple(out)
        i += len(reg)
        if name.startswith(("省", "市"), i):
            i += 1
        out.append((reg, i))


def cues() -> dict:
    return load_yaml("cues.yaml")


def event_vocab() -> dict:
    return load_yaml("events.yaml")


def org_vocab() -> dict:
    return load_yaml("organizations.yaml")


def industries() -> list[dict]:
    return load_yaml("industries.yaml")


def classify_industry(text: str) -> str:
    """First taxonomy industry whose keyword occurs in ``text``, else ``unclassified``."""
    for ind in industries():
        if any(k in text for k in ind["keywords"]):
            return ind["id"]
    return "unclassified"


def thresholds() -> dict:
    return load_yaml("thresholds.yaml")


def preload() -> None:
    """Read every data file now (start-up), not on first use in the middle of a build."""
    for name in DATA_FILES:
        if name.endswith(".yaml"):
            load_yaml(name)
    units(), metric_keywords(), regions(), regions_longest_first(), vocab_hash()


@lru_cache(maxsize=None)
def vocab_hash() -> str:
    """sha256 over every data file: changes when a researcher edits a vocabulary."""
    h = hashlib.sha256()
    for name in DATA_FILES:
        h.update(name.encode())
        h.update(_read(name).encode("utf-8"))
    return h.hexdigest()

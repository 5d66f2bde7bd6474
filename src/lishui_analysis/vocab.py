"""Package data files (vocabularies, unit table, thresholds, taxonomy), loaded once.

Code never repeats them. A project overrides them without touching the installed package: a
file of the same name in the project's ``vocab/`` folder (``config.VOCAB_DIR``; ``LISHUI_VOCAB``)
is merged over the packaged one (:func:`merge_over`) —

* YAML: mappings key by key, recursively; a list is *extended* by the project's entries (an entry
  already there is not repeated; in a list of mappings with an ``id``, the project's entry of that
  id replaces the packaged one); any other value replaces. A key written ``name!`` replaces the
  packaged value whole (``forecast!: [预计]`` drops the other cues).
* CSV: the project's rows come after the packaged ones; a row whose first column equals a
  packaged row's replaces it.

The overrides are hashed with the packaged files (:func:`vocab_hash`), so the build cache and
the manifest follow them. A file name the package does not have is an error naming it.
"""
from __future__ import annotations

import csv
import hashlib
import io
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

DATA_FILES = ("units.csv", "metrics.csv", "regions.csv", "cues.yaml", "events.yaml", "layout.yaml",
              "organizations.yaml", "industries.yaml", "thresholds.yaml", "subjects.yaml", "webpage.yaml",
              "entities.yaml", "divisions.csv")


def _read(name: str) -> str:
    return resources.files("lishui_analysis").joinpath("data", name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def overrides() -> dict[str, str]:
    """The project's override files (``vocab/NAME`` → its text), checked: a name the package does
    not have, or a file that is not UTF-8, is an :class:`~lishui_analysis.errors.InputError`."""
    from . import config
    from .errors import InputError

    folder = Path(config.VOCAB_DIR)
    if not folder.is_dir():
        return {}
    out = {}
    for path in sorted(folder.iterdir()):
        if path.name.startswith(".") or path.name.lower() == "readme.md" or not path.is_file():
            continue
        if path.name not in DATA_FILES:
            raise InputError(path, f"not a vocabulary file of the package (one of: {', '.join(DATA_FILES)})")
        try:
            out[path.name] = path.read_bytes().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise InputError(path, "vocabulary override is not UTF-8") from None
    return out


def _csv_lines(text: str) -> list[str]:
    return [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def _csv(name: str) -> list[dict]:
    rows = list(csv.DictReader(io.StringIO("\n".join(_csv_lines(_read(name))))))
    extra = overrides().get(name)
    if extra:
        lines = _csv_lines(extra)
        header = _csv_lines(_read(name))[0]
        if lines and lines[0].split(",")[0] != header.split(",")[0]:
            lines = [header] + lines  # the header may be left out of an override
        rows = merge_rows(rows, list(csv.DictReader(io.StringIO("\n".join(lines)))))
    return rows


def merge_rows(base: list[dict], extra: list[dict]) -> list[dict]:
    """CSV rows of an override after the packaged ones; one with a packaged row's first column
    replaces it.

    >>> merge_rows([{"k": "亩", "v": "mu"}, {"k": "片", "v": "piece"}], [{"k": "片", "v": "count"}, {"k": "垄", "v": "other"}])
    [{'k': '亩', 'v': 'mu'}, {'k': '片', 'v': 'count'}, {'k': '垄', 'v': 'other'}]
    """
    if not base or not extra:
        return base + extra
    key = next(iter(base[0]))
    new = {r.get(key): r for r in extra}
    have = {r[key] for r in base}
    return [new.get(r[key], r) for r in base] + [r for r in extra if r.get(key) not in have]


def merge_over(base, extra):
    """``extra`` (a project's override) merged over ``base`` (the packaged data).

    >>> merge_over({"a": [1, 2], "b": {"c": 1, "d": 2}, "e": 1}, {"a": [2, 3], "b": {"d": 5}, "e": 7})
    {'a': [1, 2, 3], 'b': {'c': 1, 'd': 5}, 'e': 7}
    >>> merge_over({"a": [1, 2]}, {"a!": [9]})
    {'a': [9]}
    >>> merge_over([{"id": "x", "k": [1]}, {"id": "y"}], [{"id": "x", "k": [2]}, {"id": "z"}])
    [{'id': 'x', 'k': [2]}, {'id': 'y'}, {'id': 'z'}]
    """
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for k, v in extra.items():
            if isinstance(k, str) and k.endswith("!"):
                out[k[:-1]] = v
            else:
                out[k] = merge_over(base[k], v) if k in base else v
        return out
    if isinstance(base, list) and isinstance(extra, list):
        if all(isinstance(x, dict) and "id" in x for x in base + extra):
            by_id = {x["id"]: x for x in extra}
            merged = [by_id.pop(x["id"], x) for x in base]
            return merged + [x for x in extra if x["id"] in by_id]
        return base + [x for x in extra if x not in base]
    return extra


#: libyaml's C parser when PyYAML was built with it (about ten times faster), else the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def load_yaml(name: str):
    data = yaml.load(_read(name), Loader=_YAML_LOADER)  # noqa: S506 - a safe loader either way
    extra = overrides().get(name)
    if extra is None:
        return data
    from . import config
    from .errors import InputError

    path = Path(config.VOCAB_DIR) / name
    try:
        project = yaml.load(extra, Loader=_YAML_LOADER)  # noqa: S506
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise InputError(path, f"not valid YAML ({getattr(exc, 'problem', exc)})",
                         line=None if line is None else line + 1) from None
    if project is None:
        return data
    if type(project) is not type(data):
        raise InputError(path, f"must be a {type(data).__name__} like the packaged {name}, "
                               f"not a {type(project).__name__}")
    return merge_over(data, project)


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


@lru_cache(maxsize=1)
def divisions() -> tuple[tuple[str, str], ...]:
    """China's administrative divisions, ``(name, level)`` with level province, prefecture or county
    (``data/divisions.csv``: the Ministry of Civil Affairs' code list)."""
    return tuple((r["name"], r["level"]) for r in _csv("divisions.csv"))


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
    out: list[tuple[str, int]] = []
    i = 0
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


def check_overrides() -> None:
    """Read every override of the project now, so that a bad one stops the build before any work
    with one error naming it (not once per document, in the middle)."""
    for name in overrides():
        load_yaml(name) if name.endswith(".yaml") else _csv(name)


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
    for name, text in sorted(overrides().items()):  # a project's overrides change every result
        h.update(b"override:" + name.encode())
        h.update(text.encode("utf-8"))
    return h.hexdigest()

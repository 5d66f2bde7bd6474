"""Patterns are compiled once per process: every argument-less ``*_pattern``/``*_re`` builder of the
extractors is cached (``functools.lru_cache``) and returns the same object on a second call. A lost
decorator rebuilt a vocabulary alternation per sentence and made builds 2.5x slower, and ``re``'s own
cache hid it from an identity check alone (speed itself is ``make bench``'s)."""
import importlib
import inspect
import pkgutil
import re

import pytest

import lishui_analysis.extract as extract
import lishui_analysis.ingest as ingest

BUILDERS = []
for pkg in (extract, ingest):
    for info in pkgutil.iter_modules(pkg.__path__):
        mod = importlib.import_module(f"{pkg.__name__}.{info.name}")
        for name, fn in vars(mod).items():
            if (callable(fn) and getattr(fn, "__module__", None) == mod.__name__ and name.endswith(("_pattern", "_re"))
                    and not isinstance(fn, re.Pattern)):
                target = getattr(fn, "__wrapped__", fn)
                if inspect.isfunction(target) and not any(
                        p.default is p.empty for p in inspect.signature(target).parameters.values()):
                    BUILDERS.append(pytest.param(fn, id=f"{info.name}.{name}"))


def test_there_are_builders_to_check():
    assert len(BUILDERS) >= 5


@pytest.mark.parametrize("fn", BUILDERS)
def test_a_pattern_builder_is_cached_and_returns_the_same_object_twice(fn):
    assert hasattr(fn, "cache_info"), "build the pattern once: @lru_cache(maxsize=1)"
    assert fn() is fn()


def test_after_warm_up_a_build_of_the_bundled_page_compiles_no_pattern_and_imports_no_module(tmp_path, monkeypatch):
    """``tables.warm_up`` pays the first calls (the benchmark times the bundled page after it): its
    page runs every step the bundled page does, so that page's build compiles nothing lazily
    (``re.compile`` in a cached builder) and imports nothing."""
    import sys
    from pathlib import Path

    from lishui_analysis.tables import corpus

    corpus.warm_up()
    compiled = []
    real = re.compile
    monkeypatch.setattr(re, "compile", lambda *a, **k: compiled.append(a[0]) or real(*a, **k))
    before = set(sys.modules)
    raw = Path(__file__).resolve().parents[1] / "data" / "raw"
    corpus.build(raw, tmp_path / "out", use_cache=False)
    assert compiled == [] and sorted(set(sys.modules) - before) == []

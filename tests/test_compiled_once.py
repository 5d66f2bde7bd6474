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

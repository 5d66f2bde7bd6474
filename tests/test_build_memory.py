"""Memory of the build (issue #20): the compact structures give back what they were given, and the
shortcuts that keep the corpus-wide stage small leave every table byte for byte the same."""
import math
import shutil

import pytest

from conftest import LAYOUTS, RAW
from lishui_analysis.tables import corpus, sinks
from lishui_analysis.tables.conflicts import Figures, find_conflicts
from lishui_analysis.tables.corpus import TABLE_NAMES, build
from lishui_analysis.tables.entities import name_record, resolve_entities
from lishui_analysis.tables.projects import ProjectAssembler


def test_figures_give_back_the_tuples_added_in_order():
    added = [
        ("E00000000a1", "investment", "CNY", 2.696e9, True, "p01:02:q001", "p01:02", False),
        ("E00000000a1", "investment", "CNY", 2.7e9, False, "p02:01:q004", "p02:01", False),
        ("E00000000b2", "construction_started", "", "2024-03", False, "p02:01:e002", "p02:01", False),
        ("E00000000b2", "land", "mu", 0.1 + 0.2, False, "other-id-7", "p03:01", True),   # an id of another shape
        ("E00000000a1", "capacity_per_year", "piece", -0.0, False, "p01:02:q009", "p01:02", False),
        ("E00000000b2", "completed", "", "2025-01-15", False, "p02:01:e003", "p02:01", False),
    ]
    figs = Figures()
    figs.extend(added[:3])
    figs.extend(iter(added[3:]))
    back = list(figs)
    assert back == added and len(figs) == len(added)
    assert all(type(b[3]) is type(a[3]) for a, b in zip(added, back))
    assert math.copysign(1.0, back[4][3]) == -1.0          # the float comes back bit for bit
    assert list(Figures()) == []


def test_conflicts_read_the_same_from_the_company_and_project_entities_alone():
    recs = [name_record("company", "浙江岚澄新材料有限公司"), name_record("company", "岚澄新材料"),
            name_record("batch", "12个重点项目", scope="a:01"), name_record("project", "岚澄年产5万吨项目")]
    res = resolve_entities(recs)
    k = {r.name: r.key for r in recs}
    figs = [(k["岚澄新材料"], "investment", "CNY", 8.5e8, False, "a:01:q001", "a:01", False),
            (k["浙江岚澄新材料有限公司"], "investment", "CNY", 1.2e9, False, "b:01:q002", "b:01", False),
            (k["12个重点项目"], "investment", "CNY", 3e9, False, "a:01:q003", "a:01", False),
            (k["12个重点项目"], "investment", "CNY", 5e9, False, "c:01:q003", "c:01", False)]
    held = [e for e in res.entities if e["entity_type"] in ("company", "project")]
    assert len(held) < len(res.entities)
    full = find_conflicts(figs, res.key_map, res.entities)
    assert full and full == find_conflicts(figs, res.key_map, held)
    fig_store = Figures()
    fig_store.extend(figs)
    assert find_conflicts(fig_store, res.key_map, held) == full


def test_dropped_types_keep_no_project_accumulators():
    item = ["K1", "", "12个重点项目", "batch", ["a:01"], [["investment_cny", False, 3e9, "a:01:q001"]], None, []]
    kept = ["K2", "", "岚澄年产5万吨项目", "project", ["a:01"], [["investment_cny", False, 5e8, "a:01:q002"]], None, []]
    asm = ProjectAssembler(corpus.FLOW_TYPES)
    asm.add_packed([item, kept])
    assert set(asm.acc) == {"K2"}
    every = ProjectAssembler()
    every.add_packed([item, kept])
    assert set(every.acc) == {"K1", "K2"}


def _tables(folder):
    return {f"{t}.{ext}": (folder / f"{t}.{ext}").read_bytes() for t in TABLE_NAMES for ext in ("csv", "parquet")}


@pytest.mark.parametrize("raw", [RAW, LAYOUTS], ids=["bundled", "layouts"])
def test_tables_identical_without_the_memory_shortcuts(tmp_path, monkeypatch, raw):
    """Built as the build does, then keeping every name's accumulators and figures and formatting
    each corpus-wide table's CSV three rows at a time: the same bytes."""
    build(raw, tmp_path / "a", use_cache=False)
    monkeypatch.setattr(corpus, "FLOW_TYPES", ())
    monkeypatch.setattr(sinks, "CSV_ROWS", 3)
    build(raw, tmp_path / "b", use_cache=False)
    assert _tables(tmp_path / "a") == _tables(tmp_path / "b")
    shutil.rmtree(tmp_path / "b")


def test_article_sets_as_bits_give_the_sets_back():
    import random

    rnd = random.Random(5)
    arts = [f"p{i:04d}:{j:02d}" for i in range(300) for j in range(1, 4)]
    want: dict[str, set] = {}
    sets = corpus.ArticleSets()
    for _ in range(2000):
        key, chosen = f"O{rnd.randrange(7)}", rnd.sample(arts, rnd.randrange(4))
        sets.add(key, chosen)
        want.setdefault(key, set()).update(chosen)
    sets.add("O-none", [])
    assert sets.sets() == {**want, "O-none": set()}

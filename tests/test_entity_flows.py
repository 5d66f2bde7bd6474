"""Issue #20 (memory and time of the corpus-wide stage at 10,000 pages): article-scoped batch and region
names resolved apart from the rules (``entity_rows.flow_rows``) give the rows and keys the general
path gives them, and conflicts read each article's headline from the coded figures as min()/max() of
(value, row id) tuples did. Invented names and figures."""
import itertools
import random

import pytest

from lishui_analysis.tables import entity_rows
from lishui_analysis.tables.conflicts import Figures, find_conflicts
from lishui_analysis.tables.entities import EntityCollector, entity_key, name_record, resolve_entities

BATCHES = ["{n}个重点项目", "{n}個重點項目", "“{n}个重点项目”", "新签约项目{n}个"]
REGIONS = ["全市", "全县"]


def _flow_records(rng):
    recs = []
    for art in ("p1:01", "p1:02", "p2:01"):
        for shape in rng.sample(BATCHES, 3) + REGIONS:
            name = shape.format(n=rng.randint(2, 30)) if "{n}" in shape else shape
            t = "region" if shape in REGIONS else "batch"
            recs.append(name_record(t, name, key=entity_key(t, name, art), scope=art, articles=(art,),
                                    n_rows=rng.randint(1, 4)))
    # one name written two ways in one article (traditional, quotes): one entity
    recs.append(name_record("batch", "7個重點項目", key=entity_key("batch", "7個重點項目", "p1:01"), scope="p1:01",
                            articles=("p1:01",), n_rows=1))
    recs.append(name_record("batch", "7个重点项目", key=entity_key("batch", "7个重点项目", "p1:01"), scope="p1:01",
                            articles=("p1:01",), n_rows=2))
    return recs


@pytest.mark.parametrize("seed", range(5))
def test_flow_names_get_the_rows_the_rules_give_them(seed):
    rng = random.Random(seed)
    flows_recs = _flow_records(rng)
    others = [name_record("company", "浙江岚澄新材料有限公司"), name_record("company", "岚澄新材料"),
              name_record("project", "岚澄年产5万吨项目")]
    dates = {"p1:01": "2024-03-01", "p1:02": "2024-05-09"}   # p2:01: no date
    general = resolve_entities(others + flows_recs, dates)
    flows = {r.key: [r.entity_type, r.name, r.scope, r.articles[0], r.n_rows] for r in flows_recs}
    apart = resolve_entities(others, dates, flows=flows)
    assert apart.entities == general.entities and apart.key_map == general.key_map
    cols = resolve_entities(others, dates, flows=flows, columns=True)
    assert cols.entities == [] and entity_rows.as_dicts(list(cols.columns.values())) == general.entities


def test_a_flow_name_in_two_articles_keeps_both():
    key = entity_key("batch", "5个重点项目", "a:01")
    flows = {key: ["batch", "5个重点项目", "a:01", {"a:01", "b:01"}, 3]}
    rec = name_record("batch", "5个重点项目", key=key, scope="a:01", articles={"a:01", "b:01"}, n_rows=3)
    dates = {"a:01": "2024-01-02", "b:01": "2023-12-30"}
    assert resolve_entities([], dates, flows=flows).entities == resolve_entities([rec], dates).entities


def test_flows_go_through_the_rules_when_a_correction_is_given():
    c = EntityCollector()
    names = [("K1", "a:01", "9个重点项目", "batch", "", 2), ("K2", "a:01", "浙江岚澄新材料有限公司", "company", "", 1)]
    c.add_summary(["a:01"], ["2024-02-02"], {"names": names, "figures": []})
    assert set(c.flows) == {"K1"} and set(c.records) == {"K2"}
    with pytest.raises(ValueError):
        resolve_entities([], {}, merges=[("x", "y")], flows={"K1": ["batch", "9个重点项目", "a:01", "a:01", 2]})
    merged = c.resolve(merges=[("9个重点项目", "浙江岚澄新材料有限公司")])
    assert len(merged.entities) == 1 and merged.key_map["K1"] == merged.key_map["K2"]


def _old_heads(figures, key_map):
    """What find_conflicts read before Figures.headlines: per entity, attribute and unit, each article's
    min()/max() of (value, row id) tuples and its stated values."""
    per = {}
    for rk, attr, unit, value, approx, rid, aid, excluded in figures:
        if not excluded and key_map.get(rk):
            per.setdefault((key_map[rk], attr, unit), {}).setdefault(aid, []).append((value, approx, rid))
    out = {}
    for k, by_article in per.items():
        heads = {}
        for aid, vals in by_article.items():
            v, a, rid = (min if k[2] == "" else max)(vals, key=lambda t: (t[0], t[2]))
            heads.setdefault((v, a), []).append((aid, rid))
        out[k] = (heads, {aid: {(x, ap) for x, ap, _ in vals} for aid, vals in by_article.items()})
    return out


def test_headlines_as_min_and_max_of_value_and_row_id():
    rng = random.Random(3)
    figures = []
    for i, (aid, key) in enumerate(itertools.product(["a:01", "b:01", "c:02"], ["K1", "K2"])):
        for j in range(6):   # ties on the value, row ids of both shapes, dates and figures
            rid = f"{aid}:q{rng.randint(1, 4):03d}" if j % 3 else f"other-{rng.randint(1, 3)}"
            figures.append((key, "investment", "CNY", rng.choice([1e8, 2e8, 2e8]), rng.random() < 0.3, rid, aid,
                            rng.random() < 0.1))
            figures.append((key, "completed", "", rng.choice(["2024-03", "2024-03-15", "2023"]), False, rid, aid,
                            False))
    key_map = {"K1": "E1", "K2": "E2"}
    figs = Figures.of(figures)
    per = figs.grouped(key_map, {}, None)
    old = _old_heads(figures, key_map)
    assert set(per) == set(old)
    for k, idxs in per.items():
        heads, stated = figs.headlines(idxs, k[2] == "")
        assert (dict(heads), stated) == old[k]
    assert find_conflicts(figures, key_map, columns=True)["entity_id"] == [r["entity_id"] for r in
                                                                           find_conflicts(figures, key_map)]

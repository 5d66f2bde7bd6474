"""A file's result as the build consumes it (tables/frames.py): rows as Arrow record batches made where
the file is extracted, the corpus-wide stage's share summarized per file. The tables must not depend on
whether a file's result came from a worker, this process or the cache, nor on corrections being applied
to cached results. Invented texts and rows throughout."""
from __future__ import annotations

import itertools
import json
import math
import textwrap

import pytest

from lishui_analysis.tables.corpus import TABLE_NAMES, build
from lishui_analysis.tables.frames import batch_bytes, read_batch
from lishui_analysis.tables.projects import ProjectAssembler

_PAGE = ("{co}新厂房封顶\n\n本报讯 浙江{co}精密机械有限公司年产{n}万套零部件项目总投资{inv}亿元，用地{land}亩，"
         "于{y}年3月开工，{y}年10月封顶。{co}精密还将投资{inv2}亿元建设二期。\n\n园区综述\n\n本报讯 今年以来，"
         "{zone}新签约项目{k}个，总投资{tot}亿元。\n")


def _corpus(tmp_path, n=4):
    raw = tmp_path / "raw"
    raw.mkdir()
    names = ["岚川", "翠嵘", "星澜", "云汐"]
    zones = ["青溪经开区", "云和工业园区"]
    for i in range(n):
        (raw / f"p{i:02d}.txt").write_text(_PAGE.format(
            co=names[i % len(names)], n=3 + i, inv=2 + i, land=40 + 7 * i, y=2030 + i % 2, inv2=1 + i,
            zone=zones[i % 2], k=5 + i, tot=30 + i), encoding="utf-8")
    return raw


def _files(out):
    return {f"{t}.{ext}": (out / f"{t}.{ext}").read_bytes() for t in TABLE_NAMES for ext in ("csv", "parquet")}


def test_tables_from_the_cache_workers_and_this_process_are_the_same_bytes(tmp_path):
    raw = _corpus(tmp_path)
    build(raw, tmp_path / "plain", use_cache=False)
    reference = _files(tmp_path / "plain")
    build(raw, tmp_path / "cached", jobs=2)   # workers' results, stored
    assert _files(tmp_path / "cached") == reference
    build(raw, tmp_path / "cached")           # every file from the cache
    assert _files(tmp_path / "cached") == reference


def test_corrections_applied_to_cached_results_give_the_tables_of_a_fresh_build(tmp_path):
    raw = _corpus(tmp_path)
    corr = tmp_path / "corrections.yaml"
    corr.write_text(textwrap.dedent("""\
        rows:
          - doc: p01
            surface: 47亩
            drop: true
            reason: the land of another plot
          - doc: p00
            event_type: topped_out
            set: {date: 2030-11}
            reason: the ceremony was in November
        merge:
          - names: [浙江岚川精密机械有限公司, 岚川精密]
            reason: one company
        """), encoding="utf-8")
    build(raw, tmp_path / "plain", use_cache=False, corrections=corr)
    reference = _files(tmp_path / "plain")
    manifest = json.loads((tmp_path / "plain" / "manifest.json").read_text(encoding="utf-8"))
    assert [a["matched"] for a in manifest["corrections"]["applied"]] == [1, 1, 2]  # each entry changed rows
    for _ in range(2):  # the second build reads every file from the cache and corrects it there
        build(raw, tmp_path / "cached", corrections=corr)
        assert _files(tmp_path / "cached") == reference


def test_a_record_batch_round_trips_and_foreign_bytes_are_refused():
    cols = {"org_id": ["O1", "O2"], "article_id": ["p:01", "p:01"], "sentence_id": [1, 2], "start": [0, 5],
            "end": [4, 9], "surface": ["岚川精密", "翠嵘"]}
    batch = read_batch("org_mentions", batch_bytes("org_mentions", cols))
    assert batch.to_pydict() == cols
    with pytest.raises(Exception):  # noqa: B017 - whatever Arrow raises on bytes it did not write
        read_batch("org_mentions", b"\x00\xff" * 40)
    with pytest.raises(ValueError, match="fails its schema"):
        batch_bytes("org_mentions", {**cols, "sentence_id": ["one", 2]})


def _rows(seed: int):
    """Invented quantity and event rows of a few subjects over several files and articles."""
    subjects = [("岚川精密", "company", "K1", "O1"), ("翠嵘项目", "project", "K2", ""), ("", "", "", "")]
    metrics = [("investment", "CNY"), ("land", "mu"), ("capacity", "台"), ("output_value", "CNY")]
    files = []
    n = seed
    for f in range(4):
        q = {k: [] for k in ("quantity_id", "article_id", "value", "unit", "metric", "subject", "org_id", "forecast",
                             "subject_type", "entity_id")}
        e = {k: [] for k in ("event_id", "article_id", "event_type", "subject", "org_id", "date", "planned",
                             "subject_type", "entity_id")}
        for i in range(6):
            n = (n * 7 + 3) % 101
            subject, stype, key, oid = subjects[n % 3]
            metric, unit = metrics[n % 4]
            aid = f"f{f}:{1 + i % 2:02d}"
            for k, v in zip(q, (f"{aid}:q{i:03d}", aid, float(n % 9 * 10), unit, metric, subject, oid, n % 5 == 0,
                                stype, key)):
                q[k].append(v)
            for k, v in zip(e, (f"{aid}:e{i:03d}", aid, ["construction_started", "topped_out", "signed"][n % 3],
                                subject, oid, f"203{n % 3}-0{1 + n % 8}", n % 4 == 0, stype, key)):
                e[k].append(v)
        files.append((q, e))
    return files


def _same(a: list[dict], b: list[dict]) -> bool:
    def norm(v):
        return "nan" if isinstance(v, float) and math.isnan(v) else v
    return [{k: norm(v) for k, v in r.items()} for r in a] == [{k: norm(v) for k, v in r.items()} for r in b]


@pytest.mark.parametrize("seed", [1, 2, 5, 11])
def test_project_accumulators_merged_per_file_equal_rows_fed_one_by_one(seed):
    files = _rows(seed)
    by_rows, by_files = ProjectAssembler(), ProjectAssembler()
    for q, e in files:
        by_rows.add_tables(q, e)
        one = ProjectAssembler()
        one.add_tables(q, e)
        by_files.add_packed(one.packed())
    assert _same(by_rows.rows({}), by_files.rows({}))
    for order in itertools.islice(itertools.permutations(range(len(files))), 6):  # any order of files
        again = ProjectAssembler()
        for i in order:
            one = ProjectAssembler()
            one.add_tables(*files[i])
            again.add_packed(one.packed())
        assert sorted(again.acc) == sorted(by_rows.acc)

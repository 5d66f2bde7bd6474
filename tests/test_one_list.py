"""One list per thing: what the extractors can emit is what the schema allows.

Units, kinds, metrics and milestone types are declared in the vocabulary files; the schema derives its
allowed values from them. These tests write a figure in every unit the unit table knows, in invented
sentences, and check that the quantities table accepts every row the extractor makes of them.
"""
import pandas as pd
import pytest

from lishui_analysis import schema, vocab
from lishui_analysis.extract.quantities import extract_quantities
from lishui_analysis.ingest.segment import split_sentences
from lishui_analysis.tables.corpus import build

UNIT_TEXTS = sorted(vocab.units())


def _allowed(table, column):
    return set(next(c.allowed for c in schema.TABLES[table] if c.name == column))


@pytest.mark.parametrize("unit_text", UNIT_TEXTS)
@pytest.mark.parametrize("frame", ["云岭公司去年投资3.5{u}。", "该项目规划面积12万{u}，预计明年建成。", "共计7{u}"])
def test_every_unit_the_extractor_emits_is_allowed(unit_text, frame):
    body = frame.format(u=unit_text)
    rows = extract_quantities(body, split_sentences(body))
    for q in rows:
        assert q.unit in _allowed("quantities", "unit"), (body, q.unit)
        assert q.kind in _allowed("quantities", "kind"), (body, q.kind)
        assert q.metric in _allowed("quantities", "metric"), (body, q.metric)


def test_every_unit_of_the_unit_table_is_allowed_by_the_schema():
    assert {u["unit"] for u in vocab.units().values()} <= _allowed("quantities", "unit")
    assert {u["kind"] for u in vocab.units().values()} <= _allowed("quantities", "kind")


def test_every_milestone_type_of_the_verb_list_is_allowed_by_the_schema():
    assert set(vocab.event_vocab()) <= _allowed("events", "event_type")


def test_amounts_in_pounds_swiss_francs_and_won_build(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "foreign.txt").write_text(
        "云岭精工欧洲项目落地\n"
        "本报讯（记者 林一木）云岭精工宣布在英国投资1.2亿英镑建设研发中心，并在瑞士投资8000万瑞士法郎，"
        "在韩国追加投资500亿韩元。项目计划明年3月开工。\n", encoding="utf-8")
    build(raw, tmp_path / "out")
    q = pd.read_csv(tmp_path / "out" / "quantities.csv", encoding="utf-8-sig")
    assert {"GBP", "CHF", "KRW"} <= set(q["unit"])
    assert q.loc[q["unit"] == "GBP", "value"].tolist() == [120000000.0]

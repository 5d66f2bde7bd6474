"""The invented evaluation pages of eval/ (written for this project, no third-party text) are well formed:
each raw text has its row in sources.csv and a gold file whose surfaces occur in the text, so that
`make invented` scores what it claims to."""
import csv
import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "eval"
SETS = ["invented", "invented2", "invented3", "invented4", "invented5", "invented6", "invented7", "invented_heldout",
        "invented_heldout2", "invented_heldout3", "invented_heldout4", "invented_heldout5", "invented_heldout6"]


def _gold(d: Path) -> dict[str, dict]:
    out = {}
    for g in sorted((d / "gold").glob("*.json")):
        doc = json.loads(g.read_text(encoding="utf-8"))
        out[doc["file"]] = doc
    return out


@pytest.mark.parametrize("name", SETS)
def test_every_page_has_its_source_row_and_its_gold(name):
    d = ROOT / name
    texts = {p.name for p in (d / "raw").glob("*.txt")}
    rows = {r["file"] for r in csv.DictReader((d / "raw" / "sources.csv").open(encoding="utf-8"))}
    assert texts and texts == rows == set(_gold(d))


@pytest.mark.parametrize("name", SETS)
def test_every_gold_surface_occurs_in_its_text(name):
    d = ROOT / name
    for file, doc in _gold(d).items():
        text = "".join((d / "raw" / file).read_text(encoding="utf-8").split())
        for part in ("quantities", "events"):
            for row in doc.get(part, []):
                assert "".join(row["surface"].split()) in text, (file, row["surface"])

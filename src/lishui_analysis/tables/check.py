"""``lishui-analysis check``: validate raw inputs and processed tables, list problems."""
from __future__ import annotations

from pathlib import Path

from ..ingest import load
from .. import schema
from ..errors import InputError


def check(raw_dir: Path, processed_dir: Path) -> list[str]:
    problems: list[str] = []
    try:
        sources = load.read_sources(raw_dir)
        files = load.list_raw_files(raw_dir)
        for p in files:
            try:
                load.read_document(p, raw_dir)
            except InputError as exc:
                problems.append(str(exc))
        listed = {Path(f).name for f in sources}
        for p in files:
            if sources and p.name not in listed:
                problems.append(f"{raw_dir / load.MANIFEST_NAME}: {p.name} is not listed (its date will be inferred)")
    except InputError as exc:
        problems.append(str(exc))
    import pandas as pd

    tables = {}
    for t in schema.TABLES:
        path = Path(processed_dir) / f"{t}.parquet"
        if not path.exists():
            problems.append(f"{path}: missing (run `lishui-analysis build`)")
            continue
        df = pd.read_parquet(path)
        try:
            schema.validate(t, df)
        except ValueError as exc:
            problems.append(f"{path}: {exc}")
        tables[t] = df
    if "articles" in tables:
        bodies = dict(zip(tables["articles"]["article_id"], tables["articles"]["body"]))
        for t in ("quantities", "org_mentions", "events"):
            if t not in tables:
                continue
            for r in tables[t].itertuples():
                body = bodies.get(r.article_id)
                if body is None:
                    problems.append(f"{t}: row for unknown article {r.article_id}")
                elif body[r.start:r.end] != r.surface:
                    problems.append(f"{t}: span {r.start}-{r.end} of {r.article_id} is not {r.surface!r}")
    return problems

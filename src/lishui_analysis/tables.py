"""Stage 5 — assemble, validate and write the tables.

``process_document`` is the pure per-file function (text in, rows out) that a
local process pool or a Dask cluster runs; ``assemble`` turns the rows of many
files into validated DataFrames; ``write_tables`` writes them atomically.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import tempfile
from pathlib import Path

from . import __version__, clean, config, load, schema, segment
from .errors import InputError
from .extract.dates import extract_dates
from .extract.events import extract_events
from .extract.organizations import extract_org_mentions
from .extract.quantities import extract_quantities
from .vocab import industries, region_names, vocab_hash

log = logging.getLogger(__name__)
TABLE_NAMES = tuple(schema.TABLES)


def org_id_for(name: str) -> str:
    """Stable organization key: the same name gives the same id in every build."""
    return "O" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_CN_DAY = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月(\d{1,2})日")
_CN_MONTH = re.compile(r"(?<!\d)(\d{4})年(\d{1,2})月")


_FUTURE_CUES = re.compile(r"预计|计划|将|力争|目标|规划|有望|争取|到|至|明年")


def infer_pub_date(text: str) -> tuple[str, str]:
    """Latest absolute date in a page that is not a plan: ``('2024-07-18', 'day')``; ``('', '')`` if none.

    Dates right after 预计/计划/将/到 … are targets, not the time of writing.
    """
    for rx, prec in ((_ISO, "day"), (_CN_DAY, "day"), (_CN_MONTH, "month")):
        found = []
        for m in rx.finditer(text):
            if _FUTURE_CUES.search(text[max(0, m.start() - 6):m.start()]):
                continue
            parts = [int(p) for p in m.groups()]
            if 1900 <= parts[0] <= 2100 and 1 <= parts[1] <= 12 and (len(parts) < 3 or 1 <= parts[2] <= 31):
                found.append(tuple(parts))
        if found:
            best = max(found)
            return "-".join(f"{p:02d}" if i else f"{p:04d}" for i, p in enumerate(best)), prec
    years = [int(m.group(1)) for m in re.finditer(r"(?<!\d)(\d{4})年", text)
             if 1900 <= int(m.group(1)) <= 2100 and not _FUTURE_CUES.search(text[max(0, m.start() - 6):m.start()])]
    return (f"{max(years):04d}", "year") if years else ("", "")


def _sentence_of(sentences, pos: int) -> int:
    for i, (s, e, _) in enumerate(sentences, start=1):
        if s <= pos < e:
            return i
    return 0


def process_document(doc: load.RawDocument, meta: dict | None = None) -> dict[str, list[dict]]:
    """All rows of one raw document (a pure function of its text and manifest row)."""
    meta = meta or {}
    text = clean.normalize_text(doc.text)
    articles = segment.segment_page(text)
    pub = meta.get("pub_date", "")
    if pub:
        pub_date, precision = load.parse_pub_date(pub)
        source = "manifest"
    else:
        pub_date, precision = infer_pub_date(text)
        source = "inferred" if pub_date else ""
    rows: dict[str, list[dict]] = {t: [] for t in ("articles", "sentences", "quantities", "org_mentions", "events")}
    rows["org_names"] = []
    for art in articles:
        aid = f"{doc.doc_id}:{art.seq:02d}"
        body = art.body
        rows["articles"].append(dict(
            doc_id=doc.doc_id, article_id=aid, seq=art.seq, pub_date=pub_date, pub_date_precision=precision,
            pub_date_source=source, publication=meta.get("publication", ""), url=meta.get("url", ""),
            kicker=art.kicker, headline=art.headline, subheadline=art.subheadline, byline=art.byline,
            reporters=";".join(art.reporters), correspondents=";".join(art.correspondents), body=body,
            n_chars=len(body), encoding=doc.encoding))
        sents = segment.split_sentences(body)
        for i, (s, e, t) in enumerate(sents, start=1):
            rows["sentences"].append(dict(article_id=aid, sentence_id=i, start=s, end=e, text=t))
        orgs = extract_org_mentions(body)
        for o in orgs:
            rows["org_mentions"].append(dict(org_id=org_id_for(o.name), article_id=aid,
                                             sentence_id=_sentence_of(sents, o.start), start=o.start, end=o.end,
                                             surface=o.surface))
            rows["org_names"].append(dict(name=o.name, surface=o.surface, org_type=o.org_type))
        dates = extract_dates(body, pub_date)
        for n, q in enumerate(extract_quantities(body, sents, orgs, pub_date), start=1):
            rows["quantities"].append(dict(
                quantity_id=f"{aid}:q{n:03d}", article_id=aid, sentence_id=_sentence_of(sents, q.start),
                start=q.start, end=q.end, surface=q.surface, value=q.value, unit=q.unit, unit_text=q.unit_text,
                kind=q.kind, metric=q.metric, subject=q.subject, org_id=org_id_for(q.org_name) if q.org_name else "",
                period=q.period, approximate=q.approximate, forecast=q.forecast))
        for n, e in enumerate(extract_events(body, sents, dates, orgs, pub_date), start=1):
            rows["events"].append(dict(
                event_id=f"{aid}:e{n:03d}", article_id=aid, sentence_id=_sentence_of(sents, e.start),
                start=e.start, end=e.end, surface=e.surface, sentence=e.sentence, event_type=e.event_type,
                subject=e.subject, org_id=org_id_for(e.org_name) if e.org_name else "", date=e.date,
                date_precision=e.date_precision, planned=e.planned))
    return rows


def classify_industry(text: str) -> str:
    """First taxonomy industry whose keyword occurs in ``text``, else ``unclassified``."""
    for ind in industries():
        if any(k in text for k in ind["keywords"]):
            return ind["id"]
    return "unclassified"


def _region_of(name: str) -> str:
    regions = sorted(region_names(), key=len, reverse=True)
    found, i = "", 0
    while True:
        reg = next((r for r in regions if name.startswith(r, i)), None)
        if not reg:
            break
        found, i = reg, i + len(reg)
        if name.startswith(("省", "市"), i):
            i += 1
    if not found:
        m = re.search(r"[（(]([\u4e00-\u9fff]{2,4})[）)]", name)
        if m and m.group(1) in regions:
            found = m.group(1)
    return found


def _organizations(org_names: list[dict], mentions) -> "pd.DataFrame":
    import pandas as pd

    by_name: dict[str, dict] = {}
    for r in org_names:
        d = by_name.setdefault(r["name"], {"aliases": set(), "types": {}})
        if r["surface"] != r["name"]:
            d["aliases"].add(r["surface"])
        d["types"][r["org_type"]] = d["types"].get(r["org_type"], 0) + 1
    counts = mentions["org_id"].value_counts().to_dict() if len(mentions) else {}
    rows = []
    for name in sorted(by_name):
        d = by_name[name]
        org_type = sorted(d["types"].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        rows.append(dict(org_id=org_id_for(name), name=name, aliases=";".join(sorted(d["aliases"])),
                         org_type=org_type, region=_region_of(name),
                         industry=classify_industry(name + " " + " ".join(sorted(d["aliases"]))),
                         n_mentions=int(counts.get(org_id_for(name), 0))))
    return pd.DataFrame(rows)


def assemble(results: list[dict[str, list[dict]]]) -> dict:
    """Concatenate per-document rows into validated DataFrames, in a stable order."""
    import pandas as pd

    merged: dict[str, list[dict]] = {}
    for res in results:
        for k, v in res.items():
            merged.setdefault(k, []).extend(v)
    tables = {}
    for t in ("articles", "sentences", "quantities", "org_mentions", "events"):
        df = pd.DataFrame(merged.get(t, [])) if merged.get(t) else schema.empty_frame(t)
        tables[t] = schema.coerce(t, df)
    tables["org_mentions"] = tables["org_mentions"].sort_values(["article_id", "start", "end"], kind="stable").reset_index(drop=True)
    orgs = _organizations(merged.get("org_names", []), tables["org_mentions"])
    tables["organizations"] = schema.coerce("organizations", orgs) if len(orgs) else schema.empty_frame("organizations")
    from .indicators import assemble_projects

    projects = assemble_projects(tables["quantities"], tables["events"], tables["organizations"])
    tables["projects"] = schema.coerce("projects", projects) if len(projects) else schema.empty_frame("projects")
    for t in TABLE_NAMES:
        tables[t] = schema.validate(t, tables[t])
    return {t: tables[t] for t in TABLE_NAMES}


def read_corpus(raw_dir: Path, skip_bad: bool = False):
    """Decode every raw file; returns (documents with their manifest rows, skipped [(file, problem)])."""
    raw_dir = Path(raw_dir)
    sources = load.read_sources(raw_dir)
    docs, skipped = [], []
    seen_ids = {}
    for path in load.list_raw_files(raw_dir):
        try:
            doc = load.read_document(path, raw_dir)
        except InputError as exc:
            if not skip_bad:
                raise
            skipped.append({"file": path.relative_to(raw_dir).as_posix(), "problem": exc.problem})
            log.warning("skipped %s", exc)
            continue
        if doc.doc_id in seen_ids:
            raise InputError(path, f"two raw files give the same doc_id {doc.doc_id!r} (also {seen_ids[doc.doc_id]})")
        seen_ids[doc.doc_id] = doc.file
        docs.append((doc, sources.get(doc.file) or sources.get(Path(doc.file).name) or {}))
    if not docs:
        raise InputError(raw_dir, "no readable text file")
    return docs, skipped


def build(raw_dir=None, out_dir=None, jobs: int = 1, skip_bad: bool = False, write: bool = True):
    """Build every table from ``raw_dir`` and write them to ``out_dir``; returns the tables."""
    raw_dir = Path(raw_dir or config.RAW_DIR)
    out_dir = Path(out_dir or config.PROCESSED_DIR)
    docs, skipped = read_corpus(raw_dir, skip_bad=skip_bad)
    if jobs and jobs > 1 and len(docs) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=jobs) as pool:
            results = list(pool.map(_process_pair, docs, chunksize=max(1, len(docs) // (jobs * 8))))
    else:
        results = [process_document(d, m) for d, m in docs]
    tables = assemble(results)
    if write:
        manifest = {
            "package": "lishui-analysis", "version": __version__, "vocab_sha256": vocab_hash(),
            "dependencies": _dependency_versions(),
            "parameters": {"raw": raw_dir.name, "skip_bad": skip_bad},
            "inputs": [{"file": d.file, "sha256": d.sha256, "bytes": d.n_bytes, "encoding": d.encoding,
                        "pub_date": m.get("pub_date", "")} for d, m in docs],
            "skipped": skipped,
            "tables": {t: int(len(df)) for t, df in tables.items()},
        }
        write_tables(tables, out_dir, manifest)
    return tables


def _process_pair(pair):
    return process_document(*pair)


def _dependency_versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    out = {}
    for name in ("pandas", "pyarrow", "pandera", "cn2an", "opencc", "charset-normalizer", "beautifulsoup4"):
        try:
            out[name] = version(name)
        except PackageNotFoundError:
            out[name] = ""
    return out


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write to a temporary file in the same folder, then rename over ``path``."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o644)  # mkstemp makes 0600; outputs are meant to be shared
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _parquet_bytes(df) -> bytes:
    import io

    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.Table.from_pandas(df, preserve_index=False)
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="snappy", row_group_size=100_000)
    return buf.getvalue()


def write_tables(tables: dict, out_dir: Path, manifest: dict) -> None:
    """Write every table as CSV (UTF-8 with BOM) and Parquet, plus manifest.json, each atomically.

    All bytes are produced before the first file is replaced, so a failure while
    serializing leaves the previous outputs untouched.
    """
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(out_dir, f"cannot create output folder ({exc.strerror or exc})") from None
    if not os.access(out_dir, os.W_OK):
        raise InputError(out_dir, "output folder is not writable")
    payload: dict[str, bytes] = {}
    for name, df in tables.items():
        csv_text = df.to_csv(index=False, lineterminator="\n", float_format="%.10g")
        payload[f"{name}.csv"] = ("\ufeff" + csv_text).encode("utf-8")
        payload[f"{name}.parquet"] = _parquet_bytes(df)
    payload["manifest.json"] = (json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")
    for fname, data in payload.items():
        atomic_write_bytes(out_dir / fname, data)


def load_tables(processed_dir=None, raw_dir=None, rebuild: bool = False) -> dict:
    """The tables as DataFrames, building them first if they are missing (for JupyterLab).

    >>> import lishui_analysis as la            # doctest: +SKIP
    >>> t = la.load_tables(); t["quantities"]   # doctest: +SKIP
    """
    import pandas as pd

    processed_dir = Path(processed_dir or config.PROCESSED_DIR)
    if rebuild or not all((processed_dir / f"{t}.parquet").exists() for t in TABLE_NAMES):
        return build(raw_dir, processed_dir)
    return {t: pd.read_parquet(processed_dir / f"{t}.parquet") for t in TABLE_NAMES}

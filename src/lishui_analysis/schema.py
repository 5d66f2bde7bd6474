"""Every column of every table, declared once: type, unit, description, allowed values.

From these declarations come the Arrow types and checks every row group passes
while the build writes it (:func:`arrow_table`), the pandera schema that
validates whole tables as read (``lishui-analysis check``), and
``docs/data_dictionary.md`` (``lishui-analysis dictionary``).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from . import vocab


@dataclass(frozen=True)
class Column:
    name: str
    dtype: str            # "str", "int", "float", "bool"
    description: str
    unit: str = ""
    allowed: tuple = ()
    nullable: bool = False


# Units, kinds, metrics and milestone types are declared once, in the vocabulary files the
# extractors read (units.csv, metrics.csv, events.yaml); the schema allows exactly what they name.
EVENT_TYPES = tuple(vocab.event_vocab()) + ("other",)
UNITS = vocab.unit_codes()
KINDS = vocab.unit_kinds()
#: Metrics named in metrics.csv, then those a quantity takes from its unit's kind alone
#: (extract/quantities.py: a count, a duration, land, a capacity, a floor area, or other).
METRICS = tuple(dict.fromkeys(vocab.metric_names() + ("land", "building_area", "capacity", "duration", "count",
                                                      "other")))
ORG_TYPES = ("company", "fund", "university", "research_institute", "hospital", "government",
             "development_zone", "association", "media", "other")
PRECISIONS = ("day", "month", "year", "")
SUBJECT_TYPES = ("company", "project", "batch", "zone", "region", "government", "other", "")

_PROV = (
    Column("article_id", "str", "Article key `{doc_id}:{seq:02d}`"),
    Column("sentence_id", "int", "1-based sentence number within the article"),
    Column("start", "int", "Start offset of `surface` in the article body", "characters"),
    Column("end", "int", "End offset (exclusive) of `surface` in the article body", "characters"),
    Column("surface", "str", "The text span as it stands in the body"),
)

#: The type of a row's subject and its corpus-wide entity (quantities and events).
_TYPED = (
    Column("subject_type", "str", "company, project, batch, zone, region, government, other; empty with an "
           "empty subject", allowed=SUBJECT_TYPES),
    Column("entity_id", "str", "Corpus-wide entity of the subject (table entities); empty with an empty subject"),
)

#: Why a row holds its subject, and the researcher's correction of it (quantities and events; contract v3).
_CORRECTED = (
    Column("subject_rule", "str", "The named step that attributed the subject (extract/figure_holder.py "
           "RESOLVE_STEPS: counted_phrase, same_clause, current_topic, …; extract/events.py: items_after, "
           "batch_after, tally_of_batch, items_before, list_items, pair_before, members_listed, project_named_after, signed_object, respective; same_figure for a figure restated in "
           "another currency); empty with an empty subject (contract v3)"),
    Column("correction", "str", "Empty, or the reason of the researcher's correction (corrections.yaml) "
           "applied to this row (contract v3)"),
)

TABLES: dict[str, tuple[Column, ...]] = {
    "articles": (
        Column("doc_id", "str", "File name without extension"),
        Column("article_id", "str", "`{doc_id}:{seq:02d}`"),
        Column("seq", "int", "1-based order of the article in its file"),
        Column("pub_date", "str", "Publication date `YYYY[-MM[-DD]]`", nullable=False),
        Column("pub_date_precision", "str", "Precision of pub_date", allowed=PRECISIONS),
        Column("pub_date_source", "str", "Where pub_date came from: the manifest, the page's own metadata "
               "(an HTML meta tag, a 发布时间 line) or inferred from dates in the text",
               allowed=("manifest", "page", "inferred", "")),
        Column("publication", "str", "Outlet, from the manifest, else the page's site name"),
        Column("url", "str", "Source URL, from the manifest, else the page's canonical link"),
        Column("source", "str", "Media the page names as its source (来源：浙江日报), may be empty"),
        Column("kicker", "str", "Line above the headline (引题)"),
        Column("headline", "str", "Main title"),
        Column("subheadline", "str", "Line below the headline (副题)"),
        Column("byline", "str", "Byline as written, e.g. 本报讯（记者 …）"),
        Column("reporters", "str", "Reporters' names joined by `;`"),
        Column("correspondents", "str", "Correspondents' names joined by `;`"),
        Column("body", "str", "Cleaned body text, layout breaks repaired; paragraphs separated by newlines"),
        Column("n_chars", "int", "Length of body", "characters"),
    ),
    "sentences": (
        Column("article_id", "str", "Article key"),
        Column("sentence_id", "int", "1-based sentence number within the article"),
        Column("start", "int", "Start offset in the article body", "characters"),
        Column("end", "int", "End offset (exclusive) in the article body", "characters"),
        Column("text", "str", "Sentence text"),
    ),
    "quantities": (
        Column("quantity_id", "str", "`{article_id}:q{n:03d}`"),
        *_PROV,
        Column("value", "float", "Normalized number in `unit` (26.96亿元 → 2696000000)"),
        Column("unit", "str", "Canonical unit; currencies never converted", allowed=UNITS),
        Column("unit_text", "str", "Unit as written (亿元, 亩, 万平方米, 幢, 个月)"),
        Column("kind", "str", "What is measured", allowed=KINDS),
        Column("metric", "str", "Economic meaning from the governing words", allowed=METRICS),
        Column("subject", "str", "Holder of the figure as the article names it: company, project, batch, zone "
               "or region — never the official or body that announces it"),
        *_TYPED,
        *_CORRECTED,
        Column("org_id", "str", "Organization the figure is attributed to, if any"),
        Column("period", "str", "Year the figure refers to, if stated"),
        Column("approximate", "bool", "True for 余/约/左右/近/超"),
        Column("forecast", "bool", "True for planned or expected figures: after 预计/将/力争/拟 or a milestone verb + 后 "
               "in the sentence, after 计划/规划/目标 in the clause; not a share of a plan (完成计划的95%) nor what a "
               "later clause says done (已/累计): extract/forecast.py"),
    ),
    "organizations": (
        Column("org_id", "str", "Stable key derived from the name"),
        Column("name", "str", "Full (legal) name when known"),
        Column("aliases", "str", "Other names used, joined by `;`"),
        Column("org_type", "str", "Kind of organization", allowed=ORG_TYPES),
        Column("region", "str", "Province or city from the name (上海, 苏州, 浙江, 丽水)"),
        Column("industry", "str", "Industry id from the taxonomy, or `unclassified`"),
        Column("n_mentions", "int", "Mentions in the corpus"),
    ),
    "org_mentions": (
        Column("org_id", "str", "Organization key"),
        Column("article_id", "str", "Article key"),
        Column("sentence_id", "int", "1-based sentence number"),
        Column("start", "int", "Start offset in the body", "characters"),
        Column("end", "int", "End offset (exclusive) in the body", "characters"),
        Column("surface", "str", "Name as written"),
    ),
    "events": (
        Column("event_id", "str", "`{article_id}:e{n:03d}`"),
        *_PROV,
        Column("sentence", "str", "The sentence the milestone is in"),
        Column("event_type", "str", "Milestone type", allowed=EVENT_TYPES),
        Column("subject", "str", "Whose milestone it is (same rules as quantities)"),
        *_TYPED,
        Column("org_id", "str", "Organization key, if the subject is one"),
        Column("date", "str", "Resolved date `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; empty when unresolved"),
        Column("date_precision", "str", "day, month, year, or empty", allowed=PRECISIONS),
        Column("planned", "bool", "True when the milestone is in the future or a target"),
        Column("n_mentions", "int", "How many times the article states this milestone"),
        *_CORRECTED,
        Column("stated_duration", "float", "Days the text says this step took from the previous one (历时7个月 → "
               "210, 仅用40天 → 40; months 30 days, years 365: cues.yaml stated_duration); empty when it says none "
               "(contract v3)", "days", nullable=True),
    ),
    "entities": (
        Column("entity_id", "str", "Stable key (the same canonical name and type give the same id in every build)"),
        Column("name", "str", "Canonical name: the fullest form seen (legal name of a company, full project name)"),
        Column("entity_type", "str", "As subject_type", allowed=SUBJECT_TYPES[:-1]),
        Column("aliases", "str", "Every form seen, `;` joined (short names, 简称, traditional forms, with or "
               "without the region in parentheses)"),
        Column("org_id", "str", "The organization, for companies and bodies"),
        Column("parent_id", "str", "For a project, the entity of the company that builds it, when the text ties them"),
        Column("n_articles", "int", "Articles it appears in"),
        Column("first_seen", "str", "Earliest publication date it appears on"),
        Column("last_seen", "str", "Latest publication date it appears on"),
    ),
    "conflicts": (
        Column("entity_id", "str", "Entity whose attribute the articles disagree on"),
        Column("attribute", "str", "investment, land, building_area, capacity_per_year/_month/_day (with the unit in "
               "brackets when two units give the same numbers), or a milestone type"),
        Column("value_a", "str", "One value as normalized (a number in `unit`, or a date)"),
        Column("value_b", "str", "The other value"),
        Column("unit", "str", "Unit of the values (empty for dates)"),
        Column("quantity_or_event_ids_a", "str", "Rows stating value_a, `;` joined"),
        Column("quantity_or_event_ids_b", "str", "Rows stating value_b, `;` joined"),
        Column("article_ids", "str", "Articles involved, `;` joined"),
    ),
    "projects": (
        Column("project_id", "str", "The entity id (table entities) of the company or project"),
        Column("subject", "str", "The entity's canonical name (a company's legal name, a project's full name)"),
        Column("org_id", "str", "Organization key when the subject is one"),
        Column("industry", "str", "Industry id from the taxonomy, or `unclassified`"),
        Column("article_ids", "str", "Articles the rows came from, `;` joined"),
        Column("investment_cny", "float", "Largest stated investment (forecast only if none stated)", "CNY", nullable=True),
        Column("land_mu", "float", "Land area", "mu", nullable=True),
        Column("floor_area_m2", "float", "Floor area", "m2", nullable=True),
        Column("output_value_cny", "float", "Output value", "CNY", nullable=True),
        Column("tax_cny", "float", "Tax", "CNY", nullable=True),
        Column("revenue_cny", "float", "Revenue", "CNY", nullable=True),
        Column("capacity", "float", "Largest capacity figure", "capacity_unit", nullable=True),
        Column("capacity_unit", "str", "Unit of capacity"),
        *(Column(t, "str", f"Date of the first achieved `{t}` milestone (YYYY[-MM[-DD]]); planned dates are not "
                 "milestones here; empty if none")
          for t in ("settled", "land_acquired", "permit_issued", "construction_started", "topped_out",
                    "equipment_move_in", "first_output", "completed", "production_start", "full_capacity")),
        Column("investment_intensity", "float", "investment_cny / land_mu", "万元/亩", nullable=True),
        Column("output_per_mu", "float", "output_value_cny / land_mu", "万元/亩", nullable=True),
        Column("tax_per_mu", "float", "tax_cny / land_mu", "万元/亩", nullable=True),
        Column("floor_area_ratio", "float", "floor area / land area (plot-ratio proxy)", "m2/m2", nullable=True),
        Column("quantity_ids", "str", "Quantities the figures came from, `;` joined"),
        Column("event_ids", "str", "Events the dates came from, `;` joined"),
    ),
}

KEYS = {
    "articles": ["article_id"], "sentences": ["article_id", "sentence_id"], "quantities": ["quantity_id"],
    "organizations": ["org_id"], "org_mentions": ["article_id", "start", "end"], "events": ["event_id"],
    "projects": ["project_id"], "entities": ["entity_id"],
    "conflicts": ["entity_id", "attribute", "value_a", "value_b"],
}

_PD = {"str": "object", "int": "int64", "float": "float64", "bool": "bool"}


def empty_frame(table: str):
    import pandas as pd

    return pd.DataFrame({c.name: pd.Series(dtype=_PD[c.dtype]) for c in TABLES[table]})


_ARROW = {"str": "string", "int": "int64", "float": "float64", "bool": "bool_"}


@lru_cache(maxsize=None)
def arrow_schema(table: str):
    import pyarrow as pa

    return pa.schema([pa.field(c.name, getattr(pa, _ARROW[c.dtype])()) for c in TABLES[table]])


def arrow_table(table: str, columns: dict[str, list], batch: bool = False):
    """An Arrow table from column lists, checked against the declarations — the streaming
    build's fast path (no pandas frame per row group).

    The rules are those of :func:`pandera_schema`, from the same declarations: each column
    converts to its declared Arrow type (a number in a text column is an error), no nulls
    unless declared nullable, values in ``allowed``, and unique keys. ``batch``: a record batch of the
    same arrays instead (one file's rows, ``frames.batch_bytes``: no table made and taken apart again).

    >>> t = arrow_table("org_mentions", {"org_id": ["a"], "article_id": ["p:01"], "sentence_id": [1],
    ...                                   "start": [0], "end": [2], "surface": ["强达"]})
    >>> t.num_rows
    1
    >>> arrow_table("org_mentions", {"org_id": ["a"], "article_id": ["p:01"], "sentence_id": ["one"],
    ...                               "start": [0], "end": [2], "surface": ["强达"]})
    Traceback (most recent call last):
    ValueError: table org_mentions fails its schema: column sentence_id is not int ('one')
    """
    import pyarrow as pa

    arrays = []
    target = arrow_schema(table)
    for c, field in zip(TABLES[table], target):
        values = columns[c.name]
        try:
            # (a text column of str and None converts to the same array without pandas' null sentinels,
            # ≈ 3× faster; one holding a NaN, NA or NaT raises here and is converted as any other column)
            arr = pa.array(values, type=field.type) if c.dtype == "str" else None
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            arr = None
        try:
            if arr is None:
                arr = pa.array(values, type=field.type, from_pandas=True)  # NaN is a null, as pandas writes it
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            bad = next((v for v in values if not _is_type(v, c.dtype)), None)
            raise ValueError(f"table {table} fails its schema: column {c.name} is not {c.dtype} ({bad!r})") from None
        if arr.null_count and not c.nullable:
            raise ValueError(f"table {table} fails its schema: column {c.name} has {arr.null_count} empty values")
        # Python sets over the lists: C-speed, and cheaper than Arrow compute kernels on the
        # small row groups of small corpora (a call costs ≈ 0.2 ms there).
        if c.allowed:
            bad = set(values) - _allowed(table, c.name)
            if bad:
                raise ValueError(f"table {table} fails its schema: column {c.name} has values not allowed {sorted(bad)[:5]}")
        arrays.append(arr)
    keys = [columns[k] for k in KEYS[table]]
    if len(set(zip(*keys)) if len(keys) > 1 else set(keys[0])) != len(keys[0]):
        seen: set = set()
        dup: list = []
        for k in zip(*keys):
            if k in seen and len(dup) < 5:
                dup.append(k)
            seen.add(k)
        raise ValueError(f"table {table} fails its schema: duplicate keys {KEYS[table]}: {dup}")
    return (pa.RecordBatch if batch else pa.Table).from_arrays(arrays, schema=target)


def check_allowed(table: str, columns: dict[str, list]) -> None:
    """Raise ValueError when a column of ``columns`` holds a value its declaration does not allow —
    checked per document where it is extracted, so that one such value fails that document alone.

    >>> check_allowed("quantities", {"unit": ["CNY", "XYZ"]})
    Traceback (most recent call last):
    ValueError: table quantities: column unit has values not allowed ['XYZ']
    """
    for c in TABLES[table]:
        if c.allowed and c.name in columns:
            bad = set(columns[c.name]) - _allowed(table, c.name)
            if bad:
                raise ValueError(f"table {table}: column {c.name} has values not allowed {sorted(bad, key=str)[:5]}")


@lru_cache(maxsize=None)
def _allowed(table: str, column: str) -> frozenset:
    return frozenset(next(c.allowed for c in TABLES[table] if c.name == column))


def _is_type(value, dtype: str) -> bool:
    if dtype == "str":
        return isinstance(value, str)
    if dtype == "bool":
        return isinstance(value, bool)
    if dtype == "int":
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def coerce(table: str, df):
    """Columns in declared order and types; an undeclared column is an error."""
    import pandas as pd

    declared = [c.name for c in TABLES[table]]
    extra = [c for c in df.columns if c not in declared]
    if extra:
        raise ValueError(f"table {table}: undeclared columns {extra}")
    out = pd.DataFrame(index=df.index)
    for c in TABLES[table]:
        s = df[c.name] if c.name in df.columns else pd.Series([None] * len(df), index=df.index)
        if c.dtype == "str":
            s = s.fillna("").astype(str).astype(object)
        elif c.dtype == "int":
            s = s.astype("int64")
        elif c.dtype == "float":
            if s.dtype == object:  # an empty CSV cell or None is a missing value
                s = s.mask(s.isna() | (s == ""), float("nan"))
            s = s.astype("float64")
        else:
            s = s.astype(bool)
        out[c.name] = s
    return out.reset_index(drop=True)


def _all_text(series) -> bool:
    from pandas.api.types import infer_dtype

    return infer_dtype(series, skipna=False) in ("string", "empty")  # one C-level pass, not a Python call per value


@lru_cache(maxsize=None)
def pandera_schema(table: str):
    import pandera.pandas as pa

    cols = {}
    for c in TABLES[table]:
        checks = [pa.Check.isin(list(c.allowed))] if c.allowed else []
        if c.dtype == "str":
            # object (as built) or pandas' str dtype (as read back from Parquet): every value a string
            checks.append(pa.Check(_all_text, error="not text"))
            cols[c.name] = pa.Column(None, checks=checks, nullable=c.nullable)
        else:
            cols[c.name] = pa.Column(_PD[c.dtype], checks=checks, nullable=c.nullable)
    return pa.DataFrameSchema(cols, strict=True, ordered=True, unique=KEYS[table], name=table)


def validate(table: str, df):
    """Validate with pandera; the error names the table, the column and the bad rows."""
    import pandera.errors

    try:
        return pandera_schema(table).validate(df, lazy=True)
    except pandera.errors.SchemaErrors as exc:
        cases = exc.failure_cases.head(5).to_dict("records")
        raise ValueError(f"table {table} fails its schema: {cases}") from None


def render_dictionary() -> str:
    lines = ["# Data dictionary", "", "Generated from `src/lishui_analysis/schema.py` by `make dictionary`.",
             "Every table is written to `data/processed/` as CSV (UTF-8 with BOM) and Parquet.", ""]
    for table, cols in TABLES.items():
        lines += [f"## {table}", "", f"Key: {', '.join(KEYS[table])}", "",
                  "| column | type | unit | description | allowed values |", "|---|---|---|---|---|"]
        for c in cols:
            allowed = ", ".join(a or "(empty)" for a in c.allowed)
            lines.append(f"| {c.name} | {c.dtype} | {c.unit} | {c.description} | {allowed} |")
        lines.append("")
    return "\n".join(lines)

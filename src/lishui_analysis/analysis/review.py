"""What a researcher should look at, in one sheet (``reports/review.csv``), each row with its
sentence and the ``corrections.yaml`` entry that would settle it.

Kinds, most consequential first:

* ``conflict`` — the same entity and attribute stated with different values (table ``conflicts``);
* ``possible_conflict`` — two entities *not* merged that share a company stem (字号) and state the same
  attribute with different values: one plant under two names, or two plants of one company; only the
  researcher can tell, so both sentences are shown with the reason it is only possible;
* ``ambiguous_name`` — a name the resolution left apart because several entities fit (manifest);
* ``holder_outside_sentence`` — a figure or milestone whose holder was found outside its sentence (rules
  ``current_topic``, ``named_later``: the article's topic, a name after it): right most of the time, but
  the weakest attributions, and the ones a wrong topic carries through a whole article;
* ``stale_correction`` — a correction that changed nothing in the last build.
"""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd

from ..tables.conflicts import same_figure
from ..tables.names import company_core, normalize_name, trade_name

#: Rules that find the holder outside the figure's sentence (extract/figure_holder.py RESOLVE_STEPS).
OUTSIDE_SENTENCE_RULES = ("current_topic", "named_later")
#: Metrics whose holder matters to the reports (investment, land, output, capacity …).
REVIEWED_METRICS = ("investment", "land", "capacity", "output_value", "revenue", "tax", "building_area", "funding")
#: Attributes compared between entities that share a stem: metric → whether the unit must match too.
COMPARED = {"investment": False, "capacity": True, "land": False}
COLUMNS = ["kind", "entity_id", "name", "detail", "article_id", "surface", "sentence", "other_article_id",
           "other_surface", "other_sentence", "suggestion"]
_ORDER = {k: i for i, k in enumerate(("conflict", "possible_conflict", "ambiguous_name", "holder_outside_sentence",
                                       "stale_correction"))}


def _sentences(tables: dict) -> dict:
    s = tables["sentences"]
    return dict(zip(zip(s["article_id"], s["sentence_id"]), s["text"]))


def _doc(article_id: str) -> str:
    return article_id.rsplit(":", 1)[0]


def _q(text: str) -> str:
    """A YAML (flow) string: JSON's quoting is valid YAML."""
    return json.dumps(str(text), ensure_ascii=False)


def _yaml_list(names) -> str:
    return "[" + ", ".join(_q(n) for n in names) + "]"


def _entry(section: str, fields: str) -> str:
    """A corrections.yaml entry to paste under ``section:`` (the part after ``- `` is one flow mapping);
    the researcher fills the empty values and the reason."""
    return f"{section}: - {{{fields}, reason: \"\"}}"


def stems(entities: pd.DataFrame) -> dict[str, str]:
    """entity_id → the company stem (字号) it belongs to: a company's own, a project's parent's, else
    the longest company stem its name contains (two characters at least)."""
    own = {}
    for e in entities.itertuples():
        if e.entity_type == "company":
            core, _ = company_core(e.name)
            t = trade_name(core)
            if len(t) >= 2:
                own[e.entity_id] = t
    known = sorted(set(own.values()), key=len, reverse=True)
    out = dict(own)
    for e in entities.itertuples():
        if e.entity_type != "project":
            continue
        if e.parent_id and e.parent_id in own:
            out[e.entity_id] = own[e.parent_id]
            continue
        name = normalize_name(e.name)
        hit = next((k for k in known if k in name), None)
        if hit:
            out[e.entity_id] = hit
    return out


def _planned(r) -> str:
    return " (planned)" if bool(r.forecast) else ""


def possible_conflicts(tables: dict) -> pd.DataFrame:
    """Pairs of entities not merged, with one company stem, stating one attribute with different values
    (both sentences; the reason it is only possible; a planned figure says so). One-year figures are
    left out (a year's investment is no plant's total)."""
    q, ents = tables["quantities"], tables["entities"]
    stem_of = stems(ents)
    names = dict(zip(ents["entity_id"], ents["name"]))
    sent = _sentences(tables)
    figs = q[q["entity_id"].isin(stem_of) & q["metric"].isin(list(COMPARED)) & (q["period"].astype(str) == "")]
    rows = []
    by_stem: dict[str, list] = {}
    for r in figs.sort_values("quantity_id").itertuples():
        by_stem.setdefault(stem_of[r.entity_id], []).append(r)
    for stem, items in sorted(by_stem.items()):
        seen = set()
        for i, a in enumerate(items):
            for b in items[i + 1:]:
                key = (a.entity_id, b.entity_id, a.metric, a.unit if COMPARED[a.metric] else "")
                if a.entity_id == b.entity_id or a.metric != b.metric or key in seen:
                    continue
                if COMPARED[a.metric] and (a.unit, a.unit_text) != (b.unit, b.unit_text):
                    continue
                if same_figure(a.value, b.value, bool(a.approximate), bool(b.approximate)):
                    continue
                seen.add(key)
                rows.append(dict(
                    kind="possible_conflict", entity_id=f"{a.entity_id};{b.entity_id}",
                    name=f"{names[a.entity_id]} / {names[b.entity_id]}",
                    detail=(f"{a.metric} {a.surface}{_planned(a)} vs {b.surface}{_planned(b)}: two entities of "
                            f"company stem {stem} (not merged: the names differ); one plant under two names, or two "
                            "plants"),
                    article_id=a.article_id, surface=a.surface, sentence=sent.get((a.article_id, a.sentence_id), ""),
                    other_article_id=b.article_id, other_surface=b.surface,
                    other_sentence=sent.get((b.article_id, b.sentence_id), ""),
                    suggestion=_entry("merge", f"names: {_yaml_list([names[a.entity_id], names[b.entity_id]])}")))
    return pd.DataFrame(rows, columns=COLUMNS)


def _conflicts(tables: dict) -> list[dict]:
    c, sent = tables["conflicts"], _sentences(tables)
    names = dict(zip(tables["entities"]["entity_id"], tables["entities"]["name"]))
    rows_by_id = {}
    for t in ("quantities", "events"):
        d = tables[t]
        ids = d["quantity_id"] if t == "quantities" else d["event_id"]
        rows_by_id.update({i: (a, s, sid) for i, a, s, sid in zip(ids, d["article_id"], d["surface"], d["sentence_id"])})
    out = []
    for r in c.itertuples():
        a = rows_by_id.get(str(r.quantity_or_event_ids_a).split(";")[0], ("", "", 0))
        b = rows_by_id.get(str(r.quantity_or_event_ids_b).split(";")[0], ("", "", 0))
        out.append(dict(kind="conflict", entity_id=r.entity_id, name=names.get(r.entity_id, ""),
                        detail=f"{r.attribute}: {r.value_a} vs {r.value_b} {r.unit}".strip(),
                        article_id=a[0], surface=a[1], sentence=sent.get((a[0], a[2]), ""), other_article_id=b[0],
                        other_surface=b[1], other_sentence=sent.get((b[0], b[2]), ""),
                        suggestion=_entry("rows", f"doc: {_q(_doc(a[0]))}, surface: {_q(a[1])}, drop: true")
                        + "  (if this one is misread; or the other)"))
    return out


def _outside_sentence(tables: dict) -> list[dict]:
    sent, out = _sentences(tables), []
    q = tables["quantities"]
    weak = q[q["subject_rule"].isin(OUTSIDE_SENTENCE_RULES) & q["metric"].isin(REVIEWED_METRICS)]
    e = tables["events"]
    weak_e = e[e["subject_rule"].isin(OUTSIDE_SENTENCE_RULES)]
    for r in list(weak.itertuples()) + list(weak_e.itertuples()):
        what = r.metric if hasattr(r, "metric") else r.event_type
        table = "quantities" if hasattr(r, "metric") else "events"
        out.append(dict(
            kind="holder_outside_sentence", entity_id=r.entity_id, name=r.subject,
            detail=f"{what} {r.surface} given to {r.subject} ({r.subject_rule}: the holder is not in the sentence)",
            article_id=r.article_id, surface=r.surface, sentence=sent.get((r.article_id, r.sentence_id), ""),
            other_article_id="", other_surface="", other_sentence="",
            suggestion=_entry("rows", f"doc: {_q(_doc(r.article_id))}, table: {table}, surface: {_q(r.surface)}, "
                                      'set: {subject: "", subject_type: ""}')))
    return out


def review_table(tables: dict, manifest: dict | None = None) -> pd.DataFrame:
    """Every row worth a look, most consequential kind first, then by article and text order."""
    manifest = manifest or {}
    rows = _conflicts(tables) + possible_conflicts(tables).to_dict("records") + _outside_sentence(tables)
    for a in manifest.get("entities", {}).get("ambiguous", []):
        cands = list(a.get("candidates", []))
        rows.append(dict(kind="ambiguous_name", entity_id="", name=a["name"],
                         detail=f"left apart: {a['reason']} ({'; '.join(cands)})", article_id="", surface="",
                         sentence="", other_article_id="", other_surface="", other_sentence="",
                         suggestion=_entry("merge", f"names: {_yaml_list([a['name'], cands[0] if cands else ''])}")))
    for s in manifest.get("corrections", {}).get("stale", []):
        rows.append(dict(kind="stale_correction", entity_id="", name="", detail=s, article_id="", surface="",
                         sentence="", other_article_id="", other_surface="", other_sentence="",
                         suggestion="edit or remove the entry in corrections.yaml"))
    df = pd.DataFrame(rows, columns=COLUMNS).fillna("")
    df["_k"] = df["kind"].map(_ORDER)
    return df.sort_values(["_k", "article_id", "entity_id", "surface", "detail"], kind="stable") \
        .drop(columns="_k").reset_index(drop=True)


def write_review(tables: dict, manifest: dict | None, path) -> int:
    """Write :func:`review_table` to ``path`` (CSV, UTF-8 with BOM for Excel) atomically; the row count."""
    from ..files import atomic_write_bytes

    df = review_table(tables, manifest)
    buf = io.StringIO()
    df.to_csv(buf, index=False, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    atomic_write_bytes(Path(path), ("\ufeff" + buf.getvalue()).encode("utf-8"))
    return len(df)


def compared_attributes(tables: dict) -> int:
    """How many (entity, attribute) pairs two or more articles state — an investment, capacity, land area or
    achieved milestone date, as conflicts compare them (:func:`.tables.conflicts.conflict_candidates`, rows a
    revision or a part excludes left out): what a report of no conflict rests on."""
    from ..tables.conflicts import conflict_candidates

    q, e, s = tables["quantities"], tables["events"], tables.get("sentences")
    if "entity_id" not in q or "entity_id" not in e:
        return 0
    articles: dict = {}
    for key, attr, unit, _v, _a, _id, aid, excluded in conflict_candidates(q, e, s):
        if key and not excluded:
            articles.setdefault((key, attr, unit), set()).add(aid)
    return sum(len(a) > 1 for a in articles.values())


def no_conflict_note(tables: dict) -> str:
    """The report's sentence when there is no conflict: what was compared, or that nothing could be."""
    n = compared_attributes(tables)
    if not n:
        return ("Nothing to compare: no project or company has its investment, capacity, land or a milestone's "
                "date stated by two articles, so no disagreement between sources could show.")
    return (f"No disagreement: {n} attribute{'s' if n > 1 else ''} of a project or company (investment, capacity, "
            "land, a milestone's date) stated by two or more articles agree.")

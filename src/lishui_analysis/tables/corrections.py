"""The researcher's corrections (``corrections.yaml`` at the project root), applied at every build.

Extraction makes mistakes a reader sees at once: a figure given to the wrong holder, two names of
one plant kept apart, a planned figure taken as achieved. A correction says what to change, which
rows it is about — by what survives re-extraction (the document, the text span, the sentence, the
holder as extracted), never by row numbers — and why. The build applies it to the rows of every
later build and writes the reason into each corrected row's ``correction`` column (contract v3);
entries that match nothing (the text changed, the extraction improved) are reported as stale.

Four sections, each a list of entries with a ``reason``:

``rows``
    Change or drop rows of ``quantities`` and ``events``. Select by ``doc`` (file name without
    extension; required) and any of ``surface`` (the span as written: ``40亿元``), ``subject`` (the
    holder as extracted), ``event_type``, ``sentence`` (a part of the sentence text) and
    ``occurrence`` (the n-th of the rows selected so far in that document, 1-based); ``table``
    limits it to one table. Then ``set:`` any of ``subject``, ``subject_type``, ``forecast``,
    ``planned``, ``date``, ``event_type``, ``metric`` — or ``drop: true``.
``split``
    ``name`` as extracted in the documents ``docs`` is another holder, ``as`` (two plants of one
    company name, two companies of one 简称): those rows take the new subject, hence another entity.
``merge``
    ``names``: two or more names (or entity ids) of one holder; their entities become one.
``apart``
    ``names``: names the automatic resolution must never put in one entity.

Applied in the main process after extraction (the extraction cache is not touched): editing this
file re-applies corrections without re-reading any text.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from .. import schema
from ..errors import InputError
from .document import entity_id_for
from .entities import summarize_file
from .sinks import csv_text

log = logging.getLogger(__name__)

SECTIONS = ("rows", "split", "merge", "apart")
_SELECT = ("table", "doc", "surface", "subject", "event_type", "sentence", "occurrence")
_SETTABLE = {"subject": str, "subject_type": str, "forecast": bool, "planned": bool, "date": str,
             "event_type": str, "metric": str}
_TABLE_OF = {"forecast": "quantities", "metric": "quantities", "planned": "events", "date": "events",
             "event_type": "events"}
_ROW_TABLES = ("quantities", "events")


@dataclass
class Entry:
    section: str
    line: int
    spec: dict
    reason: str
    matched: int = 0

    def describe(self) -> str:
        keys = {k: v for k, v in self.spec.items() if k not in ("reason", "set")}
        return f"{self.section} entry at line {self.line} ({', '.join(f'{k}={v}' for k, v in keys.items())})"


@dataclass
class Corrections:
    """A parsed, checked corrections file (:func:`load_corrections`); empty when there is none."""
    path: str = ""
    sha256: str = ""
    entries: list[Entry] = field(default_factory=list)
    _merged: dict[str, str] | None = field(default=None, repr=False, compare=False)

    def __bool__(self) -> bool:
        return bool(self.entries)

    def section(self, name: str) -> list[Entry]:
        return [e for e in self.entries if e.section == name]

    def _merged_names(self) -> dict[str, str]:
        """Every name a ``merge`` entry names → that entry's reason (the first entry naming it)."""
        if self._merged is None:
            merged: dict[str, str] = {}
            for e in self.section("merge"):
                for n in e.spec["names"]:
                    merged.setdefault(n, e.reason)
            self._merged = merged
        return self._merged

    # ---- rows --------------------------------------------------------------------------

    def apply(self, res: dict) -> bool:
        """Apply the ``rows`` and ``split`` entries to one document's result (columns of
        quantities and events, as :func:`document.process_file` returns them), in place; mark rows
        of merged names; refresh the CSV text and the entity summary when anything changed."""
        if not self.entries or "quantities" not in res:
            return False
        doc_id = _doc_of(res)
        changed: set[str] = set()
        sentences: dict | None = None  # read only for a document some entry is about
        for e in self.entries:
            if e.section == "rows" and e.spec["doc"] == doc_id:
                if sentences is None:
                    sentences = _sentence_texts(res.get("sentences"))
                changed |= self._apply_rows(e, res, sentences)
            elif e.section == "split" and doc_id in e.spec["docs"]:
                changed |= self._apply_split(e, res)
        merged = self._merged_names()
        if merged:
            for t in _ROW_TABLES:
                cols = res[t]
                for i, s in enumerate(cols["subject"]):
                    if s in merged and not cols["correction"][i]:
                        cols["correction"][i] = merged[s]
                        changed.add(t)
        if not changed:
            return False
        for t in changed:
            schema.check_allowed(t, res[t])
            res["csv"][t] = csv_text(t, res[t])
        res["entity_summary"] = summarize_file(res["quantities"], res["events"], res.get("sentences"))
        return True

    def _apply_rows(self, e: Entry, res: dict, sentences: dict) -> set:
        spec, hits = e.spec, []
        for t in ((spec["table"],) if spec.get("table") else _ROW_TABLES):
            cols = res[t]
            for i in range(len(cols["article_id"])):
                if _selected(spec, t, cols, i, sentences):
                    hits.append((cols["start"][i], cols["article_id"][i], t, i))
        hits.sort()  # text order within the document: occurrence counts as a reader does
        if spec.get("occurrence"):
            k = spec["occurrence"] - 1
            hits = hits[k:k + 1]
        if not hits:
            return set()
        e.matched += len(hits)
        if spec.get("drop"):
            for t in {h[2] for h in hits}:
                _drop(res[t], t, sorted(i for _, _, tt, i in hits if tt == t))
            return {h[2] for h in hits}
        for _, aid, t, i in hits:
            cols = res[t]
            for k, v in spec["set"].items():
                if k in cols:
                    cols[k][i] = v
            if "date" in spec["set"]:
                cols["date_precision"][i] = _precision(spec["set"]["date"])
            if not cols["subject"][i]:  # the holder removed: no type either
                cols["subject_type"][i] = ""
            if "subject" in spec["set"] or "subject_type" in spec["set"]:
                _rekey(cols, i, aid)
            cols["correction"][i] = e.reason
        return {h[2] for h in hits}

    def _apply_split(self, e: Entry, res: dict) -> set:
        changed = set()
        for t in _ROW_TABLES:
            cols = res[t]
            for i, s in enumerate(cols["subject"]):
                if s == e.spec["name"]:
                    cols["subject"][i] = e.spec["as"]
                    if e.spec.get("subject_type"):
                        cols["subject_type"][i] = e.spec["subject_type"]
                    _rekey(cols, i, cols["article_id"][i])
                    cols["correction"][i] = e.reason
                    e.matched += 1
                    changed.add(t)
        return changed

    # ---- entities ----------------------------------------------------------------------

    def merges(self) -> list[tuple[str, ...]]:
        return [tuple(e.spec["names"]) for e in self.section("merge")]

    def apart(self) -> list[tuple[str, ...]]:
        return [tuple(e.spec["names"]) for e in self.section("apart")]

    def note_entities(self, used: dict[int, int]) -> None:
        """Record how many groups each ``merge``/``apart`` entry touched (``used``: entry index
        among merges then aparts → groups found)."""
        for e, n in zip(self.section("merge") + self.section("apart"), [used.get(k, 0) for k in range(
                len(self.section("merge")) + len(self.section("apart")))]):
            e.matched = n

    def stale(self) -> list[str]:
        """Entries that changed nothing in this build, described for a warning and the manifest."""
        out = []
        for e in self.entries:
            need = 2 if e.section in ("merge", "apart") else 1
            if e.matched < need:
                what = "names fewer than two entities" if need == 2 else "matched no row"
                out.append(f"{e.describe()}: {what}")
        return out

    def summary(self) -> dict:
        return {"file": self.path, "sha256": self.sha256,
                "applied": [{"section": e.section, "line": e.line, "reason": e.reason, "matched": e.matched}
                            for e in self.entries],
                "stale": self.stale()}


def _doc_of(res: dict) -> str:
    aids = res["articles"]["article_id"]
    return aids[0].rsplit(":", 1)[0] if aids else ""


def _sentence_texts(sentences) -> dict:
    if not sentences:
        return {}
    return dict(zip(zip(sentences["article_id"], sentences["sentence_id"]), sentences["text"]))


def _selected(spec: dict, table: str, cols: dict, i: int, sentences: dict) -> bool:
    if "surface" in spec and cols["surface"][i] != spec["surface"]:
        return False
    if "subject" in spec and cols["subject"][i] != spec["subject"]:
        return False
    if "event_type" in spec and (table != "events" or cols["event_type"][i] != spec["event_type"]):
        return False
    if "sentence" in spec:
        text = cols["sentence"][i] if table == "events" else sentences.get(
            (cols["article_id"][i], cols["sentence_id"][i]), "")
        if spec["sentence"] not in text:
            return False
    return True


def _rekey(cols: dict, i: int, aid: str) -> None:
    """The row's entity key after its subject or type changed; its organization only if unchanged."""
    cols["entity_id"][i] = entity_id_for(cols["subject_type"][i], cols["subject"][i], aid) if cols["subject"][i] else ""
    cols["org_id"][i] = ""
    cols["subject_rule"][i] = "correction" if cols["subject"][i] else ""


def _precision(date: str) -> str:
    from ..ingest.load import parse_pub_date

    parsed = parse_pub_date(date) if date else None
    return parsed[1] if parsed else ""


def _drop(cols: dict, table: str, idxs: list[int]) -> None:
    gone = set(idxs)
    keep = [i for i in range(len(cols["article_id"])) if i not in gone]
    for k in list(cols):
        cols[k] = [cols[k][i] for i in keep]


# ---- reading and checking -------------------------------------------------------------------

def load_corrections(path, required: bool = False) -> Corrections:
    """Read and check ``path``; a missing file is no corrections (an error when ``required``: the
    user named it). Any problem is an :class:`InputError` naming the file, the line of the entry
    and what is wrong."""
    import hashlib

    import yaml

    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        if required:
            raise InputError(path, "corrections file does not exist") from None
        return Corrections()
    except OSError as exc:
        raise InputError(path, f"cannot read corrections ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8-sig")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        doc = yaml.safe_load(text)
    except UnicodeDecodeError:
        raise InputError(path, "corrections file is not UTF-8") from None
    except yaml.YAMLError as exc:
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        raise InputError(path, f"not valid YAML ({getattr(exc, 'problem', exc)})",
                         line=None if line is None else line + 1) from None
    out = Corrections(str(path), hashlib.sha256(data).hexdigest())
    if doc is None:
        return out
    if not isinstance(doc, dict):
        raise InputError(path, f"expected sections {', '.join(SECTIONS)}, found a {type(doc).__name__}", line=1)
    unknown = sorted(set(doc) - set(SECTIONS))
    if unknown:
        raise InputError(path, f"unknown section {unknown[0]!r} (sections: {', '.join(SECTIONS)})", line=1)
    lines = {k.value: v for k, v in root.value} if root is not None else {}
    for section in SECTIONS:
        items = doc.get(section) or []
        node = lines.get(section)
        if not isinstance(items, list):
            raise InputError(path, f"section {section!r} must be a list of entries",
                             line=node.start_mark.line + 1 if node is not None else None)
        for k, item in enumerate(items):
            line = node.value[k].start_mark.line + 1 if node is not None else 0
            out.entries.append(_check(path, section, item, line))
    return out


def _check(path: Path, section: str, item, line: int) -> Entry:
    def bad(problem: str):
        return InputError(path, f"{section} entry: {problem}", line=line)

    if not isinstance(item, dict):
        raise bad("must be a mapping of keys to values")
    reason = item.get("reason")
    if not isinstance(reason, str) or not reason.strip():
        raise bad("needs a reason (why the extraction is wrong: it goes into each corrected row)")
    spec = {k: v for k, v in item.items()}
    allowed = {"rows": set(_SELECT) | {"set", "drop", "reason"}, "split": {"name", "docs", "as", "subject_type", "reason"},
               "merge": {"names", "reason"}, "apart": {"names", "reason"}}[section]
    extra = sorted(set(spec) - allowed)
    if extra:
        raise bad(f"unknown key {extra[0]!r} (allowed: {', '.join(sorted(allowed))})")
    if section == "rows":
        _check_rows(spec, bad)
    elif section == "split":
        for k in ("name", "as"):
            if not isinstance(spec.get(k), str) or not spec[k]:
                raise bad(f"needs {k!r}, a name")
        docs = spec.get("docs")
        if isinstance(docs, str):
            docs = [docs]
        if not isinstance(docs, list) or not docs or not all(isinstance(d, str) for d in docs):
            raise bad("needs 'docs', the documents (file names without extension) where the name is the other holder")
        spec["docs"] = set(docs)
        _check_type(spec.get("subject_type", ""), bad)
    else:
        names = spec.get("names")
        if not isinstance(names, list) or len(set(names)) < 2 or not all(isinstance(n, str) and n for n in names):
            raise bad("needs 'names', a list of two or more names or entity ids")
    return Entry(section, line, spec, reason.strip())


def _check_rows(spec: dict, bad) -> None:
    if not isinstance(spec.get("doc"), str) or not spec["doc"]:
        raise bad("needs 'doc', the document (file name without extension) the rows are in")
    if not any(k in spec for k in ("surface", "subject", "event_type", "sentence")):
        raise bad("needs at least one of surface, subject, event_type, sentence to select rows")
    if spec.get("table", "quantities") not in _ROW_TABLES:
        raise bad(f"table must be one of {', '.join(_ROW_TABLES)}")
    occ = spec.get("occurrence")
    if occ is not None and (not isinstance(occ, int) or isinstance(occ, bool) or occ < 1):
        raise bad("occurrence must be a whole number from 1")
    for k in ("surface", "subject", "event_type", "sentence"):
        if k in spec and not isinstance(spec[k], str):
            raise bad(f"{k} must be text")
    if ("set" in spec) == bool(spec.get("drop")):
        raise bad("needs exactly one of 'set' (values to change) or 'drop: true'")
    if "set" in spec:
        values = spec["set"]
        if not isinstance(values, dict) or not values:
            raise bad("'set' must map columns to values")
        for k, v in values.items():
            if k not in _SETTABLE:
                raise bad(f"cannot set {k!r} (settable: {', '.join(_SETTABLE)})")
            if not isinstance(v, _SETTABLE[k]):
                raise bad(f"{k} must be {'true or false' if _SETTABLE[k] is bool else 'text'}")
            if _TABLE_OF.get(k) and spec.get("table", _TABLE_OF[k]) != _TABLE_OF[k]:
                raise bad(f"{k} is a column of {_TABLE_OF[k]} only")
            if _TABLE_OF.get(k):
                spec.setdefault("table", _TABLE_OF[k])
        _check_type(values.get("subject_type", ""), bad)
        for k, allowed in (("event_type", schema.EVENT_TYPES), ("metric", schema.METRICS)):
            if k in values and values[k] not in allowed:
                raise bad(f"{k} {values[k]!r} is not one of {', '.join(allowed)}")
        if "date" in values:
            from ..ingest.load import parse_pub_date

            if values["date"] and not parse_pub_date(values["date"]):
                raise bad(f"date {values['date']!r} is not YYYY, YYYY-MM or YYYY-MM-DD")


def _check_type(value: str, bad) -> None:
    if value and value not in schema.SUBJECT_TYPES:
        raise bad(f"subject_type {value!r} is not one of {', '.join(t for t in schema.SUBJECT_TYPES if t)}")

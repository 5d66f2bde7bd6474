"""Stage 6 — corpus-wide entities and conflicts: pure functions of the rows the build has
streamed past (no I/O). This module's own job is the streaming collection
(:func:`summarize_file`, :class:`EntityCollector`); the rest lives in its siblings and is
re-exported here, so ``from lishui_analysis.tables.entities import …`` finds every name:

* :mod:`.names` — a name's keys: normalized form, company core and 字号, zone, region and
  project keys, inferred type, article scope, stable ids (``subject_key``, ``entity_key``);
* :mod:`.resolution` — the corpus-wide resolution (:func:`resolve_entities`, its rules and
  named steps, stage ``"entities"``);
* :mod:`.conflicts` — figures and milestone dates articles state differently for one entity.

Every quantity and event row carries a per-name key of its subject (:func:`subject_key`,
decided per file from the subject alone). Once every file has passed,
:func:`resolve_entities` groups the names seen across the corpus into entities and returns,
for every row key, its entity; the build then rewrites the ``entity_id`` column with that map
(a second pass over two tables, see ``corpus.py``), so ``quantities.entity_id`` joins
``entities.entity_id`` directly.

>>> res = resolve_entities([name_record("company", "浙江松阳云岭晶材科技有限公司"),
...                         name_record("company", "雲嶺晶材")])
>>> [e["name"] for e in res.entities]
['浙江松阳云岭晶材科技有限公司']
"""
from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Mapping
from types import MappingProxyType
from typing import cast

from .conflicts import Figures, conflict_candidates, find_conflicts, plant_of, same_figure  # noqa: F401 (re-exported)
from .names import (  # noqa: F401
    ENTITY_TYPES,
    ORG_ENTITY_TYPE,
    company_core,
    entity_key,
    infer_type,
    is_scoped,
    legal_suffix,
    normalize_name,
    phases,
    project_core,
    region_key,
    row_scoped,
    subject_key,
    trade_name,
    vocab,
    zone_key,
)
from .entity_rows import FLOW_SCOPED
from .resolution import (  # noqa: F401
    ENTITY_STEPS,
    SHORT_NAME_STEPS,
    NameRecord,
    Resolution,
    name_record,
    resolve_entities,
)

# ---------------------------------------------------------------------------------------
# Streaming collection (the build feeds a file's rows as they pass)

def summarize_file(quantities, events, sentences=None) -> dict:
    """What the corpus-wide stage needs of one file, made where the file is extracted (a worker;
    cached with its rows): its subject names — ``(key, article, subject, subject_type, org_id,
    rows)``, one per subject and article — and the figures conflicts compare (excluded ones,
    a stated revision or a part, never count and are not kept)."""
    names = []
    for q_or_e in (quantities, events):
        rows = Counter(zip(q_or_e["entity_id"], q_or_e["article_id"], q_or_e["subject"], q_or_e["subject_type"],
                           q_or_e["org_id"]))
        names += [(*k, n) for k, n in rows.items() if k[2]]
    return {"names": names, "figures": [f for f in conflict_candidates(quantities, events, sentences) if not f[-1]]}


#: The organizations of a record that has none: shared, and read-only so that nothing writes to it.
_NONE: Mapping[str, int] = MappingProxyType({})


def _counted(counts: Mapping[str, int], key: str, n: int) -> Counter:
    """``counts`` with ``n`` more of ``key``: the record's own Counter, made on its first count."""
    c = counts if isinstance(counts, Counter) else Counter(counts)
    c[key] += n
    return c


class EntityCollector:
    """The names, article sets and conflict candidates of the corpus, fed file by file.

    Memory grows with the number of distinct names and figures of interest, not of rows.
    """

    def __init__(self, drop_types: tuple = ()):
        #: Entity types whose figures are not kept (conflicts compare companies and projects only; the
        #: build drops batch, zone, region and government figures when no correction merges names).
        self.drop_types = frozenset(drop_types)
        self.records: dict[str, NameRecord] = {}
        #: Article-scoped batch and region names (``entity_rows.FLOW_SCOPED``): record key → ``[entity_type,
        #: name, scope, articles (one id, or a set), n_rows]`` — no rule compares them, so they are not
        #: records (:meth:`resolve` makes them records only for the researcher's corrections).
        self.flows: dict[str, list] = {}
        self.pub_dates: dict[str, str] = {}
        self.figures = Figures()   # (row key, attribute, unit, value, approximate, row id, article id, excluded)
        self.org_types: dict[str, str] = {}   # org_id → org type
        self.org_names: dict[str, str] = {}   # org_id → name

    def _record(self, key, entity_type, name, scope="") -> NameRecord:
        r = self.records.get(key)
        if r is None:  # containers made when first needed: most names are one name in one article
            r = self.records[key] = NameRecord(key=key, entity_type=entity_type, name=name, scope=scope,
                                               org_ids=_NONE, articles=(), aliases=(), parent_org_ids=_NONE)
        return r

    def add_file(self, articles, quantities, events, sentences=None, summary: dict | None = None) -> None:
        """Feed one file's rows, given as columns (dict of lists or DataFrame); ``summary``: the
        file's :func:`summarize_file`, when the worker has already made it."""
        self.add_summary(articles["article_id"], articles["pub_date"],
                         summary or summarize_file(quantities, events, sentences))

    def add_summary(self, article_ids, pub_dates, summary: dict) -> None:
        """Feed one file as its summary (:func:`summarize_file`; names and figures as tuples or lists)
        and its articles' publication dates."""
        # Strings kept to the end are interned: one object per article, key, attribute or unit,
        # however many names, figures and sets hold it (memory flat with the corpus).
        intern = sys.intern
        self.pub_dates.update((intern(a), intern(d)) for a, d in zip(article_ids, pub_dates))
        flows = self.flows
        for key, aid, subject, stype, oid, n in summary["names"]:
            aid = intern(aid)  # one string per article, however many names' sets hold it
            r = self.records.get(key)
            if r is None:
                f = flows.get(key)
                if f is not None:  # (a flow name has no organization counted: not a company, body, zone …)
                    if f[3] is not aid and f[3] != aid:
                        f[3] = {f[3], aid} if type(f[3]) is str else f[3] | {aid}
                    f[4] += n
                    continue
                key = intern(key)
                t = stype or infer_type(subject)  # organization types are known at the end: resolve()
                scope = aid if row_scoped(stype, subject) else ""
                if scope and t in FLOW_SCOPED:
                    flows[key] = [t, intern(subject), scope, aid, n]
                    continue
                r = self._record(key, t, intern(subject), scope)
            oid = intern(oid)
            arts = r.articles
            if not arts:
                r.articles = (aid,)
            elif type(arts) is tuple:
                if arts[0] != aid:
                    r.articles = {arts[0], aid}
            else:
                cast(set, arts).add(aid)
            r.n_rows += n
            if oid:
                if r.entity_type in ("company", "government", "zone", "other"):
                    r.org_ids = _counted(r.org_ids, oid, n)
                elif r.entity_type == "project":
                    r.parent_org_ids = _counted(r.parent_org_ids, oid, n)
        records, drop = self.records, self.drop_types  # every figure's key is one of the names above
        self.figures.extend(f for f in summary["figures"]
                            if not drop or (flows[f[0]][0] if f[0] in flows else records[f[0]].entity_type) not in drop)

    def add_organizations(self, orgs: list[dict], org_articles: dict[str, set]) -> None:
        """Organizations (rows of the organizations table) as names too: a full name seen only
        in a mention resolves a short name used as a subject elsewhere."""
        for o in orgs:
            self.org_types[o["org_id"]] = o["org_type"]
            self.org_names[o["org_id"]] = o["name"]
            t = ORG_ENTITY_TYPE.get(o["org_type"], "other")
            key = "O:" + o["org_id"]
            r = self._record(key, t, o["name"])
            r.org_ids = _counted(r.org_ids, o["org_id"], 1)
            arts = org_articles.get(o["org_id"], set())
            r.articles = set(r.articles) | arts if r.articles else arts  # the build's own set: not copied
            r.aliases = set(r.aliases) | {a for a in o["aliases"].split(";") if a}

    def release(self) -> None:
        """Forget the name records and publication dates once :meth:`resolve` has run (the figures
        stay, for conflicts)."""
        self.records = {}
        self.flows = {}
        self.pub_dates = {}
        self.org_types = {}
        self.org_names = {}

    def resolve(self, merges=(), apart=(), columns: bool = False) -> Resolution:
        """The corpus's entities (``resolution.resolve_entities``; ``columns``: the table as columns)."""
        # Subject names that are organization names take the organization's type.
        by_name = {}
        for r in self.records.values():
            if r.key.startswith("O:"):
                by_name[r.name] = r.entity_type
        recs = []
        for r in self.records.values():
            if not r.key.startswith("O:") and r.name in by_name and r.entity_type in ("other", "") :
                r.entity_type = by_name[r.name]
            if r.key.startswith("O:") and is_scoped(r.entity_type, r.name):
                continue  # 市政府 as an organization: no article to scope it to; its mentions as subjects are kept
            recs.append(r)
        flows = self.flows
        if merges or apart:  # a correction may name a flow name: all go through the rules, as records
            recs += [NameRecord(key=k, entity_type=t, name=name, scope=scope, org_ids=_NONE,
                                articles=(arts,) if type(arts) is str else arts, aliases=(), parent_org_ids=_NONE,
                                n_rows=n) for k, (t, name, scope, arts, n) in flows.items()]
            flows = {}
        return resolve_entities(recs, self.pub_dates, self.org_names, merges, apart, flows, columns)


"""Stage 6 — corpus-wide entities and conflicts: pure functions of the rows the build has
streamed past (no I/O).

Every quantity and event row carries a per-name key of its subject
(``document.entity_id_for(subject_type, subject)``, decided per file from the subject
alone). Once every file has passed, :func:`resolve_entities` groups the names seen across
the corpus into entities and returns, for every row key, its entity; the build then
rewrites the ``entity_id`` column with that map (a second pass over two tables, see
``tables.py``), so ``quantities.entity_id`` joins ``entities.entity_id`` directly.

Resolution is conservative (a wrong merge is worse than a miss) and near-linear in the
number of names (dictionary indexes, no comparison of all pairs):

* company names merge when their cores are equal — the name without leading regions, a
  region in parentheses and the legal-form suffix (浙江丽水中欣晶圆半导体科技有限公司 =
  中欣晶圆半导体科技有限公司; 杰杰微视（丽水）科技有限公司 = 杰杰微视科技有限公司);
* a short name joins the one full name it is the 简称 of (organizations aliases), whose
  trade name (字号) it is (强达 → 浙江强达实业有限公司), whose core it starts (中欣晶圆 →
  中欣晶圆半导体科技; four characters at least, two with 公司: 银轮公司) or spells in order
  (汇涵科技 → 汇涵医用科技发展); two candidates: ambiguous, listed, not merged;
* traditional and simplified forms are one (中欣晶圓 = 中欣晶圆);
* zones merge by place and zone class (丽水经济技术开发区 = 丽水经开区), regions by name
  without 省/市/县 (丽水市 = 丽水); projects by name without leading region or year, phases
  kept apart (一期 ≠ 二期), a project named differently in two regions never merged;
* batches (89个大项目) and names relative to the article (市政府, 经开区, 全市) are one
  entity per article — unless the article tied the relative name to a named organization
  (its rows' org_id: 经开区 → 丽水经济技术开发区);
* a project's ``parent_id`` is the one company whose trade name (字号) or short name its
  name contains (中欣晶圆大尺寸硅片项目 → 中欣晶圆).

>>> res = resolve_entities([name_record("company", "浙江丽水中欣晶圆半导体科技有限公司"),
...                         name_record("company", "中欣晶圓")])
>>> [e["name"] for e in res.entities]
['浙江丽水中欣晶圆半导体科技有限公司']
"""
from __future__ import annotations

import hashlib
import math
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import lru_cache

from ..ingest.clean import to_simplified
from ..vocab import leading_regions, load_yaml, regions

ENTITY_TYPES = ("company", "project", "batch", "zone", "region", "government", "other")
#: organization type → entity type
ORG_ENTITY_TYPE = {"company": "company", "fund": "company", "development_zone": "zone", "government": "government"}


@lru_cache(maxsize=1)
def vocab() -> dict:
    v = dict(load_yaml("entities.yaml"))
    v["legal_suffixes"] = tuple(sorted(v["legal_suffixes"], key=len, reverse=True))
    v["zone_suffixes"] = tuple(sorted(((s, c) for c, ss in v["zone_classes"].items() for s in ss),
                                      key=lambda sc: -len(sc[0])))
    v["relative_prefixes"] = tuple(v["relative_prefixes"])
    v["industry_re"] = re.compile("(?:" + "|".join(map(re.escape, sorted(v["industry_words"], key=len, reverse=True)))
                                  + ")+$")
    v["type_res"] = {t: re.compile(p) for t, p in v["type_patterns"].items()}
    v["lead_noise_re"] = re.compile(v["project_lead_noise"])
    v["phase_re"] = re.compile("|".join(map(re.escape, v["phase_words"])))
    return v


# ---------------------------------------------------------------------------------------
# Names

_QUOTES = re.compile(r"[“”\"「」『』‘’《》\s]")
_PAREN = re.compile(r"[（(]([^（()）]{1,8})[）)]")


@lru_cache(maxsize=65536)
def normalize_name(name: str) -> str:
    """Simplified script, no quotes or spaces, full-width parentheses: ``“中欣晶圓”`` → ``中欣晶圆``."""
    return _PAREN.sub(lambda m: f"（{m.group(1)}）", _QUOTES.sub("", to_simplified(name)))


def _strip_regions(name: str) -> tuple[str, str]:
    """(name without its leading places, the most specific of them): 浙江丽水中欣… → (中欣…, 丽水)."""
    chain = leading_regions(name)
    if not chain or len(name) - chain[-1][1] < 2:
        return name, ""
    return name[chain[-1][1]:], chain[-1][0]


def _strip_paren_region(name: str) -> tuple[str, str]:
    """杰杰微视（丽水）科技有限公司 → (杰杰微视科技有限公司, 丽水)."""
    m = _PAREN.search(name)
    if m and (m.group(1) in regions() or m.group(1).rstrip("省市县区") in regions()):
        return name[:m.start()] + name[m.end():], m.group(1).rstrip("省市县区")
    return name, ""


def legal_suffix(name: str) -> str:
    return next((s for s in vocab()["legal_suffixes"] if name.endswith(s) and len(name) > len(s)), "")


@lru_cache(maxsize=65536)
def company_core(name: str) -> tuple[str, bool]:
    """(core, full): the name without places, region in parentheses and legal form; ``full``
    when it carries a limited-liability form (a legal name, not a short one).

    >>> company_core("杰杰微视（丽水）科技有限公司")
    ('杰杰微视科技', True)
    >>> company_core("银轮公司")
    ('银轮', False)
    """
    n, _ = _strip_paren_region(normalize_name(name))
    suffix = legal_suffix(n)
    n = n[: len(n) - len(suffix)] if suffix else n
    core, _ = _strip_regions(n)
    return core, "有限" in suffix


def trade_name(core: str) -> str:
    """The 字号 of a company core: without its trailing industry words (中欣晶圆半导体科技 → 中欣晶圆)."""
    m = vocab()["industry_re"].search(core)
    return core[: m.start()] if m and m.start() >= 2 else core


def _is_subsequence(short: str, full: str) -> bool:
    it = iter(full)
    return all(ch in it for ch in short)


@lru_cache(maxsize=65536)
def zone_key(name: str) -> tuple[str, str]:
    """(place, zone class): 丽水经开区 → ('丽水', 'economic'); ('', …) for a name without a place."""
    n = normalize_name(name)
    cls = ""
    for s, c in vocab()["zone_suffixes"]:
        if n.endswith(s):
            n, cls = n[: -len(s)], c
            break
    chain = leading_regions(n)
    # leading provinces go (浙江庆元 → 庆元); a city or county is the zone's place
    while chain and regions()[chain[0][0]]["level"] in ("province", "country") and len(n) > chain[0][1]:
        n = n[chain[0][1]:]
        chain = leading_regions(n)
    n = n.rstrip("省市县区")
    return n, cls


@lru_cache(maxsize=65536)
def region_key(name: str) -> str:
    n = normalize_name(name)
    for s in vocab()["region_suffixes"]:
        if n.endswith(s) and n[: -len(s)] in regions():
            return n[: -len(s)]
    return n


@lru_cache(maxsize=65536)
def project_core(name: str) -> tuple[str, str]:
    """(core, region): 2024年丽水东旭高端光电半导体材料项目 → ('东旭高端光电半导体材料项目', '丽水')."""
    n = vocab()["lead_noise_re"].sub("", normalize_name(name))
    n, place = _strip_regions(n)
    n = n.lstrip("市县区省")
    return n, place


def phases(name: str) -> tuple[str, ...]:
    return tuple(sorted(set(vocab()["phase_re"].findall(name))))


@lru_cache(maxsize=65536)
def infer_type(subject: str, org_type: str = "") -> str:
    """A subject's type when the extractor left it empty: from its organization's type, else its shape.

    >>> infer_type("89个大项目"), infer_type("丽水东旭高端光电半导体材料项目"), infer_type("丽水")
    ('batch', 'project', 'region')
    """
    if org_type:
        return ORG_ENTITY_TYPE.get(org_type, "other")
    n = normalize_name(subject)
    r = vocab()["type_res"]
    if r["batch"].search(n):
        return "batch"
    if r["zone"].search(n):
        return "zone"
    if r["project"].search(n):
        return "project"
    if legal_suffix(n):
        return "company"
    if region_key(n) in regions() or n in ("全市", "全省", "全县", "全区"):
        return "region"
    return "other"


@lru_cache(maxsize=65536)
def is_scoped(entity_type: str, subject: str) -> bool:
    """True for a name that means something only in its article: a batch, or a name relative
    to the place the article is about (市政府, 经开区, 全市) — one entity per article."""
    if entity_type == "batch":
        return True
    n = normalize_name(subject)
    if entity_type == "zone":
        return not zone_key(n)[0]
    if entity_type == "company":
        return False
    if entity_type == "region":
        return region_key(n) not in regions()
    return n.startswith(vocab()["relative_prefixes"]) and not leading_regions(n)


def entity_key(entity_type: str, name: str, scope: str = "") -> str:
    """Stable entity id: the same type, canonical name (and article, for an article-scoped
    entity) give the same id in every build."""
    text = f"{entity_type}:{scope}:{name}" if scope else f"{entity_type}:{name}"
    return "E" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]


def subject_key(subject_type: str, subject: str, article_id: str = "") -> str:
    """The per-name key of a row's subject, decided per file from the subject alone (and its
    article, for an article-scoped name: a batch, 市政府): what ``entity_id`` holds until the
    corpus-wide resolution maps it to its entity. Empty for no subject.

    >>> subject_key("company", "中欣晶圆") == entity_key("company", "中欣晶圆")
    True
    """
    if not subject:
        return ""
    return entity_key(subject_type, subject, article_id if row_scoped(subject_type, subject) else "")


@lru_cache(maxsize=65536)
def row_scoped(subject_type: str, subject: str) -> bool:
    """Whether a row's subject is article-scoped (its type inferred from its shape when empty)."""
    return is_scoped(subject_type or infer_type(subject), subject)


# ---------------------------------------------------------------------------------------
# Resolution

@dataclass
class NameRecord:
    """Everything the corpus says about one subject name (or organization name)."""
    key: str                   # per-name key (subject_key)
    entity_type: str
    name: str
    scope: str = ""            # the article, for an article-scoped name
    org_ids: Counter = field(default_factory=Counter)
    articles: set = field(default_factory=set)
    aliases: set = field(default_factory=set)      # 简称 the organization extractor linked to it
    parent_org_ids: Counter = field(default_factory=Counter)  # companies its rows are attributed to
    n_rows: int = 0


def name_record(entity_type: str, name: str, key: str = "", **kw) -> NameRecord:
    """A NameRecord with a key derived from the name when none is given (tests, notebooks)."""
    return NameRecord(key=key or entity_key(entity_type, name), entity_type=entity_type, name=name, **kw)


@dataclass
class Resolution:
    entities: list[dict]                 # rows of the entities table
    key_map: dict[str, str]              # per-name key → entity_id
    ambiguous: list[dict]                # names left apart because more than one entity fits


class _UnionFind:
    def __init__(self, n):
        self.p = list(range(n))

    def find(self, i):
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def union(self, a, b):
        a, b = self.find(a), self.find(b)
        if a != b:
            self.p[max(a, b)] = min(a, b)


def resolve_entities(records: list[NameRecord], pub_dates: dict | None = None,
                     org_names: dict | None = None) -> Resolution:
    """Group name records into entities (see the module docstring for the rules).

    ``pub_dates``: article_id → publication date (first_seen/last_seen); ``org_names``:
    org_id → organization name (an entity's org_id is its canonical name's organization,
    else the one its rows name most).
    """
    pub_dates = pub_dates or {}
    org_names = org_names or {}
    recs = sorted(records, key=lambda r: (r.entity_type, r.name, r.key))
    uf = _UnionFind(len(recs))
    ambiguous: list[dict] = []
    scoped = [bool(r.scope) for r in recs]

    by_type = defaultdict(list)
    for i, r in enumerate(recs):
        if not scoped[i]:
            by_type[r.entity_type].append(i)
    # Same normalized name and type (and article, for a scoped name): one entity (traditional
    # and simplified forms, quotes).
    first: dict[tuple, int] = {}
    for i, r in enumerate(recs):
        k = (r.entity_type, normalize_name(r.name), r.scope)
        if k in first:
            uf.union(first[k], i)
        else:
            first[k] = i

    _resolve_relative_by_org(recs, scoped, uf)
    _resolve_aliases(recs, scoped, uf, ambiguous)
    _resolve_companies(recs, by_type["company"], uf, ambiguous)
    _resolve_by_key(recs, by_type["zone"], uf, lambda n: zone_key(n) if zone_key(n)[1] else None)
    _resolve_by_key(recs, by_type["region"], uf, region_key)
    _resolve_projects(recs, by_type["project"], uf, ambiguous)

    groups = defaultdict(list)
    for i in range(len(recs)):
        groups[uf.find(i)].append(i)
    entities, key_map, canon_of = [], {}, {}
    org_by_name = {n: o for o, n in sorted(org_names.items())}
    for root, idxs in groups.items():
        members = [recs[i] for i in idxs]
        canon = max(members, key=lambda r: (company_core(r.name)[1] if r.entity_type == "company" else False,
                                            len(r.name), r.n_rows, r.name))
        name = normalize_name(canon.name)
        eid = entity_key(canon.entity_type, name, canon.scope)
        articles = set().union(*(m.articles for m in members))
        dates = sorted(d for d in (pub_dates.get(a, "") for a in articles) if d)
        orgs = Counter()
        for m in members:
            orgs.update(m.org_ids)
        org_id = org_by_name.get(name) or (sorted(orgs.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] if orgs else "")
        aliases = sorted(({m.name for m in members} | set().union(*(m.aliases for m in members))) - {name})
        entities.append(dict(entity_id=eid, name=name, entity_type=canon.entity_type, aliases=";".join(aliases),
                             org_id=org_id if canon.entity_type in ("company", "government", "zone", "other") else "",
                             parent_id="", n_articles=len(articles), first_seen=dates[0] if dates else "",
                             last_seen=dates[-1] if dates else ""))
        canon_of[root] = len(entities) - 1
        for m in members:
            key_map[m.key] = eid
    _link_parents(recs, groups, canon_of, entities, uf, ambiguous)
    # One id per entity: records of one type, name and scope are always one group, so two groups
    # cannot share a canonical name — checked, since the table's key depends on it.
    ids = Counter(e["entity_id"] for e in entities)
    if len(ids) != len(entities):
        raise RuntimeError(f"entity ids collide: {[e['name'] for e in entities if ids[e['entity_id']] > 1][:5]}")
    entities.sort(key=lambda e: e["entity_id"])
    ambiguous.sort(key=lambda a: (a["name"], a["reason"]))
    return Resolution(entities=entities, key_map=key_map, ambiguous=ambiguous)


def _resolve_relative_by_org(recs, scoped, uf) -> None:
    """A relative name (经开区, 市政府) that its article resolved to one named organization
    (the rows' org_id) is that organization: joined to the absolute name of the same type
    that carries the same organization."""
    by_org: dict[tuple, int] = {}
    for i, r in enumerate(recs):
        if not scoped[i] and r.org_ids:
            for o in r.org_ids:
                by_org.setdefault((r.entity_type, o), i)
    for i, r in enumerate(recs):
        if scoped[i] and r.entity_type in ("zone", "government", "other") and len(r.org_ids) == 1:
            j = by_org.get((r.entity_type, next(iter(r.org_ids))))
            if j is not None:
                uf.union(j, i)


def _resolve_aliases(recs, scoped, uf, ambiguous) -> None:
    """A zone, body or other organization named by an alias the organization extractor linked to
    one full name (庆元工业园区 → 浙江庆元经济开发区, read in one article) is that organization."""
    alias_of: dict[tuple, set] = defaultdict(set)
    for i, r in enumerate(recs):
        if r.entity_type in ("zone", "government", "other") and not scoped[i]:
            for a in r.aliases:
                alias_of[(r.entity_type, normalize_name(a))].add(i)
    for i, r in enumerate(recs):
        if scoped[i] or r.entity_type not in ("zone", "government", "other"):
            continue
        cands = {uf.find(j) for j in alias_of.get((r.entity_type, normalize_name(r.name)), ())} - {uf.find(i)}
        if len(cands) == 1:
            uf.union(cands.pop(), i)
        elif len(cands) > 1:
            ambiguous.append({"name": r.name, "entity_type": r.entity_type, "reason": "alias of several names",
                              "candidates": sorted(recs[c].name for c in cands)})


def _resolve_by_key(recs, idxs, uf, key_fn) -> None:
    first: dict = {}
    for i in idxs:
        k = key_fn(recs[i].name)
        if not k:
            continue
        if k in first:
            uf.union(first[k], i)
        else:
            first[k] = i


#: Full names sharing the first two characters of a short name beyond which the short name is
#: not spelt out against each (a head that common leaves the short name ambiguous anyway).
_MAX_HEAD = 32


def _resolve_companies(recs, idxs, uf, ambiguous) -> None:
    """Equal cores merge; a short name joins the one full-name core it is the 简称 of, starts,
    or spells in order (from the same first two characters)."""
    full_by_core: dict[str, int] = {}
    for i in idxs:
        core, full = company_core(recs[i].name)
        if full and len(core) >= 2:
            if core in full_by_core:
                uf.union(full_by_core[core], i)
            else:
                full_by_core[core] = i
    # every other name with a core equal to a full core joins it
    for i in idxs:
        core, full = company_core(recs[i].name)
        if not full and core in full_by_core:
            uf.union(full_by_core[core], i)
    # indexes of full cores: by every prefix (≥ 2 characters), by first two characters
    by_prefix: dict[str, set] = defaultdict(set)
    by_head: dict[str, set] = defaultdict(set)
    alias_of: dict[str, set] = defaultdict(set)
    for core, i in full_by_core.items():
        for k in range(2, len(core)):
            by_prefix[core[:k]].add(core)
        by_head[core[:2]].add(core)
        for a in recs[i].aliases:
            alias_of[normalize_name(a)].add(core)
    for i in idxs:
        if not recs[i].aliases:
            continue
        core = company_core(recs[i].name)[0]
        if core in full_by_core:
            for a in recs[i].aliases:
                alias_of[normalize_name(a)].add(core)
    roots = {core: uf.find(i) for core, i in full_by_core.items()}
    # Two legal names with one trade name (中欣晶圆半导体科技 / 中欣晶圆半导体材料) stay two
    # entities; listed, since one may be a misprint of the other.
    by_trade: dict[str, list] = defaultdict(list)
    for core in full_by_core:
        by_trade[trade_name(core)].append(core)
    for trade, cores in sorted(by_trade.items()):
        if len(cores) > 1 and len(trade) >= 2 and len({uf.find(full_by_core[c]) for c in cores}) > 1:
            ambiguous.append({"name": trade, "entity_type": "company", "reason": "one trade name, several legal names",
                              "candidates": sorted(recs[full_by_core[c]].name for c in cores)})
    for i in idxs:
        r = recs[i]
        core, full = company_core(r.name)
        if full or core in full_by_core:
            continue
        n = normalize_name(r.name)
        explicit_company = bool(legal_suffix(n))  # 银轮公司: a company, only its 字号 written
        cands = {roots[c] for c in alias_of.get(n, ())} or {roots[c] for c in alias_of.get(core, ())}
        reason = "简称 of several names"
        if not cands and len(by_trade.get(core, ())) == 1 and len(core) >= 2 and core not in regions():  # the 字号 of one legal name (强达 → 浙江强达实业有限公司)
            cands = {roots[by_trade[core][0]]}
        if not cands and (len(core) >= 4 or (explicit_company and len(core) >= 2)):
            cands = {roots[c] for c in by_prefix.get(core, ())}
            reason = "starts several names"
            heads = by_head.get(core[:2], ())
            if not cands and len(core) >= 4 and len(heads) <= _MAX_HEAD:
                cands = {roots[c] for c in heads if _is_subsequence(core, c)}
                reason = "spelt by several names"
        cands = {uf.find(c) for c in cands}
        if len(cands) == 1:
            uf.union(cands.pop(), i)
        elif len(cands) > 1:
            ambiguous.append({"name": r.name, "entity_type": "company", "reason": reason,
                              "candidates": sorted(recs[c].name for c in cands)})


def _resolve_projects(recs, idxs, uf, ambiguous) -> None:
    """Projects: equal cores merge unless they name different regions; a short project name
    (唯酷项目) joins the one longer project whose core it starts, with the same phases."""
    by_core: dict[str, list[int]] = defaultdict(list)
    for i in idxs:
        core, _ = project_core(recs[i].name)
        if len(core) >= 2:
            by_core[core].append(i)
    for core, members in by_core.items():
        places = {project_core(recs[i].name)[1] for i in members} - {""}
        if len(places) <= 1:
            for i in members[1:]:
                uf.union(members[0], i)
        else:  # 温州创新中心项目 and 丽水创新中心项目: apart; the bare name fits both
            by_place = defaultdict(list)
            for i in members:
                by_place[project_core(recs[i].name)[1]].append(i)
            for place, ms in by_place.items():
                for i in ms[1:]:
                    uf.union(ms[0], i)
            for i in by_place.get("", ()):
                ambiguous.append({"name": recs[i].name, "entity_type": "project", "reason": "same name in several regions",
                                  "candidates": sorted(recs[ms[0]].name for p, ms in by_place.items() if p)})
    stems = {}
    by_prefix: dict[str, set] = defaultdict(set)
    for core in by_core:
        stem = re.sub(r"项目$", "", core)
        stems[core] = stem
        for k in range(2, len(stem)):
            by_prefix[stem[:k]].add(core)
    for core, members in by_core.items():
        stem = stems[core]
        if stem == core or len(stem) < 2:
            continue
        cands = {c for c in by_prefix.get(stem, ()) if phases(c) == phases(core)}
        roots = {uf.find(by_core[c][0]) for c in cands}
        if len(roots) == 1:
            uf.union(roots.pop(), members[0])
        elif len(roots) > 1:
            ambiguous.append({"name": recs[members[0]].name, "entity_type": "project", "reason": "starts several projects",
                              "candidates": sorted(cands)[:10]})


def _link_parents(recs, groups, canon_of, entities, uf, ambiguous) -> None:
    """parent_id of a project: the one company whose 字号, short name or core its name contains,
    or whose organization its rows are attributed to."""
    keys: dict[str, set] = defaultdict(set)   # company key text → entity index
    org_entity: dict[str, int] = {}
    for root, idxs in groups.items():
        e = canon_of[root]
        if entities[e]["entity_type"] != "company":
            continue
        for i in idxs:
            core, full = company_core(recs[i].name)
            for k in {core, trade_name(core)} | {company_core(a)[0] for a in recs[i].aliases}:
                if len(k) >= 2:
                    keys[k].add(e)
            for o in recs[i].org_ids:
                org_entity[o] = e
    lengths = sorted({len(k) for k in keys})
    for root, idxs in groups.items():
        e = canon_of[root]
        if entities[e]["entity_type"] != "project":
            continue
        found: set = set()
        for i in idxs:
            n = normalize_name(recs[i].name)
            # every substring of a key's length looked up: constant work per name, whatever the corpus
            matches = [n[p:p + L] for p in range(len(n) - 1) for L in lengths if p + L <= len(n) and n[p:p + L] in keys]
            if matches:
                longest = max(len(k) for k in matches)
                for k in matches:
                    if len(k) == longest:
                        found |= keys[k]
            for o in recs[i].parent_org_ids:
                if o in org_entity:
                    found.add(org_entity[o])
        if len(found) == 1:
            entities[e]["parent_id"] = entities[found.pop()]["entity_id"]
        elif len(found) > 1:
            ambiguous.append({"name": entities[e]["name"], "entity_type": "project", "reason": "names several companies",
                              "candidates": sorted(entities[f]["name"] for f in found)})


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


class EntityCollector:
    """The names, article sets and conflict candidates of the corpus, fed file by file.

    Memory grows with the number of distinct names and figures of interest, not of rows.
    """

    def __init__(self):
        self.records: dict[str, NameRecord] = {}
        self.pub_dates: dict[str, str] = {}
        self.figures: list[tuple] = []   # (row key, attribute, unit, value, approximate, row id, article id, excluded)
        self.org_types: dict[str, str] = {}   # org_id → org type
        self.org_names: dict[str, str] = {}   # org_id → name

    def _record(self, key, entity_type, name, scope="") -> NameRecord:
        r = self.records.get(key)
        if r is None:
            r = self.records[key] = NameRecord(key=key, entity_type=entity_type, name=name, scope=scope)
        return r

    def add_file(self, articles, quantities, events, sentences=None, summary: dict | None = None) -> None:
        """Feed one file's rows, given as columns (dict of lists or DataFrame); ``summary``: the
        file's :func:`summarize_file`, when the worker has already made it."""
        self.pub_dates.update(zip(articles["article_id"], articles["pub_date"]))
        summary = summary or summarize_file(quantities, events, sentences)
        self.figures.extend(summary["figures"])
        for key, aid, subject, stype, oid, n in summary["names"]:
            aid = sys.intern(aid)  # one string per article, however many names' sets hold it
            r = self.records.get(key)
            if r is None:
                t = stype or infer_type(subject)  # organization types are known at the end: resolve()
                r = self._record(key, t, subject, aid if row_scoped(stype, subject) else "")
            r.articles.add(aid)
            r.n_rows += n
            if oid:
                if r.entity_type in ("company", "government", "zone", "other"):
                    r.org_ids[oid] += n
                elif r.entity_type == "project":
                    r.parent_org_ids[oid] += n

    def add_organizations(self, orgs: list[dict], org_articles: dict[str, set]) -> None:
        """Organizations (rows of the organizations table) as names too: a full name seen only
        in a mention resolves a short name used as a subject elsewhere."""
        for o in orgs:
            self.org_types[o["org_id"]] = o["org_type"]
            self.org_names[o["org_id"]] = o["name"]
            t = ORG_ENTITY_TYPE.get(o["org_type"], "other")
            key = "O:" + o["org_id"]
            r = self._record(key, t, o["name"])
            r.org_ids[o["org_id"]] += 1
            r.articles |= org_articles.get(o["org_id"], set())
            r.aliases |= {a for a in o["aliases"].split(";") if a}

    def resolve(self) -> Resolution:
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
        return resolve_entities(recs, self.pub_dates, self.org_names)


# ---------------------------------------------------------------------------------------
# Conflicts

@lru_cache(maxsize=1)
def _conflict_res():
    v = vocab()
    word = lambda ws: re.compile("|".join(map(re.escape, sorted(ws, key=len, reverse=True))))  # noqa: E731
    periods = [(p, word(ws)) for p, ws in v["capacity_periods"].items()]
    return word(v["revision_cues"]), word(v["part_cues"]), periods


_CLAUSE_SEP = re.compile(r"[，,；;。！？：:]")


def conflict_candidates(quantities, events, sentences=None) -> list[tuple]:
    """The figures and achieved milestone dates that conflicts compare, one tuple per row:
    ``(subject key, attribute, unit, value, approximate, row id, article id, excluded)``.
    ``excluded``: the sentence says the figure changed (调整为, 增资) or the clause makes it a
    part (其中, 一期); such rows never make a conflict. ``sentences`` (columns): the text the
    cues are read in; without it no row is excluded."""
    metrics = vocab()["conflict_metrics"]
    revision, part, periods = _conflict_res()
    first = {}    # article → index of its first sentence (sentence_id n is at first + n - 1)
    if sentences is not None:
        aids = list(sentences["article_id"])
        first.update(zip(reversed(aids), range(len(aids) - 1, -1, -1)))   # the last write is the first row
        s_start, s_text = list(sentences["start"]), list(sentences["text"])
    out = []
    for qid, aid, sid, start, value, unit, metric, subject, stype, key, approx in zip(
            quantities["quantity_id"], quantities["article_id"], quantities["sentence_id"], quantities["start"],
            quantities["value"], quantities["unit"], quantities["metric"], quantities["subject"],
            quantities["subject_type"], quantities["entity_id"], quantities["approximate"]):
        attr = metrics.get(metric)
        if not attr or not subject:
            continue
        excluded = False
        if aid in first and sid > 0:
            i = first[aid] + sid - 1
            text = s_text[i]
            pos = start - s_start[i]
            clause = text[: max(pos, 0)]
            m = None
            for m in _CLAUSE_SEP.finditer(clause):
                pass
            clause = clause[m.end():] if m else clause
            excluded = bool(revision.search(text) or part.search(clause))
            if attr == "capacity":
                per = next((p for p, rx in periods if rx.search(clause)), "")
                if not per:
                    continue
                attr = f"capacity_per_{per}"
        elif attr == "capacity":
            continue
        out.append((key, attr, unit, float(value), bool(approx), qid, aid, excluded))
    milestones = _milestones()
    for eid, aid, etype, key, date, planned in zip(events["event_id"], events["article_id"], events["event_type"],
                                                   events["entity_id"], events["date"], events["planned"]):
        if key and date and not planned and etype in milestones:
            out.append((key, etype, "", date, False, eid, aid, False))
    return out


@lru_cache(maxsize=1)
def _milestones() -> frozenset:
    return frozenset(vocab()["conflict_milestones"])


@lru_cache(maxsize=65536)
def _precision(v: float) -> float:
    """The place of a figure's last significant digit: 2.7e9 → 1e8, 2.696e9 → 1e6."""
    if v == 0 or not math.isfinite(v):
        return 0.0
    p = 10.0 ** math.floor(math.log10(abs(v)))
    while p > 1e-6 and abs(v / p - round(v / p)) > 1e-9 * max(1.0, abs(v / p)):
        p /= 10
    return p


def same_figure(a: float, b: float, approx_a: bool = False, approx_b: bool = False) -> bool:
    """Whether two stated figures agree: within the relative tolerance, or one is the other
    rounded to its stated precision (27亿 for 26.96亿), with a wider margin for 约/余/超.

    >>> same_figure(2.7e9, 2.696e9), same_figure(6e6, 3.6e6), same_figure(1e9, 1.015e9)
    (True, False, True)
    """
    if a == b:
        return True
    tol_exact, tol_approx = _tolerances()
    d = abs(a - b)
    if d <= (tol_approx if (approx_a or approx_b) else tol_exact) * max(abs(a), abs(b)):
        return True
    return d <= _precision(a) / 2 + 1e-9 * abs(a) or d <= _precision(b) / 2 + 1e-9 * abs(b)


@lru_cache(maxsize=1)
def _tolerances() -> tuple[float, float]:
    return float(vocab()["relative_tolerance"]), float(vocab()["approximate_tolerance"])


def _dates_agree(a: str, b: str) -> bool:
    """Dates agree when one is the other at a coarser precision (2024-03 and 2024-03-15)."""
    return a.startswith(b) or b.startswith(a)


def plant_of(entities: list[dict]) -> dict[str, str]:
    """A company with exactly one project (``parent_id``) → that project: its figures and
    milestones are the plant's, whichever of the two names an article gives them under."""
    children = defaultdict(list)
    for e in entities:
        if e["entity_type"] == "project" and e["parent_id"]:
            children[e["parent_id"]].append(e["entity_id"])
    return {parent: kids[0] for parent, kids in children.items() if len(kids) == 1}


def find_conflicts(figures: list[tuple], key_map: dict[str, str], entities: list[dict] | None = None) -> list[dict]:
    """Rows of the conflicts table from :func:`conflict_candidates` tuples and the subject-key
    → entity map: per entity and attribute, each article's figure (its largest: the whole) or
    milestone date (its earliest); the distinct headlines are grouped where neighbours agree,
    and two groups conflict unless an article of one states a value of the other anywhere.
    With ``entities``, only companies and projects are compared, a company with one project as
    that project (:func:`plant_of`).

    Near-linear in the number of rows: articles are compared through their distinct values,
    never pairwise (a plant named in a thousand articles with two figures is two values).
    """
    plant = plant_of(entities) if entities else {}
    # a zone's, region's or batch's figures are flows of a period (invested this year), not a holder's stock
    other = {e["entity_id"] for e in entities if e["entity_type"] not in ("company", "project")} if entities else set()
    per: dict[tuple, dict[str, list]] = defaultdict(lambda: defaultdict(list))
    for rk, attr, unit, value, approx, rid, aid, excluded in figures:
        eid = key_map.get(rk)
        eid = plant.get(eid, eid)
        if not eid or excluded or eid in other:
            continue
        per[(eid, attr, unit)][aid].append((value, approx, rid))
    out = []
    for (eid, attr, unit), by_article in sorted(per.items()):
        if len(by_article) < 2:
            continue
        is_date = unit == ""
        if is_date:
            def agree(x, y):
                return _dates_agree(x[0], y[0])
        else:
            def agree(x, y):
                return same_figure(x[0], y[0], x[1], y[1])
        # each article's headline: the whole figure (largest) or the first date it states
        heads: dict[tuple, list] = defaultdict(list)     # (value, approximate) → [(article, row id)]
        stated: dict[str, set] = {}                       # article → its distinct (value, approximate)
        for aid, vals in by_article.items():
            v, a, rid = (min if is_date else max)(vals, key=lambda t: (t[0], t[2]))
            heads[(v, a)].append((aid, rid))
            stated[aid] = {(x, ap) for x, ap, _ in vals}
        clusters: list[list] = []
        for h in sorted(heads):   # sorted values: a value agrees with its neighbour or with none before
            if clusters and agree(h, clusters[-1][-1]):
                clusters[-1].append(h)
            else:
                clusters.append([h])
        if len(clusters) < 2:
            continue
        side_values = [_Side(set().union(*(stated[aid] for h in c for aid, _ in heads[h])), is_date) for c in clusters]
        # the group most articles state against each other one: k groups give k - 1 rows
        n_arts = [sum(len(heads[h]) for h in c) for c in clusters]
        i = max(range(len(clusters)), key=lambda k: (n_arts[k], -k))
        for j in range(len(clusters)):
            if j == i:
                continue
            a, b = clusters[i], clusters[j]
            if side_values[i].states_any(b, agree) or side_values[j].states_any(a, agree):
                continue
            fmt = (lambda x: x) if is_date else (lambda x: "%.10g" % x)
            ids_a = sorted(rid for h in a for _, rid in heads[h])
            ids_b = sorted(rid for h in b for _, rid in heads[h])
            arts = sorted({aid for h in a + b for aid, _ in heads[h]})
            out.append(dict(entity_id=eid, attribute=attr, value_a=fmt(_most_stated(a, heads)),
                            value_b=fmt(_most_stated(b, heads)), unit=unit,
                            quantity_or_event_ids_a=";".join(ids_a), quantity_or_event_ids_b=";".join(ids_b),
                            article_ids=";".join(arts)))
    # the table's key has no unit: the same two numbers in two units (吨 and 片) name their unit
    keys = Counter((r["entity_id"], r["attribute"], r["value_a"], r["value_b"]) for r in out)
    for r in out:
        if keys[(r["entity_id"], r["attribute"], r["value_a"], r["value_b"])] > 1:
            r["attribute"] = f"{r['attribute']} ({r['unit']})"
    return out


class _Side:
    """The distinct (value, approximate) pairs the articles of one group state, sorted, with the
    "round" figures apart (one or two significant digits: the only ones that agree with a value
    far from them, by rounding) — so a head is compared with the few values near it."""

    def __init__(self, values: set, is_date: bool):
        self.values = sorted(values)
        self.is_date = is_date
        self.rounds = [] if is_date else [v for v in self.values if v[0] > 0 and _precision(v[0]) >= 0.1 * v[0]]

    def states_any(self, heads: list, agree) -> bool:
        from bisect import bisect_left, bisect_right

        vs = self.values
        for h in heads:
            y = h[0]
            if self.is_date:  # agreeing dates share a prefix: y's truncations, or dates that start with y
                near = vs[bisect_left(vs, (y,)):bisect_right(vs, (y + "\uffff",))]
                near += [v for p in (y[:4], y[:7]) for v in vs[bisect_left(vs, (p,)):bisect_right(vs, (p, True))]]
            elif y > 0:
                # within tolerance or y's own rounding: close to y; by x's rounding: a round x within 2×
                w = max(0.12 * y, _precision(y) / 2 + 1e-9 * y)
                near = vs[bisect_left(vs, (y - w,)):bisect_right(vs, (y + w, True))]
                r = self.rounds
                near += r[bisect_left(r, (y / 2.01,)):bisect_right(r, (y * 2.01, True))]
            else:
                near = vs
            if any(agree(v, h) for v in near):
                return True
        return False


def _most_stated(cluster: list, heads: dict):
    """The value of a group of agreeing headlines that most articles state (the smallest on a tie)."""
    return max(cluster, key=lambda h: (len(heads[h]), -_sort_num(h[0])))[0]


def _sort_num(v):
    return v if isinstance(v, float) else 0.0

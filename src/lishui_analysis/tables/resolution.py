"""Entity resolution: one job — group the name records of the whole corpus into entities
(:func:`resolve_entities`), as a list of named steps run in order by a short driver.

Resolution is conservative (a wrong merge is worse than a miss) and near-linear in the
number of names (dictionary indexes, no comparison of all pairs):

* company names merge when their cores are equal — the name without leading regions, a
  region in parentheses and the legal-form suffix (浙江松阳云岭晶材科技有限公司 =
  云岭晶材科技有限公司; 星河视讯（青田）科技有限公司 = 星河视讯科技有限公司);
* a short name joins the one full name it is the 简称 of (organizations aliases), whose
  trade name (字号) it is (岚达 → 浙江岚达实业有限公司), whose core it starts (翠锐晶圆 →
  翠锐晶圆半导体科技; four characters at least, two with 公司: 银帆公司) or spells in order
  (澜涵科技 → 澜涵医用科技发展); two candidates: ambiguous, listed, not merged;
* traditional and simplified forms are one (翠锐晶圓 = 翠锐晶圆);
* zones merge by place and zone class (青溪经济技术开发区 = 青溪经开区), regions by name
  without 省/市/县 (温州市 = 温州); projects by name without leading region or year, phases
  kept apart (一期 ≠ 二期), a project named differently in two regions never merged;
* batches (23个大项目) and names relative to the article (市政府, 经开区, 全市) are one
  entity per article — unless the article tied the relative name to a named organization
  (its rows' org_id: 经开区 → 青溪经济技术开发区);
* a project's ``parent_id`` is the one company whose trade name (字号) or short name its
  name contains (翠锐晶圆大尺寸硅片项目 → 翠锐晶圆).

Named steps (stage ``"entities"``; switch one off with ``LISHUI_STEPS_OFF=entities.<name>`` or
``config.steps_off``): :data:`ENTITY_STEPS` in order — ``relative_by_org``, ``org_aliases``,
``company_cores``, ``trade_name_clashes``, ``company_short_names``, ``zones``, ``regions``,
``project_cores``, ``project_short_names``, ``link_parents`` — and, inside
``company_short_names``, the ways a short name finds its full name, :data:`SHORT_NAME_STEPS`:
``short_is_alias``, ``short_is_trade_name``, ``short_starts_core``, ``short_spelt_in_core``
(the first that finds a candidate decides). Two things are not steps, since the entities
table's key depends on them: records of one type, normalized name and article are always
one entity (the driver's start), and the table is made from the groups at the end.
"""
from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

from .. import config
from ..extract.org_links import is_subsequence
from ..vocab import regions
from . import entity_rows
from .merges import UnionFind, apply_corrections, evidence
from .names import (
    company_core,
    entity_key,
    legal_suffix,
    normalize_name,
    phases,
    project_core,
    region_key,
    trade_name,
    zone_key,
)

#: Stage name of the steps of :func:`resolve_entities` (``entities.company_cores``, …).
STAGE = "entities"


@dataclass(slots=True)
class NameRecord:
    """Everything the corpus says about one subject name (or organization name); slots: one per
    name the corpus holds, kept until the end of the build."""
    key: str                   # per-name key (subject_key)
    entity_type: str
    name: str
    scope: str = ""            # the article, for an article-scoped name
    # Read-only here (resolution only reads them): the build's collector gives a record without
    # organizations or aliases shared empty mappings and one article as a 1-tuple (memory, issue #20).
    org_ids: Mapping[str, int] = field(default_factory=Counter)
    articles: Collection[str] = field(default_factory=set)
    aliases: Collection[str] = field(default_factory=set)      # 简称 the organization extractor linked to it
    parent_org_ids: Mapping[str, int] = field(default_factory=Counter)  # companies its rows are attributed to
    n_rows: int = 0


def name_record(entity_type: str, name: str, key: str = "", **kw) -> NameRecord:
    """A NameRecord with a key derived from the name when none is given (tests, notebooks)."""
    return NameRecord(key=key or entity_key(entity_type, name), entity_type=entity_type, name=name, **kw)


@dataclass
class Resolution:
    entities: list[dict]                 # rows of the entities table
    key_map: dict[str, str]              # per-name key → entity_id
    ambiguous: list[dict]                # names left apart because more than one entity fits
    corrected: dict[int, int] = field(default_factory=dict)  # merge/apart entry → groups it named
    merges: list[dict] = field(default_factory=list)  # each merge of two names: the rule that joined them
    columns: dict[str, list] | None = None  # the entities table as columns, when asked for instead of ``entities``


@dataclass
class _Group:
    """One entity in the making: its records (indexes), canonical record, name and id."""
    idxs: list[int]
    canon: NameRecord
    name: str
    entity_id: str


@dataclass
class Resolving:
    """What the steps of :func:`resolve_entities` share: the records (sorted: every step walks
    them in that order), which of them are article-scoped, the non-scoped ones by type, the
    groups merged so far (``uf``; a group's root is its smallest index), the names left apart
    (``ambiguous``) and each project group's parent company group (``parent_of``). The company
    and project indexes are built once, on first use; the groups once, after the merges."""
    recs: list[NameRecord]
    scoped: list[bool]
    by_type: dict[str, list[int]]
    uf: UnionFind
    pub_dates: dict = field(default_factory=dict)
    org_names: dict = field(default_factory=dict)
    ambiguous: list[dict] = field(default_factory=list)
    parent_of: dict[int, int] = field(default_factory=dict)
    _companies: _CompanyIndex | None = None
    _projects: dict[str, list[int]] | None = None
    _groups: dict[int, _Group] | None = None

    def companies(self) -> _CompanyIndex:
        if self._companies is None:
            self._companies = _CompanyIndex.build(self.recs, self.by_type["company"])
        return self._companies

    def projects(self) -> dict[str, list[int]]:
        """Project core (≥ 2 characters) → indexes of the project names with that core."""
        if self._projects is None:
            self._projects = defaultdict(list)
            for i in self.by_type["project"]:
                core, _ = project_core(self.recs[i].name)
                if len(core) >= 2:
                    self._projects[core].append(i)
        return self._projects

    def groups(self) -> dict[int, _Group]:
        """Root → group, in the order of the records; call after the merges."""
        if self._groups is None:
            members = defaultdict(list)
            for i in range(len(self.recs)):
                members[self.uf.find(i)].append(i)
            self._groups = {}
            for root, idxs in members.items():
                canon = self.recs[idxs[0]] if len(idxs) == 1 else max(
                    (self.recs[i] for i in idxs),
                    key=lambda r: (company_core(r.name)[1] if r.entity_type == "company" else False,
                                   len(r.name), r.n_rows, r.name))
                name = normalize_name(canon.name)
                self._groups[root] = _Group(idxs, canon, name, entity_key(canon.entity_type, name, canon.scope))
        return self._groups


def resolve_entities(records: list[NameRecord], pub_dates: dict | None = None,
                     org_names: dict | None = None, merges=(), apart=(), flows: Mapping[str, list] | None = None,
                     columns: bool = False) -> Resolution:
    """Group name records into entities (see the module docstring for the rules).

    ``pub_dates``: article_id → publication date (first_seen/last_seen); ``org_names``:
    org_id → organization name (an entity's org_id is its canonical name's organization,
    else the one its rows name most). ``merges`` and ``apart``: the researcher's corrections
    (``corrections.yaml``), each a tuple of names or entity ids: merged before the rules run (so
    the rules see one holder), kept apart whatever a rule says. ``flows``: article-scoped batch and
    region names kept out of the rules (``entity_rows.flow_rows``; only without corrections: a
    correction may name them); ``columns``: the table as ``Resolution.columns``.

    >>> recs = [name_record("company", "浙江云岭晶材科技有限公司"), name_record("project", "云岭晶材一期项目"),
    ...         name_record("company", "云岭晶材")]
    >>> len(resolve_entities(recs).entities)
    2
    >>> len(resolve_entities(recs, apart=[("浙江云岭晶材科技有限公司", "云岭晶材")]).entities)
    3
    >>> len(resolve_entities(recs, merges=[("浙江云岭晶材科技有限公司", "云岭晶材一期项目")]).entities)
    1
    """
    st = start(records, pub_dates, org_names)
    st.uf.why = "correction"
    used = apply_corrections(st, merges, apart)
    for step in config.active_steps(STAGE, ENTITY_STEPS):
        st.uf.why = step.__name__.lstrip("_")
        step(st)
    if flows and (merges or apart):
        raise ValueError("flow names are resolved apart only without merge or apart corrections")
    res = entity_table(st, flows, columns)
    res.corrected = used
    return res


def start(records: list[NameRecord], pub_dates: dict | None = None, org_names: dict | None = None) -> Resolving:
    """The records sorted, and those of one type, normalized name and article already one
    group — traditional and simplified forms, quotes: 云嶺科技 = “云岭科技” (not a step: two
    groups with one canonical name would make two entities with one id)."""
    recs = sorted(records, key=lambda r: (r.entity_type, r.name, r.key))
    scoped = [bool(r.scope) for r in recs]
    by_type = defaultdict(list)
    for i, r in enumerate(recs):
        if not scoped[i]:
            by_type[r.entity_type].append(i)
    st = Resolving(recs, scoped, by_type, UnionFind(len(recs)), pub_dates or {}, org_names or {})
    first: dict[tuple, int] = {}
    for i, r in enumerate(recs):
        k = (r.entity_type, normalize_name(r.name), r.scope)
        if k in first:
            st.uf.union(first[k], i)
        else:
            first[k] = i
    return st


# ---------------------------------------------------------------------------------------
# Steps: organizations named relatively or by an alias


def _relative_by_org(st: Resolving) -> None:
    """A relative name (管委会, 县政府) that its article resolved to one named organization (the
    rows' org_id) is that organization: joined to the absolute name of the same type that
    carries the same organization (管委会 in article A7, its rows' org O3 → 青田云岭经济开发区
    whose rows carry O3 too)."""
    recs, scoped = st.recs, st.scoped
    by_org: dict[tuple, int] = {}
    for i, r in enumerate(recs):
        if not scoped[i] and r.org_ids:
            for o in r.org_ids:
                by_org.setdefault((r.entity_type, o), i)
    for i, r in enumerate(recs):
        if scoped[i] and r.entity_type in ("zone", "government", "other") and len(r.org_ids) == 1:
            j = by_org.get((r.entity_type, next(iter(r.org_ids))))
            if j is not None:
                st.uf.union(j, i)


def _org_aliases(st: Resolving) -> None:
    """A zone, body or other organization named by an alias the organization extractor linked to
    one full name (云岭工业园区 → 浙江云岭经济开发区, read in one article) is that organization;
    an alias of two names is listed as ambiguous."""
    recs, scoped, uf = st.recs, st.scoped, st.uf
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
            st.ambiguous.append({"name": r.name, "entity_type": r.entity_type, "reason": "alias of several names",
                                 "candidates": sorted(recs[c].name for c in cands)})


# ---------------------------------------------------------------------------------------
# Steps: companies

#: Full names sharing the first two characters of a short name beyond which the short name is
#: not spelt out against each (a head that common leaves the short name ambiguous anyway).
_MAX_HEAD = 32


@dataclass
class _CompanyIndex:
    """The full (limited-liability) company names by core, and the cores by prefix, first two
    characters, trade name and alias: what a short name is looked up in."""
    full_by_core: dict[str, int]        # core → first full name with it (浙江云岭科技有限公司: 云岭科技)
    by_prefix: dict[str, set]           # every prefix (≥ 2 characters, shorter than the core) → cores
    by_head: dict[str, set]             # first two characters → cores
    alias_of: dict[str, set]            # a 简称 (normalized) → cores
    by_trade: dict[str, list]           # trade name → cores (云岭 → [云岭科技, 云岭新材料])

    @classmethod
    def build(cls, recs: list[NameRecord], idxs: list[int]) -> _CompanyIndex:
        full_by_core: dict[str, int] = {}
        for i in idxs:
            core, full = company_core(recs[i].name)
            if full and len(core) >= 2 and core not in full_by_core:
                full_by_core[core] = i
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
        by_trade: dict[str, list] = defaultdict(list)
        for core in full_by_core:
            by_trade[trade_name(core)].append(core)
        return cls(full_by_core, by_prefix, by_head, alias_of, by_trade)


def _company_cores(st: Resolving) -> None:
    """Company names with equal cores are one company: every full name with the core of another
    (浙江青田云岭科技有限公司 = 云岭科技（丽水）有限公司), then every other name whose core is a
    full name's core (云岭科技公司 joins them)."""
    ix = st.companies()
    for i in st.by_type["company"]:
        core, full = company_core(st.recs[i].name)
        if full and len(core) >= 2 and ix.full_by_core[core] != i:
            st.uf.union(ix.full_by_core[core], i)
    for i in st.by_type["company"]:
        core, full = company_core(st.recs[i].name)
        if not full and core in ix.full_by_core:
            st.uf.union(ix.full_by_core[core], i)


def _trade_name_clashes(st: Resolving) -> None:
    """Two legal names with one trade name (云岭新材料有限公司 / 云岭科技有限公司) stay two
    entities; listed as ambiguous, since one may be a misprint of the other (lists, merges
    nothing)."""
    ix = st.companies()
    for trade, cores in sorted(ix.by_trade.items()):
        if len(cores) > 1 and len(trade) >= 2 and len({st.uf.find(ix.full_by_core[c]) for c in cores}) > 1:
            st.ambiguous.append({"name": trade, "entity_type": "company", "reason": "one trade name, several legal names",
                                 "candidates": sorted(st.recs[ix.full_by_core[c]].name for c in cores)})


def _company_short_names(st: Resolving) -> None:
    """A short company name (no limited-liability form, a core no full name has) joins the one
    full name the first of :data:`SHORT_NAME_STEPS` finds for it (云岭 → 浙江云岭科技有限公司);
    two candidates or more: listed as ambiguous, not merged."""
    ix, recs, uf = st.companies(), st.recs, st.uf
    ways = config.active_steps(STAGE, SHORT_NAME_STEPS)
    for i in st.by_type["company"]:
        r = recs[i]
        core, full = company_core(r.name)
        if full or core in ix.full_by_core:
            continue
        n = normalize_name(r.name)
        cores, reason = set(), ""
        for way in ways:
            cores, reason = way(ix, n, core)
            if cores:
                break
        cands = {uf.find(ix.full_by_core[c]) for c in cores}
        if len(cands) == 1:
            uf.union(cands.pop(), i)
        elif len(cands) > 1:
            st.ambiguous.append({"name": r.name, "entity_type": "company", "reason": reason,
                                 "candidates": sorted(recs[c].name for c in cands)})


def _short_is_alias(ix: _CompanyIndex, n: str, core: str) -> tuple[set, str]:
    """The full names a short name is the 简称 of (the organization extractor linked 云岭 to
    浙江云岭科技有限公司), by the name or its core."""
    return ix.alias_of.get(n, set()) or ix.alias_of.get(core, set()), "简称 of several names"


def _short_is_trade_name(ix: _CompanyIndex, n: str, core: str) -> tuple[set, str]:
    """The one full name whose 字号 a short name is (青松 → 浙江青松实业有限公司); not a place,
    not a trade name of two legal names."""
    if len(ix.by_trade.get(core, ())) == 1 and len(core) >= 2 and core not in regions():
        return {ix.by_trade[core][0]}, "简称 of several names"
    return set(), ""


def _short_starts_core(ix: _CompanyIndex, n: str, core: str) -> tuple[set, str]:
    """The full names whose core a short name starts: 云岭新材 → 云岭新材料 (four characters at
    least; two when the name says 公司: 云岭公司)."""
    if len(core) >= 4 or (legal_suffix(n) and len(core) >= 2):
        return set(ix.by_prefix.get(core, ())), "starts several names"
    return set(), ""


def _short_spelt_in_core(ix: _CompanyIndex, n: str, core: str) -> tuple[set, str]:
    """The full names, of the same first two characters, whose core spells a short name of four
    characters or more in order: 汇岭科技 → 汇岭医用科技发展."""
    heads = ix.by_head.get(core[:2], ())
    if len(core) >= 4 and len(heads) <= _MAX_HEAD:
        return {c for c in heads if is_subsequence(core, c)}, "spelt by several names"
    return set(), ""


# ---------------------------------------------------------------------------------------
# Steps: zones, regions, projects


def _zones(st: Resolving) -> None:
    """Zones of one place and one zone class are one zone (青田经开区 = 浙江青田经济技术开发区;
    青田高新区 stays apart); a zone name without a class is left alone."""
    _merge_by_key(st, st.by_type["zone"], lambda n: zone_key(n) if zone_key(n)[1] else None)


def _regions(st: Resolving) -> None:
    """Regions with one name once 省/市/县/区 is dropped are one region (云和县 = 云和)."""
    _merge_by_key(st, st.by_type["region"], region_key)


def _merge_by_key(st: Resolving, idxs: list[int], key_fn) -> None:
    first: dict = {}
    for i in idxs:
        k = key_fn(st.recs[i].name)
        if not k:
            continue
        if k in first:
            st.uf.union(first[k], i)
        else:
            first[k] = i


def _project_cores(st: Resolving) -> None:
    """Projects with equal cores (no leading year or place) are one project unless they name
    different regions: 2025年青田云岭新材料项目 = 云岭新材料项目, but 温州云岭新材料项目 and
    青田云岭新材料项目 stay apart, and the bare 云岭新材料项目, which fits both, is listed."""
    recs, uf = st.recs, st.uf
    for members in st.projects().values():
        places = {project_core(recs[i].name)[1] for i in members} - {""}
        if len(places) <= 1:
            for i in members[1:]:
                uf.union(members[0], i)
        else:
            by_place = defaultdict(list)
            for i in members:
                by_place[project_core(recs[i].name)[1]].append(i)
            for place, ms in by_place.items():
                for i in ms[1:]:
                    uf.union(ms[0], i)
            for i in by_place.get("", ()):
                st.ambiguous.append({"name": recs[i].name, "entity_type": "project",
                                     "reason": "same name in several regions",
                                     "candidates": sorted(recs[ms[0]].name for p, ms in by_place.items() if p)})


def _project_short_names(st: Resolving) -> None:
    """A project named with and without 项目 is one (云岭运动中心 = 云岭运动中心项目, unless they name two
    regions); a short project name (云岭项目) joins the one longer project whose core its stem starts,
    with the same phases (云岭一期项目 never joins 云岭新材料二期项目); several: listed."""
    by_core, uf = st.projects(), st.uf
    stems = {}
    by_prefix: dict[str, set] = defaultdict(set)
    for core in by_core:
        stem = re.sub(r"项目$", "", core)
        stems[core] = stem
        for k in range(2, len(stem)):
            by_prefix[stem[:k]].add(core)
    for core, members in by_core.items():  # the name and the name + 项目 (云岭运动中心 = 云岭运动中心项目)
        stem = stems[core]
        if stem != core and stem in by_core and _one_place(st, by_core[stem] + members):
            uf.union(by_core[stem][0], members[0])
    for core, members in by_core.items():
        stem = stems[core]
        if stem == core or len(stem) < 2:
            continue
        cands = {c for c in by_prefix.get(stem, ()) if phases(c) == phases(core)}
        roots = {uf.find(by_core[c][0]) for c in cands}
        if len(roots) == 1:
            uf.union(roots.pop(), members[0])
        elif len(roots) > 1:
            st.ambiguous.append({"name": st.recs[members[0]].name, "entity_type": "project",
                                 "reason": "starts several projects", "candidates": sorted(cands)[:10]})


def _one_place(st: Resolving, idxs: list[int]) -> bool:
    """Whether the project names ``idxs`` name one region at most (温州云岭中心 and 青田云岭中心项目: two)."""
    return len({project_core(st.recs[i].name)[1] for i in idxs} - {""}) <= 1


def _link_parents(st: Resolving) -> None:
    """The parent company of a project: the one company whose 字号, short name or core its name
    contains (青田云岭新材料年产5万吨项目 → 浙江云岭新材料有限公司), or whose organization its
    rows are attributed to; several: listed. Runs after the merges (it reads the groups)."""
    groups, recs = st.groups(), st.recs
    keys: dict[str, set] = defaultdict(set)   # company key text → company group roots
    org_entity: dict[str, int] = {}
    for root, g in groups.items():
        if g.canon.entity_type != "company":
            continue
        for i in g.idxs:
            core, full = company_core(recs[i].name)
            for k in {core, trade_name(core)} | {company_core(a)[0] for a in recs[i].aliases}:
                if len(k) >= 2:
                    keys[k].add(root)
            for o in recs[i].org_ids:
                org_entity[o] = root
    lengths = sorted({len(k) for k in keys})
    upto: dict[int, list[int]] = {}  # characters left → the key lengths that fit in them
    for root, g in groups.items():
        if g.canon.entity_type != "project":
            continue
        found: set = set()
        for i in g.idxs:
            n = normalize_name(recs[i].name)
            for r in range(2, len(n) + 1):
                if r not in upto:
                    upto[r] = [L for L in lengths if L <= r]
            # every substring of a key's length looked up: constant work per name, whatever the corpus
            matches = [n[p:p + L] for p in range(len(n) - 1) for L in upto[len(n) - p] if n[p:p + L] in keys]
            if matches:
                longest = max(len(k) for k in matches)
                for k in matches:
                    if len(k) == longest:
                        found |= keys[k]
            for o in recs[i].parent_org_ids:
                if o in org_entity:
                    found.add(org_entity[o])
        if len(found) == 1:
            st.parent_of[root] = found.pop()
        elif len(found) > 1:
            st.ambiguous.append({"name": g.name, "entity_type": "project", "reason": "names several companies",
                                 "candidates": sorted(groups[f].name for f in found)})


#: The steps of :func:`resolve_entities`, in order (stage ``"entities"``).
ENTITY_STEPS = (_relative_by_org, _org_aliases, _company_cores, _trade_name_clashes, _company_short_names,
                _zones, _regions, _project_cores, _project_short_names, _link_parents)
#: The ways a short company name finds its full name, tried in order (stage ``"entities"``).
SHORT_NAME_STEPS = (_short_is_alias, _short_is_trade_name, _short_starts_core, _short_spelt_in_core)


def entity_table(st: Resolving, flows: Mapping[str, list] | None = None, columns: bool = False) -> Resolution:
    """The entities table, one row per group and per flow name (``entity_rows.py``), and every
    record key's entity (not a step). ``columns``: the table as columns (``Resolution.columns``,
    ``entities`` left empty), not dicts."""
    rows = entity_rows.new_table()
    key_map: dict[str, str] = {}
    entity_rows.group_rows(st, rows, key_map)
    if flows:
        entity_rows.flow_rows(flows, st.pub_dates, rows, key_map)
    entity_rows.sorted_rows(rows)
    ambiguous = sorted(st.ambiguous, key=lambda a: (a["name"], a["reason"]))
    res = Resolution(entities=[] if columns else entity_rows.as_dicts(rows), key_map=key_map, ambiguous=ambiguous,
                     merges=evidence(st))
    if columns:
        res.columns = entity_rows.as_columns(rows)
    return res

"""The entities table: one job — make its rows, one per entity, from the groups resolution found
(:func:`group_rows`) and from the article-scoped flow names resolution never compares
(:func:`flow_rows`), as columns (lists in the table's column order), sorted by ``entity_id``
(:func:`sorted_rows`), with every record key's entity.

Article-scoped batch and region names (23个大项目, 全市 in one article: nine in ten names of a large
corpus) are never joined to another name by a rule: only records of one type, normalized name and
article are one entity. With no researcher's merge or apart correction to apply, they are kept out
of the general resolution (:class:`resolution.Resolving`: sorting, union-find, groups) and their rows
made here directly (issue #20: memory and time of the corpus-wide stage), the same rows as the
general path gives them. The table is columns (≈ 72 bytes a row, where a dict took ≈ 500).
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from itertools import repeat

from .names import entity_key, normalize_name

#: The entities table's columns, in schema order: the order of a row's values.
COLUMNS = ("entity_id", "name", "entity_type", "aliases", "org_id", "parent_id", "n_articles", "first_seen",
           "last_seen")
#: Types of the article-scoped names :func:`flow_rows` makes rows for (no rule joins them to another name).
FLOW_SCOPED = ("batch", "region")


def new_table() -> list[list]:
    """An empty table: one list per column of :data:`COLUMNS`."""
    return [[] for _ in COLUMNS]


def _append(table: list[list], row: tuple) -> None:
    for column, value in zip(table, row):
        column.append(value)


def group_rows(st, rows: list[list], key_map: dict) -> None:
    """The rows of the groups of ``st`` (a :class:`resolution.Resolving` after its steps), appended to
    the table ``rows`` (:func:`new_table`); each member record's key mapped to its entity in ``key_map``."""
    org_by_name = {n: o for o, n in sorted(st.org_names.items())}
    groups = st.groups()
    pub_date = st.pub_dates.get
    for root, g in groups.items():
        members = [st.recs[i] for i in g.idxs]
        name, etype = g.name, g.canon.entity_type
        if len(members) == 1:  # most entities (a name of one article): its own collections, not copies
            m = members[0]
            articles = m.articles if len(m.articles) < 2 or isinstance(m.articles, (set, frozenset)) \
                else set(m.articles)
            orgs: Mapping[str, int] = m.org_ids
            aliases = sorted(({m.name} | set(m.aliases)) - {name})
        else:
            articles = set().union(*(m.articles for m in members))
            counts: Counter[str] = Counter()
            for m in members:
                counts.update(m.org_ids)
            orgs = counts
            aliases = sorted(({m.name for m in members} | set().union(*(m.aliases for m in members))) - {name})
        dates = [d for d in map(pub_date, articles, repeat("")) if d]
        org_id = org_by_name.get(name) or (min(orgs.items(), key=lambda kv: (-kv[1], kv[0]))[0] if orgs else "")
        parent = st.parent_of.get(root)
        _append(rows, (g.entity_id, name, etype, ";".join(aliases),
                     org_id if etype in ("company", "government", "zone", "other") else "",
                     groups[parent].entity_id if parent is not None else "",
                     len(articles), min(dates) if dates else "", max(dates) if dates else ""))
        for m in members:
            key_map[m.key] = g.entity_id


def flow_rows(flows: Mapping[str, list], pub_dates: Mapping[str, str], rows: list[list], key_map: dict) -> None:
    """The rows of article-scoped flow names, appended to the table ``rows``: ``flows`` maps a record key to
    ``[entity_type, name, scope, articles (one id, or a set), n_rows]`` (types of :data:`FLOW_SCOPED`).
    Those of one type, normalized name and scope are one entity, as in the general path: its name
    the normalized one, the other spellings its aliases, no organization and no parent (only
    companies, bodies, zones and others have one; only projects a parent)."""
    groups: dict[tuple, str | list[str]] = {}   # (type, normalized name, scope) → a key, or a list of keys
    for key, (t, name, scope, _, _) in flows.items():
        g = (t, normalize_name(name), scope)
        first = groups.get(g)
        if first is None:
            groups[g] = key
        elif isinstance(first, list):
            first.append(key)
        else:
            groups[g] = [first, key]
    pub_date = pub_dates.get
    for (t, name, scope), keys in groups.items():
        if isinstance(keys, str) and type(flows[keys][3]) is str:  # the usual flow name: one record, one article
            _, spelt_as, _, aid, _ = flows[keys]
            d = pub_date(aid, "")
            eid = entity_key(t, name, scope)
            _append(rows, (eid, name, t, "" if spelt_as == name else spelt_as, "", "", 1, d, d))
            key_map[keys] = eid
            continue
        members = [keys] if isinstance(keys, str) else keys
        spelt, articles = set(), set()
        for key in members:
            f = flows[key]
            spelt.add(f[1])
            if type(f[3]) is str:
                articles.add(f[3])
            else:
                articles |= f[3]
        dates = [d for d in map(pub_date, articles, repeat("")) if d]
        eid = entity_key(t, name, scope)
        _append(rows, (eid, name, t, ";".join(sorted(spelt - {name})), "", "", len(articles),
                     min(dates) if dates else "", max(dates) if dates else ""))
        for key in members:
            key_map[key] = eid


def sorted_rows(rows: list[list]) -> list[list]:
    """The table ``rows`` sorted by entity id (in place), checked to hold each id once: records of one
    type, name and scope are always one group, so two groups cannot share a canonical name — checked,
    since the table's key depends on it."""
    ids = rows[0]
    order = sorted(range(len(ids)), key=ids.__getitem__)
    dup = {ids[order[k]] for k in range(1, len(order)) if ids[order[k]] == ids[order[k - 1]]}
    if dup:
        raise RuntimeError(f"entity ids collide: {[n for i, n in zip(ids, rows[1]) if i in dup][:5]}")
    for k, column in enumerate(rows):
        rows[k] = [column[i] for i in order]
    return rows


def as_dicts(rows: list[list]) -> list[dict]:
    """The table as rows, dicts of its columns."""
    return [dict(zip(COLUMNS, r)) for r in zip(*rows)]


def as_columns(rows: list[list]) -> dict[str, list]:
    """The table as its columns by name."""
    return dict(zip(COLUMNS, rows))

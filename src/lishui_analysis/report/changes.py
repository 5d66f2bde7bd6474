"""What changed since the previous report run: a snapshot of what a run reports (articles, projects,
milestones, the figures of the notebooks' summaries keyed by report, metric and entity), the difference
from the snapshot the previous run left in the report folder (``changes.json``) and its section of the
index page. Keyed by entity and metric, never by list position, so adding one text to a corpus lists
only what that text brings."""
from __future__ import annotations

import datetime as dt
import html
import json
import re
from pathlib import Path
from typing import cast

from ..files import atomic_write_bytes

SNAPSHOT = ".snapshot.json"
#: Version of the snapshot's layout: figures are compared only with a snapshot of the same layout.
SNAPSHOT_FORMAT = 2
_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*\Z")


#: Fields that name the entity of a summary list's item, in order of preference (else its first text field).
ENTITY_FIELDS = ("entity", "subject", "name", "project", "label")


def _text_fields(item: dict) -> list[str]:
    """The fields naming a list item: its texts and flags, the entity's field first."""
    keys = [k for k, v in item.items() if isinstance(v, (str, bool))]
    first = next((k for k in ENTITY_FIELDS if k in keys), None)
    return [first] + [k for k in keys if k != first] if first else keys


def _value_of(item: dict, keys: list[str]):
    """What an item of a summary list states besides its name: its one number, a mapping of its
    numbers, or True (the item is listed)."""
    rest = {k: v for k, v in item.items() if k not in keys}
    if not rest:
        return True
    return next(iter(rest.values())) if len(rest) == 1 else rest


def summary_figures(report: str, summary: dict) -> dict:
    """The figures of one report's summary, each keyed by report, metric and entity — never by its
    position in a list — so that a run with one more text lists only what that text changes.

    A top-level number or text is a corpus total (entity ``""``); a top-level mapping is keyed by entity
    (a key ``"甲公司|revenue|2022-2023"`` names entity 甲公司 and metric ``growth_pct revenue 2022-2023``),
    its nested mappings giving one figure per field — unless every key is an identifier
    (``rows: {sentences: …}``, ``orgs_by_industry: {semiconductor: …}``), a breakdown of totals; a list
    of texts lists entities; a list of mappings names each item by its text fields (the first one the
    entity: ``durations: [{subject, from, to, planned, days_…}]``)."""
    out: dict = {}

    def add(metric: str, entity: str, value, key: str | None = None) -> None:
        k = key or f"{report}/{metric}/{entity}"
        while k in out:  # the same name twice in one list: numbered, in list order
            k += "+"
        out[k] = {"report": report, "metric": metric, "entity": entity, "value": value}

    for top, value in summary.items():
        if isinstance(value, dict):
            totals = all(isinstance(k, str) and _IDENTIFIER.match(k) for k in value)
            for k, v in value.items():
                entity, *detail = str(k).split("|") if not totals else ["", str(k)]
                metric = " ".join([top, *detail])
                if isinstance(v, dict) and not totals:
                    for field, fv in v.items():
                        add(f"{metric} {field}", entity, fv, f"{report}/{top}/{k}/{field}")
                else:
                    add(metric, entity, v, f"{report}/{top}/{k}")
        elif isinstance(value, list) and all(isinstance(v, dict) for v in value) and value:
            for item in value:
                keys = _text_fields(item)
                names = [str(item[k]) for k in keys]
                entity = names[0] if names else ""
                # the metric says the other texts, and a flag by its name when it is set ("planned")
                said = [k if item[k] is True else str(item[k]) for k in keys[1:] if item[k] is not False]
                metric = " ".join([top, *said])
                add(metric, entity, _value_of(item, keys), f"{report}/{top}/{'|'.join(names)}")
        elif isinstance(value, list):
            for v in value:
                if v not in ("", None):  # an empty name (an article without headline) names nothing
                    add(top, str(v), True, f"{report}/{top}/{v}")
        else:
            add(top, "", value, f"{report}/{top}")
    return out


def snapshot(tables: dict, summaries: dict) -> dict:
    """What a run reports, kept to compare the next run with: the articles, the projects and companies,
    their milestones (achieved and planned apart, the dates stated) and every figure of the summaries,
    keyed by report, metric and entity (:func:`summary_figures`)."""
    from ..analysis import selections
    from ..analysis.indicators import MILESTONE_ORDER

    pm = selections.project_mentions(tables)
    ev = selections.project_rows(tables["events"])
    ev = selections.with_names(ev[ev["event_type"].isin(MILESTONE_ORDER)], tables)
    milestones: dict = {}
    for r in ev.itertuples():
        m = milestones.setdefault(f"{r.key}|{r.event_type}|{'planned' if r.planned else 'achieved'}",
                                  {"name": r.name, "event_type": r.event_type, "planned": bool(r.planned), "dates": []})
        if r.date and r.date not in m["dates"]:
            m["dates"] = sorted(m["dates"] + [r.date])
    figures: dict = {}
    for name, summary in sorted(summaries.items()):
        if isinstance(summary, dict):
            figures.update(summary_figures(name, summary))
    return {"format": SNAPSHOT_FORMAT,
            "articles": dict(sorted(zip(tables["articles"]["article_id"], tables["articles"]["headline"]))),
            "projects": dict(sorted(zip(pm["key"], pm["name"]))),
            "milestones": dict(sorted(milestones.items())),
            "figures": dict(sorted(figures.items()))}


def _figure_changes(old: dict, new: dict) -> list[dict]:
    """Figures new, removed or with a changed value, in entity, report and metric order."""
    rows = []
    for k in sorted(set(old) | set(new)):
        a, b = old.get(k), new.get(k)
        if a is not None and b is not None and a["value"] == b["value"]:
            continue
        ref = cast(dict, b or a)  # one of the two is there
        rows.append({"entity": ref["entity"], "report": ref["report"], "metric": ref["metric"],
                     "change": "new" if a is None else "removed" if b is None else "changed",
                     "before": None if a is None else a["value"], "after": None if b is None else b["value"]})
    return sorted(rows, key=lambda r: (r["entity"], r["report"], r["metric"], r["change"]))


def diff_snapshots(old: dict | None, new: dict) -> dict:
    """What is new, removed or changed in ``new`` against ``old`` (everything is new when there is no
    ``old``): articles, projects and milestones, and the figures of the summaries keyed by entity and
    metric (``figures``) apart from the corpus totals (``totals``: articles, rows, pairs …)."""
    first = old is None
    old = old or {"articles": {}, "projects": {}, "milestones": {}, "figures": {}, "format": SNAPSHOT_FORMAT}
    oa, op, om = (old.get(k, {}) for k in ("articles", "projects", "milestones"))
    na, np_, nm = new["articles"], new["projects"], new["milestones"]
    comparable = old.get("format") == new.get("format", SNAPSHOT_FORMAT)
    figures = _figure_changes(old.get("figures", {}), new["figures"]) if comparable and not first else []
    changes = {
        "first_run": first,
        "figures_compared": comparable,
        "new_articles": [{"article_id": k, "headline": v} for k, v in na.items() if k not in oa],
        "removed_articles": [{"article_id": k, "headline": v} for k, v in oa.items() if k not in na],
        "new_projects": sorted(({"key": k, "name": v} for k, v in np_.items() if k not in op),
                               key=lambda r: (r["name"], r["key"])),
        "removed_projects": sorted(({"key": k, "name": v} for k, v in op.items() if k not in np_),
                                   key=lambda r: (r["name"], r["key"])),
        "new_milestones": sorted(({**v, "key": k} for k, v in nm.items() if k not in om),
                                 key=lambda r: (r["name"], r["planned"], r["dates"], r["key"])),
        "removed_milestones": sorted(({**v, "key": k} for k, v in om.items() if k not in nm),
                                     key=lambda r: (r["name"], r["planned"], r["dates"], r["key"])),
        "changed_milestones": [{"key": k, "name": v["name"], "event_type": v["event_type"], "planned": v["planned"],
                                "dates_before": om[k]["dates"], "dates_after": v["dates"]}
                               for k, v in nm.items() if k in om and om[k]["dates"] != v["dates"]],
        "figures": [f for f in figures if f["entity"]],
        "totals": [{k: v for k, v in f.items() if k != "entity"} for f in figures if not f["entity"]],
    }
    changes["counts"] = {k: len(v) for k, v in changes.items() if isinstance(v, list)}
    for kind in ("new", "removed", "changed"):
        changes["counts"][f"figures_{kind}"] = sum(f["change"] == kind for f in changes["figures"])
    changes["counts"]["entities_with_changed_figures"] = len({f["entity"] for f in changes["figures"]})
    return changes


def write_changes(out_dir: Path, processed_dir: Path, params: dict, previous_dir: Path | None = None) -> dict:
    """Compare this run with the snapshot the previous run left in ``out_dir`` (or in ``previous_dir``:
    the last good run folder, for ``report --run-dir``); write ``changes.json`` and the new snapshot
    (both atomically) in ``out_dir`` and return the changes."""
    from ..analysis import selections
    from ..analysis.params import validate
    from ..tables.corpus import load_tables

    tables = selections.select(load_tables(processed_dir), validate(**params))
    summaries = {}
    for path in sorted(Path(out_dir).glob("[0-9][0-9]_*.json")):
        try:
            summaries[path.stem] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    new = snapshot(tables, summaries)
    new["generated_at"] = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")
    snap_path = Path(out_dir) / SNAPSHOT
    try:
        old = json.loads(Path(previous_dir or out_dir).joinpath(SNAPSHOT).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        old = None
    if not isinstance(old, dict):
        old = None
    changes = {"generated_at": new["generated_at"], "previous_run": (old or {}).get("generated_at"),
               **({"previous_run_dir": Path(previous_dir).name} if previous_dir is not None else {}),
               **diff_snapshots(old, new)}
    dump = lambda d: (json.dumps(d, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n").encode("utf-8")
    atomic_write_bytes(Path(out_dir) / "changes.json", dump(changes))
    atomic_write_bytes(snap_path, dump(new))
    return changes


def _shown(v) -> str:
    """A value of changes.json as a table cell says it."""
    if v is None:
        return "—"
    if isinstance(v, dict):
        return ", ".join(f"{k} {_shown(x)}" for k, x in v.items())
    if isinstance(v, list):
        return ", ".join(map(_shown, v))
    if isinstance(v, float):
        return f"{v:,.4f}".rstrip("0").rstrip(".")
    return str(v)


def _html_table(rows: list[dict], columns: list[str]) -> str:
    """An escaped HTML table the page's table script makes sortable and searchable. In the figures'
    ``before``/``after`` columns, True (an item that is only listed, such as a headline) reads "listed"."""
    e = html.escape

    def cell(r: dict, c: str) -> str:
        if c not in r:
            return ""
        v = r[c]
        return "listed" if c in ("before", "after") and v is True else _shown(v)

    head = "".join(f"<th>{e(c)}</th>" for c in columns)
    body = "".join("<tr>" + "".join(f"<td>{e(cell(r, c))}</td>" for c in columns) + "</tr>" for r in rows)
    return f'<table class="dataframe"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def changes_section(changes: dict | None) -> str:
    if not changes:
        return ""
    e = html.escape
    c = changes["counts"]
    title = "<h2>What changed since the previous run</h2>"
    if changes["first_run"]:
        intro = "<p>First run in this folder: no earlier snapshot to compare with, so everything below is new.</p>"
    else:
        intro = (f"<p>Compared with the run of {e(str(changes['previous_run']))}: {c['new_articles']} new articles, "
                 f"{c['removed_articles']} removed, {c['new_projects']} new projects or companies "
                 f"({c['removed_projects']} no longer named), {c['new_milestones']} new milestones, "
                 f"{c['changed_milestones']} milestones with changed dates; figures of "
                 f"{c['entities_with_changed_figures']} projects, companies, batches or organizations: "
                 f"{c['figures_new']} new, {c['figures_changed']} changed, {c['figures_removed']} removed; "
                 f"{c['totals']} corpus totals changed.</p>")
        if not changes.get("figures_compared", True):
            intro += ("<p>The previous run's snapshot has an older layout, so its figures are not compared; "
                      "the next run will compare them.</p>")
    parts = [title + intro, ("<p>Machine-readable: <a href=\"changes.json\">changes.json</a>. Figures are keyed by "
                             "entity and metric: a text added to the corpus changes only the figures it brings.</p>")]
    sections = (("New articles", "new_articles", ["article_id", "headline"]),
                ("Removed articles", "removed_articles", ["article_id", "headline"]),
                ("New projects and companies", "new_projects", ["name", "key"]),
                ("Projects and companies no longer named", "removed_projects", ["name", "key"]),
                ("New milestones", "new_milestones", ["name", "event_type", "planned", "dates"]),
                ("Milestones no longer stated", "removed_milestones", ["name", "event_type", "planned", "dates"]),
                ("Milestones whose dates changed", "changed_milestones", ["name", "event_type", "planned",
                                                                          "dates_before", "dates_after"]),
                ("Figures by entity: new, changed, removed", "figures",
                 ["entity", "metric", "change", "before", "after", "report"]),
                ("Corpus totals", "totals", ["metric", "before", "after", "report"]))
    if (not changes["first_run"] and changes.get("figures_compared", True)
            and not any(v for k, v in c.items() if k != "entities_with_changed_figures")):
        return f"{title}<p>Nothing changed since the run of {e(str(changes['previous_run']))}.</p>"
    # an empty list says "none" where a reader looks for it: after a first run only articles and projects
    said = ("new_articles", "new_projects") if changes["first_run"] else tuple(
        k for _, k, _ in sections if k not in ("removed_projects", "removed_milestones"))
    for heading, key, cols in sections:
        if changes.get(key):
            parts.append(f"<h3>{e(heading)} ({len(changes[key])})</h3>" + _html_table(changes[key], cols))
        elif key in said:
            parts.append(f"<h3>{e(heading)}</h3><p>none</p>")
    return "\n".join(parts)

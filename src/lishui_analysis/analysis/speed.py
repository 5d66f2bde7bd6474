"""Construction speed from what the text says (notebook 02; issue 18, item 4). Pure functions of tables.

* **Stated first, derived second.** A duration a text states for a milestone (``events.stated_duration``,
  contract v3: 历时7个月封顶 → 210 days) is a row of its own, ``basis`` ``stated``; its start is the step the
  text names (从拿地到开工 → land_acquired; 从打桩到封顶 → ``from_said`` 打桩, no milestone type) or the
  milestone told before it in the same sentence (于6月动工，…仅用六个半月…封顶), else none (the previous
  step, unnamed). The interval between two consecutive dated milestones of one company or project is
  ``derived`` (low–high days when a date is a month or a year). When the text states the step the dates
  also give (same entity, same end, the same start or an unnamed one), the stated row is the one
  charted; the derived row stays in the table flagged ``stated in text``, each row's ``note`` giving the
  other's figure.
* **No 0-day steps.** Two milestones whose dates may be one day give no step (``same date`` /
  ``dates overlap``, :func:`.indicators.overlap_flag`); the flag says ``ceremony date`` when one of them
  is dated by the ceremony that announced it — its date is its article's publication date, its sentence
  is a ceremony's (``ceremony_words`` in data/speed.yaml), or its date is that of a ceremony sentence of
  its article — and ``one statement`` when one sentence gives both one date (竣工投产). Flagged rows stay in the
  table and are never charted.
* **The 90-day target only where it is defined**: a row from ``applies_from`` to ``applies_to``
  (thresholds.yaml ``approval_days_max``: land acquisition → completion) gets ``target_days`` and
  ``within_target`` (``yes`` / ``no``: the step's longest reading against the target); those steps are
  also derived when not consecutive. Every other row has no target.
* **Planned vs achieved** (:func:`slippage`): a milestone planned in one article and achieved in a later one.
* **Gantt axis** (:func:`axis_window`): clipped to Tukey's fences around the milestones shown.
"""
from __future__ import annotations

import math
import re
import datetime as _dt
from typing import cast

import pandas as pd

from . import indicators as ind
from .labels import short_label
from .selections import Provenance
from ..vocab import event_vocab, load_yaml, thresholds

DURATION_COLUMNS = ["subject", "basis", "from_event", "from_said", "to_event", "from_date", "to_date", "days_low",
                    "days_high", "days_mid", "planned", "target_days", "within_target", "flag", "note", "sentence",
                    "source", "entity_id", "event_ids"]
SLIP_COLUMNS = ["subject", "event_type", "planned_date", "planned_in", "achieved_date", "achieved_in", "slip_days_low",
                "slip_days_high", "status", "planned_sentence", "planned_source", "achieved_sentence",
                "achieved_source", "entity_id", "event_ids"]
#: Flags of a step between two milestones that may be one day.
SAME_DAY_FLAGS = ("same date", "dates overlap")



def _interval(value: str) -> tuple[_dt.date, _dt.date]:
    """``indicators.date_interval`` of a date the rows were kept for reading as one."""
    return cast(tuple[_dt.date, _dt.date], ind.date_interval(value))

def rules() -> dict:
    """data/speed.yaml: ceremony words, the Gantt fences."""
    return load_yaml("speed.yaml")


def target_steps() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The milestone types the 90-day target runs from and to (thresholds.yaml ``approval_days_max``)."""
    t = thresholds()["approval_days_max"]
    return tuple(t.get("applies_from", ())), tuple(t.get("applies_to", ()))


def target_applies(from_event: str, to_event: str) -> bool:
    """Whether the 90-day target is defined for the step ``from_event`` → ``to_event``.

    >>> target_applies("land_acquired", "completed"), target_applies("construction_started", "topped_out")
    (True, False)
    """
    starts, ends = target_steps()
    return from_event in starts and to_event in ends


# --- which milestone a stated duration starts from --------------------------------------------------

def _milestone_words() -> list[tuple[str, str]]:
    """(word, type) of every milestone verb, longest first."""
    v = event_vocab()
    pairs = [(w, t) for t in ind.MILESTONE_ORDER for w in v.get(t, {}).get("words", ())]
    return sorted(pairs, key=lambda p: (-len(p[0]), p[0]))


_SPAN = re.compile(r"从([^，,；;。从到至]{1,12}?)[到至]")


def stated_start(sentence: str, pos: int) -> tuple[str, str]:
    """``(from_event, from_said)``: the start a sentence names for the milestone at ``pos`` — the words of
    the last 从X到 before it (X as written, and its milestone type when X holds a milestone verb).

    >>> stated_start("从成功拿地到取得施工许可证，仅用了2周。", 9)
    ('land_acquired', '成功拿地')
    >>> stated_start("厂区从打桩到车间封顶只花了95天。", 9)
    ('', '打桩')
    >>> stated_start("该学校历时14个月建设完成。", 10)
    ('', '')
    """
    said = ""
    for m in _SPAN.finditer(sentence, 0, max(pos, 0)):
        said = m.group(1)
    if not said:
        return "", ""
    for word, etype in _milestone_words():
        if word in said:
            return etype, said
    return "", said


def _position(row, sent_start: dict) -> int:
    """Where the milestone's verb stands in its sentence."""
    start = sent_start.get((row["article_id"], row.get("sentence_id")))
    if start is not None and pd.notna(row.get("start")):
        return int(row["start"]) - int(start)
    found = str(row["sentence"] or "").find(str(row.get("surface") or ""))
    return found if found >= 0 else len(str(row["sentence"] or ""))


def stated_durations(events: pd.DataFrame, tables: dict) -> pd.DataFrame:
    """One row per step a text states the duration of, for companies and projects (``basis`` stated);
    the same step stated again (same entity, start, end and days) is one row with every sentence."""
    cols = [c for c in DURATION_COLUMNS if c not in ("sentence", "source")]
    if "stated_duration" not in events:
        return pd.DataFrame(columns=cols)
    e = ind.project_events(events[events["stated_duration"].notna()], tables.get("entities"), dated=False)
    e = e[e["stated_duration"].astype(float) > 0] if len(e) else e
    if e.empty:
        return pd.DataFrame(columns=cols)
    s = tables.get("sentences")
    sent_start = dict(zip(zip(s["article_id"], s["sentence_id"]), s["start"])) if s is not None and len(s) else {}
    allev = ind.project_events(events, tables.get("entities"), dated=False)
    rows: dict = {}
    for r in e.sort_values("event_id").to_dict("records"):
        pos = _position(r, sent_start)
        from_event, said = stated_start(str(r["sentence"] or ""), pos)
        from_date, from_id = "", ""
        if not said:  # no 从X到: the milestone told before it in the sentence, if any (于6月动工，…仅用六个半月封顶)
            same = allev[(allev["article_id"] == r["article_id"]) & (allev["key"] == r["key"])
                         & (allev["sentence_id"] == r["sentence_id"]) & (allev["start"] < r["start"])]
            if len(same):
                prev = same.sort_values("start").iloc[-1]
                from_event, from_date, from_id = prev["event_type"], prev["date"], prev["event_id"]
        days = float(r["stated_duration"])
        k = (r["key"], from_event, said, r["event_type"], days, bool(r["planned"]))
        if k in rows:
            rows[k]["event_ids"] += ";" + r["event_id"]
            continue
        rows[k] = {"subject": r["name"], "basis": "stated", "from_event": from_event, "from_said": said,
                   "to_event": r["event_type"], "from_date": from_date, "to_date": r["date"], "days_low": days,
                   "days_high": days, "days_mid": days, "planned": bool(r["planned"]), "target_days": math.nan,
                   "within_target": "", "flag": "", "note": "", "entity_id": r["key"],
                   "event_ids": ";".join(i for i in (r["event_id"], from_id) if i)}
    return pd.DataFrame(list(rows.values()), columns=cols)


# --- derived intervals and the 0-day rule ---------------------------------------------------------

def ceremony_dated(events: pd.DataFrame, articles: pd.DataFrame) -> set:
    """Ids of milestones dated by the ceremony that announced them: dated with their article's publication
    date, told in a ceremony's sentence (data/speed.yaml ``ceremony_words``), or dated like a ceremony
    sentence of their article."""
    words = rules()["ceremony_words"]["value"]
    pub = dict(zip(articles["article_id"], articles["pub_date"])) if len(articles) else {}
    sentence = events["sentence"].fillna("").astype(str) if "sentence" in events else pd.Series("", index=events.index)
    said = sentence.map(lambda t: any(w in t for w in words))
    dated = events["date"] != ""
    ceremony_days = set(zip(events.loc[said & dated, "article_id"], events.loc[said & dated, "date"]))
    out = set()
    for eid, aid, date, cer in zip(events["event_id"], events["article_id"], events["date"], said):
        if date and (cer or date == pub.get(aid) or (aid, date) in ceremony_days):
            out.add(eid)
    return out


def _same_day_reason(ids: str, where: dict, ceremony: set, flag: str) -> str:
    a, b = (ids.split(";") + [""])[:2]
    if flag == "same date" and where.get(a) is not None and where.get(a) == where.get(b):
        return "one statement"
    if a in ceremony or b in ceremony:
        return "ceremony date"
    return flag


def _target_spans(events: pd.DataFrame, entities, steps: pd.DataFrame) -> list[dict]:
    """Steps the 90-day target is defined for that are not consecutive: from the first achieved milestone
    of a start type to the first achieved one of an end type after it, per company or project."""
    starts, ends = target_steps()
    tl = ind.milestone_timeline(events, entities)
    if tl.empty:
        return []
    tl = tl[~tl["planned"].astype(bool) & (tl["flag"] == "")]
    have = set(zip(steps["entity_id"], steps["from_event"], steps["to_event"]))
    out = []
    for key, g in tl.groupby("entity_id", sort=True):
        recs = g.to_dict("records")
        for i, a in enumerate(recs):
            if a["event_type"] not in starts:
                continue
            j = next((j for j in range(i + 1, len(recs)) if recs[j]["event_type"] in ends), None)
            if j is None or (key, a["event_type"], recs[j]["event_type"]) in have:
                continue
            b = recs[j]
            low, high, mid = ind.duration_days(a["date"], b["date"])
            out.append({"entity_id": key, "subject": a["subject"], "from_event": a["event_type"],
                        "to_event": b["event_type"], "from_date": a["date"], "to_date": b["date"], "days_low": low,
                        "days_high": high, "days_mid": mid, "planned": False,
                        "event_ids": f"{a['event_id']};{b['event_id']}",
                        "flag": ind.overlap_flag(a["date"], b["date"], low),
                        "note": f"span over {j - i - 1} milestones between"})
            have.add((key, a["event_type"], b["event_type"]))
    return out


def derived_durations(events: pd.DataFrame, tables: dict) -> pd.DataFrame:
    """Steps between consecutive dated achieved milestones of each company or project (``basis``
    derived), and the non-consecutive steps the 90-day target is defined for; a step between two
    milestones that may be one day is flagged with its reason (no 0-day step)."""
    cols = [c for c in DURATION_COLUMNS if c not in ("sentence", "source")]
    steps = ind.milestone_steps(events, tables.get("entities"))
    steps = steps.assign(note="")
    spans = _target_spans(events, tables.get("entities"), steps)
    d = pd.concat([steps, pd.DataFrame(spans, columns=list(steps.columns))], ignore_index=True) if spans else steps
    if d.empty:
        return pd.DataFrame(columns=cols)
    ceremony = ceremony_dated(events, tables["articles"])
    where = dict(zip(events["event_id"], zip(events["article_id"], events["sentence_id"]))) \
        if "sentence_id" in events else {}
    d["flag"] = [_same_day_reason(i, where, ceremony, f) if f in SAME_DAY_FLAGS else f
                 for i, f in zip(d["event_ids"], d["flag"])]
    d = d.assign(basis="derived", from_said="", target_days=math.nan, within_target="")
    return d[cols]


# --- the table: stated first, derived second ---------------------------------------------------

def _supersede(stated: pd.DataFrame, derived: pd.DataFrame) -> None:
    """Flag a derived step the text states (same entity and end, the stated start the same or unnamed),
    and give each of the two rows the other's figure in ``note`` (in place)."""
    said: dict = {}
    for i, r in stated[~stated["planned"].astype(bool)].iterrows():
        said.setdefault((r["entity_id"], r["to_event"]), []).append(i)
    for j, r in derived.iterrows():
        if r["flag"] in SAME_DAY_FLAGS + ("ceremony date", "one statement"):
            continue
        for i in said.get((r["entity_id"], r["to_event"]), ()):
            s = stated.loc[i]
            if s["from_event"] not in ("", r["from_event"]):
                continue
            if r["flag"] == "":
                derived.at[j, "flag"] = "stated in text"
            derived.at[j, "note"] = "; ".join(x for x in (r["note"], f"the text states {s['days_mid']:g} days") if x)
            stated.at[i, "note"] = "; ".join(x for x in (
                s["note"], f"dates give {r['days_low']:g}–{r['days_high']:g} days "
                           f"({r['from_event'].replace('_', ' ')} {r['from_date']} → {r['to_date']})") if x)
            break


def durations(events: pd.DataFrame, tables: dict, target_days: float) -> pd.DataFrame:
    """Durations per company or project: what the texts state first, then what dated milestones give,
    each row labelled (``basis``), with its sentences and sources, its ``flag`` (why it is not charted:
    planned, ``stated in text``, ``ceremony date``, ``one statement``, ``same date``, ``dates overlap``,
    ``out of order``, ``founding year``) and the 90-day target only on the steps it is defined for."""
    stated = stated_durations(events, tables).reset_index(drop=True)
    derived = derived_durations(events, tables).reset_index(drop=True)
    _supersede(stated, derived)
    d = pd.concat([x for x in (stated, derived) if len(x)], ignore_index=True) if len(stated) or len(derived) else stated
    if d.empty:
        return pd.DataFrame(columns=DURATION_COLUMNS)
    applies = [target_applies(a, b) for a, b in zip(d["from_event"], d["to_event"])]
    d["target_days"] = [float(target_days) if ok else math.nan for ok in applies]
    d["within_target"] = [("yes" if h <= target_days else "no") if ok and math.isfinite(h) else ""
                          for ok, h in zip(applies, d["days_high"])]
    d["planned"] = d["planned"].astype(bool)
    d["_order"] = range(len(d))
    d["_basis"] = (d["basis"] != "stated").astype(int)
    d = d.sort_values(["subject", "entity_id", "_basis", "_order"]).drop(columns=["_order", "_basis"])
    return Provenance(tables).add(d.reset_index(drop=True), "event_ids")[DURATION_COLUMNS]


def charted(d: pd.DataFrame) -> pd.DataFrame:
    """The rows a chart shows: achieved, not flagged — one bar per step, the stated one where the text
    states it."""
    if d.empty:
        return d
    return d[~d["planned"].astype(bool) & (d["flag"].fillna("") == "")].reset_index(drop=True)


def step_label(subject: str, from_event: str, from_said: str, to_event: str, width: int = 16) -> str:
    """Two lines: the project, then `from → to` (the start as the text says it when it is no milestone
    type, `start not named` when it names none).

    >>> step_label("甲项目", "", "打桩", "topped_out")
    '甲项目\\n打桩 → topped out'
    """
    start = from_event.replace("_", " ") if from_event else (from_said or "start not named")
    return f"{short_label(subject, width, 1)}\n{start} → {to_event.replace('_', ' ')}"


def with_step_labels(d: pd.DataFrame) -> pd.DataFrame:
    out = d.copy()
    out["step"] = [step_label(*x) for x in zip(out["subject"], out["from_event"], out["from_said"], out["to_event"])] \
        if len(out) else []
    return out


def _days(r) -> str:
    return f"{r['days_mid']:g} days" if r["days_low"] == r["days_high"] else f"{r['days_low']:g}–{r['days_high']:g} days"


def durations_takeaway(d: pd.DataFrame, target_days: float) -> str:
    if d.empty:
        return "No company or project has a stated duration or two dated achieved milestones, so no step."
    shown = charted(d)
    flagged = d[d["flag"].fillna("") != ""]
    why = flagged["flag"].value_counts()
    parts = [f"{int((shown['basis'] == 'stated').sum())} steps as the texts state them and "
             f"{int((shown['basis'] == 'derived').sum())} derived from dates are charted"]
    if len(flagged):
        parts.append(f"{len(flagged)} more are in the table, not charted (" +
                     ", ".join(f"{n} {f}" for f, n in sorted(why.items())) + ")")
    out = "; ".join(parts) + "."
    if len(shown):
        s = shown.sort_values(["days_mid", "subject"])
        fast, slow = s.iloc[0], s.iloc[-1]
        out += (f" Fastest: {fast['subject']} {step_label('', fast['from_event'], fast['from_said'], fast['to_event']).strip()}"
                f" in {_days(fast)} ({fast['basis']}); slowest: {slow['subject']} "
                f"{step_label('', slow['from_event'], slow['from_said'], slow['to_event']).strip()} in {_days(slow)} "
                f"({slow['basis']}).")
    starts, ends = target_steps()
    rated = shown[shown["target_days"].notna()]
    span = f"{'/'.join(s.replace('_', ' ') for s in starts)} → {'/'.join(e.replace('_', ' ') for e in ends)}"
    if rated.empty:
        out += f" The {target_days:g}-day target is defined only for {span}; no charted step is one."
    else:
        ok = int((rated["within_target"] == "yes").sum())
        out += f" The {target_days:g}-day target ({span} only): {ok} of {len(rated)} such steps within it."
    return out


def duration_summary(d: pd.DataFrame) -> list[dict]:
    """The rows a chart shows plus the planned stated ones, for the report's JSON."""
    rows = d[d["flag"].fillna("") == ""] if len(d) else d
    return [{"subject": r.subject, "basis": r.basis, "from": r.from_event or r.from_said, "to": r.to_event,
             "days_low": float(r.days_low), "days_high": float(r.days_high), "days_mid": float(r.days_mid),
             "planned": bool(r.planned)} for r in rows.itertuples()]


# --- planned vs achieved ----------------------------------------------------------------------

def slippage(events: pd.DataFrame, tables: dict) -> pd.DataFrame:
    """Per company or project, each milestone planned in one article (``planned``, dated) and achieved in
    an article published later (same entity, same type): the planned date, the achieved one (the earliest
    such), the slip in days against the planned period's last day (a year planned is a deadline at its
    end: low–high when the achieved date is a month or a year; negative is early), ``status`` (late, on
    time, around the deadline) and both sentences with their sources. One row per planned date: the same
    target in several articles is one row, from the first to state it."""
    e = ind.project_events(events, tables.get("entities"))
    if e.empty or not e["planned"].astype(bool).any():
        return pd.DataFrame(columns=SLIP_COLUMNS)
    e["planned"] = e["planned"].astype(bool)
    pub = dict(zip(tables["articles"]["article_id"], tables["articles"]["pub_date"]))
    e["pub"] = e["article_id"].map(pub).fillna("")
    e = e[e["pub"].map(lambda p: ind.date_interval(p) is not None)]
    e["pub_first"] = [_interval(p)[0] for p in e["pub"]]
    e["pub_last"] = [_interval(p)[1] for p in e["pub"]]
    e["first_day"] = [_interval(d)[0] for d in e["date"]]
    achieved = e[~e["planned"]].sort_values(["first_day", "event_id"])
    prov = Provenance(tables)
    rows = []
    plans = e[e["planned"]].sort_values(["pub_first", "event_id"])
    for (key, etype, date), g in plans.groupby(["key", "event_type", "date"], sort=True):
        p = g.iloc[0]
        later = achieved[(achieved["key"] == key) & (achieved["event_type"] == etype)
                         & (achieved["pub_first"] > p["pub_last"])]
        if later.empty:
            continue
        a = later.iloc[0]
        deadline = _interval(date)[1]
        a_first, a_last = _interval(a["date"])
        low, high = (a_first - deadline).days, (a_last - deadline).days
        status = "late" if low > 0 else ("on time" if high <= 0 else "around the deadline")
        ps, psrc = prov.of(";".join(g["event_id"]))
        as_, asrc = prov.of(a["event_id"])
        rows.append({"subject": p["name"], "event_type": etype, "planned_date": date, "planned_in": p["pub"],
                     "achieved_date": a["date"], "achieved_in": a["pub"], "slip_days_low": float(low),
                     "slip_days_high": float(high), "status": status, "planned_sentence": ps, "planned_source": psrc,
                     "achieved_sentence": as_, "achieved_source": asrc, "entity_id": key,
                     "event_ids": ";".join(list(g["event_id"]) + [a["event_id"]])})
    out = pd.DataFrame(rows, columns=SLIP_COLUMNS)
    return out.sort_values(["subject", "entity_id", "planned_date", "event_type"]).reset_index(drop=True)


def slippage_takeaway(s: pd.DataFrame) -> str:
    if s.empty:
        return ("No milestone planned in one article is reported achieved in a later one (same project or "
                "company, same type), so there is no planned-vs-achieved comparison.")
    late = s[s["status"] == "late"]
    out = f"{len(s)} planned milestones reported achieved later: {len(late)} late, " \
          f"{int((s['status'] == 'on time').sum())} on time, {int((s['status'] == 'around the deadline').sum())} " \
          "around the deadline (a coarse date)."
    if len(late):
        w = late.sort_values(["slip_days_low", "subject"]).iloc[-1]
        out += (f" Largest slip: {w['subject']} {w['event_type'].replace('_', ' ')} planned for {w['planned_date']}, "
                f"achieved {w['achieved_date']} ({w['slip_days_low']:g}–{w['slip_days_high']:g} days late)."
                if w["slip_days_low"] != w["slip_days_high"] else
                f" Largest slip: {w['subject']} {w['event_type'].replace('_', ' ')} planned for {w['planned_date']}, "
                f"achieved {w['achieved_date']} ({w['slip_days_low']:g} days late).")
    return out


def slippage_summary(s: pd.DataFrame) -> list[dict]:
    return [{"subject": r.subject, "event_type": r.event_type, "planned_date": r.planned_date,
             "achieved_date": r.achieved_date, "slip_days_low": r.slip_days_low, "slip_days_high": r.slip_days_high}
            for r in s.itertuples()]


# --- the Gantt axis ----------------------------------------------------------------------------

def gantt_rows(tl: pd.DataFrame, top_n: int) -> tuple[pd.DataFrame, list]:
    """The milestones of the ``top_n`` projects with the most dated milestones (ties: the earliest first),
    and those projects in order of their first milestone."""
    if tl.empty:
        return tl, []
    label = "name" if "name" in tl else "subject"
    counts = tl.groupby(label).agg(n=("start", "size"), first=("start", "min"))
    keep = counts.sort_values(["n", "first"], ascending=[False, True]).head(max(int(top_n), 1))
    rows = list(keep.sort_values("first").index)
    return tl[tl[label].isin(rows)], rows


def axis_window(tl: pd.DataFrame) -> tuple:
    """``(lo, hi, clipped)``: the span of the milestones inside Tukey's fences (data/speed.yaml: 1.5
    interquartile ranges (``gantt_fence``) of their dates beyond the quartiles, never narrower than ``gantt_min_years``
    around the median) and the milestones outside it. Each milestone counts at the middle of the period
    its date stands for; with fewer than four, nothing is clipped."""
    if tl.empty:
        return None, None, tl
    mid = tl["start"] + (tl["end"] - tl["start"]) / 2
    days = mid.map(lambda t: t.toordinal()).astype(float)
    if len(tl) < 4:
        return tl["start"].min(), tl["end"].max(), tl.iloc[0:0]
    r = rules()
    q1, med, q3 = days.quantile(0.25), days.quantile(0.5), days.quantile(0.75)
    k, half = float(r["gantt_fence"]["value"]), 365.25 * float(r["gantt_min_years"]["value"]) / 2
    lo_f, hi_f = min(q1 - k * (q3 - q1), med - half), max(q3 + k * (q3 - q1), med + half)
    inside = (days >= lo_f) & (days <= hi_f)
    return tl.loc[inside, "start"].min(), tl.loc[inside, "end"].max(), tl[~inside]


def clip_note(clipped: pd.DataFrame, lo, hi, lang: str = "en") -> str:
    """What the clipped axis leaves out, by name, milestone and date; '' when nothing."""
    if clipped is None or clipped.empty:
        return ""
    label = "name" if "name" in clipped else "subject"
    items = "; ".join(f"{n} {t.replace('_', ' ')} {d}{' (planned)' if p else ''}" for n, t, d, p in
                      sorted(zip(clipped[label], clipped["event_type"], clipped["date"], clipped["planned"].astype(bool)),
                             key=lambda x: (x[2], x[0], x[1])))
    if lang == "zh":
        return f"时间轴截取 {lo:%Y-%m} 至 {hi:%Y-%m}，轴外 {len(clipped)} 个节点（以轴边箭头表示）：{items}。"
    n = len(clipped)
    return (f"Axis clipped to {lo:%Y-%m} – {hi:%Y-%m}; {n} milestone{'s' if n != 1 else ''} outside it, "
            f"drawn as an arrow at the edge: {items}.")


def clipped_milestones(tl: pd.DataFrame, top_n: int, tables: dict) -> pd.DataFrame:
    """The milestones the Gantt chart leaves off its axis, with sentence and source."""
    cols = ["name", "event_type", "date", "planned", "event_id", "sentence", "source"]
    shown, _ = gantt_rows(tl, top_n)
    _, _, clipped = axis_window(shown)
    if clipped.empty:
        return pd.DataFrame(columns=cols)
    out = Provenance(tables).add(clipped.reset_index(drop=True), "event_id")
    return out.sort_values(["date", "name", "event_id"])[cols].reset_index(drop=True)

"""The rows of the milestones of one article body (:func:`.events.extract_events`): one per (holder, type,
date), each statement of it a mention."""
from __future__ import annotations

from typing import Any

from .. import config
from .event_words import words_of

#: An :class:`.events.Event` (not imported: events.py imports this module).
Event = Any


class Rows:
    """The rows of one (type, holder), one per date (``by_date``; ``first``: the first added)."""

    __slots__ = ("by_date", "first")

    def __init__(self):
        self.by_date: dict[str, Event] = {}
        self.first: Event | None = None


def add_row(out: list[Event], at: dict[int, int], by_holder: dict[tuple[str, str], Rows], ev: Event,
            dated: bool) -> None:
    """One row per (holder, type, date) in ``out`` (``at``: id of a row → its index; ``by_holder``: the
    rows of each (type, holder)): a statement of a milestone already found is a mention of it; the
    first statement with a date is the row (an undated one before it was a mention), and a statement
    that it happened replaces a plan of the same date (计划新开工18个项目 … 已开工14个).
    (The rows of a holder have distinct dates: each is found by its date, not by a scan.)"""
    group = by_holder.setdefault((ev.event_type, ev.subject), Rows())
    same = group.by_date.get(ev.date)
    if same is None and dated and ev.surface in words_of("period_words"):
        # 建设年限2031-2033，3月开工: the period's first year is the start a month of that year tells, one
        # row; a start told before (云溪医院项目3月开工…云溪医院建设工期2031—2033年) is the one row
        same = next((r for d, r in group.by_date.items() if len(d) > 4 and d[:4] == ev.date), None)
        if same is None and ev.event_type == "construction_started":
            bare = ev.subject.removesuffix("项目")
            told = group if group.first is not None else \
                by_holder.get((ev.event_type, bare)) or by_holder.get((ev.event_type, bare + "项目"))
            same = told.first if told is not None else None
    elif same is None and dated and len(ev.date) in (7, 10):
        year = group.by_date.get(ev.date[:4])
        if year is not None and year.surface in words_of("period_words"):
            _take_over(out, at, group, year, ev)
            return
    if same is None and dated and len(ev.date) in (7, 10) and config.step_on("events", "month_and_day"):
        # 6月26日…正式投产 … 从去年8月签约到今年6月投产: the month and the day of one milestone, one row (the day's)
        coarse = group.by_date.get(ev.date[:7]) if len(ev.date) == 10 else None
        if coarse is not None and not coarse.planned and not ev.planned:
            _take_over(out, at, group, coarse, ev)
            return
        if len(ev.date) == 7:
            same = next((r for d, r in group.by_date.items() if d.startswith(ev.date + "-") and not r.planned
                         and not ev.planned), None)
    if same is None and not dated and group.first is not None:
        same = group.first
    old = group.by_date.get("") if same is None and dated else same if same is not None and dated and \
        same.planned and not ev.planned else None
    if old is not None:  # the row becomes this statement's, with the mentions and duration of the old one
        ev.stated_duration = old.stated_duration if ev.stated_duration is None else ev.stated_duration
        _take_over(out, at, group, old, ev)
    elif same is not None:
        same.n_mentions += 1
        if same.stated_duration is None:  # (历时…) told in a later statement of the same milestone
            same.stated_duration = ev.stated_duration
    else:
        group.by_date[ev.date] = ev
        group.first = group.first or ev
        at[id(ev)] = len(out)
        out.append(ev)


def trial_runs(out: list[Event], trial_words: frozenset[str]) -> list[Event]:
    """A trial run (试产, 试生产) of a holder whose sentence also tells its production start, of its own
    date not before the trial's, is its first output (the annotation guide: 试生产 is the start of production
    unless a separate 投产 date follows: 10月试产，年底前正式投产 → first output in October, production
    from the year's end). Returns ``out`` without a trial retyped onto a first output already there."""
    starts: dict[tuple[str, str], list[Event]] = {}
    for ev in out:
        if ev.event_type == "production_start":
            starts.setdefault((ev.subject, ev.sentence), []).append(ev)
    outputs = {(ev.subject, ev.date) for ev in out if ev.event_type == "first_output"}
    dropped: set[int] = set()
    for rows in starts.values():
        later = [ev.date for ev in rows if ev.surface not in trial_words and ev.date]
        for ev in rows:
            if ev.surface in trial_words and any(d != ev.date and d[:len(ev.date)] >= ev.date[:len(d)] for d in later):
                if (ev.subject, ev.date) in outputs:
                    dropped.add(id(ev))  # (the same first output told twice)
                ev.event_type = "first_output"
    return [ev for ev in out if id(ev) not in dropped] if dropped else out


def _take_over(out: list[Event], at: dict[int, int], group: Rows, old: Event, ev: Event) -> None:
    """``ev`` becomes the row ``old`` was, in its place in ``out``, with ``old``'s mentions added."""
    ev.n_mentions += old.n_mentions
    k = at.pop(id(old))
    out[k], at[id(ev)] = ev, k
    del group.by_date[old.date]
    group.by_date[ev.date] = ev
    group.first = ev if group.first is old else group.first

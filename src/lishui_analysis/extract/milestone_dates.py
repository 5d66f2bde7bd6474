"""The date of a milestone statement: which date expression of the body dates a milestone verb
(the nearest one around it, the publication's month for 目前…, the paragraph's last date for an
undated past milestone). Pure functions of the body's dates; :mod:`.events` calls them in its steps.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from functools import lru_cache
from typing import cast

from .. import config
from .context import ITEM_MARK, line_start, occurs_within
from .dates import DateMention

#: After a year, words that make it part of a name (2024年首批招商项目, 2023年度重点项目, 2031年一季度重大项目,
#: 2026年春季项目: the key projects of a year, a quarter or a season, a batch's name): no date of a milestone
#: (3月8日，某区2031年二季度重点项目集中开工仪式举行，9个项目同时开工: the nine started on 3月8日).
_NOUN_YEAR = re.compile(r"首批|第[一二三四五六七八九十\d]+批|年度|度重点"
                        r"|(?:第?[一二三四1-4]季度|[春夏秋冬]季)?(?:重大|重点)(?:产业|工业|建设)?项目"
                        r"|(?:第?[一二三四1-4]季度|[春夏秋冬]季)(?:产业|工业|建设)?项目")


def _no_milestone_date(text: str, d: DateMention) -> bool:
    """A year (not a day: 6月8日首批组件下线 is dated) followed by :data:`_NOUN_YEAR`: part of a name; or
    the day a reporter learned the news (4月6日，记者从市发改局获悉：…; :data:`_REPORTED`), no milestone's."""
    return (d.precision == "year" and _NOUN_YEAR.match(text, d.end) is not None) \
        or _REPORTED.match(text, d.end) is not None or _REVISED.match(text, d.end) is not None


#: After a date, a revision of it to another (由2031年3月31日调整至2031年12月31日, 从6月推迟到9月): the
#: first date is no longer the milestone's, the one after the verb is
_REVISED = re.compile(r"(?:调整|延期|推迟|延长|变更|提前|顺延|延后)(?:至|到|为)")


def _span_start(text: str, d: DateMention, pub_date: str) -> bool:
    """A date that starts a span running to now (自2021年12月开工以来, 2023年3月以来): it dates the
    milestone of its own clause, not one told after it, which came later — unless it is this year
    itself (今年以来: what happened since came this year)."""
    return _SINCE.match(text, d.end) is not None and not (d.precision == "year" and d.date == pub_date[:4])


#: After a date, the rest of its clause ending in 以来 (开工以来, 以来)
_SINCE = re.compile(r"[^，。；：\n]{0,12}?以来")


#: After a date, the reporter learning the news from a source (，记者从…获悉, 笔者从…了解到)
_REPORTED = re.compile(r"(?:上午|下午)?[，,]?\s*(?:记者|笔者|本报|我们)?(?:从|自|向)[^，。；\n]{1,24}?(?:获悉|了解到|得知)")


_COUNT = r"(?:\d{1,3}|[一二两三四五六七八九十百半]{1,4})(?:多|余)?"
_TIME_UNIT = r"(?:个多?月|个工作日|个小时|小时|天|周|星期|年)"
#: A milestone told by how long it took or how long after another one it came: a span word
#: (历时16个月建成, 仅用40天, 短短半年) or a counted time after 后 or before 后/之后
#: (签约后15天摘牌, 开工后第9个月结顶, 两个月后投产). Its date is not the paragraph's last one.
_SPAN_TOLD = re.compile(  # (scanned over every body: a lookahead on the first characters skips other positions fast)
    r"(?=[历用耗仅只花短后\d一二两三四五六七八九十百半])(?:历时|用时|耗时|仅用|只用|用了|花了|短短"
    rf"|后(?:仅|仅仅|只|不到|第)?{_COUNT}(?:{_TIME_UNIT}|日)"
    rf"|(?<![\d一二两三四五六七八九十百半第]){_COUNT}{_TIME_UNIT}(?:之?后))")
#: Milestones a ceremony reports (a signing, a groundbreaking): dated by the report's day when undated.
CEREMONY_TYPES = ("settled", "construction_started")


def later(date: str, pub_date: str) -> bool:
    """``date`` lies after ``pub_date``, compared at the coarser of the two precisions.

    >>> later("2026-03", "2025-11-02"), later("2025", "2025-11-02"), later("2025-12", "")
    (True, False, False)
    """
    if not date or not pub_date:
        return False
    n = min(len(date), len(pub_date))
    return date[:n] > pub_date[:n]


def span_told(text: str, cstart: int, pos: int) -> bool:
    """The clause before ``pos`` tells how long the milestone took or how long after another it came
    (历时10个月建成, 仅用90天投产, 签约后20天摘牌, 三个月后投产): step ``events.span_told``.

    >>> span_told("新厂房历时10个月建成", 0, 8), span_told("云岭精工签约后20天摘牌", 0, 11)
    (True, True)
    >>> span_told("云岭精工3月开工", 0, 6)
    False
    """
    if not config.step_on("events", "span_told"):
        return False
    starts, ends = _span_told_at(text)
    i = bisect_left(starts, cstart)
    return i < len(starts) and ends[i] <= pos


@lru_cache(maxsize=64)
def _span_told_at(text: str) -> tuple[list[int], list[int]]:
    """Starts and ends of the matches of :data:`_SPAN_TOLD` in ``text``, found once per body (in text
    order and not overlapping, so a clause holds one when the first starting in it ends inside it)."""
    starts, ends = [], []
    for m in _SPAN_TOLD.finditer(text):
        starts.append(m.start())
        ends.append(m.end())
    return starts, ends


def now_date(pub_date: str, pos: int) -> DateMention:
    """A date mention at ``pos`` for "now": the publication's month (or year, or nothing).

    >>> now_date("2025-06-18", 40).date, now_date("2025", 40).precision
    ('2025-06', 'year')
    """
    date = pub_date[:7]
    return DateMention(pos, pos, "", date, "month" if len(date) == 7 else ("year" if date else ""), "now")


def carried_date(dates: list[DateMention], text: str, s_start: int, event_type: str, sentence: str,
                 anaphora, pub_date: str, collective: bool = False) -> DateMention | None:
    """The date an undated past milestone in the sentence at ``s_start`` takes: the last date of
    its paragraph before the sentence (not after publication, nor a period: 截至10月底 is the span
    of a tally, not when another milestone came, nor a year naming a batch: 2021年第一批); for a ceremony's milestone (签约,
    开工), one of a collective ceremony (``collective``: 集中竣工项目30个) or one said again (此次…),
    with none in the paragraph, the first day-precise date of the body before it (the news peg:
    5月8日，签约仪式举行。…会上签约项目7个)."""
    para_start = text.rfind("\n", 0, s_start) + 1
    prior = [d for d in dates if para_start <= d.start and d.end <= s_start and d.date and d.kind != "period"
             and not later(d.date, pub_date) and not _no_milestone_date(text, d) and not _span_start(text, d, pub_date)]
    if not prior and not ITEM_MARK.match(text, para_start) \
            and (event_type in CEREMONY_TYPES or collective or any(a in sentence for a in anaphora)):
        prior = [d for d in dates if d.end <= s_start and d.precision == "day"
                 and not later(d.date, pub_date)][:1]
    return prior[-1] if prior else None


def tally_year(dates: list[DateMention], text: str, pos: int, pub_date: str) -> DateMention | None:
    """The period of an undated tally at ``pos`` (其中开工项目9个，竣工项目15个: so many projects started,
    so many were completed): the year of the last date told before it in the body (not after
    publication, nor a year naming a batch), else the publication's year; at year precision — a tally
    counts the milestones of a period, not of one day.

    >>> from .dates import extract_dates
    >>> text = "2025年5月，全区重大项目集中开工。其中开工项目9个，竣工项目6个。"
    >>> tally_year(extract_dates(text, "2025-06-01"), text, 24, "2025-06-01").date
    '2025'
    >>> tally_year([], "其中开工项目9个。", 2, "2024-03-05").date, tally_year([], "开工项目9个", 0, "") is None
    ('2024', True)
    """
    before = [d for d in dates if d.end <= pos and _year_of(d, text, pub_date)]
    return _as_year(before[-1] if before else None, pub_date, pos)


def _year_of(d: DateMention, text: str, pub_date: str) -> bool:
    return bool(d.date) and not later(d.date, pub_date) and not _no_milestone_date(text, d)


def _as_year(d: DateMention | None, pub_date: str, pos: int) -> DateMention | None:
    year = d.date[:4] if d is not None else pub_date[:4]
    return DateMention(pos, pos, "", year, "year", "period") if year else None


#: Parts of a year told as such (9月试产，年底前投产): a time of their own, never a finer date's year
_YEAR_PARTS = ("年底", "年末", "年中", "半年", "季度")


def pick_date(text, dates, pos, cstart, s_start, s_end, not_before="", used=frozenset()):
    """Nearest date before ``pos`` in its clause, else in its sentence (unless it already dated a
    milestone of another clause: ``used``), else just after it in its clause.

    For a planned milestone (``not_before`` = publication date) a date from
    elsewhere in the sentence must not lie before publication.
    """
    dates = [d for d in dates if not _no_milestone_date(text, d)]  # 2024年首批…: a year naming a batch
    in_clause = [d for d in dates if cstart <= d.start and d.end <= pos and d.date]
    if in_clause:
        best = in_clause[-1]
        if best.precision == "year" and not best.surface.endswith(_YEAR_PARTS):
            # "4月1日上午，…2025年第一季度…项目集中开工": a finer date of the same year earlier in the sentence
            finer = [d for d in dates if s_start <= d.start and d.end <= pos and d.date.startswith(best.date)
                     and d.precision in ("day", "month") and d.kind != "now"]
            # a plan is not dated before publication (3月18日破土动工，计划年底前建成: 年底, not 3月18日)
            if finer and not (not_before and later(not_before, finer[-1].date)):
                return finer[-1]
        return best
    # From another clause, a date that already dated a milestone is that milestone's
    # (项目自2024年5月开工以来，仅用十个月就完成封顶: 封顶 is not 2024-05).
    in_sentence = [d for d in dates if s_start <= d.start and d.end <= pos and d.date and d.start not in used
                   and not (not_before and later(not_before, d.date))]
    if in_sentence:
        return in_sentence[-1]
    for d in dates:
        if pos <= d.start < s_end and d.date:
            if not any(ch in "，,；;：:" for ch in text[pos:d.start]):
                return d
            break
    return None


_SEP_AFTER = ("，", ",", "；", ";", "：", ":")


class UsedDates(dict):
    """Date start → (clause start, milestone type) of the milestone it dated, as the milestones of a
    body are read (only added, by ``setdefault``), with the order they were added in (``log``) for
    :class:`DatePicker`. Changed in any other way it is ``dirty``: the picker then reads it as a
    plain mapping."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.log: list[tuple[int, tuple[int, str]]] = list(self.items())
        self.dirty = False

    def setdefault(self, key, default=None):
        if key not in self:
            self.log.append((key, default))
        return super().setdefault(key, default)

    def __setitem__(self, key, value):
        self.dirty = True
        super().__setitem__(key, value)

    def __delitem__(self, key):
        self.dirty = True
        super().__delitem__(key)

    def pop(self, *args):
        self.dirty = True
        return super().pop(*args)

    def popitem(self):
        self.dirty = True
        return super().popitem()

    def clear(self):
        self.dirty = True
        super().clear()

    def update(self, *args, **kwargs):
        self.dirty = True
        super().update(*args, **kwargs)


class Taken:
    """The dates ``used`` for a milestone of another clause and another type than a statement's (of
    type ``event_type`` in the clause from ``cstart``): ``start in taken`` is what :func:`pick_date`
    asks of its ``used``. Read from ``used`` as asked, not built for every verb over every used date."""

    __slots__ = ("cstart", "event_type", "used")

    def __init__(self, used: dict[int, tuple[int, str]], cstart: int, event_type: str):
        self.used, self.cstart, self.event_type = used, cstart, event_type

    def __contains__(self, start: int) -> bool:
        u = self.used.get(start)
        return u is not None and u[0] != self.cstart and u[1] != self.event_type


class DatePicker:
    """:func:`pick_date` and :func:`carried_date` for the many milestone verbs of one body, each in
    O(log n): the body's dates are read once into arrays (start and end offsets, the previous dated
    one, the previous one not before publication …) and each verb looks its dates up by bisection —
    scanning every date of the body for every verb costs the square of a long body. The answers are
    those of the two functions (the property tests compare them on drawn bodies). Should the dates
    ever not come in text order (starts and ends both non-decreasing, as :func:`.dates.extract_dates`
    gives them), the two functions themselves answer."""

    def __init__(self, text: str, dates: list[DateMention], pub_date: str = ""):
        self.text, self.dates, self.pub_date = text, dates, pub_date
        self.kept = [d for d in dates if not _no_milestone_date(text, d)]  # what pick_date reads
        self.a_dated_starts = sorted(d.start for d in dates if d.date)
        self.own_days: list[DateMention] | None = None  # (last_between, found on first use)
        self.own_starts: list[int] = []
        self.t_ok: list[DateMention] | None = None   # dates a tally's year may come from, by end (tally_year)
        self.t_ends: list[int] = []
        self.p_ok: list[DateMention] | None = None   # dates a planned tally's year may come from, by end (plan_year)
        self.p_ends: list[int] = []
        self.ordered = all(_in_order(ds) for ds in (dates, self.kept))
        if not self.ordered:
            return
        self.k_starts = [d.start for d in self.kept]
        self.k_ends = [d.end for d in self.kept]
        self.k_prev = {"": _previous(self.kept, lambda d: bool(d.date))}   # per not_before value
        self.k_next_dated = _following(self.kept, lambda d: bool(d.date))
        self.finer: dict[int, dict[str, list[int]]] = {}   # n → the day/month dates by their first n characters
        self.a_starts = [d.start for d in dates]
        self.a_ends = [d.end for d in dates]
        self.a_prev: dict[str, list[int]] = {}   # per pub_date: the previous dated one not after it
        self.a_first_day: dict[str, int] = {}     # per pub_date: the first day-precise one not after it
        self.anaphora_in: dict[tuple, bool] = {}

    def at(self, pos: int) -> DateMention | None:
        """The dated mention starting at ``pos``, if any (a field's value: 开工日期：|2025年3月15日)."""
        for d in self.dates:  # (few dates a body: read once per field label only)
            if d.start == pos and d.date:
                return d
        return None

    def last_between(self, lo: int, hi: int) -> DateMention | None:
        """The last dated mention starting in ``lo:hi`` that is no "now" nor a period (a milestone's own
        day), by bisection over those mentions in start order (found once)."""
        if self.own_days is None:
            self.own_days = sorted((d for d in self.kept if d.date and d.kind not in ("now", "period")),
                                   key=lambda d: d.start)
            self.own_starts = [d.start for d in self.own_days]
        k = bisect_left(self.own_starts, hi) - 1
        return self.own_days[k] if k >= 0 and self.own_starts[k] >= lo else None

    # -- pick_date --------------------------------------------------------------------------------

    def pick(self, pos, cstart, s_start, s_end, not_before="", used=frozenset()) -> DateMention | None:
        """:func:`pick_date` ``(self.text, self.dates, pos, cstart, s_start, s_end, not_before, used)``."""
        if not self.ordered:
            return pick_date(self.text, self.dates, pos, cstart, s_start, s_end, not_before, used)
        kept, prev = self.kept, self.k_prev[""]
        j = bisect_right(self.k_ends, pos)          # kept[:j]: the dates ending by pos
        i = bisect_left(self.k_starts, cstart)      # kept[i:]: the dates starting in the clause or later
        k = prev[j - 1] if j > i else -1
        if k >= i:
            best = kept[k]
            if best.precision == "year" and not best.surface.endswith(_YEAR_PARTS):
                finer = self._finer(best.date, bisect_left(self.k_starts, s_start), j)
                if finer is not None and not (not_before and later(not_before, finer.date)):
                    return finer
            return best
        i = bisect_left(self.k_starts, s_start)
        if not_before:
            prev = self.k_prev.get(not_before) or self.k_prev.setdefault(
                not_before, _previous(kept, lambda d: bool(d.date) and not later(not_before, d.date)))
        k = prev[j - 1] if j > i else -1
        if k >= i and isinstance(used, Taken) and isinstance(used.used, UsedDates) and not used.used.dirty:
            k = self._not_taken(k, i, j, not_before, used)
        else:
            while k >= i and kept[k].start in used:
                k = prev[k - 1] if k > 0 else -1
        if k >= i:
            return kept[k]
        n = self.k_next_dated[bisect_left(self.k_starts, pos)] if kept else -1
        if n >= 0 and kept[n].start < s_end and not occurs_within(self.text, _SEP_AFTER, pos, kept[n].start):
            return kept[n]
        return None

    def _not_taken(self, k: int, i: int, j: int, not_before: str, taken: Taken) -> int:
        """The last date at or before ``k`` (and from ``i`` on; ``k``: the last of the sentence up to
        the verb that is dated and not before ``not_before``) that ``taken`` does not hold — without
        stepping back over every date taken: a date is not taken when it is unused or used for a
        milestone of the statement's type (the last such: from skip pointers over the dates, per
        type, ``_skips``) or used in the statement's own clause (the clause's few used dates)."""
        used = cast(UsedDates, taken.used)  # the caller checked it is one
        self._sync(used)
        ranks, dated, parent = self._skips(not_before, taken.event_type, used)
        r = _root(parent, ranks[k])
        best = dated[r] if r >= 0 else -1
        own = self.by_clause.get(taken.cstart)
        if own:
            eligible = self.k_prev[not_before]
            x = bisect_left(own, j) - 1
            while x >= 0 and own[x] >= i and eligible[own[x]] != own[x]:
                x -= 1
            if x >= 0 and own[x] >= i:
                best = max(best, own[x])
        return best if best >= i else -1

    def _sync(self, used: UsedDates) -> None:
        """Read the dates used since the last call into ``by_clause`` (clause start → the kept dates
        its milestones used, in text order)."""
        if not hasattr(self, "by_clause"):
            self.by_clause: dict[int, list[int]] = {}
            self.index_of = {d.start: k for k, d in enumerate(self.kept)}
            self.synced = 0
            self.skips: dict[tuple[str, str], list] = {}
        for start, (clause, _) in used.log[self.synced:]:
            k = self.index_of.get(start)
            if k is not None:
                insort(self.by_clause.setdefault(clause, []), k)
        self.synced = len(used.log)

    def _skips(self, not_before: str, event_type: str, used: UsedDates):
        """Skip pointers over the kept dates eligible for ``not_before`` (dated, not before it): each
        date used for a milestone of a type other than ``event_type`` points to the one before it."""
        key = (not_before, event_type)
        if key not in self.skips:
            eligible = self.k_prev[not_before]
            dated = [k for k in range(len(self.kept)) if eligible[k] == k]
            ranks = [-1] * len(self.kept)
            for r, k in enumerate(dated):
                ranks[k] = r
            self.skips[key] = [ranks, dated, list(range(len(dated))), 0]
        st = self.skips[key]
        ranks, dated, parent, seen = st
        for start, (_, t) in used.log[seen:]:
            i = self.index_of.get(start)
            if i is not None and t != event_type and ranks[i] >= 0 and parent[ranks[i]] == ranks[i]:
                parent[ranks[i]] = ranks[i] - 1
        st[3] = len(used.log)
        return ranks, dated, parent

    def _finer(self, year: str, lo: int, hi: int) -> DateMention | None:
        """The last day- or month-precise date (not "now") starting with ``year`` among ``kept[lo:hi]``."""
        n = len(year)
        if n not in self.finer:  # by the first n characters of their dates (n = 4 but for odd years)
            groups: dict[str, list[int]] = {}
            for k, d in enumerate(self.kept):
                if d.precision in ("day", "month") and d.kind != "now":
                    groups.setdefault(d.date[:n], []).append(k)
            self.finer[n] = groups
        idx = self.finer[n].get(year, [])
        r = bisect_left(idx, hi) - 1
        return self.kept[idx[r]] if r >= 0 and idx[r] >= lo else None

    # -- carried_date -----------------------------------------------------------------------------

    def carried(self, s_start: int, event_type: str, sentence: str, anaphora,
                collective: bool = False) -> DateMention | None:
        """:func:`carried_date` ``(self.dates, self.text, s_start, event_type, sentence, anaphora,
        self.pub_date, collective)``; the sentence is read for the anaphora once per sentence start."""
        pub = self.pub_date
        if not self.ordered:
            return carried_date(self.dates, self.text, s_start, event_type, sentence, anaphora, pub, collective)
        dates = self.dates
        if pub not in self.a_prev:
            self.a_prev[pub] = _previous(dates, lambda d: bool(d.date) and d.kind != "period" and not later(d.date, pub)
                                         and not _no_milestone_date(self.text, d) and not _span_start(self.text, d, pub))
            self.a_first_day[pub] = next((k for k, d in enumerate(dates)
                                          if d.precision == "day" and not later(d.date, pub)), -1)
        i = bisect_left(self.a_starts, line_start(self.text, s_start))
        j = bisect_right(self.a_ends, s_start)
        k = self.a_prev[pub][j - 1] if j > i else -1
        if k >= i:
            return dates[k]
        if event_type not in CEREMONY_TYPES and not collective:
            key = (s_start, len(sentence), tuple(anaphora))
            if key not in self.anaphora_in:
                self.anaphora_in[key] = any(a in sentence for a in anaphora)
            if not self.anaphora_in[key]:
                return None
        f = self.a_first_day[pub]
        if ITEM_MARK.match(self.text, line_start(self.text, s_start)):
            return None  # （二）某某工程。…已完成桩基施工: an item of a list is its own report, no news peg's
        return dates[f] if f >= 0 and dates[f].end <= s_start else None

    def tally_year(self, pos: int) -> DateMention | None:
        """:func:`tally_year` ``(self.dates, self.text, pos, self.pub_date)``, by bisection."""
        if not self.ordered:
            return tally_year(self.dates, self.text, pos, self.pub_date)
        if self.t_ok is None:
            self.t_ok = sorted((d for d in self.dates if _year_of(d, self.text, self.pub_date)), key=lambda d: d.end)
            self.t_ends = [d.end for d in self.t_ok]
        k = bisect_right(self.t_ends, pos) - 1
        return _as_year(self.t_ok[k] if k >= 0 else None, self.pub_date, pos)

    def plan_year(self, pos: int) -> DateMention | None:
        """The year of an undated planned tally at ``pos`` (计划新开工项目65个: so many projects to start in the
        plan's year): the year of the last date before it — a year naming the plan's batch and one after
        publication too (2031年省级重点项目共186个，其中计划新开工项目65个) — else the publication's."""
        if self.p_ok is None:
            self.p_ok = sorted((d for d in self.dates if d.date), key=lambda d: d.end)
            self.p_ends = [d.end for d in self.p_ok]
        k = bisect_right(self.p_ends, pos) - 1
        return _as_year(self.p_ok[k] if k >= 0 else None, self.pub_date, pos)

    def dated_between(self, lo: int, hi: int) -> bool:
        """A date with a value starts in ``lo:hi``: ``any(lo <= d.start < hi for d in dates if d.date)``."""
        st = self.a_dated_starts
        i = bisect_left(st, lo)
        return i < len(st) and st[i] < hi


def _root(parent: list[int], r: int) -> int:
    """The last index at or before ``r`` that points to itself (-1: none), shortening the path."""
    root = r
    while root >= 0 and parent[root] != root:
        root = parent[root]
    while r >= 0 and parent[r] != r:
        parent[r], r = root, parent[r]
    return root


def _in_order(dates) -> bool:
    return all(a.start <= b.start and a.end <= b.end for a, b in zip(dates, dates[1:]))


def _previous(items, ok) -> list[int]:
    """For each index, the last index at or before it whose item is ``ok``; -1 if none."""
    out, last = [], -1
    for k, x in enumerate(items):
        if ok(x):
            last = k
        out.append(last)
    return out


def _following(items, ok) -> list[int]:
    """For each index (and one past the end), the first index at or after it whose item is ``ok``; -1 if none."""
    out, nxt = [-1] * (len(items) + 1), -1
    for k in range(len(items) - 1, -1, -1):
        if ok(items[k]):
            nxt = k
        out[k] = nxt
    return out


#: A range of years after a word of a construction period: 2031—2033年, 为2030-2032年, 2030年至2031年.
# (a range of years after a period word may leave out its 年: a table's 建设年限 cell, 2031-2033)
_YEAR_RANGE = re.compile(r"(?:为|是|：|:)?\s*(?P<start>\d{4})\s*年?\s*(?:——|[—–\-－~～至到])\s*(?P<end>\d{4})(?!\d)\s*年?")


def period_end(text: str, pos: int, first: bool = False) -> DateMention | None:
    """The last year of a range of years written at ``pos`` (after 建设工期, 建设周期): the year the building
    is to be done (``first``: the first year, when it starts); None when no range of years stands there
    (建设工期36个月).

    >>> period_end("建设工期2031—2033年，", 4).date, period_end("建设工期36个月", 4), period_end("建设年限：2031-2033", 4, True).date
    ('2033', None, '2031')
    """
    m = _YEAR_RANGE.match(text, pos)
    if m is None:
        return None
    g = "start" if first else "end"
    return DateMention(m.start(g), m.end(g), m.group(g), m.group(g), "year", "absolute")

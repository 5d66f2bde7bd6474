"""The date of a milestone statement: which date expression of the body dates a milestone verb
(the nearest one around it, the publication's month for 目前…, the paragraph's last date for an
undated past milestone). Pure functions of the body's dates; :mod:`.events` calls them in its steps.
"""
from __future__ import annotations

import re

from .. import config
from .dates import DateMention

#: After a year, words that make it part of a name (2024年首批招商项目, 2023年度重点项目): no date of a milestone.
_NOUN_YEAR = re.compile(r"首批|第[一二三四五六七八九十\d]+批|年度|度重点")
_COUNT = r"(?:\d{1,3}|[一二两三四五六七八九十百半]+)(?:多|余)?"
_TIME_UNIT = r"(?:个多?月|个工作日|个小时|小时|天|周|星期|年)"
#: A milestone told by how long it took or how long after another one it came: a span word
#: (历时16个月建成, 仅用40天, 短短半年) or a counted time after 后 or before 后/之后
#: (签约后15天摘牌, 开工后第9个月结顶, 两个月后投产). Its date is not the paragraph's last one.
_SPAN_TOLD = re.compile(
    r"历时|用时|耗时|仅用|只用|用了|花了|短短"
    rf"|后(?:仅|仅仅|只|不到|第)?{_COUNT}(?:{_TIME_UNIT}|日)"
    rf"|(?<![\d一二两三四五六七八九十百半第]){_COUNT}{_TIME_UNIT}(?:之?后)")
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
    return _SPAN_TOLD.search(text, cstart, pos) is not None


def now_date(pub_date: str, pos: int) -> DateMention:
    """A date mention at ``pos`` for "now": the publication's month (or year, or nothing).

    >>> now_date("2025-06-18", 40).date, now_date("2025", 40).precision
    ('2025-06', 'year')
    """
    date = pub_date[:7]
    return DateMention(pos, pos, "", date, "month" if len(date) == 7 else ("year" if date else ""), "now")


def carried_date(dates: list[DateMention], text: str, s_start: int, event_type: str, sentence: str,
                 anaphora, pub_date: str) -> DateMention | None:
    """The date an undated past milestone in the sentence at ``s_start`` takes: the last date of
    its paragraph before the sentence (not after publication); for a ceremony's milestone (签约,
    开工) or one said again (此次…), with none in the paragraph, the first day-precise date of the
    body before it (the news peg: 5月8日，签约仪式举行。…会上签约项目7个)."""
    para_start = text.rfind("\n", 0, s_start) + 1
    prior = [d for d in dates if para_start <= d.start and d.end <= s_start and d.date
             and not later(d.date, pub_date)]
    if not prior and (event_type in CEREMONY_TYPES or any(a in sentence for a in anaphora)):
        prior = [d for d in dates if d.end <= s_start and d.precision == "day"
                 and not later(d.date, pub_date)][:1]
    return prior[-1] if prior else None


def pick_date(text, dates, pos, cstart, s_start, s_end, not_before="", used=frozenset()):
    """Nearest date before ``pos`` in its clause, else in its sentence (unless it already dated a
    milestone of another clause: ``used``), else just after it in its clause.

    For a planned milestone (``not_before`` = publication date) a date from
    elsewhere in the sentence must not lie before publication.
    """
    dates = [d for d in dates if not _NOUN_YEAR.match(text, d.end)]  # 2024年首批…: a year naming a batch
    in_clause = [d for d in dates if cstart <= d.start and d.end <= pos and d.date]
    if in_clause:
        best = in_clause[-1]
        if best.precision == "year":
            # "4月1日上午，…2025年第一季度…项目集中开工": a finer date of the same year earlier in the sentence
            finer = [d for d in dates if s_start <= d.start and d.end <= pos and d.date.startswith(best.date)
                     and d.precision in ("day", "month") and d.kind != "now"]
            if finer:
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

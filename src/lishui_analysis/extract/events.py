"""Milestones (events): land acquired, permit issued, construction started,
topped out, equipment moved in, first output, production start, full capacity,
completed, settled (and listed, certified, awarded).

Each milestone verb (``data/events.yaml``) gives an event dated by the nearest
date expression before it in its clause, else in its sentence, else after it in
its clause; an undated past milestone takes the last date mentioned before it
in its paragraph, and an undated re-mention of a milestone already found is
dropped. ``planned`` is set by cue words (将, 预计, 力争, 确保 …) or a
date after publication. A verb right after 此次/同时 refers back to a milestone
already reported and gives no new event; one inside a short quotation
(“快投产”) is a slogan.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..vocab import cues, event_vocab
from .context import clause_start, in_spans, short_quote_spans
from .subjects import adjacent, counted_after, enumerated, project_after, find_holders, is_general_talk, is_plural, listed_after, resolve, role_of
from .dates import DateMention

@dataclass
class Event:
    start: int
    end: int
    surface: str
    sentence: str
    event_type: str
    subject: str
    org_name: str
    date: str
    date_precision: str
    planned: bool
    subject_type: str = ""
    n_mentions: int = 1


@lru_cache(maxsize=1)
def _verbs():
    entries = []
    for etype, spec in event_vocab().items():
        for w in spec["words"]:
            entries.append((w, etype, tuple(spec.get("not_before", ())), tuple(spec.get("not_after", ()))))
    entries.sort(key=lambda e: -len(e[0]))
    return entries, re.compile("|".join(re.escape(e[0]) for e in entries)), {e[0]: e for e in entries}


# A milestone verb followed, within its clause, by a short noun phrase headed by one of these
# nouns modifies that noun instead of reporting a milestone.
_MODIFIER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:企业|计划|方案|机制)|工程|指挥部|专班|行动")


@lru_cache(maxsize=1)
def _planned_re():
    return re.compile("|".join(sorted(map(re.escape, cues()["planned"]), key=len, reverse=True)))


def _later(date: str, pub_date: str) -> bool:
    if not date or not pub_date:
        return False
    n = min(len(date), len(pub_date))
    return date[:n] > pub_date[:n]


def extract_events(text: str, sentences, dates: list[DateMention], orgs=(), pub_date: str = "",
                   holders=None) -> list[Event]:
    """Milestones in an article body: one per (holder, type, date), ``n_mentions`` counting the
    statements of it. A milestone needs a concrete holder (:mod:`.subjects`); talk in general
    (推动项目早落地) is none. An undated statement of a milestone already dated is a mention of it;
    the row's provenance is the first statement with a date (or the first).

    >>> from lishui_analysis.ingest.segment import split_sentences
    >>> from lishui_analysis.extract.dates import extract_dates
    >>> body = "中欣晶圆大硅片项目于2023年6月动工，同年12月31日封顶。该项目2023年6月开工后进展顺利。"
    >>> [(e.event_type, e.date, e.subject, e.n_mentions)
    ...  for e in extract_events(body, split_sentences(body), extract_dates(body, "2024-12"))]
    [('construction_started', '2023-06', '中欣晶圆大硅片项目', 2), ('topped_out', '2023-12-31', '中欣晶圆大硅片项目', 1)]
    """
    _, verb_re, by_word = _verbs()
    c = cues()
    planned_re = _planned_re()
    anaphora = tuple(c["anaphora"])
    quotes = short_quote_spans(text, 20)
    holders = holders if holders is not None else find_holders(text, orgs)
    out: list[Event] = []
    by_holder: dict[tuple[str, str], list[Event]] = {}  # (type, subject) → its milestones, one per date
    used_dates: dict[int, tuple[int, str]] = {}  # date start → (clause, type) of the milestone it dated
    for s_start, s_end, sent in sentences:
        for m in verb_re.finditer(text, s_start, s_end):
            word = m.group()
            _, etype, not_before, not_after = by_word[word]
            post = text[m.end():m.end() + 4]
            if any(text[max(0, m.start() - 1):m.end() + 2].find(nb) >= 0 for nb in not_before):
                continue
            if any(post.startswith(na) for na in not_after) or post.startswith("时"):
                continue
            cstart = clause_start(text, m.start(), s_start)
            nxt = verb_re.match(text, m.end())
            if ((post.startswith("后") or (nxt and text.startswith("后", nxt.end())))
                    and _FUTURE_AFTER.search(text, m.end(), s_end)
                    and not any(cstart <= d.start < m.start() for d in dates if d.date)):
                # 投产后将…, 建成达产后可…: a condition, not a milestone (预计2024年全部达产后: a dated plan;
                # 签约后，露出了笑容: a step told in sequence, a milestone)
                continue
            if sent.rstrip("”’」』）)").endswith(("？", "?")):
                continue  # 为何这么多项目选择落地乐清？: a question, not a report
            if _MODIFIER.match(text, m.end()) or post.startswith("“"):
                continue  # 入驻半导体企业提供…, 投产倒排计划: the verb describes a noun
            if in_spans(m.start(), quotes) or text[m.start() - 1:m.start()] in _SLOGAN_BEFORE:
                continue  # “快投产”, 项目快签约、快落地: a slogan
            if "从" in text[cstart:m.start()] and _TO_AFTER.match(text, m.end()):
                continue  # 从签约到开工…: the start of a span of time, told to measure it
            batch = counted_after(holders, m.start(), m.end())  # 集中开工9个重大项目, 新开工41个
            if any(a in text[cstart:m.start()] for a in anaphora) and batch is None:
                # 此次开工: the milestone already reported, stated again (本次集中开工9个重大项目 names its batch)
                same = [e for e in out if e.event_type == etype]
                if same:
                    same[-1].n_mentions += 1
                continue
            if is_general_talk(text, cstart, m.start()):
                continue
            cend = _clause_end(text, m.end(), s_end)
            if text[cend - 1:cend] == "时":
                continue  # "刚拍得土地使用权时": a when-clause, not a new milestone
            planned = bool(planned_re.search(text, cstart, m.start()))
            # a date that dated another kind of milestone in another clause is that milestone's (a signing
            # ceremony and 共签约34个项目 share their day; 2024年5月开工…十个月就完成封顶 do not)
            taken = {k for k, (c, t) in used_dates.items() if c != cstart and t != etype}
            date = _pick_date(text, dates, m.start(), cstart, s_start, s_end, pub_date if planned else "",
                              used=taken)
            carried = False
            if date is None and not planned and not _SPAN_TOLD.search(text, cstart, m.start()):
                # (历时18个月建设完成, 仅用8个月结顶: how long it took is told, not when: no date carried)
                if any(w in text[cstart:m.start()] for w in c["now"]):
                    date = _now(pub_date, m.start())
                else:
                    para_start = text.rfind("\n", 0, s_start) + 1
                    prior = [d for d in dates if para_start <= d.start and d.end <= s_start and d.date
                             and not _later(d.date, pub_date)]
                    if not prior and (etype in _CEREMONY_TYPES or any(a in sent for a in anaphora)):
                        # 签约/集中开工 later in a report of the ceremony, or any milestone of 此次…: the news
                        # peg's day (the lead's date)
                        prior = [d for d in dates if d.end <= s_start and d.precision == "day"
                                 and not _later(d.date, pub_date)][:1]
                    date = prior[-1] if prior else None
                    carried = date is not None
            if date is not None and _later(date.date, pub_date):
                planned = True
            role = role_of(event_type=etype)
            after = listed_after(holders, m.end(), s_end, role)  # 签约的还有A、B、C等
            holder = after[0] if after else batch or resolve(holders, m.start(), m.end(), s_start, role, event=True)
            if not after:  # A、B、C项目参加开工 / “A项目”“B项目”签约落地: the list ends right before the verb
                last = adjacent(holders, m.start(), s_start, role)
                if last is not None and enumerated(holders, last, s_start):
                    holder = last
            listed = after[1:] if after else enumerated(holders, holder, s_start)  # A、B等一系列项目
            if not listed and (not holder.subject or (holder is not batch and is_plural(text, cstart, m.start()))):
                continue  # no concrete holder: talk in general
            if holder.subject_type == "project" and holder.org is not None and not listed:
                # X公司摘得，计划建设年产50亿套…基地项目: the company's milestone is for the project it names
                holder = project_after(holders, holder, m.end(), s_end, role) or holder
            if holder.subject_type == "batch" and holder is not batch and _in_chain(verb_re, text, m):
                continue  # 77个重大项目集中开工投产投运: a ceremony of mixed milestones, not each one of the whole batch
            if date is not None:
                used_dates.setdefault(date.start, (cstart, etype))
            for subject, stype, org, *_ in sorted(listed + ([holder] if holder.subject else []), key=lambda r: r.start):
                _add(out, by_holder, Event(m.start(), m.end(), word, sent, etype, subject, org.name if org else "",
                                           date.date if date else "", date.precision if date else "", planned, stype),
                     dated=date is not None and not carried)
    return sorted(out, key=lambda e: e.start)


#: What follows 投产后/建成后 when it is a condition: a future or a possibility.
_FUTURE_AFTER = re.compile(r"将|可|预计|能|有望|届时|力争|计划|未来|达到|形成|产值|营收|税收|亩均|年产|实现|带动|新增")
#: After a year, words that make it part of a name (2024年首批招商项目, 2023年度重点项目): no date of a milestone.
_NOUN_YEAR = re.compile(r"首批|第[一二三四五六七八九十\d]+批|年度|度重点")
#: Words telling how long a milestone took (历时18个月建设完成): its date is not the paragraph's.
_SPAN_TOLD = re.compile(r"历时|用时|耗时|仅用|只用|用了|短短")
#: Slogans of speed: 快签约、快落地, 早投产 — the verb after 快/早 is no milestone.
_SLOGAN_BEFORE = ("快", "早")
#: Milestones a ceremony reports (a signing, a groundbreaking): dated by the report's day when undated.
_CEREMONY_TYPES = ("settled", "construction_started")
_TO_AFTER = re.compile(r"[^，。；]{0,12}?到")


def _in_chain(verb_re, text: str, m) -> bool:
    """The verb at ``m`` is one of two or more milestone verbs written together (开工投产投运)."""
    if verb_re.match(text, m.end()):
        return True
    return any(p.end() == m.start() for p in verb_re.finditer(text, max(0, m.start() - 4), m.start()))


def _add(out: list[Event], by_holder: dict, ev: Event, dated: bool) -> None:
    """One row per (holder, type, date): a statement of a milestone already found is a mention of
    it; the first statement with a date is the row (an undated one before it was a mention)."""
    group = by_holder.setdefault((ev.event_type, ev.subject), [])
    same = next((e for e in group if e.date == ev.date), None)
    if same is None and not dated and group:
        same = group[0]
    if same is not None:
        same.n_mentions += 1
        return
    undated = next((e for e in group if not e.date), None)
    if undated is not None and dated:
        ev.n_mentions += undated.n_mentions
        out[out.index(undated)] = ev
        group[group.index(undated)] = ev
        return
    group.append(ev)
    out.append(ev)


def _clause_end(text: str, pos: int, s_end: int) -> int:
    i = pos
    while i < s_end and text[i] not in "，,；;：:。！？!?":
        i += 1
    return i


def _now(pub_date: str, pos: int) -> DateMention:
    date = pub_date[:7]
    return DateMention(pos, pos, "", date, "month" if len(date) == 7 else ("year" if date else ""), "now")


def _pick_date(text, dates, pos, cstart, s_start, s_end, not_before="", used=frozenset()):
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
                   and not (not_before and _later(not_before, d.date))]
    if in_sentence:
        return in_sentence[-1]
    for d in dates:
        if pos <= d.start < s_end and d.date:
            if not any(ch in "，,；;：:" for ch in text[pos:d.start]):
                return d
            break
    return None

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

:func:`extract_events` runs the steps of :data:`EVENT_STEPS`, in that order, on each milestone
verb of a body: stage ``"events"`` (``LISHUI_STEPS_OFF=events.slogan`` switches the slogan step
off; see :func:`lishui_analysis.config.active_steps`). A step takes what the article shares
(:class:`_Article`) and what is known of the verb (:class:`_Statement`), and returns whether the
statement goes on to the next step. How a milestone is dated is in :mod:`.milestone_dates`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING

from .. import config
from ..vocab import cues
from .context import clause_end, clause_start, in_spans, line_start, occurs_within, short_quote_spans
from .batch_members import count_of, member_kind, members_listed
from .coordinated import chain_ends, in_chain, pair_before, respective_count
from .planned import cue_before, planned_after, planned_re
from .figure_holder import Resolved, subject_type, tallied_batch
from .org_tables import lexicon_place_set
from .subjects import (adjacent, counted_after, enumerated, project_after, find_holders, is_cumulative, is_general_talk, is_plural,
                       listed_after, resolve, role_of, tallied)
from .subjects import vocab as subject_vocab
from .dates import DateMention
from .durations import assign as stated_durations
from .event_parties import signed_object as _signed_object, signing_party as _signing_party
from .event_rows import Rows, add_row, trial_runs
from .event_words import (future_within, has_non_subject, milestone_verbs, negated, norm_span, now_adverbs,
                          object_after, pending, subject_before, words_of)
from .milestone_dates import DatePicker, Taken, UsedDates, later, now_date, period_end, span_told

if TYPE_CHECKING:
    from .subjects import Holders

#: Stage name of the steps below (``events.<step>`` in ``LISHUI_STEPS_OFF``).
STAGE = "events"


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
    subject_rule: str = ""              # the named step that gave the subject
    stated_duration: float | None = None  # days the text says the step took (历时7个月), else None


# A milestone verb followed, within its clause, by a short noun phrase headed by one of these
# nouns modifies that noun instead of reporting a milestone.
_MODIFIER = re.compile(r"[\u4e00-\u9fff]{0,4}?(?:企业|计划|方案|机制)|工程|指挥部|专班|行动|率")
#: A verb's short object, then 后 closing its clause: a when-clause (竞得土地后，…; 摘牌地块后，…)
_OBJECT_THEN = re.compile(r"[^，。；：,;:\d]{1,4}后[，,]")
#: Slogans of speed: 快签约、快落地, 早投产 — the verb after 快/早 is no milestone.
_SLOGAN_BEFORE = ("快", "早")
_TO_AFTER = re.compile(r"[^，。；]{0,12}?(?<![不达])到(?!位)")  # (不到 "under", 到位 "in place": no span)
#: A milestone named as a field whose value is its date (计划开工日期：…, 竣工时间为…): a notice's or table's form.
_FIELD_VALUE = re.compile(r"(?:日期|时间)(?:[：:]|为)\s*")
#: The perfective "already" after a now word (目前厂房已经封顶, 现在已入驻): the milestone lies at some time
#: before now, not at publication.
_ALREADY = ("已",)
#: The rest of a milestone's verb phrase before its clause ends (竣工|验收，…; 开工|建设，…)
_VERB_TAIL = re.compile(r"[^，。；：,;:、]{0,4}?(?=[，,])")


@dataclass
class _Article:
    """What the steps share for one body: its text, dates and holders, the vocabulary, and the
    milestones found so far (``out``; ``by_holder``: (type, subject) → its rows, one per date;
    ``used_dates``: date start → (clause start, type) of the milestone it dated).

    Linear in the body: what a step asks of the text before or after a verb is looked up in
    indexes read once per body (:mod:`.context`; ``picker``, a :class:`.milestone_dates.DatePicker`
    of its dates), never by rescanning the clause, the sentence or every date for each verb."""
    text: str
    dates: list[DateMention]
    pub_date: str
    holders: Holders
    verb_re: re.Pattern
    by_word: dict
    planned_re: re.Pattern
    anaphora: tuple[str, ...]
    now_words: tuple[str, ...]
    quotes: list[tuple[int, int]]
    out: list[Event] = field(default_factory=list)
    by_holder: dict[tuple[str, str], Rows] = field(default_factory=dict)
    used_dates: UsedDates = field(default_factory=UsedDates)
    picker: DatePicker = None  # type: ignore[assignment]  # made by __post_init__ when not given
    at: dict[int, int] = field(default_factory=dict)           # id(row) → its index in out
    last_of_type: dict[str, int] = field(default_factory=dict)  # event type → index in out of its last row
    seen: int = 0                                               # rows of out read into last_of_type
    questions: dict[int, bool] = field(default_factory=dict)    # sentence start → it asks a question

    def __post_init__(self):
        if self.picker is None:
            self.picker = DatePicker(self.text, self.dates, self.pub_date)

    def last_event(self, event_type: str) -> Event | None:
        """The last row of ``out`` of ``event_type`` (rows are only appended, or replaced by one of the
        same type: the index is kept up to date by reading the rows added since the last call)."""
        out = self.out
        for k in range(self.seen, len(out)):
            self.last_of_type[out[k].event_type] = k
        self.seen = len(out)
        last = self.last_of_type.get(event_type)
        return out[last] if last is not None else None

    @classmethod
    def of(cls, text: str, dates: list[DateMention], orgs=(), pub_date: str = "", holders=None) -> _Article:
        _, verb_re, by_word = milestone_verbs()
        c = cues()
        return cls(text, dates, pub_date, holders if holders is not None else find_holders(text, orgs),
                   verb_re, by_word, planned_re(), tuple(c["anaphora"]), tuple(c["now"]),
                   short_quote_spans(text, 20))

    def statements(self, sentences) -> Iterator[_Statement]:
        """Each milestone verb of the body in text order, with its sentence."""
        text = self.text
        for s_start, s_end, sent in sentences:
            verbs = list(self.verb_re.finditer(text, s_start, s_end))
            took = stated_durations(text, s_start, s_end, [m.start() for m in verbs], [m.end() for m in verbs]) if verbs else {}
            for i, m in enumerate(verbs):
                word = m.group()
                upto = verbs[i + 1].start() if i + 1 < len(verbs) else s_end
                _, etype, not_before, not_after = self.by_word[word]
                if word in words_of("period_words"):  # 建设工期2031—2033年: started in 2031 as well
                    yield _Statement(m.start(), m.end(), word, "construction_started", (), (), s_start, s_end,
                                     sent, text[m.end():m.end() + 4], clause_start(text, m.start(), s_start),
                                     role_of(event_type="construction_started"), took=took.get(m.start()), upto=upto)
                yield _Statement(m.start(), m.end(), word, etype, not_before, not_after, s_start, s_end, sent,
                                 text[m.end():m.end() + 4], clause_start(text, m.start(), s_start),
                                 role_of(event_type=etype), took=took.get(m.start()), upto=upto)


@dataclass(slots=True)
class _Statement:
    """One milestone verb in its sentence and what the steps found about it (``post``: the four
    characters after the verb; ``cstart``: where its clause starts; ``role``: :func:`.role_of` it)."""
    start: int
    end: int
    word: str
    event_type: str
    not_before: tuple[str, ...]
    not_after: tuple[str, ...]
    s_start: int
    s_end: int
    sentence: str
    post: str
    cstart: int
    role: str
    batch: Resolved | None = None       # the batch counted right after the verb (集中开工9个项目)
    planned: bool = False
    date: DateMention | None = None
    carried: bool = False               # the date is the paragraph's, not the statement's own
    after: list[Resolved] = field(default_factory=list)   # holders listed after the verb (签约的还有A、B)
    holder: Resolved | None = None
    listed: list[Resolved] = field(default_factory=list)  # the other holders of a list
    took: float | None = None           # the duration the sentence states for this step (:mod:`.durations`)
    before_now: bool = False            # said done by now (目前…已经封顶): no date of its own nor carried
    tally: bool = False                 # the verb is a tally's (开工项目9个, 新开工41个): so many in a period
    upto: int = -1                      # where the sentence's next milestone verb starts (else its end)

    def rows(self) -> list[Event]:
        """One row per holder of the statement (its list items and its holder), in text order."""
        d = self.date
        named = self.listed + ([self.holder] if self.holder is not None and self.holder.subject else [])
        return [Event(self.start, self.end, self.word, self.sentence, self.event_type, r.subject,
                      r.org.name if r.org else "", d.date if d else "", d.precision if d else "", self.planned,
                      r.subject_type, subject_rule=r.rule, stated_duration=self.took)
                for r in sorted(named, key=lambda r: r.start)]


Step = Callable[[_Article, _Statement], bool]


def extract_events(text: str, sentences, dates: list[DateMention], orgs=(), pub_date: str = "",
                   holders=None) -> list[Event]:
    """Milestones in an article body: one per (holder, type, date), ``n_mentions`` counting the
    statements of it. A milestone needs a concrete holder (:mod:`.subjects`); talk in general
    (推动项目早落地) is none. An undated statement of a milestone already dated is a mention of it;
    the row's provenance is the first statement with a date (or the first).

    Runs the steps of :data:`EVENT_STEPS` (stage ``"events"``) on each milestone verb in order, until
    one returns False; the last, ``merge_mentions``, adds the statement's rows.

    >>> from lishui_analysis.ingest.segment import split_sentences
    >>> from lishui_analysis.extract.dates import extract_dates
    >>> body = "中欣晶圆大硅片项目于2023年6月动工，同年12月31日封顶。该项目2023年6月开工后进展顺利。"
    >>> [(e.event_type, e.date, e.subject, e.n_mentions)
    ...  for e in extract_events(body, split_sentences(body), extract_dates(body, "2024-12"))]
    [('construction_started', '2023-06', '中欣晶圆大硅片项目', 2), ('topped_out', '2023-12-31', '中欣晶圆大硅片项目', 1)]
    """
    art = _Article.of(text, dates, orgs, pub_date, holders)
    steps = config.active_steps(STAGE, EVENT_STEPS)
    for s in art.statements(sentences):
        for step in steps:
            if not step(art, s):
                break
        else:  # only when merge_mentions is off: each statement's rows as they are
            art.out.extend(s.rows())
    out = trial_runs(art.out, words_of("trial_words")) if config.step_on(STAGE, "trial_runs") else art.out
    return sorted(out, key=lambda e: e.start)


# ---- Is it a milestone? ------------------------------------------------------------------------

def _word_exceptions(a: _Article, s: _Statement) -> bool:
    """Drops a verb in a context its entry of ``events.yaml`` excludes: a ``not_before`` word around
    it (举行开竣工仪式: a ceremony's name), a ``not_after`` word right after it (云岭科技竞得价为每亩
    12万元: a price; 开工率达95%: a rate); a verb without the object it needs (签订承诺书), said of money or
    a policy (贷款落地) or negated (尚未开工) — :mod:`.event_words`."""
    text = a.text
    if s.word in words_of("period_words"):  # 建设工期2031—2033年: started in 2031, completed in 2033; 36个月: none
        s.date = period_end(text, s.end, s.event_type == "construction_started")
        return s.date is not None
    if any(text[max(0, s.start - 1):s.end + 2].find(nb) >= 0 for nb in s.not_before):
        return False
    if s.word in words_of("words_with_object") and not object_after(s.event_type).match(text, s.end):
        return False  # 签订承诺书: a signing without an agreement settles nothing
    if s.word in words_of("words_with_subject") and not subject_before(s.event_type, text, s.cstart, s.start):
        return False  # 施工队伍进场: the builders enter, no equipment
    if has_non_subject(s.event_type, text, s.cstart, s.start):
        return False  # 银团贷款正式落地: money lands, no firm settles
    if negated(text, s.cstart, s.start) or pending(text, s.cstart, s.start) or norm_span(text, s.cstart, s.start):
        return False  # 尚未开工, 尚需取得施工许可: not happened; 从摘地到开工平均用时28天: how long such steps take
    return not any(s.post.startswith(na) for na in s.not_after) or _tally(a, s)


def _tally(a: _Article, s: _Statement) -> bool:
    """The verb is a tally's, its batch counted right after it (新开工项目15个: so many started;
    :func:`.tallied`); noted as the statement's batch. A ``not_after`` word (项目) does not drop it."""
    if s.batch is None:
        s.batch = _tallied(a, s)
    return s.batch is not None


def _tallied(a: _Article, s: _Statement) -> Resolved | None:
    """:func:`.tallied` for the verb, or for the chain of milestone verbs it opens (竣工投产项目20个:
    both verbs count the same projects); notes the statement a tally's."""
    for end in chain_ends(a.verb_re, a.text, s.end)[:3]:
        r = tallied(a.holders, s.start, end)
        if r is not None:
            s.tally = True
            return r
    return None


def _time_phrase(a: _Article, s: _Statement) -> bool:
    """Drops a verb followed by 时: 翠峰新材料项目开工时 tells when something else happened — not a
    field of a notice (开工时间：2026年3月15日: :data:`_FIELD_VALUE`)."""
    return not s.post.startswith("时") or _FIELD_VALUE.match(a.text, s.end) is not None


def _condition(a: _Article, s: _Statement) -> bool:
    """Drops a condition about the future: a verb followed by 后 (directly or after another milestone
    verb) when the sentence goes on with a future or a possibility and its clause has no date before
    it (星河装备项目投产后将新增产值8.5亿元; 建成达产后可年产 …). A dated plan (预计2026年全部达产后…)
    and a step told in sequence (签约后，双方 …) stay."""
    text = a.text
    nxt = a.verb_re.match(text, s.end)
    return not ((s.post.startswith("后") or (nxt and text.startswith("后", nxt.end()))
                 or _OBJECT_THEN.match(text, s.end))  # (竞得土地后，拟成立新公司: its object between)
                and future_within(text, s.end, s.s_end)
                and not a.picker.dated_between(s.cstart, s.start))


def _question(a: _Article, s: _Statement) -> bool:
    """Drops a verb in a question (为什么这么多企业选择落地青田？): asked, not reported."""
    q = a.questions.get(s.s_start)
    if q is None:
        q = a.questions[s.s_start] = s.sentence.rstrip("”’」』）)").endswith(("？", "?"))
    return not q


def _noun_modifier(a: _Article, s: _Statement) -> bool:
    """Drops a verb that describes a noun after it (为入驻企业提供服务, 投产攻坚计划, 落地“一件事”):
    :data:`_MODIFIER`, or an opening quote right after the verb."""
    return not (_MODIFIER.match(a.text, s.end) or s.post.startswith("“"))


def _slogan(a: _Article, s: _Statement) -> bool:
    """Drops a slogan: a verb inside a short quotation (“早投产”) or right after 快/早 (快签约、快落地)."""
    return not (in_spans(s.start, a.quotes) or a.text[s.start - 1:s.start] in _SLOGAN_BEFORE)


def _span_start(a: _Article, s: _Statement) -> bool:
    """Drops the start of a span of time, told to measure it: 从拿地到开工只用了60天 (从 before the
    verb in its clause, 到 shortly after it) — unless the start is dated there (从去年8月开工到今天
    首件下线: a milestone of its own date)."""
    if not (occurs_within(a.text, ("从",), s.cstart, s.start) and _TO_AFTER.match(a.text, s.end)):
        return True
    opening = a.text.rfind("从", max(s.cstart, s.start - 40), s.start)  # (bounded: linear in the body)
    return opening >= 0 and a.picker.dated_between(opening, s.start)


def _batch_count(a: _Article, s: _Statement) -> bool:
    """Notes the batch written right after the verb, which the verb is said of: 集中开工12个重大项目,
    新签约7个 (:func:`.counted_after`), or the tally the verb is part of: 新开工项目15个 (:func:`.tallied`)."""
    after = counted_after(a.holders, s.start, s.end)
    if after is not None:
        s.batch, s.tally = after, after.start == s.start   # 新开工41个: the verb and a bare count, a tally
        # 计划新开工12个项目，…已开工9个: the tally counts the planned batch (:func:`.tallied_batch`)
        h = tallied_batch(a.holders, s.end + (a.text[s.end:s.end + 1] == "了"), line_start(a.text, s.s_start),
                          True) if s.tally else None
        s.batch = Resolved(h.name, "batch", None, h.start, h.end, "tally_of_batch") if h else s.batch
    elif s.batch is None:
        s.batch = _tallied(a, s)
    return True


def _respective(a: _Article, s: _Statement) -> bool:
    """Gives each of the verbs listed before 分别 its own count after it (新开工、新竣工产业项目分别达
    12个和8个: 12 started, 8 completed; :func:`.coordinated.respective_count`), named with the noun
    between them (产业项目12个): a tally of each."""
    found = respective_count(a.text, a.verb_re, s.cstart, s.start, s.end)
    if found is not None:
        s.batch, s.tally = Resolved(*found, rule="respective"), True
    return True


def _restatement(a: _Article, s: _Statement) -> bool:
    """A verb after 此次/同时 … in its clause states again the milestone just reported (此次开工的项目
    总投资5亿元): one more mention of the last milestone of its type, no new one. A verb with a batch
    of its own (本次集中开工12个项目) is no restatement."""
    if s.batch is not None or not occurs_within(a.text, a.anaphora, s.cstart, s.start):
        return True
    last = a.last_event(s.event_type)
    if last is not None:
        last.n_mentions += 1
        last.stated_duration = s.took if last.stated_duration is None else last.stated_duration  # (到这次开工仅用…)
    return False


def _general_talk(a: _Article, s: _Statement) -> bool:
    """Drops talk in general: a verb after 推动, 加快, 一旦 … in its clause (星河项目正加快推动投产), or
    after 累计 unless it counts a batch in a period its sentence dates (今年以来累计签约项目27个: a tally
    of the year; 累计签约项目42个 with no period is a running total of all years, no milestone)."""
    return not (is_general_talk(a.text, s.cstart, s.start)
                or (is_cumulative(a.text, s.cstart, s.start)
                    and not (s.tally and a.picker.dated_between(s.s_start, s.start))))


def _when_clause(a: _Article, s: _Statement) -> bool:
    """Drops a verb whose clause ends in 时 (云岭科技刚摘得这块地时，…): a when-clause."""
    cend = clause_end(a.text, s.end, s.s_end)
    return a.text[cend - 1:cend] != "时"


# ---- When ---------------------------------------------------------------------------------------

def _planned_cue(a: _Article, s: _Statement) -> bool:
    """Marks the milestone planned when a cue word (将, 预计, 力争 …) stands before the verb in its
    clause (项目预计明年6月投产), or a word of imminence right after it or after the chain of milestone
    verbs it opens (``planned_after``: 投产在望, 竣工在即, 建成投产在望 — in sight, not yet done)."""
    after = chain_ends(a.verb_re, a.text, s.end)[-1]
    s.planned = cue_before(a.text, s.cstart, s.start, a.holders.containing) or a.text.startswith(planned_after(), after)
    return True


def _nearest_date(a: _Article, s: _Statement) -> bool:
    """Dates the milestone by the nearest date around it (:func:`.milestone_dates.pick_date`), not
    taking from another clause a date that dated another kind of milestone (2024年3月开工，仅用九个月
    就封顶: the date is the start's; a signing ceremony and its 共签约7个项目 share their day). A
    planned milestone takes no date before publication from elsewhere in its sentence. A "now" with
    已 between it and the verb (目前，两家企业已入驻) dates nothing: done by now, at a time not told."""
    if s.date is not None:  # (a construction period's last year: :func:`_word_exceptions`)
        return True
    field = _FIELD_VALUE.match(a.text, s.end)
    if field is not None and (value := a.picker.at(field.end())) is not None:
        s.date = value  # 计划开工日期：2025年3月15日, 竣工时间为2026年6月: a field's value is its date
        return True
    taken = Taken(a.used_dates, s.cstart, s.event_type)
    s.date = a.picker.pick(s.start, s.cstart, s.s_start, s.s_end, a.pub_date if s.planned else "", used=taken)
    if s.date is None and not s.planned and occurs_within(a.text, _MARKS, s.cstart, s.start):
        # 7月28日，首片电池下线，标志着该项目正式投产 (or …下线。这标志着…): what the event marks came that day
        s.date = a.picker.last_between(line_start(a.text, s.cstart), s.cstart)
    if s.date is not None and s.date.kind == "now" and occurs_within(a.text, _ALREADY, s.date.end, s.start):
        s.date, s.before_now = None, True  # 目前厂房已经封顶: done by now, at a time not told
    elif s.date is not None and s.date.end <= s.cstart and span_told(a.text, s.cstart, s.start):
        s.date = None  # 自3月8日进场以来，仅用126天实现封顶: the date starts the span its clause measures
    return True


_MARKS = ("标志着",)


def _now_date(a: _Article, s: _Statement) -> bool:
    """Dates an undated past milestone said to be now (目前、现在、日前 … before the verb in its clause,
    刚/刚刚 right before it: 厂房目前正式投产, 主体刚结顶) by the publication's month — not one said done by now (目前厂房已经封顶:
    :data:`_ALREADY`), which came at a time the text does not tell."""
    if s.date is None and not s.planned and not s.before_now \
            and (occurs_within(a.text, a.now_words, s.cstart, s.start)
                 or any(occurs_within(a.text, (w,), max(s.cstart, s.start - reach - len(w)), s.start)
                        for w, reach in now_adverbs())) \
            and not span_told(a.text, s.cstart, s.start) and not occurs_within(a.text, _ALREADY, s.cstart, s.start):
        s.date = now_date(a.pub_date, s.start)
    return True


def _carried_date(a: _Article, s: _Statement) -> bool:
    """Gives an undated past milestone the last date before it in its paragraph, or the news peg's
    day for a ceremony (:func:`.milestone_dates.carried_date`): 5月8日，签约仪式举行。会上签约项目7个;
    集中 before the verb makes any milestone a collective ceremony's (集中竣工项目30个).
    Not when the clause tells how long it took (历时10个月建成)."""
    if s.date is None and not s.planned and not s.before_now and not span_told(a.text, s.cstart, s.start):
        collective = s.word.startswith("集中") or a.text.startswith("集中", s.start - 2)
        etype = "" if s.word in words_of("not_ceremony") else s.event_type  # (落地 takes no ceremony's day)
        s.date = a.picker.carried(s.s_start, etype, s.sentence, a.anaphora, collective)
        s.carried = s.date is not None
    return True


def _tally_period(a: _Article, s: _Statement) -> bool:
    """Dates an undated tally (其中开工项目9个，竣工项目15个; 全年新开工项目28个，竣工投产项目20个) by the
    period it counts: the year of the last date before it in the body, else the publication's year
    (:func:`.milestone_dates.tally_year`). So many projects started in a year, not on one day."""
    if s.tally and s.date is None and not s.before_now:  # (计划新开工项目65个: the plan's year, plan_year)
        s.date = a.picker.plan_year(s.start) if s.planned else a.picker.tally_year(s.start)
        s.carried = s.date is not None
    return True


def _later_is_planned(a: _Article, s: _Statement) -> bool:
    """Marks the milestone planned when its date lies after publication (2026年投产, published 2025)."""
    if s.date is not None and later(s.date.date, a.pub_date):
        s.planned = True
    return True


# ---- Whose --------------------------------------------------------------------------------------

def _items_after(a: _Article, s: _Statement) -> bool:
    """Takes the holders listed after the verb (签约的还有云岭科技、翠峰新材料等): the first is the
    holder, the rest are listed with it (:func:`.listed_after`)."""
    s.after = [r._replace(rule="items_after") for r in listed_after(a.holders, s.end, s.s_end, s.role, s.upto)]
    if s.after:
        s.holder = s.after[0]
    return True


def _holder(a: _Article, s: _Statement) -> bool:
    """Finds the holder when none is listed after the verb: the batch counted after it, else the
    project or company :func:`.resolve` gives (云岭科技智能装备项目于3月开工)."""
    if s.holder is None:
        s.holder = s.batch or resolve(a.holders, s.start, s.end, s.s_start, s.role, event=True)
        if s.holder is s.batch and s.batch is not None and not s.batch.rule:
            s.holder = s.batch = s.batch._replace(rule="batch_after")
    return True


def _items_before(a: _Article, s: _Statement) -> bool:
    """Takes as holder the last item of a list ending right before the verb (甲项目、乙项目、丙项目
    参加开工; “甲项目”“乙项目”签约落地): :func:`.adjacent` when it heads a list."""
    if not s.after:
        last = adjacent(a.holders, s.start, s.s_start, s.role)
        if last is not None and enumerated(a.holders, last, s.s_start):
            s.holder = last._replace(rule="items_before")
    return True


def _pair_before(a: _Article, s: _Statement) -> bool:
    """Takes both of two companies joined by 和/及 right before the verb, a few words at most between
    (甲有限公司和乙有限公司签约入驻, …正式投产: each did) as its holders (:func:`.coordinated.pair_before`).
    Not 与/同 (甲公司与乙管委会签约: the parties of one signing), not a body or a project."""
    if not s.after:
        pair = pair_before(a.holders, a.verb_re, s.s_start, s.start)
        if pair is not None:
            first, second = (Resolved(h.name, subject_type(h, s.role), h.org, h.start, h.end, "pair_before")
                             for h in pair)
            s.holder, s.listed = second, [first]
    return True


def _list_items(a: _Article, s: _Statement) -> bool:
    """Collects the other items of the holder's list: those after the verb, else the items written
    with the holder before it (甲、乙等一批项目签约: :func:`.enumerated`), but for bare places (甲县、乙县
    两县配套工程开工: one project's name)."""
    if s.after:
        s.listed = s.after[1:]
    elif s.holder is not None and not s.listed and s.holder.rule != "respective":  # 12个、8个: counts, no items
        # a bare place is no item (遂昌、松阳、庆元三县火车站配套工程: the places of one project's name),
        # a place of the packaged regions or of the general lexicon (any province's county: 某川、某泉)
        place, lex = subject_vocab()["batch_place"], lexicon_place_set()
        s.listed = [r._replace(rule="list_items") for r in enumerated(a.holders, s.holder, s.s_start)
                    if not place.fullmatch(r.subject) and r.subject.rstrip("省市县区") not in lex]
    return True


def _batch_members(a: _Article, s: _Statement) -> bool:
    """Gives a batch's milestone to the members the text lists for it, after the batch in its
    sentence or in the next one (集中开工项目18个，包括甲项目、乙项目等; 本次集中开工9个项目。这些项目中，
    既有甲、乙…; 两个项目为甲和乙): :func:`.batch_members.members_listed`; after the verb of a batch
    counted before it only when all are listed (3个项目竣工，分别是甲、乙和丙)."""
    h = s.holder
    if h is not None and h.subject_type == "batch" and h.end > 0 and not s.listed:
        count = count_of(h.subject)
        members = members_listed(a.holders, h.end, s.s_end, count, member_kind(h.subject))
        tail = _VERB_TAIL.match(a.text, s.end) if not members and h.end <= s.start and count else None
        if tail is not None:  # 3个项目完成竣工验收，分别是甲、乙和丙: listed after the verb, all of them
            members = members_listed(a.holders, tail.end(), s.s_end, count, member_kind(h.subject))
            members = members if len(members) == count else []
        # a list with a milestone verb of its own (其中，甲、乙项目参加今天的集中开工) is that verb's
        last = members[-1] if members else None
        if last is not None and not a.verb_re.search(a.text, last.start, clause_end(a.text, last.end, len(a.text))):
            s.listed = members
    return True


def _concrete_holder(a: _Article, s: _Statement) -> bool:
    """Drops a milestone without a concrete holder: no list, and no holder or a plural reference
    before the verb in its clause (这批项目陆续投产: projects in general), unless the holder is the
    batch counted after the verb."""
    if s.listed:
        return True
    h = s.holder
    return h is not None and bool(h.subject) and (h is s.batch or not is_plural(a.text, s.cstart, s.start))


def _project_named_after(a: _Article, s: _Statement) -> bool:
    """Gives a company's milestone to the project it names after the verb (云岭科技摘得地块，计划
    建设年产8万台智能装备项目: the land is the project's; :func:`.project_after`)."""
    h = s.holder
    if h is not None and h.subject_type == "project" and h.org is not None and not s.listed:
        after = project_after(a.holders, h, s.end, s.s_end, s.role)
        s.holder = after._replace(rule="project_named_after") if after is not None else h
    return True


def _batch_chain(a: _Article, s: _Statement) -> bool:
    """Drops a verb of a chain said of a whole batch (32个重大项目集中开工投产: a ceremony of mixed
    milestones, not each of them for every project), unless the batch is counted after the verb."""
    h = s.holder
    return not (h is not None and h.subject_type == "batch" and h is not s.batch
                and in_chain(a.verb_re, a.text, s.start, s.end))


def _remember_date(a: _Article, s: _Statement) -> bool:
    """Notes which clause and type the milestone's date dated, so that :func:`_nearest_date` does not
    give it to another kind of milestone in another clause."""
    if s.date is not None:
        a.used_dates.setdefault(s.date.start, (s.cstart, s.event_type))
    return True


def _merge_mentions(a: _Article, s: _Statement) -> bool:
    """Adds the statement's rows, each a mention of the same milestone already found when there is
    one (:func:`.event_rows.add_row`: 云岭科技项目5月开工 … 该项目开工以来 is one row of 2 mentions). Returns False:
    the rows are added, none is left for the driver."""
    dated = s.date is not None and not s.carried
    for ev in s.rows():
        add_row(a.out, a.at, a.by_holder, ev, dated=dated)
    return False


#: The steps of :func:`extract_events`, in order (stage ``"events"``).
EVENT_STEPS: tuple[Step, ...] = (
    _word_exceptions, _time_phrase, _condition, _question, _noun_modifier, _slogan, _span_start,
    _batch_count, _respective, _restatement, _general_talk, _when_clause,
    _planned_cue, _nearest_date, _now_date, _carried_date, _tally_period, _later_is_planned,
    _items_after, _holder, _items_before, _pair_before, _list_items, _batch_members, _concrete_holder,
    _project_named_after, _signed_object, _signing_party, _batch_chain,
    _remember_date, _merge_mentions,
)

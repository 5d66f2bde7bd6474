"""The holder of one figure or milestone: :func:`resolve`, over an article's candidate holders
(:class:`.holders.Holders`).

:func:`resolve` is a short driver over :data:`RESOLVE_STEPS`, stage ``"resolve"``: each step is one
attempt at naming the holder and the first that answers wins — the counted phrase or project name
the figure is part of, a count with the words around it, the holder right after the figure, the
holder of its clause, a list summed up before it, the holder of the earlier clauses of its
sentence, a zone that spoke as a clause's subject, the article's current topic, a project named
later in the paragraph. An attempt is switched off by name, e.g.
``LISHUI_STEPS_OFF=resolve.speaking_zone`` (see :func:`lishui_analysis.config.active_steps`).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .. import config
from .clause_pick import _ClauseCands, _pick, _pick_scan, acceptable, subject_type  # noqa: F401  (re-exported)
from .context import clause_end, clause_start, count_in, find_in, line_end, line_start, occurs_within, rfind_in
from .figure_cues import borrower, heading_holder
from .holder_phrases import NONE, Holder, Resolved, left_edge, opens_clause, vocab, word_end
from .holders import Holders
from .list_reading import _ands, _batch_spelled_out, _respective_items, _rfind_word
from .listed import _enumerated_scan, _item, enumerated  # noqa: F401  (re-exported)
from .numbers import parse_number

#: Stage name of :data:`RESOLVE_STEPS` (``resolve.<step>``).
STAGE = "resolve"



class _once:
    """A property computed on first access and then kept on the instance, where later reads find
    it as a plain attribute (:func:`functools.cached_property` takes a lock on Python 3.11)."""

    def __init__(self, f):
        self.f, self.name, self.__doc__ = f, f.__name__, f.__doc__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.f(obj)
        return value


class _Figure:
    """What the attempts share about one figure or milestone at ``pos:end``: the arguments of
    :func:`resolve`, the holder whose span holds it (``own``), for a count the noun after it and
    whether it counts a batch; and, each computed once when an attempt first asks, the paragraph
    start (``floor``), the sentence start going back over semicolons (``sentence``), the figure's
    clause start (``clause``), the answer of the earlier clauses (``earlier``) and the article's
    current topic (``topic``)."""

    def __init__(self, holders: Holders, pos: int, end: int, sent_start: int, role: str, event: bool = False,
                 counted: bool = False):
        self.holders = holders
        self.text = holders.text
        self.pos = pos
        self.end = end
        self.sent_start = sent_start
        self.role = role
        self.event = event
        self.own = holders.containing(pos, end)
        self.noun = self.batch_count = None
        if counted:
            v = vocab()
            self.noun = v["counted_noun"].match(self.text, end)
            # 拥有9项核心技术: a count of owned things is the owner's, no batch
            self.batch_count = not (self.noun and v["owned_re"].match(self.noun.group()))

    @_once
    def floor(self) -> int:
        """Start of the paragraph."""
        return line_start(self.text, self.sent_start)

    @_once
    def sentence(self) -> int:
        """Start of the sentence, taking in those it goes on after a semicolon (…产值6.8亿元；实现税收…)."""
        text, floor, s = self.text, self.floor, self.sent_start
        while s > floor and text[s - 1] in "；;":
            s = max(floor, rfind_in(text, "。", floor, s - 1) + 1)
        return s

    @_once
    def clause(self) -> int:
        """Start of the figure's clause."""
        return clause_start(self.text, self.pos, max(self.floor, self.sentence))

    @_once
    def earlier(self) -> Resolved | None:
        """The answer for the holder :func:`_pick` finds in the clauses before the figure's, nearest first."""
        return _earlier(self.holders, self.clause, max(self.floor, self.sentence), self.role, self.event)

    @_once
    def topic(self) -> Holder | None:
        """The article's current project or company (of the kind the role prefers), else the headline's."""
        return self.holders.topic(self.pos, "project" if self.role == "project" else "company")


def _area_batch(f: _Figure) -> Resolved | None:
    """A count of firms, labs or projects in a sentence whose subject is a zone or region is that
    area's batch, named with the area, when the batch is read from the words around the count
    (:func:`_count_and_noun`, :func:`_count_and_words`): ``截至年底，云岭经开区认定省级研发中心6家、
    重点实验室2家`` — 2家 is ``云岭经开区重点实验室2家``. (A counted phrase read as a holder is named
    so once for all its figures: ``holders.area_batches``.) The area opens a clause of the sentence
    before the count, with no project or company opening one after it. Not a milestone."""
    if f.event or not f.batch_count or f.own is not None:
        return None
    area = _area_subject(f)
    if area is None:
        return None
    r = _count_and_noun(f) or _count_and_words(f)
    if r is None or r.start < area.end or r.subject.startswith(area.name):
        return None
    name = r.subject
    if name.startswith("有") and word_end(name, 0, len(name)) == 1:
        name = name[1:]  # 经开区已|有研发中心8家: the verb of having is no part of the batch's name (有色… is)
    return Resolved(area.name + name, "batch", None, area.start, r.end)


def _area_subject(f: _Figure) -> Holder | None:
    """The zone or region that is the subject of the figure's sentence: the last holder opening a
    clause of the sentence before the figure, when it is a zone or region."""
    text, lo = f.text, max(f.floor, f.sentence)
    last, hs = None, f.holders
    i = bisect_right(hs.starts, f.pos - 1)  # (the holders starting before the figure, found by bisection)
    for h in hs.items[max(0, i - _OPENERS_SEEN):i]:
        if h.start < lo or h.end > f.pos:
            continue
        if h.kind in ("zone", "region", "project", "company") and opens_clause(text, h, clause_start(text, h.start, lo)):
            last = h
    return last if last is not None and last.kind in ("zone", "region") else None


_OPENERS_SEEN = 12  # (the holders nearest before the figure: a sentence's subject opens it or a clause near it)


def _counted_phrase(f: _Figure) -> Resolved | None:
    """A figure inside a counted phrase is the phrase's: ``9个重点项目`` holds its 9个, ``入驻企业35家``
    its 35家.

    >>> from .holders import find_holders
    >>> hs = find_holders("全县9个重点项目开工。")
    >>> _counted_phrase(_Figure(hs, 2, 4, 0, "company", counted=True))
    Resolved(subject='全县9个重点项目', subject_type='batch', org=None, start=0, end=8, rule='')
    """
    own = f.own
    if own is not None and own.kind in ("batch", "other") and own.org is None:
        return Resolved(own.name, own.kind, None, own.start, own.end)
    return None


def _project_name(f: _Figure) -> Resolved | None:
    """A figure inside a project's name is that project's (``年产8万吨电池材料项目``)."""
    own = f.own
    if own is not None and own.kind in ("project", "plot"):
        return Resolved(own.name, subject_type(own, f.role), own.org, own.start, own.end)
    if own is not None and own.kind == "generic" and own.start == f.pos:  # (4个体育馆: the current project's)
        return _answer(f.holders, own, f.role)
    return None


def _tally_of_batch(f: _Figure) -> Resolved | None:
    """An achieved tally of a batch named before it in the paragraph is that batch's: a bare count
    after 已 or a period and a milestone verb (``截至9月底，已开工9个``, ``1-6月竣工4个``), and the
    rate of that milestone (``开工率75%``), held by the nearest counted batch of projects before
    it (``全县计划新开工12个项目，……已开工9个，开工率75%``: the 12 planned; a tally counts no
    more than its batch). Not a category of a breakdown (``新建15个、续建42个``: no 已, no period)."""
    h = tallied_batch(f.holders, f.pos, f.floor, bool(f.batch_count) and f.noun is None)
    return None if h is None else Resolved(h.name, "batch", None, h.start, h.end)


def tallied_batch(holders: Holders, pos: int, floor: int, count: bool) -> Holder | None:
    """The batch a tally at ``pos`` counts (``count``: a bare count; else a rate opening its clause
    must stand before it),
    from the counted batches of projects in the paragraph (from ``floor``) before the tally's clause;
    ``None`` when no tally stands at ``pos`` or no such batch does. Shared by the quantities' and the
    milestones' holders (a tally's 已开工9个 is the batch's milestone).

    >>> from .holders import find_holders
    >>> text = "全县计划新开工12个项目，截至9月底，已开工9个，开工率75%。"
    >>> hs = find_holders(text)
    >>> tallied_batch(hs, text.index("9个"), 0, True).name, tallied_batch(hs, text.index("75%"), 0, False).name
    ('全县计划新开工12个项目', '全县计划新开工12个项目')
    >>> tallied_batch(hs, text.index("12个"), 0, True) is None  # (the batch itself: no tally)
    True
    """
    text, v = holders.text, vocab()
    cue = v["tally_cue" if count else "rate_cue"].search(text, max(floor, pos - _TALLY_CUE), pos)
    if cue is None:
        return None
    c = clause_start(text, cue.start(), floor)
    if not count and cue.start() != c:
        return None  # (设备开工率90%: a rate of something named in its own clause)
    for h in reversed(holders.between(max(floor, c - _TALLY_REACH), c)):
        if h.kind != "batch" or "项目" not in h.name:
            continue
        n = _count_of(h.name)
        if n is None:
            return None
        if count:
            m = _count_of(text[pos:pos + 6])
            if m is None or m > n:
                return None
        return h
    return None


def _count_of(phrase: str) -> float | None:
    """The count a phrase gives (全县计划新开工12个项目 → 12, 九个 → 9), else None."""
    m = _COUNT.search(phrase)
    return parse_number(m.group(1)) if m is not None else None


_COUNT = re.compile(r"(\d+|[零〇一二两三四五六七八九十百]{1,4})[个项家]")
_TALLY_CUE = 8      # (截至月底已开工|9个: the mark and the verb right before the count)
_TALLY_REACH = 200  # (the batch is named in the paragraph, a few clauses before its tally)


def _count_and_noun(f: _Figure) -> Resolved | None:
    """A count with the noun after it names its batch (``建成6个未来社区``), the noun cut at a break
    word; not a count of owned things (``拥有9项核心技术``)."""
    noun = f.noun
    if f.batch_count and noun:
        cut = vocab()["break_re"].search(noun.group())
        stop = f.end + (cut.start() if cut else len(noun.group()))
        if stop - f.end >= 2:
            return Resolved(f.text[f.pos:stop], "batch", None, f.pos, stop)
    return None


def _count_and_words(f: _Figure) -> Resolved | None:
    """A bare count with the words before it in its clause (or list item) names its batch
    (``续建23个、竣工8个``: 竣工8个), when no holder stands among those words."""
    if not f.batch_count:
        return None
    text, pos, sent_start = f.text, f.pos, f.sent_start
    c = max(clause_start(text, pos, sent_start), rfind_in(text, "、", sent_start, pos) + 1)
    lead = vocab()["lead_re"].match(text, c, pos)
    c = lead.end() if lead else c
    if 0 < pos - c <= 10 and not f.holders.between(c, pos) and not occurs_within(text, _people_nouns(), c, pos):
        return Resolved(text[c:f.end], "batch", None, c, f.end)
    return None  # (创造就业岗位3000个: the jobs a project brings, its own figure)


@lru_cache(maxsize=1)
def _people_nouns() -> tuple[str, ...]:
    """Nouns whose count is no batch: people and jobs a project brings, things a body handles (问题23个)."""
    return tuple(vocab()["people_nouns"]) + tuple(vocab().get("handled_nouns") or ())


def _holder_after(f: _Figure) -> Resolved | None:
    """The holder right after the figure, joined by 的 or a purpose verb (``总投资8.5亿元的云岭科技…
    项目``, ``投资8.5亿元，打造…基地``); a name that a break word inside it cut (``云岭向阳智造工厂``,
    read as ``阳智造工厂``) is taken whole.

    >>> from .holders import find_holders
    >>> text = "总投资8亿元的云岭向阳智造工厂开工。"
    >>> _holder_after(_Figure(find_holders(text), 3, 6, 0, "project"))[:2]
    ('云岭向阳智造工厂', 'project')
    """
    v, text = vocab(), f.text
    link = v["link_re"].match(text, f.end)
    if not link:
        return None
    after = f.holders.between(link.end(), link.end() + 60)
    if after and after[0].kind in ("project", "company", "batch"):
        h = after[0]
        gap = text[link.end():h.start]
        if not gap or v["modifier_gap"].fullmatch(gap):  # (打造国内一流的智能…基地: a modifier with 的)
            return _answer(f.holders, h, f.role)
        if len(gap) <= 3 and v["cjk_run"].fullmatch(gap) and h.kind == "project":
            a = link.end() + (gap[0] == "的")  # (…天建设的|星河项目: 的 ends the link, never opens a name)
            return Resolved(text[a:h.end], subject_type(h, f.role), h.org, a, h.end)
    return None


def _list_item(f: _Figure) -> Resolved | None:
    """A figure inside an item of a list of projects is the item's, the item as written between the
    list's marks (、 and the 等 that closes it) — when no holder is named in the item before the
    figure and the list is one of projects: the item ends in a head noun, or 等 sums the list up with
    one (``甲方年产5万吨轴承、乙方年产3万吨齿轮等4个项目``: 5万吨 is ``甲方年产5万吨轴承``'s; ``…、丙方年产
    2万吨齿轮及配件工程项目、…``: the whole item, not the head phrase ``配件工程项目`` a break word cut
    out of it). The words opening the sentence before the first item (verbs, 包括) are not the
    item's, and a figure joined by 的 to the item's name is its modifier (``总投资8亿元的星河智造、…``:
    星河智造). Not a milestone (lists of milestones: :func:`.listed.enumerated`)."""
    if f.event or f.batch_count:
        return None  # (a count of projects is a batch of its own)
    text, pos, end, c = f.text, f.pos, f.end, f.clause
    ce = clause_end(text, end, len(text))
    sep = rfind_in(text, "、", c, pos)
    a = sep + 1 if sep >= 0 else c
    b = min(x for x in (find_in(text, "、", end, ce), find_in(text, "等", end, ce), ce) if x >= 0)
    if sep < 0 and text[b:b + 1] != "、" or pos - a > _ITEM_MAX or b - end > _ITEM_MAX:
        return None  # no list, or no item a name is read in (every look stays within an item's length)
    v = vocab()
    closing = find_in(text, "等", b, ce)
    if not (text.endswith(tuple(v["project_heads"]), a, b) or closing >= 0 and v["list_summary"].match(text, closing)):
        return None  # a list of figures (总投资8亿元、用地120亩) or of things, not of projects
    if f.holders.first_between(a, pos, _NAMED_KINDS) is not None:
        return None  # the item names its holder before the figure (甲公司投资3亿元、…): the clause's step
    of = _OF_AFTER.match(text, end, b)
    if of:
        s = of.end()
    else:  # from the item's first figure, back to a break word (包括年产…: 年产…); a quoted name before it too
        digit = _DIGIT.search(text, a, pos + 1)
        s = left_edge(text, digit.start() if digit else pos, a)
        opener = _LIST_OPENER.match(text, s) if text[s - 1:s] == "的" else None
        s = opener.end() if opener else s  # 开工的有|甲方年产…, 签约的还有|…
        if text[s - 1:s] == "”" and (q := rfind_in(text, "“", a, s - 1)) >= 0:
            s = q
        if s >= pos:
            return None  # the item starts at the figure: no name before it (90%以上为…)
    whole = f.holders.containing(s, b)
    if whole is not None and whole.kind == "generic" and whole.start == s and whole.end == b:
        return None  # 3500平方米的精品酒店: a part described, the current project's (a reference back)
    name = text[s:b].strip()
    if name.count("“") != name.count("”"):
        name = name.strip("“”")
    return Resolved(name, "project", None, s, b) if len(name) >= 4 else None


_OF_AFTER = re.compile(r"[^、，。；：,;:]{0,6}?的")
_ITEM_MAX = 60  # (a list item longer than this names no project)
_NAMED_KINDS = ("company", "project", "plot", "batch", "other")
_DIGIT = re.compile(r"\d")
_LIST_OPENER = re.compile(r"(?:还|也)?(?:有|是|包括)")


def _list_total(f: _Figure) -> Resolved | None:
    """A figure after a list closed by 等 that spells out a batch named before it is that batch's
    total, not the last item's nor the partial list's: ``本次签约项目6个，包括甲项目、乙项目等，总投资
    30亿元`` (the batch 本次签约项目6个), ``此次开工项目分甲类、乙类等三大类共20个`` (20个: 此次开工项目).
    The list opens its clause with 包括/分/涵盖 after the batch's clause, or follows the batch with
    them in one clause. Not a milestone (:func:`.listed.enumerated` gives each item its own)."""
    if f.event:
        return None
    text, lo = f.text, max(f.floor, f.sentence)
    q = rfind_in(text, "等", lo, f.pos)
    if q < 0 or f.holders.first_between(q, f.pos, ("project", "company", "batch")) is not None:
        return None
    key = ("list_total", q, lo, f.role)
    if key not in f.holders.memo:  # (the figures after one list ask about it once)
        f.holders.memo[key] = _batch_spelled_out(f.holders, q, lo, f.role)
    batch = f.holders.memo[key]
    return None if batch is None else Resolved(batch.name, "batch", None, batch.start, batch.end)


def _respective(f: _Figure) -> Resolved | None:
    """Figures listed after 分别 (respectively) go one to one with the items listed before it:
    ``甲产业、乙产业、丙产业产值分别增长12%、8.5%、6%`` — 8.5% is 乙产业's; the list may be the clause's
    before 分别 or, after 其 (its), the clause before (``甲产业、乙产业增速较快，其产值分别增长…``). Only
    when the items and the figures are as many; an item that is a holder keeps its kind, else the
    item is a batch (an industry, a kind of firm), named with its count for a count
    (``新开工、新竣工项目分别达30个和12个``: 12个 is ``新竣工项目12个``'s). The last item ends before the
    words said of it (``丙产业投资`` → ``丙产业``)."""
    text, pos, c = f.text, f.pos, f.clause
    k = _rfind_word(text, "分别", c, pos)
    if k < 0 or f.event:
        return None
    ce = clause_end(text, pos, len(text))
    idx, n_figures = _ands(text, k, pos), _ands(text, k, ce) + 1
    key = ("respective", k, c)
    if key not in f.holders.memo:  # (the figures after one 分别 read its list once)
        f.holders.memo[key] = _respective_items(text, k, c, max(f.floor, f.sentence))
    bounds = f.holders.memo[key]
    if len(bounds) != n_figures or n_figures < 2 or idx >= n_figures:
        return None
    a, b = bounds[idx]
    h = f.holders.containing(a, b)
    if h is not None and h.end <= k and h.kind in ("project", "company", "batch", "zone", "region"):
        return _answer(f.holders, h, f.role)
    name = text[a:b].strip("“”\" ")
    if len(name) < 2:
        return None
    if f.batch_count:
        name, b = name + text[pos:f.end], f.end
    return Resolved(name, "batch", None, a, b)


def _time_lead(f: _Figure) -> Resolved | None:
    """A span of time that opens a sentence as its adverbial (``过去一年，``, ``近两年``, ``八年来，``,
    ``经过十年的培育，``) is the time of the subject that follows it: the holder right after it in its
    clause (``近三年云岭经开区…``), else the one opening the next clause (``过去一年，星河新区…``).
    Only time words before it in its clause; not a milestone."""
    text, pos, end, c = f.text, f.pos, f.end, f.clause
    if f.event or pos - c > _LEAD_MAX or not _DURATION_END.search(text, pos, end) \
            or not _TIME_LEAD.fullmatch(text, c, pos):
        return None
    tail = _TIME_TAIL.match(text, end)
    t = tail.end() if tail else end
    kinds = ("zone", "region", "company", "project", "batch")
    if text[t:t + 1] in "，,":  # 过去一年，|星河新区…: the next clause's subject
        nxt = clause_end(text, t + 1, len(text))
        h = f.holders.first_between(t + 1, nxt, kinds, affiliated=False)
        ok = h is not None and opens_clause(text, h, t + 1)
    else:  # 近两年|云岭经开区…
        h = f.holders.first_between(t, t + 40, kinds, affiliated=False)
        ok = h is not None and h.start == t
    return Resolved(h.name, subject_type(h, f.role), h.org, h.start, h.end) if ok and h is not None else None


_LEAD_MAX = 10
_DURATION_END = re.compile(r"(?:年|个月|个半月|天|周)(?:多|余)?$")
_TIME_LEAD = re.compile(r"[“\"]?(?:新世纪|过去的?|最近|近|这|经过|历经|短短|仅用|仅仅|不到|在)*")
_TIME_TAIL = re.compile(r"(?:多|余)?(?:以来|来|里|间|之间|中)?(?:的?(?:建设|培育|发展|努力|奋斗|时间)(?:与|和)?(?:建设|培育|发展)?)?")


def _same_clause(f: _Figure) -> Resolved | None:
    """The holder :func:`_pick` chooses in the figure's clause, before the figure
    (``…开工，岭拓智能装备项目总投资8.5亿元``: 岭拓智能装备项目)."""
    h = _pick(f.holders, f.clause, f.pos, f.role, f.event)
    return None if h is None else _answer(f.holders, h, f.role)


def _listed_before(f: _Figure) -> Resolved | None:
    """A figure after a list of holders in an earlier clause is the list's sum (``A、B、C项目…，
    总投资9.6亿元``): the list as written, with the words that sum it up (``A、B等一批项目``)."""
    r = f.earlier
    if f.event or r is None:
        return None
    items = enumerated(f.holders, r, f.sentence)
    if not items:
        return None
    end_list = r.end
    summary = vocab()["list_summary"].match(f.text, r.end)
    if summary:
        end_list = summary.end()
    return Resolved(f.text[items[0].start:end_list], "batch", None, items[0].start, end_list)


def _earlier_clauses(f: _Figure) -> Resolved | None:
    """The holder of the nearest earlier clause of the sentence that has one (``云岭科技电池材料项目
    开工，总投资8.5亿元``: the project; a company named earlier in the sentence for its official
    counts too)."""
    return f.earlier


def _area_statistic(f: _Figure) -> Resolved | None:
    """A statistic of an area (``area_statistics`` in ``data/subjects.yaml``: 地区生产总值, 固定资产投资,
    社会消费品零售总额 …) named before the figure, with no holder of its own in the sentence, is the
    area's: the region or zone written right before it (``去年云岭市地区生产总值增长6%``: not as the
    clause's subject, the statistic's owner), else the region or zone that last spoke as a clause's
    subject or a heading's (``一、全县主要预期目标`` over ``1.生产总值增长6%``), else the zone or region the headline
    names (a statistics bulletin's area). Not a milestone."""
    if f.event:
        return None
    text, pos = f.text, f.pos
    stats = list(vocab()["area_statistic_re"].finditer(text, max(f.clause, pos - _STAT_REACH), pos))
    if not stats:
        return None
    h = None
    for stat in stats:  # (丽水市地区生产总值（GDP）: the area written before any of its names)
        before = f.holders.between(max(0, stat.start() - _STAT_OWNER_GAP - 12), stat.start())
        if before and before[-1].kind in ("region", "zone") and stat.start() - before[-1].end <= _STAT_OWNER_GAP:
            h = before[-1]
            break
    h = h or f.holders.area_speaker(pos) or next(  # (力争全区…增长7%，完成工业投资150亿元: the sentence's area)
        (x for x in reversed(f.holders.between(f.sent_start, pos)) if x.kind in ("region", "zone")), None) \
        or f.holders.headline_area  # (某某高新区1—9月主要经济指标简况: a bulletin's statistics are its area's)
    return None if h is None else Resolved(h.name, h.kind, h.org, h.start, h.end)


_STAT_REACH = 30      # (a statistic named further before its figure is another clause's)
_STAT_OWNER_GAP = 3   # (丽水市|地区生产总值, 全县|的|固定资产投资: what may stand between the area and its statistic)


def _speaking_zone(f: _Figure) -> Resolved | None:
    """A zone that last spoke as a clause's subject (``经开区现有…；完成投资…``) holds the figures
    after it with no holder of their own, unless a project or company was named after it; not a
    milestone, not inside a quotation."""
    if f.event or _in_quotation(f.text, f.pos, f.floor) or _BARE_PROJECT.match(f.text, f.clause):
        return None  # (项目总投资18亿元: a clause whose subject is the bare word 项目 is the current project's)
    zone, topic = f.holders.speaking_zone(f.pos), f.topic
    if zone is not None and (topic is None or topic.end < zone.start):
        return Resolved(zone.name, "zone", zone.org, zone.start, zone.end)
    return None


_BARE_PROJECT = re.compile(r"\s*(?:该|整个|这个)?项目(?![部办群组])")


def _current_topic(f: _Figure) -> Resolved | None:
    """The article's current project or company (:meth:`.holders.Holders.topic`), else its
    headline's (``云岭科技电池材料项目开工。完成投资3亿元。``: the project holds the 3亿元)."""
    t = f.topic
    return None if t is None else Resolved(t.name, subject_type(t, f.role), t.org)


def _heading_line(f: _Figure) -> Resolved | None:
    """A figure or milestone in an in-body heading belongs to the paragraph it opens (:func:`.figure_cues.heading_holder`)."""
    h = heading_holder(f.holders, f.pos)
    return None if h is None else Resolved(h.name, subject_type(h, f.role), h.org)


def _lent_to(f: _Figure) -> Resolved | None:
    """A lender's credit or loan is the borrower's (:func:`.figure_cues.borrower`), never the bank's."""
    h = borrower(f.holders, f.pos, f.end, f.sentence, f.clause, f.topic)
    return None if h is None else _answer(f.holders, h, f.role)


def _named_later(f: _Figure) -> Resolved | None:
    """The first project or company later in the paragraph (a quotation opening an article, its
    speaker's company named after it: ``“明年就能投产。”云岭科技电池材料项目负责人说``)."""
    text = f.text
    para_end = line_end(text, f.pos)
    h = f.holders.first_between(f.end, para_end if para_end >= 0 else len(text), ("project", "company"))
    return None if h is None else Resolved(h.name, subject_type(h, f.role), h.org)


#: The attempts of :func:`resolve`, in order (stage ``resolve``): the first that answers wins.
RESOLVE_STEPS = (_area_batch, _counted_phrase, _project_name, _heading_line, _tally_of_batch, _count_and_noun, _count_and_words, _holder_after, _list_item, _list_total,
                 _respective, _time_lead, _lent_to, _same_clause,
                 _listed_before, _earlier_clauses, _area_statistic, _speaking_zone, _current_topic, _named_later)


def resolve(holders: Holders, pos: int, end: int, sent_start: int, role: str, event: bool = False,
            counted: bool = False) -> Resolved:
    """``(subject, subject_type, OrgMention or None, start, end)`` of a figure or milestone at ``pos:end``:
    the answer of the first of :data:`RESOLVE_STEPS` that gives one, else :data:`NONE`.

    ``event``: a milestone (its holder is never a zone, region or body); ``counted``: a count of
    projects or companies (个, 家, 项), a batch by itself when no counted phrase holds it."""
    f = _Figure(holders, pos, end, sent_start, role, event, counted)
    for attempt in config.active_steps(STAGE, RESOLVE_STEPS):
        r = attempt(f)
        if r is not None:
            # (the rule named in a new tuple: NamedTuple._replace cost every figure a few microseconds)
            return Resolved(r[0], r[1], r[2], r[3], r[4], attempt.__name__.lstrip("_")) if r[0] else r
    return NONE


def _in_quotation(text: str, pos: int, floor: int) -> bool:
    """``pos`` stands inside a quotation opened in its paragraph (a speaker's words: “我们…”)."""
    return count_in(text, "“", floor, pos) > count_in(text, "”", floor, pos)


def _earlier(holders: Holders, c: int, lower: int, role: str, event: bool) -> Resolved | None:
    """The answer for the holder :func:`_pick` finds in the clauses before the one starting at ``c``
    (back to ``lower``), nearest first. Each clause start's answer is kept on ``holders``: the many
    figures of a long sentence walk back over its clauses once, not once each."""
    memo = holders.memo.setdefault(("earlier", lower, role, event), {})
    path, result = [], None
    while c > lower:
        if c in memo:
            result = memo[c]
            break
        path.append(c)
        hi, c = c, clause_start(holders.text, c - 1, lower)
        h = _pick(holders, c, hi, role, event)
        if h is not None:
            result = _answer(holders, h, role)
            break
    for p in path:
        memo[p] = result
    return result


def _named_after_quote(holders: Holders, pos: int, prefer: str) -> Holder | None:
    """For a reference inside a quotation that opens its paragraph, the first project (or company)
    named after the quotation in the same paragraph: the speaker's words come before the name."""
    text = holders.text
    para = line_start(text, pos)
    if text[para:para + 1] != "“":
        return None
    close = find_in(text, "”", pos)
    end = line_end(text, pos)
    end = len(text) if end < 0 else end
    if close < 0 or close > end:
        return None
    kinds = ("company", "project") if prefer == "company" else ("project", "company")
    # the first of the preferred kind after the quotation, else the first of the other
    return (holders.first_between(close, end, kinds[:1], affiliated=False)
            or holders.first_between(close, end, kinds[1:], affiliated=False))


def _answer(holders: Holders, h: Holder, role: str) -> Resolved:
    dash = vocab()["dash_re"].match(holders.text, h.end)
    if dash:  # 另一个重点项目——浙江星河…项目: the name after the dash is the holder
        after = holders.between(dash.end(), dash.end() + 80)
        if after and after[0].start == dash.end() and after[0].kind in ("project", "company"):
            h = after[0]
    if h.kind == "generic" and vocab()["plural_re"].search(h.name):
        return Resolved("", "", None, h.start, h.end)  # 这批项目, 一批项目: projects in general
    if h.kind == "generic":
        prefer = "company" if vocab()["company_ref_re"].search(h.name) else "project"
        named = _named_after_quote(holders, h.start, prefer)
        if named is not None:  # “这个项目…签约后20天摘牌…”张三介绍，云岭…项目…: the project named after the quote
            return Resolved(named.name, subject_type(named, role), named.org, h.start, h.end)
        topic = holders.topic(h.start, prefer)
        if topic is None:
            return NONE
        return Resolved(topic.name, subject_type(topic, role), topic.org, h.start, h.end)
    return Resolved(h.name, subject_type(h, role), h.org, h.start, h.end)

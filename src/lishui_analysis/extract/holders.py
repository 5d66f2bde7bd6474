"""The candidate holders of one article, read once (:func:`find_holders`), and the lookups
:func:`.figure_holder.resolve` needs on them (:class:`Holders`).

:func:`find_holders` is a short driver over :data:`HOLDER_STEPS`, stage ``"holders"``: each step
reads one kind of holder phrase and takes what it finds, in the order of the list — a phrase never
overlaps one taken by an earlier step (counted phrases before head phrases before organizations
before places). :func:`_head_phrases` reads each phrase ending in a head noun with
:data:`HEAD_READINGS` (same stage): the first reading that claims the phrase ends its reading.
A step or reading is switched off by name, e.g. ``LISHUI_STEPS_OFF=holders.trade_names`` (see
:func:`lishui_analysis.config.active_steps`); inside :func:`_named_phrase` the branches
``holders.owner``, ``holders.place_batch`` and ``holders.titles`` switch off the same way.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from operator import attrgetter

from .. import config
from .context import clause_start, line_start
from .holder_phrases import (Holder, batch_left, boundary, company_products, distinctive, framed_start, head_kind,
                             is_site, left_edge, listed_places, name_form, name_start, opens_clause, owner_before, period_batch,
                             project_goal, place_before, proper, vocab)
from .holder_agents import without_agents
from .holder_refs import bare_heads
from .holder_builders import _THIS_BATCH, _area_batches, _builders, _short_forms, _sole_owner, _this_batch, located_starts
from .organizations import extract_org_mentions
from .plots import plot_matches  # noqa: F401  (re-exported)

#: Stage name of :data:`HOLDER_STEPS` and :data:`HEAD_READINGS` (``holders.<step>``).
STAGE = "holders"
_START = attrgetter("start")
#: The holder kind of each organization type (media mentions are never holders).
_ORG_KIND = {"company": "company", "fund": "company", "development_zone": "zone", "government": "government",
             "university": "other", "research_institute": "other", "hospital": "other", "association": "other",
             "other": "other"}


class _Reading:
    """What the steps share while reading one text: the holders taken so far (``found``, in the
    order taken) and the characters they cover (``taken``), the organization mentions in text
    order (``orgs``, ``org_starts``), and the clause starts (computed when a step first asks)."""

    __slots__ = ("_clause_starts", "_last_company", "found", "org_starts", "orgs", "taken", "text", "v")

    def __init__(self, text: str, orgs=()):
        self.text = text
        self.v = vocab()
        self.taken = bytearray(len(text))
        for m in _BOOK_TITLE.finditer(text):  # 取得《建筑工程施工许可证》: a document's title names no holder
            self.taken[m.start():m.end()] = b"\x01" * (m.end() - m.start())
        self.found: list[Holder] = []
        # a maker named by its brand alone (选用甲、乙的系统: OrgMention.brand) supplies, it holds nothing
        self.orgs = sorted((o for o in orgs if not getattr(o, "brand", False)), key=_START)
        self.org_starts = [o.start for o in self.orgs]
        self._clause_starts: list[int] | None = None
        self._last_company: list[int] | None = None

    @property
    def last_company(self) -> list[int]:
        """For each organization (in text order), the index of the last company or fund at or before it (-1: none)."""
        if self._last_company is None:
            last, self._last_company = -1, []
            for k, o in enumerate(self.orgs):
                last = k if o.org_type in ("company", "fund") else last
                self._last_company.append(last)
        return self._last_company

    def free(self, s: int, e: int) -> bool:
        """No holder taken yet covers a character of ``s:e``."""
        return self.taken.find(1, s, e) < 0

    def take(self, h: Holder) -> None:
        self.taken[h.start:h.end] = b"\x01" * (h.end - h.start)
        self.found.append(h)

    @property
    def clause_starts(self) -> list[int]:
        """0 and the offset after each ``，。；：！？``, line break or opening quote."""
        if self._clause_starts is None:
            self._clause_starts = [0] + [m.end() for m in self.v["clause_start"].finditer(self.text)]
        return self._clause_starts


def _found(r: _Reading) -> list[tuple[str, str]]:
    """``(name, kind)`` of the holders a step took (for the examples below)."""
    return [(h.name, h.kind) for h in r.found]


def _count_first(r: _Reading) -> None:
    """Counted phrases written count first, a batch: ``9个重点项目``, ``12家企业``, with the place
    and the plan written just before the count (``全县9个重点项目``, ``全县计划新开工9个项目``: the
    plan sets the batch apart, see ``planned_leads`` in ``data/subjects.yaml``); never categories
    (``两个类别的项目``).

    >>> r = _Reading("今年全县9个重点项目开工。"); _count_first(r); _found(r)
    [('全县9个重点项目', 'batch')]
    """
    text, v, free, take = r.text, r.v, r.free, r.take
    for m in v["batch_after"].finditer(text):
        if v["category_re"].search(m.group()):
            continue
        s = m.start()
        lead = v["planned_lead"].search(text, max(0, s - 8), s)  # 计划新开工|16个项目: named by its plan
        s = lead.start() if lead else s
        place = v["batch_place"].search(text, max(0, s - 8), s)
        s = place.start() if place else s
        if m.end() - s >= 3 and free(s, m.end()):
            take(Holder(s, m.end(), text[s:m.end()], "batch"))


def _count_last(r: _Reading) -> None:
    """Counted phrases written count last, a batch: the noun before the head and its count
    (``入驻企业35家``, ``续建项目有8个``), read leftwards to a break word.

    >>> r = _Reading("园区现有入驻企业35家。"); _count_last(r); _found(r)
    [('入驻企业35家', 'batch')]
    """
    text, v, free, take = r.text, r.v, r.free, r.take
    for m in v["batch_before"].finditer(text):
        if v["category_re"].search(m.group()):
            continue
        s = batch_left(text, m)
        if s is not None and m.end() - s >= 3 and free(s, m.end()):
            take(Holder(s, m.end(), text[s:m.end()], "batch"))


def _counted_others(r: _Reading) -> None:
    """Counted teams, labs, platforms, works (``6个院士工作站``, ``3名博士团队``): typed other.

    >>> r = _Reading("已建成6个院士工作站。"); _counted_others(r); _found(r)
    [('6个院士工作站', 'other')]
    """
    text, v, free, take = r.text, r.v, r.free, r.take
    for m in v["other_after"].finditer(text):
        if v["category_re"].search(m.group()):
            continue
        s = m.start()
        if m.end() - s >= 3 and free(s, m.end()):
            take(Holder(s, m.end(), text[s:m.end()], "other"))


def _coded_plots(r: _Reading) -> None:
    """Plots of land named by a code (``B-12-3a地块``, ``工202409国有建设用地``): the holder of a sale
    notice's figures, from the code on (a plot for sale is neither a project nor a company).

    >>> r = _Reading("云岭B-12-3a地块起拍价8.5亿元。"); _coded_plots(r); _found(r)
    [('B-12-3a地块', 'plot')]
    """
    text, free, take = r.text, r.free, r.take
    for m in plot_matches(text, r.v["plot_re"]):
        s = m.start("code")
        if free(s, m.end()):
            take(Holder(s, m.end(), text[s:m.end()], "plot"))


def _head_phrases(r: _Reading) -> None:
    """Phrases ending in a head noun (``…项目``, ``…生产基地``, ``…产业园（一期）``, ``…开发区``):
    each read from the start :func:`left_edge` gives with :data:`HEAD_READINGS`, in order, until
    one claims it.

    >>> r = _Reading("青田云岭科技智能装备产业园项目开工。"); _head_phrases(r); _found(r)
    [('青田云岭科技智能装备产业园项目', 'project')]
    """
    text = r.text
    readings = config.active_steps(STAGE, HEAD_READINGS)
    tails = tuple(r.v["compound_tails"])
    for m in r.v["head_re"].finditer(text):
        if text.startswith(tails, m.end()):
            continue  # a head inside a longer word (工程师: subjects.yaml compound_tails)
        i = bisect_right(r.org_starts, m.start()) - 1
        if i >= 0 and r.orgs[i].org_type == "company" and (r.orgs[i].start < m.start() < m.end() < r.orgs[i].end or (
                r.orgs[i].end == m.start() and text.startswith(r.v["project_roles"], m.start()))):
            continue  # a head word inside a company's name (中建某某工程局有限公司, 某某产业园开发有限公司) or the
            # company's project people right after it (…有限公司项目经理): the company's (某某项目负责人 stays a project's)
        s = left_edge(text, m.start(), line_start(text, m.start()))
        for read in readings:
            if read(r, m, s):
                break


def _quoted_name(r: _Reading, m, s: int) -> bool:
    """A project named by a quotation of eight characters or more right before its head
    (``“高精度云台芯片封装工艺研究”项目``); a shorter quotation is a slogan (``“快落地”项目``).

    >>> r = _Reading("“高精度云台芯片封装工艺研究”项目通过验收。")
    >>> m = r.v["head_re"].search(r.text); s = left_edge(r.text, m.start(), 0)
    >>> _quoted_name(r, m, s), _found(r)
    (True, [('“高精度云台芯片封装工艺研究”项目', 'project')])
    """
    text = r.text
    if s != m.start() or text[s - 1:s] != "”":
        return False
    q = text.rfind("“", max(0, s - 40), s)
    if q >= 0 and s - q - 2 >= 8 and r.free(q, m.end()) and r.v["cjk_name"].fullmatch(text, q + 1, s - 1):
        r.take(Holder(q, m.end(), text[q:m.end()], "project"))
        return True
    return False


def _reference_back(r: _Reading, m, s: int) -> bool:
    """``该项目``, ``这个工程``, ``该产业园``, ``该基地``: a reference back to the current project (kind
    generic, resolved later), when no name stands before the head (any project head but a plot: 该地块 is a plot).

    >>> r = _Reading("该项目投资2亿元。")
    >>> m = r.v["head_re"].search(r.text); s = left_edge(r.text, m.start(), 0)
    >>> _reference_back(r, m, s), _found(r)
    (True, [('该项目', 'generic')])
    """
    if m.start() - s >= 2:
        return False
    det = r.v["determiner"].search(r.text, max(0, m.start() - 2), m.start())
    if det and m.group() in r.v["reference_heads"] and r.free(det.start(), m.end()):
        r.take(Holder(det.start(), m.end(), r.text[det.start():m.end()], "generic"))
        return True
    return False


def _named_phrase(r: _Reading, m, s: int) -> bool:
    """The phrase from its start to its head: a project or zone when it has a name of its own
    (``云岭科技电池材料项目``), generic when it has none (``首期项目``), a batch when a place opens
    it (``文成县民间投资重大项目``), a title after 被评为 (``被评为中国石雕生产基地``); a phrase
    whose words are a size class (``亿元以上项目``) or that is too short to name anything is no
    holder. The phrase carries the organization that builds it and, after a 简称 or 其, its
    company's short name.

    >>> text = "云岭科技有限公司（以下简称“云岭”）电池材料项目签约。"
    >>> r = _Reading(text, extract_org_mentions(text))
    >>> m = r.v["head_re"].search(text); s = left_edge(text, m.start(), 0)
    >>> _named_phrase(r, m, s), _found(r), r.found[0].org.name
    (True, [('云岭电池材料项目', 'project')], '云岭科技有限公司')
    """
    text, v = r.text, r.v
    if m.start() - s < 2:  # a head with no words before it names nothing — but a place's projects cut at a verb
        # (丽水全市省重点建设项目: the cut after 建设 left 项目 alone; read with the batch breaks, a batch)
        place = place_before(text, s, m.start()) if config.step_on(STAGE, "place_batch") \
            and m.group().startswith(("项目", "工程")) else None
        if place is not None and r.free(place, m.end()) and not v["plural_re"].search(text, place, m.end()):
            r.take(Holder(place, m.end(), text[place:m.end()], "batch"))
        return True
    start = _phrase_start(r, m, s)
    if start is None:
        return True
    s = start
    if boundary(text, s):
        return True  # 南至星河高速: a side of a boundary
    s = framed_start(text, s, m)
    products = company_products(text, s, r.orgs, r.org_starts)
    if products is not None and r.free(products, s):  # 云岭科技正极、负极和隔膜材料项目: one plant
        s = products
    listed = listed_places(text, s)
    if listed is not None and r.free(listed, s):  # 云和、松阳、岚山三县…配套工程: the places' works, one batch
        r.take(Holder(listed, m.end(), text[listed:m.end()], "batch"))
        return True
    name = text[s:m.end()]
    head = m.group()
    if config.step_on(STAGE, "ranked_head"):
        counted = _COUNTED.match(name)
        if counted and (counted.group(1) or counted.group() in _ONE or counted.group(2) not in ("个", "家", "项")
                        or not head.startswith(tuple(v["batch_heads"]))):
            # 第二条生产线, 首座体育馆, 一条生产线: one item by its rank or the indefinite "a" names nothing (generic,
            # the current project's); nor do facilities counted or sized (新建6条薄膜生产线,
            # 3000座位体育馆, 20多条生产线, 4个体育馆: 个 counts a batch only before a batch head, 9个项目): what the project or company builds, the current one's.
            r.take(Holder(s, m.end(), name, "generic"))
            return True
    if config.step_on(STAGE, "size_class") and _SIZE_CLASS.match(name):
        # 30亿级项目, 百亿级先进制造项目, 百亿项目: the projects of a size class, a batch (never one project's name)
        r.take(Holder(s, m.end(), name, "batch"))
        return True
    if v["money_re"].search(name):
        return True  # 5亿元至20亿元项目, 亿元以上项目: a range of sizes, not a name
    owner = owner_before(text, s, r.orgs, r.org_starts, r.last_company, m.start()) if config.step_on(STAGE, "owner") else None
    if owner is not None:
        # X公司（以下简称“星澜”）12英寸硅片项目, X公司…其12英寸硅片项目: the company's project, named with it
        name = owner[0] + name
    # an organization the phrase starts with or holds builds it (云岭科技（青田）有限公司电子材料生产项目)
    j = bisect_right(r.org_starts, s - 1)  # the first organization starting in the phrase, if it ends before the head
    org = r.orgs[j] if j < len(r.orgs) and r.orgs[j].end <= m.start() else None
    org = org or (owner[1] if owner else None)
    kind = head_kind(head)
    if not distinctive(name, head) or v["plural_re"].search(name) or project_goal(text, s, m.start()):
        kind = "generic"  # 该项目, 首期建设项目; 一个个优质装备产业项目 (many projects, in general)
        place = place_before(text, s, m.start()) if config.step_on(STAGE, "place_batch") else None
        if place is not None and head.startswith(("项目", "工程")) and not v["plural_re"].search(name):
            # 青田县稳进提质重大项目, 松阳县重大项目: a place's projects, counted as one batch
            s, name, kind = place, text[place:m.end()], "batch"
        elif name.startswith(_THIS_BATCH[:2]) and len(name) - len(head) > 2 and head.startswith(("项目", "工程")) \
                and config.step_on(STAGE, "kind_head"):
            kind = "batch"  # 此次投产项目, 本次签约项目: the projects of this event (as holder_phrases.name_form)
    elif org is None and (form := name_form(text, s, m)) is not None:
        kind = form  # a kind of project (云岭新区重大项目: a batch)
    elif config.step_on(STAGE, "titles") and (v["title_re"].search(text, max(0, s - 6), s)
                                              or text.startswith("称号", m.end())):
        kind = "title"  # 被评为中国竹制品生产基地: an honour the holder bears, not a holder
    r.take(Holder(s, m.end(), name, kind, org))
    return True


_CLOSE = re.compile("[）)]")
_BOOK_TITLE = re.compile(r"《[^《》\n]{1,40}》")  # a title of a document, law, paper or programme
_MEASURES = "个条座家项栋幢台套"
_COUNTED = re.compile(rf"(第|首(?=[{_MEASURES}]))?(?:\d+|[一二两三四五六七八九十百千]+|(?<=首))(?:多|余)?(?:([{_MEASURES}])(?!位)|个?座位)")
_ONE = {"一" + c for c in _MEASURES}
_SIZE_CLASS = re.compile(r"(?:\d+(?:\.\d+)?|[十百千万]+)(?:亿|万)?元?级|[十百千]+亿(?=项目|工程)")


def _phrase_start(r: _Reading, m, s: int) -> int | None:
    """Where a head phrase starts once what was taken, the organizations and leading marks are
    accounted for; None when fewer than two characters are left before the head."""
    text = r.text
    if not r.free(s, m.end()):
        # a holder already stands in the run (云岭高新区项目概况|青田县星河…产业园): start after it
        last = r.taken.rfind(1, s, m.start())
        if last < 0 or not r.free(last + 1, m.end()):
            return None
        whole = _named_before(r, s, last + 1, m) if config.step_on(STAGE, "name_inside") else None
        s = last + 1 if whole is None else whole
        if whole is None and config.step_on(STAGE, "name_start"):
            s = name_start(text, s, m.start())  # 星河项目于云岭经济开发区…: the zone's name starts after 于
    # an organization the cut fell inside keeps its name whole (正帆科技（丽水）有限公司…项目: 正 is no break there)
    i = bisect_right(r.org_starts, m.start() - 1) - 1
    while i >= 0 and r.orgs[i].end >= m.start():
        i -= 1
    if i >= 0 and s <= r.orgs[i].start and text[r.orgs[i].end] in _PREPOSITIONS \
            and config.step_on(STAGE, "name_start"):  # 星河科技有限公司于云岭经济开发区…: the zone's name after 于
        s = name_start(text, r.orgs[i].end, m.start())
    i = bisect_right(r.org_starts, s) - 1
    if i >= 0 and r.orgs[i].start < s < r.orgs[i].end:
        s = r.orgs[i].start
    while s < m.start() and (text[s] in "）)—-" or text[s] in "（(" and not _CLOSE.search(text, s, m.start())):
        s += 1  # …有限公司（以下简称“X”）12英寸硅片项目, 样板工程——X项目, B-3地块（星河…: after the mark
    return None if m.start() - s < 2 else s


_PREPOSITIONS = "于在从向与和及由为将"  # (after an organization's name: never its next word)


def _named_before(r: _Reading, s: int, end: int, m) -> int | None:
    """Step ``holders.name_inside``: a named project ending at ``end``, inside the run of the next
    phrase, is the first part of that phrase's name when the words between have a name of their own
    (``330国道云岭至星河段改建工程``: the road and the stretch built on it are one name;
    ``星河小镇三创基地``): it is dropped, and its start returned. So is a zone, when the words after it
    have no proper name of their own (``云岭至星河新区引水工程``: 引水 names no work without the zone;
    ``星河新区云岭智造项目`` keeps its own). Not when the words between are a stage or a reference
    (``星河项目土建工程``, ``330国道该项目``), a count or rank (``星河新区首个…综合体``), nor a zone or a mark."""
    text = r.text
    if head_kind(m.group()) != "project" or not r.v["cjk_name"].match(text, end) or text[end] in "（）()·+-—&" \
            or not distinctive(text[end:m.end()], m.group()) or r.v["determiner"].search(text, end, m.start()) \
            or _COUNTED.match(text, end) or name_start(text, end, m.start()) > end:
        return None  # (…项目于云岭产业园: the words between open with a preposition, no name of theirs)
    for k in range(len(r.found) - 1, max(-1, len(r.found) - 4), -1):
        h = r.found[k]
        if h.end == end and h.start >= s and (h.kind == "project" or h.kind == "zone" and not proper(text, end, m.start())):
            del r.found[k]
            r.taken[h.start:h.end] = bytes(h.end - h.start)
            if h.kind == "project":
                return h.start
            before = r.taken.rfind(1, s, h.start)  # (a zone's run starts after the holder before it: 星河项目于|云岭新区…)
            return s if before < 0 else name_start(text, before + 1, m.start())
    return None


#: How a phrase ending in a head noun is read, in order (stage ``holders``): the first that claims it wins.
HEAD_READINGS = (_quoted_name, _reference_back, _named_phrase)


def _firm_categories(r: _Reading) -> None:
    """A category of firms opening a clause speaks as a batch (``规上企业实现产值…``,
    ``排名前20的龙头企业产值…``).

    >>> r = _Reading("今年，规上企业实现产值12亿元。"); _firm_categories(r); _found(r)
    [('规上企业', 'batch')]
    """
    _clause_openers(r, r.v["firm_category"], r.v["firm_category_hint"])


def _industries(r: _Reading) -> None:
    """An industry opening a clause before its output speaks as a batch of its firms
    (``云和县木制玩具产业完成产值…``).

    >>> r = _Reading("云和县木制玩具产业完成产值8.5亿元。"); _industries(r); _found(r)
    [('云和县木制玩具产业', 'batch')]
    """
    _clause_openers(r, r.v["industry_subject"], r.v["industry_subject_hint"], "kind")


def _clause_openers(r: _Reading, rx, hint=None, rest: str = "") -> None:
    """Take the ``name`` group of ``rx`` where it matches at a clause start, as a batch (not tried
    on a text without ``hint``, which every match holds) — or its group ``rest`` when a holder
    already stands before it (某某高新区|锂电产业: the zone taken, the industry is the rest)."""
    text, free, take = r.text, r.free, r.take
    if hint is not None and hint.search(text) is None:
        return
    for st in r.clause_starts:
        m = rx.match(text, st)
        for g in ("name", rest) if m else ():
            if g and free(*m.span(g)) and m.end(g) - m.start(g) >= 3:
                take(Holder(m.start(g), m.end(g), m.group(g), "batch"))
                break


def _treasuries(r: _Reading) -> None:
    """A treasury (``省财政``, ``县级财政``) grants as a government body.

    >>> r = _Reading("县级财政拨款500万元。"); _treasuries(r); _found(r)
    [('县级财政', 'government')]
    """
    free, take = r.free, r.take
    for m in r.v["treasury_re"].finditer(r.text):
        if free(m.start(), m.end()):
            take(Holder(m.start(), m.end(), m.group(), "government"))


def _trade_names(r: _Reading) -> None:
    """A place and a short trade name opening a clause before what it does (``杭州云岭将在…``,
    ``温州岭拓投资…``): a company known by its trade name.

    >>> r = _Reading("杭州云岭将在青田建设新工厂。"); _trade_names(r); _found(r)
    [('杭州云岭', 'company')]
    """
    text, v, free, take = r.text, r.v, r.free, r.take
    for st in r.clause_starts:
        m = v["trade_name"].match(text, st)
        if not m:
            continue
        name = m.group("name")
        if free(m.start(), m.end()) and not v["generic_re"].search(name) and not v["region_re"].search(name) \
                and not v["break_re"].search(name):
            take(Holder(m.start(), m.end(), m.group(), "company"))


def _organizations(r: _Reading) -> None:
    """Every organization mention not inside a holder taken before (media excepted), of the kind
    its type gives; one followed by a role (``云岭科技有限公司董事长``) is an affiliation, a topic only.

    >>> text = "云岭科技有限公司董事长介绍。"
    >>> r = _Reading(text, extract_org_mentions(text)); _organizations(r)
    >>> [(h.name, h.kind, h.affiliation) for h in r.found]
    [('云岭科技有限公司', 'company', True)]
    """
    text, role_re, free, take = r.text, r.v["role_re"], r.free, r.take
    for o in r.orgs:
        if o.org_type == "media" or not free(o.start, o.end):
            continue
        take(Holder(o.start, o.end, o.name, _ORG_KIND.get(o.org_type, "other"), o,
                    affiliation=role_re.match(text, o.end) is not None))


def _regions(r: _Reading) -> None:
    """A place standing alone (``青田全年实现…``, ``全县，…``) is a region holder; not the first
    word of a name (``青田云岭…``).

    >>> r = _Reading("青田全年实现产值8.5亿元。"); _regions(r); _found(r)
    [('青田', 'region')]
    """
    text, v, free, take = r.text, r.v, r.free, r.take
    region_end = v["region_end"]
    for m in v["region_re"].finditer(text):
        if free(m.start(), m.end()) and region_end.match(text, m.end()):
            take(Holder(m.start(), m.end(), m.group(), "region"))


#: The steps of :func:`find_holders`, in order (stage ``holders``).
HOLDER_STEPS = (_count_first, _count_last, _counted_others, _coded_plots, _head_phrases, _firm_categories,
                _industries, _treasuries, _trade_names, _organizations, _regions, _area_batches, _this_batch,
                _builders, _short_forms, _sole_owner, bare_heads)


def find_holders(text: str, orgs=(), headline: str = "") -> Holders:
    """Every candidate holder of an article body (and its headline), read once: the
    :data:`HOLDER_STEPS` in order, then the holders in text order."""
    r = _Reading(text, orgs)
    for step in config.active_steps(STAGE, HOLDER_STEPS):
        step(r)
    r.found.sort(key=_START)
    return Holders(text, without_agents(text, r.found), *_headline_reading(headline))


@lru_cache(maxsize=256)
def _headline_reading(headline: str) -> tuple[Holder | None, Holder | None]:
    """From one reading of a headline: the project or company it is about, else the period's batch it names (a
    place's projects of a quarter or half-year: the report's topic, not a batch counted in passing); and the zone or
    region it names first (某某高新区1—9月主要经济指标简况: a bulletin's area)."""
    hs = find_holders(headline, extract_org_mentions(headline)).items if headline else []
    best = next((h for h in hs if h.kind == "project"), None) or next((h for h in hs if h.kind == "company"), None) \
        or next((h for h in hs if h.kind == "batch" and period_batch(h.name)), None)  # (云岭市一季度攻坚工程全面开工)
    area = next((h for h in hs if h.kind in ("zone", "region")), None)
    return (Holder(-1, -1, best.name, best.kind, best.org) if best else None,
            Holder(-1, -1, area.name, area.kind, area.org) if area else None)


#: A comitative or locative word and the modifiers of a landmark right before a name (与现有的, 位于在建的,
#: 紧邻): the name is a preposition's object, a place of reference, never the article's topic.
_COMITATIVE = re.compile(r"(?:与|同|跟|位于|紧邻|毗邻|靠近)(?:现有的?|已有的?|在建的?|正在建设的?|建设中的|规划中的"
                         r"|原有的?|在)?$")


class Holders:
    """The candidate holders of one article (in text order), with the lookups
    :func:`.figure_holder.resolve` needs."""

    def __init__(self, text: str, items: list[Holder], headline_topic: Holder | None, headline_area: Holder | None = None):
        self.text = text
        self.items = items
        self.starts = [h.start for h in items]
        self.headline_topic, self.headline_area = headline_topic, headline_area
        # (a project after 与/同/跟 is a preposition's object — 与现有的某某大桥拼宽 — never the topic)
        self.sites = located_starts(text, items)
        # (nor a park named as where the project stands: 建设地点：某县某镇智造产业园东区, 位于某产业园)
        self.projects = [h for h in items if h.kind in ("project", "plot") and h.start not in self.sites
                         and not _COMITATIVE.search(text, max(0, h.start - 8), h.start) and not is_site(text, h)]
        self.project_ends = [h.end for h in self.projects]
        self.companies = [h for h in items if h.kind == "company"]
        self.company_ends = [h.end for h in self.companies]
        self.zones = [h for h in items if h.kind == "zone" and opens_clause(text, h, clause_start(text, h.start))
                      and not is_site(text, h)]
        self.zone_ends = [h.end for h in self.zones]
        #: what the lookups of :mod:`.figure_holder` keep between figures (clause candidates, answers)
        self.memo: dict = {}
        self._of_kinds: dict[tuple, tuple[list[Holder], list[int]]] = {}

    def topic(self, before: int, prefer: str = "project") -> Holder | None:
        """The article's current project or company: the last one named before ``before``
        (of the ``prefer``-ed kind when there is one: 该项目 means a project, 该企业 a company)."""
        i = bisect_right(self.project_ends, before) - 1
        j = bisect_right(self.company_ends, before) - 1
        project = self.projects[i] if i >= 0 else None
        company = self.companies[j] if j >= 0 else None
        if prefer == "company":
            # a project built by a company named after the company itself speaks for it (…有限公司…项目一期工程)
            if project is not None and project.org is not None and (company is None or project.end > company.end):
                return project
            return company or project or self.headline_topic
        if project and company and company.start > project.end and "\n" in self.text[project.end:company.start] \
                and not (project.org and company.org and project.org.name == company.org.name):
            return company  # a paragraph on another company than the last project's (X公司是…；该项目…)
        return project or company or self.headline_topic

    def area_speaker(self, before: int) -> Holder | None:
        """The last region or zone before ``before`` that opens its clause (a clause's or a heading's subject)."""
        if "area_speakers" not in self.memo:
            hs = [h for h in self.items if h.kind in ("region", "zone") and opens_clause(self.text, h, clause_start(self.text, h.start))]
            self.memo["area_speakers"] = (hs, [h.end for h in hs])
        hs, ends = self.memo["area_speakers"]
        i = bisect_right(ends, before) - 1
        return hs[i] if i >= 0 else None

    def speaking_zone(self, before: int) -> Holder | None:
        """The last zone before ``before`` that opens its clause (the zone as a clause's subject)."""
        i = bisect_right(self.zone_ends, before) - 1
        return self.zones[i] if i >= 0 else None

    def containing(self, s: int, e: int) -> Holder | None:
        i = bisect_right(self.starts, s) - 1
        if i >= 0 and self.items[i].end >= e:
            return self.items[i]
        return None

    def first_between(self, lo: int, hi: int, kinds: tuple[str, ...] | None = None,
                      affiliated: bool = True) -> Holder | None:
        """The first of :meth:`between` ``(lo, hi)`` (of one of ``kinds`` when given, and not an affiliation
        unless ``affiliated``), from the holders of those kinds alone: the same answer, without a list of
        every holder up to ``hi``."""
        if kinds is None and affiliated:
            hs, starts = self.items, self.starts
        else:
            key = (kinds, affiliated)
            if key not in self._of_kinds:
                hs = [h for h in self.items if (kinds is None or h.kind in kinds) and (affiliated or not h.affiliation)]
                self._of_kinds[key] = (hs, [h.start for h in hs])
            hs, starts = self._of_kinds[key]
        i = bisect_left(starts, lo)
        while i < len(hs) and hs[i].start < hi:
            if hs[i].end <= hi:
                return hs[i]
            i += 1
        return None

    def between(self, lo: int, hi: int) -> list[Holder]:
        i = bisect_right(self.starts, lo - 1)
        out = []
        while i < len(self.items) and self.items[i].start < hi:
            if self.items[i].end <= hi:
                out.append(self.items[i])
            i += 1
        return out

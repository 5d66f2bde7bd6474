"""The holder of one clause (:func:`_pick`) and what may hold a figure there (:func:`acceptable`,
:func:`subject_type`), for :func:`.figure_holder.resolve`: for a plant's figure or milestone the
nearest project, else the nearest batch counted, else the clause's grammatical subject, else the
nearest — read once per clause (:class:`_ClauseCands`)."""
from __future__ import annotations

import re
from bisect import bisect_right

from .context import clause_end, rfind_in
from .holder_phrases import Holder, is_site, opens_clause
from .holders import Holders


def acceptable(h: Holder, text: str, cstart: int, role: str, event: bool = False) -> bool:
    """``h`` may hold a figure (or, with ``event``, a milestone) of ``role`` in the clause from ``cstart``."""
    if h.affiliation or h.kind == "title":
        return False
    if _AGENT_BEFORE.search(text, max(cstart, h.start - 32), h.start):
        return False  # 云岭地块被星河科技有限公司拿下: the agent of a passive is not what the sentence is about
    if text[h.start - 1:h.start] == "在" and _OCCASION_AFTER.match(text, h.end):
        return False  # 项目在云溪县重大项目集中签约活动中签约: the occasion it happened at, not what the clause is about
    if h.kind == "company" and role == "project" and _OWNER_FIELD.search(text, max(0, h.start - 8), h.start):
        return False  # 云溪轴承项目，建设单位：某某精工有限公司，总投资…: the owner named in a field holds no plant figure
    if event:  # a milestone is a project's, a company's or a batch's; a zone or body only hosts it
        return h.kind not in ("government", "zone", "region")
    if h.kind == "government":
        return role == "government"
    if h.kind in ("zone", "region"):
        # 项目选址：某经开区…, 位于某高新区: the site of the figure's holder, not its holder
        return opens_clause(text, h, cstart) and not is_site(text, h)
    # 终点与云岭大桥相连, 位于青溪产业集聚区: a place the figure's holder stands at, not its holder (nor a park
    # named as its site: 选址云溪产业基地，用地约650亩)
    return not _LOCATION_BEFORE.search(text, max(cstart, h.start - 3), h.start) \
        and not (h.kind == "project" and is_site(text, h))


# (被 and the agents before this one: 被星河集团和云岭实业有限公司|竞得)
_AGENT_BEFORE = re.compile(r"被(?:[^，。；：,;:]{2,30}?[和、与及])?$")
# a field naming a project's owner (建设单位：, 业主单位为, 项目业主为, 实施主体：): what follows is the owner
_OWNER_FIELD = re.compile(r"(?:建设单位|业主单位|项目业主|项目单位|实施主体)\s*(?:为|是|：|:)\s*$")
# an occasion closing a phrase of 在 (在某某重大项目集中签约活动中, 在某某开工仪式上): when, not who
_OCCASION_AFTER = re.compile(r"[^，。；：,;:！？!?]{0,8}?(?:活动|仪式|大会|推介会|签约会|洽谈会)(?:中|上|现场)")
_LOCATION_BEFORE = re.compile(r"(?:位于|坐落于|地处|紧邻|毗邻|靠近|于|至|从)$")


def subject_type(h: Holder, role: str) -> str:
    """Type of a holder for what it holds: a company's plant figures and milestones are its project's."""
    if h.kind == "plot":
        return "other"
    if h.kind == "company":
        return "project" if role == "project" else "company"
    if h.kind == "other" and h.org is not None and role == "project":
        return "project"
    return h.kind


def _pick(holders: Holders, c: int, hi: int, role: str, event: bool) -> Holder | None:
    """The holder of a clause ``c:hi``: for a plant's figure or milestone the nearest project; else
    the nearest batch counted; else the one that opens the clause (its grammatical subject); else
    the nearest.

    The answer of :func:`_pick_scan` (the definition), from the clause's candidates read once
    (:class:`_ClauseCands`): the figures of one long clause each ask about the part before them."""
    key = ("clause", c, role, event)
    cl = holders.memo.get(key)
    if cl is None:
        cl = holders.memo[key] = _ClauseCands(holders, c, role, event)
    return cl.pick(hi) if cl.usable and hi <= cl.bound else _pick_scan(holders, c, hi, role, event)


class _ClauseCands:
    """The acceptable holders of the clause starting at ``c`` (up to the first clause break after it,
    ``bound``) for one role, in text order, with the running indexes :meth:`pick` needs: how many
    are generic, the last non-generic, project and batch at or before each, the first non-generic
    at or after each. ``usable``: their ends come in order too (holders do not overlap), so the
    candidates before any ``hi`` are a prefix."""

    __slots__ = ("bound", "c", "ends", "first_ng", "holders", "items", "last_batch", "last_ng", "last_proj",
                 "n_gen", "opens", "role", "starts", "usable")

    starts: list[int]
    ends: list[int]
    last_ng: list[int]
    last_proj: list[int]
    last_batch: list[int]
    opens: dict[tuple[int, int], bool]

    def __init__(self, holders: Holders, c: int, role: str, event: bool):
        text = holders.text
        sep = clause_end(text, c, len(text))
        self.bound = sep + 1 if sep < len(text) else len(text)
        self.holders, self.c, self.role = holders, c, role
        self.items = items = [h for h in holders.between(c, self.bound)
                              if h.start not in holders.sites and acceptable(h, text, c, role, event)]
        if not items:  # (most clauses: nothing to index, pick gives None)
            self.starts = self.ends = self.last_ng = self.last_proj = self.last_batch = []
            self.n_gen, self.first_ng, self.usable, self.opens = [0], [0], True, {}
            return
        self.starts = [h.start for h in items]
        self.ends = [h.end for h in items]
        self.usable = all(h.start < h.end for h in items) and all(a <= b for a, b in zip(self.ends, self.ends[1:]))
        self.n_gen, self.last_ng, self.last_proj, self.last_batch = [0], [], [], []
        ng = proj = batch = -1
        for k, h in enumerate(items):
            self.n_gen.append(self.n_gen[-1] + (h.kind == "generic"))
            ng = k if h.kind != "generic" else ng
            proj = k if h.kind in ("project", "plot") else proj
            batch = k if h.kind == "batch" else batch
            self.last_ng.append(ng)
            self.last_proj.append(proj)
            self.last_batch.append(batch)
        self.first_ng = [len(items)] * (len(items) + 1)
        for k in range(len(items) - 1, -1, -1):
            self.first_ng[k] = k if items[k].kind != "generic" else self.first_ng[k + 1]
        self.opens = {}

    def pick(self, hi: int) -> Holder | None:
        """:func:`_pick_scan` ``(holders, c, hi, role, …)`` for ``hi`` ≤ ``bound``."""
        items, text = self.items, self.holders.text
        k = bisect_right(self.ends, hi)          # items[:k]: the candidates ending by hi
        if k == 0:
            return None
        n_gen = self.n_gen[k]
        named_only = 0 < n_gen < k               # some named, some generic: the named ones
        last = self.last_ng[k - 1] if named_only else k - 1
        a, c = 0, self.c
        item = rfind_in(text, "、", c, hi)
        if item >= 0 and items[last].start > item:
            c, a = item + 1, bisect_right(self.starts, item)
        if self.role == "project" and self.last_proj[k - 1] >= a:
            return items[self.last_proj[k - 1]]
        first = self.first_ng[a] if named_only else a
        share = rfind_in(text, "占", c, hi)
        if share >= 0 and items[first].end <= share:
            return items[first]
        if self.last_batch[k - 1] >= a:
            return items[self.last_batch[k - 1]]
        key = (first, c)
        if key not in self.opens:
            self.opens[key] = opens_clause(text, items[first], c)
        return items[first] if self.opens[key] else items[last]


def _pick_scan(holders: Holders, c: int, hi: int, role: str, event: bool) -> Holder | None:
    """:func:`_pick` by its definition, scanning the clause's holders."""
    cands = [h for h in holders.between(c, hi) if h.start not in holders.sites and acceptable(h, holders.text, c, role, event)]
    if not cands:
        return None
    named = [h for h in cands if h.kind != "generic"]
    if named and named != cands:  # 最大外资项目是青田的云岭…项目: the named one
        cands = named
    item = holders.text.rfind("、", c, hi)
    if item >= 0 and cands[-1].start > item:
        # A投资3.2亿元、B投资7.5亿元: the list item holding the figure
        c, cands = item + 1, [h for h in cands if h.start > item]
    if role == "project":
        projects = [h for h in cands if h.kind in ("project", "plot")]
        if projects:
            return projects[-1]
    share = holders.text.rfind("占", c, hi)
    if share >= 0 and cands[0].end <= share:
        # 前10家规上企业营收占95家规上企业营收的47.6%: a share is of the clause's subject
        return cands[0]
    batches = [h for h in cands if h.kind == "batch"]
    if batches:  # 已入园项目9个，总投资12.4亿元: the projects counted hold the sum, not the park
        return batches[-1]
    if opens_clause(holders.text, cands[0], c):
        return cands[0]
    return cands[-1]

"""Companies that serve a project, named as its agent, are no holder of its figures or milestones
(``holders.agents``):

    项目生产线由星河装备有限公司提供 / 厂房由云溪城投集团负责代建 / 由某建工集团承建 — the supplier,
    the builder: the project's milestone after it (计划今年9月开工) is not theirs;
    在某银行云溪支行支持下，这家企业的新车间8月投用 — the lender helped, the firm built.

A company right after 由 whose name is followed by a verb of supplying or building (``agent_verbs`` of
``subjects.yaml``), or right after 在 and followed by 的支持下/的帮助下.

And the investors of a project that is the clause's subject (``holders.investing_agents``): in
``该项目由星河科技与云岭实业有限公司合作建设，总投资30亿元`` or ``项目由云岭新能源的控股股东——星河控股集团
股份有限公司投资建设`` the sentence is about the project (a reference back, a project named, or the
subject of the clause before; a project is named before it), the companies after 由 are its agents: the figures and milestones that
follow are the project's, and a company named so in a new paragraph does not make it about another
company. The companies joined by 与/和/及/、 before the verb (``investing_verbs``; a gloss in brackets
may stand before it: 某某控股私人有限公司（Example Holdings Pte. Ltd.）合资建设) are all agents; a
verb followed by 的 makes a name's modifier instead (``由星河科技投资建设的云岭项目``: the company stays).

Linear: a look at a few characters around each company, and a walk back over the companies joined
to the one before the verb (each company is walked over once)."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import config
from ..vocab import load_yaml
from .holder_phrases import Holder


@lru_cache(maxsize=1)
def _after() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    data = load_yaml("subjects.yaml")
    verbs = "|".join(map(re.escape, data["agent_verbs"]))
    invest = "|".join(map(re.escape, data["investing_verbs"]))
    return (re.compile(rf"(?:负责|具体|统一)?(?:{verbs})"), re.compile(r"的?(?:大力)?(?:支持|帮助|支撑)下"),
            re.compile(rf"(?:[（(][^（）()]{{1,60}}[）)])?(?>{invest})(?!的)"))  # (atomic: 投资建设的 never falls back to 投资)


# 由 opening the agents (not 由于, 由此, 自由, 理由, 缘由, 经由), the words before the first company
# (云岭新能源的控股股东——) with no break
_BY = re.compile(r"(?<![自理缘经])由(?![于此])[^，。；：,;:！？!?“”\n]{0,24}$")
# what the clause says the agents build: a reference back or a bare head before 由, or 由 opening a clause
_SUBJECT_BEFORE = re.compile(r"(?:^|[，,；;。\n]|(?:该|这个|这一|整个|此|本)?(?:项目|园区|产业园|基地|工厂|工程)"
                             r"(?:[一二三四]期)?(?:主要|将|拟|计划|则|也)?)$")
_JOIN = "与和及、同"
_AGENT_KINDS = ("company", "other")  # (an institute may invest with a firm: 由星河精密与某某研究院共同投资)
_BY_REACH = 32  # (由 and the words before the first agent)


def without_agents(text: str, items: list[Holder]) -> list[Holder]:
    """``items`` without the companies named as a project's agent (see the module)."""
    if not config.step_on("holders", "agents"):
        return items
    by, helped, invest = _after()

    def agent(h: Holder) -> bool:
        before = text[h.start - 1:h.start] if h.start > 0 else ""
        return h.kind == "company" and ((before == "由" and by.match(text, h.end) is not None)
                                        or (before == "在" and helped.match(text, h.end) is not None))
    dropped = {id(h) for h in items if agent(h)}
    if config.step_on("holders", "investing_agents"):
        dropped |= _investors(text, items, invest)
    return [h for h in items if id(h) not in dropped]


def _investors(text: str, items: list[Holder], invest: re.Pattern) -> set[int]:
    """The ids of the companies named as the investors of the clause's project (see the module)."""
    out: set[int] = set()
    seen_project = False  # (with no project named before, the clause is about no project: 这个园区由甲和乙合资建设)
    for k, h in enumerate(items):
        seen_project = seen_project or h.kind in ("project", "plot")
        if not seen_project or h.kind not in _AGENT_KINDS or invest.match(text, h.end) is None:
            continue
        first = k  # back over the companies joined to this one (星河科技与|云岭实业有限公司)
        while first > 0 and items[first - 1].kind in _AGENT_KINDS and items[first - 1].end == items[first].start - 1 \
                and text[items[first].start - 1] in _JOIN:
            first -= 1
        s = items[first].start
        m = _BY.search(text, max(0, s - _BY_REACH), s)
        if m is None:
            continue
        lead = text[max(0, m.start() - 12):m.start()]
        before_named = first > 0 and items[first - 1].end == m.start() and items[first - 1].kind in ("project", "generic")
        if before_named or _SUBJECT_BEFORE.search(lead) or m.start() == 0:
            while first > 0 and items[first - 1].start > m.start():
                first -= 1  # (a company in the words before the agent: 由云岭科技的控股股东——…)
            out.update(id(x) for x in items[first:k + 1])
    return out

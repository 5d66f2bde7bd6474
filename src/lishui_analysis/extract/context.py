"""Shared helpers for extractors: clauses, quotes, subjects.

The subject of a figure or milestone is the organization or project phrase that
opens its clause (or an earlier clause of the sentence); failing that, the
article's current topic (the last organization mentioned before).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..vocab import cues
from .organizations import OrgMention

CLAUSE_SEP = "，,；;：:。！？!?"
_PROJECT_RE = re.compile(r"^[\u4e00-\u9fff“”·A-Za-z0-9（）]{2,24}(?:项目|地块|园区|基地|工程|产业园|小镇)")
_STOP = re.compile(r"已|将|正在|是|有|为|把|被|由|及|与|的|了|均|都|也|还|共|累计|实现|完成|在")
_LEAD = re.compile(r"^(?:截至目前|截至|目前|其中|同时|此外|另外|据悉|据了解|近日|日前|如今|现在|今年|去年|明年|此次|本次|该|其|这|此|本)+")
_SPEAKER_AFTER = re.compile(r"^(?:相关)?(?:负责人|董事长|总经理|介绍|表示|说|指出|透露|称)")


_SEP_RE = re.compile(f"[{re.escape(CLAUSE_SEP)}]")


@lru_cache(maxsize=8)
def _clause_breaks(text: str) -> list[int]:
    """Offsets just after each clause separator of ``text`` (computed once per body)."""
    return [m.end() for m in _SEP_RE.finditer(text)]


def clause_start(text: str, pos: int, floor: int = 0) -> int:
    """Start of the clause holding ``pos``: just after the last separator at or before it, never before ``floor``.

    >>> clause_start("甲公司投资，乙公司开工", 8)
    6
    """
    breaks = _clause_breaks(text)
    i = bisect_right(breaks, pos) - 1
    return max(breaks[i] if i >= 0 else 0, floor)


def short_quote_spans(text: str, max_len: int = 14) -> list[tuple[int, int]]:
    """Spans of short quotations without clause punctuation: names, slogans (“万亩千亿”, “快投产”,
    ‘北部振兴接续落地工程’)."""
    return [(m.start(), m.end()) for m in re.finditer(r"“([^“”，。；]{1,%d})”|‘([^‘’，。；]{1,%d})’" % (max_len, max_len), text)]


def in_spans(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


def _clause_subject(text: str, cstart: int, orgs: list[OrgMention]):
    """Organization or project phrase opening the clause at ``cstart``."""
    seg = text[cstart:cstart + 40]
    lead = _LEAD.match(seg)
    off = lead.end() if lead else 0
    rest = seg[off:]
    for o in orgs:
        if cstart <= o.start <= cstart + off + 2 and not _SPEAKER_AFTER.match(text[o.end:o.end + 6]):
            if o.org_type in ("development_zone", "government"):
                # 丽水经开区新材料产业园一期项目: the zone's project, not the zone
                project = _project_phrase(text[o.start:o.start + 40])
                if project and len(project) > o.end - o.start:
                    return project, None
            return o.name, o
    project = _project_phrase(rest)
    return (project, None) if project else None


def _project_phrase(seg: str) -> str | None:
    """A project, plot or park phrase opening ``seg`` (空港园区一期地块), or None."""
    stop = _STOP.search(seg)
    head = seg[: stop.start()] if stop else seg
    m = _PROJECT_RE.match(head)
    if m and len(m.group()) >= 4 and not m.group().startswith(tuple(cues()["subject_verbs"])):
        return m.group()
    return None


def find_subject(text: str, pos: int, sent_start: int, orgs: list[OrgMention], memo: dict | None = None):
    """``(subject, OrgMention or None)`` for a figure or milestone at ``pos``.

    The clauses of its sentence are searched right to left, then those of the
    sentences before it in the same paragraph, then the article's topic.
    ``memo``: a dict shared by the calls for one article (same ``text`` and ``orgs``).
    """
    floor = text.rfind("\n", 0, sent_start) + 1
    c = clause_start(text, pos, floor)
    while True:
        if memo is None:
            found = _clause_subject(text, c, orgs)
        else:  # one article's figures and milestones share clauses: each is read once
            found = memo[c] if c in memo else memo.setdefault(c, _clause_subject(text, c, orgs))
        if found:
            return found
        if c <= floor:
            break
        c = clause_start(text, c - 1, floor)
    # The article's current topic: the last company (else any body but a zone) named before.
    before = [o for o in orgs if o.end <= sent_start and o.org_type != "development_zone"]
    companies = [o for o in before if o.org_type in ("company", "fund")]
    topic = (companies or before or [None])[-1]
    if topic is not None:
        return topic.name, topic
    return "", None

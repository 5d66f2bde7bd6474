"""Cues around a figure that put its holder elsewhere than its clause, for two steps of
:data:`.figure_holder.RESOLVE_STEPS`: an in-body heading (``resolve.heading_line``: the paragraph it opens
holds its figures) and a bank's loan (``resolve.lent_to``: the borrower holds the amount, not the bank)."""
from __future__ import annotations

import re
from bisect import bisect_left

from ..ingest.clean import is_subheading
from .context import clause_end, line_end, line_start, occurs_within, rfind_in
from .holder_builders import _LENDER_ENDS
from .holder_phrases import Holder
from .holders import Holders

#: Words of lending: a credit line, a loan, financing (授信15亿元, 4.5亿元中长期贷款, 融资协议).
_LENDING = ("授信", "贷款", "信贷", "融资", "放款", "放贷")
#: The word before the borrower: 为/向/给 X (授信), 与 X (签订融资协议).
_TO = "为向给与对"


def _lenders(holders: Holders) -> tuple[list[Holder], list[int]]:
    """The article's holders named as lenders (星河银行云岭支行), in text order, with their starts (kept
    in ``holders.memo``)."""
    if "lenders" not in holders.memo:
        hs = [h for h in holders.items if h.name.endswith(_LENDER_ENDS)]
        holders.memo["lenders"] = (hs, [h.start for h in hs])
    return holders.memo["lenders"]


def heading_holder(holders: Holders, pos: int) -> Holder | None:
    """The first project or company of the paragraph after the in-body heading ``pos`` stands in (a
    short line opened by a bullet or a number, :func:`.clean.is_subheading`: ``▍五轴机床：11个月从签约
    到投产``), else None."""
    text = holders.text
    floor, end = line_start(text, pos), line_end(text, pos)
    if end < 0 or pos - floor > 30 or not is_subheading(text[floor:end]):
        return None
    nxt = line_end(text, end + 1)
    return holders.first_between(end + 1, nxt if nxt >= 0 else len(text), ("project", "company"))


def borrower(holders: Holders, pos: int, end: int, sentence: int, clause: int, topic: Holder | None) -> Holder | None:
    """For an amount a lender grants (a lending word in its clause, a bank named before it in its
    sentence: ``星河银行云岭支行为该项目授信15亿元``, ``…与4家企业签订融资协议，授信金额2.3亿元``,
    ``…发放固定资产贷款12亿元``), the borrower: the holder right after 为/向/给/与/对 between the bank and
    the amount; with no borrower named (or 为项目), the article's current project or company (``topic``);
    None when the borrower is named in general (为园区企业授信) or for any other figure."""
    text = holders.text
    # a lending word in the figure's clause, up to 8 characters after the figure
    if not occurs_within(text, _LENDING, clause, min(clause_end(text, end, len(text)), end + 8)):
        return None
    # the lenders of holders.between(sentence, pos): the first and the last named there
    hs, starts = _lenders(holders)
    i, j = bisect_left(starts, sentence), bisect_left(starts, pos) - 1
    while i <= j and hs[i].end > pos:
        i += 1
    while j >= i and hs[j].end > pos:
        j -= 1
    if i > j:
        return None
    first, last = hs[i], hs[j]
    to = max(rfind_in(text, c, last.end, pos) for c in _TO)  # (by bisection: no rescan back to the lender)
    if to >= 0:  # the borrower named: a holder right after the word (为该项目, 与4家企业), the project (为项目)
        after = holders.first_between(to + 1, pos)
        if after and after.start <= to + 2 and after.kind in ("project", "company", "batch", "generic"):
            return after
        if not text.startswith("项目", to + 1):
            return None  # 为园区企业授信, 对开发区意向授信: a borrower in general, no holder of ours
    if topic is not None and not topic.name.endswith(_LENDER_ENDS):
        return topic
    # (the current company is the bank itself: the last project or company named before it that is not a lender)
    key = ("lender_topic", first.start)
    if key not in holders.memo:
        holders.memo[key] = next((h for h in reversed(holders.between(0, first.start)) if h.kind in ("project", "company")
                                  and not h.affiliation and not h.name.endswith(_LENDER_ENDS)), None)
    return holders.memo[key]


"""Who a signing settles (steps of :mod:`.events`, stage ``"events"``): the project signed, its
object right after the verb (:func:`signed_object`), and never a party that signs no project of its
own — a lender or a school (:func:`signing_party`).

The steps take the article and the statement of :mod:`.events` (``a``, ``s``: its ``_Article`` and
``_Statement``, not imported, so that the modules import no cycle) and return whether
the statement goes on to the next step; linear: a look at the text right after the verb, and a
test of each holder's name ending."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

from ..vocab import event_vocab
from .figure_holder import Resolved



def signed_object(a: Any, s: Any) -> bool:
    """Gives a signing to the project signed, its object right after the verb (甲公司与乙管委会签下了
    年产8万吨新材料项目; 现场签约云溪智能装备项目): the project settled, not the company that signed it."""
    if s.event_type == "settled" and not s.listed and s.word.startswith("签"):
        k = s.end + (2 if a.text.startswith("下了", s.end) else 1 if a.text[s.end:s.end + 1] in "了下" else 0)
        nxt = a.holders.between(k, min(s.s_end, k + 60))
        if nxt and nxt[0].start == k and nxt[0].kind == "project":
            h = nxt[0]
            s.holder = Resolved(h.name, "project", h.org, h.start, h.end, "signed_object")
    return True


@lru_cache(maxsize=1)
def _party_ends() -> tuple[str, ...]:
    return tuple(event_vocab()["settled"].get("not_signing_parties", ()))


def signing_party(a: Any, s: Any) -> bool:
    """Drops from a signing (签约, 签订, 签署 …) the holders that are a lender or a school, by the end of
    their name (``not_signing_parties`` of ``events.yaml``: 云溪农商银行与甲公司签约, 乙大学与开发区签订战略合作
    协议): a credit line or a cooperation agreement, no project settling. The statement goes on with the
    holders left, and none when no holder is left (甲银行云溪支行、乙银行分别与企业签约)."""
    if s.event_type != "settled" or "签" not in s.word:
        return True
    ends = _party_ends()
    if s.holder is not None and s.holder.subject.endswith(ends):
        s.holder = None
    s.listed = [r for r in s.listed if not r.subject.endswith(ends)]
    if s.holder is None and s.listed:  # (the last item holds the statement, the others are listed with it)
        s.holder, s.listed = s.listed[-1], s.listed[:-1]
    return s.holder is not None

"""Companies that serve a project, named as its agent, are no holder of its figures or milestones
(``holders.agents``):

    项目生产线由星河装备有限公司提供 / 厂房由云溪城投集团负责代建 / 由某建工集团承建 — the supplier,
    the builder: the project's milestone after it (计划今年9月开工) is not theirs;
    在某银行云溪支行支持下，这家企业的新车间8月投用 — the lender helped, the firm built.

A company right after 由 whose name is followed by a verb of supplying or building (``agent_verbs`` of
``subjects.yaml``), or right after 在 and followed by 的支持下/的帮助下. Linear: a look at a few
characters around each company."""
from __future__ import annotations

import re
from functools import lru_cache

from .. import config
from ..vocab import load_yaml
from .holder_phrases import Holder


@lru_cache(maxsize=1)
def _after() -> tuple[re.Pattern, re.Pattern]:
    verbs = "|".join(map(re.escape, load_yaml("subjects.yaml")["agent_verbs"]))
    return re.compile(rf"(?:负责|具体|统一)?(?:{verbs})"), re.compile(r"的?(?:大力)?(?:支持|帮助|支撑)下")


def without_agents(text: str, items: list[Holder]) -> list[Holder]:
    """``items`` without the companies named as a project's agent (see the module)."""
    if not config.step_on("holders", "agents"):
        return items
    by, helped = _after()

    def agent(h: Holder) -> bool:
        before = text[h.start - 1:h.start] if h.start > 0 else ""
        return h.kind == "company" and ((before == "由" and by.match(text, h.end) is not None)
                                        or (before == "在" and helped.match(text, h.end) is not None))
    return [h for h in items if not agent(h)]

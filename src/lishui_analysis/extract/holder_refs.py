"""A bare head opening a clause refers back to the last project named before it with that head: a
step of :mod:`.holders` (``holders.bare_heads``).

    云溪远航轻型卡车基地…。基地下月起安装调试设备 — 基地 is the named base;
    星河小微企业园由县城投建设…。园区去年4月动工 — 园区 is the named small-firm park.

The heads and the name endings each refers to are data (``bare_reference_heads`` of ``subjects.yaml``).
Only a head with nothing before it in its clause (after ``，。；：`` or a line break), no holder right
after it (园区配套道路工程 names a project of its own), and a project of that head named before it in
the body: 园区 with no park named before it is the zone, and stays no holder. The holder taken is the
project (its name and organization), at the head's place.

Linear: one regex pass over the body, and one sweep of the projects found, in order of their ends."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..vocab import load_yaml
from .holder_phrases import Holder


@lru_cache(maxsize=1)
def _heads() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    table = {h: tuple(ends) for h, ends in load_yaml("subjects.yaml")["bare_reference_heads"].items()}
    alt = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    return re.compile(rf"(?:(?<=[，。；：,;:\n])|^)(?:{alt})"), table


def bare_heads(r: Any) -> None:
    """Takes each bare head opening a clause as the project it refers back to (see the module);
    ``r`` is :mod:`.holders`' reading of the body (its ``text``, ``found``, ``free``, ``take``)."""
    head_re, table = _heads()
    projects = sorted((h for h in r.found if h.kind == "project"), key=lambda h: h.end)
    last: dict[str, Holder] = {}    # name ending → the last project of that ending so far
    k = 0
    for m in head_re.finditer(r.text):
        while k < len(projects) and projects[k].end <= m.start():
            for end in {e for ends in table.values() for e in ends if projects[k].name.endswith(e)}:
                last[end] = projects[k]
            k += 1
        found = [last[e] for e in table[m.group()] if e in last]
        if found and r.free(m.start(), m.end() + 1):  # (园区配套道路工程: the head of a name after it, no reference)
            ref = max(found, key=lambda h: h.end)
            r.take(Holder(m.start(), m.end(), ref.name, "project", ref.org))

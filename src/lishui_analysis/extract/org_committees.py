"""A zone's administrative committee named by a zone name no gazetteer knows (临港经开区管委会,
滨海高新区管理委员会): step ``organizations.zone_committees``.

Zones are often named by a landmark or a region rather than a place (临港, 空港, 滨海, 皖中): the name
finder, which starts a body's name at a place, misses them, and a bare 经开区 after such a name was read
as the article's own zone. The committee's suffix makes the form certain; the name is the run of two to
four characters before the zone word, after the last break word (据, 与, 由 …: organizations.yaml
``left_breaks`` and ``left_break_patterns``) and never a generic or category word (该, 各, 全市, 省级 …:
``zone_name_not_starts``, ``category_prefixes``).
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..vocab import org_vocab
from .org_tables import tables as _tables

_ZONE_COMMITTEE = re.compile(r"(?:经济技术开发区|经济开发区|高新技术产业开发区|经开区|开发区|高新区)(?:管委会|管理委员会)")
_HAN = re.compile(r"[\u4e00-\u9fff]")
#: The longest run read before the zone word, and the name's length bounds.
_WINDOW, _SHORTEST, _LONGEST = 8, 2, 4


def zone_committees(text: str, free: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """Spans of committees of zones named by an unknown name, in text order, where nothing is found yet.

    >>> zone_committees("据临港经开区管委会统计，该经开区管委会表示", lambda s, e: True)
    [(1, 9)]
    """
    if "管" not in text:
        return []
    t = _tables()
    not_starts = tuple(org_vocab().get("zone_name_not_starts") or ()) + t["category_prefixes"]
    out = []
    for m in _ZONE_COMMITTEE.finditer(text):
        z = m.start()
        if not free(z, m.end()):
            continue
        lo = z
        while lo > 0 and z - lo < _WINDOW and _HAN.match(text, lo - 1) and free(lo - 1, lo):
            lo -= 1
        window = text[lo:z]
        cut = max([b.end(1) for b in t["breaks_re"].finditer(window)] + [b.end() for b in t["break_re"].finditer(window)]
                  + [0])
        bounded = cut > 0 or lo == 0 or not _HAN.match(text, lo - 1) or not free(lo - 1, lo)
        name = window[cut:]
        if bounded and _SHORTEST <= len(name) <= _LONGEST and not name.startswith(not_starts):
            out.append((z - len(name), m.end()))
    return out

"""A zone's administrative committee named by a zone name no gazetteer knows (临港经开区管委会,
滨海高新区管理委员会): step ``organizations.zone_committees``.

Zones are often named by a landmark or a region rather than a place (临港, 空港, 滨海, 皖中): the name
finder, which starts a body's name at a place, misses them, and a bare 经开区 after such a name was read
as the article's own zone. The committee's suffix makes the form certain; the name is the run of two to
four characters before the zone word, after the last break word (据, 与, 由 …: organizations.yaml
``left_breaks`` and ``left_break_patterns``) and never a generic or category word (该, 各, 全市, 省级 …:
``zone_name_not_starts``, ``category_prefixes``). A new area (新区) and a free trade zone's area (片区) have
committees of the same form (云岭新区管委会, 某某港片区管理委员会).

The zone a committee is named after (step ``organizations.committee_zones``, :func:`committee_zones`): a committee
alone names no zone (某某经开区管委会主任某某 — the development gold counts the committee only), but
where the article speaks of the zone itself, the committee gives the zone's name: its name written alone elsewhere
(（三）云岭新区：…, with 云岭新区管委会), or the zone a bare zone word is (对高新区的大力支持表示感谢, where the article
names no zone but 某某高新区管理委员会). (A short form, 某某高新区, is not renamed to the full name the committee
holds: the read sets' authors name such a zone both ways.)
"""
from __future__ import annotations

import re
from collections.abc import Callable

from ..vocab import org_vocab
from .org_tables import tables as _tables

_ZONE_COMMITTEE = re.compile(r"(?:经济技术开发区|经济开发区|高新技术产业开发区|经开区|开发区|高新区|新区|片区)(?:管委会|管理委员会)")
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


_COMMITTEE_END = re.compile("(?:管委会|管理委员会)$")
_ZONE_WORD_END = re.compile("(?:经济技术开发区|经济开发区|高新技术产业开发区|经开区|开发区|高新区|新区|片区)$")
#: The kinds of a bare zone word and the ends of the zone names of that kind (高新区: a high-tech zone's).
_BARE_KINDS = {"高新区": ("高新技术产业开发区", "高新区"),
               "经开区": ("经济技术开发区", "经济开发区", "经开区", "开发区"),
               "开发区": ("经济技术开发区", "经济开发区", "经开区", "开发区")}


def committee_zones(committees: list[str], zone_words: tuple[str, ...]) -> list[str]:
    """The zones the committees of ``committees`` are named after, sorted (某某经开区管委会 → 某某经开区): the
    committee's name less its committee word, when that ends in one of ``zone_words`` after two characters or more.

    >>> committee_zones(["云岭新区管委会", "某某镇人民政府", "星河经济开发区管理委员会"], ("经济开发区", "新区"))
    ['云岭新区', '星河经济开发区']
    """
    out = set()
    for name in committees:
        m = _COMMITTEE_END.search(name)
        stem = name[:m.start()] if m else ""
        word = next((z for z in zone_words if stem.endswith(z)), None)
        if word and len(stem) - len(word) >= 2:
            out.add(stem)
    return sorted(out)


def zone_core(zone: str) -> str:
    """A zone's name less its zone word (云岭经开区 → 云岭, 星河高新技术产业开发区 → 星河).

    >>> zone_core("云岭经开区"), zone_core("星河高新技术产业开发区"), zone_core("滨海新区")
    ('云岭', '星河', '滨海')
    """
    return _ZONE_WORD_END.sub("", zone) or zone


def bare_zone(word: str, zones: list[str]) -> str | None:
    """The one zone of ``zones`` a bare zone word (高新区, 经开区, 开发区) may name: of its kind, and alone.

    >>> bare_zone("高新区", ["星河高新技术产业开发区", "云岭经开区"])
    '星河高新技术产业开发区'
    >>> bare_zone("经开区", ["星河高新技术产业开发区"]) is None  # (开发区 ends it inside its own zone word)
    True
    """
    fits = [z for z in zones if (m := _ZONE_WORD_END.search(z)) and m.group() in _BARE_KINDS.get(word, ())]
    return fits[0] if len(fits) == 1 else None

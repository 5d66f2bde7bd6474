"""Which names of one article are one body: a body's short forms and a zone's several names.

Pure functions of the names an article holds (and the place tables of :mod:`.org_tables`, the
patterns of :mod:`.organizations`), used by :func:`.organizations.extract_org_mentions`.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Mapping

from .org_tables import tables as _tables

#: A level bucket holding more bodies than this (a long list of bureaus of one city) is left alone:
#: the short form cannot be told apart there, and comparing stays linear.
MAX_BUCKET = 32


def is_subsequence(short: str, full: str) -> bool:
    """The letters of ``short`` occur in ``full`` in order (经开区投促部 in 经开区投资促进部)."""
    it = iter(full)
    return all(ch in it for ch in short)


def short_bodies(gov: list[str], place_re: re.Pattern, province: re.Pattern | None = None) -> dict[str, str]:
    """Short form → full name among government bodies (``gov``, sorted by length): for each name, the
    last longer one with the same first and last characters holding it as a subsequence, with no
    place it lacks. The answer of comparing every pair, comparing only the names that share their
    first and last characters and are longer, from the last (the answer is the last that fits).
    Names are compared without a leading province (``province``, matched at the start, when what is
    left has three characters or more): 浙江省某阳经济开发区管理委员会 is the full name of 某阳经开区管委会.

    >>> rx = re.compile("丽水|缙云")
    >>> short_bodies(["丽水市委", "丽水市委员会", "中共丽水市委"], rx)
    {}
    >>> short_bodies(["缙云县委", "缙云县县委"], rx)
    {'缙云县委': '缙云县县委'}
    >>> short_bodies(["缙云经开区管委会", "浙江省缙云经济开发区管理委员会"], rx, re.compile("^浙江省?"))
    {'缙云经开区管委会': '浙江省缙云经济开发区管理委员会'}
    """
    def places_in(name: str) -> set[str]:
        return set(place_re.findall(name))

    def bare(name: str) -> str:
        rest = province.sub("", name, count=1) if province else name
        return rest if len(rest) >= 3 else name

    core = [bare(name) for name in gov]
    by_ends: dict[tuple[str, str], list[int]] = {}
    for i, name in enumerate(core):
        by_ends.setdefault((name[0], name[-1]), []).append(i)
    out = {}
    for i, a in enumerate(gov):
        ca = core[i]
        for j in reversed(by_ends[(ca[0], ca[-1])]):
            if j <= i or len(gov[j]) <= len(a):
                break  # the rest come before a in the list or are no longer than it
            b, cb = gov[j], core[j]
            if is_subsequence(ca, cb) and places_in(cb) <= places_in(ca):
                out[a] = b
                break
    return out


def level_bodies(gov: list[str], place_chain_re: re.Pattern, levels: tuple[str, ...],
                 endings: Mapping[str, str], same: Mapping[str, str] | None = None) -> dict[str, str]:
    """Step ``organizations.level_short``: a body written with its level but no place (``市发改委``,
    ``县资规局``, ``省政府``) is the one body of ``gov`` written with a place of that level whose rest holds
    it, letter by letter, with the same last letter (long ``endings`` read short: 委员会 as 委, 人民政府
    as 政府) — the way bureaus shorten their names in the text of their own city or county. None when
    two bodies fit (市经信局 with 甲市经济和信息化局 and 乙市经济和信息化局); names ``same`` maps to one body
    count once (甲市经信局 and 甲市经济和信息化局). ``place_chain_re`` matches a place with its level in
    group 2 (丽水 + 市).

    >>> rx = re.compile("(丽水|遂昌|浙江)([省市区县]?)")
    >>> gov = ["市发改委", "县资规局", "丽水市发展和改革委员会", "遂昌县自然资源和规划局"]
    >>> level_bodies(gov, rx, ("省", "市", "县"), {"委员会": "委"})
    {'市发改委': '丽水市发展和改革委员会', '县资规局': '遂昌县自然资源和规划局'}
    """
    def core(rest: str) -> str:
        long = next((e for e in endings if rest.endswith(e)), None)
        return rest[:-len(long)] + endings[long] if long else rest

    placed: dict[tuple[str, str], list[tuple[str, str]]] = {}  # (level, last letter) → (core, full name)
    for b in gov:
        m = place_chain_re.match(b)
        if m and m.group(2):
            c = core(b[m.end():])
            if c:
                placed.setdefault((m.group(2), c[-1]), []).append((c, b))
    out = {}
    for a in gov:
        if not a.startswith(levels) or place_chain_re.match(a) or len(a) < 3:
            continue
        short = core(a[1:])
        bucket = placed.get((a[0], short[-1]), ())
        if len(bucket) > MAX_BUCKET:
            continue
        fits = {(same or {}).get(b, b) for c, b in bucket if len(c) >= len(short) and is_subsequence(short, c)}
        if len(fits) == 1:
            out[a] = fits.pop()
    return out


_LEADING_PROVINCE = re.compile(r"^浙江省?")
_ZONE_ENDING = re.compile(r"(经济技术开发区|经济开发区|经开区|高新技术产业开发区|高新区|开发区|工业园区)$")
#: A place core written with its level (丽水市 of 浙江省丽水市经济技术开发区) is the place as written bare.
_CORE_LEVEL = re.compile(r"(?<=[\u4e00-\u9fff]{2})[市县区]$")


def zone_canonical(zones: list[str], province: re.Pattern = _LEADING_PROVINCE,
                   leading_place: Callable[[str], int] | None = None) -> dict[str, str]:
    """Development-zone names that share their place core are one zone (庆元经开区 = 浙江庆元经济开发区),
    the core read without a leading province (``province``, matched at the start) and without its
    place's level (丽水经开区 = 浙江省丽水市经济技术开发区). A zone named after its city and the zone's own
    name (某城 + 三江新区) is the zone named without its city too (三江新区), when one core alone is that
    one without its city (``leading_place``: the length of the place a core opens with, 0 for none).

    >>> zone_canonical(["庆元经开区", "浙江庆元经济开发区"])["庆元经开区"]
    '浙江庆元经济开发区'
    >>> zone_canonical(["某阳经开区", "浙江省某阳市经济技术开发区"])["某阳经开区"]
    '浙江省某阳市经济技术开发区'
    >>> zone_canonical(["三江新区", "宜宾三江新区"], leading_place=lambda z: 2 * z.startswith("宜宾"))["三江新区"]
    '宜宾三江新区'
    """
    core: dict[str, list[str]] = {}
    for z in zones:
        key = _ZONE_ENDING.sub("", province.sub("", z))
        key = _CORE_LEVEL.sub("", key)
        core.setdefault(key, []).append(z)
    if leading_place is not None:
        longer: dict[str, list[str]] = {}  # a core without its city → the cores that are it with a city
        for key in core:
            n = leading_place(key)
            if n and len(key) - n >= 2 and key[n:] in core:
                longer.setdefault(key[n:], []).append(key)
        for rest, keys in sorted(longer.items()):
            if len(keys) == 1 and rest in core and keys[0] in core:
                core[keys[0]] += core.pop(rest)
    out = {}
    for group in core.values():
        # the longest name, read without its province: of 某省某城某某新区 and 某城某某新区, the one the
        # article writes without the province (the zone's name; the province locates it)
        best = max(group, key=lambda z: (len(province.sub("", z)), -len(z), z))
        for z in group:
            out[z] = best
    return out


def placed_companies(names: set[str]) -> dict[str, str]:
    """Company name → the one full name of the article that is it with a place before it (某投集团 →
    义乌某投集团: a place of the tables or of the general lexicon; the rest four characters or more)."""
    t = _tables()
    rests: dict[str, str | None] = {}
    for name in names:
        m = t["place_chain_re"].match(name)
        k = m.end() if m else 2 if name[:2] in t["lexicon_places"] else 0
        rest = name[k:]
        if k and len(rest) >= 4 and rest in names:
            rests[rest] = None if rest in rests else name  # (two places before one name: neither)
    return {rest: full for rest, full in rests.items() if full}


def leading_city(core: str) -> int:
    """Length of the place a zone's core opens with (a place of the tables or of the lexicon, a
    prefecture-level city): 0 for none (step ``organizations.zone_city`` of :func:`zone_canonical`)."""
    t = _tables()
    m = t["place_chain_re"].match(core) or t["lexicon_any_re"].match(core)
    if m is None and core.startswith(t["prefectures"]):
        return max(len(p) for p in t["prefectures"] if core.startswith(p))
    return m.end() if m else 0

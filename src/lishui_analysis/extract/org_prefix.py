"""Step ``organizations.function_prefix`` of :mod:`.organizations`: words of a general lexicon (verbs,
prepositions, conjunctions, adverbs, pronouns; :mod:`.lexicon`) standing right before the first place of a
name end what comes before it. A pure function of the candidate and the tables of :mod:`.org_tables`.
Also the places before a name that are no part of it (:func:`drop_outer_place`, :func:`strip_country_before_latin`).
"""
from __future__ import annotations

import re

from . import lexicon
from .lexicon import all_function_words
from .org_tables import tables as _tables

_HAN_BEFORE_LATIN = re.compile(r"^([\u4e00-\u9fff]{2,3})(?=[A-Za-z])")


def function_prefix(name: str, suffix_len: int, before: str = "") -> str:
    """Step ``organizations.function_prefix``: verbs, prepositions, conjunctions, adverbs and pronouns
    of a general lexicon (:mod:`.lexicon`) standing right before a place end what comes before the name:
    ``则被杭州某某集团`` → ``杭州某某集团``, ``该厂房到达浙江某某经济开发区`` → ``浙江某某经济开发区``; so does the
    end of a word begun before the name (``before``: the characters before it), a cut that fell inside a
    word (``年度|丽水某某开发区`` → ``丽水某某开发区``). Only right before the first place of the stem: a
    trade name may start with any word (``开山集团``).

    >>> function_prefix("随即赶赴宁波某某科技有限公司", 4), function_prefix("中建浙江分公司", 3)
    ('宁波某某科技有限公司', '中建浙江分公司')
    >>> function_prefix("度丽水某某经济开发区", 7, before="2024年")
    '丽水某某经济开发区'
    >>> function_prefix("协调市发改委", 1), function_prefix("拟上市公司", 2), function_prefix("自治区发展改革委", 1)
    ('市发改委', '拟上市公司', '自治区发展改革委')
    """
    t = _tables()
    rx = t["place_chain_re"]
    if rx.match(name) or name.startswith(t["prefixes"]):
        return name  # 中共丽水市委: an official prefix
    lex = t["lexicon_places"]  # (a place of the general lexicon too: 则被某阳某某集团)
    k = next((k for k in range(1, len(name) - suffix_len) if rx.match(name, k) or name[k:k + 2] in lex), 0)
    # a run of one character inside the name may be the end of a word (中共: 共 alone is an adverb)
    if k and any(all_function_words(name[j:k]) for j in range(max(0, k - MAX_PREFIX), k) if j == 0 or k - j > 1):
        return name[k:]
    # a one-character verb right before the place ends such a run, or stands alone at the start
    # (获浙江某某大学…, 曾到杭州某某医院…; not 中建浙江…, whose 中 is no function word)
    if k and lexicon.tags().get(name[k - 1]) == "v" and (
            k == 1 or (k == 2 and name[0] in t["not_name_starts"])  # (5日到杭州某某医院)
            or any(all_function_words(name[j:k - 1]) for j in range(max(0, k - 1 - MAX_PREFIX), k - 1))):
        return name[k:]
    # a one-character verb opening the name before such a run (拟在安吉某某开发区, 将赴杭州某某公司)
    if k >= 2 and lexicon.tags().get(name[0]) == "v" and all_function_words(name[1:k]):
        return name[k:]
    if k and k <= 2 and before and _word_across(before[-2:], name[:k]):
        return name[k:]
    if not k:  # (no place: a body written with its level alone, 协调市发改委, 督促县城投集团 → 市发改委, 县城投集团)
        return _level_start(name, suffix_len)
    return name


#: The level words a body written without its place opens with (市发改委, 县城投集团, 省科技厅).
_LEVELS = "省市县区"


def _level_start(name: str, suffix_len: int) -> str:
    """A run of function words and verbs (:func:`.lexicon.all_function_words`) right before a level word
    that opens the rest of the name ends what comes before it: ``协调市发改委`` → ``市发改委``. Not
    where the level word ends a dictionary word (城市, 上市, 自治区: 上市公司 is no 市公司), and only with a
    stem of two characters or more after the level."""
    for k in range(2, min(len(name) - suffix_len - 2, MAX_PREFIX + 1)):
        if name[k] in _LEVELS and all_function_words(name[:k]) \
                and not any(name[j:k + 1] in lexicon.tags() for j in (k - 2, k - 1) if j >= 0):
            return name[k:]
    return name


def _word_across(left: str, head: str) -> bool:
    """A word of the dictionary starts in ``left`` and ends exactly where ``head`` does (年 + 度)."""
    words = lexicon.tags()
    return any(left[i:] + head in words for i in range(len(left)))


#: Longest run of function words read before a place (two words of two characters: 随即赶赴).
MAX_PREFIX = 4


def body_place_start(name: str, suffix_len: int, org_type: str) -> str:
    """Step ``organizations.body_place_start``: a government body or a zone is named from its place
    (机构编制: place + domain + 局/委; a zone: place + 经济开发区), so a place written with its level
    (某阳市, 某某县) or right before a zone's word (某阳经济技术开发区) inside the stem starts the name, and
    the words before it are another line or phrase run into it: a contact line and the signature under
    it (``联系单位：某阳市某某局规划科`` + ``某阳市某某局``), a table's title and its issuer
    (``…建设计划表`` + ``某阳经济开发区管理委员会``), a body's unit and the body signing under it
    (``某阳市某某局规划科`` + ``某阳市某某局``) — text joined with no mark between. Not right after the
    places and official prefix the name opens with (``浙江某阳市…``, ``中共某阳市委``: one name), nor after
    a body's own suffix (``某某集团某阳分公司``, ``国家税务总局某阳…税务局``: a body and its unit named by
    a place) unless the name opened with a place (``衢州市某某局规划处`` + ``衢州市某某局``), nor in a
    company's name (a trade name may hold a place: ``数字浙江…有限公司``).

    >>> body_place_start("土地利用科衢州市自然资源局", 1, "government")
    '衢州市自然资源局'
    >>> body_place_start("建设计划表杭州经济技术开发区管理委员会", 5, "government")
    '杭州经济技术开发区管理委员会'
    >>> body_place_start("衢州市自然资源局规划科衢州市自然资源局", 1, "government")
    '衢州市自然资源局'
    >>> body_place_start("浙江丽水市发展和改革委员会", 3, "government"), body_place_start("中共丽水市委", 1, "government")
    ('浙江丽水市发展和改革委员会', '中共丽水市委')
    >>> body_place_start("中意宁波生态园管委会", 3, "government"), body_place_start("数字杭州市科技有限公司", 4, "company")
    ('中意宁波生态园管委会', '数字杭州市科技有限公司')
    """
    if org_type not in ("government", "development_zone"):
        return name
    t = _tables()
    rx, lex_any = t["place_chain_re"], t["lexicon_any_re"]
    # the end of the places and official prefixes the name opens with (浙江某阳市…, 中共某阳市委)
    head = 0
    while m := rx.match(name, head) or lex_any.match(name, head):
        head = m.end()
    if head == 0 and name.startswith(t["prefixes"]):
        head = len(next(p for p in t["prefixes"] if name.startswith(p)))
    stem_end = len(name) - suffix_len
    for k in range(head + 2, stem_end - 1):
        m = rx.match(name, k)
        if m is None:
            lex = lex_any.match(name, k)
            m = lex if lex is not None and name.startswith(t["zone_words"], lex.end()) else None
        elif not m.group(2) and not name.startswith(t["zone_words"], m.end()):
            m = None  # (a place without its level is read before a zone's word only)
        if m is not None and m.end() <= stem_end:
            if name.endswith(t["suffix_words"], 0, k) and not rx.match(name):
                return name  # 某某集团某阳分公司, 国家税务总局某阳…税务局: a body and its unit
            return name[k:]
    return name


def strip_country_before_latin(name: str) -> str:
    """A country before a name in Latin letters is no part of it (日本某某Tec集团 → 某某Tec集团)."""
    m = _HAN_BEFORE_LATIN.match(name)
    if m and m.group(1) in _tables()["places"]:
        return name[len(m.group(1)):]
    return name


def drop_outer_place(name: str, org_type: str) -> str:
    """A body named after a run of bare places keeps only the last one: ``浙江丽水市委`` → ``丽水市委``
    (from a title such as 浙江省委常委、丽水市委书记), ``温州乐清经开区`` → ``乐清经开区`` (a dateline).
    A place written with its level (``温州市瓯海区…``) is the formal name and stays, and so does a
    province before a zone (``浙江庆元经济开发区`` is the zone's legal name)."""
    if org_type not in ("government", "development_zone"):
        return name
    t = _tables()
    m = t["place_chain_re"].match(name)
    if not m or m.group(2):
        return name
    nxt = t["place_chain_re"].match(name, m.end())
    if not nxt or (org_type == "development_zone" and m.group(1) in t["provinces"]):
        return name
    if org_type == "government" and not nxt.group(2):
        return name  # 杭州钱塘新区管理委员会: a body of a zone keeps its city
    if not nxt.group(2) and not name.startswith(t["zone_words"], nxt.end()):
        return name  # 宁波杭州湾新区…: 杭州 is not a place here (杭州湾), the name stays whole
    return name[m.end():]

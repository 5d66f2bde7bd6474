"""The word tables of :mod:`.organizations`, compiled once from ``data/organizations.yaml`` (suffixes
and their strength, places, break words, descriptive words, known bodies) and the region and industry
vocabularies: one place for every pattern the name finder reads.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .context import trie_regex
from ..vocab import divisions, industries, org_vocab, region_names, regions


def _alternation(words) -> str:
    """One regex alternation of ``words``, longest first (so 经济技术开发区 is tried before 开发区)."""
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)) or "(?!)"


@lru_cache(maxsize=1)
def lexicon_places() -> tuple[str, ...]:
    """Two-character places of the general lexicon: XX where XX + a level of ``lexicon_place_levels``
    (县, 市) is a place entry (tag ns, or nr: ``lexicon_place_entry_tags``) and XX alone is a proper name (``lexicon_place_tags``) or no
    entry, and not as frequent as a common word (:func:`lexicon.common_names`: 新建 of 新建县 is also
    "newly built") — places of any province (``data/organizations.yaml``). Empty without levels."""
    v = org_vocab()
    levels, names = v.get("lexicon_place_levels") or "", set(v.get("lexicon_place_tags") or ())
    entry_tags = set(v.get("lexicon_place_entry_tags") or ("ns",))
    phrase = re.compile(v.get("lexicon_place_not") or "(?!)")  # (东至: "east to" in a plot's bounds)
    ambiguous = set(v.get("lexicon_place_ambiguous") or ())
    if not levels:
        return ()
    from . import lexicon
    t = lexicon.tags()
    common = lexicon.common_names()  # as frequent as common words (新建, 和平, 太平): not read as places
    # (a frequent word the dictionary itself tags a place, ns, is one: 荆门, 十堰 — not a common word
    # that is also a county's name, 新建, 太平, whose own tag is another: v, a, nz)
    found = {w[:2] for w, tag in t.items() if len(w) == 3 and w[2] in levels and tag in entry_tags
             and (t.get(w[:2]) is None or t[w[:2]] in names)
             and (w[:2] not in common or (t.get(w[:2]) == "ns" and w[:2] not in ambiguous))
             and not phrase.fullmatch(w[:2])}
    # and every prefecture-level city of the divisions list, whatever the dictionary tags its bare name
    # (烟台, 宝鸡, 大连: n or d alone in jieba's dictionary) — not one of lexicon_place_ambiguous (中山)
    found |= {n[:2] for n, level in divisions() if level == "prefecture" and len(n) == 3 and n[2] == "市"
              and n[:2] not in ambiguous and not phrase.fullmatch(n[:2])}
    return tuple(sorted(found))


@lru_cache(maxsize=1)
def level_only_places(breaks: re.Pattern) -> tuple[str, ...]:
    """Places of the general lexicon that a name holds only before their level: XX where XX县/XX市 is a
    place entry (``lexicon_place_entry_tags``), XX is no place of :func:`lexicon_places` (a common noun
    or adjective alone: 政和, 平和, 民和) and holds a break word (``breaks``: the 和 of 政和县 is no
    conjunction there). Not when XX alone is a function word of ``prefix_word_classes`` (比如县: "for
    example"), a frequent word (新建县) or a phrase of ``lexicon_place_not``."""
    v = org_vocab()
    levels, entry_tags = v.get("lexicon_place_levels") or "", set(v.get("lexicon_place_entry_tags") or ("ns",))
    function, phrase = tuple(v.get("prefix_word_classes") or ()), re.compile(v.get("lexicon_place_not") or "(?!)")
    from . import lexicon
    t, common, known = lexicon.tags(), lexicon.common_names(), lexicon_place_set()
    found = {w[:2] for w, tag in t.items() if len(w) == 3 and w[2] in levels and tag in entry_tags
             and w[:2] not in known and breaks.search(w[:2]) and w[:2] not in common
             and not (t.get(w[:2]) or "x").startswith(function) and not phrase.fullmatch(w[:2])}
    # and every county-level division of two characters and its level (常熟市, 公安县: read before it only),
    # under the same tests (比如县 is no county in 比如县委书记: 比如 is a function word, "for example")
    found |= {n[:2] for n, level in divisions() if level == "county" and len(n) == 3 and n[2] in levels
              and n[:2] not in known and n[:2] not in common and not (t.get(n[:2]) or "x").startswith(function)
              and not phrase.fullmatch(n[:2])}
    return tuple(sorted(found))


@lru_cache(maxsize=1)
def lexicon_place_set() -> frozenset[str]:
    """:func:`lexicon_places` as a set, for membership."""
    return frozenset(lexicon_places())


@lru_cache(maxsize=1)
def prefectures() -> tuple[str, ...]:
    """Prefecture-level cities of the divisions list without their 市, of any length (长春, 哈尔滨, 齐齐哈尔),
    not one of ``lexicon_place_ambiguous`` (中山): a city of this rank is a place wherever a body's name
    opens with it (长春某某科技开发区, 哈尔滨新区), where a county of the lexicon must stand right before a
    zone's word (东至 is also "east to")."""
    v = org_vocab()
    ambiguous = set(v.get("lexicon_place_ambiguous") or ())
    phrase = re.compile(v.get("lexicon_place_not") or "(?!)")
    return tuple(sorted({n[:-1] for n, level in divisions() if level == "prefecture" and len(n) >= 3 and n[-1] == "市"
                         and n[:-1] not in ambiguous and not phrase.fullmatch(n[:-1])}))


def _lexicon_places(read: str) -> str:
    """More alternatives of the place pattern: :func:`lexicon_places`, each read only before a level
    of ``read`` that does not start 市场 (``…|(?:某阳|某宁…)(?=[市县区](?!场))``; a prefix tree)."""
    words = lexicon_places()
    return f"|(?:{trie_regex(words)})(?=[{re.escape(read)}](?!场))" if words and read else ""


def _first_chars(words) -> str:
    """A lookahead on the first characters of ``words``, to open a pattern each of whose alternatives
    starts with one of them (the matches are the same; other positions fail at once)."""
    return f"(?=[{''.join(sorted({re.escape(w[0]) for w in words if w}))}])" if any(words) else ""


def _every_word_re(words):
    """A pattern that finds every occurrence of ``words``, overlapping ones too (与 inside 参与), as
    group 1 of a lookahead at each position, behind a one-character test of the words' first
    characters (without it the engine tries every word at every position: three times slower)."""
    words = sorted(set(words), key=len, reverse=True)
    if not words:
        return re.compile("(?!)()")
    firsts = "".join(sorted({re.escape(w[0]) for w in words}))
    return re.compile(f"(?=[{firsts}])(?=({trie_regex(words)}))")


@lru_cache(maxsize=1)
def tables():
    """Every table and pattern of the name finder, by name (read once per process)."""
    v = org_vocab()
    suffixes = []  # (suffix, type, strength)
    for org_type, groups in v["suffixes"].items():
        for strength, words in groups.items():
            for w in words:
                suffixes.append((w, org_type, strength))
    suffixes.sort(key=lambda s: -len(s[0]))
    suffix_re = re.compile("|".join(re.escape(s[0]) for s in suffixes))
    by_suffix = {s[0]: (s[1], s[2]) for s in suffixes}
    # suffixes read only in a list of bodies (市某某办: 办 alone is also 举办, 承办)
    listed_only = [w for w in v.get("listed_suffixes") or () if w not in by_suffix]
    by_suffix.update({w: ("government", "listed") for w in listed_only})
    places = tuple(region_names()) + tuple(v.get("places") or ())
    provinces = {n for n, r in regions().items() if r.get("level") in ("province", "municipality", "sar", "country")}
    read = v.get("lexicon_place_read") or ""
    # (and the places a name holds only before their level: 政和县, whose 和 is no conjunction)
    level_only = level_only_places(re.compile(_alternation(w for w in v["left_breaks"] if len(w) == 1)))
    place_alt = (_alternation(places) + _lexicon_places(read)
                 + (f"|(?:{trie_regex(level_only)})(?=[{re.escape(read)}](?!场))" if level_only and read else ""))
    # (every alternative of place_alt opens with a word's first character: a lookahead on them lets the
    # engine skip any other position at once instead of trying hundreds of branches there)
    place_words = (*places, *lexicon_places(), *level_only)
    place_look = _first_chars(place_words)
    prefixes = tuple(v["official_prefixes"]) + places
    known = {k["name"]: k["type"] for k in v["known"]}
    known_re = re.compile(_alternation(known))
    not_followed = {k: tuple(vs) for k, vs in (v.get("suffix_not_followed_by") or {}).items()}
    lex_any = trie_regex(lexicon_places()) if lexicon_places() else "(?!)"  # {lexplace}: a lexicon place, no level
    break_re = re.compile("|".join(p.replace("{place}", place_alt).replace("{lexplace}", lex_any)
                                   for p in v.get("left_break_patterns") or ["(?!)"]))
    breaks_re = _every_word_re(v["left_breaks"])
    roles_re = _every_word_re(v.get("role_breaks") or ())
    # Spans inside which a break word is not a break: places (the 和 of 云和), body domains
    # joined by a conjunction (住房和城乡建设局) and the longer suffix words inside a name (the 集聚
    # of 瓯江口产业集聚区管委会; not 委 or 政府, which end one body before the next: 市委市政府).
    long_suffixes = [x[0] for x in suffixes if len(x[0]) >= 3]
    lex_places = lexicon_places()
    protect_words = list(v.get("compound_domains") or ()) + long_suffixes
    protect_re = re.compile(_first_chars((*place_words, *protect_words, *lex_places)) + "(?:" + place_alt + "|"
                            + _alternation(protect_words) + (f"|{trie_regex(lex_places)}" if lex_places else "") + ")")
    place_chain_re = re.compile(f"{place_look}({place_alt})([省市区县]?)")
    place_re = re.compile(f"{place_look}(?:{place_alt})")
    admin_re = re.compile(v.get("admin_place_pattern") or "(?!)")
    roles_after_re = re.compile(_alternation(v.get("company_roles") or ()))
    enum_verbs = sorted(set(v.get("enumeration_verbs") or ()), key=len, reverse=True)
    enum_re = re.compile(f"(?:{_alternation(v.get('enumeration_verbs') or ())})"
                         r"((?:[\u4e00-\u9fff]{2,6}、)+[\u4e00-\u9fff]{2,6})等([^，。；]{0,14}?)(?:企业|公司)")
    # a list of industries or activities is no list of firms (光伏、储能等一批企业; 研发、生产等环节的企业)
    category_item_re = re.compile(f"(?:{trie_regex([k for i in industries() for k in i['keywords']] + list(v.get('descriptive_words') or ()))})+")
    category_tail_re = re.compile(_alternation(v.get("enumeration_category_tails") or ()))
    zone_words = tuple(s[0] for s in suffixes if s[1] == "development_zone")
    joined = v.get("joined_parks") or {}
    # read from a dash: the place before it, then at most four more places (a bounded chain keeps a
    # long run of dashed places linear) and the park's suffix
    joined_re = (re.compile(f"(?<![-—–－]){place_look}(?:{place_alt})\\Z"),
                 re.compile(f"(?:[-—–－][\u4e00-\u9fff]{{2,3}}){{1,4}}"
                            f"(?:[“\"][\u4e00-\u9fff]{{1,4}}[”\"]|[\u4e00-\u9fff]{{0,4}}?)"
                            f"(?:{_alternation(joined.get('suffixes') or ())})"))
    return dict(joined_re=joined_re, place_initials=frozenset(p[0] for p in places if len(p) >= 2),
                dateline_re=re.compile(v.get("media_byline_after") or "(?!)"),
                list_particles=tuple(v.get("list_particles") or ()), zone_words=zone_words,
                not_name_starts=frozenset(v.get("not_name_starts") or ""),
                numeral_counters=tuple(v.get("numeral_counters") or ""),
                admin_re=admin_re, admin_bare=tuple(v.get("admin_bare_suffixes") or ()), roles_after_re=roles_after_re,
                markers_re=re.compile(_alternation(v.get("description_markers") or ())),
                break_re=break_re, breaks_re=breaks_re, roles_re=roles_re, protect_re=protect_re,
                lexicon_places=frozenset(lexicon_places()),
                # a place of the lexicon with no level, right before a zone's word (某阳经济开发区招商处): read at a
                # body's start only (东至 is also "east to": 东至某某山工业园区 is no name)
                lexicon_any_re=re.compile(trie_regex(lex_places) if lex_places else "(?!)"),
                lexicon_bare_re=re.compile(f"(?:{trie_regex(lex_places + prefectures())})(?={_alternation(zone_words)})"
                                           if lex_places else "(?!)"),
                prefectures=prefectures(),
                lexicon_place_re=re.compile(f"(?:{trie_regex(lexicon_places() + level_only)})[{re.escape(read)}](?!场)"
                                            if read else "(?!)"),
                place_chain_re=place_chain_re, place_re=place_re, places=frozenset(places), place_tuple=places,
                provinces=provinces, enum_re=enum_re,
                # a province at a name's start, with or without its level (浙江省…, 江西…): zones compared without it
                province_re=re.compile(f"^(?:{_alternation(provinces)})省?"),
                enum_verbs=(enum_verbs, re.compile(_alternation(enum_verbs))), category_item_re=category_item_re, category_tail_re=category_tail_re,
                suffixes=suffixes, suffix_re=suffix_re, by_suffix=by_suffix, prefixes=prefixes,
                suffix_words=tuple(x[0] for x in suffixes),
                generic=set(v["generic_words"]), not_before=tuple(v["not_before"]),
                project_roles=tuple(v.get("project_roles") or ()),
                descriptive_re=re.compile(f"(?:{trie_regex(v.get('descriptive_words') or ())})+"),
                descriptive_end_re=re.compile(f"(?:{_alternation(v.get('descriptive_words') or ())})$"),
                bad_endings=tuple(v["bad_endings"]), min_stem=v.get("min_stem", {}),
                generic_short=frozenset(v.get("generic_short_names") or ()),
                category_prefixes=tuple(v.get("category_prefixes", ())),
                generic_endings=tuple(v.get("generic_endings", ())), sub_organs=tuple(v.get("sub_organs") or ()),
                credit_after=tuple(v.get("credit_after") or ()), credit_before=tuple(v.get("credit_before") or ()),
                credit_last="".join({w[-1] for w in v.get("credit_before") or ()}),
                known=known, known_re=known_re, not_followed=not_followed,
                place_inside=frozenset(v.get("place_inside_suffixes") or ()),
                description_suffixes=frozenset(v.get("description_suffixes") or ()),
                founded_suffixes=frozenset(v.get("founded_description_suffixes") or ()),
                founding_verbs=tuple(v.get("founding_verbs") or ()),
                description_words=frozenset([k for i in industries() for k in i["keywords"]]
                                            + list(v.get("descriptive_words") or ())),
                verb_ends=tuple(w for w in v["left_breaks"] if len(w) > 1),
                gov_suffix_re=re.compile(_alternation([x[0] for x in suffixes if x[1] == "government"] + listed_only)),
                gov_suffixes=tuple(sorted([x[0] for x in suffixes if x[1] == "government"] + listed_only,
                                          key=len, reverse=True)),
                branch_words=tuple(sorted(v.get("branch_words") or (), key=len, reverse=True)))

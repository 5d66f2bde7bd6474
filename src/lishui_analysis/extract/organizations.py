"""Organization mentions: full names by suffix and shape, short names linked to them.

* Full names: a run of name characters ending in an organisational suffix
  (``…有限公司``, ``…集团``, ``…研究院``, ``省科技厅`` …, see ``data/organizations.yaml``).
  Its left edge is cut after the last verb, preposition, function or time word
  (``left_breaks``: ``以杭州…有限公司``, ``一行到访…``, ``招引…集团``), and after a role noun when a
  stem is left (``role_breaks``: ``承建单位中建…集团``; but ``统一企业有限公司`` stays); a cut that
  leaves a bare suffix means no name (``让大家对医院``). Break words inside places, body domains
  (``住房和城乡建设局``) and just inside a trade name (``浙江新和成``) are not breaks.
  A word list, not a segmenter: jieba's part-of-speech cut split names (``中欣晶|圆``) and
  scored far lower on the development set.
* Not names: a stem made only of descriptive words (``大型高科技企业集团``, ``全省开发区``), a
  first-of-its-kind description (``全国首家…学院``), an unnamed city's 市委/市政府, a credit line
  (``…宣传部供图``), a medium in a byline, a party organ or board after a name (``…党委``).
* Lists of bodies (``organizations.listed_bodies``): the items of a list holding a body are bodies
  when they end in a body's suffix, with no place needed (``县商务局、应急管理局等部门``), ``办``
  included there only (``市发改委、市治水办``).
* Bodies named after a run of bare places keep the last one (``浙江丽水市委`` → ``丽水市委``,
  ``温州乐清经开区`` → ``乐清经开区``); juxtaposed bodies are split (``乐清市委市政府``).
* Short names: ``（以下简称“岚峰智能”）``, and a short form made of the distinctive
  part of a full name in the same article, read in order (``鹿鸣装备`` →
  ``常州鹿鸣智能装备制造有限公司``; ``澄川公司`` → ``浙江澄川机械股份有限公司``); firms listed by
  short name after an inclusion verb (``涵盖了A、B等6家企业``); a Latin name before a board.
* A bare zone word (``经开区``) is the one development zone the article names (or, when it names
  none, the zone as written at a clause start).
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain
from typing import cast

from .. import config
from . import lexicon
from .context import LEAD_DATE
from .org_brands import brand_companies, brand_mentions
from .org_committees import bare_zone, committee_zones, zone_committees, zone_core
from .org_links import MAX_BUCKET, leading_city, level_bodies, placed_companies, short_bodies, zone_canonical
from .org_lists import clause_lists, enumerations, in_project_list, listed_bodies
from .org_prefix import body_place_start, drop_outer_place as _drop_outer_place, function_prefix as _function_prefix
from .org_prefix import strip_country_before_latin as _strip_country_before_latin
from .org_short import trade_names
from .org_tables import tables as _tables
from .org_units import body_units
from .occurrences import Occurrences, occurrences as _occurrences
from ..vocab import org_vocab

_NAME_CHAR = re.compile(r"[\u4e00-\u9fffA-Za-z&·]")
#: Matched from a window's start to an end position: greedy, it backs off from the end to the last character that
#: is no name's (one pass; a search for the name run ending there tried every start of the window, each to its end).
_LAST_NOT_NAME = re.compile(r"(?s:.*)[^\u4e00-\u9fffA-Za-z&·]")
#: A region in parentheses inside a name, spaced or not (某某电子（宁波）股份…, 某某电子 (宁波) 股份…).
_PAREN_PLACE_END = re.compile(r" ?[（(] ?[\u4e00-\u9fff]{2,4} ?[）)] ?$")
_LATIN = re.compile("[A-Za-z]")
#: Stage name of the named branches below (``organizations.<name>`` in ``LISHUI_STEPS_OFF``).
STAGE = "organizations"

#: (以下简称“某某”), or with no quotation marks (以下简称某某), as other outlets write it; the other forms
#: of "hereafter called" too (下称“某某”, 以下称, 下文简称, 简称为, 简称：).
_ALIAS_RE = re.compile(r"[（(]\s*(?:(?:以下|下文|下)?简称|(?:以下|下文|下)称)为?[:：]?\s*(?:[“\"「]([^”\"」]{2,12})[”\"」]|([\u4e00-\u9fffA-Za-z]{2,12}))\s*[）)]")


def _generic_short(alias: str) -> bool:
    """A short name that is a reference, not a name: a suffix word alone or after 本/该/我 (（以下简称
    “公司”）, “本集团”) or a word of ``generic_short_names`` (发行人, 标的公司)."""
    t = _tables()
    bare = alias[1:] if alias[:1] in "本该我" and len(alias) > 1 else alias
    return bare in t["by_suffix"] or alias in t["generic_short"] or bare in t["generic_short"]


@dataclass(frozen=True)
class OrgMention:
    start: int
    end: int
    surface: str
    name: str        # canonical (full) name in this article
    org_type: str
    #: a maker named by its brand alone (org_brands.py: 选用甲、乙的系统) — a supplier the article mentions,
    #: seldom the actor of its sentence: a reader of holders may pass over it
    brand: bool = False


def _left_edge(text: str, end: int, limit: int = 30) -> int:
    """Start of the run of name characters (and region parentheses) ending at ``end``."""
    i = end
    while True:
        lo = max(0, end - limit)  # the run of name characters ending at i starts after the last other one
        i = m.end() if (m := _LAST_NOT_NAME.match(text, lo, i)) else lo
        if i <= 0 or end - i >= limit or text[i - 1] not in "）) ":
            return i
        m = _PAREN_PLACE_END.search(text[max(0, i - 10):i])
        if not m or i - len(m.group()) <= 0 or not _NAME_CHAR.match(text[i - len(m.group()) - 1]):
            return i
        i -= len(m.group())


_ORDINAL_RE = re.compile(r"第[零〇一二两三四五六七八九十百\d]+[次届期批个]")
#: A count of one body opening a candidate, the indefinite article of Chinese (一个, 一家, 两所): what
#: follows is described, unless it is named with a place, an official prefix or a legal form.
_INDEFINITE = re.compile("[一两二三四五六七八九十几][个家所座]")
_LEGAL_FORMS = ("有限公司", "有限责任公司", "株式会社")
_LEGAL_END_RE = re.compile("有限公司|有限责任公司")
_BANK_BRANCHES = ("支行", "分行", "营业部")
_HAN_RUN = re.compile("[\u4e00-\u9fff]+")
#: The kind of a partnership written after its form (合伙企业法: 普通合伙, 有限合伙): part of its legal name.
_PARTNERSHIP_KIND = re.compile("[（(](?:有限|普通)合伙[）)]")


def _branch(rest: str) -> bool:
    """``rest`` is a place and a branch word: the company's branch there is one name with it
    (某某农商银行股份有限公司衢州支行, 某某建设有限公司温州分公司)."""
    t = _tables()
    if not rest.endswith(t["branch_words"]):
        return False
    word = next(w for w in t["branch_words"] if rest.endswith(w))
    end = len(rest) - len(word)
    m = t["place_chain_re"].match(rest)
    if word in _BANK_BRANCHES and 2 <= end <= 5 and _HAN_RUN.fullmatch(rest, 0, end):
        return True  # a bank's branch is named by a place, a zone or a quarter: …银行股份有限公司开发区支行, 城东支行
    return (bool(m) and m.end() == end) or rest[:end] in t["lexicon_places"]  # (…股份有限公司某阳分行)


@lru_cache(maxsize=8192)
def _cut_breaks(name: str, suffix_len: int = 2) -> str:
    """The name left after the last break word before its suffix (``""`` when only the suffix is left).

    Verbs, prepositions and function words (``left_breaks``) always cut: ``以杭州某制药有限公司`` →
    ``杭州某制药有限公司``, ``让大家对医院`` → ``医院`` (a bare suffix: no name). Role nouns
    (``role_breaks``: 企业, 承建单位, 投资方) cut only when a stem is left, since a noun can end a
    name's stem (``统一企业有限公司``). An ordinal (``第二十四次``) and a complete legal company name
    inside a longer candidate cut too. (A pure function of the candidate: cached.)"""
    stem_end = len(name) - suffix_len
    best = 0
    if "第" in name:
        for m in _ORDINAL_RE.finditer(name, 0, stem_end):
            best = max(best, m.end())
    # A company's legal name inside a longer candidate ends it: what follows is another name.
    if "有限" in name:
        for m in _LEGAL_END_RE.finditer(name, 0, len(name) - 2):
            if len(name) - m.end() >= 3 and not _branch(name[m.end():]):
                best = max(best, m.end())
    t = _tables()
    # break words ending after ``best``: (start, end); roles only when a stem is left after them
    cuts = [m.span() for m in t["break_re"].finditer(name, 0, stem_end) if m.end() > best]
    cuts += [m.span(1) for m in t["breaks_re"].finditer(name, 0, stem_end) if m.end(1) > best]
    # (in a company's name a stem of lines of business only is no stem: 某某企业管理有限公司 keeps its 企业)
    company = name.endswith("公司")
    # (nor is a region in parentheses before the form: 统一企业（某州）有限公司 keeps its 企业 too)
    # (nor a one-character role that opens a dictionary word: the 厂 of 厂房)
    cuts += [m.span(1) for m in t["roles_re"].finditer(name, 0, stem_end) if m.end(1) > best and stem_end - m.end(1) >= 2
             and not (company and t["descriptive_re"].fullmatch(name, m.end(1), stem_end))
             and not _PAREN_PLACE_END.fullmatch(name, m.end(1), stem_end)
             and not (m.end(1) - m.start(1) == 1 and lexicon.word_across(name, m.end(1), m.start(1), m.end(1) + 2))]
    if not cuts:
        return name[best:]
    protected = [(m.start(), m.end()) for m in t["protect_re"].finditer(name)]
    # A one-character break just inside the trade name after a place is part of it (浙江新和成…),
    # and so is one second in the run when the first is no break word (华为技术…, not 我和…).
    places = t["places"]
    trade = {b + (name[b:b + 1] in "省市区县") for a, b in protected if name[a:b] in places}
    if name[0] not in t["not_name_starts"] and not any(s == 0 for s, _ in cuts):
        trade.add(0)
    # …and so where a name starts after the particle 的, which closes a modifier (主会场开工的|东和精机…: the
    # 和 of a trade name; not after a verb, whose object may be a list, 注册|证及省…, nor a conjunction,
    # 与|甲和乙), unless the 的 is inside a longer break word (的确) or another break follows it (的|和)
    starts = {s for s, _ in cuts}
    trade |= {e for s, e in cuts if e - s == 1 and name[s] == "的" and e < stem_end and e not in starts
              and name[e] not in t["not_name_starts"] and not any(a < s < b for a, b in cuts)}
    # a body's two domains joined (某某新区经济运行和安全生产监管局): 和 is no conjunction of two bodies when what
    # stands before it ends in no body's or zone's word and a domain of two characters or more follows
    gov = t["by_suffix"].get(name[stem_end:], ("",))[0] == "government"
    for s, e in sorted(cuts, key=lambda c: -c[1]):
        if e - s == 1 and s - 1 in trade and name[s] not in t["list_particles"]:
            continue
        if gov and name[s:e] in ("和", "与", "及") and stem_end - e >= 2 and s >= 2 \
                and not name.endswith(t["suffix_words"], 0, s) and not name.startswith(t["prefixes"], e):
            continue  # (…公司与某某管委会, 某某和省药监局: a body before or a body's prefix after: two bodies)
        if not any(s < b and e > a for a, b in protected):
            return name[e:]
    return name[best:]


_ZONE_WORD_IN = re.compile("经济技术开发区|经济开发区|高新技术产业开发区|经开区|高新区|开发区|新区")


def _zone_body(stem: str, bureaus: bool = True) -> bool:
    """The stem of a body is a named zone (瓯江口产业集聚区管委会, 青山湖科技城管委会), or a named zone and a
    domain of two characters or more: the zone's bureau (某城云岭新区经济发展局, 某城高新区财政局)."""
    zone = next((z for z in _tables()["zone_words"] if stem.endswith(z)), None)
    if zone is not None:
        return _name_of(stem, zone) == stem
    if not bureaus:  # (step organizations.zone_bureaus)
        return False
    m = next((m for m in _ZONE_WORD_IN.finditer(stem) if len(stem) - m.end() >= 2), None)
    return m is not None and m.start() >= 2 and _name_of(stem[:m.end()], m.group()) == stem[:m.end()]


def _generic_end(name: str) -> bool:
    """``name`` ends in a word of ``generic_endings`` (发展格局, 城市北部) — read as a word: not when its
    first character closes a word begun before it (科技创新|局: 创新 + 局, not 新局 "a new situation")."""
    t = _tables()
    if not name.endswith(t["generic_endings"]):
        return False
    k = len(name) - len(next(e for e in t["generic_endings"] if name.endswith(e)))
    return not (k > 0 and lexicon.tags().get(name[k - 1:k + 1], "") in ("v", "vn"))  # (创新: v; 溪北 ns stays)


def _sub_body(stem: str, suffix: str = "") -> bool:
    """The stem is a named body and a place: the body's unit there (某某大学温州 + 创新中心,
    某某产业集聚区松阳 + 分区); a free trade zone's area is named by any name (…自由贸易试验区某某港 + 片区)."""
    t = _tables()
    for k in (2, 3, 4):
        head, place = stem[:-k], stem[-k:]
        if suffix == "片区" and head.endswith("自由贸易试验区") and _HAN_RUN.fullmatch(place):
            return True
        if place in t["places"] and len(head) >= 4:
            body = next((x for x, _, strength in t["suffixes"] if head.endswith(x) and strength != "sub"), None)
            if body and t["by_suffix"][body][1] != "weak" and _name_of(head, body) == head:
                return True
    return False


def _admin_named(name: str, stem: str) -> bool:
    """A body named after a place with its level and a domain: 芜湖市发改委, 李家巷镇人民政府
    (or a suffix that follows the place directly: 南明山街道办事处)."""
    t = _tables()
    m = t["admin_re"].match(name)
    return bool(m) and (len(stem) - m.end() >= 2 or (len(stem) == m.end() and name.endswith(t["admin_bare"])))


def _name_of(raw: str, suffix: str, function_prefix: bool = True, listed: bool = False) -> str:
    """The organization name in a candidate run ending in ``suffix``, or ``""`` when it holds none.
    ``listed``: the run is an item of a list of bodies (:func:`_listed_bodies`), where a weak suffix
    needs no place before it."""
    return _name_in(raw, suffix, function_prefix, listed, config.step_on(STAGE, "lexicon_place_start"),
                    config.step_on(STAGE, "body_place_start"), config.step_on(STAGE, "zone_bureaus"))


@lru_cache(maxsize=16384)
def _name_in(raw: str, suffix: str, function_prefix: bool, listed: bool, bare_start: bool,
             place_start: bool = True, bureaus: bool = True) -> str:
    """:func:`_name_of`, with the steps switched on as arguments (a pure function of the run and
    the steps: cached, since the same runs recur across articles). ``bare_start``: step
    ``organizations.lexicon_place_start``, a place of the general lexicon written without its level
    starts a body (某阳经济开发区招商处, 某阳产业平台), as one of ``places`` does. ``place_start``: step
    ``organizations.body_place_start`` (:func:`.org_prefix.body_place_start`). ``bureaus``: step
    ``organizations.zone_bureaus`` (:func:`_zone_body`)."""
    t = _tables()
    org_type, strength = t["by_suffix"][suffix]
    name = _cut_breaks(raw, len(suffix))
    name = _strip_country_before_latin(name)
    name = _drop_outer_place(name, org_type)
    if function_prefix:
        name = _function_prefix(name, len(suffix), raw[:len(raw) - len(name)])
    if place_start and strength != "sub":  # (计划表某阳经济开发区管委会: a body's name starts at its place;
        # a unit's is a body and a place: 某某集聚区松阳分区)
        name = body_place_start(name, len(suffix), org_type)
    ind = _INDEFINITE.match(name)
    if ind is not None:  # 共建了一个某某工艺实验室: a body counted, described, not named (一家杭州某某公司: named)
        rest = name[ind.end():]
        if not (rest.startswith(t["prefixes"]) or t["lexicon_any_re"].match(rest) or rest.endswith(_LEGAL_FORMS)):
            return ""
        name = rest
    date = LEAD_DATE.match(name)
    if date is not None and len(name) - date.end() > len(suffix) + 1:
        name = name[date.end():]  # 一季度石湾经开区, 上半年某某公司: a time before the name, never in it
    stem = name[:-len(suffix)]
    if (len(stem) < t["min_stem"].get(suffix, 2) or name in t["generic"]
            or t["descriptive_re"].fullmatch(stem)
            or _generic_end(name) or name.endswith(t["sub_organs"])
            or name.endswith(t["bad_endings"]) or name.startswith(t["category_prefixes"])):
        return ""
    if ((suffix in t["description_suffixes"]
         or (suffix in t["founded_suffixes"] and raw.endswith(t["founding_verbs"], 0, len(raw) - len(name))))
            and not name.startswith(t["prefixes"]) and lexicon.all_common_words(stem, t["description_words"])):
        return ""  # 领先的太阳能科技公司, 大数据公司: common words only, no trade name (字号)
    if strength == "named" and t["descriptive_end_re"].search(stem):
        return ""  # 浙南闽北特色产业集聚区: a kind of zone, not a named one
    if strength == "sub" and not _sub_body(stem, suffix):
        return ""  # 某某集聚区松阳分区, 某某大学温州创新中心: a body's unit in a place, nothing else
    if strength == "listed" and (not listed or lexicon.tags().get(name[-2:], "").startswith("v")
                                 or name.endswith(t["verb_ends"])):
        return ""  # (举办, 主办: a verb ending in the suffix)
    if strength == "weak" and not listed and not (
            name.startswith(t["prefixes"]) or name.startswith(("经开区", "开发区", "高新区"))
            # a place of the general lexicon with its level (某阳县委), or all of the stem (某阳经开区)
            or t["lexicon_place_re"].match(name) or stem in t["lexicon_places"]
            or (bare_start and t["lexicon_bare_re"].match(name))
            or (suffix in t["place_inside"] and (t["place_re"].search(stem)
                                                 or (bare_start and t["lexicon_any_re"].search(stem))))
            # a prefecture-level city opens a zone's name whatever stands after it (长春某某科技开发区)
            or (org_type == "development_zone" and bare_start and name.startswith(t["prefectures"]))
            # a zone of two places named by their initials (衢州 + 丽水 → 衢丽高新区)
            or (org_type == "development_zone" and len(stem) == 2 and all(ch in t["place_initials"] for ch in stem))
            or (org_type == "government" and (_admin_named(name, stem) or _zone_body(stem, bureaus)))):
        return ""
    if t["markers_re"].search(raw) and not name.startswith(t["place_tuple"]):
        return ""  # 全国首家…学院: a description of a kind of body
    return name


_DASH_RE = re.compile("[-—–－]")


def _lexicon_place_ends(text: str, i: int) -> bool:
    """A place of the general lexicon (two characters) ends at ``i``, no dash before it."""
    return i >= 2 and text[i - 2:i] in _tables()["lexicon_places"] and (i == 2 or not _DASH_RE.match(text, i - 3))
_TITLE_RE = re.compile(r"《[^《》\n]{1,80}》")


def find_full_names(text: str) -> list[OrgMention]:
    """Organizations named in full in ``text``.

    >>> [m.name for m in find_full_names("丽水经开区企业浙江岚峰智能科技有限公司与省科技厅合作")]
    ['丽水经开区', '浙江岚峰智能科技有限公司', '省科技厅']
    """
    t = _tables()
    found: dict[tuple[int, int], OrgMention] = {}
    credits: list[tuple[int, int]] = []
    for m in t["suffix_re"].finditer(text):
        suffix = m.group()
        org_type, strength = t["by_suffix"][suffix]
        end = m.end()
        nxt = text[end:end + 2]
        if nxt.startswith(t["not_followed"].get(suffix, ())):
            continue
        start = _left_edge(text, m.start())
        if text.startswith(t["credit_after"], end) or (
                start and text[start - 1] in t["credit_last"] and text[max(0, start - 5):start].endswith(t["credit_before"])):
            credits.append((start, end))
            continue
        name = _name_of(text[start:end], suffix, config.step_on(STAGE, "function_prefix"))
        if name[:1] in t["numeral_counters"] and text[end - len(name) - 1:end - len(name)].isdigit() \
                and len(name) > len(suffix) + 2:
            name = name[1:]  # 6月10日|石湾经开区, 58天|某某公司: a counter is no name's first character (日照…, 天合… are)
        if not name or (org_type != "development_zone" and nxt.startswith(t["not_before"])
                        and not text.startswith(t["project_roles"], end)):
            continue  # 某某公司项目: inside a project name (a zone hosts projects: 乐清经开区项目)
        if org_type == "media" and t["dateline_re"].match(text, end):
            continue  # 某县融媒体中心记者: the publication in a byline
        start = end - len(name)
        if (kind := _PARTNERSHIP_KIND.match(text, end)) and suffix == "合伙企业":
            end, name = kind.end(), name + kind.group()  # 某某创投合伙企业（有限合伙）: the form's kind is the name's
        found[(start, end)] = OrgMention(start, end, name, name.replace(" ", "") if " " in name else name, org_type)
    if config.step_on(STAGE, "joined_parks"):  # 甲-乙山海协作产业园: a park of two places or more
        place_before, rest = t["joined_re"]
        bare = config.step_on(STAGE, "lexicon_place_start")
        for d in _DASH_RE.finditer(text):
            p = place_before.search(text, max(0, d.start() - 8), d.start())
            # (or a place of the general lexicon, with no level: the dashes say the words are places)
            s = p.start() if p else d.start() - 2 if bare and _lexicon_place_ends(text, d.start()) else -1
            m = rest.match(text, d.start()) if s >= 0 else None
            if m:
                found[(s, m.end())] = OrgMention(s, m.end(), text[s:m.end()], text[s:m.end()], "development_zone")
    if config.step_on(STAGE, "listed_bodies"):
        for s, e, name in listed_bodies(text, [(o.start, o.end) for o in found.values() if o.org_type == "government"],
                                        _name_of):
            o = OrgMention(s, e, name, name, "government")
            found.setdefault((o.start, o.end), o)
    # FerroTec（中国）董事局主席: the name before a company's board or top role
    for m in t["roles_after_re"].finditer(text):
        e = m.start() - 1 if text[m.start() - 1:m.start()] == "副" else m.start()  # 副董事长
        s = _left_edge(text, e)
        name = _cut_breaks(text[s:e], 0)
        s = e - len(name)
        if (len(name) >= 2 and (_LATIN.search(name) or name.startswith(t["prefixes"]))
                and not t["suffix_re"].search(name) and not t["descriptive_re"].fullmatch(name)):
            found.setdefault((s, e), OrgMention(s, e, name, name, "company"))
    for m in t["known_re"].finditer(text):
        if text.startswith(t["not_followed"].get(m.group()[-1], ()), m.end()):
            continue  # 商务部门 is not 商务部
        if t["known"][m.group()] == "media" and t["dateline_re"].match(text, m.end() + text.startswith("社", m.end())):
            continue  # 新华社杭州3月5日电, 丽水日报记者: the publication in a byline
        found.setdefault((m.start(), m.end()), OrgMention(m.start(), m.end(), m.group(), m.group(), t["known"][m.group()]))
    if config.step_on(STAGE, "brands"):  # 选用甲、德国乙的系统: makers named by brand alone (org_brands.py)
        for s, e in brand_mentions(text):
            found.setdefault((s, e), OrgMention(s, e, text[s:e], text[s:e], "company"))
    # "A、B等众多…企业": the listed short names are companies.
    for m in chain(enumerations(text), clause_lists(text)):
        if t["category_tail_re"].search(m.group(2)):
            continue
        pos = m.start(1)
        for item in m.group(1).split("、"):
            if item not in t["places"] and not t["category_item_re"].fullmatch(item):
                found.setdefault((pos, pos + len(item)), OrgMention(pos, pos + len(item), item, item, "company"))
            pos += len(item) + 1
    # A credit line (…区委宣传部供图) takes the bodies inside it (…区委) with it; so does the title of a
    # document, a law or a plan (《某省人民政府关于…的意见》: its issuer is part of the title).
    if config.step_on(STAGE, "document_titles"):
        credits += [m.span() for m in _TITLE_RE.finditer(text)]
    if credits:  # every name overlapping a credit line (credits by start, with the furthest end so far)
        credits.sort()
        c_starts = [s for s, _ in credits]
        reach, furthest = [], -1
        for _, e in credits:
            furthest = max(furthest, e)
            reach.append(furthest)
        for k in [k for k in found if (i := bisect_left(c_starts, k[1])) and reach[i - 1] > k[0]]:
            del found[k]
    if config.step_on(STAGE, "project_lists"):
        for k in [k for k, o in found.items() if o.org_type not in ("company", "development_zone")
                  and in_project_list(text, o.start, o.end)]:
            del found[k]
    # a university's or academy's school or institute after its name (某某大学材料科学与工程学院): one name
    for s, e, unit_type in body_units(text, [(o.start, o.end, o.org_type) for o in found.values()]):
        found.setdefault((s, e), OrgMention(s, e, text[s:e], text[s:e], unit_type))
    # Keep the longest of overlapping candidates (宁波理工大学丽水研究院 over 宁波理工大学).
    spans = sorted(found.values(), key=lambda o: (-(o.end - o.start), o.start))
    kept: list[OrgMention] = []
    covered = bytearray(len(text))
    for o in spans:
        if covered.find(1, o.start, o.end) < 0:
            kept.append(o)
            covered[o.start:o.end] = b"\x01" * (o.end - o.start)
    return sorted(kept, key=lambda o: o.start)


@lru_cache(maxsize=4096)
def _stem_heads(name: str) -> tuple[int, ...]:
    """Positions where a short form of ``name`` may start: its start and after each leading place
    (浙江乐清某某电气… → 0, 2, 4), county places included, and places of the general lexicon written
    without their level (江西某阳某某科技… → 0, 2, 4)."""
    t = _tables()
    heads, rx, bare = [0], t["place_chain_re"], t["lexicon_any_re"]
    m = rx.match(name) or bare.match(name)
    while m:
        heads.append(m.end())
        m = rx.match(name, m.end()) or bare.match(name, m.end())
    return tuple(heads)


_BARE_ZONE_RE = re.compile(r"经开区|开发区|高新区")
_COMMITTEE = re.compile("管委会|管理委员会|党工委")
_CLAUSE_START = "，。；：！？\n、“"


def extract_org_mentions(text: str) -> list[OrgMention]:
    """Every organization mention in an article body, each with its canonical name.

    >>> ms = extract_org_mentions("浙江强达实业有限公司落户。强达实业也是老牌企业。")
    >>> [(m.surface, m.name) for m in ms]
    [('浙江强达实业有限公司', '浙江强达实业有限公司'), ('强达实业', '浙江强达实业有限公司')]
    """
    mentions = find_full_names(text)
    covered = bytearray(len(text))  # 1 where a mention already stands

    def take(s, e):
        covered[s:e] = b"\x01" * (e - s)

    for o in mentions:
        take(o.start, o.end)

    def free(s, e):
        return covered.find(1, s, e) < 0

    aliases: dict[str, OrgMention] = {}
    # 1. explicit (以下简称“X”)
    ends = [o.end for o in mentions]  # ascending: full names do not overlap
    for m in _ALIAS_RE.finditer(text):
        i = bisect_right(ends, m.start())  # the last mention ending at or before the note
        if i and m.start() - ends[i - 1] <= 2 and not _generic_short(m.group(1) or m.group(2)):
            aliases[m.group(1) or m.group(2)] = mentions[i - 1]
    # 1b. a short name defined so that is itself read as a full name (某某市城市建设投资集团（以下简称市城投集团）:
    #     市城投集团 has a suffix of its own) names the body it was defined for wherever it stands
    if aliases and config.step_on(STAGE, "defined_short_names"):
        defined = {a: o for a, o in aliases.items() if a != o.name}
        mentions = [OrgMention(m.start, m.end, m.surface, defined[m.name].name, defined[m.name].org_type)
                    if m.name in defined else m for m in mentions]
    # 2. zones: one canonical name per place core
    zones = sorted({o.name for o in mentions if o.org_type == "development_zone"})
    t = _tables()
    zone_map = zone_canonical(zones, t["province_re"], leading_city if config.step_on(STAGE, "zone_city") else None)
    mentions = [OrgMention(o.start, o.end, o.surface, zone_map.get(o.name, o.name), o.org_type) for o in mentions]
    # 2b. a body's abbreviation is the same body (经开区投促部 = 经开区投资促进部): same first and last
    #     character, the letters of the long name in order
    gov = sorted({o.name for o in mentions if o.org_type == "government"}, key=len)
    # (not when the long name has a place the short one lacks: 温州市委 is not 温州市瓯海区委)
    short_of = short_bodies(gov, t["place_re"], t["province_re"])
    if config.step_on(STAGE, "level_short"):
        v = org_vocab()
        short_of = {**level_bodies(gov, t["place_chain_re"], tuple(v.get("level_words") or ()),
                                   v.get("level_endings") or {}, short_of), **short_of}
    mentions = [OrgMention(o.start, o.end, o.surface, short_of.get(o.name, o.name), o.org_type) for o in mentions]
    # 2c. a company named in full with its place and without it is one company (义乌某投集团 … 某投集团)
    placed = placed_companies({o.name for o in mentions if o.org_type == "company"})
    if placed:
        mentions = [OrgMention(o.start, o.end, o.surface, placed.get(o.name, o.name), o.org_type) for o in mentions]
    # 2d. a brand named alone is the company of the article whose name opens with it (某某 → 某某（中国）有限公司)
    if config.step_on(STAGE, "brands"):
        companies = {o.name for o in mentions if o.org_type == "company"}
        if linked := brand_companies(companies, companies):
            mentions = [OrgMention(o.start, o.end, o.surface, linked.get(o.name, o.name), o.org_type) for o in mentions]
    # 3. distinctive short forms of full names
    seen: set[tuple[str, str]] = set()  # each full name once, however often it repeats (linear time)
    # Where each two-character key occurs (non-overlapping, as _occurrences reads them) and a short
    # form of four characters or more could start there (free, two more Chinese characters after
    # the key; covered does not change in this loop): found once per key, not once per name.
    starts_of: dict[str, list[int]] = {}
    finder = Occurrences(text)
    for o in mentions:
        if o.org_type in ("government", "development_zone") or o.surface != o.name or (o.name, o.org_type) in seen:
            continue
        seen.add((o.name, o.org_type))
        full = o.name
        body_suffix = 0 if o.org_type == "company" else len(next((x for x, _, _ in t["suffixes"] if full.endswith(x)), ""))
        for h in _stem_heads(full):
            key = full[h:h + 2]
            if len(key) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in key):
                continue
            if key not in starts_of:
                starts_of[key] = [s for s in finder.occurrences(key) if s + 4 <= len(text)
                                  and "\u4e00" <= text[s + 2] <= "\u9fff" and "\u4e00" <= text[s + 3] <= "\u9fff"
                                  and free(s, s + 4)]
            for s in starts_of[key]:
                e = s + 2
                rest = full[h + 2:]
                while e < len(text) and e - s < 8 and "\u4e00" <= text[e] <= "\u9fff" and text[e] in rest:
                    rest = rest[rest.index(text[e]) + 1:]
                    e += 1
                short = text[s:e]
                if body_suffix and len(rest) <= body_suffix:
                    continue  # 某某数学|会, 某某科学|院: a body's name without its type word is its field
                if len(short) >= 4 and short != full and free(s, e) and short not in aliases:
                    aliases[short] = o
    finder.expect(aliases)
    whole_words = config.step_on(STAGE, "whole_word_aliases")
    for short, o in aliases.items():
        for s in finder.occurrences(short):
            # (a short form never ends inside a word of its own letters: 中国科学|家 is no 中国科学院;
            # a word begun at its last letter is left alone, the dictionary has many: 某某实业|力争)
            e = s + len(short)
            if free(s, e) and not (whole_words and lexicon.word_across(text, e, max(s, e - 3), e + 3, before=2)):
                mentions.append(OrgMention(s, s + len(short), short, o.name, o.org_type))
                take(s, s + len(short))
    # 3b. companies named by a trade name and a line of business alone (某某光电董事长), at every
    #     free place the article repeats them
    if config.step_on(STAGE, "trade_names"):
        shorts = sorted({name for _, _, name in trade_names(text, free)})
        finder.expect(shorts)
        for short in shorts:
            full = aliases[short].name if short in aliases else short  # (a short form met elsewhere)
            for s in finder.occurrences(short):
                e = s + len(short)  # (not inside a word of three of its own letters either: 某某科技|园 is a park)
                if free(s, e) and not (whole_words and text[e - 2:e + 1] in lexicon.tags()):
                    mentions.append(OrgMention(s, s + len(short), short, full, "company"))
                    take(s, s + len(short))
    # 3c. a zone's committee named by a zone name no gazetteer knows (临港经开区管委会: org_committees.py)
    if config.step_on(STAGE, "zone_committees"):
        for s, e in zone_committees(text, free):
            mentions.append(OrgMention(s, e, text[s:e], text[s:e], "government"))
            take(s, e)
    # 3d. the zone a committee is named after, where the article speaks of the zone: its name written alone,
    #     a bare zone word (step 4; org_committees.py)
    by_committee: list[str] = []
    if config.step_on(STAGE, "committee_zones"):
        by_committee = committee_zones(sorted({o.name for o in mentions if o.org_type == "government"}), t["zone_words"])
        named = sorted({o.name for o in mentions if o.org_type == "development_zone"})
        # (an article naming a long list of committees is left alone: each is compared with every zone)
        for z in by_committee if len(by_committee) <= MAX_BUCKET else ():
            # (the zone the article names in full holding the committee's name of it: 磷谷经开区 of 某州磷谷经济开发区)
            holders = [n for n in named if zone_core(z) in n] or [z]
            for s in finder.occurrences(z) if len(holders) == 1 else ():
                if free(s, s + len(z)):
                    mentions.append(OrgMention(s, s + len(z), z, holders[0], "development_zone"))
                    take(s, s + len(z))
    # 4. bare zone words refer to the article's one zone
    #    (an article that names no zone and speaks of 开发区 as an actor at a clause start: that
    #    zone, named as written; or the one zone of its kind a committee of the article is named after)
    canon_zones = sorted(set(zone_map.values()) | {o.name for o in mentions if o.org_type == "development_zone"})
    bare = [km for km in _BARE_ZONE_RE.finditer(text) if free(km.start(), km.end())]
    zones_of: dict[str, str | None] = dict.fromkeys(("高新区", "经开区", "开发区"),
                                                    canon_zones[0] if len(canon_zones) == 1 else None)
    if not canon_zones and by_committee:
        zones_of = {word: bare_zone(word, by_committee) for word in zones_of}
    elif not canon_zones and any(km.start() == 0 or text[km.start() - 1] in _CLAUSE_START for km in bare):
        first = next(km.group() for km in bare if km.start() == 0 or text[km.start() - 1] in _CLAUSE_START)
        zones_of = dict.fromkeys(zones_of, first)
    for km in bare:
        if (zone_name := zones_of[km.group()]) is not None:
            mentions.append(OrgMention(km.start(), km.end(), km.group(), zone_name, "development_zone"))
            take(km.start(), km.end())
    # 5. a zone's committee named by the zone as written, its short name too (航空港区管委会, 某某港片区管理委员会)
    for k, o in enumerate(mentions):
        c = _COMMITTEE.match(text, o.end) if o.org_type == "development_zone" else None
        if c is not None and free(c.start(), c.end()):
            mentions[k] = OrgMention(o.start, c.end(), text[o.start:c.end()], text[o.start:c.end()], "government")
            take(c.start(), c.end())
    if config.step_on(STAGE, "brands") and (spans := set(brand_mentions(text))):
        mentions = [OrgMention(o.start, o.end, o.surface, o.name, o.org_type, True) if (o.start, o.end) in spans
                    else o for o in mentions]
    return sorted(mentions, key=lambda o: o.start)

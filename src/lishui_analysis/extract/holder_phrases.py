"""What a holder phrase is made of: the vocabulary of ``data/subjects.yaml`` compiled once
(:func:`vocab`), the :class:`Holder` record, and the small readings of one phrase that
:mod:`.holders` and :mod:`.figure_holder` share — where a phrase starts (:func:`left_edge`), what
kind its head noun makes it, whether it has a name of its own, whose project it is, and whether a
holder opens its clause.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple, cast

from .. import config
from ..vocab import load_yaml, org_vocab, regions, regions_longest_first
from . import lexicon
from .context import ITEM_MARK, LEAD_DATE, LEAD_PERIOD, line_start, trie_regex


@dataclass(frozen=True)
class Holder:
    start: int
    end: int
    name: str            # the holder as named (a company's full name for its short forms)
    kind: str            # company, project, batch, zone, region, government, other, generic
    org: Any = None      # the OrgMention when the holder is (or is built by) an organization
    affiliation: bool = False  # an organization named for a person (…董事长): a topic, never a direct holder


class Resolved(NamedTuple):
    """The holder :func:`.figure_holder.resolve` gives a figure or milestone."""
    subject: str
    subject_type: str
    org: Any
    start: int = -1   # where the holder stands in the body (-1: the topic or the headline's)
    end: int = -1
    rule: str = ""    # the named step that gave it (``subject_rule``: same_clause, current_topic, …)


NONE = Resolved("", "", None)


_CN_NUM = "零〇一二两三四五六七八九十百千万"


@lru_cache(maxsize=1)
def vocab() -> dict:
    v = load_yaml("subjects.yaml")
    alt = lambda words: trie_regex(set(words))  # noqa: E731  (longest match, one branch per character)
    first = lambda words: re.escape("".join(sorted({w[0] for w in words})))  # noqa: E731
    place_words = [r for r in regions_longest_first() if regions()[r]["level"] != "country"]
    places = alt(place_words)
    heads = alt(v["project_heads"] + v["zone_heads"])
    name_char = "\u4e00-\u9fffA-Za-z0-9" + re.escape(v["name_marks"])
    measures = "".join(v["batch_measures"])
    # a count, never an ordinal (第七批) nor the indefinite 一 (一个标志性项目: "a", not one)
    num = rf"(?<![第\d.{_CN_NUM}])(?:\d+(?:\.\d+)?|(?!一[{measures}])[{_CN_NUM}]+)(?:余|多)?"
    return {
        **v,
        # one or more heads, an optional phase or part: 生产基地项目, 产业园（一期）, 项目一期, 项目二期工程
        # a lookahead on the heads' first characters lets the regex engine skip other positions fast
        "head_re": re.compile(rf"(?=[{first(v['project_heads'] + v['zone_heads'])}])(?:{heads})+(?:[（(][^）)]{{1,8}}[）)]|[一二三四五六]期(?:工程|项目)?)?"),
        "non_name": re.compile(rf"[^{name_char}]"),
        "last_non_name": re.compile(rf"(?s:.*)[^{name_char}]"),  # (matched from a window's start: ends after its last)
        "break_re": re.compile(rf"(?!{alt(v['break_nouns'])}){alt(v['left_breaks'])}"),  # (not opening a noun: 正极)
        "batch_break_re": re.compile(alt([w for w in v["left_breaks"] if w not in v["batch_keep"]])),
        "generic_re": re.compile(alt(v["generic_words"] + v["descriptive_words"] + v["stage_words"]
                                     + v["project_heads"] + v["zone_heads"])),
        "function_re": re.compile(alt(v["function_words"])),
        "build_verb_set": frozenset(v["build_verbs"]),
        "reference_heads": frozenset(h for h in v["project_heads"] if h not in v["plot_heads"]),
        # a project's people and office (项目经理, 项目部: organizations.yaml project_roles) are no project
        "project_roles": tuple(org_vocab().get("project_roles") or ()),
        "name_word_classes": frozenset(v["name_word_classes"]),
        "kind_head_re": re.compile(rf"(?:{alt(v['kind_words'])})$"),
        "place_re": re.compile(places),
        # 12个重大项目, 21家企业, 89个大项目 (the counted phrase after its count)
        "batch_after": re.compile(rf"(?=[\d{_CN_NUM}]){num}[{measures}][{name_char}]{{0,14}}?(?:{alt(v['batch_heads'])})"),
        # 入园企业140家, 开工项目9个, 社会事业项目5项 (the counted phrase before its count): found by its head
        # and count (a fast anchor), the noun before it read leftwards
        "batch_before": re.compile(rf"(?:{alt(v['batch_heads'])})(?P<conn>分别达|分别为|分别有|共|达|有|约|近|超)?(?P<num>{num})[{measures}]"),
        "other_after": re.compile(rf"(?=[\d{_CN_NUM}]){num}[{measures}张幅名位][{name_char}]{{0,8}}?(?:{alt(v['other_heads'])})"),
        "money_re": re.compile(r"\d[\d.]*[万亿]?元|[亿万]元"),
        # (scanned over every body: the lookahead on first characters skips other positions fast)
        "region_re": re.compile(f"(?=[{first(v['region_words'] + place_words)}])(?:{alt(v['region_words'])}|{places})"),
        "talk_re": re.compile(alt(v["general_talk"])),
        "role_re": re.compile(alt(v["role_words"])),
        "plural_re": re.compile(alt(v["plural_words"])),
        # (…投资18.5亿元，打造高端农业装备制造基地: a purpose clause after the figure names it too)
        "link_re": re.compile(rf"(?:[^，。；：,;:]{{0,6}}?|，(?:在[^，。；]{{1,8}}?)?(?=打造|建设|新建|兴建|用于))"
                              rf"(?:{alt(v['figure_links'])})"),
        "owned_re": re.compile(alt(v["owned_nouns"])),
        "counted_noun": re.compile(rf"[{name_char}]{{2,12}}"),
        "company_ref_re": re.compile("企业|公司|厂家|集团"),
        "after_re": re.compile(r"(?:仪式)?的?[，,]?(?:还|也)?(?:有|是|包括)"),
        "dash_re": re.compile(r"——|—|--|：|:"),
        "bare_count": re.compile(rf"(?:\d+|[{_CN_NUM}]{{1,4}})[个家项](?![\u4e00-\u9fff])"),
        "category_re": re.compile(alt(v["category_words"])),
        # (a place before its own statistic holds it too: 青田县固定资产投资增长…)
        "region_end": re.compile(r"(?:[市县区省镇乡]?)(?:[^\u4e00-\u9fff0-9A-Za-z]|$|" + alt(v["region_followers"] + v["area_statistics"]) + ")"),
        "region_word_re": re.compile(alt(v["region_words"])),
        "batch_place": re.compile(rf"(?:{alt(v['region_words'])}|(?:{places})[省市县区]?)$"),
        # 计划新开工|12个项目: the plan before a count names its batch; 已开工|9个, 开工率|75%: a tally of it
        "planned_lead": re.compile(rf"(?:(?:{alt(v['planned_leads'])})新?|新)(?:{alt(v['tally_verbs'])})$"),
        "tally_cue": re.compile(rf"(?:{alt(v['tally_marks'])})(?:{alt(v['tally_verbs'])})$"),
        "rate_cue": re.compile(rf"(?:{alt(v['tally_verbs'])})率(?:为|达|达到|是)?$"),
        # the next three are tried at clause starts only (after ，。；：！？ a line break or “)
        "clause_start": re.compile(r"[，。；：！？\n“]"),
        "trade_name": re.compile(rf"(?:{places})"
                                 rf"(?P<name>[\u4e00-\u9fff]{{2,4}}?)(?=将|拟|计划|正在|已经|于|投资|落户|签约|总投资)"),
        "determiner": re.compile(r"(?:该|这个|此|本)$"),
        "list_summary": re.compile(r"等[^，。；：,;:]{0,14}?(?:项目|工程)"),
        "builds_re": re.compile(r"(?:建设|新建|兴建|打造|投资|投建|用于)$"),
        "cjk_name": re.compile(r"[\u4e00-\u9fffA-Za-z0-9（）()·+\-]+"),
        "treasury_re": re.compile(r"(?:中央|国家|省级?|市级?|县级?|区级?)财政"),
        "firm_category": re.compile(rf"(?:\d{{1,2}}(?:-|—|至)\d{{1,2}}月|今年|去年)?"
                                    rf"(?P<name>(?:排名)?(?:前\d+(?:位|名|家)?的?)?(?:{alt(v['firm_categories'])})+企业)"),
        # what every match of the two patterns around holds (a category word right before 企业, 产业 before
        # its verb): a body without it has no match at any clause start, and the step is not tried there
        "firm_category_hint": re.compile(rf"(?:{alt(v['firm_categories'])})企业"),
        "industry_subject_hint": re.compile(r"产业(?=完成|实现|产值|营收|营业收入|增加值|总产值|规模)"),
        # (after a period, and with the area it is of: 2023年钛产业产值…, 今年1—9月，某某新区化工新材料产业实现产值…)
        "industry_subject": re.compile(rf"{LEAD_PERIOD}(?P<name>(?:{places}|全市|全县|全区|[\u4e00-\u9fff]{{1,6}}?[区县市])?"
                                       rf"(?P<kind>[\u4e00-\u9fff]{{1,6}}?产业))(?=完成|实现|产值|营收|营业收入|增加值|总产值|规模)"),
        "modifier_gap": re.compile(r"[^，。；：,;:]{1,8}的"),
        "cjk_run": re.compile(r"[\u4e00-\u9fff]+"),
        "plot_re": re.compile(r"(?=[A-Za-z0-9])(?P<code>(?<![A-Za-z0-9])(?:[A-Za-z]{1,4}[-—]?)?\d[0-9A-Za-z]*(?:[-—][0-9A-Za-z]+)+"
                              r"|(?<!\d)\d{5,8}(?!\d)号?)[^，。；：\n]{0,14}?(?:地块|国有建设用地|宗地)"),
        "title_re": re.compile(r"(?:被评为|评为|获评|荣获|授予|命名为|被命名为|列为|入选|获批|创成|成功创建|跻身)[“”]?$"),
        "lead_re": re.compile(rf"(?:{alt(v['clause_leads'])})+"),
        # (not a rate built on one: 亩均…, 万元工业增加值能耗, 固定资产投资强度 — a plot's or firm's requirement)
        "area_statistic_re": re.compile(rf"(?<!亩均)(?<!万元)(?:{alt(v['area_statistics'])})(?!强度|能耗|密度|率|占比|比重|产出)"),
    }


def left_edge(text: str, head_start: int, floor: int, breaks=None, quotes: bool = False) -> int:
    """Where a holder phrase ending at ``head_start`` begins: the run of name characters before it,
    cut after the last break word (verb, preposition, role) or opening quote — with ``quotes`` (a
    counted phrase's noun: :func:`batch_left`), a short quotation inside the run is part of it."""
    v = vocab()
    lo = max(floor, head_start - 40)
    stop = v["last_non_name"].match(text, lo, head_start)  # the run of name characters before the head
    s = stop.end() if stop is not None else lo
    opening = _quoted_inside(text, s, lo) if quotes and config.step_on("holders", "quoted_inside") else -1
    if opening >= 0:  # 专精特新“小巨人”企业6家: the run goes on before the quotation
        s = max(lo, opening - 30)
        for stop in v["non_name"].finditer(text, s, opening):
            s = stop.end()
    seg = text[s:head_start]
    cut = 0
    for m in (breaks or v["break_re"]).finditer(seg):
        if m.start() == (cut + 1 if cut else 1) and len(m.group()) == 1:
            continue  # a one-character break second in the run (or after a cut) is a name's (的|深向三电…, 正帆科技)
        if len(m.group()) == 1 and (_in_place(text, s + m.start()) or _opens_noun(text, s + m.start(), head_start)
                                    or (breaks is not None and _opens_verb(text, s + m.start(), head_start))):
            continue  # nor one ending a place (莲都) or opening a noun (将军山), or a verb in a batch's name (在建项目)
        if s + m.end() == head_start and m.group() in v["build_verb_set"] and breaks is None \
                and not v["kind_head_re"].search(text, s, head_start) and not text[s + cut].isdigit():
            continue  # a build verb before the head is the project's kind (…医院迁建工程; not 重点建设项目, nor 及|10000吨…)
        cut = m.end()
    s += cut
    while s < head_start and text[s] in "（(" and text.find("）", s, head_start) < 0 and text.find(")", s, head_start) < 0:
        s += 1  # a name never opens with a bracket left open (（即4个体育馆…: the words inside are read on)
    if config.step_on("holders", "name_start"):
        s = name_start(text, s, head_start)
    if breaks is None:  # a project's name (a batch's left edge keeps its verbs: 入园企业, 开工项目)
        if config.step_on("holders", "past_head"):
            s = past_head(text, s, head_start)
        if config.step_on("holders", "first_word"):
            s = first_word_off(text, s, head_start)
    if opening >= 0 and s >= opening:  # the quotation would open the name (“龙头”企业): read without it
        return left_edge(text, head_start, floor, breaks)
    if config.step_on("holders", "name_start"):  # 云溪段该项目: a reference after its referent's name
        ref = 1 if text[head_start - 1:head_start] in ("该", "此", "这") else \
            2 if text[head_start - 2:head_start] in ("这个", "那个") else 0
        if ref and s < head_start - ref:
            return head_start - ref
    return s


def _quoted_inside(text: str, s: int, lo: int) -> int:
    """Step ``holders.quoted_inside``: where a short quotation of name characters closing right at
    ``s`` opens (``专精特新“小巨人”|企业8家``, ``入选“双百”|项目12个``: a category's quoted name inside a
    counted phrase), when name characters stand right before it; else -1."""
    if s - 2 <= lo or text[s - 1] != "”":
        return -1
    q = text.rfind("“", max(lo, s - 12), s - 1)
    if q <= lo or not 1 <= s - q - 2 <= 10 or vocab()["non_name"].match(text, q - 1) \
            or not vocab()["cjk_name"].fullmatch(text, q + 1, s - 1):
        return -1
    return q


def past_head(text: str, s: int, e: int) -> int:
    """Step ``holders.past_head``: a name never starts with a head noun, nor inside one — what the
    run holds before it ended an earlier phrase (``省级示范工程|云岭智造工厂``: the cut after the break
    word 示范 left 工程 in front; ``星河产业集聚区|云岭电池产业园``: the cut after 集聚 fell inside 集聚区).
    The phrase starts after that head, unless a longer word of jieba's dictionary starts where it
    does (``工程机械产业园`` keeps 工程机械)."""
    head_re = vocab()["head_re"]
    for k in (3, 2, 1):  # a head begun before s and ending after it (…集聚|区…)
        m = head_re.match(text, s - k, e) if s - k >= 0 else None
        if m is not None and s < m.end() <= e - 2 and vocab()["non_name"].search(text, s - k, s) is None:
            return m.end()
    m = head_re.match(text, s, e)
    if m is not None and m.end() <= e - 2 and word_end(text, s, e) <= m.end():
        return m.end()
    return s


def first_word_off(text: str, s: int, e: int) -> int:
    """Step ``holders.first_word``: a name never starts with a word of a class that cannot open a
    name — verbs, adverbs, pronouns, time words, prepositions, conjunctions, particles
    (``name_word_classes`` in ``data/subjects.yaml``) as jieba's dictionary tags its first word (the
    longest word of the dictionary starting there): ``建起星河智造综合体`` → ``星河智造综合体``,
    ``至少有6条云岭轴承生产线`` → ``6条云岭轴承生产线``, and a construction verb (``build_verbs``:
    ``新建云溪小学`` → ``云溪小学``). The word is taken off only while what is left
    before the head ``text[:e]`` has a name of its own (``停车综合体``, ``引水工程`` keep their verb:
    it is the name's)."""
    classes, verbs = vocab()["name_word_classes"], vocab()["build_verbs"]
    tags = lexicon.tags()
    while e - s > 2:
        w = word_end(text, s, e)
        if (tags.get(text[s:w]) not in classes and text[s:w] not in verbs) or e - w < 2 or not proper(text, w, e):
            break
        if w == s + 1 and not _ALNUM.match(text, w) and word_end(text, w, e) == w + 1:
            break  # one character before an unknown word may be the name's own (横溪…, 骑客…)
        s = w
    return s


_ALNUM = re.compile(r"[0-9A-Za-z]")
_PROPER_TAGS = frozenset({"nr", "nrt", "nrfg", "ns", "nt", "nz", "j"})


def proper(text: str, s: int, e: int) -> bool:
    """``text[s:e]`` holds a proper name: a place, a number or Latin letters, a word the dictionary
    tags as a person, place, organization or other proper noun (or abbreviation), or two characters
    in a row that begin no word of it (an unknown word: a trade name). ``建起|印象星河综合体`` has
    one; ``创新|中心`` (common nouns alone) has none, so its verb stays."""
    if vocab()["place_re"].search(text, s, e) or _ALNUM.search(text, s, e):
        return True
    tags, single, i = lexicon.tags(), 0, s
    while i < e:
        w = word_end(text, i, e)
        if tags.get(text[i:w]) in _PROPER_TAGS:
            return True
        single = single + 1 if w == i + 1 and "\u4e00" <= text[i] <= "\u9fff" else 0
        if single >= 2:
            return True
        i = w
    return False


def word_end(text: str, s: int, e: int) -> int:
    """End of the longest word of jieba's dictionary that starts at ``s`` and ends by ``e``
    (``s + 1`` when none does: a character alone)."""
    tags = lexicon.tags()
    for k in range(min(e, s + _LONGEST_WORD), s + 1, -1):
        if text[s:k] in tags:
            return k
    return s + 1


_LONGEST_WORD = 8  # (longer entries of the dictionary are idioms and titles, never a name's first word)


def _opens_noun(text: str, k: int, end: int) -> bool:
    """The one-character break at ``k`` opens a noun of the general lexicon (tag n, nr, ns, nz) that ends
    before ``end``: 将|军 is 将军 (将军山文旅项目), 和|平 is 和平 (和平路改造工程) — part of a name, no break."""
    if not config.step_on("holders", "place_word"):
        return False
    tags = lexicon.tags()
    return any(tags.get(text[k:k + n]) in _NOUN_TAGS for n in (2, 3) if k + n < end)


_NOUN_TAGS = frozenset({"n", "nr", "ns", "nz"})


def _opens_verb(text: str, k: int, end: int) -> bool:
    """The break at ``k`` is the progressive 在 of a verb of the lexicon before ``end`` (在|建: 在建项目, 在谈)."""
    return text[k] == "在" and k + 2 < end and lexicon.tags().get(text[k:k + 2]) == "v"


def _in_place(text: str, k: int) -> bool:
    """The character at ``k`` ends a place name of the list begun before it (丽水莲|都)."""
    if not config.step_on("holders", "place_word"):
        return False
    rx = vocab()["place_re"]
    return any((m := rx.match(text, j)) is not None and m.end() == k + 1 for j in range(max(0, k - 3), k))


# (the place names of a site run on before the one that is read as a name: 建设地点：云溪县石湾镇智造产业园东区)
_SITE_BEFORE = re.compile(r"(?:选址|地点|位于|坐落于|地处)[：:]?[^，。；：,;:！？!?\n的]{0,12}$")


def is_site(text: str, h: Holder) -> bool:
    """A zone or place named as where something stands (项目选址：某经开区, 位于某高新区, 建设地点：某县某镇
    某产业园东区): its site, not the holder of the figures after it."""
    return _SITE_BEFORE.search(text, max(0, h.start - 20), h.start) is not None


def name_start(text: str, s: int, e: int) -> int:
    """Step ``holders.name_start``: a name never starts with a preposition, conjunction, particle,
    copula or adverb (``在云岭新材料项目`` → ``云岭新材料项目``, ``暨星河智造基地`` → ``星河智造基地``,
    ``并由松阳云岭集团`` → ``松阳云岭集团``), nor with a date (``6月10日首条产线``: :data:`.context.LEAD_DATE`): the ``function_words`` of ``data/subjects.yaml`` are stripped
    from the start of ``text[s:e]`` while two characters or more stay — each only when no longer
    word of jieba's dictionary starts there (``能源…``, ``以色列…``, ``经济…``, ``和平…`` keep their
    first character: never a cut inside a word)."""
    rx = vocab()["function_re"]
    mark = ITEM_MARK.match(text, s, e)
    if mark is not None and e - mark.end() >= 2:
        s = mark.end()  # （一）年产2万吨…项目: a list's marker, no name's first word
    date = LEAD_DATE.match(text, s, e)
    if date is not None and e - date.end() >= 2:
        s = date.end()  # 6月10日首条产线, 今年3月一期厂房: a time adverbial before the subject, never a name's
    while e - s > 2:
        m = rx.match(text, s)
        if m is None or e - m.end() < 2 or _longer_word(text, s, m.end(), e):
            break
        s = m.end()
    return s


def _longer_word(text: str, s: int, w_end: int, e: int) -> bool:
    """A word of the dictionary longer than ``text[s:w_end]`` starts at ``s`` and ends by ``e``."""
    return word_end(text, s, e) > w_end


def preload() -> None:
    """Read jieba's dictionary now (:mod:`.lexicon`), not on the first name a build reads (``tables.warm_up``)."""
    lexicon.preload()


@lru_cache(maxsize=1024)
def head_kind(head: str) -> str:
    """``zone`` for a chain of zone heads (园区, 开发区), ``generic`` for a plot without its code
    (一期地块: a coded plot is found on its own), else ``project`` (a chain ending in a project head,
    集聚区项目, is a project)."""
    v = vocab()
    if not any(head.endswith(p) or head.startswith(p) for p in v["project_heads"]) \
            and any(head.startswith(z) for z in v["zone_heads"]):
        return "zone"
    if any(head.startswith(p) for p in v["plot_heads"]):
        return "generic"
    return "project"


def place_before(text: str, s: int, head_start: int) -> int | None:
    """Start of a place (city, county, district, 全省) opening the phrase before a head when it is
    read with the batch breaks (嘉兴市秀洲区扩大有效投资|重大项目 → from 嘉兴; 浙江进行|全省重大项目 → from
    全省), when that phrase starts with one; else None. A named place opening the phrase itself
    counts too (松阳县重大项目); a word for the whole region there does not (全省重大项目: projects in
    general)."""
    v = vocab()
    start = left_edge(text, head_start, line_start(text, head_start), v["batch_break_re"])
    if _LEAD_TIME.match(text, start):
        return None
    if start < s and (v["place_re"].match(text, start) or v["region_word_re"].match(text, start)):
        return start
    if start == s and v["place_re"].match(text, start) and config.step_on("holders", "place_word"):
        return start
    return None


_LEAD_TIME = re.compile(r"\d|[今去明]年")


#: A capacity or size written with its unit (10GWh, 1万吨, 500MW, 2000台): a measure, never a name's words
_CAPACITY = re.compile(r"(?:年产)?\d+(?:\.\d+)?(?:[万亿])?(?:[A-Za-z]{1,4}\b|[A-Za-z]{1,4}(?=[^A-Za-z])|吨|台套?|套|片|件|只|辆|平方米|亩)")


@lru_cache(maxsize=4096)  # (a pure function of two short strings: a project is named again and again)
def distinctive(name: str, head: str) -> bool:
    """A phrase with a name of its own: something left once places, generic and descriptive words,
    heads, phases and numbers are taken out (丽水创新中心项目, 熊出没小镇 yes; 该产业园项目, 首期建设项目,
    附属厂房 no); or a facility named by its place or number alone (丽水机场, 330国道)."""
    v = vocab()
    core = name[: len(name) - len(head)]
    unplaced = v["place_re"].sub("", core)
    rest = v["generic_re"].sub("", unplaced)
    rest = _CAPACITY.sub("", rest)  # 10GWh产线, 一期1万吨产线: a size, no name (10GWh储能电池项目 keeps 储能电池)
    rest = re.sub(r"[\d.%（）()一二三四五六七八九十期·\-—+&]", "", rest)
    if core == rest and head.startswith("项目") and lexicon.tags().get(rest) in ("v", "vn"):
        return False  # 全力保障项目建设, 加快推进项目: a verb alone before 项目 is its object, no name
    if len(rest) >= 2:
        return True
    named_by = unplaced != core or re.search(r"[0-9A-Za-z]", _CAPACITY.sub("", core))
    return bool(named_by) and not v["generic_re"].fullmatch(core) and not head.startswith(("项目", "工程"))


def name_form(text: str, s: int, m) -> str | None:
    """Step ``holders.kind_head``: a head phrase ``text[s:m.end()]`` with a name of its own is a
    batch when a kind word stands right before its head 项目 or 工程 (``云岭新区重大项目``, ``智能装备
    重点项目``: projects of a kind, never one project's name), or when 此次/本次 opens it (``此次开竣工
    项目``, ``本次集中签约项目``: the projects of this event, a batch), or a period of the calendar
    (step ``holders.period_head``: ``云岭市一季度攻坚工程``, a period's projects), or a zone's head
    right before 项目 (step ``holders.zone_projects``: ``云溪新区项目``, the zone's projects); else None."""
    if config.step_on("holders", "kind_head") and m.group().startswith(("项目", "工程")) \
            and (vocab()["kind_head_re"].search(text, s, m.start()) or text.startswith(_THIS_EVENT, s)):
        return "batch"
    if config.step_on("holders", "period_head") and m.group().startswith(("项目", "工程")) \
            and _PERIOD.search(text, s, m.start()):
        return "batch"  # 云岭市上半年攻坚工程, 星河县一季度开工项目: a period's projects, never one plant's name
    if config.step_on("holders", "zone_projects") and _ZONE_PROJECTS.fullmatch(m.group()):
        return "batch"  # 云溪新区项目, 星河经开区工程: a zone's projects, never one plant's name
    return None


_THIS_EVENT = ("此次", "本次")
_ZONE_PROJECTS = re.compile("(?:园区|开发区|经开区|高新区|新区|集聚区)(?:项目|工程)")
def boundary(text: str, s: int) -> bool:
    """Step ``holders.boundary``: a phrase from ``s`` opening with a direction and 至 right after a
    separator is one side of a plot's or zone's boundary (``四至：东至云溪路、南至星河高速``), never a
    holder (``岭拓县水南至星河段工程``: 水南 is a place, the road runs from it)."""
    return (s == 0 or text[s - 1] in "、，,；;（(：:\n ") and _BOUNDARY.match(text, s) is not None \
        and config.step_on("holders", "boundary")


_BOUNDARY = re.compile("[东南西北]至")


def framed_start(text: str, s: int, m) -> int:
    """Step ``holders.framed``: a phrase framed by 继…之后 (after that one) starts after 继, a
    preposition there (``星河集团继云岭晶圆项目之后在华的第二个项目``: 云岭晶圆项目)."""
    if text.startswith(("之后", "以后"), m.end()) and config.step_on("holders", "framed"):
        k = text.rfind("继", s, m.start() - 1)
        if k >= 0:
            return k + 1
    return s


def project_goal(text: str, s: int, head_start: int) -> bool:
    """Step ``holders.project_goal``: a phrase that a project referred back to, as its sentence's
    subject, is to build or become (``该项目将着力打造产学研一体化示范基地``) describes that project's
    aim, not another plant: the project referred to holds what the sentence reports (``head_start``:
    where the phrase's head starts, for callers that read the words before it). So does a phrase
    after a superlative (step ``holders.superlative``: ``全市最大的云岭农业项目``, a project by its rank)."""
    if _SUPERLATIVE.search(text, max(0, s - 6), s) and config.step_on("holders", "superlative"):
        return True  # (step holders.superlative: 全市最大的|云岭农业项目 describes a project by its rank)
    goal = _GOAL.search(text, max(0, s - 24), s)
    return goal is not None and config.step_on("holders", "project_goal")


_SUPERLATIVE = re.compile(r"最[大高强新早长快多]的$")
# (该项目…打造|, 本项目将建成国内领先的| : the project as the subject, a build verb and its object)
_GOAL = re.compile(r"(?:该|本|此|这个)项目[^，。；：,;:]{0,12}?(?:打造|建成|建设成为?|成为)(?:[^，。；：,;:]{1,8}的)?$")


def period_batch(name: str) -> bool:
    """A batch named by a period of the calendar (``云岭市一季度攻坚工程``)."""
    return _PERIOD.search(name) is not None


# (a period of the calendar inside the words: no plant is named by the quarter or half-year of its report)
_PERIOD = re.compile(r"[一二三四1-4]季度|[上下]半年|前三季度|年度|今年|明年|去年|\d{1,2}[-—至]\d{1,2}月")


def listed_places(text: str, s: int) -> int | None:
    """Step ``holders.place_list``: a phrase that opens with a place and a count of places
    (``岚山三县（市）…配套工程``) sums up the places listed before it (``云和、松阳、岚山三县…``): the
    start of that list, which is part of the batch's name; None when no list stands there."""
    v = vocab()
    pm = v["place_re"].match(text, s)
    if pm is None or not _PLACE_COUNT.match(text, pm.end()) or not config.step_on("holders", "place_list"):
        return None
    a = s
    while text[a - 1:a] == "、":
        for j in range(max(0, a - 7), a - 2):
            m = v["place_re"].match(text, j)
            if m is not None and (m.end() == a - 1 or m.end() == a - 2 and text[a - 2] in "县市区镇乡"):
                a = j
                break
        else:
            break
    return a if a < s else None


def company_products(text: str, s: int, org_list, org_starts) -> int | None:
    """Step ``holders.product_list``: a company's plant for several products is one project named
    with the list of its products, not a list of projects (``云岭科技正极、负极和隔膜材料项目``): for a
    phrase read from ``s`` right after a list's 、/和/及 (隔膜材料项目), the start of the company that
    opens the list's first item (云岭科技), when every item before the phrase is a short run of name
    characters with no head noun (正极, 负极: products; ``A项目、B项目和C项目`` are three projects);
    None when no such list stands there. A 和 ending a place's name (云和) separates nothing."""
    if not config.step_on("holders", "product_list"):
        return None
    v, k = vocab(), s
    for _ in range(_PRODUCTS):
        if k < 2 or text[k - 1] not in "、和及" or _in_place(text, k - 1):
            return None
        j = k - 1  # the item before the separator ends at j
        i = bisect_right(org_starts, j - 1) - 1
        o = org_list[i] if i >= 0 else None
        if o is not None and o.org_type in ("company", "fund") and 0 < j - o.end <= _ITEM \
                and not v["non_name"].search(text, o.end, j) and not v["head_re"].search(text, o.end, j):
            return o.start  # 云岭科技|正极: the company opens the first item
        a = max(0, j - _ITEM)
        sep = max(text.rfind(c, a, j) for c in "、和及")
        if sep < 0 or j - sep < 2 or v["non_name"].search(text, sep + 1, j) or v["head_re"].search(text, sep + 1, j):
            return None
        k = sep + 1
    return None


_PRODUCTS = 6  # (a product list longer than this is a list of something else)
_ITEM = 8      # (a product: LED外延, 高纯石英坩埚 — a longer run is a name of its own)


_PLACE_COUNT = re.compile(r"[县市区]?(?:\d+|[一二两三四五六七八九十]+)个?[县市区镇乡]")


_ALIAS_BEFORE = re.compile(r"[（(]\s*(?:以下)?简称\s*[“\"「]([^”\"」]{2,12})[”\"」]\s*[）)]$")


def owner_before(text: str, s: int, org_list, org_starts, last_company=None,
                 head_start: int | None = None) -> tuple[str, object] | None:
    """The company a project phrase starting at ``s`` belongs to, when the text ties them: the phrase
    follows the company's name and its 简称 in brackets, or 其 (its) after the company was named.
    With ``head_start`` (the phrase's head), also a builder named as the sentence's subject
    (:func:`_builder_subject`). Returns ``(the name to prefix, the OrgMention)``. ``last_company``:
    for each organization the index of the last company or fund at or before it, when the caller
    has it (a look-up instead of a walk back over the organizations)."""
    alias = _ALIAS_BEFORE.search(text, max(0, s - 24), s)
    if alias:
        i = bisect_right(org_starts, alias.start()) - 1
        if i >= 0 and org_list[i].end == alias.start() and org_list[i].org_type in ("company", "fund"):
            return alias.group(1), org_list[i]
    if text[s - 1:s] == "其":
        i = bisect_right(org_starts, s) - 1
        if last_company is not None:
            i = last_company[i] if i >= 0 else -1
        while i >= 0 and org_list[i].org_type not in ("company", "fund"):
            i -= 1
        if i >= 0 and s - org_list[i].end < 80:
            return org_list[i].surface, org_list[i]
    if head_start is not None and config.step_on("holders", "builder_subject"):
        return _builder_subject(text, s, head_start, org_list, org_starts)
    return None


def _builder_subject(text: str, s: int, head_start: int, org_list, org_starts) -> tuple[str, object] | None:
    """Step ``holders.builder_subject``: a facility with no name of its own, the object of a build
    verb whose subject is a company or institute named before it in the sentence, is that builder's
    project, named with it (``云岭能源有限公司投资8亿元，在湖边建设风力发电场``: 云岭能源有限公司风力发电场)."""
    if not _BUILDS_OBJECT.search(text, max(0, s - 14), s) or proper(text, s, head_start):
        return None
    i = bisect_right(org_starts, s) - 1
    if i < 0 or s - org_list[i].end > _BUILDER_REACH or org_list[i].org_type not in _BUILDERS:
        return None
    o = org_list[i]
    if text.find("。", o.end, s) >= 0 or text.find("；", o.end, s) >= 0:
        return None  # (the builder is another sentence's)
    return o.surface, o


# 建设|风力发电场, 打造国际领先的|装备制造基地 (the verb and a modifier ending in 的 before the object)
_BUILDS_OBJECT = re.compile(r"(?:建设|新建|兴建|打造|投建|建成)(?:[^，。；：,;:]{1,8}的)?$")
_BUILDER_REACH = 40
_BUILDERS = ("company", "fund", "research_institute")


def batch_left(text: str, m) -> int | None:
    """Start of a counted phrase written before its count (入园企业140家): the name characters before
    its head, cut at a break word; None when no word stands before the head."""
    end_noun = m.start("conn") if m.group("conn") else m.start("num")
    s = left_edge(text, end_noun, max(0, m.start() - 14), vocab()["batch_break_re"], quotes=True)
    return s if s < m.start() else None


def opens_clause(text: str, h: Holder, cstart: int) -> bool:
    """``h`` is its clause's grammatical subject: only opening words (其中, 今年, a quote mark) stand
    before it — no verb or preposition (选择落地丽水: 丽水 is a place, not the subject).

    What is left before ``h`` once the quote marks and opening words after ``cstart`` are taken off
    must be three characters at most: read in place, not copied from the clause start (the many
    holders of one long clause each copied the clause up to them)."""
    if cstart >= h.start:
        return True
    p, q = _lead_end(text, cstart)
    if q > h.start:  # the holder starts inside the opening words (or quote marks): read them up to it
        p = min(p, h.start)
        opening = vocab()["lead_re"].match(text, p, h.start)
        q = opening.end() if opening else p
    if h.start - q > 3:
        return False
    rest = text[q:h.start]
    return not any(ch in rest for ch in "在到向从于") and not vocab()["break_re"].search(rest)


_OPENING_MARKS = re.compile("[“‘ ]*")


@lru_cache(maxsize=4096)
def _lead_end(text: str, cstart: int) -> tuple[int, int]:
    """Where the quote marks after ``cstart`` end, and where the opening words after them end."""
    p = cast(re.Match[str], _OPENING_MARKS.match(text, cstart)).end()  # it matches the empty string too
    opening = vocab()["lead_re"].match(text, p)
    return p, opening.end() if opening else p

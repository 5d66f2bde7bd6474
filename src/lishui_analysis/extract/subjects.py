"""Holders of figures and milestones (``subject``, ``subject_type``).

The holder is what the article names as owning a figure or a milestone: a company, a named
project, a batch of projects or companies, a zone or a region — never the official, body or
ceremony that announces it. It is found through the structure of the text, not by distance alone:

* the *candidates* of an article are read once (:func:`find_holders`): organization mentions,
  project phrases (a noun phrase ending in a head noun: ``…半导体产业项目``, ``…生产基地``),
  counted phrases (``12个重大项目``, ``入园企业140家``: batches), zone and region words opening a
  clause; a project phrase with no name of its own (``该项目``, ``首期建设项目``, ``重大项目``) is a
  reference back, resolved to the article's current project or company;
* for a figure or milestone at ``pos`` (:func:`resolve`): the counted phrase or project name the
  figure is part of; a holder right after it joined by 的 or a purpose verb (``总投资120亿元的富乐德…
  项目``, ``投资…，打造…基地``); in its clause, then in the earlier clauses of its sentence, the
  holder :func:`_pick` chooses (a list item, the nearest project for a plant's figure, the nearest
  batch, the grammatical subject); then the article's current topic (the last project or company
  named before, else the one in the headline) or a zone that spoke as a clause's subject after it;
* bodies (government, party committees) hold only the funds they grant; a zone or region holds a
  figure only when it opens the clause (``经开区实现…``), not as a place (``落户经开区``).

The type follows the holder and what is held: a company's investment, land, capacity and
construction milestones are its project's; its revenue, tax, founding and listing are its own.
Vocabularies are in ``data/subjects.yaml``.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from ..vocab import load_yaml, regions, regions_longest_first
from .context import clause_start, trie_regex
from .organizations import extract_org_mentions


@dataclass(frozen=True)
class Holder:
    start: int
    end: int
    name: str            # the holder as named (a company's full name for its short forms)
    kind: str            # company, project, batch, zone, region, government, other, generic
    org: object = None   # the OrgMention when the holder is (or is built by) an organization
    affiliation: bool = False  # an organization named for a person (…董事长): a topic, never a direct holder


_ORG_KIND = {"company": "company", "fund": "company", "development_zone": "zone", "government": "government",
             "university": "other", "research_institute": "other", "hospital": "other", "association": "other",
             "other": "other"}
_CN_NUM = "零〇一二两三四五六七八九十百千万"


@lru_cache(maxsize=1)
def vocab() -> dict:
    v = load_yaml("subjects.yaml")
    alt = lambda words: trie_regex(set(words))  # noqa: E731  (longest match, one branch per character)
    first = lambda words: re.escape("".join(sorted({w[0] for w in words})))  # noqa: E731
    places = alt([r for r in regions_longest_first() if regions()[r]["level"] != "country"])
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
        "break_re": re.compile(alt(v["left_breaks"])),
        "batch_break_re": re.compile(alt([w for w in v["left_breaks"] if w not in v["batch_keep"]])),
        "generic_re": re.compile(alt(v["generic_words"] + v["descriptive_words"] + v["project_heads"]
                                     + v["zone_heads"])),
        "place_re": re.compile(places),
        # 12个重大项目, 21家企业, 89个大项目 (the counted phrase after its count)
        "batch_after": re.compile(rf"(?=[\d{_CN_NUM}]){num}[{measures}][{name_char}]{{0,14}}?(?:{alt(v['batch_heads'])})"),
        # 入园企业140家, 开工项目9个, 社会事业项目5项 (the counted phrase before its count): found by its head
        # and count (a fast anchor), the noun before it read leftwards
        "batch_before": re.compile(rf"(?:{alt(v['batch_heads'])})(?P<conn>分别达|分别为|分别有|共|达|有|约|近|超)?(?P<num>{num})[{measures}]"),
        "other_after": re.compile(rf"(?=[\d{_CN_NUM}]){num}[{measures}张幅名位][{name_char}]{{0,8}}?(?:{alt(v['other_heads'])})"),
        "money_re": re.compile(r"\d[\d.]*[万亿]?元|[亿万]元"),
        "region_re": re.compile(f"{alt(v['region_words'])}|{places}"),
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
        "region_end": re.compile(r"(?:[市县区省镇乡]?)(?:[^\u4e00-\u9fff0-9A-Za-z]|$|" + alt(v["region_followers"]) + ")"),
        "region_word_re": re.compile(alt(v["region_words"])),
        "batch_place": re.compile(rf"(?:{alt(v['region_words'])}|(?:{places})[省市县区]?)$"),
        # the next three are tried at clause starts only (after ，。；：！？ a line break or “)
        "clause_start": re.compile(r"[，。；：！？\n“]"),
        "trade_name": re.compile(rf"(?:{places})"
                                 rf"(?P<name>[\u4e00-\u9fff]{{2,4}}?)(?=将|拟|计划|正在|已经|于|投资|落户|签约|总投资)"),
        "determiner": re.compile(r"(?:该|这个|此|本)$"),
        "list_summary": re.compile(r"等[^，。；：,;:]{0,14}?(?:项目|工程)"),
        "builds_re": re.compile(r"(?:建设|新建|兴建|打造|投资|投建|用于)$"),
        "campaign_re": re.compile(r"(?:重大|重点|签约|招商|集中开工)+"),
        "cjk_name": re.compile(r"[\u4e00-\u9fffA-Za-z0-9（）()·+\-]+"),
        "treasury_re": re.compile(r"(?:中央|国家|省级?|市级?|县级?|区级?)财政"),
        "firm_category": re.compile(rf"(?:\d{{1,2}}(?:-|—|至)\d{{1,2}}月|今年|去年)?"
                                    rf"(?P<name>(?:排名)?(?:前\d+(?:位|名|家)?的?)?(?:{alt(v['firm_categories'])})+企业)"),
        "industry_subject": re.compile(rf"(?P<name>(?:{places}|全市|全县|全区)?[\u4e00-\u9fff]{{2,6}}?产业)"
                                       rf"(?=完成|实现|产值|营收|营业收入|增加值|总产值|规模)"),
        "modifier_gap": re.compile(r"[^，。；：,;:]{1,8}的"),
        "cjk_run": re.compile(r"[\u4e00-\u9fff]+"),
        "plot_re": re.compile(r"(?=[A-Za-z0-9])(?P<code>(?<![A-Za-z0-9])(?:[A-Za-z]{1,4}[-—]?)?\d[0-9A-Za-z]*(?:[-—][0-9A-Za-z]+)+"
                              r"|(?<!\d)\d{5,8}(?!\d)号?)[^，。；：\n]{0,14}?(?:地块|国有建设用地|宗地)"),
        "title_re": re.compile(r"(?:被评为|评为|获评|荣获|授予|命名为|被命名为|列为|入选|获批|创成|成功创建|跻身)[“”]?$"),
        "lead_re": re.compile(rf"(?:{alt(v['clause_leads'])})+"),
    }


def _left_edge(text: str, head_start: int, floor: int, breaks=None) -> int:
    """Where a holder phrase ending at ``head_start`` begins: the run of name characters before it,
    cut after the last break word (verb, preposition, role) or opening quote."""
    v = vocab()
    lo = max(floor, head_start - 40)
    s = lo
    for stop in v["non_name"].finditer(text, lo, head_start):  # the run of name characters before the head
        s = stop.end()
    seg = text[s:head_start]
    cut = 0
    for m in (breaks or v["break_re"]).finditer(seg):
        if m.start() == 1 and len(m.group()) == 1:
            continue  # a one-character break second in the run is part of a name (深向三电…, 正帆科技)
        cut = m.end()
    return s + cut


@lru_cache(maxsize=1024)
def _head_kind(head: str) -> str:
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


def _place_before(text: str, s: int, head_start: int) -> int | None:
    """Start of a place (city, county, district, 全省) opening the phrase before a head when it is
    read with the batch breaks (宁波市奉化区扩大有效投资|重大项目 → from 宁波; 浙江进行|全省重大项目 → from
    全省), when that phrase starts with one; else None."""
    v = vocab()
    start = _left_edge(text, head_start, text.rfind("\n", 0, head_start) + 1, v["batch_break_re"])
    if start < s and (v["place_re"].match(text, start) or v["region_word_re"].match(text, start)) \
            and not _LEAD_TIME.match(text, start):
        return start
    return None


_LEAD_TIME = re.compile(r"\d|[今去明]年")


def _distinctive(name: str, head: str) -> bool:
    """A phrase with a name of its own: something left once places, generic and descriptive words,
    heads, phases and numbers are taken out (丽水创新中心项目, 熊出没小镇 yes; 该产业园项目, 首期建设项目,
    附属厂房 no); or a facility named by its place or number alone (丽水机场, 330国道)."""
    v = vocab()
    core = name[: len(name) - len(head)]
    unplaced = v["place_re"].sub("", core)
    rest = v["generic_re"].sub("", unplaced)
    rest = re.sub(r"[\d.%（）()一二三四五六七八九十期·\-—+&]", "", rest)
    if len(rest) >= 2:
        return True
    named_by = unplaced != core or re.search(r"[0-9A-Za-z]", core)
    return bool(named_by) and not v["generic_re"].fullmatch(core) and not head.startswith(("项目", "工程"))


def find_holders(text: str, orgs=(), headline: str = "") -> "Holders":
    """Every candidate holder of an article body (and its headline), read once."""
    v = vocab()
    found: list[Holder] = []
    taken = bytearray(len(text))

    def free(s, e):
        return taken.find(1, s, e) < 0

    def take(h: Holder):
        taken[h.start:h.end] = b"\x01" * (h.end - h.start)
        found.append(h)

    for pat, kind in ((v["batch_after"], "batch"), (v["batch_before"], "batch"), (v["other_after"], "other")):
        for m in pat.finditer(text):
            if v["category_re"].search(m.group()):
                continue  # 三个类别的项目: categories counted, not projects
            s = m.start()
            if pat is v["batch_after"]:  # 全市20个重大项目, 天台县12个重大项目: the place counts with the batch
                place = v["batch_place"].search(text, max(0, s - 8), s)
                s = place.start() if place else s
            if pat is v["batch_before"]:
                s = _batch_left(text, m)
                if s is None:
                    continue
            if m.end() - s >= 3 and free(s, m.end()):
                take(Holder(s, m.end(), text[s:m.end()], kind))
    org_list = sorted(orgs, key=lambda o: o.start)
    org_starts = [o.start for o in org_list]
    # plots of land named by a code (A-07-1a地块, 工202223国有建设用地, H-12-2…工业地块): the holder of a sale
    # notice's figures; typed other (a plot for sale is neither a project nor a company)
    for m in v["plot_re"].finditer(text):
        s = m.start("code")
        if free(s, m.end()):
            take(Holder(s, m.end(), text[s:m.end()], "plot"))
    for m in v["head_re"].finditer(text):
        s = _left_edge(text, m.start(), text.rfind("\n", 0, m.start()) + 1)
        if s == m.start() and text[s - 1:s] == "”":
            # “半导体芯片光学缺陷检测装备关键技术与应用研究”项目: a quoted name of eight characters or more
            # (a short quotation before 项目 is a slogan: “大好高”项目, “新质生产力”项目)
            q = text.rfind("“", max(0, s - 40), s)
            if q >= 0 and s - q - 2 >= 8 and free(q, m.end()) and v["cjk_name"].fullmatch(text, q + 1, s - 1):
                take(Holder(q, m.end(), text[q:m.end()], "project"))
                continue
        campaign = v["campaign_re"].match(text, s) if text[s - 1:s] == "”" else None
        if campaign and campaign.end() == m.start():
            # “丽水莲都 破冰启航”重大项目: the projects of a named campaign, one batch
            q = text.rfind("“", max(0, s - 30), s)
            if q >= 0 and free(q, m.end()):
                take(Holder(q, m.end(), text[q:m.end()], "batch"))
                continue
        if m.start() - s < 2:
            det = v["determiner"].search(text, max(0, m.start() - 2), m.start())
            if det and m.group() in ("项目", "工程") and free(det.start(), m.end()):
                # 该项目, 这个项目: a reference back to the current project
                take(Holder(det.start(), m.end(), text[det.start():m.end()], "generic"))
            continue
        if not free(s, m.end()):
            # a holder already stands in the run (瓯江口产业集聚区项目简介|温州市欣乐加…产业园): start after it
            last = taken.rfind(1, s, m.start())
            if last < 0 or not free(last + 1, m.end()):
                continue
            s = last + 1
        # an organization the cut fell inside keeps its name whole (正帆科技（丽水）有限公司…项目: 正 is no break there)
        i = bisect_right(org_starts, s) - 1
        if i >= 0 and org_list[i].start < s < org_list[i].end:
            s = org_list[i].start
        while s < m.start() and text[s] in "）)—-":
            s += 1  # …有限公司（以下简称“X”）12英寸硅片项目, 样板工程——X项目: the phrase starts after the mark
        if m.start() - s < 2:
            continue
        name = text[s:m.end()]
        if v["money_re"].search(name):
            continue  # 1亿元至10亿元项目, 亿元以上项目: a size class, not a name
        owner = _owner_before(text, s, org_list, org_starts)
        if owner is not None:
            # X公司（以下简称“星澜”）12英寸硅片项目, X公司…其12英寸硅片项目: the company's project, named with it
            short, o = owner
            name = short + name
        # an organization the phrase starts with or holds builds it (正帆科技（丽水）有限公司特种气体生产项目)
        j = bisect_right(org_starts, s - 1)  # the first organization starting in the phrase, if it ends before the head
        org = org_list[j] if j < len(org_list) and org_list[j].end <= m.start() else None
        org = org or (owner[1] if owner else None)
        head = m.group()
        kind = _head_kind(head)
        if not _distinctive(name, head) or v["plural_re"].search(name):
            kind = "generic"  # 该项目, 首期建设项目; 一个个优质半导体产业项目 (many projects, in general)
            place = _place_before(text, s, m.start())
            if place is not None and head.startswith(("项目", "工程")) and not v["plural_re"].search(name):
                # 宁波市奉化区扩大有效投资重大项目, 天台县重大项目: a place's projects, counted as one batch
                s, name, kind = place, text[place:m.end()], "batch"
        elif v["title_re"].search(text, max(0, s - 6), s) or text.startswith("称号", m.end()):
            kind = "title"  # 被评为中国铅笔生产基地: an honour the holder bears, not a holder
        take(Holder(s, m.end(), name, kind, org))
    starts = [0] + [m.end() for m in v["clause_start"].finditer(text)]
    for rx in (v["firm_category"], v["industry_subject"]):
        # 投产企业完成工业总产值…, 排名前30的规上企业产值…, 钱塘区生命健康产业完成产值…: a category of firms
        # (or an industry's firms) opening a clause, speaking as a batch
        for st in starts:
            m = rx.match(text, st)
            if m and free(*m.span("name")):
                take(Holder(*m.span("name"), m.group("name"), "batch"))
    for m in v["treasury_re"].finditer(text):  # 省财政拟拨款…: a treasury grants as a government body
        if free(m.start(), m.end()):
            take(Holder(m.start(), m.end(), m.group(), "government"))
    for st in starts:
        # 上海发网将在…建起…: a place and a short trade name opening a clause before what it does
        m = v["trade_name"].match(text, st)
        if not m:
            continue
        name = m.group("name")
        if free(m.start(), m.end()) and not v["generic_re"].search(name) and not v["region_re"].search(name) \
                and not v["break_re"].search(name):
            take(Holder(m.start(), m.end(), m.group(), "company"))
    for o in org_list:
        if o.org_type == "media" or not free(o.start, o.end):
            continue
        take(Holder(o.start, o.end, o.name, _ORG_KIND.get(o.org_type, "other"), o,
                    affiliation=v["role_re"].match(text, o.end) is not None))
    for m in v["region_re"].finditer(text):
        # a place is the holder when it stands alone (莲都全年实现…, 丽水市，…), not as the first word
        # of a name (上海发网…, 龙湾二期A-07-1a地块)
        if free(m.start(), m.end()) and v["region_end"].match(text, m.end()):
            take(Holder(m.start(), m.end(), m.group(), "region"))
    found.sort(key=lambda h: h.start)
    last_batch = None
    for i, h in enumerate(found):  # 此次开工重大项目有18项: the batch the article named before
        if h.kind == "batch":
            if last_batch is not None and h.name.startswith(("此次", "本次", "这批", "该批")):
                found[i] = Holder(h.start, h.end, last_batch.name, "batch")
            else:
                last_batch = h
    return Holders(text, found, _headline_topic(headline))


_ALIAS_BEFORE = re.compile(r"[（(]\s*(?:以下)?简称\s*[“\"「]([^”\"」]{2,12})[”\"」]\s*[）)]$")


def _owner_before(text: str, s: int, org_list, org_starts) -> tuple[str, object] | None:
    """The company a project phrase starting at ``s`` belongs to, when the text ties them: the phrase
    follows the company's name and its 简称 in brackets, or 其 (its) after the company was named.
    Returns ``(the name to prefix, the OrgMention)``."""
    alias = _ALIAS_BEFORE.search(text, max(0, s - 24), s)
    if alias:
        i = bisect_right(org_starts, alias.start()) - 1
        if i >= 0 and org_list[i].end == alias.start() and org_list[i].org_type in ("company", "fund"):
            return alias.group(1), org_list[i]
    if text[s - 1:s] == "其":
        i = bisect_right(org_starts, s) - 1
        while i >= 0 and org_list[i].org_type not in ("company", "fund"):
            i -= 1
        if i >= 0 and s - org_list[i].end < 80:
            return org_list[i].surface, org_list[i]
    return None


def _batch_left(text: str, m) -> int | None:
    """Start of a counted phrase written before its count (入园企业140家): the name characters before
    its head, cut at a break word; None when no word stands before the head."""
    end_noun = m.start("conn") if m.group("conn") else m.start("num")
    s = _left_edge(text, end_noun, max(0, m.start() - 14), vocab()["batch_break_re"])
    return s if s < m.start() else None


@lru_cache(maxsize=256)
def _headline_topic(headline: str) -> Holder | None:
    """The project or company a headline is about, if it names one."""
    if not headline:
        return None
    hs = find_holders(headline, extract_org_mentions(headline)).items
    best = next((h for h in hs if h.kind == "project"), None) or next((h for h in hs if h.kind == "company"), None)
    return Holder(-1, -1, best.name, best.kind, best.org) if best else None


class Resolved(NamedTuple):
    subject: str
    subject_type: str
    org: object
    start: int = -1   # where the holder stands in the body (-1: the topic or the headline's)
    end: int = -1


NONE = Resolved("", "", None)


class Holders:
    """The candidate holders of one article, with the lookups :func:`resolve` needs."""

    def __init__(self, text: str, items: list[Holder], headline_topic: Holder | None):
        self.text = text
        self.items = items
        self.starts = [h.start for h in items]
        self.headline_topic = headline_topic
        self.projects = [h for h in items if h.kind in ("project", "plot")]
        self.project_ends = [h.end for h in self.projects]
        self.companies = [h for h in items if h.kind == "company"]
        self.company_ends = [h.end for h in self.companies]
        self.zones = [h for h in items if h.kind == "zone" and _opens_clause(text, h, clause_start(text, h.start))]
        self.zone_ends = [h.end for h in self.zones]

    def topic(self, before: int, prefer: str = "project") -> Holder | None:
        """The article's current project or company: the last one named before ``before``
        (of the ``prefer``-ed kind when there is one: 该项目 means a project, 该企业 a company)."""
        i = bisect_right(self.project_ends, before) - 1
        j = bisect_right(self.company_ends, before) - 1
        project = self.projects[i] if i >= 0 else None
        company = self.companies[j] if j >= 0 else None
        if prefer == "company":
            # a project built by a company named after the company itself speaks for it (…有限公司…项目一期工程)
            if project is not None and project.org is not None and (company is None or project.end > company.end):
                return project
            return company or project or self.headline_topic
        return project or company or self.headline_topic

    def speaking_zone(self, before: int) -> Holder | None:
        """The last zone before ``before`` that opens its clause (the zone as a clause's subject)."""
        i = bisect_right(self.zone_ends, before) - 1
        return self.zones[i] if i >= 0 else None

    def containing(self, s: int, e: int) -> Holder | None:
        i = bisect_right(self.starts, s) - 1
        if i >= 0 and self.items[i].end >= e:
            return self.items[i]
        return None

    def between(self, lo: int, hi: int) -> list[Holder]:
        i = bisect_right(self.starts, lo - 1)
        out = []
        while i < len(self.items) and self.items[i].start < hi:
            if self.items[i].end <= hi:
                out.append(self.items[i])
            i += 1
        return out


def _opens_clause(text: str, h: Holder, cstart: int) -> bool:
    """``h`` is its clause's grammatical subject: only opening words (其中, 今年, a quote mark) stand
    before it — no verb or preposition (选择落地丽水: 丽水 is a place, not the subject)."""
    lead = text[cstart:h.start].lstrip("“‘ ")
    opening = vocab()["lead_re"].match(lead)
    rest = lead[opening.end():] if opening else lead
    return len(rest) <= 3 and not any(ch in rest for ch in "在到向从于") and not vocab()["break_re"].search(rest)


def _acceptable(h: Holder, text: str, cstart: int, role: str, event: bool = False) -> bool:
    if h.affiliation or h.kind == "title":
        return False
    if event:  # a milestone is a project's, a company's or a batch's; a zone or body only hosts it
        return h.kind not in ("government", "zone", "region")
    if h.kind == "government":
        return role == "government"
    if h.kind in ("zone", "region"):
        return _opens_clause(text, h, cstart)
    # 终点与南口大桥相连, 位于瓯江口产业集聚区: a place the figure's holder stands at, not its holder
    return not _LOCATION_BEFORE.search(text, max(cstart, h.start - 3), h.start)


_LOCATION_BEFORE = re.compile(r"(?:位于|坐落于|地处|紧邻|毗邻|靠近|于|至|从)$")


def subject_type(h: Holder, role: str) -> str:
    """Type of a holder for what it holds: a company's plant figures and milestones are its project's."""
    if h.kind == "plot":
        return "other"
    if h.kind == "company":
        return "project" if role == "project" else "company"
    if h.kind == "other" and h.org is not None and role == "project":
        return "project"
    return h.kind


def role_of(metric: str = "", kind: str = "", event_type: str = "") -> str:
    """``project`` when the figure or milestone is about a plant being built, ``government`` for
    funds granted, else ``company``."""
    v = vocab()
    if event_type:
        return "project" if event_type in v["project_events"] else "company"
    if metric in v["government_metrics"]:
        return "government"
    if metric in v["project_metrics"] or kind in v["project_kinds"]:
        return "project"
    return "company"


def is_general_talk(text: str, cstart: int, pos: int) -> bool:
    """A milestone verb after 推动, 加快, 一旦 … in its clause is talk in general."""
    return vocab()["talk_re"].search(text, cstart, pos) is not None


def is_plural(text: str, cstart: int, pos: int) -> bool:
    """A plural reference (大批的项目, 这批项目) before a milestone verb in its clause: projects in general,
    unless the clause lists them."""
    return vocab()["plural_re"].search(text, cstart, pos) is not None


def resolve(holders: Holders, pos: int, end: int, sent_start: int, role: str, event: bool = False,
            counted: bool = False) -> Resolved:
    """``(subject, subject_type, OrgMention or None)`` of a figure or milestone at ``pos:end``.

    ``event``: a milestone (its holder is never a zone, region or body); ``counted``: a count of
    projects or companies (个, 家, 项), a batch by itself when no counted phrase holds it."""
    text = holders.text
    own = holders.containing(pos, end)
    if own is not None and own.kind in ("batch", "other") and own.org is None:
        return Resolved(own.name, own.kind, None, own.start, own.end)
    if own is not None and own.kind in ("project", "plot"):
        # 年产50亿套高端药包材生产基地项目: a figure inside a project's name is that project's
        return Resolved(own.name, subject_type(own, role), own.org, own.start, own.end)
    noun = vocab()["counted_noun"].match(text, end)
    if counted and not (noun and vocab()["owned_re"].match(noun.group())):
        # 建成4个专业化创新转化圈: the count with the noun after it names the batch
        if noun:
            cut = vocab()["break_re"].search(noun.group())
            stop = end + (cut.start() if cut else len(noun.group()))
            if stop - end >= 2:
                return Resolved(text[pos:stop], "batch", None, pos, stop)
        # 新开工41个、投产17个: the count with the words before it in its clause names the batch
        c = max(clause_start(text, pos, sent_start), text.rfind("、", sent_start, pos) + 1)
        lead = vocab()["lead_re"].match(text, c, pos)
        c = lead.end() if lead else c
        if 0 < pos - c <= 10 and not holders.between(c, pos):
            return Resolved(text[c:end], "batch", None, c, end)
    floor = text.rfind("\n", 0, sent_start) + 1
    # 总投资11.6亿元的汽车轻量化铝型材项目, 投资18.5亿元建设高端农业装备制造基地: the holder after the figure
    link = vocab()["link_re"].match(text, end)
    if link:
        after = holders.between(link.end(), link.end() + 60)
        if after and after[0].kind in ("project", "company", "batch"):
            gap = text[link.end():after[0].start]
            if not gap or vocab()["modifier_gap"].fullmatch(gap):  # (打造国际领先的高端…基地: a modifier with 的)
                return _answer(holders, after[0], role)
            if len(gap) <= 3 and vocab()["cjk_run"].fullmatch(gap) and after[0].kind == "project":
                # 的深向三电系统智慧工厂: a name whose first characters a one-character break cut off
                h = after[0]
                return Resolved(text[link.end():h.end], subject_type(h, role), h.org, link.end(), h.end)
    # a sentence after a semicolon goes on the statement before it (…产值68.21亿元；实现税收…)
    while sent_start > floor and text[sent_start - 1] in "；;":
        sent_start = max(floor, text.rfind("。", floor, sent_start - 1) + 1)
    c = clause_start(text, pos, max(floor, sent_start))
    hi = pos
    while True:
        h = _pick(holders, c, hi, role, event)
        if h is not None:
            r = _answer(holders, h, role)
            if not event and hi < pos:
                # A、B、C项目参加…，总投资超30亿元: a figure after a list of holders is the list's sum
                items = enumerated(holders, r, sent_start)
                if items:
                    end_list = r.end
                    summary = vocab()["list_summary"].match(text, r.end)
                    if summary:  # A、B、C等一批重点建设项目: the list with the words that sum it up
                        end_list = summary.end()
                    return Resolved(text[items[0].start:end_list], "batch", None, items[0].start, end_list)
            return r
        if c <= max(floor, sent_start):
            break
        hi = c
        c = clause_start(text, c - 1, max(floor, sent_start))
    # (a company named earlier in the sentence for its official counts too)
    topic = holders.topic(pos, "project" if role == "project" else "company")
    if not event and not _in_quotation(text, pos, floor):
        # a zone that last spoke as a clause's subject (开发区现有…; 完成固定资产投资8.38亿元) holds the
        # figures without a holder of their own that follow it, unless a project or company came after
        zone = holders.speaking_zone(pos)
        if zone is not None and (topic is None or topic.end < zone.start):
            return Resolved(zone.name, "zone", zone.org, zone.start, zone.end)
    if topic is None:
        # a quotation that opens an article, its speaker's company named after it (“…明年7月就能正式投用。”
        # …浙江东升摩托车配件有限公司负责人…): the first project or company later in the paragraph
        para_end = text.find("\n", pos)
        topic = next((h for h in holders.between(end, para_end if para_end >= 0 else len(text))
                      if h.kind in ("project", "company")), None)
    return Resolved(topic.name, subject_type(topic, role), topic.org) if topic else NONE


def _in_quotation(text: str, pos: int, floor: int) -> bool:
    """``pos`` stands inside a quotation opened in its paragraph (a speaker's words: “我们…”)."""
    return text.count("“", floor, pos) > text.count("”", floor, pos)


def _pick(holders: Holders, c: int, hi: int, role: str, event: bool) -> Holder | None:
    """The holder of a clause ``c:hi``: for a plant's figure or milestone the nearest project; else
    the nearest batch counted; else the one that opens the clause (its grammatical subject); else
    the nearest."""
    cands = [h for h in holders.between(c, hi) if _acceptable(h, holders.text, c, role, event)]
    if not cands:
        return None
    named = [h for h in cands if h.kind != "generic"]
    if named and named != cands:  # 最大外资项目是湖州的唯品会…项目: the named one
        cands = named
    item = holders.text.rfind("、", c, hi)
    if item >= 0 and cands[-1].start > item:
        # A投资18.5亿元、B投资16.5亿元: the list item holding the figure
        c, cands = item + 1, [h for h in cands if h.start > item]
    if role == "project":
        projects = [h for h in cands if h.kind in ("project", "plot")]
        if projects:
            return projects[-1]
    share = holders.text.rfind("占", c, hi)
    if share >= 0 and cands[0].end <= share:
        # 排名前30的规上企业产值占370家规上企业总产值的48.1%: a share is of the clause's subject
        return cands[0]
    batches = [h for h in cands if h.kind == "batch"]
    if batches:  # 已入园项目14个，总投资26.96亿元: the projects counted hold the sum, not the park
        return batches[-1]
    if _opens_clause(holders.text, cands[0], c):
        return cands[0]
    return cands[-1]


def _named_after_quote(holders: Holders, pos: int, prefer: str) -> Holder | None:
    """For a reference inside a quotation that opens its paragraph, the first project (or company)
    named after the quotation in the same paragraph: the speaker's words come before the name."""
    text = holders.text
    para = text.rfind("\n", 0, pos) + 1
    if text[para:para + 1] != "“":
        return None
    close = text.find("”", pos)
    end = text.find("\n", pos)
    end = len(text) if end < 0 else end
    if close < 0 or close > end:
        return None
    kinds = ("company", "project") if prefer == "company" else ("project", "company")
    after = [h for h in holders.between(close, end) if h.kind in kinds and not h.affiliation]
    return min(after, key=lambda h: (kinds.index(h.kind), h.start)) if after else None


def _answer(holders: Holders, h: Holder, role: str) -> Resolved:
    dash = vocab()["dash_re"].match(holders.text, h.end)
    if dash:  # 另一个标志性项目——浙江旺荣…项目: the name after the dash is the holder
        after = holders.between(dash.end(), dash.end() + 80)
        if after and after[0].start == dash.end() and after[0].kind in ("project", "company"):
            h = after[0]
    if h.kind == "generic" and vocab()["plural_re"].search(h.name):
        return Resolved("", "", None, h.start, h.end)  # 这批项目, 一批项目: projects in general
    if h.kind == "generic":
        prefer = "company" if vocab()["company_ref_re"].search(h.name) else "project"
        named = _named_after_quote(holders, h.start, prefer)
        if named is not None:  # “这个项目…签约后15天摘牌…”朱能炯介绍，唯酷…项目…: the project named after the quote
            return Resolved(named.name, subject_type(named, role), named.org, h.start, h.end)
        topic = holders.topic(h.start, prefer)
        if topic is None:
            return NONE
        return Resolved(topic.name, subject_type(topic, role), topic.org, h.start, h.end)
    return Resolved(h.name, subject_type(h, role), h.org, h.start, h.end)


_ITEM_SEP = "、，。；：,;:\n"


def listed_after(holders: Holders, end: int, s_end: int, role: str) -> list[Resolved]:
    """Holders named after a milestone verb (签约的还有A、B、C等; 开工的有…): the first holder right after
    ``的还有``/``的有``/``的是`` and the items listed with it."""
    text = holders.text
    m = vocab()["after_re"].match(text, end)
    if not m:
        return []
    first = holders.between(m.end(), min(s_end, m.end() + 60))
    if not first or first[0].start != m.end() or not _acceptable(first[0], text, m.end(), role, True):
        return []
    out = [Resolved(first[0].name, subject_type(first[0], role), first[0].org, first[0].start, first[0].end)]
    p = first[0].end
    while text[p:p + 1] == "、":
        nxt = holders.between(p + 1, min(s_end, p + 60))
        if nxt and nxt[0].start == p + 1 and nxt[0].kind in ("company", "project", "other"):
            h = nxt[0]
            out.append(Resolved(h.name, subject_type(h, role), h.org, h.start, h.end))
            p = h.end
            continue
        k = p + 1  # an item that is no known holder: up to the next separator or 等
        while k < s_end and text[k] not in "、，。；：,;:等":
            k += 1
        if 2 <= k - p - 1 <= 30:
            out.append(Resolved(text[p + 1:k], "project" if role == "project" else "other", None, p + 1, k))
        p = k
    return out


def project_after(holders: Holders, company: Resolved, end: int, s_end: int, role: str) -> Resolved | None:
    """The project a company's milestone is for, named after the verb in its sentence by 建设/打造/投资
    (…摘得，计划建设年产50亿套高端药包材生产基地项目); None if the sentence names none."""
    text = holders.text
    for h in holders.between(end, s_end):
        if h.kind == "project" and vocab()["builds_re"].search(text, max(end, h.start - 6), h.start):
            return Resolved(h.name, subject_type(h, role), h.org or company.org, h.start, h.end)
    return None


def counted_after(holders: Holders, start: int, end: int) -> Resolved | None:
    """A batch the verb at ``start:end`` is said of, written right after it: 集中开工9个重大项目,
    新开工41个 (the verb and its count name the batch)."""
    text = holders.text
    k = end + (text[end:end + 1] == "了")
    nxt = holders.between(k, k + 30)
    if nxt and nxt[0].start == k and nxt[0].kind == "batch":
        return Resolved(nxt[0].name, "batch", None, nxt[0].start, nxt[0].end)
    m = vocab()["bare_count"].match(text, k)
    if m:
        return Resolved(text[start:m.end()], "batch", None, start, m.end())
    return None


def adjacent(holders: Holders, pos: int, sent_start: int, role: str) -> Resolved | None:
    """The holder written right before the verb at ``pos`` (only quotes or spaces between):
    the last item of a list the verb is said of (“A项目”“B项目”签约落地)."""
    near = holders.between(max(sent_start, pos - 60), pos)
    if near and not holders.text[near[-1].end:pos].strip("“”\" ") and near[-1].kind in ("project", "company", "other"):
        h = near[-1]
        return Resolved(h.name, subject_type(h, role), h.org, h.start, h.end)
    return None


def enumerated(holders: Holders, r: Resolved, sent_start: int) -> list[Resolved]:
    """The holders listed with ``r`` (``A、B、C项目参加集中开工``; ``A、B、C等一系列项目签约``): each item
    before it separated by 、 is a holder of the same milestone. Items keep the words as written."""
    text = holders.text
    if r.start < 0:
        return []
    items = []
    p = r.start
    if text[p - 1:p] == "等":  # A、B、C等一系列项目: the items are the holders, the phrase sums them up
        p -= 1
        k = p
        while k > sent_start and text[k - 1] not in _ITEM_SEP:
            k -= 1
        if text[k - 1:k] != "、":
            return []
        items.append((k, p))
        p = k
    while True:
        j = p - 1
        while j > sent_start and text[j] in "“”\"":
            j -= 1
        if j > sent_start and text[j] == "、":
            end_item = j
        elif j > sent_start and text[j + 1:p] == "”“":  # “A项目”“B项目”: quoted items side by side
            end_item = j + 1
        else:
            break
        k = end_item
        while k > sent_start and text[k - 1] not in _ITEM_SEP + "“":
            k -= 1
        items.append((k, end_item))
        p = k
    out = []
    for a, b in reversed(items):
        a = _left_edge(text, b, a) if text[a:b].strip("“”\"") else a
        name = text[a:b].strip("“”\" ")
        if 2 <= len(name) <= 30:
            h = holders.containing(a, b)
            kind = h.kind if h is not None and h.kind in ("company", "project", "other") else r.subject_type
            out.append(Resolved(name if h is None else h.name, kind, h.org if h else None, a, b))
    return out

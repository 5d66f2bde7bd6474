"""Steps of :func:`.holders.find_holders` that complete the holders once all are read:
``holders.builders`` (the company a project is built by, when the text ties them: the project's
organization, its parent company in the entities table), ``holders.area_batches`` (a zone's or
region's counted batch named with the area), ``holders.this_batch`` (此次/本次 + a counted phrase: the
batch counted before), ``holders.short_forms`` (a plant named in full and without its brand in one
article: one name) and ``holders.sites`` (a park after 在/于 and a named holder: where, not who)."""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache
from typing import Any

from .. import config
from .context import clause_start, line_start, trie_regex
from .holder_phrases import Holder, opens_clause, vocab, word_end

_Reading = Any  # (holders._Reading: the steps read and change it; not imported, holders imports this module)

#: What an owner does to its project, said right after it is named as the builder (由X牵头投资建设,
#: X投资建设的…项目). A contractor's words (承建, 施工) are not among them: a builder is no owner.
_BUILDS = r"(?:牵头)?(?:投资|出资|投建|建设|开发|兴建|实施|打造)+"
_BUILT_BY = re.compile("由")
_BUILDS_RE = re.compile(_BUILDS)
_BUILDS_OF_RE = re.compile(_BUILDS + "的")


def _builders(r: _Reading) -> None:
    """The company a project is built by, when the text says so in one of two forms — the project,
    then 由 and the company with an owner's verb (``星河轴承项目由浙江云岭精工有限公司投资建设``), or
    the company with an owner's verb and 的 right before the project (``浙江云岭精工有限公司投资建设的
    星河轴承项目``, also with where it builds between: ``…有限公司在云岭经开区建设的星河轴承项目``) — becomes the project's organization (its parent company in the entities table).

    >>> from .organizations import extract_org_mentions
    >>> from .holders import _Reading, _head_phrases, _organizations
    >>> text = "星河轴承项目由浙江云岭精工有限公司投资建设。"
    >>> r = _Reading(text, extract_org_mentions(text)); _head_phrases(r); _organizations(r); _builders(r)
    >>> [(h.name, h.org.name if h.org else "") for h in r.found if h.kind == "project"]
    [('星河轴承项目', '浙江云岭精工有限公司')]
    """
    text = r.text
    companies = {o.start: o for o in r.orgs if o.org_type in ("company", "fund")}
    if not companies:
        return
    by_end = {o.end: o for o in companies.values()}
    org_starts: list | None = None
    ordered: list = []
    for k, h in enumerate(r.found):
        if h.kind != "project" or h.org is not None:
            continue
        owner = None
        if text.startswith("由", h.end):  # …项目由X投资建设
            o = companies.get(h.end + 1)
            if o is not None and _BUILDS_RE.match(text, o.end):
                owner = o
        if owner is None:  # X投资建设的…项目: an owner's verb (3 to 8 characters) and 的 right before it
            for width in range(3, 9):
                m = _BUILDS_OF_RE.fullmatch(text, max(0, h.start - width), h.start)
                if m is not None and m.start() in by_end:
                    owner = by_end[m.start()]
                    break
                if m is not None:  # X在云岭经开区投资建设的…项目: a place the company builds at between them
                    owner = _owner_before_site(text, m.start(), by_end)
                    if owner is not None:
                        break
        if owner is None and config.step_on("holders", "subject_owner"):
            if org_starts is None:
                ordered = sorted(r.orgs, key=lambda o: o.start)
                org_starts = [o.start for o in ordered]
            owner = _possessor_or_subject(text, h, by_end, org_starts, ordered)
        if owner is not None:
            r.found[k] = replace(h, org=owner)


#: a build verb right before a project in its clause, after an investment perhaps (，投资20亿元建设|…基地)
_BUILD_BEFORE = re.compile(r"[，,](?:(?:新增|计划|拟)?投资[^，,。；;：:、]{1,12}?)?(?:建设|新建|兴建|投建|打造)$")
_SENTENCE_START = re.compile(r"(?s:.*)[。！？!?；;\n]")  # (matched from a window's start: ends after the last mark)
_SENTENCE_REACH = 160  # (a sentence's subject named further back is another sentence's)


def _possessor_or_subject(text: str, h: Any, by_end: dict, org_starts: list, orgs: list) -> Any:
    """Step ``holders.subject_owner``: two more forms that tie a project to its company — the company (or its
    short name) and 的 right before the project (``其中云汉光电的年产50万套激光器件项目``: the firm's plant), and
    a company opening its sentence (after a time at most), the project after a build verb opening a later
    clause (``星河集团有限公司与云岭经开区签约，投资20亿元建设智能制造基地``, ``…，新增投资2亿美元，建设年产
    10万吨…生产线``: the sentence's subject builds it). Linear: a look at the words before the project, a
    bounded look back for its sentence's start and a bisection for the sentence's first organization."""
    if text[h.start - 1:h.start] == "的" and (h.start - 1) in by_end:
        return by_end[h.start - 1]
    m = _BUILD_BEFORE.search(text, max(0, h.start - 24), h.start)
    if m is None:
        return None
    lo = max(0, m.start() - _SENTENCE_REACH)
    mark = _SENTENCE_START.match(text, lo, m.start())
    s = mark.end() if mark is not None else lo
    i = bisect_left(org_starts, s)
    if i >= len(orgs) or orgs[i].start >= m.start() or orgs[i].org_type not in ("company", "fund"):
        return None
    first = orgs[i]
    c = clause_start(text, first.start, s)
    return first if first.start - c <= 2 and c - s <= 12 else None


#: a locative phrase right before an owner's verb (在云岭经开区, 于青溪产业园), and a 简称 note before it
_SITE_BEFORE = re.compile(r"[在于][^，。；：,;:！？!?\n“”（）()]{2,24}$")
_NOTE_BEFORE = re.compile(r"[（(][^（）()\n]{1,24}[）)]$")


def _owner_before_site(text: str, verb: int, by_end: dict) -> Any:
    """The company right before a locative phrase that ends at ``verb`` (an owner's verb), perhaps
    with a note on its short name between: ``星河精工有限公司（简称“星河”）在云岭经开区投资建设的…``."""
    site = _SITE_BEFORE.search(text, max(0, verb - 25), verb)
    if site is None:
        return None
    end = site.start()
    note = _NOTE_BEFORE.search(text, max(0, end - 26), end)
    return by_end.get(end) or (by_end.get(note.start()) if note is not None else None)


_SENTENCE_END = re.compile("[。！？!?\n]")
_OPENERS_SEEN = 12  # (the holders nearest before a batch: its sentence's subject opens the sentence or a clause near it)


def _area_batches(r: _Reading) -> None:
    """A counted batch in a sentence whose subject is a zone or region — the last holder opening a
    clause of the sentence before it, no project or company opening one after that — is the area's
    batch, named with it: ``截至年底，云岭经开区共有专精特新企业45家`` → ``云岭经开区专精特新企业45家``
    (every figure it holds, its count and its sums, takes that name). A batch naming its place
    itself (``全县9个重点项目``) keeps its name.

    >>> from .holders import _Reading, _count_last, _regions
    >>> r = _Reading("今年，青田共有规上企业120家。"); _count_last(r); _regions(r); _area_batches(r)
    >>> [(h.name, h.kind) for h in r.found]
    [('青田规上企业120家', 'batch'), ('青田', 'region')]
    """
    text = r.text
    order = sorted(range(len(r.found)), key=lambda k: r.found[k].start)
    starts = [r.found[k].start for k in order]
    for k, h in enumerate(r.found):
        if h.kind != "batch":
            continue
        lo = max((m.end() for m in _SENTENCE_END.finditer(text, max(0, h.start - 200), h.start)), default=0)
        i = bisect_left(starts, h.start)
        last = None
        for j in order[max(0, i - _OPENERS_SEEN):i]:
            o = r.found[j]
            if o.start >= lo and o.end <= h.start and o.kind in ("zone", "region", "project", "company") \
                    and opens_clause(text, o, clause_start(text, o.start, lo)):
                last = o
        if last is not None and last.kind in ("zone", "region") and not h.name.startswith(last.name):
            # (经开区已|有规上企业80家: the verb of having is no part of the name; 有色… is)
            name = h.name[1:] if h.name.startswith("有") and word_end(h.name, 0, len(h.name)) == 1 else h.name
            r.found[k] = replace(h, name=last.name + name)


def _short_forms(r: _Reading) -> None:
    """A project named in one article both in full and without the brand or company that opens its
    full name (``云岭SEA智造工厂`` … ``SEA智造工厂``, in either order) is one plant: the short form takes
    the full name (and its organization). Only when one full name in the article ends with the short
    one, and the short one is long enough to name a plant (``电池项目`` is no name).

    >>> from .holders import _Reading, _head_phrases
    >>> r = _Reading("岭拓SEA智造工厂开工。总投资9亿元的SEA智造工厂明年投产。"); _head_phrases(r); _short_forms(r)
    >>> [h.name for h in r.found]
    ['岭拓SEA智造工厂', '岭拓SEA智造工厂']
    """
    projects = [h for h in r.found if h.kind == "project"]
    if len(projects) < 2:
        return
    full: dict[str, str | None] = {}
    orgs = {h.name: h.org for h in projects if h.org is not None}
    for h in projects:
        for i in _word_starts(h.name, len(h.name) - _SHORTEST):  # (分化|工…: never a tail cut inside a word)
            tail = h.name[i:]
            if full.setdefault(tail, h.name) != h.name:
                full[tail] = None  # (two plants end so: the short form is neither's)
    for k, h in enumerate(r.found):
        longer = full.get(h.name) if h.kind == "project" else None
        if longer:
            r.found[k] = replace(h, name=longer, org=h.org or orgs.get(longer))


def _word_starts(name: str, last: int) -> list[int]:
    """The offsets after the first, up to ``last``, where a word of jieba's dictionary starts in ``name``."""
    out: list[int] = []
    i = 0
    while True:
        i = word_end(name, i, len(name))
        if i > last:
            return out
        out.append(i)


_SHORTEST = 5  # (a short form of five characters or more: SEA智造工厂, 轴承生产基地)


def located_starts(text: str, items: list) -> frozenset[int]:
    """Step ``holders.sites``: the starts of the projects a locative preposition (在, 于) introduces after
    a named project, company or batch of the same clause — where its step happens, not what holds it:
    in ``星河新材薄膜项目在云岭产业园开工`` or ``云岭精工有限公司于青溪产业园投资建设…`` the park holds
    neither the milestone nor the figures, nor becomes the article's current project (该项目 after it is
    the film project). A park with no name before it in its clause (``在云岭产业园，…``) stays a holder.

    >>> from .holder_phrases import Holder
    >>> t = "星河新材薄膜项目在云岭产业园开工"
    >>> sorted(located_starts(t, [Holder(0, 8, t[:8], "project"), Holder(9, 14, t[9:14], "project")]))
    [9]
    """
    out, prev = set(), None
    if not config.step_on("holders", "sites"):
        return frozenset()
    for k, h in enumerate(items):
        if h.kind in ("project", "plot") and prev is not None:
            s, j = h.start, k - 1  # (the zone or place the park is named in: 在某经开区某某产业园)
            while j >= 0 and items[j].end == s and items[j].kind in ("zone", "region"):
                s, j = items[j].start, j - 1
            if s >= 1 and text[s - 1] in "在于" and prev.end < s and clause_start(text, h.start) <= prev.start:
                out.add(h.start)
        if h.kind in ("project", "company", "batch", "plot") and not h.affiliation:
            prev = h
    return frozenset(out)


_THIS_BATCH = ("此次", "本次", "这批", "该批")
_COUNT = re.compile(r"(\d+|[一二两三四五六七八九十百]+)[个家项]")  # a batch's count, as written


def _same_count(a: str, b: str) -> bool:  # two batch names state no different counts (either may state none)
    ca, cb = _COUNT.findall(a)[-1:], _COUNT.findall(b)[-1:]
    return not (ca and cb and ca != cb)


def _this_batch(r: _Reading) -> None:
    """A counted phrase opened by 此次, 本次, 这批, 该批 (``此次开工项目有9个``) is the batch the article
    counted before it: it takes that batch's name — unless its count differs (合计项目30个 … 本次签约项目4个:
    a part of that batch, a batch of its own).

    >>> from .holders import _Reading, _count_first, _count_last, _found
    >>> r = _Reading("全县9个重点项目开工。此次开工项目有9个。"); _count_first(r); _count_last(r)
    >>> _this_batch(r); _found(r)
    [('全县9个重点项目', 'batch'), ('全县9个重点项目', 'batch')]
    """
    found = r.found
    batches = [(k, h) for k, h in enumerate(found) if h.kind == "batch"]
    if not any(h.name.startswith(_THIS_BATCH) for _, h in batches):
        return
    last = None
    for k, h in sorted(batches, key=lambda kh: kh[1].start):  # in text order
        if last is not None and h.name.startswith(_THIS_BATCH) and _same_count(h.name, last.name):
            found[k] = Holder(h.start, h.end, last.name, "batch")
        else:
            last = h


#: How a lender's name ends (a bank, its branches, a syndicate, a rural cooperative bank): no owner of a plant
#: (holders.sole_owner), no borrower (figure_cues.borrower).
_LENDER_ENDS = ("银行", "分行", "支行", "银团", "农商行", "信用社")


@lru_cache(maxsize=1)
def _public_works() -> re.Pattern:
    """A project name that ends in a public work (subjects.yaml public_works_heads), a section and a works word
    after it perhaps: 星河机场, 云岭至星河铁路, 某某国道某段改建工程 — no company's by nearness alone."""
    heads = trie_regex(set(vocab()["public_works_heads"]))
    return re.compile(rf"(?:{heads})(?:[^，。；]{{0,10}}?段)?(?:(?:改扩建|改建|扩建|新建|建设|改造|提升)?(?:工程|项目))?$")


def _trade_core(name: str, place_re: re.Pattern) -> str:
    """The first two characters of a company's name after its places (浙江唯酷光电有限公司 → 唯酷), "" if none."""
    s = 0
    while (m := place_re.match(name, s)) is not None and m.end() > s:
        s = m.end() + (name[m.end():m.end() + 1] in ("省", "市", "县", "区"))
    core = name[s:s + 2]
    return core if len(core) == 2 and all("\u4e00" <= c <= "\u9fff" for c in core) else ""


_CONTRACTS = re.compile(r"(?:负责|参与)?(?:承建|施工|总承包|中标|设计|监理|代建)")


def _sole_owner(r: _Reading) -> None:
    """Step ``holders.sole_owner``: in an article that names one company only (banks aside, and no contractor
    named as such), a project with no organization of its own (and no public work: :func:`_public_works`) is
    that company's (云岭精工有限公司…。年产3万台轴承项目今年投产: the plant is the firm's, as the article tells
    it); step ``holders.paragraph_owner``: in an article of several companies, a project whose paragraph names
    one company only (banks and contractors and public works aside) is that company's."""
    text, public = r.text, _public_works()
    companies = {h.org.name for h in r.found if h.kind == "company" and h.org is not None
                 and not h.org.name.endswith(_LENDER_ENDS)}
    if any(_CONTRACTS.match(text, h.end) for h in r.found if h.kind == "company"):
        return  # 由星河建工集团承建: a contractor named builds, owns nothing — whose the project is, the text does not say
    if len(companies) == 1:
        named = [h for h in r.found if h.kind == "company" and h.org is not None and h.org.name in companies]
        owner, first = named[0].org, min(h.start for h in named)
        paras = {line_start(text, h.start) for h in named}
        core = _trade_core(owner.name, r.v["place_re"])
        for k, h in enumerate(r.found):
            # (a project named before the company, in another paragraph — 今年全区推进某某产业园等重点项目。\n
            # 某某公司是… — is the area's, not yet the firm's, unless it bears the firm's trade name)
            if h.kind == "project" and h.org is None and not public.search(h.name) \
                    and (h.start > first or line_start(text, h.start) in paras or (core and core in h.name)):
                r.found[k] = replace(h, org=owner)
        return
    if not config.step_on("holders", "paragraph_owner"):
        return
    # several companies: a project's paragraph naming one company only (banks aside) is that company's
    by_para: dict[int, set] = {}
    orgs: dict[str, Any] = {}
    for h in r.found:
        if h.kind == "company" and h.org is not None and not h.org.name.endswith(_LENDER_ENDS) \
                and not _CONTRACTS.match(text, h.end):
            by_para.setdefault(line_start(text, h.start), set()).add(h.org.name)
            orgs[h.org.name] = h.org
    for k, h in enumerate(r.found):
        if h.kind == "project" and h.org is None and not public.search(h.name):
            names = by_para.get(line_start(text, h.start), set())
            if len(names) == 1:
                r.found[k] = replace(h, org=orgs[next(iter(names))])

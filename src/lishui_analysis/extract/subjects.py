"""Holders of figures and milestones (``subject``, ``subject_type``).

The holder is what the article names as owning a figure or a milestone: a company, a named
project, a batch of projects or companies, a zone or a region — never the official, body or
ceremony that announces it. It is found through the structure of the text, not by distance alone:

* the *candidates* of an article are read once (:func:`find_holders`, in :mod:`.holders`, steps
  :data:`HOLDER_STEPS` of stage ``holders``): organization mentions, project phrases (a noun
  phrase ending in a head noun: ``…半导体产业项目``, ``…生产基地``), counted phrases (``12个重大项目``,
  ``入园企业140家``: batches), zone and region words opening a clause; a project phrase with no name
  of its own (``该项目``, ``首期建设项目``, ``重大项目``) is a reference back, resolved to the article's
  current project or company;
* for a figure or milestone at ``pos`` (:func:`resolve`, in :mod:`.figure_holder`, attempts
  :data:`RESOLVE_STEPS` of stage ``resolve``): the counted phrase or project name the figure is part
  of; a holder right after it joined by 的 or a purpose verb (``总投资120亿元的富乐德…项目``,
  ``投资…，打造…基地``); in its clause, then in the earlier clauses of its sentence, the holder
  ``_pick`` chooses (a list item, the nearest project for a plant's figure, the nearest batch, the
  grammatical subject); then the article's current topic (the last project or company named
  before, else the one in the headline) or a zone that spoke as a clause's subject after it;
* bodies (government, party committees) hold only the funds they grant; a zone or region holds a
  figure only when it opens the clause (``经开区实现…``), not as a place (``落户经开区``).

The type follows the holder and what is held: a company's investment, land, capacity and
construction milestones are its project's; its revenue, tax, founding and listing are its own.
Vocabularies are in ``data/subjects.yaml`` (compiled in :mod:`.holder_phrases`).

This module keeps what the milestone reader (:mod:`.events`) asks of the holders besides
:func:`resolve` — holders listed after a verb, the project a company's milestone is for, a batch
counted after a verb, the holder right before it — and re-exports every name other modules import
from it.
"""
from __future__ import annotations

from .figure_holder import (  # noqa: F401  (re-exported: the names other modules import from here)
    NONE,
    RESOLVE_STEPS,
    Resolved,
    acceptable,
    enumerated,
    resolve,
    subject_type,
)
import re
from bisect import bisect_left
from functools import lru_cache

from .context import occurs_within
from .holder_phrases import Holder, vocab  # noqa: F401
from .holders import HEAD_READINGS, HOLDER_STEPS, Holders, find_holders  # noqa: F401


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


@lru_cache(maxsize=None)
def _words(name: str) -> tuple[str, ...]:
    return tuple(vocab()[name])


def is_general_talk(text: str, cstart: int, pos: int) -> bool:
    """A milestone verb after 推动, 加快, 一旦 … in its clause is talk in general (``talk_re`` between
    ``cstart`` and ``pos``, from the text's occurrences of the words: :func:`.context.occurs_within`)."""
    return occurs_within(text, _words("general_talk"), cstart, pos)


def is_cumulative(text: str, cstart: int, pos: int) -> bool:
    """A word of a running total (累计) before a milestone verb in its clause."""
    return occurs_within(text, _words("cumulative"), cstart, pos)


def is_plural(text: str, cstart: int, pos: int) -> bool:
    """A plural reference (大批的项目, 这批项目) before a milestone verb in its clause: projects in general,
    unless the clause lists them (``plural_re`` between ``cstart`` and ``pos``)."""
    return occurs_within(text, _words("plural_words"), cstart, pos)


def listed_after(holders: Holders, end: int, s_end: int, role: str, upto: int = -1) -> list[Resolved]:
    """Holders named after a milestone verb (签约的还有A、B、C等; 开工的有…): the first holder right after
    ``的还有``/``的有``/``的是`` and the items listed with it. The list ends where the sentence's next
    milestone verb starts (``upto``): 开工的有A、B，投产的有C、D — C and D are the second verb's, and no
    verb walks the lists of the verbs after it (linear on a sentence of many such lists)."""
    text = holders.text
    m = vocab()["after_re"].match(text, end)
    if not m:
        return []
    first = holders.between(m.end(), min(s_end, m.end() + 60))
    if not first or first[0].start != m.end() or not acceptable(first[0], text, m.end(), role, True):
        return []
    out = [Resolved(first[0].name, subject_type(first[0], role), first[0].org, first[0].start, first[0].end)]
    p, upto = first[0].end, s_end if upto < 0 else min(upto, s_end)
    while p + 1 < upto and text[p:p + 1] == "、":
        nxt = holders.between(p + 1, min(s_end, p + 60))
        if nxt and nxt[0].start == p + 1 and nxt[0].kind in ("company", "project", "other"):
            h = nxt[0]
            out.append(Resolved(h.name, subject_type(h, role), h.org, h.start, h.end))
            p = h.end
            continue
        k = p + 1  # an item that is no known holder: up to the next separator or 等
        while k < s_end and text[k] not in "、，。；：,;:等":
            k += 1
        inside = holders.between(p + 1, k)
        if inside and inside[-1].end == k and inside[-1].kind in ("company", "project", "other"):
            h = inside[-1]  # 由X投资的钛产业孵化园项目: an item a modifier opens is the holder that ends it
            out.append(Resolved(h.name, subject_type(h, role), h.org, h.start, h.end))
        elif 2 <= k - p - 1 <= 30:
            out.append(Resolved(text[p + 1:k], "project" if role == "project" else "other", None, p + 1, k))
        p = k
    return out


def project_after(holders: Holders, company: Resolved, end: int, s_end: int, role: str) -> Resolved | None:
    """The project a company's milestone is for, named after the verb in its sentence by 建设/打造/投资
    (…摘得，计划建设年产20亿只医用耗材生产基地项目); None if the sentence names none."""
    text = holders.text
    builds = vocab()["builds_re"]
    items, i = holders.items, bisect_left(holders.starts, end)
    # the holders starting within 6 characters of the verb: the verb may cut the word before them
    while i < len(items) and items[i].start < min(end + 6, s_end):
        h = items[i]
        if h.end <= s_end and h.kind == "project" and builds.search(text, max(end, h.start - 6), h.start):
            return Resolved(h.name, subject_type(h, role), h.org or company.org, h.start, h.end)
        i += 1
    # the rest: the projects with a builds word right before them, found once per article
    if "built" not in holders.memo:
        built = [h for h in items if h.kind == "project" and builds.search(text, max(0, h.start - 6), h.start)]
        holders.memo["built"] = (built, [h.start for h in built])
    built, starts = holders.memo["built"]
    j = bisect_left(starts, end + 6)
    while j < len(built) and built[j].start < s_end:
        h = built[j]
        if h.end <= s_end:
            return Resolved(h.name, subject_type(h, role), h.org or company.org, h.start, h.end)
        j += 1
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


def tallied(holders: Holders, start: int, end: int) -> Resolved | None:
    """The batch a tally names with the verb at ``start:end`` inside it, its head and count right after
    the verb: 新开工项目15个, 集中签约项目6个, 竣工项目48个 (a statistic's line: so many projects started).
    Counted before the verb (17个省集中开工项目) the verb names a kind of project: no tally.

    >>> from .holders import find_holders
    >>> tallied(find_holders("其中新开工项目12个，复工项目8个。"), 3, 5).subject
    '新开工项目12个'
    >>> tallied(find_holders("全区21个集中开工项目进展顺利。"), 7, 9) is None
    True
    """
    text, count = holders.text, vocab()["batch_before"]
    size = _SIZE_CLASS.match(text, end)
    mid = size.end() if size else end  # 签约亿元以上项目52个, 新开工10亿元以上产业项目8个: a size class and kind between
    for h in holders.between(max(0, start - 20), end + 24):
        if h.kind == "batch" and h.start <= start and end < h.end \
                and any(count.fullmatch(text, mid + k, h.end) for k in range(_KIND_CHARS + 1) if mid + k < h.end) \
                and (mid == end or not _CLAUSE_MARK.search(text, end, h.end)):
            return Resolved(h.name, "batch", None, h.start, h.end, "counted_phrase")
    return None


#: A size class of projects right after a tally's verb (亿元以上, 10亿元以上, 超亿元, 百亿级) and how many
#: characters of kind may follow it before the head (产业, 重点, 制造业: 亿元以上产业项目12个)
_SIZE_CLASS = re.compile(r"超亿元|(?:\d+(?:\.\d+)?|[十百千]+)?亿元?(?:以上|级)")
_KIND_CHARS = 4
_CLAUSE_MARK = re.compile("[，。；：、,;:]")


def adjacent(holders: Holders, pos: int, sent_start: int, role: str) -> Resolved | None:
    """The holder written right before the verb at ``pos`` (only quotes or spaces between):
    the last item of a list the verb is said of (“A项目”“B项目”签约落地)."""
    near = holders.between(max(sent_start, pos - 60), pos)
    if near and not holders.text[near[-1].end:pos].strip("“”\" ") and near[-1].kind in ("project", "company", "other"):
        h = near[-1]
        return Resolved(h.name, subject_type(h, role), h.org, h.start, h.end)
    return None


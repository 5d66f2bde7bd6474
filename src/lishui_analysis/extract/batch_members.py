"""The members a text lists for a batch that reached a milestone: the batch is named with its verb
and count, and its members are listed as what it includes, in the same sentence or the next one.

* after the batch, in its sentence: 集中开工项目18个，包括甲项目、乙项目等 (包括, 包含, 分别为, 分别是, 依次为);
* after 其中 (among them), in its sentence or the next, when a list follows (其中，甲、乙等均投资10亿元
  以上) — not one project singled out (其中，甲项目为省重点项目) nor a part counted (其中新开工项目12个);
* the next sentence, referring back to it: 此次集中开工7个重点项目。这些项目中，既有甲、乙等民生项目，
  也有丙项目 (这些/这批/上述项目中 + 既有/包括/有, further lists after 也有/还有/更有); or restating its
  count: 两个项目为甲和乙 (N个项目(分别)为, 这些项目包括);
* one a line after a colon, each line opened by an ordinal (以下4个项目拟落户某工业园，现予以公示：| 1．甲项目：…
  | 2．乙项目：…; 签约项目包括：| 一、甲项目，投资…；| 二、乙项目…): :func:`_lines_after`, step
  ``events.line_members`` (a notice and a Hong Kong paper's page, invented2 and invented7).

An item is a holder found there or, when none starts there, the words up to the next separator or
等 (2–30 characters: 新建南都小学). An item that is itself counted (社会事业项目5项) is a category of
the batch, not a member. Items joined by 和/及 are split only when that makes the count the text
gives (两个项目为甲和乙: 2), since 甲体育馆和游泳馆 may be one project's name.

Pure functions of the body and its holders; each reads the text once from a position, in time linear
in what it reads.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import config
from .figure_holder import Resolved
from .holders import Holder, Holders
from .numbers import parse_number

#: The characters of a small count written before 个/项/家 (12个, 两个, 十五家): shared with coordinated.py.
COUNT_CHARS = "0123456789一二两三四五六七八九十百"
_ITEM_END = "、，。；;：:,等\n"
_AND = ("以及", "和", "及")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, ...]:
    same = re.compile(r"[，,]?(?:其中)?(?:包括|包含|分别为|分别是|依次为)[：:]?")
    among = re.compile(r"\s*[，,]?其中[，,：:]?")
    nxt = re.compile(
        r"\s*(?:(?:这些|这批|上述|以上)项目中[，,]?(?:既有|包括|有)"
        rf"|(?:这|上述|以上|这些)?[{COUNT_CHARS}]{{1,3}}个(?:重大|重点)?项目(?:分别)?(?:为|是|包括)"
        r"|(?:这些|这批|上述|以上)项目(?:分别)?(?:为|是|包括))[：:]?")
    more = re.compile(r"[^，。；;\n]{0,30}?[，,；;](?:也有|还有|更有|又有)")
    counted = re.compile(rf"[{COUNT_CHARS}]+(?:个|项|家|宗)$")
    count = re.compile(rf"([{COUNT_CHARS}]{{1,4}})(?:个|项|家|宗)")
    return same, nxt, more, counted, count, among


def count_of(phrase: str) -> int | None:
    """The count a batch phrase gives (9个重大项目 → 9, 集中开工项目十二个 → 12, 我县两个项目 → 2).

    >>> count_of("集中开工项目18个"), count_of("我县两个项目"), count_of("三十五个项目"), count_of("一批项目")
    (18, 2, 35, None)
    """
    m = _patterns()[4].search(phrase)
    value = parse_number(m.group(1)) if m is not None else None
    return int(value) if value is not None and value == int(value) else None


def members_listed(holders: Holders, batch_end: int, s_end: int, count: int | None,
                   kind: str = "project") -> list[Resolved]:
    """The members listed for the batch whose phrase ends at ``batch_end`` in a sentence ending at
    ``s_end``: after it in its sentence (包括…) or in the next sentence (这些项目中，既有…); each a
    ``kind`` (a batch of projects lists projects, one of companies companies: :func:`member_kind`).

    >>> from .holders import find_holders
    >>> text = "集中开工项目3个，包括云溪大桥工程、星河新材料项目和南湖小学等。"
    >>> [r.subject for r in members_listed(find_holders(text), 8, len(text), 3)]
    ['云溪大桥工程', '星河新材料项目', '南湖小学']
    >>> text = "本次开工2个项目。两个项目为云溪县科创中心和星河新材料项目。"
    >>> [r.subject for r in members_listed(find_holders(text), 8, 9, 2)]
    ['云溪县科创中心', '星河新材料项目']
    """
    text = holders.text
    same, nxt, more, _, _, among = _patterns()
    m = same.match(text, batch_end)
    if m is None and text[s_end - 1:s_end] in "。；;!！" and s_end > 0:
        m = nxt.match(text, s_end)
    list_only = m is None   # 其中 alone opens members only when a list follows (其中，甲、乙等均…)
    if m is None:
        m = among.match(text, batch_end) or (among.match(text, s_end) if text[s_end - 1:s_end] in "。；;!！" else None)
    if config.step_on("events", "line_members") and \
            (m is None or text[m.end():m.end() + 1] == "\n" and text[m.end() - 1:m.end()] in "：:"):
        lines = _lines_after(holders, batch_end, s_end, m, count, kind)
        if lines or m is None:
            return lines
    if m is None:
        return []
    stop = _sentence_end(text, m.end())
    items: list[Resolved] = []
    p = m.end()
    while p < stop:
        p = _read_list(holders, p, stop, kind, items)
        m2 = more.match(text, p, stop)
        if m2 is None:
            break
        p = m2.end()
    if list_only and len(items) < 2 and not text.startswith("等", items[-1].end if items else p):
        return []   # 其中，甲项目为省重点项目: one project singled out, not the batch's members
    return _split_to_count(items, count)


#: an ordinal opening a list's line (一、 1． 2. 3、 （一） (2)), after the line's indent
_ORDINAL = re.compile(r"[ \t\u3000]*(?:[一二三四五六七八九十]{1,3}、|\d{1,2}[.．、]|[（(](?:[一二三四五六七八九十]{1,3}|\d{1,2})[）)])")
#: the next sentence restating the batch by its verb before a colon that ends its line (签约项目包括：)
_RESTATED = re.compile(r"\s*(?:签约|开工|竣工|投产|落户|入驻)的?项目(?:分别)?(?:为|是|包括)[：:](?=\n)")
_LINE_ITEM_END = "：:，,；;。（(\n"
_MOST_LINES = 30
_LINE_MOST = 400


def _lines_after(holders: Holders, batch_end: int, s_end: int, m: re.Match | None, count: int | None,
                 kind: str) -> list[Resolved]:
    """Members laid out one a line, each line opened by an ordinal, after a colon closing the batch's
    sentence (``以下4个项目拟落户云溪工业园，现予以公示：`` then ``1．甲公司年产…项目：…`` on the next line)
    or closing the words that restate the batch by its verb in the next sentence (``签约项目包括：``): the holder
    opening each line after its ordinal, else the line's words up to its first mark (2–40 characters).
    As many lines as the count the batch gives at most; one line read once."""
    text = holders.text
    restated = _RESTATED.match(text, s_end) if text[s_end - 1:s_end] in "。；;!！" else None
    opened = m if m is not None else restated
    if opened is not None:
        p = opened.end()
    else:
        k = s_end
        while k < len(text) and text[k] in "：: \t\u3000":
            k += 1
        if text[max(0, k - 1):k] not in ("：", ":") and text[max(0, s_end - 1):s_end] not in ("：", ":"):
            return []
        p = k
    if text[p:p + 1] != "\n":
        return []
    items: list[Resolved] = []
    most = count if count is not None else _MOST_LINES
    while p < len(text) and text[p] == "\n" and len(items) < most:
        o = _ORDINAL.match(text, p + 1)
        if o is None:
            break
        q = o.end()
        h = _holder_at(holders, q, min(len(text), q + 60))
        if h is not None and h.kind in ("company", "project"):
            items.append(Resolved(h.name, kind, h.org, h.start, h.end, "members_listed"))
        else:
            k = q
            while k < len(text) and k - q <= 40 and text[k] not in _LINE_ITEM_END:
                k += 1
            if not 2 <= k - q <= 40:
                break
            items.append(Resolved(text[q:k], kind, None, q, k, "members_listed"))
        nl = text.find("\n", q, q + _LINE_MOST)  # (a bounded look: a line longer than this ends the list)
        if nl < 0:
            break
        p = nl
    return items if len(items) >= 2 else []


def member_kind(batch: str) -> str:
    """What a batch's members are: companies when it counts firms (5家企业, 签约企业6家), else projects.

    >>> member_kind("签约企业6家"), member_kind("集中开工项目18个"), member_kind("8家")
    ('company', 'project', 'company')
    """
    return "company" if re.search(rf"企业|公司|[{COUNT_CHARS}]家", batch) else "project"


def _sentence_end(text: str, p: int, most: int = 600) -> int:
    """The end of the sentence from ``p``, read no further than ``most`` characters."""
    hi = min(len(text), p + most)
    ends = [k for k in (text.find(ch, p, hi) for ch in "。；;\n") if k >= 0]
    return min(ends) if ends else hi


def _read_list(holders: Holders, p: int, stop: int, kind: str, items: list[Resolved]) -> int:
    """Reads the items of one list from ``p`` (separated by 、, the last one perhaps by 和/及) into
    ``items``, each of ``kind``; returns where the list ends."""
    text, counted = holders.text, _patterns()[3]
    while p < stop:
        found: list[Holder] = []
        h = _holder_at(holders, p, stop)
        if h is not None and (h.end >= stop or text[h.end] in _ITEM_END):
            found = [h]
        elif h is not None:
            # 甲、乙和丙项目: the last item after 和/及 when a holder starts there; not words alone,
            # which may go on one name (甲体育馆和游泳馆)
            j = h.end + next((len(w) for w in _AND if text.startswith(w, h.end)), 0)
            g = _holder_at(holders, j, stop) if j > h.end else None
            if g is not None and g.kind in ("company", "project"):
                found = [h, g]
        if found:
            k = found[-1].end
            got = [Resolved(x.name, kind, x.org, x.start, x.end, "members_listed") for x in found]
        else:  # no holder, or one that ends inside the item (甲医院精神卫生中心迁建): the item as written
            k = p
            while k < stop and text[k] not in _ITEM_END:
                k += 1
            if not 2 <= k - p <= (60 if any(w in text[p:k] for w in _AND) else 30):
                return k  # (a last item 甲…项目和乙…工程 holds two: split to the count below)
            # a name that ends the item is the member, without the kind words before it
            # (省重点项目甲年产10万吨新材料项目 → 甲年产10万吨新材料项目)
            inner = [x for x in holders.between(p + 1, k) if x.end == k and x.kind in ("company", "project")
                     and not any(w in text[p:x.start] for w in _AND)]   # 甲和乙项目: two items, split later
            got = [Resolved(inner[0].name, kind, inner[0].org, inner[0].start, k, "members_listed") if inner
                   else Resolved(text[p:k], kind, None, p, k, "members_listed")]
        if any(counted.search(r.subject) for r in got):  # 社会事业项目5项: a category of the batch
            return k
        items.extend(got)
        if len(found) == 2 or text[k:k + 1] != "、":
            return k
        p = k + 1
    return p


def _holder_at(holders: Holders, p: int, stop: int) -> Holder | None:
    """The company, project or other holder starting at ``p`` and ending by ``stop``, if any."""
    nxt = holders.between(p, min(stop, p + 60))
    return nxt[0] if nxt and nxt[0].start == p and nxt[0].kind in ("company", "project", "other") else None


def _split_to_count(items: list[Resolved], count: int | None) -> list[Resolved]:
    """Splits items joined by 和/及 when that gives exactly the count the text states."""
    if count is None or len(items) >= count:
        return items
    out: list[Resolved] = []
    for r in items:
        parts = re.split("以及|和|及", r.subject)
        if len(parts) > 1 and all(len(x) >= 2 for x in parts):
            pos = r.start
            for x in parts:
                k = r.subject.find(x, pos - r.start)
                out.append(Resolved(x, r.subject_type, None, r.start + k, r.start + k + len(x), r.rule))
                pos = r.start + k + len(x)
        else:
            out.append(r)
    return out if len(out) == count else items

"""Step ``organizations.trade_names``: a company named by its short form alone, a trade name (字号) and
a line of business (行业) with no legal form (``澜岳光电董事长``, ``禾旭股份旗下``, ``联合曜川汽车推进``).

The shape is that of the company-name rules (企业名称登记管理规定: place + trade name + line + form)
with the form left out, as the press shortens names. A line word alone says little (智能装备,
生物医药 are kinds of business), so the candidate must read as a name in a general lexicon (jieba's
dictionary, :mod:`.lexicon`):

* the trade name is two characters that the dictionary does not know as a common word (no entry, or
  a proper name: person, place, brand — the tags of ``trade_name_tags``);
* no dictionary word runs across its edges: the trade name does not end a word begun before it
  (``太阳能科技``: 太阳 runs into it) nor start one that takes the whole line word (``原材料``);
* nothing before it makes it a product (a count with its measure word, a model's Latin letters:
  ``30万台某某汽车``);
* what follows is no more of a name: a punctuation mark, a verb, adverb, preposition, conjunction or
  particle, or a company role or frame word (``董事长``, ``旗下``: ``company_frames``) — not a
  project's name (``…光电8GW组件项目``) or another noun, nor a verbal noun (tag vn) before one of
  ``not_after_short_names`` (``…智能设备制造产业园``; but ``某某铝业建设现场`` ends the name).

Pure functions of the text and the tables of :mod:`.org_tables`; linear: one regex pass over the line
words, a bounded look at each.
"""
from __future__ import annotations

import re
from functools import lru_cache

from . import lexicon
from ..vocab import org_vocab
from .org_tables import tables as org_tables

_HAN = re.compile(r"[\u4e00-\u9fff]")
_PRODUCT_BEFORE = re.compile(r"(?:[A-Za-z]|[\d万千百亿][台辆套件个只片])$")


@lru_cache(maxsize=1)
def _tables():
    v = org_vocab()
    lines = sorted(set(v.get("short_name_lines") or ()), key=len, reverse=True)
    frames = tuple(sorted(set(v.get("company_frames") or ()) | set(v.get("company_roles") or ()), key=len, reverse=True))
    return dict(line_re=re.compile("|".join(map(re.escape, lines)) or "(?!)"), frames=frames,
                name_tags=frozenset(v.get("trade_name_tags") or ()), places=org_tables()["places"],
                not_after=tuple(v.get("not_after_short_names") or ()),
                follow_tags=tuple(v.get("prefix_word_classes") or ()))


def _ends_name(text: str, e: int) -> bool:
    """What follows ``e`` is no more of a name (see the module's doc)."""
    t = _tables()
    if e >= len(text) or not (_HAN.match(text, e) or text[e].isalnum()):
        return True
    if not _HAN.match(text, e):
        return False  # a figure or Latin letters: a project's name or a product (…光电8GW…)
    if text.startswith(t["frames"], e):
        return True
    if text.startswith(t["not_after"], e):
        return False  # 某某智能制造: a line of business goes on
    words = lexicon.tags()
    for k in (3, 2, 1):
        tag = words.get(text[e:e + k])
        if tag is not None:
            if tag == "vn" and text.startswith(t["not_after"], e + k):
                return False  # a verbal noun and a line's verb (某某智能设备制造): the line of business goes on
            return tag.startswith(t["follow_tags"]) and (k > 1 or tag != "v" or not _HAN.match(text, e + 1)
                                                         or words.get(text[e:e + 2]) is None)
    return False


def trade_names(text: str, free) -> list[tuple[int, int, str]]:
    """``(start, end, name)`` of the companies named by a trade name and a line word alone, at spans
    ``free(start, end)`` says no other name holds.

    >>> trade_names("会上，澜岳光电董事长介绍，禾旭股份旗下工厂投产。", lambda s, e: True)
    [(3, 7, '澜岳光电'), (13, 17, '禾旭股份')]
    """
    t = _tables()
    words = lexicon.tags()
    out: list[tuple[int, int, str]] = []
    for m in t["line_re"].finditer(text):
        s, e = m.start() - 2, m.end()
        if s < 0 or not free(s, e) or not (_HAN.match(text, s) and _HAN.match(text, s + 1)) \
                or _PRODUCT_BEFORE.search(text, max(0, s - 3), s):
            continue  # (30万台某某汽车, ABC某某汽车: a count or a model before it names a product)
        trade = text[s:m.start()]
        tag = words.get(trade)
        if (tag is not None and (tag not in t["name_tags"] or trade in lexicon.common_names())) or trade in t["places"]:
            continue  # a common word (智能装备, 生物医药, 海洋装备) or a place's industry (丽水光电)
        if any(words.get(ch, "").startswith(("u", "p", "c", "r")) for ch in trade):
            continue  # 的, 在, 与, 其: a function word is no letter of a trade name
        if words.get(text[s:e]) is not None or not _ends_name(text, e):
            continue
        if lexicon.word_across(text, s, max(0, s - 3), s + 2) or lexicon.word_across(text, m.start(), s, e, e):
            continue  # 太阳|能科技, 原|材料: the cut falls inside a word (not 某旭|光电: 旭光 ends inside the line)
        out.append((s, e, text[s:e]))
    return out

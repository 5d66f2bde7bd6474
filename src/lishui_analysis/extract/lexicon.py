"""Word classes from a general lexicon: jieba's dictionary (``dict.txt``, read without loading its
segmenter), whose entries carry a part-of-speech tag of the ICTCLAS/PKU tag set (``v`` verb, ``p``
preposition, ``c`` conjunction, ``d`` adverb, ``r`` pronoun, ``u…`` particles).

The extractors ask one question of it: is a short run of characters made of function words and verbs
only (``到达``, ``则被``, ``并与``)? — a class a hand list cannot cover, since a name of any outlet may
follow any verb. Which tags count is set in ``data/organizations.yaml`` (``prefix_word_classes``).
"""
from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

from ..vocab import org_vocab

#: Longest word read (a prefix before a name is short: 则被, 到达, 以及).
MAX_WORD = 3


@lru_cache(maxsize=1)
def _read() -> tuple[dict[str, str], frozenset[str]]:
    import jieba
    fields = Path(jieba.__file__).with_name("dict.txt").read_text(encoding="utf-8").split()
    words = dict(zip(fields[0::3], map(sys.intern, fields[2::3])))  # (each line: word, frequency, tag)
    v = org_vocab()
    classes, floor = frozenset(v.get("trade_name_tags") or ()), int(v.get("common_name_frequency") or 0)
    common = frozenset(w for w, f, tag in zip(fields[0::3], fields[1::3], fields[2::3])
                       if len(w) == 2 and tag in classes and floor and int(f) >= floor)
    return words, common


def tags() -> dict[str, str]:
    """Every word of the dictionary with its part-of-speech tag (``{"建起": "v", "至少": "d", …}``),
    read once per process (≈ 350,000 words; the tags interned, one string each).

    >>> tags()["到达"], tags()["浙江"]
    ('v', 'ns')
    """
    return _read()[0]


def common_names() -> frozenset[str]:
    """Words of two characters tagged as proper names (``trade_name_tags``) that the dictionary counts
    as frequent as common words (``common_name_frequency``): 智慧 and 海洋 are tagged a person's and a
    place's name there, but are the words wisdom and sea (read with :func:`tags`).

    >>> "海洋" in common_names(), "吉利" in common_names()
    (True, False)
    """
    return _read()[1]


@lru_cache(maxsize=1)
def function_words() -> frozenset[str]:
    """The dictionary's words of one to three characters whose tag is one of ``prefix_word_classes``
    (verbs of two characters or more: a one-character verb is too often part of a word, 建, 发, 达).

    >>> {"到达", "被", "并"} <= function_words() and "浙江" not in function_words()
    True
    """
    classes = frozenset(org_vocab().get("prefix_word_classes") or ())
    return frozenset(w for w, tag in tags().items()
                     if len(w) <= MAX_WORD and tag in classes and (len(w) > 1 or tag != "v"))


@lru_cache(maxsize=4096)
def all_function_words(text: str) -> bool:
    """``text`` splits into words of :func:`function_words` only (``则被`` = 则 + 被; ``到达``).

    >>> all_function_words("则被"), all_function_words("到达"), all_function_words("中建")
    (True, True, False)
    """
    words = function_words()
    ok = [True] + [False] * len(text)  # ok[i]: text[:i] splits
    for i in range(1, len(text) + 1):
        ok[i] = any(ok[j] and text[j:i] in words for j in range(max(0, i - MAX_WORD), i))
    return bool(text) and ok[len(text)]


@lru_cache(maxsize=4096)
def all_common_words(text: str, extra: frozenset[str] = frozenset()) -> bool:
    """``text`` splits into dictionary words of two or three characters whose tags are common-word
    classes (``common_word_classes``: nouns, verbs, adjectives — no proper names): a description,
    not a trade name (``太阳能科技`` = 太阳能 + 科技; not ``澜岳光电``, whose 澜岳 no dictionary has;
    longer entries are left out, since the dictionary holds some firms' names as nouns: 华为技术).
    Words of ``extra`` (a domain's own: 光伏, which the dictionary lacks) count as common words too.

    >>> all_common_words("太阳能科技"), all_common_words("澜岳光电"), all_common_words("华为技术")
    (True, False, False)
    """
    words, classes = tags(), _common_classes()
    ok = [True] + [False] * len(text)  # ok[i]: text[:i] splits
    for i in range(2, len(text) + 1):
        ok[i] = any(ok[j] and (words.get(text[j:i]) in classes or text[j:i] in extra)
                    for j in range(max(0, i - MAX_WORD), i - 1))
    return bool(text) and ok[len(text)]


@lru_cache(maxsize=1)
def _common_classes() -> frozenset[str]:
    return frozenset(org_vocab().get("common_word_classes") or ())


def word_across(text: str, cut: int, lo: int, hi: int, min_end: int = 0, before: int = 1) -> bool:
    """A dictionary word of two characters or more starts in ``text[lo:cut]``, ``before`` characters
    or more before ``cut``, and ends in ``text[cut + 1:hi + 1]`` (at ``min_end`` or later): a cut at
    ``cut`` falls inside a word (太阳|能, 中国科学|家).

    >>> word_across("中国科学家", 4, 1, 5), word_across("澜岳光电董事长", 4, 1, 7)
    (True, False)
    """
    words = tags()
    return any(text[i:j] in words for i in range(max(lo, cut - 3), cut - before + 1)
               for j in range(max(cut + 1, min_end), min(hi, i + 5) + 1) if j - i >= 2)


def preload() -> None:
    """Read the dictionary now, not on the first name a build reads (``tables.warm_up``)."""
    function_words()

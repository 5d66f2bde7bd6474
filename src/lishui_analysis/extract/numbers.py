"""Parse Arabic, Chinese and mixed numerals (cn2an for the Chinese ones).

Handled: Arabic with half- or full-width thousands separators (``1,200``, ``1，200``),
Chinese numerals with 零 inside (``三十五万零六百``), financial numerals
(``壹佰贰拾万``), and Arabic sections joined by 亿/万 (``1亿2000万``, ``3万零500``).
"""
from __future__ import annotations

import math
import re
from functools import lru_cache

# 个亿 is spoken money (两个亿 = 2e8); 千万, 百万 … follow Arabic numerals (3千万元)
MAGNITUDES = {"万亿": 1e12, "千亿": 1e11, "百亿": 1e10, "亿": 1e8, "个亿": 1e8, "千万": 1e7, "百万": 1e6,
              "万": 1e4, "千": 1e3, "百": 1e2}
# financial numerals (大写数字) as cn2an reads them
CN_FINANCIAL = "壹贰叁肆伍陆柒捌玖拾佰仟"
CN_DIGITS = "零〇一二两三四五六七八九十百千" + CN_FINANCIAL
_CN_PURE_DIGITS = set("零〇一二两三四五六七八九")
_CN_CHARS = set(CN_DIGITS) | set("万亿点")
_ARABIC_RE = re.compile(r"\d{1,3}(?:[,，]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
# an Arabic number split by 亿/万 sections (1亿2000万, 3万零500); the last section may be empty
_SECTIONS_RE = re.compile(r"(?:\d+(?:\.\d+)?亿)?(?:零?\d+(?:\.\d+)?万)?(?:零?\d+)?")


@lru_cache(maxsize=1)
def _cn2an():
    import cn2an

    return cn2an.Cn2An()  # one instance: the module-level cn2an.cn2an() rebuilds its regexes on every call


def _finite(value: float) -> float | None:
    return value if math.isfinite(value) else None


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """``'1,200'`` → 1200.0, ``'1，200'`` → 1200.0, ``'四千'`` → 4000.0, ``'十四'`` → 14.0,
    ``'百'`` → 100.0, ``'壹佰贰拾万'`` → 1200000.0, ``'三十五万零六百'`` → 350600.0,
    ``'1亿2000万'`` → 120000000.0; None if not a number.

    Chinese numerals go through cn2an on the numeral span only (never on whole text).
    """
    text = text.strip()
    if not text:
        return None
    if _ARABIC_RE.fullmatch(text):
        return _finite(float(text.replace(",", "").replace("，", "")))
    if text[0].isdigit():
        return _parse_sections(text)
    if not all(ch in _CN_CHARS for ch in text):
        return None
    if text[0] in "十百千拾佰仟万亿":
        text = "一" + text
    try:
        value = float(_cn2an().cn2an(text.replace("〇", "零"), "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return _finite(value)


def _parse_sections(text: str) -> float | None:
    """``'1亿2000万'`` → 1.2e8, ``'3万零500'`` → 30500, ``'2.5万'`` → 25000."""
    if not _SECTIONS_RE.fullmatch(text):
        return None
    total = 0.0
    rest = text
    for mark in ("亿", "万"):
        if mark in rest:
            head, rest = rest.split(mark, 1)
            total += float(head.lstrip("零")) * MAGNITUDES[mark]
    if rest:
        total += float(rest.lstrip("零"))
    return _finite(total)


def is_chinese_digit_string(text: str) -> bool:
    """``'二〇二三'`` (a year written digit by digit) → True; ``'二十三'`` → False."""
    return len(text) >= 2 and all(ch in _CN_PURE_DIGITS for ch in text)

"""Parse Arabic, Chinese and mixed numerals (cn2an for the Chinese ones)."""
from __future__ import annotations

import math
import re
from functools import lru_cache

MAGNITUDES = {"万亿": 1e12, "亿": 1e8, "万": 1e4, "千": 1e3, "百": 1e2}
CN_DIGITS = "零〇一二两三四五六七八九十百千"
_CN_PURE_DIGITS = set("零〇一二两三四五六七八九")


@lru_cache(maxsize=1)
def _cn2an():
    import cn2an

    return cn2an.Cn2An()  # one instance: the module-level cn2an.cn2an() rebuilds its regexes on every call


@lru_cache(maxsize=4096)
def parse_number(text: str) -> float | None:
    """``'1,200'`` → 1200.0, ``'四千'`` → 4000.0, ``'十四'`` → 14.0, ``'百'`` → 100.0; None if not a number.

    Chinese numerals go through cn2an on the numeral span only (never on whole text).
    """
    text = text.strip()
    if not text:
        return None
    if re.fullmatch(r"\d+(?:,\d{3})*(?:\.\d+)?", text):
        value = float(text.replace(",", ""))
        return value if math.isfinite(value) else None
    if re.fullmatch(r"\d+(?:\.\d+)?", text.replace(",", "")):
        return float(text.replace(",", ""))
    if not all(ch in CN_DIGITS or ch == "点" for ch in text):
        return None
    if text[0] in "十百千":
        text = "一" + text
    try:
        value = float(_cn2an().cn2an(text.replace("〇", "零"), "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        return None
    return value if math.isfinite(value) else None


def is_chinese_digit_string(text: str) -> bool:
    """``'二〇二三'`` (a year written digit by digit) → True; ``'二十三'`` → False."""
    return len(text) >= 2 and all(ch in _CN_PURE_DIGITS for ch in text)

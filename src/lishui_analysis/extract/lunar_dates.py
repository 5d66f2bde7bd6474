"""Calendar helpers of :mod:`.dates`: the years 今年/明年/去年… name (``REL_YEAR``), numbers in dates
(``2``, ``十二``), and lunar dates (正月初八, 大年三十) as Gregorian days via ``lunar_python``."""
from __future__ import annotations

from datetime import date as _date, timedelta
from functools import lru_cache

from .numbers import parse_number

REL_YEAR = {"今年": 0, "本年": 0, "明年": 1, "后年": 2, "去年": -1, "前年": -2}


def _num(s):
    if s is None:
        return None
    v = parse_number(s)
    return int(v) if v is not None else None


_LUNAR_MONTHS = {"正": 1, "冬": 11, "腊": 12}


def _rel_year(word: str | None, py: int | None) -> int | None:
    """The year a prefix names: ``'2024年'`` → 2024, ``'明年'`` → publication year + 1, none → the publication year."""
    if not word:
        return py
    if word[0].isdigit():
        return int(word[:4])
    return py + REL_YEAR[word] if py else None


@lru_cache(maxsize=512)
def _lunar_to_solar(year: int, month: int, day: int, leap: bool = False) -> _date | None:
    """The Gregorian day of a lunar date (``lunar_python``); None if there is no such day (腊月三十 in a
    29-day month) or the library is missing.

    >>> _lunar_to_solar(2024, 1, 1), _lunar_to_solar(2023, 2, 1, leap=True)
    (datetime.date(2024, 2, 10), datetime.date(2023, 3, 22))
    """
    try:
        from lunar_python import Lunar
    except ImportError:  # pragma: no cover - a dependency of the package
        return None
    try:
        s = Lunar.fromYmd(year, -month if leap else month, day).getSolar()
    except Exception:  # noqa: BLE001 - the library raises a bare Exception for a day that does not exist
        return None
    return _date(s.getYear(), s.getMonth(), s.getDay())


def _lunar_date(g: dict, py, pm, pd_) -> tuple:
    """``(y, m, d, year_written)`` of a lunar date match: 正月初八 → the Gregorian day."""
    word = g["lm"] or g["lm2"] or "正月"
    leap = word.startswith("闰")
    word = word.lstrip("闰")[:-1]
    month = _LUNAR_MONTHS.get(word) or _num(word)
    dword = g["ld"] or g["ld2"] or g["ld3"]
    big_eve = g["ld3"] == "三十"  # 大年三十: the last day of the year before
    dword = dword.rstrip("日号").replace("廿", "二十")
    day = _num(dword[1:] if dword.startswith("初") else dword)
    if not month or not 1 <= month <= 12 or not day or not 1 <= day <= 30:
        return None, None, None, False

    def solar(year):
        if big_eve:
            first = _lunar_to_solar(year, 1, 1)
            return first - timedelta(days=1) if first else None
        return _lunar_to_solar(year, month, day, leap)

    if g["lyear"]:
        year = _rel_year(g["lyear"], py)
        when = solar(year) if year else None
        return (when.year, when.month, when.day, True) if when else (None, None, None, False)
    if not py:
        return None, None, None, False
    # the occurrence in the publication's year (the one nearest publication if two are)
    pub = _date(py, pm or 7, pd_ or 1) if 1 <= (pm or 7) <= 12 else _date(py, 7, 1)
    cands = [c for c in (solar(py - 1), solar(py)) if c is not None]
    cands = [c for c in cands if c.year == py] or cands
    if not cands:
        return None, None, None, False
    when = min(cands, key=lambda c: abs((c - pub).days))
    return when.year, when.month, when.day, False

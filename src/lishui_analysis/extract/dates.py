"""Date expressions and their resolution against the publication date.

Relative forms (今年, 明年, 去年, 同年, 当年, 次年, a bare 7月, 17日上午, 日前, 现在)
are resolved against the article's publication date and the explicit years
before them in the same article:

* 今年/明年/去年/前年 and bare months or days use the publication date;
* 同年/当年/次年 use the last year named before them (2023年, or 去年 resolved);
* 同日/当日/当天 repeat the last full date before them (else the publication date);
* 日前/近日/现在/目前/如今 mean "around publication" and take the
  publication date at month precision (or its own precision if coarser);
* 本月/上个月/下月/月底 count months from the publication date, 当月 repeats the
  month last named; 今天/昨日 count days from the dateline (本报北京9月28日电) or
  the publication date;
* 20多天前, 两个月前, 4年前 count back from publication (days at month precision);
* two-digit years (95年3月, 09年, 于98年, 九五年, 〇九年) take the century that does
  not put them after publication; 年底/年初/季度 give the year only.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date as _date, timedelta

from .numbers import parse_number

_CN_MONTH = r"[一二三四五六七八九十]{1,3}"
_CN_DIGIT = "〇零一二三四五六七八九"
_MONTH_FOLLOWS = rf"(?=(?:\d{{1,2}}|{_CN_MONTH})月)"
# Every branch starts with one of these characters. Leading with a lookahead on
# them lets the regex engine skip other positions quickly (8x faster on a page).
_FIRST_CHARS = r"\d〇零一二三四五六七八九十今明去前后同当次本日近现目如眼月昨"
_XUN = r"(?:上旬|中旬|下旬|底|末|初)?"  # 6月上旬, 3月底: month precision
DATE_RE = re.compile(
    rf"(?=[{_FIRST_CHARS}])(?:"
    r"(?P<iso>(?<!\d)(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})(?!\d))"
    # a two-digit year (95年, 09年, 九五年, 〇九年) only where it is a year: written with a leading zero,
    # followed by a month, or after 于/自/从/早在/截至; 15年 alone is a duration (quantities)
    rf"|(?:(?:(?<!\d)(?:(?P<y>\d{{4}})年|(?<!\.)(?P<y2>\d\d)年(?:{_MONTH_FOLLOWS}|(?<=0\d年)|(?<=[于自从]\d\d年)|(?<=早在\d\d年)|(?<=截至\d\d年)))"
    rf"|(?<![{_CN_DIGIT}十百千万两第])(?P<cy>[{_CN_DIGIT}]{{2}}(?:[{_CN_DIGIT}]{{2}})?)年"
    r"|(?P<rel>今年|明年|去年|前年|后年|同年|当年|次年|本年))"
    rf"(?:(?P<m>\d{{1,2}}|{_CN_MONTH})月(?:份)?(?:(?P<d>\d{{1,2}}|{_CN_MONTH})[日号]|{_XUN})"
    r"|(?P<part>年底|年末|年初|底|末|初|上半年|下半年|[一二三四1-4]季度|第一个工作日|首个工作日))?)"
    rf"|(?<![\d\-—~至到年])(?P<bm>\d{{1,2}}|(?<![一二三四五六七八九十第]){_CN_MONTH})月(?:份)?(?:(?P<bd>\d{{1,2}})[日号]|{_XUN})(?![份]?[\d])"
    r"|(?<![\d月\-])(?P<dd>\d{1,2})日(?=上午|下午|晚上|晚|早上|凌晨|中午|电|，|,)"
    # months named against the publication date (本月, 上个月, 下月, 月底) or the month just named (当月)
    # (上月/下个月 are matched at 月 looking back: 上 and 下 are too common to start a try at each)
    rf"|(?P<relm>(?:本月|当月|月(?:(?<=上月)(?<!以上月)|(?<=下月)|(?<=上个月)|(?<=下个月)|(?<![\d{_CN_DIGIT}十个上下本当]月)(?=[底末初]|[上中下]旬)))"
    r"(?:底|末|初|[上中下]旬)?)"
    r"|(?P<same>同日|当日|当天)"
    r"|(?P<today>[今昨][天日])"
    r"|(?P<now>日前|近日|现在|目前|如今|眼下))"
)
# 年底 and 年初 give the year only (eval gold: 去年底 → 2020, 今年年底 → 2021)
# a time before publication: 20多天前, 两个月前, 4年前 (found from each 前: a scan at every digit is slow)
_AGO_RE = re.compile(r"(?<![\d.第])(?P<ago>\d{1,3}|[一二两三四五六七八九十]{1,3})(?:多|余)?(?P<unit>天|个多?月|年)前")
_PART_MONTH = {"第一个工作日": 1, "首个工作日": 1}  # 2024年第一个工作日 → 2024-01
_REL_MONTH = {"本月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}  # 月底, 月初: this month
REL_YEAR = {"今年": 0, "本年": 0, "明年": 1, "后年": 2, "去年": -1, "前年": -2}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    surface: str
    date: str          # YYYY, YYYY-MM or YYYY-MM-DD; "" when it cannot be resolved
    precision: str     # day, month, year or ""
    kind: str          # absolute, relative, now


def _pub_parts(pub_date: str) -> tuple[int | None, int | None, int | None]:
    parts = [int(p) for p in (pub_date or "").split("-") if p.isdigit()]
    parts += [None] * (3 - len(parts))
    return parts[0], parts[1], parts[2]


def _fmt(y, m=None, d=None) -> tuple[str, str]:
    if y is None:
        return "", ""
    if m is None or not 1 <= m <= 12:
        return f"{y:04d}", "year"
    if d is None or not 1 <= d <= 31:
        return f"{y:04d}-{m:02d}", "month"
    return f"{y:04d}-{m:02d}-{d:02d}", "day"


def _cn_digits(text: str) -> str:
    """``'二〇二四'`` → ``'2024'``, ``'零九'`` → ``'09'``."""
    return "".join("0" if c in "〇零" else str(_CN_DIGIT.index(c) - 1) for c in text)


def _full_year(yy: int, pub_year: int | None) -> int:
    """A two-digit year in the century that does not put it far after publication: 95 → 1995, 09 → 2009."""
    y = 2000 + yy
    return y if y <= (pub_year or 2030) + 5 else y - 100


def _day_before(ymd: tuple) -> str:
    try:
        return (_date(*ymd) - timedelta(days=1)).isoformat()
    except ValueError:
        return ""


def _ago(n: int | None, unit: str, py, pm, pd_) -> tuple:
    """``(20, '天')`` before 2024-01-10 → ``(2023, 12, None)``; ``(4, '年')`` → ``(2020, None, None)``."""
    if n is None or not py:
        return None, None, None
    if unit == "年":
        return py - n, None, None
    if not pm:
        return None, None, None
    months = n if unit != "天" else 0
    if unit == "天":
        try:
            day = _date(py, pm, pd_ or 15) - timedelta(days=n)
        except ValueError:
            return None, None, None
        return day.year, day.month, None
    y, mo = divmod(py * 12 + pm - 1 - months, 12)
    return y, mo + 1, None


def _num(s):
    if s is None:
        return None
    v = parse_number(s)
    return int(v) if v is not None else None


def extract_dates(body: str, pub_date: str = "", dateline: str = "") -> list[DateMention]:
    """Every date expression in ``body``, resolved. ``dateline``: the day of the article's dateline
    (本报北京9月28日电, kept in the byline) as ``YYYY-MM-DD``, the day 今天/昨日 count from.

    >>> [(d.surface, d.date) for d in extract_dates("于2023年6月动工，同年12月31日封顶。今年10月搬入。", "2024-12")]
    [('2023年6月', '2023-06'), ('同年12月31日', '2023-12-31'), ('今年10月', '2024-10')]
    """
    py, pm, pd_ = _pub_parts(pub_date)
    last_year = None
    dl = _pub_parts(dateline)
    dateline = dl if all(dl) else None
    out: list[DateMention] = []
    # what 当月, 同日 and 今天 look back for, kept as the dates are read (not a scan of them each time)
    last_month_or_day: DateMention | None = None
    last_day: DateMention | None = None
    days_seen: set[str] = set()
    for m in DATE_RE.finditer(body):
        g = m.groupdict()
        start = m.start()
        kind = "absolute"
        if g["iso"]:
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
            last_year = y
        elif g["y"] or g["cy"] or g["y2"] or g["rel"]:
            if g["y2"] or (g["cy"] and len(g["cy"]) == 2):
                digits = g["y2"] or _cn_digits(g["cy"])
                if g["cy"] and g["m"] is None and int(digits[1]) == int(digits[0]) + 1:
                    continue  # 三四年: three or four years, not 2034
                y = _full_year(int(digits), py)
                last_year = y
            elif g["y"] or g["cy"]:
                # 二〇二四年 is written digit by digit
                y = int(g["y"]) if g["y"] else int(_cn_digits(g["cy"]))
                if not 1900 <= y <= 2100:
                    continue
                last_year = y
            else:
                kind = "relative"
                rel = g["rel"]
                if rel in REL_YEAR:
                    y = py + REL_YEAR[rel] if py else None
                    last_year = y or last_year
                elif rel == "次年":
                    base = last_year or py
                    y = base + 1 if base else None
                else:  # 同年, 当年
                    y = last_year or py
            mo, d = _num(g["m"]), _num(g["d"])
            part = g["part"]
            if part in _PART_MONTH:
                mo = _PART_MONTH[part]
        elif g["bm"]:
            kind = "relative"
            y, mo, d = py, _num(g["bm"]), _num(g["bd"])
            if mo is None or not 1 <= mo <= 12:
                continue
        elif g["dd"]:
            kind = "relative"
            y, mo, d = py, pm, _num(g["dd"])
            if mo is None:
                d = None
        elif g["relm"]:
            kind = "relative"
            rel = g["relm"][:2] if g["relm"][:2] in ("本月", "当月") else "月"
            if rel == "月":
                pre = next((p for p in ("上个", "下个", "上", "下") if body.startswith(p, start - len(p))), "")
                rel, start = pre + "月", start - len(pre)
            if rel == "当月":  # the month just named, else the publication month
                y, mo = (int(p) for p in last_month_or_day.date.split("-")[:2]) if last_month_or_day else (py, pm)
            elif py and pm:
                y, mo = divmod(py * 12 + pm - 1 + _REL_MONTH.get(rel, 0), 12)
                mo += 1
            else:
                y = mo = None
            d = None
        elif g["today"]:
            # 今天/昨日 count from the dateline (本报北京9月28日电) if the article has one, else from publication
            kind = "relative"
            base = dateline or ((py, pm, pd_) if py and pm and pd_ else None)
            if g["today"][0] == "今" and base and not dateline:
                # a report posted the day after: 2月28日，…参加今天的开工活动 (published 3月1日)
                recent = _day_before(base)
                if recent in days_seen:
                    base = tuple(int(p) for p in recent.split("-"))
            if base is None:
                y, mo, d = py, pm, None
            else:
                try:
                    day = _date(*base) - timedelta(days=1 if g["today"][0] == "昨" else 0)
                    y, mo, d = day.year, day.month, day.day
                except ValueError:
                    y, mo, d = base[0], base[1], None
        elif g["same"]:
            kind = "relative"
            if last_day is not None:
                y, mo, d = (int(p) for p in last_day.date.split("-"))
            else:
                y, mo, d = py, pm, pd_
        else:
            kind = "now"
            y, mo, d = py, pm, None
        date, precision = _fmt(y, mo, d)
        if precision == "day" and body.startswith("电", m.end()):
            dateline = (y, mo, d)
        out.append(DateMention(start, m.end(), body[start:m.end()], date, precision, kind))
        if precision in ("month", "day"):
            last_month_or_day = out[-1]
        if precision == "day":
            last_day = out[-1]
            days_seen.add(date)
    return _add_ago(body, out, py, pm, pd_)


def _add_ago(body: str, out: list[DateMention], py, pm, pd_) -> list[DateMention]:
    """``20多天前`` (published 2024-01-10) → 2023-12; ``4年前`` → 2020: merged in text order."""
    found = []
    # whether a date overlaps a span: the dates starting before its end, the furthest end among them
    starts = [x.start for x in out]
    ordered = all(a <= b for a, b in zip(starts, starts[1:]))
    reach, furthest = [], -1
    for x in out:
        furthest = max(furthest, x.end)
        reach.append(furthest)
    pos = body.find("前")
    while pos >= 0:
        m = _AGO_RE.search(body, max(0, pos - 7), pos + 1)
        if ordered:
            k = bisect_left(starts, m.end()) if m else 0
            overlaps = k > 0 and reach[k - 1] > m.start()
        else:
            overlaps = m is not None and any(x.start < m.end() and m.start() < x.end for x in out)
        if m and m.end() == pos + 1 and not overlaps:
            date, precision = _fmt(*_ago(_num(m.group("ago")), m.group("unit"), py, pm, pd_))
            found.append(DateMention(m.start(), m.end(), m.group(), date, precision, "relative"))
        pos = body.find("前", pos + 1)
    return sorted(out + found, key=lambda x: x.start) if found else out

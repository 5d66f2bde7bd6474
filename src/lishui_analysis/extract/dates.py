"""Date expressions and their resolution against the publication date.

Relative forms (今年, 明年, 去年, 同年, 当年, 次年, a bare 7月, 17日上午, 日前, 现在)
are resolved against the article's publication date and the explicit years
before them in the same article:

* 今年/明年/去年/前年 and bare months or days use the publication date;
* 同年/当年/次年 use the last year named before them (2023年, or 去年 resolved);
* 同日/当日/当天 repeat the last full date told before them (else the publication date) — not a 次日
  counted from it (``told_day``: 12月26日竣工，次日试生产。同日，… is the 26th);
* 日前/近日/现在/目前/如今 mean "around publication" and take the
  publication date at month precision (or its own precision if coarser);
* 本月/上个月/下月/月底 count months from the publication date, 当月 repeats the
  month last named; 今天/昨日 count days from the dateline (本报北京9月28日电) or
  the publication date;
* 20多天前, 两个月前, 4年前 count back from publication (days at month precision);
* two-digit years (95年3月, 09年, 于98年, 九五年, 〇九年) take the century that does
  not put them after publication; 年底/年初/季度 give the year only.

Named steps (stage ``"dates"``, switched off with ``LISHUI_STEPS_OFF=dates.<name>``; see
:func:`lishui_analysis.config.step_on`), each for a class of expression:

* ``relative_month_day`` — a month word with a day keeps the day: 本月9日, 上个月15号, 下月九号,
  当月20日, 同月3日 (a day of the month: 下个月初三 stays at month precision, 初三 being a lunar day);
* ``next_period`` — 次月/翌年/次日/翌日 count on from the month, year or day last named;
* ``lunar`` — a lunar date (正月初八, 腊月二十三, 农历八月十五, 大年初三, 五月初五) is the
  Gregorian day of that lunar date (``lunar_python``), in the lunar year written before it
  (2024年, 今年, 明年) or else the one that puts it in the publication's year;
* ``spring_festival`` — 春节后, 春节前后, 新春过后 and a bare 节后 after the Spring Festival was
  named: the month of that year's Spring Festival;
* ``word_before_qian`` — 目前 is no "now" where 目 ends a word and 前 starts the next
  (项目前年3月开工, 项目前期工作);
* ``month_period`` — a period of months within a year (1-4月, 1至11月份, 截至11月底, 截止3月末) is
  that year, at year precision: a year written alone before it in its sentence, else the publication's
  (全年, the whole year, else the year last named, as 当年)
  (1-4月开工7个 tallies what started this year; 截至2023年底 gives the year as well);
* ``bare_part`` — 年底, 年末, 年中 with no year before them (预计年底结顶) are the year of their sentence
  (2023年4月开工，年底封顶 → 2023) or else the publication's, and 年内 the year last named (as 当年: a
  yearbook's 年内，…签约落地), at year precision;
* ``sentence_year`` — a bare month continues the year written before it in its sentence
  (2022年4月开工，9月封顶 → 2022-09), unless it lies before that date's month or a "now" word
  (目前, 现在) comes between (2020年11月动工，目前…，预计4月完成: the publication year's 4月);
* a year in brackets after its relative name (今（2026）年7月10日, 明（2027）年: Taiwan's press) is that year;
* ``chronology`` — across ； in a timeline (去年8月签约；12月20日封顶), the same, when the publication's
  year would put the month after publication and no plan (计划, 预计, 将 …) opens its clause group.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date as _date, timedelta
from functools import lru_cache

from .. import config
from ..vocab import cues as config_cues
from .context import find_in, occurs_within, rfind_in
from .lunar_dates import REL_YEAR, _lunar_date, _lunar_to_solar, _num, _rel_year  # noqa: F401 (re-exported)

#: Stage name of the named branches below (``dates.<name>`` in ``LISHUI_STEPS_OFF``).
STAGE = "dates"

_CN_MONTH = r"[一二三四五六七八九十]{1,3}"
_CN_DIGIT = "〇零一二三四五六七八九"
_MONTH_FOLLOWS = rf"(?=(?:\d{{1,2}}|{_CN_MONTH})月)"
# Every branch starts with one of these characters. Leading with a lookahead on
# them lets the regex engine skip other positions quickly (8x faster on a page).
_FIRST_CHARS = r"\d〇零一二三四五六七八九十今明去前后同当次本日近现目如眼月昨翌截全年半"
_XUN = r"(?:上旬|中旬|下旬|底|末|初)?"  # 6月上旬, 3月底: month precision
# A day of the month after a month word (本月9日, 下月九号).
_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})[日号]"
# Lunar days are written without 日: 初八, 十五, 廿三, 二十三, 三十 (not a count: 初五个项目).
_LUNAR_DAY = (r"(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|廿[一二三四五六七八九]?"
              r"|二十[一二三四五六七八九]?|三十)(?![日号\d一二三四五六七八九十个家批项位名次条座宗余多])")
_LUNAR_MONTH = r"闰?(?:正|冬|腊|十[一二]|[一二三四五六七八九十])月"
# a lunar date: 农历 + any month and day; 正月/冬月/腊月 or a month in Chinese numerals + a lunar
# day (五月初五, 腊月二十三); 大年初三, 大年三十. A year written right before it is its lunar year.
_LUNAR = (
    r"(?P<lunar>(?P<lyear>\d{4}年|今年|明年|去年|本年)?"
    rf"(?:农历(?P<lm>{_LUNAR_MONTH}|\d{{1,2}}月)(?P<ld>{_LUNAR_DAY}|{_DAY})"
    rf"|(?P<lm2>{_LUNAR_MONTH})(?P<ld2>{_LUNAR_DAY})"
    r"|大年(?P<ld3>初[一二三四五六七八九十]|三十)(?![\d一二三四五六七八九十个家批项位名次]))"
    r")"
)
# after the Spring Festival (春节后, 春节前后, 新春过后, 春节假期后); a bare 节后 is resolved in code
_SPRING = (r"(?P<sf>(?P<sfyear>\d{4}年|今年|明年|去年)?(?:春节|新春)(?:假期|长假|假日)?(?:前后|过后|之后|后)"
           r"|(?P<sfbare>节后))")


@lru_cache(maxsize=8)
def _date_re(word_before_qian: bool = True) -> re.Pattern:
    """The date pattern, with the branches of the named steps that need one switched on or off."""
    return re.compile(
        rf"(?=[{_FIRST_CHARS}])(?:"
        + r"(?P<iso>(?<!\d)(?P<iy>\d{4})[-/.](?P<im>\d{1,2})[-/.](?P<id>\d{1,2})(?!\d))"
        # a two-digit year (95年, 09年, 九五年, 〇九年) only where it is a year: written with a leading zero,
        # followed by a month, or after 于/自/从/早在/截至; 15年 alone is a duration (quantities)
        rf"|(?:(?:(?<!\d)(?:(?P<y>\d{{4}})年|[今明去前后][（(](?P<ty>\d{{4}})[）)]年|(?<!\.)(?P<y2>\d\d)年(?:{_MONTH_FOLLOWS}|(?<=0\d年)|(?<=[于自从]\d\d年)|(?<=早在\d\d年)|(?<=截至\d\d年)))"
        rf"|(?<![{_CN_DIGIT}十百千万两第])(?P<cy>[{_CN_DIGIT}]{{2}}(?:[{_CN_DIGIT}]{{2}})?)年"
        r"|(?P<rel>今年|明年|去年|前年|后年|同年|当年|次年|翌年|本年))"
        rf"(?:(?P<m>\d{{1,2}}|{_CN_MONTH})月(?:份)?(?:(?P<d>\d{{1,2}}|{_CN_MONTH})[日号]|{_XUN})"
        r"|(?P<part>年底|年末|年初|底|末|初|上半年|下半年|[一二三四1-4]季度|第一个工作日|首个工作日))?)"
        # (一月一签约, 一月一调度: "once a month", no January)
        rf"|(?<![\d\-—~至到年])(?P<bm>\d{{1,2}}|(?<![一二三四五六七八九十第]){_CN_MONTH})月(?!(?<=一月)一[^日号\d〇零一二三四五六七八九十])"
        rf"(?:份)?(?:(?P<bd>\d{{1,2}})[日号]|{_XUN})(?![份]?[\d])"
        # a day alone (17日上午, 21日在…开工): the month of the dateline, else of publication, else the one before
        r"|(?<![\d月\-第每])(?P<dd>\d{1,2})日(?=上午|下午|晚上|晚|早上|凌晨|中午|电|，|,|在|于|正式|举行|召开|举办)"
        # a period of months counted within a year (1-4月, 1至11月份, 截至11月底), or the whole of the
        # year just named (全年): the year only
        rf"|(?P<period>全年|(?:截至|截止到?)(?:\d{{1,2}}|{_CN_MONTH})月(?:份|底|末|中旬|下旬)?"
        rf"|(?<![\d.年])(?:\d{{1,2}}|{_CN_MONTH})(?:-|—|－|~|至|到)(?:\d{{1,2}}|{_CN_MONTH})月份?)"
        # months named against the publication date (本月, 上个月, 下月, 月底) or the month just named
        # (当月, 同月 before a day, 次月); a day after them is kept (本月9日)
        # (上月/下个月 are matched at 月 looking back: 上 and 下 are too common to start a try at each)
        rf"|(?P<relm>(?:本月|当月|次月|同月(?={_DAY}|[底末初]|[上中下]旬)"
        rf"|月(?:(?<=上月)(?<!以上月)|(?<=下月)|(?<=上个月)|(?<=下个月)|(?<![\d{_CN_DIGIT}十个上下本当正冬腊]月)(?=[底末初]|[上中下]旬)))"
        rf"(?:(?P<rmd>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})[日号]|底|末|初|[上中下]旬)?)"
        # the end, middle or course of a year not named (预计年底结顶, 力争年内投产): the year of its
        # sentence, else the publication's, at year precision
        r"|(?P<barepart>(?<![\d〇零一二三四五六七八九十年今明去前后同当次翌本上下每])(?:年底|年末|年内|年中)(?![度])"
        # a half or a quarter of a year not named (上半年, 一季度, 前三季度, 第四季度): the same, at year
        # precision (上/下 are matched at 半 looking back: too common to start a try at each)
        r"|(?<![\d〇零一二三四五六七八九十年今明去后同当次翌本每])(?:(?<=[上下])半年|[一二三四1-4]季度))"
        r"|(?P<same>同日|当日|当天)"
        r"|(?P<nextday>次日|翌日)"
        r"|(?P<today>[今昨][天日])"
        + (r"|(?P<now>日前|近日|现在|(?<![项节题栏科])目前|如今|眼下))" if word_before_qian
           else r"|(?P<now>日前|近日|现在|目前|如今|眼下))")
    )


DATE_RE = _date_re()
# Lunar dates and the Spring Festival start at common characters (大, 正, 新, 节) and are rare: a
# pattern of their own, run only on a body where one of their words occurs, keeps DATE_RE fast.
_RARE_HINT = re.compile(r"农历|大年[初三]|[正冬腊]月|月(?:初[一二三四五六七八九十]|十[一二三四五六七八九]|廿|二十|三十)"
                        r"|春节|新春|节后")


@lru_cache(maxsize=4)
def _rare_re(lunar: bool = True, spring: bool = True) -> re.Pattern | None:
    """The pattern of the lunar and Spring Festival branches switched on (None if neither is)."""
    parts = ([_LUNAR] if lunar else []) + ([_SPRING] if spring else [])
    return re.compile(rf"(?=[\d今明去本农正冬腊闰大一二三四五六七八九十春新节])(?:{'|'.join(parts)})") if parts else None


def _matches(body: str, date_re: re.Pattern, rare: re.Pattern | None):
    """The matches of ``date_re`` and of ``rare`` in text order; a rare match wins over one it overlaps
    (2024年正月初八 is one lunar date, not 2024年; 五月初五 is not 五月初)."""
    extras = list(rare.finditer(body)) if rare is not None and _RARE_HINT.search(body) else []
    if not extras:
        yield from date_re.finditer(body)
        return
    i = 0
    for m in date_re.finditer(body):
        while i < len(extras) and extras[i].end() <= m.start():
            yield extras[i]
            i += 1
        if i < len(extras) and extras[i].start() < m.end():
            continue
        yield m
    yield from extras[i:]
_CLAUSE_OPEN = frozenset("，。；：！？、,;:!?\n \u3000“”\"（(）)【】于在至到自从")


def _opens_clause(body: str, start: int) -> bool:
    """A bare quarter or half of a year at ``start`` is a time: it opens its clause, or follows a
    preposition of time (于, 在, 至, 自), with 第 or 前 before it (一季度，…; 计划于三季度投产;
    前三季度全区…), not a noun's modifier (四季度重大项目推进会)."""
    if body[start - 1:start] in ("第", "前"):
        start -= 1
    return start == 0 or body[start - 1] in _CLAUSE_OPEN


# 年底 and 年初 give the year only (eval gold: 去年底 → 2020, 今年年底 → 2021), but a year written in digits and
# its end is December (从2018年底开工 → 2018-12; the eval gold and two invented outlets)
# a time before publication: 20多天前, 两个月前, 4年前 (found from each 前: a scan at every digit is slow)
_AGO_RE = re.compile(r"(?<![\d.第])(?P<ago>\d{1,3}|[一二两三四五六七八九十]{1,3})(?:多|余)?(?P<unit>天|个多?月|年)前")
_PART_MONTH = {"第一个工作日": 1, "首个工作日": 1}  # 2024年第一个工作日 → 2024-01
_REL_MONTH = {"本月": 0, "上月": -1, "上个月": -1, "下月": 1, "下个月": 1}  # 月底, 月初: this month


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    surface: str
    date: str          # YYYY, YYYY-MM or YYYY-MM-DD; "" when it cannot be resolved
    precision: str     # day, month, year or ""
    kind: str          # absolute, relative, now, period (1-4月: a tally's span, no milestone's day)


def _pub_parts(pub_date: str) -> tuple[int | None, int | None, int | None]:
    parts: list[int | None] = [int(p) for p in (pub_date or "").split("-") if p.isdigit()]
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
    """``(20, '天')`` before 2031-03-07 → ``(2031, 2, None)``; ``(4, '年')`` → ``(2027, None, None)``."""
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


_QUOTE_MARKS = re.compile("[“”\n]")


class _Quotes:
    """Whether a position lies inside a “…” quotation of its line, asked in increasing positions
    (the quotation marks read once: linear in the body)."""

    def __init__(self, body: str):
        self.marks = [(m.start(), m.group()) for m in _QUOTE_MARKS.finditer(body)] if "“" in body else []
        self.i = self.depth = 0

    def inside(self, pos: int) -> bool:
        marks = self.marks
        while self.i < len(marks) and marks[self.i][0] < pos:
            ch = marks[self.i][1]
            self.depth = self.depth + 1 if ch == "“" else 0 if ch == "\n" else max(0, self.depth - 1)
            self.i += 1
        return self.depth > 0


def extract_dates(body: str, pub_date: str = "", dateline: str = "", report_year: int | None = None
                  ) -> list[DateMention]:
    """Every date expression in ``body``, resolved. ``dateline``: the day of the article's dateline
    (本报北京9月28日电, kept in the byline) as ``YYYY-MM-DD``, the day 今天/昨日 count from.
    ``report_year``: the year the document reports on, when its title names one (:func:`report_year`):
    its 全年 is that year, not the publication's nor a date line's.

    >>> [(d.surface, d.date) for d in extract_dates("于2023年6月动工，同年12月31日封顶。今年10月搬入。", "2024-12")]
    [('2023年6月', '2023-06'), ('同年12月31日', '2023-12-31'), ('今年10月', '2024-10')]
    """
    py, pm, pd_ = _pub_parts(pub_date)
    last_year = None
    dl = _pub_parts(dateline)
    day0: tuple | None = dl if all(dl) else None  # the dateline's (year, month, day)
    out: list[DateMention] = []
    # what 当月/次月, 同日/次日 and 今天 look back for, kept as the dates are read
    last_month_or_day: DateMention | None = None
    last_day: DateMention | None = None
    # 同日 outside a quotation is the day the report tells, not one a speaker recalls (“我们是正月初十开工的”)
    told_day: DateMention | None = None
    lately: DateMention | None = None  # the last 日前/近日 outside a quotation
    quotes = _Quotes(body)
    days_seen: set[str] = set()
    # the last date whose year is written (2022年4月, 去年3月, 同年): a bare month of its sentence continues it
    stated: tuple[int, int | None, int] | None = None  # (year, month, end)
    month_day = config.step_on(STAGE, "relative_month_day")
    next_period = config.step_on(STAGE, "next_period")
    lunar = config.step_on(STAGE, "lunar")
    spring = config.step_on(STAGE, "spring_festival")
    sentence_year = config.step_on(STAGE, "sentence_year")
    month_period = config.step_on(STAGE, "month_period")
    bare_part = config.step_on(STAGE, "bare_part")
    chronology = config.step_on(STAGE, "chronology")
    festivals = None
    date_re = _date_re(config.step_on(STAGE, "word_before_qian"))
    for m in _matches(body, date_re, _rare_re(lunar, spring)):
        g = m.groupdict()
        start = m.start()
        kind = "absolute"
        year_stated = False
        if g.get("lunar"):
            kind = "relative"
            y, mo, d, year_stated = _lunar_date(g, py, pm, pd_)
            if year_stated and y:
                last_year = _rel_year(g["lyear"], py)
        elif g.get("sf"):
            if g["sfbare"]:
                # a bare 节后 is the Spring Festival's only where the last festival named before it is
                if festivals is None:  # (ends, is the Spring Festival), found once per body
                    found = [(f.end(), f.group() in _SPRING_WORDS) for f in _FESTIVAL_RE.finditer(body)]
                    festivals = ([e for e, _ in found], [sp for _, sp in found])
                k = bisect_right(festivals[0], start + 1)
                if k == 0 or not festivals[1][k - 1]:
                    continue
            kind = "relative"
            year = _rel_year(g["sfyear"], py)
            first = _lunar_to_solar(year, 1, 1) if year else None
            y, mo, d = (first.year, first.month, None) if first else (None, None, None)
        elif g["iso"]:
            y, mo, d = int(g["iy"]), int(g["im"]), int(g["id"])
            last_year = y
            year_stated = True
        elif g["ty"]:  # 今（2026）年: the year written in brackets after its relative name (Taiwan's press)
            g = dict(g, y=g["ty"])
            year_stated = True
            y = last_year = int(g["y"])
            mo, d = _num(g["m"]), _num(g["d"])
            if g["part"] in ("底", "年底", "末", "年末") and mo is None:
                mo = 12
        elif g["y"] or g["cy"] or g["y2"] or g["rel"]:
            year_stated = True
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
                elif rel in ("次年", "翌年"):
                    if rel == "翌年" and not next_period:
                        continue
                    year0 = last_year or py
                    y = year0 + 1 if year0 else None
                else:  # 同年, 当年
                    y = last_year or py
            mo, d = _num(g["m"]), _num(g["d"])
            part = g["part"]
            if part in _PART_MONTH:
                mo = _PART_MONTH[part]
            elif part in ("底", "年底", "末", "年末") and g["y"] and mo is None:
                mo = 12  # 2026年底: a year written out and its end, December (今年年底, 去年底: the year only)
        elif g["bm"]:
            kind = "relative"
            y, mo, d = py, _num(g["bm"]), _num(g["bd"])
            if mo is None or not 1 <= mo <= 12:
                continue
            if sentence_year and stated is not None and (stated[1] is None or mo >= stated[1]) \
                    and not _ends_between(body, stated[2], start):
                # 2022年4月开工，9月封顶: the year written before it in its sentence (a month going
                # forward from its date: 2022年11月签约，3月… may be the next year's or this one's)
                y = stated[0]
                if y != py:
                    last_year = y
            elif chronology and stated is not None and _timeline_year(body, stated, start, mo, d, py, pm, pd_):
                y = last_year = stated[0]
        elif g["period"]:
            # 1-4月开工7个 (a year-to-date tally), 截至11月底: the year written alone before it in its
            # sentence (2024年，1-4月…), else the publication's
            if not month_period:
                continue
            kind = "period"
            # (全年: the whole of the year last named, as 当年)
            y, mo, d = (report_year or last_year or py) if g["period"] == "全年" else py, None, None
            if stated is not None and stated[1] is None and not _ends_between(body, stated[2], start):
                y = stated[0]
        elif g["barepart"]:
            if not bare_part:
                continue
            kind = "relative"
            # 年内 "during the year" is the year last named, as 当年 (a yearbook's 年内，…签约落地);
            # 年底/年末/年中 the publication's, unless a year is written before them in their sentence
            if g["barepart"] == "半年":
                start -= 1  # 上半年, 下半年
            if g["barepart"][-2:] in ("半年", "季度") and not _opens_clause(body, start):
                continue  # 四季度重大项目推进会, 成为四季度投产标志性项目: a quarter naming a noun, no date
            y, mo, d = (last_year or py) if g["barepart"] == "年内" else py, None, None
            if stated is not None and not _ends_between(body, stated[2], start):
                y = stated[0]  # 2023年4月开工，年底封顶
        elif g["dd"]:
            kind = "relative"
            y, mo, d = (day0[0], day0[1], _num(g["dd"])) if day0 else (py, pm, _num(g["dd"]))
            if mo is None:
                d = None
            elif not day0 and pd_ and d is not None and d > pd_ and y:  # (30日…, published on the 2nd: last month's)
                y, mo = divmod(y * 12 + mo - 2, 12)
                mo += 1
        elif g["relm"]:
            kind = "relative"
            year_stated = True  # (去年底竣工，上月15日设备搬入，计划6月底投产: a bare month goes on from 上月's year)
            rel = g["relm"][:2] if g["relm"][:2] in ("本月", "当月", "次月", "同月") else "月"
            if rel == "月":
                pre = next((p for p in ("上个", "下个", "上", "下") if body.startswith(p, start - len(p))), "")
                rel, start = pre + "月", start - len(pre)
            if rel == "次月" and not next_period:
                continue
            if rel in ("当月", "同月", "次月"):  # the month just named (the next one), else the publication month
                y, mo = (int(p) for p in last_month_or_day.date.split("-")[:2]) if last_month_or_day else (py, pm)
                if rel == "次月" and y and mo:
                    y, mo = divmod(y * 12 + mo, 12)
                    mo += 1
            elif py and pm:
                y, mo = divmod(py * 12 + pm - 1 + _REL_MONTH.get(rel, 0), 12)
                mo += 1
            else:
                y = mo = None
            d = _num(g["rmd"]) if month_day else None
        elif g["today"]:
            # 今天/昨日 count from the dateline (本报北京9月28日电) if the article has one, else from publication
            kind = "relative"
            year_stated = True
            base: tuple | None = day0 or ((py, pm, pd_) if py and pm and pd_ else None)
            if g["today"][0] == "今" and base and not day0:
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
            ref = told_day if told_day is not None and not quotes.inside(start) else last_day
            if lately is not None and (ref is None or lately.start > ref.start) and not quotes.inside(start):
                y, mo, d = py, pm, None  # 日前…签约。同日，…开工: the same day, not told (its month)
            elif ref is not None:
                y, mo, d = (int(p) for p in ref.date.split("-"))
            else:
                y, mo, d = py, pm, pd_
        elif g["nextday"]:
            # 次日/翌日: the day after the last full date (签约次日即开工), else unresolved
            if not next_period:
                continue
            kind = "relative"
            nxt = _day_after(last_day.date) if last_day is not None else None
            y, mo, d = (nxt.year, nxt.month, nxt.day) if nxt else (None, None, None)
        else:
            kind = "now"
            y, mo, d = py, pm, None
            stated = None  # 2020年11月动工，目前…，预计4月完成: after "now", a bare month is the publication year's
        date, precision = _fmt(y, mo, d)
        if precision == "day" and body.startswith("电", m.end()):
            day0 = (y, mo, d)
        out.append(DateMention(start, m.end(), body[start:m.end()], date, precision, kind))
        if kind == "now" and body.startswith(("日前", "近日"), start) and not quotes.inside(start):
            lately = out[-1]  # a day of the recent past, not told: what a later 同日 repeats
        if precision in ("month", "day"):
            last_month_or_day = out[-1]
        if precision == "day":
            last_day = out[-1]
            days_seen.add(date)
            if not quotes.inside(start) and not (g.get("nextday") and config.step_on(STAGE, "told_day")):
                told_day = out[-1]  # (…于次日试生产。同日，…: 同日 is the day told, not the day after it)
        if year_stated and y:
            # (年底/年末 state December for the months after it: 去年底开工，6月8日下线 is this June)
            end_month = 12 if body[start:m.end()].endswith(("年底", "年末")) else None
            stated = (y, mo if precision in ("month", "day") else end_month, m.end())
    return _add_ago(body, out, py, pm, pd_)


@lru_cache(maxsize=1)
def _report_title() -> re.Pattern:
    words = "|".join(sorted(map(re.escape, config_cues()["report_titles"]), key=len, reverse=True))
    return re.compile(rf"(?<!\d)(\d{{4}})年度?(?:[^\d\n]{{0,30}}?)(?:{words})")


def report_year(*titles: str) -> int | None:
    """The year a document reports on, when a title line names it before a report's noun
    (``cues.yaml`` ``report_titles``: 2031年云溪县经济社会发展统计公报, 某某股份有限公司2031年年度报告,
    2031年度工作总结): published in the next spring, its 全年 is 2031. None when no title line names one
    year so, or names two (2030-2031年).

    >>> report_year("2031年云溪县经济社会发展统计公报"), report_year("第三节", "某某公司 2031年年度报告")
    (2031, 2031)
    >>> report_year("2031年云溪县重点项目集中开工"), report_year("2030年和2031年统计公报") is None
    (None, True)
    """
    years = {int(m.group(1)) for t in titles if t for m in _report_title().finditer(t)}
    return years.pop() if len(years) == 1 and not any(len(re.findall(r"\d{4}年", t or "")) > 1 for t in titles) \
        else None


_SENTENCE_END = re.compile(r"[。！？!?；;\n]")


@lru_cache(maxsize=16)
def _sentence_ends(body: str) -> list[int]:
    return [m.start() for m in _SENTENCE_END.finditer(body)]


#: Words of a plan or a deadline (计划12月…, 12月20日前…).
_PLAN_WORDS = ("计划", "预计", "将", "力争", "争取", "拟", "有望", "确保", "目标", "要", "日前", "月前", "底前", "之前")
#: Characters that end a clause group (；。！？) and a clause (，；。！？ and a line's end).
_GROUP_ENDS, _CLAUSE_ENDS = "；;。！？", "，,。；;！？!?\n"


def _timeline_year(body: str, stated: tuple, start: int, mo: int, d: int | None, py, pm, pd_) -> bool:
    """Step ``dates.chronology``: a bare month in a timeline told in one paragraph (去年8月28日签约；12月
    20日厂房封顶。今年3月8日设备进场) continues the earlier year written before it across ； and 。 when the
    publication's year would put it after publication and its sentence (up to its clause's end) says no
    plan or deadline (计划12月…, 12月20日前完成…): a told past, not a future step."""
    if stated[1] is None or mo < stated[1] or not py or stated[0] >= py:
        return False
    # (each mark found by bisection on the text's offsets of its character: linear however many months)
    if find_in(body, "\n", stated[2], start) >= 0:  # a line ends between the year and the month
        return False
    if (mo, d or 1) <= (pm or 12, pd_ or 31):
        return False
    # from the last clause group ending between the year and the month (else the body's start) to the
    # month's clause end
    group = max(rfind_in(body, c, stated[2], start) for c in _GROUP_ENDS)
    ends = [e for e in (find_in(body, c, start) for c in _CLAUSE_ENDS) if e >= 0]
    lo, hi = group + 1, min(ends, default=len(body))
    return not occurs_within(body, _PLAN_WORDS, lo, hi)


def _ends_between(body: str, lo: int, hi: int) -> bool:
    """A sentence (or clause-group: ；) ends in ``body[lo:hi]`` (from the body's ends, found once)."""
    ends = _sentence_ends(body)
    i = bisect_left(ends, lo)
    return i < len(ends) and ends[i] < hi
#: Festivals a bare 节后 may follow; the Spring Festival's words (春节, 新春, 过年, 春运, 除夕, 元宵) count.
_SPRING_WORDS = frozenset(("春节", "新春", "过年", "春运", "除夕", "元宵"))
_FESTIVAL_RE = re.compile(r"春节|新春|过年|春运|除夕|元宵|国庆|中秋|端午|元旦|清明|劳动节|五一|重阳|圣诞")
def _day_after(iso: str) -> _date | None:
    try:
        return _date(*(int(p) for p in iso.split("-"))) + timedelta(days=1)
    except (TypeError, ValueError):
        return None


def _add_ago(body: str, out: list[DateMention], py, pm, pd_) -> list[DateMention]:
    """``20多天前`` (published 2031-03-07) → 2031-02; ``4年前`` → 2027: merged in text order."""
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
            overlaps = m is not None and k > 0 and reach[k - 1] > m.start()
        else:
            overlaps = m is not None and any(x.start < m.end() and m.start() < x.end for x in out)
        if m and m.end() == pos + 1 and not overlaps:
            date, precision = _fmt(*_ago(_num(m.group("ago")), m.group("unit"), py, pm, pd_))
            found.append(DateMention(m.start(), m.end(), m.group(), date, precision, "relative"))
        pos = body.find("前", pos + 1)
    return sorted(out + found, key=lambda x: x.start) if found else out

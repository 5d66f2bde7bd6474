"""Quantities: money, land, floor area, capacity, durations, counts, percentages.

``extract_quantities`` finds number + unit spans in a body, normalizes them
(``26.96亿元`` → 2696000000 CNY, ``25万方`` → 250000 m2, ``六个半月`` → 6.5 month)
and attaches metric, period, approximate, forecast and subject.

Not quantities: ordinals (第二届), years and dates, product specs (12吋), numbers
inside short quoted names (“1515”, “万亩千亿”), category counts (三个赛道).
A range (``3至5亿元``, ``2亿至3亿元``) gives two rows, low and high end, sharing the range's span;
the first end takes the magnitude and unit of the second when it has none.

Numerals: Arabic (``1,200``, ``1，200``), Chinese and financial (``三十五万零六百``, ``壹佰贰拾万``),
mixed (``1亿2000万``, ``3万零500``), shares (``六成`` = 60 percent). ``N年`` is a duration
(``15年来``, ``近两年``) unless it is a year (``2024年``, ``09年``, ``95年3月``, ``九五年``) or a
name (``五年行动计划``). A table flattened into text gives the unit in the column label
(``出让面积（㎡）58210.47``).
"""
from __future__ import annotations

import math
import re
from bisect import bisect_right
from decimal import Decimal
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, cast

from ..vocab import cues, metric_keywords, units
from .dates import REL_YEAR
from .context import in_spans, occurs_within, short_quote_spans, trie_regex
from .forecast import is_forecast
from .subjects import find_holders, resolve, role_of
from .numbers import MAGNITUDES, is_chinese_digit_string, parse_number

_CN = "零〇一二两三四五六七八九十百千壹贰叁肆伍陆柒捌玖拾佰仟"
# Arabic (1,200 and 1，200: the groups are checked by _THOUSANDS_RE) or Chinese with 万/亿 inside (三十五万零六百).
# Arabic sections joined by 亿/万 (1亿2000万, 3万零500) are read with the magnitude (_MAG).
_NUM = rf"\d+(?:[,，]\d{{3}})*(?:\.\d+)?|[{_CN}]+(?:[万亿]零?[{_CN}]+)*"
# 3个亿 is 3亿, but 3个亿元项目 counts projects of a size class (3个 and 亿元, two figures)
_MAG = r"万亿|亿(?:零?\d+(?:\.\d+)?万)?|万(?:零\d+)?|个亿(?!元(?:以上)?[\u4e00-\u9fff]{0,4}?项目)|[千百](?:万亿|亿|万|(?![米瓦克]))"
# thousands groups with one kind of comma; never a list (1，2，3) nor 1234,567
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:(?:,\d{3})+|(?:，\d{3})+)(?:\.\d+)?")
_RANGE_SEP = r"\s*(?:至|到|-|~|～|—|－)\s*"


@lru_cache(maxsize=1)
def _pattern():
    c = cues()
    # 约 is no prefix at the end of a word: 签约, 节约, 制约, 合约 …
    pre = "|".join(("(?<![签节制合条公预履特])约" if p == "约" else re.escape(p))
                   for p in sorted(c["approximate_prefix"], key=len, reverse=True))
    suf = "|".join(sorted(map(re.escape, c["approximate_suffix"]), key=len, reverse=True))
    # N个半月, N年半 (两年半 = 2.5 year; not 2024年半导体, 一年半年: a word or a half-year after it)
    unit_alt = "(?:年半(?![导年月岛场天价径数])|" + trie_regex([*units(), "个半月"]) + ")"
    # A lookahead on the characters a match can start with lets the engine skip
    # other positions quickly (about 4x faster on a page).
    first = re.escape("".join(sorted({p[0] for p in c["approximate_prefix"]} | set(_CN + "亿"))))
    return re.compile(
        rf"(?=[\d{first}])"
        rf"(?P<pre>{pre})?"
        # a number (with its magnitude) or, after a prefix, a bare 亿 (近亿元): the match cannot be empty.
        # A range may carry a magnitude and unit on its first end too (2万-3万元, 2亿元至3亿元).
        # (the lookahead keeps the unit alternation from being tried after every number)
        rf"(?:(?P<num>{_NUM})(?:(?=[^至到\-~～—－，。；\n]{{0,8}}[至到\-~～—－])"
        rf"(?P<mag1>万亿|亿|万)?(?P<unit1>{unit_alt})?{_RANGE_SEP}(?P<num2>{_NUM}))?"
        rf"(?P<approx1>余|多)?(?P<mag>{_MAG})?"
        rf"|(?P<mag0>亿))"
        rf"(?P<approx2>余|多)?"
        rf"(?:(?P<unit>{unit_alt})|(?<=个亿)|(?=[级以上]|[^\u4e00-\u9fff%％]|旗舰|企业|产业|项目|$))"
        rf"(?P<suf>{suf})?"
    ), re.compile(r"百分之(?P<pnum>[零〇一二两三四五六七八九十百点]+|\d+(?:\.\d+)?)")


@lru_cache(maxsize=1)
def _figure_starts():
    """The characters a match of :func:`_pattern` can start with (its leading lookahead)."""
    c = cues()
    first = re.escape("".join(sorted({p[0] for p in c["approximate_prefix"]} | set(_CN + "亿"))))
    return re.compile(rf"[\d{first}]")


_NUMERAL_RUNS = (re.compile(r"\d+"), re.compile(rf"[{_CN}]+"))
#: A run of numerals this long or longer makes :func:`_figures` step over failed runs.
_LONG_NUMERAL_RUN = re.compile(rf"[\d{_CN}]{{24}}")


def _figures(pat, text: str, lo: int, hi: int, skip_runs: bool | None = None):
    """``pat.finditer(text, lo, hi)`` for the figure pattern (:func:`_pattern`), linear in a run of
    numerals. The regex engine, finding no figure at the start of a run of digits or Chinese
    numerals (九九九…九的: no unit after any of them), tries again at every later character of the
    run, each time over the rest of it: the square of the run, inside one call into C that no
    time budget interrupts. No figure starts inside such a run either — from a later character
    the numeral ends at the same places, and what may follow it depends only on where it ends —
    so this steps over the run instead (``skip_runs``; by default when the text has a run of 24
    numerals or more; the matches are the same either way).
    """
    if skip_runs is None:
        skip_runs = _LONG_NUMERAL_RUN.search(text, lo, hi) is not None
    if not skip_runs:
        yield from pat.finditer(text, lo, hi)
        return
    starts, p = _figure_starts(), lo
    while True:
        c = starts.search(text, p, hi)
        if c is None:
            return
        p = c.start()
        m = pat.match(text, p, hi)
        if m is not None:
            yield m
            p = m.end() if m.end() > p else p + 1
            continue
        for run in _NUMERAL_RUNS:
            r = run.match(text, p, hi)
            if r is not None:
                p = r.end()
                break
        else:
            p += 1


@lru_cache(maxsize=1)
def _cheng_pattern():
    """六成 = 60 percent, 三成半 = 35 percent; not 一成 (一成不变) nor 成 starting a word (八成新, 九成为).

    Matched at the character before each 成 (a literal search is far faster than a scan for the digits).
    """
    return re.compile(rf"(?<![\d{_CN}万亿第])(?P<cnum>[二三四五六七八九])成(?P<chalf>半)?(?![{cues()['cheng_not_before']}])")


@lru_cache(maxsize=1)
def _fraction_pattern():
    """Fractions are percents: 三分之一 = 33.33, 五分之二 = 40, 二分之一 = 50, 一半 = 50 (a denominator of
    two to ninety-nine: 百分之 is a percent of its own, 千分之/万分之 are left alone)."""
    return re.compile(rf"(?<![\d{_CN}第])(?:(?P<fden>十[一二三四五六七八九]?|[二三四五六七八九]十?[一二三四五六七八九]?|[2-9]\d?)"
                      rf"分之(?P<fnum>[一二三四五六七八九十]{{1,3}}|\d{{1,2}})(?![\d{_CN}])|(?P<fhalf>一半)"
                      # half a year or a month, a duration: 用了半年时间 (6 months), 不到半个月 (0.5 month); not
                      # the half of a year named (上半年, 今年下半年) nor a frequency (每半年) or a report (半年报)
                      rf"|(?<![上下每本今去明前后同当{_CN}])(?P<hdur>半(?:年|个月))(?![度报末初]))")


@lru_cache(maxsize=1)
def _header_pattern():
    """A table flattened into text puts the unit in the column label: 出让面积（㎡）58210.47, 起始价（万元）5350."""
    unit_alt = trie_regex(units())
    return re.compile(
        rf"[（(](?P<mag>万亿|亿|万)?(?P<unit>{unit_alt})(?P<per>/(?:亩|平方米|吨|人))?[)）]\s*[:：]?\s*"
        r"(?P<num>\d+(?:\.\d+)?)(?![\d.%％])")


@dataclass
class Quantity:
    start: int
    end: int
    surface: str
    value: float
    unit: str
    unit_text: str
    kind: str
    metric: str
    subject: str
    org_name: str
    period: str
    approximate: bool
    forecast: bool
    subject_type: str = ""
    subject_rule: str = ""   # the named step that gave the subject (empty with an empty subject)


@lru_cache(maxsize=1)
def _keyword_re():
    kws = sorted(metric_keywords(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, kws)))


def _nearest_metric(text: str, lo: int, hi: int, s_end: int | None = None) -> str | None:
    """The metric of the last keyword between ``lo`` and ``hi`` (the keywords as ``finditer`` reads
    them from ``lo``). With ``s_end`` (``hi`` ≤ ``s_end``): from the keywords read once from ``lo`` to
    ``s_end`` (:func:`_keyword_scan`) — the many figures of one sentence asking from its start
    do not each rescan it."""
    if s_end is None or hi > s_end:
        best = None
        for m in _keyword_re().finditer(text, lo, hi):
            if best is None or m.end() >= best.end():
                best = m
        return metric_keywords()[best.group()] if best else None
    starts, ends, words = _keyword_scan(text, lo, s_end)
    # The scan up to hi reads the same keywords as the scan up to s_end as long as they end by hi;
    # from the first that does not, it can only differ within that keyword's length.
    k = bisect_right(ends, hi)
    if k < len(starts) and starts[k] < hi:
        tail = None
        for tail in _keyword_re().finditer(text, starts[k], hi):
            pass
        if tail is not None:
            return metric_keywords()[tail.group()]
    return metric_keywords()[words[k - 1]] if k else None


@lru_cache(maxsize=16)
def _keyword_scan(text: str, lo: int, hi: int) -> tuple[list[int], list[int], list[str]]:
    """The metric keywords ``finditer`` reads between ``lo`` and ``hi``: starts, ends (increasing) and words."""
    starts, ends, words = [], [], []
    for m in _keyword_re().finditer(text, lo, hi):
        starts.append(m.start())
        ends.append(m.end())
        words.append(m.group())
    return starts, ends, words


#: Measures of counted projects and companies: a bare count of them is a batch (新开工41个).
_COUNTED = ("个", "家", "项")
_FLOW_RE = re.compile(r"/(?:年|月|天|日)")
_OUTPUT_CUES = ("每年", "每月", "每天", "年产", "月产", "日产", "年生产", "月生产", "产能", "产量")
_OUTPUT_CUE_RE = re.compile("|".join(_OUTPUT_CUES))
_RATE_RE = re.compile(r"/(?:亩|平方米|年|月|天|吨|人|件|平米|公顷)")
# 亩均 or 每亩 (a per-mu quantifier) + what is measured + a comparison, right before a money figure: the figure is
# per mu (亩均税收不低于30万元; 每亩投资500万元, 土地每亩12万元 — a rate, never the plot's total)
_PER_MU_BEFORE = re.compile(r"(?:亩均|每亩)[\u4e00-\u9fff]{0,4}?(?:≥|≧|>=|＞|不低于|不少于|不小于|达到|达|为|约|超过|)$")


#: A ratio noun (…率, 强度, 比例, 密度; not 增长率) and a comparison right before a percentage: 数字化率达87%.
_RATIO_BEFORE = re.compile(r"(?<!增长)(?<!增)(?:率|强度|比例|密度)(?:均|已|都)?"
                           r"(?:为|达到|高达|达|约|≥|≤|＞|＜|>|<|不低于|不高于|不超过|超过|控制在|在)?$")
#: A money figure naming a size class of projects: 亿元以上项目, 20亿级重大项目, 10亿元至50亿元的产业项目.
_SIZE_CLASS = re.compile(r"级?的?[\u4e00-\u9fff]{0,6}?项目")

_YEAR_MARK_RE = re.compile(r"(\d{4})年|今年|去年|明年")


@lru_cache(maxsize=4)
def _year_marks(text: str) -> tuple[tuple[list[int], list[int], list[str]], tuple[list[int], list[int], list[str]]]:
    """Every year a text names (``2023年``, ``今年`` …), found once per text, as (ends, starts, what was
    written); then the same for the written years (``2023年``) alone."""
    every: tuple[list[int], list[int], list[str]] = ([], [], [])
    written: tuple[list[int], list[int], list[str]] = ([], [], [])
    for m in _YEAR_MARK_RE.finditer(text):
        for marks in (every, written) if m.group(1) else (every,):
            marks[0].append(m.end())
            marks[1].append(m.start())
            marks[2].append(m.group(1) or m.group())
    return every, written


def _period(text: str, lo: int, hi: int, pub_year: int | None) -> str:
    """The year a figure is of: the last year named between ``lo`` and ``hi`` (``今年`` counted from
    ``pub_year``; without it only a written year counts). Linear overall: the text's years are
    found once, each figure looks its up by bisection.

    >>> _period("2022年产值3亿元，今年达5亿元", 0, 13, 2024)
    '2024'
    >>> _period("2022年产值3亿元，今年达5亿元", 0, 13, None)
    '2022'
    """
    every, written = _year_marks(text)
    ends, starts, said = every if pub_year else written
    i = bisect_right(ends, hi) - 1
    if i < 0 or starts[i] < lo:
        return ""
    return said[i] if said[i][0].isdigit() else str(cast(int, pub_year) + REL_YEAR[said[i]])  # (only with one)


_CN_NUM_RE = re.compile(rf"[{_CN}]+")
# After N年: a month (95年3月, a two-digit year), 年代, 年度, 年级, a plan's name (三年行动计划), 一年一度
_YEAR_NOT_DURATION = re.compile(r"\d{1,2}月|[一二三四五六七八九十]{1,2}月|代|度|级|行动|规划|计划|方案|攻坚|一[度届次]")


def _is_year_duration(text: str, m, num: str) -> bool:
    """``15年``, ``近两年``, ``十余年`` are durations; ``2024年``, ``09年``, ``九五年``, ``95年3月``, ``千年`` are not."""
    if num[0].isdigit():
        v = parse_number(num)
        if v is None or v >= 100 or (num[0] == "0" and len(num) > 1):
            return False
        s = m.start("num")
        if text[s - 1:s] in ("于", "自", "从") or text[max(0, s - 2):s] in ("早在", "截至"):
            return False  # 成立于98年, 从15年起: a two-digit year (dates.py reads it)
    elif is_chinese_digit_string(num) or num[0] in "百千万佰仟":
        return False  # 九五年 (1995), 二〇一九年; 千年古城, 百年老店
    return not _YEAR_NOT_DURATION.match(text, m.end())


@lru_cache(maxsize=1)
def _word_lists() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    c = cues()
    return tuple(c["category_nouns"]), {u: tuple(ws) for u, ws in c["unit_words"].items()}


@lru_cache(maxsize=1)
def _currencies() -> tuple[tuple[str, str], ...]:
    """Currency names of ``units.csv`` other than 元 itself, longest first: (新台币, TWD), (美元, USD) …"""
    return tuple(sorted(((w, u["unit"]) for w, u in units().items() if u["kind"] == "money" and w != "元"),
                        key=lambda x: -len(x[0])))


def _currency_before(text: str, start: int) -> str:
    """The currency written right before a figure in 元 (新台币86亿元, 港币3亿元), else CNY."""
    before = text[max(0, start - 5):start]
    return next((u for w, u in _currencies() if before.endswith(w)), "CNY")


def _is_excluded(text: str, m, num: str | None, unit_text: str | None) -> bool:
    c = cues()
    s = m.start("num") if num else m.start()
    before = text[max(0, s - 1):s]
    if before == "第" or (before and (before.isdigit() or before in ".．")):
        return True
    if num and ("," in num or "，" in num) and not _THOUSANDS_RE.fullmatch(num):
        return True
    if num and _CN_NUM_RE.fullmatch(num):
        # a Chinese numeral glued to a preceding numeral-like word (统一, 唯一) is no count
        if before and before in "统唯单之万":
            return True
        if is_chinese_digit_string(num) and len(num) == 4:
            return True
    if unit_text == "年" and (num is None or not _is_year_duration(text, m, num)):
        return True
    if unit_text in c["units_after_magnitude_only"] and not m.group("mag"):
        return True
    u = units().get(unit_text or "", {})
    kind = u.get("kind")
    # a duration before 前/后 is a point in time: 20多天前, 两年后
    if kind == "duration" and text[m.end():m.end() + 1] in ("前", "后"):
        return True
    # a speed: 80km/h
    if text.startswith(("/h", "/小时"), m.end()):
        return True
    # 一个, 一片, 一名 … are articles ("a"), not counts; 一个月 stays a duration
    if num == "一" and kind in ("count", "capacity") and not m.group("mag"):
        return True
    # 每一天, 同一天, 这一年: a day or year named, not counted
    if num == "一" and before and before in c["one_not_counted_after"]:
        return True
    # ranks: 前十名, 跃升30位, 下降2位
    if unit_text in ("名", "位") and before and before in c["rank_before"]:
        return True
    if kind in ("count", "capacity") and not m.group("mag") and text.startswith(_word_lists()[0], m.end()) \
            and not _COUNTED_HEAD.match(text, m.end()):
        return True
    # the unit character starts a longer word: 两批次, 前十名单, 三家庭
    if unit_text in _word_lists()[1] and text.startswith(_word_lists()[1][unit_text], m.start("unit")):
        return True
    # reduplication: 一栋栋, 一幢幢
    if unit_text and text[m.end():m.end() + len(unit_text)] == unit_text:
        return True
    return False


def _split_mixed_range(pat, text, m) -> list:
    """``100亩到2025年`` is no range: its ends are read as two figures (or none)."""
    ends = pat.match(text, m.start(), m.end("unit1")), pat.match(text, m.start("num2"), m.end())
    return [e for e in ends if e]


def _add_hit(hits: list, text: str, m, quotes) -> None:
    """Keep a number + unit match that is a quantity."""
    if m.end() == m.start():
        return
    num, unit_text, mag = m.group("num"), m.group("unit"), m.group("mag") or m.group("mag0")
    if not num and not mag:
        return
    if not unit_text and "亿" not in (mag or ""):
        return
    if (not num and m.group("pre") is None and not m.group("suf") and mag == "亿"
            and not (unit_text and text[max(0, m.start() - 1):m.start()] == "个")):
        return  # a bare 亿 in a word; 近亿元, 超亿元, 亿元以上 and 3个亿元项目 (a size class) are 1亿
    if in_spans(m.start(), quotes) or _is_excluded(text, m, num, unit_text):
        return
    hits.append(m)


def extract_quantities(text: str, sentences, orgs=(), pub_date: str = "", holders=None) -> list[Quantity]:
    """Quantities in an article body.

    ``sentences`` is ``[(start, end, text), …]`` from :func:`segment.split_sentences`;
    ``orgs`` the article's :class:`OrgMention` list, or ``holders`` from
    :func:`subjects.find_holders` when the caller has them (for subjects).

    >>> from lishui_analysis.ingest.segment import split_sentences
    >>> body = "总投资26.96亿元，总用地面积397亩。"
    >>> [(q.surface, q.value, q.unit, q.metric) for q in extract_quantities(body, split_sentences(body))]
    [('26.96亿元', 2696000000.0, 'CNY', 'investment'), ('397亩', 397.0, 'mu', 'land')]
    """
    pat, pct_pat = _pattern()
    quotes = short_quote_spans(text)
    pub_year = int(pub_date[:4]) if pub_date[:4].isdigit() else None
    out: list[Quantity] = []
    holders = holders if holders is not None else find_holders(text, orgs)
    for s_start, s_end, _ in sentences:
        prev_end = s_start
        hits: list = []
        for m in _figures(pat, text, s_start, s_end):
            u1 = m.group("unit1")
            for m in (_split_mixed_range(pat, text, m) if u1 and u1 != m.group("unit") else (m,)):
                _add_hit(hits, text, m, quotes)
        for m in pct_pat.finditer(text, s_start, s_end):
            hits.append(m)
        pos = text.find("成", s_start + 1, s_end)
        while pos > 0:
            m = _cheng_pattern().match(text, pos - 1, s_end)
            if m:
                hits.append(m)
            pos = text.find("成", pos + 1, s_end)
        if text.find("分之", s_start, s_end) >= 0 or text.find("半", s_start, s_end) >= 0:
            hits.extend(_fraction_pattern().finditer(text, s_start, s_end))
        if text.find("）", s_start, s_end) >= 0 or text.find(")", s_start, s_end) >= 0:
            for m in _header_pattern().finditer(text, s_start, s_end):
                if not _is_excluded(text, m, m.group("num"), m.group("unit")):
                    hits.append(m)
        hits.sort(key=lambda m: m.start())
        for m in hits:
            rows = _to_rows(text, m, s_start, prev_end, holders, pub_year, s_end)
            if rows and out and out[-1].end <= m.start() and text[out[-1].end:m.start()] in ("（", "(") \
                    and rows[0].kind == out[-1].kind == "money":
                # 60.7亿元（8.8亿美元）: the same figure in another currency, of the same holder and metric
                for r in rows:
                    r.metric, r.subject, r.subject_type, r.org_name, r.subject_rule = (
                        out[-1].metric, out[-1].subject, out[-1].subject_type, out[-1].org_name,
                        out[-1].subject_rule and "same_figure")
            out.extend(rows)
            if rows:
                prev_end = m.end()
    return out


_PLAIN_ARABIC = re.compile(r"[\d,，]+(?:\.\d+)?")
#: A category word that modifies the noun counted after it (15个重点新建项目, 3个特色产业园): the count
#: is of that noun, not of categories (三个重点, 四个重点领域; 三个类别的项目: 的 makes the category the noun).
_COUNTED_HEAD = re.compile(r"(?:(?!的)[\u4e00-\u9fff]){2,6}?(?:项目|工程|企业|产业园|小镇)")


def _end_value(num: str, mag: str, approx_between: bool) -> Decimal | None:
    """One end of a figure: ``('26.96', '亿')`` → 2696000000; ``('三亿五千', '万')`` → 350000000."""
    if mag not in MAGNITUDES and mag:  # 1亿2000万, 3万零500
        v = parse_number(num + mag)
        return None if v is None else Decimal(repr(v))
    if _PLAIN_ARABIC.fullmatch(num):
        # Decimal arithmetic: 8.7亿 is 870000000, not 869999999.9999999
        return Decimal(num.replace(",", "").replace("，", "")) * Decimal(repr(MAGNITUDES.get(mag, 1.0)))
    if mag in ("万", "亿", "万亿") and not approx_between and (not num[0].isdigit() or "亿" in num):
        # the magnitude belongs to the numeral: 三亿五千万 (not 三亿五千 × 万), 1亿2000万
        v = parse_number(num + mag)
        return None if v is None else Decimal(repr(v))
    v = parse_number(num)
    return None if v is None else Decimal(repr(v)) * Decimal(repr(MAGNITUDES.get(mag, 1.0)))


_GROUPS = dict.fromkeys(("pre", "num", "mag1", "unit1", "num2", "approx1", "mag", "mag0", "approx2", "unit", "suf", "fden", "fnum", "fhalf", "hdur",
                         "per", "pnum", "cnum", "chalf"))


def _to_rows(text, m, s_start, prev_end, holders, pub_year, s_end=None) -> list[Quantity]:
    g = {**_GROUPS, **m.groupdict()}
    v: Any  # a number: float, or Decimal for the ends of a range
    if g.get("hdur"):  # 半年 = 6 months, 半个月 = 0.5 month (durations as written)
        v, unit_text = (6.0, "半年") if g["hdur"] == "半年" else (0.5, "半个月")
        r = resolve(holders, m.start(), m.end(), s_start, role_of("duration", "duration"))
        return [Quantity(m.start(), m.end(), m.group(), v, "month", unit_text, "duration", "duration", r.subject,
                         r.org.name if r.org else "", "", False, False, r.subject_type, r.rule)]
    if g.get("pnum") or g.get("cnum") or g.get("fden") or g.get("fhalf"):
        if g.get("cnum"):  # 六成 = 60 percent, 三成半 = 35 percent
            v, unit_text = cast(float, parse_number(g["cnum"])) * 10 + (5 if g["chalf"] else 0), "成"
        elif g.get("fhalf"):
            v, unit_text = 50.0, "一半"
        elif g.get("fden"):
            den, num = parse_number(g["fden"]), parse_number(g["fnum"])
            v, unit_text = (round(100 * num / den, 2) if den and num is not None and num < den else None), "分之"
        else:
            v, unit_text = parse_number(g["pnum"]), "百分之"
        if v is None:
            return []
        values, unit, kind, approx = [v], "percent", "percent", False
        factor = 1.0
    else:
        unit_text = g["unit"] or "亿"
        half = unit_text in ("个半月", "年半")
        if half:
            unit_text = unit_text[0] + unit_text[2:] if unit_text == "个半月" else "年"
        spec = units().get(unit_text, {"unit": "CNY", "kind": "money", "factor": 1.0})
        if g["unit"] is None:
            unit_text = ""
        # the unit as written, magnitude included: 亿元, 万平方米, 万片 (a bare 亿 stays 亿)
        unit_text = (g["mag"] or g["mag0"] or "")[-2:].lstrip("0123456789.") + unit_text  # 1亿2000万元 → 万元
        unit, kind, factor = spec["unit"], spec["kind"], spec["factor"]
        if unit == "CNY" and unit_text.endswith("元"):
            unit = _currency_before(text, m.start())  # 新台币86亿元: the currency named before the number
        mag = g["mag"] or g["mag0"] or ""
        # a range: the first end keeps its own magnitude (2亿至3亿元) or takes the second's (3至5亿元)
        ends = [(g["num"] or "一", g["mag1"] or mag if g["num2"] else mag)] + ([(g["num2"], mag)] if g["num2"] else [])
        values = []
        for n, end_mag in ends:
            v = _end_value(n, end_mag, bool(g["approx1"]) and n == ends[-1][0])
            if v is None:
                return []
            exact = v * Decimal(repr(factor)) + Decimal("0.5" if half else "0")
            values.append(float(exact))
        approx = bool(g["pre"] or g["approx1"] or g["approx2"] or g["suf"])
    if not all(math.isfinite(v) for v in values):
        return []
    window_metric = _nearest_metric(text, prev_end, m.start())
    if window_metric is None and kind == "percent":
        window_metric = _nearest_metric(text, s_start, m.start(), s_end)
    if window_metric == "capacity" and kind in ("capacity", "floor_area", "other"):
        kind = "capacity"
    if unit == "count" and window_metric == "capacity":
        unit, kind = "piece", "capacity"  # 年产4000万个: produced items
    elif (unit == "piece" and not g["mag"] and window_metric != "capacity" and not _FLOW_RE.match(text, m.end())
          and not occurs_within(text, _OUTPUT_CUES, s_start, m.start())):
        unit, kind = "count", "count"  # 30余台数控机床: things counted, not produced (年产5万台, 每年2000台)
    if window_metric == "land" and unit == "m2":
        kind = "land_area"  # 用地面积5000平方米: land measured in m2 stays m2
    metric = {"count": "count", "duration": "duration", "land_area": "land", "capacity": "capacity"}.get(kind)
    if kind == "floor_area":
        metric = "building_area"
    if kind in ("money", "percent", "other"):
        metric = window_metric if window_metric and (kind != "money" or window_metric not in ("land", "building_area", "capacity")) else "other"
    if kind == "percent" and _RATIO_BEFORE.search(text, max(s_start, m.start() - 12), m.start()):
        metric = "other"  # 开工率50%, 研发投入强度2.3%, 建筑密度≤60%: a ratio's value, no amount of the metric before it
    elif kind == "money" and metric == "other" and _SIZE_CLASS.match(text, m.end()):
        metric = "investment"  # 亿元以上项目37个, 20亿级项目, 1亿元至10亿元项目: projects sized by their investment
    period = _period(text, s_start, m.start(), pub_year)
    forecast = is_forecast(text, s_start, m.start())
    if period and pub_year and int(period) > pub_year:
        forecast = True
    surface_end = m.end()
    rate = _RATE_RE.match(text, m.end())
    if g["per"]:  # a table header's rate unit: 亩均税收（万元/亩）40
        unit, kind = "other", "other"
        unit_text = unit_text + g["per"]
    elif rate and kind == "capacity" and _FLOW_RE.match(text, m.end()):
        # 12万片/月: an output flow stays a capacity in its unit
        unit_text = unit_text + rate.group()
        surface_end = rate.end()
    elif rate:  # 300万元/亩: a rate, kept in CNY (or the unit) per mu, with its unit as written
        unit, kind = "other", "other"
        unit_text = unit_text + rate.group()
        surface_end = rate.end()
    elif kind == "money" and _PER_MU_BEFORE.search(text, max(s_start, m.start() - 12), m.start()):
        # 亩均税收不低于35万元, 亩均产值≥600万元: a rate per mu named before the figure, without /亩
        unit, kind = "other", "other"
        unit_text = unit_text + "/亩"
    start = m.start("num") if g["per"] is not None or m.re is _header_pattern() else m.start()  # a table cell: the number
    metric = cast(str, metric)  # every kind has one
    r = resolve(holders, start, surface_end, s_start, role_of(metric, kind), counted=unit_text in _COUNTED)
    return [Quantity(start, surface_end, text[start:surface_end], float(v), unit, unit_text, kind, metric, r.subject,
                     r.org.name if r.org else "", period, approx, forecast, r.subject_type, r.rule)
            for v in values]

"""Quantities: money, land, floor area, capacity, durations, counts, percentages.

``extract_quantities`` finds number + unit spans in a body, normalizes them
(``26.96亿元`` → 2696000000 CNY, ``25万方`` → 250000 m2, ``六个半月`` → 6.5 month)
and attaches metric, period, approximate, forecast and subject.

Not quantities: ordinals (第二届), years and dates, product specs (12吋), numbers
inside short quoted names (“1515”, “万亩千亿”), category counts (三个赛道).
A range (``3至5亿元``) gives two rows, low and high end, sharing the range's span.
"""
from __future__ import annotations

import math
import re
from decimal import Decimal
from dataclasses import dataclass
from functools import lru_cache

from ..vocab import cues, metric_keywords, units
from .dates import REL_YEAR
from .context import in_spans, short_quote_spans
from .subjects import find_holders, resolve, role_of
from .numbers import MAGNITUDES, is_chinese_digit_string, parse_number

_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?|[零〇一二两三四五六七八九十百千]+"


@lru_cache(maxsize=1)
def _pattern():
    c = cues()
    # 约 is no prefix at the end of a word: 签约, 节约, 制约, 合约 …
    pre = "|".join(("(?<![签节制合条公预履特])约" if p == "约" else re.escape(p))
                   for p in sorted(c["approximate_prefix"], key=len, reverse=True))
    suf = "|".join(sorted(map(re.escape, c["approximate_suffix"]), key=len, reverse=True))
    unit_alt = "|".join(sorted([re.escape(u) for u in units()] + ["个半月"], key=len, reverse=True))
    # A lookahead on the characters a match can start with lets the engine skip
    # other positions quickly (about 4x faster on a page).
    first = re.escape("".join(sorted({p[0] for p in c["approximate_prefix"]} | set("零〇一二两三四五六七八九十百千亿"))))
    return re.compile(
        rf"(?=[\d{first}])"
        rf"(?P<pre>{pre})?"
        # a number (with its magnitude) or, after a prefix, a bare 亿 (近亿元): the match cannot be empty
        rf"(?:(?P<num>{_NUM})(?:\s*(?:至|到|-|~|～|—)\s*(?P<num2>{_NUM}))?(?P<approx1>余|多)?(?P<mag>万亿|亿|万)?"
        rf"|(?P<mag0>亿))"
        rf"(?P<approx2>余|多)?"
        rf"(?:(?P<unit>{unit_alt})|(?=[级以上]|[^\u4e00-\u9fff%％]|旗舰|企业|产业|项目))"
        rf"(?P<suf>{suf})?"
    ), re.compile(r"百分之(?P<pnum>[零〇一二两三四五六七八九十百点]+|\d+(?:\.\d+)?)")


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


@lru_cache(maxsize=1)
def _keyword_re():
    kws = sorted(metric_keywords(), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, kws)))


@lru_cache(maxsize=1)
def _forecast_re():
    return re.compile("|".join(sorted(map(re.escape, cues()["forecast"]), key=len, reverse=True)))


def _nearest_metric(text: str, lo: int, hi: int) -> str | None:
    best = None
    for m in _keyword_re().finditer(text, lo, hi):
        if best is None or m.end() >= best.end():
            best = m
    return metric_keywords()[best.group()] if best else None


#: Measures of counted projects and companies: a bare count of them is a batch (新开工41个).
_COUNTED = ("个", "家", "项")
_RATE_RE = re.compile(r"/(?:亩|平方米|年|月|天|吨|人|件|平米|公顷)")


def _period(text: str, lo: int, hi: int, pub_year: int | None) -> str:
    found = ""
    for m in re.finditer(r"(\d{4})年|今年|去年|明年", text[lo:hi]):
        if m.group(1):
            found = m.group(1)
        elif pub_year:
            found = str(pub_year + REL_YEAR[m.group()])
    return found


def _is_excluded(text: str, m, num: str | None, unit_text: str | None) -> bool:
    s = m.start("num") if num else m.start()
    before = text[max(0, s - 1):s]
    if before == "第" or (before and (before.isdigit() or before in ".．")):
        return True
    if num and re.fullmatch(r"[零〇一二两三四五六七八九十百千]+", num):
        # a Chinese numeral glued to a preceding numeral-like word (统一, 唯一) is no count
        if before and before in "统唯单之万":
            return True
        if is_chinese_digit_string(num) and len(num) == 4:
            return True
    if unit_text in ("年",):
        if num is None:
            return True
        if re.fullmatch(r"\d+(?:\.\d+)?", num):
            after = text[m.end():m.end() + 2]
            if float(num) >= 100 or not re.match(r"来|时间|间|内|多|以上|左右", after):
                return True
    if unit_text == "方" and m.group("mag") != "万":
        return True
    u = units().get(unit_text or "", {})
    # 一个, 一片, 一名 … are articles ("a"), not counts; 一个月 stays a duration
    if num == "一" and u.get("kind") in ("count", "capacity") and not m.group("mag"):
        return True
    if unit_text in ("个", "大") :
        nxt = text[m.end():m.end() + 2]
        if any(nxt.startswith(w) for w in cues()["category_nouns"]):
            return True
    # reduplication: 一栋栋, 一幢幢
    if unit_text and text[m.end():m.end() + len(unit_text)] == unit_text:
        return True
    return False


def extract_quantities(text: str, sentences, orgs=(), pub_date: str = "", holders=None) -> list[Quantity]:
    """Quantities in an article body.

    ``sentences`` is ``[(start, end, text), …]`` from :func:`segment.split_sentences`;
    ``orgs`` the article's :class:`OrgMention` list, or ``holders`` from
    :func:`subjects.find_holders` when the caller has them (for subjects).

    >>> from lishui_analysis.segment import split_sentences
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
        hits = []
        for m in pat.finditer(text, s_start, s_end):
            if m.end() == m.start():
                continue
            num, unit_text, mag = m.group("num"), m.group("unit"), m.group("mag") or m.group("mag0")
            if not num and not mag:
                continue
            if not unit_text and mag != "亿":
                continue
            if not num and m.group("pre") is None and not m.group("suf") and mag == "亿":
                continue  # a bare 亿 in a word; 近亿元, 超亿元 and 亿元以上 (a size class) are 1亿
            if in_spans(m.start(), quotes) or _is_excluded(text, m, num, unit_text):
                continue
            hits.append(m)
        for m in pct_pat.finditer(text, s_start, s_end):
            hits.append(m)
        hits.sort(key=lambda m: m.start())
        for m in hits:
            rows = _to_rows(text, m, s_start, prev_end, holders, pub_year)
            out.extend(rows)
            if rows:
                prev_end = m.end()
    return out


def _to_rows(text, m, s_start, prev_end, holders, pub_year) -> list[Quantity]:
    g = m.groupdict()
    if "pnum" in g:
        v = parse_number(g["pnum"].replace("点", "."))
        if v is None:
            return []
        values, unit_text, unit, kind, approx = [v], "百分之", "percent", "percent", False
        factor = 1.0
    else:
        unit_text = g["unit"] or "亿"
        half = unit_text == "个半月"
        if half:
            unit_text = "个月"
        spec = units().get(unit_text, {"unit": "CNY", "kind": "money", "factor": 1.0})
        if g["unit"] is None:
            unit_text = ""
        # the unit as written, magnitude included: 亿元, 万平方米, 万片 (a bare 亿 stays 亿)
        unit_text = (g["mag"] or g["mag0"] or "") + unit_text
        unit, kind, factor = spec["unit"], spec["kind"], spec["factor"]
        mag = MAGNITUDES.get(g["mag"] or g["mag0"] or "", 1.0)
        nums = [g["num"] or "一"] + ([g["num2"]] if g["num2"] else [])
        values = []
        for n in nums:
            v = parse_number(n)
            if v is None:
                return []
            # Decimal arithmetic: 8.7亿 is 870000000, not 869999999.9999999
            exact = Decimal(repr(v)) * Decimal(repr(mag)) * Decimal(repr(factor)) + Decimal("0.5" if half else "0")
            values.append(float(exact))
        approx = bool(g["pre"] or g["approx1"] or g["approx2"] or g["suf"])
    if not all(math.isfinite(v) for v in values):
        return []
    window_metric = _nearest_metric(text, prev_end, m.start())
    if window_metric is None and kind == "percent":
        window_metric = _nearest_metric(text, s_start, m.start())
    if window_metric == "capacity" and kind in ("capacity", "floor_area", "other"):
        kind = "capacity"
    if window_metric == "land" and unit == "m2":
        kind = "land_area"  # 用地面积5000平方米: land measured in m2 stays m2
    metric = {"count": "count", "duration": "duration", "land_area": "land", "capacity": "capacity"}.get(kind)
    if kind == "floor_area":
        metric = "building_area"
    if kind in ("money", "percent", "other"):
        metric = window_metric if window_metric and (kind != "money" or window_metric not in ("land", "building_area", "capacity")) else "other"
    period = _period(text, s_start, m.start(), pub_year)
    forecast = bool(_forecast_re().search(text, s_start, m.start()))
    if period and pub_year and int(period) > pub_year:
        forecast = True
    surface_end = m.end()
    rate = _RATE_RE.match(text, m.end())
    if rate:  # 300万元/亩: a rate, kept in CNY (or the unit) per mu, with its unit as written
        unit, kind = "other", "other"
        unit_text = unit_text + rate.group()
        surface_end = rate.end()
    subject, stype, org, *_ = resolve(holders, m.start(), surface_end, s_start, role_of(metric, kind),
                                      counted=unit_text in _COUNTED)
    return [Quantity(m.start(), surface_end, text[m.start():surface_end], float(v), unit, unit_text, kind, metric, subject,
                     org.name if org else "", period, approx, forecast, stype) for v in values]

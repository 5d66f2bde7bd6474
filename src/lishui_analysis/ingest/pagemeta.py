"""What a page states of itself: its meta tags and JSON-LD, publication dates written in its
text (``2019-09-07 15:10``, ``发布时间：2020年01月14日``), and the 来源, author and reporter
labels of its header.

The helpers of the metadata steps of :mod:`.webpage`; they read text and elements, not the page
as a whole.
"""
from __future__ import annotations

import json
import re

from .pagetext import CAPTION, _furniture

# (a year on its own, the month and day after it: <em>2019</em><em>12</em>/<em>10</em>)
_YMD = r"((?:19|20)\d{2})\s*[-/.年\s]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)"
_DATE = re.compile(_YMD)
_DATE_LABEL = re.compile(r"(?:发布时间|发布日期|发表时间|发表于|发布于|时间|日期|发布)\s*[:：]?\s*" + _YMD)
_MD_LABEL = re.compile(r"(?:发布时间|发布日期|发表时间|发表于|时间)\s*[:：]?\s*(\d{1,2})[-/月](\d{1,2})日?\s*\d{1,2}:\d{2}")
_UPDATED = re.compile(r"(?:最后)?更新(?:时间|于)?\s*[:：]?\s*$")
_SOURCE_LABEL = re.compile(r"(?:来源|來源|稿源|出处)\s*[:：]?\s*([\u4e00-\u9fffA-Za-z0-9·\-—－]{2,30})")
_AUTHOR_LABEL = re.compile(r"(?:(?:作者|撰文)\s*[:：/]?|(?<![\u4e00-\u9fff])文\s*[/／｜|])\s*([\u4e00-\u9fffA-Za-z·]{2,20}(?:[ 、，,][\u4e00-\u9fff]{2,4}){0,3})")
_ROLE_WORDS = re.compile(r"(?:\s*(?:整合|编译|整理|报道|摄影?|供稿))+$")
_REPORTER = re.compile(r"(?:记者|作者)\s*([\u4e00-\u9fff]{2,4}(?:[ 、，,][\u4e00-\u9fff]{2,4}){0,3})")
_MD_TIME = re.compile(r"(?<![\d\-/])(\d{1,2})[-/](\d{1,2})\s+\d{1,2}:\d{2}")  # 09-07 15:10 (no year)
_TIME = re.compile(r"\s*日?\s*\d{1,2}:\d{2}")
_NAME_LIKE = re.compile(r"[\u4e00-\u9fff·]{2,8}|[A-Za-z][A-Za-z .'-]{1,30}")
_WECHAT_CT = re.compile(r"""var\s+ct\s*=\s*["']?(\d{9,11})""")
_SOURCE_ATTR = re.compile(r"source|from|laiyuan", re.I)
#: Elements after the headline read for its date, 来源 and author (not a sidebar further down).
HEADER_ELEMENTS = 200


def _metas(root) -> dict:
    out: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or "").strip().lower()
        val = (m.get("content") or "").strip()
        if key and val and key not in out:
            out[key] = val
    return out


def _json_ld(root) -> dict:
    out: dict = {}
    for s in root.iter("script"):
        if (s.get("type") or "").lower() != "application/ld+json" or not s.text:
            continue
        try:
            data = json.loads(s.text)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else [data]:
            if isinstance(item, dict):
                for k in ("headline", "datePublished", "author", "publisher"):
                    if k in item and k not in out:
                        out[k] = item[k]
    return out


def _iso(y, m, d) -> str:
    import datetime as dt

    try:
        return dt.date(int(y), int(m), int(d)).isoformat()
    except ValueError:
        return ""


def _date_in(text: str) -> str:
    """The labelled publication date in ``text`` (not a 最后更新 date), else the first date."""
    for m in _DATE_LABEL.finditer(text):
        if not _UPDATED.search(text[max(0, m.start() - 8):m.start()]):
            d = _iso(*m.groups()[-3:])
            if d:
                return d
    for m in _DATE.finditer(text):
        if _UPDATED.search(text[max(0, m.start() - 8):m.start()]):
            continue
        d = _iso(*m.groups())
        if d:
            return d
    return ""


def _meta_date(metas: dict, ld: dict) -> str:
    for key in _furniture()["date_meta"]:
        if key in metas:
            d = _date_in(metas[key])
            if d:
                return d
    if isinstance(ld.get("datePublished"), str):
        return _date_in(ld["datePublished"])
    return ""


def _person(value) -> str:
    if isinstance(value, list):
        value = value[0] if value else ""
    if isinstance(value, dict):
        value = value.get("name", "")
    return value.strip() if isinstance(value, str) else ""


def _lead_date(lines: list[str]) -> str:
    """A date line at the top of the article's container (``2019-09-05 11:10 游民星空``,
    ``发布时间：…``): a date that opens the line, carries a label or a time of day."""
    for line in lines[:8]:
        key = line.lstrip(CAPTION).strip()
        if len(key) > 80:
            continue
        m = _DATE.search(key)
        if m and (m.start() == 0 or _DATE_LABEL.search(key) or _TIME.match(key[m.end():])):
            d = _date_in(key)
            if d:
                return d
    return ""

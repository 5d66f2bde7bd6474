"""Stage 3a — the place a report is filed from, closing a byline (记者 林小雨 广州报道, 记者林小雨／台北报导), and the
stop closing a spoken sign-off (……广州报道。): neither is a name (branches ``segment.report_place`` and
``segment.sign_off_bylines``, read by :func:`.lines._parse_byline`).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .. import config
from ..vocab import divisions, region_names
from .layoutvocab import _H, _layout

#: a report's spoken sign-off closing a transcript, a sentence of its own (星河台记者林小雨、王大山广州报道。)
SIGN_OFF_STOP = re.compile(r"(?<=报[道导])。$")
_PLACE_REPORTED = re.compile(rf"(?:([/／])\s*|\s)([{_H}]{{2,6}})报[道导]$")
# a name of two or three characters glued to the place (王大山广州报道), after a separator or a label
_NAME_PLACE_REPORTED = re.compile(rf"(?:^|[\s、，,]|记者)([{_H}·]{{4,7}})报[道导]$")
_LEVEL = ("特别行政区", "自治州", "自治县", "省", "市", "县", "区")


@lru_cache(maxsize=1)
def _label_and_name() -> re.Pattern:
    return re.compile(rf"(?:{_layout().person_label.pattern})\s*[{_H}·]{{2,4}}$")


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    """The names of ``regions.csv`` and of the division list (``divisions.csv``), each also without its level
    (盐城市 → 盐城, 澳门特别行政区 → 澳门) when two characters or more are left."""
    names = set(region_names())
    for name, _ in divisions():
        names.add(name)
        level = next((w for w in _LEVEL if name.endswith(w)), "")
        if level and len(name) - len(level) >= 2:
            names.add(name[: len(name) - len(level)])
    return frozenset(names)


def drop_report_place(text: str) -> str:
    """A byline without the place its report is filed from, after the names (branch ``segment.report_place``):
    a place of the division list (:func:`_places`) parted from them by a space (记者 林小雨 广州报道) or glued to
    the last (林小雨、王大山盐城报道), or any place after a slash closing a label and a name (记者林小雨／台北报导,
    the Taiwan and Hong Kong form). The place is no name; a name alone before 报道 (记者 林小雨 王大山报道) stays.

    >>> drop_report_place("记者 林小雨 广州报道"), drop_report_place("记者林小雨／台北报导")
    ('记者 林小雨', '记者林小雨')
    >>> drop_report_place("记者林小雨、王大山盐城报道")
    '记者林小雨、王大山'
    >>> drop_report_place("记者 林小雨 王大山报道"), drop_report_place("文/林小雨报道")
    ('记者 林小雨 王大山报道', '文/林小雨报道')
    """
    if not config.step_on("segment", "report_place"):
        return text
    m = _PLACE_REPORTED.search(text)
    if m and ((m.group(1) and _label_and_name().search(text, 0, m.start())) or m.group(2) in _places()):
        return text[:m.start()].rstrip()
    m = _NAME_PLACE_REPORTED.search(text)
    if m:
        glued = m.group(1)
        for k in (3, 2):  # (a name of three characters or two; a compound surname alone is no name: 欧阳大山报道)
            if len(glued) - k >= 2 and glued[:k] not in _layout().compound_surnames and glued[k:] in _places():
                return text[:m.start(1) + k]
    return text

"""Stage 3a — what one line of a cleaned page is, and the fields it holds.

:mod:`.segment` finds the articles of a page and :mod:`.articles` writes each from its
lines; this module reads a single line: its *kind* (``title``, ``byline_line``,
``byline_lead``, ``names``, ``meta``, ``chrome``, ``captioned`` or ``body``, see
:func:`_kind`), the reporters and correspondents of a byline (:func:`parse_byline_names`)
and the date, source and authors of a metadata line (:func:`parse_meta_line`). The words a layout prints (metadata labels, chrome, photo credits,
byline labels) are listed in ``data/layout.yaml`` and compiled once (:func:`_layout`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .. import config
from .clean import ends_sentence
from ..vocab import load_yaml, regions_longest_first

_H = r"\u4e00-\u9fff"
_BULLETS = "■□●○◆◇▲△▶►★☆◎"
_PAREN = r"[（(](?P<paren>[^）)]{0,80})[）)]"
_NAME_RUN = rf"[{_H}·]{{2,4}}"
TITLE_MAX = 50
_SKIP = ("meta", "chrome", "captioned")
_BYLINES = ("byline_line", "byline_lead")


def _alt(words) -> str:
    """Regex alternation of literal words, longest first."""
    return "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))


class _Layout:
    """The vocabularies of data/layout.yaml as sets and compiled patterns (built once)."""

    def __init__(self, v: dict):
        labels = _alt(v["meta_labels"])
        self.label_start = re.compile(rf"^[（(【\[]?\s*(?:{labels})\s*[：:]"
                                      rf"|^[（(【\[]?\s*(?:{_alt(v['spaced_labels'])})\s+[^\s：:。，]{{1,12}}[】\]）)]?$")
        # a label inside a line: at its start or after a space, bar, bracket or digit (…09:40:45来源：)
        self.label_any = re.compile(rf"(?:^|(?<=[\s|｜丨/（(【\[\d]))(?P<label>{labels})\s*[：:]")
        self.source_labels = frozenset(v["source_labels"])
        self.author_labels = frozenset(v["author_labels"])
        self.source_ignore = frozenset(w.lower() for w in v["source_ignore"])
        self.chrome_words = frozenset(w.lower() for w in v["chrome_words"])
        self.chrome_phrase = re.compile(_alt(v["chrome_phrases"]))
        self.end_markers = frozenset(w.upper() for w in v["end_markers"])
        ends = [w for w in v["photo_credit_ends"] if w not in ("摄", "摄影")]
        self.caption_end = re.compile(
            rf"(?:(?:{_NAME_RUN}|[A-Za-z][A-Za-z .]{{1,30}})\s*[/／]?\s*摄影?|{_alt(ends)}"
            rf"|[。！]\s*(?:来源|图源|图片来源)[：:]\s*\S{{1,20}})$")
        # the credit closing a caption sentence: ……座谈。来源：温州发布 / ……现场。孙杨洋 摄
        self.credit_end = re.compile(
            rf"(?<=[。！？])\s*(?:(?:{_NAME_RUN}|[A-Za-z][A-Za-z .]{{1,30}})\s*[/／]?\s*摄影?"
            rf"|(?:来源|图源|图片来源)[：:]\s*\S{{1,20}}|[（(](?:{_alt(ends)})[）)])$")
        self.caption_start = re.compile(rf"^(?:{_alt(v['photo_credit_starts'])})")
        self.reporter_labels = tuple(sorted(v["reporter_labels"], key=len, reverse=True))
        self.correspondent_labels = tuple(sorted(v["correspondent_labels"], key=len, reverse=True))
        self.person_labels = tuple(sorted(self.reporter_labels + self.correspondent_labels, key=len, reverse=True))
        self.person_label = re.compile(_alt(self.person_labels))
        self.author_words = frozenset(v["author_words"])
        self.photographer_words = frozenset(v["photographer_words"])
        units = _alt(v["unit_suffixes"])
        self.unit_then_name = re.compile(rf"^([{_H}]+?(?:{units}))([{_H}·]{{2,3}})$")
        self.sub_leads = tuple(v["subheadline_leads"])
        self.column_nouns = tuple(v["column_nouns"])
        self.media_name = re.compile(rf"[{_H}A-Za-z]{{1,8}}?(?:{_alt(v['media_suffixes'])})")
        self.not_media = tuple(v["not_media"])
        self.staff_labels = frozenset(v["staff_labels"])
        self.staff_start = re.compile(rf"^[（(【\[ ]*(?:{_alt(v['staff_labels'])})")
        self.genre_nouns = tuple(v["genre_nouns"])
        person = _alt(self.person_labels)
        self.trailing_byline = re.compile(rf"[（(]\s*(?:本报)?(?:{person})[^（）()]{{1,50}}[）)]$")
        # （林筱） closing an article: its author's names in brackets, no label
        self.trailing_names = re.compile(rf"[（(]\s*([{_H}·]{{2,3}}(?:[\s、，,]+[{_H}·]{{2,3}}){{0,3}})\s*[）)]$")
        self.not_names = frozenset(v["trailing_not_names"])
        self.byline_lead = re.compile(
            rf"^(?P<outlet>本报讯|本报消息|本报综合消息|本报电|本报[{_H}]{{1,8}}\d{{1,2}}月\d{{1,2}}日电|"
            rf"[{_H}]{{2,12}}?(?:社|网|台|报|频道|客户端)[{_H}]{{0,8}}\d{{1,2}}月\d{{1,2}}日电|"
            rf"[{_H}]{{2,12}}?\d{{1,2}}月\d{{1,2}}日讯|"
            rf"[{_H}、]{{2,24}}?(?:讯|网消息|台消息|报消息)(?=[\s（(]))"
            rf"\s*(?:{_PAREN}|(?P<names>[^，。“”（(]{{2,40}}?报道)"
            rf"|(?P<bare>(?:(?:{person})\s*(?:{_NAME_RUN}[\s、]+)+)+))?\s*")


@lru_cache(maxsize=1)
def _layout() -> _Layout:
    return _Layout(load_yaml("layout.yaml"))


_REPORTED = re.compile(r"报道$")
_NAME_SEP = re.compile(r"[\s、，,/／:：|｜]+")
_HAN_RUN = re.compile(rf"[{_H}]+")
_PERSON_NAME = re.compile(_NAME_RUN)


@lru_cache(maxsize=1)
def _name_then_region() -> re.Pattern:
    return re.compile(rf"^([{_H}·]{{2,4}}?)(?:{_alt(regions_longest_first())})$")


def _parse_byline(text: str) -> tuple[list[str], list[str], bool, bool]:
    """``(reporters, correspondents, labelled, clean)`` of a byline; ``clean`` is False when a
    label is followed by something that is no name (记者走进… is a sentence, not a byline)."""
    lay = _layout()
    text = _POSTFIX_ROLE.sub(r"\2/\1", _REPORTED.sub("", text.strip()))
    reporters: list[str] = []
    correspondents: list[str] = []
    pending: list[str] = []  # unlabelled names before any label
    role = ""
    labelled = False
    clean = True
    for token in _NAME_SEP.split(text):
        token = token.strip(_BULLETS + "（）()【】[]")
        if token.endswith("报道") and len(token) > 2:
            token = token[:-2]
        if not token:
            continue
        if token in lay.author_words:
            role, labelled = "reporter", True
            continue
        if token in lay.photographer_words:
            role, labelled = "none", True
            continue
        label = next((lab for lab in lay.person_labels if token.startswith(lab)), None)
        glued = False
        if label:
            role = "reporter" if label in lay.reporter_labels else "correspondent"
            labelled, glued = True, True
            token = token[len(label):]
            if not token:
                continue
        else:
            # 浙江日报记者, 驻萧山记者, 兰溪融媒体中心通讯员: the label closes a longer token
            end = _HAN_RUN.fullmatch(token) and next((lab for lab in lay.person_labels if token.endswith(lab)), None)
            if end:
                role = "reporter" if end in lay.reporter_labels else "correspondent"
                labelled = True
                continue
        if len(token) >= 4:  # "陆晓帆浙江" — a name glued to the place the report is from
            m = _name_then_region().match(token)
            if m:
                token = m.group(1)
        if not glued and len(token) > 4 and _HAN_RUN.fullmatch(token):
            m = lay.unit_then_name.match(token)  # 梅川新区报道组陆晓帆
            role, labelled = "correspondent", True
            if not m:
                continue  # a unit label such as 共享联盟奉化站
            token = m.group(2)
        if not _PERSON_NAME.fullmatch(token):
            clean = False  # a label glued to a non-name (记者走进…), a stray character, a number
            continue
        if role == "reporter":
            reporters.append(token)
        elif role == "correspondent":
            correspondents.append(token)
        elif role == "":
            pending.append(token)
    # Names under no label at all are the authors; before a label they are contributors.
    (correspondents if labelled else reporters)[:0] = pending
    return reporters, correspondents, labelled, clean


def is_byline_line(para: str) -> bool:
    """A line that is a byline of its own (记者 张三 通讯员 李四; 文/张三 图/李四; By …)."""
    return _is_byline_line(para)


def match_byline_lead(para: str):
    """The byline a paragraph opens with (本报讯（记者 张三）…, 新华社北京9月28日电…), as a match with
    groups ``outlet`` and the names (``paren``, ``names`` or ``bare``), else None."""
    return _layout().byline_lead.match(para)


def parse_byline_names(text: str) -> tuple[list[str], list[str]]:
    """Reporters and correspondents in a byline.

    Names after 记者 (or a token ending in 记者: 浙江日报记者) and after 文/ are reporters;
    names after 通讯员, 实习生 or a unit label (``共享联盟奉化站``), and unlabelled names
    before any label, are correspondents; names under no label at all are reporters;
    photographers (图/, 摄影) are neither.

    >>> parse_byline_names("记者 林小雨 周一帆 通讯员 吴青")
    (['林小雨', '周一帆'], ['吴青'])
    >>> parse_byline_names("郑晓岚、潘一舟")
    (['郑晓岚', '潘一舟'], [])
    """
    reporters, correspondents, _, _ = _parse_byline(text)
    return reporters, correspondents


# ---------------------------------------------------------------- kinds of lines
_TIMESTAMP = re.compile(r"(?<!\d)\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?\s*\d{1,2}[:：]\d{2}")
_DATE_LINE = re.compile(
    r"^\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}日?(?:\s*(?:星期|周)[一二三四五六日天])?"
    r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?(?:\s+\S{1,12}){0,3}$")
_DOC_NUMBER = re.compile(rf"^[{_H}]{{2,16}}[〔［\[]\s*\d{{4}}")  # 青资规中心土告字〔2031〕5号
_EPAPER_PAGE = re.compile(r"^第\s*[A-Za-z]?\d{1,3}\s*版")  # 第A1版：要闻
_BREADCRUMB = re.compile(r"^(?:首页|当前位置|您的位置|您现在的位置)\s*[>»/＞]")
_SECTION_NUMBER = re.compile(r"^0\d$")  # WeChat section marks 01 02 (a bare 10 or 50 may be a table cell)
_CHROME_SPLIT = re.compile(r"[\s|｜丨/【】\[\]()（）<>《》·:：,，]+")
_DECORATION = re.compile(r"[\s\-—–=*·•▼▲►◆■□●○_~]+")
_TRAILING_PAREN = re.compile(r"[（(][^（）()]{0,12}[）)]$")
_BYLINE_SLASH = re.compile(r"^(?:文|撰文|文字|图|摄影|图片)\s*[/／:：]|(?:[/／]\s*|\s)(?:文|图|摄影?)(?:\s|$)")
# 张三/文 李四/摄: the role after the name becomes a label before it (文/张三 摄/李四)
_POSTFIX_ROLE = re.compile(rf"([{_H}·]{{2,4}})(?:\s*[/／]\s*|\s+)(文|图|摄影|摄)(?=\s|$)")
# a line that names an author (文/X, X/文) is a byline even when it also credits a photo
_AUTHOR_ROLE = re.compile(r"(?:^|\s)(?:文|撰文|文字)\s*[/／:：]|(?:[/／]\s*|\s)文(?:\s|$)")
_BRACKET_LABEL = re.compile(r"^【[^】]{0,10}】$")  # 【聚焦】 column tags
_COPYRIGHT = re.compile(r"^(?:版权所有|Copyright|©|\(C\)|（C）)", re.IGNORECASE)
_NAMES_LINE = re.compile(
    rf"^(?:[{_BULLETS}]\s*{_NAME_RUN}(?:[\s、，,]+{_NAME_RUN}){{0,5}}"
    rf"|[{_H}·]{{2,3}}(?:\s*[、，,]\s*[{_H}·]{{2,3}}|\s+[{_H}·]{{2,3}}){{1,5}})(?:\s*报道)?$")
_ENGLISH_BYLINE = re.compile(r"^By\s+(?P<names>[A-Z][\w.'-]*(?:[ ,，&]+(?:and\s+)?[A-Z][\w.'-]*)*)$")
_BANG_END = re.compile(r"[！？!?]$")


def _is_meta(para: str) -> bool:
    lay = _layout()
    if lay.label_start.match(para) or _DATE_LINE.match(para) or _DOC_NUMBER.match(para):
        return True
    if len(para) <= 80 and _TIMESTAMP.search(para) and not ends_sentence(para):
        return True
    return len(para) <= 100 and not ends_sentence(para) and bool(lay.label_any.search(para))


def _is_chrome(para: str) -> bool:
    if len(para) > 60:
        return len(para) <= 200 and bool(_COPYRIGHT.match(para))
    lay = _layout()
    if _EPAPER_PAGE.match(para) or _BREADCRUMB.match(para) or _SECTION_NUMBER.match(para) or _BRACKET_LABEL.match(para):
        return True
    if lay.chrome_phrase.search(para) and not ends_sentence(para):
        return True
    tokens = [t for t in _CHROME_SPLIT.split(para) if t]
    if tokens and all(t.lower() in lay.chrome_words for t in tokens):
        return True
    # a photo caption or credit
    core = para.strip()
    if core[:1] in "（(" and core[-1:] in "）)":
        core = core[1:-1].strip()
    if lay.caption_start.match(core):
        return True
    if ends_sentence(core):
        return False
    return bool(lay.caption_end.search(_TRAILING_PAREN.sub("", core)))


def _is_end_marker(para: str) -> bool:
    return len(para) <= 20 and _DECORATION.sub(" ", para).strip().upper() in _layout().end_markers


def _is_byline_line(para: str) -> bool:
    if len(para) > 60:
        return False
    if _ENGLISH_BYLINE.match(para):
        return True
    core = para.lstrip(_BULLETS + " ").strip()
    if core[:1] in "（(" and core[-1:] in "）)":
        core = core[1:-1].strip()
    if any(c in core for c in "。！？；“”"):
        return False
    if not (_layout().person_label.search(core) or _BYLINE_SLASH.search(core)):
        return False
    reporters, correspondents, labelled, clean = _parse_byline(core)
    return labelled and clean and bool(reporters or correspondents)


def _credit_start(para: str) -> int | None:
    """Where the photo credit closing a caption sentence starts (……座谈。来源：温州发布), if any:
    the caption's sentence is text, the credit is not."""
    if len(para) > 100:
        return None
    m = _layout().credit_end.search(para)
    return m.start() if m and m.start() > 0 else None


def _kind(para: str) -> str:
    """The kind of a line (see the module's docstring). A line shaped like a title that names where
    an article appears rather than what it says is furniture (:func:`_title_or_furniture`); an address
    is chrome whatever its length (branch ``segment.unmark_url_lines``)."""
    if ("://" in para or "www." in para) and config.step_on("segment", "unmark_url_lines") and is_url_line(para):
        return "chrome"
    if len(para) > 100 or (len(para) > 60 and ends_sentence(para)):
        # a body paragraph, unless a field (摘要：…) or a lead byline: no other kind is that long and closed
        if _layout().label_start.match(para):
            return "meta"
        return "byline_lead" if _layout().byline_lead.match(para) else "body"
    if _is_meta(para):
        return "meta"
    if _AUTHOR_ROLE.search(para) and _is_byline_line(para):
        return "byline_line"
    if _credit_start(para) is not None:
        return "captioned"
    if _is_chrome(para):
        return "chrome"
    if _layout().byline_lead.match(para):
        return "byline_lead"
    if _is_byline_line(para):
        return "byline_line"
    if _NAMES_LINE.match(para):
        return "meta" if config.step_on("segment", "unmark_staff_lines") and is_staff_line(para) else "names"
    if len(para) <= TITLE_MAX and not ends_sentence(para) and not _signed(para):
        return _title_or_furniture(para)
    if _is_bang_title(para, 30) and not any(c in para for c in "，。；"):
        return "title"
    return "body"


def _title_or_furniture(para: str) -> str:
    """``"title"`` for a line shaped like a title, unless its form says where the article appears:
    a column label is chrome (branch ``segment.unmark_column_labels``), a medium's name alone or with
    a date is metadata (``segment.unmark_media_names``), so is a date without a year
    (``segment.unmark_bare_dates``) and a line of editors (``segment.unmark_staff_lines``); a
    photographer's credit is chrome (``segment.unmark_photo_credits``).

    >>> [_title_or_furniture(x) for x in ("要闻 |", "云岭日报 2031年5月6日", "5月6日", "图/林小雨", "云岭大桥通车")]
    ['chrome', 'meta', 'meta', 'chrome', 'title']
    """
    if config.step_on("segment", "unmark_column_labels") and is_column_label(para):
        return "chrome"
    if config.step_on("segment", "unmark_media_names") and is_media_line(para):
        return "meta"
    if config.step_on("segment", "unmark_bare_dates") and is_bare_date(para):
        return "meta"
    if config.step_on("segment", "unmark_photo_credits") and is_photo_credit(para):
        return "chrome"
    if config.step_on("segment", "unmark_staff_lines") and is_staff_line(para):
        return "meta"
    return "title"


# ---------------------------------------------------------------- lines that are never a title
# What a line says about where an article appears (its column, its medium, its address, its date, its
# photographer, its editors) is told by the line's form, one branch of :func:`_kind` per form.
_BARS = "|｜丨"
_BAR_END = re.compile(rf"^[{_BARS}]?\s*[^\s{_BARS}]{{1,12}}\s*[{_BARS}]$")
_CRUMBS = re.compile(r"^[^\s>»＞]{1,10}(?:\s*[>»＞]\s*[^\s>»＞]{1,12}){1,5}\s*[>»＞]?$")
_PAGE_LABEL = re.compile(r"^(?:第\s*)?[A-Za-z]{0,2}\d{1,3}\s*版(?:\s*[：:]?\s*[^\s：:]{1,10})?$")
_URL_LINE = re.compile(rf"^(?:[{_H}]{{1,6}}\s*[：:]\s*)?(?:(?:https?|ftp)://|www\.)\S+$", re.IGNORECASE)
_CN_DIGIT = "〇○零一二三四五六七八九"
_BARE_DATE = re.compile(
    rf"^(?:\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|\d{{2}}[-/]\d{{2}}"
    rf"|(?:[{_CN_DIGIT}]{{4}}年)?[一二三四五六七八九十]{{1,2}}月[一二三四五六七八九十]{{1,3}}日)"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$")
_DATE_TOKEN = re.compile(
    r"^(?:\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}日?)?|\d{1,2}月\d{1,2}日|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
    r"|(?:星期|周)[一二三四五六日天]|第?[A-Za-z]?\d{1,3}版)$")
_NAMES = rf"{_NAME_RUN}(?:[\s、，,]+{_NAME_RUN}){{0,3}}"
_PHOTO_CREDIT = re.compile(rf"^(?:(?:图|图片|摄影|摄|摄像|视频)\s*[/／:：|｜]\s*{_NAMES}|{_NAMES}\s*[/／]\s*(?:图|图片|摄影|摄))$")
_CRUMB_SEP = re.compile(r"[>»＞]")
_DIGIT = re.compile(r"\d")
_CREDIT_SEP = re.compile(r"[/／:：|｜]")
_STAFF_SPLIT = re.compile(rf"[\s、，,{_BARS}/／：:]+")


def is_column_label(para: str) -> bool:
    """A column (section) label, never a title: a short line closed by a bar (``要闻 |``), bread
    crumbs (``新闻中心 > 县域新闻``), a page label (``A3版：要闻``) or a short line ending in a
    section noun of ``layout.yaml`` (``本地要闻``, ``【县域动态】``).

    >>> [is_column_label(x) for x in ("要闻 |", "新闻中心 > 县域新闻", "A3版：要闻", "【本地要闻】", "云岭大桥通车")]
    [True, True, True, True, False]
    """
    p = para.strip()
    if len(p) > 16 and not _CRUMB_SEP.search(p):
        return False
    if _BAR_END.match(p) or _CRUMBS.match(p) or _PAGE_LABEL.match(p):
        return True
    core = p.strip(f"【】[]{_BARS} ")
    return 2 <= len(core) <= 6 and core.endswith(_layout().column_nouns) and not _DIGIT.search(core)


def is_media_name(name: str) -> bool:
    """The name of a medium: at most ten characters ending in a media suffix of ``layout.yaml``
    (``云岭日报``, ``青田新闻网``, ``云岭发布``), not a common noun that ends the same way (``物联网``).

    >>> [is_media_name(x) for x in ("云岭日报", "【青田新闻网】", "云岭发布", "工业物联网", "云岭大桥通车")]
    [True, True, True, False, False]
    """
    lay = _layout()
    name = name.strip("【】[]《》 ")
    return 2 <= len(name) <= 10 and bool(lay.media_name.fullmatch(name)) and not name.endswith(lay.not_media)


def is_media_line(para: str) -> bool:
    """A masthead or source line: a medium's name alone or with a date (``云岭日报 2031年5月6日``).

    >>> is_media_line("云岭日报 2031年5月6日 星期二"), is_media_line("云岭发布"), is_media_line("云岭日报社论")
    (True, True, False)
    """
    if len(para) > 40:
        return False
    tokens = para.split()
    return bool(tokens) and is_media_name(tokens[0]) and all(_DATE_TOKEN.match(t) for t in tokens[1:])


def is_url_line(para: str) -> bool:
    """An address (``https://www.example.cn/a/1.html``, ``原文链接：www.example.cn``).

    >>> is_url_line("原文链接：https://www.example.cn/a/1.html"), is_url_line("云岭大桥通车")
    (True, False)
    """
    return ("://" in para or "www." in para) and bool(_URL_LINE.match(para.strip()))


def is_bare_date(para: str) -> bool:
    """A date without a year, or in Chinese numerals (``5月6日``, ``05-06``, ``二〇三一年五月六日``).

    >>> [is_bare_date(x) for x in ("5月6日 星期二", "05-06", "二〇三一年五月六日", "5月6日开工")]
    [True, True, True, False]
    """
    return len(para) <= 30 and bool(_BARE_DATE.match(para.strip()))


def is_photo_credit(para: str) -> bool:
    """A photographer's credit on a line of its own (``图/林小雨``, ``摄影：林小雨 王大山``, ``林小雨/图``).

    >>> is_photo_credit("（图/林小雨 王大山）"), is_photo_credit("林小雨/图"), is_photo_credit("图说云岭")
    (True, True, False)
    """
    if len(para) > 40 or not _CREDIT_SEP.search(para):
        return False
    core = para.strip()
    if core[:1] in "（(" and core[-1:] in "）)":
        core = core[1:-1].strip()
    return bool(_PHOTO_CREDIT.match(core))


def is_staff_line(para: str) -> bool:
    """A line of staff labels, each with names (``编辑 王大山 审核 周青山``): the post's editors.

    >>> is_staff_line("编辑 王大山 审核 周青山"), is_staff_line("（责编 林小雨）"), is_staff_line("林小雨 王大山")
    (True, True, False)
    """
    lay = _layout()
    if not lay.staff_start.match(para):
        return False
    tokens = [t for t in _STAFF_SPLIT.split(para.strip("（）()【】[] ")) if t]
    if len(tokens) < 2 or tokens[0] not in lay.staff_labels:
        return False
    return all(t in lay.staff_labels or _PERSON_NAME.fullmatch(t) for t in tokens)


def _signed(para: str) -> bool:
    """A sentence closed by its author's names in brackets (……开工。（记者 张晓）)."""
    lay = _layout()
    m = lay.trailing_byline.search(para) or lay.trailing_names.search(para)
    return m is not None and m.start() > 0 and ends_sentence(para[: m.start()])


def _is_bang_title(para: str, limit: int) -> bool:
    """A title that ends in ！ or ？ (顺利结顶！): short, no full stop, not a quotation."""
    return len(para) <= limit and bool(_BANG_END.search(para)) and "。" not in para and not para.startswith("“")


# ---------------------------------------------------------------- metadata fields
_DAY = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
_MONTH = re.compile(r"(?<!\d)((?:19|20)\d{2})年(\d{1,2})月(?!\d)")


def parse_date_line(text: str) -> str:
    """The first calendar date in a metadata line, ``YYYY-MM-DD`` (or ``YYYY-MM``); '' if none.

    >>> parse_date_line("2031年03月07日 09:41:25 浏览量：12次")
    '2031-03-07'
    """
    m: re.Match[str] | None
    for m in _DAY.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            return f"{y:04d}-{mo:02d}-{d:02d}"
    m = _MONTH.search(text)
    if m and 1 <= int(m.group(2)) <= 12:
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    return ""


@dataclass
class _Meta:
    date: str = ""
    source: str = ""
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    n_fields: int = 0  # labelled fields on the line

    @property
    def heads_an_article(self) -> bool:
        """A web article's metadata line (来源：… / 发布时间：… 浏览次数：…): the lines above it are its title."""
        return bool(self.source) or self.n_fields >= 2


def parse_meta_line(para: str) -> _Meta:
    """Date, source and authors of a metadata line.

    >>> m = parse_meta_line("2022-06-30 07:39:27 来源：浙江在线 记者 张三 通讯员 李四")
    >>> (m.date, m.source, m.reporters, m.correspondents)
    ('2022-06-30', '浙江在线', ['张三'], ['李四'])
    """
    lay = _layout()
    fields = list(lay.label_any.finditer(para))
    meta = _Meta(date=parse_date_line(para), n_fields=len(fields))
    pieces = [("", para[: fields[0].start()] if fields else para)]
    for n, m in enumerate(fields):
        label = m.group("label")
        value = para[m.end(): fields[n + 1].start() if n + 1 < len(fields) else len(para)]
        pieces.append((label, value.strip(" |｜丨")))
    listed: tuple[set, set] = (set(), set())  # the names in meta.reporters and meta.correspondents
    for label, value in pieces:
        if label in lay.source_labels and not meta.source:
            first = value.split()[0] if value.split() else ""
            first = _unbalanced(first)
            if first and first.lower() not in lay.source_ignore and not lay.person_label.match(first):
                meta.source = first
        names = ""
        if label in lay.author_labels:
            names = value
        else:
            pm = lay.person_label.search(value)
            if pm:
                names = value[pm.start():]
        if names:
            r, c, _, _ = _parse_byline(names)
            for have, seen, new in ((meta.reporters, listed[0], r), (meta.correspondents, listed[1], c)):
                add = [x for x in new if x not in seen]  # (a set: not a scan of the list per name)
                have += add
                seen.update(add)
    return meta


def _unbalanced(value: str) -> str:
    """A field value without the brackets around it or left open (钱塘年鉴（2022） keeps its own).
    Linear in the value, and an empty value (``来源：`` with nothing after it) stays empty.

    >>> _unbalanced("（云岭日报"), _unbalanced("云岭日报）"), _unbalanced("（云岭日报）"), _unbalanced("")
    ('云岭日报', '云岭日报', '云岭日报', '')
    """
    value = value.strip("【】[]，。 ")
    if not value.endswith(("）", ")")):  # openers left open at the start (an empty value stays empty)
        value = value.lstrip("（(")
    # closers at the end that close nothing: as many as there are closers beyond the openers
    excess = value.count("）") + value.count(")") - value.count("（") - value.count("(")
    trailing = len(value) - len(value.rstrip("）)"))
    if excess > 0 and trailing:
        value = value[:len(value) - min(excess, trailing)]
    if value[:1] and value[0] in "（(" and value[-1] in "）)":
        value = value[1:-1]
    return value.strip()

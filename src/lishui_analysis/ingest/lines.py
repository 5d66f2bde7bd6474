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
from ..vocab import regions_longest_first
from .layoutvocab import _BULLETS, _H, _NAME_RUN, _PAREN, _alt, _layout  # noqa: F401
from .byline_places import SIGN_OFF_STOP, drop_report_place
from .masthead_bylines import is_latin_date, is_latin_sentence, is_masthead_byline, is_transcript_masthead
from .furniture import (  # noqa: F401  (imported from here by other modules and tests)
    is_bare_date, is_channel_line, is_column_label, is_crumb_line, is_document_masthead, is_field_line, is_media_line, is_media_name, is_nav_line,
    is_name_dateline, is_page_masthead, is_photo_credit, is_pictograph_line, is_post_header, is_staff_line, is_url_line,
    strip_end_pictographs, is_counter_line, is_date_span, is_mention_line, is_post_time, is_code_field, is_commentator_line,
    is_issue_masthead, is_release_dateline,
)

TITLE_MAX = 50
# a word in Latin letters (an English title beside a Chinese one): one unit of a title's length, as a character is
_LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z'’.&-]*")
_SKIP = ("meta", "chrome", "captioned")
_BYLINES = ("byline_line", "byline_lead")


_REPORTED = re.compile(r"报道$")
#: A line ending in a comma or an enumeration comma stops inside a sentence (…向新而行、, an excerpt
#: cut off or a line the layout broke): never a title, whatever follows it.
_OPEN_CLAUSE = ("、", "，", ",")
_NAME_SEP = re.compile(r"[\s、，,/／:：|｜丨]+")
_HAN_RUN = re.compile(rf"[{_H}]+")
_PERSON_NAME = re.compile(_NAME_RUN)


@lru_cache(maxsize=1)
def _name_then_region() -> re.Pattern:
    return re.compile(rf"^([{_H}·]{{2,4}}?)(?:{_alt(regions_longest_first())})$")


def _parse_byline(text: str) -> tuple[list[str], list[str], bool, bool]:
    """``(reporters, correspondents, labelled, clean)`` of a byline; ``clean`` is False when a
    label is followed by something that is no name (记者走进… is a sentence, not a byline)."""
    lay = _layout()
    text = drop_report_place(SIGN_OFF_STOP.sub("", text.strip()))
    text = _POSTFIX_ROLE.sub(lambda m: f"{m.group(2) or m.group(3)}/{m.group(1)}", _REPORTED.sub("", text.strip()))
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
        if token in lay.counter_words and config.step_on("segment", "byline_counters"):
            break  # the page's counters after the names (作者：林小雨 阅读：3416): no name after them
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
        if not label and len(token) > 4 and config.step_on("segment", "sign_off_bylines"):
            m = lay.unit_label_name.match(token)  # 星河广播电视台记者林小雨: a unit, its label and a name run together
            if m:
                role = "reporter" if m.group("label") in lay.reporter_labels else "correspondent"
                labelled, glued = True, True
                token = m.group("name")
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
_BREADCRUMB = re.compile(r"^(?:首页|当前位置|您的位置|您现在的位置)\s*[>»/＞]|首页\s*[>»＞]")
_SECTION_NUMBER = re.compile(r"^0\d$")  # WeChat section marks 01 02 (a bare 10 or 50 may be a table cell)
_CHROME_SPLIT = re.compile(r"[\s|｜丨/【】\[\]()（）<>《》·:：,，]+")
_DECORATION = re.compile(r"[\s\-—–=*·•▼▲►◆■□●○_~]+")
_PAGE_NUMBER = re.compile(r"\s*[—–－-]+\s*\d{1,3}\s*[—–－-]+\s*")  # a printed document's page number in a PDF's text
_TRAILING_PAREN = re.compile(r"[（(][^（）()]{0,12}[）)]$")
_BYLINE_SLASH = re.compile(r"^(?:文|撰文|文字|图|摄影|图片)\s*[/／:：|｜丨]|(?:[/／]\s*|\s)(?:文|图|摄影?)(?:\s|$)")
# 张三/文 李四/摄: the role after the name becomes a label before it (文/张三 摄/李四)
# (after a space only at the line's end: in 通讯员 王大山 摄影 周青山, 摄影 labels the name after it)
_POSTFIX_ROLE = re.compile(rf"([{_H}·]{{2,4}})(?:\s*[/／]\s*(文|图|摄影|摄)(?=\s|$)|\s+(文|图|摄影|摄)$)")
# a line that names an author (文/X, X/文) is a byline even when it also credits a photo
_AUTHOR_ROLE = re.compile(r"(?:^|\s)(?:文|撰文|文字)\s*[/／:：|｜丨]|(?:[/／]\s*|\s)文(?:\s|$)")
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
    if config.step_on("segment", "unmark_bare_dates") and _is_date_line(para):
        return True
    if len(para) <= 80 and _TIMESTAMP.search(para) and not ends_sentence(para):
        return True
    return len(para) <= 100 and not ends_sentence(para) and bool(lay.label_any.search(para))


_BRACKETS = "（()）【】[]"


def _is_date_line(para: str) -> bool:
    """A date line by its form: in brackets (``（2031年5月6日）``, ``【2031-05-06】``) or after a date word
    with no colon (``发布于 2031-05-06``; ``date_words`` of ``layout.yaml``).

    >>> _is_date_line("（2031年5月6日）"), _is_date_line("发表于2031年5月6日 10:20"), _is_date_line("2031年开工")
    (True, True, False)
    """
    if len(para) > 60:
        return False
    core = para
    if para[:1] in _BRACKETS and para[-1:] in _BRACKETS:
        core = para[1:-1].strip()
    m = _layout().date_word.match(core)
    if m:
        core = core[m.end():]
    return core != para and bool(_DATE_LINE.match(core) or is_bare_date(core))


def _chrome_compound(token: str) -> bool:
    """A link label written as two or more chrome words of two characters or more run together (``[PDF全文]``,
    ``打印全文``, ``返回上一版``): a button, never a title (branch ``segment.chrome_compounds``). Linear: each
    position is tried against words of at most ``_CHROME_WORD_MAX`` characters.

    >>> _chrome_compound("pdf全文"), _chrome_compound("返回上一版"), _chrome_compound("全文公布云岭规划")
    (True, True, False)
    """
    n = len(token)
    if n < 4 or n > 24 or not config.step_on("segment", "chrome_compounds"):
        return False
    words = _layout().chrome_words
    parts = [0] + [-1] * n  # parts[i]: how many words make token[:i] (-1: none)
    for i in range(n):
        if parts[i] < 0:
            continue
        for j in range(i + 2, min(n, i + _CHROME_WORD_MAX) + 1):
            if token[i:j] in words and parts[j] < parts[i] + 1:
                parts[j] = parts[i] + 1
    return parts[n] >= 2


_CHROME_WORD_MAX = 6
_NOTICE_MAX = 60   # characters of a line holding a notice on rights and reposts (notice_phrases of layout.yaml)


def _is_chrome(para: str) -> bool:
    if len(para) > 60:
        return len(para) <= 200 and bool(_COPYRIGHT.match(para))
    if _DECORATION.fullmatch(para) or _PAGE_NUMBER.fullmatch(para):
        return True  # a rule of dashes or stars (——, * * *) between a page's parts; a page's number (— 2 —)
    lay = _layout()
    if _EPAPER_PAGE.match(para.lstrip(_BULLETS + " ")) or _BREADCRUMB.match(para) or _SECTION_NUMBER.match(para) or _BRACKET_LABEL.match(para):
        return True
    if lay.chrome_phrase.search(para) and not ends_sentence(para):
        return True
    if len(para) <= _NOTICE_MAX and config.step_on("segment", "notice_lines") and lay.notice_phrase.search(para):
        return True  # a page's notice on rights and reposts, a sentence or not (……转载请注明出处。)
    tokens = [t for t in _CHROME_SPLIT.split(para) if t]
    if tokens and all(t.lower() in lay.chrome_words or _chrome_compound(t.lower()) for t in tokens):
        return True
    # a photo caption or credit
    core = para.strip()
    if core[:1] in "（(" and core[-1:] in "）)":
        core = core[1:-1].strip()
    if lay.caption_start.match(core) or (lay.caption_mark.match(core) and not lay.person_label.search(core)):
        return True  # (▲ 项目开工现场: a caption pointing at the picture above it; ▲ 记者 X is a byline)
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
    if config.step_on("segment", "sign_off_bylines"):
        core = SIGN_OFF_STOP.sub("", core)
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


_BULLET_TITLE = re.compile(rf"^[{_BULLETS}]\s*【([^【】]{{2,30}})】$")


def is_bullet_title(para: str) -> bool:
    """A bullet and a title wholly in 【】, nothing else (◆【星河项目封顶】): an item's title in a bulletin.

    >>> is_bullet_title("◆【星河项目封顶】"), is_bullet_title("【县域动态】"), is_bullet_title("▲ 项目开工现场")
    (True, False, False)
    """
    return bool(_BULLET_TITLE.match(para))


def unwrap_bullet_title(para: str) -> str:
    """The title of a bulletin item's title line, without its bullet and brackets (◆【星河项目封顶】 → 星河项目封顶)."""
    m = _BULLET_TITLE.match(para)
    return m.group(1).strip() if m and config.step_on("segment", "bullet_items") else para



def _kind(para: str) -> str:
    """The kind of a line (see the module's docstring). A line shaped like a title that names where
    an article appears rather than what it says is furniture (:func:`_title_or_furniture`); an address
    is chrome whatever its length (branch ``segment.unmark_url_lines``)."""
    # (a short line is remembered: a site's furniture — bylines, column labels, navigation, share bars,
    # the outlet's name — recurs from page to page; a body paragraph is read at once, and never kept)
    return _kind_of(para, config.STEPS_OFF) if len(para) <= 100 else _kind_of.__wrapped__(para, config.STEPS_OFF)


@lru_cache(maxsize=4096)
def _kind_of(para: str, _steps_off: frozenset) -> str:
    """:func:`_kind`: a pure function of the line, the layout vocabulary (read once per process) and
    the steps switched off (in the key of what is remembered)."""
    if ("://" in para or "www." in para) and config.step_on("segment", "unmark_url_lines") and is_url_line(para):
        return "chrome"
    if config.step_on("segment", "bullet_items") and is_bullet_title(para):
        return "title"  # a bulletin item's title (◆【星河项目封顶】, ▲【一周速览】): no caption, no column label
    if config.step_on("segment", "unmark_pictograph_lines"):
        core = strip_end_pictographs(para)
        if core != para:
            return _kind(core)  # the line without the emoji decorating its end (……投产。💪)
    head = without_jump_tail(para)
    if head != para:
        return _kind(head)  # a paragraph's end with its jump line (……下线。（下转第3版）)
    if len(para) > 100 or (len(para) > 60 and ends_sentence(para)):
        # a body paragraph, unless a field (摘要：…) or a lead byline: no other kind is that long and closed
        if _layout().label_start.match(para):
            return "meta"
        return "byline_lead" if _layout().byline_lead.match(para) else "body"
    if _is_meta(para):
        return "meta"
    if " " not in para.lstrip(_BULLETS + " ") and config.step_on("segment", "unmark_column_labels") \
            and is_column_label(para):
        return "chrome"  # before bylines: 记者手记 is a column, not 记者 + a name
    if (_AUTHOR_ROLE.search(para) or _layout().person_label.match(para.lstrip(_BULLETS + " （("))) \
            and _is_byline_line(para):
        return "byline_line"  # (a byline naming its photographer too: 记者 X 通讯员 Y Z 摄)
    if _credit_start(para) is not None:
        return "captioned"
    if _is_chrome(para):
        return "chrome"
    if config.step_on("segment", "unmark_crumb_lines") and is_crumb_line(para):
        return "chrome"  # crumbs are no byline, whatever their first crumb ends in (云岭商讯 > 企业新闻 > 制造业)
    if _layout().byline_lead.match(para):
        return "byline_lead"
    if _is_byline_line(para):
        return "byline_line"
    if config.step_on("segment", "unmark_post_headers") and is_post_header(para):
        return "meta"
    if _NAMES_LINE.match(para) and _surnamed(para):
        return "meta" if config.step_on("segment", "unmark_staff_lines") and is_staff_line(para) else "names"
    if config.step_on("segment", "latin_sentences") and is_latin_sentence(para):
        return "body"  # a sentence of a bilingual page in Latin letters (Yunling, May 6 – … broke ground today.)
    if title_length(para) <= TITLE_MAX and not ends_sentence(para) and not _signed(para) \
            and not para.endswith(_OPEN_CLAUSE):
        if config.step_on("segment", "unmark_lead_openings") and _layout().lead_opening.match(para):
            return "body"  # a news lead's opening (日前，…), broken by the layout
        return _title_or_furniture(para)
    if _is_bang_title(para, 30) and not any(c in para for c in "，。；"):
        return "title"
    return "body"


def without_jump_tail(para: str) -> str:
    """A paragraph without the jump line closing it (……下线。（下转第3版）: an e-paper's article going on on another
    page), which it is read as (branch ``segment.jump_tails``): a finished sentence, never a title.

    >>> without_jump_tail("项目年底投产。（下转第3版）"), without_jump_tail("云岭大桥通车（一期）")
    ('项目年底投产。', '云岭大桥通车（一期）')
    """
    tail = _TRAILING_PAREN.search(para) if para.endswith(("）", ")")) else None
    if tail and tail.start() > 0 and _layout().jump_line.match(para[tail.start():]) \
            and config.step_on("segment", "jump_tails"):
        return para[:tail.start()].rstrip()
    return para


def title_length(para: str) -> int:
    """A line's length as a title's is measured: a character, or a word in Latin letters, is one unit (a
    bilingual title, ``Bridge opens in Yunling | 云岭大桥通车``, is no longer than its Chinese half read twice).

    >>> title_length("云岭大桥通车"), title_length("Bridge opens | 大桥通车")
    (6, 10)
    """
    return len(_LATIN_WORD.sub("x", para)) if config.step_on("segment", "latin_word_length") else len(para)


def _title_or_furniture(para: str) -> str:
    """``"title"`` for a line shaped like a title, unless its form says where the article appears:
    a column label is chrome (branch ``segment.unmark_column_labels``), a medium's name alone or with
    a date, or a document's masthead, is metadata (``segment.unmark_media_names``), so is a date without a year
    (``segment.unmark_bare_dates``) and a line of editors (``segment.unmark_staff_lines``); a
    photographer's credit is chrome (``segment.unmark_photo_credits``); an e-paper page's masthead is
    metadata (``segment.unmark_page_mastheads``), so are a period in brackets (``（5月6日—5月12日）``) and a post's
    time and app (``5-6 09:12 来自 …``); a post's counters (``转发 36 ｜ 评论 12``) and a mention (``@云岭发布``)
    are chrome (``segment.unmark_counter_lines``); a line led by a pictograph is a post's decorated
    heading or list item, body text (``segment.unmark_pictograph_lines``).

    >>> [_title_or_furniture(x) for x in ("要闻 |", "云岭日报 2031年5月6日", "5月6日", "图/林小雨", "云岭大桥通车")]
    ['chrome', 'meta', 'meta', 'chrome', 'title']
    >>> [_title_or_furniture(x) for x in ("云岭报 2031年5月6日 第07版：综合", "📍大桥现场")]
    ['meta', 'body']
    """
    if config.step_on("segment", "unmark_pictograph_lines") and is_pictograph_line(para):
        return "body"
    if config.step_on("segment", "unmark_column_labels") and (is_column_label(para) or is_nav_line(para)):
        return "chrome"
    if config.step_on("segment", "unmark_crumb_lines") and is_crumb_line(para):
        return "chrome"  # crumbs under no 首页 (云岭县公共资源交易中心 > 土地出让 > 成交结果)
    if config.step_on("segment", "unmark_channel_lines") and is_channel_line(para):
        return "chrome"  # an app's channel header (云岭观察 · 新闻)
    if config.step_on("segment", "unmark_media_names") and (is_media_line(para) or is_document_masthead(para)):
        return "meta"
    if config.step_on("segment", "unmark_bare_dates") and (is_bare_date(para) or is_date_span(para)):
        return "meta"
    if config.step_on("segment", "unmark_post_headers") and is_post_time(para):
        return "meta"
    if config.step_on("segment", "unmark_counter_lines") and (is_counter_line(para) or is_mention_line(para)):
        return "chrome"
    if config.step_on("segment", "unmark_page_mastheads") and is_page_masthead(para):
        return "meta"
    if config.step_on("segment", "masthead_forms") and (is_issue_masthead(para) or is_release_dateline(para)):
        return "meta"  # a periodical's issue (《云岭商业评论》2031年第9期), a release's dateline (【新闻稿】2031年9月24日，云岭)
    if config.step_on("segment", "unmark_name_datelines") and is_name_dateline(para):
        return "meta"  # a bulletin's dateline, a document's running header (云岭县星河经济开发区 2031年5月6日)
    if config.step_on("segment", "unmark_photo_credits") and is_photo_credit(para):
        return "chrome"
    if config.step_on("segment", "unmark_staff_lines") and is_staff_line(para):
        return "meta"
    if config.step_on("segment", "unmark_code_fields") and is_code_field(para):
        return "meta"  # a tender's or a project's number under its title (招标编号：YLZB-2031-SG-0506)
    if config.step_on("segment", "unmark_commentator_lines") and is_commentator_line(para):
        return "meta"  # an editorial's signature (本报评论员)
    if " " in para and config.step_on("segment", "masthead_bylines") and is_masthead_byline(para, _kind, _is_byline_line):
        return "meta"  # a medium, its date and a byline on one line (瓯江周刊 2031-05-06 文/本刊记者 林小雨)
    if config.step_on("segment", "latin_dates") and is_latin_date(para):
        return "meta"  # a date written in English on a bilingual page (May 6, 2031)
    if config.step_on("segment", "transcript_mastheads") and is_transcript_masthead(para):
        return "meta"  # a transcript's station, programme, day and genre (云岭电视台《云岭新闻》2031年5月6日 文字稿)
    return "title"


_NAME_TOKENS = re.compile(rf"[{_H}·]+")


def _surnamed(para: str) -> bool:
    """Does each name of a line of bare names start with a surname (``surnames`` of ``layout.yaml``)?
    A slogan of short phrases does not (拼经济 抓项目).

    >>> _surnamed("林小雨 欧阳一帆"), _surnamed("拼经济 抓项目")
    (True, False)
    """
    lay = _layout()
    return all(t[0] in lay.surnames or t.startswith(lay.compound_surnames)
               for t in _NAME_TOKENS.findall(para.replace("报道", "")))


def _signed(para: str) -> bool:
    """A sentence closed by its author's names in brackets (……开工。（记者 张晓）)."""
    lay = _layout()
    m = lay.trailing_byline.search(para) or lay.trailing_names.search(para)
    return m is not None and m.start() > 0 and ends_sentence(para[: m.start()])


_OPEN_QUOTE = re.compile(r"^“[^”]*”?")


def _is_bang_title(para: str, limit: int) -> bool:
    """A title that ends in ！ or ？ (顺利结顶！): short, no full stop, not a quotation — a line may open
    with a quoted phrase the title goes on from (“拼经济”靠的是什么？).

    >>> _is_bang_title("云岭大桥顺利合龙！", 30), _is_bang_title("“大桥合龙了！”", 30), _is_bang_title("“拼经济”的底气从哪来？", 30)
    (True, False, True)
    """
    if len(para) > limit or not _BANG_END.search(para) or "。" in para:
        return False
    m = _OPEN_QUOTE.match(para)
    # (a quoted phrase the line goes on from, not the whole line but its closing mark)
    return m is None or (config.step_on("segment", "quote_led_titles") and m.group().endswith("”")
                         and m.end() < len(para) - 1)


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
    original_title: str = ""  # the title a repost names as the original's (原标题：…)

    @property
    def heads_an_article(self) -> bool:
        """A web article's metadata line (来源：… / 发布时间：… 浏览次数：…): the lines above it are its title."""
        return bool(self.source) or self.n_fields >= 2


_ORIGINAL_TITLE = ("原标题", "原题")


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
        if label in _ORIGINAL_TITLE and not meta.original_title:
            meta.original_title = value.strip()
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

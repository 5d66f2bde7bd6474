"""Stage 3a — the lines that are never a title, by their form (issue #17 item 5).

What a line says about where an article appears — its column, its medium, its address, its date, its
photographer, its editors — is told by the line's form, one branch of :func:`.lines._kind` per form;
the words of each form are in ``data/layout.yaml``.
"""
from __future__ import annotations

import re

from .. import config
from .layoutvocab import _BULLETS, _H, _NAME_RUN, _layout

_PERSON_NAME = re.compile(_NAME_RUN)
_BARS = "|｜丨"
_BAR_END = re.compile(rf"^[{_BARS}]?\s*[^\s{_BARS}]{{1,12}}\s*[{_BARS}]$")
_CRUMBS = re.compile(r"^[^\s>»＞]{1,10}(?:\s*[>»＞]\s*[^\s>»＞]{1,12}){1,5}\s*[>»＞]?$")
_PAGE_LABEL = re.compile(r"^(?:第\s*)?[A-Za-z]{0,2}\d{1,3}\s*版(?:\s*[：:]?\s*[^\s：:]{1,10})?$")
# a page coded by a letter and its number, then its section, with no 版 (A03 澳闻, B2｜要闻: Hong Kong and Macau
# papers): a number written with its leading zero, or a section that is a column noun (G20 峰会开幕 is a title)
_PAGE_CODE = re.compile(rf"^[A-Z]{{1,2}}(0)?\d{{1,2}}(?:\s*[|｜丨:：]\s*|\s+)([{_H}]{{2,6}})$")
_URL_LINE = re.compile(rf"^(?:[{_H}]{{1,6}}\s*[：:]\s*)?(?:(?:https?|ftp)://|www\.)\S+$", re.IGNORECASE)
_CN_DIGIT = "〇○零一二三四五六七八九"
_BARE_DATE = re.compile(
    rf"^(?:\d{{1,2}}\s*月\s*\d{{1,2}}\s*日|\d{{2}}[-/]\d{{2}}"
    rf"|(?:[{_CN_DIGIT}]{{4}}年)?[一二三四五六七八九十]{{1,2}}月[一二三四五六七八九十]{{1,3}}日)"
    r"(?:\s*(?:星期|周)[一二三四五六日天])?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$")
_DATE_TOKEN = re.compile(
    r"^(?:\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}日?)?|\d{1,2}月\d{1,2}日|\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
    r"|\d{2}[-/]\d{2}|(?:星期|周)[一二三四五六日天]|第?[A-Za-z]?\d{1,3}版)$")
_NAMES = rf"{_NAME_RUN}(?:[\s、，,]+{_NAME_RUN}){{0,3}}"
_PHOTO_CREDIT = re.compile(rf"^(?:(?:图|图片|摄影|摄|摄像|视频)\s*[/／:：|｜]\s*{_NAMES}|{_NAMES}\s*[/／]\s*(?:图|图片|摄影|摄))$")
_CRUMB_SEP = re.compile(r"[>»＞]")
_DIGIT = re.compile(r"\d")
_CREDIT_SEP = re.compile(r"[/／:：|｜]")
_STAFF_SPLIT = re.compile(rf"[\s、，,{_BARS}/／：:]+")


def is_column_label(para: str) -> bool:
    """A column (section) label, never a title: a short line closed by a bar (``要闻 |``), bread
    crumbs (``新闻中心 > 县域新闻``), a page label (``A3版：要闻``), a jump line (``（下转第2版）``) or a
    short line ending in a section noun of ``layout.yaml`` (``本地要闻``, ``【县域动态】``, ``■ 记者手记``).

    >>> [is_column_label(x) for x in ("要闻 |", "新闻中心 > 县域新闻", "A3版：要闻", "【本地要闻】", "云岭大桥通车")]
    [True, True, True, True, False]
    >>> is_column_label("A03 澳闻"), is_column_label("B2｜要闻"), is_column_label("G20 峰会开幕")
    (True, True, False)
    >>> is_column_label("新闻发布会实录"), is_column_label("云岭县政务服务大厅搬迁实录")
    (True, False)
    >>> is_column_label("附件1"), is_column_label("附表二："), is_column_label("附件：云岭县重点项目计划表")
    (True, True, False)
    >>> is_column_label("#项目建设一线#"), is_column_label("#云岭县# #重大项目#"), is_column_label("#1号厂房封顶")
    (True, True, False)
    """
    p = para.strip()
    if len(p) > 16 and not _CRUMB_SEP.search(p):
        return False
    if _ATTACHMENT.match(p):
        return True  # a notice's attachment label over the attached table's title (附件1, 附表二：)
    if _BAR_END.match(p) or _CRUMBS.match(p) or _PAGE_LABEL.match(p):
        return True
    m = _PAGE_CODE.match(p)
    if m and (m.group(1) or m.group(2).endswith(_layout().column_nouns)) and config.step_on("segment", "page_codes"):
        return True  # a page's code and section (A03 澳闻, B2 要闻)
    if _TOPIC_TAGS.match(p) and config.step_on("segment", "topic_tag_lines"):
        return True  # a post's topic tags alone on a line (#项目建设一线#, #云岭县# #重大项目#), the column it files under
    if _layout().jump_line.match(p) or _layout().column_label.match(p):
        return True  # an e-paper's jump line (下转第2版), a topic's label (专题：项目攻坚年)
    core = p.strip(f"【】[]{_BARS}{_BULLETS} ")
    if 2 < len(core) <= 10 and core.endswith(_layout().record_nouns) and not _DIGIT.search(core):
        return True  # a transcript's genre over it (新闻发布会实录, 访谈实录)
    return 2 <= len(core) <= 6 and core.endswith(_layout().column_nouns) and not _DIGIT.search(core)


_TOPIC_TAGS = re.compile(r"^(?:[#＃][^#＃\s]{1,20}[#＃]\s*)+$")
_ATTACHMENT = re.compile(r"(?:附件|附表|附图)\s*[\d一二三四五六七八九十]*\s*[：:]?$")
_NAV_SPLIT = re.compile(r"[\s|｜丨·•>»＞/]+")
_NAV_NOT = re.compile(r"[\d，。；！？、：:,.;!?]")


_SITE_NAME_MAX = 16   # characters of a site's name opening its navigation or crumbs


def is_nav_line(para: str) -> bool:
    """A site's navigation bar: three or more short items (at most eight characters, no figures, no
    punctuation) of which one is a chrome word or a column of ``layout.yaml`` (首页, 返回; 要闻, 县域动态).

    >>> is_nav_line("首页 | 新闻 | 政务 | 服务"), is_nav_line("时政要闻 县域动态 图片新闻"), is_nav_line("山水筑底 创新赋能 共富先行")
    (True, True, False)
    >>> is_nav_line("云岭新材料行业协会 | 行业动态 | 会员之家")
    True
    """
    if len(para) > 60 or _NAV_NOT.search(para):
        return False
    items = [t for t in _NAV_SPLIT.split(para) if t]
    # (a site's name may open it, longer: 云岭新材料行业协会 | 行业动态 | 会员之家)
    first = _SITE_NAME_MAX if config.step_on("segment", "site_name_nav") else 8
    if len(items) < 3 or len(items[0]) > first or any(len(t) > 8 for t in items[1:]):
        return False
    lay = _layout()
    return any(t.lower() in lay.chrome_words or (len(t) >= 2 and t.endswith(lay.column_nouns)) for t in items)


_CHANNEL = re.compile(rf"^([{_H}]{{2,8}})\s*[·•|｜丨]\s*([{_H}]{{2,4}})$")


def is_channel_line(para: str) -> bool:
    """An app's or a site's channel header: a name and, after a dot or a bar, the channel the story is filed
    in, a column noun of ``layout.yaml`` alone (``云岭观察 · 新闻``, ``瓯江客户端｜要闻``): where the article
    appears, never its title. A title's two parts parted by a dot name no channel (``乡村振兴·云岭实践``).

    >>> is_channel_line("云岭观察 · 新闻"), is_channel_line("瓯江客户端｜要闻"), is_channel_line("乡村振兴·云岭实践")
    (True, True, False)
    """
    m = _CHANNEL.match(para.strip())
    return m is not None and m.group(2) in _layout().column_nouns


def is_media_name(name: str) -> bool:
    """The name of a medium: at most ten characters (a site's, fourteen) ending in a media suffix of
    ``layout.yaml`` (``云岭日报``, ``青田新闻网``, ``云岭发布``), not a common noun that ends the same way
    (``物联网``).

    >>> [is_media_name(x) for x in ("云岭日报", "【青田新闻网】", "云岭发布", "工业物联网", "云岭大桥通车")]
    [True, True, True, False, False]
    """
    lay = _layout()
    name = name.strip("【】[]《》 ")
    limit = 14 if name.endswith("网站") else 10  # (a site's name is longer: 云岭县人民政府门户网站)
    return 2 <= len(name) <= limit and bool(lay.media_name.fullmatch(name)) and not name.endswith(lay.not_media)


_TOKEN_SEP = re.compile(r"[\s·•|｜丨]+")
_ENDS_DECORATED = re.compile(r"^[\s\-—–·•*=~]+|[\s\-—–·•*=~]+$")


def _tokens(para: str) -> list[str]:
    """The tokens of a short header line: split at spaces, dots and bars, decorations around it gone."""
    return [t for t in _TOKEN_SEP.split(_ENDS_DECORATED.sub("", para)) if t]


def is_relative_time(token: str) -> bool:
    """A time as portals and apps print it (``3小时前``, ``昨天``, ``刚刚``).

    >>> is_relative_time("3小时前"), is_relative_time("昨天"), is_relative_time("三年前")
    (True, True, False)
    """
    return bool(_layout().relative_time.match(token))


def is_media_line(para: str) -> bool:
    """A masthead or source line: a medium's name alone or with a date, a time or its column (``云岭日报 2031年5月6日``,
    ``云岭在线 简讯`` — branch ``segment.media_column_lines``;
    ``云岭发布 · 2031-05-06``, ``— 云岭日报 —``), or a relative time alone or with a name (``3小时前``,
    ``2天前 · 云岭发布``, ``昨天 10:23``).

    >>> is_media_line("云岭日报 2031年5月6日 星期二"), is_media_line("云岭发布"), is_media_line("云岭日报社论")
    (True, True, False)
    >>> is_media_line("2天前 · 云岭发布"), is_media_line("— 云岭日报 —"), is_media_line("3小时前")
    (True, True, True)
    >>> is_media_line("云岭在线 简讯"), is_media_line("简讯")
    (True, False)
    """
    if len(para) > 40:
        return False
    tokens = _tokens(para)
    columns = _layout().column_nouns if config.step_on("segment", "media_column_lines") else ()
    if not tokens or not all(is_media_name(t) or _DATE_TOKEN.match(t) or is_relative_time(t) or t in columns
                             for t in tokens):
        return False
    return any(is_media_name(t) or is_relative_time(t) for t in tokens)


def is_document_masthead(para: str) -> bool:
    """An official document's masthead: its issuer's name and 文件 (``云岭县人民政府文件``), not a title
    that ends in the word (``云岭县出台一号文件``).

    >>> is_document_masthead("中共云岭县委办公室文件"), is_document_masthead("云岭县出台一号文件")
    (True, False)
    """
    return len(para) <= 30 and bool(_layout().doc_masthead.match(para.strip()))


def is_post_header(para: str) -> bool:
    """A WeChat post's header: a post mark of ``layout.yaml`` (原创, 转载) alone, or before the account's
    and the author's names and a date (``原创 云岭发布 林小雨 2031-05-06``).

    >>> is_post_header("原创 林小雨 云岭发布"), is_post_header("转载"), is_post_header("原创歌曲大赛开幕")
    (True, True, False)

    Two names or more after the mark may be any names, an author body's and its account's (``原创 云岭县投资促进局
    云岭招商``; branch ``segment.post_header_names``): a title does not open with 原创 and a space.

    >>> is_post_header("原创 云岭县投资促进局 云岭招商"), is_post_header("原创 云岭大桥今天通车")
    (True, False)
    """
    tokens = _tokens(para) if len(para) <= 40 else []
    if not tokens or tokens[0] not in _layout().post_marks or len(tokens) > 6:
        return False
    if len(tokens) >= 3 and config.step_on("segment", "post_header_names") \
            and all(_HAN_NAME.fullmatch(t) or _DATE_TOKEN.match(t) for t in tokens[1:]):
        return True
    return all(is_media_name(t) or _PERSON_NAME.fullmatch(t) or _DATE_TOKEN.match(t) for t in tokens[1:])


_HAN_NAME = re.compile(rf"[{_H}]{{2,16}}")   # a name of Han characters alone (an account's, a body's)


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



# Pictographs (emoji) a post sets as decoration: the emoji blocks, dingbats (✅ ✨ ➡) and miscellaneous
# symbols (☀ ⚡), not the geometric bullets and stars of bylines and captions (■ ● ▲ ★, ``_BULLETS``).
_PICTO = "\U0001F000-\U0001FAFF\u2700-\u27BF\u2600-\u2604\u2607-\u26FF\u2B00-\u2BFF\u3297\u3299"
_PICTO_MARKS = "\uFE0E\uFE0F\u200D\U0001F3FB-\U0001F3FF"  # variation selectors, joiners, skin tones
_PICTO_LEAD = re.compile(rf"^\s*[{_PICTO}]")
_PICTO_TAIL = re.compile(rf"[{_PICTO}{_PICTO_MARKS}\s]")  # (a character of the decoration closing a line)


def is_pictograph_line(para: str) -> bool:
    """A line led by a pictograph (📍项目现场, 💬你怎么看？, ✅5月 摘牌): a post's decorated heading, list
    item or prompt, never an article's title (a post's title carries no emoji before it).

    >>> is_pictograph_line("📍云岭大桥现场"), is_pictograph_line("✅6月 开工"), is_pictograph_line("■ 林小雨")
    (True, True, False)
    """
    return bool(_PICTO_LEAD.match(para))


def strip_end_pictographs(para: str) -> str:
    """A line without the pictographs decorating its end (……投产。💪 → ……投产。; 开工啦🎉🎉 → 开工啦).

    >>> strip_end_pictographs("云岭大桥今天通车。👏👏"), strip_end_pictographs("云岭大桥通车")
    ('云岭大桥今天通车。', '云岭大桥通车')
    """
    end = len(para)
    while end > 0 and _PICTO_TAIL.match(para, end - 1):  # (from the end, once over each character: linear)
        end -= 1
    return para[:end] if 0 < end < len(para) and para[end:].strip() else para


_PICTO_START = re.compile(rf"^(?:\s*[{_PICTO}][{_PICTO_MARKS}]*)+\s*")


def strip_start_pictographs(para: str) -> str:
    """A line without the pictographs opening it (🎉🎉云岭大桥今天通车 → 云岭大桥今天通车).

    >>> strip_start_pictographs("🎉🎉云岭大桥今天通车")
    '云岭大桥今天通车'
    """
    m = _PICTO_START.match(para)
    return para[m.end():] if m else para


# a field: a short label and a colon at the line's start or after a space (证券代码：600000 简称：云岭股份)
_FIELD = re.compile(rf"(?:^|(?<=\s))(?:[{_H}]{{2,6}}|[A-Za-z]{{2,12}})\s*[：:]\s*(?=\S)")
_PROSE = re.compile(r"[，。；！？,;!?]")


def is_field_line(para: str) -> bool:
    """A line of two or more labelled fields, each a short label, a colon and a short value, with no
    clause in it (``证券代码：600000 证券简称：云岭股份 公告编号：2031-012``, ``From: X Posted: 2031-05-06``):
    a record's header, never a title (one labelled part, ``云岭县：大桥通车``, is a title).

    >>> is_field_line("证券代码：600000 证券简称：云岭股份"), is_field_line("云岭县：星河项目开工 总投资8亿元")
    (True, False)
    """
    if len(para) > 80 or _PROSE.search(para):
        return False
    fields = list(_FIELD.finditer(para))
    return len(fields) >= 2 and fields[0].start() == 0 and all(
        0 < n.start() - m.end() <= 24 for m, n in zip(fields, fields[1:]))


_FULL_DATE = re.compile(r"^\d{4}\s*(?:年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2})$")
_EPAPER_PAGE = re.compile(r"^第?\s*[A-Za-z]{0,2}\d{1,3}\s*版(?:\s*[：:]\s*\S{1,12})?$")
_WEEKDAY = re.compile(r"^(?:星期|周)[一二三四五六日天]$")
_MASTHEAD_SPLIT = re.compile(r"\s*[|｜丨]\s*|\s+")  # (its parts parted by bars: 云岭晚报 | 2031.04.02 | B05 城市)
_PAGE_SECTION = re.compile(r"版\s*[：:]\s*\S")
_LETTER_PAGE = re.compile(r"^[A-Z]{1,2}0\d$")  # a page coded by a letter and a number with its leading zero (A07)
_PAPER_NAME = re.compile(rf"^[{_H}]{{2,10}}$")
_SECTION_NAME = re.compile(rf"^[{_H}]{{2,6}}(?:[·・][{_H}]{{2,6}})?$")


def is_page_masthead(para: str) -> bool:
    """An e-paper page's masthead: a paper's name, the issue's date and the page (``云岭报 2031年5月6日
    星期二 第03版：要闻``), in any order, whatever the paper's name ends in.

    >>> is_page_masthead("云岭报 2031年5月6日 星期二 第03版：要闻"), is_page_masthead("2031-05-06 A2版")
    (True, True)
    >>> is_page_masthead("云岭晚报 2031年5月6日 第7版 城建·园区"), is_page_masthead("云岭报 2031年5月6日 第7版 综合")
    (True, True)
    >>> is_page_masthead("云岭县第3版规划出台 2031年5月6日")
    False
    >>> is_page_masthead("云岭晚报 2031年4月2日 B05 城市·生活"), is_page_masthead("云岭经济 第05版：产业观察")
    (True, True)
    >>> is_page_masthead("云岭晚报 | 2031.04.02 | B05 城市")
    True
    """
    if len(para) > 40:
        return False
    tokens = _MASTHEAD_SPLIT.split(para.strip()) if config.step_on("segment", "masthead_forms") else para.split()
    date = page = names = section = 0
    after_page = False
    codes = config.step_on("segment", "masthead_forms")
    for t in tokens:
        if _FULL_DATE.match(t):
            date += 1
        elif _EPAPER_PAGE.match(t) or (codes and _LETTER_PAGE.match(t)):
            page += 1
            section += bool(_PAGE_SECTION.search(t))
        elif after_page and _SECTION_NAME.match(t):
            section += 1  # the page's section named after it without a colon: 第3版 综合, 第07版 经济·园区
        elif _PAPER_NAME.match(t) and not _WEEKDAY.match(t):
            names += 1
        elif not _WEEKDAY.match(t):
            return False
        after_page = bool(_EPAPER_PAGE.match(t) or (codes and _LETTER_PAGE.match(t)))
    # (the issue's date may stand on a line of its own under a paper's name, its page and the page's section:
    # 云岭经济 第05版：产业观察 / 2031年5月6日 星期四; a name and a page alone, 云岭日报社论 第2版, may be a title)
    return page == 1 and (date == 1 and names <= 1 or codes and date == 0 and names == 1 and section == 1)


_DATELINE_NAME = re.compile(rf"^[{_H}（）()]{{2,30}}$")
_HAN_DATE = re.compile(r"^\d{4}年\d{1,2}月\d{1,2}日$")
_NUM_DATE = re.compile(r"^\d{4}([-/.])\d{1,2}\1\d{1,2}$")  # 2031-05-06, 2031/5/6, 2031.05.06
_CLOCK = re.compile(r"^\d{1,2}[:：]\d{2}(?:[:：]\d{2})?$")


def is_name_dateline(para: str) -> bool:
    """A place's or an issuer's name and a full date, nothing else (``云岭县星河经济开发区 2031年5月6日``): the
    dateline of a bulletin or a document's running header, never a title (a title says what happened); a
    medium's name with a date is the masthead that :func:`is_media_line` reads.

    >>> is_name_dateline("云岭县星河经济开发区 2031年5月6日"), is_name_dateline("云岭大桥 今天通车")
    (True, False)
    >>> is_name_dateline("云岭县人民政府 2031-05-06"), is_name_dateline("云岭县人民政府 2031/5/6 10:20")
    (True, True)
    """
    tokens = para.split()
    record = len(tokens) == 3 and tokens[2].endswith(_layout().record_nouns) \
        and config.step_on("segment", "transcript_mastheads")
    if record:
        tokens = tokens[:2]  # (a broadcast's transcript: the programme, the date, its genre: 云岭新闻联播 2031年5月6日 文字稿)
    if len(tokens) == 3 and _CLOCK.match(tokens[2]) and config.step_on("segment", "numeric_datelines"):
        tokens = tokens[:2]  # (a portal's issuer, date and time: 云岭县人民政府 2031-05-06 10:20)
    if len(tokens) != 2 or len(para) > 45 or not _DATELINE_NAME.match(tokens[0]) \
            or (is_media_name(tokens[0]) and not record) \
            or _layout().date_word.match(para):
        return False  # (a date word is no name: 发布于 2031-05-06 is a date line's)
    return bool(_HAN_DATE.match(tokens[1])
                or (_NUM_DATE.match(tokens[1]) and config.step_on("segment", "numeric_datelines")))


def is_crumb_line(para: str) -> bool:
    """Bread crumbs, a page's place in its site (``首页 > 新闻中心 > 县域动态``, ``当前位置：首页 > 信息公开 >
    项目建设``, ``Home > Press > 会员动态``): two or more crumb marks and no clause.

    >>> is_crumb_line("当前位置：首页 > 信息公开 > 项目建设"), is_crumb_line("查看更多 >"), is_crumb_line("云岭大桥通车")
    (True, False, False)
    """
    return (len(para) <= 100 and len(_CRUMB_SEP.findall(para)) >= 2 and not _PROSE.search(para)
            and "<" not in para)  # (angle brackets in pairs are markup or a comparison: 云岭<b>大桥</b>通车)


_COUNT = r"\d[\d,.]*\s*[万亿wWkK]?\+?"
_COUNTER = re.compile(rf"^([{_H}]{{1,3}})[：:]?({_COUNT})?$")


def is_counter_line(para: str) -> bool:
    """A social post's or an account's counters: two or more pairs of a counter word of ``layout.yaml`` and
    a number (``粉丝 3.2万 关注 120 微博 5,210``, ``转发 41 ｜ 评论 7 ｜ 赞 95``), nothing else: chrome.

    >>> is_counter_line("粉丝 3.2万 关注 120 微博 5,210"), is_counter_line("转发 36 | 评论 12 | 赞 208")
    (True, True)
    >>> is_counter_line("关注 12个重点项目")
    False
    """
    if len(para) > 80:
        return False
    tokens = [t for t in _TOKEN_SEP.split(para) if t]
    words = _layout().counter_words
    pairs = 0
    n = 0
    while n < len(tokens):  # a word and its number, as one token (粉丝3.2万) or two (粉丝 3.2万)
        t = tokens[n]
        m = _COUNTER.match(t)
        if not m or m.group(1) not in words:
            return False
        if m.group(2) is None:
            if n + 1 >= len(tokens) or not re.fullmatch(_COUNT, tokens[n + 1]):
                return False
            n += 1
        pairs += 1
        n += 1
    return pairs >= 2


_DAY_TOKEN = r"(?:\d{4}\s*[年/.-]\s*)?(?:\d{1,2}\s*[月/.-]\s*)?\d{1,2}\s*日?"
_DATE_SPAN = re.compile(rf"^[（(【\[]?\s*{_DAY_TOKEN}\s*(?:[—–－~～-]+|至|到)\s*{_DAY_TOKEN}\s*[）)】\]]?$")


def is_date_span(para: str) -> bool:
    """The period a brief or a digest covers, two dates joined by a dash or 至 (``（5月6日—5月12日）``,
    ``2031.05.06-05.12``): a date line, never a title or a subheadline.

    >>> is_date_span("（5月6日—5月12日）"), is_date_span("2031年5月6日至12日"), is_date_span("5月6日开工")
    (True, True, False)
    """
    return len(para) <= 40 and any(c.isdigit() for c in para) and bool(_DATE_SPAN.match(para.strip()))


_POST_TIME = re.compile(rf"^(?:(?:{_DAY_TOKEN}|今天|昨天|前天)?\s*\d{{1,2}}[:：]\d{{2}}|\d{{1,3}}\s*(?:分钟|小时|天)前|刚刚)"
                        rf"\s*来自\s*\S[^，。；！？]{{0,20}}$")


def is_post_time(para: str) -> bool:
    """A social post's time (a clock time, or a time ago) and the app it was sent from (``5-6 09:12 来自
    iPhone客户端``, ``昨天 21:16 来自 网页``, ``3小时前 来自 …``): the header of one post of a thread, metadata.

    >>> is_post_time("5-6 07:31 来自 安卓手机"), is_post_time("5月6日来自全县的项目集中开工")
    (True, False)
    """
    return len(para) <= 40 and bool(_POST_TIME.match(para.strip()))


_LABEL_SPLIT = re.compile(r"[\s>»＞|｜丨·•/：:、,，（）()【】\[\]]+")


def page_labels(lines) -> frozenset:
    """The words a page's chrome and metadata lines print (its crumbs, its navigation, its source, its site's
    name): a label before a bar opening a headline that is one of them is where the page appears, not what
    it says (:func:`.articles._drop_page_label`).

    >>> sorted(page_labels(["首页 > 要闻 > 云岭", "来源：云岭晨报"]))
    ['云岭', '云岭晨报', '来源', '要闻', '首页']
    """
    return frozenset(t for line in lines if len(line) <= 100 for t in _LABEL_SPLIT.split(line) if 2 <= len(t) <= 10)


_MENTION = re.compile(r"^@[^\s@，。]{2,20}$")


def is_mention_line(para: str) -> bool:
    """A social post's mention of an account on a line of its own (``@云岭发布``): chrome, never a title.

    >>> is_mention_line("@云岭发布"), is_mention_line("云岭发布")
    (True, False)
    """
    return bool(_MENTION.match(para.strip()))


# a single field whose value is a code of letters and figures (招标编号：YLZB-2031-SG-0506): a record's number
_CODE_FIELD = re.compile(rf"^[{_H}\s]{{2,10}}[：:]\s*(?P<code>[A-Za-z0-9][A-Za-z0-9\-_/.]{{3,40}})$")
_CODE_MARK = re.compile(r"[A-Za-z\-_/]")  # (a bare number, 星河园区：2031, is no code)


def is_code_field(para: str) -> bool:
    """A line of one field whose value is a code of figures and Latin letters or dashes (``招标编号：
    YLZB-2031-SG-0506``, ``项目代码：2031-330000-04``): a tender's or a project's number under its title, never a title.

    >>> is_code_field("招标编号：YLZB-2031-SG-0506"), is_code_field("云岭县：G60科创走廊再添新项目")
    (True, False)
    """
    m = _CODE_FIELD.match(para.strip())
    return m is not None and bool(_DIGIT.search(m.group("code"))) and bool(_CODE_MARK.search(m.group("code")))


def is_commentator_line(para: str) -> bool:
    """An editorial's signature, an outlet and its commentator with no name (``本报评论员``, ``云岭日报特约评论员``:
    ``commentator_labels`` of ``layout.yaml``): who signs the piece under its title, never a title.

    >>> is_commentator_line("本报评论员"), is_commentator_line("云岭日报评论员"), is_commentator_line("评论员观察")
    (True, True, False)
    """
    lay = _layout()
    m = lay.commentator.match(para.strip())
    return m is not None and (m.group("outlet") in lay.commentator_outlets or m.group("outlet") == ""
                              or is_media_name(m.group("outlet")))


_SECTION_HEADING = re.compile(r"^(?:第[一二三四五六七八九十百\d]{1,4}[章节篇]|[一二三四五六七八九十]{1,3}、|"
                              r"[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}(?:\.\d{1,2})*\s*[.．、]?\s)\s*\S")


def is_section_heading(para: str) -> bool:
    """A numbered heading of a document's sections (``第三节 管理层讨论与分析``, ``一、项目概况``, ``（二）…``,
    ``1. 招标条件``, ``2.1 建设规模``): under a document's title it opens the document's first section, never a
    second title line of it (branch ``segment.section_heading_end``).

    >>> is_section_heading("第三节 管理层讨论与分析"), is_section_heading("1. 招标条件"), is_section_heading("第五届云岭论坛开幕")
    (True, True, False)
    """
    return len(para) <= 30 and bool(_SECTION_HEADING.match(para.strip()))


_ISSUER_NAME = re.compile(rf"^[{_H}（）()]{{4,30}}$")


def is_issuer_line(para: str) -> bool:
    """A line that is one issuer's name alone (``云岭县统计局``, ``国家统计局云岭调查队``: ``issuer_suffixes`` of
    ``layout.yaml``), as the signatories of a document print it under its title.

    >>> is_issuer_line("国家统计局云岭调查队"), is_issuer_line("云岭县统计公报")
    (True, False)
    """
    p = para.strip()
    return bool(_ISSUER_NAME.match(p)) and p.endswith(_layout().issuers)


_ISSUE_MASTHEAD = re.compile(rf"^(?:《[^《》]{{2,20}}》|[{_H}]{{2,12}}\s*[|｜丨·•]?)\s*(?:\d{{4}}\s*年\s*)?(?:第\s*\d{{1,3}}\s*期|总第\s*\d{{1,4}}\s*期)"
                             rf"(?:(?:\s*[|｜丨·•:：]\s*|\s+)[{_H}]{{2,8}})?$")


def is_issue_masthead(para: str) -> bool:
    """A periodical's masthead: its name (in 《》 or not), the issue (2031年第9期) and perhaps the column after a
    bar (``《云岭商业评论》2031年第9期 | 封面故事``, ``云岭商业评论 | 2031年第9期``): where the piece appears, never
    its title.

    >>> is_issue_masthead("《云岭商业评论》2031年第9期 | 封面故事"), is_issue_masthead("《云岭规划》第3期出台")
    (True, False)
    >>> is_issue_masthead("云岭商业评论 | 2031年第9期"), is_issue_masthead("云岭县第3期培训班开班")
    (True, False)
    """
    return len(para) <= 50 and bool(_ISSUE_MASTHEAD.match(para.strip()))


_RELEASE_DATE = r"\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
_RELEASE_DATELINE = re.compile(rf"^(?:【[^【】]{{1,8}}】)?\s*(?:{_RELEASE_DATE}\s*[，,]\s*[{_H}]{{2,10}}"
                               rf"|[{_H}]{{2,10}}\s*[，,]\s*{_RELEASE_DATE})$")


def is_release_dateline(para: str) -> bool:
    """A press release's dateline: the day and the place it is issued from, perhaps after a label in 【】
    (``【新闻稿】2031年9月24日，中国云岭``, ``云岭，2031年9月24日``): metadata, never a title or a subheadline.

    >>> is_release_dateline("【新闻稿】2031年9月24日，中国云岭"), is_release_dateline("2031年9月24日云岭大桥通车了吗")
    (True, False)
    """
    return len(para) <= 40 and bool(_RELEASE_DATELINE.match(para.strip()))

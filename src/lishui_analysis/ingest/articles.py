"""Stage 3b — write one article from its lines: its titles, byline, reporters,
own date, source and body.

:func:`.segment.segment_page` finds where each article of a page starts and which lines are
its titles, then hands each article's lines to :func:`write_article`, which runs the
:data:`ARTICLE_STEPS`; the step ``read_body_lines`` runs the :data:`LINE_STEPS` over each line.
Every step is named ``"segment.<function name without underscore>"`` (stage ``"segment"``,
the same as the page steps) and can be switched off by name
(:func:`lishui_analysis.config.active_steps`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import cast

from .. import config
from .clean import ends_sentence, repair_breaks
from .lines import _BULLETS, _ENGLISH_BYLINE, _SKIP, _credit_start, _layout, _Meta, is_media_name, parse_byline_names
from .titles import (  # noqa: F401  (imported from here by other modules and tests)
    _DASH_LEAD, _as_subheadline, _by_role_labels, _is_kicker_form, _is_subheadline, _split_titles, _stacked_titles,
)


@dataclass
class Article:
    seq: int
    kicker: str = ""
    headline: str = ""
    subheadline: str = ""
    byline: str = ""
    reporters: list[str] = field(default_factory=list)
    correspondents: list[str] = field(default_factory=list)
    body: str = ""
    pub_date: str = ""   # the article's own date line (发布时间：2024-12-09), YYYY[-MM[-DD]]
    source: str = ""     # the media it names as its source (来源：浙江日报)


# ---------------------------------------------------------------- drafts
@dataclass
class Draft:
    """What the article steps (and the line steps) share while one article is written. The
    page's lines, their kinds and metadata fields, and its date and source are the page's own
    (shared by every article of the page, never changed here)."""
    paras: list[str]                          # the page's lines
    kinds: list[str]                          # their kinds (.lines._kind)
    lines: range                              # the article's lines: from its start to the next
    groups: list[list[int]] = field(default_factory=list)  # its title lines, grouped into titles
    metas: dict[int, _Meta] = field(default_factory=dict)  # the page's metadata lines, read
    date: str = ""                            # the page's date for all its articles
    source: str = ""                          # the page's source for all its articles
    art: Article = field(default_factory=lambda: Article(seq=1))
    body: list[str] = field(default_factory=list)          # its body paragraphs so far
    dateline: tuple[int, int] | None = None   # month and day of an agency dateline (…5月5日电)
    titles: set[int] = field(init=False)      # the indices of its title lines
    #: the names of the article's reporters and correspondents as sets (:func:`_extend`)
    named: dict = field(default_factory=dict, repr=False, compare=False)
    labels: frozenset = frozenset()           # the words the page's chrome and metadata print (page_labels)

    def __post_init__(self) -> None:
        self.titles = {x for g in self.groups for x in g}


def write_article(d: Draft, steps: tuple | None = None) -> Article:
    """Run the article ``steps`` (the :data:`ARTICLE_STEPS` not switched off, by default) on
    ``d``; the article's body is its paragraphs joined by newlines.

    >>> d = Draft(["云岭大桥通车", "日前，大桥通车。"], ["title", "body"], range(2), [[0]])
    >>> art = write_article(d); (art.headline, art.body)
    ('云岭大桥通车', '日前，大桥通车。')
    """
    for step in config.active_steps("segment", ARTICLE_STEPS) if steps is None else steps:
        step(d)
    d.art.body = "\n".join(p for p in d.body if p)
    return d.art


# ---------------------------------------------------------------- article steps
def _name_titles(d: Draft) -> None:
    """Kicker, headline and subheadline from the article's title groups (:func:`_split_titles`).

    >>> d = Draft(["瓯江口新区", "云岭大桥通车"], ["title", "title"], range(2), [[0], [1]])
    >>> _name_titles(d); (d.art.kicker, d.art.headline, d.art.subheadline)
    ('瓯江口新区', '云岭大桥通车', '')
    """
    paras = d.paras
    d.art.kicker, d.art.headline, d.art.subheadline = _split_titles(["".join(paras[x] for x in g) for g in d.groups])


# a medium's name before a title (云岭网：…, 云岭发布 | …, 【云岭新闻】…) or after it (…_云岭新闻网)
# (glued by a dash, 标题-云岭日报, 标题——云岭新闻网, or by a space before the title, 云岭新闻网 标题)
_MEDIA_PREFIX = re.compile(r"^(?:【(?P<bracketed>[^】]{2,10})】|(?P<name>[^\s：:|｜丨【】]{2,10})\s*[：:|｜丨]"
                           r"|(?P<spaced>[^\s：:|｜丨【】]{2,10})\s)\s*")
_MEDIA_SUFFIX = re.compile(r"\s*(?:[_|｜丨]|[-—–－]+)\s*(?P<name>[^\s_|｜丨\-—–－]{2,10})$")


def _portal_owner(m: re.Match[str]) -> bool:
    """A government portal's owner after an underscore closing a browser title (…的公示_云岭县人民政府): an
    issuer's name (``issuer_suffixes`` of ``layout.yaml`` of two characters or more), the site, not the title."""
    name = m.group("name")
    return m.group(0).lstrip().startswith("_") and len(name) >= 4 \
        and name.endswith(_layout().portal_owners)


def _drop_media_name(d: Draft) -> None:
    """A headline loses the name of a medium before or after it (云岭网：云岭大桥通车, 【云岭发布】…,
    云岭大桥通车_云岭新闻网; :func:`.lines.is_media_name`); a column or place before it stays
    (县域动态 | …, 云岭县：…), as the page writes it.

    >>> d = Draft([], [], range(0), art=Article(seq=1, headline="云岭新闻网：云岭大桥今天通车"))
    >>> _drop_media_name(d); d.art.headline
    '云岭大桥今天通车'
    >>> d = Draft([], [], range(0), art=Article(seq=1, headline="关于星河项目的公示_云岭县人民政府"))
    >>> _drop_media_name(d); d.art.headline
    '关于星河项目的公示'
    """
    head = d.art.headline
    m = _MEDIA_PREFIX.match(head)
    name = m and (m.group("bracketed") or m.group("name") or m.group("spaced"))
    # (before a space, a section's name ending like a medium's stays: 县域新闻 …)
    if m and name and is_media_name(name) and len(head) - m.end() >= 5 \
            and not (m.group("spaced") and name.endswith(_layout().column_nouns)):
        head = head[m.end():]
    m = _MEDIA_SUFFIX.search(head)
    if m and (is_media_name(m.group("name")) or _portal_owner(m)) and m.start() >= 5:
        head = head[: m.start()]
    d.art.headline = head


# a label before a bar opening a headline (要闻｜…, 云岭晨报丨…)
_BAR_LABEL = re.compile(r"^(?P<label>[^\s|｜丨]{2,10})\s*[|｜丨]\s*")


def _drop_page_label(d: Draft) -> None:
    """A headline loses the label before a bar opening it when the page prints that label in its chrome or
    metadata (its crumbs ``首页 > 要闻``, its navigation, ``来源：云岭晨报``): a column's or a medium's name, where
    the article appears; a label the page names nowhere else stays as written (动态 | …, a post's series).

    >>> d = Draft([], [], range(0), art=Article(seq=1, headline="要闻｜云岭大桥今天通车"), labels=frozenset({"要闻"}))
    >>> _drop_page_label(d); d.art.headline
    '云岭大桥今天通车'
    """
    m = _BAR_LABEL.match(d.art.headline)
    if m and m.group("label") in d.labels and len(d.art.headline) - m.end() >= 5:
        d.art.headline = d.art.headline[m.end():]


# a label in black lenticular brackets opening a headline (【云岭新闻联播】…, 【县域动态】…): one word, no space
_BRACKET_LABEL = re.compile(r"^【(?P<label>[^】\s]{2,10})】\s*")


def _drop_bracket_label(d: Draft) -> None:
    """A headline loses the label in 【】 that opens it: the brackets mark a column's, a programme's or a
    medium's name (【云岭新闻联播】云岭大桥通车 → 云岭大桥通车); a slogan of phrases in them stays
    (【山水筑底 创新赋能】…), so does a headline that is the label alone.

    >>> d = Draft([], [], range(0), art=Article(seq=1, headline="【云岭新闻联播】瓯江口新区：云岭大桥通车"))
    >>> _drop_bracket_label(d); d.art.headline
    '瓯江口新区：云岭大桥通车'
    """
    m = _BRACKET_LABEL.match(d.art.headline)
    if m and len(d.art.headline) - m.end() >= 5:
        d.art.headline = d.art.headline[m.end():]


def _title_from_original(d: Draft) -> None:
    """An article with no title line takes the title its repost header names as the original's
    (原标题：…): the first that its lines, or the metadata lines right above it, name.

    >>> d = Draft(["原标题：云岭大桥今天通车"], ["meta"], range(1), metas={0: _Meta(original_title="云岭大桥今天通车")})
    >>> _title_from_original(d); d.art.headline
    '云岭大桥今天通车'
    """
    if d.art.headline:
        return
    top = d.lines.start  # its header: its own lines and the metadata, chrome and captions right above it
    while top > 0 and d.kinds[top - 1] in _SKIP:
        top -= 1
    d.art.headline = next((d.metas[x].original_title for x in range(top, d.lines.stop)
                           if x in d.metas and d.metas[x].original_title), "")


def _read_body_lines(d: Draft) -> None:
    """Run the :data:`LINE_STEPS` over each line of the article but its titles; a step returns
    the line (maybe shortened) or None when it took the whole line; what is left is a body
    paragraph.

    >>> d = Draft(["云岭大桥通车", "记者 林小雨", "日前，大桥通车。"], ["title", "byline_line", "body"], range(3), [[0]])
    >>> _read_body_lines(d); (d.body, d.art.reporters)
    (['日前，大桥通车。'], ['林小雨'])
    """
    paras = d.paras
    steps = config.active_steps("segment", LINE_STEPS)
    for idx in d.lines:
        if idx in d.titles:
            continue
        para: str | None = paras[idx]
        for step in steps:
            para = step(d, idx, para)
            if para is None:
                break
        else:
            d.body.append(cast(str, para))  # no step returned None


def _take_closing_names(d: Draft) -> None:
    """Names in brackets closing the body's last sentence (……投产。（林小雨 王大山）) are its
    authors, unless the bracket is a word such as 完 or 待续.

    >>> d = Draft([], [], range(0), body=["云岭大桥今天通车。（林小雨 王大山）"])
    >>> _take_closing_names(d); (d.body, d.art.reporters, d.art.byline)
    (['云岭大桥今天通车。'], ['林小雨', '王大山'], '（林小雨 王大山）')
    """
    body, lay = d.body, _layout()
    m = lay.trailing_names.search(body[-1]) if body else None
    if m and ends_sentence(body[-1][: m.start()]) and m.group(1) not in lay.not_names:
        _extend(d, *parse_byline_names(m.group(1)))
        d.art.byline = d.art.byline or m.group(0)
        body[-1] = body[-1][: m.start()].rstrip()


def _mend_broken_paragraphs(d: Draft) -> None:
    """Join body paragraphs the layout broke inside a sentence (:func:`.clean.repair_breaks`);
    empty paragraphs go.

    >>> d = Draft([], [], range(0), body=["云岭大桥总投资", "", "8.5亿元。"])
    >>> _mend_broken_paragraphs(d); d.body
    ['云岭大桥总投资8.5亿元。']
    """
    d.body = repair_breaks([p for p in d.body if p])


def _inherit_page_date(d: Draft) -> None:
    """An article with no date line of its own takes the page's date.

    >>> d = Draft([], [], range(0), date="2031-05-06")
    >>> _inherit_page_date(d); d.art.pub_date
    '2031-05-06'
    """
    d.art.pub_date = d.art.pub_date or d.date


def _date_by_dateline(d: Draft) -> None:
    """An agency dateline (云岭网青田5月5日电) dates the article that day, in its date's year
    (:func:`_dated`).

    >>> d = Draft([], [], range(0), art=Article(seq=1, pub_date="2031-05-06"), dateline=(5, 5))
    >>> _date_by_dateline(d); d.art.pub_date
    '2031-05-05'
    """
    d.art.pub_date = _dated(d.art.pub_date, d.dateline)


def _inherit_page_source(d: Draft) -> None:
    """An article that names no source of its own takes the page's.

    >>> d = Draft([], [], range(0), source="云岭日报")
    >>> _inherit_page_source(d); d.art.source
    '云岭日报'
    """
    d.art.source = d.art.source or d.source


#: The steps that write one article, in order (stage ``"segment"``).
ARTICLE_STEPS = (_name_titles, _title_from_original, _drop_media_name, _drop_page_label, _drop_bracket_label,
                 _read_body_lines,
                 _take_closing_names, _mend_broken_paragraphs, _inherit_page_date, _date_by_dateline, _inherit_page_source)


# ---------------------------------------------------------------- line steps
def _drop_chrome(d: Draft, idx: int, para: str) -> str | None:
    """Chrome (分享到 微信 微博, 第A1版, 点击蓝字关注) is no part of the article.

    >>> d = Draft(["分享到 微信 微博"], ["chrome"], range(1))
    >>> _drop_chrome(d, 0, "分享到 微信 微博") is None
    True
    """
    return None if d.kinds[idx] == "chrome" else para


def _cut_caption_credit(d: Draft, idx: int, para: str) -> str | None:
    """A caption sentence keeps its text, not the photo credit closing it (……开工仪式。林小雨 摄).

    >>> d = Draft(["云岭大桥开工仪式现场。林小雨 摄"], ["captioned"], range(1))
    >>> _cut_caption_credit(d, 0, "云岭大桥开工仪式现场。林小雨 摄")
    '云岭大桥开工仪式现场。'
    """
    if d.kinds[idx] == "captioned":
        return para[: _credit_start(para)].rstrip()
    return para


def _take_meta_line(d: Draft, idx: int, para: str) -> str | None:
    """A metadata line gives the article its date, source and authors (the first of each),
    and is no part of the body.

    >>> d = Draft(["来源：云岭日报 记者 林小雨"], ["meta"], range(1),
    ...           metas={0: _Meta(source="云岭日报", reporters=["林小雨"])})
    >>> _take_meta_line(d, 0, "来源：云岭日报 记者 林小雨"), d.art.source, d.art.reporters
    (None, '云岭日报', ['林小雨'])
    """
    if d.kinds[idx] != "meta":
        return para
    meta = d.metas.get(idx)
    if meta is not None:
        d.art.pub_date = d.art.pub_date or meta.date
        d.art.source = d.art.source or meta.source
        _extend(d, meta.reporters, meta.correspondents)
    return None


def _take_byline_line(d: Draft, idx: int, para: str) -> str | None:
    """A byline line (记者 林小雨 通讯员 王大山; By Lin Xiaoyu) gives the article its reporters
    and correspondents and its byline (the first), and is no part of the body.

    >>> d = Draft(["■ 记者 林小雨 通讯员 王大山"], ["byline_line"], range(1))
    >>> _take_byline_line(d, 0, "■ 记者 林小雨 通讯员 王大山"), d.art.reporters, d.art.correspondents
    (None, ['林小雨'], ['王大山'])
    """
    if d.kinds[idx] != "byline_line":
        return para
    m = _ENGLISH_BYLINE.match(para)
    if m:
        names = [x.strip() for x in re.split(r"\s*(?:,|，|&|\band\b)\s*", m.group("names")) if x.strip()]
        r: list[str] = names
        c: list[str] = []
    else:
        r, c = parse_byline_names(para.strip(_BULLETS + " （）()"))
    d.art.byline = d.art.byline or para
    _extend(d, r, c)
    return None


def _take_byline_lead(d: Draft, idx: int, para: str) -> str | None:
    """A paragraph opening with a byline (本报讯（记者 林小雨）…, 云岭网青田5月5日电…) gives the
    article its names and an agency's dateline; before any body, the byline moves from the
    paragraph to the article's byline (a later one stays in the body, as a second dateline).

    >>> d = Draft(["本报讯（记者 林小雨）日前，项目开工。"], ["byline_lead"], range(1))
    >>> _take_byline_lead(d, 0, "本报讯（记者 林小雨）日前，项目开工。"), d.art.byline, d.art.reporters
    ('日前，项目开工。', '本报讯（记者 林小雨）', ['林小雨'])
    """
    if d.kinds[idx] != "byline_lead":
        return para
    m = cast(re.Match[str], _layout().byline_lead.match(para))  # the kind says it matches
    names = m.group("paren") or m.group("names") or m.group("bare") or ""
    _extend(d, *parse_byline_names(names))
    d.dateline = d.dateline or _agency_dateline(m.group("outlet"))
    if not d.body:
        d.art.byline = d.art.byline + (" " if d.art.byline else "") + para[: m.end()].strip()
        para = para[m.end():].strip()
        if not para:
            return None
    return para


def _take_bracket_byline(d: Draft, idx: int, para: str) -> str | None:
    """A labelled byline in brackets closing a paragraph's last sentence (……开工。（记者 林小雨））
    gives the article its names and leaves the paragraph.

    >>> d = Draft(["云岭大桥开工。（记者 林小雨）"], ["body"], range(1))
    >>> _take_bracket_byline(d, 0, "云岭大桥开工。（记者 林小雨）"), d.art.reporters
    ('云岭大桥开工。', ['林小雨'])
    """
    m = _layout().trailing_byline.search(para)
    if m and (m.start() == 0 or ends_sentence(para[: m.start()])):
        r, c = parse_byline_names(m.group(0).strip("（）()"))
        if r or c:
            _extend(d, r, c)
            d.art.byline = d.art.byline or m.group(0)
            para = para[: m.start()].rstrip()
            if not para:
                return None
    return para


#: The steps each line of an article goes through, in order (stage ``"segment"``).
LINE_STEPS = (_drop_chrome, _cut_caption_credit, _take_meta_line, _take_byline_line, _take_byline_lead,
              _take_bracket_byline)


# ---------------------------------------------------------------- helpers
_DATELINE = re.compile(r"(\d{1,2})月(\d{1,2})日电$")


def _agency_dateline(outlet: str) -> tuple[int, int] | None:
    """Month and day of an agency or website dateline (中新网丽水7月20日电): that day is the
    article's own. A newspaper's (本报宁波11月17日电) is the eve of the issue, so it is not."""
    m = _DATELINE.search(outlet)
    if not m or outlet.startswith("本报"):
        return None
    return int(m.group(1)), int(m.group(2))


def _dated(page_date: str, dateline: tuple[int, int] | None) -> str:
    """The page's date, or the agency dateline in the page's year (the year before when the
    dateline would fall after the page: a repost is never older than its original).

    >>> _dated("2032-05-09", (5, 8)), _dated("2032-01-03", (12, 29)), _dated("", (5, 8))
    ('2032-05-08', '2031-12-29', '')
    """
    if not dateline or not page_date or not 1 <= dateline[0] <= 12 or not 1 <= dateline[1] <= 31:
        return page_date
    year = int(page_date[:4])
    date = f"{year:04d}-{dateline[0]:02d}-{dateline[1]:02d}"
    return date if date[: len(page_date)] <= page_date else f"{year - 1:04d}{date[4:]}"


def _extend(d: Draft, reporters: list[str], correspondents: list[str]) -> None:
    """Add to the article's reporters and correspondents the names it does not list yet. Whether it
    lists one is asked of a set of its names kept on the draft, not by scanning the list for each
    name (the square of a byline of many names)."""
    for attr, new in (("reporters", reporters), ("correspondents", correspondents)):
        names = getattr(d.art, attr)
        kept = d.named.get(attr)
        if kept is None or kept[0] is not names or kept[1] != len(names):
            kept = (names, len(names), set(names))   # (only this function changes the lists)
        add = [n for n in new if n not in kept[2]]
        names += add
        kept[2].update(add)
        d.named[attr] = (names, len(names), kept[2])

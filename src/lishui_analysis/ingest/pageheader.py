"""Stage 3 — page steps that read the header of a page by its form: the site's name over its bread crumbs,
a first line ending in a colon over the rest of its title, a government disclosure header over the
document's own title, the posts of a thread each opened by a title in 【】, and the words the page's chrome
and metadata print (a label before a bar opening a headline that is one of them is no part of it).

These steps (stage ``"segment"``, in :data:`.segment.PAGE_STEPS`) look at the lines around a page's titles,
never at one page's words.
"""
from __future__ import annotations

import bisect
import re

from .. import config
from .furniture import is_crumb_line, is_issuer_line, is_media_name, is_nav_line, is_post_time, page_labels
from .clean import ends_sentence
from .lines import _BYLINES, _SKIP, TITLE_MAX, _kind, _layout, parse_date_line, title_length

#: Lines a header may span above its bread crumbs (a site's name, its slogan, its language links).
SITE_HEADER_MAX = 3
#: Lines between a post's time and its text (a repost's chain, a mention: chrome).
POST_LEAD_MAX = 4
_COLON_LEAD_MAX = 20   # characters of a title's lead-in broken after its colon (云岭县：, 要闻｜瓯江口新区：)
_CLAUSE = re.compile(r"[，。；！？,;!?]")


def unmark_site_header(page) -> None:
    """Title lines at the top of a page right above its bread crumbs (``云岭县人民政府门户网站`` / ``当前位置：首页 >
    信息公开 > 公示公告``) or its navigation bar (``首页 | 协会动态 | 会员风采``, branch ``segment.site_over_nav``) are the
    site's name, chrome, when a title line follows them: a site prints its name, then where the page is, then the
    page's own title.

    >>> from .segment import _Page
    >>> page = _Page(["云岭县公共资源交易中心", "首页 > 交易信息 > 中标公示", "星河片区道路工程中标公示", "日前，工程开标。"],
    ...              ["title", "chrome", "title", "body"])
    >>> unmark_site_header(page); page.kinds
    ['chrome', 'chrome', 'title', 'body']
    """
    first = page.first
    if first is None or page.kinds[first] != "title":
        return
    kinds, paras = page.kinds, page.paras
    heads: list[int] = []
    i = first
    while i < len(paras) and len(heads) <= SITE_HEADER_MAX:
        if (is_crumb_line(paras[i]) or is_nav_line(paras[i]) and config.step_on("segment", "site_over_nav")) \
                and kinds[i] in _SKIP:
            break  # (its crumbs, or its navigation bar: 云岭市机械行业协会 / 首页 | 协会动态 | 会员风采)
        if kinds[i] == "title":
            heads.append(i)
        elif kinds[i] not in _SKIP:
            return
        i += 1
    else:
        return
    after = next((j for j in range(i + 1, len(paras)) if kinds[j] not in _SKIP), None)
    if heads and len(heads) <= SITE_HEADER_MAX and after is not None and kinds[after] == "title":
        for x in heads:
            kinds[x] = "chrome"


def promote_colon_lead(page) -> None:
    """The page's first line, short and ending in a colon with no clause in it (``瓯江口新区：``, ``要闻｜云岭县：``),
    right above a title line is the start of that title, broken after its lead-in: a title line (the two are
    joined, :func:`.segment._continues`).

    >>> from .segment import _Page
    >>> page = _Page(["瓯江口新区：", "新材料产业链加速成型", "记者 林小雨"], ["body", "title", "byline_line"])
    >>> promote_colon_lead(page); page.kinds
    ['title', 'title', 'byline_line']
    """
    first = page.first
    if first is None or first + 1 >= len(page.paras) or page.kinds[first] != "body":
        return
    line = page.paras[first].rstrip()
    if len(line) <= _COLON_LEAD_MAX and line.endswith(("：", ":")) and not _CLAUSE.search(line) \
            and page.kinds[first + 1] == "title":
        page.kinds[first] = "title"


_PAPER_NAME_MAX = 10   # characters of a paper's name printed alone over the date (澳门星河报)
_DATE_ONLY_MAX = 30    # characters of that date line (2031年5月6日 星期二 农历四月初五)


def unmark_paper_name(page) -> None:
    """The page's first line, a short name ending in 报 (a newspaper's head noun: 星河报, 澳门星河报), over a line
    that gives the issue's date, over a title line, is the paper's masthead set over two lines: metadata, never
    the headline (step ``segment.paper_name``; a name ending in 日报, 晚报 … is a medium's name already). A genre
    ending in 报 (统计公报, 情况通报: ``genre_nouns``, ``document_genres``) is a title.

    >>> from .segment import _Page
    >>> page = _Page(["澳门星河报", "2031年5月6日 星期二", "星河新区半导体项目动工", "【本报消息】日前，…。"],
    ...              ["title", "meta", "title", "byline_lead"])
    >>> unmark_paper_name(page); page.kinds
    ['meta', 'meta', 'title', 'byline_lead']
    """
    first = page.first
    kinds, paras = page.kinds, page.paras
    if first is None or kinds[first] != "title" or first + 2 >= len(paras):
        return
    name, lay = paras[first].strip(), _layout()
    if not (2 < len(name) <= _PAPER_NAME_MAX and name.endswith("报") and _ONE_WORD.fullmatch(name)) \
            or name.endswith(lay.genre_nouns + lay.document_genres):
        return
    date = paras[first + 1]
    if kinds[first + 1] == "meta" and len(date) <= _DATE_ONLY_MAX and parse_date_line(date) \
            and kinds[first + 2] == "title":
        kinds[first] = "meta"


_ONE_WORD = re.compile(r"[\u4e00-\u9fff]+")
_KICKER_STOP = re.compile(r"[。！？；!?;]")
_LONG_KICKER_WALK = 6   # lines a byline's title block is looked for above it (titles and chrome between them)


def _long_kicker_form(line: str) -> bool:
    """A line longer than a title line (``TITLE_MAX``) yet a kicker by its form: at most ``kicker_max``
    characters of ``layout.yaml``, phrases parted by commas with no stop anywhere in it, not ending in a
    comma, a colon or a sentence's end (上半年云岭县新签约亿元以上项目21个、总投资96亿元，新开工项目同比增加7个，“交地即交证”在星河园区渐成常态)."""
    return (TITLE_MAX < title_length(line) <= _layout().kicker_max and not ends_sentence(line)
            and not _KICKER_STOP.search(line) and not line.endswith(("，", ",", "、", "：", ":")))


def promote_long_kicker(page) -> None:
    """A long line of a kicker's form (:func:`_long_kicker_form`) right over one or two title lines over a
    byline, under the page's top, a sentence's end or a byline, is the kicker of those titles, a title line (step
    ``segment.long_kicker``). A body paragraph the layout broke before the titles ends in no such shape: its
    first part is a line over other body lines, not a lone line between a finished paragraph and the titles.

    >>> from .segment import _Page
    >>> kicker = "上半年云岭县新签约亿元以上项目21个、总投资96亿元，新开工项目同比增加7个，“交地即交证”在星河园区渐成常态"
    >>> page = _Page(["云岭日报", kicker, "星河经开区项目跑出加速度", "记者 林小雨", "日前，…。"],
    ...              ["meta", "body", "title", "byline_line", "body"])
    >>> promote_long_kicker(page); page.kinds
    ['meta', 'title', 'title', 'byline_line', 'body']
    """
    kinds, paras = page.kinds, page.paras
    for i, k in enumerate(kinds):
        if k not in _BYLINES:
            continue
        above = [x for x in range(i - 1, max(-1, i - _LONG_KICKER_WALK), -1) if kinds[x] not in _SKIP]
        n = 0
        while n < len(above) and n < 2 and kinds[above[n]] == "title":
            n += 1
        if n == 0 or n >= len(above) or kinds[above[n]] != "body" or not _long_kicker_form(paras[above[n]]):
            continue
        j = above[n]
        prev = next((x for x in range(j - 1, -1, -1) if kinds[x] not in _SKIP), None)
        if prev is None or ends_sentence(paras[prev]) or kinds[prev] in _BYLINES:
            kinds[j] = "title"


def _disclosure_fields(lines: list[str]) -> int:
    """The distinct disclosure fields (``disclosure_labels`` of ``layout.yaml``) the lines hold, spaces in a
    label aside (索 引 号：)."""
    field = _layout().disclosure_field
    return len({m.group() for line in lines for m in field.finditer(line.replace(" ", "").replace("\u3000", ""))})


def find_disclosure_title(page, group) -> None:
    """A government disclosure page prints a header of fields (索引号 … 发布机构 … 生成日期 … 文号: two or more
    of ``disclosure_labels``) between its chrome and the document's own title: the title lines right under
    the header, over the document's text, are the article's title; what the page printed above the header
    (its title bar, a list of its latest items) starts no article when no text stands between it and the
    header.

    >>> from .segment import _Page
    >>> page = _Page(["云岭县政务公开", "索引号：001/2031-01 发布机构：云岭县发改局", "生成日期：2031-05-06",
    ...               "关于星河项目的公示", "经研究，现予以公示。"], ["title", "meta", "meta", "title", "body"],
    ...              starts={0: [[0]]})
    >>> find_disclosure_title(page, lambda block, paras: [block]); page.starts
    {3: [[3]]}
    """
    paras, kinds = page.paras, page.kinds
    # (the starts in order and the title lines they took, kept up to date: each header looks them up, not over)
    order = sorted(page.starts)
    taken = {x for groups in page.starts.values() for g in groups for x in g}
    i = 0
    while i < len(paras):
        if kinds[i] not in _SKIP:
            i += 1
            continue
        j = i
        while j < len(paras) and kinds[j] in _SKIP:
            j += 1
        run = [paras[x] for x in range(i, j) if kinds[x] == "meta"]
        if len(run) >= 2 and _disclosure_fields(run) >= 2:
            _title_under(page, i, j, group, order, taken)
        i = j


def _title_under(page, top: int, below: int, group, order: list[int], taken: set[int]) -> None:
    """The title lines from ``below`` on (at most three), over a body line, start the article in place of the
    start above the header at ``top`` when that start has no text of its own (:func:`find_disclosure_title`)."""
    paras, kinds = page.paras, page.kinds
    block: list[int] = []
    j = below
    while j < len(paras) and kinds[j] == "title" and len(block) < 3:
        block.append(j)
        j += 1
    while j < len(paras) and kinds[j] in _SKIP:
        j += 1
    if not block or j >= len(paras) or kinds[j] not in ("body", *_BYLINES):
        return
    if taken.intersection(block):
        return
    n = bisect.bisect_left(order, top)
    if n:
        s = order[n - 1]
        if any(kinds[x] not in ("title", *_SKIP) for x in range(top - 1, s - 1, -1)):  # (from the header up)
            return  # the start above has a text of its own: the header is inside an article
        del page.starts[s]
        order.pop(n - 1)
    page.starts[block[0]] = groups = group(block, paras)
    bisect.insort(order, block[0])
    taken.update(x for g in groups for x in g)


# a post opening with its topics (#云岭县#) and a title in 【】 before its text: #云岭县#【星河项目封顶】日前，…
_POST = re.compile(r"^(?P<tags>(?:#[^#\s]{1,20}#\s*)*)【(?P<title>[^【】：:]{2,40})】\s*(?P<text>\S.{9,})$")


def split_bracket_posts(page) -> None:
    """A post of a thread (a Weibo-like page) opening with a title in 【】 (after its topics, ``#云岭县#``) when
    its topics or the post's time and app above it (``5-6 09:12 来自 …``, chrome aside) say it opens a post:
    the title becomes a line of its own over the post's text, and starts an article (:func:`start_posts`).
    A medium's name in 【】 (【云岭发布】) is a byline, not a title.

    >>> from .segment import _Page
    >>> page = _Page(["5-6 09:12 来自 云岭客户端", "【星河项目封顶】5月5日，星河项目主体封顶。"])
    >>> split_bracket_posts(page); page.paras, page.posts
    (['5-6 09:12 来自 云岭客户端', '星河项目封顶', '5月5日，星河项目主体封顶。'], [1])
    """
    paras: list[str] = []
    posts: list[int] = []
    for n, para in enumerate(page.paras):
        m = _POST.match(para.strip()) if "【" in para[:60] else None
        if m and not is_media_name(m.group("title")) and (m.group("tags") or _after_post_time(page.paras, n)):
            posts.append(len(paras))
            paras += [m.group("title").strip(), m.group("text")]
        else:
            paras.append(para)
    if posts:
        page.paras, page.kinds, page.posts = paras, ["body"] * len(paras), posts


def _after_post_time(paras: list[str], n: int) -> bool:
    """Is line ``n`` under a post's time and app, only chrome and metadata between them?"""
    for j in range(n - 1, max(-1, n - 1 - POST_LEAD_MAX), -1):
        if is_post_time(paras[j]):
            return True
        if _kind(paras[j]) not in _SKIP:
            return False
    return False


def start_posts(page, group) -> None:
    """Each post's title (:func:`split_bracket_posts`) starts an article; what the page prints above the first
    post with no text of its own (the account's name, its counters and profile) starts none."""
    posts = [x for x in page.posts if page.kinds[x] == "title"]
    if not posts:
        return
    taken = {x for groups in page.starts.values() for g in groups for x in g}
    for x in posts:
        if x not in taken:
            page.starts[x] = group([x], page.paras)
    # (the last line of text above the first post, found once: the starts after it hold none)
    text = next((x for x in range(posts[0] - 1, -1, -1) if page.kinds[x] not in ("title", *_SKIP)), -1)
    for s in [s for s in page.starts if text < s < posts[0]]:
        del page.starts[s]


def find_page_labels(page) -> None:
    """The words of the page's chrome and metadata lines (:func:`.furniture.page_labels`), for the articles'
    step ``segment.drop_page_label``."""
    page.labels = page_labels(p for p, k in zip(page.paras, page.kinds) if k in ("chrome", "meta"))


def unmark_signatories(page) -> None:
    """The issuers a document prints under its title, one name a line (2031年云岭县国民经济统计公报 /
    云岭县统计局 / 国家统计局云岭调查队 / （2032年3月6日）): the document's signatories, metadata, never its headline
    or subheadline. The title ends in a document's genre (``document_genres``, ``genre_nouns`` of ``layout.yaml``).

    >>> from .segment import _Page
    >>> page = _Page(["2031年云岭县统计公报", "云岭县统计局", "国家统计局云岭调查队", "全年生产总值增长6%。"],
    ...              ["title", "title", "title", "body"])
    >>> unmark_signatories(page); page.kinds
    ['title', 'meta', 'meta', 'body']
    """
    paras, kinds = page.paras, page.kinds
    lay = _layout()
    genres = lay.document_genres + lay.genre_nouns
    for i in range(len(paras) - 1):
        if kinds[i] != "title" or not paras[i].endswith(genres) or is_issuer_line(paras[i]):
            continue
        j = i + 1
        while j < len(paras) and kinds[j] == "title" and is_issuer_line(paras[j]):
            kinds[j] = "meta"
            j += 1


_ACCOUNT_NAME = re.compile(r"^[\u4e00-\u9fffA-Za-z0-9·_]{2,12}$")


def unmark_account_names(page) -> None:
    """A self-media post's author: the account's name alone on a line right under the title and right over the
    line of the post's time that names the platform (云岭人注意！星河园区再迎百亿大项目 / 云岭观察者 /
    2031-09-03 21:46 · 云岭 · 百家号: ``platform_names`` of ``layout.yaml``) is metadata, never the headline.

    >>> from .segment import _Page
    >>> page = _Page(["星河园区再迎百亿大项目！", "云岭观察者", "2031-09-03 21:46 · 云岭 · 百家号", "8月13日，项目签约。"],
    ...              ["title", "title", "meta", "body"])
    >>> unmark_account_names(page); page.kinds
    ['title', 'meta', 'meta', 'body']
    """
    paras, kinds = page.paras, page.kinds
    platform = _layout().platform_name
    for i in range(2, len(paras)):
        if kinds[i] == "meta" and kinds[i - 1] == "title" and kinds[i - 2] == "title" \
                and _ACCOUNT_NAME.match(paras[i - 1].strip()) and platform.search(paras[i]):
            kinds[i - 1] = "meta"


def unmark_post_accounts(page) -> None:
    """A WeChat post copied with its account's name printed alone above the title (云岭招商 / 2031-05-06 18:30 云岭 /
    云岭招商｜……！ / 原创 云岭县投资促进局 云岭招商): a line that the post's header (原创 …, a metadata line of the
    page) names as one of its names is that account's or author's name, metadata, never the headline.

    >>> from .segment import _Page
    >>> page = _Page(["云岭招商", "2031-05-06 18:30 云岭", "园区厂房已就绪，企业即来即产！", "原创 云岭县投资促进局 云岭招商", "正文。"],
    ...              ["title", "meta", "body", "meta", "body"])
    >>> unmark_post_accounts(page); page.kinds[0]
    'meta'
    """
    from .furniture import _tokens, is_post_header
    names = {t for i, p in enumerate(page.paras) if page.kinds[i] == "meta" and len(p) <= 40 and is_post_header(p)
             for t in _tokens(p)[1:]}
    for i, p in enumerate(page.paras):
        if names and page.kinds[i] == "title" and p.strip() in names:
            page.kinds[i] = "meta"


_HAN_CHAR = re.compile(r"[\u4e00-\u9fff]")


def unmark_latin_lead(page) -> None:
    """A bilingual release printed English first (an English title, its English paragraphs, then the Chinese title
    over the Chinese text): the English part is the translation, chrome, and the Chinese title the page's own, as a
    title in Latin letters over the Chinese one is (``latin_alternate_title``). Only when the page's first line is a
    title with no Han character and a Han title line follows English paragraphs, over a paragraph in Han characters.

    >>> from .segment import _Page
    >>> page = _Page(["Starlight Breaks Ground in Yunling", "Starlight today broke ground on its plant.", "星河新材料云岭工厂奠基",
    ...               "日前，星河新材料云岭工厂奠基。"], ["title", "body", "title", "body"])
    >>> unmark_latin_lead(page); page.kinds
    ['chrome', 'chrome', 'title', 'body']
    """
    first, kinds, paras = page.first, page.kinds, page.paras
    if first is None or kinds[first] != "title" or _HAN_CHAR.search(paras[first]):
        return
    latin_body = False
    for x in range(first + 1, len(paras)):
        if kinds[x] in _SKIP:
            continue
        if _HAN_CHAR.search(paras[x]):
            after = next((y for y in range(x + 1, len(paras)) if kinds[y] not in _SKIP), None)
            if kinds[x] == "title" and latin_body and after is not None and kinds[after] == "body" \
                    and _HAN_CHAR.search(paras[after]):
                for y in range(first, x):
                    if kinds[y] not in _SKIP:
                        kinds[y] = "chrome"
            return
        latin_body = latin_body or kinds[x] == "body"


NAV_ITEM_MAX = 4   # characters of one link of a navigation bar copied a link a line (首页, 县域, 新闻中心)
_HAN_ONLY = re.compile(r"[\u4e00-\u9fff]+")


def _nav_word(para: str, kind: str) -> bool:
    """A link a site's navigation always has: chrome already (首页), or a column's name (新闻, 要闻, 新闻中心)."""
    return kind == "chrome" or any(w in para for w in _layout().column_nouns)


def unmark_nav_runs(page) -> None:
    """A site's navigation bar copied as text a link a line (云岭新闻网 / 首页 / 新闻 / 县域 / 经济 / 标题): two or more
    short lines in a row (``NAV_ITEM_MAX`` Han characters at most each), one a link every site has (首页, a column's
    name), over a longer title line, above the page's first paragraph, are chrome — never a kicker or a title broken
    into short lines (branch ``segment.nav_runs``).

    >>> from .segment import _Page
    >>> page = _Page(["首页", "新闻", "县域", "云岭县星河新材料项目开工", "日前，项目开工。"], ["chrome", "title", "title", "title", "body"])
    >>> unmark_nav_runs(page); page.kinds
    ['chrome', 'chrome', 'chrome', 'title', 'body']
    """
    if not config.step_on("segment", "nav_runs"):
        return
    kinds, paras = page.kinds, page.paras
    run: list[int] = []
    for i, p in enumerate(paras):
        short = len(p) <= NAV_ITEM_MAX and bool(_HAN_ONLY.fullmatch(p)) and kinds[i] in ("title", "chrome")
        if short:
            run.append(i)
            continue
        if kinds[i] in _SKIP and kinds[i] != "chrome":
            continue
        if kinds[i] == "title" and len(p) > NAV_ITEM_MAX and len(run) >= 2 \
                and any(_nav_word(paras[x], kinds[x]) for x in run):
            for x in run:
                kinds[x] = "chrome"
        if kinds[i] == "body":
            return
        run = []

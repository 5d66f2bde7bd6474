"""Stage 3 — split a cleaned page into articles (kicker, headline, subheadline,
byline, reporters, own date line, source, body) and an article body into sentences.

Page layouts differ by outlet, so the rules are about shapes, not one page; what
each single line is (its kind, the names of a byline, the fields of a metadata
line) is read by :mod:`.lines`, from the words listed in ``data/layout.yaml``; this
module finds where the articles of a page start and which lines are their titles,
and :mod:`.articles` writes each article from its lines:

* a *metadata* line holds labelled fields (``来源：浙江在线 发布时间：2022-06-30``) or
  a timestamp: its date, source and authors go to the article, never to the body;
* *chrome* (share/print/font-size bars, e-paper page navigation, WeChat furniture)
  and photo captions and credits are dropped; an end marker (``END``, ``往期推荐``)
  ends the page — what follows it lists other posts;
* a *byline* is ``本报讯（记者 …）``, a dateline ``本报温州3月8日电 （记者 …）``,
  ``XX网讯 A、B、记者C报道``, a line of its own (``记者 X 通讯员 Y``, ``■ X Y``,
  ``文/X 图/Y``, ``By …``, names under a title), or ``（记者 X）`` closing a body;
* a *title line* is short and does not end a sentence, and is no column label (``要闻 |``),
  navigation bar, medium's name, address, date (in any form: ``（2031年5月6日）``, ``发布于 …``,
  ``3小时前``), photo credit, post header (``原创 …``) or line of editors — a line's form tells, not
  its place (:mod:`.furniture`); title lines the layout broke are joined, and so are an issuer and a
  ``关于…通知`` under it; lines labelled with their role (``引题：``, ``主题：``, ``副题：``) take it;
  else of two title lines the first is the kicker (引题) unless the second details the first (a
  subheadline, 副题), by the form of each (:func:`.titles._is_subheadline`); a title repeated with
  a site's name or a label is one title; a medium's name before or after a headline goes; an
  article with no title line takes the one its ``原标题`` line names;
* an article starts at the title lines right above a byline, or at the top of
  the page; a byline with no title above it (a second dateline) stays in the
  article it is in;
* a page without bylines is one article whose title is its first lines.

:func:`segment_page` runs named steps in order (stage ``"segment"``; a step is
``"segment.<function name without underscore>"`` and can be switched off by name, see
:func:`lishui_analysis.config.active_steps`): the :data:`PAGE_STEPS` on the page, of
which ``build_articles`` runs the :data:`.articles.ARTICLE_STEPS` on each article, of
which ``read_body_lines`` runs the :data:`.articles.LINE_STEPS` on each of its lines. ``segment.join_titles`` (in
:func:`_group_titles`) and ``segment.meta_heads_article`` (in
:func:`_find_header_titles`) are steps that are a branch of a function, and so are the forms of lines
that are never a title (``segment.unmark_column_labels``, ``unmark_media_names``, ``unmark_url_lines``,
``unmark_bare_dates``, ``unmark_photo_credits``, ``unmark_staff_lines``, ``unmark_post_headers``: in
:func:`.lines._kind`), the forms that tell kicker, headline and subheadline apart
(``segment.bracketed_subheadline``, ``figure_subheadline``, ``kicker_form``: in
:func:`.titles._is_subheadline`; ``title_role_labels``: in :func:`.titles._by_role_labels`) and
``segment.join_issuer_title`` (in :func:`_continues`).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

from .. import config
from ..errors import note
# Article, is_byline_line, match_byline_lead, parse_byline_names, parse_meta_line,
# parse_date_line and _kind are imported from here by other modules and tests.
from .articles import (  # noqa: F401
    _DASH_LEAD, ARTICLE_STEPS, LINE_STEPS, Article, Draft, _is_kicker_form, write_article,
)
from .clean import ends_sentence
from .furniture import is_section_heading
from . import pageheader, pageitems, titles
from .pageitems import _promote_decorated_title
from .lines import (  # noqa: F401
    _BYLINES, _SKIP, _layout, _is_bang_title, _is_end_marker, _kind, _Meta, is_byline_line, match_byline_lead,
    parse_byline_names, parse_date_line, parse_meta_line, without_jump_tail,
)


# ---------------------------------------------------------------- titles
_FUNCTION_END = re.compile(r"(?:[的和与及、为在将把向对从让跟同]|第?[\d一二三四五六七八九十百千两]+[个批项家条座期届])$")
_CONTINUATION_START = re.compile(r"^[（(）)》”、，的了等]")


_BRACKETED = re.compile(r"^[（(【\[]([^（）()【】\[\]]{10,})[）)】\]]$")
_ONE_NAME = re.compile(r"[\u4e00-\u9fff（）()]+")


def _issuer_over_subject(a: str, b: str) -> bool:
    """An official document's title set as its issuer over ``关于`` + subject + genre (云岭县人民政府办公室 /
    关于印发…的通知) or over its genre alone (云岭县自然资源局 / 公  告): the issuer is a line of one name,
    no genre of its own (``document_genres``).

    >>> _issuer_over_subject("云岭县人民政府办公室", "关于印发星河片区开发方案的通知")
    True
    >>> _issuer_over_subject("云岭县自然资源局公告", "关于星河地块挂牌出让的公告")
    False
    """
    genres = _layout().document_genres
    b = b.replace(" ", "")
    return ((b.startswith("关于") and b.endswith(genres) or b in genres) and not a.endswith(genres)
            and 4 <= len(a) <= 30 and bool(_ONE_NAME.fullmatch(a)))


def _continues(a: str, b: str) -> bool:
    """Does title line ``b`` continue ``a`` (a title the layout broke: 湘湖梅花 / 迎来全盛期)? A
    clause of ten characters or more wholly in brackets does not: it is a subheadline (branch
    ``segment.bracketed_subheadline``), where a short bracket (（一期）) continues the title."""
    lay = _layout()
    if config.step_on("segment", "title_role_labels") and (lay.title_role.match(a) or lay.title_role.match(b)):
        return False  # a line labelled with its role (引题：…) is a title of its own
    if config.step_on("segment", "join_issuer_title") and _issuer_over_subject(a, b):
        return True
    if config.step_on("segment", "kicker_form") and (_is_kicker_form(a) or _is_kicker_form(b)):
        return False  # a slogan or a whole quotation is a kicker of its own (“项目攻坚年”)
    if config.step_on("segment", "join_broken_title") and _broken_before(a, b):
        return True
    if config.step_on("segment", "dash_subheadline") and _DASH_LEAD.match(b):
        return False  # a line led by a dash is a subheadline of its own (云岭新区新签项目12个 / ——总投资80亿元)
    if len(a) <= 8 and len(b) <= 8 and " " not in a and " " not in b:
        return True
    if config.step_on("segment", "bracketed_subheadline") and _BRACKETED.match(b):
        return False
    if config.step_on("segment", "lead_subheadline") and b.startswith(lay.sub_leads) and _LISTED_CLAUSES.search(b):
        return False  # figures that detail the line above, led by 总投资 or 其中 (…新开工项目42个 / 总投资326亿元，其中…)
    if titles.topic_over_predicate(a, b):
        return True  # a place or park named alone over what happened there (云岭县星河工业园 / 12个项目集中竣工)
    m = _FUNCTION_END.search(a)
    if m and m.group()[0] != "第" and m.group()[-1] in _COUNT_WORDS and titles.count_over_figures(a, b):
        m = None  # a count closing the headline over its figures (…开工项目37个 / 总投资达128亿元)
    if m and config.step_on("segment", "clause_count_end") and _LISTED_CLAUSES.search(a) and m.group()[0] != "第" \
            and m.group()[-1] in _COUNT_WORDS:
        m = None  # a count closing a line of listed clauses ends it (新签约项目21个、总投资96亿元，开工项目增加7个)
    return bool(m or _CONTINUATION_START.match(b))


_LISTED_CLAUSES = re.compile(r"[，,、；;]")
_COUNT_WORDS = "个批项家条座期届"


_GENRE_LINE_MAX = 10   # characters of the last words of a document's title broken before them (中标候选人公示)


def _broken_before(a: str, b: str) -> bool:
    """A title broken after its lead-in's colon (瓯江口新区： / 新材料产业链加速成型), or before the last words that
    end in its genre (云岭县星河片区道路工程设计施工一体化 / 中标候选人公示: ``b`` short and ending in a genre of
    ``document_genres`` or ``genre_nouns``, ``a`` in none and no clause). Branch ``segment.join_broken_title``.

    >>> _broken_before("瓯江口新区：", "新材料产业链加速成型"), _broken_before("云岭县星河片区道路工程设计施工一体化", "中标候选人公示")
    (True, True)
    >>> _broken_before("云岭县自然资源局公告", "星河地块出让公告")
    False
    """
    if a.endswith(("：", ":")) and len(a) >= 3:
        return True
    lay = _layout()
    genres = lay.document_genres + lay.genre_nouns
    return (len(b) <= _GENRE_LINE_MAX and b.endswith(genres) and not a.endswith(genres) and " " not in a + b
            and not _CLAUSE.search(a + b))


_CLAUSE = re.compile(r"[，。；！？,;!?：:]")


def _group_titles(idx: list[int], paras: list[str], top: bool = False) -> list[list[int]]:
    """Title line indices grouped into titles (a title broken over lines is one group), at most
    three: the last three above a byline, the first three at the ``top`` of a page. Step
    ``segment.join_titles`` (a branch here) joins the lines of a title the layout broke.

    >>> _group_titles([0, 1, 2], ["瓯江口新区", "云岭大桥通车", "总投资8.5亿元的跨江通道今天建成"])
    [[0, 1], [2]]
    """
    join = config.step_on("segment", "join_titles")
    groups: list[list[int]] = []
    for i in idx:
        if join and groups and _continues("".join(paras[x] for x in groups[-1]), paras[i]):
            groups[-1].append(i)
        else:
            groups.append([i])
    return groups[:3] if top else groups[-3:]


# ---------------------------------------------------------------- pages
@dataclass
class _Page:
    """What the page steps share: the page's lines and what the steps found out about them."""
    paras: list[str]                          # the page's non-blank lines
    kinds: list[str] = field(default_factory=list)  # the kind of each line; all "body" until classified
    metas: dict[int, _Meta] = field(default_factory=dict)              # metadata lines read, by index
    starts: dict[int, list[list[int]]] = field(default_factory=dict)   # article start → its titles
    date: str = ""                            # the date the page states for all its articles
    source: str = ""                          # the source it states above its first article
    articles: list[Article] = field(default_factory=list)
    posts: list[int] = field(default_factory=list)  # the title lines of a thread's posts (split_bracket_posts)
    labels: frozenset = frozenset()           # the words its chrome and metadata print (find_page_labels)

    def __post_init__(self) -> None:
        if not self.kinds:
            self.kinds = ["body"] * len(self.paras)

    @property
    def first(self) -> int | None:
        """The first line that is not metadata, chrome or a caption."""
        return next((i for i, k in enumerate(self.kinds) if k not in _SKIP), None)


def _cut_at_end_marker(page: _Page) -> None:
    """Drop the lines from an end marker on (``END``, ``往期推荐``): what follows it lists
    other posts. The page's first line is never taken for one.

    >>> page = _Page(["云岭镇光伏电站并网", "总投资8.5亿元。", "END", "云岭镇另一篇旧文"])
    >>> _cut_at_end_marker(page); page.paras
    ['云岭镇光伏电站并网', '总投资8.5亿元。']
    """
    end = next((i for i, p in enumerate(page.paras) if i and _is_end_marker(p)), len(page.paras))
    if end < len(page.paras):
        page.paras, page.kinds = page.paras[:end], page.kinds[:end]


def _classify_lines(page: _Page) -> None:
    """Give each line its kind (:func:`.lines._kind`).

    >>> page = _Page(["青田县云岭科技有限公司扩建项目开工", "本报讯（记者 林小雨）日前，项目开工。", "分享到 微信 微博"])
    >>> _classify_lines(page); page.kinds
    ['title', 'byline_lead', 'chrome']
    """
    page.kinds = [_kind(p) for p in page.paras]


def _promote_bang_title(page: _Page) -> None:
    """The page's first line (metadata, chrome and captions aside) is its title even when it
    ends in ！ and holds commas, if it is at most 60 characters and no quotation.

    >>> page = _Page(["来源：云岭日报", "云岭大桥，今天合龙！", "正文。"], ["meta", "body", "body"])
    >>> _promote_bang_title(page); page.kinds
    ['meta', 'title', 'body']
    """
    first = page.first
    if first is not None and page.kinds[first] == "body" and _is_bang_title(page.paras[first], 60):
        page.kinds[first] = "title"


def _place_name_lines(page: _Page) -> None:
    """A line of bare names (林小雨 王大山) is a byline right under a title, else a title.

    >>> page = _Page(["云岭大桥通车", "林小雨 王大山", "正文。", "王大山 林小雨"],
    ...              ["title", "names", "body", "names"])
    >>> _place_name_lines(page); page.kinds
    ['title', 'byline_line', 'body', 'title']
    """
    kinds = page.kinds
    prev = None
    for i, k in enumerate(kinds):
        if k in _SKIP:
            continue
        if k == "names":
            kinds[i] = "byline_line" if prev is not None and kinds[prev] == "title" else "title"
        prev = i


def _read_meta_lines(page: _Page) -> None:
    """Read the fields (date, source, authors) of every metadata line, once for all steps.

    >>> page = _Page(["云岭大桥通车", "来源：云岭日报 2031-05-06"], ["title", "meta"])
    >>> _read_meta_lines(page); (page.metas[1].source, page.metas[1].date)
    ('云岭日报', '2031-05-06')
    """
    page.metas = {x: parse_meta_line(page.paras[x]) for x, k in enumerate(page.kinds) if k == "meta"}


def _start_first_article(page: _Page) -> None:
    """The first line that is not metadata, chrome or a caption starts the first article
    (untitled unless ``find_top_titles`` gives it the title lines there).

    >>> page = _Page(["分享到 微信", "日前，项目开工。"], ["chrome", "body"])
    >>> _start_first_article(page); page.starts
    {1: []}
    """
    first = page.first
    if first is not None:
        page.starts[first] = []


def _find_top_titles(page: _Page) -> None:
    """The title lines at the top of the page (at most five; metadata and chrome between them
    aside, a web metadata line closes them but for a ——subtitle) are the titles of the first
    article, if something other than titles follows them: the first three titles, the last three
    over a byline.

    >>> page = _Page(["云岭镇", "新材料产业园开工", "日前，产业园开工。"], ["title", "title", "body"])
    >>> _find_top_titles(page); page.starts
    {0: [[0, 1]]}
    """
    first = page.first
    if first is None:
        return
    paras, kinds = page.paras, page.kinds
    lead: list[int] = []
    i, after_meta = first, False
    while i < len(paras) and len(lead) < 5:
        k = kinds[i]
        if k == "title":
            if after_meta and not paras[i].startswith(("—", "--")):
                break  # web metadata closes the title block; a ——subtitle may follow it
            if lead and config.step_on("segment", "section_heading_end") and is_section_heading(paras[i]):
                break  # a document's first numbered section under its title (…年度报告 / 第三节 …)
            lead.append(i)
        elif k == "meta" and lead:
            after_meta = True
        elif k not in _SKIP or (lead and _SECTION_MARK.match(paras[i]) and config.step_on("segment", "section_heading_end")):
            break  # (a post's first section number, 01, under its title: what follows is that section's heading)
        i += 1
    if lead and i < len(paras):
        # over a byline, the title is the last lines (what the page prints above them is furniture)
        groups = _group_titles(lead, paras, top=kinds[i] not in _BYLINES)
        page.starts[groups[0][0]] = groups


def _find_header_titles(page: _Page) -> None:
    """The title lines right above an article's header start a new article, with those titles.
    A header is a byline, or a web metadata line that heads an article (a source, or two
    fields: branch ``segment.meta_heads_article``). The line above the titles must close a
    sentence or be a byline (else the "titles" are a body line the layout broke), and no
    earlier article may have taken them.

    >>> page = _Page(["旧文结尾。", "云岭大桥通车", "记者 林小雨", "正文。"],
    ...              ["body", "title", "byline_line", "body"])
    >>> _find_header_titles(page); page.starts
    {1: [[1]]}
    """
    paras, kinds, metas = page.paras, page.kinds, page.metas
    meta_heads = config.step_on("segment", "meta_heads_article")
    taken = {x for groups in page.starts.values() for g in groups for x in g}
    # the last line at or before each that is not metadata, chrome or a caption (-1: none): a header
    # steps back over those at once (stepping one by one, the headers of a page of metadata lines
    # each walk back over all the lines before them)
    unskipped, last = [], -1
    for x, k in enumerate(kinds):
        last = x if k not in _SKIP else last
        unskipped.append(last)
    for i, k in enumerate(kinds):
        if k not in _BYLINES and not (k == "meta" and meta_heads and i in metas and metas[i].heads_an_article):
            continue
        block: list[int] = []
        j = i - 1
        while j >= 0 and len(block) < 5:
            j = unskipped[j]
            if j < 0:
                break
            if kinds[j] == "title":
                block.insert(0, j)
                j -= 1
                continue
            break
        if block and (j < 0 or ends_sentence(without_jump_tail(paras[j])) or kinds[j] in _BYLINES) \
                and not taken & set(block):
            groups = _group_titles(block, paras)
            page.starts[groups[0][0]] = groups
            taken |= {x for g in groups for x in g}


def _page_step(run: Callable[..., None], *args, name: str = "") -> Callable[[_Page], None]:
    """The page step that runs ``run``, a function of :mod:`.pageheader` or :mod:`.pageitems`, on the page (with
    ``args``: :func:`_group_titles` for those that start articles), named ``"_" + (name or run.__name__)`` (its
    step ``segment.<name>``, see :func:`lishui_analysis.config.active_steps`); ``run``'s docstring says what it does.

    >>> step = _page_step(pageheader.unmark_paper_name, name="paper_name")
    >>> step.__name__, step.__doc__
    ('_paper_name', 'Runs :func:`.pageheader.unmark_paper_name` on the page.')
    """
    def step(page: _Page) -> None:
        run(page, *args)
    step.__name__ = step.__qualname__ = "_" + (name or run.__name__)
    step.__doc__ = f"Runs :func:`.{run.__module__.rsplit('.', 1)[-1]}.{run.__name__}` on the page."
    return step


# what the lines around a page's titles are: a post's title split from its text, a title's lead-in, a paper's
# name, a long kicker, a site's header, the words of its chrome, signatories, account names, a navigation bar,
# an English lead
_split_bracket_posts = _page_step(pageheader.split_bracket_posts)
_promote_colon_lead = _page_step(pageheader.promote_colon_lead)
_paper_name = _page_step(pageheader.unmark_paper_name, name="paper_name")
_long_kicker = _page_step(pageheader.promote_long_kicker, name="long_kicker")
_unmark_site_header = _page_step(pageheader.unmark_site_header)
_find_page_labels = _page_step(pageheader.find_page_labels)
_unmark_signatories = _page_step(pageheader.unmark_signatories)
_unmark_post_accounts = _page_step(pageheader.unmark_post_accounts)
_unmark_nav_runs = _page_step(pageheader.unmark_nav_runs)
_unmark_latin_lead = _page_step(pageheader.unmark_latin_lead)
_unmark_account_names = _page_step(pageheader.unmark_account_names)
# the titles that start an article: a disclosure page's, each post's of a thread, each item's of a page of items
_find_disclosure_title = _page_step(pageheader.find_disclosure_title, _group_titles)
_start_posts = _page_step(pageheader.start_posts, _group_titles)
_find_signed_items = _page_step(pageitems.find_signed_items, _group_titles)
_find_unsigned_items = _page_step(pageitems.find_unsigned_items, _group_titles)
_find_bullet_items = _page_step(pageitems.find_bullet_items, _group_titles)
_find_digest_items = _page_step(pageitems.find_digest_items, _group_titles)
_find_labelled_items = _page_step(pageitems.find_labelled_items, _group_titles)
_find_photo_items = _page_step(pageitems.find_photo_items, _group_titles)
_find_transcript_items = _page_step(pageitems.find_transcript_items, _group_titles)
_find_read_documents = _page_step(pageitems.find_read_documents, _group_titles)


_SECTION_MARK = re.compile(r"^0\d$")  # a WeChat post's section number on a line of its own (01, 02)
_FURNITURE_LEAD_MAX = 20   # characters of a line of furniture above a page's first title (云岭：, 发布单位 县资规局)
_SENTENCE_END = re.compile(r"[。！？!?]")


def _drop_furniture_lead(page: _Page) -> None:
    """No untitled article starts a page with one or two short lines that hold no sentence (a label, a
    place followed by a colon, a field this page writes in its own way) above its first titled article:
    they are furniture, not an article.

    >>> page = _Page(["云岭：", "云岭大桥通车", "日前，大桥通车。"], ["body", "title", "body"], starts={0: [], 1: [[1]]})
    >>> _drop_furniture_lead(page); page.starts
    {1: [[1]]}
    """
    first = page.first
    if first is None or page.starts.get(first) != [] or len(page.starts) < 2:
        return
    nxt = min(s for s in page.starts if s > first)
    lines = [page.paras[x] for x in range(first, nxt) if page.kinds[x] not in _SKIP]
    if len(lines) <= 2 and all(len(p) <= _FURNITURE_LEAD_MAX and not _SENTENCE_END.search(p) for p in lines):
        del page.starts[first]


def _find_page_date(page: _Page) -> None:
    """The page's date for all its articles: the first date of any metadata line.

    >>> page = _Page(["标题"], metas={3: _Meta(), 5: _Meta(date="2031-05-06"), 9: _Meta(date="2031-01-01")})
    >>> _find_page_date(page); page.date
    '2031-05-06'
    """
    page.date = next((m.date for m in page.metas.values() if m.date), "")


def _find_page_source(page: _Page) -> None:
    """The page's source for all its articles: the first source a metadata line names above
    the first article.

    >>> page = _Page(["标题"], metas={0: _Meta(source="云岭日报"), 7: _Meta(source="瓯江晚报")}, starts={2: []})
    >>> _find_page_source(page); page.source
    '云岭日报'
    """
    if page.starts:
        top = min(page.starts)
        page.source = next((m.source for x, m in page.metas.items() if x < top and m.source), "")


def _build_articles(page: _Page) -> None:
    """Write one article per start, in page order, from its lines (from its start to the next)
    and the page's metadata, date and source (:func:`.articles.write_article`).

    >>> page = _Page(["云岭大桥通车", "日前，大桥通车。"], ["title", "body"], starts={0: [[0]]})
    >>> _build_articles(page); [(a.seq, a.headline, a.body) for a in page.articles]
    [(1, '云岭大桥通车', '日前，大桥通车。')]
    """
    steps = config.active_steps("segment", ARTICLE_STEPS)
    order = sorted(page.starts)
    for n, s in enumerate(order):
        stop = order[n + 1] if n + 1 < len(order) else len(page.paras)
        d = Draft(page.paras, page.kinds, range(s, stop), page.starts[s], page.metas, page.date, page.source,
                  Article(seq=n + 1), labels=page.labels)
        page.articles.append(write_article(d, steps))


#: The page steps of :func:`segment_page`, in order (stage ``"segment"``).
PAGE_STEPS = (_cut_at_end_marker, _split_bracket_posts, _classify_lines, _unmark_post_accounts, _unmark_nav_runs,
              _promote_bang_title, _promote_decorated_title,
              _promote_colon_lead, _place_name_lines, _paper_name, _long_kicker, _unmark_site_header, _unmark_signatories,
              _unmark_account_names, _unmark_latin_lead,
              _read_meta_lines, _start_first_article,
              _find_top_titles, _find_header_titles, _find_disclosure_title, _start_posts, _find_signed_items,
              _find_unsigned_items, _find_bullet_items, _find_digest_items, _find_labelled_items,
              _find_photo_items, _find_read_documents, _find_transcript_items,
              _drop_furniture_lead, _find_page_date, _find_page_source, _find_page_labels,
              _build_articles)


def segment_page(text: str) -> list[Article]:
    """Split a cleaned page into articles: the :data:`PAGE_STEPS` not switched off, in order.

    >>> arts = segment_page("标题一\\n\\n本报讯（记者 张三）正文。\\n\\n标题二\\n\\n本报讯（记者 李四）正文二。")
    >>> [(a.headline, a.reporters, a.body) for a in arts]
    [('标题一', ['张三'], '正文。'), ('标题二', ['李四'], '正文二。')]
    """
    page = _Page([p for p in text.split("\n") if p.strip()])
    for step in config.active_steps("segment", PAGE_STEPS):
        step(page)
    if len(page.articles) == 1 and not page.articles[0].headline:
        note("untitled", "no article title found: the page is one untitled article")
    return page.articles


# ---------------------------------------------------------------- sentences
_SENT_BREAK = re.compile(r"(?=[\n。！？!?；;…])(?:\n|[。！？!?；;…]+[”’」』）)]*)")  # (the lookahead: a fast scan)


def split_sentences(body: str) -> list[tuple[int, int, str]]:
    """Sentences of a body as ``(start, end, text)``, offsets into ``body``.

    >>> split_sentences("他说：“好。”然后走了。\\n下一段")
    [(0, 7, '他说：“好。”'), (7, 12, '然后走了。'), (13, 16, '下一段')]
    """
    out: list[tuple[int, int, str]] = []
    start = 0
    for m in _SENT_BREAK.finditer(body):
        if m.group() == "\n":
            _push(out, body, start, m.start())
        else:
            _push(out, body, start, m.end())
        start = m.end()
    _push(out, body, start, len(body))
    return out


def _push(out, body, start, end):
    while start < end and body[start] in " \n":
        start += 1
    while end > start and body[end - 1] in " \n":
        end -= 1
    if end > start:
        out.append((start, end, body[start:end]))

"""Stage 4/5 boundary — everything one raw file gives, as rows: the pure per-document
function :func:`process_document` (text in, rows out) and :func:`process_file`, which adds
reading and framing and is the unit of work every engine runs (``engine.py``)."""
from __future__ import annotations

import hashlib
import os
import re
from bisect import bisect_right
from functools import lru_cache
from pathlib import Path
from typing import Any, cast

from .. import config, schema
from ..ingest import clean, load, segment
from .budget import BudgetExceeded, cpu_budget, seconds_for
from .entities import subject_key, summarize_file
from ..errors import InputError, collecting_notes
from ..extract.dates import extract_dates, report_year
from ..extract.events import extract_events
from ..extract.organizations import extract_org_mentions
from ..extract.quantities import extract_quantities
from ..extract.subjects import find_holders
from .frames import fold
from .sinks import STREAMED, columns_of
from ..vocab import cues

def org_id_for(name: str) -> str:
    """Stable organization key: the same name gives the same id in every build."""
    return "O" + hashlib.sha1(name.encode("utf-8")).hexdigest()[:10]


def entity_id_for(subject_type: str, subject: str, article_id: str = "") -> str:
    """Key of a subject as named (empty for no subject; per article for a batch or a relative
    name such as 市政府); the build maps it to the corpus-wide entity (``entities.py``)."""
    return subject_key(subject_type, subject, article_id)


@lru_cache(maxsize=1)
def _future_cues():
    """Forecast cue words (data/cues.yaml) plus 到/至/明年: a date after them is a target."""
    words = sorted(set(cues()["forecast"]) | {"到", "至", "明年"}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)))
_DATELINE = re.compile(r"(\d{1,2})月(\d{1,2})日电")
_RANK = {"day": 3, "month": 2, "year": 1}


def infer_pub_date(text: str, bylines: tuple[str, ...] = ()) -> tuple[str, str]:
    """Publication date from the text: ``('2031-04-22', 'day')``; ``('', '')`` if none.

    The latest absolute date of the finest precision found (ISO timestamps, 2024年12月9日,
    二〇二五年三月二十八日 …), skipping dates right after 预计/计划/将/到 (targets, not
    the time of writing); a dateline ``本报温州3月8日电`` then gives the day in that year.
    """

    cands = [d for d in extract_dates(text, "") if d.kind == "absolute" and d.date
             and not _future_cues().search(text[max(0, d.start - 6):d.start])]
    if not cands:
        return "", ""
    finest = max(_RANK[d.precision] for d in cands)
    best = max((d for d in cands if _RANK[d.precision] == finest), key=lambda d: d.date)
    date, precision = best.date, best.precision
    for byline in bylines:
        md = _dateline(byline)
        if md:
            dl = f"{date[:4]}-{md}"
            if dl >= date[: len(dl)] and (precision != "day" or dl >= date):
                return dl, "day"
    return date, precision


def _dateline(byline: str) -> str:
    """``MM-DD`` of a dateline in a byline (本报北京9月28日电), '' without one."""
    m = _DATELINE.search(byline or "")
    return f"{int(m.group(1)):02d}-{int(m.group(2)):02d}" if m else ""


def dateline_day(byline: str, pub_date: str) -> str:
    """The day of a dateline in a byline (本报北京9月28日电) in the publication's year, ``YYYY-MM-DD``;
    '' without one (or without a publication year). A dateline after the publication date is of the
    year before (a report filed on 12月31日, published in January)."""
    md = _dateline(byline)
    if not md or not pub_date[:4].isdigit():
        return ""
    year = int(pub_date[:4])
    day = f"{year:04d}-{md}"
    if len(pub_date) >= 7 and day[:len(pub_date)] > pub_date:
        day = f"{year - 1:04d}-{md}"
    return day


def _sentence_of(sentences, pos: int, starts: list[int] | None = None) -> int:
    """1-based number of the sentence holding ``pos`` (0 if none); ``starts``: the sentences'
    start offsets, when the caller has them (a bisection instead of a scan)."""
    starts = starts if starts is not None else [s for s, _, _ in sentences]
    i = bisect_right(starts, pos) - 1
    return i + 1 if i >= 0 and pos < sentences[i][1] else 0


def page_article(text: str, page: dict) -> segment.Article:
    """The one article of a web page (``webpage.py`` found it): the headline and subtitle the
    page states are the text's first lines, taken verbatim; the body is the rest, one paragraph
    a line. A byline the page prints at the body's start (``新华社巴黎12月9日电（记者唐霁）``)
    stays in the body, as the page shows it, and also fills byline and reporters.

    >>> a = page_article("标题\\n本报讯（记者 张三）正文。", {"title": "标题"})
    >>> (a.headline, a.byline, a.reporters, a.body)
    ('标题', '本报讯（记者 张三）', ['张三'], '本报讯（记者 张三）正文。')
    """
    lines = text.split("\n")
    n_head = 2 if page.get("subtitle") and len(lines) > 2 else 1
    art = segment.Article(seq=1, kicker=clean.normalize_text(page.get("kicker", "")), headline=lines[0].strip(),
                          subheadline=lines[1].strip() if n_head == 2 else "")
    body = [ln for ln in lines[n_head:] if ln.strip()]
    art.body = "\n".join(body)
    byline = clean.normalize_text(page.get("byline", ""))
    m = segment.match_byline_lead(body[0]) if body else None
    if m:
        byline = byline or body[0][: m.end()].strip()
        names = m.group("paren") or m.group("names") or m.group("bare") or ""
    else:
        names = byline
    art.byline = byline
    art.reporters, art.correspondents = segment.parse_byline_names(names.strip("（）()【】[] ")) if names else ([], [])
    return art


def process_document(doc: load.RawDocument, meta: dict | None = None) -> dict[str, list[dict]]:
    """All rows of one raw document (a pure function of its text and manifest row)."""
    meta = meta or {}
    text, written = clean.normalize_page(doc.text)  # (titles are quoted in the script the page uses)

    def as_written(name: str) -> str:
        """A name (an organization's, a reporter's, a figure's or milestone's holder) in the script the
        page writes it in (extraction reads simplified)."""
        return clean.as_written(name, written) if written else name
    page = doc.page  # what an HTML page states of itself (title, date, source, canonical URL, site)
    if doc.fmt == "html" and page.get("title") and page.get("articles", 1) == 1:
        articles = [page_article(text, page)]
    else:
        articles = segment.segment_page(text)
    pub = meta.get("pub_date", "")
    if pub:
        doc_date = (*cast(tuple[str, str], load.parse_pub_date(pub)), "manifest")
    elif page.get("pub_date") and load.parse_pub_date(page["pub_date"]):
        doc_date = (*cast(tuple[str, str], load.parse_pub_date(page["pub_date"])), "page")
    else:
        doc_date = None  # per article: its own date line, else inferred from the page's text
    inferred = None  # (read from the whole page when an article first needs it: not when each has its date line)
    publication = meta.get("publication", "") or page.get("site_name", "")
    url = meta.get("url", "") or page.get("url", "")
    rows: dict[str, list[dict]] = {t: [] for t in ("articles", "sentences", "quantities", "org_mentions", "events")}
    rows["org_names"] = []
    for art in articles:
        aid = f"{doc.doc_id}:{art.seq:02d}"
        body = art.body
        if doc_date is not None:
            pub_date, precision, source = doc_date
        elif art.pub_date and load.parse_pub_date(art.pub_date):  # a 发布时间/date line of the article
            pub_date, precision = cast(tuple[str, str], load.parse_pub_date(art.pub_date))
            source = "page"
        else:
            if inferred is None:
                # a web page that shows no date has none: dates in its text are events, not the page's
                inferred = infer_pub_date(text, tuple(a.byline for a in articles)) if doc.fmt != "html" else ("", "")
            pub_date, precision = inferred
            source = "inferred" if pub_date else ""
        rows["articles"].append(dict(
            doc_id=doc.doc_id, article_id=aid, seq=art.seq, pub_date=pub_date, pub_date_precision=precision,
            pub_date_source=source, publication=publication, url=url, source=art.source or page.get("source", ""),
            kicker=clean.as_written(art.kicker, written), headline=clean.as_written(art.headline, written),
            subheadline=clean.as_written(art.subheadline, written), byline=art.byline,
            reporters=";".join(map(as_written, art.reporters)),
            correspondents=";".join(map(as_written, art.correspondents)), body=body,
            n_chars=len(body)))
        sents = segment.split_sentences(body)
        starts = [s for s, _, _ in sents]
        for i, (s, end, t) in enumerate(sents, start=1):
            rows["sentences"].append(dict(article_id=aid, sentence_id=i, start=s, end=end, text=t))
        orgs = extract_org_mentions(body)
        for o in orgs:
            name = as_written(o.name)
            rows["org_mentions"].append(dict(org_id=org_id_for(name), article_id=aid,
                                             sentence_id=_sentence_of(sents, o.start, starts), start=o.start, end=o.end,
                                             surface=o.surface))
            rows["org_names"].append(dict(name=name, surface=o.surface, org_type=o.org_type))
            if name != o.name:  # a traditional-script name: its simplified form is an alias
                rows["org_names"].append(dict(name=name, surface=o.name, org_type=o.org_type))
        dates = extract_dates(body, pub_date, dateline_day(art.byline, pub_date),
                              report_year(art.kicker, art.headline, art.subheadline))
        holders = find_holders(body, orgs, art.headline)  # candidate subjects, read once per article
        for n, q in enumerate(extract_quantities(body, sents, orgs, pub_date, holders), start=1):
            rows["quantities"].append(dict(
                quantity_id=f"{aid}:q{n:03d}", article_id=aid, sentence_id=_sentence_of(sents, q.start, starts),
                start=q.start, end=q.end, surface=q.surface, value=q.value, unit=q.unit, unit_text=q.unit_text,
                kind=q.kind, metric=q.metric, subject=as_written(q.subject), subject_type=q.subject_type,
                entity_id=entity_id_for(q.subject_type, as_written(q.subject), aid),
                subject_rule=q.subject_rule if q.subject else "", correction="",
                org_id=org_id_for(as_written(q.org_name)) if q.org_name else "",
                period=q.period, approximate=q.approximate, forecast=q.forecast))
        for n, e in enumerate(extract_events(body, sents, dates, orgs, pub_date, holders), start=1):
            rows["events"].append(dict(
                event_id=f"{aid}:e{n:03d}", article_id=aid, sentence_id=_sentence_of(sents, e.start, starts),
                start=e.start, end=e.end, surface=e.surface, sentence=e.sentence, event_type=e.event_type,
                subject=as_written(e.subject), subject_type=e.subject_type,
                entity_id=entity_id_for(e.subject_type, as_written(e.subject), aid),
                org_id=org_id_for(as_written(e.org_name)) if e.org_name else "", date=e.date,
                date_precision=e.date_precision, planned=e.planned, n_mentions=e.n_mentions,
                subject_rule=e.subject_rule if e.subject else "", correction="",
                stated_duration=e.stated_duration))
    return rows



def _extract_and_frame(doc: load.RawDocument, meta: dict) -> dict:
    """A document's rows as checked Arrow batches, their CSV text and the summaries the
    corpus-wide stage reads (``frames.fold``): made here, in the worker, so that the main process
    only concatenates and merges."""
    rows = process_document(doc, meta)
    res: dict[str, Any] = {t: columns_of(t, rows[t]) for t in STREAMED}
    for t in STREAMED:  # a value the table does not allow fails this document, not the build
        schema.check_allowed(t, res[t])
    res["entity_summary"] = summarize_file(res["quantities"], res["events"], res["sentences"])
    out = fold(res, rows)
    if doc.fmt == "html":  # what the build found in a web page
        arts = res["articles"]
        out["input"] = dict(title=arts["headline"][0] if arts["headline"] else "",
                            page_pub_date=doc.page.get("pub_date", ""), body_chars=sum(arts["n_chars"]))
    return out


#: Written so that every step of a build runs once (each reader, and the patterns and vocabularies it
#: compiles or loads on first use): a byline whose last name is glued to its place, figures in 成 and in
#: fractions, a milestone just done (刚刚), one whose verb needs its object (获得…不动产权证), a numbered heading,
#: a firm named by common words only (新能源科技公司), a lunar date (its library imported, a year computed).
WARM_UP_PAGE = ("示例标题\n本报讯（记者 张三 通讯员 李四丽水）浙江示例科技有限公司（以下简称“示例科技”）总投资约12.5亿元，"
                "用地面积120亩，于2024年3月开工，同年12月31日封顶，预计明年6月投产，达产后年产值超百分之二十。\n"
                "今年1-10月，经开区规上工业增加值同比增长8.6%，新签约项目6个。\n"
                "（一）示例新材料项目厂房刚刚结顶，企业已获得该地块不动产权证，本地配套率约六成，三分之一产品出口，"
                "一家新能源科技公司参与建设。农历正月初八，示例园区召开大会。\n")
_warm = False


def _warm_extraction() -> None:
    """Extract and frame :data:`WARM_UP_PAGE` once per process, outside any document's budget.

    Otherwise the first document of a process pays, inside its own CPU budget, the start-up costs
    of every step: jieba's dictionary, the vocabularies, the patterns compiled on first use, the
    first Arrow and schema calls — 2–3 s here, more than the 5 s minimum on a slow or freshly
    installed machine, and a page of a hundred characters failed for it."""
    global _warm
    if _warm:
        return
    from .. import vocab
    from ..extract import lexicon

    vocab.preload()
    lexicon.preload()
    page = load.RawDocument(doc_id="warm-up", file="warm-up.txt", text=WARM_UP_PAGE, encoding="utf-8",
                            sha256="", n_bytes=len(WARM_UP_PAGE.encode("utf-8")), fmt="text")
    with collecting_notes():  # the page's own notes are nobody's
        _extract_and_frame(page, {})
    _warm = True


def process_file(path: str, raw_dir: str, meta: dict, skip_bad: bool = False) -> dict:
    """Read, extract and frame one file: the unit of work of every engine (pure but for reading ``path``)."""
    try:
        doc = load.read_document(Path(path), Path(raw_dir))
    except InputError as exc:  # the build names it, with every other failure, once the rest is built
        return {"skipped": {"file": Path(path).relative_to(raw_dir).as_posix(), "problem": exc.problem}}
    rel = Path(path).relative_to(raw_dir).as_posix()
    per_10k = float(os.environ.get("LISHUI_DOC_BUDGET", config.DOC_BUDGET_PER_10K))
    budget = seconds_for(len(doc.text), per_10k, config.DOC_BUDGET_MIN) if per_10k > 0 else 0.0
    # One document never stops the build: whatever goes wrong in its extraction — a loop on a
    # layout nobody foresaw, a value its table does not allow, a bug — fails this document alone.
    try:
        _warm_extraction()  # (inside the try: if extraction itself is broken, each document says so)
        with cpu_budget(budget), collecting_notes() as notes:
            res = _extract_and_frame(doc, meta)
    except BudgetExceeded:
        return {"failed": {"file": rel, "problem": f"extraction took more than {budget:g} s of CPU "
                                                   f"({len(doc.text):,} characters; budget {per_10k:g} s "
                                                   "per 10,000, LISHUI_DOC_BUDGET)"}}
    except Exception as exc:  # noqa: BLE001 - reported per document, with its type
        msg = " ".join(str(exc).split())[:300]
        return {"failed": {"file": rel, "problem": f"extraction failed: {type(exc).__name__}: {msg}"}}
    res["notes"] = notes  # warnings about this file, (kind, message): the build says them with its name
    res["input"] = {"file": doc.file, "sha256": doc.sha256, "bytes": doc.n_bytes, "encoding": doc.encoding,
                    "pub_date": meta.get("pub_date", ""), "chars": len(doc.text), **res.get("input", {})}
    return res

#!/usr/bin/env python3
"""Build benchmark (`make bench`): speed, memory and per-stage time of `lishui-analysis build`.

Generates reproducible corpora from the bundled page and the test fixtures —
numbers, company names and dates varied with a seeded generator — at 1×, 100×,
1,000× and 10,000× the bundled page, builds each in a fresh process, and
measures wall time, characters and articles per second, peak resident memory,
the time per stage on a sample, the speed-up of --jobs 2, an incremental
rebuild, and the speed of JioNLP's money extractor on the same pages. Prints a table and writes benchmarks/results.json.

    python benchmarks/bench_build.py [--sizes 1,100,1000,10000] [--keep] [--no-reports]
    python benchmarks/bench_build.py --reports-only   # re-time `lishui-analysis report` only
    python benchmarks/bench_build.py --html-only      # re-time HTML extraction per page only
    python benchmarks/bench_build.py --linear-only [N] # re-time the worst shapes of text only, at N (50,000) and 2N
                                                      # characters (≈ 1.5 minutes)
    python benchmarks/bench_build.py --jionlp-only [N] # re-measure the comparison with JioNLP's money extractor
                                                      # on the N× corpus (1,000) only
    python benchmarks/bench_build.py --markdown   # the README's figures from results.json
    python benchmarks/bench_build.py --readme     # … written into README.md between its bench markers
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
CORPUS = ROOT / "benchmarks" / "corpus"
SEEDS = [ROOT / "data" / "raw" / "lishui-edz-2024-12.txt", *sorted((ROOT / "tests" / "fixtures" / "layouts").glob("*.txt"))]
NAMES = ["强达", "东升", "医准", "珏芯", "斯柯特", "丽晖", "汇涵", "凯众", "青禾", "缙锋", "松茂", "丽星", "云栖", "正帆"]


def vary(text: str, rng: random.Random) -> str:
    """Same shapes, other values: digits, company names and months change; layout stays."""
    text = re.sub(r"\d+(?:\.\d+)?", lambda m: str(round(float(m.group()) * rng.uniform(0.5, 1.5), 2)
                                                   if "." in m.group() else max(1, int(int(m.group()) * rng.uniform(0.5, 1.5))))
                  if len(m.group()) != 4 else str(rng.randint(2015, 2026)), text)
    for name in NAMES:
        if name in text and rng.random() < 0.5:
            text = text.replace(name, rng.choice(NAMES))
    return text


def make_corpus(size: int, seed: int = 20241209) -> Path:
    """``size`` pages: as many characters as ``size`` copies of the bundled page."""
    target = CORPUS / f"x{size}"
    if (target / ".complete").exists():
        return target
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    rng = random.Random(seed)
    seeds = [p.read_text(encoding="utf-8") for p in SEEDS]
    page_chars = len(seeds[0])
    fixtures_page = "\n\n".join(seeds[1:])  # the other outlets' layouts, as one page
    written, i = 0, 0
    while written < size * page_chars:
        # pages of realistic size: mostly the bundled page varied, every fifth the fixture layouts
        text = seeds[0] if i == 0 else vary(fixtures_page if i % 5 == 0 else seeds[0], rng)
        (target / f"page{i:06d}.txt").write_text(text, encoding="utf-8")
        written += len(text)
        i += 1
    (target / ".complete").write_text(str(i))
    return target


def _one_build(raw: str, out: str, jobs: int, cold: bool, engine: str = "local") -> None:
    """Child process: warm start-up, then time one build; prints a JSON line."""
    from lishui_analysis.tables import document, corpus as tables

    # Start-up (imports, vocabularies, compiled patterns, dependency versions; tables.warm_up)
    # is done first, then the build is timed.
    tables.warm_up()

    spent = {"seconds": 0.0, "files": 0}
    real = document.process_file

    def timed(*a, **k):  # per-file work as the in-process engine does it; the rest is the main process
        t = time.perf_counter()
        try:
            return real(*a, **k)
        finally:
            spent["seconds"] += time.perf_counter() - t
            spent["files"] += 1

    if jobs == 1:  # (a local function cannot be sent to worker processes)
        document.process_file = timed
    if cold:
        shutil.rmtree(out, ignore_errors=True)
    r0, c0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    rows = tables.build(raw, out, jobs=jobs, engine=engine)
    wall = time.perf_counter() - t
    r1, c1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = sum(b.ru_utime + b.ru_stime - a.ru_utime - a.ru_stime for a, b in ((r0, r1), (c0, c1)))
    own = r1.ru_maxrss
    kids = c1.ru_maxrss
    print(json.dumps({"build_seconds": wall, "cpu_seconds": cpu, "peak_rss_mb": max(own, kids) / 1024, "articles": rows["articles"],
                      "extracted_files": spent["files"] if jobs == 1 else None,
                      "main_ms_per_file": (wall - spent["seconds"]) / max(spent["files"], 1) * 1000 if jobs == 1 else None}))


def run_build(raw: Path, out: Path, jobs: int = 1, cold: bool = True, engine: str = "local") -> dict:
    """One build in a fresh process: wall time and peak RSS of that process (and its workers).
    ``cold``: from an empty output folder (no cache); else a rebuild over the previous one."""
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, __file__, "--one", str(raw), str(out), str(jobs), "1" if cold else "0", engine],
                         capture_output=True, text=True, cwd=ROOT, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    return json.loads(res.stdout.strip().splitlines()[-1]) | {"process_seconds": time.perf_counter() - t0}


def incremental(size: int) -> dict:
    """Add one page to the built corpus of ``size`` and rebuild over the previous output."""
    raw = make_corpus(size)
    out = CORPUS / f"out{size}"
    extra = raw / "zz_added_page.txt"
    extra.write_text(vary(SEEDS[0].read_text(encoding="utf-8"), random.Random(7)), encoding="utf-8")
    try:
        return run_build(raw, out, cold=False)
    finally:
        extra.unlink()


#: Corpus sizes whose peak memory is compared (issue #20: 300 → 3,000 pages at most ×1.3); env
#: BENCH_MEMORY_SIZES, e.g. ``300,3000,50000`` to add 50,000× (≈ 1 GB of text generated, ≈ 15 min a build).
MEMORY_SIZES = "300,3000"


def memory_growth(sizes: list[int]) -> dict:
    """Peak RSS of a cold build (fresh process, after ``warm_up``, one core) at each size, and the
    ratio of the largest to the smallest: memory flat with the corpus is a ratio near 1."""
    out = {}
    for size in sizes:
        raw = make_corpus(size)
        r = run_build(raw, CORPUS / f"out_mem{size}")
        shutil.rmtree(CORPUS / f"out_mem{size}", ignore_errors=True)
        out[str(size)] = {"files": len(list(raw.glob("*.txt"))), "peak_rss_mb": r["peak_rss_mb"],
                          "cpu_seconds": r["cpu_seconds"]}
        print(f"peak memory at {size:,}x: {r['peak_rss_mb']:.0f} MB ({r['cpu_seconds']:.1f} s CPU)", flush=True)
    lo, hi = str(min(sizes)), str(max(sizes))
    return {"sizes": out, "from": int(lo), "to": int(hi), "ratio": out[hi]["peak_rss_mb"] / out[lo]["peak_rss_mb"]}


def time_reports() -> dict:
    """`make reports` end to end (fresh process, tables already built) with 1 and with all CPUs."""
    out = {}
    for jobs in (1, os.cpu_count() or 1):
        rep = CORPUS / f"reports_j{jobs}"
        t = time.perf_counter()
        subprocess.run([str(ROOT / ".venv" / "bin" / "lishui-analysis") if (ROOT / ".venv").exists() else "lishui-analysis",
                        "report", "--out", str(rep), "--jobs", str(jobs)], cwd=ROOT, check=True, capture_output=True)
        wall = time.perf_counter() - t
        runs = json.loads((rep / "index.json").read_text(encoding="utf-8"))
        per = {r["name"]: round(r["seconds"], 2) for r in runs}
        out[f"jobs{jobs}"] = {"seconds": wall, "per_notebook_seconds": per}
        shutil.rmtree(rep, ignore_errors=True)
    return out


def stage_times(raw: Path, n_files: int = 50) -> dict:
    """Seconds per stage over a sample of files, in this process (after warm-up)."""
    from lishui_analysis.ingest import clean, load, segment
    from lishui_analysis.tables.document import process_document
    from lishui_analysis.extract.dates import extract_dates
    from lishui_analysis.extract.events import extract_events
    from lishui_analysis.extract.organizations import extract_org_mentions
    from lishui_analysis.extract.quantities import extract_quantities
    from lishui_analysis.extract.subjects import find_holders

    files = sorted(raw.glob("*.txt"))[:n_files]
    stages = dict.fromkeys(["load", "clean", "segment", "sentences", "organizations", "dates", "holders", "quantities", "events"], 0.0)
    process_document(load.read_document(SEEDS[0]), {})  # compile every lazy pattern, load vocabularies
    for f in files:
        t = time.perf_counter(); doc = load.read_document(f, raw); stages["load"] += time.perf_counter() - t
        t = time.perf_counter(); text = clean.normalize_text(doc.text); stages["clean"] += time.perf_counter() - t
        t = time.perf_counter(); arts = segment.segment_page(text); stages["segment"] += time.perf_counter() - t
        for a in arts:
            t = time.perf_counter(); s = segment.split_sentences(a.body); stages["sentences"] += time.perf_counter() - t
            t = time.perf_counter(); o = extract_org_mentions(a.body); stages["organizations"] += time.perf_counter() - t
            t = time.perf_counter(); d = extract_dates(a.body, "2024-12"); stages["dates"] += time.perf_counter() - t
            # the candidate holders, read once per article as the build does (before, each of the next two
            # stages read them again: the holders' time was counted twice, once in each)
            t = time.perf_counter(); h = find_holders(a.body, o, a.headline); stages["holders"] += time.perf_counter() - t
            t = time.perf_counter(); extract_quantities(a.body, s, o, "2024-12", h); stages["quantities"] += time.perf_counter() - t
            t = time.perf_counter(); extract_events(a.body, s, d, o, "2024-12", h); stages["events"] += time.perf_counter() - t
    return {k: round(v / len(files) * 1000, 3) for k, v in stages.items()}  # ms per file


def make_web_page(rng: random.Random, paragraphs: int = 30) -> bytes:
    """A portal-like saved page of ≈ 300 KB: scripts, navigation, the article, related links,
    comments and a footer (the shapes of a real news page; the words are the bundled page's)."""
    words = SEEDS[0].read_text(encoding="utf-8").split("\n")
    prose = [w for w in words if len(w) > 40]
    nav = "".join(f"<li><a href='/c{i}'>{rng.choice(NAMES)}频道</a></li>" for i in range(200))
    script = "<script>var config = {" + ",".join(f"k{i}: 'v{i}'" for i in range(16000)) + "};</script>"
    body = "".join(f"<p>{rng.choice(prose)}</p>" for _ in range(paragraphs))
    related = "".join(f"<li><a href='/a{i}'>{rng.choice(prose)[:24]}</a><span>2024-12-0{i % 9 + 1}</span></li>"
                      for i in range(100))
    comments = "".join(f"<div class='comment'><p>{rng.choice(prose)[:60]}</p><span>举报 回复</span></div>" for _ in range(50))
    html = (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>丽水经开区项目集中开工_示例网</title>{script}</head>"
            f"<body><div class='nav'><ul>{nav}</ul></div><div class='main'><h1>丽水经开区项目集中开工</h1>"
            f"<div class='info'>2024-12-09 10:00 来源：丽水日报</div><div class='content'>{body}"
            f"<p>责任编辑：张三</p></div></div><div class='related'><ul>{related}</ul></div>"
            f"<div class='comments'>{comments}</div><div class='footer'>版权所有 示例网</div></body></html>")
    return html.encode("utf-8")


def html_times(runs: int = 20) -> dict:
    """Milliseconds per page of HTML extraction (``webpage.read_page``: decode, parse, find the
    article and its metadata), the median of ``runs``: the test fixtures and a ≈ 300 KB portal page."""
    from lishui_analysis.ingest import webpage

    pages = {p.name: p.read_bytes() for p in sorted((ROOT / "tests" / "fixtures" / "web").glob("*.html"))}
    pages["portal_300KB"] = make_web_page(random.Random(7))
    out = {}
    for name, data in pages.items():
        webpage.read_page(data, name)
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            webpage.read_page(data, name)
            times.append(time.perf_counter() - t)
        out[name] = {"kb": round(len(data) / 1024), "ms": round(sorted(times)[runs // 2] * 1000, 2)}
    return out


# ---- linear in every input (issue #16) -------------------------------------------------------------
_POOL = "甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土风雷山泽天地日月星辰江河湖海松柏竹梅兰菊桃李杏梨枫杨柳槐桂樟桐"


def _uniq(i: int) -> str:
    """A distinct three-character name for each ``i`` (up to 64³)."""
    p = len(_POOL)
    return _POOL[i % p] + _POOL[i // p % p] + _POOL[i // p // p % p]


def _repeat(unit: str):
    return lambda n: (unit * (n // len(unit) + 1))[:n]


def _numbered(piece):
    def text(n: int) -> str:
        out, size, i = [], 0, 0
        while size < n:
            out.append(piece(i))
            size += len(out[-1])
            i += 1
        return "".join(out)[:n]
    return text


def _halves(a: str, b: str):
    return lambda n: _repeat(a)(n // 2) + _repeat(b)(n - n // 2)


#: Web pages and name lists whose time once grew faster than their size (the tests check what they
#: give; how their time grows is measured here, never timed in a test): name → (what it is, how to
#: make one of size n).
_PROSE = "<p>丽水经开区云岭精密项目今年完成投资三亿元。</p>"
LINEAR_PAGES = {
    "page_one_line": ("a page of n paragraphs on one line", lambda n: ("<html><body><div>" + _PROSE * n
                                                                     + "</div></body></html>").encode()),
    "page_nested_titles": ("n nested headline-like elements around three paragraphs",
                           lambda n: ("<html><head><title>经开区新闻标题</title></head><body>" + "<div class='title'>" * n
                                      + _PROSE * 3 + "</div>" * n + "</body></html>").encode()),
}


def _cpu_of_page(html: bytes, runs: int = 3) -> float:
    """Least CPU seconds of reading one saved web page (``webpage.read_page``) of ``runs``."""
    from lishui_analysis.ingest import webpage

    best = float("inf")
    for _ in range(runs):
        t = time.process_time()
        webpage.read_page(html, "shape.html")
        best = min(best, time.process_time() - t)
    return best


def _cpu_of_names(n: int) -> float:
    """CPU seconds of resolving ``n`` synthetic names (companies, their short forms, projects, batches)."""
    from lishui_analysis.tables import entities as ent

    recs = []
    for i in range(n // 4):
        trade = f"云岭{i}"
        recs += [ent.name_record("company", f"浙江{trade}科技有限公司"), ent.name_record("company", f"{trade}科技"),
                 ent.name_record("project", f"{trade}年产{i}万件项目"), ent.name_record("batch", f"{i}个项目", scope="x")]
    t = time.process_time()
    ent.resolve_entities(recs)
    return time.process_time() - t


def page_linear_times() -> dict:
    """CPU time of the web-page reader on :data:`LINEAR_PAGES` at n and 2n, and of entity resolution at
    5,000 and 10,000 names: ratio ≈ 2 when linear."""
    out = {}
    for name, (what, make) in LINEAR_PAGES.items():
        n = 4_000 if name == "page_one_line" else 1_000
        a, b = _cpu_of_page(make(n)), _cpu_of_page(make(2 * n))
        out[name] = {"shape": what, "n": n, "seconds": round(a, 4), "seconds_2x": round(b, 4), "ratio": round(b / max(a, 1e-6), 2)}
    a, b = min(_cpu_of_names(5_000) for _ in range(2)), min(_cpu_of_names(10_000) for _ in range(2))
    out["entity_names"] = {"shape": "n names to resolve into entities", "n": 5_000, "seconds": round(a, 4),
                           "seconds_2x": round(b, 4), "ratio": round(b / max(a, 1e-6), 2)}
    for k, v in out.items():
        print(f"  {k}: {v['seconds']:.3f} s → {v['seconds_2x']:.3f} s, ratio {v['ratio']:.2f}")
    return out


#: The worst shapes of text found (each was quadratic or worse before #16), one body of n characters
#: each: name → (what it is, how to write it).
LINEAR_SHAPES = {
    "one_sentence": ("one long sentence without breaks", _repeat("云岭精密投资五亿元建设年产十万台机械项目并于六月开工")),
    "list": ("a long list A、B、C…", _repeat("云岭新材料项目、")),
    "list_of_verbs": ("a list whose items each carry a milestone verb", _numbered(lambda i: _uniq(i) + "项目开工、")),
    "figures": ("many figures in one sentence", _repeat("投资3亿元，")),
    "percentages": ("many percentages in one sentence", _repeat("增长12.5%，")),
    "verbs": ("many milestone verbs in one sentence", _repeat("开工投产签约竣工")),
    "verbs_after": ("many conditions (开工后，) in one sentence", _repeat("开工后，")),
    "company": ("a repeated company sentence", _repeat("浙江云岭精密机械有限公司今年新增投资3亿元，计划明年5月开工。")),
    "companies": ("many distinct companies", _numbered(lambda i: "浙江" + _uniq(i) + "精密机械有限公司投资3亿元，")),
    "alias_notes": ("many companies with 以下简称 notes", _numbered(
        lambda i: f"浙江{_uniq(i)}科技有限公司（以下简称“{_uniq(i)}科技”）投资，{_uniq(i)}科技开工，")),
    "government": ("many distinct government bodies", _numbered(lambda i: "丽水市" + _uniq(i) + "局，")),
    "same_char": ("one very long line of the same character", _repeat("云")),
    "numerals": ("a run of Chinese numerals ending in a word", lambda n: "九" * (n - 1) + "的"),
    "code_chain": ("a chain of codes 1-1-1-…", _repeat("1-")),
    "enumerations": ("a list holding many enumeration verbs (如甲、如乙、…)", _numbered(lambda i: "如" + _uniq(i) + "、")),
    "brackets": ("deeply nested, unbalanced brackets and quotes", _repeat("（“【云岭")),
    "quotations": ("a paragraph opening a quotation full of figures", _repeat("“该项目投资3亿元，")),
    "durations": ("many stated durations in one clause (历时3天封顶…)", _repeat("历时3天封顶从开工到投产仅用了5个月")),
    "dates": ("many dated milestones in one sentence", _repeat("2024年5月开工，")),
    "used_dates": ("milestones after many dates used by others", _halves("云岭项目2024年5月开工，", "云岭项目封顶，")),
    "timeline": ("a year, then many bare months told after it across ；", lambda n: "2020年1月开工；" + _repeat("12月20日封顶；")(n)),
    "bylines": ("a byline line per name, many names", _numbered(lambda i: "记者 " + _uniq(i) + "\n")),
    "broken_lines": ("many lines broken inside one sentence", _repeat("云岭精密投资五亿元建设" * 11 + "\n")),
    "meta_lines": ("a page of metadata lines, each heading an article", _numbered(lambda i: f"来源：丽水日报 记者 {_uniq(i)}\n")),
    "listed_after": ("verbs each followed by a list of holders", _repeat("开工的有浙江云岭精密机械有限公司、")),
}
#: Shapes known to grow faster than the text (measured at a fifth of the size): none since session 30
#: (listed_after — 开工的有甲公司、开工的有乙公司、… where each verb's list ran on through the verbs after
#: it — ends each list at the next milestone verb and is one of LINEAR_SHAPES).
LINEAR_KNOWN: dict = {}
LINEAR_FLAG = 2.6


def _cpu_of_document(body: str, runs: int = 3) -> float:
    """Least CPU seconds of ``process_document`` on a page of one title and ``body``: of ``runs``, or
    of five when one run takes less than a quarter of a second (short runs vary the most)."""
    import gc
    import logging

    from lishui_analysis.ingest.load import RawDocument
    from lishui_analysis.tables.document import process_document

    logging.disable(logging.WARNING)  # (a page of one shape has no byline: one untitled-article warning each)
    text = "标题\n" + body + "\n"
    doc = RawDocument("shape", "shape.txt", text, "utf-8", "0", len(text), "text")
    best, k = float("inf"), 0
    while k < runs or (k < 5 and best < 0.25):
        gc.collect()
        t = time.process_time()
        process_document(doc, {"pub_date": "2024-05-01"})
        best = min(best, time.process_time() - t)
        k += 1
    logging.disable(logging.NOTSET)
    return best


def _linear_shape(name: str, size: int) -> None:
    """Child process: CPU seconds of one shape at ``size`` and ``2 * size`` characters, as a JSON line."""
    from lishui_analysis.tables import corpus as tables

    tables.warm_up()
    _cpu_of_document("云岭科技投资3亿元。", runs=1)  # compile every lazy pattern, load vocabularies
    _, make = {**LINEAR_SHAPES, **LINEAR_KNOWN}[name]
    print(json.dumps([_cpu_of_document(make(size)), _cpu_of_document(make(2 * size))]))


def linear_times(n: int = 50_000) -> dict:
    """CPU time of ``process_document`` on each worst shape at ``n`` and ``2n`` characters and their
    ratio (≈ 2 when linear, ≈ 4 when quadratic); a ratio above :data:`LINEAR_FLAG` is flagged. Each
    shape is timed in a fresh process (what other shapes left in caches and memory does not count),
    a flagged one twice (the lower ratio kept)."""
    out = {}
    for known, shapes in ((False, LINEAR_SHAPES), (True, LINEAR_KNOWN)):
        size = n // 5 if known else n
        for name, (what, _) in shapes.items():
            # A busy machine can push one pair of short timings past the flag: a flagged shape is timed
            # once more, in another process, and the lower ratio kept (a quadratic one stays near 4).
            for attempt in range(2):
                res = subprocess.run([sys.executable, __file__, "--linear-shape", name, str(size)], capture_output=True,
                                     text=True, cwd=ROOT, check=True, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
                a2, b2 = json.loads(res.stdout.strip().splitlines()[-1])
                if attempt == 0 or b2 / max(a2, 1e-6) < ratio:
                    a, b, ratio = a2, b2, b2 / max(a2, 1e-6)
                if ratio <= LINEAR_FLAG:
                    break
            out[name] = {"shape": what, "chars": size, "seconds": round(a, 4), "seconds_2x": round(b, 4),
                         "ratio": round(ratio, 2), "flagged": ratio > LINEAR_FLAG, "known": known, "timings": attempt + 1}
            print(f"  {name:14s} {size:>7,} chars {a:7.3f}s  {2 * size:>7,} chars {b:7.3f}s  ratio {ratio:4.2f}"
                  f"{'  FLAGGED (above %.1f)' % LINEAR_FLAG if ratio > LINEAR_FLAG else ''}{'  (known)' if known else ''}",
                  flush=True)
    return out


# ---- JioNLP's money extractor on the same texts (issue #20) -------------------------------------------
JIONLP_PAIRS = 3


def _jionlp_child(raw: str) -> None:
    """Child process: ``jionlp.ner.extract_money`` (its defaults: money with parsing) on every article
    of ``raw``'s pages, one call per article text (its title lines and body, as our segmenter splits
    the page: untimed). Its import, dictionary loading and a first call come before the clock starts;
    reading and splitting the pages are not timed (ours are). Prints a JSON line."""
    import contextlib
    import io

    try:
        with contextlib.redirect_stdout(io.StringIO()):  # (it prints a banner when imported)
            import jionlp
        version = jionlp.__version__
    except Exception as exc:  # not installed, or broken here: say which
        print(json.dumps({"error": f"{type(exc).__name__}: {exc}"}))
        return
    from lishui_analysis.ingest import clean, load, segment

    texts = []
    for f in sorted(Path(raw).glob("*.txt")):
        for a in segment.segment_page(clean.normalize_text(load.read_document(f, Path(raw)).text)):
            texts.append("\n".join(p for p in (a.kicker, a.headline, a.subheadline, a.byline, a.body) if p))
    extract = jionlp.ner.extract_money
    with contextlib.redirect_stdout(io.StringIO()):
        extract(texts[0])
    c, t = time.process_time(), time.perf_counter()
    found = sum(len(extract(x)) for x in texts)
    wall, cpu = time.perf_counter() - t, time.process_time() - c
    print(json.dumps({"version": version, "seconds": wall, "cpu_seconds": cpu, "texts": len(texts),
                      "chars": sum(map(len, texts)), "amounts": found}))


def jionlp_comparison(size: int) -> dict:
    """Our whole build (one process, one core, after ``tables.warm_up()``, no cache) and JioNLP's
    money-only extractor on the same pages, in :data:`JIONLP_PAIRS` alternating pairs of fresh
    processes (the machine's load drifts): characters per second of each, medians, and their ratio.
    Without JioNLP (``pip install -e '.[bench]'``; ``make bench`` installs it) the comparison is
    skipped with the reason."""
    raw = make_corpus(size)
    chars = sum(len(f.read_text(encoding="utf-8")) for f in sorted(raw.glob("*.txt")))
    ours, theirs = [], []
    for _ in range(JIONLP_PAIRS):
        ours.append(chars / run_build(raw, CORPUS / f"out{size}jio")["build_seconds"])
        res = subprocess.run([sys.executable, __file__, "--jionlp", str(raw)], capture_output=True, text=True,
                             cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
        lines = res.stdout.strip().splitlines()
        j = json.loads(lines[-1]) if res.returncode == 0 and lines else {
            "error": (res.stderr.strip().splitlines() or [f"exit status {res.returncode}"])[-1]}
        if "error" in j:
            print(f"JioNLP comparison skipped: jionlp cannot be imported here ({j['error']}); "
                  "`make bench` installs it (pip install -e '.[bench]', from PyPI)")
            shutil.rmtree(CORPUS / f"out{size}jio", ignore_errors=True)
            return {"size": size, "skipped": j["error"]}
        theirs.append(j["chars"] / j["seconds"])
    shutil.rmtree(CORPUS / f"out{size}jio", ignore_errors=True)
    med = lambda xs: sorted(xs)[len(xs) // 2]  # noqa: E731
    out = {"size": size, "version": j["version"], "chars": chars, "jionlp_chars": j["chars"], "texts": j["texts"],
           "amounts": j["amounts"], "ours_chars_per_second": med(ours), "jionlp_chars_per_second": med(theirs),
           "ours_runs": ours, "jionlp_runs": theirs}
    out["ratio"] = out["ours_chars_per_second"] / out["jionlp_chars_per_second"]
    print(f"whole build vs JioNLP {out['version']} ner.extract_money on {size}x: {out['ours_chars_per_second']:,.0f} vs "
          f"{out['jionlp_chars_per_second']:,.0f} chars/s, ratio {out['ratio']:.2f} (medians of {JIONLP_PAIRS} pairs)")
    return out


def jionlp_line(j: dict) -> str:
    """The README's line for :func:`jionlp_comparison`."""
    if "skipped" in j:
        return f"* JioNLP's `ner.extract_money` on {j['size']:,}×: not measured (jionlp could not be imported: {j['skipped']})."
    return (f"* Against a money-only parser, on the same {j['size']:,}× pages: the whole build "
            f"**{j['ours_chars_per_second']:,.0f}** characters/s, JioNLP {j['version']} `ner.extract_money` (money "
            f"with parsing, one call per article, {j['texts']:,} articles, {j['jionlp_chars']:,} characters, "
            f"{j['amounts']:,} amounts; after its import) **{j['jionlp_chars_per_second']:,.0f}**: ratio "
            f"**{j['ratio']:.2f}** (target ≥ 1.0; medians of {len(j['ours_runs'])} alternating pairs of fresh "
            "processes; ratios " + ", ".join(f"{a / b:.2f}" for a, b in zip(j["ours_runs"], j["jionlp_runs"])) + ").")


TARGETS = {"chars_per_second": 500_000, "bundled_page_ms": 20, "jobs2_speedup": 1.85, "peak_rss_mb_10000": 400,
           "peak_rss_ratio": 1.3, "incremental_fraction": 0.05}
TARGET_TEXT = {"chars_per_second": "≥ 500,000 characters/s on one core", "bundled_page_ms": "bundled page < 20 ms",
               "jobs2_speedup": "`--jobs 2` ≥ 1.85×", "peak_rss_mb_10000": "10,000× under 400 MB",
               "peak_rss_ratio": "peak memory 300× → 3,000× at most ×1.3",
               "incremental_fraction": "one page added to 10,000× ≤ 5 % of a full build"}


def markdown(results: dict) -> str:
    """The README's benchmark table and figures, from results.json."""
    rows = ["| size | files | characters | build s | CPU s | chars/s | articles/s | peak RSS MB | main process ms/file |",
            "|---|---|---|---|---|---|---|---|---|"]
    for r in results["sizes"]:
        rows.append(f"| {r['size']:,}× | {r['files']:,} | {r['chars']:,} | {r['build_seconds']:.3g} | {r['cpu_seconds']:.3g} | "
                    f"{r['chars_per_second']:,.0f} | {r['articles_per_second']:,.0f} | {r['peak_rss_mb']:.0f} | "
                    f"{r['main_ms_per_file']:.2f} |")
    j, inc = results["jobs2"], results.get("incremental")
    one = next((r for r in results["sizes"] if r["size"] == 1), None)
    lines = ["\n".join(rows), ""]
    lines.append(f"* `--jobs 2` on {j['size']:,}×: {j['jobs1_seconds']:.2f} s → {j['jobs2_seconds']:.2f} s, "
                 f"**{j['speedup']:.2f}×** (medians of three alternating runs; pairs "
                 + ", ".join(f"{a / b:.2f}×" for a, b in zip(j["jobs1_runs"], j["jobs2_runs"]))
                 + f"), identical tables: {j['identical']}.")
    if results.get("dask"):
        d = results["dask"]
        lines.append(f"* `--engine dask` on {d['size']:,}× (a `LocalCluster` of {d['workers']} worker processes, "
                     f"cluster start included): {d['seconds']:.2f} s, identical tables: {d['identical']}.")
    if results.get("jionlp"):
        lines.append(jionlp_line(results["jionlp"]))
    if one:
        lines.append(f"* The bundled page: **{one['build_seconds'] * 1000:.1f} ms** of build work after start-up "
                     f"(median of five; CPU {one['cpu_seconds'] * 1000:.1f} ms).")
    if inc:
        lines.append(f"* One page added to the {inc['size']:,}× corpus: rebuild {inc['rebuild_seconds']:.1f} s = "
                     f"**{inc['fraction']:.1%}** of the full build ({inc['full_seconds']:.0f} s); "
                     f"{inc['extracted_files']} file extracted, the rest read from the cache.")
    mem = results.get("memory")
    if mem:
        lines.append("* Peak memory (RSS, a cold build in a fresh process): " + ", ".join(
            f"{int(k):,}× ({v['files']:,} files) {v['peak_rss_mb']:.0f} MB" for k, v in mem["sizes"].items())
            + f"; {mem['from']:,}× → {mem['to']:,}×: **×{mem['ratio']:.2f}**.")
    if results.get("html_ms_per_page"):
        lines.append("* HTML extraction (`webpage.py`: decode, parse, find the article and its metadata), "
                     "milliseconds per page (median of 20): " + ", ".join(
                         f"{k} ({v['kb']} KB) {v['ms']:.1f}" for k, v in results["html_ms_per_page"].items()) + ".")
    st = results["stage_ms_per_file"]
    lines.append("* Milliseconds per file by stage (a 5,100-character page on average): "
                 + ", ".join(f"{k} {v:.2f}" for k, v in st.items()) + ".")
    for k, v in (results.get("reports") or {}).items():
        per = ", ".join(f"{n} {s:.1f} s" for n, s in v["per_notebook_seconds"].items())
        lines.append(f"* `lishui-analysis report --jobs {k[4:]}` (all {len(v['per_notebook_seconds'])} notebooks, "
                     "a fresh process): "
                     f"{v['seconds']:.1f} s end to end; per notebook {per}.")
    lin = results.get("linear")
    if lin:
        fixed = {k: v for k, v in lin.items() if not v.get("known")}
        worst = max(fixed.values(), key=lambda v: v["ratio"])
        n = next(iter(fixed.values()))["chars"]
        lines.append(f"* Linear in every input: CPU time of one document at {n:,} and {2 * n:,} characters on "
                     f"{len(fixed)} worst shapes of text (`--linear-only`): ratios "
                     + ", ".join(f"{k} {v['ratio']:.2f}" for k, v in fixed.items())
                     + f" (≈ 2 is linear; the highest, {worst['ratio']:.2f}, {worst['shape']})"
                     + "".join(f"; still above {LINEAR_FLAG}: {v['shape']} ({v['ratio']:.2f} at {v['chars']:,} characters)"
                               for v in lin.values() if v.get("known") and v["flagged"]) + ".")
    pages = results.get("linear_pages")
    if pages:
        lines.append("* Web pages and names (`--html-only`), CPU time at n and 2n: "
                     + ", ".join(f"{v['shape']} (n = {v['n']:,}) {v['ratio']:.2f}" for v in pages.values()) + ".")
    met = results.get("met", {})
    lines.append("* Targets: " + "; ".join(
        f"{TARGET_TEXT[name]}: {'met' if ok else 'not met' if ok is not None else 'not measured'}"
        for name, ok in met.items()) + ".")
    return "\n".join(lines)


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] in (["--markdown"], ["--readme"]):
        text = markdown(json.loads((ROOT / "benchmarks" / "results.json").read_text(encoding="utf-8")))
        if argv[0] == "--markdown":
            print(text)
            return 0
        readme = (ROOT / "README.md").read_text(encoding="utf-8")
        begin, end = "<!-- bench:begin -->", "<!-- bench:end -->"
        head, rest = readme.split(begin, 1)
        (ROOT / "README.md").write_text(head + begin + "\n" + text + "\n" + end + rest.split(end, 1)[1], encoding="utf-8")
        print("README.md: benchmark figures replaced from benchmarks/results.json")
        return 0
    if argv[:1] == ["--reports-only"]:  # re-time the reports, keep the build figures
        path = ROOT / "benchmarks" / "results.json"
        results = json.loads(path.read_text(encoding="utf-8"))
        results["reports"] = time_reports()
        for k, v in results["reports"].items():
            print(f"report {k}: {v['seconds']:.1f}s end to end; per notebook {v['per_notebook_seconds']}")
        path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        return 0
    if argv[:1] == ["--html-only"]:  # time HTML extraction per page, keep the other figures
        path = ROOT / "benchmarks" / "results.json"
        results = json.loads(path.read_text(encoding="utf-8"))
        results["html_ms_per_page"] = html_times()
        print("HTML extraction, ms per page:", results["html_ms_per_page"])
        results["linear_pages"] = page_linear_times()
        path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        return 0
    if argv[:1] == ["--linear-only"]:  # time the worst shapes of text, keep the other figures
        path = ROOT / "benchmarks" / "results.json"
        results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        print(f"CPU time of one document, n and 2n characters (flagged above {LINEAR_FLAG}):")
        results["linear"] = linear_times(int(argv[1]) if len(argv) > 1 else 50_000)
        path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        return 0
    if argv[:1] == ["--linear-shape"]:
        _linear_shape(argv[1], int(argv[2]))
        return 0
    if argv[:1] == ["--jionlp-only"]:  # re-measure the JioNLP comparison, keep the other figures
        path = ROOT / "benchmarks" / "results.json"
        results = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        results["jionlp"] = jionlp_comparison(int(argv[1]) if len(argv) > 1 else 1000)
        path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
        return 0
    if argv[:1] == ["--jionlp"]:
        _jionlp_child(argv[1])
        return 0
    if argv[:1] == ["--one"]:
        raw, out, jobs, cold, engine = argv[1:6]
        _one_build(raw, out, int(jobs), cold == "1", engine)
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1,100,1000,10000"),
                    help="corpus sizes, multiples of the bundled page (default: %(default)s; env BENCH_SIZES)")
    ap.add_argument("--keep", action="store_true",
                    help="keep the build outputs (benchmarks/corpus/out*); the generated corpora are always kept "
                         "for the next run (≈ 220 MB up to 10,000×; delete benchmarks/corpus/ to regenerate)")
    ap.add_argument("--no-reports", action="store_true", help="skip timing `lishui-analysis report`")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    results = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
               "targets": TARGETS, "sizes": []}
    print(f"{'size':>7} {'files':>7} {'chars':>12} {'build s':>9} {'chars/s':>11} {'articles/s':>10} {'peak MB':>8} {'main ms/file':>12}")
    for size in sizes:
        raw = make_corpus(size)
        files = sorted(raw.glob("*.txt"))
        chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
        # Short builds vary with the machine's load: the median of five.
        runs = [run_build(raw, CORPUS / f"out{size}") for _ in range(5 if len(files) < 50 else 1)]
        r = sorted(runs, key=lambda x: x["build_seconds"])[len(runs) // 2]
        row = {"size": size, "files": len(files), "chars": chars, **r,
               "chars_per_second": chars / r["build_seconds"], "articles_per_second": r["articles"] / r["build_seconds"]}
        results["sizes"].append(row)
        print(f"{size:>7} {len(files):>7} {chars:>12,} {r['build_seconds']:>9.2f} {row['chars_per_second']:>11,.0f} "
              f"{row['articles_per_second']:>10,.0f} {r['peak_rss_mb']:>8.0f} {r['main_ms_per_file']:>12.2f}")
    mid = next((s for s in sizes if s == 1000), sizes[-1])
    raw = make_corpus(mid)
    # --jobs 1 and --jobs 2 alternately, three times each: the medians (the machine's load drifts)
    ones, twos = [], []
    for _ in range(3):
        ones.append(run_build(raw, CORPUS / f"out{mid}", jobs=1)["build_seconds"])
        twos.append(run_build(raw, CORPUS / f"out{mid}j2", jobs=2)["build_seconds"])
    one, two = sorted(ones)[1], sorted(twos)[1]
    same = all((CORPUS / f"out{mid}" / f.name).read_bytes() == f.read_bytes() for f in (CORPUS / f"out{mid}j2").iterdir()
               if f.is_file() and not f.name.startswith(".") and f.name != "manifest.json")
    results["jobs2"] = {"size": mid, "jobs1_seconds": one, "jobs2_seconds": two, "speedup": one / two, "identical": same,
                        "jobs1_runs": ones, "jobs2_runs": twos}
    # the same build on a Dask LocalCluster of two worker processes (cluster start-up included)
    dask_s = run_build(raw, CORPUS / f"out{mid}dask", jobs=2, engine="dask")["build_seconds"]
    dask_same = all((CORPUS / f"out{mid}" / f.name).read_bytes() == f.read_bytes()
                    for f in (CORPUS / f"out{mid}dask").iterdir()
                    if f.is_file() and not f.name.startswith(".") and f.name != "manifest.json")
    results["dask"] = {"size": mid, "workers": 2, "seconds": dask_s, "identical": dask_same}
    print(f"--engine dask (LocalCluster, 2 workers) on {mid}x: {dask_s:.2f}s, identical tables: {dask_same}")
    results["jionlp"] = jionlp_comparison(mid)
    print(f"--jobs 2 on {mid}x: {one:.2f}s → {two:.2f}s, speed-up {one / two:.2f}x, identical tables: {same}")
    big = sizes[-1]
    inc = incremental(big)
    full = results["sizes"][-1]["build_seconds"]
    results["incremental"] = {"size": big, "full_seconds": full, "rebuild_seconds": inc["build_seconds"],
                              "fraction": inc["build_seconds"] / full, "extracted_files": inc["extracted_files"]}
    print(f"one page added to {big}x: rebuild {inc['build_seconds']:.2f}s = {inc['build_seconds'] / full:.0%} of the "
          f"full build, {inc['extracted_files']} file(s) extracted")
    mem_sizes = [int(x) for x in os.environ.get("BENCH_MEMORY_SIZES", MEMORY_SIZES).split(",") if x]
    results["memory"] = memory_growth(mem_sizes) if mem_sizes else None
    results["stage_ms_per_file"] = stage_times(raw)
    # the rest of a build, per file: rows appended, checked and written, cache, projects (main process)
    results["stage_ms_per_file"]["write"] = round(next(r for r in results["sizes"] if r["size"] == mid)["main_ms_per_file"], 3)
    print("ms per file by stage:", results["stage_ms_per_file"])
    results["html_ms_per_page"] = html_times()
    print("HTML extraction, ms per page:", results["html_ms_per_page"])
    print("CPU time of web pages and names, n and 2n:")
    results["linear_pages"] = page_linear_times()
    print(f"CPU time of one document, n and 2n characters (flagged above {LINEAR_FLAG}):")
    results["linear"] = linear_times()
    if not args.no_reports:
        results["reports"] = time_reports()
        for k, v in results["reports"].items():
            print(f"report {k}: {v['seconds']:.1f}s end to end; per notebook {v['per_notebook_seconds']}")
    single = next((r for r in results["sizes"] if r["size"] == 1), None)
    results["met"] = {
        "chars_per_second": max(r["chars_per_second"] for r in results["sizes"] if r["size"] >= 100) >= TARGETS["chars_per_second"]
        if any(r["size"] >= 100 for r in results["sizes"]) else None,
        "bundled_page_ms": single["build_seconds"] * 1000 < TARGETS["bundled_page_ms"] if single else None,
        "jobs2_speedup": results["jobs2"]["speedup"] >= TARGETS["jobs2_speedup"],
        "peak_rss_mb_10000": next((r["peak_rss_mb"] < TARGETS["peak_rss_mb_10000"] for r in results["sizes"]
                                   if r["size"] == 10000), None),
        "peak_rss_ratio": results["memory"]["ratio"] <= TARGETS["peak_rss_ratio"] if results["memory"] else None,
        "incremental_fraction": results["incremental"]["fraction"] <= TARGETS["incremental_fraction"]
        if results["incremental"]["size"] == 10000 else None,
    }
    print("targets met:", results["met"])
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {ROOT / 'benchmarks' / 'results.json'}")
    if not args.keep:
        for p in CORPUS.glob("out*"):
            shutil.rmtree(p, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Build benchmark (`make bench`): speed, memory and per-stage time of `lishui-analysis build`.

Generates reproducible corpora from the bundled page and the test fixtures —
numbers, company names and dates varied with a seeded generator — at 1×, 100×,
1,000× and 10,000× the bundled page, builds each in a fresh process, and
measures wall time, characters and articles per second, peak resident memory,
the time per stage on a sample, the speed-up of --jobs 2, and an incremental
rebuild. Prints a table and writes benchmarks/results.json.

    python benchmarks/bench_build.py [--sizes 1,100,1000,10000] [--keep]
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


def run_build(raw: Path, out: Path, jobs: int = 1) -> dict:
    """One build in a fresh process: wall time and peak RSS of that process (and its workers)."""
    shutil.rmtree(out, ignore_errors=True)
    # Start-up (imports, vocabularies, regex compilation) is warmed on the bundled page, then the build is timed.
    code = ("import resource, sys, time; from lishui_analysis import load; "
            "from lishui_analysis.tables import build, process_document; import pandas, pyarrow.parquet, pandera.pandas; "
            f"process_document(load.read_document({str(SEEDS[0])!r}), {{}}); "
            "from lishui_analysis import schema; schema.validate('articles', schema.empty_frame('articles')); "
            "t=time.perf_counter(); "
            f"rows=build({str(raw)!r}, {str(out)!r}, jobs={jobs}); w=time.perf_counter()-t; "
            "r=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss; c=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss; "
            "print(w, max(r, c), rows['articles'])")
    t0 = time.perf_counter()
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True,
                         env={**os.environ, "PYTHONPATH": str(ROOT / "src")})
    total = time.perf_counter() - t0
    work, rss_kb, articles = res.stdout.split()
    return {"build_seconds": float(work), "process_seconds": total, "peak_rss_mb": int(rss_kb) / 1024,
            "articles": int(articles)}


def stage_times(raw: Path, n_files: int = 50) -> dict:
    """Seconds per stage over a sample of files, in this process (after warm-up)."""
    from lishui_analysis import clean, load, segment
    from lishui_analysis.tables import process_document
    from lishui_analysis.extract.dates import extract_dates
    from lishui_analysis.extract.events import extract_events
    from lishui_analysis.extract.organizations import extract_org_mentions
    from lishui_analysis.extract.quantities import extract_quantities

    files = sorted(raw.glob("*.txt"))[:n_files]
    stages = dict.fromkeys(["load", "clean", "segment", "sentences", "organizations", "dates", "quantities", "events"], 0.0)
    process_document(load.read_document(SEEDS[0]), {})  # compile every lazy pattern, load vocabularies
    for f in files:
        t = time.perf_counter(); doc = load.read_document(f, raw); stages["load"] += time.perf_counter() - t
        t = time.perf_counter(); text = clean.normalize_text(doc.text); stages["clean"] += time.perf_counter() - t
        t = time.perf_counter(); arts = segment.segment_page(text); stages["segment"] += time.perf_counter() - t
        for a in arts:
            t = time.perf_counter(); s = segment.split_sentences(a.body); stages["sentences"] += time.perf_counter() - t
            t = time.perf_counter(); o = extract_org_mentions(a.body); stages["organizations"] += time.perf_counter() - t
            t = time.perf_counter(); d = extract_dates(a.body, "2024-12"); stages["dates"] += time.perf_counter() - t
            t = time.perf_counter(); extract_quantities(a.body, s, o, "2024-12"); stages["quantities"] += time.perf_counter() - t
            t = time.perf_counter(); extract_events(a.body, s, d, o, "2024-12"); stages["events"] += time.perf_counter() - t
    return {k: round(v / len(files) * 1000, 3) for k, v in stages.items()}  # ms per file


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default=os.environ.get("BENCH_SIZES", "1,100,1000,10000"))
    ap.add_argument("--keep", action="store_true", help="keep generated corpora in benchmarks/corpus/")
    args = ap.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    results = {"machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
               "sizes": []}
    print(f"{'size':>7} {'files':>7} {'chars':>12} {'build s':>9} {'chars/s':>11} {'articles/s':>10} {'peak MB':>8}")
    for size in sizes:
        raw = make_corpus(size)
        files = sorted(raw.glob("*.txt"))
        chars = sum(len(f.read_text(encoding="utf-8")) for f in files)
        r = run_build(raw, CORPUS / f"out{size}")
        row = {"size": size, "files": len(files), "chars": chars, **r,
               "chars_per_second": chars / r["build_seconds"], "articles_per_second": r["articles"] / r["build_seconds"]}
        results["sizes"].append(row)
        print(f"{size:>7} {len(files):>7} {chars:>12,} {r['build_seconds']:>9.2f} {row['chars_per_second']:>11,.0f} "
              f"{row['articles_per_second']:>10,.0f} {r['peak_rss_mb']:>8.0f}")
    mid = next((s for s in sizes if s == 1000), sizes[-1])
    raw = make_corpus(mid)
    one = next(r for r in results["sizes"] if r["size"] == mid)["build_seconds"]
    two = run_build(raw, CORPUS / f"out{mid}j2", jobs=2)["build_seconds"]
    same = all((CORPUS / f"out{mid}" / f.name).read_bytes() == f.read_bytes() for f in (CORPUS / f"out{mid}j2").iterdir()
               if not f.name.startswith("."))
    results["jobs2"] = {"size": mid, "jobs1_seconds": one, "jobs2_seconds": two, "speedup": one / two, "identical": same}
    print(f"--jobs 2 on {mid}x: {one:.2f}s → {two:.2f}s, speed-up {one / two:.2f}x, identical output: {same}")
    results["stage_ms_per_file"] = stage_times(raw)
    print("ms per file by stage:", results["stage_ms_per_file"])
    (ROOT / "benchmarks" / "results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {ROOT / 'benchmarks' / 'results.json'}")
    if not args.keep:
        for p in CORPUS.glob("out*"):
            shutil.rmtree(p, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""What each named step of the pipeline is worth: switch it off, rebuild, score, compare.

    python tools/ablate.py --raw DIR --gold DIR --score PATH/score.py [--stage events] [--jobs 2]
    make ablate EVAL=../shared/eval        # the development set, if you have it beside the repo

For every named step (the step tuples of ``segment``, ``webpage``, ``holders``, ``resolve``,
``events`` and ``entities``, and the branches switched with ``config.step_on``) the corpus is
rebuilt with that step off (``LISHUI_STEPS_OFF``, no cache) and scored with the given scorer;
the table printed lists, per step, how many documents' rows change and what the step is worth
(the score with it minus the score without it) — macro F1, events + subject F1, subject right.
A step that changes no document of a development set is dead there; a step that changes one
is worth checking against the rule that it must hold for a class of texts, not one sentence.
A development tool: nothing in the package imports it, and the tests do not run it.
"""
from __future__ import annotations

import argparse
import csv
import json
import os
import re
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src" / "lishui_analysis"
TABLES = ("articles", "quantities", "org_mentions", "events")
FIGURES = ("macro", "events_subject", "subject_acc")


def step_names() -> list[str]:
    """Every switchable step, ``stage.name``, in pipeline order."""
    sys.path.insert(0, str(ROOT / "src"))
    from lishui_analysis.extract import events, figure_holder, holders
    from lishui_analysis.ingest import articles, segment, webpage
    from lishui_analysis.tables import resolution

    groups = [("segment", segment.PAGE_STEPS), ("segment", articles.ARTICLE_STEPS), ("segment", articles.LINE_STEPS),
              ("webpage", webpage.PAGE_STEPS), ("holders", holders.HOLDER_STEPS), ("holders", holders.HEAD_READINGS),
              ("resolve", figure_holder.RESOLVE_STEPS), ("events", events.EVENT_STEPS),
              ("entities", resolution.ENTITY_STEPS), ("entities", resolution.SHORT_NAME_STEPS)]
    names = [f"{stage}.{f.__name__.lstrip('_')}" for stage, steps in groups for f in steps]
    # branches inside a step: config.step_on(STAGE or "stage", "name")
    stages = {"STAGE": None}
    for path in sorted(SRC.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        m = re.search(r'^STAGE = "(\w+)"', text, re.M)
        stages["STAGE"] = m.group(1) if m else None
        for stage, name in re.findall(r'step_on\((STAGE|"\w+"), "(\w+)"\)', text):
            stage = stages["STAGE"] if stage == "STAGE" else stage.strip('"')
            names.append(f"{stage}.{name}")
    return list(dict.fromkeys(names))


def build(raw: Path, out: Path, off: str = "") -> None:
    env = {**os.environ, "LISHUI_STEPS_OFF": off, "PYTHONPATH": str(ROOT / "src")}
    subprocess.run([sys.executable, "-m", "lishui_analysis.cli", "build", "--no-cache", "--skip-bad", "--raw", str(raw),
                    "--out", str(out)], env=env, check=True, capture_output=True)


def score(scorer: Path, gold: Path, pred: Path) -> dict:
    r = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--pred", str(pred), "--json"],
                       check=True, capture_output=True, text=True)
    return json.loads(next(line for line in r.stdout.splitlines() if line.startswith("{")))


def rows_by_doc(out: Path) -> dict[str, tuple]:
    docs: dict[str, list] = {}
    for t in TABLES:
        with open(out / f"{t}.csv", encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                doc = (row.get("article_id") or row.get("doc_id") or "").split(":")[0]
                docs.setdefault(doc, []).append((t, tuple(row.values())))
    return {d: tuple(v) for d, v in docs.items()}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--raw", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--score", type=Path, required=True, help="the scorer (score.py)")
    ap.add_argument("--stage", help="only the steps of this stage")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--json", type=Path, help="also write the results here")
    args = ap.parse_args(argv)
    names = [n for n in step_names() if not args.stage or n.startswith(args.stage + ".")]
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        build(args.raw, tmp / "base")
        base, base_rows = score(args.score, args.gold, tmp / "base"), rows_by_doc(tmp / "base")

        def one(name):
            out = tmp / name
            try:
                build(args.raw, out, name)
            except subprocess.CalledProcessError as exc:
                return name, None, exc.stderr.decode(errors="replace").strip().splitlines()[-1:]
            rows = rows_by_doc(out)
            changed = sorted(d for d in set(rows) | set(base_rows) if rows.get(d) != base_rows.get(d))
            return name, score(args.score, args.gold, out), changed

        with ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(one, names))
    print(f"baseline: " + ", ".join(f"{k} {base[k]:.3f}" for k in FIGURES))
    print(f"{'step':40s} {'docs':>4s} " + " ".join(f"{k:>14s}" for k in FIGURES) + "  (worth = with − without)")
    record = {"baseline": {k: base[k] for k in FIGURES}, "steps": {}}
    for name, s, changed in sorted(results, key=lambda r: -(base["macro"] - (r[1]["macro"] or 0)) if r[1] else 0):
        if s is None:
            print(f"{name:40s}  build fails without it: {' '.join(changed)}")
            record["steps"][name] = {"fails": changed}
            continue
        worth = {k: base[k] - (s[k] if s[k] is not None else 0.0) for k in FIGURES}  # None: nothing left to score
        print(f"{name:40s} {len(changed):4d} " + " ".join(f"{worth[k]:+14.4f}" for k in FIGURES)
              + ("  " + ",".join(changed[:3]) if 0 < len(changed) <= 3 else ""))
        record["steps"][name] = {"docs_changed": changed, "worth": worth}
    if args.json:
        args.json.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())

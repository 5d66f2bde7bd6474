"""Stage 5 — build orchestration: plan the corpus, run the per-file work
(:func:`document.process_file`) through the cache and the chosen engine, stream its rows
to the table sinks (``sinks.py``), accumulate the corpus-wide tables (organizations,
projects) as files pass, and commit everything at once; ``load_tables`` for notebooks.

Per-document extraction lives in ``document.py``, the sinks in ``sinks.py``, atomic
writes and the build lock in ``files.py``: this module only orchestrates.
"""
from __future__ import annotations

import gc
import json
import logging
import os
import re
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import cast

from .. import __version__, config, schema
from ..ingest import load
from . import frames, freshness
from .cache import cached_results, code_hash, pack_summary, packed_rows
from .document import WARM_UP_PAGE, org_id_for
from .engine import progress_bar
from ..errors import InputError
from ..files import atomic_write_bytes, build_lock, disk_full, sha256_file
from .corrections import Corrections, load_corrections
from .entities import EntityCollector, Figures, find_conflicts
from .memory import ArticleSets, release_free_memory  # noqa: F401 (corpus.ArticleSets: read by tests)
from .projects import PROJECT_TYPES, ProjectAssembler
from .sinks import STREAMED, TableSink, columns_of, remap_entity_ids
from .versions import dependency_versions
from ..vocab import check_overrides, classify_industry, divisions, leading_regions, region_names, vocab_hash
from ..vocab import org_vocab

log = logging.getLogger(__name__)
TABLE_NAMES = tuple(schema.TABLES)
#: Commit journal: written (atomically) once every new table is complete in its temporary file,
#: holding the new manifest; while it exists, the new set is the committed one, and whoever holds
#: the build lock next (a build, ``load_tables``, ``check``) renames the temporary files still
#: there into place and writes manifest.json before anything else.
JOURNAL = ".commit.json"


_PAREN_PLACE = re.compile(r"[（(]([\u4e00-\u9fff]{2,4})[）)]")


@lru_cache(maxsize=1)
def _places() -> dict[str, str]:
    """Every place a branch may be named after → the name the organizations table gives it: the regions of
    ``data/regions.csv`` as they are, and each division of ``data/divisions.csv`` (盐城市, 莲都区) with and
    without its level word (盐城)."""
    out = {r: r for r in region_names()}
    for name, _level in divisions():
        short = name[:-1] if len(name) > 2 and name.endswith(("市", "县", "区", "省")) else name
        out.setdefault(name, short)
        out.setdefault(short, short)
    return out


def _branch_place(name: str) -> str:
    """The place of a branch named after it — a legal name, a place and a branch word (``branch_words`` of
    ``data/organizations.yaml``): 杭州某某银行丽水分行 is in 丽水, 某某建设有限公司盐城市分公司 in
    盐城, whatever place the parent's name starts with; '' when the name is no such branch."""
    word = next((w for w in org_vocab().get("branch_words") or () if name.endswith(w)), "")
    if not word:
        return ""
    stem, places = name[: -len(word)], _places()
    return next((places[stem[-k:]] for k in (4, 3, 2) if stem[-k:] in places), "")


def _region_of(name: str) -> str:
    """Where an organization is: a branch's own place (:func:`_branch_place`), else the most specific
    leading place of its name (浙江丽水… → 丽水), else one in parentheses (杰杰微视（丽水）…)."""
    branch = _branch_place(name)
    if branch:
        return branch
    chain = leading_regions(name)
    if chain:
        return chain[-1][0]
    m = _PAREN_PLACE.search(name)
    return m.group(1) if m and m.group(1) in region_names() else ""


def _organizations(by_name: dict, counts: dict) -> list[dict]:
    """One row per organization from ``{name: {"aliases": set, "types": {type: n}}}`` and mention counts."""
    rows = []
    for name in sorted(by_name):
        d = by_name[name]
        org_type = sorted(d["types"].items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        oid = org_id_for(name)
        rows.append(dict(org_id=oid, name=name, aliases=";".join(sorted(d["aliases"])),
                         org_type=org_type, region=_region_of(name),
                         industry=classify_industry(name + " " + " ".join(sorted(d["aliases"]))),
                         n_mentions=int(counts.get(oid, 0))))
    return rows


#: Files per Parquet row group: fixed, so the bytes do not depend on --jobs or the engine.
FILES_PER_ROW_GROUP = 256
#: Entity types that are never a row of the projects table nor compared by conflicts (see ``_write_tables``).
FLOW_TYPES = ("batch", "zone", "region", "government")
#: Tables whose rows carry a per-name subject key until the corpus-wide resolution maps it to its
#: entity: their row groups wait in Arrow IPC files and are encoded into Parquet once, remapped.
REMAPPED = ("quantities", "events")


def plan_corpus(raw_dir: Path) -> list[tuple[str, dict]]:
    """The files to read with their manifest rows, in build order; checks names before any work."""
    raw_dir = Path(raw_dir)
    sources = load.read_sources(raw_dir)
    seen: dict[str, str] = {}
    plan = []
    for path in load.list_raw_files(raw_dir):
        rel = path.relative_to(raw_dir).as_posix()
        if path.stem in seen:
            raise InputError(path, f"two raw files give the same doc_id {path.stem!r} (also {seen[path.stem]})")
        seen[path.stem] = rel
        plan.append((str(path), sources.get(rel) or sources.get(path.name) or {}))
    return plan


def build(raw_dir=None, out_dir=None, jobs: int = 1, skip_bad: bool = False, engine: str = "local",
          scheduler: str | None = None, progress: bool = False, use_cache: bool = True,
          only_if_stale: bool = False, lock_timeout: float | None = None, corrections=None,
          check_inputs: bool = False) -> dict | None:
    """Build every table from ``raw_dir`` into ``out_dir``; returns the row count of each table.

    Files are processed in order by the chosen engine and streamed to temporary
    files (memory does not grow with the number of files); nothing replaces the
    previous outputs until every table is complete and valid, and then all at once:
    a journal (:data:`JOURNAL`) written atomically is the commit point, the renames
    follow, and a kill during them is finished by the next build, ``load_tables`` or
    ``check`` — a reader sees the old complete set or the new one, never a mix. On any
    failure before the commit point every temporary file is removed (a full disk is
    one line: ``disk full writing the tables``). Per-file results
    are cached in ``out_dir/.cache`` by content hash, so a rebuild after adding a
    page re-extracts only that page; a changed vocabulary, package version or
    package source invalidates every entry. One build at a time per ``out_dir``
    (:func:`build_lock`: a second build says whom it waits for and gives up after
    ``lock_timeout`` seconds, default ``LISHUI_LOCK_TIMEOUT`` or 600); with ``only_if_stale``
    the build is skipped (None is returned) when, once the lock is held, the tables are up to date
    (with ``check_inputs``, also with ``raw_dir``, corrections.yaml and vocab/: ``freshness.py``).
    ``corrections``: the researcher's corrections file (default ``config.CORRECTIONS_FILE``, the
    project's ``corrections.yaml`` when it exists; ``tables/corrections.py``), checked before any work.
    The manifest records what the tables were built from (``input_state``), to tell later whether
    they are stale.
    """
    raw_dir = Path(raw_dir or config.RAW_DIR)
    out_dir = Path(out_dir or config.PROCESSED_DIR)
    plan = plan_corpus(raw_dir)
    check_overrides()  # the project's vocab/ files: a bad one is one error before any work
    corr = corrections if isinstance(corrections, Corrections) else \
        load_corrections(corrections if corrections is not None else config.CORRECTIONS_FILE,
                         required=corrections is not None)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(out_dir, f"cannot create output folder ({exc.strerror or exc})") from None
    if not os.access(out_dir, os.W_OK):
        raise InputError(out_dir, "output folder is not writable")
    with build_lock(out_dir, lock_timeout):
        _finish_commit(out_dir)  # a build killed while renaming: its tables first, then ours
        if only_if_stale and not _stale(out_dir) and not (check_inputs and freshness.check(out_dir, raw_dir).changed):
            return None
        # Before reading: a file changed meanwhile is seen next time. The plan's files: the state recorded
        # is that of the files this build reads (one added while it waited for the lock is added next time).
        scan = freshness.scan_raw(raw_dir, out_dir, [Path(path) for path, _ in plan])
        state = freshness.input_state(raw_dir, out_dir, scan, corrections=getattr(corr, "path", None)
                                      or config.CORRECTIONS_FILE)
        rows = _write_tables(plan, raw_dir, out_dir, jobs=jobs, skip_bad=skip_bad, engine=engine, scheduler=scheduler,
                             progress=progress, use_cache=use_cache, corr=corr, input_state=state, hashes=scan.hashes)
        freshness.save_scan(out_dir, raw_dir, scan)  # after the commit: only the tables come first
        return rows


def _write_tables(plan, raw_dir: Path, out_dir: Path, jobs: int, skip_bad: bool, engine: str,
                  scheduler: str | None, progress: bool, use_cache: bool, corr: Corrections | None = None,
                  input_state: dict | None = None, hashes: dict | None = None) -> dict:
    corr = corr or Corrections()
    _remove_partials(out_dir)  # left by a killed run before its commit; never read
    sinks: dict[str, TableSink] = {}
    frozen = False
    try:
        for t in TABLE_NAMES:
            sinks[t] = TableSink(out_dir, t, deferred=t in REMAPPED)
        inputs, skipped, failed = [], [], []
        names: dict[str, dict] = {}
        counts: dict[str, int] = {}
        org_articles = ArticleSets()  # each organization's articles, as bits over article numbers
        # Resolution groups names of one type only, and turns only an "other" name into a company: unless a
        # correction merges names, a batch, zone, region or government name never becomes a company or a
        # project, whose accumulators (projects) and figures (conflicts) are all that is read.
        drop = () if corr.merges() else FLOW_TYPES
        projects = ProjectAssembler(drop)  # fed as files stream past: no rows kept for the end
        names_seen = EntityCollector(drop)  # subject names, their articles and the figures conflicts compare
        results = progress_bar(cached_results(plan, str(raw_dir), out_dir, use_cache, hashes,
                                              group=0 if corr else FILES_PER_ROW_GROUP, jobs=jobs, skip_bad=skip_bad,
                                              engine=engine, scheduler=scheduler), len(plan), progress)

        def take(res: dict) -> None:
            """A file's share of the manifest and the corpus-wide tables, corrected (its rows: the sinks)."""
            inputs.append(res["input"])
            for kind, message in res.get("notes", ()):  # said here, in file order, whoever read the file
                log.warning("%s: %s", res["input"]["file"], message, extra={"kind": kind})
            if corr and corr.apply(frames.unfold(res)):  # the researcher's corrections to this file's rows
                frames.refold(res)
            for name, aliases, types in res["orgs"]:
                d = names.setdefault(name, {"aliases": set(), "types": {}})
                d["aliases"].update(aliases)
                for org_type, k in types:
                    d["types"][org_type] = d["types"].get(org_type, 0) + k
            for oid, k, aids in res["mentions"]:
                counts[oid] = counts.get(oid, 0) + k
                org_articles.add(oid, aids)
            projects.add_packed(res["projects"])
            article_ids, pub_dates = res["pub_dates"]
            names_seen.add_summary(article_ids, pub_dates, res["entity_summary"])

        n = 0
        summaries: list[bytes] = []  # of the row group's files, for the cache to store it whole (``cache.py``)
        store = None
        for res in results:
            if "group" in res:  # a whole row group from the cache (``cache.py``): its files, then its rows at once
                for one in res["files"]:
                    take(one)
                n += len(res["files"])
            elif "skipped" in res or "failed" in res:  # unreadable, or its extraction failed
                n += 1
                bad = res.get("skipped") or res["failed"]
                if skip_bad:
                    skipped.append(bad)
                    log.warning("%s: skipped: %s", bad["file"], bad["problem"], extra={"kind": "skipped"})
                else:
                    failed.append(bad)  # named, with every other failure, in the one error at the end
                continue
            else:
                n += 1
                take(res)
                if not corr:
                    summaries.append(pack_summary(res))
                    store = res.pop("store_group", None)
            batches = frames.batches(res)
            for t in STREAMED:
                sinks[t].add_batch(batches[t], res["csv"][t])
            if n % FILES_PER_ROW_GROUP == 0:
                storing = store is not None and len(summaries) == FILES_PER_ROW_GROUP
                rows = {}
                for t in STREAMED:
                    written = sinks[t].flush()
                    if storing:  # (each table's, packed as soon as written: one at a time in memory)
                        rows[t] = packed_rows(t, written)
                    del written
                if store is not None and storing:
                    store(summaries, rows, sinks)
                summaries, store, rows = [], None, {}
            del res, batches  # a row group's bytes: freed before the next one is read
        if failed:  # every other file was built first, so that this names them all; nothing is written
            raise InputError(raw_dir, f"{len(failed)} file(s) failed, nothing written (--skip-bad builds the others): "
                             + "; ".join(f"{f['file']}: {f['problem']}" for f in failed))
        if not inputs:
            raise InputError(raw_dir, "no readable text file")
        release_free_memory()  # before the corpus-wide stage, whose peak adds to what streaming left
        # What streaming made (accumulators, name records: no cycles, freed by their counts) is kept out of
        # the garbage collector's generations during the corpus-wide stage: its collections traverse only
        # what the stage makes (0.5 s of full collections at 10,000 pages, before). Given back after it.
        frozen = gc.get_freeze_count() == 0  # (a process that froze objects of its own: left as it is)
        if frozen:
            gc.freeze()
        orgs = _organizations(names, counts)
        sinks["organizations"].add(columns_of("organizations", orgs))
        # Corpus-wide stage: names → entities, then the entity of every row (a second pass
        # over quantities and events), projects per entity, conflicts between articles.
        names_seen.add_organizations(orgs, org_articles.sets())
        resolution = names_seen.resolve(corr.merges(), corr.apart(), columns=True)
        corr.note_entities(resolution.corrected)
        for stale in corr.stale():
            log.warning("%s: %s — stale? (kept in manifest.json, corrections.stale)", corr.path, stale,
                        extra={"kind": "stale"})
        for a in resolution.ambiguous:
            log.info("entity left apart (%s): %s — %s", a["reason"], a["name"], "; ".join(a["candidates"]))
        if resolution.ambiguous:
            log.warning("%s: %d name(s) left apart as ambiguous, listed in entities.ambiguous: %s",
                        out_dir / "manifest.json", len(resolution.ambiguous),
                        "; ".join(a["name"] for a in resolution.ambiguous[:5])
                        + (" …" if len(resolution.ambiguous) > 5 else ""),
                        extra={"kind": "ambiguous", "n": len(resolution.ambiguous)})
        # What resolution was made from is freed as soon as it has run (name records, their article
        # sets, publication dates), and each corpus-wide table written (one row group) once made, so
        # that the peak of one step does not add to what the steps before it kept.
        names_seen.release()
        del org_articles, names, counts
        release_free_memory()
        # Conflicts and projects read the company and project entities only: the other rows go, as
        # columns, before the table is made of them.
        entity_columns, resolution.columns = resolution.columns or {}, None
        held = [dict(zip(entity_columns, row)) for row in zip(*entity_columns.values())
                if row[2] in PROJECT_TYPES]  # (entity_type: the third column)
        sinks["entities"].add(entity_columns)
        sinks["entities"].flush()
        del entity_columns
        conflict_columns = cast(dict, find_conflicts(names_seen.figures, resolution.key_map, held, columns=True))
        names_seen.figures = Figures()
        # Arrow allocates apart from Python (its own pool): what Python freed is given back first, so that
        # the table's Arrow copy and then its Parquet encoding do not add to it (≈ 20 MB each at 10,000 pages).
        release_free_memory()
        sinks["conflicts"].add(conflict_columns)
        del conflict_columns
        release_free_memory()
        sinks["conflicts"].flush()
        sinks["projects"].add(columns_of("projects", projects.rows({o["org_id"]: o["industry"] for o in orgs},
                                                                 resolution.key_map, held)))
        key_map = resolution.key_map
        # The entity-id rewrite reads none of what the corpus-wide stage was made from: freed before it
        # (accumulators, entity rows), so that its peak does not add to theirs.
        del names_seen, projects, orgs, held
        if frozen:
            gc.unfreeze()
            frozen = False
        for sink in sinks.values():
            sink.close()
        for t in REMAPPED:
            remap_entity_ids(sinks[t], key_map)
        row_counts = {t: sinks[t].rows for t in TABLE_NAMES}
        files = {f"{t}.{ext}": sha for t in TABLE_NAMES
                 for ext, sha in (("csv", sinks[t].csv_sha256.hexdigest()), ("parquet", sha256_file(sinks[t].tmp_pq)))}
        manifest = {
            "package": "lishui-analysis", "version": __version__, "vocab_sha256": vocab_hash(),
            "code_sha256": code_hash(),
            "dependencies": dependency_versions()["dependencies"],
            "indirect_dependencies": dependency_versions()["indirect"],
            "parameters": {"raw": raw_dir.name, "raw_dir": str(raw_dir.resolve()), "skip_bad": skip_bad},
            "inputs": [{k: v for k, v in i.items() if k != "chars"} for i in inputs],
            "input_state": input_state,
            "skipped": skipped,
            "entities": {"ambiguous": resolution.ambiguous, "merges": resolution.merges},
            **({"corrections": corr.summary()} if corr else {}),
            "tables": {t: int(row_counts[t]) for t in TABLE_NAMES},
            "files": files,
        }
        manifest_text = json.dumps(manifest, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
        # Every table is complete and valid: the journal is the commit point (one atomic rename).
        atomic_write_bytes(out_dir / JOURNAL, json.dumps({"manifest": manifest_text}).encode("utf-8"))
    except BaseException as exc:
        if frozen:
            gc.unfreeze()
        if (out_dir / JOURNAL).exists():  # interrupted just after the commit point: keep it
            raise
        for sink in sinks.values():
            sink.discard()
        _remove_partials(out_dir)  # a sink that failed half-made, the second pass's files
        if disk_full(exc):
            raise InputError(out_dir, "disk full writing the tables; temporary files removed, "
                                      "the previous tables are intact") from None
        raise
    # Committed: from here a failure (or a kill) leaves the journal, and the next build,
    # load_tables or check finishes these renames; nothing sees a mix of old and new tables.
    _finish_commit(out_dir)
    return {t: int(row_counts[t]) for t in TABLE_NAMES}


def _remove_partials(out_dir: Path) -> None:
    """Temporary files of an uncommitted build (the caller holds the build lock, no journal)."""
    for pattern in (".*.partial", ".*.partial.remap", ".*.tmp"):
        for stale in out_dir.glob(pattern):
            stale.unlink(missing_ok=True)


def _finish_commit(out_dir: Path) -> bool:
    """Finish a commit whose journal exists (caller holds the build lock): rename each new
    table still in its temporary file into place, write manifest.json, drop the journal.
    Idempotent, so a kill at any point is finished by the next caller. Returns whether
    there was one. The journal names no file: the renames are those of :data:`TABLE_NAMES`."""
    journal = Path(out_dir) / JOURNAL
    try:
        manifest_text = json.loads(journal.read_text(encoding="utf-8"))["manifest"]
        if not isinstance(manifest_text, str):
            raise TypeError
    except FileNotFoundError:
        return False
    except (OSError, ValueError, KeyError, TypeError):
        raise InputError(journal, "unreadable commit journal (not written by lishui-analysis?); "
                                  "delete it and rebuild the tables") from None
    for t in TABLE_NAMES:
        for ext in ("csv", "parquet"):
            tmp = out_dir / f".{t}.{ext}.partial"
            if tmp.exists():
                os.replace(tmp, out_dir / f"{t}.{ext}")
    atomic_write_bytes(out_dir / "manifest.json", manifest_text.encode("utf-8"))
    journal.unlink()
    return True


def finish_interrupted_commit(processed_dir: Path) -> bool:
    """For readers: if a build was stopped while renaming its tables into place, finish it
    (under the build lock) so what is read is one complete set; True if there was one."""
    processed_dir = Path(processed_dir)
    if not (processed_dir / JOURNAL).exists():
        return False  # the common case: no lock taken, a read-only folder stays readable
    with build_lock(processed_dir):
        return _finish_commit(processed_dir)


def warm_up() -> None:
    """Pay the start-up costs of a build once: imports, vocabularies, compiled patterns, the
    package-source hash, dependency versions and the first-call costs of Arrow, Parquet and
    SQLite — by building a small written-for-purpose page into a temporary folder. Later builds
    in this process do only per-corpus work (long-lived processes; the benchmark). The extractors'
    own start-up (vocabularies, jieba's dictionary) is paid by the build's first file
    (``document.process_file``, outside its CPU budget)."""
    with tempfile.TemporaryDirectory(prefix="lishui-warm-up-") as tmp:
        raw = Path(tmp) / "raw"
        raw.mkdir()
        (raw / "warm-up.txt").write_text(WARM_UP_PAGE, encoding="utf-8")
        build(raw, Path(tmp) / "out")


def _stale(processed_dir: Path) -> bool:
    """Missing tables, or tables built by another version of the code or vocabularies."""
    return bool(stale_reason(processed_dir))


def stale_reason(processed_dir: Path) -> str:
    """Why the tables in ``processed_dir`` cannot be used as they are (missing, or built by another
    version of the code or vocabularies), as a phrase; empty when they can."""
    where = freshness.shown(processed_dir)
    if not all((processed_dir / f"{t}.parquet").exists() for t in TABLE_NAMES):
        return f"no tables in {where}"
    try:
        m = json.loads((processed_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return f"{where}/manifest.json unreadable"
    if m.get("code_sha256") != code_hash():
        return f"lishui-analysis changed since {where} was built"
    if m.get("vocab_sha256") != vocab_hash():
        return f"the vocabularies (packaged, or the project's vocab/) changed since {where} was built"
    return ""


def _same_folder(a, b) -> bool:
    try:
        return Path(a).resolve() == Path(b).resolve()
    except (OSError, RuntimeError):
        return False


def _built_from_configured_raw(processed_dir: Path) -> bool:
    """Whether the tables in ``processed_dir`` were built from the configured raw folder —
    by their manifest: the folder it names is that one, or the files it lists are that
    folder's. The manifest is only compared with, never read from: a build reads only the
    configured folder."""
    try:
        m = json.loads((processed_dir / "manifest.json").read_text(encoding="utf-8"))
        recorded = m["parameters"]["raw_dir"]
        listed = {i["file"] for i in m["inputs"]} | {i["file"] for i in m.get("skipped", [])}
    except (OSError, ValueError, KeyError, TypeError):
        return False
    if isinstance(recorded, str) and _same_folder(recorded, config.RAW_DIR):
        return True
    try:
        here = {p.relative_to(config.RAW_DIR).as_posix() for p in load.list_raw_files(config.RAW_DIR)}
    except (InputError, OSError, ValueError):
        return False
    return bool(here) and here == listed


def ensure_tables(processed_dir=None, raw_dir=None, rebuild: bool = False, fresh: bool | None = None,
                  verbose: bool = False) -> None:
    """Build the tables if they are missing or were built by another version of the code or
    vocabularies — once, however many processes ask at the same time — and, with ``fresh`` (the
    default unless ``LISHUI_NO_REBUILD`` is set), when the raw folder (files added, removed or
    changed, its sources.csv), corrections.yaml or vocab/ changed since they were built. A rebuild
    says why in one line on stderr (``data/raw changed (2 files added): rebuilding data/processed …``);
    with ``verbose``, so do inputs that changed but are not rebuilt (``fresh=False``) and tables
    that are not compared (built from another raw folder).

    A build reads ``raw_dir`` when given, else the configured raw folder (``config.RAW_DIR``:
    data/raw or ``LISHUI_RAW``) — never a folder named in a manifest. Without ``raw_dir``, a
    ``processed_dir`` other than the configured one is built only if its tables came from
    the configured raw folder; a folder that does not exist, or tables built from another
    raw folder, are an error saying how to build them (rather than a new corpus there).
    """
    check_inputs = freshness.wanted(fresh)
    if check_inputs and freshness.vocabularies_read_before_they_changed():
        return freshness.ensure_in_new_process(processed_dir, raw_dir, rebuild, fresh, verbose)
    default = processed_dir is None or _same_folder(processed_dir, config.PROCESSED_DIR)
    processed_dir = Path(processed_dir or config.PROCESSED_DIR)
    if processed_dir.is_dir():
        finish_interrupted_commit(processed_dir)
    reason = "" if rebuild else stale_reason(processed_dir)
    if reason.startswith("the vocabularies") and check_inputs:  # say which file, when it is the project's
        reason = freshness.check(processed_dir, raw_dir).changed or reason
    if not (rebuild or reason) and (check_inputs or verbose):
        verdict = freshness.check(processed_dir, raw_dir)
        if verdict.note and verbose:
            print(f"note: {verdict.note}", file=sys.stderr, flush=True)
        if verdict.changed and not check_inputs:
            if verbose:
                print(f"{verdict.changed} since {freshness.shown(processed_dir)} was built: not rebuilt "
                      "(--no-rebuild)", file=sys.stderr, flush=True)
        elif verdict.changed and not os.access(processed_dir, os.W_OK):  # shared tables, read-only here
            print(f"{verdict.changed} since {freshness.shown(processed_dir)} was built: not rebuilt "
                  "(the folder is not writable)", file=sys.stderr, flush=True)
        else:
            reason = verdict.changed
    if not (rebuild or reason):
        return
    if raw_dir is None and not default:
        how = f"build them with `lishui-analysis build --raw RAW_FOLDER --out {processed_dir}`"
        rehow = "re" + how
        if not processed_dir.is_dir():
            raise InputError(processed_dir, f"no such tables folder; {how}")
        if not (processed_dir / "manifest.json").exists():
            raise InputError(processed_dir, f"no tables in this folder; {how}")
        if not _built_from_configured_raw(processed_dir):
            raise InputError(processed_dir, f"tables incomplete or built by another version of the code, from "
                                            f"another raw folder than {config.RAW_DIR}; {rehow}")
    if reason:
        source = freshness.shown(raw_dir or config.RAW_DIR)
        doing = f"building them from {source}" if reason.startswith("no tables") else \
            f"rebuilding {freshness.shown(processed_dir)} from {source}"
        print(f"{reason}: {doing} …", file=sys.stderr, flush=True)
    build(raw_dir or config.RAW_DIR, processed_dir, only_if_stale=not rebuild, check_inputs=check_inputs)


def load_tables(processed_dir=None, raw_dir=None, rebuild: bool = False, fresh: bool | None = None) -> dict:
    """The tables as DataFrames, building them first if they are missing or were built by
    another version of the code or vocabularies, and rebuilding them when data/raw, corrections.yaml
    or vocab/ changed since (one line says so; ``fresh=False``, or ``LISHUI_NO_REBUILD=1``, reads
    them as they are) — for JupyterLab.

    >>> import lishui_analysis as la            # doctest: +SKIP
    >>> t = la.load_tables(); t["quantities"]   # doctest: +SKIP
    """
    import pandas as pd

    processed_dir = Path(processed_dir or config.PROCESSED_DIR)
    ensure_tables(processed_dir, raw_dir, rebuild, fresh=fresh)
    # Text columns as plain Python strings (object), as the library builds them.
    return {t: schema.coerce(t, pd.read_parquet(processed_dir / f"{t}.parquet")) for t in TABLE_NAMES}

"""Whether the tables still match their inputs: the raw folder (its files and ``sources.csv``), the
project's ``corrections.yaml`` and its vocabulary overrides (``vocab/``).

A build records :func:`input_state` in ``manifest.json`` (``input_state``); :func:`check` computes it
again and says in one phrase what changed (``data/raw changed (2 files added)``), so that ``report`` and
``load_tables()`` rebuild stale tables by themselves. Hashing every raw file at each check would read the
whole corpus; a stat cache (``.cache/inputs.json`` in the tables folder: size, times and inode of each
file with its SHA-256) lets a file whose stat did not change keep its hash, as git's index does. A file
changed within :data:`RACY_NS` of the cache's writing is hashed again (a file system whose clock ticks
coarsely could give it the same stat twice).

Only the configured raw folder (or one given explicitly) is compared: tables built from another folder
(``build --raw elsewhere``) are not checked against data/raw, and a folder named in a manifest is never read.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path

from .. import config
from ..errors import InputError, collecting_notes
from ..files import atomic_write_bytes, sha256_file
from ..ingest import load

#: Environment variable that switches the checks off (``report --no-rebuild`` sets it for its kernels).
NO_REBUILD_ENV = "LISHUI_NO_REBUILD"
STAT_CACHE = Path(".cache") / "inputs.json"
STAT_CACHE_FORMAT = 1
#: A stat entry this close (nanoseconds) to the moment the stat cache was written is not trusted.
RACY_NS = 2_000_000_000


def wanted(fresh: bool | None) -> bool:
    """Whether to check: ``fresh`` when given, else unless ``LISHUI_NO_REBUILD`` is set (not ``0``)."""
    if fresh is not None:
        return fresh
    return os.environ.get(NO_REBUILD_ENV, "").strip() in ("", "0")


def shown(path: Path) -> str:
    """A path as a message names it: relative to the project root when inside it (``data/raw``)."""
    try:
        return Path(path).resolve().relative_to(config.PROJECT_ROOT.resolve()).as_posix() or "."
    except (ValueError, OSError):
        return str(path)


def _recorded(path: Path) -> str:
    """A folder as the manifest records it: relative to the project root when inside (so a project that
    is moved or copied elsewhere still matches), else absolute."""
    resolved = Path(path).resolve()
    try:
        return resolved.relative_to(config.PROJECT_ROOT.resolve()).as_posix() or "."
    except ValueError:
        return resolved.as_posix()


def _same_folder(recorded: str, folder: Path) -> bool:
    path = Path(recorded)
    if not path.is_absolute():
        path = config.PROJECT_ROOT / path
    try:
        return path.resolve() == Path(folder).resolve()
    except (OSError, RuntimeError):
        return False


def _hash_or_problem(path: Path, raw_dir: Path | None = None) -> str:
    """SHA-256 of a file, or ``unreadable: …`` (the build refuses or skips it and says why)."""
    try:
        return load.file_sha256(path, raw_dir) if raw_dir is not None else sha256_file(path)
    except InputError as exc:
        return f"unreadable: {exc.problem}"
    except OSError as exc:
        return f"unreadable: {exc.strerror or exc}"


def _stat_key(st: os.stat_result) -> list[int]:
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def _read_stat_cache(out_dir: Path | None, raw_dir: Path) -> dict:
    if out_dir is None:
        return {}
    try:
        data = json.loads((Path(out_dir) / STAT_CACHE).read_text(encoding="utf-8"))
        if data.get("format") != STAT_CACHE_FORMAT or data.get("raw") != str(Path(raw_dir).resolve()):
            return {}
        limit = int(data["written_ns"]) - RACY_NS
        return {rel: e for rel, e in data["files"].items()
                if isinstance(e, list) and len(e) == 5 and e[1] < limit}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}


def _write_stat_cache(out_dir: Path | None, raw_dir: Path, entries: dict) -> None:
    """Best effort: a tables folder that cannot be written to is checked by hashing every time."""
    if out_dir is None or not Path(out_dir).is_dir():
        return
    data = {"format": STAT_CACHE_FORMAT, "raw": str(Path(raw_dir).resolve()), "written_ns": time.time_ns(),
            "files": entries}
    try:
        (Path(out_dir) / STAT_CACHE).parent.mkdir(exist_ok=True)
        atomic_write_bytes(Path(out_dir) / STAT_CACHE, json.dumps(data, sort_keys=True).encode("utf-8"))
    except (OSError, InputError):
        pass


@dataclass
class Scan:
    """The raw files' hashes, and the stat cache entries to save (``dirty``: something was hashed)."""
    hashes: dict
    entries: dict
    dirty: bool


def scan_raw(raw_dir: Path, out_dir: Path | None = None, files: list[Path] | None = None) -> Scan:
    """``{relative path: sha256}`` of every file the build would read in ``raw_dir`` (in its order), a
    file whose stat is unchanged since the last check keeping its hash (stat cache in ``out_dir``).
    Each file is stat-ed before it is hashed: a change while it is read is seen by the next check.
    ``files``: the files a build will read (its plan), when it has listed them already."""
    raw_dir = Path(raw_dir)
    cached = _read_stat_cache(out_dir, raw_dir)
    hashes, entries, hashed = {}, {}, 0
    if files is None:
        with collecting_notes():  # an unreadable subfolder: the build says so, once (not again here)
            files = load.list_raw_files(raw_dir)
    for path in files:
        rel = path.relative_to(raw_dir).as_posix()
        try:
            key = _stat_key(os.stat(path))
        except OSError:
            key = None
        entry = cached.get(rel)
        if key is not None and entry is not None and entry[:4] == key:
            sha = entry[4]
        else:
            sha, hashed = _hash_or_problem(path, raw_dir), hashed + 1
        hashes[rel] = sha
        if key is not None and not sha.startswith("unreadable"):
            entries[rel] = key + [sha]
    return Scan(hashes, entries, bool(hashed) or len(entries) != len(cached))


def save_scan(out_dir: Path | None, raw_dir: Path, scan: Scan) -> None:
    if scan.dirty:
        _write_stat_cache(out_dir, raw_dir, scan.entries)


def raw_hashes(raw_dir: Path, out_dir: Path | None = None) -> dict[str, str]:
    """The hashes of :func:`scan_raw`, the stat cache saved for the next check."""
    scan = scan_raw(raw_dir, out_dir)
    save_scan(out_dir, raw_dir, scan)
    return scan.hashes


def _project_files(corrections: Path | None = None) -> dict:
    """The corrections file (``config.CORRECTIONS_FILE`` unless another is given) and the project's
    vocabulary overrides, hashed (None: the file is not there)."""
    corrections = Path(corrections or config.CORRECTIONS_FILE)
    vocab: dict[str, str] = {}
    try:
        for p in sorted(config.VOCAB_DIR.iterdir()):
            if p.is_file() and not p.name.startswith(".") and p.name.lower() != "readme.md":  # as vocab.overrides
                vocab[p.name] = _hash_or_problem(p)
    except OSError:  # no vocab/ folder
        pass
    return {"corrections.yaml": _hash_or_problem(corrections) if os.path.lexists(corrections) else None,
            "corrections_file": _recorded(corrections), "vocab": vocab}


def input_state(raw_dir: Path, out_dir: Path | None = None, scan: Scan | None = None,
                corrections: Path | None = None) -> dict:
    """What the tables are built from, as recorded in ``manifest.json``: the raw folder, the hash of
    each of its files (``scan`` when given, else :func:`raw_hashes`) and of its ``sources.csv``, of
    the corrections file (``corrections``, default ``config.CORRECTIONS_FILE``; its path is recorded too)
    and of each ``vocab/`` file."""
    raw_dir = Path(raw_dir)
    sources = raw_dir / load.MANIFEST_NAME
    return {"raw": _recorded(raw_dir), "files": scan.hashes if scan else raw_hashes(raw_dir, out_dir),
            "sources.csv": _hash_or_problem(sources, raw_dir) if os.path.lexists(sources) else None,
            **_project_files(corrections)}


def _file_changes(old: dict, new: dict) -> list[str]:
    """``["2 files added", "1 removed", "3 changed"]``: the noun said once, in the first phrase."""
    counts = ((sum(k not in old for k in new), "added"), (sum(k not in new for k in old), "removed"),
              (sum(k in old and old[k] != v for k, v in new.items()), "changed"))
    said = [(n, what) for n, what in counts if n]
    return [f"{n} file{'s' if n != 1 else ''} {what}" if i == 0 else f"{n} {what}" for i, (n, what) in enumerate(said)]


def describe(old: dict, new: dict, raw_shown: str) -> list[str]:
    """What changed between two input states, one phrase per input that changed."""
    out = []
    raw = _file_changes(old.get("files") or {}, new["files"])
    if old.get("sources.csv") != new["sources.csv"]:
        raw.append("sources.csv " + ("added" if old.get("sources.csv") is None else
                                     "removed" if new["sources.csv"] is None else "changed"))
    if raw:
        out.append(f"{raw_shown} changed ({', '.join(raw)})")
    before, after = old.get("corrections.yaml"), new["corrections.yaml"]
    # tables built with another corrections file (build --corrections FILE) are not compared with this one
    same_file = old.get("corrections_file", new["corrections_file"]) == new["corrections_file"]
    if before != after and same_file:
        name = Path(new["corrections_file"]).name
        out.append(f"{name} " + ("added" if before is None else "removed" if after is None else "changed"))
    vocab = _file_changes(old.get("vocab") or {}, new["vocab"])
    if vocab:
        out.append(f"{shown(config.VOCAB_DIR)}/ changed ({', '.join(vocab)})")
    return out


@dataclass
class Verdict:
    #: What changed, one line without the consequence (``data/raw changed (1 file added)``); empty if nothing.
    changed: str = ""
    #: Why the tables were not compared (built from another raw folder, or no raw folder); empty otherwise.
    note: str = ""


def check(processed_dir: Path, raw_dir: Path | None = None) -> Verdict:
    """Compare the inputs recorded in ``processed_dir/manifest.json`` with the inputs now: those of
    ``raw_dir`` when given, else of the configured raw folder — only if the tables were built from it."""
    processed_dir = Path(processed_dir)
    try:
        manifest = json.loads((processed_dir / "manifest.json").read_text(encoding="utf-8"))
        recorded = manifest.get("input_state")
        built_from = manifest.get("parameters", {}).get("raw_dir", "")
    except (OSError, ValueError, AttributeError):
        return Verdict()  # no tables: the caller builds them anyway
    folder = Path(raw_dir) if raw_dir is not None else config.RAW_DIR
    if not isinstance(recorded, dict) or not isinstance(recorded.get("raw"), str):
        if raw_dir is None and not (isinstance(built_from, str) and _same_folder(built_from, folder)):
            return Verdict(note=f"{shown(processed_dir)} records no inputs to compare with {shown(folder)}")
        return Verdict(changed=f"{shown(processed_dir)} records no inputs (built by an earlier version)")
    if raw_dir is None and not _same_folder(recorded["raw"], folder):
        return Verdict(note=f"{shown(processed_dir)} was built from {recorded['raw']}, not {shown(folder)}: "
                            f"not checked for changes (lishui-analysis build --raw FOLDER --out "
                            f"{shown(processed_dir)} rebuilds it)")
    if not folder.is_dir():
        return Verdict(note=f"{shown(folder)} is not there: {shown(processed_dir)} used as it was built")
    try:
        now = input_state(folder, processed_dir)
    except InputError as exc:  # an empty or unreadable raw folder: the build says what is wrong with it
        return Verdict(changed=f"{shown(folder)} changed ({exc.problem})")
    return Verdict(changed="; ".join(describe(recorded, now, shown(folder))))


def vocabularies_read_before_they_changed() -> bool:
    """Whether this process read the project's vocab/ overrides and they changed since (a Jupyter kernel
    whose researcher edited a vocabulary): its vocabularies, and everything compiled from them, are
    those it read, so a build here would not follow the files."""
    from .. import vocab

    if not vocab.overrides.cache_info().currsize:
        return False
    try:
        return vocab.overrides.__wrapped__() != vocab.overrides()
    except InputError:  # a bad file now: a new process says so
        return True


_SAID: set[str] = set()


def ensure_in_new_process(processed_dir, raw_dir, rebuild: bool, fresh: bool | None, verbose: bool) -> None:
    """:func:`corpus.ensure_tables` in a new Python process, with this one's folders, so that it reads the
    vocabularies as they are now; its lines go to this process's stderr, its error becomes ours."""
    import subprocess
    import sys

    env = {**os.environ, "LISHUI_ROOT": str(config.PROJECT_ROOT), "LISHUI_RAW": str(config.RAW_DIR),
           "LISHUI_PROCESSED": str(config.PROCESSED_DIR), "LISHUI_VOCAB": str(config.VOCAB_DIR),
           "LISHUI_CORRECTIONS": str(config.CORRECTIONS_FILE)}
    code = ("import sys, json\n"
            "from lishui_analysis.errors import InputError\n"
            "from lishui_analysis.tables.corpus import ensure_tables\n"
            "a = json.loads(sys.argv[1])\n"
            "try:\n"
            "    ensure_tables(a['processed'], a['raw'], a['rebuild'], fresh=a['fresh'], verbose=a['verbose'])\n"
            "except InputError as exc:\n"
            "    print(json.dumps([exc.path, exc.problem, exc.line]), file=sys.stderr); sys.exit(2)\n")
    args = json.dumps({"processed": None if processed_dir is None else str(processed_dir),
                       "raw": None if raw_dir is None else str(raw_dir), "rebuild": rebuild, "fresh": fresh,
                       "verbose": verbose})
    if "restart" not in _SAID:
        _SAID.add("restart")
        print(f"{shown(config.VOCAB_DIR)}/ changed since this process read it: the tables are checked in a new "
              "process (restart this kernel for its own functions to use the new vocabularies)",
              file=sys.stderr, flush=True)
    r = subprocess.run([sys.executable, "-c", code, args], env=env, stderr=subprocess.PIPE, text=True)
    lines = r.stderr.splitlines()
    if r.returncode == 2 and lines:
        for line in lines[:-1]:
            print(line, file=sys.stderr)
        path, problem, line = json.loads(lines[-1])
        raise InputError(path, problem, line=line)
    if r.stderr:
        print(r.stderr, end="", file=sys.stderr, flush=True)
    if r.returncode != 0:
        raise RuntimeError(f"checking the tables in a new process failed (exit status {r.returncode})")

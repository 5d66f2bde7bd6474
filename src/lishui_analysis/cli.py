"""Command line: ``lishui-analysis init | fetch | build | report | check | dictionary | lab``.

Input and usage errors, and what the system refuses (a full disk, no permission, a
read-only file system), print one line naming the file and the problem and exit with
status 2 (a traceback only with ``--debug``); any other exception is a bug (exit 1).
SIGTERM (cron, systemd, docker) stops a command as Ctrl-C does: temporary files are
removed, one line says what was left, exit status 143 (130 for Ctrl-C).
"""
from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from contextlib import contextmanager
from pathlib import Path

from . import __version__, config
from .errors import InputError, WarningTally, warning_summary

log = logging.getLogger("lishui_analysis")
QUIET_HELP = ("no progress bar, and warnings only counted in the closing line "
              "'warnings: 3 untitled pages, …' (errors are always said)")


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="lishui-analysis", description="Tables and reports on 丽水经开区 from Chinese news text.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("--debug", action="store_true", help="show tracebacks")
    p.add_argument("-q", "--quiet", action="store_true", help=QUIET_HELP)
    # -q also after the command (lishui-analysis build -q); not for lab, whose options are JupyterLab's
    quiet = argparse.ArgumentParser(add_help=False)
    quiet.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS, help=QUIET_HELP)
    sub = p.add_subparsers(dest="command", required=True)

    i = sub.add_parser("init", help="start a project: data/raw, data/processed, notebooks, reports, params.yaml, lishui.toml")
    i.add_argument("folder", type=Path, help="the project folder (created if missing; must be empty)")
    i.add_argument("--force", action="store_true",
                   help="add what is missing to a folder that is not empty (existing files are never overwritten)")

    f = sub.add_parser("fetch", parents=[quiet],
                       help="download web pages from a list of URLs into data/raw/ (listed in sources.csv)")
    f.add_argument("urls", type=Path, nargs="?",
                   help="a text file of URLs, one a line, or a CSV file with a 'url' column "
                        "(default: the raw folder's sources.csv)")
    f.add_argument("--raw", type=Path, default=config.RAW_DIR, help="raw folder (default: %(default)s)")
    f.add_argument("--delay", type=float, default=2.0, help="seconds between two requests to one host (default: %(default)s)")
    f.add_argument("--timeout", type=float, default=20.0, help="seconds to wait for a reply (default: %(default)s)")
    f.add_argument("--retries", type=int, default=3, help="retries after a network error, a timeout, 429 or 5xx (default: %(default)s)")

    b = sub.add_parser("build", parents=[quiet], help="build data/processed/ from data/raw/")
    b.add_argument("--raw", type=Path, default=config.RAW_DIR, help="raw folder (default: %(default)s)")
    b.add_argument("--out", type=Path, default=config.PROCESSED_DIR, help="output folder (default: %(default)s)")
    b.add_argument("--jobs", type=int, default=1, help="worker processes (default: 1)")
    b.add_argument("--skip-bad", action="store_true",
                   help="build the other files when some cannot be read or extracted, and list those in manifest.json")
    b.add_argument("--budget", type=float, default=None, metavar="SECONDS",
                   help="CPU seconds a document may take per 10,000 characters before it fails alone "
                        f"(default: {config.DOC_BUDGET_PER_10K:g}, at least {config.DOC_BUDGET_MIN:g} s; 0: no budget)")
    b.add_argument("--no-cache", action="store_true", help="re-extract every file (ignore out/.cache)")
    b.add_argument("--engine", choices=("local", "dask"), default="local", help="where per-file work runs")
    b.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster of --jobs workers)")
    b.add_argument("--lock-timeout", type=float, default=None, metavar="SECONDS",
                   help="seconds to wait while another build of the same --out folder runs, then give up "
                        "(default: LISHUI_LOCK_TIMEOUT or 600; 0: do not wait)")
    b.add_argument("--corrections", type=Path, default=None, metavar="FILE",
                   help="the researcher's corrections applied to the tables (default: the project's "
                        "corrections.yaml, LISHUI_CORRECTIONS; none when it does not exist)")

    r = sub.add_parser("report", parents=[quiet], help="run the notebooks with papermill and render HTML reports")
    r.add_argument("names", nargs="*", help="notebook names (default: all), e.g. 00_corpus_overview")
    r.add_argument("-p", "--parameter", nargs=2, action="append", metavar=("NAME", "VALUE"), default=[],
                   help="set a notebook parameter (value parsed as YAML: 300, true, '[a, b]')")
    r.add_argument("--params", type=Path, help="YAML file of parameters")
    r.add_argument("--out", type=Path, default=config.REPORTS_DIR, help="report folder (default: %(default)s)")
    r.add_argument("--with-code", action="store_true", help="show code cells in the HTML")
    r.add_argument("--jobs", type=int, default=None,
                   help="notebooks run at once, each in its own kernel (default: the number of CPUs)")
    r.add_argument("--run-dir", action="store_true",
                   help="write this run to a dated folder, OUT/runs/YYYY-MM-DD (then -2, -3 … the same day), with "
                        "changes.json against the last good run; OUT/latest shows the last good run")
    r.add_argument("--no-rebuild", action="store_true",
                   help="use the tables as they are even if data/raw, corrections.yaml or vocab/ changed since they "
                        "were built (missing tables, or tables of another version, are still built)")

    c = sub.add_parser("check", parents=[quiet], help="validate data/raw/ and data/processed/")
    c.add_argument("--raw", type=Path, default=config.RAW_DIR)
    c.add_argument("--processed", type=Path, default=config.PROCESSED_DIR)

    d = sub.add_parser("dictionary", help="write the data dictionary from schema.py")
    d.add_argument("--out", type=Path, default=config.DOCS_DIR / "data_dictionary.md")

    lab = sub.add_parser("lab", help="open JupyterLab at the project root with the lishui-analysis kernel",
                         description="Registers the lishui-analysis kernel for this user, then opens JupyterLab "
                                     f"at the project root ({config.PROJECT_ROOT}). Other arguments go to "
                                     "JupyterLab as they are, e.g. lishui-analysis lab --no-browser --port 9000.")
    return p


def parse_args(argv=None) -> argparse.Namespace:
    """The arguments; for ``lab``, those it does not know are JupyterLab's (``args.lab_args``,
    in their order, a leading ``--`` dropped)."""
    parser = _parser()
    args, extra = parser.parse_known_args(argv)
    if args.command == "lab":
        args.lab_args = extra[1:] if extra[:1] == ["--"] else extra
    elif extra:
        parser.error(f"unrecognized arguments: {' '.join(extra)}")
    return args


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised where Ctrl-C raises KeyboardInterrupt, so that the same clean-up runs."""


@contextmanager
def _sigterm_as_interrupt():
    """SIGTERM raises :class:`Terminated` in this process while the command runs. A second
    SIGTERM is ignored (it would cut the clean-up short); a worker process forked meanwhile
    dies of it as it would have without this handler."""
    main_pid = os.getpid()

    def handler(signum, frame):
        if os.getpid() != main_pid:
            signal.signal(signal.SIGTERM, signal.SIG_DFL)
            os.kill(os.getpid(), signal.SIGTERM)
            return
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise Terminated()

    try:
        previous = signal.signal(signal.SIGTERM, handler)
    except ValueError:  # main() called from another thread than the main one: signals stay as they are
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_DFL if previous is None else previous)


#: The option naming what each command writes (or, for check, reads).
_OUTPUT_OPTION = {"build": "out", "report": "out", "dictionary": "out", "fetch": "raw", "check": "processed",
                  "init": "folder"}


def _output(args):
    """The folder or file the command writes."""
    return getattr(args, _OUTPUT_OPTION.get(args.command, ""), None) or args.command


def _left_as_it_was(args) -> str:
    """What an interrupted command leaves behind."""
    if args.command == "build":
        from .tables.corpus import JOURNAL

        if (args.out / JOURNAL).exists():  # stopped while renaming the new tables into place
            return (f"the new tables were complete and are being put in place in {args.out}: "
                    "the next build, check or load_tables finishes it")
        return f"{args.out} left as it was"
    if args.command == "fetch":
        return f"pages saved so far are in {args.raw} and listed in its sources.csv"
    if args.command == "report":
        if args.run_dir:
            return f"a run folder begun in {args.out / 'runs'} is marked failed; {args.out / 'latest'} as it was"
        return f"reports finished so far are in {args.out}, the others as they were"
    if args.command == "init":
        return f"the files created so far are in {args.folder}, each whole; init --force adds the others"
    return "previous outputs are intact"


def _os_error_line(exc: OSError, args) -> str:
    """One line for what the system refused: the path, then the reason."""
    from .files import disk_full

    name, other = exc.filename, exc.filename2
    # os.replace(temporary, target): the target is the user's file; the temporary one is hidden
    if other is not None and (name is None or os.path.basename(str(name)).startswith(".")):
        name = other
    if disk_full(exc):
        return f"disk full writing {name if name is not None else _output(args)}"
    reason = " ".join((exc.strerror or str(exc) or type(exc).__name__).split())
    return f"{name if name is not None else args.command}: {reason}"


def main(argv=None) -> int:
    args = parse_args(argv)
    # "WARNING 012_x.txt: no article title found: …": every warning of the package names its file first
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING, format="%(levelname)s %(message)s")
    root = logging.getLogger()
    levels = {h: h.level for h in root.handlers}
    if args.quiet:
        for handler in levels:
            handler.setLevel(logging.ERROR)
    tally = WarningTally()
    root.addHandler(tally)
    # Dask's loggers default to INFO (cluster start and stop chatter); read by dask when it is
    # imported (only for --engine dask): warnings only, unless --debug or the user set it.
    os.environ.setdefault("DASK_LOGGING__DISTRIBUTED", "debug" if args.debug else "warning")
    try:
        with _sigterm_as_interrupt():
            try:
                return _run(args)
            finally:  # the closing line of warnings by kind, before any error line
                root.removeHandler(tally)
                for handler, level in levels.items():
                    handler.setLevel(level)
                if tally.counts:
                    print(warning_summary(tally.counts), file=sys.stderr)
    except InputError as exc:
        if args.debug:
            raise
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt as exc:
        if isinstance(exc, Terminated):
            print(f"stopped by SIGTERM; {_left_as_it_was(args)}", file=sys.stderr)
            return 128 + signal.SIGTERM
        print(f"interrupted; {_left_as_it_was(args)}", file=sys.stderr)
        return 130
    except OSError as exc:  # the system said no (full disk, permission, read-only file system): not a bug
        if args.debug:
            raise
        print(f"error: {_os_error_line(exc, args)}", file=sys.stderr)
        return 2
    except Exception as exc:  # a bug, not bad input: still one line, details with --debug
        if args.debug:
            raise
        print(f"error: internal error {type(exc).__name__}: {exc} (rerun with --debug for the traceback)", file=sys.stderr)
        return 1


def _run(args) -> int:
    if args.command == "init":
        from .project.scaffold import init_project

        result = init_project(args.folder, force=args.force)
        notebooks = [f for f in result.created if f.startswith("notebooks/")]
        others = [f for f in result.created if not f.startswith("notebooks/")]
        made = ", ".join(others + ([f"{len(notebooks)} notebooks"] if notebooks else [])) or "nothing new"
        print(f"project in {result.root}: created {made}")
        if result.kept:
            print(f"kept as they were: {', '.join(result.kept)}")
        print(f"next: put texts in {result.root / 'data' / 'raw'} (and list them in sources.csv), "
              f"then run `lishui-analysis report` in {result.root} or any folder below it")
        return 0
    if args.command == "lab":
        from .project.lab import open_lab

        root = config.PROJECT_ROOT
        checkout = (root / "pyproject.toml").exists() and (root / "notebooks").is_dir()
        if config.find_marker(root) is None and not os.environ.get("LISHUI_ROOT") and not checkout:
            print(f"note: no {config.MARKER} in {config.PROJECT_ROOT} or above; "
                  "`lishui-analysis init DIR` starts a project", file=sys.stderr)
        return open_lab(config.PROJECT_ROOT, args.lab_args)
    if args.command == "build":
        from .tables.corpus import build

        if args.jobs < 1:
            raise InputError("--jobs", "must be at least 1")
        if args.budget is not None:
            if not 0 <= args.budget < float("inf"):
                raise InputError("--budget", "must be a number of seconds, 0 or more")
            os.environ["LISHUI_DOC_BUDGET"] = repr(args.budget)  # read by every worker, in this process or another
        if args.lock_timeout is not None and not args.lock_timeout >= 0:
            raise InputError("--lock-timeout", "must be a number of seconds, 0 or more")
        rows = build(args.raw, args.out, jobs=args.jobs, skip_bad=args.skip_bad, engine=args.engine,
                     scheduler=args.scheduler, progress=not args.quiet, use_cache=not args.no_cache,
                     lock_timeout=args.lock_timeout, corrections=args.corrections)
        counts = ", ".join(f"{n} {name}" for name, n in (rows or {}).items())
        print(f"built {args.out}: {counts}")
        return 0
    if args.command == "fetch":
        from .ingest.fetch import fetch, read_url_list
        from .ingest.load import MANIFEST_NAME

        if args.delay < 0 or args.timeout <= 0 or args.retries < 0:
            raise InputError("--delay/--timeout/--retries", "must be positive")
        urls = read_url_list(args.urls or args.raw / MANIFEST_NAME)
        report = fetch(urls, args.raw, delay=args.delay, timeout=args.timeout, retries=args.retries,
                       progress=not args.quiet)
        print(report.summary())
        return 1 if report.failed else 0
    if args.command == "report":
        # nbformat validates with jsonschema, which at import builds a grammar for its optional
        # `iri` format checker when rfc3987-syntax is installed (jupyterlab's dependencies bring
        # it): 2 of this command's 2.5 s of imports. Notebook schemas do not use that format;
        # this process, which only runs reports, does without it.
        sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]  # None: "not importable"
        from .report.runner import collect_parameters, run_reports

        params = collect_parameters(args.params, args.parameter)
        if args.jobs is not None and args.jobs < 1:
            raise InputError("--jobs", "must be at least 1")
        return run_reports(args.names, params, out_dir=args.out, with_code=args.with_code, jobs=args.jobs,
                           fresh=False if args.no_rebuild else None, run_dir=args.run_dir)
    if args.command == "check":
        from .tables.check import check

        problems = check(args.raw, args.processed)
        for p in problems:
            print(p)
        if problems:
            print(f"{len(problems)} problem(s)", file=sys.stderr)
            return 1
        print("ok: raw and processed data are consistent")
        return 0
    if args.command == "dictionary":
        from .schema import render_dictionary
        from .files import atomic_write_bytes

        if args.out.is_dir():
            raise InputError(args.out, "is a folder; give the file to write, e.g. "
                                       f"--out {args.out / 'data_dictionary.md'}")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        atomic_write_bytes(args.out, render_dictionary().encode("utf-8"))
        print(f"wrote {args.out}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())

"""The one report renderer: papermill runs each notebook, nbconvert writes HTML.

Fixed kernel name, working directory and timeouts; failures collected, the
failing cell named, the others still run; an index page lists every report with
its parameters, input hashes, package versions and run time; exit status is
non-zero if any notebook failed. Text from the input is escaped in the index;
inside notebooks it reaches HTML only through pandas' escaped tables.
"""
from __future__ import annotations

import datetime as dt
import html
import json
import os
import shutil
import tempfile
import time
from pathlib import Path

import yaml

from .. import __version__, config
from ..errors import InputError
from ..files import atomic_write_bytes
from .changes import (  # noqa: F401  (the index shows the changes; tests and scripts call them here)
    SNAPSHOT, changes_section, diff_snapshots, snapshot, summary_figures, write_changes,
)

HERE = Path(__file__).resolve().parent


NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
#: Parameters :func:`run_reports` sets itself, whatever the parameters given (what to).
SET_BY_REPORT = {"report_dir": "its --out folder"}


def _numbered(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.glob(NOTEBOOK_GLOB) if p.is_file())
    except OSError:
        return []


def notebooks_dir() -> Path:
    """Where the notebooks are: the project's ``notebooks/`` when it holds any (copies made by
    ``lishui-analysis init``, the researcher's to edit), else those shipped with the package."""
    if _numbered(config.NOTEBOOKS_DIR):
        return config.NOTEBOOKS_DIR
    return config.PACKAGED_NOTEBOOKS_DIR


def list_notebooks() -> list[str]:
    return [p.stem for p in _numbered(notebooks_dir())]


class _Refused(Exception):
    def __init__(self, problem: str, mark):
        super().__init__(problem)
        self.problem, self.line = problem, (mark.line + 1 if mark is not None else None)


#: Digits (characters) a number in a parameters file may have: a longer one is refused while
#: parsing, before Python converts it (a 5,000-digit integer exceeds its conversion limit).
MAX_NUMBER_CHARS = 100


class ParamsLoader(yaml.SafeLoader):
    """YAML of parameter files and ``-p`` values: the safe loader without anchors and aliases
    (an alias bomb of 1 KB expands to millions of nodes), without timestamps (a date stays
    text, checked by ``params.validate``: ``2024-02-30`` is an error there, not a crash
    here) and with numbers of at most :data:`MAX_NUMBER_CHARS` characters."""

    def compose_node(self, parent, index):
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise _Refused("YAML anchors and aliases (&name, *name) are not allowed in parameters", event.start_mark)
        return super().compose_node(parent, index)

    def _short_number(self, node):
        if len(node.value) > MAX_NUMBER_CHARS:
            raise _Refused(f"a number of {len(node.value)} characters (at most {MAX_NUMBER_CHARS})", node.start_mark)

    def construct_yaml_int(self, node):
        self._short_number(node)
        return super().construct_yaml_int(node)

    def construct_yaml_float(self, node):
        self._short_number(node)
        return super().construct_yaml_float(node)


ParamsLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
ParamsLoader.add_constructor("tag:yaml.org,2002:int", ParamsLoader.construct_yaml_int)
ParamsLoader.add_constructor("tag:yaml.org,2002:float", ParamsLoader.construct_yaml_float)


def _yaml_error(exc: yaml.YAMLError) -> tuple[str, int | None]:
    """A YAML error as one line and its line number."""
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc)
    return " ".join(str(problem).split()), (mark.line + 1 if mark is not None else None)


def collect_parameters(params_file: Path | None, pairs) -> dict:
    """Parameters from a YAML file (UTF-8) and ``-p NAME VALUE`` pairs (values parsed as YAML
    literals), both read with :class:`ParamsLoader`; errors are one line naming the file."""
    params: dict = {}
    if params_file:
        try:
            data = Path(params_file).read_bytes()
        except OSError as exc:
            raise InputError(params_file, f"cannot read parameters ({exc.strerror or exc})") from None
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(params_file, f"not UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
                                          "save the parameters file as UTF-8") from None
        try:
            loaded = yaml.load(text, Loader=ParamsLoader) or {}
        except _Refused as exc:
            raise InputError(params_file, exc.problem, line=exc.line) from None
        except yaml.YAMLError as exc:
            problem, line = _yaml_error(exc)
            raise InputError(params_file, f"not valid YAML: {problem}", line=line) from None
        if not isinstance(loaded, dict):
            raise InputError(params_file, "parameters file must be a YAML mapping")
        if not all(isinstance(k, str) for k in loaded):
            raise InputError(params_file, "parameter names must be text")
        params.update(loaded)
    for name, value in pairs:
        try:
            params[name] = yaml.load(value, Loader=ParamsLoader)
        except _Refused as exc:
            raise InputError(f"-p {name}", exc.problem) from None
        except yaml.YAMLError:
            params[name] = value
    # Dates stay text (no timestamps in ParamsLoader); a date given from Python as ISO text.
    return {k: v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v for k, v in params.items()}


def notebook_parameters(path: Path) -> dict:
    import papermill as pm

    return {k: v for k, v in pm.inspect_notebook(str(path)).items()}


def run_reports(names, params: dict, out_dir: Path | None = None, with_code: bool = False,
                jobs: int | None = None, fresh: bool | None = None, run_dir: bool = False) -> int:
    """Run notebooks (all by default) and render them; returns the exit status.

    ``jobs`` notebooks run at once (default: the number of CPUs), each in its own
    kernel process; the index lists them in the order asked for, whatever order
    they finish in. The tables are built or rebuilt first when stale (``fresh``: see
    ``tables.corpus.ensure_tables``), and every kernel of the run reads them as they are then.
    A notebook that fails never replaces the last good ``NAME.html``, ``NAME.ipynb`` or
    ``NAME.json``: its output is ``NAME.failed.html`` (and ``.ipynb``). With ``run_dir``, the
    reports go to a dated folder of ``out_dir/runs`` (:mod:`.rundirs`).
    """
    out_dir = Path(out_dir or config.REPORTS_DIR)
    nb_dir = notebooks_dir()
    available = list_notebooks()
    if not available:
        raise InputError(nb_dir, f"no notebook to run (none named NN_name.ipynb here, nor in {config.NOTEBOOKS_DIR})")
    names = list(names) or available
    missing = [n for n in names if n not in available]
    if missing:
        raise InputError(nb_dir / f"{missing[0]}.ipynb", f"no such notebook (available: {', '.join(available)})")
    from ..analysis.params import validate

    # Every check before any notebook runs: names no selected notebook declares, then types and values.
    declared = {n: notebook_parameters(nb_dir / f"{n}.ipynb") for n in names}
    unknown = sorted(set(params) - set().union(*declared.values()))
    if unknown:
        raise InputError("parameters", f"unknown parameter(s) {', '.join(unknown)}; "
                         f"declared: {', '.join(sorted(set().union(*declared.values())))}")
    validate(**params)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(out_dir, f"cannot create report folder ({exc.strerror or exc})") from None

    def render(target: Path, previous: Path | None = None) -> list[dict]:
        return _render(names, params, declared, nb_dir, target, with_code, jobs, fresh, previous)

    if run_dir:
        from .rundirs import run_in_folder

        results = run_in_folder(out_dir, render, {"notebooks": names, "parameters": params})
    else:
        results = render(out_dir)
    return 1 if any(r["status"] != "ok" for r in results) else 0


def _render(names: list[str], params: dict, declared: dict, nb_dir: Path, out_dir: Path, with_code: bool,
            jobs: int | None, fresh: bool | None, previous: Path | None) -> list[dict]:
    """Ensure the tables, run the notebooks into ``out_dir``, write changes.json (against the snapshot in
    ``previous`` when given, else in ``out_dir``) and the index; the results, one per notebook."""
    # Stale or missing tables are built here, once, before the kernels ask for them.
    from ..tables.corpus import ensure_tables
    from ..tables.freshness import NO_REBUILD_ENV

    # (a relative processed_dir is read by the kernels from the project root, their working folder)
    processed = params.get("processed_dir")
    ensure_tables(config.PROJECT_ROOT / processed if processed else None, fresh=fresh, verbose=True)
    staging = Path(tempfile.mkdtemp(prefix=".running-", dir=out_dir))

    def one(name: str) -> dict:
        nb_params = {k: v for k, v in params.items() if k in declared[name]}
        if "report_dir" in declared[name]:
            nb_params["report_dir"] = str(staging.resolve())
        return run_one(name, nb_dir / f"{name}.ipynb", out_dir, nb_params, with_code, staging)

    jobs = max(1, min(jobs or os.cpu_count() or 1, len(names)))
    t0 = time.perf_counter()
    # Every kernel of this run reads the tables just checked, as they are: a text added to data/raw
    # while the notebooks run waits for the next run rather than giving two reports two corpora.
    saved_env = os.environ.get(NO_REBUILD_ENV)
    os.environ[NO_REBUILD_ENV] = "1"
    try:
        if jobs == 1:
            results = [one(n) for n in names]
        else:
            # Threads suffice: each notebook runs in its own kernel process; this process waits
            # on the kernels and renders HTML.
            from concurrent.futures import ThreadPoolExecutor

            import nbconvert  # noqa: F401 - imported once here, not raced for by the threads
            import papermill  # noqa: F401

            with ThreadPoolExecutor(max_workers=jobs) as pool:
                results = list(pool.map(one, names))
    finally:
        if saved_env is None:
            os.environ.pop(NO_REBUILD_ENV, None)
        else:
            os.environ[NO_REBUILD_ENV] = saved_env
        shutil.rmtree(staging, ignore_errors=True)
    processed_dir = config.PROJECT_ROOT / processed if processed else config.PROCESSED_DIR
    try:
        changes = write_changes(out_dir, processed_dir, params, previous_dir=previous)
    except (OSError, ValueError, KeyError) as exc:  # the reports stand without it; say so
        changes = None
        print(f"changes.json not written: cannot read the tables in {processed_dir} ({exc})")
    n_review = write_review_sheet(out_dir, processed_dir)
    write_index(results, out_dir, processed_dir, changes, n_review)
    for r in results:
        line = f"{r['name']}: {r['status']} in {r['seconds']:.1f}s"
        if r["status"] != "ok":
            kept = " (the last good report is kept)" if (out_dir / f"{r['name']}.html").exists() else ""
            line += f" — {r['error']}; see {out_dir / (r['name'] + FAILED_SUFFIX)}{kept}"
        print(line)
    print(f"wrote {out_dir / 'index.html'} ({len(results)} notebooks in {time.perf_counter() - t0:.1f}s, {jobs} at a time)")
    return results


#: What a failed notebook's rendering is called (``NAME.failed.html``, beside ``NAME.failed.ipynb``).
FAILED_SUFFIX = ".failed.html"


def run_one(name: str, nb_path: Path, out_dir: Path, params: dict, with_code: bool, staging: Path | None = None) -> dict:
    """Run one notebook into ``staging`` (where it also writes ``NAME.json``), then put its outputs in
    ``out_dir``: ``NAME.html``, ``.ipynb`` and ``.json`` when it ran to the end; ``NAME.failed.html``
    and ``.failed.ipynb`` when it failed, the last good outputs left as they were."""
    import papermill as pm
    from papermill.exceptions import PapermillExecutionError

    staging = Path(staging or out_dir)
    tmp_nb = staging / f".{name}.running.ipynb"
    t0 = time.perf_counter()
    status, error = "ok", ""
    try:
        pm.execute_notebook(str(nb_path), str(tmp_nb), parameters=params, kernel_name=config.KERNEL_NAME,
                            cwd=str(config.PROJECT_ROOT), progress_bar=False, log_output=False,
                            execution_timeout=config.CELL_TIMEOUT, request_save_on_cell_execute=False)
    except PapermillExecutionError as exc:
        status, error = "failed", f"cell {exc.exec_count}: {exc.ename}: {exc.evalue}"
    except Exception as exc:  # kernel died, timeout …: recorded, other notebooks still run
        status, error = "failed", f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - t0
    stem = name if status == "ok" else name + FAILED_SUFFIX.removesuffix(".html")
    try:
        if tmp_nb.exists():
            if staging != out_dir and "report_dir" in params:
                _say_report_dir(tmp_nb, params["report_dir"], str(out_dir.resolve()))
            html_bytes = render_html(tmp_nb, with_code)
            atomic_write_bytes(out_dir / f"{stem}.html", html_bytes)
            os.replace(tmp_nb, out_dir / f"{stem}.ipynb")
        summary = staging / f"{name}.json"
        if status == "ok":
            if summary != out_dir / f"{name}.json" and summary.exists():
                os.replace(summary, out_dir / f"{name}.json")
            for old in (out_dir / f"{name}{FAILED_SUFFIX}", out_dir / f"{name}.failed.ipynb"):
                old.unlink(missing_ok=True)  # an earlier failure, now fixed
    finally:
        tmp_nb.unlink(missing_ok=True)
    return {"name": name, "status": status, "error": error, "seconds": seconds, "parameters": params}


def _say_report_dir(nb_file: Path, staging: str, final: str) -> None:
    """The executed notebook names the report folder (in its injected parameters and papermill's
    metadata), not the staging folder the run wrote into and removes."""
    text = nb_file.read_text(encoding="utf-8")
    nb_file.write_text(text.replace(json.dumps(staging)[1:-1], json.dumps(final)[1:-1]), encoding="utf-8")


def render_html(nb_file: Path, with_code: bool) -> bytes:
    import nbformat
    from nbconvert import HTMLExporter

    nb = nbformat.read(str(nb_file), as_version=4)
    exporter = HTMLExporter(template_name="lab", extra_template_paths=[str(HERE / "templates")],
                            template_file="lishui_offline.html.j2")
    exporter.exclude_input = not with_code
    exporter.exclude_input_prompt = True
    exporter.exclude_output_prompt = True
    body, _ = exporter.from_notebook_node(nb)
    return embed_cjk_font(embed_table_script(body)).encode("utf-8")


def embed_table_script(html_text: str) -> str:
    """Make every pandas table of the page sortable, searchable and filterable: a small script and
    style of the package's own (static/tables.js, .css) inlined before ``</body>`` — no CDN, works
    offline, and it only reads cell text, so escaped input stays escaped."""
    static = HERE / "static"
    js = (static / "tables.js").read_text(encoding="utf-8")
    css = (static / "tables.css").read_text(encoding="utf-8")
    tail = f"<style>{css}</style>\n<script>{js}</script>\n"
    end = html_text.rfind("</body>")
    return html_text + tail if end < 0 else html_text[:end] + tail + html_text[end:]


def embed_cjk_font(html_text: str) -> str:
    """Embed the glyphs of Noto Sans SC that the page uses, so its Chinese text renders on any machine,
    offline, without system CJK fonts (a subset: a few hundred KB rather than 19 MB)."""
    import base64
    import io

    from fontTools import subset

    from ..analysis.plots import cjk_font_path

    chars = {ch for ch in html_text if ord(ch) > 0x2E7F}
    if not chars:
        return html_text
    options = subset.Options()
    options.flavor = None
    options.desubroutinize = True
    options.name_IDs = ["*"]
    font = subset.load_font(str(cjk_font_path()), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text="".join(sorted(chars)))
    subsetter.subset(font)
    buf = io.BytesIO()
    font.save(buf)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    face = ("<style>@font-face{font-family:'LishuiCJK';src:url(data:font/otf;base64," + data + ") format('opentype');"
            "font-display:block;}</style>")
    # The families last in <head>, after the template's own CSS (JupyterLab sets the markdown and output
    # fonts through its variables, which would otherwise win and fall back to a font without CJK glyphs).
    # The subset first (it holds only the page's CJK characters, so Latin text falls through to the system
    # font): after system-ui, Chromium drew bold Chinese (table headers) as empty boxes on a machine without
    # CJK fonts. Not first for monospace text: its taller lines gave every printed line a scroll bar.
    families = ("<style>body,.jp-Notebook,.jp-RenderedHTMLCommon,.jp-RenderedMarkdown,table,td,th,input{font-family:"
                "'LishuiCJK',system-ui,-apple-system,'Segoe UI',Roboto,sans-serif !important;}"
                "pre,code,.jp-OutputArea-output pre,.jp-RenderedText pre{font-family:ui-monospace,'DejaVu Sans Mono',"
                "'LishuiCJK',monospace !important;}</style>")
    head, end = html_text.find("<head>"), html_text.find("</head>")
    if head < 0 or end < 0:
        return face + families + html_text
    # the face first in <head>: loaded before any text
    return html_text[: head + 6] + face + html_text[head + 6: end] + families + html_text[end:]


def write_summary(name: str, summary: dict, report_dir: str | None = None) -> Path:
    """Machine-readable figures a notebook reports, written beside its HTML as ``NAME.json``."""
    out = Path(report_dir or config.REPORTS_DIR)
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"{name}.json"
    atomic_write_bytes(path, (json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True, default=str) + "\n").encode("utf-8"))
    return path


def write_review_sheet(out_dir: Path, processed_dir: Path) -> int | None:
    """``review.csv``: what is worth a look, each row with its sentence and the corrections.yaml entry
    that settles it (:mod:`..analysis.review`); the number of rows, None when the tables cannot be read."""
    from ..analysis.review import write_review
    from ..tables.corpus import load_tables

    try:
        tables = load_tables(processed_dir, fresh=False)
        manifest = json.loads((Path(processed_dir) / "manifest.json").read_text(encoding="utf-8"))
        return write_review(tables, manifest, out_dir / "review.csv")
    except (OSError, ValueError, KeyError) as exc:  # the reports stand without it; say so
        print(f"review.csv not written: cannot read the tables in {processed_dir} ({exc})")
        return None


def write_index(results: list[dict], out_dir: Path, processed_dir: Path | None = None,
                changes: dict | None = None, n_review: int | None = None) -> None:
    """index.html lists every report in the folder: this run's, and earlier runs' of other notebooks
    (kept in index.json), so rendering one notebook does not drop the others from the index."""
    runs_path = out_dir / "index.json"
    try:
        runs = {r["name"]: r for r in json.loads(runs_path.read_text(encoding="utf-8"))}
    except (OSError, ValueError, KeyError, TypeError):
        runs = {}
    for r in results:
        runs[r["name"]] = {**r, "parameters": {k: v for k, v in r["parameters"].items() if k != "report_dir"}}
    results = [runs[n] for n in sorted(runs) if (out_dir / f"{n}.html").exists() or runs[n]["status"] != "ok"]
    atomic_write_bytes(runs_path, (json.dumps(results, ensure_ascii=False, indent=2, sort_keys=True, default=str)
                                   + "\n").encode("utf-8"))
    manifest_path = Path(processed_dir or config.PROCESSED_DIR) / "manifest.json"
    inputs = []
    deps = {}
    if manifest_path.exists():
        m = json.loads(manifest_path.read_text(encoding="utf-8"))
        inputs, deps = m.get("inputs", []), m.get("dependencies", {})
    e = html.escape
    rows = []
    for r in results:
        good = (out_dir / f"{r['name']}.html").exists()
        link = f'<a href="{e(r["name"])}.html">{e(r["name"])}</a>' if good else e(r["name"])
        params = e(json.dumps(r["parameters"], ensure_ascii=False, sort_keys=True, default=str))
        status = "ok" if r["status"] == "ok" else f'<span class="bad">failed</span>: {e(r["error"])}'
        if r["status"] != "ok":
            failed_page = f"{r['name']}{FAILED_SUFFIX}"
            if (out_dir / failed_page).exists():
                status += f' (<a href="{e(failed_page)}">the failed run</a>)'
            status += "; the report linked is the last good one, kept" if good else "; no good report yet"
        rows.append(f"<tr><td>{link}</td><td>{status}</td><td><code>{params}</code></td><td>{r['seconds']:.1f} s</td></tr>")
    inp = "".join(f"<tr><td>{e(i['file'])}</td><td><code>{e(i['sha256'][:16])}…</code></td><td>{e(str(i.get('pub_date', '')))}</td></tr>" for i in inputs)
    dep = ", ".join(f"{e(k)} {e(v)}" for k, v in sorted(deps.items()))
    review = ("" if n_review is None else
              f'<h2>Worth a look</h2><p><a href="review.csv">review.csv</a>: {n_review} rows — conflicts, possible '
              "conflicts, names left ambiguous, holders found outside their sentence, stale corrections — each with "
              "its sentence and the <code>corrections.yaml</code> entry that settles it.</p>")
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>lishui-analysis reports</title>
<style>body{{font-family:sans-serif;max-width:960px;margin:2em auto;padding:0 1em}}table{{border-collapse:collapse;width:100%}}
td,th{{border-bottom:1px solid #ddd;padding:.4em;text-align:left;vertical-align:top}}.bad{{color:#b00;font-weight:bold}}code{{font-size:.85em}}</style>
</head><body>
<h1>lishui-analysis reports</h1>
<p>Package version {e(__version__)}. Dependencies: {dep or "n/a"}.</p>
<table><tr><th>report</th><th>status</th><th>parameters</th><th>run time</th></tr>
{''.join(rows)}
</table>
{changes_section(changes)}
{review}
<h2>Inputs</h2>
<table class="dataframe"><thead><tr><th>file</th><th>sha256</th><th>pub_date</th></tr></thead><tbody>{inp}</tbody></table>
</body></html>
"""
    atomic_write_bytes(out_dir / "index.html", embed_cjk_font(embed_table_script(page)).encode("utf-8"))

"""``lishui-analysis init DIR``: lay out a project.

Refuses a folder that is not empty unless ``force``; even then an existing file is never
overwritten (it is kept and listed). Each file is created exclusively (``open(…, "xb")``), and
removed again if writing it fails, so no file is left half-written.
"""
from __future__ import annotations

import ast
import os
import string
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .. import __version__, config
from ..errors import InputError

TEMPLATES = Path(__file__).resolve().parent / "templates"
#: Folders every project has (created even when empty).
FOLDERS = ("data/raw", "data/processed", "notebooks", "reports")


@dataclass
class InitResult:
    root: Path
    created: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


def _template(filename: str, **values: str) -> bytes:
    text = (TEMPLATES / filename).read_text(encoding="utf-8")
    return string.Template(text).safe_substitute(version=__version__, **values).encode("utf-8")


def packaged_notebooks() -> list[Path]:
    return sorted(p for p in config.PACKAGED_NOTEBOOKS_DIR.glob("[0-9][0-9]_*.ipynb") if p.is_file())


def notebook_copy(path: Path) -> bytes:
    """A packaged notebook as the project's copy: the same cells, asking for the kernel that
    ``lishui-analysis lab`` registers (``report`` names its kernel itself)."""
    import nbformat

    nb = nbformat.read(str(path), as_version=4)
    nb.metadata["kernelspec"] = {"name": config.LAB_KERNEL_NAME, "display_name": config.LAB_KERNEL_NAME,
                                 "language": "python"}
    return nbformat.writes(nb).encode("utf-8") + b"\n"


def _literal(text: str):
    try:
        return ast.literal_eval(text)
    except (ValueError, SyntaxError):
        return text


def _yaml_value(value) -> str:
    if value == "":
        return '""'
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000).strip().removesuffix("...").strip()


def params_yaml(notebooks: list[Path] | None = None) -> str:
    """Every notebook parameter (``analysis.params.REGISTRY``, in its order) commented out, with
    its default and meaning as the notebooks declare them (papermill reads their parameter
    cells), the thresholds' defaults from ``params.defaults()``."""
    from ..analysis.params import REGISTRY, defaults
    from ..report.runner import SET_BY_REPORT, notebook_parameters

    notebooks = packaged_notebooks() if notebooks is None else notebooks
    declared = {p.stem: notebook_parameters(p) for p in notebooks}
    fixed = defaults()
    out = ["# Notebook parameters: `lishui-analysis report --params params.yaml` (with any notebook names).",
           "# Every parameter is listed, commented out, with its default and what it means; remove the",
           "# leading '# ' of a `name: value` line to set it. `report` reads this file only with --params;",
           "# `-p NAME VALUE` on the command line overrides one value. A parameter set here must be declared",
           "# by one of the notebooks run (the names after each parameter), or `report` refuses it.",
           "# Values are YAML: text in quotes, lists as [a, b], dates as \"2024-12-31\".", ""]
    for name in REGISTRY:
        specs = {nb: d[name] for nb, d in declared.items() if name in d}
        if not specs:
            out += [f"# {name}: not declared by any notebook", ""]
            continue
        values = {nb: fixed[name] if name in fixed else _literal(s["default"]) for nb, s in specs.items()}
        helps = {nb: (s.get("help") or "").strip() for nb, s in specs.items()}
        names = "all notebooks" if len(specs) == len(declared) else ", ".join(specs)
        first = next(iter(specs))
        if name in SET_BY_REPORT:
            out.append(f"# {name} — {helps[first]} ({names}); `lishui-analysis report` sets it to "
                       f"{SET_BY_REPORT[name]}: a value here is not used")
        elif len(set(map(repr, values.values()))) == 1 and len(set(helps.values())) == 1:
            out.append(f"# {name} — {helps[first] or 'no description'} ({names})")
        else:
            out.append(f"# {name} — by notebook:")
            out += [f"#   {nb}: {helps[nb] or 'no description'} (default {_yaml_value(values[nb])})" for nb in specs]
        out += [f"# {name}: {_yaml_value(values[first])}", ""]
    return "\n".join(out)


def plan(root: Path) -> dict[str, bytes]:
    """The files of a new project under ``root``, by relative path."""
    nbs = packaged_notebooks()
    if not nbs:
        raise InputError(config.PACKAGED_NOTEBOOKS_DIR, "no packaged notebooks: the installation is incomplete; "
                                                        "reinstall lishui-analysis")
    files = {
        config.MARKER: _template("lishui.toml"),
        "README.md": _template("README.md", name=root.name or "lishui-analysis project"),
        "params.yaml": params_yaml(nbs).encode("utf-8"),
        "corrections.yaml": _template("corrections.yaml"),
        "vocab/README.md": _template("vocab_README.md"),
        "data/raw/sources.csv": _template("sources.csv"),
    }
    files.update({f"notebooks/{p.name}": notebook_copy(p) for p in nbs})
    return files


def _write_new(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` only if nothing is there; False if something is."""
    if os.path.lexists(path):
        return False
    try:
        fh = open(path, "xb")
    except FileExistsError:
        return False
    try:
        with fh:
            fh.write(data)
    except BaseException:
        path.unlink(missing_ok=True)
        raise
    return True


def init_project(folder: Path, force: bool = False) -> InitResult:
    """Lay out a project in ``folder`` (created if missing)."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise InputError(folder, "is a file, not a folder; give a new or empty folder")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise InputError(folder, "is not empty; give a new or empty folder, or add --force to add what is missing "
                                 "(existing files are never overwritten)")
    root = folder.resolve()
    files = plan(root)  # everything read before anything is written
    result = InitResult(root)
    for rel in FOLDERS:
        (root / rel).mkdir(parents=True, exist_ok=True)
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        (result.created if _write_new(path, data) else result.kept).append(rel)
    return result

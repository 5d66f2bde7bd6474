"""The package reads as its pipeline: ingest → extract → tables → analysis → report.

Imports (module level and inside functions alike) flow only down that line, no two modules import each
other through any chain, few modules stand flat in the package root, and none is too long to read.
"""
import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "src" / "lishui_analysis"
#: Rank of each room; a module may import only from rooms of its rank or below.
RANK = {"errors": 0, "config": 0, "files": 0, "vocab": 0, "schema": 0,
        "ingest": 1, "extract": 2, "tables": 3, "analysis": 4, "report": 5, "project": 6, "cli": 6, "": 7}
MAX_LINES = 600
MAX_FLAT = 6  # modules in the package root besides __init__.py


def _modules() -> dict[str, Path]:
    out = {}
    for f in PKG.rglob("*.py"):
        parts = list(f.relative_to(PKG).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = f
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """Package modules that ``name`` imports, wherever the import statement stands."""
    is_pkg = path.name == "__init__.py"
    here = name.split(".") if name else []
    base = here if is_pkg else here[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                anchor = base[: len(base) - (node.level - 1)]
                target = anchor + (node.module.split(".") if node.module else [])
            elif node.module and node.module.startswith("lishui_analysis"):
                target = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:
                sub = ".".join(target + [alias.name])
                if not target and alias.name == "__version__":
                    continue  # the version string the package root states, nothing it imports
                found.add(sub if sub in MODULES else ".".join(target))
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("lishui_analysis."):
                    found.add(".".join(alias.name.split(".")[1:]))
        elif (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "import_module" and node.args
              and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)
              and node.args[0].value.startswith(".")):
            found.add(".".join(base + [node.args[0].value.lstrip(".")]))
    return {m for m in found if m in MODULES and m != name}


GRAPH = {name: _imports(name, path) for name, path in MODULES.items()}


def _room(name: str) -> str:
    return name.split(".")[0]


def test_the_import_graph_has_no_cycle():
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(m):
        state[m] = 1
        stack.append(m)
        for n in sorted(GRAPH[m]):
            if state.get(n) == 1:
                raise AssertionError("import cycle: " + " → ".join(stack[stack.index(n):] + [n]))
            if not state.get(n):
                visit(n)
        stack.pop()
        state[m] = 2

    # A package's __init__ may lazily hand out its own modules (``from lishui_analysis import indicators``);
    # those edges point down into the package, never back, and are left out here.
    for m in GRAPH:
        GRAPH[m] = {n for n in GRAPH[m] if not (MODULES[m].name == "__init__.py" and n.startswith(m + "." if m else ""))}
    for m in sorted(GRAPH):
        if not state.get(m):
            visit(m)


@pytest.mark.parametrize("name", sorted(n for n in MODULES if n))
def test_imports_flow_down_the_pipeline(name):
    up = sorted(n for n in GRAPH[name] if RANK[_room(n)] > RANK[_room(name)])
    assert not up, f"{name} (stage {_room(name)}) imports a later stage: {up}"


def test_the_package_root_holds_few_modules_and_the_stages_are_subpackages():
    flat = sorted(p.stem for p in PKG.glob("*.py") if p.name != "__init__.py")
    assert len(flat) <= MAX_FLAT, flat
    subpackages = sorted(p.parent.name for p in PKG.glob("*/__init__.py"))
    assert {"ingest", "extract", "tables", "analysis", "report"} <= set(subpackages)


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_too_long_to_read(name):
    n = len(MODULES[name].read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{MODULES[name].relative_to(PKG)} has {n} lines (at most {MAX_LINES})"


def test_the_graph_reader_sees_lazy_imports():
    # the checks above are only as good as the reader: it must see imports inside functions too
    assert "ingest.webpage" in GRAPH["ingest.load"]          # load reads HTML through webpage, lazily
    assert "tables.corpus" in GRAPH["report.runner"]
    assert "ingest.decode" in GRAPH["ingest.webpage"]

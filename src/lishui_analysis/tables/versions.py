"""The versions of the libraries under a build, for its manifest: every runtime dependency the
package declares (``pyproject.toml``'s ``dependencies``, read from the installed metadata, not a
hand list) and every library those require in turn — NumPy under pandas, Jinja2 under nbconvert —
since any of them may shape the tables or the reports."""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_REQUIREMENT = re.compile(r"\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA = re.compile(r"""\bextra\s*==\s*["']([^"']+)["']""")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _runtime_requirements(requires: list[str] | None, extras: frozenset[str] = frozenset()) -> list[tuple[str, frozenset]]:
    """``(name, extras wanted)`` of each requirement that applies here: no extra unless one of
    ``extras``, environment markers evaluated (by ``packaging``, when it is there)."""
    try:
        from packaging.markers import Marker
    except ImportError:  # then every requirement without an extra applies; an absent one is skipped later
        Marker = None  # type: ignore[assignment,misc]
    out = []
    for line in requires or ():
        spec, _, marker = line.partition(";")
        m = _REQUIREMENT.match(spec)
        if not m:
            continue
        wanted = _EXTRA.findall(marker)
        if wanted and not extras.intersection(_canonical(e) for e in wanted):
            continue
        if marker.strip() and Marker is not None:
            try:
                if not any(Marker(marker).evaluate({"extra": e}) for e in (sorted(extras) or [""])):
                    continue
            except Exception:  # noqa: BLE001 - a marker this packaging cannot read: count the requirement
                pass
        out.append((_canonical(m.group(1)), frozenset(_canonical(e) for e in (m.group(2) or "").split(",") if e.strip())))
    return out


def _installed() -> dict[str, tuple[str, list[str]]]:
    """Every installed distribution: canonical name → (version, requirements), the first found
    on ``sys.path`` as imports find it. Each METADATA file's header is read once, by hand: the
    email parser of ``importlib.metadata`` took ≈ 1 s for the ≈ 130 of a Jupyter environment."""
    from importlib.metadata import distributions

    out: dict[str, tuple[str, list[str]]] = {}
    for dist in distributions():
        head = (dist.read_text("METADATA") or dist.read_text("PKG-INFO") or "").split("\n\n", 1)[0]
        fields: dict[str, list[str]] = {}
        for line in head.splitlines():
            key, sep, value = line.partition(": ")
            if sep:
                fields.setdefault(key, []).append(value.strip())
        name = _canonical((fields.get("Name") or [""])[0])
        if name and name not in out:
            reqs = fields.get("Requires-Dist", [])
            if not reqs and dist.read_text("requires.txt") is not None:  # an egg-info: its own format
                reqs = dist.requires or []
            out[name] = ((fields.get("Version") or [""])[0], reqs)
    return out


def _declared_requirements(installed: dict[str, tuple[str, list[str]]]) -> list[str]:
    """This package's requirements (``pyproject.toml``'s ``dependencies``) as its installed
    metadata states them; from a source checkout's ``pyproject.toml`` when it is not installed."""
    if "lishui-analysis" in installed:
        return installed["lishui-analysis"][1]
    import tomllib

    pyproject = Path(__file__).resolve().parents[3] / "pyproject.toml"
    try:
        return list(tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["dependencies"])
    except (OSError, ValueError, KeyError):
        return []


@lru_cache(maxsize=1)
def dependency_versions() -> dict[str, dict[str, str]]:
    """The installed version of every library this package requires to run (``dependencies``:
    those ``pyproject.toml`` declares, derived from the package's metadata, not a hand list), and
    of every library those require in turn (``indirect``: NumPy under pandas, Jinja2 under
    nbconvert …), each by its canonical distribution name. Read once per process."""
    installed = _installed()
    direct = _runtime_requirements(_declared_requirements(installed))
    found: dict[str, str] = {}
    todo = list(reversed(direct))
    seen: set[tuple[str, frozenset]] = set()
    while todo:
        name, extras = todo.pop()
        if (name, extras) in seen:
            continue
        seen.add((name, extras))
        if name not in installed:  # a requirement of another platform, or not installed
            continue
        found[name] = installed[name][0]
        todo.extend(_runtime_requirements(installed[name][1], extras))
    names = {name for name, _ in direct}
    return {"dependencies": {n: v for n, v in sorted(found.items()) if n in names},
            "indirect": {n: v for n, v in sorted(found.items()) if n not in names}}

"""Packaging like a library people cite: one version, a valid citation, a changelog, the licence
stated as SPDX, py.typed, and a manifest recording every dependency that shapes the outputs."""
from __future__ import annotations

import re
import tomllib
from importlib.metadata import version

import pytest
import yaml

from conftest import ROOT
from lishui_analysis import __version__
from lishui_analysis.tables.versions import _canonical, _runtime_requirements, dependency_versions

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _name(req: str) -> str:
    return _canonical(re.split(r"[<>=!~\[ ;]", req.strip(), maxsplit=1)[0])


def test_the_version_is_written_once_and_everything_follows_it():
    project = PYPROJECT["project"]
    assert "version" not in project and "version" in project["dynamic"]
    assert PYPROJECT["tool"]["setuptools"]["dynamic"]["version"] == {"attr": "lishui_analysis.__version__"}
    assert re.fullmatch(r"\d+\.\d+\.\d+", __version__)
    assert version("lishui-analysis") == __version__  # the installed metadata (make setup reinstalls)
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["version"] == __version__
    first = re.search(r"^## \[([^\]]+)\]", (ROOT / "CHANGELOG.md").read_text(encoding="utf-8"), re.M)
    assert first and first.group(1) in ("Unreleased", __version__)


def test_citation_file_has_what_cff_1_2_requires():
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert cff["cff-version"] == "1.2.0"
    assert cff["type"] == "software"
    for key in ("message", "title"):
        assert isinstance(cff[key], str) and cff[key].strip()
    assert cff["authors"] and all(isinstance(a, dict) and (a.get("name") or a.get("family-names"))
                                  for a in cff["authors"])
    assert cff["license"] == PYPROJECT["project"]["license"]
    assert set(cff) <= {"cff-version", "message", "type", "title", "abstract", "authors", "version", "license",
                        "keywords", "date-released", "repository-code", "url", "doi", "identifiers",
                        "preferred-citation", "references", "contact", "commit", "license-url"}


def test_changelog_keeps_a_changelog():
    text = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    versions = re.findall(r"^## (.*)$", text, re.M)
    assert versions, "no version section"
    for v in versions:
        assert re.fullmatch(r"\[Unreleased\]|\[\d+\.\d+\.\d+\] - \d{4}-\d\d-\d\d", v), v
    for section in re.findall(r"^### (.*)$", text, re.M):
        assert section in ("Added", "Changed", "Deprecated", "Removed", "Fixed", "Security"), section


def test_licence_classifiers_and_typed_marker():
    project = PYPROJECT["project"]
    assert project["license"] == "MIT" and project["license-files"] == ["LICENSE"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    assert not any(c.startswith("License ::") for c in project["classifiers"])  # the SPDX field says it
    assert "Typing :: Typed" in project["classifiers"]
    assert (ROOT / "src" / "lishui_analysis" / "py.typed").exists()
    assert "py.typed" in PYPROJECT["tool"]["setuptools"]["package-data"]["lishui_analysis"]


def test_requirements_that_apply_here():
    reqs = ["Alpha_Pkg>=1", "beta; extra == 'x'", "gamma[Y,z]>=2; python_version >= '3'",
            "delta; sys_platform == 'no-such-platform'", "eps ; extra == \"other\""]
    assert _runtime_requirements(reqs) == [("alpha-pkg", frozenset()), ("gamma", frozenset({"y", "z"}))]
    assert [n for n, _ in _runtime_requirements(reqs, frozenset({"x"}))] == ["alpha-pkg", "beta", "gamma"]


def test_manifest_records_every_declared_dependency_and_those_under_them(bundled_tables):
    import json

    _, out = bundled_tables
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    declared = {_name(d) for d in PYPROJECT["project"]["dependencies"]}
    deps, indirect = manifest["dependencies"], manifest["indirect_dependencies"]
    assert set(deps) == declared
    for name, v in deps.items():
        assert v == version(name), name
    # the libraries under them that compute and template the outputs
    assert {"numpy", "jinja2", "pillow"} <= set(indirect) and not set(indirect) & set(deps)
    assert indirect["numpy"] == version("numpy")
    assert manifest["dependencies"] == dependency_versions()["dependencies"]


@pytest.mark.parametrize("step", ["make typecheck", "tools/check_floors.sh", "tools/check_citation.sh"])
def test_ci_runs_the_packaging_checks_after_the_readme_test_command(step):
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    steps = [ln.strip() for ln in ci.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    assert steps.index("make test") < next(i for i, s in enumerate(steps) if step in s)
    if step.startswith("tools/"):
        assert (ROOT / step).stat().st_mode & 0o111


def test_first_setup_shows_pips_progress():
    """``make setup`` installs with pip's own output (a few minutes the first time), not -q."""
    make = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = make[make.index("$(STAMP): pyproject.toml"):make.index("setup: $(STAMP)")]
    installs = [ln for ln in recipe.splitlines() if "pip install" in ln]
    assert len(installs) == 2 and not any(re.search(r"\s(-q|--quiet)\b", ln) for ln in installs)

"""environment.yml (conda) and pyproject.toml list the same dependencies."""
import re
import tomllib

import yaml

from conftest import ROOT


def _name(req: str) -> str:
    return re.split(r"[<>=!~\[ ;]", req.strip(), maxsplit=1)[0].lower().replace("_", "-")


def test_environment_yml_matches_pyproject():
    py = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = {_name(d) for d in py["dependencies"]} | {_name(d) for d in py["optional-dependencies"]["dev"]}
    if "dask" in wanted:  # dask[distributed] is two packages on conda-forge
        wanted.add("distributed")
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    listed = set()
    for dep in env["dependencies"]:
        if isinstance(dep, dict):
            listed |= {_name(d) for d in dep["pip"] if not d.startswith("-e")}
        elif _name(dep) not in ("python", "pip"):
            listed.add(_name(dep))
    assert listed == wanted, f"only in environment.yml: {listed - wanted}; only in pyproject: {wanted - listed}"


def test_environment_yml_pins_python_311_and_installs_package():
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert "python=3.11" in env["dependencies"]
    pip = next(d for d in env["dependencies"] if isinstance(d, dict))["pip"]
    assert "-e ." in pip


def _floors(reqs) -> dict[str, str]:
    out = {}
    for req in reqs:
        m = re.match(r"\s*([A-Za-z0-9_.-]+)(?:\[[^\]]*\])?\s*>=\s*([0-9][^,;\s]*)", req)
        if m:
            out[m.group(1).lower().replace("_", "-")] = m.group(2)
    return out


def test_environment_yml_has_the_floors_of_pyproject():
    """The floors tools/check_floors.sh tests are the ones conda users get too."""
    py = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    wanted = _floors(py["dependencies"] + py["optional-dependencies"]["dev"])
    if "dask" in wanted:
        wanted["distributed"] = wanted["dask"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    listed = _floors(d for d in env["dependencies"] if isinstance(d, str))
    listed |= _floors(next(d for d in env["dependencies"] if isinstance(d, dict))["pip"])
    assert {k: v for k, v in listed.items() if k not in ("python", "pip")} == wanted


def test_bench_extras_stay_out_of_the_test_and_conda_environments():
    """JioNLP is for `make bench` only: `make test` and conda users never need it."""
    py = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    bench = {_name(d) for d in py["optional-dependencies"]["bench"]}
    assert bench and not bench & {_name(d) for d in py["dependencies"] + py["optional-dependencies"]["dev"]}
    env = (ROOT / "environment.yml").read_text(encoding="utf-8")
    assert not any(re.search(rf"^\s*-\s*{re.escape(name)}\b", env, re.M) for name in bench)

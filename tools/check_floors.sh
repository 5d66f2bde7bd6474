#!/usr/bin/env bash
# Dependency floors that work: resolve the LOWEST version pyproject.toml allows of every direct
# dependency (uv's --resolution lowest-direct; indirect ones at their newest, as a new install
# would get them), install exactly that set in a temporary virtual environment, and run the fast
# tests (`pytest -m "not slow"`) there. Fails if the floors do not resolve, install or pass.
#
#   tools/check_floors.sh            # PYTHON=python3.12 tools/check_floors.sh for another interpreter
#
# Needs the package index (uv is installed from it into the temporary environment). Nothing
# outside the temporary folder is changed.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/lishui-floors.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$PYTHON" -m venv "$work/venv"
py="$work/venv/bin/python"
echo "floors: installing uv into $work/venv"
"$py" -m pip install --disable-pip-version-check --progress-bar on uv
uv="$work/venv/bin/uv"
"$uv" pip compile --quiet --resolution lowest-direct --python "$py" --extra dev pyproject.toml -o "$work/floors.txt"
echo "floors: the lowest allowed direct dependencies:"
"$py" - "$work/floors.txt" <<'PY'
import re, sys, tomllib
project = tomllib.load(open("pyproject.toml", "rb"))["project"]
direct = {re.split(r"[<>=!~\[; ]", d, 1)[0].lower().replace("_", "-")
          for d in project["dependencies"] + project["optional-dependencies"]["dev"]}
for line in open(sys.argv[1]):
    name = line.split("==")[0].strip().lower()
    if "==" in line and name in direct:
        print("  " + line.strip())
PY
"$uv" pip install --python "$py" -r "$work/floors.txt"
"$uv" pip install --python "$py" --no-deps -e .
"$py" -m ipykernel install --sys-prefix --name lishui-analysis --display-name lishui-analysis >/dev/null
"$py" -m pytest -q -m "not slow" -p no:cacheprovider "$@"

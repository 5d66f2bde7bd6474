#!/usr/bin/env bash
# CITATION.cff against the Citation File Format's schema: cffconvert (the format's own validator)
# installed from the package index into a temporary virtual environment (it pins an old
# jsonschema, so it stays out of the project's environment). Fails if the file is not valid.
set -euo pipefail
cd "$(dirname "$0")/.."
PYTHON=${PYTHON:-python3}
work=$(mktemp -d "${TMPDIR:-/tmp}/lishui-cff.XXXXXX")
trap 'rm -rf "$work"' EXIT
"$PYTHON" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install --disable-pip-version-check --quiet cffconvert
"$work/venv/bin/cffconvert" --validate -i CITATION.cff

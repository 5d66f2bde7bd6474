# lishui-analysis — `make` lists the targets.
.DEFAULT_GOAL := help
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RAW ?= data/raw
OUT ?= data/processed
NB ?=
EVAL ?= ../shared/eval
LAB_ARGS ?=

.PHONY: help setup data reports report test test-fast typecheck bench ablate perturb invented dictionary lab clean browser

help: ## Show this help
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}' $(MAKEFILE_LIST)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is needed; set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@echo "Installing lishui-analysis and its dependencies into $(VENV) (the first time takes a few minutes)"
	$(BIN)/python -m pip install --upgrade pip
	$(BIN)/python -m pip install -e '.[dev]'
	$(BIN)/python -m ipykernel install --sys-prefix --name lishui-analysis --display-name "lishui-analysis" >/dev/null
	touch $(STAMP)

setup: $(STAMP) ## Create .venv and install the package with its dev extras

data: $(STAMP) ## Build data/processed/ from data/raw/
	$(BIN)/lishui-analysis build --raw $(RAW) --out $(OUT)

reports: data ## Build the data, run every notebook, write reports/*.html and reports/index.html
	$(BIN)/lishui-analysis report

report: data ## Run one notebook: make report NB=01_investment
	$(BIN)/lishui-analysis report $(NB)

test: $(STAMP) ## Run the whole test suite (notebooks included)
	$(BIN)/python -m pytest

test-fast: $(STAMP) ## Run the unit tests only (no notebooks)
	$(BIN)/python -m pytest -m "not slow"

typecheck: $(STAMP) ## Check the package's type annotations: mypy src/lishui_analysis (configured in pyproject.toml)
	$(BIN)/python -m mypy

browser: ## Install headless Chromium (Debian package, needs root) for the reports' browser test (skipped without it)
	command -v chromium >/dev/null || { apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium; }

# The benchmark's own extras (JioNLP, for its money-only comparison): installed by `make bench` only.
# If they cannot be installed the benchmark still runs and says it skipped the comparison.
BENCH_STAMP := $(VENV)/.bench-installed
$(BENCH_STAMP): pyproject.toml $(STAMP)
	@echo "Installing the benchmark's extras (pyproject.toml [bench]: JioNLP) into $(VENV)"
	$(BIN)/python -m pip install -e '.[bench]' && touch $(BENCH_STAMP) \
	  || echo "make bench: the [bench] extras could not be installed (pip's message above); the JioNLP comparison will be skipped"

bench: $(STAMP) $(BENCH_STAMP) ## Run the build benchmark (installs its [bench] extras), write benchmarks/results.json
	$(BIN)/python benchmarks/bench_build.py

ablate: $(STAMP) ## What each named step is worth on a scored set (raw/, gold/, score.py): make ablate EVAL=DIR
	$(BIN)/python tools/ablate.py --raw $(EVAL)/raw --gold $(EVAL)/gold --score $(EVAL)/score.py

perturb: $(STAMP) ## How the score moves when names, places, numbers, years or layout change (answer kept): make perturb EVAL=DIR
	$(BIN)/python tools/perturb.py --raw $(EVAL)/raw --gold $(EVAL)/gold --score $(EVAL)/score.py

invented: $(STAMP) ## Build and score the invented pages of eval/ (seven read and six held-out sets): make invented SCORE=path/to/score.py
	@for set in invented invented2 invented3 invented4 invented5 invented6 invented7 invented_heldout invented_heldout2 invented_heldout3 invented_heldout4 invented_heldout5 invented_heldout6; do \
	  rm -rf .invented/$$set && $(BIN)/lishui-analysis build -q --no-cache --skip-bad --raw eval/$$set/raw --out .invented/$$set >/dev/null && \
	  echo "== eval/$$set" && $(BIN)/python $(SCORE) --gold eval/$$set/gold --pred .invented/$$set | grep -E "^(headlines|quantities|organizations|events)|right on|^score"; done

dictionary: $(STAMP) ## Write docs/data_dictionary.md from schema.py
	$(BIN)/lishui-analysis dictionary --out docs/data_dictionary.md

lab: $(STAMP) ## Open JupyterLab at the project root with the lishui-analysis kernel (LAB_ARGS="--no-browser --port 9000")
	$(BIN)/lishui-analysis lab $(LAB_ARGS)

clean: ## Remove generated data and reports (keeps .venv)
	find data/processed reports -mindepth 1 ! -name .gitkeep -delete
	rm -rf .pytest_cache .hypothesis

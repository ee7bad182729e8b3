# Everything runs from the virtual environment in .venv/, created on first use and filled from the locks in
# requirements/ (exact versions, hash-checked). `make lock` refreshes the locks from pyproject.toml's ranges.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
UV := $(BIN)/uv
BUILD_STAMP := $(VENV)/.build-stamp
DEV_STAMP := $(VENV)/.dev-stamp
LATEST := .venv-latest
# The checkers the tests take from npm (the Nu HTML Checker), pinned in tests/tools/package-lock.json. --ignore-scripts:
# vnu-jar's install script would download a Java from GitHub; the tests use the machine's (.ci/run installs it).
TOOLS_STAMP := tests/tools/node_modules/.ci-stamp
TOOLS := $(MAKE) -s --no-print-directory $(TOOLS_STAMP) || echo "make: npm ci in tests/tools failed (is npm there? \
	sudo apt-get install nodejs npm); the HTML checker test will say what to install"
# The locks resolve for every platform (macOS and Windows too) and every Python from requires-python up.
COMPILE := $(UV) pip compile pyproject.toml --quiet --universal --generate-hashes --python-version 3.11 --upgrade \
	--custom-compile-command 'make lock'

export NO_MKDOCS_2_WARNING := 1

.PHONY: setup site serve test lint test-latest lock golden bench import-score clean

# The virtual environment and uv in it, from requirements/uv.txt (pinned and hash-checked, like everything else).
$(UV): requirements/uv.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements/uv.txt
	touch $(UV)

# What `mkdocs build` and `mkdocs serve` need, and nothing else.
$(BUILD_STAMP): requirements/build.txt pyproject.toml $(UV)
	$(UV) pip install --quiet --python $(BIN)/python --require-hashes -r requirements/build.txt
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(BUILD_STAMP)

$(TOOLS_STAMP): tests/tools/package.json tests/tools/package-lock.json
	cd tests/tools && npm ci --ignore-scripts --no-audit --no-fund
	touch $(TOOLS_STAMP)

# Everything: the build, `digest import`, the tests and the linters. It holds the build's lock too.
$(DEV_STAMP): requirements/dev.txt pyproject.toml $(UV)
	$(UV) pip install --quiet --python $(BIN)/python --require-hashes -r requirements/dev.txt
	$(UV) pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(DEV_STAMP) $(BUILD_STAMP)

setup: $(DEV_STAMP)  ## create .venv and install the locked project with `digest import`, test and lint tools

site: $(BUILD_STAMP)  ## build the sample digest into site/
	$(BIN)/mkdocs build --strict

serve: $(BUILD_STAMP)  ## serve the digest with live reload at http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

lint: $(DEV_STAMP)  ## ruff (lint and format) and mypy, configured in pyproject.toml
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: $(DEV_STAMP) lint  ## lint, then run every test (installs Playwright's Chromium if no browser is found, and vnu with npm)
	@$(TOOLS)
	@$(BIN)/python tests/browser.py >/dev/null 2>&1 || { \
		echo "make test: no Chrome or Chromium found; running $(BIN)/playwright install chromium"; \
		$(BIN)/playwright install chromium || echo "make test: playwright install failed; the browser tests will say what to install"; }
	$(BIN)/python -m pytest

# Newest releases within pyproject.toml's ranges, no lock: what a user who runs `pip install mkdocs-digest` gets.
test-latest:  ## run every test in .venv-latest/ against the newest releases of every dependency
	test -x $(LATEST)/bin/python || $(PYTHON) -m venv $(LATEST)
	$(LATEST)/bin/python -m pip install --quiet --upgrade pip
	$(LATEST)/bin/python -m pip install --quiet --upgrade --upgrade-strategy eager -e '.[test,import,lint]'
	$(LATEST)/bin/python -m pip list
	@$(TOOLS)
	$(LATEST)/bin/python -m pytest

lock: $(UV)  ## refresh requirements/*.txt to the newest releases pyproject.toml allows
	$(COMPILE) --extra import --extra test --extra lint -o requirements/dev.txt
	$(COMPILE) --constraint requirements/dev.txt -o requirements/build.txt
	echo 'uv==$(UV_VERSION)' | $(UV) pip compile - --quiet --universal --generate-hashes --custom-compile-command 'make lock' -o requirements/uv.txt

golden: $(DEV_STAMP)  ## rewrite the expected output of the golden cases after a deliberate change
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py tests/test_golden_pages.py -q

bench: $(DEV_STAMP)  ## build synthetic digests of 100, 1,000 and 10,000 stories and print what each build costs (see bench/README.md)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

import-score: $(DEV_STAMP)  ## how well `digest import` finds headline, start and end on real pages (tests/import_corpus/), per half and language
	$(BIN)/python bench/import_score.py $(SCORE_ARGS)

clean:
	rm -rf site .digest

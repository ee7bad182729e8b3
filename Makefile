# Everything runs from the virtual environment in .venv/, created on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

export NO_MKDOCS_2_WARNING := 1

.PHONY: setup site serve test golden bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

setup: $(STAMP)  ## create .venv and install the project with its test tools

site: $(STAMP)  ## build the sample digest into site/
	$(BIN)/mkdocs build --strict

serve: $(STAMP)  ## serve the digest with live reload at http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

test: $(STAMP)  ## run every test
	$(BIN)/python -m pytest

golden: $(STAMP)  ## rewrite the expected output of the golden cases after a deliberate change
	UPDATE_GOLDEN=1 $(BIN)/python -m pytest tests/test_golden.py -q

bench: $(STAMP)  ## build synthetic digests of 100, 1,000 and 10,000 stories and print what each build costs (see bench/README.md)
	$(BIN)/python bench/run.py $(BENCH_ARGS)

clean:
	rm -rf site .digest

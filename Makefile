# Every target installs what it needs into .venv first, so each works on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# Material prints an end-of-life banner on every command (see README, Maintenance).
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build test bench audit lock clean

serve: $(VENV)/.site ## Build and serve with live reload at http://127.0.0.1:8000
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: $(VENV)/.site ## Build the site into site/, failing on any warning
	$(BIN)/mkdocs build --strict

test: $(VENV)/.dev ## Run the whole test suite, browser tests included
	@test -x /usr/bin/chromium || $(BIN)/python -m playwright install chromium
	$(BIN)/python -m pytest

bench: $(VENV)/.dev ## Print load/validate/render and build times for synthetic data
	$(BIN)/python -m benchmarks.data_pages

audit: $(VENV)/.dev ## Lighthouse and axe on the built site, one table of scores
	$(BIN)/python -m tools.audit

lock: $(VENV)/.dev ## Re-pin requirements/*.txt from requirements/*.in
	$(BIN)/python tools/lock.py

clean:
	rm -rf site .pytest_cache test-artifacts

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.site: requirements/site.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/site.txt
	touch $@

$(VENV)/.dev: requirements/dev.txt requirements/site.txt | $(BIN)/python
	$(BIN)/python -m pip install --quiet -r requirements/dev.txt
	touch $@ $(VENV)/.site

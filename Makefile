# Every target installs what it needs into .venv first, so each works on a fresh clone.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# The lock files are the whole resolved set, every file hashed: pip refuses anything
# else, and --no-deps keeps it from adding MkDocs, which ProperDocs replaces (see
# requirements/excludes.txt). Wheels only: nothing is built, so pip fetches no build
# tools. The one exception, jieba (source only, for a test), is built below with the
# pinned, hashed setuptools of requirements/build.txt and no build isolation.
PIP_INSTALL := $(BIN)/python -m pip install --quiet --require-hashes --no-deps --only-binary :all:
# Material prints an end-of-life banner on every command (see README, Maintenance);
# ProperDocs warns when a plugin is run through the old `mkdocs` command.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

# mkdocs.yml has no default site_url: local builds say they are local, and only
# `make pages` builds for an address given from outside (see tools/site_url.py).
LOCAL_URL := http://127.0.0.1:8000/
# `make build` and `make pages` build into NEW_SITE and replace site/ only when the build
# succeeded: a failed build leaves the previous site/ as it was (tools/site_swap.py).
NEW_SITE  := site.new
# Run before MkDocs reads mkdocs.yml: it refuses YAML anchors and aliases there (an alias
# bomb would grow memory without bound inside MkDocs, before any hook runs).
CONFIG_GUARD := $(BIN)/python -m tools.config_guard mkdocs.yml
VNU_JAR   := tools/vnu/node_modules/vnu-jar/build/dist/vnu.jar

.PHONY: serve build pages addresses check lint test test-language bench bench-suite audit lock clean chromium

serve: $(VENV)/.site ## Build and serve with live reload at http://127.0.0.1:8000
	$(CONFIG_GUARD)
	SITE_URL=$(LOCAL_URL) $(BIN)/properdocs serve -f mkdocs.yml --dev-addr 127.0.0.1:8000

# Both print the fact-sheet PDFs (Chromium through Playwright, from requirements/dev.txt);
# TWINCITY_REQUIRE_PDF makes a build that cannot print them fail instead of publishing
# dead PDF links (see README, Fact sheet PDF).
build: $(VENV)/.dev chromium ## Build the site into site/ for local viewing, with the fact-sheet PDFs, failing on any warning
	$(CONFIG_GUARD)
	@$(BIN)/python -m tools.site_swap discard $(NEW_SITE)
	TWINCITY_REQUIRE_PDF=1 SITE_URL=$(LOCAL_URL) $(BIN)/properdocs build -f mkdocs.yml --strict -d $(NEW_SITE) \
	  || { $(BIN)/python -m tools.site_swap discard $(NEW_SITE); exit 1; }
	$(BIN)/python -m tools.site_swap replace $(NEW_SITE) site

pages: $(VENV)/.dev chromium ## Build site/ (with the fact-sheet PDFs) for publishing at $SITE_URL; refuses a missing or loopback address
	$(BIN)/python -m tools.site_url check "$(SITE_URL)"
	$(CONFIG_GUARD)
	@$(BIN)/python -m tools.site_swap discard $(NEW_SITE)
	TWINCITY_REQUIRE_PDF=1 SITE_URL="$(SITE_URL)" $(BIN)/properdocs build -f mkdocs.yml --strict -d $(NEW_SITE) \
	  && $(BIN)/python -m tools.site_url built $(NEW_SITE) "$(SITE_URL)" \
	  || { $(BIN)/python -m tools.site_swap discard $(NEW_SITE); exit 1; }
	$(BIN)/python -m tools.site_swap replace $(NEW_SITE) site

# Not -q: it drops warnings before --strict counts them (mkdocs/mkdocs#4126), and a
# broken link would then pass. Built into its own directory: site/ is left alone.
addresses: $(VENV)/.dev ## Build, then add new pages, anchors and data files to tests/published_addresses.txt
	$(CONFIG_GUARD)
	@$(BIN)/python -m tools.site_swap discard site.addresses
	SITE_URL=$(LOCAL_URL) $(BIN)/properdocs build -f mkdocs.yml --strict -d site.addresses \
	  || { $(BIN)/python -m tools.site_swap discard site.addresses; exit 1; }
	$(BIN)/python -m tools.published update site.addresses
	@$(BIN)/python -m tools.site_swap discard site.addresses

check: $(VENV)/.site ## Check configuration, pages, data and source as the build does, and print every problem
	$(CONFIG_GUARD)
	SITE_URL=$(LOCAL_URL) PYTHONPATH=hooks $(BIN)/python -m twincity.check --config mkdocs.yml

# Ruff (pinned in requirements/dev.in, settings in pyproject.toml): lint, and the format it would write.
PYTHON_DIRS := hooks tools tests benchmarks
lint: $(VENV)/.dev ## Ruff's lint and format check of the Python code
	$(BIN)/ruff check $(PYTHON_DIRS)
	$(BIN)/ruff format --check $(PYTHON_DIRS)

# The non-browser tests run on every core (up to 4: pytest-xdist; most of their time is
# in builds of copies of the site, waiting on no one), then the browser tests one after
# another, as timing-sensitive as a reader's phone. Both run when tests of the first fail
# (pytest's status 1), not when it was interrupted or could not run (2, 3, 4).
TEST_WORKERS ?= auto
# pytest keeps the test modules it rewrites (for its assert messages) as bytecode; where the
# machine turned bytecode off (PYTHONDONTWRITEBYTECODE), every worker rewrote every module
# on every run. The files go to __pycache__/ folders, which git ignores.
FIRST_PHASE := -m "not browser" -n $(TEST_WORKERS) --maxprocesses 4 --dist worksteal
test: export PYTHONDONTWRITEBYTECODE :=
test: lint $(VENV)/.dev $(VNU_JAR) chromium ## Ruff, then the whole test suite, browser tests, HTML and link checks included
	@command -v java >/dev/null || { echo "make test: the Nu HTML checker needs Java: apt-get install default-jre-headless" >&2; exit 1; }
	$(BIN)/python -m pytest $(FIRST_PHASE); \
	  status=$$?; case $$status in 2|3|4) exit $$status;; esac; \
	  $(BIN)/python -m pytest -m browser || exit 1; exit $$status

# A third language added to a copy by the README's recipe (tools/add_language.py, every
# text marked "[ja] ") and committed there as a person would, then the tests run there,
# unchanged: the non-browser suite and the browser tests about languages. The copy
# stays in $(LANGUAGE_COPY) to look at.
LANGUAGE_COPY ?= /tmp/twincity-language
LANGUAGE_BROWSER_TESTS := tests/browser/test_language_switch.py tests/browser/test_not_found.py \
	tests/browser/test_third_language.py
test-language: $(VENV)/.dev $(VNU_JAR) chromium ## Add a third language to a copy (README, Adding a language) and run the tests there
	rm -rf $(LANGUAGE_COPY)
	$(BIN)/python -m tools.add_language ja 日本語 --og-locale ja_JP --to $(LANGUAGE_COPY)
	git -C $(LANGUAGE_COPY) add -A
	git -C $(LANGUAGE_COPY) -c user.name=make -c user.email=make@localhost commit -q -m "Add ja (tools/add_language.py)"
	ln -s $(abspath tools/vnu/node_modules) $(LANGUAGE_COPY)/tools/vnu/node_modules
	ln -s $(abspath $(VENV)) $(LANGUAGE_COPY)/.venv
	cd $(LANGUAGE_COPY) && $(abspath $(BIN))/python -m pytest -p no:cacheprovider -m "not browser" $(ARGS)
	cd $(LANGUAGE_COPY) && $(abspath $(BIN))/python -m pytest -p no:cacheprovider $(LANGUAGE_BROWSER_TESTS) $(ARGS)

bench: $(VENV)/.dev ## Print the build against the default stack, the segmenters' start-up, and times for synthetic data
	$(BIN)/python -m benchmarks.stack
	$(BIN)/python -m benchmarks.data_pages

# The first phase of `make test` against the non-browser suite of the commit issue 16
# measured, alternating (benchmarks/suite.py; several minutes: PAIRS=1 for one pair).
PAIRS ?= 3
bench-suite: export PYTHONDONTWRITEBYTECODE :=
bench-suite: $(VENV)/.dev $(VNU_JAR) chromium ## Time the non-browser tests against the suite of issue 16's day, side by side
	$(BIN)/python -m benchmarks.suite --pairs $(PAIRS) -- $(FIRST_PHASE)

audit: $(VENV)/.dev ## Lighthouse and axe on the built site, one table of scores
	$(BIN)/python -m tools.audit

# Debian's Chromium where it exists (the tests and the PDFs use it), else Playwright's own.
chromium: $(VENV)/.dev
	@test -x /usr/bin/chromium || $(BIN)/python -m playwright install chromium

lock: $(VENV)/.dev ## Re-pin requirements/*.txt from requirements/*.in, with hashes
	$(BIN)/python tools/lock.py $(ARGS)

# The Nu HTML checker, pinned with its sha512 in tools/vnu/package-lock.json. Its
# postinstall script (a Java download) is not run: Debian's Java runs it.
$(VNU_JAR): tools/vnu/package.json tools/vnu/package-lock.json
	npm ci --prefix tools/vnu --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site $(NEW_SITE) site.addresses .pytest_cache test-artifacts

# The venv's own pip (from the Python that made it) is used as it is: upgrading it
# would install an unhashed, unpinned package.
$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site: requirements/site.txt | $(BIN)/python
	$(PIP_INSTALL) -r requirements/site.txt
	touch $@

$(VENV)/.dev: requirements/dev.txt requirements/site.txt requirements/build.txt | $(BIN)/python
	$(PIP_INSTALL) -r requirements/build.txt
	$(PIP_INSTALL) --no-build-isolation --no-binary jieba -r requirements/dev.txt
	touch $@ $(VENV)/.site

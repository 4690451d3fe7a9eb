# Chengdu Global Hub. `make` lists the commands.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

setup: ## Install what the build needs (Python venv in .venv)
	@bash scripts/setup.sh

setup-dev: ## Install what the fast tests need (Python packages only, no browser)
	@bash scripts/setup.sh --dev

setup-test: ## Install what the tests need too (Debian chromium and fonts, Java, npm tools)
	@bash scripts/setup.sh --test

# LANG_ONLY=en is the fast path: one language, and only the pages that changed are rebuilt
# (--dirty: listings, search, feeds and calendars stay as the first build made them; MkDocs
# warns about that, hence --no-strict there).
serve: setup ## Build and preview the site at http://127.0.0.1:8000/ (LANG_ONLY=en: one language, fast)
	HUB_SITE_URL=http://127.0.0.1:8000/ $(if $(LANG_ONLY),HUB_ONLY_LANGUAGE=$(LANG_ONLY)) $(VENV)/bin/mkdocs serve -a 127.0.0.1:8000 $(if $(LANG_ONLY),--dirty --no-strict)

# Timestamps in the output come from the last commit, so that two builds of one commit give
# the same bytes; statuses (open, closing soon, upcoming) follow the day of the build in the
# hub's time zone. Either can be pinned from the environment.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
HUB_BUILD_DATE ?= today

# The start is noted for `make cache-prune` (hooks/hub/build_cache.py).
build: setup ## Build the site into site/ (strict; HUB_SITE_URL sets the address it is published at)
	mkdir -p .cache && touch .cache/build-started
	$(if $(SOURCE_DATE_EPOCH),SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH)) HUB_BUILD_DATE=$(HUB_BUILD_DATE) $(VENV)/bin/mkdocs build --strict

cache-prune: setup ## Drop the cached cards and pictures the last `make build` did not use (the deploy runs it)
	PYTHONPATH=hooks $(PY) -m hub prune-cache

# The pull-request preview: the strict build, for a local web server's root at any port
# (hub/editors/preview_site.py). Download the artifact, unzip, `python3 -m http.server 8000` in it.
PREVIEW_URL := http://127.0.0.1:8000/

preview: setup ## Build the preview a pull request uploads into site/ (strict; works from any local server's root)
	$(if $(SOURCE_DATE_EPOCH),SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH)) HUB_BUILD_DATE=$(HUB_BUILD_DATE) HUB_SITE_URL=$(PREVIEW_URL) $(VENV)/bin/mkdocs build --strict
	PYTHONPATH=hooks $(PY) -m hub preview-site site --site-url $(PREVIEW_URL)

# The target branch is built in a worktree under .cache/ with its own code, for the same
# day, then compared with site/ (run `make preview` first). In a workflow the report goes
# to the run's summary page ($$GITHUB_STEP_SUMMARY).
report: setup ## What a pull request changes, after make preview: pages, feeds, calendars, translations (BASE=origin/main)
	@test -n "$(BASE)" || { echo 'usage: make report BASE=origin/main'; exit 2; }
	rm -rf .cache/base .cache/base-site && git worktree prune
	git worktree add --detach --force .cache/base "$(BASE)"
	ln -sfn "$(CURDIR)/$(VENV)" .cache/base/$(VENV)
	-cd .cache/base && SOURCE_DATE_EPOCH=$$(git log -1 --format=%ct) HUB_BUILD_DATE=$(HUB_BUILD_DATE) HUB_SITE_URL=$(PREVIEW_URL) $(VENV)/bin/mkdocs build --no-strict --quiet -d "$(CURDIR)/.cache/base-site"
	-PYTHONPATH=hooks $(PY) -m hub preview-site .cache/base-site --site-url $(PREVIEW_URL)
	PYTHONPATH=hooks $(PY) -m hub report --base "$(BASE)" --base-root .cache/base --base-site .cache/base-site --site site $(if $(GITHUB_STEP_SUMMARY),--output "$(GITHUB_STEP_SUMMARY)")
	git worktree remove --force .cache/base

check: setup ## Check all content without building; lists every problem (BASE=origin/main: also events subscribers hold, addresses removed without an alias)
	PYTHONPATH=hooks $(PY) -m hub check $(if $(BASE),--base "$(BASE)")

# The titles go through the environment ("$$TITLE", "$$TITLE_EN"), so quotes in them stay text.
# KIND=translation takes LANG=fr|ja|en, which make would also hand to programs as their locale:
# the command runs with LC_ALL=C.UTF-8.
new: setup ## Start content: KIND=article|policy|opportunity|event|city TITLE="…" [TITLE_EN="…" TITLE_LANG= DATE= SLUG=], or KIND=translation PAGE=news/2025/<slug> LANG=fr
ifeq ($(KIND),translation)
	@test -n "$(PAGE)" -a -n "$(LANG)" || { echo 'usage: make new KIND=translation PAGE=news/2025/<slug> LANG=fr'; exit 2; }
	LC_ALL=C.UTF-8 PYTHONPATH=hooks $(PY) -m hub new translation --page "$(PAGE)" --lang "$(LANG)"
else
	@test -n "$(KIND)" -a -n "$$TITLE" || { echo 'usage: make new KIND=article TITLE="成都国际友城大会" [TITLE_EN="Sister cities conference"]'; exit 2; }
	PYTHONPATH=hooks $(PY) -m hub new $(KIND) "$$TITLE" $(if $(TITLE_EN),--title-en "$$TITLE_EN") $(if $(TITLE_LANG),--lang $(TITLE_LANG)) $(if $(DATE),--date $(DATE)) $(if $(SLUG),--slug $(SLUG))
endif

translations: setup ## List missing and outdated translations, with what changed in the original since (ONLY=fr for one language)
	PYTHONPATH=hooks $(PY) -m hub translations $(if $(ONLY),--lang $(ONLY))

schema: setup ## Regenerate data/schema/*.schema.json from the models (commit the result)
	PYTHONPATH=hooks $(PY) -m hub schema

test: setup-test ## Run the whole test suite (what CI runs)
	$(VENV)/bin/pytest

test-fast: setup-dev ## Run the fast tests: no browser, no extra site builds or external tools
	$(VENV)/bin/pytest -m "not browser and not slow"

# One module or some: make mutants MODULES="status feeds". The score and what is left to judge
# are printed at the end; README ("Mutation score") and tests/MUTANTS.md record them.
mutants: setup-dev ## Mutation testing of the core modules over the fast tests (2 workers, under 30 min)
	$(PY) scripts/mutants.py $(MODULES)

# A change that should not change the site (a refactoring, a new version of a tool): the real
# site and the bench corpus at N = 500, built with BASE's code and the working tree's, compared
# file by file (scripts/same_site.py; 11 minutes on the shared machine, most of it the corpus builds).
same-site: setup-dev ## Is the published site byte-identical to BASE's? (BASE=main; real site and bench corpus N = 500)
	@test -n "$(BASE)" || { echo 'usage: make same-site BASE=main'; exit 2; }
	$(PY) scripts/same_site.py "$(BASE)"

bench: setup-dev ## Scale benchmark, see bench/README.md (SIZES="500 2000 5000", ROUNDS=3; BENCH_20000=1 adds N = 20,000)
	$(VENV)/bin/pip install -q -r bench/requirements.txt
	$(PY) bench/run.py --sizes $(or $(SIZES),500 2000) --rounds $(or $(ROUNDS),3) --extras
	$(if $(BENCH_20000),$(MAKE) bench-decade)

bench-decade: setup-dev ## A decade of news: N = 20,000, the hub alone, one round (recorded with the sizes above)
	$(PY) bench/run.py --sizes 20000 --rounds 1 --variants hub

.PHONY: help setup setup-dev setup-test serve build cache-prune preview report check new translations schema test test-fast mutants same-site bench bench-decade

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

setup-test: ## Install what the tests need too (Debian chromium and fonts, Java, npm tools)
	@bash scripts/setup.sh --test

serve: setup ## Build and preview the site at http://127.0.0.1:8000/ (LANG_ONLY=en previews one language)
	HUB_SITE_URL=http://127.0.0.1:8000/ $(if $(LANG_ONLY),HUB_ONLY_LANGUAGE=$(LANG_ONLY)) $(VENV)/bin/mkdocs serve -a 127.0.0.1:8000

build: setup ## Build the site into site/ (strict)
	$(VENV)/bin/mkdocs build --strict

check: setup ## Check all content without building; lists every problem
	PYTHONPATH=hooks $(PY) -m hub check

test: setup-test ## Run the whole test suite (what CI runs)
	$(VENV)/bin/pytest

.PHONY: help setup setup-test serve build check test

# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000
# `make lock` runs pip-compile from a throwaway venv, so pip-tools is no project dependency.
LOCK_VENV ?= /tmp/claim-desk-pip-tools
PIP_TOOLS ?= pip-tools==7.6.2 pip==26.3
# Resolve against the default package index only: this machine's pip configuration
# (local mirrors, find-links, constraints) must not leak into the lock files.
LOCK_ENV := env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make lock"
PIP_COMPILE := $(LOCK_ENV) $(LOCK_VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links $(LOCK_ARGS)

.PHONY: run serve dev test init-db bench bench-page load soak clean-venv lock

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)

# The venv's own pip is enough: the lock files pin every distribution with hashes. (pip 23.2 warns
# "lxml does not provide the extra 'html_clean'"; harmless, lxml_html_clean is pinned.)
$(VENV)/.installed: $(BIN)/python requirements.txt
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

## run: install, create or upgrade the database, load the sample article, start the production server
run: init-db
	@echo ""
	@echo "  Claim desk is starting at http://$(HOST):$(PORT)/"
	@echo "  (first visit: create the admin account; stop with Ctrl-C)"
	@echo ""
	@$(MAKE) --no-print-directory serve

## serve: the production server alone (gunicorn, settings in annotate/server.py), on the database as it is
serve:
	HOST=$(HOST) PORT=$(PORT) $(BIN)/gunicorn --config python:annotate.server app:app

## dev: Flask's development server with the reloader and the debugger, for working on the code
dev: init-db
	$(BIN)/flask --app app run --debug --host $(HOST) --port $(PORT)

init-db: $(VENV)/.installed
	$(BIN)/flask --app app init-db

## test: install test dependencies (and Debian's chromium when root), run the whole suite
test: $(VENV)/.installed-dev
	@scripts/ensure-chromium.sh
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(BIN)/python bench/bench_article.py
	$(BIN)/python bench/bench_export.py
	$(BIN)/python bench/bench_suggestions.py

## bench-page: the article page (bytes, server time, DOMContentLoaded and first highlight in headless Chromium) and
##             claim writes at 100 / 1,000 / 5,000 sentences, against the make-run server on a scratch database
bench-page: $(VENV)/.installed-dev
	$(BIN)/python bench/bench_page.py $(BENCH_ARGS)

## load: the load and fault benchmark against the make-run server on a scratch database
load: $(VENV)/.installed
	$(BIN)/python bench/load.py $(LOAD_ARGS)

## soak: 8 clients x 10 minutes of page reads and claim writes against the make-run server; counts crashed workers
soak: $(VENV)/.installed
	$(BIN)/python bench/soak.py $(SOAK_ARGS)

clean-venv:
	rm -rf $(VENV)

## lock: regenerate requirements.txt and requirements-dev.txt (pinned, with hashes) from the .in files;
##       `make lock LOCK_ARGS=--upgrade` also moves the indirect dependencies to their newest releases
lock: $(LOCK_VENV)/bin/pip-compile
	$(PIP_COMPILE) --output-file requirements.txt requirements.in
	$(PIP_COMPILE) --output-file requirements-dev.txt requirements-dev.in
	$(PYTHON) scripts/pin-extras.py requirements.txt 'lxml[html_clean]'
	$(PYTHON) scripts/pin-extras.py requirements-dev.txt 'lxml[html_clean]'

$(LOCK_VENV)/bin/pip-compile:
	$(PYTHON) -m venv $(LOCK_VENV)
	$(LOCK_ENV) $(LOCK_VENV)/bin/python -m pip install --quiet $(PIP_TOOLS)

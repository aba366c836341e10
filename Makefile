# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 5000

.PHONY: run test init-db bench clean-venv

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: $(BIN)/python requirements.txt
	$(BIN)/python -m pip install --quiet -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: $(VENV)/.installed requirements-dev.txt
	$(BIN)/python -m pip install --quiet -r requirements-dev.txt
	@touch $@

## run: install, create or upgrade the database, load the sample article, start the server
run: init-db
	@echo ""
	@echo "  Claim desk is starting at http://$(HOST):$(PORT)/"
	@echo "  (first visit: create the admin account; stop with Ctrl-C)"
	@echo ""
	$(BIN)/flask --app app run --host $(HOST) --port $(PORT)

init-db: $(VENV)/.installed
	$(BIN)/flask --app app init-db

## test: install test dependencies (and Debian's chromium when root), run the whole suite
test: $(VENV)/.installed-dev
	@scripts/ensure-chromium.sh
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: $(VENV)/.installed
	$(BIN)/python bench/bench_article.py
	$(BIN)/python bench/bench_assist.py

clean-venv:
	rm -rf $(VENV)

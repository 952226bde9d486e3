# The two set-up commands: `make run` (analyse the bundled sample) and `make test`.
SHELL := /bin/bash
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test install lint bench eval clean

$(STAMP): pyproject.toml
	@PY=$$(scripts/find-python.sh) || exit 1; \
	  echo "using $$PY ($$($$PY --version))"; \
	  [ -x $(BIN)/python ] || $$PY -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,serve,spark]'
	$(BIN)/dateline gazetteer build --if-missing
	@touch $(STAMP)

install: $(STAMP)

run: $(STAMP)
	$(BIN)/dateline analyze sample:seed-palmyra-2016 --format table
	@if $(BIN)/dateline --help | grep -q ' ingest '; then \
	  $(BIN)/dateline ingest sample: --db dateline.db; fi

test: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/pytest -q -p no:cacheprovider

lint: $(STAMP)
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts

clean:
	rm -rf $(VENV) dateline.db dateline.db-wal dateline.db-shm

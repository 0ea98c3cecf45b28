# Levier — the two commands: `make run` and `make test`. Each sets everything up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV := $(BIN)/uv
STAMP := $(VENV)/.synced

.PHONY: run test lint typecheck ingest bench eval clean setup bytecode

setup: $(STAMP)

# uv byte-compiles the dependencies at install (pyproject: compile-bytecode); this compiles the
# project's own modules, which change between pulls (a no-op when nothing changed). Without it a
# start with PYTHONDONTWRITEBYTECODE set compiles every module again, every time.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q bot evals > /dev/null

$(STAMP): pyproject.toml uv.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@test -x $(UV) || $(BIN)/pip install --quiet --disable-pip-version-check "uv==0.13.8"
	UV_PROJECT_ENVIRONMENT=$(VENV) $(UV) sync --frozen --inexact --python $(BIN)/python
	@touch $(STAMP)

## run: Slack when its tokens are set, otherwise a chat in the terminal (builds the index first).
run: bytecode
	$(BIN)/levier run

## test: lint, types, the whole test suite and the offline evals against their thresholds.
test: bytecode
	$(BIN)/ruff check bot tests evals
	$(BIN)/ruff format --check bot tests evals
	$(BIN)/mypy
	$(BIN)/levier kb validate
	$(BIN)/pytest -q -p no:cacheprovider
	$(BIN)/levier ingest
	$(BIN)/levier eval --no-report

ingest: $(STAMP)
	$(BIN)/levier ingest

bench: bytecode
	$(BIN)/levier bench

eval: $(STAMP)
	$(BIN)/levier eval

clean:
	rm -rf $(VENV) .levier .mypy_cache .ruff_cache .pytest_cache

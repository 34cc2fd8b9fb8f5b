# The two setup commands of the README: `make run` and `make test`. Both build .venv on first use.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint bench fuzz clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/pmo-desktop --demo

lint: $(STAMP)
	$(BIN)/ruff check pmo_desktop tests bench
	$(BIN)/ruff format --check pmo_desktop tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

test: lint
	$(BIN)/pytest -p no:cacheprovider -q

bench: $(STAMP)
	$(BIN)/python -m bench

# The fuzz harness that `make test` runs for 60 seconds, here until interrupted (Ctrl+C).
fuzz: $(STAMP)
	$(BIN)/python -m tests.fuzz.fuzz_open

clean:
	rm -rf $(VENV) bench/cache .pytest_cache .mypy_cache .ruff_cache

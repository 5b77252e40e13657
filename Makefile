# Two commands do everything on a fresh machine with Python 3.11+, git and make:
#   make demo   build the demo compliance repository and its site, print where it is
#   make test   lint, type-check and run the whole test suite
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp

.PHONY: install demo serve test lint typecheck pytest hooks bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/doccontrol check
	$(BIN)/doccontrol register

lint: $(STAMP)
	$(BIN)/ruff check tools tests benchmarks
	$(BIN)/ruff format --check tools tests benchmarks

typecheck: $(STAMP)
	$(BIN)/mypy tools

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

hooks: $(STAMP)
	$(BIN)/pre-commit install

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_check.py

clean:
	rm -rf build .cache site

# Two commands matter: `make run` (the demo app) and `make test` (every test). See README.md.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install lint bench clean-data

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) -m seed --if-empty
	$(VENV)/bin/streamlit run app.py

test: install
	scripts/ensure-chromium
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest

bench: install
	$(PY) scripts/bench.py --scale 20

lint: install
	$(PY) -m ruff check .
	$(PY) -m mypy

clean-data:
	rm -rf data/

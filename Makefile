# Two commands matter: `make run` (the demo app) and `make test` (every test). See README.md.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test install lint bench clean-data admin
# The demo's passwords are published: listen on this machine only unless HOST is given.
HOST ?= 127.0.0.1

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

run: install
	$(PY) -m seed --if-empty
	$(VENV)/bin/streamlit run app.py --server.address $(HOST)

test: install
	scripts/ensure-chromium
	$(PY) -m ruff check .
	$(PY) -m mypy
	$(PY) -m pytest

admin: install  # the first admin of an empty (production) database; prompts for the password
	$(PY) -m db.create_admin --username "$(ADMIN_USERNAME)" --name "$(ADMIN_NAME)"

bench: install
	$(PY) scripts/bench.py --scale 20
	$(PY) scripts/bench_pages.py --scale 20
	$(PY) scripts/bench_dashboards.py --scales 1,20

lint: install
	$(PY) -m ruff check .
	$(PY) -m mypy

clean-data:
	rm -rf data/

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench documents dist clean venv

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

run: $(STAMP)
	$(VENV)/bin/bianmin --demo

test: $(STAMP)
	$(VENV)/bin/ruff check .
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check .

bench: $(STAMP)
	$(PY) bench/store.py
	$(PY) bench/printing.py
	$(PY) bench/sync.py

documents: $(STAMP)
	$(PY) -m printing.samples docs/documents

dist: $(STAMP)
	$(PY) -m pip install -q -e '.[build]'
	$(VENV)/bin/pyinstaller --noconfirm build.spec

clean:
	rm -rf $(VENV) build dist *.egg-info

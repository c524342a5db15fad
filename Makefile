PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench bench-startup bench-first-run documents translations screenshots dist dist-onefile dist-check clean venv lock

# The first time this downloads about 300 MB (PySide6 is most of it) and takes a few minutes: pip
# shows each package as it comes. Every step says what it is doing. The packages are the versions
# of the lock file requirements/dev.txt, each checked against its hashes; bianmin itself is then
# installed from this tree without looking at its dependencies again.
LOCK := requirements/dev.txt
$(STAMP): pyproject.toml $(LOCK)
	@echo "== [1/3] $(VENV): a Python virtual environment with $$($(PYTHON) --version 2>&1)"
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@echo "== [2/3] updating pip in $(VENV)"
	$(PY) -m pip install --progress-bar on --upgrade pip
	@echo "== [3/3] installing bianmin and its packages (PySide6/Qt, SQLCipher, ReportLab, FastAPI, pytest, ...) from $(LOCK)"
	$(PY) -m pip install --progress-bar on --require-hashes -r $(LOCK)
	$(PY) -m pip install --progress-bar on --no-deps -e .
	touch $(STAMP)
	@echo "== $(VENV) is ready"

venv: $(STAMP)

# The lock files requirements/*.txt: every package pinned, with its hashes, for Linux and Windows and
# Python 3.11+, resolved by uv from the dependency lists in pyproject.toml (docs/packaging.md). After
# changing those lists: `make lock`, then commit pyproject.toml and requirements/ together. Pins already
# in a file stay where they still fit; `make lock UPGRADE=--upgrade` moves every package to its newest.
UV_VERSION := 0.13.9
UV := build/uv/bin/uv
LOCK_ARGS := --universal --python-version 3.11 --generate-hashes --quiet --custom-compile-command 'make lock' $(UPGRADE)
lock:
	test -x $(UV) || { $(PYTHON) -m venv build/uv && build/uv/bin/pip install -q uv==$(UV_VERSION); }
	$(UV) pip compile pyproject.toml $(LOCK_ARGS) -o requirements/station.txt
	$(UV) pip compile pyproject.toml $(LOCK_ARGS) --extra hub --extra postgres -o requirements/hub.txt
	$(UV) pip compile pyproject.toml $(LOCK_ARGS) --extra test --extra build -o requirements/dev.txt

# The first run builds a demo station (a few seconds, a window shows how far it is); later runs
# open the login window at once.
run: $(STAMP)
	@echo "== starting the counter window (bianmin --demo; data in $${BIANMIN_HOME:-~/.local/share/bianmin})"
	$(VENV)/bin/bianmin --demo

test: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/mypy

bench: $(STAMP)
	$(PY) bench/store.py
	$(PY) bench/printing.py
	$(PY) bench/sync.py
	QT_QPA_PLATFORM=offscreen $(PY) bench/ui.py

# The built program's start, size and memory (needs xvfb and xdotool: apt-get install xvfb xdotool).
bench-startup: dist
	$(PY) bench/startup.py

# `make run` as a person sees it: first run to the splash and to the login window, warm starts (needs xvfb and xdotool).
bench-first-run: $(STAMP)
	$(PY) bench/first_run.py

TS := resources/translations/bianmin_bo.ts
# The Tibetan of every text of the window, of the error sentences (app/messages.py) and of the names
# of codes (app/labels.py: the window, the command lines and the printed documents).
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -extensions py -no-obsolete -locations none -source-language zh_CN \
		-target-language bo_CN ui app/messages.py app/labels.py -ts $(TS)
	$(VENV)/bin/pyside6-lrelease -silent $(TS) -qm resources/translations/bianmin_bo.qm

# Every main screen, in Chinese and Tibetan, at 100 % and 200 %, under Xvfb (apt-get install xvfb).
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1366x768x24" $(PY) -m bianmin.screenshots docs/screenshots

documents: $(STAMP)
	$(PY) -m bianmin.samples docs/documents

# The program a county IT officer installs (docs/packaging.md): dist/bianmin/, one folder.
# PyInstaller (the build extra) comes from the lock with everything else (the venv step above).
dist: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN build.spec

# One portable file instead: dist/bianmin-portable.
dist-onefile: $(STAMP)
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN build.spec -- --onefile

# What CI proves of the build: moved to another folder it still runs its self-test, and it opens
# a station made by an older program (tests/fixtures/station-0.1-schema1) with every record.
CHECK := build/dist-check
dist-check: dist
	rm -rf $(CHECK) && mkdir -p $(CHECK)/moved $(CHECK)/old-station
	cp -a dist/bianmin $(CHECK)/moved/
	$(CHECK)/moved/bianmin/bianmin --version
	$(CHECK)/moved/bianmin/bianmin --self-test
	cp tests/fixtures/station-0.1-schema1/*.json tests/fixtures/station-0.1-schema1/station.db $(CHECK)/old-station/
	BIANMIN_HOME=$(CURDIR)/$(CHECK)/old-station BIANMIN_PASSWORD=old-station-2026 \
		$(CHECK)/moved/bianmin/bianmin verify -u admin
	BIANMIN_HOME=$(CURDIR)/$(CHECK)/old-station BIANMIN_PASSWORD=old-station-2026 \
		$(CHECK)/moved/bianmin/bianmin status -u admin

clean:
	rm -rf $(VENV) build dist *.egg-info

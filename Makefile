PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test lint bench bench-startup documents translations screenshots dist dist-onefile dist-check clean venv

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
	QT_QPA_PLATFORM=offscreen $(PY) bench/ui.py

# The built program's start, size and memory (needs xvfb and xdotool: apt-get install xvfb xdotool).
bench-startup: dist
	$(PY) bench/startup.py

TS := resources/translations/bianmin_bo.ts
# The Tibetan of every text of the window and of the error sentences (app/messages.py).
translations: $(STAMP)
	$(VENV)/bin/pyside6-lupdate -extensions py -no-obsolete -locations none -source-language zh_CN \
		-target-language bo_CN ui app/messages.py -ts $(TS)
	$(VENV)/bin/pyside6-lrelease -silent $(TS) -qm resources/translations/bianmin_bo.qm

# Every main screen, in Chinese and Tibetan, at 100 % and 200 %, under Xvfb (apt-get install xvfb).
screenshots: $(STAMP)
	xvfb-run -a -s "-screen 0 1600x1000x24" $(PY) -m ui.screenshots docs/screenshots

documents: $(STAMP)
	$(PY) -m printing.samples docs/documents

# The program a county IT officer installs (docs/packaging.md): dist/bianmin/, one folder.
dist: $(STAMP)
	$(PY) -m pip install -q -e '.[build]'
	$(VENV)/bin/pyinstaller --noconfirm --log-level WARN build.spec

# One portable file instead: dist/bianmin-portable.
dist-onefile: $(STAMP)
	$(PY) -m pip install -q -e '.[build]'
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

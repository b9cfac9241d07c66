# Two commands for a fresh machine:
#   make serve   build the real site and serve it at http://127.0.0.1:8000 with live reload
#   make test    install everything (Python packages, Chromium, npm tools) and run every test
#
# Python packages come from PyPI, pinned by requirements.lock; Chromium from Debian;
# axe-core and the W3C HTML checker from npm, pinned by package-lock.json.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Two stamps: serving and building need only the package itself (an editor who wants a
# preview waits for that much); the tests, lint and screenshots need the test tools as well.
SERVE_STAMP := $(VENV)/.serve-stamp
STAMP := $(VENV)/.installed-stamp
NODE_STAMP := node_modules/.installed-stamp
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build test test-under-load lint bench screenshots chromium install clean

serve: $(SERVE_STAMP)
	$(BIN)/tiltakshefte serve

build: $(SERVE_STAMP)
	$(BIN)/tiltakshefte build

test: $(STAMP) $(NODE_STAMP) chromium
	$(BIN)/python -m pytest -n auto --dist worksteal $(PYTEST_ARGS)

# The browser tests five times in a row while busy processes keep every core loaded: a test
# that only passes on a quiet machine is a defect. Stops at the first failure.
test-under-load: $(STAMP) $(NODE_STAMP) chromium
	$(BIN)/python tests/underload.py --runs 5

# Benchmarks (not tests): synthetic content at 500, 2000 and 5000 measures, then the real
# content with live reload and Lighthouse, then both engines on the real and synthetic
# content. Writes the tables into BENCHMARKS.md.
bench: $(STAMP) chromium
	$(BIN)/python bench/run.py
	$(BIN)/python bench/real.py
	$(BIN)/python bench/engines.py

# The screenshot gallery: every page kind at phone and desk width, light and dark, as PNG
# files in screenshots/ (open screenshots/index.html). The pull-request check uploads it.
screenshots: $(STAMP) chromium
	$(BIN)/python tests/screenshots.py

lint: $(STAMP)
	$(BIN)/ruff check generator tests
	$(BIN)/mypy

install: $(STAMP) $(NODE_STAMP) chromium

$(SERVE_STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e .
	touch $@

$(STAMP): $(SERVE_STAMP)
	$(BIN)/pip install --quiet -c requirements.lock -e '.[test]'
	touch $@

$(NODE_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

chromium:
	@if [ ! -x /usr/bin/chromium ]; then \
	  echo "Installerer Chromium fra Debian …"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq chromium; \
	fi

clean:
	rm -rf site screenshots $(VENV) node_modules .pytest_cache

# The two commands of the README: `make serve` (the demo on embedded SQLite) and `make test`.
# Both install from the lock (requirements/*.txt, exact versions with hashes) and nothing else;
# `make lock` re-resolves pyproject.toml on purpose (see README, "Dependencies").
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
STAMP_RUN := $(VENV)/.installed-runtime
STAMP_DEV := $(VENV)/.installed-dev
LOCK_FLAGS := --generate-hashes --universal --python-version 3.11 --no-emit-index-url \
	--quiet --custom-compile-command 'make lock'
LOCK_INPUTS := pyproject.toml requirements/build.in
# GraphiQL's browser builds, served by the hub itself in dev mode (hub/entry/ide.py): from the npm
# lock, exact versions; node_modules/ is not committed.
IDE_DIR := hub/ide_assets
STAMP_IDE := $(IDE_DIR)/node_modules/.installed
# Apollo's composition library, run by Node in the federation test
# (tests/schema/test_federation_sdl.py):
# from the npm lock, exact versions; node_modules/ is not committed.
FEDERATION_DIR := tests/federation
STAMP_FEDERATION := $(FEDERATION_DIR)/node_modules/.installed
# Chart.js, the dashboard's chart library, served by the hub (hub/entry/dashboard.py): from the
# npm lock, exact versions; node_modules/ is not committed.
DASHBOARD_DIR := hub/dashboard_assets
STAMP_DASHBOARD := $(DASHBOARD_DIR)/node_modules/.installed
# jose, the independent verifier of the hub's credentials in
# tests/credentials/test_independent_verifiers.py: from the npm lock; node_modules/ not committed.
CREDENTIALS_DIR := tests/credentials/node
STAMP_CREDENTIALS := $(CREDENTIALS_DIR)/node_modules/.installed

.PHONY: serve test lint install install-dev lock schema clean chromium system-packages \
	runtime-packages

$(BIN)/python:
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "Python 3.11+ is needed"'
	$(PYTHON) -m venv $(VENV)

# The project itself is installed without its dependencies and without build isolation, so
# nothing outside the lock is fetched (setuptools comes from the lock, via requirements/build.in).
$(STAMP_RUN): $(BIN)/python requirements/runtime.txt pyproject.toml
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/runtime.txt
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@

$(STAMP_DEV): $(BIN)/python requirements/dev.txt pyproject.toml
	$(PIP) install --quiet --require-hashes --no-deps -r requirements/dev.txt
	$(PIP) install --quiet --no-deps --no-build-isolation -e .
	touch $@ $(STAMP_RUN)

$(STAMP_IDE): $(IDE_DIR)/package.json $(IDE_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) is needed to install GraphiQL's files"; exit 1; }
	cd $(IDE_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STAMP_FEDERATION): $(FEDERATION_DIR)/package.json $(FEDERATION_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) is needed for the federation composition test"; exit 1; }
	cd $(FEDERATION_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STAMP_DASHBOARD): $(DASHBOARD_DIR)/package.json $(DASHBOARD_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) is needed for the dashboard's charts"; exit 1; }
	cd $(DASHBOARD_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

$(STAMP_CREDENTIALS): $(CREDENTIALS_DIR)/package.json $(CREDENTIALS_DIR)/package-lock.json
	@command -v npm >/dev/null || { echo "npm (Node.js) is needed for the credential verification test"; exit 1; }
	cd $(CREDENTIALS_DIR) && npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(STAMP_RUN) $(STAMP_IDE) $(STAMP_DASHBOARD)

install-dev: $(STAMP_DEV) $(STAMP_IDE) $(STAMP_DASHBOARD)

serve: $(STAMP_RUN) $(STAMP_IDE) $(STAMP_DASHBOARD) runtime-packages
	$(BIN)/tatawwu serve --demo

lint: $(STAMP_DEV)
	$(BIN)/ruff check .
	$(BIN)/mypy

# What the tests need from Debian (never a browser or font download): Chromium for the browser
# tests; for certificates, an OFL Arabic font (Amiri), HarfBuzz's subsetter (WeasyPrint embeds
# font subsets with it), and pdftotext/pdftoppm and zbarimg to read the PDFs back.
DEBIAN_TEST_PACKAGES := chromium fonts-liberation fonts-hosny-amiri libharfbuzz-subset0 \
	poppler-utils zbar-tools
# For `make serve`: what WeasyPrint renders certificates with.
DEBIAN_RUNTIME_PACKAGES := fonts-hosny-amiri fonts-liberation libharfbuzz-subset0 libpangoft2-1.0-0

chromium: system-packages

system-packages:
	@missing=$$(for p in $(DEBIAN_TEST_PACKAGES) $(DEBIAN_RUNTIME_PACKAGES); do \
		dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian's" $$missing "for the tests"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				--no-install-recommends $$missing >/dev/null; \
		else \
			echo "Missing Debian packages (the browser and certificate tests need them):" \
				"sudo apt-get install --no-install-recommends $$missing"; \
		fi; \
	fi

runtime-packages:
	@missing=$$(for p in $(DEBIAN_RUNTIME_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		if [ "$$(id -u)" = 0 ]; then \
			echo "Installing Debian's" $$missing "for certificates"; \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
				--no-install-recommends $$missing >/dev/null; \
		else \
			echo "Certificates need Debian's $$missing:" \
				"sudo apt-get install --no-install-recommends $$missing"; \
		fi; \
	fi

# The suite on TEST_WORKERS processes (pytest-xdist): each test file runs whole in one of
# them, each worker makes its own databases. `TEST_WORKERS=0` runs it in this process.
TEST_WORKERS ?= 2

test: lint $(STAMP_IDE) $(STAMP_DASHBOARD) $(STAMP_FEDERATION) $(STAMP_CREDENTIALS) \
	system-packages
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadfile

# Re-resolve every dependency to the newest versions pyproject.toml allows. Run it when you
# add, remove or change a dependency in pyproject.toml, or to upgrade on purpose; then run
# `make test` and commit pyproject.toml and requirements/ together.
lock: $(STAMP_DEV)
	$(BIN)/uv pip compile $(LOCK_INPUTS) $(LOCK_FLAGS) -o requirements/runtime.txt
	$(BIN)/uv pip compile $(LOCK_INPUTS) $(LOCK_FLAGS) --extra dev -o requirements/dev.txt
	$(BIN)/uv pip compile $(LOCK_INPUTS) $(LOCK_FLAGS) --extra otel -o requirements/otel.txt
	$(BIN)/uv pip compile $(LOCK_INPUTS) $(LOCK_FLAGS) --extra dev --extra bench \
		-o requirements/bench.txt

schema: $(STAMP_DEV)
	$(BIN)/tatawwu schema print --output schema/schema.graphql

clean:
	rm -rf $(VENV) $(IDE_DIR)/node_modules tests/federation/node_modules \
		$(CREDENTIALS_DIR)/node_modules $(DASHBOARD_DIR)/node_modules tatawwu.sqlite3 tatawwu.sqlite3-wal tatawwu.sqlite3-shm

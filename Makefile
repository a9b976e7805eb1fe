# Two commands do all setup: `make run` and `make test` (see README).
PYTHON := $(shell scripts/find-python)
VENV := .venv
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run serve test lint format messages clean lock audit

# Dependencies come from the lock files (exact versions and hashes, see
# docs/development/dependencies.md); `pip check` fails when pyproject.toml
# declares something the lock does not have (then run `make lock`).
$(STAMP): pyproject.toml requirements.lock
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q --require-hashes -r requirements.lock
	$(VENV)/bin/pip install -q --no-deps -e .
	$(VENV)/bin/pip check
	mkdir -p var
	touch $@

$(TEST_STAMP): $(STAMP) requirements-test.lock
	$(VENV)/bin/pip install -q --require-hashes -r requirements-test.lock
	$(VENV)/bin/pip check
	touch $@

# Re-pin every dependency (newest versions pyproject.toml allows) with hashes.
UV_COMPILE = $(VENV)/bin/uv pip compile --python-version 3.12 --generate-hashes \
	--custom-compile-command "make lock" --quiet
# Not on $(STAMP): installing from a lock that lacks a new dependency fails.
lock:
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q uv
	$(UV_COMPILE) pyproject.toml -o requirements.lock
	$(UV_COMPILE) pyproject.toml --extra test -o requirements-test.lock
	echo pip-audit | $(UV_COMPILE) - -o requirements-audit.lock

# Known vulnerabilities in the locked set (skipped, saying so, when offline).
audit:
	scripts/audit-dependencies

run: $(STAMP)
	scripts/ensure-system-packages --optional
	scripts/run

# Production: gunicorn with settings from the environment (docs/operations.md).
serve: $(STAMP)
	scripts/serve

test: $(TEST_STAMP)
	scripts/ensure-system-packages
	$(VENV)/bin/ruff check sangam tests benchmarks
	$(VENV)/bin/ruff format --check sangam tests benchmarks
	$(VENV)/bin/python -m sangam.site.cli makemigrations --check --dry-run --settings=tests.settings >/dev/null
	$(VENV)/bin/pytest $(PYTEST_ARGS)

lint: $(TEST_STAMP)
	$(VENV)/bin/ruff check sangam tests benchmarks

format: $(TEST_STAMP)
	$(VENV)/bin/ruff format sangam tests benchmarks
	$(VENV)/bin/ruff check --fix sangam tests benchmarks

# Regenerate and compile the catalogue of every language in settings.LANGUAGES
# (needs GNU gettext), then list what is left to translate (scripts/untranslated).
messages: $(STAMP)
	$(VENV)/bin/sangam catalogues update
	scripts/untranslated

clean:
	rm -rf $(VENV) var

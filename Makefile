# Two commands do all setup: `make run` and `make test` (see README).
PYTHON := $(shell scripts/find-python)
VENV := .venv
STAMP := $(VENV)/.installed
TEST_STAMP := $(VENV)/.installed-test

.PHONY: run serve test lint format messages clean

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -e .
	mkdir -p var
	touch $@

$(TEST_STAMP): $(STAMP)
	$(VENV)/bin/pip install -q -e '.[test]'
	touch $@

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

# Regenerate and compile translations (needs GNU gettext).
messages: $(STAMP)
	cd sangam && ../$(VENV)/bin/sangam makemessages -l hi --no-obsolete
	cd sangam && ../$(VENV)/bin/sangam compilemessages

clean:
	rm -rf $(VENV) var

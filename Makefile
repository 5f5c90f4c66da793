# The two commands of the README: `make run` and `make test`. Both set everything up first.
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip --disable-pip-version-check --quiet
PORT ?= 8000
PYTEST_ARGS ?= -n auto

.PHONY: run test install install-dev lint format messages clean

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --upgrade pip

# Stamp files: requirements are installed again only when a requirements file changes.
$(VENV)/.installed-runtime: requirements.txt | $(PY)
	$(PIP) install -r requirements.txt
	@touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(PY)
	$(PIP) install -r requirements-dev.txt
	@touch $@ $(VENV)/.installed-runtime

install: $(VENV)/.installed-runtime
	@bin/install-system-deps

install-dev: $(VENV)/.installed-dev
	@bin/install-system-deps --test

## make run: set up, load the demo content and serve http://127.0.0.1:$(PORT)
run: install
	@mkdir -p var
	$(PY) manage.py migrate --noinput
	SITE_URL=http://127.0.0.1:$(PORT) WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py seed_demo
	WAGTAILADMIN_BASE_URL=http://127.0.0.1:$(PORT) $(PY) manage.py runserver 127.0.0.1:$(PORT)

## make test: set up and run every test layer (model, page, PostgreSQL-only, browser)
test: install-dev
	$(PY) -m pytest $(PYTEST_ARGS)

lint: install-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-dev
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

## make messages: extract UI strings into locale/*/django.po, then compile them
messages: install-dev
	$(PY) manage.py makemessages -a --no-location --ignore=.venv --ignore=var --ignore=node_modules --ignore=tests
	$(PY) manage.py compilemessages --ignore=.venv

clean:
	rm -rf $(VENV) node_modules var/static

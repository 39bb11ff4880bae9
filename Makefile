# Set-up and everyday commands. `make help` lists them. Every target installs what it needs, idempotently.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMPS := .stamps
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := $(BIN)/python manage.py
PYTEST_ARGS ?=

.PHONY: help run serve load-test test test-postgres test-backup test-backup-postgres lint format demo-data worker assets messages migrate benchmark benchmark-quick benchmark-payments geography-data clean engine-deps opensearch stripe-deps

help: ## List the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*## "}; {printf "  make %-14s %s\n", $$1, $$2}'

run: python-deps assets messages geography-data migrate demo-data ## Run the site with demo data on http://127.0.0.1:8000 (and a task worker)
	@echo "Site: http://$(HOST):$(PORT)/   Admin: http://$(HOST):$(PORT)/admin/   (demo users in README.md)"
	@ACCEPT_DEV_SETTINGS=1 $(MANAGE) db_worker --interval 1 & worker=$$!; trap "kill $$worker 2>/dev/null" EXIT INT TERM; \
	$(MANAGE) runserver $(HOST):$(PORT)

serve: python-deps assets messages geography-data ## Run the site with PRODUCTION settings under gunicorn (and the worker) on http://127.0.0.1:8000
	@HOST=$(HOST) PORT=$(PORT) PYTHON=$(BIN)/python bash scripts/serve.sh

test: python-deps assets messages geography-data browser-deps engine-deps stripe-deps ## Run every check and the whole test suite
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	DJANGO_SETTINGS_MODULE=marketplace.settings.test $(MANAGE) makemigrations --check --dry-run
	$(BIN)/lint-imports
	PYTHON=$(BIN)/python bash scripts/run-tests.sh $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-backup

test-postgres: python-deps assets messages geography-data browser-deps engine-deps stripe-deps ## Run the test suite on a local PostgreSQL 15 (installed and started if needed)
	@# The full fuzzing budget (10,000+ cases) runs in `make test`; on PostgreSQL a third of it, to keep CI short.
	@export DATABASE_URL=$$(bash scripts/postgres-test-server.sh) && FUZZ_SCALE=$${FUZZ_SCALE:-0.3} PYTHON=$(BIN)/python bash scripts/run-tests.sh $(PYTEST_ARGS)
	$(MAKE) --no-print-directory test-backup-postgres

test-backup: python-deps geography-data ## Back up a scratch demo database and its files, wipe them, restore them and compare
	PYTHON=$(BIN)/python bash scripts/test-backup-restore.sh

test-backup-postgres: python-deps geography-data ## The same on a scratch database of a local PostgreSQL 15 (pg_dump/pg_restore)
	@export BACKUP_TEST_DATABASE_URL=$$(bash scripts/backup-test-postgres.sh) && PYTHON=$(BIN)/python bash scripts/test-backup-restore.sh

lint: python-deps ## Lint, check formatting and the import layers
	$(BIN)/ruff check . && $(BIN)/ruff format --check . && $(BIN)/lint-imports

format: python-deps ## Format the code
	$(BIN)/ruff check --fix . && $(BIN)/ruff format .

demo-data: python-deps migrate ## Load the demo site and users (idempotent)
	$(MANAGE) load_demo_data

worker: python-deps ## Run the background task worker (emails, search indexing)
	$(MANAGE) db_worker

LOAD_TEST_ARGS ?= --seconds 20 --clients 8

load-test: python-deps ## Replay a mix of anonymous pages against `make serve` on this machine for 20 s (loopback only)
	$(BIN)/python scripts/load_test.py --base http://$(HOST):$(PORT) $(LOAD_TEST_ARGS)

BENCHMARK_ARGS ?= --sizes 10000 100000 300000 --databases sqlite postgresql --queries 1000 --http-seconds 20
BENCHMARK_QUICK_ARGS ?= --sizes 2000 --databases sqlite postgresql --queries 100 --http-seconds 5

benchmark: python-deps ## Time the find-support page: real OpenSearch to 300,000 listings, SQLite and PostgreSQL, gunicorn (an hour or more)
	$(BIN)/python -u scripts/benchmark_search.py $(BENCHMARK_ARGS)

benchmark-quick: python-deps ## The search benchmark at 2,000 listings, to check it runs (a few minutes)
	$(BIN)/python -u scripts/benchmark_search.py $(BENCHMARK_QUICK_ARGS)

PAYMENTS_BENCHMARK_ARGS ?= --invoices 1000

benchmark-payments: python-deps ## Pay 1,000 invoices through localstripe and the webhook; check every ledger (scratch SQLite)
	$(BIN)/python -u scripts/benchmark_payments.py $(PAYMENTS_BENCHMARK_ARGS)

migrate: python-deps
	$(MANAGE) migrate --no-input

geography-data: python-deps ## Build var/geography: GB postcodes → councils and UK place names (downloads 98 MB once)
	$(MANAGE) build_geography

assets: $(STAMPS)/node-deps ## Build CSS and JavaScript into static/dist
	npm run --silent build

messages: python-deps system-deps ## Compile interface translations
	$(MANAGE) compilemessages --ignore=.venv --ignore=node_modules -v0

python-deps: $(STAMPS)/python-deps

$(STAMPS)/python-deps: requirements.txt requirements-dev.txt
	@mkdir -p $(STAMPS)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	@touch $@

$(STAMPS)/node-deps: package.json package-lock.json
	@mkdir -p $(STAMPS)
	npm ci --no-audit --no-fund --loglevel=error
	@touch $@

system-deps: ## Install gettext if missing (Debian)
	@command -v msgfmt >/dev/null || (apt-get update -qq && apt-get install -y -qq --no-install-recommends gettext)

.PHONY: help run test test-postgres lint format demo-data worker assets messages migrate benchmark benchmark-quick benchmark-payments geography-data clean engine-deps opensearch stripe-deps

engine-deps: ## Build the tests' OpenSearch node (Java 17 and Maven installed with apt if missing; cached)
	bash scripts/opensearch-test-server.sh build

OPENSEARCH_PORT ?= 9200

opensearch: ## Run OpenSearch 2.19 on 127.0.0.1:9200 (OPENSEARCH_PORT), data in var/opensearch
	bash scripts/opensearch-test-server.sh start --home var/opensearch --port $(OPENSEARCH_PORT) --no-stdin-watch

stripe-deps: ## Build stripe-mock for the payments tests into var/tools/ (installs Go with apt if missing)
	@bash scripts/stripe-mock.sh >/dev/null

browser-deps: ## Install Debian's Chromium for the browser tests if missing
	@test -x /usr/bin/chromium || (apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core)

clean: ## Remove installed dependencies and build output (keeps the database)
	rm -rf $(VENV) node_modules static/dist $(STAMPS) scripts/opensearch/target

# The project's commands. `make help` lists them. Every target installs what it needs first and skips
# work already done (the virtualenv is rebuilt only when requirements/dev.txt changes, translations
# only when a .po file changes).

PYTHON ?= python3
PORT ?= 8000
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum < requirements/dev.txt | cut -d' ' -f1)
MANAGE := $(BIN)/python manage.py
PO := $(wildcard site/locale/*/LC_MESSAGES/django.po)
MO := $(PO:.po=.mo)
# The Open Data BCN population the project ships (data/README.md); the boundaries beside it are
# load_boundaries' default folder (ESS_BOUNDARIES_DIR).
POPULATION := data/population/2025_pad_mdbas.csv

.DEFAULT_GOAL := help
.PHONY: help install database run test lint format check bench backup restore messages translations lock clean

help: ## List the targets
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): requirements/dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed (found: $$($(PYTHON) --version 2>&1)). Try: make PYTHON=python3.12 ..."; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements/dev.txt
	rm -f $(VENV)/.installed-* && touch $@

install: $(STAMP) ## Create .venv and install the locked dependencies

translations: $(STAMP) $(MO) ## Compile the gettext catalogs (.po -> .mo)

site/locale/%/LC_MESSAGES/django.mo: site/locale/%/LC_MESSAGES/django.po $(STAMP)
	$(BIN)/pybabel -q compile --domain django --input-file $< --output-file $@ --locale $*

database: translations ## Migrate the database, load the boundaries and population of data/
	$(MANAGE) migrate --noinput
	$(MANAGE) load_boundaries --skip-if-loaded
	$(MANAGE) load_population --skip-if-loaded $(POPULATION)

# E-mails (claim links, messages) point at the port the site is served on, unless the environment says.
run: export WAGTAILADMIN_BASE_URL ?= http://127.0.0.1:$(PORT)
run: database ## Load the demo content, start the task worker and serve http://127.0.0.1:8000 (PORT=8123: another port)
	$(MANAGE) seed_demo
	@# The task worker (admin imports) runs beside the web server and stops with it.
	$(MANAGE) db_worker --backend imports & worker=$$!; trap 'kill $$worker 2>/dev/null; wait $$worker 2>/dev/null' EXIT INT TERM; \
		$(MANAGE) runserver 127.0.0.1:$(PORT)

lint: $(STAMP) ## ruff: lint and formatting
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP) ## Apply ruff's fixes and formatting
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

check: translations ## Django system checks and missing migrations
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=config.settings.test $(MANAGE) makemigrations --check --dry-run

test: lint check ## Lint, checks, then the whole test suite (SQLite unless DATABASE_URL says otherwise)
	$(BIN)/pytest $(PYTEST_ARGS)

bench: database ## Print the benchmarks' figures (placement of 1k to 1M points, ...)
	$(MANAGE) bench

# No install step: on a production host these run in the virtualenv `requirements/base.txt` built.
backup: ## Dump the database and archive media/ into BACKUP_DIR (keeps the newest 10 of each)
	$(MANAGE) dbbackup --noinput --clean --compress
	$(MANAGE) mediabackup --noinput --clean --compress

restore: ## Restore the newest backup (or BACKUP=<dump file> MEDIA_BACKUP=<media file>) over the database and media/
	$(MANAGE) dbrestore --noinput --uncompress $(if $(BACKUP),--input-filename $(BACKUP))
	$(MANAGE) mediarestore --noinput --uncompress --replace $(if $(MEDIA_BACKUP),--input-filename $(MEDIA_BACKUP))

messages: $(STAMP) ## Update the .po catalogs from the code (needs GNU gettext's xgettext)
	$(MANAGE) makemessages -l ca -l es -l en --no-obsolete --ignore=.venv --ignore=staticfiles --ignore=tests

lock: $(STAMP) ## Re-resolve pyproject.toml into requirements/base.txt (production) and dev.txt
	$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links -o requirements/base.txt pyproject.toml
	$(BIN)/pip-compile -q --generate-hashes --allow-unsafe --strip-extras --no-emit-index-url --no-emit-find-links --extra dev \
		-c requirements/base.txt -o requirements/dev.txt pyproject.toml

clean: ## Remove the virtualenv, compiled catalogs and the SQLite database
	rm -rf $(VENV) $(MO) db.sqlite3 db.sqlite3-wal db.sqlite3-shm staticfiles

# Two commands do all set-up on a fresh machine (see README.md):
#   make example   install into .venv, then extract events from the bundled example
#   make test      install into .venv (with test tools), then run the test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: example test install clean lexicon

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

example: $(STAMP)
	$(BIN)/legation extract examples/article.txt --published 2025-03-05 --format table

# The store tests run on SQLite and on PostgreSQL: unless LEGATION_TEST_POSTGRES_URL names a
# server, a throwaway one is started for the run (scripts/ensure-postgres.sh) and stopped after.
test: $(STAMP)
	@if [ -n "$$LEGATION_TEST_POSTGRES_URL" ]; then exec $(BIN)/python -m pytest -q; fi; \
	pg=$$(scripts/ensure-postgres.sh start) || { echo "make: no PostgreSQL server: its store tests skip (fail under CI)" >&2; pg=:; }; \
	eval "$$pg"; trap 'scripts/ensure-postgres.sh stop "$$LEGATION_PG_DIR"' EXIT; \
	$(BIN)/python -m pytest -q

# Regenerate the imported trigger table from the PETRARCH CAMEO verb dictionary in ../shared
# (a test checks that the shipped file is exactly what this writes).
PETRARCH_DICT ?= ../shared/reference/petrarch2/CAMEO.2.0.txt
lexicon: $(STAMP)
	cd src/legation/data/lexicon && ../../../../$(BIN)/legation lexicon import $(abspath $(PETRARCH_DICT)) \
	  --note '(PETRARCH2 commit 676801cd9cb2924bbbad09f86d15c9323e7097bf)' --quiet -o cameo_verbs.tsv

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info

# gongkai — two commands matter: `make run` and `make test`. Both start with `make install`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM := $(VENV)/.system-packages
CORPUS ?= ../shared/corpus

.PHONY: install messages run demo test test-postgres lint unit corpus docs bench clean

install: $(STAMP) messages

# The interface's translations (zh_Hans is the default language): .po in git, .mo built here.
messages: $(STAMP)
	@cd gongkai && DJANGO_SETTINGS_MODULE= ../$(BIN)/django-admin compilemessages --ignore='*/.venv/*' >/dev/null

# Debian packages (CJK fonts, the PDF writer, poppler): once, before pip.
$(SYSTEM): scripts/system-packages.sh
	sh scripts/system-packages.sh
	mkdir -p $(VENV)
	touch $(SYSTEM)

$(STAMP): pyproject.toml $(SYSTEM)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The platform with the demo county 青山县 on http://127.0.0.1:8000/ (data in ./var, or
# $GONGKAI_DATA_DIR): loads the demo when absent, prints its sign-ins, then serves (Ctrl-C stops).
run: install
	$(BIN)/gongkai demo
	$(BIN)/gongkai serve --host 127.0.0.1 --port 8000

# Loads the demo county (a no-op when present); `make demo RESET=1` rebuilds it.
demo: install
	$(BIN)/gongkai demo $(if $(RESET),--reset)

lint: install
	$(BIN)/ruff check gongkai tests bench manage.py
	$(BIN)/lint-imports
	$(BIN)/mypy

unit: install
	$(BIN)/python -m pytest -n 2 tests

# Scores `gongkai check` on the real reports with truth files (no-op when the corpus is absent).
corpus: install
	@if [ -d $(CORPUS) ]; then $(PYTHON) $(CORPUS)/../tools/score_corpus.py $(BIN)/gongkai $(CORPUS); fi

test: lint unit corpus

# The platform's tests again on PostgreSQL (production's database). `.ci/run` runs this after
# `make test`; DATABASE_URL may point elsewhere.
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
PLATFORM_TESTS = $(wildcard tests/project tests/agencies tests/auditlog tests/holidays tests/applications tests/litigation tests/letters tests/portal tests/demo tests/bench tests/browser)
test-postgres: install
	DATABASE_URL=$(PG_URL) $(BIN)/python -m pytest -n 2 $(PLATFORM_TESTS)

docs: install
	$(BIN)/python -m gongkai.docs_build

# Every benchmark (engine, writers, merge, audit; about 5 minutes), one page: docs/performance.md.
# `make bench QUICK=1` is a smoke test (small batches; the page goes to bench/out/performance-quick.md).
bench: install
	$(BIN)/python bench/all.py $(if $(QUICK),--quick)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis

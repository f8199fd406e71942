# gongkai — two commands matter: `make run` and `make test`. Both start with `make install`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM := $(VENV)/.system-packages
CORPUS ?= ../shared/corpus

.PHONY: install messages run test test-postgres lint unit corpus docs bench clean

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

# Until the platform exists (issue 4) `make run` checks the seed report and prints the findings.
run: install
	-$(BIN)/gongkai check $(CORPUS)/seed/000_48de57da75f02281.txt

lint: install
	$(BIN)/ruff check gongkai tests bench manage.py
	$(BIN)/lint-imports
	$(BIN)/mypy gongkai/report

unit: install
	$(BIN)/python -m pytest -n 2 tests

# Scores `gongkai check` on the real reports with truth files (no-op when the corpus is absent).
corpus: install
	@if [ -d $(CORPUS) ]; then $(PYTHON) $(CORPUS)/../tools/score_corpus.py $(BIN)/gongkai $(CORPUS); fi

test: lint unit corpus

# The platform's tests again on PostgreSQL (production's database). `.ci/run` runs this after
# `make test`; DATABASE_URL may point elsewhere.
PG_URL ?= postgres://postgres@127.0.0.1:5432/test
PLATFORM_TESTS = $(wildcard tests/agencies tests/auditlog tests/holidays tests/applications tests/litigation tests/letters tests/portal tests/demo tests/browser)
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

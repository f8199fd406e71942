# gongkai — two commands matter: `make run` and `make test`. Both start with `make install`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSTEM := $(VENV)/.system-packages
CORPUS ?= ../shared/corpus

.PHONY: install run test lint unit corpus docs bench clean

install: $(STAMP)

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
	$(BIN)/ruff check gongkai tests bench
	$(BIN)/lint-imports
	$(BIN)/mypy gongkai/report

unit: install
	$(BIN)/python -m pytest -n 2 tests

# Scores `gongkai check` on the real reports with truth files (no-op when the corpus is absent).
corpus: install
	@if [ -d $(CORPUS) ]; then $(PYTHON) $(CORPUS)/../tools/score_corpus.py $(BIN)/gongkai $(CORPUS); fi

test: lint unit corpus

docs: install
	$(BIN)/python -m gongkai.docs_build

# Every benchmark (engine, writers, merge, audit; about 5 minutes), one page: docs/performance.md.
# `make bench QUICK=1` is a smoke test (small batches; the page goes to bench/out/performance-quick.md).
bench: install
	$(BIN)/python bench/all.py $(if $(QUICK),--quick)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis

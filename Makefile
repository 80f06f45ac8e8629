# One task runner for people and CI. `make demo` and `make test` each do all set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
DEMO := demo-out

.PHONY: demo test lint browser bench train lock clean knowledge-events

$(STAMP): pyproject.toml requirements.lock
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "bilateral needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO)/bilateral.db $(DEMO)/bilateral.db-wal $(DEMO)/bilateral.db-shm
	$(BIN)/bilateral --db $(DEMO)/bilateral.db run examples/us-mexico --out $(DEMO)
	@echo
	@echo "Done. The briefing is $(DEMO)/briefing.html; the map and exports are beside it (map.json, csv/, parquet/)."
	@echo "Explore: $(BIN)/bilateral --db $(DEMO)/bilateral.db serve   (then open http://127.0.0.1:8000)"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

# Debian's Chromium for the browser tests (Playwright drives it; nothing is downloaded outside apt).
browser:
	sh scripts/install-browser.sh

test: $(STAMP) lint browser
	$(BIN)/pytest -q

bench: $(STAMP)
	$(BIN)/python -m benchmarks.run

# Retrain the shipped comparison models from ../shared/eval (deterministic: same data, same model bytes).
train: $(STAMP)
	$(BIN)/python -m bilateral.compare.train_partisan
	$(BIN)/python -m bilateral.compare.train_genre

# Regenerate the compiled CAMEO->PLOVER verb table (packs/plover_cameo.json) from ../shared/knowledge-sources.
knowledge-events: $(STAMP)
	$(BIN)/python -m bilateral.knowledge.build_plover_cameo

# Regenerate the pinned versions after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable --all | grep -v -E '^(pip|setuptools|wheel)==' > requirements.lock

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .mypy_cache .ruff_cache bench-results

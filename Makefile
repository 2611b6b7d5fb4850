# Two commands do all set-up: `make demo` and `make test`. Each creates .venv as needed.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
LINT_DIR := tests/cypher_lint
LINT_STAMP := $(LINT_DIR)/node_modules/.installed-stamp

.PHONY: demo test test-quick lint format bench clean-venv

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip "setuptools<82" wheel
	$(BIN)/python -m pip install -q -e ".[test]"
	touch $(STAMP)

# The Cypher linter (Neo4j's own parser) runs under node; skipped where node is missing.
$(LINT_STAMP): $(LINT_DIR)/package.json $(LINT_DIR)/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --silent --no-audit --no-fund --prefix $(LINT_DIR) && touch $(LINT_STAMP); \
	else echo "npm not found: Cypher lint tests will be skipped"; fi

demo: $(STAMP)
	$(BIN)/dipgraph load examples/releases examples/english --year 2026
	$(BIN)/dipgraph query bilateral_contacts -p a=KZ -p b=NL
	$(BIN)/dipgraph viz -o demo.html
	@echo "open demo.html in a browser; try: $(BIN)/dipgraph query --list"

test: $(STAMP) $(LINT_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q -rs -p no:cacheprovider

# the edit loop: everything but the slow tests (kill/lock/bad-input processes, the
# wheel install), the browser, the Cypher linter and the Bolt rig; ruff included.
test-quick: $(STAMP) $(LINT_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest -q -rs -p no:cacheprovider -m "not slow and not browser and not linter and not bolt"

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

bench: $(STAMP)
	$(BIN)/python bench/run_all.py

clean-venv:
	rm -rf $(VENV)

# Waishi: `make run` sets up and serves the demo; `make test` sets up and runs every test.
# Nothing here needs more than a Python >= 3.12 on PATH.

PYTHON ?= $(shell for p in python3.13 python3.12 python3; do \
	  if command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; \
	  then echo $$p; break; fi; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cat requirements.lock pyproject.toml | cksum | cut -d' ' -f1)
# Tests run on every core (pytest-xdist); `make test PYTEST_ARGS=...` to choose otherwise.
PYTEST_ARGS ?= -n auto
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test setup lint format translations demo worker clean

run: setup
	$(BIN)/waishi migrate --noinput -v 0
	$(BIN)/waishi demo --if-empty
	$(BIN)/waishi serve --host $(HOST) --port $(PORT)

# pytest's exit code 5 means no test was collected: that is a failure here, said plainly.
test: setup
	@$(BIN)/python -m pytest $(PYTEST_ARGS); status=$$?; \
	  if [ $$status -eq 5 ]; then echo "No tests were collected." >&2; exit 1; fi; exit $$status

setup: $(STAMP)
	@$(BIN)/waishi compile_translations

$(STAMP): requirements.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "Waishi needs Python 3.12 or newer on PATH (python3.13 or python3.12)." >&2; exit 1; }
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade 'pip>=24'
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	@rm -f $(VENV)/.installed-*
	@touch $@

# Checks the CI runs too: lint, format and types.
lint: setup
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy src

format: setup
	$(BIN)/ruff format src tests
	$(BIN)/ruff check --fix src tests

# Refresh the message catalogues from the source and fill Traditional from Simplified.
translations: setup
	$(BIN)/waishi make_translations

clean:
	rm -rf $(VENV) var

# Two commands do all the set-up on a fresh machine with Python 3.11+ and make:
#   make analysis   rebuild every notebook and figure
#   make test       run the whole test suite (what CI runs)

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
UV_VERSION := 0.13.9
STAMP := $(VENV)/.installed-from-lock
export UV_PYTHON_DOWNLOADS := never
export UV_COMPILE_BYTECODE := 1
export PYTHONHASHSEED := 0

.PHONY: analysis test lab check lock benchmark clean sources extract

analysis: $(STAMP)
	$(BIN)/python -m belarus2020 build

check: $(STAMP)
	$(BIN)/python -m belarus2020 build --check

test: $(STAMP)
	$(BIN)/python -m pytest

lab: $(STAMP)
	$(BIN)/jupyter lab notebooks

# The raw Telegram exports stay outside the repository (they name detainees): `make sources`
# downloads them into ../shared (or $$BELARUS2020_SHARED) at the pinned commit, checked by SHA-256;
# `make extract` rewrites our privacy-safe extract, data/telegram/, from them.
sources: $(STAMP)
	$(BIN)/python -m belarus2020 sources

extract: $(STAMP)
	$(BIN)/python -m belarus2020 extract

benchmark: $(STAMP)
	$(BIN)/python benchmarks/build_speed.py

# The environment: a .venv at the project root, installed from the hashed lock.
$(STAMP): requirements.lock pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed (found " + sys.version.split()[0] + "); set PYTHON=python3.11")'
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip install --quiet --python $(BIN)/python --require-hashes -r requirements.lock
	$(BIN)/uv pip install --quiet --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

# Regenerate the lock after changing dependencies in pyproject.toml (needs PyPI).
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml --all-extras --universal --generate-hashes \
		--python-version 3.11 -o requirements.lock

clean:
	rm -rf $(VENV) .build

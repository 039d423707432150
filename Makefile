# The two commands the README names: `make demo` and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
NW := $(BIN)/newswatch
STAMP := $(VENV)/.installed

.PHONY: demo test install lint kafka-up kafka-down bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

## Run the pipeline on the bundled sample feeds (starts a local broker) and show the alerts.
demo: install
	$(NW) demo

## Lint, type-check, start the local broker, run every test, stop the broker.
test: install lint
	@was_up=0; $(NW) kafka status >/dev/null 2>&1 && was_up=1; \
	$(NW) kafka up && $(BIN)/pytest -n 3 --dist loadfile; status=$$?; \
	if [ $$was_up = 0 ]; then $(NW) kafka down; fi; exit $$status

lint: install
	$(BIN)/ruff check .
	$(BIN)/mypy

kafka-up: install
	$(NW) kafka up

kafka-down: install
	$(NW) kafka down

bench: install
	for script in bench/bench_*.py; do $(BIN)/python $$script || exit 1; done

clean:
	-$(NW) kafka down
	rm -rf $(VENV) .newswatch .pytest_cache .mypy_cache .ruff_cache

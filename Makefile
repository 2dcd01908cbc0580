# accord's two set-up commands: `make demo` (main job on the bundled examples) and `make test`.
# Both create the virtual environment and install everything on first use.
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
DEMO_OUT ?= out

.PHONY: demo demo-stream test lint typecheck bench seeds clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch pinned first: an unpinned torch drags in GBs of CUDA wheels.
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[embeddings,postgres,dev]'
	touch $(STAMP)

demo: $(STAMP)
	mkdir -p $(DEMO_OUT)
	rm -f $(DEMO_OUT)/demo.db
	$(VENV)/bin/accord run examples/articles --db $(DEMO_OUT)/demo.db --published 2026-03-14 \
		--json $(DEMO_OUT)/demo.json --markdown $(DEMO_OUT)/dossier.md --html $(DEMO_OUT)/dossier.html
	@echo "wrote $(DEMO_OUT)/demo.json, $(DEMO_OUT)/dossier.md, $(DEMO_OUT)/dossier.html and $(DEMO_OUT)/demo.db"

# A mixed feed: twelve reports of four events, clustered into stories and scored against labels.
demo-stream: $(STAMP)
	mkdir -p $(DEMO_OUT)
	rm -f $(DEMO_OUT)/stream.db
	$(VENV)/bin/accord run examples/stream/articles --db $(DEMO_OUT)/stream.db \
		--json $(DEMO_OUT)/stream.json --html $(DEMO_OUT)/stream.html
	$(VENV)/bin/accord stories --db $(DEMO_OUT)/stream.db
	$(VENV)/bin/accord stories --db $(DEMO_OUT)/stream.db --score examples/stream/labels.csv

test: $(STAMP)
	$(PY) -m pytest -q

lint: $(STAMP)
	$(VENV)/bin/ruff check src tests benchmarks scripts
	$(VENV)/bin/mypy

seeds: $(STAMP)
	$(PY) benchmarks/seeds.py

clean:
	rm -rf $(VENV) $(DEMO_OUT) .pytest_cache .mypy_cache .ruff_cache

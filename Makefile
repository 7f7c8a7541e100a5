# Two commands for everyone: `make site` and `make test`. All targets are idempotent.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export NO_MKDOCS_2_WARNING := 1

.PHONY: site validate serve serve-full test install lock clean bench bench-news messages

site: validate  ## validate the data, then build site/ (a failed build leaves the old site/ untouched; the new one is swapped in by rename)
	$(BIN)/python scripts/publish site -- $(BIN)/mkdocs build --strict --site-dir

validate: $(STAMP)  ## check every file under sites_data/ (or $$THINKA_DATA_DIR)
	$(BIN)/thinka validate

serve: $(STAMP)  ## live preview on http://127.0.0.1:8000/; a saved YAML file rewrites only the pages it changes
	$(BIN)/mkdocs serve --livereload --dirty --no-strict

serve-full: $(STAMP)  ## live preview that rebuilds the whole site on every save (slow with many sites, never stale)
	$(BIN)/mkdocs serve --livereload

test: $(STAMP)  ## the layering contracts, then all tests (browser tests need /usr/bin/chromium; .ci/run installs it)
	$(BIN)/lint-imports
	$(BIN)/pytest

bench: $(STAMP)  ## build time, page size, Lighthouse, first-load bytes and serve rebuilds for 10–1,000 synthetic sites
	$(BIN)/python scripts/bench

bench-news: $(STAMP)  ## build-time and page-size figures for 10, 100 and 1,000 synthetic news posts
	$(BIN)/python scripts/bench-news

install: $(STAMP)

messages: $(STAMP)  ## after changing a German text of the site pages, directories or map: extract them (babel.cfg) into src/thinka/views/locale/thinka.pot and update every language's thinka.po
	$(BIN)/python scripts/messages

# Exactly the versions in requirements.lock (the same in CI), then this package on top of them.
$(STAMP): pyproject.toml requirements.lock
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $(STAMP)

lock:  ## after changing dependencies in pyproject.toml: pin what is new in requirements.lock (pip-tools), then reinstall; `make lock LOCK_FLAGS=--upgrade` moves every pin to the newest release
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet pip-tools
	CUSTOM_COMPILE_COMMAND="make lock" $(BIN)/pip-compile --quiet $(LOCK_FLAGS) --extra test --strip-extras \
	  --no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml
	$(MAKE) install

clean:
	rm -rf site site.new site.new-* site.old-* $(VENV) src/*.egg-info .pytest_cache

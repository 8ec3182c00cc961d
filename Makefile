# Xarxa: `make demo` runs the site with the demo network; `make test` runs every check.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
NODE_INSTALLED := node_modules/.installed

.PHONY: demo test fuzz bench venv node messages lint lock clean

$(INSTALLED): requirements.lock
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) \
		|| { echo "Could not create $(VENV): on Debian, apt-get install python3-venv"; exit 1; }
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check --upgrade pip
	@$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	@touch $@

venv: $(INSTALLED)

# Thunderbird's iCalendar parser for tests/ics_check, pinned in package-lock.json.
# Without npm the calendar check leaves it out (and fails under CI=true).
$(NODE_INSTALLED): package-lock.json
	@npm ci --silent --no-audit --no-fund
	@touch $@

node:
	@if command -v npm >/dev/null; then $(MAKE) --no-print-directory $(NODE_INSTALLED); \
	else echo "== npm not found: calendar checks run without ical.js (apt-get install nodejs npm)"; fi

messages: venv
	@$(BIN)/python manage.py compile_translations

demo: venv messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo
	@bin/serve-demo $(BIN)/python

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check --quiet .
	DJANGO_SETTINGS_MODULE=config.settings.test $(BIN)/python manage.py makemigrations --check --dry-run

test: venv node messages lint
	@bin/run-tests $(BIN)/python

# Hypothesis at random and at length, before a release: what fails is saved in
# tests/data/hypothesis, which make test replays (commit it with the fix).
fuzz: venv messages
	HYPOTHESIS_PROFILE=explore $(BIN)/python -m pytest -m "not postgres and not redis" \
		tests/core/test_fuzz.py tests/events/test_feeds.py

# Every benchmark in bench/, then one table (figure, same-run baseline, ratio, target),
# also written to bench/results.json.
bench: venv messages
	@$(BIN)/python bench/run.py

# Re-pin every dependency from pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header -o requirements.lock

clean:
	rm -rf $(VENV) var test-results node_modules

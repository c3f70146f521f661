# vads.shop: `make demo` and `make test` do all the set-up on a fresh machine.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
VPY := $(VENV)/bin/python
export PATH := $(CURDIR)/$(VENV)/bin:$(PATH)
export ANSIBLE_CONFIG := $(CURDIR)/ansible.cfg

.PHONY: venv system demo test test-unit test-sandbox test-integration sanity lint bench dist docs test-matrix clean

# Python side: a pinned virtualenv, the sandbox package, and the collection importable as vads.shop.
venv: $(VENV)/.done
# The sandbox is installed editable in strict mode: a plain path in a .pth, to links to its files (the default
# mode's import hook cost every Python start-up in the venv, every module process of the tests, 25 ms). A file
# added or removed in its folders reinstalls it.
$(VENV)/.done: requirements.txt requirements-dev.txt sandbox/pyproject.toml tools/link-collection.sh sandbox/vads_sandbox \
		sandbox/vads_sandbox/schemas
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --upgrade pip
	$(VPY) -m pip install -q -r requirements-dev.txt
	$(VPY) -m pip install -q -e ./sandbox --config-settings editable_mode=strict
	tools/link-collection.sh $(VENV)
	touch $@

# Debian side (MariaDB, PHP, Chromium): installed only when missing.
system:
	tools/install-system-packages.sh

demo: venv system
	tools/demo.sh

test: venv system
	tools/test.sh

test-unit: venv
	$(VPY) -m pytest -q tests/unit

sanity: venv
	tools/sanity.sh

lint: venv
	tools/lint.sh

bench: venv
	tools/bench.sh

# The collection tarball and the sandbox wheel in dist/, checked as a user gets them (tools/dist.sh).
dist: venv
	tools/dist.sh

# Unit, integration, sanity and lint on every supported ansible-core (tools/test-matrix.sh); not part of `make test`.
test-matrix: venv system
	tools/test-matrix.sh

# antsibull-docs lint, then the collection's HTML site in build/docs/html, every page checked (tools/docs.sh).
docs:
	tools/docs.sh

clean:
	rm -rf $(VENV) .venv-docs .venv-matrix build dist .pytest_cache

#!/usr/bin/env bash
# Every test: unit, sandbox, integration (real MariaDB, real HTTP, real browser), sanity, lint.
# One pytest run so that its closing line counts everything.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python -m pytest -q -p no:cacheprovider tests "$@"

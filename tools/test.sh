#!/usr/bin/env bash
# Every test: unit, sandbox, integration (real MariaDB, real HTTP, real browser), sanity, lint.
# One pytest run so that its closing line counts everything. Most tests wait on subprocesses
# (ansible, the sandbox, MariaDB), so several xdist workers share the 2 cores well; each worker
# starts its own sandbox and MariaDB. Tests are handed out one at a time, the longest first
# (tests/conftest.py), so that the workers finish together. VADS_TEST_WORKERS=0 runs everything in one process.
set -euo pipefail
cd "$(dirname "$0")/.."
workers=${VADS_TEST_WORKERS:-4}
par=()
[ "$workers" != 0 ] && par=(-n "$workers" --dist load --maxschedchunk 1)
exec .venv/bin/python -m pytest -q -p no:cacheprovider --durations=15 "${par[@]}" tests "$@"

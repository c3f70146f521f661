#!/usr/bin/env bash
# make bench: every benchmark (bench/README.md says what each measures). The first prints the table of
# issue 13 (go-live against Ansible's floor, stores at scale, HTTP client), in CPU time.
#   BENCH=perf make bench   only that table
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p build
.venv/bin/python bench/perf_bench.py --json build/bench-perf.json
if [ "${BENCH:-all}" = perf ]; then exit 0; fi
.venv/bin/python bench/ctx_mode_bench.py
.venv/bin/python bench/db_bench.py
.venv/bin/python bench/audit_bench.py
.venv/bin/python bench/sandbox_bench.py --check

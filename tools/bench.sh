#!/usr/bin/env bash
# make bench: every benchmark (bench/README.md says what each measures).
set -euo pipefail
cd "$(dirname "$0")/.."
.venv/bin/python bench/ctx_mode_bench.py
.venv/bin/python bench/db_bench.py
.venv/bin/python bench/audit_bench.py
.venv/bin/python bench/sandbox_bench.py --check

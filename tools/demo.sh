#!/usr/bin/env bash
# make demo: the whole go-live of a demo fleet against the embedded gateway sandbox.
set -euo pipefail
cd "$(dirname "$0")/.."
exec .venv/bin/python tools/demo.py "$@"

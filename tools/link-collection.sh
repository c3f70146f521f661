#!/usr/bin/env bash
# Make this checkout importable as ansible_collections.vads.shop inside the given venv.
set -euo pipefail
venv=$1
top=$(cd "$(dirname "$0")/.." && pwd)
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
mkdir -p "$site/ansible_collections/vads"
ln -sfn "$top" "$site/ansible_collections/vads/shop"

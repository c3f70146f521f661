#!/usr/bin/env bash
# Make this checkout importable as ansible_collections.vads.shop inside the given venv.
set -euo pipefail
venv=$1
top=$(cd "$(dirname "$0")/.." && pwd)
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
mkdir -p "$site/ansible_collections/vads"
ln -sfn "$top" "$site/ansible_collections/vads/shop"
# The test suite's bytecode cache for modules run from AnsiballZ zips (tests/support/zip_bytecode.py):
# loaded only when VADS_TEST_ZIP_BYTECODE is set, which only tests/support/runner.py does.
ln -sfn "$top/tests/support/zip_bytecode.py" "$site/vads_test_zip_bytecode.py"
# and the controllers' caches: built AnsiballZ payloads, compiled collection code (tests/support/controller_cache.py)
rm -f "$site/vads_test_ansiballz_cache.py"
ln -sfn "$top/tests/support/controller_cache.py" "$site/vads_test_controller_cache.py"
echo 'import os; os.environ.get("VADS_TEST_ZIP_BYTECODE") and __import__("vads_test_zip_bytecode")' \
  >"$site/vads_test_zip_bytecode.pth"

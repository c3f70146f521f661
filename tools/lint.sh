#!/usr/bin/env bash
# ansible-lint (production profile, offline) over the collection; configuration in .ansible-lint.
#
#   tools/lint.sh [extra ansible-lint args, e.g. roles/foo]
#
# Offline mode makes ansible-lint install nothing (no galaxy.yml/requirements.yml dependencies) and
# also skips its usual trick of installing the project itself as a collection, so this script makes
# `vads.shop.*` resolvable to THIS checkout through a temporary ANSIBLE_COLLECTIONS_PATH entry.
# Env: VENV (default .venv).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
venv=${VENV:-$top/.venv}
venv=$(cd "$venv" && pwd)
[ -x "$venv/bin/ansible-lint" ] || { echo "lint: $venv/bin/ansible-lint missing; run 'make venv'" >&2; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vads-lint.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
ns=$("$venv/bin/python" -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); print(d["namespace"] + "/" + d["name"])' "$top/galaxy.yml")
mkdir -p "$tmp/ansible_collections/${ns%/*}"
ln -s "$top" "$tmp/ansible_collections/$ns"

cd "$top"
start=$SECONDS
set +e
# NO_COLOR/-q: plain, short output; the venv's bin on PATH so ansible-lint finds ansible-playbook etc.
PATH=$venv/bin:$PATH NO_COLOR=1 ANSIBLE_COLLECTIONS_PATH="$tmp${ANSIBLE_COLLECTIONS_PATH:+:$ANSIBLE_COLLECTIONS_PATH}" \
  "$venv/bin/ansible-lint" -c "$top/.ansible-lint" --offline --profile production --nocolor "$@" >"$tmp/lint.log" 2>&1
rc=$?
set -e
if [ $rc -eq 0 ]; then
  echo "lint: OK ($((SECONDS - start))s) - $(grep -E '^Passed' "$tmp/lint.log" | tail -1)"
else
  grep -v -E '^WARNING: PATH altered to include' "$tmp/lint.log" || true
  echo "lint: FAILED (exit $rc, $((SECONDS - start))s)"
fi
exit $rc

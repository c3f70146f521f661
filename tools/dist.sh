#!/usr/bin/env bash
# make dist: build what users install, then check it the way a user would get it.
#   dist/vads-shop-<version>.tar.gz          the collection (ansible-galaxy collection build)
#   dist/vads_sandbox-<version>-py3-none-any.whl   the gateway sandbox (pip wheel)
# The check (skipped with DIST_CHECK=0) installs both into a fresh venv holding only ansible-core,
# ansible-runner, the collection's runtime requirements and the wheel, outside this checkout, then:
# lists the tarball (no development file), renders every module and role with ansible-doc, runs
# `vads-sandbox --version`, and runs the go-live by name (vads.shop.golive) through ansible-runner
# against the sandbox started from the wheel (tools/dist_check.py).
# Env: VENV (default .venv), DIST_DIR (default dist), DIST_WORKDIR (default: a temporary folder).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
venv=$(cd "${VENV:-$top/.venv}" && pwd)
out=${DIST_DIR:-$top/dist}
mkdir -p "$out"
out=$(cd "$out" && pwd)
version=$("$venv/bin/python" -c 'import sys, yaml; print(yaml.safe_load(open(sys.argv[1]))["version"])' "$top/galaxy.yml")

rm -f "$out"/vads-shop-*.tar.gz "$out"/vads_sandbox-*.whl
"$venv/bin/ansible-galaxy" collection build --force --output-path "$out" "$top" >/dev/null
# pip builds the wheel in an isolated environment with the setuptools that sandbox/pyproject.toml asks for.
"$venv/bin/python" -m pip wheel -q --disable-pip-version-check --no-deps -w "$out" "$top/sandbox" >/dev/null
tarball=$out/vads-shop-$version.tar.gz
wheel=$(ls "$out"/vads_sandbox-*.whl)
echo "dist: built $(basename "$tarball") and $(basename "$wheel")"
[ "${DIST_CHECK:-1}" = 0 ] && exit 0

work=${DIST_WORKDIR:-$(mktemp -d "${TMPDIR:-/tmp}/vads-dist.XXXXXX")}
mkdir -p "$work"
work=$(cd "$work" && pwd)
[ -z "${DIST_WORKDIR:-}" ] && trap 'rm -rf "$work"' EXIT

# 1. Only what a user runs is in the tarball.
dev=$(tar tzf "$tarball" | grep -E '^(tests|tools|bench|sandbox/vads_sandbox|\.ci|\.venv[^/]*|build|dist|changelogs/fragments)/|^(Makefile|ansible\.cfg|pytest\.ini|requirements-dev\.txt|\.ansible-lint|\.gitignore)$' || true)
[ -z "$dev" ] || { echo "dist: development files in the tarball:"; echo "$dev"; exit 1; }

# 2. A fresh venv: ansible-core as pinned for development, ansible-runner, the runtime requirements, the wheel.
core=$(grep -E '^ansible-core==' "$top/requirements-dev.txt")
runner=$(grep -E '^ansible-runner==' "$top/requirements-dev.txt")
"$venv/bin/python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --disable-pip-version-check "$core" "$runner" -r "$top/requirements.txt" "$wheel"
"$work/venv/bin/ansible-galaxy" collection install -p "$work/collections" "$tarball" >/dev/null

# 3. Everything documented, from the installed collection only (run outside the checkout).
cd "$work"
export ANSIBLE_COLLECTIONS_PATH=$work/collections ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=False
modules=$("$work/venv/bin/ansible-doc" -l vads.shop 2>/dev/null | awk '{print $1}')
count=$(echo "$modules" | grep -c '^vads\.shop\.' || true)
[ "$count" -ge 7 ] || { echo "dist: ansible-doc lists $count modules"; exit 1; }
for m in $modules; do "$work/venv/bin/ansible-doc" "$m" >/dev/null; done
for r in golive rotate_certificate rollback; do "$work/venv/bin/ansible-doc" -t role "vads.shop.$r" >/dev/null; done
echo "dist: ansible-doc renders $count modules and 3 roles from the installed collection"
echo "dist: vads-sandbox --version: $("$work/venv/bin/vads-sandbox" --version)"

# 4. The go-live by name, through ansible-runner, against the sandbox from the wheel.
"$work/venv/bin/python" "$top/tools/dist_check.py" --workdir "$work/golive"
echo "dist: OK"

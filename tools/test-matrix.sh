#!/usr/bin/env bash
# make test-matrix: the tests on every supported ansible-core, each in its own venv (.venv-matrix/<version>).
#   unit + integration tests (pytest, everything but the quality gates and the dist/docs builds),
#   then ansible-test sanity with that version, then ansible-lint.
# `make test` stays on the one version pinned in requirements-dev.txt.
# Env: MATRIX (default: every supported minor, newest patch, each with a Python it supports; see below),
#      VADS_TEST_WORKERS (pytest-xdist workers, default 3). Prints one line per version and a table at the end.
set -uo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
# ansible-core version and the Python it runs on as a controller (pyenv holds them here; any python3.X on PATH does).
MATRIX=${MATRIX:-"2.17.14:3.11 2.18.19:3.11 2.19.14:3.11 2.20.10:3.12 2.21.5:3.12"}
results=()
status=0
pick_python() {
  # The first that runs: a pyenv shim on PATH exists for every version pyenv holds, but fails for one that
  # is not active ("pyenv: python3.12: command not found").
  local want=$1 p
  for p in "python$want" "$HOME/.pyenv/versions/$want"*/bin/python; do
    p=$(command -v "$p" 2>/dev/null) || continue
    "$p" -c 'import sys' >/dev/null 2>&1 && { echo "$p"; return; }
  done
  return 1
}
for entry in $MATRIX; do
  core=${entry%%:*}; pyver=${entry##*:}
  py=$(pick_python "$pyver") || { results+=("$core  python $pyver not found  FAILED"); status=1; continue; }
  venv=$top/.venv-matrix/$core
  log=$top/build/matrix/$core.log
  mkdir -p "$(dirname "$log")"
  start=$SECONDS
  # .done holds a hash of the requirement files and of the linking script: a venv is brought up to date when
  # they change.
  want=$( (cat requirements.txt requirements-dev.txt sandbox/pyproject.toml tools/link-collection.sh
           find sandbox/vads_sandbox -type f -name '*.py' -o -name '*.json' | sort) | sha256sum | cut -c1-16)
  {
    if [ "$(cat "$venv/.done" 2>/dev/null)" != "$want" ]; then
      { [ -x "$venv/bin/python" ] || "$py" -m venv "$venv"; } &&
      # ansible-lint unpinned: pip takes the newest release that supports this ansible-core.
      { grep -v -E '^(ansible-core==|ansible-lint==|-r )' requirements-dev.txt; echo ansible-lint; } >"$log.req" &&
      "$venv/bin/python" -m pip install -q --disable-pip-version-check \
        -r requirements.txt -r "$log.req" "ansible-core==$core" -e ./sandbox --config-settings editable_mode=strict &&
      tools/link-collection.sh "$venv" && echo "$want" >"$venv/.done"
    fi
  } >"$log" 2>&1 || { results+=("$core  venv set-up failed (see $log)  FAILED"); status=1; continue; }
  got=$("$venv/bin/python" -c 'from importlib.metadata import version as v; print("ansible-core %s, ansible-lint %s" % (v("ansible-core"), v("ansible-lint")))')
  w=${VADS_TEST_WORKERS:-3}
  "$venv/bin/python" -m pytest -q -p no:cacheprovider -n "$w" --dist load --maxschedchunk 1 tests \
      --ignore=tests/test_quality.py --ignore=tests/dist --ignore=tests/docs >>"$log" 2>&1
  t=$?
  VENV=$venv tools/sanity.sh >>"$log" 2>&1; s=$?
  VENV=$venv tools/lint.sh >>"$log" 2>&1; l=$?
  tests=$(grep -E '^[0-9]+ (passed|failed)|[0-9]+ passed' "$log" | tail -1)
  word() { [ "$1" = 0 ] && echo ok || echo FAILED; }
  line="$core  (python $pyver; $got)  pytest: $(word $t) [$tests]  sanity: $(word $s)  lint: $(word $l)  $((SECONDS - start))s"
  echo "$line"
  results+=("$line")
  [ $t -eq 0 ] && [ $s -eq 0 ] && [ $l -eq 0 ] || status=1
done
echo
echo "test-matrix:"
printf '  %s\n' "${results[@]}"
exit $status

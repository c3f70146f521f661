#!/usr/bin/env bash
# make docs: lint the collection's docs with antsibull-docs, build its HTML site (the one docs.ansible.com
# builds for collections) into build/docs/html, and check that every module, filter and role has its
# page, with Sphinx warnings as errors. Offline: intersphinx is off, and the labels the generated pages
# borrow from Ansible's docs (common_return_values, ansible_configuration_settings, action_plugins) get a
# local page.
# Env: DOCS_VENV (default .venv-docs, created from tools/docs-requirements.txt), DOCS_DIR (default build/docs).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
venv=${DOCS_VENV:-$top/.venv-docs}
dest=${DOCS_DIR:-$top/build/docs}
if [ ! -f "$venv/.done" ] || [ "$top/tools/docs-requirements.txt" -nt "$venv/.done" ]; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$top/tools/docs-requirements.txt"
  touch "$venv/.done"
fi
export PATH=$venv/bin:$PATH
# The collection as ansible-doc sees it: this checkout under ansible_collections/vads/shop.
coll=$(mktemp -d "${TMPDIR:-/tmp}/vads-docs.XXXXXX")
trap 'rm -rf "$coll"' EXIT
mkdir -p "$coll/ansible_collections/vads"
ln -s "$top" "$coll/ansible_collections/vads/shop"
export ANSIBLE_COLLECTIONS_PATH=$coll ANSIBLE_COLLECTIONS_SCAN_SYS_PATH=False

(cd "$coll/ansible_collections/vads/shop" && antsibull-docs lint-collection-docs --plugin-docs .)
echo "docs: antsibull-docs lint-collection-docs --plugin-docs: clean"

rm -rf "$dest"
mkdir -p "$dest"
antsibull-docs sphinx-init --use-current --dest-dir "$dest" vads.shop >/dev/null
sed -i 's/^intersphinx_mapping = {/intersphinx_mapping = {}\n_online_intersphinx_mapping = {/' "$dest/conf.py"
mkdir -p "$dest/rst"
chmod og-w "$dest/rst"
antsibull-docs --config-file "$dest/antsibull-docs.cfg" collection --cleanup everything --use-current \
  --dest-dir "$dest/rst" vads.shop >/dev/null
cat >"$dest/rst/common_return_values.rst" <<'RST'
:orphan:

.. _common_return_values:

Common return values
====================

Every module also returns Ansible's common values (``changed``, ``failed``, ``msg``, ...); see
"Return Values" in the Ansible documentation.

.. _ansible_configuration_settings:

Ansible configuration settings
==============================

See "Ansible Configuration Settings" in the Ansible documentation.

.. _action_plugins:

Action plugins
==============

A module with an action plugin runs on the controller; see "Action plugins" in the Ansible documentation.
RST
sphinx-build -M html "$dest/rst" "$dest/build" -c "$dest" -q -W --keep-going
html=$dest/build/html/collections/vads/shop
missing=()
for f in "$top"/plugins/modules/*.py; do n=$(basename "$f" .py); [ -f "$html/${n}_module.html" ] || missing+=("$n module"); done
for f in "$top"/plugins/filter/*.yml; do n=$(basename "$f" .yml); [ -f "$html/${n}_filter.html" ] || missing+=("$n filter"); done
for d in "$top"/roles/*/; do n=$(basename "$d"); [ -f "$html/${n}_role.html" ] || missing+=("$n role"); done
[ ${#missing[@]} -eq 0 ] || { echo "docs: pages missing: ${missing[*]}"; exit 1; }
echo "docs: site built in $dest/build/html ($(ls "$html" | grep -c '\.html$') pages for vads.shop, no warnings)"

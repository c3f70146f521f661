#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: certificate
short_description: Install a shop's TEST or PRODUCTION key in the merchant server's configuration
version_added: 0.1.0
description:
  - Installs (or removes) the key ("certificat") of one mode in the merchant's store, so that the
    shop signs its forms with it; step 14.2 of the go-live and the rollout of step 14.4.
  - Validates the key first. Surrounding white space is trimmed, and it must be 8 to 64 letters or
    digits. A PRODUCTION key that is a placeholder or equal to the test key is refused unless O(force=true).
  - The key is never returned, logged or shown in a diff; a fingerprint (C(sha256:) and the first 8 hex
    digits of its SHA-256) stands for it.
  - A file that holds a key loses access for other users (never wider; owner and group kept) unless
    O(store.file_mode) says otherwise.
  - Takes a list of shops in O(shops), handled in this one call with one read-modify-write per file.
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - vads.shop.store.certificate
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
    details:
      - Keys appear in the diff only as fingerprints, on both sides.
  platform:
    platforms: posix
notes:
  - On a store that keeps one key for the current mode, only the key of the current mode can be
    installed; use M(vads.shop.ctx_mode) with O(vads.shop.ctx_mode#module:key) to change mode and key together.
seealso:
  - module: vads.shop.ctx_mode
  - module: vads.shop.shop_info
author:
  - vads.shop contributors (@vads-shop)
"""

EXAMPLES = r"""
- name: Install the production key, kept in ansible-vault
  vads.shop.certificate:
    store:
      type: dotenv
      path: /srv/lyon/.env
    mode: PRODUCTION
    value: "{{ vault_key_prod_lyon }}"
    backup: true

- name: Install the production keys of several shops of one INI file
  vads.shop.certificate:
    mode: PRODUCTION
    store:
      type: ini
      path: /etc/shops/payment.ini
    shops:
      - name: lyon
        store: {keys: {key_prod: lyon.key_prod, key_test: lyon.key_test}}
        value: "{{ vault_key_prod_lyon }}"
      - name: nice
        store: {keys: {key_prod: nice.key_prod, key_test: nice.key_test}}
        value: "{{ vault_key_prod_nice }}"
"""

RETURN = r"""
shops:
  description: One result per shop, in the order given.
  returned: success
  type: list
  sample:
    - name: boutique-lyon
      store: dotenv:/srv/lyon/.env
      changed: true
      mode: PRODUCTION
      state: present
      fingerprint: sha256:1a2b3c4d
      fingerprint_before: null
      file_mode: '0600'
      backup_file: /srv/lyon/.env.12345.2026-12-01@10:15:02~
      cache_cleaned: false
  elements: dict
  contains:
    name:
      description: The shop's name.
      type: str
      sample: boutique-lyon
    store:
      description: The store's type and location.
      type: str
      sample: dotenv:/srv/lyon/.env
    changed:
      description: Whether this shop's store changed (or would, in check mode).
      type: bool
      sample: true
    mode:
      description: Which key.
      type: str
      sample: PRODUCTION
    state:
      description: V(present) or V(absent).
      type: str
      sample: present
    fingerprint:
      description: Fingerprint of the key now installed (V(null) when absent). Never the key.
      type: str
      sample: sha256:1a2b3c4d
    fingerprint_before:
      description: Fingerprint of the key that was installed before.
      type: str
      sample: null
    file_mode:
      description: The file's permissions after the run, for file stores.
      type: str
      sample: "0600"
    backup_file:
      description: The backup made before the change, with O(backup=true).
      type: str
      sample: /srv/lyon/.env.12345.2026-12-01@10:15:02~
      returned: when a backup was made
    cache_cleaned:
      description: Magento stores with O(store.magento_root) - the config cache was cleaned after the change
        (in check mode, it would be).
      type: bool
      sample: false
      returned: when a Magento config cache was cleaned
"""

# First of the collection's imports: each module_utils file below is then compiled once, not twice.
from ansible_collections.vads.shop.plugins.module_utils import compile_once  # noqa: F401 pylint: disable=unused-import
from ansible_collections.vads.shop.plugins.module_utils.batch import Batch, FleetModule, argument_spec
from ansible_collections.vads.shop.plugins.module_utils.merchant import Certificate


def main():
    module = FleetModule(argument_spec=argument_spec(Certificate.options), supports_check_mode=True)
    Batch(module, Certificate()).run()


if __name__ == "__main__":
    main()

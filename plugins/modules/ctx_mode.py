#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: ctx_mode
short_description: Set the context mode (TEST or PRODUCTION) a shop's payment forms carry
version_added: 0.1.0
description:
  - Sets C(vads_ctx_mode) in the merchant server's configuration, step 14.2 of the go-live
    ("Activer la boutique en mode production"). The mode also picks which key signs the forms.
  - Refuses V(PRODUCTION) while the store's production key is missing, malformed, a placeholder
    (C(2222222222222222), C(1111111111111111), one repeated character) or equal to the test key,
    unless O(force=true).
  - Takes a list of shops in O(shops) and handles them in this one call, with one read-modify-write
    per file. Every shop is validated before anything is written.
  - Edits files in place (comments, order, quoting and unrelated settings are kept) and replaces them
    atomically. A file that holds a key loses access for other users (never wider; owner and group
    kept) unless O(store.file_mode) says otherwise.
options:
  info:
    description:
      - Also return, for each shop, what M(vads.shop.shop_info) reports (RV(shops[].info)), read from its
        store again after this call's writes (in check mode, as read before), so that a play needs no
        second module call to read the stores back.
      - Once per call, not per shop.
    type: bool
    default: false
    version_added: 0.2.0
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - vads.shop.store.ctx_mode
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
    details:
      - The diff lists the shop's settings before and after; keys, including those read from the
        store, appear only as fingerprints (C(sha256:) and 8 hex digits).
  platform:
    platforms: posix
notes:
  - After switching a shop to PRODUCTION, prove the production key with M(vads.shop.payment_probe)
    where it is available, and register the PRODUCTION notification URL in the Back Office.
seealso:
  - module: vads.shop.certificate
  - module: vads.shop.shop_info
author:
  - vads.shop contributors (@vads-shop)
"""

EXAMPLES = r"""
- name: Switch one shop to production (its production key is already installed)
  vads.shop.ctx_mode:
    store:
      type: dotenv
      path: /srv/lyon/.env
    mode: PRODUCTION

- name: Switch every shop of this host in one call
  vads.shop.ctx_mode:
    mode: PRODUCTION
    store:
      type: yaml
    shops:
      - name: boutique-lyon
        store: {path: /srv/lyon/config/payzen.yaml}
      - name: boutique-nice
        store: {path: /srv/nice/config/payzen.yaml}

- name: A django-payzen site keeps one key, so mode and key change together
  vads.shop.ctx_mode:
    store:
      type: dotenv
      path: /srv/django/.env
      keys:
        ctx_mode: VADS_CTX_MODE
        key: VADS_CERTIFICATE
    mode: PRODUCTION
    key: "{{ vault_key_prod }}"
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
      ctx_mode_before: TEST
      ctx_mode: PRODUCTION
      fingerprint: sha256:1a2b3c4d
      file_mode: '0600'
      backup_file: /srv/lyon/.env.12345.2026-12-01@10:15:02~
      cache_cleaned: false
      info: {"name": "boutique-lyon", "ctx_mode": "PRODUCTION", "key_prod_fingerprint": "sha256:1a2b3c4d",
             "ready_for_production": true, "problems": []}
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
    ctx_mode_before:
      description: The mode the store held before, as written there (V(null) when unset).
      type: str
      sample: TEST
    ctx_mode:
      description: The mode the store holds now.
      type: str
      sample: PRODUCTION
    fingerprint:
      description: Fingerprint of the key that signs in the new mode (never the key).
      type: str
      sample: sha256:1a2b3c4d
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
    info:
      description:
        - The shop's store read back after this call, with the fields M(vads.shop.shop_info) returns for a
          shop (name, store, site id, mode, key fingerprints, readiness, problems; never a key).
        - A store that could not be read back has only C(read_error).
        - Also returned when the call fails on a problem, for the shops whose store could be read.
      type: dict
      returned: with O(info=true)
      sample: {"name": "boutique-lyon", "ctx_mode": "PRODUCTION", "key_prod_fingerprint": "sha256:1a2b3c4d",
               "ready_for_production": true, "problems": []}
"""

# First of the collection's imports: each module_utils file below is then compiled once, not twice.
from ansible_collections.vads.shop.plugins.module_utils import compile_once  # noqa: F401 pylint: disable=unused-import
from ansible_collections.vads.shop.plugins.module_utils.batch import Batch, FleetModule, argument_spec
from ansible_collections.vads.shop.plugins.module_utils.merchant import CtxMode, describe


def main():
    spec = argument_spec(CtxMode.options)
    spec["info"] = {"type": "bool", "default": False}  # once per call, not per shop
    module = FleetModule(argument_spec=spec, supports_check_mode=True)
    Batch(module, CtxMode(), read_back=describe if module.params["info"] else None).run()


if __name__ == "__main__":
    main()

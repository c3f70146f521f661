#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: shop_info
short_description: Read a shop's gateway settings and say whether it is ready for production
version_added: 0.1.0
description:
  - Reads each shop's store and reports its site id, context mode, signature algorithm (normalised to
    C(HMAC-SHA-256) or C(SHA-1)), the fingerprints of its keys, whether it is ready for production,
    and its problems in plain words.
  - Never returns a key.
  - Takes a list of shops in O(shops), read in this one call.
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - vads.shop.store.shop_info
attributes:
  check_mode:
    support: full
    details:
      - The module only reads; it runs the same in check mode.
  diff_mode:
    support: none
  platform:
    platforms: posix
seealso:
  - module: vads.shop.ctx_mode
  - module: vads.shop.certificate
author:
  - vads.shop contributors (@vads-shop)
"""

EXAMPLES = r"""
- name: Read the shops of this host
  vads.shop.shop_info:
    store:
      type: dotenv
    shops:
      - name: boutique-lyon
        store: {path: /srv/lyon/.env}
      - name: boutique-nice
        store: {path: /srv/nice/.env}
  register: before

- name: Stop when a shop is not ready
  ansible.builtin.assert:
    that: item.ready_for_production
    fail_msg: "{{ item.name }}: {{ item.problems | join('; ') }}"
  loop: "{{ before.shops }}"
  loop_control:
    label: "{{ item.name }}"
"""

RETURN = r"""
shops:
  description: One entry per shop, in the order given.
  returned: success
  type: list
  sample:
    - name: boutique-lyon
      store: dotenv:/srv/lyon/.env
      site_id: '40127895'
      ctx_mode: TEST
      sign_algo: HMAC-SHA-256
      url_check: https://boutique-lyon.example.com/payzen/ipn
      key_test_fingerprint: sha256:1a2b3c4d
      key_prod_fingerprint: sha256:1a2b3c4d
      single_key: false
      file_mode: '0600'
      ready_for_production: true
      problems: []
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
    site_id:
      description: The shop id (C(vads_site_id)), as written in the store.
      type: str
      sample: "40127895"
    ctx_mode:
      description: The context mode, as written in the store (V(null) when unset).
      type: str
      sample: TEST
    sign_algo:
      description: The signature algorithm, normalised; V(null) when the store holds an unknown spelling.
      type: str
      sample: HMAC-SHA-256
    url_check:
      description: The notification URL the store sends in C(vads_url_check), where it keeps one.
      type: str
      sample: https://boutique-lyon.example.com/payzen/ipn
    key_test_fingerprint:
      description: Fingerprint of the TEST key (V(null) when absent).
      type: str
      sample: sha256:1a2b3c4d
    key_prod_fingerprint:
      description: Fingerprint of the PRODUCTION key (V(null) when absent).
      type: str
      sample: sha256:1a2b3c4d
    single_key:
      description: Whether the store keeps one key for the current mode.
      type: bool
      sample: false
    file_mode:
      description: The file's permissions, for file stores.
      type: str
      sample: "0600"
    ready_for_production:
      description: Whether the store could sign PRODUCTION forms right after the switch.
      type: bool
      sample: true
    problems:
      description: What is wrong, in plain words; the ones that block production come first.
      type: list
      sample: []
      elements: str
"""

# First of the collection's imports: each module_utils file below is then compiled once, not twice.
from ansible_collections.vads.shop.plugins.module_utils import compile_once  # noqa: F401 pylint: disable=unused-import
from ansible_collections.vads.shop.plugins.module_utils.batch import Batch, FleetModule, argument_spec
from ansible_collections.vads.shop.plugins.module_utils.merchant import ShopInfo


def main():
    module = FleetModule(argument_spec=argument_spec(ShopInfo.options, writes=False), supports_check_mode=True)
    Batch(module, ShopInfo()).run()


if __name__ == "__main__":
    main()

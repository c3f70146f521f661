#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: rest_keys
short_description: Install a shop's TEST or PRODUCTION REST API keys (embedded form) in the merchant's store
version_added: 0.2.0
description:
  - Installs (or removes) the three REST API keys of one mode that a shop paying through the embedded form
    (smartForm, REST API V4) needs - the private key (REST password), the public key and the HMAC-SHA-256
    key - as the Back Office shows them under Settings > Shop > REST API keys (Paramétrage > Boutique >
    Clés de l'API REST).
  - Step 14.2 of the go-live for embedded-form shops; without its production REST keys such a shop keeps
    calling the REST API with its TEST keys after the switch.
  - Checks the keys first - a production private key starts with C(prodpassword_), a production public key
    is C(<site id>:publickey_...) for the store's site id, a TEST key is refused in a PRODUCTION slot, and
    a key equal to the other mode's is refused - unless O(force=true).
  - Canonical settings C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
    C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod). V(prestashop) C(<BRAND>_PRIVKEY_PROD),
    C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and TEST twins; V(woocommerce) C(prod_private_key),
    C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/rest_private_key_prod),
    C(rest_public_key_prod), C(rest_return_key_prod) and TEST twins. File stores keep them where O(store.keys)
    maps them.
  - Magento keeps the private and HMAC keys encrypted with its crypt key, as its C(Encryptor) does (sodium
    ChaCha20-Poly1305 IETF, C(<key version>:3:<base64>)); the key is read from C(app/etc/env.php) under
    O(store.magento_root), which is then required. Values are read back decrypted, so a second run changes nothing.
  - Keys are never returned, logged or shown in a diff; fingerprints stand for them.
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - vads.shop.store.rest_keys
attributes:
  check_mode:
    support: full
  diff_mode:
    support: full
    details:
      - Keys appear in the diff only as fingerprints, on both sides.
  platform:
    platforms: posix
seealso:
  - module: vads.shop.certificate
  - module: vads.shop.shop_info
author:
  - vads.shop contributors (@vads-shop)
"""

EXAMPLES = r"""
- name: Install the production REST keys of a PrestaShop shop, kept in ansible-vault
  vads.shop.rest_keys:
    mode: PRODUCTION
    value: "{{ vault_rest_keys_prod_lyon }}"   # {private_key, public_key, hmac_key}
    store:
      type: prestashop
      login_unix_socket: /run/mysqld/mysqld.sock
      login_user: prestashop
      login_password: "{{ vault_ps_db_password }}"
      login_db: prestashop

- name: A Magento 2 shop - its private and HMAC keys are encrypted with the crypt key of app/etc/env.php
  vads.shop.rest_keys:
    mode: PRODUCTION
    value: "{{ vault_rest_keys_prod_nice }}"
    store:
      type: magento2
      login_user: magento
      login_password: "{{ vault_magento_db_password }}"
      login_db: magento
      magento_root: /var/www/magento
"""

RETURN = r"""
shops:
  description: One result per shop, in the order given.
  returned: success
  type: list
  sample:
    - name: boutique-lyon
      store: prestashop:shop.ps_configuration (shop 1)
      changed: true
      mode: PRODUCTION
      state: present
      fingerprints:
        private_key: sha256:1a2b3c4d
        public_key: sha256:9c0d1e2f
        hmac_key: sha256:3a4b5c6d
      fingerprints_before:
        private_key: null
        public_key: null
        hmac_key: null
      cache_flush_required: false
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
      sample: prestashop:shop.ps_configuration (shop 1)
    changed:
      description: Whether this shop's store changed (or would, in check mode).
      type: bool
      sample: true
    mode:
      description: Which keys.
      type: str
      sample: PRODUCTION
    state:
      description: V(present) or V(absent).
      type: str
      sample: present
    fingerprints:
      description: Fingerprints of the keys now installed, by part (C(private_key), C(public_key), C(hmac_key)).
      type: dict
      sample:
        private_key: sha256:1a2b3c4d
        public_key: sha256:9c0d1e2f
        hmac_key: sha256:3a4b5c6d
    fingerprints_before:
      description: Fingerprints of the keys installed before.
      type: dict
      sample:
        private_key: null
        public_key: null
        hmac_key: null
    cache_flush_required:
      description: Magento stores without O(store.magento_root) - the change waits for C(bin/magento cache:clean config).
      type: bool
      sample: false
      returned: when a Magento config cache must be cleaned by hand
    cache_cleaned:
      description: Magento stores with O(store.magento_root) - the config cache was cleaned after the change.
      type: bool
      sample: false
      returned: when a Magento config cache was cleaned
"""

# First of the collection's imports: each module_utils file below is then compiled once, not twice.
from ansible_collections.vads.shop.plugins.module_utils import compile_once  # noqa: F401 pylint: disable=unused-import
from ansible_collections.vads.shop.plugins.module_utils.batch import Batch, FleetModule, argument_spec
from ansible_collections.vads.shop.plugins.module_utils.rest import RestKeys


def main():
    module = FleetModule(argument_spec=argument_spec(RestKeys.options), supports_check_mode=True)
    Batch(module, RestKeys()).run()


if __name__ == "__main__":
    main()

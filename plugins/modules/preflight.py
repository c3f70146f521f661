#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: preflight
short_description: Check every shop of a host before its go-live, in one call, changing nothing
version_added: 0.2.0
description:
  - Asks, for every shop of the call, what the go-live's steps would ask before they change anything,
    and returns every problem found, per shop, instead of stopping at the first.
  - The switch of C(vads_ctx_mode) (as M(vads.shop.ctx_mode) checks it - the mode's spelling, a store
    that maps it, the key's form), the production key kept in the vault (as M(vads.shop.certificate)
    checks it, where the store keeps two keys), the production REST API keys (as M(vads.shop.rest_keys)
    checks them), and the PRODUCTION notification URL (as M(vads.shop.notification_url) checks it; with
    the sandbox adapter, the rule the Back Office holds is read).
  - Each store is read once; the edit the go-live would make to it (mode, key and REST keys together) is
    planned, rendered and parsed back, without writing; so is a name the store does not hold (a misspelt
    O(store.keys)).
  - Returns each shop's store as read (RV(shops[].info), what M(vads.shop.shop_info) reports), the
    report's "before".
  - The role C(vads.shop.golive) runs it first on every host and stops a host with any problem before
    anything changed.
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - vads.shop.backoffice.preflight
attributes:
  check_mode:
    support: full
    details:
      - The module never changes anything; it runs the same in check mode.
  diff_mode:
    support: none
  platform:
    platforms: posix
seealso:
  - module: vads.shop.ctx_mode
  - module: vads.shop.certificate
  - module: vads.shop.rest_keys
  - module: vads.shop.notification_url
  - module: vads.shop.shop_info
author:
  - vads.shop contributors (@vads-shop)
"""

EXAMPLES = r"""
- name: Check every shop of this host before its go-live (real platform)
  vads.shop.preflight:
    backoffice:
      adapter: manual
    shops: "{{ vads_shops | vads.shop.shop_options({'name': 'name', 'store': 'store', 'site_id': 'site_id',
                                                      'notification_url': 'notification_url',
                                                      'manual_done': 'manual_done'}) }}"
    secrets: "{{ vads_shops | vads.shop.secrets({'key_prod': 'key_prod'}) }}"
  register: preflight

- name: Stop here naming every problem
  ansible.builtin.fail:
    msg: "{{ preflight.problems | join(' | ') }}"
  when: preflight.problems | length > 0
"""

RETURN = r"""
problems:
  description: Every problem of every shop, each naming its shop and the go-live step it is about. Empty when
    every shop can go live.
  returned: always
  type: list
  elements: str
  sample:
    - "shop 'lyon': 14.1 production key: the production key is the placeholder 2222222222222222 (force: true overrides)"
    - "shop 'nice': 14.2 notification URL: PRODUCTION notifications must use https:// (got http://)"
shops:
  description: One result per shop, in the order given.
  returned: always
  type: list
  elements: dict
  sample:
    - name: boutique-lyon
      info: {"name": "boutique-lyon", "ctx_mode": "TEST", "key_prod_fingerprint": "sha256:1a2b3c4d",
             "ready_for_production": true, "problems": []}
      would_change: [APP_PAYZEN_MODE]
      notification_url: {"status": "pending_manual", "instructions": {"text": "..."}}
      problems: []
  contains:
    name:
      description: The shop's name.
      type: str
      sample: boutique-lyon
    info:
      description:
        - The shop's store as read, with the fields M(vads.shop.shop_info) returns for a shop (never a key).
        - Absent when the store could not be read.
      type: dict
      returned: when the store could be read
      sample: {"name": "boutique-lyon", "ctx_mode": "TEST", "ready_for_production": true, "problems": []}
    would_change:
      description:
        - The store's settings the go-live's writes would change (names as the store spells them); empty when
          the shop's store has a problem.
        - The edits are rendered and parsed back (as the steps will write them) only when no store of the call
          has a problem; a problem found then is named in RV(problems).
      type: list
      elements: str
      sample: [APP_PAYZEN_MODE, APP_PAYZEN_KEY_PROD]
    notification_url:
      description: What the PRODUCTION notification URL step would find - C(status) (C(registered) with the
        sandbox adapter, C(pending_manual) or C(declared_done) with the manual adapter), C(url_before) (the
        URL the Back Office holds, sandbox adapter) and C(instructions) (pending manual work).
      type: dict
      returned: when the URL passed its own checks
      sample: {"status": "registered", "url_before": null}
    problems:
      description: This shop's problems, each naming the go-live step it is about.
      type: list
      elements: str
      sample: []
"""

# First of the collection's imports: each module_utils file below is then compiled once, not twice.
from ansible_collections.vads.shop.plugins.module_utils import compile_once  # noqa: F401 pylint: disable=unused-import
from ansible_collections.vads.shop.plugins.module_utils import gateway as gw
from ansible_collections.vads.shop.plugins.module_utils import preflight
from ansible_collections.vads.shop.plugins.module_utils.batch import FleetModule, merge_shops


def main():
    module = FleetModule(argument_spec=gw.fleet_argument_spec(preflight.OPTIONS), supports_check_mode=True)
    gw.configure_http(module.params)
    shops = merge_shops(module.params, ["name"] + list(preflight.OPTIONS), dict_options=("backoffice", "store"))
    module.exit_json(**preflight.run(module, shops, module.params["concurrency"]))


if __name__ == "__main__":
    main()

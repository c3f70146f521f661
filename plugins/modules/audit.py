#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: audit
short_description: Compare the inventory with what each store and the Back Office hold, read-only
version_added: 0.2.0
description:
  - For each shop, compares the inventory (wanted mode, fingerprints of the vault's keys, notification URL,
    site id, brand, REST password) with what the shop's store holds and, where the Back Office adapter can
    read it (V(sandbox)), with what the Back Office holds.
  - Flags placeholders (keys C(1111111111111111) / C(2222222222222222), site id C(12345678)), a PRODUCTION
    shop whose key is the TEST key or a placeholder, a mode the gateway would reject, a notification URL
    that does not answer as the gateway expects (O(probe)), and production keys older than
    O(key_max_age_days).
  - Each finding has a stable code, a severity (V(error), V(warning), V(info)) and a one-line fix. The codes
    are listed in C(docs/audit.md).
  - Read-only by construction; never returns a key (fingerprints only). Findings do not fail the module;
    the playbook C(playbooks/audit.yml) decides with C(vads_audit_fail_on).
  - One module call per host, one read per store file or database connection.
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - vads.shop.store.audit
options:
  host:
    description:
      - The inventory host the shops belong to, named in the fixes (C(--limit HOST)).
    type: str
    default: this host
  mode:
    description:
      - The mode every shop should be in, unless its O(shops[].ctx_mode) says otherwise.
    type: str
    default: PRODUCTION
  backoffice:
    description:
      - How to reach the Back Office, as for M(vads.shop.notification_url). Only the V(sandbox) adapter can be
        read; with V(manual) (the real platform, which has no API) the Back Office checks are skipped.
      - Only GET requests are sent.
    type: dict
    suboptions:
      adapter:
        description: V(sandbox) or V(manual).
        type: str
        choices: [sandbox, manual]
        default: manual
      url:
        description: The sandbox's base URL.
        type: str
      token:
        description:
          - The sandbox's operator token. Never logged or returned.
          - When not given, the environment variable E(VADS_BACKOFFICE_TOKEN) of the process that runs the module
            (for example set by a play's C(environment:)) is used.
        type: str
      timeout:
        description: Seconds per request.
        type: float
        default: 10
      retries:
        description: Retries of a request that could not be sent.
        type: int
        default: 3
      checklist:
        description: Ignored here (the audit writes no checklist).
        type: path
  probe:
    description:
      - POST one signed synthetic notification (an abandoned C(VADS-SHOP-PROBE-...) order, signed with the
        store's production key) to each shop's notification URL, as the gateway would, and flag a URL that
        redirects or does not answer HTTP 200-206 within 10 seconds.
      - Done the same way in check mode, so that the audit's result does not depend on it.
    type: bool
    default: false
  key_max_age_days:
    description:
      - Flag production keys older than this (V(KEY_ROTATION_DUE)). V(0) turns the check off.
      - The age comes from the Back Office (the key's generation date) where it can be read, else from the
        inventory's O(shops[].key_prod_created); otherwise it is reported as unknown and not flagged.
    type: int
    default: 365
  concurrency:
    description: Back Office requests and probes in flight at once.
    type: int
    default: 8
attributes:
  check_mode:
    support: full
    details:
      - The module only reads; it does exactly the same in check mode.
  diff_mode:
    support: none
  platform:
    platforms: posix
seealso:
  - module: vads.shop.shop_info
  - module: vads.shop.audit_report
author:
  - vads.shop contributors (@vads-shop)
"""

EXAMPLES = r"""
- name: Audit the shops of this host
  vads.shop.audit:
    host: "{{ inventory_hostname }}"
    backoffice: "{{ vads_backoffice }}"
    shops: >-
      {{ vads_shops | vads.shop.shop_options({'name': 'name', 'store': 'store', 'site_id': 'site_id',
         'brand': 'brand', 'ctx_mode': 'ctx_mode', 'key_prod': 'key_prod', 'notification_url': 'notification_url'}) }}
  register: audit

- name: Show the shops with findings
  ansible.builtin.debug:
    msg: "{{ item.name }}: {{ item.findings | map(attribute='code') | join(', ') }}"
  loop: "{{ audit.shops | selectattr('findings') }}"
  loop_control:
    label: "{{ item.name }}"
"""

RETURN = r"""
shops:
  description: One entry per shop, in the order given. The JSON report (C(docs/audit-report.schema.json)) holds these.
  returned: success
  type: list
  sample:
    - host: web-lyon
      name: boutique-lyon
      site_id: '40127895'
      brand: payzen
      store: dotenv:/srv/lyon/.env
      state: TEST
      desired_mode: PRODUCTION
      ctx_mode: TEST
      key_prod_fingerprint: sha256:1a2b3c4d
      key_test_fingerprint: sha256:5e6f7a8b
      sign_algo: HMAC-SHA-256
      key_age_days: 42
      key_age_source: backoffice
      backoffice: manual
      severity: error
      findings:
      - code: MODE_DRIFT
        severity: error
        message: the store is in TEST; the inventory wants PRODUCTION
        fix: run playbooks/golive.yml --limit web-lyon
      probe:
        done: true
        ok: true
        http_code: 200
        elapsed_ms: 84
  elements: dict
  contains:
    host:
      description: The host, from O(host).
      type: str
      sample: web-lyon
    name:
      description: The shop's name.
      type: str
      sample: boutique-lyon
    site_id:
      description: The inventory's site id.
      type: str
      sample: '40127895'
    brand:
      description: The inventory's brand, lower case.
      type: str
      sample: payzen
    store:
      description: The store's type and location.
      type: str
      sample: dotenv:/srv/lyon/.env
    state:
      description: The mode read from the store (V(TEST), V(PRODUCTION)), V(invalid) when it holds another value,
        V(unreadable) when the store could not be read.
      type: str
      sample: TEST
    desired_mode:
      description: The mode the inventory wants.
      type: str
      sample: PRODUCTION
    ctx_mode:
      description: The mode exactly as the store holds it.
      type: str
      sample: TEST
    key_prod_fingerprint:
      description: Fingerprint of the store's production key.
      type: str
      sample: sha256:1a2b3c4d
    key_test_fingerprint:
      description: Fingerprint of the store's TEST key.
      type: str
      sample: sha256:5e6f7a8b
    sign_algo:
      description: The store's signature algorithm, normalised.
      type: str
      sample: HMAC-SHA-256
    key_age_days:
      description: Age of the production key in days, where known.
      type: int
      sample: 42
    key_age_source:
      description: Where the age comes from - V(backoffice), V(inventory) or V(unknown).
      type: str
      sample: backoffice
    backoffice:
      description: The Back Office adapter used (V(sandbox) is read, V(manual) is not).
      type: str
      sample: manual
    severity:
      description: The worst finding's severity, or V(ok).
      type: str
      sample: error
    findings:
      description: What disagrees, worst first.
      type: list
      sample:
        - code: MODE_DRIFT
          severity: error
          message: the store is in TEST; the inventory wants PRODUCTION
          fix: run playbooks/golive.yml --limit web-lyon
      elements: dict
      contains:
        code:
          description: Stable code (see C(docs/audit.md)).
          type: str
          sample: MODE_DRIFT
        severity:
          description: V(error), V(warning) or V(info).
          type: str
          sample: error
        message:
          description: What was read, in plain words; fingerprints stand for keys.
          type: str
          sample: the store is in TEST; the inventory wants PRODUCTION
        fix:
          description: One line saying how to fix it.
          type: str
          sample: run playbooks/golive.yml --limit web-lyon
    probe:
      description: With O(probe=true), whether the URL was probed and how it answered.
      type: dict
      sample:
        done: true
        ok: true
        http_code: 200
        elapsed_ms: 84
      returned: when probe is true
"""

import copy

# First of the collection's imports: each module_utils file below is then compiled once, not twice.
from ansible_collections.vads.shop.plugins.module_utils import compile_once  # noqa: F401 pylint: disable=unused-import
from ansible_collections.vads.shop.plugins.module_utils.audit import DEFAULT_KEY_MAX_AGE_DAYS, SHOP_OPTIONS, Auditor
from ansible_collections.vads.shop.plugins.module_utils.backoffice import BACKOFFICE_SPEC
from ansible_collections.vads.shop.plugins.module_utils.batch import FleetModule, argument_spec, merge_shops
from ansible_collections.vads.shop.plugins.module_utils.rules import mode_problem

TOP_ONLY = {
    "host": {"type": "str", "default": "this host"},
    "mode": {"type": "str", "default": "PRODUCTION"},
    "backoffice": copy.deepcopy(BACKOFFICE_SPEC),
    "probe": {"type": "bool", "default": False},
    "key_max_age_days": {"type": "int", "default": DEFAULT_KEY_MAX_AGE_DAYS, "no_log": False},  # days, not a key
    "concurrency": {"type": "int", "default": 8},
}


def main():
    spec = argument_spec(SHOP_OPTIONS, writes=False)
    spec.update(copy.deepcopy(TOP_ONLY))
    module = FleetModule(argument_spec=spec, supports_check_mode=True)
    params = module.params
    if mode_problem(params["mode"]):
        module.fail_json(msg="mode: " + mode_problem(params["mode"]))
    if params["key_max_age_days"] < 0:
        module.fail_json(msg="key_max_age_days must be 0 (off) or a number of days")
    shops = merge_shops(params, ["name", "store"] + list(SHOP_OPTIONS))
    if not params.get("shops") and not any(shops[0].values()):
        shops = []
    auditor = Auditor(params["host"], backoffice=params["backoffice"], probe=params["probe"],
                      key_max_age_days=params["key_max_age_days"], desired_mode=params["mode"],
                      concurrency=params["concurrency"], run_command=module.run_command)
    results = auditor.run(shops)
    module.exit_json(changed=False, shops=results)


if __name__ == "__main__":
    main()

#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: payment_probe
short_description: Post a payment form signed exactly as the merchant server would, and read the gateway's verdict
version_added: 0.1.0
description:
  - Runs on the merchant host. Reads the store (read only) - site id, context mode, keys, signature
    algorithm - builds a payment form the way merchant software does (C(vads_trans_date) in UTC, a fresh
    C(vads_trans_id), C(INTERACTIVE), C(PAYMENT), C(SINGLE), C(V2)), signs it with the key of the mode, and
    posts it to the brand's payment endpoint or O(gateway_url).
  - Reports whether the gateway accepted the form, or its error code (C(00) bad signature, C(02) site id,
    C(03) transaction id, C(04) date, C(11) context mode, C(70) no signature, ...) with the reason and the
    faulty field where the page says.
  - O(mode=PRODUCTION) on a store still in TEST proves the production key before the switch.
  - Against the real platform it only checks that the form is accepted (a payment page opens); no payment is
    made. B(A rejected PRODUCTION form e-mails the rejected form to the merchant's contact), so probe in
    PRODUCTION only with a key you believe right.
  - Against the sandbox, O(card) completes the payment, for step 14.3; the transaction's uuid and status come back.
  - Takes a list of shops in O(shops); stores are read first and every shop validated before anything is posted.
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - vads.shop.backoffice.payment_probe
attributes:
  check_mode:
    support: full
    details:
      - Posts nothing; each shop is reported as skipped, with the fingerprint of the key it would use.
  diff_mode:
    support: none
  platform:
    platforms: posix
notes:
  - RV(shops[].changed) is true only when a payment was made (O(card) given); a form-only probe changes nothing.
seealso:
  - module: vads.shop.shop_info
  - module: vads.shop.transaction
author:
  - vads.shop contributors (@vads-shop)
"""

EXAMPLES = r"""
- name: Prove the production key before switching (store still in TEST)
  vads.shop.payment_probe:
    store:
      type: dotenv
      path: /srv/lyon/.env
    mode: PRODUCTION
    brand: payzen

- name: 14.3 against the sandbox - a real payment of 2 EUR with an accepted card
  vads.shop.payment_probe:
    store:
      type: dotenv
      path: /srv/lyon/.env
    gateway_url: "{{ sandbox.url }}/vads-payment/"
    card: "4970100000000000"
    order_id: GOLIVE-LYON
  register: probe
"""

RETURN = r"""
shops:
  description: One result per shop, in the order given.
  returned: always
  type: list
  sample:
    - name: boutique-lyon
      site_id: '40127895'
      mode: PRODUCTION
      accepted: true
      skipped: false
      error_code: '00'
      error_reason: null
      error_field: null
      fingerprint: sha256:1a2b3c4d
      sign_algo: SHA-1
      trans_id: '101532'
      order_id: VADS-SHOP-PROBE-20261201101532
      transaction:
        uuid: 4b8a4d2c6f0e4f0e9d5c3b2a1f0e9d8c
        status: AUTHORISED
      changed: true
  elements: dict
  contains:
    name:
      description: The shop's name.
      type: str
      sample: boutique-lyon
    site_id:
      description: The site id read from the store.
      type: str
      sample: '40127895'
    mode:
      description: The C(vads_ctx_mode) posted.
      type: str
      sample: PRODUCTION
    accepted:
      description: Whether the gateway accepted the form (V(null) in check mode).
      type: bool
      sample: true
    skipped:
      description: True in check mode.
      type: bool
      sample: false
    error_code:
      description: The gateway's error code when rejected.
      type: str
      sample: "00"
    error_reason:
      description: Machine reason where the page gives one (sandbox), e.g. C(bad_signature).
      type: str
      sample: null
    error_field:
      description: The faulty field where the page names it (TEST mode).
      type: str
      sample: null
    fingerprint:
      description: Fingerprint of the key that signed the form. Never the key.
      type: str
      sample: sha256:1a2b3c4d
    sign_algo:
      description: The algorithm the form was signed with, as the shop's own plugin signs (see M(vads.shop.shop_info)).
      type: str
      sample: SHA-1
    trans_id:
      description: The C(vads_trans_id) posted.
      type: str
      sample: '101532'
    order_id:
      description: The C(vads_order_id) posted.
      type: str
      sample: VADS-SHOP-PROBE-20261201101532
    transaction:
      description: With O(card) - the transaction made, C(uuid) and C(status).
      type: dict
      sample:
        uuid: 4b8a4d2c6f0e4f0e9d5c3b2a1f0e9d8c
        status: AUTHORISED
    changed:
      description: Whether a payment was made (would be, in check mode).
      type: bool
      sample: true
"""

# First of the collection's imports: each module_utils file below is then compiled once, not twice.
from ansible_collections.vads.shop.plugins.module_utils import compile_once  # noqa: F401 pylint: disable=unused-import
from ansible_collections.vads.shop.plugins.module_utils import gateway as gw
from ansible_collections.vads.shop.plugins.module_utils import payment
from ansible_collections.vads.shop.plugins.module_utils.batch import Batch, FleetModule
from ansible_collections.vads.shop.plugins.module_utils.store import STORE_OPTIONS

OWN = {
    "store": {"type": "dict", "options": STORE_OPTIONS},
    "mode": {"type": "str", "choices": ["TEST", "PRODUCTION"]},
    "key": {"type": "str", "no_log": True},
    "brand": {"type": "str"},
    "gateway_url": {"type": "str"},
    "card": {"type": "str"},
    "amount": {"type": "int", "default": 200},
    "currency": {"type": "str", "default": "978"},
    "order_id": {"type": "str"},
    "url_check": {"type": "str"},
    "fail_on_error": {"type": "bool", "default": True},
    "timeout": {"type": "float", "default": 30},
}


def _probe(module, entry):
    shop = entry["shop"]
    result = entry["result"]
    order_id = shop.get("order_id") or "VADS-SHOP-PROBE-%s" % gw.trans_date()
    fields = payment.form(entry["signing"], shop, order_id)
    result.update(trans_id=fields["vads_trans_id"], order_id=order_id, accepted=None, skipped=False,
                  error_code=None, error_reason=None, error_field=None, transaction=None,
                  changed=bool(shop.get("card")))
    if module.check_mode:
        result["skipped"] = True
        return entry
    try:
        result.update(payment.post(fields, shop))
    except gw.GatewayError as exc:
        entry["error"] = str(exc)
        result["changed"] = False
        return entry
    result["changed"] = bool(result["transaction"])
    if not result["accepted"]:
        entry["rejected"] = True
    return entry


def main():
    module = FleetModule(argument_spec=gw.fleet_argument_spec(OWN), supports_check_mode=True)
    gw.configure_http(module.params)
    names = ["name"] + list(OWN)
    shops = gw.merge_fleet(module.params, names, dict_options=("store",))
    reader = payment.ReadSigning()
    # Batch labels shops (name or store location), validates all of them and fails naming each bad one.
    read = Batch(module, reader).execute(shops)
    entries = []
    for original, summary in zip(shops, read["shops"]):
        shop = dict(original, name=summary["name"])
        result = {"name": summary["name"], "site_id": summary["site_id"], "mode": summary["mode"],
                  "fingerprint": summary["fingerprint"], "sign_algo": summary["sign_algo"]}
        entries.append({"shop": shop, "name": summary["name"], "signing": reader.signing[id(original)],
                        "result": result})
    gw.run_all(lambda e: _probe(module, e), entries, module.params["concurrency"])
    out = {"shops": [e["result"] for e in entries], "changed": any(e["result"]["changed"] for e in entries)}
    errors = ["shop %r: %s" % (e["name"], e["error"]) for e in entries if e.get("error")]
    errors += ["shop %r: %s" % (e["name"], payment.rejection(e["result"]))
               for e in entries if e.get("rejected") and e["shop"].get("fail_on_error", True) is not False]
    if errors:
        module.fail_json(msg=" | ".join(errors), **out)
    module.exit_json(**out)


if __name__ == "__main__":
    main()

#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: transaction
short_description: Read or cancel a payment through the REST API V4, and see its notification status
version_added: 0.1.0
description:
  - Reads a transaction (C(Transaction/Get) by uuid, or C(Order/Get) by order id) with the shop's REST API
    password, which also picks the mode (C(testpassword_...) or C(prodpassword_...)).
  - O(state=cancelled) cancels it (C(Transaction/CancelOrRefund), C(resolutionMode=CANCELLATION_ONLY)) so
    that the first real payment of step 14.3 is never remitted. An already cancelled transaction is left
    alone, so a rerun changes nothing.
  - With O(backoffice), also reports the transaction's notification status ("Statut URL de notification"),
    which no public API exposes - the sandbox adapter reads it (and can wait for it with
    O(wait_notification)); the manual adapter reports V(unknown) and where to look.
  - Retries with exponential backoff after HTTP 5xx, connection errors and timeouts. A cancel that timed out
    and was retried is recognised (the transaction is then already cancelled).
  - Against the sandbox, O(pay) runs step 14.3 in one call - the first payment made where its order has none,
    then cancelled, its notification checked - so that a fleet's payments, notifications and cancellations
    overlap (O(concurrency) shops at a time).
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - vads.shop.backoffice.transaction
attributes:
  check_mode:
    support: full
    details:
      - Reads only; reports whether it would cancel.
  diff_mode:
    support: none
  platform:
    platforms: posix
seealso:
  - module: vads.shop.payment_probe
  - module: vads.shop.notification_url
author:
  - vads.shop contributors (@vads-shop)
"""

EXAMPLES = r"""
- name: 14.3 cancel the first production payment and check its notification was sent
  vads.shop.transaction:
    site_id: "12345678"
    password: "{{ vault_rest_password_prod }}"
    brand: payzen
    uuid: "{{ probe.shops[0].transaction.uuid }}"
    state: cancelled
    backoffice:
      adapter: manual
  delegate_to: localhost

- name: 14.3 against the sandbox in one call - pay where the order has no payment yet, cancel, check the notification
  vads.shop.transaction:
    api_url: "{{ sandbox.url }}"
    mode: PRODUCTION
    state: cancelled
    backoffice:
      adapter: sandbox
      url: "{{ sandbox.url }}"
      token: "{{ sandbox.token }}"
    wait_notification: 10
    resend_notification: true
    pay:
      card: "4970100000000000"
      gateway_url: "{{ sandbox.url }}/vads-payment/"
    shops:
      - name: boutique-lyon
        site_id: "12345678"
        order_id: GOLIVE-12345678
        store: {type: dotenv, path: /srv/lyon/.env}
  register: first_payment

- name: Against the sandbox, wait for the notification
  vads.shop.transaction:
    site_id: "12345678"
    password: "{{ rest_password }}"
    api_url: "{{ sandbox.url }}"
    order_id: GOLIVE-12345678
    backoffice:
      adapter: sandbox
      url: "{{ sandbox.url }}"
      token: "{{ sandbox.token }}"
    wait_notification: 10
  register: tx
  failed_when: tx.shops[0].notification.status != 'sent'
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
      found: true
      uuid: 4b8a4d2c6f0e4f0e9d5c3b2a1f0e9d8c
      status: UNPAID
      detailed_status: CANCELLED
      amount: 200
      currency: EUR
      order_id: GOLIVE-40127895
      cancelled: true
      paid: true
      payment:
        trans_id: '101532'
        fingerprint: sha256:1a2b3c4d
        sign_algo: HMAC-SHA-256
      changed: true
      notification:
        resent: false
        status: sent
        url: https://boutique-lyon.example.com/payzen/ipn
        url_source: rule
        attempts: 1
        redirected: false
        last_error: null
  elements: dict
  contains:
    name:
      description: The shop's name.
      type: str
      sample: boutique-lyon
    site_id:
      description: The shop id.
      type: str
      sample: '40127895'
    mode:
      description: TEST or PRODUCTION, from the password.
      type: str
      sample: PRODUCTION
    found:
      description: Whether the transaction was found.
      type: bool
      sample: true
    uuid:
      description: The transaction's uuid.
      type: str
      sample: 4b8a4d2c6f0e4f0e9d5c3b2a1f0e9d8c
    status:
      description: The REST status (C(PAID), C(UNPAID), ...); after a cancel in check mode, still the current one.
      type: str
      sample: UNPAID
    detailed_status:
      description: The platform status (C(AUTHORISED), C(CANCELLED), C(REFUSED), ...).
      type: str
      sample: CANCELLED
    amount:
      description: Amount in the smallest currency unit.
      type: int
      sample: 200
    currency:
      description: Currency (alpha code, as the REST API answers).
      type: str
      sample: EUR
    order_id:
      description: The order id.
      type: str
      sample: GOLIVE-40127895
    cancelled:
      description: Whether this run cancelled it (would, in check mode).
      type: bool
      sample: true
    paid:
      description: Whether this run made the payment, with O(pay) (would, in check mode).
      type: bool
      sample: true
    payment:
      description:
        - With O(pay), when this run posted the payment form (or would, in check mode) - the C(vads_trans_id)
          posted, and the fingerprint of the key and the algorithm that signed the form. Never the key.
        - Also kept when the form was refused or its answer lost (RV(shops[].paid) is then V(false)), since a payment that
          went through anyway carries that C(vads_trans_id).
      type: dict
      returned: when the payment form was posted (or would be, in check mode)
      sample:
        trans_id: '101532'
        fingerprint: sha256:1a2b3c4d
        sign_algo: HMAC-SHA-256
    changed:
      description: Whether this run cancelled, paid or resent a notification (would, in check mode).
      type: bool
      sample: true
    notification:
      description:
        - With O(backoffice) - the notification's C(status) (V(sent), V(pending), V(failed), V(not sent), or
          V(unknown) with the manual adapter), C(url), C(attempts), C(redirected) where visible, and
          C(instructions) (manual adapter).
      type: dict
      sample:
        resent: false
        status: sent
        url: https://boutique-lyon.example.com/payzen/ipn
        url_source: rule
        attempts: 1
        redirected: false
        last_error: null
      returned: when backoffice is given and the transaction is found
"""

import time

from ansible.module_utils.basic import env_fallback

# First of the collection's imports: each module_utils file below is then compiled once, not twice.
from ansible_collections.vads.shop.plugins.module_utils import compile_once  # noqa: F401 pylint: disable=unused-import
from ansible_collections.vads.shop.plugins.module_utils import backoffice as bo
from ansible_collections.vads.shop.plugins.module_utils import gateway as gw
from ansible_collections.vads.shop.plugins.module_utils import payment
from ansible_collections.vads.shop.plugins.module_utils.batch import Batch, FleetModule
from ansible_collections.vads.shop.plugins.module_utils.rules import site_id_problem
from ansible_collections.vads.shop.plugins.module_utils.store import STORE_OPTIONS

OWN = {
    "site_id": {"type": "str"},
    "password": {"type": "str", "no_log": True, "fallback": (env_fallback, ["VADS_REST_PASSWORD"])},
    "mode": {"type": "str"},
    "api_url": {"type": "str"},
    "brand": {"type": "str"},
    "uuid": {"type": "str"},
    "order_id": {"type": "str"},
    "state": {"type": "str", "choices": ["present", "cancelled"], "default": "present"},
    "missing_ok": {"type": "bool", "default": False},
    "wait_notification": {"type": "float", "default": 0},
    "resend_notification": {"type": "bool", "default": False},
    "backoffice": bo.BACKOFFICE_SPEC,
    "retries": {"type": "int", "default": 3},
    "timeout": {"type": "float", "default": 10},
    # No defaults or required suboptions: a shop's pay is merged over the top-level one, then checked.
    "pay": {"type": "dict", "options": {
        "card": {"type": "str"},
        "gateway_url": {"type": "str"},
        "amount": {"type": "int"},
        "currency": {"type": "str"},
        "timeout": {"type": "float"},
    }},
    "store": {"type": "dict", "options": STORE_OPTIONS},
}

NOT_FOUND = ("PSP_010",)


def _check(shop):
    problems = []
    problem = site_id_problem(shop.get("site_id"))
    if problem:
        problems.append(problem)
    if not shop.get("password"):
        if not bo.is_sandbox(shop.get("backoffice")):
            problems.append("password (the REST API password) is required; only the sandbox adapter can read it "
                            "from the Back Office")
        elif shop.get("mode") not in ("TEST", "PRODUCTION"):
            problems.append("mode (TEST or PRODUCTION) is required to read the REST password from the Back Office")
    elif gw.password_mode(shop["password"]) is None:
        problems.append("password must start with testpassword_ or prodpassword_ (it picks the mode); is it the "
                        "REST API password, not a key?")
    _url, problem = gw.rest_base(shop.get("brand"), shop.get("api_url"))
    if problem:
        problems.append(problem)
    if bool(shop.get("uuid")) == bool(shop.get("order_id")):
        problems.append("give exactly one of uuid and order_id")
    if shop.get("backoffice"):
        problems.extend(bo.options_problems(shop["backoffice"]))
    if shop.get("wait_notification") and not bo.is_sandbox(shop.get("backoffice")):
        problems.append("wait_notification needs the sandbox adapter: the real platform shows the notification "
                        "status only in the Back Office")
    if shop.get("pay"):
        problems.extend(_pay_problems(shop))
    return problems


def _pay_problems(shop):
    problems = []
    if shop.get("state") != "cancelled":
        problems.append("pay needs state=cancelled: the payment it makes is cancelled in the same call")
    if not shop.get("order_id"):
        problems.append("pay needs order_id: a rerun finds the payment by it instead of paying again")
    if not shop.get("store"):
        problems.append("pay needs store: the form is signed with the store's key and algorithm")
    if not bo.is_sandbox(shop.get("backoffice")):
        # The real platform takes real cards only: there, a person pays (14.3) and the module reads that payment.
        problems.append("pay needs the sandbox adapter (backoffice.adapter: sandbox): on the real platform a person "
                        "pays with a real card and declares it; give its order_id without pay")
    if not shop["pay"].get("card"):
        problems.append("pay needs card (a sandbox card number)")
    problems.extend("pay: " + p for p in payment.card_problems(_form_shop(shop)))
    return problems


def _form_shop(shop):
    """The shop as payment_probe would take it: its store, mode, brand and the options of pay."""
    out = dict(shop["pay"], name=shop.get("name"), store=shop.get("store"), brand=shop.get("brand"),
               mode=shop.get("mode") or gw.password_mode(shop.get("password") or ""))
    return out


def _summary(tx):
    return {
        "found": True,
        "uuid": tx.get("uuid"),
        "status": tx.get("status"),
        "detailed_status": tx.get("detailedStatus"),
        "amount": tx.get("amount"),
        "currency": tx.get("currency"),
        "order_id": (tx.get("orderDetails") or {}).get("orderId"),
    }


def _find(client, shop):
    """The transaction, or None when not found."""
    try:
        if shop.get("uuid"):
            return client.get_transaction(shop["uuid"])
        order = client.get_order(shop["order_id"])
    except gw.RestError as exc:
        if exc.code in NOT_FOUND:
            return None
        raise
    found = order.get("transactions") or []
    if not found:
        return None
    return sorted(found, key=lambda t: t.get("creationDate") or "")[-1]


def _notification(shop, uuid, check_mode=False):
    client = bo.adapter(shop["backoffice"])
    if not client.can_see:
        return {"status": "unknown", "url": None, "attempts": None, "redirected": None,
                "instructions": bo.instructions("notification_sent", shop["site_id"], None, shop.get("name")),
                "resend": bo.RESEND}
    note = _seen(_wait(client, uuid, shop))
    resent = False
    if shop.get("resend_notification") and note.get("status") == "failed":
        # « Renvoyer la notification »: the merchant's endpoint may be fixed since.
        resent = True
        if not check_mode:
            note = _after_resend(client, uuid, shop, client.resend_notification(uuid))
    return {"resent": resent,
            "status": note.get("status"), "url": note.get("url"), "url_source": note.get("url_source"),
            "attempts": note.get("attempts_done"), "redirected": note.get("redirected"),
            "last_error": ([a.get("error") or ("HTTP %s" % a.get("http_code")) for a in note.get("attempts") or []
                            if not a.get("success")] or [None])[-1]}


def _seen(note):
    """The Back Office counts a transaction notified once any of its notifications was accepted, a
    manual resend included, even though the payment's own notification stays failed."""
    if note.get("delivered") and note.get("status") == "failed":
        note = dict(note, status="sent")
    return note


def _after_resend(client, uuid, shop, answer):
    """Wait for the resend's own attempt, then report it on top of the payment's notification."""
    resend_id = ((answer or {}).get("notification") or {}).get("id")
    deadline = time.monotonic() + float(shop.get("wait_notification") or 0)
    entry = None
    while resend_id is not None:
        history = client.notifications(uuid).get("notifications") or []
        entry = next((n for n in history if n.get("id") == resend_id), None)
        if entry is None or entry.get("status") != "pending" or time.monotonic() >= deadline:
            break
        time.sleep(0.2)
    note = _seen(client.transaction(uuid).get("notification") or {})
    if entry is not None:
        note = dict(note, attempts_done=(note.get("attempts_done") or 0) + (entry.get("tries") or 0),
                    status="sent" if entry.get("status") == "sent" else note.get("status"))
    return note


def _wait(client, uuid, shop):
    deadline = time.monotonic() + float(shop.get("wait_notification") or 0)
    while True:
        note = client.transaction(uuid).get("notification") or {}
        if note.get("status") != "pending" or time.monotonic() >= deadline:
            return note
        time.sleep(0.2)


def _password(shop):
    """The REST password given, or the one the sandbox Back Office shows for that mode."""
    if shop.get("password"):
        return shop["password"]
    certificates = bo.adapter(shop["backoffice"]).certificates(shop["site_id"])
    password = certificates.get("production_rest_password" if shop["mode"] == "PRODUCTION" else "test_rest_password")
    if not password:
        raise gw.GatewayError("the Back Office shows no REST password for %s mode yet (no production key?)"
                              % shop["mode"])
    return password


def _pay(module, entry, client):
    """No payment yet for the order: make it (14.3) and read it back through the REST API."""
    shop, result = entry["shop"], entry["result"]
    form_shop = _form_shop(shop)
    fields = payment.form(entry["signing"], form_shop, shop["order_id"])
    result.update(paid=True, changed=True,
                  payment={"trans_id": fields["vads_trans_id"], "fingerprint": entry["fingerprint"],
                           "sign_algo": entry["signing"]["algo"]})
    if module.check_mode:
        return None  # would pay, then cancel it once notified
    try:
        verdict = payment.post(fields, form_shop)
    except gw.GatewayError as exc:
        result.update(paid=False, changed=False)
        entry["error"] = ("the first payment's form could not be posted: %s (a payment that went through anyway "
                          "is found by its order id and cancelled on a rerun)" % exc)
        return None
    if not verdict["accepted"] or not verdict["transaction"]:
        result.update(paid=False, changed=False)
        entry["error"] = "the first payment was not made: " + (payment.rejection(verdict) if not verdict["accepted"]
                                                               else "the gateway returned no transaction")
        return None
    tx = client.get_transaction(verdict["transaction"]["uuid"])
    result.update(_summary(tx))
    return tx


def _handle(module, entry):
    shop = entry["shop"]
    try:
        shop["password"] = _password(shop)
    except gw.GatewayError as exc:
        entry["result"] = {"name": entry["name"], "site_id": shop["site_id"], "mode": shop.get("mode"),
                           "found": False, "changed": False}
        entry["error"] = str(exc)
        return entry
    base, _problem = gw.rest_base(shop.get("brand"), shop.get("api_url"))
    client = gw.RestClient(base, shop["site_id"], shop["password"], shop.get("timeout") or 10,
                           shop.get("retries") if shop.get("retries") is not None else 3)
    result = {"name": entry["name"], "site_id": shop["site_id"], "mode": gw.password_mode(shop["password"]),
              "found": False, "uuid": shop.get("uuid"), "status": None, "detailed_status": None, "amount": None,
              "currency": None, "order_id": shop.get("order_id"), "cancelled": False, "paid": False,
              "changed": False}
    entry["result"] = result
    try:
        tx = _find(client, shop)
        if tx is None and entry.get("signing"):
            tx = _pay(module, entry, client)
            if tx is None:
                return entry
        if tx is None:
            if shop.get("state") == "cancelled" or not shop.get("missing_ok"):
                entry["error"] = "transaction %s not found in %s mode" % (shop.get("uuid") or "of order %s" % shop.get("order_id"),
                                                                          result["mode"])
            return entry
        result.update(_summary(tx))
        if shop.get("state") == "cancelled":
            status = tx.get("detailedStatus")
            if status == "AUTHORISED":
                result.update(cancelled=True, changed=True)
                if not module.check_mode:
                    try:
                        result.update(_summary(client.cancel(tx["uuid"], "vads.shop: go-live check payment")))
                    except gw.RestError as exc:
                        again = client.get_transaction(tx["uuid"])  # a retried cancel may have landed already
                        if again.get("detailedStatus") != "CANCELLED":
                            raise exc
                        result.update(_summary(again))
            elif status != "CANCELLED":
                entry["error"] = "transaction %s is %s: it cannot be cancelled any more" % (tx.get("uuid"), status)
                return entry
        if shop.get("backoffice"):
            result["notification"] = _notification(shop, result["uuid"], module.check_mode)
            if result["notification"].get("resent"):
                result["changed"] = True
    except gw.GatewayError as exc:
        entry["error"] = str(exc)
    return entry


def _read_signing(module, entries):
    """What each paying shop's store signs with, read before anything is posted; a store that cannot sign
    fails the call naming each such shop, nothing changed."""
    if not entries:
        return
    reader = payment.ReadSigning()
    form_shops = [_form_shop(e["shop"]) for e in entries]
    read = Batch(module, reader).execute(form_shops)
    for entry, form_shop, summary in zip(entries, form_shops, read["shops"]):
        entry["signing"] = reader.signing[id(form_shop)]
        entry["fingerprint"] = summary["fingerprint"]


def main():
    module = FleetModule(argument_spec=gw.fleet_argument_spec(OWN), supports_check_mode=True)
    gw.configure_http(module.params)
    names = ["name"] + list(OWN)
    shops = gw.merge_fleet(module.params, names, dict_options=("backoffice", "store", "pay"))
    labels = [gw.label(shop, i) for i, shop in enumerate(shops)]
    problems = [_check(shop) for shop in shops]
    for probs, dup in zip(problems, gw.duplicate_names(labels)):
        probs.extend(dup)
    gw.fail_if_problems(module, labels, problems)
    entries = [{"shop": dict(shop, name=name), "name": name} for shop, name in zip(shops, labels)]
    _read_signing(module, [e for e in entries if e["shop"].get("pay")])
    gw.run_all(lambda e: _handle(module, e), entries, module.params["concurrency"])
    out = {"shops": [e["result"] for e in entries], "changed": any(e["result"]["changed"] for e in entries)}
    errors = [e for e in entries if e.get("error")]
    if errors:
        module.fail_json(msg=" | ".join("shop %r: %s" % (e["name"], e["error"]) for e in errors), **out)
    module.exit_json(**out)


if __name__ == "__main__":
    main()

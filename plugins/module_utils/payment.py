# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A payment form signed as the store signs it, posted to the gateway: the probe and the first payment of 14.3.

Used by payment_probe (the form, and the sandbox payment with a card) and by transaction (O(pay): the first
payment made, cancelled and checked in one call).
"""

from __future__ import annotations

from ansible_collections.vads.shop.plugins.module_utils import gateway as gw
from ansible_collections.vads.shop.plugins.module_utils.algorithm import effective_algo
from ansible_collections.vads.shop.plugins.module_utils.batch import Operation, Plan
from ansible_collections.vads.shop.plugins.module_utils.rules import fingerprint, site_id_problem


def card_problems(shop):
    """The problems of a shop's form endpoint, card and amount, before anything is read or posted."""
    problems = []
    _url, problem = gw.form_url(shop.get("brand"), shop.get("gateway_url"))
    if problem:
        problems.append(problem)
    if shop.get("card") and not shop.get("gateway_url"):
        problems.append("card completes a payment on the sandbox only: give gateway_url (the sandbox's "
                        "/vads-payment/)")
    if shop.get("amount") is not None and shop["amount"] <= 0:
        problems.append("amount must be a positive number of cents")
    return problems


class ReadSigning(Operation):
    """Read-only: what the store signs with. Keys stay in self.signing, never in the plan's result."""

    writes = False
    options = {}

    def __init__(self):
        self.signing = {}

    def check(self, shop):
        return card_problems(shop)

    def plan(self, shop, store, current, backend):
        problems = []
        site_id = current.get("site_id")
        problem = site_id_problem(site_id)
        if problem:
            problems.append("the store's " + problem)
        stored_mode = current.get("ctx_mode")
        mode = shop.get("mode") or stored_mode  # spelled as the store spells it: the gateway judges it
        if not mode:
            problems.append("the store holds no ctx_mode: give mode")
        given = shop.get("key").strip() if shop.get("key") else None
        if store.single_key and shop.get("mode") and shop["mode"] != stored_mode and not given:
            problems.append("this store keeps one key, for its current mode (%s): it holds no %s key to probe with"
                            % (stored_mode, shop["mode"]))
        setting = store.key_setting("PRODUCTION" if mode == "PRODUCTION" else "TEST")
        key = given or current.get(setting)
        if not key and not problems:
            problems.append("the store holds no %s key (%s)" % (mode, store.mapping.get(setting, setting)))
        # The algorithm the shop's own plugin would sign with (a missing PrestaShop row signs SHA-1).
        algo, _source = effective_algo(store.type, current.get("sign_algo"))
        if algo is None:
            problems.append("the store's signature algorithm %r is unknown" % (current.get("sign_algo"),))
        self.signing[id(shop)] = {"site_id": site_id, "mode": mode, "key": key, "algo": algo}
        return Plan(result={"site_id": site_id, "mode": mode, "fingerprint": fingerprint(key), "sign_algo": algo},
                    problems=problems)


def rejection(result):
    """The gateway's refusal in words: its error code, or what came back instead of a page."""
    if result["error_code"] is None:
        return "the gateway did not answer with a payment page (%s)" % (result["error_reason"] or "no answer")
    return "the gateway rejected the form: error %s%s%s" % (
        result["error_code"], (" (%s)" % result["error_reason"]) if result["error_reason"] else "",
        (" on %s" % result["error_field"]) if result["error_field"] else "")


def form(signing, shop, order_id):
    """The signed fields of a shop's form (a fresh vads_trans_id); with a card, the sandbox's card field."""
    extra = {}
    if shop.get("url_check"):
        extra["vads_url_check"] = shop["url_check"]
    fields = gw.build_form(signing["site_id"], signing["mode"], signing["key"], signing["algo"],
                           amount=shop.get("amount") or 200, currency=shop.get("currency") or "978",
                           order_id=order_id, extra=extra)
    if shop.get("card"):
        fields["sandbox_card"] = shop["card"]
    return fields


def post(fields, shop):
    """Post the form; the gateway's verdict: accepted, error code, reason and field, the transaction made.

    With a card, a timed-out post may have paid: it is never sent again (the gateway would refuse the same
    trans_id anyway, error 03). Raises GatewayError when nothing usable came back."""
    url, _problem = gw.form_url(shop.get("brand"), shop.get("gateway_url"))
    page = gw.post_form(url, fields, timeout=shop.get("timeout") or 30, retries=2,
                        retry_timeouts=not shop.get("card"))
    verdict = {"accepted": page["accepted"], "error_code": page["error_code"], "error_reason": page["error_reason"],
               "error_field": page["error_field"], "transaction": None}
    if page.get("transaction"):
        verdict["transaction"] = {"uuid": page["transaction"]["uuid"], "status": page["transaction"]["status"]}
    return verdict

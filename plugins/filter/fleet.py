# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Filters that turn the inventory's shop list into module options and module results into a report."""

from __future__ import annotations

from ansible.errors import AnsibleFilterError

from ansible_collections.vads.shop.plugins.module_utils.backoffice import instructions
from ansible_collections.vads.shop.plugins.module_utils.rest import BACK_OFFICE_PATH
from ansible_collections.vads.shop.plugins.module_utils.rules import site_id_placeholder_problem


def shop_options(shops, mapping, formats=None, per_shop=None):
    """For each shop, the options of one module: {option: shop[key]} for keys the shop has, plus formats
    and per-shop values given apart from the inventory ({option: {shop name: value}})."""
    if not isinstance(shops, list) or not all(isinstance(s, dict) for s in shops):
        raise AnsibleFilterError("vads.shop.shop_options expects a list of shop dicts")
    if not isinstance(mapping, dict):
        raise AnsibleFilterError("vads.shop.shop_options expects a dict of option to inventory key")
    out = []
    for shop in shops:
        item = dict((option, shop[key]) for option, key in mapping.items() if shop.get(key) is not None)
        for option, pattern in (formats or {}).items():
            try:
                item[option] = pattern.format(**shop)
            except (KeyError, IndexError, ValueError) as exc:
                raise AnsibleFilterError("vads.shop.shop_options: cannot build %s for shop %r: %s"
                                         % (option, shop.get("name"), exc))
        for option, values in (per_shop or {}).items():
            if shop.get("name") in (values or {}):
                item[option] = values[shop["name"]]
        out.append(item)
    return out


def _by_name(result):
    return dict((s.get("name"), s) for s in ((result or {}).get("shops") or []) if isinstance(s, dict))


def golive_preflight(shops, before, backoffice, first_payment="verify"):
    """Problems the modules cannot see: the inventory against the stores and the adapter."""
    adapter = (backoffice or {}).get("adapter", "manual")
    stores = _by_name(before)
    problems = []
    for shop in shops:
        name = shop.get("name")
        where = "shop %r" % (name,)
        held = stores.get(name, {}).get("site_id")
        if held and shop.get("site_id") and str(held) != str(shop["site_id"]):
            problems.append("%s: the inventory says site id %s but the store holds %s" % (where, shop["site_id"], held))
        problem = site_id_placeholder_problem(held or shop.get("site_id"))
        if problem:
            problems.append("%s: %s" % (where, problem))
        state = stores.get(name, {})
        if state.get("rest_api") and shop.get("rest_keys_prod") is None and not all(
                (state.get("rest_keys") or {}).get("PRODUCTION", {}).values()):
            problems.append("%s: the shop uses the REST API (embedded form) and has no production REST keys: give "
                            "rest_keys_prod {private_key, public_key, hmac_key} (Back Office: %s)"
                            % (where, BACK_OFFICE_PATH))
        if adapter == "manual" and shop.get("key_prod") is None:
            problems.append("%s: key_prod is required with the manual Back Office adapter (copy the production key "
                            "from the Certificates tab into the vault)" % where)
        if not shop.get("notification_url"):
            problems.append("%s: notification_url is required (the PRODUCTION URL of the notification rule)" % where)
    return problems


def golive_rows(shops, steps, adapter="sandbox"):
    """One report row per shop from the registered results of the go-live steps (missing steps are skipped)."""
    index = dict((step, _by_name(result)) for step, result in (steps or {}).items())
    rows = []
    for shop in shops:
        name = shop.get("name")
        before = index.get("before", {}).get(name, {})
        after = index.get("after", {}).get(name, {})
        key = index.get("key", {}).get(name, {})
        installed = index.get("key_installed", {}).get(name, {})
        switch = index.get("switch", {}).get(name, {})
        url = index.get("url", {}).get(name, {})
        payment = index.get("payment", {}).get(name, {})
        existing = index.get("existing", {}).get(name, {})
        cancel = index.get("cancel", {}).get(name, {})
        first = cancel if cancel.get("found") else (existing if existing.get("found") else {})
        pending = []
        for step_result in (key, url):
            if step_result.get("status") == "pending_manual":
                pending.append((step_result.get("instructions") or {}).get("text") or step_result.get("status"))
        for step in ("key_installed", "rest_keys", "switch"):
            if index.get(step, {}).get(name, {}).get("cache_flush_required"):
                pending.append("%s: Magento serves its settings from its config cache: run bin/magento cache:clean "
                               "config in the shop's root folder (or give store.magento_root)" % name)
                break
        note = first.get("notification") or {}
        if note.get("status") == "unknown" and note.get("instructions"):
            pending.append(note["instructions"].get("text"))
        if adapter == "manual" and steps.get("after"):
            check = instructions("notification_sent", shop.get("site_id"), None, name)["text"]
            pending.append("14.3 make one real payment of at least 2 EUR, do not click \"Retour a la boutique\", "
                           "cancel it, then check: " + check)
        rows.append({
            "shop": name,
            "site_id": shop.get("site_id"),
            "mode_before": before.get("ctx_mode"),
            # check mode: what the switch would set and which key it would install
            "mode_after": switch.get("ctx_mode") or after.get("ctx_mode") or before.get("ctx_mode"),
            "key_fingerprint": (installed.get("fingerprint") or key.get("fingerprint")
                                or ("(new production key)" if key.get("changed") else after.get("key_prod_fingerprint"))),
            "notification_url": shop.get("notification_url"),
            "notification_url_status": url.get("status"),
            "first_payment": first.get("uuid") or (payment.get("transaction") or {}).get("uuid"),
            "first_payment_status": first.get("detailed_status") or (payment.get("transaction") or {}).get("status"),
            "first_payment_notification": note.get("status"),
            "manual_pending": pending,
        })
    return rows


class FilterModule(object):
    def filters(self):
        return {"shop_options": shop_options, "golive_rows": golive_rows, "golive_preflight": golive_preflight}

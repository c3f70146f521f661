# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The notification URL of a shop's notification rule: its checks, and one shop's Back Office step.

Shared by the notification_url and preflight modules. Private to this collection: the API may change
without notice.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from ansible_collections.vads.shop.plugins.module_utils import backoffice as bo
from ansible_collections.vads.shop.plugins.module_utils import gateway as gw
from ansible_collections.vads.shop.plugins.module_utils.algorithm import effective_algo
from ansible_collections.vads.shop.plugins.module_utils.batch import Operation, Plan
from ansible_collections.vads.shop.plugins.module_utils.rules import normalize_algo, site_id_problem
from ansible_collections.vads.shop.plugins.module_utils.store import STORE_OPTIONS

OPTIONS = {
    "backoffice": bo.BACKOFFICE_SPEC,
    "site_id": {"type": "str"},
    "mode": {"type": "str", "choices": ["TEST", "PRODUCTION"], "default": "PRODUCTION"},
    "url": {"type": "str"},
    "probe": {"type": "bool", "default": False},
    "probe_key": {"type": "str", "no_log": True},
    "sign_algo": {"type": "str"},
    "store": {"type": "dict", "options": STORE_OPTIONS},
    "gateway_url": {"type": "str"},
    "manual_done": {"type": "list", "elements": "str"},
}


class ReadSigning(Operation):
    """Read only: the key of a mode and the algorithm a store signs with (kept here, never in a result)."""

    writes = False
    options = {}

    def __init__(self):
        self.signing = {}

    def plan(self, shop, store, current, backend):
        mode = shop["mode"]
        key = None
        if not store.single_key or current.get("ctx_mode") == mode:
            key = current.get(store.key_setting(mode))
        # The algorithm as the shop's own plugin computes it (a missing PrestaShop row is SHA-1).
        algo, _source = effective_algo(store.type, current.get("sign_algo") if "sign_algo" in store.mapping else None)
        self.signing[shop["name"]] = {"key": key, "algo": algo}
        return Plan(result={})


def shop_problems(shop):
    """Problems with one shop's own options, before the Back Office is asked anything."""
    problems = []
    problem = site_id_problem(shop.get("site_id"))
    if problem:
        problems.append(problem)
    problems.extend(bo.options_problems(shop.get("backoffice")))
    sandbox = (shop.get("backoffice") or {}).get("adapter") == "sandbox"
    # A gateway on loopback (the sandbox standing in for the platform) can call loopback URLs.
    local_gateway = bool(shop.get("gateway_url")) and urlsplit(shop["gateway_url"]).hostname in ("127.0.0.1", "::1",
                                                                                                 "localhost")
    problems.extend(gw.notification_url_problems(shop.get("url"), shop.get("mode"), sandbox=sandbox or local_gateway))
    if shop.get("sign_algo") is not None and normalize_algo(shop["sign_algo"]) is None:
        problems.append("sign_algo %r is unknown: use HMAC-SHA-256 or SHA-1" % shop["sign_algo"])
    if shop.get("probe") and not sandbox and not shop.get("probe_key") and not shop.get("store"):
        problems.append("probe_key or store is required to probe with the manual adapter (the module cannot read "
                        "keys from the real Back Office)")
    problem = bo.manual_done_problem(shop.get("manual_done"))
    if problem:
        problems.append(problem)
    return problems


def _rule_view(rule):
    return "test_url: %s\nproduction_url: %s\n" % (rule.get("test_url") or "(not set)",
                                                   rule.get("production_url") or "(not set)")


def handle(module, entry):
    """Talk to the Back Office for one shop; returns the entry, with result or problem."""
    shop = entry["shop"]
    site_id, mode, url = shop["site_id"], shop["mode"], shop["url"].strip()
    client = bo.adapter(shop.get("backoffice"))
    result = {"name": entry["name"], "site_id": site_id, "mode": mode, "url": url, "url_before": None,
              "url_after": None, "changed": False}
    entry["result"] = result
    try:
        if client.can_see:
            field = bo.rule_field(mode)
            before = client.notification_rule(site_id)
            result["url_before"] = before.get(field)
            result["url_after"] = before.get(field)
            result["status"] = "registered"
            if before.get(field) != url:
                result["changed"] = True
                after = dict(before)
                after[field] = url
                if not module.check_mode:
                    client.set_notification_url(site_id, mode, url)
                    # What the Back Office holds now, read back: a report never states what was only sent.
                    after = client.notification_rule(site_id)
                    result["url_after"] = after.get(field)
                    if after.get(field) != url:
                        raise gw.GatewayError("the Back Office holds %s after the URL was registered"
                                              % (after.get(field) or "no URL"))
                entry["diff"] = {"before_header": "notification rule of %s (%s)" % (site_id, entry["name"]),
                                 "after_header": "notification rule of %s (%s)" % (site_id, entry["name"]),
                                 "before": _rule_view(before), "after": _rule_view(after)}
        else:
            step = bo.notification_step(mode)
            item = bo.instructions(step, site_id, url, entry["name"])
            done = bo.declared_done(shop.get("manual_done"), step)
            entry["checklist_item"] = (item, done)
            if done:
                result["status"] = "declared_done"
            else:
                result["status"] = "pending_manual"
                result["instructions"] = item
        if shop.get("probe"):
            result["probe"] = probe(module, client, shop, url)
    except gw.GatewayError as exc:
        entry["error"] = str(exc)
    return entry


def probe(module, client, shop, url):
    if module.check_mode:
        return {"ok": None, "skipped": True, "http_code": None, "redirect": None, "location": None,
                "tls_error": None, "elapsed_ms": None, "error": None}
    mode = shop["mode"]
    stored = shop.get("_signing") or {}
    key = shop.get("probe_key") or stored.get("key")
    algo = shop.get("sign_algo") or stored.get("algo")
    if client.can_see and (key is None or algo is None):
        certs = client.certificates(shop["site_id"])
        if key is None:
            key = certs.get("production_key" if mode == "PRODUCTION" else "test_key")
        if algo is None:
            algo = certs.get("production_sign_algo" if mode == "PRODUCTION" else "test_sign_algo")
    if not key:
        return {"ok": False, "skipped": False, "http_code": None, "redirect": None, "location": None,
                "tls_error": None, "elapsed_ms": None,
                "error": "no %s key to sign a probe with (give probe_key, or a store that holds it)" % mode}
    if algo is not None and normalize_algo(algo) is None:
        return {"ok": False, "skipped": False, "http_code": None, "redirect": None, "location": None,
                "tls_error": None, "elapsed_ms": None, "error": "the store's signature algorithm %r is unknown" % algo}
    fields = gw.synthetic_notification(shop["site_id"], mode, key.strip(), normalize_algo(algo) or "HMAC-SHA-256")
    out = gw.probe_notification(url, fields)
    out["skipped"] = False
    return out

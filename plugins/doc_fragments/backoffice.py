# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Options of the gateway-side modules: the ``backoffice`` dict (documented once), ``manual_done``,
``concurrency``, and each module's own options, repeated as suboptions of ``shops``.

Built from one text per option, like the store fragment, so top level and ``shops`` never drift.
"""

from __future__ import annotations

import copy
import json

from ansible_collections.vads.shop.plugins.doc_fragments.store import _STORE

_BACKOFFICE = {
    "description": [
        "How to reach the payment platform's Back Office. The same dict for every gateway-side module "
        "(M(vads.shop.notification_url), M(vads.shop.backoffice_certificate), M(vads.shop.transaction)).",
        "The real platform has no API for keys, notification rules or notification status. With "
        "O(backoffice.adapter=manual) the module changes nothing there: it reports each step as "
        "C(pending_manual) with exact Back Office instructions (French and English menu path, field, value), "
        "appends them to O(backoffice.checklist), and reports a step done only for shops whose C(manual_done) "
        "lists it (C(declared_done)). It never claims what it cannot see.",
        "With O(backoffice.adapter=sandbox) it drives the operator API of C(vads-sandbox serve), which stands in "
        "for those Back Office clicks.",
        "In an item of O(shops), the keys given here are merged over the top-level O(backoffice).",
    ],
    "type": "dict",
    "suboptions": {
        "adapter": {
            "description": ["V(manual) for the real platform, V(sandbox) for C(vads-sandbox)."],
            "type": "str",
            "choices": ["sandbox", "manual"],
            "default": "manual",
        },
        "url": {
            "description": ["Base URL of C(vads-sandbox serve) (the C(url) of its JSON line). Sandbox only."],
            "type": "str",
        },
        "token": {
            "description": ["Operator token of the sandbox (the C(token) of its JSON line). Never logged."],
            "type": "str",
        },
        "timeout": {
            "description": ["Seconds to wait for each Back Office answer."],
            "type": "float",
            "default": 10,
        },
        "retries": {
            "description": [
                "Retries of a Back Office call after an HTTP 5xx, a connection error or a timeout, with "
                "exponential backoff (0.5 s, 1 s, 2 s, ...).",
            ],
            "type": "int",
            "default": 3,
        },
        "checklist": {
            "description": [
                "Manual adapter: a Markdown file (on the host that runs the module) that collects the pending "
                "Back Office steps of the whole fleet, one line C(- [ ] ...) per shop and step. Written "
                "atomically; a rerun adds no duplicate line; a step whose value changed is rewritten in place; "
                "a tick set by an operator is kept. Writing it counts as a change.",
            ],
            "type": "path",
        },
    },
}

_MANUAL_DONE = {
    "description": [
        "Manual adapter: the Back Office steps already done by hand for this shop, as declared by the "
        "inventory (convention: a host or group variable C(vads_manual_done), passed per shop).",
        "Step names: C(production_key) (14.1), C(production_key_regenerated) (14.4), "
        "C(notification_url_production), C(notification_url_test) (14.2).",
        "A declared step is reported C(declared_done): the module trusts the inventory and says so.",
    ],
    "type": "list",
    "elements": "str",
}

_SITE_ID = {
    "description": ["The shop id (C(vads_site_id)), exactly 8 digits. Required, here or in each item of O(shops)."],
    "type": "str",
}

_NAME = {
    "description": ["The shop's name, used in results and messages. Defaults to the site id."],
    "type": "str",
}

_CONCURRENCY = {
    "description": ["How many shops talk to the network at the same time."],
    "type": "int",
    "default": 8,
}

_MODE_SIGN = {
    "sign_algo": {
        "description": [
            "Signature algorithm of the shop for that mode: V(HMAC-SHA-256) or V(SHA-1) (other spellings such as "
            "C(SHA256) are accepted). Default: what the sandbox Back Office says, else V(HMAC-SHA-256).",
        ],
        "type": "str",
    },
}

_OWN = {
    "notification_url": {
        "backoffice": _BACKOFFICE,
        "site_id": _SITE_ID,
        "mode": {
            "description": ["Which URL of the rule: the one called in V(TEST) or in V(PRODUCTION) mode."],
            "type": "str",
            "choices": ["TEST", "PRODUCTION"],
            "default": "PRODUCTION",
        },
        "url": {
            "description": [
                "The merchant's notification (IPN) URL, absolute, without credentials or fragment. Required.",
                "In V(PRODUCTION): C(https://), and not a loopback, private or link-local host (literal "
                "addresses are checked, names are resolved when they can be, else judged by their suffix). "
                "With the sandbox adapter, loopback hosts (and C(http://) on them) are allowed, as the sandbox "
                "and its demo receiver live there.",
            ],
            "type": "str",
        },
        "probe": {
            "description": [
                "After registration, POST a correctly signed synthetic notification (order id "
                "C(VADS-SHOP-PROBE-...), C(vads_trans_status=ABANDONED), C(vads_url_check_src=BO)) to O(url), "
                "once, without following redirects, like the gateway; report the HTTP code, TLS error, time "
                "and any redirect.",
                "A redirect, an HTTP code outside 200-206, a TLS error or no answer makes the module fail after "
                "its work, naming each shop and why (the results are still returned).",
                "Skipped in check mode.",
            ],
            "type": "bool",
            "default": False,
        },
        "probe_key": {
            "description": [
                "The key of O(mode) to sign the probe with. With the sandbox adapter, when absent, the module "
                "reads the shop's key of that mode from the Back Office. Required for a probe with the manual "
                "adapter. Never returned.",
            ],
            "type": "str",
        },
        "sign_algo": _MODE_SIGN["sign_algo"],
        "manual_done": _MANUAL_DONE,
    },
    "backoffice_certificate": {
        "backoffice": _BACKOFFICE,
        "site_id": _SITE_ID,
        "state": {
            "description": [
                "V(present): generate the production key if it does not exist yet (14.1); an existing key is "
                "left alone.",
                "V(regenerated): regenerate it (14.4) only while the current production key still has the "
                "fingerprint O(regenerate_from). Once regenerated, the fingerprint differs, so a rerun changes "
                "nothing; a plain \"regenerate\" would rotate the key on every run and break every server that "
                "got the previous one.",
            ],
            "type": "str",
            "choices": ["present", "regenerated"],
            "default": "present",
        },
        "regenerate_from": {
            "description": [
                "With O(state=regenerated): the fingerprint (C(sha256:) and 8 hex digits, as the modules report "
                "it) of the lost or compromised production key. Required with O(state=regenerated).",
            ],
            "type": "str",
        },
        "store": dict(_STORE, description=list(_STORE["description"]) + [
            "Optional. When given, the module installs the (new) production key in this store itself, the way "
            "M(vads.shop.certificate) does (same validation, atomic write, mode C(0600), fingerprints only), so "
            "the key travels from the Back Office to the merchant server without ever being printed.",
            "Sandbox adapter only: with the manual adapter the module cannot see the key; put it in ansible-vault "
            "and use M(vads.shop.certificate).",
        ]),
        "backup": {
            "description": ["With O(store): keep a copy of the store file before changing it."],
            "type": "bool",
            "default": False,
        },
        "manual_done": _MANUAL_DONE,
    },
    "transaction": {
        "site_id": _SITE_ID,
        "password": {
            "description": [
                "The REST API password of the shop: C(testpassword_...) reads TEST transactions, "
                "C(prodpassword_...) PRODUCTION ones. Required. Never returned.",
            ],
            "type": "str",
        },
        "api_url": {
            "description": [
                "Base URL of the REST API, for example the sandbox's URL; C(/api-payment/V4/) is appended "
                "unless present. Overrides O(brand).",
            ],
            "type": "str",
        },
        "brand": {
            "description": [
                "Brand whose REST API host to use: V(payzen) (api.payzen.eu), V(systempay) (api.systempay.fr), "
                "V(lyra) or V(lyracollect) (api.lyra.com). For other brands give O(api_url).",
            ],
            "type": "str",
        },
        "uuid": {
            "description": ["The transaction's uuid. One of O(uuid) and O(order_id) is required."],
            "type": "str",
        },
        "order_id": {
            "description": ["The order id; the most recent transaction of the order is used."],
            "type": "str",
        },
        "state": {
            "description": [
                "V(present): read the transaction; fail when it is not found unless O(missing_ok=true).",
                "V(cancelled): cancel it (C(Transaction/CancelOrRefund), C(resolutionMode=CANCELLATION_ONLY)) "
                "while it is C(AUTHORISED); an already C(CANCELLED) transaction is left alone; any other status "
                "fails (it cannot be cancelled any more).",
            ],
            "type": "str",
            "choices": ["present", "cancelled"],
            "default": "present",
        },
        "missing_ok": {
            "description": ["With O(state=present), a transaction that is not found is reported, not a failure."],
            "type": "bool",
            "default": False,
        },
        "wait_notification": {
            "description": [
                "Seconds to wait, polling the Back Office, until the transaction's notification status leaves "
                "C(pending). Sandbox adapter only; V(0) does not wait.",
            ],
            "type": "float",
            "default": 0,
        },
        "backoffice": dict(_BACKOFFICE, description=[
            "Optional: the Back Office that can see the notification status (see M(vads.shop.notification_url)).",
            "Sandbox adapter: the status, URL, attempts and redirect flag of the transaction's notification.",
            "Manual adapter: the status is C(unknown), with the Back Office path where to read it.",
        ] + _BACKOFFICE["description"][1:]),
        "retries": {
            "description": ["Retries after an HTTP 5xx, a connection error or a timeout, with exponential backoff."],
            "type": "int",
            "default": 3,
        },
        "timeout": {
            "description": ["Seconds to wait for each REST answer."],
            "type": "float",
            "default": 10,
        },
    },
    "payment_probe": {
        "store": dict(_STORE, description=list(_STORE["description"]) + [
            "Read only: the module reads the site id, context mode, keys and algorithm from it. Required.",
        ]),
        "mode": {
            "description": [
                "Sign for this mode with this mode's key from the store, whatever mode the store is in: "
                "O(mode=PRODUCTION) on a store still in TEST proves the production key before the switch.",
                "Default: the store's current mode, spelled as the store spells it (so a store that says C(PROD) "
                "gets the gateway's error 11, as its forms would).",
            ],
            "type": "str",
            "choices": ["TEST", "PRODUCTION"],
        },
        "brand": {
            "description": [
                "Brand whose payment form endpoint to post to (V(payzen), V(systempay), V(sogecommerce), "
                "V(scellius), V(clicandpay), V(lyra), V(lyracollect), V(epaync), V(osb)). "
                "One of O(brand) and O(gateway_url) is required.",
            ],
            "type": "str",
        },
        "gateway_url": {
            "description": ["Explicit payment form endpoint, e.g. the sandbox's C(<url>/vads-payment/)."],
            "type": "str",
        },
        "card": {
            "description": [
                "Sandbox only: a sandbox card number (C(4970100000000000) is accepted) posted as C(sandbox_card) "
                "so that the payment completes at once and the transaction uuid and status come back (14.3). "
                "Requires O(gateway_url).",
            ],
            "type": "str",
        },
        "amount": {
            "description": ["Amount in the smallest currency unit; 2 EUR is advised for a first production payment."],
            "type": "int",
            "default": 200,
        },
        "currency": {
            "description": ["ISO 4217 numeric currency code."],
            "type": "str",
            "default": "978",
        },
        "order_id": {
            "description": ["C(vads_order_id) of the probe. Default: C(VADS-SHOP-PROBE-) and the UTC time."],
            "type": "str",
        },
        "url_check": {
            "description": ["Optional C(vads_url_check): a notification URL for this payment only."],
            "type": "str",
        },
        "fail_on_error": {
            "description": [
                "Fail the module (after probing every shop, results still returned) when a shop's form is "
                "rejected. V(false) only reports C(accepted=false) and the error code.",
            ],
            "type": "bool",
            "default": True,
        },
        "timeout": {
            "description": ["Seconds to wait for the payment endpoint's answer."],
            "type": "float",
            "default": 30,
        },
    },
}


def _documentation(module):
    options = {"name": copy.deepcopy(_NAME)}
    options.update(copy.deepcopy(_OWN[module]))
    shops = {
        "description": [
            "Several shops handled in this one module call; network calls run O(concurrency) at a time.",
            "Each item takes the module's options; the top-level values act as defaults.",
            "Every shop is validated first: if any is invalid, the module fails naming each bad shop and why, "
            "and changes nothing.",
        ],
        "type": "list",
        "elements": "dict",
    }
    suboptions = {}
    for name, spec in options.items():
        spec = copy.deepcopy(spec)
        spec.pop("default", None)
        for sub in (spec.get("suboptions") or {}).values():
            sub.pop("default", None)
        spec["description"] = list(spec["description"]) + ["Defaults to the top-level value."]
        suboptions[name] = spec
    shops["suboptions"] = suboptions
    options["shops"] = shops
    options["concurrency"] = copy.deepcopy(_CONCURRENCY)
    return json.dumps({"options": options}, indent=1, sort_keys=True)


class ModuleDocFragment(object):
    DOCUMENTATION = json.dumps({"options": {"backoffice": _BACKOFFICE}}, indent=1, sort_keys=True)
    NOTIFICATION_URL = _documentation("notification_url")
    BACKOFFICE_CERTIFICATE = _documentation("backoffice_certificate")
    TRANSACTION = _documentation("transaction")
    PAYMENT_PROBE = _documentation("payment_probe")

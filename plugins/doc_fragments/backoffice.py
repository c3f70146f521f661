# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Options of the gateway-side modules: the ``backoffice`` dict (documented once), ``manual_done``,
``concurrency`` and the HTTP options (once per call), and each module's own options, repeated as suboptions of ``shops``.

Built from one text per option, like the store fragment, so top level and ``shops`` never drift.
"""

from __future__ import annotations

import copy
import json

from ansible_collections.vads.shop.plugins.doc_fragments.store import _SECRETS, _STORE

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
            "description": [
                "Operator token of the sandbox (the C(token) of its JSON line). Never logged or returned.",
                "When the top-level O(backoffice) does not give it, the environment variable "
                "E(VADS_BACKOFFICE_TOKEN) of the process that runs the module (for example set by a play's "
                "C(environment:)) is used; an item of O(shops) inherits the top-level value.",
            ],
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
        "inventory (convention: the shop's C(manual_done) list in C(vads_shops)).",
        "Step names: C(production_key) (14.1), C(notification_url_production), C(notification_url_test) "
        "(14.2 (3)), C(first_payment), C(first_payment_cancelled), C(notification_sent) (14.3), "
        "C(production_key_regenerated) (14.4). Any other name fails, listing the valid ones.",
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

# Ansible's usual HTTP options (ansible.module_utils.urls), one value for the whole call.
_HTTP = {
    "validate_certs": {
        "description": [
            "Verify the TLS certificates of the gateway, the REST API, the Back Office and the notification URLs "
            "probed. V(false) only for a test gateway with a self-signed certificate you trust.",
            "The trusted authorities are the system's, plus the file named by the C(SSL_CERT_FILE) environment "
            "variable, or only O(ca_path) when given.",
        ],
        "type": "bool",
        "default": True,
    },
    "ca_path": {
        "description": [
            "A PEM file of the certificate authorities to trust instead of the system's (a company CA, an "
            "inspecting egress proxy's CA).",
        ],
        "type": "path",
    },
    "client_cert": {
        "description": ["A PEM client certificate (chain) for TLS client authentication, with its key unless "
                        "O(client_key) is given."],
        "type": "path",
    },
    "client_key": {
        "description": ["The PEM private key of O(client_cert), when it is in a separate file."],
        "type": "path",
    },
    "use_proxy": {
        "description": [
            "Use the proxy named by the C(https_proxy) / C(http_proxy) environment variables (set them with the "
            "task's C(environment)), except for the hosts listed in C(no_proxy). V(false) ignores them.",
        ],
        "type": "bool",
        "default": True,
    },
}

_MODE_SIGN = {
    "sign_algo": {
        "description": [
            "Signature algorithm of the shop for that mode: V(HMAC-SHA-256) or V(SHA-1) (other spellings such as "
            "C(SHA256) are accepted). Default: the store's (with O(store)), else what the sandbox Back Office "
            "says, else V(HMAC-SHA-256).",
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
                "The key of O(mode) to sign the probe with. When absent, the module reads it from O(store), or "
                "with the sandbox adapter from the Back Office. With the manual adapter one of O(probe_key) and "
                "O(store) is required to probe. Never returned.",
            ],
            "type": "str",
        },
        "gateway_url": {
            "description": [
                "The gateway that will call the URL when it is not the real platform: a gateway on loopback (the "
                "sandbox standing in for it) may call a loopback C(http://) URL in PRODUCTION. Default: the "
                "real platform, which needs an C(https://) URL it can reach from the Internet.",
            ],
            "type": "str",
        },
        "store": dict(_STORE, description=list(_STORE["description"]) + [
            "Optional, read only: where the probe takes the shop's signature algorithm and, without "
            "O(probe_key), the key of O(mode), exactly as the merchant's software signs.",
        ]),
        "sign_algo": _MODE_SIGN["sign_algo"],
        "manual_done": _MANUAL_DONE,
    },
    "preflight": {
        "store": dict(_STORE, description=list(_STORE["description"]) + [
            "Read only. Required, here or in each item of O(shops).",
        ]),
        "site_id": _SITE_ID,
        "ctx_mode": {
            "description": [
                "The mode the go-live sets in C(vads_ctx_mode); only its spelling (exactly V(TEST) or V(PRODUCTION)) "
                "and the store's ctx_mode setting are checked here, as the keys are checked apart.",
            ],
            "type": "str",
            "default": "PRODUCTION",
        },
        "key_prod": {
            "description": [
                "The production key the go-live installs (from the vault), checked as M(vads.shop.certificate) "
                "checks it - form, placeholder, equal to the test key, another production key already in the "
                "store - where the store keeps two keys; where it keeps one (for the current mode), it goes in "
                "with the switch, and only its form is checked.",
                "Absent: the key is generated in the Back Office (14.1) or already in the store.",
                "Never returned; give it through O(secrets) for large fleets.",
            ],
            "type": "str",
        },
        "rest_keys_prod": {
            "description": [
                "The production REST API keys the go-live installs (embedded-form shops), checked as "
                "M(vads.shop.rest_keys) checks them: C(private_key), C(public_key) and C(hmac_key).",
                "Never returned.",
            ],
            "type": "dict",
            "suboptions": {
                "private_key": {"description": ["The private key (REST password)."], "type": "str"},
                "public_key": {"description": ["The public key."], "type": "str"},
                "hmac_key": {"description": ["The HMAC-SHA-256 key."], "type": "str"},
            },
        },
        "notification_url": {
            "description": [
                "The PRODUCTION notification (IPN) URL the go-live registers, checked as "
                "M(vads.shop.notification_url) checks it (C(https://), reachable from the Internet, no credentials).",
            ],
            "type": "str",
        },
        "manual_done": _MANUAL_DONE,
        "backoffice": _BACKOFFICE,
        "gateway_url": {
            "description": [
                "The gateway that will call the notification URL when it is not the real platform (the sandbox on "
                "loopback may call a loopback C(http://) URL). Default: the real platform.",
            ],
            "type": "str",
        },
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
            "M(vads.shop.certificate) does (same validation, atomic write, no access for other users, fingerprints only), so "
            "the key travels from the Back Office to the merchant server without ever being printed.",
            "Sandbox adapter only: with the manual adapter the module cannot see the key; put it in ansible-vault "
            "and use M(vads.shop.certificate).",
            "With O(state=regenerated) the store's production key is replaced (as M(vads.shop.certificate) does with "
            "O(vads.shop.certificate#module:replace=true)).",
        ]),
        "regenerated_to": {
            "description": [
                "With O(state=regenerated): the fingerprint an earlier run of this rotation gave the new key (the "
                "C(vads.shop.rotate_certificate) role records it). A current key with that fingerprint means the "
                "rotation is done: a rerun changes nothing.",
            ],
            "type": "str",
        },
        "force": {
            "description": [
                "With O(state=regenerated): regenerate although the current production key does not have the "
                "fingerprint O(regenerate_from). Without it, a current key (Back Office, and the store with "
                "O(store)) that matches neither O(regenerate_from) nor O(regenerated_to) is an error naming both "
                "fingerprints: a mistyped or stale fingerprint must not pass as a rotation already done.",
            ],
            "type": "bool",
            "default": False,
        },
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
                "C(prodpassword_...) PRODUCTION ones. Never returned.",
                "Required, except with the sandbox adapter, which reads it from the Back Office for O(mode).",
                "When it is not given at the top level, the environment variable E(VADS_REST_PASSWORD) of the "
                "process that runs the module (for example set by a play's C(environment:)) is used; an item of "
                "O(shops) inherits the top-level value.",
            ],
            "type": "str",
        },
        "mode": {
            "description": [
                "V(TEST) or V(PRODUCTION): which REST password to read from the sandbox Back Office when "
                "O(password) is not given. Ignored when O(password) is given (its prefix picks the mode).",
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
        "resend_notification": {
            "description": [
                "Sandbox adapter: when the transaction's notification C(failed) (every attempt), resend it "
                "(the Back Office's \"Renvoyer la notification\") once and wait again; reported as a change.",
                "Manual adapter: the result's C(notification.resend) gives the Back Office path to do it by hand.",
            ],
            "type": "bool",
            "default": False,
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
        "pay": {
            "description": [
                "Sandbox, step 14.3 in one call: when no transaction of O(order_id) is found, make the payment "
                "first, with a form signed as the shop's O(store) signs it (its site id, key of O(mode) and "
                "algorithm, as M(vads.shop.payment_probe) does), then cancel it as O(state=cancelled) does, once "
                "its notification left C(pending) (O(wait_notification)).",
                "A rerun finds that payment by its order id and pays nothing again.",
                "Needs O(state=cancelled), O(order_id), O(store) and the sandbox adapter (O(backoffice.adapter=sandbox)): "
                "on the real platform a person pays with a real card and declares it, and this module reads, "
                "cancels and checks that payment; it never pays there.",
            ],
            "type": "dict",
            "suboptions": {
                "card": {
                    "description": ["A sandbox card number (C(4970100000000000) is accepted). Required."],
                    "type": "str",
                },
                "gateway_url": {
                    "description": ["The sandbox's payment form endpoint, C(<url>/vads-payment/). Required."],
                    "type": "str",
                },
                "amount": {
                    "description": ["Amount in the smallest currency unit. Default V(200) (2 EUR)."],
                    "type": "int",
                },
                "currency": {
                    "description": ["ISO 4217 numeric currency code. Default V(978) (EUR)."],
                    "type": "str",
                },
                "timeout": {
                    "description": ["Seconds to wait for the payment endpoint's answer. Default V(30)."],
                    "type": "float",
                },
            },
        },
        "store": dict(_STORE, description=list(_STORE["description"]) + [
            "With O(pay) only, read only: what the payment form is signed with.",
        ]),
    },
    "payment_probe": {
        "store": dict(_STORE, description=list(_STORE["description"]) + [
            "Read only: the module reads the site id, context mode, keys and algorithm from it. Required.",
        ]),
        "key": {
            "description": [
                "Sign with this key instead of the store's key of O(mode): a store that keeps one key (for its "
                "current mode, TEST) holds no production key to prove before the switch. Never returned; its "
                "fingerprint is.",
            ],
            "type": "str",
        },
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
    if module == "preflight":  # it changes nothing: every problem is returned, not raised
        shops["description"][2] = ("Every shop is checked, each problem named in RV(problems) and "
                                   "RV(shops[].problems); nothing is changed.")
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
    options.update(copy.deepcopy(_HTTP))
    if module in _WITH_SECRETS:
        options["secrets"] = copy.deepcopy(_SECRETS)
    return json.dumps({"options": options}, indent=1, sort_keys=True)


# Modules whose own options hold secrets (password, probe_key): they take O(secrets).
_WITH_SECRETS = ("transaction", "notification_url", "payment_probe", "preflight")

_FRAGMENTS = ("NOTIFICATION_URL", "BACKOFFICE_CERTIFICATE", "TRANSACTION", "PAYMENT_PROBE", "PREFLIGHT")


def generated():
    """{attribute: YAML text} for the class below; `python tools/docgen.py` writes them out."""
    out = {"DOCUMENTATION": json.dumps({"options": {"backoffice": _BACKOFFICE}}, indent=1, sort_keys=True)}
    for attribute in _FRAGMENTS:
        out[attribute] = _documentation(attribute.lower())
    return out


# GENERATED below by tools/docgen.py from the definitions above (sanity wants plain strings). Do not edit.
class ModuleDocFragment(object):

    DOCUMENTATION = r'''
options:
  backoffice:
    description:
    - How to reach the payment platform's Back Office. The same dict for every gateway-side module (M(vads.shop.notification_url),
      M(vads.shop.backoffice_certificate), M(vads.shop.transaction)).
    - 'The real platform has no API for keys, notification rules or notification status. With O(backoffice.adapter=manual)
      the module changes nothing there: it reports each step as C(pending_manual) with exact Back Office instructions
      (French and English menu path, field, value), appends them to O(backoffice.checklist), and reports a step
      done only for shops whose C(manual_done) lists it (C(declared_done)). It never claims what it cannot see.'
    - With O(backoffice.adapter=sandbox) it drives the operator API of C(vads-sandbox serve), which stands in for
      those Back Office clicks.
    - In an item of O(shops), the keys given here are merged over the top-level O(backoffice).
    suboptions:
      adapter:
        choices:
        - sandbox
        - manual
        default: manual
        description:
        - V(manual) for the real platform, V(sandbox) for C(vads-sandbox).
        type: str
      checklist:
        description:
        - 'Manual adapter: a Markdown file (on the host that runs the module) that collects the pending Back Office
          steps of the whole fleet, one line C(- [ ] ...) per shop and step. Written atomically; a rerun adds no
          duplicate line; a step whose value changed is rewritten in place; a tick set by an operator is kept. Writing
          it counts as a change.'
        type: path
      retries:
        default: 3
        description:
        - Retries of a Back Office call after an HTTP 5xx, a connection error or a timeout, with exponential backoff
          (0.5 s, 1 s, 2 s, ...).
        type: int
      timeout:
        default: 10
        description:
        - Seconds to wait for each Back Office answer.
        type: float
      token:
        description:
        - Operator token of the sandbox (the C(token) of its JSON line). Never logged or returned.
        - When the top-level O(backoffice) does not give it, the environment variable E(VADS_BACKOFFICE_TOKEN) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      url:
        description:
        - Base URL of C(vads-sandbox serve) (the C(url) of its JSON line). Sandbox only.
        type: str
    type: dict
'''

    NOTIFICATION_URL = r'''
options:
  backoffice:
    description:
    - How to reach the payment platform's Back Office. The same dict for every gateway-side module (M(vads.shop.notification_url),
      M(vads.shop.backoffice_certificate), M(vads.shop.transaction)).
    - 'The real platform has no API for keys, notification rules or notification status. With O(backoffice.adapter=manual)
      the module changes nothing there: it reports each step as C(pending_manual) with exact Back Office instructions
      (French and English menu path, field, value), appends them to O(backoffice.checklist), and reports a step
      done only for shops whose C(manual_done) lists it (C(declared_done)). It never claims what it cannot see.'
    - With O(backoffice.adapter=sandbox) it drives the operator API of C(vads-sandbox serve), which stands in for
      those Back Office clicks.
    - In an item of O(shops), the keys given here are merged over the top-level O(backoffice).
    suboptions:
      adapter:
        choices:
        - sandbox
        - manual
        default: manual
        description:
        - V(manual) for the real platform, V(sandbox) for C(vads-sandbox).
        type: str
      checklist:
        description:
        - 'Manual adapter: a Markdown file (on the host that runs the module) that collects the pending Back Office
          steps of the whole fleet, one line C(- [ ] ...) per shop and step. Written atomically; a rerun adds no
          duplicate line; a step whose value changed is rewritten in place; a tick set by an operator is kept. Writing
          it counts as a change.'
        type: path
      retries:
        default: 3
        description:
        - Retries of a Back Office call after an HTTP 5xx, a connection error or a timeout, with exponential backoff
          (0.5 s, 1 s, 2 s, ...).
        type: int
      timeout:
        default: 10
        description:
        - Seconds to wait for each Back Office answer.
        type: float
      token:
        description:
        - Operator token of the sandbox (the C(token) of its JSON line). Never logged or returned.
        - When the top-level O(backoffice) does not give it, the environment variable E(VADS_BACKOFFICE_TOKEN) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      url:
        description:
        - Base URL of C(vads-sandbox serve) (the C(url) of its JSON line). Sandbox only.
        type: str
    type: dict
  ca_path:
    description:
    - A PEM file of the certificate authorities to trust instead of the system's (a company CA, an inspecting egress
      proxy's CA).
    type: path
  client_cert:
    description:
    - A PEM client certificate (chain) for TLS client authentication, with its key unless O(client_key) is given.
    type: path
  client_key:
    description:
    - The PEM private key of O(client_cert), when it is in a separate file.
    type: path
  concurrency:
    default: 8
    description:
    - How many shops talk to the network at the same time.
    type: int
  gateway_url:
    description:
    - 'The gateway that will call the URL when it is not the real platform: a gateway on loopback (the sandbox standing
      in for it) may call a loopback C(http://) URL in PRODUCTION. Default: the real platform, which needs an C(https://)
      URL it can reach from the Internet.'
    type: str
  manual_done:
    description:
    - 'Manual adapter: the Back Office steps already done by hand for this shop, as declared by the inventory (convention:
      the shop''s C(manual_done) list in C(vads_shops)).'
    - 'Step names: C(production_key) (14.1), C(notification_url_production), C(notification_url_test) (14.2 (3)),
      C(first_payment), C(first_payment_cancelled), C(notification_sent) (14.3), C(production_key_regenerated) (14.4).
      Any other name fails, listing the valid ones.'
    - 'A declared step is reported C(declared_done): the module trusts the inventory and says so.'
    elements: str
    type: list
  mode:
    choices:
    - TEST
    - PRODUCTION
    default: PRODUCTION
    description:
    - 'Which URL of the rule: the one called in V(TEST) or in V(PRODUCTION) mode.'
    type: str
  name:
    description:
    - The shop's name, used in results and messages. Defaults to the site id.
    type: str
  probe:
    default: false
    description:
    - After registration, POST a correctly signed synthetic notification (order id C(VADS-SHOP-PROBE-...), C(vads_trans_status=ABANDONED),
      C(vads_url_check_src=BO)) to O(url), once, without following redirects, like the gateway; report the HTTP
      code, TLS error, time and any redirect.
    - A redirect, an HTTP code outside 200-206, a TLS error or no answer makes the module fail after its work, naming
      each shop and why (the results are still returned).
    - Skipped in check mode.
    type: bool
  probe_key:
    description:
    - The key of O(mode) to sign the probe with. When absent, the module reads it from O(store), or with the sandbox
      adapter from the Back Office. With the manual adapter one of O(probe_key) and O(store) is required to probe.
      Never returned.
    type: str
  secrets:
    description:
    - 'The secret options of the shops (keys, REST passwords) in one value: what the filter P(vads.shop.secrets#filter)
      makes from the inventory''s shops, or JSON text mapping each shop''s name to its secret options. Each shop
      gets its entry by its name (O(shops[].name)). A dict option (the three REST API keys) takes a dict of strings
      there.'
    - 'Use it for large fleets: Ansible masks every no_log value in everything a module returns, one string replacement
      per value and string, so one key per item of O(shops) costs time in the square of the number of shops. Here
      the keys are one value for Ansible and the module masks each of them itself, in linear time. Never returned
      or logged.'
    - An option given both in a shop and here, or an entry naming no shop of the call, is an error; nothing is changed.
    type: str
  shops:
    description:
    - Several shops handled in this one module call; network calls run O(concurrency) at a time.
    - Each item takes the module's options; the top-level values act as defaults.
    - 'Every shop is validated first: if any is invalid, the module fails naming each bad shop and why, and changes
      nothing.'
    elements: dict
    suboptions:
      backoffice:
        description:
        - How to reach the payment platform's Back Office. The same dict for every gateway-side module (M(vads.shop.notification_url),
          M(vads.shop.backoffice_certificate), M(vads.shop.transaction)).
        - 'The real platform has no API for keys, notification rules or notification status. With O(backoffice.adapter=manual)
          the module changes nothing there: it reports each step as C(pending_manual) with exact Back Office instructions
          (French and English menu path, field, value), appends them to O(backoffice.checklist), and reports a step
          done only for shops whose C(manual_done) lists it (C(declared_done)). It never claims what it cannot see.'
        - With O(backoffice.adapter=sandbox) it drives the operator API of C(vads-sandbox serve), which stands in
          for those Back Office clicks.
        - In an item of O(shops), the keys given here are merged over the top-level O(backoffice).
        - Defaults to the top-level value.
        suboptions:
          adapter:
            choices:
            - sandbox
            - manual
            description:
            - V(manual) for the real platform, V(sandbox) for C(vads-sandbox).
            type: str
          checklist:
            description:
            - 'Manual adapter: a Markdown file (on the host that runs the module) that collects the pending Back
              Office steps of the whole fleet, one line C(- [ ] ...) per shop and step. Written atomically; a rerun
              adds no duplicate line; a step whose value changed is rewritten in place; a tick set by an operator
              is kept. Writing it counts as a change.'
            type: path
          retries:
            description:
            - Retries of a Back Office call after an HTTP 5xx, a connection error or a timeout, with exponential
              backoff (0.5 s, 1 s, 2 s, ...).
            type: int
          timeout:
            description:
            - Seconds to wait for each Back Office answer.
            type: float
          token:
            description:
            - Operator token of the sandbox (the C(token) of its JSON line). Never logged or returned.
            - When the top-level O(backoffice) does not give it, the environment variable E(VADS_BACKOFFICE_TOKEN)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          url:
            description:
            - Base URL of C(vads-sandbox serve) (the C(url) of its JSON line). Sandbox only.
            type: str
        type: dict
      gateway_url:
        description:
        - 'The gateway that will call the URL when it is not the real platform: a gateway on loopback (the sandbox
          standing in for it) may call a loopback C(http://) URL in PRODUCTION. Default: the real platform, which
          needs an C(https://) URL it can reach from the Internet.'
        - Defaults to the top-level value.
        type: str
      manual_done:
        description:
        - 'Manual adapter: the Back Office steps already done by hand for this shop, as declared by the inventory
          (convention: the shop''s C(manual_done) list in C(vads_shops)).'
        - 'Step names: C(production_key) (14.1), C(notification_url_production), C(notification_url_test) (14.2
          (3)), C(first_payment), C(first_payment_cancelled), C(notification_sent) (14.3), C(production_key_regenerated)
          (14.4). Any other name fails, listing the valid ones.'
        - 'A declared step is reported C(declared_done): the module trusts the inventory and says so.'
        - Defaults to the top-level value.
        elements: str
        type: list
      mode:
        choices:
        - TEST
        - PRODUCTION
        description:
        - 'Which URL of the rule: the one called in V(TEST) or in V(PRODUCTION) mode.'
        - Defaults to the top-level value.
        type: str
      name:
        description:
        - The shop's name, used in results and messages. Defaults to the site id.
        - Defaults to the top-level value.
        type: str
      probe:
        description:
        - After registration, POST a correctly signed synthetic notification (order id C(VADS-SHOP-PROBE-...), C(vads_trans_status=ABANDONED),
          C(vads_url_check_src=BO)) to O(url), once, without following redirects, like the gateway; report the HTTP
          code, TLS error, time and any redirect.
        - A redirect, an HTTP code outside 200-206, a TLS error or no answer makes the module fail after its work,
          naming each shop and why (the results are still returned).
        - Skipped in check mode.
        - Defaults to the top-level value.
        type: bool
      probe_key:
        description:
        - The key of O(mode) to sign the probe with. When absent, the module reads it from O(store), or with the
          sandbox adapter from the Back Office. With the manual adapter one of O(probe_key) and O(store) is required
          to probe. Never returned.
        - Defaults to the top-level value.
        type: str
      sign_algo:
        description:
        - 'Signature algorithm of the shop for that mode: V(HMAC-SHA-256) or V(SHA-1) (other spellings such as C(SHA256)
          are accepted). Default: the store''s (with O(store)), else what the sandbox Back Office says, else V(HMAC-SHA-256).'
        - Defaults to the top-level value.
        type: str
      site_id:
        description:
        - The shop id (C(vads_site_id)), exactly 8 digits. Required, here or in each item of O(shops).
        - Defaults to the top-level value.
        type: str
      store:
        description:
        - Where the merchant server keeps this shop's gateway settings.
        - In an item of O(shops), the keys given here are merged over the top-level O(store).
        - 'Optional, read only: where the probe takes the shop''s signature algorithm and, without O(probe_key),
          the key of O(mode), exactly as the merchant''s software signs.'
        - Defaults to the top-level value.
        suboptions:
          brand:
            description:
            - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
            - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower
              case (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option
              name (C(woocommerce_payzen_settings), ...).
            - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
              1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
              C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and
              TEST twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(prod_private_key), C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
              for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
              and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides
              any name.'
            type: str
          connect_timeout:
            description:
            - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
            type: int
          create:
            description:
            - 'File stores: whether a setting whose name the file does not hold may be added.'
            - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
              C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the
              file does not hold is an error naming the names it does hold, since the application would not read
              a new one.
            - V(true) always adds missing names; V(false) never does.
            - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s
              names it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds
              the row.'
            type: bool
          file_mode:
            aliases:
            - mode
            description:
            - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
              usual O(store.mode), an alias).'
            - 'By default the collection never widens a file''s permissions: a file that holds a key only loses
              access for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their
              mode. A mode that lets other users read a file holding a key is refused.'
            - Temporary files are created V('0600') and get this mode once their content is written.
            type: raw
          flat:
            description:
            - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
              or as nested keys (V(false)).'
            - 'Existing names are found either way. By default a new name follows its neighbours: flat when the
              mapping already holds a key that starts with the same first part and a dot, nested otherwise.'
            type: bool
          group:
            description:
            - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
            type: str
          keys:
            description:
            - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(url_check), for software that does not use the defaults.
            - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
              C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
              with section C(vads): C(vads.site_id), ....'
            - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key)
              instead of C(key_test) and C(key_prod); mode and key then change together in one write.
            - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
              C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database
              stores, kept by file stores only where mapped here.'
            - Map a setting to V(null) when the software does not keep it.
            type: dict
          lock_timeout:
            description:
            - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s
              sibling C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
            - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
              named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
              holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
              nothing.'
            - Check mode and read-only modules take no lock.
            type: int
          login_db:
            description:
            - 'Database stores: the shop''s database (schema) name. Required for database stores.'
            type: str
          login_host:
            description:
            - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
            - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
            - Shops whose server, port or socket, user and database are the same share one connection and one transaction
              per module call.
            type: str
          login_password:
            description:
            - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
            - Shops that share a connection must give the same password.
            - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          login_port:
            description:
            - 'Database stores: the server''s TCP port. Defaults to V(3306).'
            type: int
          login_unix_socket:
            description:
            - 'Database stores: the server''s unix socket, used instead of host and port.'
            type: path
          login_user:
            description:
            - 'Database stores: the user to log in as. Required for database stores.'
            type: str
          magento_root:
            description:
            - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
              a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported,
              not run.'
            - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
              and a warning names the command to run.'
            - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required
              to read or write them when they are set.'
            type: path
          max_size_mb:
            description:
            - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with
              a clear message before it is parsed.'
            type: float
          option_name:
            description:
            - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array.
              Defaults to C(woocommerce_<brand>_settings).'
            - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
              creates it when its settings are first saved).
            type: str
          overrides:
            description:
            - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
              or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own,
              different value for the same setting, and so would keep serving it.'
            - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
              V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
              The shop's result lists what was done in C(overrides).
            type: str
          owner:
            description:
            - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
              when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
            type: str
          path:
            description:
            - The configuration file, for file stores. It must exist.
            type: path
          scope:
            description:
            - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store)
              are accepted). Defaults to V(default).'
            - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
              table), else the default row. Writing sets the row of this scope.'
            type: str
          scope_id:
            description:
            - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
              (the default) for O(store.scope=default).'
            type: int
          shop_group_id:
            description:
            - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
              is not given (group row, else global row).'
            type: int
          shop_id:
            description:
            - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
            - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else
              the global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read
              from C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep
              their values.'
            - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
            type: int
          table_prefix:
            description:
            - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
              V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
            - Letters, digits and underscores only.
            type: str
          type:
            description:
            - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are
              edited in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
            - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides
              them.
            - Required, here or in each item of O(shops).
            type: str
        type: dict
      url:
        description:
        - The merchant's notification (IPN) URL, absolute, without credentials or fragment. Required.
        - 'In V(PRODUCTION): C(https://), and not a loopback, private or link-local host (literal addresses are
          checked, names are resolved when they can be, else judged by their suffix). With the sandbox adapter,
          loopback hosts (and C(http://) on them) are allowed, as the sandbox and its demo receiver live there.'
        - Defaults to the top-level value.
        type: str
    type: list
  sign_algo:
    description:
    - 'Signature algorithm of the shop for that mode: V(HMAC-SHA-256) or V(SHA-1) (other spellings such as C(SHA256)
      are accepted). Default: the store''s (with O(store)), else what the sandbox Back Office says, else V(HMAC-SHA-256).'
    type: str
  site_id:
    description:
    - The shop id (C(vads_site_id)), exactly 8 digits. Required, here or in each item of O(shops).
    type: str
  store:
    description:
    - Where the merchant server keeps this shop's gateway settings.
    - In an item of O(shops), the keys given here are merged over the top-level O(store).
    - 'Optional, read only: where the probe takes the shop''s signature algorithm and, without O(probe_key), the
      key of O(mode), exactly as the merchant''s software signs.'
    suboptions:
      brand:
        description:
        - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
        - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower case
          (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option name (C(woocommerce_payzen_settings),
          ...).
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
          1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and TEST
          twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo), C(prod_private_key),
          C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
          for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
          and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides any
          name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      create:
        description:
        - 'File stores: whether a setting whose name the file does not hold may be added.'
        - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
          C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the file
          does not hold is an error naming the names it does hold, since the application would not read a new one.
        - V(true) always adds missing names; V(false) never does.
        - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s names
          it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds the row.'
        type: bool
      file_mode:
        aliases:
        - mode
        description:
        - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
          usual O(store.mode), an alias).'
        - 'By default the collection never widens a file''s permissions: a file that holds a key only loses access
          for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their mode. A
          mode that lets other users read a file holding a key is refused.'
        - Temporary files are created V('0600') and get this mode once their content is written.
        type: raw
      flat:
        description:
        - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
          or as nested keys (V(false)).'
        - 'Existing names are found either way. By default a new name follows its neighbours: flat when the mapping
          already holds a key that starts with the same first part and a dot, nested otherwise.'
        type: bool
      group:
        description:
        - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
        type: str
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
          C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database stores,
          kept by file stores only where mapped here.'
        - Map a setting to V(null) when the software does not keep it.
        type: dict
      lock_timeout:
        description:
        - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s sibling
          C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
        - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
          named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
          holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
          nothing.'
        - Check mode and read-only modules take no lock.
        type: int
      login_db:
        description:
        - 'Database stores: the shop''s database (schema) name. Required for database stores.'
        type: str
      login_host:
        description:
        - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
        - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
        - Shops whose server, port or socket, user and database are the same share one connection and one transaction
          per module call.
        type: str
      login_password:
        description:
        - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
        - Shops that share a connection must give the same password.
        - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      login_port:
        description:
        - 'Database stores: the server''s TCP port. Defaults to V(3306).'
        type: int
      login_unix_socket:
        description:
        - 'Database stores: the server''s unix socket, used instead of host and port.'
        type: path
      login_user:
        description:
        - 'Database stores: the user to log in as. Required for database stores.'
        type: str
      magento_root:
        description:
        - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
          a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported, not
          run.'
        - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
          and a warning names the command to run.'
        - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required to
          read or write them when they are set.'
        type: path
      max_size_mb:
        description:
        - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with a clear
          message before it is parsed.'
        type: float
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
        type: str
      overrides:
        description:
        - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
          or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own, different
          value for the same setting, and so would keep serving it.'
        - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
          V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
          The shop's result lists what was done in C(overrides).
        type: str
      owner:
        description:
        - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
          when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
        type: str
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
      scope:
        description:
        - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store) are
          accepted). Defaults to V(default).'
        - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
          table), else the default row. Writing sets the row of this scope.'
        type: str
      scope_id:
        description:
        - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
          (the default) for O(store.scope=default).'
        type: int
      shop_group_id:
        description:
        - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
          is not given (group row, else global row).'
        type: int
      shop_id:
        description:
        - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
        - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else the
          global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read from
          C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep their values.'
        - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
        type: int
      table_prefix:
        description:
        - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
          V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
        - Letters, digits and underscores only.
        type: str
      type:
        description:
        - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are edited
          in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
        - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides them.
        - Required, here or in each item of O(shops).
        type: str
    type: dict
  url:
    description:
    - The merchant's notification (IPN) URL, absolute, without credentials or fragment. Required.
    - 'In V(PRODUCTION): C(https://), and not a loopback, private or link-local host (literal addresses are checked,
      names are resolved when they can be, else judged by their suffix). With the sandbox adapter, loopback hosts
      (and C(http://) on them) are allowed, as the sandbox and its demo receiver live there.'
    type: str
  use_proxy:
    default: true
    description:
    - Use the proxy named by the C(https_proxy) / C(http_proxy) environment variables (set them with the task's
      C(environment)), except for the hosts listed in C(no_proxy). V(false) ignores them.
    type: bool
  validate_certs:
    default: true
    description:
    - Verify the TLS certificates of the gateway, the REST API, the Back Office and the notification URLs probed.
      V(false) only for a test gateway with a self-signed certificate you trust.
    - The trusted authorities are the system's, plus the file named by the C(SSL_CERT_FILE) environment variable,
      or only O(ca_path) when given.
    type: bool
'''

    BACKOFFICE_CERTIFICATE = r'''
options:
  backoffice:
    description:
    - How to reach the payment platform's Back Office. The same dict for every gateway-side module (M(vads.shop.notification_url),
      M(vads.shop.backoffice_certificate), M(vads.shop.transaction)).
    - 'The real platform has no API for keys, notification rules or notification status. With O(backoffice.adapter=manual)
      the module changes nothing there: it reports each step as C(pending_manual) with exact Back Office instructions
      (French and English menu path, field, value), appends them to O(backoffice.checklist), and reports a step
      done only for shops whose C(manual_done) lists it (C(declared_done)). It never claims what it cannot see.'
    - With O(backoffice.adapter=sandbox) it drives the operator API of C(vads-sandbox serve), which stands in for
      those Back Office clicks.
    - In an item of O(shops), the keys given here are merged over the top-level O(backoffice).
    suboptions:
      adapter:
        choices:
        - sandbox
        - manual
        default: manual
        description:
        - V(manual) for the real platform, V(sandbox) for C(vads-sandbox).
        type: str
      checklist:
        description:
        - 'Manual adapter: a Markdown file (on the host that runs the module) that collects the pending Back Office
          steps of the whole fleet, one line C(- [ ] ...) per shop and step. Written atomically; a rerun adds no
          duplicate line; a step whose value changed is rewritten in place; a tick set by an operator is kept. Writing
          it counts as a change.'
        type: path
      retries:
        default: 3
        description:
        - Retries of a Back Office call after an HTTP 5xx, a connection error or a timeout, with exponential backoff
          (0.5 s, 1 s, 2 s, ...).
        type: int
      timeout:
        default: 10
        description:
        - Seconds to wait for each Back Office answer.
        type: float
      token:
        description:
        - Operator token of the sandbox (the C(token) of its JSON line). Never logged or returned.
        - When the top-level O(backoffice) does not give it, the environment variable E(VADS_BACKOFFICE_TOKEN) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      url:
        description:
        - Base URL of C(vads-sandbox serve) (the C(url) of its JSON line). Sandbox only.
        type: str
    type: dict
  backup:
    default: false
    description:
    - 'With O(store): keep a copy of the store file before changing it.'
    type: bool
  ca_path:
    description:
    - A PEM file of the certificate authorities to trust instead of the system's (a company CA, an inspecting egress
      proxy's CA).
    type: path
  client_cert:
    description:
    - A PEM client certificate (chain) for TLS client authentication, with its key unless O(client_key) is given.
    type: path
  client_key:
    description:
    - The PEM private key of O(client_cert), when it is in a separate file.
    type: path
  concurrency:
    default: 8
    description:
    - How many shops talk to the network at the same time.
    type: int
  force:
    default: false
    description:
    - 'With O(state=regenerated): regenerate although the current production key does not have the fingerprint O(regenerate_from).
      Without it, a current key (Back Office, and the store with O(store)) that matches neither O(regenerate_from)
      nor O(regenerated_to) is an error naming both fingerprints: a mistyped or stale fingerprint must not pass
      as a rotation already done.'
    type: bool
  manual_done:
    description:
    - 'Manual adapter: the Back Office steps already done by hand for this shop, as declared by the inventory (convention:
      the shop''s C(manual_done) list in C(vads_shops)).'
    - 'Step names: C(production_key) (14.1), C(notification_url_production), C(notification_url_test) (14.2 (3)),
      C(first_payment), C(first_payment_cancelled), C(notification_sent) (14.3), C(production_key_regenerated) (14.4).
      Any other name fails, listing the valid ones.'
    - 'A declared step is reported C(declared_done): the module trusts the inventory and says so.'
    elements: str
    type: list
  name:
    description:
    - The shop's name, used in results and messages. Defaults to the site id.
    type: str
  regenerate_from:
    description:
    - 'With O(state=regenerated): the fingerprint (C(sha256:) and 8 hex digits, as the modules report it) of the
      lost or compromised production key. Required with O(state=regenerated).'
    type: str
  regenerated_to:
    description:
    - 'With O(state=regenerated): the fingerprint an earlier run of this rotation gave the new key (the C(vads.shop.rotate_certificate)
      role records it). A current key with that fingerprint means the rotation is done: a rerun changes nothing.'
    type: str
  shops:
    description:
    - Several shops handled in this one module call; network calls run O(concurrency) at a time.
    - Each item takes the module's options; the top-level values act as defaults.
    - 'Every shop is validated first: if any is invalid, the module fails naming each bad shop and why, and changes
      nothing.'
    elements: dict
    suboptions:
      backoffice:
        description:
        - How to reach the payment platform's Back Office. The same dict for every gateway-side module (M(vads.shop.notification_url),
          M(vads.shop.backoffice_certificate), M(vads.shop.transaction)).
        - 'The real platform has no API for keys, notification rules or notification status. With O(backoffice.adapter=manual)
          the module changes nothing there: it reports each step as C(pending_manual) with exact Back Office instructions
          (French and English menu path, field, value), appends them to O(backoffice.checklist), and reports a step
          done only for shops whose C(manual_done) lists it (C(declared_done)). It never claims what it cannot see.'
        - With O(backoffice.adapter=sandbox) it drives the operator API of C(vads-sandbox serve), which stands in
          for those Back Office clicks.
        - In an item of O(shops), the keys given here are merged over the top-level O(backoffice).
        - Defaults to the top-level value.
        suboptions:
          adapter:
            choices:
            - sandbox
            - manual
            description:
            - V(manual) for the real platform, V(sandbox) for C(vads-sandbox).
            type: str
          checklist:
            description:
            - 'Manual adapter: a Markdown file (on the host that runs the module) that collects the pending Back
              Office steps of the whole fleet, one line C(- [ ] ...) per shop and step. Written atomically; a rerun
              adds no duplicate line; a step whose value changed is rewritten in place; a tick set by an operator
              is kept. Writing it counts as a change.'
            type: path
          retries:
            description:
            - Retries of a Back Office call after an HTTP 5xx, a connection error or a timeout, with exponential
              backoff (0.5 s, 1 s, 2 s, ...).
            type: int
          timeout:
            description:
            - Seconds to wait for each Back Office answer.
            type: float
          token:
            description:
            - Operator token of the sandbox (the C(token) of its JSON line). Never logged or returned.
            - When the top-level O(backoffice) does not give it, the environment variable E(VADS_BACKOFFICE_TOKEN)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          url:
            description:
            - Base URL of C(vads-sandbox serve) (the C(url) of its JSON line). Sandbox only.
            type: str
        type: dict
      backup:
        description:
        - 'With O(store): keep a copy of the store file before changing it.'
        - Defaults to the top-level value.
        type: bool
      force:
        description:
        - 'With O(state=regenerated): regenerate although the current production key does not have the fingerprint
          O(regenerate_from). Without it, a current key (Back Office, and the store with O(store)) that matches
          neither O(regenerate_from) nor O(regenerated_to) is an error naming both fingerprints: a mistyped or stale
          fingerprint must not pass as a rotation already done.'
        - Defaults to the top-level value.
        type: bool
      manual_done:
        description:
        - 'Manual adapter: the Back Office steps already done by hand for this shop, as declared by the inventory
          (convention: the shop''s C(manual_done) list in C(vads_shops)).'
        - 'Step names: C(production_key) (14.1), C(notification_url_production), C(notification_url_test) (14.2
          (3)), C(first_payment), C(first_payment_cancelled), C(notification_sent) (14.3), C(production_key_regenerated)
          (14.4). Any other name fails, listing the valid ones.'
        - 'A declared step is reported C(declared_done): the module trusts the inventory and says so.'
        - Defaults to the top-level value.
        elements: str
        type: list
      name:
        description:
        - The shop's name, used in results and messages. Defaults to the site id.
        - Defaults to the top-level value.
        type: str
      regenerate_from:
        description:
        - 'With O(state=regenerated): the fingerprint (C(sha256:) and 8 hex digits, as the modules report it) of
          the lost or compromised production key. Required with O(state=regenerated).'
        - Defaults to the top-level value.
        type: str
      regenerated_to:
        description:
        - 'With O(state=regenerated): the fingerprint an earlier run of this rotation gave the new key (the C(vads.shop.rotate_certificate)
          role records it). A current key with that fingerprint means the rotation is done: a rerun changes nothing.'
        - Defaults to the top-level value.
        type: str
      site_id:
        description:
        - The shop id (C(vads_site_id)), exactly 8 digits. Required, here or in each item of O(shops).
        - Defaults to the top-level value.
        type: str
      state:
        choices:
        - present
        - regenerated
        description:
        - 'V(present): generate the production key if it does not exist yet (14.1); an existing key is left alone.'
        - 'V(regenerated): regenerate it (14.4) only while the current production key still has the fingerprint
          O(regenerate_from). Once regenerated, the fingerprint differs, so a rerun changes nothing; a plain "regenerate"
          would rotate the key on every run and break every server that got the previous one.'
        - Defaults to the top-level value.
        type: str
      store:
        description:
        - Where the merchant server keeps this shop's gateway settings.
        - In an item of O(shops), the keys given here are merged over the top-level O(store).
        - Optional. When given, the module installs the (new) production key in this store itself, the way M(vads.shop.certificate)
          does (same validation, atomic write, no access for other users, fingerprints only), so the key travels
          from the Back Office to the merchant server without ever being printed.
        - 'Sandbox adapter only: with the manual adapter the module cannot see the key; put it in ansible-vault
          and use M(vads.shop.certificate).'
        - With O(state=regenerated) the store's production key is replaced (as M(vads.shop.certificate) does with
          O(vads.shop.certificate#module:replace=true)).
        - Defaults to the top-level value.
        suboptions:
          brand:
            description:
            - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
            - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower
              case (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option
              name (C(woocommerce_payzen_settings), ...).
            - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
              1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
              C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and
              TEST twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(prod_private_key), C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
              for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
              and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides
              any name.'
            type: str
          connect_timeout:
            description:
            - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
            type: int
          create:
            description:
            - 'File stores: whether a setting whose name the file does not hold may be added.'
            - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
              C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the
              file does not hold is an error naming the names it does hold, since the application would not read
              a new one.
            - V(true) always adds missing names; V(false) never does.
            - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s
              names it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds
              the row.'
            type: bool
          file_mode:
            aliases:
            - mode
            description:
            - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
              usual O(store.mode), an alias).'
            - 'By default the collection never widens a file''s permissions: a file that holds a key only loses
              access for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their
              mode. A mode that lets other users read a file holding a key is refused.'
            - Temporary files are created V('0600') and get this mode once their content is written.
            type: raw
          flat:
            description:
            - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
              or as nested keys (V(false)).'
            - 'Existing names are found either way. By default a new name follows its neighbours: flat when the
              mapping already holds a key that starts with the same first part and a dot, nested otherwise.'
            type: bool
          group:
            description:
            - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
            type: str
          keys:
            description:
            - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(url_check), for software that does not use the defaults.
            - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
              C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
              with section C(vads): C(vads.site_id), ....'
            - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key)
              instead of C(key_test) and C(key_prod); mode and key then change together in one write.
            - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
              C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database
              stores, kept by file stores only where mapped here.'
            - Map a setting to V(null) when the software does not keep it.
            type: dict
          lock_timeout:
            description:
            - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s
              sibling C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
            - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
              named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
              holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
              nothing.'
            - Check mode and read-only modules take no lock.
            type: int
          login_db:
            description:
            - 'Database stores: the shop''s database (schema) name. Required for database stores.'
            type: str
          login_host:
            description:
            - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
            - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
            - Shops whose server, port or socket, user and database are the same share one connection and one transaction
              per module call.
            type: str
          login_password:
            description:
            - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
            - Shops that share a connection must give the same password.
            - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          login_port:
            description:
            - 'Database stores: the server''s TCP port. Defaults to V(3306).'
            type: int
          login_unix_socket:
            description:
            - 'Database stores: the server''s unix socket, used instead of host and port.'
            type: path
          login_user:
            description:
            - 'Database stores: the user to log in as. Required for database stores.'
            type: str
          magento_root:
            description:
            - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
              a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported,
              not run.'
            - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
              and a warning names the command to run.'
            - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required
              to read or write them when they are set.'
            type: path
          max_size_mb:
            description:
            - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with
              a clear message before it is parsed.'
            type: float
          option_name:
            description:
            - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array.
              Defaults to C(woocommerce_<brand>_settings).'
            - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
              creates it when its settings are first saved).
            type: str
          overrides:
            description:
            - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
              or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own,
              different value for the same setting, and so would keep serving it.'
            - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
              V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
              The shop's result lists what was done in C(overrides).
            type: str
          owner:
            description:
            - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
              when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
            type: str
          path:
            description:
            - The configuration file, for file stores. It must exist.
            type: path
          scope:
            description:
            - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store)
              are accepted). Defaults to V(default).'
            - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
              table), else the default row. Writing sets the row of this scope.'
            type: str
          scope_id:
            description:
            - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
              (the default) for O(store.scope=default).'
            type: int
          shop_group_id:
            description:
            - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
              is not given (group row, else global row).'
            type: int
          shop_id:
            description:
            - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
            - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else
              the global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read
              from C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep
              their values.'
            - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
            type: int
          table_prefix:
            description:
            - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
              V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
            - Letters, digits and underscores only.
            type: str
          type:
            description:
            - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are
              edited in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
            - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides
              them.
            - Required, here or in each item of O(shops).
            type: str
        type: dict
    type: list
  site_id:
    description:
    - The shop id (C(vads_site_id)), exactly 8 digits. Required, here or in each item of O(shops).
    type: str
  state:
    choices:
    - present
    - regenerated
    default: present
    description:
    - 'V(present): generate the production key if it does not exist yet (14.1); an existing key is left alone.'
    - 'V(regenerated): regenerate it (14.4) only while the current production key still has the fingerprint O(regenerate_from).
      Once regenerated, the fingerprint differs, so a rerun changes nothing; a plain "regenerate" would rotate the
      key on every run and break every server that got the previous one.'
    type: str
  store:
    description:
    - Where the merchant server keeps this shop's gateway settings.
    - In an item of O(shops), the keys given here are merged over the top-level O(store).
    - Optional. When given, the module installs the (new) production key in this store itself, the way M(vads.shop.certificate)
      does (same validation, atomic write, no access for other users, fingerprints only), so the key travels from
      the Back Office to the merchant server without ever being printed.
    - 'Sandbox adapter only: with the manual adapter the module cannot see the key; put it in ansible-vault and
      use M(vads.shop.certificate).'
    - With O(state=regenerated) the store's production key is replaced (as M(vads.shop.certificate) does with O(vads.shop.certificate#module:replace=true)).
    suboptions:
      brand:
        description:
        - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
        - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower case
          (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option name (C(woocommerce_payzen_settings),
          ...).
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
          1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and TEST
          twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo), C(prod_private_key),
          C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
          for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
          and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides any
          name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      create:
        description:
        - 'File stores: whether a setting whose name the file does not hold may be added.'
        - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
          C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the file
          does not hold is an error naming the names it does hold, since the application would not read a new one.
        - V(true) always adds missing names; V(false) never does.
        - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s names
          it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds the row.'
        type: bool
      file_mode:
        aliases:
        - mode
        description:
        - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
          usual O(store.mode), an alias).'
        - 'By default the collection never widens a file''s permissions: a file that holds a key only loses access
          for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their mode. A
          mode that lets other users read a file holding a key is refused.'
        - Temporary files are created V('0600') and get this mode once their content is written.
        type: raw
      flat:
        description:
        - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
          or as nested keys (V(false)).'
        - 'Existing names are found either way. By default a new name follows its neighbours: flat when the mapping
          already holds a key that starts with the same first part and a dot, nested otherwise.'
        type: bool
      group:
        description:
        - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
        type: str
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
          C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database stores,
          kept by file stores only where mapped here.'
        - Map a setting to V(null) when the software does not keep it.
        type: dict
      lock_timeout:
        description:
        - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s sibling
          C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
        - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
          named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
          holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
          nothing.'
        - Check mode and read-only modules take no lock.
        type: int
      login_db:
        description:
        - 'Database stores: the shop''s database (schema) name. Required for database stores.'
        type: str
      login_host:
        description:
        - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
        - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
        - Shops whose server, port or socket, user and database are the same share one connection and one transaction
          per module call.
        type: str
      login_password:
        description:
        - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
        - Shops that share a connection must give the same password.
        - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      login_port:
        description:
        - 'Database stores: the server''s TCP port. Defaults to V(3306).'
        type: int
      login_unix_socket:
        description:
        - 'Database stores: the server''s unix socket, used instead of host and port.'
        type: path
      login_user:
        description:
        - 'Database stores: the user to log in as. Required for database stores.'
        type: str
      magento_root:
        description:
        - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
          a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported, not
          run.'
        - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
          and a warning names the command to run.'
        - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required to
          read or write them when they are set.'
        type: path
      max_size_mb:
        description:
        - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with a clear
          message before it is parsed.'
        type: float
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
        type: str
      overrides:
        description:
        - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
          or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own, different
          value for the same setting, and so would keep serving it.'
        - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
          V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
          The shop's result lists what was done in C(overrides).
        type: str
      owner:
        description:
        - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
          when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
        type: str
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
      scope:
        description:
        - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store) are
          accepted). Defaults to V(default).'
        - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
          table), else the default row. Writing sets the row of this scope.'
        type: str
      scope_id:
        description:
        - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
          (the default) for O(store.scope=default).'
        type: int
      shop_group_id:
        description:
        - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
          is not given (group row, else global row).'
        type: int
      shop_id:
        description:
        - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
        - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else the
          global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read from
          C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep their values.'
        - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
        type: int
      table_prefix:
        description:
        - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
          V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
        - Letters, digits and underscores only.
        type: str
      type:
        description:
        - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are edited
          in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
        - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides them.
        - Required, here or in each item of O(shops).
        type: str
    type: dict
  use_proxy:
    default: true
    description:
    - Use the proxy named by the C(https_proxy) / C(http_proxy) environment variables (set them with the task's
      C(environment)), except for the hosts listed in C(no_proxy). V(false) ignores them.
    type: bool
  validate_certs:
    default: true
    description:
    - Verify the TLS certificates of the gateway, the REST API, the Back Office and the notification URLs probed.
      V(false) only for a test gateway with a self-signed certificate you trust.
    - The trusted authorities are the system's, plus the file named by the C(SSL_CERT_FILE) environment variable,
      or only O(ca_path) when given.
    type: bool
'''

    TRANSACTION = r'''
options:
  api_url:
    description:
    - Base URL of the REST API, for example the sandbox's URL; C(/api-payment/V4/) is appended unless present. Overrides
      O(brand).
    type: str
  backoffice:
    description:
    - 'Optional: the Back Office that can see the notification status (see M(vads.shop.notification_url)).'
    - 'Sandbox adapter: the status, URL, attempts and redirect flag of the transaction''s notification.'
    - 'Manual adapter: the status is C(unknown), with the Back Office path where to read it.'
    - 'The real platform has no API for keys, notification rules or notification status. With O(backoffice.adapter=manual)
      the module changes nothing there: it reports each step as C(pending_manual) with exact Back Office instructions
      (French and English menu path, field, value), appends them to O(backoffice.checklist), and reports a step
      done only for shops whose C(manual_done) lists it (C(declared_done)). It never claims what it cannot see.'
    - With O(backoffice.adapter=sandbox) it drives the operator API of C(vads-sandbox serve), which stands in for
      those Back Office clicks.
    - In an item of O(shops), the keys given here are merged over the top-level O(backoffice).
    suboptions:
      adapter:
        choices:
        - sandbox
        - manual
        default: manual
        description:
        - V(manual) for the real platform, V(sandbox) for C(vads-sandbox).
        type: str
      checklist:
        description:
        - 'Manual adapter: a Markdown file (on the host that runs the module) that collects the pending Back Office
          steps of the whole fleet, one line C(- [ ] ...) per shop and step. Written atomically; a rerun adds no
          duplicate line; a step whose value changed is rewritten in place; a tick set by an operator is kept. Writing
          it counts as a change.'
        type: path
      retries:
        default: 3
        description:
        - Retries of a Back Office call after an HTTP 5xx, a connection error or a timeout, with exponential backoff
          (0.5 s, 1 s, 2 s, ...).
        type: int
      timeout:
        default: 10
        description:
        - Seconds to wait for each Back Office answer.
        type: float
      token:
        description:
        - Operator token of the sandbox (the C(token) of its JSON line). Never logged or returned.
        - When the top-level O(backoffice) does not give it, the environment variable E(VADS_BACKOFFICE_TOKEN) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      url:
        description:
        - Base URL of C(vads-sandbox serve) (the C(url) of its JSON line). Sandbox only.
        type: str
    type: dict
  brand:
    description:
    - 'Brand whose REST API host to use: V(payzen) (api.payzen.eu), V(systempay) (api.systempay.fr), V(lyra) or
      V(lyracollect) (api.lyra.com). For other brands give O(api_url).'
    type: str
  ca_path:
    description:
    - A PEM file of the certificate authorities to trust instead of the system's (a company CA, an inspecting egress
      proxy's CA).
    type: path
  client_cert:
    description:
    - A PEM client certificate (chain) for TLS client authentication, with its key unless O(client_key) is given.
    type: path
  client_key:
    description:
    - The PEM private key of O(client_cert), when it is in a separate file.
    type: path
  concurrency:
    default: 8
    description:
    - How many shops talk to the network at the same time.
    type: int
  missing_ok:
    default: false
    description:
    - With O(state=present), a transaction that is not found is reported, not a failure.
    type: bool
  mode:
    description:
    - 'V(TEST) or V(PRODUCTION): which REST password to read from the sandbox Back Office when O(password) is not
      given. Ignored when O(password) is given (its prefix picks the mode).'
    type: str
  name:
    description:
    - The shop's name, used in results and messages. Defaults to the site id.
    type: str
  order_id:
    description:
    - The order id; the most recent transaction of the order is used.
    type: str
  password:
    description:
    - 'The REST API password of the shop: C(testpassword_...) reads TEST transactions, C(prodpassword_...) PRODUCTION
      ones. Never returned.'
    - Required, except with the sandbox adapter, which reads it from the Back Office for O(mode).
    - When it is not given at the top level, the environment variable E(VADS_REST_PASSWORD) of the process that
      runs the module (for example set by a play's C(environment:)) is used; an item of O(shops) inherits the top-level
      value.
    type: str
  pay:
    description:
    - 'Sandbox, step 14.3 in one call: when no transaction of O(order_id) is found, make the payment first, with
      a form signed as the shop''s O(store) signs it (its site id, key of O(mode) and algorithm, as M(vads.shop.payment_probe)
      does), then cancel it as O(state=cancelled) does, once its notification left C(pending) (O(wait_notification)).'
    - A rerun finds that payment by its order id and pays nothing again.
    - 'Needs O(state=cancelled), O(order_id), O(store) and the sandbox adapter (O(backoffice.adapter=sandbox)):
      on the real platform a person pays with a real card and declares it, and this module reads, cancels and checks
      that payment; it never pays there.'
    suboptions:
      amount:
        description:
        - Amount in the smallest currency unit. Default V(200) (2 EUR).
        type: int
      card:
        description:
        - A sandbox card number (C(4970100000000000) is accepted). Required.
        type: str
      currency:
        description:
        - ISO 4217 numeric currency code. Default V(978) (EUR).
        type: str
      gateway_url:
        description:
        - The sandbox's payment form endpoint, C(<url>/vads-payment/). Required.
        type: str
      timeout:
        description:
        - Seconds to wait for the payment endpoint's answer. Default V(30).
        type: float
    type: dict
  resend_notification:
    default: false
    description:
    - 'Sandbox adapter: when the transaction''s notification C(failed) (every attempt), resend it (the Back Office''s
      "Renvoyer la notification") once and wait again; reported as a change.'
    - 'Manual adapter: the result''s C(notification.resend) gives the Back Office path to do it by hand.'
    type: bool
  retries:
    default: 3
    description:
    - Retries after an HTTP 5xx, a connection error or a timeout, with exponential backoff.
    type: int
  secrets:
    description:
    - 'The secret options of the shops (keys, REST passwords) in one value: what the filter P(vads.shop.secrets#filter)
      makes from the inventory''s shops, or JSON text mapping each shop''s name to its secret options. Each shop
      gets its entry by its name (O(shops[].name)). A dict option (the three REST API keys) takes a dict of strings
      there.'
    - 'Use it for large fleets: Ansible masks every no_log value in everything a module returns, one string replacement
      per value and string, so one key per item of O(shops) costs time in the square of the number of shops. Here
      the keys are one value for Ansible and the module masks each of them itself, in linear time. Never returned
      or logged.'
    - An option given both in a shop and here, or an entry naming no shop of the call, is an error; nothing is changed.
    type: str
  shops:
    description:
    - Several shops handled in this one module call; network calls run O(concurrency) at a time.
    - Each item takes the module's options; the top-level values act as defaults.
    - 'Every shop is validated first: if any is invalid, the module fails naming each bad shop and why, and changes
      nothing.'
    elements: dict
    suboptions:
      api_url:
        description:
        - Base URL of the REST API, for example the sandbox's URL; C(/api-payment/V4/) is appended unless present.
          Overrides O(brand).
        - Defaults to the top-level value.
        type: str
      backoffice:
        description:
        - 'Optional: the Back Office that can see the notification status (see M(vads.shop.notification_url)).'
        - 'Sandbox adapter: the status, URL, attempts and redirect flag of the transaction''s notification.'
        - 'Manual adapter: the status is C(unknown), with the Back Office path where to read it.'
        - 'The real platform has no API for keys, notification rules or notification status. With O(backoffice.adapter=manual)
          the module changes nothing there: it reports each step as C(pending_manual) with exact Back Office instructions
          (French and English menu path, field, value), appends them to O(backoffice.checklist), and reports a step
          done only for shops whose C(manual_done) lists it (C(declared_done)). It never claims what it cannot see.'
        - With O(backoffice.adapter=sandbox) it drives the operator API of C(vads-sandbox serve), which stands in
          for those Back Office clicks.
        - In an item of O(shops), the keys given here are merged over the top-level O(backoffice).
        - Defaults to the top-level value.
        suboptions:
          adapter:
            choices:
            - sandbox
            - manual
            description:
            - V(manual) for the real platform, V(sandbox) for C(vads-sandbox).
            type: str
          checklist:
            description:
            - 'Manual adapter: a Markdown file (on the host that runs the module) that collects the pending Back
              Office steps of the whole fleet, one line C(- [ ] ...) per shop and step. Written atomically; a rerun
              adds no duplicate line; a step whose value changed is rewritten in place; a tick set by an operator
              is kept. Writing it counts as a change.'
            type: path
          retries:
            description:
            - Retries of a Back Office call after an HTTP 5xx, a connection error or a timeout, with exponential
              backoff (0.5 s, 1 s, 2 s, ...).
            type: int
          timeout:
            description:
            - Seconds to wait for each Back Office answer.
            type: float
          token:
            description:
            - Operator token of the sandbox (the C(token) of its JSON line). Never logged or returned.
            - When the top-level O(backoffice) does not give it, the environment variable E(VADS_BACKOFFICE_TOKEN)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          url:
            description:
            - Base URL of C(vads-sandbox serve) (the C(url) of its JSON line). Sandbox only.
            type: str
        type: dict
      brand:
        description:
        - 'Brand whose REST API host to use: V(payzen) (api.payzen.eu), V(systempay) (api.systempay.fr), V(lyra)
          or V(lyracollect) (api.lyra.com). For other brands give O(api_url).'
        - Defaults to the top-level value.
        type: str
      missing_ok:
        description:
        - With O(state=present), a transaction that is not found is reported, not a failure.
        - Defaults to the top-level value.
        type: bool
      mode:
        description:
        - 'V(TEST) or V(PRODUCTION): which REST password to read from the sandbox Back Office when O(password) is
          not given. Ignored when O(password) is given (its prefix picks the mode).'
        - Defaults to the top-level value.
        type: str
      name:
        description:
        - The shop's name, used in results and messages. Defaults to the site id.
        - Defaults to the top-level value.
        type: str
      order_id:
        description:
        - The order id; the most recent transaction of the order is used.
        - Defaults to the top-level value.
        type: str
      password:
        description:
        - 'The REST API password of the shop: C(testpassword_...) reads TEST transactions, C(prodpassword_...) PRODUCTION
          ones. Never returned.'
        - Required, except with the sandbox adapter, which reads it from the Back Office for O(mode).
        - When it is not given at the top level, the environment variable E(VADS_REST_PASSWORD) of the process that
          runs the module (for example set by a play's C(environment:)) is used; an item of O(shops) inherits the
          top-level value.
        - Defaults to the top-level value.
        type: str
      pay:
        description:
        - 'Sandbox, step 14.3 in one call: when no transaction of O(order_id) is found, make the payment first,
          with a form signed as the shop''s O(store) signs it (its site id, key of O(mode) and algorithm, as M(vads.shop.payment_probe)
          does), then cancel it as O(state=cancelled) does, once its notification left C(pending) (O(wait_notification)).'
        - A rerun finds that payment by its order id and pays nothing again.
        - 'Needs O(state=cancelled), O(order_id), O(store) and the sandbox adapter (O(backoffice.adapter=sandbox)):
          on the real platform a person pays with a real card and declares it, and this module reads, cancels and
          checks that payment; it never pays there.'
        - Defaults to the top-level value.
        suboptions:
          amount:
            description:
            - Amount in the smallest currency unit. Default V(200) (2 EUR).
            type: int
          card:
            description:
            - A sandbox card number (C(4970100000000000) is accepted). Required.
            type: str
          currency:
            description:
            - ISO 4217 numeric currency code. Default V(978) (EUR).
            type: str
          gateway_url:
            description:
            - The sandbox's payment form endpoint, C(<url>/vads-payment/). Required.
            type: str
          timeout:
            description:
            - Seconds to wait for the payment endpoint's answer. Default V(30).
            type: float
        type: dict
      resend_notification:
        description:
        - 'Sandbox adapter: when the transaction''s notification C(failed) (every attempt), resend it (the Back
          Office''s "Renvoyer la notification") once and wait again; reported as a change.'
        - 'Manual adapter: the result''s C(notification.resend) gives the Back Office path to do it by hand.'
        - Defaults to the top-level value.
        type: bool
      retries:
        description:
        - Retries after an HTTP 5xx, a connection error or a timeout, with exponential backoff.
        - Defaults to the top-level value.
        type: int
      site_id:
        description:
        - The shop id (C(vads_site_id)), exactly 8 digits. Required, here or in each item of O(shops).
        - Defaults to the top-level value.
        type: str
      state:
        choices:
        - present
        - cancelled
        description:
        - 'V(present): read the transaction; fail when it is not found unless O(missing_ok=true).'
        - 'V(cancelled): cancel it (C(Transaction/CancelOrRefund), C(resolutionMode=CANCELLATION_ONLY)) while it
          is C(AUTHORISED); an already C(CANCELLED) transaction is left alone; any other status fails (it cannot
          be cancelled any more).'
        - Defaults to the top-level value.
        type: str
      store:
        description:
        - Where the merchant server keeps this shop's gateway settings.
        - In an item of O(shops), the keys given here are merged over the top-level O(store).
        - 'With O(pay) only, read only: what the payment form is signed with.'
        - Defaults to the top-level value.
        suboptions:
          brand:
            description:
            - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
            - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower
              case (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option
              name (C(woocommerce_payzen_settings), ...).
            - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
              1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
              C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and
              TEST twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(prod_private_key), C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
              for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
              and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides
              any name.'
            type: str
          connect_timeout:
            description:
            - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
            type: int
          create:
            description:
            - 'File stores: whether a setting whose name the file does not hold may be added.'
            - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
              C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the
              file does not hold is an error naming the names it does hold, since the application would not read
              a new one.
            - V(true) always adds missing names; V(false) never does.
            - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s
              names it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds
              the row.'
            type: bool
          file_mode:
            aliases:
            - mode
            description:
            - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
              usual O(store.mode), an alias).'
            - 'By default the collection never widens a file''s permissions: a file that holds a key only loses
              access for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their
              mode. A mode that lets other users read a file holding a key is refused.'
            - Temporary files are created V('0600') and get this mode once their content is written.
            type: raw
          flat:
            description:
            - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
              or as nested keys (V(false)).'
            - 'Existing names are found either way. By default a new name follows its neighbours: flat when the
              mapping already holds a key that starts with the same first part and a dot, nested otherwise.'
            type: bool
          group:
            description:
            - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
            type: str
          keys:
            description:
            - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(url_check), for software that does not use the defaults.
            - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
              C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
              with section C(vads): C(vads.site_id), ....'
            - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key)
              instead of C(key_test) and C(key_prod); mode and key then change together in one write.
            - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
              C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database
              stores, kept by file stores only where mapped here.'
            - Map a setting to V(null) when the software does not keep it.
            type: dict
          lock_timeout:
            description:
            - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s
              sibling C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
            - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
              named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
              holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
              nothing.'
            - Check mode and read-only modules take no lock.
            type: int
          login_db:
            description:
            - 'Database stores: the shop''s database (schema) name. Required for database stores.'
            type: str
          login_host:
            description:
            - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
            - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
            - Shops whose server, port or socket, user and database are the same share one connection and one transaction
              per module call.
            type: str
          login_password:
            description:
            - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
            - Shops that share a connection must give the same password.
            - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          login_port:
            description:
            - 'Database stores: the server''s TCP port. Defaults to V(3306).'
            type: int
          login_unix_socket:
            description:
            - 'Database stores: the server''s unix socket, used instead of host and port.'
            type: path
          login_user:
            description:
            - 'Database stores: the user to log in as. Required for database stores.'
            type: str
          magento_root:
            description:
            - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
              a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported,
              not run.'
            - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
              and a warning names the command to run.'
            - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required
              to read or write them when they are set.'
            type: path
          max_size_mb:
            description:
            - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with
              a clear message before it is parsed.'
            type: float
          option_name:
            description:
            - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array.
              Defaults to C(woocommerce_<brand>_settings).'
            - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
              creates it when its settings are first saved).
            type: str
          overrides:
            description:
            - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
              or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own,
              different value for the same setting, and so would keep serving it.'
            - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
              V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
              The shop's result lists what was done in C(overrides).
            type: str
          owner:
            description:
            - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
              when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
            type: str
          path:
            description:
            - The configuration file, for file stores. It must exist.
            type: path
          scope:
            description:
            - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store)
              are accepted). Defaults to V(default).'
            - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
              table), else the default row. Writing sets the row of this scope.'
            type: str
          scope_id:
            description:
            - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
              (the default) for O(store.scope=default).'
            type: int
          shop_group_id:
            description:
            - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
              is not given (group row, else global row).'
            type: int
          shop_id:
            description:
            - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
            - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else
              the global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read
              from C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep
              their values.'
            - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
            type: int
          table_prefix:
            description:
            - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
              V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
            - Letters, digits and underscores only.
            type: str
          type:
            description:
            - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are
              edited in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
            - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides
              them.
            - Required, here or in each item of O(shops).
            type: str
        type: dict
      timeout:
        description:
        - Seconds to wait for each REST answer.
        - Defaults to the top-level value.
        type: float
      uuid:
        description:
        - The transaction's uuid. One of O(uuid) and O(order_id) is required.
        - Defaults to the top-level value.
        type: str
      wait_notification:
        description:
        - Seconds to wait, polling the Back Office, until the transaction's notification status leaves C(pending).
          Sandbox adapter only; V(0) does not wait.
        - Defaults to the top-level value.
        type: float
    type: list
  site_id:
    description:
    - The shop id (C(vads_site_id)), exactly 8 digits. Required, here or in each item of O(shops).
    type: str
  state:
    choices:
    - present
    - cancelled
    default: present
    description:
    - 'V(present): read the transaction; fail when it is not found unless O(missing_ok=true).'
    - 'V(cancelled): cancel it (C(Transaction/CancelOrRefund), C(resolutionMode=CANCELLATION_ONLY)) while it is
      C(AUTHORISED); an already C(CANCELLED) transaction is left alone; any other status fails (it cannot be cancelled
      any more).'
    type: str
  store:
    description:
    - Where the merchant server keeps this shop's gateway settings.
    - In an item of O(shops), the keys given here are merged over the top-level O(store).
    - 'With O(pay) only, read only: what the payment form is signed with.'
    suboptions:
      brand:
        description:
        - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
        - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower case
          (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option name (C(woocommerce_payzen_settings),
          ...).
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
          1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and TEST
          twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo), C(prod_private_key),
          C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
          for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
          and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides any
          name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      create:
        description:
        - 'File stores: whether a setting whose name the file does not hold may be added.'
        - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
          C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the file
          does not hold is an error naming the names it does hold, since the application would not read a new one.
        - V(true) always adds missing names; V(false) never does.
        - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s names
          it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds the row.'
        type: bool
      file_mode:
        aliases:
        - mode
        description:
        - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
          usual O(store.mode), an alias).'
        - 'By default the collection never widens a file''s permissions: a file that holds a key only loses access
          for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their mode. A
          mode that lets other users read a file holding a key is refused.'
        - Temporary files are created V('0600') and get this mode once their content is written.
        type: raw
      flat:
        description:
        - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
          or as nested keys (V(false)).'
        - 'Existing names are found either way. By default a new name follows its neighbours: flat when the mapping
          already holds a key that starts with the same first part and a dot, nested otherwise.'
        type: bool
      group:
        description:
        - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
        type: str
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
          C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database stores,
          kept by file stores only where mapped here.'
        - Map a setting to V(null) when the software does not keep it.
        type: dict
      lock_timeout:
        description:
        - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s sibling
          C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
        - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
          named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
          holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
          nothing.'
        - Check mode and read-only modules take no lock.
        type: int
      login_db:
        description:
        - 'Database stores: the shop''s database (schema) name. Required for database stores.'
        type: str
      login_host:
        description:
        - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
        - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
        - Shops whose server, port or socket, user and database are the same share one connection and one transaction
          per module call.
        type: str
      login_password:
        description:
        - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
        - Shops that share a connection must give the same password.
        - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      login_port:
        description:
        - 'Database stores: the server''s TCP port. Defaults to V(3306).'
        type: int
      login_unix_socket:
        description:
        - 'Database stores: the server''s unix socket, used instead of host and port.'
        type: path
      login_user:
        description:
        - 'Database stores: the user to log in as. Required for database stores.'
        type: str
      magento_root:
        description:
        - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
          a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported, not
          run.'
        - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
          and a warning names the command to run.'
        - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required to
          read or write them when they are set.'
        type: path
      max_size_mb:
        description:
        - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with a clear
          message before it is parsed.'
        type: float
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
        type: str
      overrides:
        description:
        - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
          or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own, different
          value for the same setting, and so would keep serving it.'
        - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
          V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
          The shop's result lists what was done in C(overrides).
        type: str
      owner:
        description:
        - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
          when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
        type: str
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
      scope:
        description:
        - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store) are
          accepted). Defaults to V(default).'
        - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
          table), else the default row. Writing sets the row of this scope.'
        type: str
      scope_id:
        description:
        - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
          (the default) for O(store.scope=default).'
        type: int
      shop_group_id:
        description:
        - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
          is not given (group row, else global row).'
        type: int
      shop_id:
        description:
        - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
        - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else the
          global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read from
          C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep their values.'
        - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
        type: int
      table_prefix:
        description:
        - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
          V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
        - Letters, digits and underscores only.
        type: str
      type:
        description:
        - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are edited
          in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
        - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides them.
        - Required, here or in each item of O(shops).
        type: str
    type: dict
  timeout:
    default: 10
    description:
    - Seconds to wait for each REST answer.
    type: float
  use_proxy:
    default: true
    description:
    - Use the proxy named by the C(https_proxy) / C(http_proxy) environment variables (set them with the task's
      C(environment)), except for the hosts listed in C(no_proxy). V(false) ignores them.
    type: bool
  uuid:
    description:
    - The transaction's uuid. One of O(uuid) and O(order_id) is required.
    type: str
  validate_certs:
    default: true
    description:
    - Verify the TLS certificates of the gateway, the REST API, the Back Office and the notification URLs probed.
      V(false) only for a test gateway with a self-signed certificate you trust.
    - The trusted authorities are the system's, plus the file named by the C(SSL_CERT_FILE) environment variable,
      or only O(ca_path) when given.
    type: bool
  wait_notification:
    default: 0
    description:
    - Seconds to wait, polling the Back Office, until the transaction's notification status leaves C(pending). Sandbox
      adapter only; V(0) does not wait.
    type: float
'''

    PAYMENT_PROBE = r'''
options:
  amount:
    default: 200
    description:
    - Amount in the smallest currency unit; 2 EUR is advised for a first production payment.
    type: int
  brand:
    description:
    - Brand whose payment form endpoint to post to (V(payzen), V(systempay), V(sogecommerce), V(scellius), V(clicandpay),
      V(lyra), V(lyracollect), V(epaync), V(osb)). One of O(brand) and O(gateway_url) is required.
    type: str
  ca_path:
    description:
    - A PEM file of the certificate authorities to trust instead of the system's (a company CA, an inspecting egress
      proxy's CA).
    type: path
  card:
    description:
    - 'Sandbox only: a sandbox card number (C(4970100000000000) is accepted) posted as C(sandbox_card) so that the
      payment completes at once and the transaction uuid and status come back (14.3). Requires O(gateway_url).'
    type: str
  client_cert:
    description:
    - A PEM client certificate (chain) for TLS client authentication, with its key unless O(client_key) is given.
    type: path
  client_key:
    description:
    - The PEM private key of O(client_cert), when it is in a separate file.
    type: path
  concurrency:
    default: 8
    description:
    - How many shops talk to the network at the same time.
    type: int
  currency:
    default: '978'
    description:
    - ISO 4217 numeric currency code.
    type: str
  fail_on_error:
    default: true
    description:
    - Fail the module (after probing every shop, results still returned) when a shop's form is rejected. V(false)
      only reports C(accepted=false) and the error code.
    type: bool
  gateway_url:
    description:
    - Explicit payment form endpoint, e.g. the sandbox's C(<url>/vads-payment/).
    type: str
  key:
    description:
    - 'Sign with this key instead of the store''s key of O(mode): a store that keeps one key (for its current mode,
      TEST) holds no production key to prove before the switch. Never returned; its fingerprint is.'
    type: str
  mode:
    choices:
    - TEST
    - PRODUCTION
    description:
    - 'Sign for this mode with this mode''s key from the store, whatever mode the store is in: O(mode=PRODUCTION)
      on a store still in TEST proves the production key before the switch.'
    - 'Default: the store''s current mode, spelled as the store spells it (so a store that says C(PROD) gets the
      gateway''s error 11, as its forms would).'
    type: str
  name:
    description:
    - The shop's name, used in results and messages. Defaults to the site id.
    type: str
  order_id:
    description:
    - 'C(vads_order_id) of the probe. Default: C(VADS-SHOP-PROBE-) and the UTC time.'
    type: str
  secrets:
    description:
    - 'The secret options of the shops (keys, REST passwords) in one value: what the filter P(vads.shop.secrets#filter)
      makes from the inventory''s shops, or JSON text mapping each shop''s name to its secret options. Each shop
      gets its entry by its name (O(shops[].name)). A dict option (the three REST API keys) takes a dict of strings
      there.'
    - 'Use it for large fleets: Ansible masks every no_log value in everything a module returns, one string replacement
      per value and string, so one key per item of O(shops) costs time in the square of the number of shops. Here
      the keys are one value for Ansible and the module masks each of them itself, in linear time. Never returned
      or logged.'
    - An option given both in a shop and here, or an entry naming no shop of the call, is an error; nothing is changed.
    type: str
  shops:
    description:
    - Several shops handled in this one module call; network calls run O(concurrency) at a time.
    - Each item takes the module's options; the top-level values act as defaults.
    - 'Every shop is validated first: if any is invalid, the module fails naming each bad shop and why, and changes
      nothing.'
    elements: dict
    suboptions:
      amount:
        description:
        - Amount in the smallest currency unit; 2 EUR is advised for a first production payment.
        - Defaults to the top-level value.
        type: int
      brand:
        description:
        - Brand whose payment form endpoint to post to (V(payzen), V(systempay), V(sogecommerce), V(scellius), V(clicandpay),
          V(lyra), V(lyracollect), V(epaync), V(osb)). One of O(brand) and O(gateway_url) is required.
        - Defaults to the top-level value.
        type: str
      card:
        description:
        - 'Sandbox only: a sandbox card number (C(4970100000000000) is accepted) posted as C(sandbox_card) so that
          the payment completes at once and the transaction uuid and status come back (14.3). Requires O(gateway_url).'
        - Defaults to the top-level value.
        type: str
      currency:
        description:
        - ISO 4217 numeric currency code.
        - Defaults to the top-level value.
        type: str
      fail_on_error:
        description:
        - Fail the module (after probing every shop, results still returned) when a shop's form is rejected. V(false)
          only reports C(accepted=false) and the error code.
        - Defaults to the top-level value.
        type: bool
      gateway_url:
        description:
        - Explicit payment form endpoint, e.g. the sandbox's C(<url>/vads-payment/).
        - Defaults to the top-level value.
        type: str
      key:
        description:
        - 'Sign with this key instead of the store''s key of O(mode): a store that keeps one key (for its current
          mode, TEST) holds no production key to prove before the switch. Never returned; its fingerprint is.'
        - Defaults to the top-level value.
        type: str
      mode:
        choices:
        - TEST
        - PRODUCTION
        description:
        - 'Sign for this mode with this mode''s key from the store, whatever mode the store is in: O(mode=PRODUCTION)
          on a store still in TEST proves the production key before the switch.'
        - 'Default: the store''s current mode, spelled as the store spells it (so a store that says C(PROD) gets
          the gateway''s error 11, as its forms would).'
        - Defaults to the top-level value.
        type: str
      name:
        description:
        - The shop's name, used in results and messages. Defaults to the site id.
        - Defaults to the top-level value.
        type: str
      order_id:
        description:
        - 'C(vads_order_id) of the probe. Default: C(VADS-SHOP-PROBE-) and the UTC time.'
        - Defaults to the top-level value.
        type: str
      store:
        description:
        - Where the merchant server keeps this shop's gateway settings.
        - In an item of O(shops), the keys given here are merged over the top-level O(store).
        - 'Read only: the module reads the site id, context mode, keys and algorithm from it. Required.'
        - Defaults to the top-level value.
        suboptions:
          brand:
            description:
            - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
            - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower
              case (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option
              name (C(woocommerce_payzen_settings), ...).
            - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
              1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
              C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and
              TEST twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(prod_private_key), C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
              for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
              and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides
              any name.'
            type: str
          connect_timeout:
            description:
            - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
            type: int
          create:
            description:
            - 'File stores: whether a setting whose name the file does not hold may be added.'
            - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
              C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the
              file does not hold is an error naming the names it does hold, since the application would not read
              a new one.
            - V(true) always adds missing names; V(false) never does.
            - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s
              names it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds
              the row.'
            type: bool
          file_mode:
            aliases:
            - mode
            description:
            - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
              usual O(store.mode), an alias).'
            - 'By default the collection never widens a file''s permissions: a file that holds a key only loses
              access for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their
              mode. A mode that lets other users read a file holding a key is refused.'
            - Temporary files are created V('0600') and get this mode once their content is written.
            type: raw
          flat:
            description:
            - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
              or as nested keys (V(false)).'
            - 'Existing names are found either way. By default a new name follows its neighbours: flat when the
              mapping already holds a key that starts with the same first part and a dot, nested otherwise.'
            type: bool
          group:
            description:
            - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
            type: str
          keys:
            description:
            - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(url_check), for software that does not use the defaults.
            - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
              C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
              with section C(vads): C(vads.site_id), ....'
            - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key)
              instead of C(key_test) and C(key_prod); mode and key then change together in one write.
            - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
              C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database
              stores, kept by file stores only where mapped here.'
            - Map a setting to V(null) when the software does not keep it.
            type: dict
          lock_timeout:
            description:
            - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s
              sibling C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
            - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
              named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
              holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
              nothing.'
            - Check mode and read-only modules take no lock.
            type: int
          login_db:
            description:
            - 'Database stores: the shop''s database (schema) name. Required for database stores.'
            type: str
          login_host:
            description:
            - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
            - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
            - Shops whose server, port or socket, user and database are the same share one connection and one transaction
              per module call.
            type: str
          login_password:
            description:
            - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
            - Shops that share a connection must give the same password.
            - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          login_port:
            description:
            - 'Database stores: the server''s TCP port. Defaults to V(3306).'
            type: int
          login_unix_socket:
            description:
            - 'Database stores: the server''s unix socket, used instead of host and port.'
            type: path
          login_user:
            description:
            - 'Database stores: the user to log in as. Required for database stores.'
            type: str
          magento_root:
            description:
            - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
              a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported,
              not run.'
            - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
              and a warning names the command to run.'
            - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required
              to read or write them when they are set.'
            type: path
          max_size_mb:
            description:
            - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with
              a clear message before it is parsed.'
            type: float
          option_name:
            description:
            - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array.
              Defaults to C(woocommerce_<brand>_settings).'
            - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
              creates it when its settings are first saved).
            type: str
          overrides:
            description:
            - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
              or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own,
              different value for the same setting, and so would keep serving it.'
            - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
              V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
              The shop's result lists what was done in C(overrides).
            type: str
          owner:
            description:
            - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
              when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
            type: str
          path:
            description:
            - The configuration file, for file stores. It must exist.
            type: path
          scope:
            description:
            - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store)
              are accepted). Defaults to V(default).'
            - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
              table), else the default row. Writing sets the row of this scope.'
            type: str
          scope_id:
            description:
            - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
              (the default) for O(store.scope=default).'
            type: int
          shop_group_id:
            description:
            - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
              is not given (group row, else global row).'
            type: int
          shop_id:
            description:
            - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
            - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else
              the global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read
              from C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep
              their values.'
            - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
            type: int
          table_prefix:
            description:
            - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
              V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
            - Letters, digits and underscores only.
            type: str
          type:
            description:
            - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are
              edited in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
            - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides
              them.
            - Required, here or in each item of O(shops).
            type: str
        type: dict
      timeout:
        description:
        - Seconds to wait for the payment endpoint's answer.
        - Defaults to the top-level value.
        type: float
      url_check:
        description:
        - 'Optional C(vads_url_check): a notification URL for this payment only.'
        - Defaults to the top-level value.
        type: str
    type: list
  store:
    description:
    - Where the merchant server keeps this shop's gateway settings.
    - In an item of O(shops), the keys given here are merged over the top-level O(store).
    - 'Read only: the module reads the site id, context mode, keys and algorithm from it. Required.'
    suboptions:
      brand:
        description:
        - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
        - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower case
          (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option name (C(woocommerce_payzen_settings),
          ...).
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
          1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and TEST
          twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo), C(prod_private_key),
          C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
          for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
          and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides any
          name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      create:
        description:
        - 'File stores: whether a setting whose name the file does not hold may be added.'
        - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
          C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the file
          does not hold is an error naming the names it does hold, since the application would not read a new one.
        - V(true) always adds missing names; V(false) never does.
        - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s names
          it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds the row.'
        type: bool
      file_mode:
        aliases:
        - mode
        description:
        - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
          usual O(store.mode), an alias).'
        - 'By default the collection never widens a file''s permissions: a file that holds a key only loses access
          for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their mode. A
          mode that lets other users read a file holding a key is refused.'
        - Temporary files are created V('0600') and get this mode once their content is written.
        type: raw
      flat:
        description:
        - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
          or as nested keys (V(false)).'
        - 'Existing names are found either way. By default a new name follows its neighbours: flat when the mapping
          already holds a key that starts with the same first part and a dot, nested otherwise.'
        type: bool
      group:
        description:
        - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
        type: str
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
          C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database stores,
          kept by file stores only where mapped here.'
        - Map a setting to V(null) when the software does not keep it.
        type: dict
      lock_timeout:
        description:
        - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s sibling
          C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
        - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
          named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
          holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
          nothing.'
        - Check mode and read-only modules take no lock.
        type: int
      login_db:
        description:
        - 'Database stores: the shop''s database (schema) name. Required for database stores.'
        type: str
      login_host:
        description:
        - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
        - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
        - Shops whose server, port or socket, user and database are the same share one connection and one transaction
          per module call.
        type: str
      login_password:
        description:
        - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
        - Shops that share a connection must give the same password.
        - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      login_port:
        description:
        - 'Database stores: the server''s TCP port. Defaults to V(3306).'
        type: int
      login_unix_socket:
        description:
        - 'Database stores: the server''s unix socket, used instead of host and port.'
        type: path
      login_user:
        description:
        - 'Database stores: the user to log in as. Required for database stores.'
        type: str
      magento_root:
        description:
        - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
          a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported, not
          run.'
        - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
          and a warning names the command to run.'
        - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required to
          read or write them when they are set.'
        type: path
      max_size_mb:
        description:
        - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with a clear
          message before it is parsed.'
        type: float
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
        type: str
      overrides:
        description:
        - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
          or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own, different
          value for the same setting, and so would keep serving it.'
        - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
          V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
          The shop's result lists what was done in C(overrides).
        type: str
      owner:
        description:
        - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
          when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
        type: str
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
      scope:
        description:
        - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store) are
          accepted). Defaults to V(default).'
        - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
          table), else the default row. Writing sets the row of this scope.'
        type: str
      scope_id:
        description:
        - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
          (the default) for O(store.scope=default).'
        type: int
      shop_group_id:
        description:
        - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
          is not given (group row, else global row).'
        type: int
      shop_id:
        description:
        - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
        - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else the
          global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read from
          C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep their values.'
        - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
        type: int
      table_prefix:
        description:
        - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
          V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
        - Letters, digits and underscores only.
        type: str
      type:
        description:
        - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are edited
          in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
        - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides them.
        - Required, here or in each item of O(shops).
        type: str
    type: dict
  timeout:
    default: 30
    description:
    - Seconds to wait for the payment endpoint's answer.
    type: float
  url_check:
    description:
    - 'Optional C(vads_url_check): a notification URL for this payment only.'
    type: str
  use_proxy:
    default: true
    description:
    - Use the proxy named by the C(https_proxy) / C(http_proxy) environment variables (set them with the task's
      C(environment)), except for the hosts listed in C(no_proxy). V(false) ignores them.
    type: bool
  validate_certs:
    default: true
    description:
    - Verify the TLS certificates of the gateway, the REST API, the Back Office and the notification URLs probed.
      V(false) only for a test gateway with a self-signed certificate you trust.
    - The trusted authorities are the system's, plus the file named by the C(SSL_CERT_FILE) environment variable,
      or only O(ca_path) when given.
    type: bool
'''

    PREFLIGHT = r'''
options:
  backoffice:
    description:
    - How to reach the payment platform's Back Office. The same dict for every gateway-side module (M(vads.shop.notification_url),
      M(vads.shop.backoffice_certificate), M(vads.shop.transaction)).
    - 'The real platform has no API for keys, notification rules or notification status. With O(backoffice.adapter=manual)
      the module changes nothing there: it reports each step as C(pending_manual) with exact Back Office instructions
      (French and English menu path, field, value), appends them to O(backoffice.checklist), and reports a step
      done only for shops whose C(manual_done) lists it (C(declared_done)). It never claims what it cannot see.'
    - With O(backoffice.adapter=sandbox) it drives the operator API of C(vads-sandbox serve), which stands in for
      those Back Office clicks.
    - In an item of O(shops), the keys given here are merged over the top-level O(backoffice).
    suboptions:
      adapter:
        choices:
        - sandbox
        - manual
        default: manual
        description:
        - V(manual) for the real platform, V(sandbox) for C(vads-sandbox).
        type: str
      checklist:
        description:
        - 'Manual adapter: a Markdown file (on the host that runs the module) that collects the pending Back Office
          steps of the whole fleet, one line C(- [ ] ...) per shop and step. Written atomically; a rerun adds no
          duplicate line; a step whose value changed is rewritten in place; a tick set by an operator is kept. Writing
          it counts as a change.'
        type: path
      retries:
        default: 3
        description:
        - Retries of a Back Office call after an HTTP 5xx, a connection error or a timeout, with exponential backoff
          (0.5 s, 1 s, 2 s, ...).
        type: int
      timeout:
        default: 10
        description:
        - Seconds to wait for each Back Office answer.
        type: float
      token:
        description:
        - Operator token of the sandbox (the C(token) of its JSON line). Never logged or returned.
        - When the top-level O(backoffice) does not give it, the environment variable E(VADS_BACKOFFICE_TOKEN) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      url:
        description:
        - Base URL of C(vads-sandbox serve) (the C(url) of its JSON line). Sandbox only.
        type: str
    type: dict
  ca_path:
    description:
    - A PEM file of the certificate authorities to trust instead of the system's (a company CA, an inspecting egress
      proxy's CA).
    type: path
  client_cert:
    description:
    - A PEM client certificate (chain) for TLS client authentication, with its key unless O(client_key) is given.
    type: path
  client_key:
    description:
    - The PEM private key of O(client_cert), when it is in a separate file.
    type: path
  concurrency:
    default: 8
    description:
    - How many shops talk to the network at the same time.
    type: int
  ctx_mode:
    default: PRODUCTION
    description:
    - The mode the go-live sets in C(vads_ctx_mode); only its spelling (exactly V(TEST) or V(PRODUCTION)) and the
      store's ctx_mode setting are checked here, as the keys are checked apart.
    type: str
  gateway_url:
    description:
    - 'The gateway that will call the notification URL when it is not the real platform (the sandbox on loopback
      may call a loopback C(http://) URL). Default: the real platform.'
    type: str
  key_prod:
    description:
    - The production key the go-live installs (from the vault), checked as M(vads.shop.certificate) checks it -
      form, placeholder, equal to the test key, another production key already in the store - where the store keeps
      two keys; where it keeps one (for the current mode), it goes in with the switch, and only its form is checked.
    - 'Absent: the key is generated in the Back Office (14.1) or already in the store.'
    - Never returned; give it through O(secrets) for large fleets.
    type: str
  manual_done:
    description:
    - 'Manual adapter: the Back Office steps already done by hand for this shop, as declared by the inventory (convention:
      the shop''s C(manual_done) list in C(vads_shops)).'
    - 'Step names: C(production_key) (14.1), C(notification_url_production), C(notification_url_test) (14.2 (3)),
      C(first_payment), C(first_payment_cancelled), C(notification_sent) (14.3), C(production_key_regenerated) (14.4).
      Any other name fails, listing the valid ones.'
    - 'A declared step is reported C(declared_done): the module trusts the inventory and says so.'
    elements: str
    type: list
  name:
    description:
    - The shop's name, used in results and messages. Defaults to the site id.
    type: str
  notification_url:
    description:
    - The PRODUCTION notification (IPN) URL the go-live registers, checked as M(vads.shop.notification_url) checks
      it (C(https://), reachable from the Internet, no credentials).
    type: str
  rest_keys_prod:
    description:
    - 'The production REST API keys the go-live installs (embedded-form shops), checked as M(vads.shop.rest_keys)
      checks them: C(private_key), C(public_key) and C(hmac_key).'
    - Never returned.
    suboptions:
      hmac_key:
        description:
        - The HMAC-SHA-256 key.
        type: str
      private_key:
        description:
        - The private key (REST password).
        type: str
      public_key:
        description:
        - The public key.
        type: str
    type: dict
  secrets:
    description:
    - 'The secret options of the shops (keys, REST passwords) in one value: what the filter P(vads.shop.secrets#filter)
      makes from the inventory''s shops, or JSON text mapping each shop''s name to its secret options. Each shop
      gets its entry by its name (O(shops[].name)). A dict option (the three REST API keys) takes a dict of strings
      there.'
    - 'Use it for large fleets: Ansible masks every no_log value in everything a module returns, one string replacement
      per value and string, so one key per item of O(shops) costs time in the square of the number of shops. Here
      the keys are one value for Ansible and the module masks each of them itself, in linear time. Never returned
      or logged.'
    - An option given both in a shop and here, or an entry naming no shop of the call, is an error; nothing is changed.
    type: str
  shops:
    description:
    - Several shops handled in this one module call; network calls run O(concurrency) at a time.
    - Each item takes the module's options; the top-level values act as defaults.
    - Every shop is checked, each problem named in RV(problems) and RV(shops[].problems); nothing is changed.
    elements: dict
    suboptions:
      backoffice:
        description:
        - How to reach the payment platform's Back Office. The same dict for every gateway-side module (M(vads.shop.notification_url),
          M(vads.shop.backoffice_certificate), M(vads.shop.transaction)).
        - 'The real platform has no API for keys, notification rules or notification status. With O(backoffice.adapter=manual)
          the module changes nothing there: it reports each step as C(pending_manual) with exact Back Office instructions
          (French and English menu path, field, value), appends them to O(backoffice.checklist), and reports a step
          done only for shops whose C(manual_done) lists it (C(declared_done)). It never claims what it cannot see.'
        - With O(backoffice.adapter=sandbox) it drives the operator API of C(vads-sandbox serve), which stands in
          for those Back Office clicks.
        - In an item of O(shops), the keys given here are merged over the top-level O(backoffice).
        - Defaults to the top-level value.
        suboptions:
          adapter:
            choices:
            - sandbox
            - manual
            description:
            - V(manual) for the real platform, V(sandbox) for C(vads-sandbox).
            type: str
          checklist:
            description:
            - 'Manual adapter: a Markdown file (on the host that runs the module) that collects the pending Back
              Office steps of the whole fleet, one line C(- [ ] ...) per shop and step. Written atomically; a rerun
              adds no duplicate line; a step whose value changed is rewritten in place; a tick set by an operator
              is kept. Writing it counts as a change.'
            type: path
          retries:
            description:
            - Retries of a Back Office call after an HTTP 5xx, a connection error or a timeout, with exponential
              backoff (0.5 s, 1 s, 2 s, ...).
            type: int
          timeout:
            description:
            - Seconds to wait for each Back Office answer.
            type: float
          token:
            description:
            - Operator token of the sandbox (the C(token) of its JSON line). Never logged or returned.
            - When the top-level O(backoffice) does not give it, the environment variable E(VADS_BACKOFFICE_TOKEN)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          url:
            description:
            - Base URL of C(vads-sandbox serve) (the C(url) of its JSON line). Sandbox only.
            type: str
        type: dict
      ctx_mode:
        description:
        - The mode the go-live sets in C(vads_ctx_mode); only its spelling (exactly V(TEST) or V(PRODUCTION)) and
          the store's ctx_mode setting are checked here, as the keys are checked apart.
        - Defaults to the top-level value.
        type: str
      gateway_url:
        description:
        - 'The gateway that will call the notification URL when it is not the real platform (the sandbox on loopback
          may call a loopback C(http://) URL). Default: the real platform.'
        - Defaults to the top-level value.
        type: str
      key_prod:
        description:
        - The production key the go-live installs (from the vault), checked as M(vads.shop.certificate) checks it
          - form, placeholder, equal to the test key, another production key already in the store - where the store
          keeps two keys; where it keeps one (for the current mode), it goes in with the switch, and only its form
          is checked.
        - 'Absent: the key is generated in the Back Office (14.1) or already in the store.'
        - Never returned; give it through O(secrets) for large fleets.
        - Defaults to the top-level value.
        type: str
      manual_done:
        description:
        - 'Manual adapter: the Back Office steps already done by hand for this shop, as declared by the inventory
          (convention: the shop''s C(manual_done) list in C(vads_shops)).'
        - 'Step names: C(production_key) (14.1), C(notification_url_production), C(notification_url_test) (14.2
          (3)), C(first_payment), C(first_payment_cancelled), C(notification_sent) (14.3), C(production_key_regenerated)
          (14.4). Any other name fails, listing the valid ones.'
        - 'A declared step is reported C(declared_done): the module trusts the inventory and says so.'
        - Defaults to the top-level value.
        elements: str
        type: list
      name:
        description:
        - The shop's name, used in results and messages. Defaults to the site id.
        - Defaults to the top-level value.
        type: str
      notification_url:
        description:
        - The PRODUCTION notification (IPN) URL the go-live registers, checked as M(vads.shop.notification_url)
          checks it (C(https://), reachable from the Internet, no credentials).
        - Defaults to the top-level value.
        type: str
      rest_keys_prod:
        description:
        - 'The production REST API keys the go-live installs (embedded-form shops), checked as M(vads.shop.rest_keys)
          checks them: C(private_key), C(public_key) and C(hmac_key).'
        - Never returned.
        - Defaults to the top-level value.
        suboptions:
          hmac_key:
            description:
            - The HMAC-SHA-256 key.
            type: str
          private_key:
            description:
            - The private key (REST password).
            type: str
          public_key:
            description:
            - The public key.
            type: str
        type: dict
      site_id:
        description:
        - The shop id (C(vads_site_id)), exactly 8 digits. Required, here or in each item of O(shops).
        - Defaults to the top-level value.
        type: str
      store:
        description:
        - Where the merchant server keeps this shop's gateway settings.
        - In an item of O(shops), the keys given here are merged over the top-level O(store).
        - Read only. Required, here or in each item of O(shops).
        - Defaults to the top-level value.
        suboptions:
          brand:
            description:
            - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
            - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower
              case (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option
              name (C(woocommerce_payzen_settings), ...).
            - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
              1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
              C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and
              TEST twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(prod_private_key), C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
              for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
              and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides
              any name.'
            type: str
          connect_timeout:
            description:
            - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
            type: int
          create:
            description:
            - 'File stores: whether a setting whose name the file does not hold may be added.'
            - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
              C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the
              file does not hold is an error naming the names it does hold, since the application would not read
              a new one.
            - V(true) always adds missing names; V(false) never does.
            - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s
              names it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds
              the row.'
            type: bool
          file_mode:
            aliases:
            - mode
            description:
            - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
              usual O(store.mode), an alias).'
            - 'By default the collection never widens a file''s permissions: a file that holds a key only loses
              access for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their
              mode. A mode that lets other users read a file holding a key is refused.'
            - Temporary files are created V('0600') and get this mode once their content is written.
            type: raw
          flat:
            description:
            - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
              or as nested keys (V(false)).'
            - 'Existing names are found either way. By default a new name follows its neighbours: flat when the
              mapping already holds a key that starts with the same first part and a dot, nested otherwise.'
            type: bool
          group:
            description:
            - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
            type: str
          keys:
            description:
            - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(url_check), for software that does not use the defaults.
            - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
              C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
              with section C(vads): C(vads.site_id), ....'
            - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key)
              instead of C(key_test) and C(key_prod); mode and key then change together in one write.
            - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
              C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database
              stores, kept by file stores only where mapped here.'
            - Map a setting to V(null) when the software does not keep it.
            type: dict
          lock_timeout:
            description:
            - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s
              sibling C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
            - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
              named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
              holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
              nothing.'
            - Check mode and read-only modules take no lock.
            type: int
          login_db:
            description:
            - 'Database stores: the shop''s database (schema) name. Required for database stores.'
            type: str
          login_host:
            description:
            - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
            - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
            - Shops whose server, port or socket, user and database are the same share one connection and one transaction
              per module call.
            type: str
          login_password:
            description:
            - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
            - Shops that share a connection must give the same password.
            - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          login_port:
            description:
            - 'Database stores: the server''s TCP port. Defaults to V(3306).'
            type: int
          login_unix_socket:
            description:
            - 'Database stores: the server''s unix socket, used instead of host and port.'
            type: path
          login_user:
            description:
            - 'Database stores: the user to log in as. Required for database stores.'
            type: str
          magento_root:
            description:
            - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
              a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported,
              not run.'
            - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
              and a warning names the command to run.'
            - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required
              to read or write them when they are set.'
            type: path
          max_size_mb:
            description:
            - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with
              a clear message before it is parsed.'
            type: float
          option_name:
            description:
            - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array.
              Defaults to C(woocommerce_<brand>_settings).'
            - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
              creates it when its settings are first saved).
            type: str
          overrides:
            description:
            - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
              or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own,
              different value for the same setting, and so would keep serving it.'
            - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
              V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
              The shop's result lists what was done in C(overrides).
            type: str
          owner:
            description:
            - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
              when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
            type: str
          path:
            description:
            - The configuration file, for file stores. It must exist.
            type: path
          scope:
            description:
            - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store)
              are accepted). Defaults to V(default).'
            - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
              table), else the default row. Writing sets the row of this scope.'
            type: str
          scope_id:
            description:
            - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
              (the default) for O(store.scope=default).'
            type: int
          shop_group_id:
            description:
            - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
              is not given (group row, else global row).'
            type: int
          shop_id:
            description:
            - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
            - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else
              the global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read
              from C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep
              their values.'
            - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
            type: int
          table_prefix:
            description:
            - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
              V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
            - Letters, digits and underscores only.
            type: str
          type:
            description:
            - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are
              edited in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
            - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides
              them.
            - Required, here or in each item of O(shops).
            type: str
        type: dict
    type: list
  site_id:
    description:
    - The shop id (C(vads_site_id)), exactly 8 digits. Required, here or in each item of O(shops).
    type: str
  store:
    description:
    - Where the merchant server keeps this shop's gateway settings.
    - In an item of O(shops), the keys given here are merged over the top-level O(store).
    - Read only. Required, here or in each item of O(shops).
    suboptions:
      brand:
        description:
        - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
        - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower case
          (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option name (C(woocommerce_payzen_settings),
          ...).
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
          1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and TEST
          twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo), C(prod_private_key),
          C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
          for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
          and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides any
          name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      create:
        description:
        - 'File stores: whether a setting whose name the file does not hold may be added.'
        - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
          C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the file
          does not hold is an error naming the names it does hold, since the application would not read a new one.
        - V(true) always adds missing names; V(false) never does.
        - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s names
          it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds the row.'
        type: bool
      file_mode:
        aliases:
        - mode
        description:
        - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
          usual O(store.mode), an alias).'
        - 'By default the collection never widens a file''s permissions: a file that holds a key only loses access
          for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their mode. A
          mode that lets other users read a file holding a key is refused.'
        - Temporary files are created V('0600') and get this mode once their content is written.
        type: raw
      flat:
        description:
        - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
          or as nested keys (V(false)).'
        - 'Existing names are found either way. By default a new name follows its neighbours: flat when the mapping
          already holds a key that starts with the same first part and a dot, nested otherwise.'
        type: bool
      group:
        description:
        - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
        type: str
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
          C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database stores,
          kept by file stores only where mapped here.'
        - Map a setting to V(null) when the software does not keep it.
        type: dict
      lock_timeout:
        description:
        - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s sibling
          C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
        - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
          named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
          holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
          nothing.'
        - Check mode and read-only modules take no lock.
        type: int
      login_db:
        description:
        - 'Database stores: the shop''s database (schema) name. Required for database stores.'
        type: str
      login_host:
        description:
        - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
        - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
        - Shops whose server, port or socket, user and database are the same share one connection and one transaction
          per module call.
        type: str
      login_password:
        description:
        - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
        - Shops that share a connection must give the same password.
        - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      login_port:
        description:
        - 'Database stores: the server''s TCP port. Defaults to V(3306).'
        type: int
      login_unix_socket:
        description:
        - 'Database stores: the server''s unix socket, used instead of host and port.'
        type: path
      login_user:
        description:
        - 'Database stores: the user to log in as. Required for database stores.'
        type: str
      magento_root:
        description:
        - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
          a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported, not
          run.'
        - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
          and a warning names the command to run.'
        - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required to
          read or write them when they are set.'
        type: path
      max_size_mb:
        description:
        - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with a clear
          message before it is parsed.'
        type: float
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
        type: str
      overrides:
        description:
        - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
          or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own, different
          value for the same setting, and so would keep serving it.'
        - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
          V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
          The shop's result lists what was done in C(overrides).
        type: str
      owner:
        description:
        - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
          when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
        type: str
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
      scope:
        description:
        - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store) are
          accepted). Defaults to V(default).'
        - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
          table), else the default row. Writing sets the row of this scope.'
        type: str
      scope_id:
        description:
        - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
          (the default) for O(store.scope=default).'
        type: int
      shop_group_id:
        description:
        - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
          is not given (group row, else global row).'
        type: int
      shop_id:
        description:
        - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
        - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else the
          global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read from
          C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep their values.'
        - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
        type: int
      table_prefix:
        description:
        - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
          V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
        - Letters, digits and underscores only.
        type: str
      type:
        description:
        - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are edited
          in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
        - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides them.
        - Required, here or in each item of O(shops).
        type: str
    type: dict
  use_proxy:
    default: true
    description:
    - Use the proxy named by the C(https_proxy) / C(http_proxy) environment variables (set them with the task's
      C(environment)), except for the hosts listed in C(no_proxy). V(false) ignores them.
    type: bool
  validate_certs:
    default: true
    description:
    - Verify the TLS certificates of the gateway, the REST API, the Back Office and the notification URLs probed.
      V(false) only for a test gateway with a self-signed certificate you trust.
    - The trusted authorities are the system's, plus the file named by the C(SSL_CERT_FILE) environment variable,
      or only O(ca_path) when given.
    type: bool
'''

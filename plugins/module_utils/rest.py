# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The REST API keys of the embedded form (smartForm), per mode: private key, public key, HMAC-SHA-256 key.

The Back Office shows them under Settings > Shop > REST API keys (Paramétrage > Boutique > Clés de l'API
REST). A shop that pays through the embedded form uses the private key (the REST password) for its API
calls and the notification check, the public key in the page, and the HMAC-SHA-256 key to check the
browser return. Canonical settings: ``rest_<part>_key_<test|prod>``.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import re

from ansible_collections.vads.shop.plugins.module_utils.batch import Operation, Plan
from ansible_collections.vads.shop.plugins.module_utils.rules import fingerprint, mode_problem

PARTS = ("private_key", "public_key", "hmac_key")
PART_WORDS = {"private_key": "private key (REST password)", "public_key": "public key",
              "hmac_key": "HMAC-SHA-256 key"}
BACK_OFFICE_PATH = ("Paramétrage > Boutique > [boutique] > onglet Clés de l'API REST / "
                    "Settings > Shop > [shop] > REST API keys tab")

_PRIVATE = re.compile(r"^(test|prod)password_[A-Za-z0-9]+$")
_PUBLIC = re.compile(r"^([0-9]{8}):(test)?publickey_[A-Za-z0-9]+$")
_HMAC = re.compile(r"^[\x21-\x7e]{16,128}$")


def setting(part, mode):
    return "rest_%s_%s" % (part, "prod" if mode == "PRODUCTION" else "test")


def key_problem(part, mode, value, site_id=None):
    """Why this value cannot be the REST key `part` of `mode`, or None; never quotes the key."""
    word = "%s REST %s" % ("production" if mode == "PRODUCTION" else "test", PART_WORDS[part])
    if value is None or value == "":
        return "the %s is missing" % word
    if value != value.strip() or any(c.isspace() for c in value):
        return "the %s contains white space (a paste error?)" % word
    if part == "private_key":
        match = _PRIVATE.match(value)
        if not match:
            return "the %s is not a REST password (testpassword_... or prodpassword_...)" % word
        if (match.group(1) == "prod") != (mode == "PRODUCTION"):
            return "the %s is a %s password" % (word, "production" if match.group(1) == "prod" else "test")
    elif part == "public_key":
        match = _PUBLIC.match(value)
        if not match:
            return "the %s is not a public key (<site id>:publickey_... or <site id>:testpublickey_...)" % word
        if bool(match.group(2)) == (mode == "PRODUCTION"):
            return "the %s is a %s public key" % (word, "test" if match.group(2) else "production")
        if site_id and match.group(1) != str(site_id):
            return "the %s belongs to site %s, not to this shop's site %s" % (word, match.group(1), site_id)
    elif not _HMAC.match(value):
        return "the %s is not 16 to 128 printable characters" % word
    return None


def rest_readiness(store, current):
    """(info, blocking problems) about the REST keys for shop_info; nothing when the store maps none."""
    mapped = [s for s in store.mapping if s.startswith("rest_")]
    if not mapped:
        return {}, []
    info = {"rest_keys": {}}
    for mode in ("TEST", "PRODUCTION"):
        info["rest_keys"][mode] = dict((part, fingerprint(current.get(setting(part, mode)) or None)) for part in PARTS)
    used = any(current.get(s) for s in mapped)
    info["rest_api"] = used
    blocking = []
    if used:
        for part in PARTS:
            name = setting(part, "PRODUCTION")
            if name not in store.mapping:
                continue
            problem = key_problem(part, "PRODUCTION", current.get(name), current.get("site_id"))
            if problem:
                blocking.append("%s: the shop uses the REST API (embedded form), install its production REST keys "
                                "(%s, then vads.shop.rest_keys)" % (problem, BACK_OFFICE_PATH))
    return info, blocking


class RestKeys(Operation):
    """Install (or remove) the REST API keys of one mode in the merchant's store."""

    options = {
        "mode": {"type": "str"},
        "value": {"type": "dict", "no_log": True, "options": {
            "private_key": {"type": "str", "no_log": True},
            "public_key": {"type": "str", "no_log": True},
            "hmac_key": {"type": "str", "no_log": True},
        }},
        "state": {"type": "str", "default": "present"},
        "force": {"type": "bool", "default": False},
    }

    def check(self, shop):
        problems = []
        mode = shop.get("mode")
        if mode is None:
            problems.append("mode is required: which REST keys, TEST or PRODUCTION")
        elif mode_problem(mode):
            problems.append(mode_problem(mode))
        state = shop.get("state") or "present"
        if state not in ("present", "absent"):
            problems.append("state %r is not allowed: use present or absent" % (state,))
        elif state == "present":
            value = shop.get("value") or {}
            missing = [p for p in PARTS if not value.get(p)]
            if missing:
                problems.append("value must give %s (Back Office: %s)" % (", ".join(missing), BACK_OFFICE_PATH))
        return problems

    def plan(self, shop, store, current, backend):
        mode = shop["mode"]
        state = shop.get("state") or "present"
        value = dict((p, (v.strip() if isinstance(v, str) else v)) for p, v in (shop.get("value") or {}).items())
        problems = []
        unmapped = [setting(p, mode) for p in PARTS if setting(p, mode) not in store.mapping]
        if unmapped:
            return Plan(problems=["the store maps no %s setting: give its name in store.keys" % ", ".join(unmapped)])
        changes = {}
        before = dict((p, fingerprint(current.get(setting(p, mode)))) for p in PARTS)
        after = {}
        for part in PARTS:
            name = setting(part, mode)
            if state == "present":
                new = value.get(part)
                problem = key_problem(part, mode, new, current.get("site_id"))
                if problem and not shop.get("force"):
                    problems.append(problem + " (force: true overrides)")
                other = current.get(setting(part, "TEST" if mode == "PRODUCTION" else "PRODUCTION"))
                if part != "public_key" and other and other == new and not shop.get("force"):
                    problems.append("the %s equals the other mode's (force: true overrides)" % PART_WORDS[part])
            else:
                new = None
                if mode == "PRODUCTION" and current.get("ctx_mode") == "PRODUCTION" and current.get(name) \
                        and not shop.get("force"):
                    problems.append("the shop is in PRODUCTION: removing its production REST keys breaks the embedded "
                                    "form (switch to TEST first, or force: true)")
            if new != current.get(name):
                changes[name] = new
            after[part] = fingerprint(new)
        result = {"mode": mode, "state": state, "fingerprints": after, "fingerprints_before": before}
        return Plan(changes, result, problems)

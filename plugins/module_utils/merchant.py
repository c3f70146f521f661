# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Step 14.2 on the merchant server: the context mode and the keys a shop signs with.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations


from ansible_collections.vads.shop.plugins.module_utils.algorithm import algo_note, effective_algo
from ansible_collections.vads.shop.plugins.module_utils.batch import Operation, Plan
from ansible_collections.vads.shop.plugins.module_utils.rest import rest_readiness
from ansible_collections.vads.shop.plugins.module_utils.rules import (
    clean_key,
    fingerprint,
    is_placeholder,
    mask_url,
    mode_problem,
    production_key_problem,
    site_id_placeholder_problem,
    site_id_problem,
    test_key_problem,
)


def _key_option(shop, option):
    """Clean a key given as an option: (key or None, problem or None)."""
    value = shop.get(option)
    if value is None:
        return None, None
    key, problem = clean_key(value)
    return key, (("%s: %s" % (option, problem)) if problem else None)


class CtxMode(Operation):
    """Set vads_ctx_mode; on a one-key store, switch mode and key in the same write."""

    options = {
        "mode": {"type": "str"},
        "key": {"type": "str", "no_log": True},
        "force": {"type": "bool", "default": False},
    }

    def check(self, shop):
        problems = []
        if shop.get("mode") is None:
            problems.append("mode is required (TEST or PRODUCTION)")
        else:
            problem = mode_problem(shop["mode"])
            if problem:
                problems.append(problem)
        _key, problem = _key_option(shop, "key")
        if problem:
            problems.append(problem)
        return problems

    def plan(self, shop, store, current, backend):
        target = shop["mode"]
        force = shop.get("force")
        key, _problem = _key_option(shop, "key")
        before = current.get("ctx_mode")
        problems = []
        changes = {}
        if "ctx_mode" not in store.mapping:
            problems.append("the store maps no ctx_mode setting")
        if store.single_key:
            stored = current.get("key")
            if key is None and before != target:
                problems.append("this store keeps one key, for the current mode: give key (the %s key) so that "
                                "mode and key change together" % target)
            signing = key if key is not None else stored
            if target == "PRODUCTION" and not force:
                problem = production_key_problem(signing, stored if before != "PRODUCTION" else None)
                if problem:
                    problems.append(problem + " (force: true overrides)")
            if key is not None and key != stored:
                changes["key"] = key
        else:
            slot = store.key_setting(target)
            if key is not None and key != current.get(slot):
                changes[slot] = key
            signing = key if key is not None else current.get(slot)
            if target == "PRODUCTION" and not force:
                problem = production_key_problem(signing, current.get("key_test"))
                if problem:
                    problems.append(problem + " (force: true overrides)")
        if target == "PRODUCTION" and not force:
            problem = site_id_placeholder_problem(current.get("site_id"))
            if problem:
                problems.append(problem + ": enter the shop's site id first (force: true overrides)")
        if before != target:
            changes["ctx_mode"] = target
        result = {
            "ctx_mode_before": before,
            "ctx_mode": target,
            "fingerprint": fingerprint(signing),
        }
        wants = {"ctx_mode": target}
        if key is not None:
            wants["key" if store.single_key else store.key_setting(target)] = key
        return Plan(changes, result, problems, wants)


class Certificate(Operation):
    """Install or remove the key of one mode in the merchant's store."""

    options = {
        "mode": {"type": "str"},
        "value": {"type": "str", "no_log": True},
        "state": {"type": "str", "default": "present"},
        "force": {"type": "bool", "default": False},
        "replace": {"type": "bool", "default": False},
    }

    def check(self, shop):
        problems = []
        if shop.get("mode") is None:
            problems.append("mode is required: which key, TEST or PRODUCTION")
        elif mode_problem(shop["mode"]):
            problems.append(mode_problem(shop["mode"]))
        state = shop.get("state") or "present"
        if state not in ("present", "absent"):
            problems.append("state %r is not allowed: use present or absent" % (state,))
        elif state == "present":
            if shop.get("value") is None:
                problems.append("value is required with state present")
            else:
                _key, problem = _key_option(shop, "value")
                if problem:
                    problems.append(problem)
        return problems

    def plan(self, shop, store, current, backend):
        mode = shop["mode"]
        state = shop.get("state") or "present"
        force = shop.get("force")
        problems = []
        slot = store.key_setting(mode)
        if slot not in store.mapping:
            return Plan(problems=["the store maps no %s setting" % slot])
        if store.single_key and current.get("ctx_mode") != mode:
            problems.append("this store keeps one key, for the current mode (%s); putting the %s key there would sign "
                            "%s forms with it: use vads.shop.ctx_mode with key to switch mode and key together"
                            % (current.get("ctx_mode"), mode, current.get("ctx_mode")))
        old = current.get(slot)
        changes = {}
        if state == "present":
            key, _problem = _key_option(shop, "value")
            if not force:
                if mode == "PRODUCTION":
                    problem = production_key_problem(key, None if store.single_key else current.get("key_test"))
                    if problem:
                        problems.append(problem + " (force: true overrides)")
                elif current.get("key_prod") and key == current.get("key_prod"):
                    problems.append("the test key is the same as the production key (force: true overrides)")
            if key != old:
                changes[slot] = key
                # A real production key already there is another key the shop signs with: only a rotation
                # (replace: true) may overwrite it.
                held_real = mode == "PRODUCTION" and production_key_problem(
                    old, None if store.single_key else current.get("key_test")) is None
                if held_real and not shop.get("replace"):
                    problems.append("the store already holds another production key (%s); installing %s would "
                                    "replace it: give replace: true to rotate it (14.4)"
                                    % (fingerprint(old), fingerprint(key)))
            fp = fingerprint(key)
        else:
            if mode == "PRODUCTION" and current.get("ctx_mode") == "PRODUCTION" and not force and old:
                problems.append("the shop is in PRODUCTION: removing its production key would break every payment "
                                "(switch to TEST first, or force: true)")
            if old is not None:
                changes[slot] = None
            fp = None
        result = {"mode": mode, "state": state, "fingerprint": fp, "fingerprint_before": fingerprint(old)}
        wants = {slot: _key_option(shop, "value")[0] if state == "present" else None}
        return Plan(changes, result, problems, wants)


def _without_credentials(url):
    """A URL as safe to print: a password written into it is replaced by ********."""
    return mask_url(url)


def describe(store, current, backend=None):
    """What shop_info reports for one shop: settings, fingerprints, readiness, problems.

    A shop is ready for production when its store could sign PRODUCTION forms right after the
    switch: a valid site id (not the plugins' placeholder), a known algorithm, a real production key
    distinct from the test key, its production REST keys where it uses the REST API, and, at a wider
    scope, every narrower scope that serves a shop ready too.
    """
    info, blocking, problems = _describe(store, current, backend)
    report = backend.scope_report(store) if backend is not None and hasattr(backend, "scope_report") else None
    if report is not None:
        info["overrides"] = report["overrides"]
        for label, values, overridden in report["views"]:
            _sub, sub_blocking, _sub_problems = _describe(store, values)
            blocking.extend("%s: %s" % (label, problem) for problem in sub_blocking)
            if "ctx_mode" in overridden and values.get("ctx_mode") != "PRODUCTION":
                blocking.append("%s keeps its own context mode (%s): a switch at this scope does not reach it "
                                "(store.overrides: write or remove)" % (label, values.get("ctx_mode") or "not set"))
    info["ready_for_production"] = not blocking
    info["problems"] = blocking + problems
    return info


def _describe(store, current, backend=None):
    problems = []
    blocking = []
    mode = current.get("ctx_mode")
    site_id = current.get("site_id")
    if "site_id" in store.mapping:
        problem = site_id_problem(site_id) or site_id_placeholder_problem(site_id)
        if problem:
            blocking.append(problem)
    if mode is None:
        problems.append("the context mode is not set (plugins then default to TEST)")
    elif mode_problem(mode):
        problems.append("the context mode %r is not TEST or PRODUCTION: the gateway rejects it (error 11)" % (mode,))
    algo_raw = current.get("sign_algo") if "sign_algo" in store.mapping else None
    algo, algo_source = effective_algo(store.type, algo_raw)
    if algo is None:
        blocking.append("the signature algorithm %r is unknown: use HMAC-SHA-256 or SHA-1" % (algo_raw,))
    note = algo_note(store.type, algo_raw)
    if note:
        problems.append(note)
    info = {
        "site_id": site_id,
        "ctx_mode": mode,
        "sign_algo": algo,
        "sign_algo_source": algo_source,
        "url_check": _without_credentials(current.get("url_check")),
        "single_key": store.single_key,
    }
    if store.single_key:
        key = current.get("key")
        info["key_test_fingerprint"] = fingerprint(key) if mode != "PRODUCTION" else None
        info["key_prod_fingerprint"] = fingerprint(key) if mode == "PRODUCTION" else None
        if mode == "PRODUCTION":
            problem = production_key_problem(key, None)
            if problem:
                blocking.append(problem)
        else:
            problem = test_key_problem(key)
            if problem:
                problems.append(problem)
            blocking.append("this store keeps one key, for the current mode: the production key must be given "
                            "when switching (vads.shop.ctx_mode with key)")
    else:
        key_test = current.get("key_test")
        key_prod = current.get("key_prod")
        info["key_test_fingerprint"] = fingerprint(key_test)
        info["key_prod_fingerprint"] = fingerprint(key_prod)
        problem = test_key_problem(key_test)
        if problem:
            problems.append(problem)
        elif is_placeholder(key_test):
            problems.append("the test key is a placeholder (%s)" % fingerprint(key_test))
        problem = production_key_problem(key_prod, key_test)
        if problem:
            blocking.append(problem)
    rest_info, rest_blocking = rest_readiness(store, current)
    info.update(rest_info)
    blocking.extend(rest_blocking)
    if backend is not None and hasattr(backend, "current_mode"):
        file_mode = backend.current_mode()
        info["file_mode"] = "%04o" % file_mode
        # Group access is the usual way a web server reads its configuration (0640 root:www-data).
        if file_mode & 0o007 and any(current.get(s) for s in ("key", "key_test", "key_prod")):
            problems.append("the store file holds a key and every user of the server can read it (mode %04o)"
                            % file_mode)
    return info, blocking, problems


class ShopInfo(Operation):
    writes = False
    options = {}

    def plan(self, shop, store, current, backend):
        return Plan(result=describe(store, current, backend))

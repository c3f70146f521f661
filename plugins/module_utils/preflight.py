# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The go-live's preflight: every check of chapter 14's writes, for every shop of a host, in one call.

It asks what the go-live's steps would ask in check mode - the switch of the mode (ctx_mode), the
production key (certificate), the production REST keys (rest_keys), the PRODUCTION notification URL
(notification_url) - and writes nothing. Each store is read once and its whole planned edit (mode,
key and REST keys together) is rendered and parsed back, as the steps will write it. Problems are
returned per shop, never raised: a preflight names every problem of every shop.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

from ansible_collections.vads.shop.plugins.module_utils import backoffice as bo
from ansible_collections.vads.shop.plugins.module_utils import gateway as gw
from ansible_collections.vads.shop.plugins.module_utils import notification
from ansible_collections.vads.shop.plugins.module_utils.batch import Batch, Operation, Plan
from ansible_collections.vads.shop.plugins.module_utils.merchant import Certificate, CtxMode, describe
from ansible_collections.vads.shop.plugins.module_utils.rest import RestKeys
from ansible_collections.vads.shop.plugins.module_utils.store import STORE_OPTIONS

PRODUCTION = "PRODUCTION"

OPTIONS = {
    "store": {"type": "dict", "options": STORE_OPTIONS},
    "site_id": {"type": "str"},
    "ctx_mode": {"type": "str", "default": PRODUCTION},
    "key_prod": {"type": "str", "no_log": True},
    "rest_keys_prod": {"type": "dict", "no_log": True, "options": {
        "private_key": {"type": "str", "no_log": True},
        "public_key": {"type": "str", "no_log": True},
        "hmac_key": {"type": "str", "no_log": True},
    }},
    "notification_url": {"type": "str"},
    "manual_done": {"type": "list", "elements": "str"},
    "backoffice": bo.BACKOFFICE_SPEC,
    "gateway_url": {"type": "str"},
}

# What each problem is about, in the go-live's steps.
MODE = "14.2 mode"
KEY = "14.1 production key"
REST = "14.2 production REST keys"
URL = "14.2 notification URL"


class Stopped(Exception):
    """What a step's check would have failed with."""

    def __init__(self, msg, result):
        super(Stopped, self).__init__(msg)
        self.msg = msg
        self.result = result


class CheckOnly(object):
    """The module as the steps' code sees it here: always in check mode, without diff, and a failure
    comes back as Stopped instead of ending the module."""

    check_mode = True
    _diff = False

    def __init__(self, module):
        self._module = module

    def __getattr__(self, name):
        return getattr(self._module, name)

    def fail_json(self, msg, **kwargs):
        raise Stopped(msg, kwargs)


def _about(what, problems):
    return ["%s: %s" % (what, p) for p in problems]


class StoreChecks(Operation):
    """ctx_mode, certificate and rest_keys of the go-live, planned together on one read of each store.

    As in the steps: the mode's switch is checked for its spelling, the store and the key's form only
    (force; the key itself is checked as the certificate step installs it, where the store keeps two
    keys, and again at the switch); a one-key store's key goes in with the switch.
    """

    options = dict((k, OPTIONS[k]) for k in ("ctx_mode", "key_prod", "rest_keys_prod"))
    writes = True  # planned, rendered and parsed back as the steps will write; only ever run in check mode

    def __init__(self):
        self.steps = (CtxMode(), Certificate(), RestKeys())
        # By shop name, kept here: Batch returns no per-shop result once a shop has a problem or planning the
        # files fails, and a preflight still reports every store it could read.
        self.would_change = {}
        self.infos = {}

    @staticmethod
    def _asks(shop, single_key=False):
        """What each step would be given for this shop (None: the step is not run for it)."""
        key, rest = shop.get("key_prod"), shop.get("rest_keys_prod")
        return (
            {"mode": shop.get("ctx_mode") or PRODUCTION, "key": key, "force": True},
            {"mode": PRODUCTION, "value": key, "state": "present"} if key is not None and not single_key else None,
            {"mode": PRODUCTION, "value": rest, "state": "present"} if rest is not None else None,
        )

    # The steps name the keys by their own options; here they are key_prod and rest_keys_prod. A problem
    # of the key's form is the production key's, whichever step saw it, and is named once.
    _RENAMES = (("key: ", "key_prod: ", KEY), ("value: ", "key_prod: ", KEY), ("value ", "rest_keys_prod ", REST))
    # What the steps tell a caller of their module to do, told as the go-live's user does it.
    _ADVICE = (("give replace: true to rotate it (14.4)",
                "if the store's key is the right one, put it in the vault as key_prod; to roll out a new production "
                "key, run playbooks/rotate_certificate.yml (14.4), not the go-live"),)

    def check(self, shop):
        return []  # in plan(): every store that can be read is described, whatever its shop's problems

    def option_problems(self, shop):
        """Problems with the shop's own options (the steps' check()), worded for the inventory."""
        problems = []
        for what, step, ask, (theirs, ours, about) in zip((MODE, KEY, REST), self.steps, self._asks(shop),
                                                          self._RENAMES):
            for problem in step.check(ask) if ask is not None else ():
                if problem.startswith(theirs):
                    problem = "%s: %s%s" % (about, ours, problem[len(theirs):])
                else:
                    problem = "%s: %s" % (what, problem)
                if problem not in problems:
                    problems.append(problem)
        return problems

    @classmethod
    def _advice(cls, problem):
        for theirs, ours in cls._ADVICE:
            if problem.endswith(theirs):
                return problem[:-len(theirs)] + ours
        return problem

    def plan(self, shop, store, current, backend):
        info = {"name": shop["name"], "store": store.describe()}
        info.update(describe(store, current, backend))
        self.infos[shop["name"]] = info
        problems = self.option_problems(shop)
        if problems:
            return Plan(problems=problems)
        changes, wants = {}, {}
        for what, step, ask in zip((MODE, KEY, REST), self.steps, self._asks(shop, store.single_key)):
            if ask is None:
                continue
            plan = step.plan(ask, store, current, backend)
            problems.extend(_about(what, [self._advice(p) for p in plan.problems]))
            changes.update(plan.changes)
            wants.update(plan.wants)
        self.would_change[shop["name"]] = sorted(store.mapping.get(s, s) for s in changes)
        return Plan(changes, {}, problems, wants)


def check_stores(module, shops):
    """{name: {"info": ..., "problems": [...]}} for the shops that give a store, and the host's problems.

    The stores are read once; a shop whose store could be read has ``info`` (what shop_info reports).
    """
    out = {}
    general = []
    checks = StoreChecks()
    batch = Batch(CheckOnly(module), checks)
    asks = [dict((k, shop.get(k)) for k in ("name", "store", "ctx_mode", "key_prod", "rest_keys_prod"))
            for shop in shops]
    failures = []
    try:
        batch.execute(asks)
    except Stopped as stop:
        failures = stop.result.get("failures")
        if failures is None:  # not one shop's: a store whose edit could not be planned or staged
            general.append(stop.msg)
    for name, info in checks.infos.items():
        out.setdefault(name, {"problems": []})["info"] = info
    for failure in failures or ():
        out.setdefault(failure["name"], {"problems": []})["problems"].extend(failure["problems"])
    for name, settings in checks.would_change.items():
        entry = out.setdefault(name, {"problems": []})
        entry["would_change"] = [] if entry["problems"] else settings
    return out, general


def check_notification_urls(module, shops, concurrency):
    """{name: (result, problems)}: the PRODUCTION notification URL step of each shop, in check mode."""
    asks = []
    for shop in shops:
        asks.append({"name": shop["name"], "site_id": shop.get("site_id"), "mode": PRODUCTION,
                     "url": shop.get("notification_url"), "probe": False, "manual_done": shop.get("manual_done"),
                     "backoffice": shop.get("backoffice"), "gateway_url": shop.get("gateway_url")})
    entries = []
    out = {}
    for ask in asks:
        problems = notification.shop_problems(ask)
        if problems:
            out[ask["name"]] = (None, _about(URL, problems))
        else:
            entries.append({"shop": ask, "name": ask["name"]})
    checking = CheckOnly(module)
    # Only the sandbox adapter waits on the network here; the manual one is Python, which threads only slow.
    if not any(bo.is_sandbox(e["shop"].get("backoffice")) for e in entries):
        concurrency = 1
    gw.run_all(lambda e: notification.handle(checking, e), entries, concurrency)
    for entry in entries:
        result = entry["result"]
        view = dict((k, result[k]) for k in ("status", "url_before", "instructions") if k in result)
        out[entry["name"]] = (view, _about(URL, [entry["error"]]) if entry.get("error") else [])
    return out


def run(module, shops, concurrency=8):
    """The preflight's result: every shop's store as read, what would change, and every problem."""
    labels = [gw.label(shop, i) for i, shop in enumerate(shops)]
    for shop, name in zip(shops, labels):
        shop["name"] = name
    # A name given twice is a problem of the stores' check (Batch names it); its URL is not looked at.
    twice = set(name for name, dup in zip(labels, gw.duplicate_names(labels)) if dup)
    stores, general = check_stores(module, shops)
    urls = check_notification_urls(module, [s for s in shops if s["name"] not in twice], concurrency)
    results = []
    for shop in shops:
        name = shop["name"]
        if name in twice and any(r["name"] == name for r in results):
            continue  # one result per name: the first shop's carries the problem
        item = {"name": name}
        store = stores.get(name, {})
        if "info" in store:
            item["info"] = store["info"]
        item["would_change"] = store.get("would_change") or []
        problems = list(store.get("problems") or [])
        url, url_problems = urls.get(name, (None, []))
        if url is not None:
            item["notification_url"] = url
        problems.extend(url_problems)
        item["problems"] = problems
        results.append(item)
    flat = list(general)
    flat.extend("shop %r: %s" % (item["name"], p) for item in results for p in item["problems"])
    return {"changed": False, "shops": results, "problems": flat}

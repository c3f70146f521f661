#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: backoffice_certificate
short_description: Generate (14.1) or regenerate (14.4) a shop's production key in the Back Office
version_added: 0.1.0
description:
  - O(state=present) generates the production key ("certificat de production") if the shop has none yet,
    step 14.1 of the go-live. An existing key is never touched.
  - O(state=regenerated) regenerates it, step 14.4, only while the current production key still has the
    fingerprint O(regenerate_from). The old key stops signing at once; every merchant server must get the
    new one.
  - With O(store), the new production key goes straight from the Back Office answer into the merchant's
    store (the same code as M(vads.shop.certificate), in the same call), so it is never printed, returned
    or shown in a diff. Without O(store), install it later with M(vads.shop.certificate) from ansible-vault.
  - The manual adapter (the real platform has no API for keys) changes nothing; it reports the step as
    C(pending_manual) with exact Back Office instructions (and writes them to O(backoffice.checklist)), or
    C(declared_done) when O(manual_done) lists it. The key then reaches the store through ansible-vault and
    M(vads.shop.certificate); O(store) is refused with that adapter.
  - Every shop is validated first, stores included, before anything is generated.
  - All or nothing in the Back Office - every shop's current key is read and checked (O(regenerate_from))
    before any key is generated or regenerated; when one shop fails its check, no key of the call is generated
    (status V(not_done)), so that no key is replaced without its store and the rotation record following.
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - vads.shop.backoffice.backoffice_certificate
attributes:
  check_mode:
    support: full
    details:
      - Only GET requests reach the Back Office; no key is generated; the store is not written but
        reported as it would change; the checklist is not written.
  diff_mode:
    support: full
    details:
      - The store's diff shows fingerprints, never keys; a key that would be generated shows as C((new production key)).
  platform:
    platforms: posix
notes:
  - Why O(regenerate_from) - "regenerate" is not idempotent by nature; naming the key to replace makes a
    rerun (after a timeout, or the next playbook run) a no-op instead of a second rotation that would break
    the servers that just got the new key.
seealso:
  - module: vads.shop.certificate
  - module: vads.shop.notification_url
  - name: Key handling and manual Back Office steps
    description: docs/backoffice.md in the collection.
    link: https://github.com/vads/shop/blob/main/docs/backoffice.md
author:
  - vads.shop contributors (@vads-shop)
"""

EXAMPLES = r"""
- name: 14.1 generate the production key and install it on the merchant server (sandbox)
  vads.shop.backoffice_certificate:
    backoffice:
      adapter: sandbox
      url: "{{ sandbox.url }}"
      token: "{{ sandbox.token }}"
    site_id: "12345678"
    state: present
    store:
      type: dotenv
      path: /srv/lyon/.env

- name: 14.4 regenerate a compromised key, once (rerun is a no-op)
  vads.shop.backoffice_certificate:
    backoffice:
      adapter: sandbox
      url: "{{ sandbox.url }}"
      token: "{{ sandbox.token }}"
    site_id: "12345678"
    state: regenerated
    regenerate_from: sha256:1a2b3c4d
    store:
      type: dotenv
      path: /srv/lyon/.env

- name: 14.1 on the real platform - checklist for the operators
  vads.shop.backoffice_certificate:
    backoffice:
      adapter: manual
      checklist: /srv/golive/backoffice-checklist.md
    shops:
      - site_id: "12345678"
        manual_done: "{{ vads_shops[0].manual_done | default([]) }}"
      - site_id: "23456789"
  delegate_to: localhost
"""

RETURN = r"""
shops:
  description: One result per shop, in the order given.
  returned: success
  type: list
  sample:
    - name: boutique-lyon
      site_id: '40127895'
      changed: true
      generated: true
      regenerated: false
      fingerprint: sha256:1a2b3c4d
      fingerprint_before: null
      status: generated
      instructions: null
      store:
        store: dotenv:/srv/lyon/.env
        changed: true
        mode: PRODUCTION
        state: present
        fingerprint: sha256:1a2b3c4d
        fingerprint_before: null
        file_mode: '0600'
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
    changed:
      description: Whether the Back Office or the store changed (or would, in check mode).
      type: bool
      sample: true
    generated:
      description: Whether a production key was generated (would be, in check mode).
      type: bool
      sample: true
    regenerated:
      description: Whether the production key was regenerated (would be, in check mode).
      type: bool
      sample: false
    fingerprint:
      description:
        - Fingerprint of the current production key (after the run). V(null) when there is none, when it
          is yet to be generated in check mode, or with the manual adapter (not visible). Never the key.
      type: str
      sample: sha256:1a2b3c4d
    fingerprint_before:
      description: Fingerprint of the production key before the run.
      type: str
      sample: null
    status:
      description:
        - V(generated), V(exists), V(regenerated), V(already_regenerated) (the key no longer has the
          fingerprint O(regenerate_from)), V(pending_manual), V(declared_done), or V(not_done) (nothing
          generated because another shop of the call failed its check).
      type: str
      sample: generated
    instructions:
      description: Manual adapter - what to do in the Back Office (see M(vads.shop.notification_url)).
      type: dict
      sample: null
      returned: when status is pending_manual
    store:
      description: With O(store) - what happened in the store, as M(vads.shop.certificate) reports it (fingerprints only).
      type: dict
      sample:
        store: dotenv:/srv/lyon/.env
        changed: true
        mode: PRODUCTION
        state: present
        fingerprint: sha256:1a2b3c4d
        fingerprint_before: null
        file_mode: '0600'
      returned: when store is given
checklist:
  description: Manual adapter with O(backoffice.checklist) - the file and whether it changed.
  returned: when a checklist is given
  type: dict
  sample:
    path: /srv/golive/backoffice-checklist.md
    changed: true
"""

import re
import secrets
import string

# First of the collection's imports: each module_utils file below is then compiled once, not twice.
from ansible_collections.vads.shop.plugins.module_utils import compile_once  # noqa: F401 pylint: disable=unused-import
from ansible_collections.vads.shop.plugins.module_utils import backoffice as bo
from ansible_collections.vads.shop.plugins.module_utils import gateway as gw
from ansible_collections.vads.shop.plugins.module_utils.batch import Batch, FleetModule, Operation, Plan
from ansible_collections.vads.shop.plugins.module_utils.merchant import Certificate
from ansible_collections.vads.shop.plugins.module_utils.rules import fingerprint, site_id_problem
from ansible_collections.vads.shop.plugins.module_utils.store import STORE_OPTIONS

OWN = {
    "backoffice": bo.BACKOFFICE_SPEC,
    "site_id": {"type": "str"},
    "state": {"type": "str", "choices": ["present", "regenerated"], "default": "present"},
    "regenerate_from": {"type": "str"},
    "regenerated_to": {"type": "str"},
    "force": {"type": "bool", "default": False},
    "store": {"type": "dict", "options": STORE_OPTIONS},
    "backup": {"type": "bool", "default": False},
    "manual_done": {"type": "list", "elements": "str"},
}

_FP_RE = re.compile(r"^sha256:[0-9a-f]{8}$")
_NEW = "(new production key)"


def _check(shop):
    problems = []
    problem = site_id_problem(shop.get("site_id"))
    if problem:
        problems.append(problem)
    problems.extend(bo.options_problems(shop.get("backoffice")))
    sandbox = (shop.get("backoffice") or {}).get("adapter") == "sandbox"
    if shop.get("state") == "regenerated":
        if not shop.get("regenerate_from"):
            problems.append("regenerate_from (the fingerprint of the key to replace) is required with state "
                            "regenerated, so that a rerun does not rotate the key again")
        elif not _FP_RE.match(shop["regenerate_from"]):
            problems.append("regenerate_from must be a fingerprint such as sha256:1a2b3c4d, as the modules report it "
                            "(never the key itself)")
        if shop.get("regenerated_to") and not _FP_RE.match(shop["regenerated_to"]):
            problems.append("regenerated_to must be a fingerprint such as sha256:1a2b3c4d")
    problem = bo.manual_done_problem(shop.get("manual_done"))
    if problem:
        problems.append(problem)
    if shop.get("store") and not sandbox:
        problems.append("store needs the sandbox adapter: with the manual adapter the module cannot see the key; put it "
                        "in ansible-vault and install it with vads.shop.certificate")
    return problems


class StoredKey(Operation):
    """Read only: the fingerprint of the production key a store holds (the key itself stays here)."""

    writes = False
    options = {}

    def __init__(self):
        self.found = {}

    def plan(self, shop, store, current, backend):
        slot = store.key_setting("PRODUCTION")
        if store.single_key and current.get("ctx_mode") != "PRODUCTION":
            slot = None  # a one-key store in TEST holds no production key
        self.found[shop["name"]] = fingerprint(current.get(slot)) if slot else None
        return Plan(result={})


def _dummy_key():
    return "".join(secrets.choice(string.ascii_letters + string.digits) for dummy in range(32))


def _store_shops(entries, keys, validating=False):
    """The store part as vads.shop.certificate's shops, each with the key to install (stand-ins when
    validating: they differ from any real key a store holds, so replacing is allowed for that check)."""
    out = []
    for entry in entries:
        shop = entry["shop"]
        out.append({"name": entry["name"], "store": shop["store"], "mode": "PRODUCTION", "value": keys[entry["name"]],
                    "state": "present", "force": False, "backup": shop.get("backup"),
                    # a rotation replaces the key the store holds; 14.1 never replaces a real key
                    "replace": validating or (shop.get("state") or "present") == "regenerated"})
    return out


def _stored_fingerprints(module, entries):
    """name -> fingerprint of the production key each store holds now (read only)."""
    reader = StoredKey()
    saved = module.check_mode
    module.check_mode = True
    try:
        Batch(module, reader).execute([{"name": e["name"], "store": e["shop"]["store"]} for e in entries])
    finally:
        module.check_mode = saved
    return reader.found


def _run_store(module, entries, keys, check_mode, validating=False):
    saved = module.check_mode
    module.check_mode = check_mode
    try:
        return Batch(module, Certificate()).execute(_store_shops(entries, keys, validating))
    finally:
        module.check_mode = saved


def _backoffice(module, entry):
    """Read one shop's production key and decide; the write (generate, regenerate) is left in entry["write"]
    for _write, which runs only when every shop of the call passed. Keeps the key off the result."""
    shop = entry["shop"]
    site_id = shop["site_id"]
    state = shop.get("state") or "present"
    result = {"name": entry["name"], "site_id": site_id, "changed": False, "generated": False,
              "regenerated": False, "fingerprint": None, "fingerprint_before": None}
    entry["result"] = result
    client = bo.adapter(shop.get("backoffice"))
    try:
        if not client.can_see:
            step = "production_key" if state == "present" else "production_key_regenerated"
            value = None if state == "present" else "replaces %s" % shop["regenerate_from"]
            item = bo.instructions(step, site_id, value, entry["name"])
            done = bo.declared_done(shop.get("manual_done"), step)
            entry["checklist_item"] = (item, done)
            result["status"] = "declared_done" if done else "pending_manual"
            if not done:
                result["instructions"] = item
            return entry
        certs = client.certificates(site_id)
        key = certs.get("production_key")
        result["fingerprint_before"] = fingerprint(key)
        if state == "present":
            if key:
                result["status"] = "exists"
            else:
                result.update(status="generated", generated=True, changed=True)
                entry["write"] = client.generate_production_key
                key = None
        else:
            if not key:
                raise bo.BackOfficeError("the shop has no production key to regenerate: use state present (14.1)")
            current = fingerprint(key)
            stored = entry.get("stored_fingerprint")
            if current == shop["regenerate_from"] or shop.get("force"):
                result.update(status="regenerated", regenerated=True, changed=True)
                entry["write"] = client.regenerate_production_key
                key = None
            elif current == shop.get("regenerated_to") or (stored is not None and stored == shop["regenerate_from"]):
                # An earlier run regenerated it (recorded, or the store still holds the old key: roll it out).
                result["status"] = "already_regenerated"
            else:
                raise bo.BackOfficeError(
                    "regenerate_from %s matches no current key: the Back Office's production key is %s%s. Nothing "
                    "was regenerated; check the fingerprint (force: true regenerates anyway)"
                    % (shop["regenerate_from"], current,
                       (" and the store holds %s" % (stored or "no production key"))
                       if "stored_fingerprint" in entry else ""))
        result["fingerprint"] = fingerprint(key) if key else (None if result["changed"] else result["fingerprint_before"])
        entry["key"] = key
    except gw.GatewayError as exc:
        entry["error"] = str(exc)
    return entry


def _write(entry):
    """Generate or regenerate one shop's key in the Back Office (after every shop of the call passed)."""
    try:
        key = entry.pop("write")(entry["shop"]["site_id"]).get("production_key")
        entry["key"] = key
        entry["result"]["fingerprint"] = fingerprint(key)
    except gw.GatewayError as exc:
        entry["error"] = str(exc)
    return entry


def main():
    module = FleetModule(argument_spec=gw.fleet_argument_spec(OWN), supports_check_mode=True)
    gw.configure_http(module.params)
    names = ["name"] + list(OWN)
    shops = gw.merge_fleet(module.params, names, dict_options=("backoffice", "store"))
    labels = [gw.label(shop, i) for i, shop in enumerate(shops)]
    problems = [_check(shop) for shop in shops]
    for probs, dup in zip(problems, gw.duplicate_names(labels)):
        probs.extend(dup)
    gw.fail_if_problems(module, labels, problems)
    entries = [{"shop": shop, "name": name} for shop, name in zip(shops, labels)]
    with_store = [e for e in entries if e["shop"].get("store")]

    # Validate every store before the Back Office generates anything: a dry run with stand-in keys.
    if with_store:
        _run_store(module, with_store, dict((e["name"], _dummy_key()) for e in with_store), check_mode=True,
                   validating=True)
        rotating = [e for e in with_store if e["shop"].get("state") == "regenerated"]
        if rotating:
            held = _stored_fingerprints(module, rotating)
            for e in rotating:
                e["stored_fingerprint"] = held.get(e["name"])

    gw.run_all(lambda e: _backoffice(module, e), entries, module.params["concurrency"])
    # All or nothing in the Back Office: one shop whose key does not match stops every generation of the call,
    # so that no key is replaced without its store and the rotation record following in the same run.
    writes = [e for e in entries if e.get("write")]
    if any(e.get("error") for e in entries):
        for e in writes:
            e.pop("write")
            e["result"].update(status="not_done", generated=False, regenerated=False, changed=False,
                               fingerprint=e["result"]["fingerprint_before"])
            e["error"] = "nothing generated: another shop of this call failed its check first"
    elif not module.check_mode:
        gw.run_all(_write, writes, module.params["concurrency"])

    errors = [e for e in entries if e.get("error")]
    out = {"shops": [e["result"] for e in entries]}
    diffs = []
    ok_store = [e for e in with_store if not e.get("error")]
    if ok_store:
        keys = {}
        stand_ins = {}
        for e in ok_store:
            if e.get("key"):
                keys[e["name"]] = e["key"]
            else:  # check mode, key yet to be generated: a stand-in shows what the store would do
                keys[e["name"]] = stand_ins[e["name"]] = _dummy_key()
        stored = _run_store(module, ok_store, keys, check_mode=module.check_mode)
        by_name = dict((r["name"], r) for r in stored["shops"])
        for e in ok_store:
            item = dict(by_name[e["name"]])
            item.pop("name", None)
            if e["name"] in stand_ins:
                item["fingerprint"] = None
            e["result"]["store"] = item
            e["result"]["changed"] = e["result"]["changed"] or item["changed"]
        for diff in stored.get("diff", []):
            for stand_in in stand_ins.values():
                diff["after"] = diff["after"].replace(fingerprint(stand_in), _NEW)
            diffs.append(diff)

    changed = any(e["result"]["changed"] for e in entries)
    checklists = {}
    for entry in entries:
        path = (entry["shop"].get("backoffice") or {}).get("checklist")
        if path and "checklist_item" in entry:
            checklists.setdefault(path, bo.Checklist(path)).add(*entry["checklist_item"])
    for path, checklist in checklists.items():
        try:
            written = checklist.commit(module.check_mode)
        except (bo.BackOfficeError, OSError, IOError) as exc:
            errors.append({"name": "checklist", "error": "writing %s failed: %s" % (path, exc)})
            continue
        out["checklist"] = written
        changed = changed or written["changed"]
    out["changed"] = changed
    if diffs and module._diff:
        out["diff"] = diffs
    if errors:
        done = [e["name"] for e in entries if e["result"]["changed"]]
        failed = " | ".join("shop %r: %s" % (e["name"], e["error"]) for e in errors)
        module.fail_json(msg="%s. Changed: %s" % (failed, ", ".join(done) or "nothing"), **out)
    module.exit_json(**out)


if __name__ == "__main__":
    main()

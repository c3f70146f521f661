# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Filters that turn the inventory's shop list into module options and module results into a report."""

from __future__ import annotations

from ansible.errors import AnsibleFilterError

# The report filters import module_utils (the Back Office's, the store's and the HTTP stack) where they are
# used, not here: ansible-core loads every filter file of the collection in each task that uses any one of
# our filters, and shop_options, in every task that hands shops to a module, must not pay for them.


def shop_options(shops, mapping, formats=None, per_shop=None):
    """For each shop, the options of one module: {option: shop[key]} for keys the shop has, plus formats
    and per-shop values given apart from the inventory ({option: {shop name: value}})."""
    if not isinstance(shops, list) or not all(isinstance(s, dict) for s in shops):
        raise AnsibleFilterError("vads.shop.shop_options expects a list of shop dicts")
    if not isinstance(mapping, dict):
        raise AnsibleFilterError("vads.shop.shop_options expects a dict of option to inventory key")
    out = []
    pairs = list(mapping.items())
    for shop in shops:
        # One look-up per value: with ansible-core 2.19+ each one goes through the templating layer.
        item = {}
        for option, key in pairs:
            value = shop.get(key)
            if value is not None:
                item[option] = value
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


# Steps that must be done in the Back Office before a shop may go to PRODUCTION (manual adapter).
BEFORE_SWITCH = ("production_key", "notification_url_production")


def golive_checklist(shops, backoffice, first_payment="verify"):
    """Every manual Back Office step of chapter 14 for every shop (manual adapter; [] for the sandbox).

    Each item: shop, site_id, chapter, step (its manual_done name), done (declared), before_switch, the
    French and English menu paths, field, value, action and a one-line text.
    """
    if (backoffice or {}).get("adapter", "manual") != "manual":
        return []
    from ansible_collections.vads.shop.plugins.module_utils.backoffice import instructions
    items = []
    for shop in shops or []:
        name, site_id = shop.get("name"), shop.get("site_id")
        done = shop.get("manual_done") or []
        steps = [("production_key", None), ("notification_url_production", shop.get("notification_url"))]
        if first_payment == "verify":
            steps.append(("first_payment", None))
            if not shop.get("rest_password_prod"):
                steps.append(("first_payment_cancelled", None))
            steps.append(("notification_sent", None))
        for step, value in steps:
            item = instructions(step, site_id, value, name)
            item.update(shop=name, done=step in done, before_switch=step in BEFORE_SWITCH)
            items.append(item)
    return items


def golive_preflight(shops, before, backoffice, first_payment="verify", gateway_url="", reported=None):
    """Problems the modules cannot see: the inventory against the stores and the adapter.

    reported: the shops of a vads.shop.preflight result; a problem it already names for a shop (the same
    text, after its step) is not named again.
    """
    from ansible_collections.vads.shop.plugins.module_utils.backoffice import manual_done_problem
    from ansible_collections.vads.shop.plugins.module_utils.rest import BACK_OFFICE_PATH
    from ansible_collections.vads.shop.plugins.module_utils.rules import site_id_placeholder_problem
    adapter = (backoffice or {}).get("adapter", "manual")
    stores = _by_name(before)
    named = {}
    for item in reported or []:
        if isinstance(item, dict):
            named.setdefault(item.get("name"), []).extend(item.get("problems") or [])
    problems = []

    def add(name, text):
        if not any(p == text or p.endswith(": " + text) for p in named.get(name, ())):
            problems.append("shop %r: %s" % (name, text))

    for shop in shops:
        name = shop.get("name")
        store = stores.get(name, {})
        held = store.get("site_id")
        if held and shop.get("site_id") and str(held) != str(shop["site_id"]):
            add(name, "the inventory says site id %s but the store holds %s" % (shop["site_id"], held))
        problem = site_id_placeholder_problem(held or shop.get("site_id"))
        if problem:
            add(name, problem)
        if store.get("rest_api") and shop.get("rest_keys_prod") is None and not all(
                (store.get("rest_keys") or {}).get("PRODUCTION", {}).values()):
            add(name, "the shop uses the REST API (embedded form) and has no production REST keys: give "
                      "rest_keys_prod {private_key, public_key, hmac_key} (Back Office: %s)" % BACK_OFFICE_PATH)
        problem = manual_done_problem(shop.get("manual_done"))
        if problem:
            add(name, problem)
        one_key = bool(store.get("single_key"))
        if shop.get("key_prod") is None:
            if one_key and store.get("ctx_mode") != "PRODUCTION":
                add(name, "key_prod is required: this store keeps one key, for the current mode, so the production key "
                          "goes in with the switch and must come from the vault")
            elif adapter == "manual" and not store.get("ready_for_production"):
                add(name, "key_prod is required with the manual Back Office adapter (copy the production key from the "
                          "Certificates tab into the vault)")
        if not shop.get("notification_url"):
            add(name, "notification_url is required (the PRODUCTION URL of the notification rule)")
        if not shop.get("brand") and not gateway_url:
            add(name, "brand is required to reach the brand's payment endpoint (payzen, systempay, ...)")
        if (adapter == "manual" and first_payment == "verify" and "first_payment" in (shop.get("manual_done") or [])
                and shop.get("rest_password_prod")
                and not (shop.get("first_payment_order_id") or shop.get("first_payment_uuid"))):
            add(name, "first_payment is declared done: give its first_payment_order_id (or first_payment_uuid) so "
                      "that the collection can read it, cancel it and check it")
    pending = [i for i in golive_checklist(shops, backoffice, first_payment) if i["before_switch"] and not i["done"]]
    if pending:
        problems.append("Back Office work must be done before any shop of this host goes to PRODUCTION; once done, "
                        "add each step's name to the shop's manual_done: " + " || ".join(i["text"] for i in pending))
    return problems


def _changes(shops, before, after):
    """name -> list of changes read back (None when the store could not be read back)."""
    old, new = _by_name(before), _by_name(after)
    out = {}
    for shop in shops or []:
        name = shop.get("name")
        was, now = old.get(name, {}), new.get(name)
        if now is None:
            out[name] = None
            continue
        parts = []
        for label, field in (("mode", "ctx_mode"), ("production key", "key_prod_fingerprint"),
                             ("test key", "key_test_fingerprint")):
            if was.get(field) != now.get(field):
                parts.append("%s %s -> %s" % (label, was.get(field) or "not set", now.get(field) or "not set"))
        out[name] = parts
    return out


def golive_changes(shops, before, after):
    """What changed in each store, read back: one sentence per changed shop (empty when nothing changed)."""
    out = []
    for name, parts in _changes(shops, before, after).items():
        if parts is None:
            out.append("shop %r: its store could not be read back" % (name,))
        elif parts:
            out.append("shop %r: %s" % (name, ", ".join(parts)))
    return out


def golive_unchanged(shops, before, after):
    """Names of the shops whose store reads back as before."""
    return [name for name, parts in _changes(shops, before, after).items() if parts == []]


def _step(chapter, step, status, by, detail=None):
    return {"chapter": chapter, "step": step, "status": status, "by": by, "detail": detail}


def golive_rows(shops, steps, adapter="sandbox", first_payment="verify", check_mode=False):
    """One report row per shop. States (mode, keys, URL, payment) are those read back after the run;
    in check mode what would change is apart, under ``would``."""
    steps = steps or {}
    index = dict((step, _by_name(result)) for step, result in steps.items() if isinstance(result, dict))
    checklist = dict(((i["shop"], i["step"]), i) for i in steps.get("checklist") or [])
    rows = []
    for shop in shops:
        name = shop.get("name")

        def get(step, name=name):
            return index.get(step, {}).get(name, {})

        before, after, key, installed = get("before"), get("after"), get("key"), get("key_installed")
        proof, url, url_after, switch = get("proof"), get("url"), get("url_after"), get("switch")
        payment, existing, cancel, manual_tx = get("payment"), get("existing"), get("cancel"), get("manual_payment")
        first = cancel if cancel.get("found") else (existing if existing.get("found") else
                                                    (manual_tx if manual_tx.get("found") else {}))
        note = first.get("notification") or {}
        done = shop.get("manual_done") or []
        read = after or before
        report = []
        # 14.1
        if adapter == "manual":
            report.append(_step("14.1", "production_key", "declared" if "production_key" in done else "pending",
                                "person" if "production_key" in done else None))
        else:
            report.append(_step("14.1", "production_key", "verified" if read.get("key_prod_fingerprint") else
                                ("would" if key.get("changed") else "pending"), "collection",
                                "generated in the Back Office and installed in the store" if key.get("generated")
                                else None))
        if proof.get("accepted"):
            report.append(_step("14.1", "production_key_accepted", "verified", "collection",
                                "a PRODUCTION form signed with %s was accepted by the gateway" % proof.get("fingerprint")))
        # 14.2 (1)(2)
        mode_status = "verified" if after.get("ctx_mode") == "PRODUCTION" else (
            "would" if check_mode and switch.get("changed") else "pending")
        report.append(_step("14.2 (1)(2)", "ctx_mode", mode_status, "collection"))
        # 14.2 (3)
        if adapter == "manual":
            declared = "notification_url_production" in done
            report.append(_step("14.2 (3)", "notification_url_production", "declared" if declared else "pending",
                                "person" if declared else None, shop.get("notification_url")))
        else:
            # Read back: by the registering call itself, or by a later read where the run stopped.
            seen = url_after.get("url_before") if url_after else url.get("url_after")
            report.append(_step("14.2 (3)", "notification_url_production",
                                "verified" if seen == shop.get("notification_url") and seen else
                                ("would" if check_mode and url.get("changed") else "pending"), "collection", seen))
        probe = url.get("probe") or {}
        if probe.get("ok"):
            report.append(_step("14.2 (3)", "notification_url_answers", "verified", "collection",
                                "answered a signed PRODUCTION notification with HTTP %s" % probe.get("http_code")))
        # 14.3
        if first_payment != "verify":
            report.append(_step("14.3", "first_payment", "skipped", None, "golive_first_payment: skip"))
        elif adapter == "manual":
            declared = "first_payment" in done
            report.append(_step("14.3", "first_payment", "declared" if declared else "pending",
                                "person" if declared else None))
            if first.get("found"):
                report.append(_step("14.3", "first_payment_found", "verified", "collection",
                                    "REST V4: %s %s" % (first.get("uuid"), first.get("detailed_status"))))
            if shop.get("rest_password_prod"):
                report.append(_step("14.3", "first_payment_cancelled",
                                    "verified" if first.get("detailed_status") == "CANCELLED" else
                                    ("would" if check_mode and first.get("cancelled") else "pending"), "collection",
                                    "REST V4 Transaction/CancelOrRefund, status read back"))
            else:
                declared = "first_payment_cancelled" in done
                report.append(_step("14.3", "first_payment_cancelled", "declared" if declared else "pending",
                                    "person" if declared else None))
            declared = "notification_sent" in done
            report.append(_step("14.3", "notification_sent", "declared" if declared else "pending",
                                "person" if declared else None))
        else:
            report.append(_step("14.3", "first_payment", "verified" if first.get("detailed_status") == "CANCELLED"
                                else "pending", "collection", first.get("uuid")))
            report.append(_step("14.3", "notification_sent", "verified" if note.get("status") == "sent" else "pending",
                                "collection", note.get("status")))
        pending = [checklist[(name, r["step"])]["text"] for r in report
                   if r["status"] == "pending" and (name, r["step"]) in checklist]
        for step in ("key_installed", "rest_keys", "switch"):
            if get(step).get("cache_flush_required"):
                pending.append("%s: Magento serves its settings from its config cache: run bin/magento cache:clean "
                               "config in the shop's root folder (or give store.magento_root)" % name)
                break
        would = None
        if check_mode:
            would = {
                "ctx_mode": switch.get("ctx_mode") if switch.get("changed") else None,
                "key_fingerprint": (installed.get("fingerprint") if installed.get("changed") else None)
                or ("(new production key)" if key.get("changed") and key.get("generated") else None),
                "notification_url": shop.get("notification_url") if url.get("changed") else None,
            }
        rows.append({
            "shop": name,
            "site_id": shop.get("site_id"),
            "mode_before": before.get("ctx_mode"),
            "mode_after": after.get("ctx_mode") if after else None,
            "key_fingerprint_before": before.get("key_prod_fingerprint"),
            "key_fingerprint": after.get("key_prod_fingerprint") if after else None,
            "would": would,
            "notification_url": shop.get("notification_url"),
            "notification_url_status": url.get("status"),
            "first_payment": first.get("uuid") or (payment.get("transaction") or {}).get("uuid"),
            "first_payment_status": first.get("detailed_status") or (payment.get("transaction") or {}).get("status"),
            "first_payment_notification": note.get("status") if note.get("status") != "unknown" else None,
            "steps": report,
            "verified": [r["chapter"] + " " + r["step"] for r in report if r["status"] == "verified"],
            "declared": [r["chapter"] + " " + r["step"] for r in report if r["status"] == "declared"],
            "skipped": [r["chapter"] + " " + r["step"] for r in report if r["status"] == "skipped"],
            "manual_pending": pending,
        })
    return rows


def rotation_problems(targets, before, backoffice, force=False, record=None):
    """Manual adapter: each regenerate_from must name the key the store holds (or, once rolled out, the
    rotation recorded from it to the vault's key); the vault must hold the regenerated key. The sandbox
    adapter checks in the module."""
    if (backoffice or {}).get("adapter", "manual") != "manual":
        return []
    from ansible_collections.vads.shop.plugins.module_utils.rules import fingerprint
    stores = _by_name(before)
    problems = []
    for shop in targets or []:
        name = shop.get("name")
        held = stores.get(name, {}).get("key_prod_fingerprint")
        old = shop.get("regenerate_from")
        if shop.get("key_prod") is None:
            problems.append("shop %r: key_prod is required with the manual adapter: regenerate the key in the Back "
                            "Office and put the new one in the vault" % (name,))
            continue
        new = fingerprint(str(shop["key_prod"]).strip())
        if new == old:
            problems.append("shop %r: the vault's key_prod is still the key to replace (%s): put the regenerated key "
                            "there" % (name, old))
        elif held == new and ((record or {}).get(name) or {}) == {"from": old, "to": new}:
            continue  # this rotation was rolled out by an earlier run
        elif held != old and not force:
            problems.append("shop %r: regenerate_from %s matches no current key: the store holds %s and the vault's "
                            "key_prod is %s (force: true rotates anyway)" % (name, old, held or "not set", new))
    return problems


def rotation_regenerated_to(targets, record):
    """shop name -> the fingerprint an earlier run gave the new key, for rotations from the same key."""
    out = {}
    for shop in targets or []:
        done = (record or {}).get(shop.get("name")) or {}
        if done.get("from") == shop.get("regenerate_from") and done.get("to"):
            out[shop["name"]] = done["to"]
    return out


def rotation_record(results):
    """{shop name: {from, to}} of the keys this run regenerated (vads.shop.backoffice_certificate results) or
    replaced in a store (vads.shop.certificate results); fingerprints only."""
    out = {}
    for r in results or []:
        if r.get("fingerprint") and (r.get("regenerated") or (r.get("changed") and "regenerated" not in r)):
            before = r.get("fingerprint_before")
            if isinstance(r.get("store"), dict):  # with the store: the key it held before is what was replaced
                before = r["store"].get("fingerprint_before") or before
            out[r["name"]] = {"from": before, "to": r["fingerprint"]}
    return out


def rotation_summary(targets, regenerated, before, after):
    """One line per target: the Back Office status and the store's key before -> after (read back)."""
    status, old, new = _by_name(regenerated), _by_name(before), _by_name(after)
    return ["%s: %s, store key %s -> %s" % (
        s.get("name"), status.get(s.get("name"), {}).get("status", "unknown"),
        old.get(s.get("name"), {}).get("key_prod_fingerprint") or "not set",
        new.get(s.get("name"), {}).get("key_prod_fingerprint") or "not set") for s in targets or []]


def rotation_rows(targets, results, host, check_mode=False, failure=None):
    """One report row per target of this host, read back from the stores after the run (fingerprints only).

    results: the role's registered results - before, after (vads.shop.shop_info), regenerated
    (vads.shop.backoffice_certificate), installed (vads.shop.certificate), proof (vads.shop.payment_probe).
    Status: failed (the host stopped: failure), planned (check mode, would rotate), pending (a Back Office step
    not declared done), done (the store's key changed and the new one was proven), ok (nothing to do: the key
    was rotated by an earlier run).
    """
    results = results or {}
    before, after = _by_name(results.get("before")), _by_name(results.get("after"))
    regenerated, installed = _by_name(results.get("regenerated")), _by_name(results.get("installed"))
    proof = _by_name(results.get("proof"))
    rows = []
    for shop in targets or []:
        name = shop.get("name")
        bo = regenerated.get(name, {})
        probe = proof.get(name, {})
        key_before = before.get(name, {}).get("key_prod_fingerprint")
        key_after = after.get(name, {}).get("key_prod_fingerprint") if name in after else None
        if probe.get("skipped") or (check_mode and not probe):
            proven = "skipped (check mode)"
        elif probe.get("accepted") is True:
            proven = "accepted (%s)" % probe.get("fingerprint")
        elif probe:
            proven = "rejected: %s" % (probe.get("error_reason") or probe.get("error_code") or "no reason given")
        else:
            proven = "not run"
        would = bool(bo.get("changed") or installed.get(name, {}).get("changed"))
        detail = ""
        if failure:
            status, detail = "failed", "the host stopped: %s" % (failure,)
            if key_after and key_after != key_before:
                detail = "key replaced (not proven, not recorded); " + detail
        elif check_mode:
            status = "planned" if would else "ok"
            detail = "dry run: would regenerate and install a new key" if would else "nothing to do"
        elif bo.get("status") == "pending_manual":
            status = "pending"
            detail = ("regenerate the key in the Back Office, put it in the vault, then declare manual_done: "
                      "production_key_regenerated")
        elif probe and probe.get("accepted") is not True:
            status, detail = "failed", "the gateway rejected a form signed with the new key"
        elif key_after and key_after != key_before:
            status, detail = "done", "new key installed and proven"
        else:
            status, detail = "ok", "nothing to do: the key was already rotated"
        rows.append({"host": host, "shop": name, "site_id": shop.get("site_id"), "status": status,
                     "backoffice": bo.get("status") or (("regenerated" if bo.get("regenerated") else "unchanged")
                                                        if bo else "not run"),
                     "key_before": key_before, "key_after": key_after, "proof": proven, "detail": detail})
    return rows


ROTATION_STATUSES = ("done", "ok", "planned", "pending", "failed")


def rotation_report(rows, check_mode=False, written=None):
    """The rotation report's JSON document from the rows of every host: counts first, then the rows."""
    rows = sorted((dict(r) for r in rows or []), key=lambda r: (str(r.get("host")), str(r.get("shop"))))
    counts = dict((status, sum(1 for r in rows if r.get("status") == status)) for status in ROTATION_STATUSES)
    return {
        "written": written,
        "check_mode": bool(check_mode),
        "summary": dict(counts, hosts=len(set(r.get("host") for r in rows)), shops=len(rows),
                        hosts_failed=len(set(r.get("host") for r in rows if r.get("status") == "failed"))),
        "shops": rows,
    }


class FilterModule(object):
    def filters(self):
        return {"shop_options": shop_options, "golive_rows": golive_rows, "golive_preflight": golive_preflight,
                "golive_checklist": golive_checklist, "golive_changes": golive_changes,
                "golive_unchanged": golive_unchanged, "rotation_problems": rotation_problems,
                "rotation_regenerated_to": rotation_regenerated_to, "rotation_record": rotation_record,
                "rotation_summary": rotation_summary, "rotation_rows": rotation_rows,
                "rotation_report": rotation_report}

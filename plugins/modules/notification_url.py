#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: notification_url
short_description: Register a shop's instant payment notification (IPN) URL for TEST or PRODUCTION
version_added: 0.1.0
description:
  - Registers the URL the gateway calls at the end of each payment ("URL de notification à la fin du
    paiement") for one mode, step 14.2 (3) of the go-live. Leaving the PRODUCTION URL empty, or pointing
    it at a staging host, silently loses every production notification.
  - Validates the URL first (absolute, no credentials, no fragment; in PRODUCTION C(https://) and a host
    the gateway can reach from the Internet).
  - Sandbox adapter - reads the rule and writes it only when it differs; a second run changes nothing.
  - Manual adapter (the real platform, which has no API for notification rules) - changes nothing in the
    Back Office; reports C(pending_manual) with exact instructions and writes them to
    O(backoffice.checklist), or C(declared_done) when O(manual_done) lists the step.
  - With O(probe=true), posts a signed synthetic notification to the URL and reports how it answered; a
    redirect counts as an error, because the gateway does not follow it.
  - Takes a list of shops in O(shops), handled in this one call; every shop is validated first.
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
  - vads.shop.backoffice.notification_url
attributes:
  check_mode:
    support: full
    details:
      - Only GET requests reach the Back Office; the checklist is not written; the probe is skipped.
  diff_mode:
    support: full
    details:
      - One diff per shop whose rule changes (sandbox adapter), showing the TEST and PRODUCTION URLs before and after.
  platform:
    platforms: posix
seealso:
  - module: vads.shop.transaction
  - module: vads.shop.backoffice_certificate
  - name: Back Office manual steps and inventory conventions
    description: docs/backoffice.md in the collection.
    link: https://github.com/vads/shop/blob/main/docs/backoffice.md
author:
  - vads.shop contributors (@vads-shop)
"""

EXAMPLES = r"""
- name: Register the production IPN URL of every shop (real platform, manual Back Office work)
  vads.shop.notification_url:
    backoffice:
      adapter: manual
      checklist: /srv/golive/backoffice-checklist.md
    mode: PRODUCTION
    shops:
      - name: lyon
        site_id: "12345678"
        url: https://lyon.example.com/payzen/ipn
        manual_done: "{{ vads_shops[0].manual_done | default([]) }}"
      - name: nice
        site_id: "23456789"
        url: https://nice.example.com/payzen/ipn
  delegate_to: localhost

- name: Register and probe against the sandbox
  vads.shop.notification_url:
    backoffice:
      adapter: sandbox
      url: "{{ sandbox.url }}"
      token: "{{ sandbox.token }}"
    site_id: "12345678"
    mode: PRODUCTION
    url: "{{ sandbox.url }}/demo-merchant/ipn/12345678"
    probe: true
"""

RETURN = r"""
shops:
  description: One result per shop, in the order given.
  returned: always
  type: list
  sample:
    - name: boutique-lyon
      site_id: '40127895'
      mode: PRODUCTION
      url: https://boutique-lyon.example.com/payzen/ipn
      url_before: null
      url_after: null
      changed: false
      status: pending_manual
      instructions:
        step: notification_url_production
        fr: Paramétrage > Règles de notification > URL de notification à la fin du paiement > URL à appeler en mode
          PRODUCTION
        en: Settings > Notification rules > Instant Payment Notification URL at the end of the payment > URL to call
          in PRODUCTION mode
        field: URL à appeler en mode PRODUCTION / URL to call in PRODUCTION mode
        value: https://boutique-lyon.example.com/payzen/ipn
        text: '14.2 (3) boutique-lyon (site 40127895) [manual_done: notification_url_production]: Paramétrage > Règles
          de notification > URL de notification à la fin du paiement > URL à appeler en mode PRODUCTION / Settings >
          Notification rules > Instant Payment Notification URL at the end of the payment > URL to call in PRODUCTION
          mode = https://boutique-lyon.example.com/payzen/ipn: set the field to the value, enable the rule, save'
      probe:
        ok: true
        skipped: false
        http_code: 200
        redirect: false
        location: null
        tls_error: null
        elapsed_ms: 84
        error: null
  elements: dict
  contains:
    name:
      description: The shop's name.
      type: str
      sample: boutique-lyon
    site_id:
      description: The shop id.
      type: str
      sample: "40127895"
    mode:
      description: Which URL of the rule.
      type: str
      sample: PRODUCTION
    url:
      description: The URL registered (or to register).
      type: str
      sample: https://boutique-lyon.example.com/payzen/ipn
    url_before:
      description: The URL the rule had for that mode; V(null) when unset or not visible (manual adapter).
      type: str
      sample: null
    url_after:
      description:
        - The URL the rule has for that mode after this call, read back from the Back Office (in check mode,
          as read before); V(null) when unset or not visible (manual adapter).
      type: str
      sample: https://boutique-lyon.example.com/payzen/ipn
    changed:
      description: Whether the Back Office rule changed (or would, in check mode).
      type: bool
      sample: false
    status:
      description:
        - V(registered) (the Back Office holds the URL), V(pending_manual) (someone must enter it by hand),
          or V(declared_done) (the inventory says it was entered; not verified).
      type: str
      sample: pending_manual
    instructions:
      description: Manual adapter, when not declared done - what to do in the Back Office.
      type: dict
      sample:
        step: notification_url_production
        fr: Paramétrage > Règles de notification > URL de notification à la fin du paiement > URL à appeler en mode PRODUCTION
        en: Settings > Notification rules > Instant Payment Notification URL at the end of the payment > URL to call in
          PRODUCTION mode
        field: URL à appeler en mode PRODUCTION / URL to call in PRODUCTION mode
        value: https://boutique-lyon.example.com/payzen/ipn
        text: '14.2 (3) boutique-lyon (site 40127895) [manual_done: notification_url_production]: Paramétrage > Règles de
          notification > URL de notification à la fin du paiement > URL à appeler en mode PRODUCTION / Settings > Notification
          rules > Instant Payment Notification URL at the end of the payment > URL to call in PRODUCTION mode = https://boutique-lyon.example.com/payzen/ipn:
          set the field to the value, enable the rule, save'
      returned: when status is pending_manual
      contains:
        step:
          description: Step name, as used in O(manual_done).
          type: str
          sample: notification_url_production
        fr:
          description: French menu path.
          type: str
          sample: Paramétrage > Règles de notification > URL de notification à la fin du paiement > URL à appeler
            en mode PRODUCTION
        en:
          description: English menu path.
          type: str
          sample: Settings > Notification rules > Instant Payment Notification URL at the end of the payment > URL
            to call in PRODUCTION mode
        field:
          description: The field to fill.
          type: str
          sample: URL à appeler en mode PRODUCTION / URL to call in PRODUCTION mode
        value:
          description: The value to enter.
          type: str
          sample: https://boutique-lyon.example.com/payzen/ipn
        text:
          description: All of it on one line (the checklist line).
          type: str
          sample: '14.2 (3) boutique-lyon (site 40127895) [manual_done: notification_url_production]: Paramétrage
            > Règles de notification > URL de notification à la fin du paiement > URL à appeler en mode PRODUCTION
            / Settings > Notification rules > Instant Payment Notification URL at the end of the payment > URL to
            call in PRODUCTION mode = https://boutique-lyon.example.com/payzen/ipn: set the field to the value,
            enable the rule, save'
    probe:
      description: With O(probe=true) - how the URL answered a signed synthetic notification.
      type: dict
      sample:
        ok: true
        skipped: false
        http_code: 200
        redirect: false
        location: null
        tls_error: null
        elapsed_ms: 84
        error: null
      returned: when probe is true
      contains:
        ok:
          description: Whether the gateway would count it delivered to the merchant (HTTP 200-206, no redirect).
          type: bool
          sample: true
        skipped:
          description: True in check mode (nothing was posted).
          type: bool
          sample: false
        http_code:
          description: The HTTP status answered.
          type: int
          sample: 200
        redirect:
          description: Whether the URL answered a redirect (an error - the gateway does not follow it).
          type: bool
          sample: false
        location:
          description: The redirect's target.
          type: str
          sample: null
        tls_error:
          description: The TLS error, if the connection failed on it.
          type: str
          sample: null
        elapsed_ms:
          description: Time to the answer, in milliseconds (the gateway waits 10 s).
          type: int
          sample: 84
        error:
          description: What went wrong, in plain words.
          type: str
          sample: null
checklist:
  description: Manual adapter with O(backoffice.checklist) - the file and whether it changed.
  returned: when a checklist is given
  type: dict
  sample:
    path: /srv/golive/backoffice-checklist.md
    changed: true
"""

# First of the collection's imports: each module_utils file below is then compiled once, not twice.
from ansible_collections.vads.shop.plugins.module_utils import compile_once  # noqa: F401 pylint: disable=unused-import
from ansible_collections.vads.shop.plugins.module_utils import backoffice as bo
from ansible_collections.vads.shop.plugins.module_utils import gateway as gw
from ansible_collections.vads.shop.plugins.module_utils import notification
from ansible_collections.vads.shop.plugins.module_utils.batch import Batch, FleetModule


def main():
    module = FleetModule(argument_spec=gw.fleet_argument_spec(notification.OPTIONS), supports_check_mode=True)
    gw.configure_http(module.params)
    names = ["name"] + list(notification.OPTIONS)
    shops = gw.merge_fleet(module.params, names, dict_options=("backoffice", "store"))
    labels = [gw.label(shop, i) for i, shop in enumerate(shops)]
    problems = [notification.shop_problems(shop) for shop in shops]
    for probs, dup in zip(problems, gw.duplicate_names(labels)):
        probs.extend(dup)
    gw.fail_if_problems(module, labels, problems)

    # The probe signs as the store does: its algorithm and, without probe_key, its key of the mode.
    reading = [dict(name=name, store=shop["store"], mode=shop["mode"])
               for shop, name in zip(shops, labels) if shop.get("probe") and shop.get("store")]
    if reading:
        reader = notification.ReadSigning()
        saved = module.check_mode
        module.check_mode = True
        try:
            Batch(module, reader).execute(reading)
        finally:
            module.check_mode = saved
        for shop, name in zip(shops, labels):
            if name in reader.signing:
                shop["_signing"] = reader.signing[name]

    entries = [{"shop": shop, "name": name} for shop, name in zip(shops, labels)]
    gw.run_all(lambda e: notification.handle(module, e), entries, module.params["concurrency"])

    out = {"shops": [e["result"] for e in entries]}
    changed = any(e["result"]["changed"] for e in entries)
    checklists = {}
    for entry in entries:
        path = (entry["shop"].get("backoffice") or {}).get("checklist")
        if path and "checklist_item" in entry:
            checklists.setdefault(path, bo.Checklist(path)).add(*entry["checklist_item"])
    errors = [e for e in entries if e.get("error")]
    for path, checklist in checklists.items():
        try:
            written = checklist.commit(module.check_mode)
        except (bo.BackOfficeError, OSError, IOError) as exc:
            errors.append({"name": "checklist", "error": "writing %s failed: %s" % (path, exc)})
            continue
        out["checklist"] = written
        changed = changed or written["changed"]
    out["changed"] = changed
    if module._diff:
        diffs = [e["diff"] for e in entries if e.get("diff")]
        if diffs:
            out["diff"] = diffs
    bad_probes = [e for e in entries if (e["result"].get("probe") or {}).get("ok") is False]
    if errors or bad_probes:
        parts = ["shop %r: %s" % (e["name"], e["error"]) for e in errors]
        parts += ["shop %r: probe of %s failed: %s" % (e["name"], e["result"]["url"], e["result"]["probe"]["error"])
                  for e in bad_probes]
        done = [e["name"] for e in entries if e["result"]["changed"]]
        module.fail_json(msg="%s. Changed: %s" % (" | ".join(parts), ", ".join(done) or "nothing"), **out)
    module.exit_json(**out)


if __name__ == "__main__":
    main()

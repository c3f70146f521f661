# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The Back Office behind the ``backoffice`` option: the sandbox's operator API, or manual work.

The real platform has no API for keys, notification rules or notification status: those are Back
Office screens. The ``manual`` adapter therefore never acts and never guesses. It says, for each shop
and step, exactly what to click (French and English menu paths, field, value), appends it to a fleet
checklist, and reports a step done only when the inventory declares it done (``manual_done``).

The ``sandbox`` adapter drives ``vads-sandbox``'s operator API, which stands in for those clicks.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import json
import os
import re

from ansible.module_utils.basic import env_fallback

from ansible_collections.vads.shop.plugins.module_utils.gateway import GatewayError, TransportError, request
from ansible_collections.vads.shop.plugins.module_utils.store import atomic_write

ADAPTERS = ("sandbox", "manual")

BACKOFFICE_OPTIONS = {
    "adapter": {"type": "str", "choices": list(ADAPTERS), "default": "manual"},
    "url": {"type": "str"},
    # Top level only (batch.shops_option drops fallbacks): a shop's own value, then the top level's, then this.
    "token": {"type": "str", "no_log": True, "fallback": (env_fallback, ["VADS_BACKOFFICE_TOKEN"])},
    "timeout": {"type": "float", "default": 10},
    "retries": {"type": "int", "default": 3},
    "checklist": {"type": "path"},
}

BACKOFFICE_SPEC = {"type": "dict", "options": BACKOFFICE_OPTIONS}

# ------------------------------------------------------------------------------------------ manual steps
# step name -> (French menu path, English menu path, field (fr / en), what to do)
STEPS = {
    "production_key": {
        "fr": "Paramétrage > Boutique > [boutique] > onglet Certificats > Générer le certificat de production",
        "en": "Settings > Shop > [shop] > Certificates tab > Generate the production certificate",
        "field": None,
        "action": "generate the production key; its value then shows under the Certificates tab and an e-mail "
                  "confirms it to the shop's administrative contact. Put it in ansible-vault, never in a ticket. "
                  "A shop paying through the embedded form (REST API) also needs its production REST keys: "
                  "Paramétrage > Boutique > [boutique] > onglet Clés de l'API REST / Settings > Shop > [shop] > "
                  "REST API keys tab; put the private key, public key and HMAC-SHA-256 key in ansible-vault "
                  "(rest_keys_prod)",
    },
    "production_key_regenerated": {
        "fr": "Paramétrage > Boutique > [boutique] > onglet Certificats > Générer à nouveau (certificat de production)",
        "en": "Settings > Shop > [shop] > Certificates tab > Regenerate (production certificate)",
        "field": None,
        "action": "regenerate the production key; the old one stops signing at once, so roll the new one out to "
                  "every merchant server right away (ansible-vault, then vads.shop.certificate)",
    },
    "notification_url_production": {
        "fr": "Paramétrage > Règles de notification > URL de notification à la fin du paiement > "
              "URL à appeler en mode PRODUCTION",
        "en": "Settings > Notification rules > Instant Payment Notification URL at the end of the payment > "
              "URL to call in PRODUCTION mode",
        "field": "URL à appeler en mode PRODUCTION / URL to call in PRODUCTION mode",
        "action": "set the field to the value, enable the rule, save",
    },
    "notification_url_test": {
        "fr": "Paramétrage > Règles de notification > URL de notification à la fin du paiement > "
              "URL à appeler en mode TEST",
        "en": "Settings > Notification rules > Instant Payment Notification URL at the end of the payment > "
              "URL to call in TEST mode",
        "field": "URL à appeler en mode TEST / URL to call in TEST mode",
        "action": "set the field to the value, enable the rule, save",
    },
    "first_payment": {
        "fr": "la boutique en ligne, en mode PRODUCTION, avec une vraie carte",
        "en": "the web shop, in PRODUCTION mode, with a real card",
        "field": None,
        "action": "make one real payment of at least 2 EUR; on the result page do not click \"Retour a la "
                  "boutique\" (the notification must prove itself). Put its order id in the shop's "
                  "first_payment_order_id (or its transaction uuid in first_payment_uuid) in the inventory",
    },
    "first_payment_cancelled": {
        "fr": "Gestion > Transactions > onglet Paiements en cours > [transaction] > Annuler",
        "en": "Management > Transactions > Current payments tab > [transaction] > Cancel",
        "field": None,
        "action": "cancel the first payment so that it is never remitted (automated instead when the inventory "
                  "holds the shop's rest_password_prod)",
    },
    "notification_sent": {
        "fr": "Gestion > Transactions > onglet Paiements en cours (ou Paiements remisés) > [transaction] > "
              "Statut URL de notification",
        "en": "Management > Transactions > Current payments tab (or Captured payments) > [transaction] > "
              "IPN URL status",
        "field": "Statut URL de notification / IPN URL status",
        "action": "check that it says Envoyé (Sent); if not, read the attempts, fix the merchant's endpoint, then "
                  "click Renvoyer la notification (Resend the notification) and check again",
    },
}

# Not a manual_done name: what to do when a notification was not delivered (the platform's resend button).
RESEND = {
    "fr": "Gestion > Transactions > onglet Paiements en cours (ou Paiements remisés) > [transaction] > "
          "Renvoyer la notification",
    "en": "Management > Transactions > Current payments tab (or Captured payments) > [transaction] > "
          "Resend the notification",
}

# The names an inventory's manual_done may hold, in the order of chapter 14.
MANUAL_DONE_NAMES = ("production_key", "notification_url_production", "notification_url_test", "first_payment",
                     "first_payment_cancelled", "notification_sent", "production_key_regenerated")

# Chapter of each step, for checklists and reports.
CHAPTER = {"production_key": "14.1", "notification_url_production": "14.2 (3)", "notification_url_test": "14.2 (3)",
           "first_payment": "14.3", "first_payment_cancelled": "14.3", "notification_sent": "14.3",
           "production_key_regenerated": "14.4"}


def manual_done_problem(names):
    """None, or a sentence naming the unknown entries of a manual_done list and the valid names."""
    unknown = [n for n in (names or []) if n not in MANUAL_DONE_NAMES]
    if not unknown:
        return None
    return ("manual_done holds unknown step name(s) %s: valid names are %s"
            % (", ".join(repr(n) for n in unknown), ", ".join(MANUAL_DONE_NAMES)))


def notification_step(mode):
    return "notification_url_production" if mode == "PRODUCTION" else "notification_url_test"


def instructions(step, site_id, value=None, shop=None):
    """Exact Back Office instructions for one step of one shop (a dict; ``text`` is one line)."""
    info = STEPS[step]
    out = {
        "step": step,
        "site_id": site_id,
        "fr": info["fr"],
        "en": info["en"],
        "field": info["field"],
        "value": value,
        "action": info["action"],
        "chapter": CHAPTER[step],
    }
    who = "%s (site %s)" % (shop, site_id) if shop and shop != site_id else "site %s" % site_id
    text = "%s %s [manual_done: %s]: %s / %s" % (CHAPTER[step], who, step, info["fr"], info["en"])
    if value is not None:
        text += " = %s" % value
    text += ": %s" % info["action"]
    out["text"] = text
    return out


def declared_done(manual_done, step):
    return step in (manual_done or [])


# ------------------------------------------------------------------------------------------ checklist
_ID_RE = re.compile(r"<!-- vads\.shop:([0-9]{8}):([a-z_]+) -->\s*$")
_HEADER = ("# Back Office checklist (vads.shop)\n\n"
           "Steps the payment platform's Back Office needs by hand. Tick a line once done, then add the step to\n"
           "the shop's `manual_done` list in the inventory (`vads_shops`) so that the modules report it done.\n\n")


class Checklist(object):
    """A Markdown checklist, one line per shop and step, identified by a trailing HTML comment.

    Re-running with the same steps changes nothing; a step whose instructions changed (another URL) is
    rewritten in place and unticked; a step the inventory declares done is ticked.
    """

    def __init__(self, path):
        self.path = path
        self.wanted = []

    def add(self, item, done=False):
        self.wanted.append((item, done))

    @staticmethod
    def line(item, done):
        return "- [%s] %s <!-- vads.shop:%s:%s -->" % ("x" if done else " ", item["text"], item["site_id"], item["step"])

    def render(self):
        """(old text, new text)."""
        old = ""
        if os.path.exists(self.path):
            with open(self.path, "rb") as handle:
                old = handle.read().decode("utf-8")
        lines = old.splitlines() if old else _HEADER.rstrip("\n").split("\n") + [""]
        index = {}
        for number, text in enumerate(lines):
            found = _ID_RE.search(text)
            if found:
                index[(found.group(1), found.group(2))] = number
        for item, done in self.wanted:
            key = (str(item["site_id"]), item["step"])
            new = self.line(item, done)
            if key in index:
                current = lines[index[key]]
                ticked = current.startswith("- [x]") or current.startswith("- [X]")
                same_text = current[6:] == new[6:]
                if same_text and (ticked or not done):
                    continue  # an operator's tick is kept; same instructions
                lines[index[key]] = new if not same_text else self.line(item, done or ticked)
            else:
                lines.append(new)
                index[key] = len(lines) - 1
        return old, "\n".join(lines) + "\n"

    def commit(self, check_mode):
        """Write atomically when the content changes; returns {'path', 'changed'}."""
        old, new = self.render()
        changed = old != new
        if changed and not check_mode:
            folder = os.path.dirname(os.path.abspath(self.path))
            if not os.path.isdir(folder):
                raise BackOfficeError("the checklist's folder %s does not exist" % folder)
            mode = 0o644
            if os.path.exists(self.path):
                mode = os.stat(self.path).st_mode & 0o7777
            atomic_write(self.path, new.encode("utf-8"), mode)
        return {"path": self.path, "changed": changed}


# ------------------------------------------------------------------------------------------ adapters
class BackOfficeError(GatewayError):
    """A Back Office call failed; the message never contains a secret."""

    def __init__(self, message, status=None, code=None):
        GatewayError.__init__(self, message)
        self.status = status
        self.code = code


def options_problems(options):
    """Problems with the backoffice dict itself."""
    options = options or {}
    adapter = options.get("adapter") or "manual"
    if adapter not in ADAPTERS:
        return ["backoffice.adapter %r is unknown: use sandbox or manual" % (adapter,)]
    problems = []
    if adapter == "sandbox":
        if not options.get("url"):
            problems.append("backoffice.url is required with the sandbox adapter (the url of `vads-sandbox serve`)")
        if not options.get("token"):
            problems.append("backoffice.token is required with the sandbox adapter")
    return problems


def is_sandbox(options):
    """Whether a backoffice dict names the sandbox adapter (the default is manual: the real platform)."""
    return ((options or {}).get("adapter") or "manual") == "sandbox"


def adapter(options):
    options = dict((k, v) for k, v in (options or {}).items() if v is not None)
    if is_sandbox(options):
        return SandboxBackOffice(options)
    return ManualBackOffice(options)


class ManualBackOffice(object):
    """The real platform: no API; everything is instructions, nothing is seen."""

    name = "manual"
    can_see = False

    def __init__(self, options):
        self.checklist_path = options.get("checklist")


class SandboxBackOffice(object):
    """vads-sandbox's operator API (sandbox/README.md section 3)."""

    name = "sandbox"
    can_see = True

    def __init__(self, options):
        self.url = options["url"].rstrip("/")
        self._token = options["token"]
        self.timeout = float(options.get("timeout") or 10)
        self.retries = int(options.get("retries") if options.get("retries") is not None else 3)
        self.checklist_path = options.get("checklist")

    def call(self, method, path, body=None, ok=(200, 201)):
        data = json.dumps(body).encode("utf-8") if body is not None else None
        headers = {"Authorization": "Bearer " + self._token, "Accept": "application/json"}
        if data is not None:
            headers["Content-Type"] = "application/json"
        try:
            resp = request(method, self.url + "/backoffice/api/" + path, data, headers, self.timeout, self.retries)
        except TransportError as exc:
            raise BackOfficeError("Back Office %s %s: %s (after %d retries)" % (method, path, exc, self.retries))
        doc = resp.json()
        if resp.status in ok:
            return doc
        code = doc.get("error") if isinstance(doc, dict) else None
        message = doc.get("message") if isinstance(doc, dict) else None
        detail = (": %s" % message) if message else ""
        raise BackOfficeError("Back Office %s %s: HTTP %s %s%s" % (method, path, resp.status, code or "", detail),
                              status=resp.status, code=code)

    def shop(self, site_id):
        return self.call("GET", "shops/%s" % site_id)

    def certificates(self, site_id):
        """The Certificates tab, with keys: callers must never return or log it."""
        return self.call("GET", "shops/%s/certificates" % site_id)

    def generate_production_key(self, site_id):
        return self.call("POST", "shops/%s/certificates/production" % site_id)

    def regenerate_production_key(self, site_id):
        return self.call("POST", "shops/%s/certificates/production/regenerate" % site_id)

    def notification_rule(self, site_id):
        return self.call("GET", "shops/%s/notification-rules/payment-end" % site_id)

    def set_notification_url(self, site_id, mode, url):
        field = "production_url" if mode == "PRODUCTION" else "test_url"
        return self.call("PUT", "shops/%s/notification-rules/payment-end" % site_id, {field: url})

    def transaction(self, uuid):
        return self.call("GET", "transactions/%s" % uuid)

    def resend_notification(self, uuid):
        """The Back Office's "Renvoyer la notification": one more attempt (source BO) to the rule's URL."""
        return self.call("POST", "transactions/%s/notifications/resend" % uuid)

    def notifications(self, uuid):
        """The transaction's notification history (payment, retries, manual resends)."""
        return self.call("GET", "transactions/%s/notifications" % uuid)


def rule_field(mode):
    return "production_url" if mode == "PRODUCTION" else "test_url"

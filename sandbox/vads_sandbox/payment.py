"""The payment form endpoint (POST /vads-payment/), the payment page and the result page.

Like the platform, every outcome is an HTML page with HTTP 200; the sandbox also puts the outcome in
<meta> tags and data-* attributes so scripts and tests can read it without scraping text.
"""
from __future__ import annotations

import html
import json
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Optional

from . import signature, util
from .notify import Notifier
from .store import SITE_ID_RE, Store

TRANS_ID_RE = re.compile(r"^[0-9a-zA-Z]{6}$")
TRANS_DATE_RE = re.compile(r"^[0-9]{14}$")

# Sandbox cards: number -> (status, vads_result, vads_auth_result, label)
CARDS = {
    "4970100000000000": ("AUTHORISED", "00", "00", "accepted"),
    "4970100000000003": ("REFUSED", "05", "05", "refused: do not honour"),
    "4970100000000009": ("REFUSED", "05", "51", "refused: insufficient funds"),
}
UNKNOWN_CARD = ("REFUSED", "05", "14", "refused: invalid card number")

# Form fields echoed back in the notification besides the result fields.
ECHO_PREFIXES = ("vads_cust_", "vads_order_info", "vads_ext_info_", "vads_ship_to_")


@dataclass
class FormError:
    code: str
    field: str
    reason: str
    message: str


def _page(title: str, metas: dict[str, str], body: str, mode: Optional[str] = None) -> str:
    meta_html = "\n".join(f'<meta name="{html.escape(k)}" content="{html.escape(v)}">'
                          for k, v in metas.items())
    banner = ""
    if mode == "TEST":
        banner = '<p class="banner" id="mode-banner">MODE TEST — sandbox</p>'
    elif mode == "PRODUCTION":
        banner = '<p class="banner" id="mode-banner">PRODUCTION (sandbox simulation)</p>'
    return f"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8">
<title>{html.escape(title)}</title>
{meta_html}
<style>body{{font-family:sans-serif;max-width:40em;margin:2em auto}}.banner{{background:#fd0;padding:.3em}}
label{{display:block;margin:.5em 0}}</style>
</head><body>
{banner}
{body}
<p><small>vads-sandbox — a simulator of the Lyra payment platform, not the real one.</small></p>
</body></html>
"""


def error_page(err: FormError, mode: Optional[str]) -> str:
    # In PRODUCTION the buyer sees a generic page; the details go to the merchant by e-mail.
    generic = mode == "PRODUCTION"
    field = "" if generic else err.field
    metas = {"vads-page": "error", "vads-error-code": err.code, "vads-error-reason": err.reason}
    if not generic:
        metas["vads-error-field"] = err.field
    if generic:
        text = ("<p>Une erreur est survenue lors du paiement. Le marchand a été informé.</p>"
                "<p>An error occurred during the payment. The merchant has been notified.</p>")
    else:
        text = (f"<p>Champ en erreur / faulty field: <code>{html.escape(err.field)}</code></p>"
                f"<p>{html.escape(err.message)}</p>")
    body = (f'<div id="vads-error" data-error-code="{html.escape(err.code)}"'
            f' data-error-field="{html.escape(field)}" data-error-reason="{html.escape(err.reason)}">'
            f"<h1>Erreur {html.escape(err.code)}</h1>{text}</div>")
    return _page(f"Erreur {err.code}", metas, body, mode)


class PaymentService:
    def __init__(self, store: Store, notifier: Notifier) -> None:
        self.store = store
        self.notifier = notifier

    # ------------------------------------------------------------------ form checks
    def check_form(self, fields: dict[str, str], now: Optional[datetime] = None
                   ) -> tuple[Optional[FormError], Optional[str]]:
        """Return (error or None, mode if known). The duplicate trans id check comes later."""
        now = now or datetime.now(timezone.utc)
        site_id = fields.get("vads_site_id", "")
        if not SITE_ID_RE.match(site_id):
            return FormError("02", "vads_site_id", "bad_site_id",
                             "vads_site_id must be the 8-digit shop id."), None
        shop = self.store.find_shop(site_id)
        if shop is None:
            return FormError("02", "vads_site_id", "unknown_shop",
                             f"No shop with id {site_id}."), None
        mode = fields.get("vads_ctx_mode", "")
        if mode not in ("TEST", "PRODUCTION"):
            return FormError("11", "vads_ctx_mode", "bad_ctx_mode",
                             "vads_ctx_mode must be exactly TEST or PRODUCTION."), None
        sig = fields.get("signature", "")
        if not sig:
            return FormError("70", "signature", "missing_signature",
                             "The signature field is missing or empty."), mode
        if mode == "PRODUCTION":
            key, algo = shop["production_key"], shop["sign_algo_production"]
            if not key:
                return FormError("00", "signature", "production_key_missing",
                                 "The shop has no production key yet: PRODUCTION is refused "
                                 "until it is generated (step 14.1)."), mode
        else:
            key, algo = shop["test_key"], shop["sign_algo_test"]
        if not signature.verify(fields, key, algo, sig):
            return FormError("00", "signature", "bad_signature",
                             f"The signature does not match ({algo}, key of mode {mode}). "
                             "Signed string: the vads_* values sorted by field name, joined "
                             "with '+', then '+' and the key."), mode
        if fields.get("vads_version") != "V2":
            return FormError("01", "vads_version", "bad_version", "vads_version must be V2."), mode
        td = fields.get("vads_trans_date", "")
        try:
            if not TRANS_DATE_RE.match(td):
                raise ValueError
            when = datetime.strptime(td, "%Y%m%d%H%M%S").replace(tzinfo=timezone.utc)
        except ValueError:
            return FormError("04", "vads_trans_date", "bad_trans_date",
                             "vads_trans_date must be YYYYMMDDHHMMSS (UTC)."), mode
        if not (now - timedelta(minutes=30) <= when <= now + timedelta(minutes=90)):
            return FormError("04", "vads_trans_date", "trans_date_out_of_window",
                             "vads_trans_date must be within 30 minutes before and 1 h 30 after "
                             f"the platform clock (now {now.strftime('%Y%m%d%H%M%S')} UTC)."), mode
        if not TRANS_ID_RE.match(fields.get("vads_trans_id", "")):
            return FormError("03", "vads_trans_id", "bad_trans_id",
                             "vads_trans_id must be 6 characters [0-9a-zA-Z]."), mode
        amount = fields.get("vads_amount", "")
        if not amount.isdigit() or int(amount) <= 0:
            return FormError("09", "vads_amount", "bad_amount",
                             "vads_amount must be a positive integer (smallest unit)."), mode
        if not re.match(r"^[0-9]{3}$", fields.get("vads_currency", "")):
            return FormError("10", "vads_currency", "bad_currency",
                             "vads_currency must be an ISO 4217 numeric code (978 = EUR)."), mode
        if fields.get("vads_page_action", "PAYMENT") != "PAYMENT":
            return FormError("46", "vads_page_action", "bad_page_action",
                             "The sandbox supports vads_page_action=PAYMENT only."), mode
        if fields.get("vads_action_mode", "INTERACTIVE") != "INTERACTIVE":
            return FormError("47", "vads_action_mode", "bad_action_mode",
                             "The sandbox supports vads_action_mode=INTERACTIVE only."), mode
        return None, mode

    def reject(self, fields: dict[str, str], err: FormError, mode: Optional[str]) -> str:
        if mode == "PRODUCTION":
            shown = {k: v for k, v in sorted(fields.items()) if k != "sandbox_card"}
            self.store.mail(fields.get("vads_site_id", ""), "production_form_rejected",
                            f"Payment form rejected: error {err.code}",
                            f"A PRODUCTION payment form was rejected with error {err.code} "
                            f"({err.field}: {err.message})\n\nForm received:\n"
                            + "\n".join(f"{k}={v}" for k, v in shown.items()))
        return error_page(err, mode)

    def handle_form(self, fields: dict[str, str]) -> str:
        err, mode = self.check_form(fields)
        if err is not None:
            return self.reject(fields, err, mode)
        assert mode is not None
        site_id = fields["vads_site_id"]
        signed = {k: v for k, v in fields.items() if k.startswith("vads_") or k == "signature"}
        token = self.store.open_session(site_id, mode, fields["vads_trans_date"][:8],
                                        fields["vads_trans_id"], signed)
        if token is None:
            return self.reject(fields, FormError(
                "03", "vads_trans_id", "duplicate_trans_id",
                f"vads_trans_id {fields['vads_trans_id']} was already used by this shop on "
                f"{fields['vads_trans_date'][:8]} (UTC)."), mode)
        card = fields.get("sandbox_card", "").replace(" ", "")
        if card:
            return self.pay(token, card, "12", str(datetime.now(timezone.utc).year + 3))
        return self.payment_page(token, signed, mode)

    # ------------------------------------------------------------------ pages
    def payment_page(self, token: str, fields: dict[str, str], mode: str,
                     error: Optional[str] = None) -> str:
        amount = int(fields.get("vads_amount", "0"))
        currency = util.currency_alpha(fields.get("vads_currency", ""))
        err_html = (f'<p id="card-error" class="error">{html.escape(error)}</p>' if error else "")
        body = f"""<h1>Paiement / Payment</h1>
<p>Boutique <span id="site-id">{html.escape(fields.get('vads_site_id', ''))}</span>,
commande <span id="order-id">{html.escape(fields.get('vads_order_id', ''))}</span>:
<strong id="amount">{amount / 100:.2f} {html.escape(currency)}</strong></p>
{err_html}
<form id="payment-form" method="post" action="/vads-payment/pay">
<input type="hidden" name="session" value="{token}">
<label>Numéro de carte <input name="card_number" id="card_number" autocomplete="off" inputmode="numeric"></label>
<label>Mois d'expiration <input name="expiry_month" id="expiry_month" value="12" size="2"></label>
<label>Année d'expiration <input name="expiry_year" id="expiry_year" value="{datetime.now(timezone.utc).year + 3}" size="4"></label>
<label>CVV <input name="cvv" id="cvv" value="123" size="4"></label>
<button type="submit" id="pay">Payer</button>
</form>
<p>Sandbox cards: 4970100000000000 accepted, 4970100000000003 refused, 4970100000000009 refused (other reason).</p>"""
        return _page("Paiement", {"vads-page": "payment", "vads-ctx-mode": mode,
                                  "vads-session": token}, body, mode)

    def result_page(self, uuid: str) -> str:
        tx = self.store.get_transaction(uuid)
        assert tx is not None
        form = json.loads(tx["form"])
        ok = tx["status"] == "AUTHORISED"
        back = form.get("vads_url_return") or (form.get("vads_url_success") if ok
                                               else form.get("vads_url_refused"))
        back_html = (f'<p><a id="return-link" href="{html.escape(back)}">Retour à la boutique</a></p>'
                     if back else "")
        metas = {"vads-page": "result", "vads-trans-uuid": tx["uuid"],
                 "vads-trans-status": tx["status"], "vads-result": tx["result"],
                 "vads-auth-result": tx["auth_result"], "vads-trans-id": tx["trans_id"],
                 "vads-ctx-mode": tx["mode"], "vads-site-id": tx["site_id"]}
        title = "Paiement accepté" if ok else "Paiement refusé"
        body = (f'<div id="result" data-trans-uuid="{tx["uuid"]}" data-trans-status="{tx["status"]}"'
                f' data-result="{tx["result"]}" data-auth-result="{tx["auth_result"]}">'
                f'<h1 id="result-title">{title}</h1>'
                f'<p>Transaction <code id="trans-uuid">{tx["uuid"]}</code>, statut '
                f'<code id="trans-status">{tx["status"]}</code></p></div>{back_html}')
        return _page(title, metas, body, tx["mode"])

    def session_error(self) -> str:
        return error_page(FormError("SESSION", "session", "unknown_session",
                                    "Unknown or expired payment session."), None)

    # ------------------------------------------------------------------ payment
    def handle_pay(self, fields: dict[str, str]) -> str:
        token = fields.get("session", "")
        session = self.store.get_session(token) if re.match(r"^[0-9a-f]{32}$", token) else None
        if session is None:
            return self.session_error()
        if session["trans_uuid"]:
            return self.result_page(session["trans_uuid"])
        card = re.sub(r"[\s-]", "", fields.get("card_number", ""))
        if not re.match(r"^[0-9]{13,19}$", card):
            return self.payment_page(token, json.loads(session["fields"]), session["mode"],
                                     error="Numéro de carte invalide / invalid card number.")
        return self.pay(token, card, fields.get("expiry_month", "12"), fields.get("expiry_year", ""))

    def pay(self, token: str, card: str, exp_month: str, exp_year: str) -> str:
        session = self.store.get_session(token)
        if session is None:
            return self.session_error()
        if session["trans_uuid"]:
            return self.result_page(session["trans_uuid"])
        form: dict[str, str] = json.loads(session["fields"])
        shop = self.store.get_shop(session["site_id"])
        mode = session["mode"]
        status, result, auth_result, _label = CARDS.get(card, UNKNOWN_CARD)
        uuid = util.new_uuid()
        now = util.now_iso()
        masked = card[:6] + "X" * (len(card) - 10) + card[-4:]
        try:
            month, year = int(exp_month), int(exp_year)
        except ValueError:
            month, year = 12, datetime.now(timezone.utc).year + 3
        auth_number = f"{secrets.randbelow(10**6):06d}" if status == "AUTHORISED" else ""
        tx = {"uuid": uuid, "site_id": shop["site_id"], "mode": mode, "status": status,
              "result": result, "auth_result": auth_result, "auth_number": auth_number,
              "amount": int(form["vads_amount"]), "currency": form["vads_currency"],
              "order_id": form.get("vads_order_id") or None, "trans_id": form["vads_trans_id"],
              "trans_date": form["vads_trans_date"], "card_number": masked, "card_brand": "VISA",
              "expiry_month": month, "expiry_year": year, "form": json.dumps(form),
              "created_at": now, "updated_at": now}
        url, source = form.get("vads_url_check") or None, "vads_url_check"
        if not url:
            url = shop["rule_production_url"] if mode == "PRODUCTION" else shop["rule_test_url"]
            source = "rule"
        notification = None
        if url:
            notification = {"url": url, "url_source": source,
                            "fields": self.notification_fields(form, tx),
                            "max_attempts": self.notifier.max_attempts}
        existing = self.store.record_payment(token, tx, notification)
        if existing:
            return self.result_page(existing)
        if notification:
            self.notifier.kick()
        return self.result_page(uuid)

    @staticmethod
    def notification_fields(form: dict[str, str], tx: dict) -> dict[str, str]:
        ok = tx["status"] == "AUTHORISED"
        out = {
            "vads_action_mode": form.get("vads_action_mode", "INTERACTIVE"),
            "vads_amount": str(tx["amount"]),
            "vads_auth_mode": "FULL",
            "vads_auth_number": tx["auth_number"] or "",
            "vads_auth_result": tx["auth_result"],
            "vads_capture_delay": form.get("vads_capture_delay", "0"),
            "vads_card_brand": tx["card_brand"],
            "vads_card_number": tx["card_number"],
            "vads_ctx_mode": tx["mode"],
            "vads_currency": tx["currency"],
            "vads_effective_amount": str(tx["amount"]),
            "vads_effective_currency": tx["currency"],
            "vads_expiry_month": str(tx["expiry_month"]),
            "vads_expiry_year": str(tx["expiry_year"]),
            "vads_extra_result": "",
            "vads_hash": secrets.token_hex(32),
            "vads_language": form.get("vads_language", "fr"),
            "vads_operation_type": "DEBIT",
            "vads_order_id": form.get("vads_order_id", ""),
            "vads_page_action": form.get("vads_page_action", "PAYMENT"),
            "vads_payment_config": form.get("vads_payment_config", "SINGLE"),
            "vads_presentation_date": tx["trans_date"],
            "vads_result": tx["result"],
            "vads_sequence_number": "1",
            "vads_site_id": tx["site_id"],
            "vads_trans_date": tx["trans_date"],
            "vads_trans_id": tx["trans_id"],
            "vads_trans_status": tx["status"],
            "vads_trans_uuid": tx["uuid"],
            "vads_url_check_src": "PAY",
            "vads_validation_mode": form.get("vads_validation_mode", "0"),
            "vads_version": form.get("vads_version", "V2"),
            "vads_warranty_result": "YES" if ok else "",
        }
        for k, v in form.items():
            if k.startswith(ECHO_PREFIXES) and k not in out:
                out[k] = v
        return out

"""The payment form endpoint (POST /vads-payment/), the payment page and the result page.

Like the platform, every outcome is an HTML page with HTTP 200; the sandbox also puts the outcome in
<meta> tags and data-* attributes so scripts and tests can read it without scraping text.
"""
from __future__ import annotations

import base64
import html
import json
import re
import secrets
import urllib.parse
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any, Optional

from . import signature, util
from .notify import Notifier
from .store import SITE_ID_RE, Store

TRANS_ID_RE = re.compile(r"^[0-9a-zA-Z]{6}$")
TRANS_DATE_RE = re.compile(r"^[0-9]{14}$")



@dataclass(frozen=True)
class Card:
    """A test card: the brand, the 3-D Secure scenario and the issuer's answer (vads_auth_result)."""
    brand: str
    threeds: str        # frictionless | challenge | merchant_not_enrolled | card_not_enrolled | failed
    auth_result: str    # issuer answer when an authorisation is asked ("00" = accepted)
    label: str
    documented: bool    # True: the platform's public test card table says so (see README)


# The platform's test cards (README, "Test cards", with the sources and what is a sandbox choice).
CARDS = {
    "4970100000000000": Card("VISA", "frictionless", "00",
                             "accepted, 3-D Secure authentication without challenge", True),
    "4970100000000009": Card("VISA", "challenge", "00",
                             "interactive 3-D Secure authentication (challenge page)", True),
    "4970100000000003": Card("VISA", "merchant_not_enrolled", "00",
                             "accepted, merchant not enrolled in 3-D Secure: no authentication", True),
    "4970100000000001": Card("VISA", "card_not_enrolled", "00",
                             "accepted, cardholder not enrolled in 3-D Secure", False),
    "4970100000000002": Card("VISA", "failed", "",
                             "refused: 3-D Secure authentication failed", False),
    "4970100000000098": Card("VISA", "frictionless", "51",
                             "refused by the issuer: insufficient funds / limit exceeded", False),
    "4970100000000099": Card("VISA", "frictionless", "05",
                             "refused by the issuer: do not honour", False),
    "5970100300000000": Card("MASTERCARD", "frictionless", "00",
                             "accepted, 3-D Secure authentication without challenge", True),
    "5970100300000009": Card("MASTERCARD", "challenge", "00",
                             "interactive 3-D Secure authentication (challenge page)", True),
    "5970100300000003": Card("MASTERCARD", "merchant_not_enrolled", "00",
                             "accepted, merchant not enrolled in 3-D Secure: no authentication", True),
}
CARDS_TABLE = ('<table id="test-cards"><caption>Cartes de test / test cards</caption>'
               + "".join(f"<tr><td><code>{n}</code></td><td>{c.brand}</td><td>{html.escape(c.label)}</td></tr>"
                         for n, c in CARDS.items()) + "</table>")
UNKNOWN_CARD_AUTH = "14"   # invalid card number (ISO 8583 response code)
EXPIRED_CARD_AUTH = "54"   # expired card (ISO 8583 response code)
RISK_CONTROL = "CARD_FRAUD=OK;SUSPECT_COUNTRY=OK;IP_FRAUD=OK"

# Form fields echoed back in the notification besides the result fields.
ECHO_PREFIXES = ("vads_cust_", "vads_order_info", "vads_ext_info_", "vads_ship_to_")
ECHO_FIELDS = ("vads_contrib", "vads_user_info", "vads_theme_config", "vads_return_mode")


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
        if fields.get("vads_validation_mode", "") not in ("", "0", "1"):
            return FormError("05", "vads_validation_mode", "bad_validation_mode",
                             "vads_validation_mode must be empty, 0 (automatic) or 1 (manual)."), mode
        if not re.match(r"^[0-9]{0,3}$", fields.get("vads_capture_delay", "")):
            return FormError("06", "vads_capture_delay", "bad_capture_delay",
                             "vads_capture_delay must be a number of days (n..3)."), mode
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
            # sandbox_3ds=fail: the buyer fails the challenge of an interactive 3-D Secure card.
            return self.pay(token, card, "12", str(datetime.now(timezone.utc).year + 3),
                            challenge_ok=fields.get("sandbox_3ds", "ok") != "fail")
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
{CARDS_TABLE}"""
        return _page("Paiement", {"vads-page": "payment", "vads-ctx-mode": mode,
                                  "vads-session": token}, body, mode)

    def return_fields(self, tx: Any) -> dict[str, str]:
        """The signed fields sent back to the shop with the buyer (vads_return_mode GET or POST)."""
        fields = dict(self.store.transaction_details(tx["uuid"]).get("fields") or {})
        fields["vads_trans_status"] = tx["status"]
        shop = self.store.get_shop(tx["site_id"])
        if tx["mode"] == "PRODUCTION":
            key, algo = shop["production_key"], shop["sign_algo_production"]
        else:
            key, algo = shop["test_key"], shop["sign_algo_test"]
        fields["signature"] = signature.compute(fields, key or "", algo)
        return fields

    def result_page(self, uuid: str) -> str:
        tx = self.store.get_transaction(uuid)
        assert tx is not None
        form = json.loads(tx["form"])
        ok = tx["result"] == "00"
        back = form.get("vads_url_return") or (form.get("vads_url_success") if ok
                                               else form.get("vads_url_refused"))
        if ok and form.get("vads_url_success"):
            back = form["vads_url_success"]
        elif not ok and form.get("vads_url_refused"):
            back = form["vads_url_refused"]
        return_mode = (form.get("vads_return_mode") or "").upper()
        back_html = ""
        if back and return_mode == "POST":
            hidden = "".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                             for k, v in sorted(self.return_fields(tx).items()))
            back_html = (f'<form id="return-form" method="post" action="{html.escape(back)}">{hidden}'
                         '<button type="submit" id="return-link">Retour à la boutique</button></form>')
        elif back and return_mode == "GET":
            sep = "&" if "?" in back else "?"
            href = back + sep + urllib.parse.urlencode(sorted(self.return_fields(tx).items()))
            back_html = f'<p><a id="return-link" href="{html.escape(href)}">Retour à la boutique</a></p>'
        elif back:
            back_html = f'<p><a id="return-link" href="{html.escape(back)}">Retour à la boutique</a></p>'
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
        month, year = fields.get("expiry_month", "12"), fields.get("expiry_year", "")
        known = CARDS.get(card)
        if known is not None and known.threeds == "challenge" and "threeds_answer" not in fields:
            return self.challenge_page(token, card, month, year, session["mode"])
        answer = fields.get("threeds_answer", "")
        return self.pay(token, card, month, year, challenge_ok=answer != "fail")

    def challenge_page(self, token: str, card: str, month: str, year: str, mode: str) -> str:
        """The issuer's 3-D Secure challenge (ACS) page, simulated: the buyer passes or fails."""
        hidden = "".join(f'<input type="hidden" name="{k}" value="{html.escape(v)}">'
                         for k, v in (("session", token), ("card_number", card),
                                      ("expiry_month", month), ("expiry_year", year)))
        body = f"""<h1>Authentification 3-D Secure</h1>
<p>Simulation de la page de votre banque (ACS) / simulated issuer authentication page.</p>
<form id="challenge-form" method="post" action="/vads-payment/pay">{hidden}
<button type="submit" name="threeds_answer" value="ok" id="threeds-ok">Valider l'authentification</button>
<button type="submit" name="threeds_answer" value="fail" id="threeds-fail">Échec de l'authentification</button>
</form>"""
        return _page("3-D Secure", {"vads-page": "challenge", "vads-ctx-mode": mode,
                                    "vads-session": token}, body, mode)

    @staticmethod
    def outcome(card: str, month: int, year: int, validation_mode: str, capture_delay: int,
                challenge_ok: bool, now: datetime) -> dict[str, Any]:
        """Status, result codes and 3-D Secure fields of a payment with this card."""
        known = CARDS.get(card)
        brand = known.brand if known else ("MASTERCARD" if card[:1] == "5" else "VISA")
        scenario = known.threeds if known else "frictionless"
        auth = known.auth_result if known else UNKNOWN_CARD_AUTH
        if scenario == "challenge" and not challenge_ok:
            scenario = "failed"
        if (year, month) < (now.year, now.month):
            auth = EXPIRED_CARD_AUTH
        eci = "02" if brand == "MASTERCARD" else "05"
        authenticated = {"enrolled": "Y", "status": "Y", "eci": eci, "exit_status": "10",
                         "sign_valid": "1", "cavv": base64.b64encode(secrets.token_bytes(20)).decode(),
                         "cavvAlgorithm": "2", "xid": ""}
        threeds = {
            "frictionless": dict(authenticated, auth_type="FRICTIONLESS"),
            "challenge": dict(authenticated, auth_type="CHALLENGE"),
            "merchant_not_enrolled": {"enrolled": "", "status": "", "exit_status": "6"},
            "card_not_enrolled": {"enrolled": "N", "status": "", "exit_status": "7"},
            "failed": {"enrolled": "Y", "status": "N", "exit_status": "10", "sign_valid": "1"},
        }[scenario]
        if scenario == "failed":
            auth = ""  # no authorisation is asked after a failed authentication
        accepted = auth == "00"
        deferred = capture_delay > 7   # beyond the authorisation's validity: asked later (BATCH_AUTO)
        if accepted and deferred:
            status = "WAITING_AUTHORISATION_TO_VALIDATE" if validation_mode == "1" else "WAITING_AUTHORISATION"
        elif accepted:
            status = "AUTHORISED_TO_VALIDATE" if validation_mode == "1" else "AUTHORISED"
        else:
            status = "REFUSED"
        return {"brand": brand, "scenario": scenario, "status": status,
                "result": "00" if accepted else "05", "auth_result": auth,
                "auth_mode": "MARK" if deferred else "FULL",
                "warranty": "YES" if accepted and threeds.get("status") == "Y" else (
                    "NO" if accepted else ""),
                "threeds": threeds}

    def pay(self, token: str, card: str, exp_month: str, exp_year: str,
            challenge_ok: bool = True) -> str:
        session = self.store.get_session(token)
        if session is None:
            return self.session_error()
        if session["trans_uuid"]:
            return self.result_page(session["trans_uuid"])
        form: dict[str, str] = json.loads(session["fields"])
        shop = self.store.get_shop(session["site_id"])
        mode = session["mode"]
        now_dt = datetime.now(timezone.utc)
        try:
            month, year = int(exp_month), int(exp_year)
            if not 1 <= month <= 12:
                raise ValueError
            if year < 100:  # "29" typed for 2029
                year += 2000
        except ValueError:
            month, year = 12, now_dt.year + 3
        capture_delay = int(form.get("vads_capture_delay") or 0)
        out = self.outcome(card, month, year, form.get("vads_validation_mode", ""), capture_delay,
                           challenge_ok, now_dt)
        status = out["status"]
        uuid = util.new_uuid()
        now = util.now_iso()
        masked = card[:6] + "X" * (len(card) - 10) + card[-4:]
        accepted = out["result"] == "00"
        auth_number = f"{secrets.randbelow(10**6):06d}" if accepted and out["auth_mode"] == "FULL" else ""
        tx = {"uuid": uuid, "site_id": shop["site_id"], "mode": mode, "status": status,
              "result": out["result"], "auth_result": out["auth_result"], "auth_number": auth_number,
              "amount": int(form["vads_amount"]), "currency": form["vads_currency"],
              "order_id": form.get("vads_order_id") or None, "trans_id": form["vads_trans_id"],
              "trans_date": form["vads_trans_date"], "card_number": masked, "card_brand": out["brand"],
              "expiry_month": month, "expiry_year": year, "form": json.dumps(form),
              "created_at": now, "updated_at": now}
        details = {"outcome": out, "created": now_dt.strftime("%Y%m%d%H%M%S"),
                   "capture": (now_dt + timedelta(days=capture_delay)).strftime("%Y%m%d%H%M%S"),
                   "certificate": secrets.token_hex(20) if accepted else "",
                   "contract": contract_of(shop["site_id"])}
        details["fields"] = self.notification_fields(form, tx, details)
        tx["details"] = json.dumps(details)
        tx["validation_mode"] = details["fields"]["vads_validation_mode"]
        tx["threeds_status"] = out["threeds"].get("status", "")
        url, source = self.notification_url(form, shop, mode)
        notification = None
        if url:
            notification = {"url": url, "url_source": source, "fields": details["fields"],
                            "max_attempts": self.notifier.max_attempts}
        existing = self.store.record_payment(token, tx, notification)
        if existing:
            return self.result_page(existing)
        if notification:
            self.notifier.kick()
        return self.result_page(uuid)

    @staticmethod
    def notification_url(form: dict[str, str], shop: Any, mode: str) -> tuple[Optional[str], str]:
        """vads_url_check of the form, else the Back Office rule of the mode (read now)."""
        if form.get("vads_url_check"):
            return form["vads_url_check"], "vads_url_check"
        url = shop["rule_production_url"] if mode == "PRODUCTION" else shop["rule_test_url"]
        return (url or None), "rule"

    @staticmethod
    def notification_fields(form: dict[str, str], tx: dict, details: dict) -> dict[str, str]:
        """The fields of the IPN and of the return to the shop (formats: README, "Returned fields")."""
        out_ = details["outcome"]
        threeds = out_["threeds"]
        out = {
            "vads_action_mode": form.get("vads_action_mode", "INTERACTIVE"),
            "vads_amount": str(tx["amount"]),
            "vads_auth_mode": out_["auth_mode"],
            "vads_auth_number": tx["auth_number"] or "",
            "vads_auth_result": tx["auth_result"],
            "vads_bank_code": "17807",
            "vads_bank_product": "F" if tx["card_brand"] == "VISA" else "MCW",
            "vads_capture_delay": form.get("vads_capture_delay") or "0",
            "vads_card_brand": tx["card_brand"],
            "vads_card_country": "FR",
            "vads_card_number": tx["card_number"],
            "vads_contract_used": details["contract"],
            "vads_ctx_mode": tx["mode"],
            "vads_currency": tx["currency"],
            "vads_effective_amount": str(tx["amount"]),
            "vads_effective_creation_date": details["created"],
            "vads_effective_currency": tx["currency"],
            "vads_expiry_month": str(tx["expiry_month"]),
            "vads_expiry_year": str(tx["expiry_year"]),
            "vads_extra_result": "",
            "vads_hash": secrets.token_hex(32),
            "vads_language": form.get("vads_language") or "fr",
            "vads_operation_type": "DEBIT",
            "vads_order_id": form.get("vads_order_id", ""),
            "vads_page_action": form.get("vads_page_action", "PAYMENT"),
            "vads_payment_certificate": details["certificate"],
            "vads_payment_config": form.get("vads_payment_config") or "SINGLE",
            "vads_payment_src": form.get("vads_payment_src") or "EC",
            "vads_pays_ip": "FR",
            "vads_presentation_date": details["capture"],
            "vads_result": tx["result"],
            "vads_risk_analyzer_result": "",     # no external risk analyser (ClearSale, ...)
            "vads_risk_assessment_result": "",   # no risk assessment rule fired
            "vads_risk_control": RISK_CONTROL,
            "vads_sequence_number": "1",
            "vads_site_id": tx["site_id"],
            "vads_threeds_auth_type": threeds.get("auth_type", ""),
            "vads_threeds_cavv": threeds.get("cavv", ""),
            "vads_threeds_cavvAlgorithm": threeds.get("cavvAlgorithm", ""),
            "vads_threeds_eci": threeds.get("eci", ""),
            "vads_threeds_enrolled": threeds.get("enrolled", ""),
            "vads_threeds_exit_status": threeds.get("exit_status", ""),
            "vads_threeds_sign_valid": threeds.get("sign_valid", ""),
            "vads_threeds_status": threeds.get("status", ""),
            "vads_threeds_xid": threeds.get("xid", ""),
            "vads_tid": "001",
            "vads_trans_date": tx["trans_date"],
            "vads_trans_id": tx["trans_id"],
            "vads_trans_status": tx["status"],
            "vads_trans_uuid": tx["uuid"],
            "vads_url_check_src": "PAY",
            "vads_validation_mode": form.get("vads_validation_mode") or "0",
            "vads_version": form.get("vads_version", "V2"),
            "vads_warranty_result": out_["warranty"],
        }
        for k, v in form.items():
            if (k.startswith(ECHO_PREFIXES) or k in ECHO_FIELDS) and k not in out:
                out[k] = v
        return out


def contract_of(site_id: str) -> str:
    """A stable 7-digit merchant contract (MID) per shop, as vads_contract_used / REST mid."""
    return f"{int(site_id) % 10**7:07d}"

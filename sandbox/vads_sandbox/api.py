"""JSON views: the operator (Back Office) API, the REST API V4 subset and the demo merchant."""
from __future__ import annotations

import base64
import binascii
import hmac
import json
import re
import secrets
import sqlite3
import urllib.parse
from typing import Any, Callable, Optional

from . import __version__, signature, util
from .faults import FaultError, Faults
from .store import CANCELLABLE, MODES, Store, StoreError

TX_STATUSES = ("AUTHORISED", "AUTHORISED_TO_VALIDATE", "WAITING_AUTHORISATION",
               "WAITING_AUTHORISATION_TO_VALIDATE", "REFUSED", "CANCELLED")
# What the Back Office shows in a transaction's notification history.
NOTIFICATION_LABELS = {"sent": "Envoyé", "failed": "Échec", "pending": "En cours"}


class Response:
    def __init__(self, status: int, body: bytes, content_type: str = "application/json",
                 headers: Optional[dict[str, str]] = None) -> None:
        self.status = status
        self.body = body
        self.content_type = content_type
        self.headers = headers or {}


def json_response(status: int, obj: Any, headers: Optional[dict[str, str]] = None) -> Response:
    return Response(status, json.dumps(obj, indent=None, separators=(",", ":")).encode("utf-8"),
                    "application/json", headers)


def error_response(status: int, error: str, message: str) -> Response:
    return json_response(status, {"error": error, "message": message})


# ---------------------------------------------------------------------- serializers
def shop_json(row: sqlite3.Row, base_url: str) -> dict[str, Any]:
    return {
        "site_id": row["site_id"], "name": row["name"], "brand": row["brand"],
        "contact_email": row["contact_email"],
        "sign_algo_test": row["sign_algo_test"], "sign_algo_production": row["sign_algo_production"],
        "production_key_exists": row["production_key"] is not None,
        "production_key_generated_at": row["production_key_generated_at"],
        "production_key_version": row["production_key_version"],
        "brand_payment_url": util.BRANDS.get(row["brand"]),
        "payment_url": base_url + "/vads-payment/",
        "created_at": row["created_at"],
    }


def certificates_json(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "site_id": row["site_id"],
        "test_key": row["test_key"], "test_sign_algo": row["sign_algo_test"],
        "test_rest_password": row["test_password"],
        "production_key": row["production_key"], "production_sign_algo": row["sign_algo_production"],
        "production_rest_password": row["production_password"],
        "production_key_exists": row["production_key"] is not None,
        "production_key_generated_at": row["production_key_generated_at"],
        "production_key_version": row["production_key_version"],
        # REST API keys (Back Office: Settings > Shop > REST API keys), added in 0.2.
        "test_rest_public_key": row["test_public_key"],
        "test_rest_hmac_sha256_key": row["test_hmac_key"],
        "production_rest_public_key": row["production_public_key"],
        "production_rest_hmac_sha256_key": row["production_hmac_key"],
    }


def rest_keys_json(row: sqlite3.Row, base_url: str) -> dict[str, Any]:
    """The REST API keys of both modes, as the Back Office's "REST API keys" page lists them."""
    brand_api = util.REST_API_URLS.get(row["brand"])

    def mode(password: Optional[str], public: Optional[str], hmac_key: Optional[str]) -> Optional[dict]:
        if not password:
            return None
        return {"user": row["site_id"], "password": password, "public_key": public,
                "hmac_sha256_key": hmac_key, "api_url": base_url + "/api-payment/",
                "brand_api_url": brand_api}
    return {"site_id": row["site_id"],
            "TEST": mode(row["test_password"], row["test_public_key"], row["test_hmac_key"]),
            "PRODUCTION": mode(row["production_password"], row["production_public_key"],
                               row["production_hmac_key"])}


def rule_json(row: sqlite3.Row) -> dict[str, Any]:
    return {"site_id": row["site_id"], "test_url": row["rule_test_url"],
            "production_url": row["rule_production_url"]}


def attempt_json(a: sqlite3.Row) -> dict[str, Any]:
    return {"number": a["number"], "time": a["time"], "url": a["url"],
            "url_check_src": a["src"], "http_code": a["http_code"], "redirect": bool(a["redirect"]),
            "location": a["location"], "success": bool(a["success"]), "error": a["error"],
            "duration_ms": a["duration_ms"]}


def notification_event_json(store: Store, n: sqlite3.Row,
                            attempts: Optional[list[sqlite3.Row]] = None) -> dict[str, Any]:
    """One line of the transaction's notification history (Back Office: "Historique")."""
    if attempts is None:
        attempts = store.get_attempts(n["trans_uuid"], n["id"])
    last = attempts[-1] if attempts else None
    return {"id": n["id"], "trigger": n["source"], "url": n["url"], "url_source": n["url_source"],
            "status": n["status"], "status_label": NOTIFICATION_LABELS.get(n["status"], n["status"]),
            "http_code": last["http_code"] if last else None, "tries": n["attempts_done"],
            "max_tries": n["max_attempts"], "created_at": n["created_at"],
            "last_attempt_at": last["time"] if last else None,
            "next_attempt_at": util.iso_from_epoch(n["next_attempt_at"]) if n["status"] == "pending" else None,
            "redirected": bool(n["redirected"]),
            "attempts": [attempt_json(a) for a in attempts]}


def transaction_json(store: Store, row: sqlite3.Row) -> dict[str, Any]:
    events = store.list_notifications(row["uuid"])
    attempts_of = {n["id"]: store.get_attempts(row["uuid"], n["id"]) for n in events}
    pay = next((n for n in events if n["source"] == "PAY"), None)
    attempts = attempts_of[pay["id"]] if pay else []
    # The payment's own notification (PAY, then RETRY attempts): the 0.1 shape, kept as it was.
    notification: dict[str, Any] = {
        "status": pay["status"] if pay else "not sent",
        "url": pay["url"] if pay else None,
        "url_source": pay["url_source"] if pay else None,
        "redirected": bool(pay["redirected"]) if pay else False,
        "attempts_done": pay["attempts_done"] if pay else 0,
        "max_attempts": pay["max_attempts"] if pay else 0,
        "next_attempt_at": util.iso_from_epoch(pay["next_attempt_at"]) if pay and pay["status"] == "pending" else None,
        "attempts": [attempt_json(a) for a in attempts],
        # Any notification of this transaction delivered (PAY, a retry, a manual resend, BATCH_AUTO).
        "delivered": any(n["status"] == "sent" for n in events),
    }
    return {
        "uuid": row["uuid"], "site_id": row["site_id"], "mode": row["mode"],
        "status": row["status"], "result": row["result"], "auth_result": row["auth_result"],
        "auth_number": row["auth_number"] or None, "amount": row["amount"],
        "currency": row["currency"], "order_id": row["order_id"], "trans_id": row["trans_id"],
        "trans_date": row["trans_date"], "card_number": row["card_number"],
        "card_brand": row["card_brand"], "created_at": row["created_at"],
        "updated_at": row["updated_at"], "notification": notification,
        "validation_mode": row["validation_mode"], "validated_at": row["validated_at"],
        "threeds_status": row["threeds_status"],
        "notifications": [notification_event_json(store, n, attempts_of[n["id"]]) for n in events],
    }


# ---------------------------------------------------------------------- operator API
class BackOffice:
    def __init__(self, store: Store, faults: Faults, token: str, base_url: Callable[[], str],
                 notifier: Any = None) -> None:
        self.store = store
        self.faults = faults
        self.token = token
        self.base_url = base_url
        self.notifier = notifier
        self.routes: list[tuple[str, re.Pattern[str], Callable[..., Response]]] = []
        for method, pattern, fn in (
            ("GET", r"health", self.health),
            ("GET", r"shops", self.list_shops),
            ("POST", r"shops", self.create_shop),
            ("GET", r"shops/(\w+)", self.get_shop),
            ("PATCH", r"shops/(\w+)", self.patch_shop),
            ("GET", r"shops/(\w+)/certificates", self.get_certs),
            ("GET", r"shops/(\w+)/rest-keys", self.get_rest_keys),
            ("POST", r"shops/(\w+)/certificates/production", self.gen_prod),
            ("POST", r"shops/(\w+)/certificates/production/regenerate", self.regen_prod),
            ("POST", r"shops/(\w+)/certificates/test/regenerate", self.regen_test),
            ("GET", r"shops/(\w+)/notification-rules/payment-end", self.get_rule),
            ("PUT", r"shops/(\w+)/notification-rules/payment-end", self.put_rule),
            ("GET", r"shops/(\w+)/transactions", self.list_tx),
            ("GET", r"transactions/([0-9a-fA-F]+)", self.get_tx),
            ("POST", r"transactions/([0-9a-fA-F]+)/cancel", self.cancel_tx),
            ("POST", r"transactions/([0-9a-fA-F]+)/validate", self.validate_tx),
            ("POST", r"transactions/([0-9a-fA-F]+)/authorise", self.authorise_tx),
            ("GET", r"transactions/([0-9a-fA-F]+)/notifications", self.list_notifs),
            ("POST", r"transactions/([0-9a-fA-F]+)/notifications/resend", self.resend),
            ("GET", r"outbox", self.outbox),
            ("GET", r"faults", self.get_faults),
            ("PUT", r"faults", self.put_faults),
            ("DELETE", r"faults", self.delete_faults),
        ):
            self.routes.append((method, re.compile(f"^{pattern}/?$"), fn))

    def authorized(self, header: Optional[str]) -> bool:
        if not header or not header.startswith("Bearer "):
            return False
        return hmac.compare_digest(header[7:].strip().encode(), self.token.encode())

    def dispatch(self, method: str, sub: str, query: dict[str, str], body: bytes,
                 auth: Optional[str]) -> Response:
        if sub == "openapi.json" and method == "GET":
            from .openapi import document
            return json_response(200, document(self.base_url()))
        if not self.authorized(auth):
            return json_response(401, {"error": "unauthorized",
                                       "message": "Authorization: Bearer <operator token> required"},
                                 {"WWW-Authenticate": 'Bearer realm="vads-sandbox"'})
        allowed = []
        for m, rx, fn in self.routes:
            match = rx.match(sub)
            if match:
                if m != method:
                    allowed.append(m)
                    continue
                try:
                    payload = self._json(body) if method in ("POST", "PUT", "PATCH") else None
                    return fn(*match.groups(), query=query, body=payload)
                except StoreError as exc:
                    return error_response(exc.status, exc.error, exc.message)
                except FaultError as exc:
                    return error_response(400, "bad_request", str(exc))
        if allowed:
            return json_response(405, {"error": "method_not_allowed",
                                       "message": f"use {', '.join(allowed)}"},
                                 {"Allow": ", ".join(allowed)})
        return error_response(404, "not_found", f"no route /backoffice/api/{sub}")

    @staticmethod
    def _json(body: bytes) -> Any:
        if not body.strip():
            return {}
        try:
            return json.loads(body)
        except ValueError:
            raise StoreError(400, "bad_request", "body must be JSON") from None

    @staticmethod
    def _obj(body: Any) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise StoreError(400, "bad_request", "body must be a JSON object")
        return body

    def health(self, **_: Any) -> Response:
        return json_response(200, {"status": "ok", "version": __version__})

    def list_shops(self, **_: Any) -> Response:
        return json_response(200, {"shops": [shop_json(r, self.base_url())
                                             for r in self.store.list_shops()]})

    def create_shop(self, body: Any, **_: Any) -> Response:
        b = self._obj(body)
        known = {"site_id", "brand", "name", "sign_algo", "sign_algo_test",
                 "sign_algo_production", "test_key", "contact_email"}
        unknown = set(b) - known
        if unknown:
            raise StoreError(400, "bad_request", f"unknown fields: {', '.join(sorted(unknown))}")
        if "site_id" not in b:
            raise StoreError(400, "invalid_site_id", "site_id is required")
        for k, v in b.items():
            if v is not None and not isinstance(v, str):
                raise StoreError(400, "bad_request", f"{k} must be a string")
        row = self.store.create_shop(**{k: v for k, v in b.items() if v is not None})
        out = shop_json(row, self.base_url())
        out["certificates"] = certificates_json(row)
        return json_response(201, out, {"Location": f"/backoffice/api/shops/{row['site_id']}"})

    def get_shop(self, site_id: str, **_: Any) -> Response:
        return json_response(200, shop_json(self.store.get_shop(site_id), self.base_url()))

    def patch_shop(self, site_id: str, body: Any, **_: Any) -> Response:
        row = self.store.update_shop(site_id, self._obj(body))
        return json_response(200, shop_json(row, self.base_url()))

    def get_certs(self, site_id: str, **_: Any) -> Response:
        return json_response(200, certificates_json(self.store.get_shop(site_id)))

    def gen_prod(self, site_id: str, **_: Any) -> Response:
        return json_response(201, certificates_json(self.store.generate_production_key(site_id, False)))

    def regen_prod(self, site_id: str, **_: Any) -> Response:
        return json_response(200, certificates_json(self.store.generate_production_key(site_id, True)))

    def regen_test(self, site_id: str, **_: Any) -> Response:
        return json_response(200, certificates_json(self.store.regenerate_test_key(site_id)))

    def get_rule(self, site_id: str, **_: Any) -> Response:
        return json_response(200, rule_json(self.store.get_shop(site_id)))

    def put_rule(self, site_id: str, body: Any, **_: Any) -> Response:
        row, changed = self.store.set_rule(site_id, self._obj(body))
        out = rule_json(row)
        out["changed"] = changed
        return json_response(200, out)

    def list_tx(self, site_id: str, query: dict[str, str], **_: Any) -> Response:
        self.store.get_shop(site_id)
        mode = query.get("mode") or None
        status = query.get("status") or None
        if mode and mode not in MODES:
            raise StoreError(400, "bad_request", "mode must be TEST or PRODUCTION")
        if status and status not in TX_STATUSES:
            raise StoreError(400, "bad_request", f"status must be one of {', '.join(TX_STATUSES)}")
        try:
            limit = max(1, min(1000, int(query.get("limit") or 100)))
        except ValueError:
            raise StoreError(400, "bad_request", "limit must be an integer") from None
        rows = self.store.list_transactions(site_id, mode, status, query.get("order_id") or None, limit)
        return json_response(200, {"transactions": [transaction_json(self.store, r) for r in rows]})

    def get_tx(self, uuid: str, **_: Any) -> Response:
        row = self.store.get_transaction(uuid.lower())
        if row is None:
            raise StoreError(404, "not_found", f"no transaction {uuid}")
        return json_response(200, transaction_json(self.store, row))

    def cancel_tx(self, uuid: str, **_: Any) -> Response:
        row = self.store.cancel_transaction(uuid.lower())
        return json_response(200, transaction_json(self.store, row))

    def get_rest_keys(self, site_id: str, **_: Any) -> Response:
        return json_response(200, rest_keys_json(self.store.get_shop(site_id), self.base_url()))

    def _tx(self, uuid: str) -> sqlite3.Row:
        row = self.store.get_transaction(uuid.lower())
        if row is None:
            raise StoreError(404, "not_found", f"no transaction {uuid}")
        return row

    def validate_tx(self, uuid: str, **_: Any) -> Response:
        """« Valider »: manual validation of an AUTHORISED_TO_VALIDATE payment."""
        row = self.store.validate_transaction(self._tx(uuid)["uuid"])
        return json_response(200, transaction_json(self.store, row))

    def authorise_tx(self, uuid: str, **_: Any) -> Response:
        """The authorisation batch reaching a deferred payment (WAITING_AUTHORISATION*): BATCH_AUTO."""
        row = self._tx(uuid)
        nxt = {"WAITING_AUTHORISATION": "AUTHORISED",
               "WAITING_AUTHORISATION_TO_VALIDATE": "AUTHORISED_TO_VALIDATE"}.get(row["status"])
        if nxt is None:
            raise StoreError(409, "not_waiting_authorisation",
                             f"transaction is {row['status']}; only WAITING_AUTHORISATION(_TO_VALIDATE)"
                             " waits for the authorisation batch")
        row = self.store.authorise_batch(row["uuid"], nxt)
        form = json.loads(row["form"])
        from .payment import PaymentService  # late: payment imports api's neighbours
        url, source = PaymentService.notification_url(form, self.store.get_shop(row["site_id"]), row["mode"])
        if url and self.notifier is not None:
            fields = self.store.transaction_details(row["uuid"]).get("fields") or {}
            self.store.add_notification(row["uuid"], "BATCH_AUTO", {
                "url": url, "url_source": source, "fields": fields,
                "max_attempts": self.notifier.max_attempts}, 0.0)
            self.notifier.kick()
        return json_response(200, transaction_json(self.store, row))

    def list_notifs(self, uuid: str, **_: Any) -> Response:
        row = self._tx(uuid)
        return json_response(200, {"trans_uuid": row["uuid"], "notifications": [
            notification_event_json(self.store, n) for n in self.store.list_notifications(row["uuid"])]})

    def resend(self, uuid: str, **_: Any) -> Response:
        """« Renvoyer la notification »: one attempt now (vads_url_check_src=BO), result shown."""
        row = self._tx(uuid)
        form = json.loads(row["form"])
        from .payment import PaymentService
        url, source = PaymentService.notification_url(form, self.store.get_shop(row["site_id"]), row["mode"])
        if not url:
            raise StoreError(409, "no_notification_url",
                             f"no notification URL for {row['mode']} mode: set the rule first")
        if self.notifier is None:
            raise StoreError(500, "internal_error", "no notifier")
        notif_id = self.notifier.resend(row["uuid"], url, source)
        n = self.store.get_notif(notif_id)
        out = {"notification": notification_event_json(self.store, n),
               "transaction": transaction_json(self.store, self.store.get_transaction(row["uuid"]))}
        return json_response(200, out)

    def outbox(self, query: dict[str, str], **_: Any) -> Response:
        rows = self.store.outbox(query.get("site_id"), query.get("kind"))
        return json_response(200, {"emails": [
            {"id": r["id"], "time": r["time"], "site_id": r["site_id"], "to": r["to_addr"],
             "kind": r["kind"], "subject": r["subject"], "body": r["body"]} for r in rows]})

    def get_faults(self, **_: Any) -> Response:
        return json_response(200, self.faults.snapshot())

    def put_faults(self, body: Any, **_: Any) -> Response:
        self.faults.update(body)
        return json_response(200, self.faults.snapshot())

    def delete_faults(self, **_: Any) -> Response:
        self.faults.clear()
        return json_response(200, self.faults.snapshot())


# ---------------------------------------------------------------------- REST API V4
class RestApi:
    """The REST API V4 subset, shaped as the public documentation shows (see rest_v4.schema.json)."""

    SERVICES = ("Transaction/Get", "Order/Get", "Transaction/CancelOrRefund", "Transaction/Validate")
    ORDER_MAX = 30   # Order/Get: beyond 30 transactions, PSP_015 "Too many results"
    # detailedStatus -> status (V4/Transaction.status: PAID, UNPAID, RUNNING, PARTIALLY_PAID)
    STATUS = {"AUTHORISED": "PAID", "CAPTURED": "PAID", "AUTHORISED_TO_VALIDATE": "RUNNING",
              "WAITING_AUTHORISATION": "RUNNING", "WAITING_AUTHORISATION_TO_VALIDATE": "RUNNING",
              "REFUSED": "UNPAID", "CANCELLED": "UNPAID"}

    def __init__(self, store: Store, base_url: Callable[[], str]) -> None:
        self.store = store
        self.base_url = base_url

    def _envelope(self, service: str, status: str, answer: dict, mode: Optional[str],
                  provider: str, ticket: str) -> dict:
        return {"webService": service, "version": "V4", "applicationVersion": __version__,
                "serverDate": util.rest_date(util.now_iso()), "ticket": ticket,
                "applicationProvider": provider, "metadata": None, "status": status,
                "mode": mode, "serverUrl": self.base_url(), "_type": "V4/WebService/Response",
                "answer": answer}

    def _error(self, service: str, http: int, code: str, message: str, detail: str,
               mode: Optional[str], shop_id: Optional[str], provider: str = "",
               detailed_code: Optional[str] = None) -> Response:
        ticket = secrets.token_hex(16)
        # Documented lengths: errorMessage and detailedErrorMessage 127 characters at most.
        answer = {"errorCode": code, "errorMessage": message[:127], "detailedErrorCode": detailed_code,
                  "detailedErrorMessage": detail[:127], "ticket": ticket, "shopId": shop_id,
                  "_type": "V4/WebService/WebServiceError"}
        return json_response(http, self._envelope(service, "ERROR", answer, mode, provider, ticket))

    def _success(self, service: str, answer: dict, mode: str, provider: str) -> Response:
        return json_response(200, self._envelope(service, "SUCCESS", answer, mode, provider,
                                                 secrets.token_hex(16)))

    def auth(self, header: Optional[str]) -> Optional[tuple[str, str, str]]:
        if not header or not header.startswith("Basic "):
            return None
        try:
            user, _, password = base64.b64decode(header[6:].strip(), validate=True
                                                 ).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            return None
        shop = self.store.find_shop(user) if user.isdigit() else None
        if shop is None or not password:
            return None
        provider = util.PROVIDERS.get(shop["brand"], shop["brand"].upper())
        if hmac.compare_digest(password.encode(), shop["test_password"].encode()):
            return user, "TEST", provider
        if shop["production_password"] and hmac.compare_digest(
                password.encode(), shop["production_password"].encode()):
            return user, "PRODUCTION", provider
        return None

    def provider_hint(self, header: Optional[str]) -> str:
        """applicationProvider for an unauthenticated call: the brand of the shop named, else LYRA.

        The real platform names itself by its host (api.payzen.eu, ...); the sandbox serves every
        brand on one address, so it goes by the shop id of the Basic header when there is one.
        """
        try:
            user = base64.b64decode((header or "")[6:].strip(), validate=True).decode().partition(":")[0]
        except (binascii.Error, UnicodeDecodeError, ValueError):
            user = ""
        shop = self.store.find_shop(user) if user.isdigit() else None
        return util.PROVIDERS.get(shop["brand"], "LYRA") if shop is not None else "LYRA"

    def transaction(self, row: sqlite3.Row) -> dict[str, Any]:
        currency = util.currency_alpha(row["currency"])
        details = json.loads(row["details"]) if row["details"] else {}
        fields = details.get("fields") or {}
        outcome = details.get("outcome") or {}
        created = util.rest_date(row["created_at"])
        accepted = row["result"] == "00"
        if accepted:
            error = (None, None, None)
        elif row["auth_result"]:
            # Refused by the issuer: detailedErrorCode = vads_auth_result.
            error = ("ACQ_001", "payment refused by the acquirer", row["auth_result"])
        else:
            error = ("PSP_003", "payment refused (3-D Secure authentication failed)", None)
        manual = fields.get("vads_validation_mode") == "1"
        threeds_ok = (outcome.get("threeds") or {}).get("status") == "Y"
        auth_result = row["auth_result"]
        return {
            "shopId": row["site_id"], "uuid": row["uuid"], "amount": row["amount"],
            "currency": currency, "paymentMethodType": "CARD", "paymentMethodToken": None,
            "status": self.STATUS.get(row["status"], "UNPAID"), "detailedStatus": row["status"],
            "operationType": "DEBIT",
            "effectiveStrongAuthentication": "ENABLED" if threeds_ok else "DISABLED",
            "creationDate": created,
            "errorCode": error[0], "errorMessage": error[1], "detailedErrorCode": error[2],
            "detailedErrorMessage": None, "metadata": None,
            "orderDetails": {"orderTotalAmount": row["amount"], "orderEffectiveAmount": row["amount"],
                             "orderCurrency": currency, "mode": row["mode"],
                             "orderId": row["order_id"], "metadata": None,
                             "_type": "V4/OrderDetails"},
            "transactionDetails": {
                "liabilityShift": "YES" if threeds_ok else "NO",
                "effectiveAmount": row["amount"], "effectiveCurrency": currency,
                "creationContext": "CHARGE", "sequenceNumber": 1,
                "mid": fields.get("vads_contract_used"), "parentTransactionUuid": None,
                "cardDetails": {
                    "paymentSource": fields.get("vads_payment_src") or "EC",
                    "manualValidation": "YES" if manual else "NO",
                    "expectedCaptureDate": util.rest_date(
                        datetime_iso(fields.get("vads_presentation_date"))),
                    "effectiveBrand": row["card_brand"], "pan": row["card_number"],
                    "expiryMonth": row["expiry_month"], "expiryYear": row["expiry_year"],
                    "country": "FR", "issuerCode": 17807, "issuerName": "Banque de démo",
                    "effectiveProductCode": fields.get("vads_bank_product"),
                    "legacyTransId": row["trans_id"],
                    "legacyTransDate": util.rest_date(datetime_iso(row["trans_date"])),
                    "authorizationResponse": {
                        "amount": row["amount"] if accepted else None, "currency": currency,
                        "authorizationDate": created,
                        "authorizationNumber": row["auth_number"] or None,
                        "authorizationResult": auth_result or None,
                        "authorizationMode": fields.get("vads_auth_mode") or "FULL",
                        "_type": "V4/PaymentMethod/Details/Cards/CardAuthorizationResponse"},
                    "captureResponse": {"refundAmount": None, "captureDate": None,
                                        "captureFileNumber": None, "refundCurrency": None,
                                        "_type": "V4/PaymentMethod/Details/Cards/CardCaptureResponse"},
                    "threeDSResponse": {
                        "authenticationResultData": {
                            "transactionCondition": {"Y": "COND_3D_SUCCESS", "N": "COND_3D_FAILURE"}.get(
                                (outcome.get("threeds") or {}).get("status", ""), "COND_3D_ERROR"),
                            "enrolled": fields.get("vads_threeds_enrolled") or None,
                            "status": fields.get("vads_threeds_status") or None,
                            "eci": fields.get("vads_threeds_eci") or None,
                            "xid": None, "cavvAlgorithm": fields.get("vads_threeds_cavvAlgorithm") or None,
                            "cavv": fields.get("vads_threeds_cavv") or None,
                            "signValid": fields.get("vads_threeds_sign_valid") or None,
                            "brand": row["card_brand"],
                            "_type": "V4/PaymentMethod/Details/Cards/CardAuthenticationResponse"},
                        "_type": "V4/PaymentMethod/Details/Cards/ThreeDSResponse"},
                    "_type": "V4/PaymentMethod/Details/CardDetails"},
                "_type": "V4/TransactionDetails"},
            "_type": "V4/Transaction",
        }

    def dispatch(self, service: str, body: bytes, auth: Optional[str]) -> Response:
        who = self.auth(auth)
        if who is None:
            provider = self.provider_hint(auth)
            # Checked first, like the platform: nothing is said about the service to a stranger.
            return self._error(service, 401, "INT_905", "invalid authentication",
                               "HTTP Basic <shop id>:<REST password> required "
                               "(testpassword_... for TEST, prodpassword_... for PRODUCTION)",
                               None, None, provider)
        site_id, mode, provider = who
        if service not in self.SERVICES:
            return self._error(service, 404, "INT_909", "unknown web service",
                               f"no service {service}; the sandbox has {', '.join(self.SERVICES)}",
                               mode, site_id, provider)

        def err(code: str, message: str, detail: str) -> Response:
            return self._error(service, 200, code, message, detail, mode, site_id, provider)

        try:
            req = json.loads(body or b"{}")
            if not isinstance(req, dict):
                raise ValueError
        except ValueError:
            return err("INT_902", "web-service input data validation error",
                       "can't decode JSON data: the body must be a JSON object")

        def find(uuid: Any) -> Optional[sqlite3.Row]:
            row = self.store.get_transaction(uuid.lower())
            # A transaction of another shop or the other mode does not exist for this password.
            if row is None or row["site_id"] != site_id or row["mode"] != mode:
                return None
            return row

        if service != "Order/Get":
            uuid = req.get("uuid")
            if not isinstance(uuid, str) or not uuid:
                return err("INT_902", "web-service input data validation error",
                           "Invalid input value [name=uuid]: required")
            row = find(uuid)
            if row is None:
                return err("PSP_010", "transaction not found",
                           f"no transaction {uuid} in {mode} mode for shop {site_id}")
            if service == "Transaction/Validate":
                if row["status"] != "AUTHORISED_TO_VALIDATE":
                    return err("PSP_011", "incorrect transaction status",
                               f"transaction status {row['status']}: only AUTHORISED_TO_VALIDATE can be"
                               " validated")
                row = self.store.validate_transaction(row["uuid"])
            elif service == "Transaction/CancelOrRefund":
                resolution = req.get("resolutionMode", "AUTO")
                if resolution not in ("AUTO", "CANCELLATION_ONLY", "REFUND_ONLY"):
                    return err("INT_902", "web-service input data validation error",
                               "Invalid input value [name=resolutionMode]: AUTO, CANCELLATION_ONLY or"
                               " REFUND_ONLY")
                amount = req.get("amount")
                if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int)
                                           or amount <= 0 or amount > row["amount"]):
                    return err("PSP_020", "invalid amount",
                               "amount must be a positive integer not above the transaction's")
                if row["status"] in CANCELLABLE and resolution == "REFUND_ONLY":
                    return err("PSP_076", "the refund operation is not yet available, please try to"
                               " cancel", f"transaction {row['status']} is not captured yet")
                if row["status"] not in CANCELLABLE:
                    return err("PSP_011", "incorrect transaction status",
                               f"transaction status {row['status']} allows no cancellation")
                row = self.store.cancel_transaction(row["uuid"], amount)
            return self._success(service, self.transaction(row), mode, provider)

        order_id = req.get("orderId")
        if not isinstance(order_id, str) or not order_id:
            return err("INT_902", "web-service input data validation error",
                       "Invalid input value [name=orderId]: required")
        rows = self.store.list_transactions(site_id, mode, None, order_id, self.ORDER_MAX + 1)
        if not rows:
            return err("PSP_010", "transaction not found",
                       f"no transaction for order {order_id} in {mode} mode for shop {site_id}")
        if len(rows) > self.ORDER_MAX:
            return err("PSP_015", "too many results",
                       f"more than {self.ORDER_MAX} transactions for order {order_id}")
        answer = {"shopId": site_id, "orderId": order_id,
                  "transactions": [self.transaction(r) for r in reversed(rows)],
                  "_type": "V4/OrderTransactions"}
        return self._success(service, answer, mode, provider)


def datetime_iso(stamp: Optional[str]) -> Optional[str]:
    """YYYYMMDDHHMMSS (UTC, the form API's dates) to ISO 8601."""
    if not stamp or len(stamp) != 14 or not stamp.isdigit():
        return None
    return f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]}T{stamp[8:10]}:{stamp[10:12]}:{stamp[12:]}+00:00"


# ---------------------------------------------------------------------- demo merchant
class DemoMerchant:
    """DEMO: what a merchant's IPN endpoint does: check the signature, answer, record."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def ipn(self, site_id: str, path: str, raw_query: str, fields: dict[str, str]) -> tuple[Response, float]:
        query = dict(urllib.parse.parse_qsl(raw_query))
        shop = self.store.find_shop(site_id)
        mode = fields.get("vads_ctx_mode")
        valid = False
        if shop is not None and mode in MODES:
            key = shop["production_key"] if mode == "PRODUCTION" else shop["test_key"]
            algo = shop["sign_algo_production"] if mode == "PRODUCTION" else shop["sign_algo_test"]
            valid = bool(key) and fields.get("vads_site_id") == site_id and signature.verify(
                fields, key, algo, fields.get("signature", ""))
        delay = 0.0
        try:
            delay = min(30.0, max(0.0, float(query.get("delay", "0"))))
        except ValueError:
            pass
        uuid = fields.get("vads_trans_uuid", "")
        seen = self.store.demo_count(path, raw_query)
        try:
            fail = int(query.get("fail", "0"))
        except ValueError:
            fail = 0
        headers: dict[str, str] = {}
        if "status" in query and query["status"].isdigit():
            code, text = int(query["status"]), f"status {query['status']} (as asked)"
        elif seen < fail:
            code, text = 500, f"KO-failing as asked ({seen + 1}/{fail})"
        elif not valid:
            code, text = 400, "KO-bad signature"
        elif query.get("redirect") in ("1", "true", "yes"):
            code, text = 302, f"OK-{uuid} (redirecting)"
            headers["Location"] = "/demo-merchant/thanks"
        else:
            code, text = 200, f"OK-{uuid}"
        self.store.demo_record(site_id, path, raw_query, fields, valid, code)
        return Response(code, text.encode("utf-8"), "text/plain; charset=utf-8", headers), delay

    def received(self, query: dict[str, str]) -> Response:
        try:
            limit = max(1, min(10000, int(query.get("limit") or 1000)))
        except ValueError:
            limit = 1000
        return json_response(200, {"received": self.store.demo_list(
            query.get("site_id"), query.get("trans_uuid"), limit)})


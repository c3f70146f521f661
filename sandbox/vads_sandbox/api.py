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
from .store import MODES, Store, StoreError

TX_STATUSES = ("AUTHORISED", "REFUSED", "CANCELLED")


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
    }


def rule_json(row: sqlite3.Row) -> dict[str, Any]:
    return {"site_id": row["site_id"], "test_url": row["rule_test_url"],
            "production_url": row["rule_production_url"]}


def transaction_json(store: Store, row: sqlite3.Row) -> dict[str, Any]:
    n = store.get_notification(row["uuid"])
    attempts = store.get_attempts(row["uuid"])
    notification: dict[str, Any] = {
        "status": n["status"] if n else "not sent",
        "url": n["url"] if n else None,
        "url_source": n["url_source"] if n else None,
        "redirected": bool(n["redirected"]) if n else False,
        "attempts_done": n["attempts_done"] if n else 0,
        "max_attempts": n["max_attempts"] if n else 0,
        "next_attempt_at": util.iso_from_epoch(n["next_attempt_at"]) if n and n["status"] == "pending" else None,
        "attempts": [{"number": a["number"], "time": a["time"], "url": a["url"],
                      "http_code": a["http_code"], "redirect": bool(a["redirect"]),
                      "location": a["location"], "success": bool(a["success"]),
                      "error": a["error"], "duration_ms": a["duration_ms"]} for a in attempts],
    }
    return {
        "uuid": row["uuid"], "site_id": row["site_id"], "mode": row["mode"],
        "status": row["status"], "result": row["result"], "auth_result": row["auth_result"],
        "auth_number": row["auth_number"] or None, "amount": row["amount"],
        "currency": row["currency"], "order_id": row["order_id"], "trans_id": row["trans_id"],
        "trans_date": row["trans_date"], "card_number": row["card_number"],
        "card_brand": row["card_brand"], "created_at": row["created_at"],
        "updated_at": row["updated_at"], "notification": notification,
    }


# ---------------------------------------------------------------------- operator API
class BackOffice:
    def __init__(self, store: Store, faults: Faults, token: str, base_url: Callable[[], str]) -> None:
        self.store = store
        self.faults = faults
        self.token = token
        self.base_url = base_url
        self.routes: list[tuple[str, re.Pattern[str], Callable[..., Response]]] = []
        for method, pattern, fn in (
            ("GET", r"health", self.health),
            ("GET", r"shops", self.list_shops),
            ("POST", r"shops", self.create_shop),
            ("GET", r"shops/(\w+)", self.get_shop),
            ("PATCH", r"shops/(\w+)", self.patch_shop),
            ("GET", r"shops/(\w+)/certificates", self.get_certs),
            ("POST", r"shops/(\w+)/certificates/production", self.gen_prod),
            ("POST", r"shops/(\w+)/certificates/production/regenerate", self.regen_prod),
            ("POST", r"shops/(\w+)/certificates/test/regenerate", self.regen_test),
            ("GET", r"shops/(\w+)/notification-rules/payment-end", self.get_rule),
            ("PUT", r"shops/(\w+)/notification-rules/payment-end", self.put_rule),
            ("GET", r"shops/(\w+)/transactions", self.list_tx),
            ("GET", r"transactions/([0-9a-fA-F]+)", self.get_tx),
            ("POST", r"transactions/([0-9a-fA-F]+)/cancel", self.cancel_tx),
            ("POST", r"transactions/([0-9a-fA-F]+)/notification/resend", self.resend_notification),
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

    def resend_notification(self, uuid: str, **_: Any) -> Response:
        """« Renvoyer la notification »: one more attempt, to the URL the notification was first sent to."""
        row = self.store.resend_notification(uuid.lower())
        return json_response(200, transaction_json(self.store, row))

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
    SERVICES = ("Transaction/Get", "Order/Get", "Transaction/CancelOrRefund")

    def __init__(self, store: Store, base_url: Callable[[], str]) -> None:
        self.store = store
        self.base_url = base_url

    def _envelope(self, service: str, status: str, answer: dict, mode: Optional[str]) -> dict:
        return {"webService": service, "version": "V4",
                "applicationVersion": f"vads-sandbox-{__version__}", "status": status,
                "answer": answer, "ticket": secrets.token_hex(16), "serverDate": util.now_iso(),
                "applicationProvider": "VADS-SANDBOX", "metadata": None, "mode": mode,
                "serverUrl": self.base_url()}

    def _error(self, service: str, http: int, code: str, message: str, detail: str,
               mode: Optional[str], shop_id: Optional[str]) -> Response:
        answer = {"_type": "V4/WebService/WebServiceError", "errorCode": code,
                  "errorMessage": message, "detailedErrorCode": None,
                  "detailedErrorMessage": detail, "shopId": shop_id}
        return json_response(http, self._envelope(service, "ERROR", answer, mode))

    def auth(self, header: Optional[str]) -> Optional[tuple[str, str]]:
        if not header or not header.startswith("Basic "):
            return None
        try:
            user, _, password = base64.b64decode(header[6:].strip()).decode("utf-8").partition(":")
        except (binascii.Error, UnicodeDecodeError):
            return None
        shop = self.store.find_shop(user)
        if shop is None or not password:
            return None
        if hmac.compare_digest(password.encode(), shop["test_password"].encode()):
            return user, "TEST"
        if shop["production_password"] and hmac.compare_digest(
                password.encode(), shop["production_password"].encode()):
            return user, "PRODUCTION"
        return None

    def transaction(self, row: sqlite3.Row) -> dict[str, Any]:
        currency = util.currency_alpha(row["currency"])
        ok = row["status"] == "AUTHORISED"
        return {
            "_type": "V4/Transaction", "shopId": row["site_id"], "uuid": row["uuid"],
            "amount": row["amount"], "currency": currency, "paymentMethodType": "CARD",
            "paymentMethodToken": None, "status": "PAID" if ok else "UNPAID",
            "detailedStatus": row["status"], "operationType": "DEBIT",
            "effectiveStrongAuthentication": "DISABLED", "creationDate": row["created_at"],
            # Refused payments carry the acquirer's refusal; detailedErrorCode = vads_auth_result.
            "errorCode": None if row["result"] == "00" else "ACQ_001",
            "errorMessage": None if row["result"] == "00" else "payment refused by the acquirer",
            "detailedErrorCode": None if row["result"] == "00" else row["auth_result"],
            "detailedErrorMessage": None, "metadata": None,
            "orderDetails": {"_type": "V4/OrderDetails", "orderId": row["order_id"],
                             "orderTotalAmount": row["amount"], "orderEffectiveAmount": row["amount"],
                             "orderCurrency": currency, "mode": row["mode"], "metadata": None},
            "transactionDetails": {
                "_type": "V4/TransactionDetails", "sequenceNumber": 1, "creationContext": "CHARGE",
                "effectiveAmount": row["amount"], "effectiveCurrency": currency,
                "liabilityShift": "NO", "mid": "1234567", "parentTransactionUuid": None,
                "externalTransactionId": row["trans_id"],
                "cardDetails": {
                    "_type": "V4/CardDetails", "paymentSource": "EC", "manualValidation": "NO",
                    "pan": row["card_number"], "effectiveBrand": row["card_brand"],
                    "expiryMonth": row["expiry_month"], "expiryYear": row["expiry_year"],
                    "country": "FR",
                    "authorizationResponse": {
                        "_type": "V4/PaymentMethod/Details/Cards/CardAuthorizationResponse",
                        "amount": row["amount"], "currency": currency,
                        "authorizationDate": row["created_at"],
                        "authorizationNumber": row["auth_number"] or None,
                        "authorizationResult": str(int(row["auth_result"])),
                        "authorizationMode": "FULL"}}},
        }

    def dispatch(self, service: str, body: bytes, auth: Optional[str]) -> Response:
        if service not in self.SERVICES:
            return self._error(service, 404, "INT_909", "unknown web service",
                               f"no service {service}; the sandbox has {', '.join(self.SERVICES)}",
                               None, None)
        who = self.auth(auth)
        if who is None:
            return self._error(service, 401, "INT_905", "invalid authentication",
                               "HTTP Basic auth <site_id>:<testpassword_...|prodpassword_...> required",
                               None, None)
        site_id, mode = who
        try:
            req = json.loads(body or b"{}")
            if not isinstance(req, dict):
                raise ValueError
        except ValueError:
            return self._error(service, 200, "INT_902", "web-service input data validation error",
                               "body must be a JSON object", mode, site_id)

        def find(uuid: Any) -> Optional[sqlite3.Row]:
            if not isinstance(uuid, str) or not uuid:
                return None
            row = self.store.get_transaction(uuid.lower())
            # A transaction of another shop or the other mode does not exist for this password.
            if row is None or row["site_id"] != site_id or row["mode"] != mode:
                return None
            return row

        if service in ("Transaction/Get", "Transaction/CancelOrRefund"):
            if not isinstance(req.get("uuid"), str) or not req["uuid"]:
                return self._error(service, 200, "INT_902", "web-service input data validation error",
                                   "uuid is required", mode, site_id)
            row = find(req["uuid"])
            if row is None:
                return self._error(service, 200, "PSP_010", "transaction not found",
                                   f"no transaction {req['uuid']} in {mode} mode for shop {site_id}",
                                   mode, site_id)
            if service == "Transaction/CancelOrRefund":
                resolution = req.get("resolutionMode", "AUTO")
                if resolution not in ("AUTO", "CANCELLATION_ONLY", "REFUND_ONLY"):
                    return self._error(service, 200, "INT_902", "web-service input data validation error",
                                       "resolutionMode must be AUTO, CANCELLATION_ONLY or REFUND_ONLY",
                                       mode, site_id)
                amount = req.get("amount")
                if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int)
                                           or amount <= 0 or amount > row["amount"]):
                    return self._error(service, 200, "INT_902", "web-service input data validation error",
                                       "amount must be a positive integer not above the transaction's",
                                       mode, site_id)
                if row["status"] != "AUTHORISED" or resolution == "REFUND_ONLY":
                    return self._error(service, 200, "PSP_099", "operation not allowed",
                                       f"transaction status {row['status']} does not allow "
                                       f"{'a refund (not captured yet)' if row['status'] == 'AUTHORISED' else 'this operation'}",
                                       mode, site_id)
                row = self.store.cancel_transaction(row["uuid"], amount)
            return json_response(200, self._envelope(service, "SUCCESS", self.transaction(row), mode))

        # Order/Get
        order_id = req.get("orderId")
        if not isinstance(order_id, str) or not order_id:
            return self._error(service, 200, "INT_902", "web-service input data validation error",
                               "orderId is required", mode, site_id)
        rows = [r for r in self.store.list_transactions(site_id, mode, None, order_id, 1000)]
        if not rows:
            return self._error(service, 200, "PSP_010", "order not found",
                               f"no transaction for order {order_id} in {mode} mode", mode, site_id)
        answer = {"_type": "V4/OrderTransactions", "orderId": order_id,
                  "transactions": [self.transaction(r) for r in reversed(rows)]}
        return json_response(200, self._envelope(service, "SUCCESS", answer, mode))


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


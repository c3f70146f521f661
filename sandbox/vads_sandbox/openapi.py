"""OpenAPI 3 description of the operator (Back Office) API, served at /backoffice/api/openapi.json."""
from __future__ import annotations

from typing import Any

from . import __version__


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _json(schema: dict[str, Any], description: str = "OK") -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": schema}}}


def _err(description: str) -> dict[str, Any]:
    return _json(_ref("Error"), description)


SITE_ID = {"name": "site_id", "in": "path", "required": True,
           "schema": {"type": "string", "pattern": "^[0-9]{8}$"}}
UUID = {"name": "uuid", "in": "path", "required": True,
        "schema": {"type": "string", "pattern": "^[0-9a-f]{32}$"}}
NULLABLE_STR = {"type": "string", "nullable": True}
FAULT_GROUPS = ("form", "backoffice", "rest", "demo", "notification")


def document(base_url: str) -> dict[str, Any]:
    schemas: dict[str, Any] = {
        "Error": {"type": "object", "required": ["error", "message"],
                  "properties": {"error": {"type": "string"}, "message": {"type": "string"}}},
        "Shop": {"type": "object", "properties": {
            "site_id": {"type": "string"}, "name": {"type": "string"},
            "brand": {"type": "string"}, "contact_email": {"type": "string"},
            "sign_algo_test": {"type": "string", "enum": ["HMAC-SHA-256", "SHA-1"]},
            "sign_algo_production": {"type": "string", "enum": ["HMAC-SHA-256", "SHA-1"]},
            "production_key_exists": {"type": "boolean"},
            "production_key_generated_at": NULLABLE_STR,
            "production_key_version": {"type": "integer"},
            "brand_payment_url": {"type": "string"}, "payment_url": {"type": "string"},
            "created_at": {"type": "string", "format": "date-time"},
            "certificates": _ref("Certificates")}},
        "ShopCreate": {"type": "object", "required": ["site_id"], "properties": {
            "site_id": {"type": "string", "pattern": "^[0-9]{8}$"},
            "brand": {"type": "string", "default": "payzen"}, "name": {"type": "string"},
            "sign_algo": {"type": "string"}, "sign_algo_test": {"type": "string"},
            "sign_algo_production": {"type": "string"},
            "test_key": {"type": "string", "pattern": "^[A-Za-z0-9]{8,64}$"},
            "contact_email": {"type": "string"}}},
        "ShopPatch": {"type": "object", "properties": {
            "name": {"type": "string"}, "contact_email": {"type": "string"},
            "sign_algo": {"type": "string"}, "sign_algo_test": {"type": "string"},
            "sign_algo_production": {"type": "string"}}},
        "Certificates": {"type": "object", "properties": {
            "site_id": {"type": "string"}, "test_key": {"type": "string"},
            "test_sign_algo": {"type": "string"}, "test_rest_password": {"type": "string"},
            "production_key": NULLABLE_STR, "production_sign_algo": {"type": "string"},
            "production_rest_password": NULLABLE_STR,
            "production_key_exists": {"type": "boolean"},
            "production_key_generated_at": NULLABLE_STR,
            "production_key_version": {"type": "integer"}}},
        "NotificationRule": {"type": "object", "properties": {
            "site_id": {"type": "string"}, "test_url": NULLABLE_STR, "production_url": NULLABLE_STR,
            "changed": {"type": "boolean", "description": "PUT only"}}},
        "Attempt": {"type": "object", "properties": {
            "number": {"type": "integer"}, "time": {"type": "string"}, "url": {"type": "string"},
            "http_code": {"type": "integer", "nullable": True}, "redirect": {"type": "boolean"},
            "location": NULLABLE_STR, "success": {"type": "boolean"}, "error": NULLABLE_STR,
            "duration_ms": {"type": "integer"}}},
        "Notification": {"type": "object", "properties": {
            "status": {"type": "string", "enum": ["sent", "pending", "failed", "not sent"]},
            "url": NULLABLE_STR, "url_source": {"type": "string", "nullable": True,
                                                "enum": ["rule", "vads_url_check", None]},
            "redirected": {"type": "boolean"}, "attempts_done": {"type": "integer"},
            "max_attempts": {"type": "integer"}, "next_attempt_at": NULLABLE_STR,
            "attempts": {"type": "array", "items": _ref("Attempt")}}},
        "Transaction": {"type": "object", "properties": {
            "uuid": {"type": "string"}, "site_id": {"type": "string"},
            "mode": {"type": "string", "enum": ["TEST", "PRODUCTION"]},
            "status": {"type": "string", "enum": ["AUTHORISED", "REFUSED", "CANCELLED"]},
            "result": {"type": "string"}, "auth_result": {"type": "string"},
            "auth_number": NULLABLE_STR, "amount": {"type": "integer"},
            "currency": {"type": "string"}, "order_id": NULLABLE_STR,
            "trans_id": {"type": "string"}, "trans_date": {"type": "string"},
            "card_number": {"type": "string"}, "card_brand": {"type": "string"},
            "created_at": {"type": "string"}, "updated_at": {"type": "string"},
            "notification": _ref("Notification")}},
        "Email": {"type": "object", "properties": {
            "id": {"type": "integer"}, "time": {"type": "string"}, "site_id": NULLABLE_STR,
            "to": {"type": "string"}, "subject": {"type": "string"}, "body": {"type": "string"},
            "kind": {"type": "string", "enum": ["production_key_generated",
                                                "production_key_regenerated",
                                                "production_form_rejected",
                                                "notification_failed"]}}},
        "FaultSettings": {"type": "object", "nullable": True, "properties": {
            "latency_ms": {"type": "integer", "minimum": 0},
            "error_rate": {"type": "number", "minimum": 0, "maximum": 1},
            "count": {"type": "integer", "minimum": 0},
            "status": {"type": "integer", "default": 503},
            "timeout_count": {"type": "integer", "minimum": 0},
            "timeout_s": {"type": "number", "default": 30}}},
        "Faults": {"type": "object", "properties": {
            "faults": {"type": "object",
                       "properties": {g: _ref("FaultSettings") for g in FAULT_GROUPS}},
            "injected": {"type": "object",
                         "properties": {g: {"type": "integer"} for g in FAULT_GROUPS}}}},
    }
    shop_404 = {"404": _err("unknown shop"), "401": _err("missing or bad token")}
    paths: dict[str, Any] = {
        "/health": {"get": {"summary": "Liveness", "responses": {"200": _json({"type": "object"})}}},
        "/shops": {
            "get": {"summary": "List shops", "responses": {"200": _json(
                {"type": "object", "properties": {"shops": {"type": "array", "items": _ref("Shop")}}})}},
            "post": {"summary": "Create a shop (random TEST key and REST test password)",
                     "requestBody": {"required": True, "content": {
                         "application/json": {"schema": _ref("ShopCreate")}}},
                     "responses": {"201": _json(_ref("Shop"), "created, with certificates"),
                                   "400": _err("invalid site id, brand, key or algorithm"),
                                   "409": _err("site id exists")}}},
        "/shops/{site_id}": {
            "parameters": [SITE_ID],
            "get": {"summary": "Get a shop", "responses": {"200": _json(_ref("Shop")), **shop_404}},
            "patch": {"summary": "Change name, contact e-mail or signature algorithms",
                      "requestBody": {"content": {"application/json": {"schema": _ref("ShopPatch")}}},
                      "responses": {"200": _json(_ref("Shop")), "400": _err("bad field"), **shop_404}}},
        "/shops/{site_id}/certificates": {
            "parameters": [SITE_ID],
            "get": {"summary": "Keys as the Certificates tab shows them, plus REST passwords",
                    "responses": {"200": _json(_ref("Certificates")), **shop_404}}},
        "/shops/{site_id}/certificates/production": {
            "parameters": [SITE_ID],
            "post": {"summary": "Generate the production key (step 14.1), once",
                     "responses": {"201": _json(_ref("Certificates")),
                                   "409": _err("production_key_exists"), **shop_404}}},
        "/shops/{site_id}/certificates/production/regenerate": {
            "parameters": [SITE_ID],
            "post": {"summary": "Regenerate the production key (step 14.4); the old one stops at once",
                     "responses": {"200": _json(_ref("Certificates")),
                                   "409": _err("no_production_key"), **shop_404}}},
        "/shops/{site_id}/certificates/test/regenerate": {
            "parameters": [SITE_ID],
            "post": {"summary": "Regenerate the TEST key",
                     "responses": {"200": _json(_ref("Certificates")), **shop_404}}},
        "/shops/{site_id}/notification-rules/payment-end": {
            "parameters": [SITE_ID],
            "get": {"summary": "Instant notification URLs per mode",
                    "responses": {"200": _json(_ref("NotificationRule")), **shop_404}},
            "put": {"summary": "Set URLs (absent key unchanged, null or empty clears); idempotent",
                    "requestBody": {"required": True, "content": {"application/json": {
                        "schema": {"type": "object", "properties": {
                            "test_url": NULLABLE_STR, "production_url": NULLABLE_STR}}}}},
                    "responses": {"200": _json(_ref("NotificationRule")),
                                  "400": _err("invalid_url"), **shop_404}}},
        "/shops/{site_id}/transactions": {
            "parameters": [SITE_ID,
                           {"name": "mode", "in": "query", "schema": {"type": "string", "enum": ["TEST", "PRODUCTION"]}},
                           {"name": "status", "in": "query", "schema": {"type": "string", "enum": ["AUTHORISED", "REFUSED", "CANCELLED"]}},
                           {"name": "order_id", "in": "query", "schema": {"type": "string"}},
                           {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 100, "maximum": 1000}}],
            "get": {"summary": "Transactions, newest first", "responses": {"200": _json(
                {"type": "object", "properties": {"transactions": {
                    "type": "array", "items": _ref("Transaction")}}}), **shop_404}}},
        "/transactions/{uuid}": {
            "parameters": [UUID],
            "get": {"summary": "Transaction detail with notification status and attempts",
                    "responses": {"200": _json(_ref("Transaction")), "404": _err("unknown")}}},
        "/transactions/{uuid}/cancel": {
            "parameters": [UUID],
            "post": {"summary": "Cancel a transaction in progress (AUTHORISED)",
                     "responses": {"200": _json(_ref("Transaction")), "404": _err("unknown"),
                                   "409": _err("not_cancellable")}}},
        "/transactions/{uuid}/notification/resend": {
            "parameters": [UUID],
            "post": {"summary": "Renvoyer la notification: one more attempt to the notification's URL",
                     "responses": {"200": _json(_ref("Transaction")), "404": _err("unknown"),
                                   "409": _err("not_resendable")}}},
        "/outbox": {
            "get": {"summary": "E-mails the platform would have sent, oldest first",
                    "parameters": [{"name": "site_id", "in": "query", "schema": {"type": "string"}},
                                   {"name": "kind", "in": "query", "schema": {"type": "string"}}],
                    "responses": {"200": _json({"type": "object", "properties": {
                        "emails": {"type": "array", "items": _ref("Email")}}})}}},
        "/faults": {
            "get": {"summary": "Fault injection settings and counts",
                    "responses": {"200": _json(_ref("Faults"))}},
            "put": {"summary": "Replace the settings of the named groups ({} or null clears)",
                    "requestBody": {"required": True, "content": {"application/json": {"schema": {
                        "type": "object",
                        "properties": {g: _ref("FaultSettings") for g in FAULT_GROUPS}}}}},
                    "responses": {"200": _json(_ref("Faults")), "400": _err("bad settings")}},
            "delete": {"summary": "Clear every fault", "responses": {"200": _json(_ref("Faults"))}}},
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "vads-sandbox operator (Back Office) API", "version": __version__,
                 "description": "Stands in for the Back Office screens of the Lyra payment "
                                "platform that the go-live procedure uses. Sandbox only: the "
                                "real platform has no such API. See sandbox/README.md."},
        "servers": [{"url": f"{base_url}/backoffice/api"}],
        "security": [{"operatorToken": []}],
        "components": {"securitySchemes": {"operatorToken": {"type": "http", "scheme": "bearer"}},
                       "schemas": schemas},
        "paths": paths,
    }

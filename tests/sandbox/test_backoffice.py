"""Operator API: auth, shops, OpenAPI document, error shapes."""
from __future__ import annotations

import json

from .conftest import Sandbox


def test_token_required(sandbox: Sandbox) -> None:
    status, err = sandbox.bo("GET", "shops", token=None)
    assert status == 401 and err["error"] == "unauthorized" and "message" in err
    status = sandbox.bo("GET", "shops", token="wrong")[0]
    assert status == 401


def test_openapi_document_is_public_and_lists_paths(sandbox: Sandbox) -> None:
    status, doc = sandbox.bo("GET", "openapi.json", token=None)
    assert status == 200 and doc["openapi"].startswith("3.")
    for path in ("/shops", "/shops/{site_id}", "/shops/{site_id}/certificates",
                 "/shops/{site_id}/certificates/production",
                 "/shops/{site_id}/certificates/production/regenerate",
                 "/shops/{site_id}/notification-rules/payment-end",
                 "/shops/{site_id}/transactions", "/transactions/{uuid}",
                 "/transactions/{uuid}/cancel", "/outbox", "/faults"):
        assert path in doc["paths"], path
    assert doc["servers"][0]["url"] == sandbox.url + "/backoffice/api"


def test_shop_crud_and_errors(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop(name="Boutique", sign_algo="SHA1")
    site = shop["site_id"]
    assert shop["sign_algo_test"] == shop["sign_algo_production"] == "SHA-1"
    assert shop["payment_url"] == sandbox.url + "/vads-payment/"
    got = sandbox.ok("GET", f"shops/{site}")
    assert got["name"] == "Boutique" and "certificates" not in got
    assert site in [s["site_id"] for s in sandbox.ok("GET", "shops")["shops"]]
    patched = sandbox.ok("PATCH", f"shops/{site}", {"sign_algo_production": "HMAC-SHA-256"})
    assert patched["sign_algo_production"] == "HMAC-SHA-256" and patched["sign_algo_test"] == "SHA-1"

    status, err = sandbox.bo("POST", "shops", {"site_id": site})
    assert status == 409 and err["error"] == "conflict"
    status, err = sandbox.bo("POST", "shops", {"site_id": "123"})
    assert status == 400 and err["error"] == "invalid_site_id"
    status, err = sandbox.bo("POST", "shops", {"site_id": "87654321", "sign_algo": "MD5"})
    assert status == 400 and err["error"] == "invalid_sign_algo"
    status, err = sandbox.bo("GET", "shops/99999999")
    assert status == 404 and err["error"] == "not_found"
    status, err = sandbox.bo("POST", f"shops/{site}/certificates/production/regenerate")
    assert status == 409 and err["error"] == "no_production_key"
    status, err = sandbox.bo("DELETE", f"shops/{site}")
    assert status == 405 and err["error"] == "method_not_allowed"
    status, _headers, raw = sandbox.request("POST", "/backoffice/api/shops", b"{not json",
                                            {"Authorization": "Bearer " + sandbox.token})
    assert status == 400 and json.loads(raw)["error"] == "bad_request"


def test_transaction_filters(sandbox: Sandbox) -> None:
    site = sandbox.new_shop()["site_id"]
    status, err = sandbox.bo("GET", f"shops/{site}/transactions?mode=PROD")
    assert status == 400
    assert sandbox.ok("GET", f"shops/{site}/transactions?status=REFUSED") == {"transactions": []}
    status, err = sandbox.bo("GET", "transactions/" + "a" * 32)
    assert status == 404 and err["error"] == "not_found"


def test_openapi_document_lists_every_route_the_server_has(sandbox: Sandbox) -> None:
    from vads_sandbox.api import BackOffice
    doc = sandbox.bo("GET", "openapi.json", token=None)[1]
    bo = BackOffice(None, None, "", lambda: "")  # type: ignore[arg-type]
    for method, rx, _fn in bo.routes:
        path = "/" + rx.pattern[1:-3].replace(r"shops/(\w+)", "shops/{site_id}").replace(
            "transactions/([0-9a-fA-F]+)", "transactions/{uuid}")
        assert method.lower() in doc["paths"].get(path, {}), (method, path)

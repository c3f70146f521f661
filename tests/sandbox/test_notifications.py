"""Notification (IPN) delivery: retries, redirects, overrides, final failure."""
from __future__ import annotations

import json
import uuid as uuidlib
from typing import Any

from .conftest import Sandbox, build_form, metas, sign


def pay(sandbox: Sandbox, shop: dict[str, Any], card: str = "4970100000000000", **extra: str) -> str:
    form = build_form(shop["site_id"], shop["certificates"]["test_key"], sandbox_card=card, **extra)
    m = metas(sandbox.post_form(form))
    assert m["vads-page"] == "result", m
    return m["vads-trans-uuid"]


def set_test_url(sandbox: Sandbox, shop: dict[str, Any], query: str) -> str:
    # A unique tag makes the URL (and so the demo receiver's fail counter) private to this test.
    url = f"{sandbox.url}/demo-merchant/ipn/{shop['site_id']}?tag={uuidlib.uuid4().hex}{query}"
    sandbox.ok("PUT", f"shops/{shop['site_id']}/notification-rules/payment-end", {"test_url": url})
    return url


def test_receiver_failing_twice_then_succeeding(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    url = set_test_url(sandbox, shop, "&fail=2")
    uuid = pay(sandbox, shop)
    tx = sandbox.wait_notification(uuid, ("sent", "failed"))
    n = tx["notification"]
    assert n["status"] == "sent"
    assert [(a["number"], a["http_code"], a["success"], a["url"]) for a in n["attempts"]] == \
        [(1, 500, False, url), (2, 500, False, url), (3, 200, True, url)]
    assert n["attempts"][0]["error"] == "HTTP 500" and n["attempts"][2]["error"] is None
    mails = sandbox.ok("GET", f"outbox?site_id={shop['site_id']}&kind=notification_failed")["emails"]
    assert len(mails) == 2 and uuid in mails[0]["body"]


def test_redirecting_receiver_is_flagged(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    set_test_url(sandbox, shop, "&redirect=1")
    uuid = pay(sandbox, shop)
    n = sandbox.wait_notification(uuid)["notification"]
    assert n["status"] == "sent" and n["redirected"] is True
    [attempt] = n["attempts"]
    assert attempt["http_code"] == 302 and attempt["redirect"] is True
    assert attempt["location"] == "/demo-merchant/thanks"


def test_all_attempts_failing_ends_failed(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    set_test_url(sandbox, shop, "&status=503")
    uuid = pay(sandbox, shop)
    n = sandbox.wait_notification(uuid, ("failed",))["notification"]
    assert n["attempts_done"] == n["max_attempts"] == 5  # 1 attempt + 4 retries
    assert [a["http_code"] for a in n["attempts"]] == [503] * 5
    assert n["next_attempt_at"] is None


def test_unreachable_url_records_error(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    # Port 9 on loopback: nothing listens, the connection is refused at once.
    sandbox.ok("PUT", f"shops/{shop['site_id']}/notification-rules/payment-end",
               {"test_url": "http://127.0.0.1:9/ipn"})
    uuid = pay(sandbox, shop)
    n = sandbox.wait_notification(uuid, ("failed",))["notification"]
    assert n["attempts"][0]["http_code"] is None
    assert "Connection" in n["attempts"][0]["error"] or "refused" in n["attempts"][0]["error"]


def test_refused_payment_is_notified_and_url_check_overrides(
        sandbox: Sandbox, shop: dict[str, Any]) -> None:
    set_test_url(sandbox, shop, "&status=500")  # the rule URL would fail: it must not be used
    override = f"{sandbox.url}/demo-merchant/ipn/{shop['site_id']}?tag={uuidlib.uuid4().hex}"
    uuid = pay(sandbox, shop, card="4970100000000098", vads_url_check=override)
    n = sandbox.wait_notification(uuid)["notification"]
    assert (n["status"], n["url"], n["url_source"]) == ("sent", override, "vads_url_check")
    raw = sandbox.request("GET", f"/demo-merchant/received?trans_uuid={uuid}")[2]
    [rec] = json.loads(raw)["received"]
    f = rec["fields"]
    assert f["vads_trans_status"] == "REFUSED" and f["vads_auth_result"] == "51"
    assert f["signature"] == sign(f, shop["certificates"]["test_key"])


def test_no_url_means_not_sent(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    uuid = pay(sandbox, shop)
    n = sandbox.transaction(uuid)["notification"]
    assert n["status"] == "not sent" and n["attempts"] == [] and n["url"] is None


def test_rule_validation_and_clearing(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    site = shop["site_id"]
    status, err = sandbox.bo("PUT", f"shops/{site}/notification-rules/payment-end",
                             {"test_url": "ftp://x"})
    assert status == 400 and err["error"] == "invalid_url"
    sandbox.ok("PUT", f"shops/{site}/notification-rules/payment-end",
               {"test_url": "http://127.0.0.1:1/a", "production_url": "https://shop.example/ipn"})
    rule = sandbox.ok("PUT", f"shops/{site}/notification-rules/payment-end", {"test_url": None})
    assert rule == {"site_id": site, "test_url": None, "production_url": "https://shop.example/ipn",
                    "changed": True}
    assert sandbox.ok("GET", f"shops/{site}/notification-rules/payment-end")["test_url"] is None

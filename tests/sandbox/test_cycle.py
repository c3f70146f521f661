"""The go-live cycle end to end, scripted: 14.1 key, 14.2 rule, 14.3 pay + check + cancel, 14.4."""
from __future__ import annotations

import json

from .conftest import Sandbox, build_form, metas, sign


def test_full_production_cycle(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop(brand="systempay")
    site = shop["site_id"]
    assert shop["brand_payment_url"] == "https://paiement.systempay.fr/vads-payment/"
    assert len(shop["certificates"]["test_key"]) == 16
    assert shop["certificates"]["test_rest_password"].startswith("testpassword_")

    # 14.1: generate the production key, once.
    certs = sandbox.ok("POST", f"shops/{site}/certificates/production", expect=201)
    prod_key, prod_pw = certs["production_key"], certs["production_rest_password"]
    assert len(prod_key) == 16 and prod_key.isalnum() and prod_key != certs["test_key"]
    assert prod_pw.startswith("prodpassword_")
    status, err = sandbox.bo("POST", f"shops/{site}/certificates/production")
    assert status == 409 and err["error"] == "production_key_exists"
    assert sandbox.ok("GET", f"shops/{site}/certificates")["production_key"] == prod_key
    kinds = [m["kind"] for m in sandbox.ok("GET", f"outbox?site_id={site}")["emails"]]
    assert kinds == ["production_key_generated"]

    # 14.2 (3): PRODUCTION notification URL -> the demo receiver; PUT is idempotent.
    receiver = f"{sandbox.url}/demo-merchant/ipn/{site}"
    rule = sandbox.ok("PUT", f"shops/{site}/notification-rules/payment-end",
                      {"production_url": receiver})
    assert rule["changed"] is True and rule["production_url"] == receiver and rule["test_url"] is None
    rule = sandbox.ok("PUT", f"shops/{site}/notification-rules/payment-end",
                      {"production_url": receiver})
    assert rule["changed"] is False

    # 14.3: one real payment in PRODUCTION with a sandbox card.
    form = build_form(site, prod_key, mode="PRODUCTION", vads_order_id="GO-LIVE-1",
                      vads_amount="200", vads_cust_email="buyer@example.test",
                      sandbox_card="4970100000000000")
    page = sandbox.post_form(form)
    m = metas(page)
    assert m["vads-page"] == "result" and m["vads-trans-status"] == "AUTHORISED"
    uuid = m["vads-trans-uuid"]

    tx = sandbox.wait_notification(uuid, ("sent",))
    assert tx["mode"] == "PRODUCTION" and tx["status"] == "AUTHORISED" and tx["amount"] == 200
    n = tx["notification"]
    assert n["url"] == receiver and n["url_source"] == "rule" and not n["redirected"]
    assert [(a["number"], a["http_code"], a["success"]) for a in n["attempts"]] == [(1, 200, True)]

    # The receiver records before answering, so a "sent" status implies the record exists.
    raw = sandbox.request("GET", f"/demo-merchant/received?trans_uuid={uuid}")[2]
    received = json.loads(raw)["received"]
    assert len(received) == 1 and received[0]["signature_valid"] is True
    fields = received[0]["fields"]
    # Check the notification's signature independently, with the production key.
    assert fields["signature"] == sign(fields, prod_key)
    assert fields["signature"] != sign(fields, certs["test_key"])
    expected = {"vads_url_check_src": "PAY", "vads_trans_status": "AUTHORISED",
                "vads_trans_uuid": uuid, "vads_order_id": "GO-LIVE-1", "vads_amount": "200",
                "vads_currency": "978", "vads_site_id": site, "vads_ctx_mode": "PRODUCTION",
                "vads_trans_id": form["vads_trans_id"], "vads_trans_date": form["vads_trans_date"],
                "vads_result": "00", "vads_cust_email": "buyer@example.test"}
    assert {k: fields.get(k) for k in expected} == expected
    assert len(fields["vads_hash"]) == 64

    listed = sandbox.ok("GET", f"shops/{site}/transactions?mode=PRODUCTION&status=AUTHORISED")
    assert [t["uuid"] for t in listed["transactions"]] == [uuid]
    assert sandbox.ok("GET", f"shops/{site}/transactions?mode=TEST")["transactions"] == []

    # REST API V4 with the production password sees it; the test password does not.
    status, ans = sandbox.rest("Transaction/Get", {"uuid": uuid}, site, prod_pw)
    assert status == 200 and ans["status"] == "SUCCESS", ans
    a = ans["answer"]
    assert (a["_type"], a["uuid"], a["detailedStatus"], a["status"], a["operationType"]) == \
        ("V4/Transaction", uuid, "AUTHORISED", "PAID", "DEBIT")
    assert (a["amount"], a["currency"], a["orderDetails"]["orderId"]) == (200, "EUR", "GO-LIVE-1")
    assert a["orderDetails"]["mode"] == "PRODUCTION"
    assert a["transactionDetails"]["cardDetails"]["pan"] == "497010XXXXXX0000"
    status, ans = sandbox.rest("Transaction/Get", {"uuid": uuid}, site,
                               certs["test_rest_password"])
    assert ans["status"] == "ERROR" and ans["answer"]["errorCode"] == "PSP_010"
    assert ans["answer"]["_type"] == "V4/WebService/WebServiceError"
    status, ans = sandbox.rest("Order/Get", {"orderId": "GO-LIVE-1"}, site, prod_pw)
    assert [t["uuid"] for t in ans["answer"]["transactions"]] == [uuid]

    # ... and cancel it so it is never remitted.
    status, ans = sandbox.rest("Transaction/CancelOrRefund",
                               {"uuid": uuid, "resolutionMode": "CANCELLATION_ONLY",
                                "comment": "go-live check"}, site, prod_pw)
    assert ans["status"] == "SUCCESS" and ans["answer"]["detailedStatus"] == "CANCELLED", ans
    assert ans["answer"]["status"] == "UNPAID"
    assert sandbox.transaction(uuid)["status"] == "CANCELLED"
    status, ans = sandbox.rest("Transaction/CancelOrRefund", {"uuid": uuid}, site, prod_pw)
    assert ans["status"] == "ERROR" and ans["answer"]["errorCode"] == "PSP_011"

    # 14.4: regenerate; the old key's signature is refused at once, the new one works.
    new = sandbox.ok("POST", f"shops/{site}/certificates/production/regenerate")
    assert new["production_key"] != prod_key and new["production_key_version"] == 2
    assert new["production_rest_password"] == prod_pw
    old = sandbox.post_form(build_form(site, prod_key, mode="PRODUCTION"))
    assert metas(old)["vads-error-code"] == "00"
    fresh = sandbox.post_form(build_form(site, new["production_key"], mode="PRODUCTION"))
    assert metas(fresh)["vads-page"] == "payment"
    kinds = [m["kind"] for m in sandbox.ok("GET", f"outbox?site_id={site}")["emails"]]
    assert kinds == ["production_key_generated", "production_key_regenerated",
                     "production_form_rejected"]


def test_backoffice_cancel_and_rest_errors(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop()
    site, certs = shop["site_id"], shop["certificates"]
    refused = metas(sandbox.post_form(build_form(site, certs["test_key"],
                                                 sandbox_card="4970100000000098")))
    status, err = sandbox.bo("POST", f"transactions/{refused['vads-trans-uuid']}/cancel")
    assert status == 409 and err["error"] == "not_cancellable"
    ok = metas(sandbox.post_form(build_form(site, certs["test_key"], vads_order_id="P1",
                                            sandbox_card="4970100000000000")))
    tx = sandbox.ok("POST", f"transactions/{ok['vads-trans-uuid']}/cancel")
    assert tx["status"] == "CANCELLED"

    pw = certs["test_rest_password"]
    status, ans = sandbox.rest("Transaction/Get", {"uuid": ok["vads-trans-uuid"]}, site, pw)
    assert ans["answer"]["detailedStatus"] == "CANCELLED"
    status, ans = sandbox.rest("Transaction/Get", {"uuid": ok["vads-trans-uuid"]}, site, "nope")
    assert status == 401 and ans["answer"]["errorCode"] == "INT_905"
    status, ans = sandbox.rest("Transaction/Get", {}, site, pw)
    assert ans["answer"]["errorCode"] == "INT_902"
    status, ans = sandbox.rest("Transaction/Get", {"uuid": "f" * 32}, site, pw)
    assert ans["answer"]["errorCode"] == "PSP_010"
    status, ans = sandbox.rest("Charge/SDKTest", {}, site, pw)
    assert status == 404 and ans["answer"]["errorCode"] == "INT_909"


def test_rest_refused_transaction_shape(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop()
    site, certs = shop["site_id"], shop["certificates"]
    uuid = metas(sandbox.post_form(build_form(site, certs["test_key"], vads_order_id="R-1",
                                              sandbox_card="4970100000000098")))["vads-trans-uuid"]
    ans = sandbox.rest("Transaction/Get", {"uuid": uuid}, site, certs["test_rest_password"])[1]
    a = ans["answer"]
    assert (a["status"], a["detailedStatus"], a["errorCode"], a["detailedErrorCode"]) == \
        ("UNPAID", "REFUSED", "ACQ_001", "51")
    ans = sandbox.rest("Transaction/CancelOrRefund", {"uuid": uuid}, site,
                       certs["test_rest_password"])[1]
    assert ans["status"] == "ERROR" and ans["answer"]["errorCode"] == "PSP_011"

"""The sandbox driven the way a third-party merchant integration drives the platform.

Forms are signed by tests/sandbox/merchant.py (written from the documentation, neither the
collection's signer nor the sandbox's); notifications go to a merchant endpoint that checks them
with its own key; REST answers are validated against sandbox/vads_sandbox/schemas/rest_v4.schema.json,
a JSON Schema written from the public REST V4 documentation.
"""
from __future__ import annotations

import base64
import html
import json
import random
import re
import urllib.parse
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator

import jsonschema
import pytest

from .conftest import Sandbox, metas, wait_for
from .merchant import MerchantIpn, merchant_signature

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "sandbox/vads_sandbox/schemas/rest_v4.schema.json").read_text())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)

# Documented formats of the returned fields (form API dictionary, "Transaction details",
# "Cardholder authentication", vads_url_check_src...; sources in sandbox/README.md).
FORMATS = {
    "vads_amount": r"[0-9]{1,12}",
    "vads_auth_mode": r"FULL|MARK",
    "vads_auth_number": r"[0-9A-Za-z]{0,6}",
    "vads_auth_result": r"[0-9A-Za-z]{0,11}",
    "vads_capture_delay": r"[0-9]{1,3}",
    "vads_card_brand": r"[A-Z_]+",
    "vads_card_number": r"[0-9]{6}X{3,9}[0-9]{4}",
    "vads_contract_used": r".{1,250}",
    "vads_ctx_mode": r"TEST|PRODUCTION",
    "vads_currency": r"[0-9]{3}",
    "vads_effective_amount": r"[0-9]{1,12}",
    "vads_effective_creation_date": r"[0-9]{14}",
    "vads_effective_currency": r"[0-9]{3}",
    "vads_expiry_month": r"[0-9]{1,2}",
    "vads_expiry_year": r"[0-9]{4}",
    "vads_hash": r"[0-9a-f]{64}",
    "vads_operation_type": r"DEBIT|CREDIT|VERIFICATION",
    "vads_payment_certificate": r"[0-9a-f]{40}|",
    "vads_payment_config": r"SINGLE|MULTI.*",
    "vads_payment_src": r"EC|MOTO|CC|OTHER|BO|",
    "vads_presentation_date": r"[0-9]{14}",
    "vads_result": r"[0-9]{2}",
    "vads_risk_analyzer_result": r".*",
    "vads_risk_assessment_result": r"[A-Z_;]*",
    "vads_risk_control": r"([A-Z_]+=[A-Z]+;?)*",
    "vads_sequence_number": r"[0-9]+",
    "vads_site_id": r"[0-9]{8}",
    "vads_threeds_auth_type": r"CHALLENGE|FRICTIONLESS|DATA ONLY|",
    "vads_threeds_cavv": r".{0,28}",
    "vads_threeds_eci": r"[0-9A-Za-z]{0,2}",
    "vads_threeds_enrolled": r"[A-Z]?",
    "vads_threeds_exit_status": r"[0-9]{0,2}",
    "vads_threeds_sign_valid": r"[01]?",
    "vads_threeds_status": r"[A-Z]?",
    "vads_trans_date": r"[0-9]{14}",
    "vads_trans_id": r"[0-9a-zA-Z]{6}",
    "vads_trans_status": r"AUTHORISED|AUTHORISED_TO_VALIDATE|WAITING_AUTHORISATION|"
                         r"WAITING_AUTHORISATION_TO_VALIDATE|REFUSED|CANCELLED|CAPTURED|ABANDONED",
    "vads_trans_uuid": r"[0-9a-f]{32}",
    "vads_url_check_src": r"PAY|BO|BATCH|BATCH_AUTO|REC|MERCH_BO|RETRY",
    "vads_validation_mode": r"[01]",
    "vads_version": r"V2",
    "vads_warranty_result": r"YES|NO|UNKNOWN|",
}

# The documented test cards (and the sandbox's extra ones, README "Test cards"), with sandbox_card:
# card -> (vads_trans_status, vads_result, vads_auth_result, vads_card_brand, vads_threeds_status,
#          vads_threeds_auth_type, vads_warranty_result)
CARDS = {
    "4970100000000000": ("AUTHORISED", "00", "00", "VISA", "Y", "FRICTIONLESS", "YES"),
    "4970100000000003": ("AUTHORISED", "00", "00", "VISA", "", "", "NO"),
    "4970100000000009": ("AUTHORISED", "00", "00", "VISA", "Y", "CHALLENGE", "YES"),
    "5970100300000000": ("AUTHORISED", "00", "00", "MASTERCARD", "Y", "FRICTIONLESS", "YES"),
    "5970100300000003": ("AUTHORISED", "00", "00", "MASTERCARD", "", "", "NO"),
    "5970100300000009": ("AUTHORISED", "00", "00", "MASTERCARD", "Y", "CHALLENGE", "YES"),
    "4970100000000001": ("AUTHORISED", "00", "00", "VISA", "", "", "NO"),
    "4970100000000002": ("REFUSED", "05", "", "VISA", "N", "", ""),
    "4970100000000098": ("REFUSED", "05", "51", "VISA", "Y", "FRICTIONLESS", ""),
    "4970100000000099": ("REFUSED", "05", "05", "VISA", "Y", "FRICTIONLESS", ""),
    "4000000000000002": ("REFUSED", "05", "14", "VISA", "Y", "FRICTIONLESS", ""),
}

_ids = iter(random.sample(range(100000, 899999), 5000))


def merchant_form(site_id: str, key: str, **extra: str) -> dict[str, str]:
    """A payment form as the documentation describes it, signed by the merchant's own code."""
    fields = {
        "vads_action_mode": "INTERACTIVE", "vads_amount": "4525", "vads_ctx_mode": "TEST",
        "vads_currency": "978", "vads_page_action": "PAYMENT", "vads_payment_config": "SINGLE",
        "vads_site_id": site_id,
        "vads_trans_date": datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S"),
        "vads_trans_id": f"{next(_ids):06d}", "vads_version": "V2",
    }
    fields.update({k: v for k, v in extra.items() if k.startswith("vads_")})
    fields["signature"] = merchant_signature(fields, key)
    fields.update({k: v for k, v in extra.items() if not k.startswith("vads_")})
    return fields


@pytest.fixture
def merchant() -> Iterator[Any]:
    made: list[MerchantIpn] = []

    def make(key: str, fail_first: int = 0) -> MerchantIpn:
        ipn = MerchantIpn(key, fail_first)
        made.append(ipn)
        return ipn
    yield make
    for ipn in made:
        ipn.close()


def key_of(shop: dict[str, Any]) -> str:
    return shop["certificates"]["test_key"]


def pay(sandbox: Sandbox, shop: dict[str, Any], card: str = "4970100000000000", **extra: str) -> str:
    page = sandbox.post_form(merchant_form(shop["site_id"], key_of(shop), sandbox_card=card, **extra))
    m = metas(page)
    assert m["vads-page"] == "result", page[:600]
    return m["vads-trans-uuid"]


def ipn_for(ipn: MerchantIpn, uuid: str, count: int = 1, timeout: float = 15) -> list[dict[str, Any]]:
    def got() -> list[dict[str, Any]]:
        mine = [r for r in ipn.got() if r["fields"].get("vads_trans_uuid") == uuid]
        return mine if len(mine) >= count else []
    return wait_for(got, timeout, what=f"{count} notification(s) of {uuid}")


def rest(sandbox: Sandbox, service: str, body: Any, site_id: str, password: str,
         raw: bytes | None = None, auth: str | None = None) -> tuple[int, dict[str, Any]]:
    """A REST V4 call; every answer is checked against the documentation's schema."""
    headers = {"Content-Type": "application/json"}
    if auth is None:
        auth = "Basic " + base64.b64encode(f"{site_id}:{password}".encode()).decode()
    if auth:
        headers["Authorization"] = auth
    status, _h, data = sandbox.request("POST", "/api-payment/V4/" + service,
                                       raw if raw is not None else json.dumps(body).encode(), headers)
    doc = json.loads(data)
    errors = sorted(VALIDATOR.iter_errors(doc), key=lambda e: list(e.path))
    assert not errors, (service, [f"{list(e.path)}: {e.message}" for e in errors[:5]], doc)
    return status, doc


# ---------------------------------------------------------------------------- cards and IPN
def test_each_test_card_outcome_in_ipn_and_result(sandbox: Sandbox, merchant: Any) -> None:
    shop = sandbox.new_shop()
    ipn = merchant(key_of(shop))
    uuids = {card: pay(sandbox, shop, card, vads_url_check=ipn.url) for card in CARDS}
    for card, expected in CARDS.items():
        [note] = ipn_for(ipn, uuids[card])
        f = note["fields"]
        assert note["signature_valid"], f
        got = (f["vads_trans_status"], f["vads_result"], f["vads_auth_result"], f["vads_card_brand"],
               f["vads_threeds_status"], f["vads_threeds_auth_type"], f["vads_warranty_result"])
        assert got == expected, card
        assert f["vads_card_number"] == card[:6] + "X" * (len(card) - 10) + card[-4:]
        accepted = expected[0] == "AUTHORISED"
        assert bool(f["vads_payment_certificate"]) == accepted
        assert bool(f["vads_auth_number"]) == accepted
        assert sandbox.transaction(uuids[card])["status"] == expected[0]


def test_ipn_fields_formats_and_echoes(sandbox: Sandbox, merchant: Any) -> None:
    shop = sandbox.new_shop()
    ipn = merchant(key_of(shop))
    echoes = {"vads_order_id": "CMD-2026-001", "vads_order_info": "gift wrap",
              "vads_order_info2": "éèà + spaces", "vads_order_info3": "",
              "vads_contrib": "MyShop-Integration 3.1/PHP 8.2", "vads_user_info": "customer#42",
              "vads_cust_email": "buyer@example.test", "vads_cust_id": "42",
              "vads_ext_info_channel": "web", "vads_language": "en", "vads_payment_src": "EC"}
    uuid = pay(sandbox, shop, vads_url_check=ipn.url, **echoes)
    [note] = ipn_for(ipn, uuid)
    f = note["fields"]
    assert note["signature_valid"]
    assert note["content_type"].startswith("application/x-www-form-urlencoded")
    for name, pattern in FORMATS.items():
        assert name in f, f"{name} missing from the IPN"
        assert re.fullmatch(pattern, f[name]), (name, f[name])
    for name, value in echoes.items():
        assert f[name] == value, name
    assert f["vads_trans_uuid"] == uuid and f["vads_url_check_src"] == "PAY"
    created = datetime.strptime(f["vads_effective_creation_date"], "%Y%m%d%H%M%S")
    assert abs((created.replace(tzinfo=timezone.utc) - datetime.now(timezone.utc)).total_seconds()) < 600
    assert f["vads_presentation_date"] == f["vads_effective_creation_date"]  # capture delay 0
    assert f["vads_threeds_cavv"] and f["vads_threeds_eci"] == "05"
    # A merchant checks the signature with SHA-1 too when the shop is set so.
    sha1_shop = sandbox.new_shop(sign_algo="SHA-1")
    sha1_ipn = merchant(key_of(sha1_shop))
    page = sandbox.post_form(merchant_form(sha1_shop["site_id"], key_of(sha1_shop)))
    assert metas(page)["vads-error-code"] == "00"  # signed with HMAC while the shop wants SHA-1
    fields = merchant_form(sha1_shop["site_id"], key_of(sha1_shop), vads_url_check=sha1_ipn.url)
    fields["signature"] = merchant_signature({k: v for k, v in fields.items() if k != "signature"},
                                             key_of(sha1_shop), "SHA-1")
    uuid = metas(sandbox.post_form({**fields, "sandbox_card": "4970100000000000"}))["vads-trans-uuid"]
    f = ipn_for(sha1_ipn, uuid)[0]["fields"]
    assert f["signature"] == merchant_signature(f, key_of(sha1_shop), "SHA-1")


def test_interactive_3ds_challenge_pages(sandbox: Sandbox, merchant: Any) -> None:
    shop = sandbox.new_shop()
    ipn = merchant(key_of(shop))
    outcomes = {}
    for answer in ("ok", "fail"):
        page = sandbox.post_form(merchant_form(shop["site_id"], key_of(shop), vads_url_check=ipn.url))
        session = metas(page)["vads-session"]
        challenge = sandbox.post_form({"session": session, "card_number": "4970100000000009",
                                       "expiry_month": "6", "expiry_year": "2031"}, "/vads-payment/pay")
        assert metas(challenge)["vads-page"] == "challenge"
        assert 'name="threeds_answer"' in challenge
        result = metas(sandbox.post_form({"session": session, "card_number": "4970100000000009",
                                          "expiry_month": "6", "expiry_year": "2031",
                                          "threeds_answer": answer}, "/vads-payment/pay"))
        outcomes[answer] = ipn_for(ipn, result["vads-trans-uuid"])[0]["fields"]
    ok, fail = outcomes["ok"], outcomes["fail"]
    assert (ok["vads_trans_status"], ok["vads_threeds_auth_type"], ok["vads_threeds_status"],
            ok["vads_expiry_month"], ok["vads_expiry_year"]) == \
        ("AUTHORISED", "CHALLENGE", "Y", "6", "2031")
    assert (fail["vads_trans_status"], fail["vads_result"], fail["vads_auth_result"],
            fail["vads_threeds_status"], fail["vads_payment_certificate"]) == \
        ("REFUSED", "05", "", "N", "")


def test_expired_card_is_refused(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop()
    page = sandbox.post_form(merchant_form(shop["site_id"], key_of(shop)))
    session = metas(page)["vads-session"]
    last_year = str(datetime.now(timezone.utc).year - 1)
    m = metas(sandbox.post_form({"session": session, "card_number": "4970100000000000",
                                 "expiry_month": "12", "expiry_year": last_year}, "/vads-payment/pay"))
    assert (m["vads-trans-status"], m["vads-result"], m["vads-auth-result"]) == ("REFUSED", "05", "54")


def test_automatic_retries_say_retry(start_sandbox: Any, merchant: Any) -> None:
    sb = start_sandbox(extra=["--retry-schedule", "0.1,0.1,0.1,0.1"])
    shop = sb.new_shop()
    ipn = merchant(key_of(shop), fail_first=2)
    uuid = pay(sb, shop, vads_url_check=ipn.url)
    notes = ipn_for(ipn, uuid, 3)
    assert [n["fields"]["vads_url_check_src"] for n in notes] == ["PAY", "RETRY", "RETRY"]
    assert all(n["signature_valid"] for n in notes)
    tx = sb.wait_notification(uuid)
    n = tx["notification"]
    assert (n["status"], n["attempts_done"]) == ("sent", 3)
    assert [(a["url_check_src"], a["http_code"]) for a in n["attempts"]] == \
        [("PAY", 500), ("RETRY", 500), ("RETRY", 200)]
    [event] = tx["notifications"]
    assert (event["trigger"], event["status_label"], event["http_code"], event["tries"]) == \
        ("PAY", "Envoyé", 200, 3)


def test_manual_resend_says_bo_and_history_shows_it(start_sandbox: Any, merchant: Any) -> None:
    # Long retry delays: after the first failure the notification stays "En cours".
    sb = start_sandbox(extra=["--retry-schedule", "60,60"])
    shop = sb.new_shop()
    ipn = merchant(key_of(shop), fail_first=1)
    uuid = pay(sb, shop, vads_url_check=ipn.url)
    ipn_for(ipn, uuid)
    def first_attempt_recorded() -> Any:
        h = sb.ok("GET", f"transactions/{uuid}/notifications")
        return h if h["notifications"][0]["tries"] == 1 else None
    history = wait_for(first_attempt_recorded, what="first attempt recorded")
    [pay_event] = history["notifications"]
    assert (pay_event["trigger"], pay_event["status"], pay_event["status_label"],
            pay_event["http_code"], pay_event["tries"], pay_event["max_tries"]) == \
        ("PAY", "pending", "En cours", 500, 1, 3)
    assert pay_event["next_attempt_at"]
    # The merchant fixed the endpoint; the operator clicks « Renvoyer la notification ».
    out = sb.ok("POST", f"transactions/{uuid}/notifications/resend")
    bo = out["notification"]
    assert (bo["trigger"], bo["status"], bo["status_label"], bo["http_code"], bo["tries"]) == \
        ("BO", "sent", "Envoyé", 200, 1)
    assert bo["attempts"][0]["url_check_src"] == "BO"
    first, resent = ipn_for(ipn, uuid, 2)
    f = resent["fields"]
    assert resent["signature_valid"] and f["vads_url_check_src"] == "BO"
    # Documented for a Back Office resend: not stored fields absent, a new vads_hash.
    assert not {"vads_page_action", "vads_payment_config", "vads_action_mode"} & set(f)
    assert f["vads_hash"] != first["fields"]["vads_hash"]
    tx = out["transaction"]
    assert tx["notification"]["status"] == "pending" and tx["notification"]["delivered"] is True
    assert [e["trigger"] for e in tx["notifications"]] == ["PAY", "BO"]
    # A resend to an endpoint still failing: the history says Échec with the HTTP code.
    ipn.fail_first = 10
    bad = sb.ok("POST", f"transactions/{uuid}/notifications/resend")["notification"]
    assert (bad["status_label"], bad["http_code"], bad["tries"]) == ("Échec", 500, 1)
    labels = [e["status_label"] for e in sb.ok("GET", f"transactions/{uuid}/notifications")["notifications"]]
    assert labels == ["En cours", "Envoyé", "Échec"]
    # No URL at all: nothing to resend, said clearly.
    bare = sb.new_shop()
    lone = pay(sb, bare)
    status, err = sb.bo("POST", f"transactions/{lone}/notifications/resend")
    assert status == 409 and err["error"] == "no_notification_url"


def test_manual_validation_states(sandbox: Sandbox, merchant: Any) -> None:
    shop = sandbox.new_shop()
    site, pw = shop["site_id"], shop["certificates"]["test_rest_password"]
    ipn = merchant(key_of(shop))
    uuids = [pay(sandbox, shop, vads_validation_mode="1", vads_url_check=ipn.url) for _n in range(3)]
    for uuid in uuids:
        f = ipn_for(ipn, uuid)[0]["fields"]
        assert (f["vads_trans_status"], f["vads_validation_mode"]) == ("AUTHORISED_TO_VALIDATE", "1")
    _s, doc = rest(sandbox, "Transaction/Get", {"uuid": uuids[0]}, site, pw)
    a = doc["answer"]
    assert (a["status"], a["detailedStatus"], a["transactionDetails"]["cardDetails"]["manualValidation"]) == \
        ("RUNNING", "AUTHORISED_TO_VALIDATE", "YES")
    # Validate through the REST API (Transaction/Validate) ...
    _s, doc = rest(sandbox, "Transaction/Validate", {"uuid": uuids[0]}, site, pw)
    assert (doc["answer"]["status"], doc["answer"]["detailedStatus"]) == ("PAID", "AUTHORISED")
    _s, doc = rest(sandbox, "Transaction/Validate", {"uuid": uuids[0]}, site, pw)
    assert doc["answer"]["errorCode"] == "PSP_011"
    # ... through the Back Office « Valider » ...
    assert sandbox.ok("POST", f"transactions/{uuids[1]}/validate")["status"] == "AUTHORISED"
    status, err = sandbox.bo("POST", f"transactions/{uuids[1]}/validate")
    assert status == 409 and err["error"] == "not_validatable"
    # ... or cancel it instead.
    _s, doc = rest(sandbox, "Transaction/CancelOrRefund", {"uuid": uuids[2]}, site, pw)
    assert doc["answer"]["detailedStatus"] == "CANCELLED"
    bad = sandbox.post_form(merchant_form(site, key_of(shop), vads_validation_mode="2"))
    assert metas(bad)["vads-error-code"] == "05"


def test_deferred_payment_is_authorised_by_batch_auto(sandbox: Sandbox, merchant: Any) -> None:
    shop = sandbox.new_shop()
    ipn = merchant(key_of(shop))
    uuid = pay(sandbox, shop, vads_capture_delay="10", vads_url_check=ipn.url)
    f = ipn_for(ipn, uuid)[0]["fields"]
    assert (f["vads_trans_status"], f["vads_auth_mode"], f["vads_auth_number"]) == \
        ("WAITING_AUTHORISATION", "MARK", "")
    assert f["vads_presentation_date"] > f["vads_effective_creation_date"]
    tx = sandbox.ok("POST", f"transactions/{uuid}/authorise")
    assert tx["status"] == "AUTHORISED"
    batch = ipn_for(ipn, uuid, 2)[1]
    assert batch["signature_valid"]
    assert (batch["fields"]["vads_url_check_src"], batch["fields"]["vads_trans_status"]) == \
        ("BATCH_AUTO", "AUTHORISED")
    assert re.fullmatch(r"[0-9]{6}", batch["fields"]["vads_auth_number"])
    status, err = sandbox.bo("POST", f"transactions/{uuid}/authorise")
    assert status == 409 and err["error"] == "not_waiting_authorisation"


def test_return_to_shop_carries_signed_fields(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop()
    for mode in ("GET", "POST"):
        page = sandbox.post_form(merchant_form(
            shop["site_id"], key_of(shop), vads_return_mode=mode, vads_order_id="RET-1",
            vads_url_return="http://127.0.0.1:9/shop/return?lang=fr", sandbox_card="4970100000000098"))
        uuid = metas(page)["vads-trans-uuid"]
        if mode == "GET":
            href = html.unescape(re.search(r'id="return-link" href="([^"]+)"', page).group(1))
            parts = urllib.parse.urlsplit(href)
            assert parts.path == "/shop/return"
            fields = dict(urllib.parse.parse_qsl(parts.query, keep_blank_values=True))
            fields.pop("lang")
        else:
            form = re.search(r'<form id="return-form" method="post" action="([^"]+)">(.*?)</form>',
                             page, re.S)
            assert html.unescape(form.group(1)) == "http://127.0.0.1:9/shop/return?lang=fr"
            fields = {html.unescape(k): html.unescape(v) for k, v in
                      re.findall(r'name="([^"]+)" value="([^"]*)"', form.group(2))}
        assert fields["signature"] == merchant_signature(fields, key_of(shop)), mode
        assert (fields["vads_trans_uuid"], fields["vads_trans_status"], fields["vads_order_id"],
                fields["vads_auth_result"]) == (uuid, "REFUSED", "RET-1", "51")


# ---------------------------------------------------------------------------- REST V4
def test_rest_success_answers_match_the_schema(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop(brand="systempay")
    site, pw = shop["site_id"], shop["certificates"]["test_rest_password"]
    ok = pay(sandbox, shop, vads_order_id="ORD-A")
    refused = pay(sandbox, shop, "4970100000000098", vads_order_id="ORD-A")
    failed_3ds = pay(sandbox, shop, "4970100000000002", vads_order_id="ORD-A")
    _s, doc = rest(sandbox, "Transaction/Get", {"uuid": ok}, site, pw)
    assert (doc["applicationProvider"], doc["mode"], doc["webService"]) == \
        ("SYSTEMPAY", "TEST", "Transaction/Get")
    a = doc["answer"]
    assert (a["shopId"], a["uuid"], a["status"], a["detailedStatus"]) == (site, ok, "PAID", "AUTHORISED")
    card = a["transactionDetails"]["cardDetails"]
    assert card["_type"] == "V4/PaymentMethod/Details/CardDetails"
    assert card["legacyTransId"] == sandbox.transaction(ok)["trans_id"]
    assert a["transactionDetails"]["effectiveAmount"] == 4525
    _s, doc = rest(sandbox, "Transaction/Get", {"uuid": refused}, site, pw)
    assert (doc["answer"]["status"], doc["answer"]["errorCode"], doc["answer"]["detailedErrorCode"]) == \
        ("UNPAID", "ACQ_001", "51")
    _s, doc = rest(sandbox, "Transaction/Get", {"uuid": failed_3ds}, site, pw)
    assert doc["answer"]["errorCode"] == "PSP_003"
    _s, doc = rest(sandbox, "Order/Get", {"orderId": "ORD-A"}, site, pw)
    assert doc["answer"]["shopId"] == site
    assert [t["uuid"] for t in doc["answer"]["transactions"]] == [ok, refused, failed_3ds]
    _s, doc = rest(sandbox, "Transaction/CancelOrRefund", {"uuid": ok, "amount": 1000}, site, pw)
    assert (doc["answer"]["detailedStatus"], doc["answer"]["amount"]) == ("AUTHORISED", 1000)
    _s, doc = rest(sandbox, "Transaction/CancelOrRefund",
                   {"uuid": ok, "resolutionMode": "CANCELLATION_ONLY"}, site, pw)
    assert doc["answer"]["detailedStatus"] == "CANCELLED"


def test_rest_every_error_path_matches_the_schema(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop()
    site, pw = shop["site_id"], shop["certificates"]["test_rest_password"]
    other = sandbox.new_shop()
    ok = pay(sandbox, shop, vads_order_id="ERR-1")
    refused = pay(sandbox, shop, "4970100000000098")
    foreign = pay(sandbox, other)
    auth_failures = {
        "no header": "", "not basic": "Bearer abc", "bad base64": "Basic !!!",
        "wrong password": "Basic " + base64.b64encode(f"{site}:testpassword_nope".encode()).decode(),
        "unknown shop": "Basic " + base64.b64encode(f"99999999:{pw}".encode()).decode(),
        "no password": "Basic " + base64.b64encode(f"{site}:".encode()).decode(),
    }
    for what, header in auth_failures.items():
        status, doc = rest(sandbox, "Transaction/Get", {"uuid": ok}, site, pw, auth=header)
        assert (status, doc["status"], doc["answer"]["errorCode"]) == (401, "ERROR", "INT_905"), what
    cases = [
        ("Transaction/Get", None, b"{not json", "INT_902"),
        ("Transaction/Get", None, b"[1, 2]", "INT_902"),
        ("Transaction/Get", {}, None, "INT_902"),
        ("Transaction/Get", {"uuid": "f" * 32}, None, "PSP_010"),
        ("Transaction/Get", {"uuid": foreign}, None, "PSP_010"),
        ("Order/Get", {}, None, "INT_902"),
        ("Order/Get", {"orderId": "NO-SUCH-ORDER"}, None, "PSP_010"),
        ("Transaction/CancelOrRefund", {"uuid": ok, "resolutionMode": "MAYBE"}, None, "INT_902"),
        ("Transaction/CancelOrRefund", {"uuid": ok, "amount": 999999}, None, "PSP_020"),
        ("Transaction/CancelOrRefund", {"uuid": ok, "resolutionMode": "REFUND_ONLY"}, None, "PSP_076"),
        ("Transaction/CancelOrRefund", {"uuid": refused}, None, "PSP_011"),
        ("Transaction/Validate", {"uuid": ok}, None, "PSP_011"),
    ]
    for service, body, raw, code in cases:
        status, doc = rest(sandbox, service, body, site, pw, raw=raw)
        assert (status, doc["status"], doc["answer"]["errorCode"]) == (200, "ERROR", code), (service, body)
        assert doc["answer"]["shopId"] == site and doc["mode"] == "TEST"
    for service in ("Charge/SDKTest", "Charge/CreatePayment"):  # out of scope (README section 9)
        status, doc = rest(sandbox, service, {"amount": 100, "currency": "EUR"}, site, pw)
        assert (status, doc["answer"]["errorCode"]) == (404, "INT_909"), service


def test_rest_order_get_too_many_results(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop()
    site, pw = shop["site_id"], shop["certificates"]["test_rest_password"]
    for _n in range(31):
        pay(sandbox, shop, vads_order_id="BIG")
    _s, doc = rest(sandbox, "Order/Get", {"orderId": "BIG"}, site, pw)
    assert doc["answer"]["errorCode"] == "PSP_015"


# ---------------------------------------------------------------------------- Back Office keys
def test_rest_keys_per_mode_in_the_operator_api(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop()
    site = shop["site_id"]
    keys = sandbox.ok("GET", f"shops/{site}/rest-keys")
    assert keys["PRODUCTION"] is None
    test = keys["TEST"]
    assert test["password"] == shop["certificates"]["test_rest_password"]
    assert re.fullmatch(rf"{site}:testpublickey_[A-Za-z0-9]{{40}}", test["public_key"])
    assert re.fullmatch(r"[A-Za-z0-9]{44}", test["hmac_sha256_key"])
    assert test["brand_api_url"] == "https://api.payzen.eu/api-payment/"
    sandbox.ok("POST", f"shops/{site}/certificates/production", expect=201)
    keys = sandbox.ok("GET", f"shops/{site}/rest-keys")
    prod = keys["PRODUCTION"]
    assert prod["password"].startswith("prodpassword_")
    assert re.fullmatch(rf"{site}:publickey_[A-Za-z0-9]{{40}}", prod["public_key"])
    assert prod["hmac_sha256_key"] != test["hmac_sha256_key"]
    certs = sandbox.ok("GET", f"shops/{site}/certificates")
    assert certs["production_rest_password"] == prod["password"]
    assert certs["production_rest_public_key"] == prod["public_key"]
    assert certs["test_rest_hmac_sha256_key"] == test["hmac_sha256_key"]
    # The password the page shows is the one the REST API takes, for PRODUCTION.
    _s, doc = rest(sandbox, "Order/Get", {"orderId": "none"}, site, prod["password"])
    assert doc["mode"] == "PRODUCTION" and doc["answer"]["errorCode"] == "PSP_010"
    # Regenerating the production key keeps the REST keys (different secrets).
    sandbox.ok("POST", f"shops/{site}/certificates/production/regenerate")
    assert sandbox.ok("GET", f"shops/{site}/rest-keys")["PRODUCTION"] == prod

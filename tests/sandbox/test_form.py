"""Rules of the payment form endpoint, against a real server on loopback."""
from __future__ import annotations

from typing import Any

from .conftest import Sandbox, build_form, metas, sign, utc_stamp


def key_of(shop: dict[str, Any], mode: str = "TEST") -> str:
    return shop["certificates"]["test_key" if mode == "TEST" else "production_key"]


def error_of(page: str) -> tuple[str, str, str]:
    m = metas(page)
    assert m.get("vads-page") == "error", m
    assert f'data-error-code="{m["vads-error-code"]}"' in page
    return m["vads-error-code"], m.get("vads-error-field", ""), m["vads-error-reason"]


def test_valid_form_opens_payment_page(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    page = sandbox.post_form(build_form(shop["site_id"], key_of(shop), vads_order_id="O-1"))
    m = metas(page)
    assert m["vads-page"] == "payment" and m["vads-ctx-mode"] == "TEST"
    assert 'name="card_number"' in page and 'action="/vads-payment/pay"' in page
    assert 'name="session"' in page


def test_sandbox_card_shortcut_accepted_and_refused(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    expected = {"4970100000000000": ("AUTHORISED", "00", "00"),
                "4970100000000003": ("AUTHORISED", "00", "00"),
                "4970100000000098": ("REFUSED", "05", "51")}
    for card, (status, result, auth) in expected.items():
        page = sandbox.post_form(build_form(shop["site_id"], key_of(shop), sandbox_card=card))
        m = metas(page)
        assert (m["vads-page"], m["vads-trans-status"], m["vads-result"], m["vads-auth-result"]) == \
            ("result", status, result, auth)
        assert len(m["vads-trans-uuid"]) == 32
        tx = sandbox.transaction(m["vads-trans-uuid"])
        assert tx["status"] == status and tx["mode"] == "TEST"
        assert tx["notification"]["status"] == "not sent"  # no rule URL set


def test_tampered_form_gets_00_naming_the_field_in_test(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    form = build_form(shop["site_id"], key_of(shop))
    form["vads_amount"] = "1"
    assert error_of(sandbox.post_form(form)) == ("00", "signature", "bad_signature")


def test_wrong_algorithm_gets_00(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    form = build_form(shop["site_id"], key_of(shop), algo="SHA-1")
    assert error_of(sandbox.post_form(form))[0] == "00"


def test_sha1_shop(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop(sign_algo="SHA-1")
    page = sandbox.post_form(build_form(shop["site_id"], key_of(shop), algo="SHA-1"))
    assert metas(page)["vads-page"] == "payment"


def test_bad_ctx_mode_gets_11(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    for bad in ("PROD", "Production", "test", ""):
        form = build_form(shop["site_id"], key_of(shop), vads_ctx_mode=bad)
        assert error_of(sandbox.post_form(form))[:2] == ("11", "vads_ctx_mode"), bad


def test_missing_signature_gets_70(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    form = build_form(shop["site_id"], key_of(shop))
    del form["signature"]
    assert error_of(sandbox.post_form(form))[0] == "70"
    form["signature"] = ""
    assert error_of(sandbox.post_form(form))[0] == "70"


def test_unknown_or_malformed_site_id_gets_02(sandbox: Sandbox) -> None:
    assert error_of(sandbox.post_form(build_form("00000001", "1122334455667788")))[0] == "02"
    assert error_of(sandbox.post_form(build_form("1234", "1122334455667788")))[0] == "02"


def test_duplicate_trans_id_same_day_gets_03(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    form = build_form(shop["site_id"], key_of(shop))
    assert metas(sandbox.post_form(form))["vads-page"] == "payment"
    assert error_of(sandbox.post_form(form)) == ("03", "vads_trans_id", "duplicate_trans_id")
    # Same trans id in PRODUCTION mode of another shop is fine: uniqueness is per shop.
    other = sandbox.new_shop()
    again = build_form(other["site_id"], key_of(other), vads_trans_id=form["vads_trans_id"])
    assert metas(sandbox.post_form(again))["vads-page"] == "payment"


def test_bad_trans_id_format_gets_03(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    for bad in ("12345", "1234567", "12-456"):
        form = build_form(shop["site_id"], key_of(shop), vads_trans_id=bad)
        assert error_of(sandbox.post_form(form))[:2] == ("03", "vads_trans_id"), bad


def test_trans_date_window_04(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    key = key_of(shop)
    for offset in (-31 * 60, 91 * 60):
        form = build_form(shop["site_id"], key, vads_trans_date=utc_stamp(offset))
        assert error_of(sandbox.post_form(form)) == ("04", "vads_trans_date", "trans_date_out_of_window")
    for offset in (-29 * 60, 89 * 60):
        form = build_form(shop["site_id"], key, vads_trans_date=utc_stamp(offset))
        assert metas(sandbox.post_form(form))["vads-page"] == "payment", offset
    form = build_form(shop["site_id"], key, vads_trans_date="2026-01-01")
    assert error_of(sandbox.post_form(form))[0] == "04"


def test_production_refused_until_key_exists(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    site = shop["site_id"]
    # Signed with the test key, as a merchant would who switched the mode too early.
    form = build_form(site, key_of(shop), mode="PRODUCTION")
    code, field, reason = error_of(sandbox.post_form(form))
    assert (code, reason) == ("00", "production_key_missing")
    assert field == ""  # PRODUCTION error pages are generic
    mails = sandbox.ok("GET", f"outbox?site_id={site}&kind=production_form_rejected")["emails"]
    assert mails and "error 00" in mails[-1]["body"]

    certs = sandbox.ok("POST", f"shops/{site}/certificates/production", expect=201)
    form = build_form(site, certs["production_key"], mode="PRODUCTION")
    assert metas(sandbox.post_form(form))["vads-page"] == "payment"
    # TEST keeps working afterwards.
    assert metas(sandbox.post_form(build_form(site, key_of(shop))))["vads-page"] == "payment"


def test_production_error_is_generic_and_mailed(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    site = shop["site_id"]
    certs = sandbox.ok("POST", f"shops/{site}/certificates/production", expect=201)
    form = build_form(site, certs["production_key"], mode="PRODUCTION", vads_order_id="BAD-1")
    form["vads_order_id"] = "BAD-2"
    page = sandbox.post_form(form)
    assert error_of(page) == ("00", "", "bad_signature")
    assert "vads-error-field" not in page
    mail = sandbox.ok("GET", f"outbox?site_id={site}&kind=production_form_rejected")["emails"][-1]
    assert "vads_order_id=BAD-2" in mail["body"]


def test_payment_page_flow_over_http(sandbox: Sandbox, shop: dict[str, Any]) -> None:
    page = sandbox.post_form(build_form(shop["site_id"], key_of(shop)))
    session = metas(page)["vads-session"]
    bad = sandbox.post_form({"session": session, "card_number": "not a card"}, "/vads-payment/pay")
    assert metas(bad)["vads-page"] == "payment" and 'id="card-error"' in bad
    done = sandbox.post_form({"session": session, "card_number": "4970 1000 0000 0000"},
                             "/vads-payment/pay")
    m = metas(done)
    assert m["vads-trans-status"] == "AUTHORISED"
    # A second submit of the same session shows the same result, no second payment.
    again = sandbox.post_form({"session": session, "card_number": "4970100000000003"},
                              "/vads-payment/pay")
    assert metas(again)["vads-trans-uuid"] == m["vads-trans-uuid"]
    unknown = sandbox.post_form({"session": "0" * 32, "card_number": "4970100000000000"},
                                "/vads-payment/pay")
    assert metas(unknown)["vads-error-code"] == "SESSION"


def test_independent_signature_matches_sandbox_for_unicode(sandbox: Sandbox,
                                                           shop: dict[str, Any]) -> None:
    form = build_form(shop["site_id"], key_of(shop), vads_cust_name="Zoë Ünïcødé + co",
                      vads_order_info="")
    assert form["signature"] == sign({k: v for k, v in form.items() if k != "signature"},
                                     key_of(shop))
    assert metas(sandbox.post_form(form))["vads-page"] == "payment"

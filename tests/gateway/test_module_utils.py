"""Unit tests of module_utils/gateway.py and module_utils/backoffice.py (no network)."""
from __future__ import annotations

import pytest

from ansible_collections.vads.shop.plugins.module_utils import backoffice as bo
from ansible_collections.vads.shop.plugins.module_utils import gateway as gw
from ansible_collections.vads.shop.plugins.module_utils.signature import verify


def no_dns(host):
    return None


def fake_dns(table):
    return table.get


@pytest.mark.parametrize("url, mode, sandbox, expected", [
    ("https://shop.example.com/ipn", "PRODUCTION", False, []),
    ("http://shop.example.com/ipn", "TEST", False, []),
    ("http://shop.example.com/ipn", "PRODUCTION", False, ["https://"]),
    ("http://shop.example.com/ipn", "PRODUCTION", True, ["https://"]),
    ("https://127.0.0.1/ipn", "PRODUCTION", False, ["loopback"]),
    ("https://[::1]/ipn", "PRODUCTION", False, ["loopback"]),
    ("https://localhost/ipn", "PRODUCTION", False, ["loopback"]),
    ("https://10.0.0.5/ipn", "PRODUCTION", False, ["private"]),
    ("https://192.168.1.2/ipn", "PRODUCTION", False, ["private"]),
    ("https://169.254.169.254/ipn", "PRODUCTION", False, ["link-local"]),
    ("https://[fe80::1]/ipn", "PRODUCTION", False, ["link-local"]),
    ("https://intranet/ipn", "PRODUCTION", False, ["internal name"]),
    ("https://shop.internal/ipn", "PRODUCTION", False, ["internal name"]),
    ("https://user:secret@shop.example.com/ipn", "TEST", False, ["credentials"]),
    ("https://shop.example.com/ipn#frag", "PRODUCTION", False, ["fragment"]),
    ("/ipn", "TEST", False, ["not absolute"]),
    ("shop.example.com/ipn", "PRODUCTION", False, ["not absolute"]),
    ("ftp://shop.example.com/ipn", "PRODUCTION", False, ["not absolute"]),
    ("http://127.0.0.1:8080/demo-merchant/ipn/12345678", "PRODUCTION", True, []),
    ("https://10.0.0.5/ipn", "TEST", False, []),
])
def test_url_validation(url, mode, sandbox, expected):
    problems = gw.notification_url_problems(url, mode, sandbox=sandbox, resolver=no_dns)
    assert len(problems) == len(expected), problems
    for word, problem in zip(expected, problems):
        assert word in problem
    assert not any("secret" in p for p in problems)


def test_url_validation_checks_resolved_addresses():
    resolver = fake_dns({"shop.example.com": ["10.1.2.3"], "ok.example.com": ["93.184.216.34"]})
    assert "resolves to 10.1.2.3" in gw.notification_url_problems(
        "https://shop.example.com/", "PRODUCTION", resolver=resolver)[0]
    assert gw.notification_url_problems("https://ok.example.com/", "PRODUCTION", resolver=resolver) == []


def test_brand_table():
    assert gw.form_url("payzen") == ("https://secure.payzen.eu/vads-payment/", None)
    assert gw.form_url("systempay")[0] == "https://paiement.systempay.fr/vads-payment/"
    assert gw.form_url("osb")[0] == "https://secure.osb.pf/vads-payment/"
    for brand in ("sogecommerce", "scellius", "clicandpay", "lyra", "lyracollect", "epaync"):
        assert gw.form_url(brand)[0].endswith("/vads-payment/")
    assert gw.rest_base("payzen") == ("https://api.payzen.eu/api-payment/V4/", None)
    assert gw.rest_base("systempay")[0] == "https://api.systempay.fr/api-payment/V4/"
    assert gw.rest_base("lyracollect")[0] == "https://api.lyra.com/api-payment/V4/"
    url, problem = gw.rest_base("sogecommerce")
    assert url is None and "api_url" in problem
    assert gw.rest_base("sogecommerce", "http://127.0.0.1:1/")[0] == "http://127.0.0.1:1/api-payment/V4/"
    assert gw.form_url("nope")[1]


def test_form_builder_signature_test_vector():
    fields = gw.build_form("12345678", "TEST", "1122334455667788", "HMAC-SHA-256", amount=5124, currency="978",
                           trans_id="123456", date="20170129130025")
    assert fields["signature"] == "ycA5Do5tNvsnKdc/eP1bj2xa19z9q3iWPy9/rpesfS0="
    sha1 = gw.build_form("12345678", "TEST", "1122334455667788", "SHA-1", amount=5124, trans_id="123456",
                         date="20170129130025")
    assert sha1["signature"] == "59c96b34c74b9375c332b0b6a32e6deeec87de2b"


def test_form_builder_fresh_fields():
    fields = gw.build_form("12345678", "PRODUCTION", "1122334455667788", order_id="X", extra={"vads_url_check": "https://a/"})
    assert len(fields["vads_trans_date"]) == 14 and fields["vads_trans_date"].isdigit()
    assert len(fields["vads_trans_id"]) == 6 and fields["vads_trans_id"].isalnum()
    assert fields["vads_amount"] == "200" and fields["vads_version"] == "V2"
    assert verify(fields, "1122334455667788")
    ids = set(gw.new_trans_id() for dummy in range(200))
    assert len(ids) > 190


def test_synthetic_notification_is_signed_and_labelled():
    fields = gw.synthetic_notification("12345678", "PRODUCTION", "1122334455667788", "SHA-1")
    assert fields["vads_order_id"].startswith("VADS-SHOP-PROBE-")
    assert verify(fields, "1122334455667788", "SHA-1")


def test_read_payment_page():
    error = ('<meta name="vads-page" content="error"><meta name="vads-error-code" content="00">'
             '<meta name="vads-error-field" content="signature"><meta name="vads-error-reason" content="bad_signature">')
    page = gw.read_payment_page(200, error)
    assert (page["accepted"], page["error_code"], page["error_field"], page["error_reason"]) == \
        (False, "00", "signature", "bad_signature")
    result = ('<meta name="vads-page" content="result"><meta name="vads-trans-uuid" content="abc">'
              '<meta name="vads-trans-status" content="AUTHORISED">')
    assert gw.read_payment_page(200, result)["transaction"]["uuid"] == "abc"
    assert gw.read_payment_page(200, "<html>Carte bancaire</html>")["accepted"] is True


def test_password_mode():
    assert gw.password_mode("testpassword_abc") == "TEST"
    assert gw.password_mode("prodpassword_abc") == "PRODUCTION"
    assert gw.password_mode("1122334455667788") is None


def test_fleet_merge_and_spec():
    params = {"name": None, "backoffice": {"adapter": "sandbox", "url": "u", "token": "t"}, "site_id": None,
              "shops": [{"site_id": "12345678", "backoffice": {"token": "other"}}, {"site_id": "23456789"}]}
    shops = gw.merge_fleet(params, ["name", "backoffice", "site_id"], dict_options=("backoffice",))
    assert shops[0]["backoffice"] == {"adapter": "sandbox", "url": "u", "token": "other"}
    assert shops[1]["backoffice"]["token"] == "t"
    spec = gw.fleet_argument_spec({"mode": {"type": "str", "default": "PRODUCTION"},
                                   "backoffice": bo.BACKOFFICE_SPEC})
    assert "default" not in spec["shops"]["options"]["mode"]
    assert "default" not in spec["shops"]["options"]["backoffice"]["options"]["adapter"]
    assert spec["shops"]["options"]["backoffice"]["options"]["token"]["no_log"] is True


def test_retries_with_backoff(monkeypatch):
    answers = [gw.Response(503, {}, b"", 1), gw.TransportError("timeout", timeout=True), gw.Response(200, {}, b"{}", 1)]
    slept = []

    def fake(method, url, body, headers, timeout):
        answer = answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer
    monkeypatch.setattr(gw, "request_once", fake)
    resp = gw.request("GET", "http://x/", retries=3, sleep=slept.append)
    assert resp.status == 200 and slept == [0.5, 1.0]


def test_manual_instructions():
    item = bo.instructions("notification_url_production", "12345678", "https://shop.example.com/ipn", "lyon")
    assert item["fr"] == ("Paramétrage > Règles de notification > URL de notification à la fin du paiement > "
                          "URL à appeler en mode PRODUCTION")
    assert item["en"] == ("Settings > Notification rules > Instant Payment Notification URL at the end of the "
                          "payment > URL to call in PRODUCTION mode")
    assert item["value"] == "https://shop.example.com/ipn"
    assert "lyon (site 12345678)" in item["text"]
    key = bo.instructions("production_key", "12345678")
    assert "Générer le certificat de production" in key["fr"] and "Certificates" in key["en"]
    regen = bo.instructions("production_key_regenerated", "12345678")
    assert "Générer à nouveau" in regen["fr"]


def test_checklist_idempotent(tmp_path):
    path = str(tmp_path / "checklist.md")

    def run(url, done=False, check=False):
        checklist = bo.Checklist(path)
        checklist.add(bo.instructions("notification_url_production", "12345678", url, "lyon"), done)
        checklist.add(bo.instructions("production_key", "23456789", None, "nice"))
        return checklist.commit(check)

    assert run("https://a.example.com/", check=True)["changed"] is True
    assert not (tmp_path / "checklist.md").exists()
    assert run("https://a.example.com/")["changed"] is True
    first = (tmp_path / "checklist.md").read_text()
    assert first.count("- [ ]") == 2
    assert run("https://a.example.com/")["changed"] is False
    assert (tmp_path / "checklist.md").read_text() == first
    # an operator ticks a line: kept
    (tmp_path / "checklist.md").write_text(first.replace("- [ ] 14.1 nice", "- [x] 14.1 nice"))
    assert run("https://a.example.com/")["changed"] is False
    # the URL changes: the line is rewritten in place, not duplicated
    assert run("https://b.example.com/")["changed"] is True
    text = (tmp_path / "checklist.md").read_text()
    assert text.count("12345678:notification_url_production") == 1 and "b.example.com" in text
    assert "a.example.com" not in text
    # declared done: ticked
    assert run("https://b.example.com/", done=True)["changed"] is True
    assert "- [x] 14.2 (3) lyon" in (tmp_path / "checklist.md").read_text()
    assert run("https://b.example.com/", done=True)["changed"] is False

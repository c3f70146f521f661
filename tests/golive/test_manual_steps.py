"""The pieces of the real platform's path, one module call each, against a real sandbox on loopback:
manual_done names, the probe signing as the store does, rotation fingerprints, unset keys, replace."""

import hashlib
import json
import sys

import pytest

from support.runner import REPO, run_module

sys.path.insert(0, str(REPO / "tools"))
from demo_fleet import Sandbox  # noqa: E402

from ansible_collections.vads.shop.plugins.filter import fleet  # noqa: E402
from ansible_collections.vads.shop.plugins.filter.vads import fingerprint as fingerprint_filter  # noqa: E402


def fp(key):
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()[:8]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    box = Sandbox(tmp_path_factory.mktemp("sandbox"), retry_schedule="0.2,0.2,0.2,0.2").start()
    yield box
    box.stop()


_ids = iter(range(40000001, 49999999, 7))


def new_shop(sandbox, tmp_path, production=True, sign_algo="HMAC-SHA-256", one_key=False, key_prod=None):
    site_id = str(next(_ids))
    created = sandbox.api("POST", "shops", {"site_id": site_id, "sign_algo": sign_algo})
    certs = sandbox.api("POST", "shops/%s/certificates/production" % site_id) if production else created["certificates"]
    path = tmp_path / ("%s.env" % site_id)
    if one_key:
        path.write_text("VADS_SITE_ID=%s\nVADS_CTX_MODE=TEST\nVADS_CERTIFICATE=%s\nVADS_SIGN_ALGO=%s\n"
                        % (site_id, created["certificates"]["test_key"], sign_algo))
        store = {"type": "dotenv", "path": str(path), "keys": {"key": "VADS_CERTIFICATE"}}
    else:
        prod = key_prod if key_prod is not None else (certs.get("production_key") or "")
        path.write_text("VADS_SITE_ID=%s\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=%s\nVADS_KEY_PROD=%s\nVADS_SIGN_ALGO=%s\n"
                        % (site_id, created["certificates"]["test_key"], prod, sign_algo))
        store = {"type": "dotenv", "path": str(path)}
    return {"site_id": site_id, "store": store, "path": path, "certs": certs,
            "url": "%s/demo-merchant/ipn/%s" % (sandbox.url, site_id)}


MANUAL = {"adapter": "manual"}


def test_misspelt_manual_done_is_refused_naming_the_valid_names(sandbox, tmp_path):
    shop = new_shop(sandbox, tmp_path)
    for module, args in (("notification_url", {"url": "https://shop.example.com/ipn", "mode": "PRODUCTION"}),
                         ("backoffice_certificate", {})):
        run = run_module(module, dict(args, backoffice=MANUAL, site_id=shop["site_id"],
                                      manual_done=["production_key", "notification_url_prodution"]))
        assert run.failed, run.output
        msg = run.result["msg"]
        assert "'notification_url_prodution'" in msg and "notification_url_production" in msg
        assert "first_payment" in msg and "notification_sent" in msg  # 14.3 has names too
    # The role's preflight says it too, per shop.
    problems = fleet.golive_preflight(
        [{"name": "lyon", "site_id": shop["site_id"], "notification_url": "https://x.example.com/ipn", "brand": "payzen",
          "key_prod": "A" * 16, "manual_done": ["production_kye"]}], {"shops": []}, MANUAL)
    assert any("'production_kye'" in p and "valid names are" in p for p in problems), problems
    # The role's stop message: the preflight module's problems, then the filter's, each named once.
    lyon = {"name": "lyon", "site_id": shop["site_id"], "store": shop["store"],
            "notification_url": "https://x.example.com/ipn", "manual_done": ["production_kye"]}
    run = run_module("preflight", {"backoffice": MANUAL, "shops": [lyon],
                                   "secrets": json.dumps({"lyon": {"key_prod": "A" * 16}})})
    assert not run.failed and not run.changed, run.output
    named = run.result["problems"] + fleet.golive_preflight([dict(lyon, key_prod="A" * 16, brand="payzen")],
                                                             {"shops": []}, MANUAL, "verify", "", run.result["shops"])
    assert sum(p.count("'production_kye'") for p in named) == 1, named
    assert any(p.startswith("shop 'lyon': 14.2 notification URL: manual_done holds") for p in named), named
    assert any(p.startswith("Back Office work must be done") for p in named), named  # the filter's own still there


def test_preflight_sees_what_would_stop_a_host_after_a_change():
    """A shop without brand (real platform) and undeclared Back Office steps stop the host in preflight."""
    shops = [{"name": "lyon", "site_id": "40127895", "notification_url": "https://lyon.example.com/ipn",
              "key_prod": "A1b2C3d4E5f6G7h8"},
             {"name": "nice", "site_id": "23456789", "notification_url": "https://nice.example.com/ipn",
              "brand": "payzen", "key_prod": "H8g7F6e5D4c3B2a1", "manual_done": ["production_key"]}]
    problems = fleet.golive_preflight(shops, {"shops": []}, MANUAL)
    assert any("shop 'lyon': brand is required" in p for p in problems), problems
    pending = [p for p in problems if p.startswith("Back Office work must be done")]
    assert len(pending) == 1
    for needle in ("lyon (site 40127895) [manual_done: production_key]",
                   "lyon (site 40127895) [manual_done: notification_url_production]",
                   "nice (site 23456789) [manual_done: notification_url_production]"):
        assert needle in pending[0]
    assert "nice (site 23456789) [manual_done: production_key]" not in pending[0]
    assert fleet.golive_preflight(shops, {"shops": []}, MANUAL, "verify", "http://127.0.0.1:1") == problems[1:]
    items = fleet.golive_checklist(shops, MANUAL)
    assert [i["step"] for i in items if i["shop"] == "nice"] == [
        "production_key", "notification_url_production", "first_payment", "first_payment_cancelled",
        "notification_sent"]
    assert all(i["fr"] and i["en"] and i["chapter"] for i in items)
    assert [i["step"] for i in fleet.golive_checklist(shops, MANUAL, "skip") if i["shop"] == "nice"] == [
        "production_key", "notification_url_production"]
    assert fleet.golive_checklist(shops, {"adapter": "sandbox"}) == []


def test_manual_probe_signs_with_the_store_key_and_algorithm(sandbox, tmp_path):
    """No probe_key, no Back Office to read: the SHA-1 store's production key signs the probe (no crash)."""
    shop = new_shop(sandbox, tmp_path, sign_algo="SHA-1")
    args = {"backoffice": MANUAL, "site_id": shop["site_id"], "mode": "PRODUCTION", "url": shop["url"],
            "probe": True, "store": shop["store"], "gateway_url": sandbox.url,
            "manual_done": ["notification_url_production"]}
    run = run_module("notification_url", args)
    assert not run.failed, run.output
    result = run.result["shops"][0]
    assert result["status"] == "declared_done" and result["probe"]["ok"] is True and result["probe"]["http_code"] == 200
    received = json.loads(__import__("urllib.request").request.urlopen(
        "%s/demo-merchant/received?site_id=%s" % (sandbox.url, shop["site_id"])).read())["received"]
    assert received and received[-1]["signature_valid"] is True
    assert received[-1]["fields"]["vads_ctx_mode"] == "PRODUCTION"
    # Without a store or probe_key: a clear error before anything, not a crash.
    bare = dict(args)
    bare.pop("store")
    run = run_module("notification_url", bare)
    assert run.failed and "probe_key or store is required" in run.result["msg"], run.output
    assert "Traceback" not in run.output and shop["certs"]["production_key"] not in run.output


def test_regenerate_from_that_matches_no_current_key_is_an_error(sandbox, tmp_path):
    shop = new_shop(sandbox, tmp_path)
    key = shop["certs"]["production_key"]
    before = shop["path"].read_bytes()
    args = {"backoffice": sandbox.backoffice(), "site_id": shop["site_id"], "state": "regenerated",
            "regenerate_from": "sha256:00000000", "store": shop["store"]}
    for check in (True, False):
        run = run_module("backoffice_certificate", args, check=check)
        assert run.failed, run.output
        assert "sha256:00000000" in run.result["msg"] and fp(key) in run.result["msg"], run.result["msg"]
    assert sandbox.api("GET", "shops/%s/certificates" % shop["site_id"])["production_key"] == key
    assert shop["path"].read_bytes() == before
    # The right fingerprint rotates; the rerun with the recorded new fingerprint changes nothing.
    run = run_module("backoffice_certificate", dict(args, regenerate_from=fp(key)))
    assert run.changed and run.result["shops"][0]["status"] == "regenerated", run.output
    new = sandbox.api("GET", "shops/%s/certificates" % shop["site_id"])["production_key"]
    assert run.result["shops"][0]["fingerprint"] == fp(new) and run.result["shops"][0]["store"]["fingerprint"] == fp(new)
    rerun = run_module("backoffice_certificate", dict(args, regenerate_from=fp(key), regenerated_to=fp(new)))
    assert not rerun.failed and not rerun.changed and rerun.result["shops"][0]["status"] == "already_regenerated"
    # Without the record, the old fingerprint now matches nothing: an error, not a silent no-op...
    rerun = run_module("backoffice_certificate", dict(args, regenerate_from=fp(key)))
    assert rerun.failed and fp(new) in rerun.result["msg"]
    # ... and force rotates anyway.
    forced = run_module("backoffice_certificate", dict(args, force=True))
    assert forced.changed and forced.result["shops"][0]["status"] == "regenerated"
    for run in (forced, rerun):
        assert new not in run.output and key not in run.output


def test_unset_key_is_null_not_the_fingerprint_of_the_empty_string(sandbox, tmp_path):
    shop = new_shop(sandbox, tmp_path, production=False, key_prod="")
    info = run_module("shop_info", {"store": shop["store"]}).result["shops"][0]
    assert info["key_prod_fingerprint"] is None and info["key_test_fingerprint"].startswith("sha256:")
    assert fingerprint_filter("") is None and fingerprint_filter("  ") is None
    assert "sha256:e3b0c442" not in json.dumps(info)
    assert fleet.golive_changes([{"name": "a"}], {"shops": [{"name": "a", "key_prod_fingerprint": None}]},
                                {"shops": [{"name": "a", "key_prod_fingerprint": "sha256:1a2b3c4d"}]}) == \
        ["shop 'a': production key not set -> sha256:1a2b3c4d"]


def test_replacing_another_real_production_key_needs_replace(sandbox, tmp_path):
    shop = new_shop(sandbox, tmp_path)
    old = shop["certs"]["production_key"]
    new = "Zx9" + old[3:] if not old.startswith("Zx9") else "Qw8" + old[3:]
    before = shop["path"].read_bytes()
    args = {"store": shop["store"], "mode": "PRODUCTION", "value": new}
    for check in (True, False):
        run = run_module("certificate", args, check=check)
        assert run.failed and fp(old) in run.result["msg"] and fp(new) in run.result["msg"], run.output
    assert shop["path"].read_bytes() == before
    run = run_module("certificate", dict(args, replace=True))
    assert run.changed, run.output
    result = run.result["shops"][0]
    assert (result["fingerprint_before"], result["fingerprint"]) == (fp(old), fp(new))
    assert new not in run.output and old not in run.output
    # The go-live's preflight (manual adapter, the vault's key_prod) names it as the go-live's user acts on it.
    shop = new_shop(sandbox, tmp_path)
    old = shop["certs"]["production_key"]
    before = shop["path"].read_bytes()
    run = run_module("preflight", {"backoffice": MANUAL, "secrets": json.dumps({"lyon": {"key_prod": new}}),
                                   "shops": [{"name": "lyon", "site_id": shop["site_id"], "store": shop["store"],
                                              "notification_url": "https://x.example.com/ipn",
                                              "manual_done": ["production_key", "notification_url_production"]}]})
    assert not run.failed and not run.changed, run.output
    assert run.result["problems"] == [
        "shop 'lyon': 14.1 production key: the store already holds another production key (%s); installing %s "
        "would replace it: if the store's key is the right one, put it in the vault as key_prod; to roll out a new "
        "production key, run playbooks/rotate_certificate.yml (14.4), not the go-live" % (fp(old), fp(new))]
    assert shop["path"].read_bytes() == before and new not in run.output and old not in run.output
    # A placeholder is replaced without it.
    shop = new_shop(sandbox, tmp_path, key_prod="2222222222222222")
    run = run_module("certificate", {"store": shop["store"], "mode": "PRODUCTION", "value": new})
    assert run.changed and not run.failed, run.output


def test_resend_after_a_failed_notification(sandbox, tmp_path):
    """Issue 12: a notification that failed every attempt is resent (sandbox adapter) once the endpoint is
    fixed; the manual adapter gives the Back Office path instead."""
    shop = new_shop(sandbox, tmp_path)
    url = shop["url"] + "?fail=5&tag=resend"
    sandbox.api("PUT", "shops/%s/notification-rules/payment-end" % shop["site_id"], {"production_url": url})
    run = run_module("ctx_mode", {"store": shop["store"], "mode": "PRODUCTION"})
    assert run.changed, run.output
    paid = run_module("payment_probe", {"store": shop["store"], "gateway_url": sandbox.url + "/vads-payment/",
                                        "card": "4970100000000000", "order_id": "RESEND-1"})
    uuid = paid.result["shops"][0]["transaction"]["uuid"]
    args = {"site_id": shop["site_id"], "password": shop["certs"]["production_rest_password"], "api_url": sandbox.url,
            "uuid": uuid, "backoffice": sandbox.backoffice(), "wait_notification": 20}
    first = run_module("transaction", args)
    assert first.result["shops"][0]["notification"]["status"] == "failed", first.output
    dry = run_module("transaction", dict(args, resend_notification=True), check=True)
    assert dry.changed and dry.result["shops"][0]["notification"]["status"] == "failed"
    fixed = run_module("transaction", dict(args, resend_notification=True))
    note = fixed.result["shops"][0]["notification"]
    assert fixed.changed and note["resent"] and note["status"] == "sent" and note["attempts"] == 6, fixed.output
    again = run_module("transaction", dict(args, resend_notification=True))
    assert not again.changed and again.result["shops"][0]["notification"]["status"] == "sent"
    manual = run_module("transaction", dict(args, backoffice=MANUAL, wait_notification=0))
    note = manual.result["shops"][0]["notification"]
    assert note["status"] == "unknown" and "Renvoyer la notification" in note["resend"]["fr"]


def test_manual_rotation_checks_regenerate_from_against_the_store_and_the_record():
    old, new = "A1b2C3d4E5f6G7h8", "H8g7F6e5D4c3B2a1"
    shop = {"name": "lyon", "regenerate_from": fp(old), "key_prod": new}

    def stores(held):
        return {"shops": [{"name": "lyon", "key_prod_fingerprint": held}]}

    assert fleet.rotation_problems([shop], stores(fp(old)), MANUAL) == []  # the store holds the key to replace
    # A typo while the vault and the store hold the same key: an error naming both, not a silent no-op.
    typo = dict(shop, regenerate_from="sha256:00000000", key_prod=old)
    problems = fleet.rotation_problems([typo], stores(fp(old)), MANUAL)
    assert len(problems) == 1 and "sha256:00000000" in problems[0] and fp(old) in problems[0]
    assert fleet.rotation_problems([typo], stores(fp(old)), MANUAL, True) == []  # force
    # Rolled out by an earlier run: recognised through the record only.
    assert fleet.rotation_problems([shop], stores(fp(new)), MANUAL) != []
    record = fleet.rotation_record([{"name": "lyon", "changed": True, "fingerprint_before": fp(old),
                                     "fingerprint": fp(new)}])
    assert record == {"lyon": {"from": fp(old), "to": fp(new)}}
    assert fleet.rotation_problems([shop], stores(fp(new)), MANUAL, False, record) == []
    assert fleet.rotation_problems([dict(shop, key_prod=old)], stores(fp(old)), MANUAL)[0].endswith(
        "put the regenerated key there")
    assert fleet.rotation_regenerated_to([shop], record) == {"lyon": fp(new)}

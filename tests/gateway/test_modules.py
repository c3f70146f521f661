"""The four gateway-side modules run for real (tests/support/runner.py) against a loopback sandbox."""
from __future__ import annotations

import stat

from support.runner import run_module

from ansible_collections.vads.shop.plugins.module_utils.rules import fingerprint

FOUR = ((True, True), (False, True), (True, False), (False, False))  # (check, expected changed)


def rule(sandbox, site_id):
    return sandbox.api("GET", "shops/%s/notification-rules/payment-end" % site_id)


# ------------------------------------------------------------------------------------------ notification_url
def test_notification_url_four_runs_and_check_mode_changes_nothing(sandbox):
    site_id, _certs = sandbox.new_shop(production_key=True)
    url = sandbox.url + "/demo-merchant/ipn/%s" % site_id
    args = {"backoffice": sandbox.backoffice, "site_id": site_id, "mode": "PRODUCTION", "url": url}
    for check, changed in FOUR:
        before = rule(sandbox, site_id)
        run = run_module("notification_url", args, check=check, diff=True)
        assert not run.failed, run.output
        assert run.changed is changed, (check, run.result)
        shop = run.result["shops"][0]
        assert shop["status"] == "registered"
        if check:
            assert rule(sandbox, site_id) == before  # only GETs in check mode
        if changed:
            assert "+production_url: %s" % url in run.output  # the diff shows before/after
        # url_after is what the Back Office holds after the call, read back (as read, in check mode)
        assert shop["url_after"] == rule(sandbox, site_id)["production_url"] == (before["production_url"] if check
                                                                                  else url)
    assert rule(sandbox, site_id)["production_url"] == url
    assert shop["url_before"] == url


def test_notification_url_probe_ok_and_redirect_is_an_error(sandbox):
    site_id, certs = sandbox.new_shop(production_key=True)
    base = sandbox.url + "/demo-merchant/ipn/%s" % site_id
    args = {"backoffice": sandbox.backoffice, "mode": "PRODUCTION", "probe": True,
            "shops": [{"name": "good", "site_id": site_id, "url": base},
                      {"name": "check-only", "site_id": site_id, "url": base, "mode": "TEST"}]}
    run = run_module("notification_url", args, verbosity=4)
    assert not run.failed, run.output
    probe = run.shop("good")["probe"]
    assert probe["ok"] is True and probe["http_code"] == 200 and probe["redirect"] is False
    assert certs["production_key"] not in run.output and certs["test_key"] not in run.output

    run = run_module("notification_url", {"backoffice": sandbox.backoffice, "site_id": site_id, "mode": "PRODUCTION",
                                          "url": base + "?redirect=1", "probe": True})
    assert run.failed
    probe = run.result["shops"][0]["probe"]
    assert probe["ok"] is False and probe["redirect"] is True and probe["http_code"] == 302
    assert probe["location"] == "/demo-merchant/thanks"
    assert "redirect" in run.result["msg"]

    run = run_module("notification_url", dict(args, shops=None, site_id=site_id, url=base), check=True)
    assert run.result["shops"][0]["probe"]["skipped"] is True


def test_notification_url_http_in_production_fails_naming_the_shop(sandbox):
    site_id, _certs = sandbox.new_shop()
    before = rule(sandbox, site_id)
    run = run_module("notification_url", {
        "backoffice": sandbox.backoffice, "mode": "PRODUCTION",
        "shops": [{"name": "fine", "site_id": site_id, "url": "https://shop.example.com/ipn"},
                  {"name": "lyon", "site_id": site_id, "url": "http://shop.example.com/ipn"},
                  {"name": "nice", "site_id": "123", "url": "https://user:hunter2@shop.example.com/ipn#x"}]})
    assert run.failed and not run.changed
    msg = run.result["msg"]
    assert "'lyon'" in msg and "https://" in msg and "'nice'" in msg and "credentials" in msg
    assert "'fine'" not in msg and "hunter2" not in msg
    assert rule(sandbox, site_id) == before


def test_notification_url_manual_adapter_checklist(tmp_path):
    checklist = tmp_path / "backoffice.md"
    args = {"backoffice": {"adapter": "manual", "checklist": str(checklist)}, "mode": "PRODUCTION",
            "shops": [{"name": "lyon", "site_id": "12345678", "url": "https://lyon.example.com/ipn"},
                      {"name": "nice", "site_id": "23456789", "url": "https://nice.example.com/ipn",
                       "manual_done": ["notification_url_production"]}]}
    for check, changed in FOUR:
        run = run_module("notification_url", args, check=check)
        assert not run.failed, run.output
        assert run.changed is changed
        lyon, nice = run.shop("lyon"), run.shop("nice")
        assert lyon["status"] == "pending_manual" and lyon["changed"] is False
        assert "URL à appeler en mode PRODUCTION" in lyon["instructions"]["fr"]
        assert lyon["instructions"]["value"] == "https://lyon.example.com/ipn"
        assert lyon["url_before"] is None  # the manual adapter cannot see the rule
        assert nice["status"] == "declared_done" and "instructions" not in nice
        assert checklist.exists() is not (check and changed)
    text = checklist.read_text()
    assert text.count("- [ ] 14.2 (3) lyon") == 1 and text.count("- [x] 14.2 (3) nice") == 1
    assert "Settings > Notification rules" in text


# ------------------------------------------------------------------------------------------ backoffice_certificate
def test_backoffice_certificate_generate_regenerate_into_store(sandbox, dotenv):
    site_id, certs = sandbox.new_shop()
    env = dotenv(site_id, key_test=certs["test_key"])
    env.chmod(0o644)
    args = {"backoffice": sandbox.backoffice, "site_id": site_id, "name": "lyon",
            "store": {"type": "dotenv", "path": str(env)}}
    outputs = []
    for check, changed in FOUR:
        run = run_module("backoffice_certificate", args, check=check, diff=True, verbosity=4)
        outputs.append(run.output + repr(run.result))
        assert not run.failed, run.output
        assert run.changed is changed, (check, run.result)
        if check and changed:
            assert sandbox.certificates(site_id)["production_key"] is None  # no POST in check mode
            assert "VADS_KEY_PROD" not in env.read_text()  # no store write either
    key = sandbox.certificates(site_id)["production_key"]  # the canary, fetched straight from the API
    assert key and all(key not in out for out in outputs)
    shop = run.shop("lyon")
    assert shop["status"] == "exists" and shop["fingerprint"] == fingerprint(key)
    assert shop["store"]["fingerprint"] == fingerprint(key) and shop["store"]["changed"] is False
    assert "VADS_KEY_PROD=%s" % key in env.read_text()
    assert stat.S_IMODE(env.stat().st_mode) == 0o640  # 0644 before: only "other" access is removed

    regen = dict(args, state="regenerated", regenerate_from=fingerprint(key))
    outputs = []
    for index, (check, changed) in enumerate(FOUR):
        # After the rotation, reruns carry its record (regenerated_to), as the rotate_certificate role does;
        # without it a stale regenerate_from is an error, not a silent no-op.
        step = regen if index < 2 else dict(regen, regenerated_to=fingerprint(sandbox.certificates(site_id)["production_key"]))
        run = run_module("backoffice_certificate", step, check=check, diff=True, verbosity=4)
        outputs.append(run.output + repr(run.result))
        assert not run.failed, run.output
        assert run.changed is changed, (check, run.result)
    new = sandbox.certificates(site_id)["production_key"]
    assert new != key and all(new not in out and key not in out for out in outputs)
    assert run.shop("lyon")["status"] == "already_regenerated"
    assert "VADS_KEY_PROD=%s" % new in env.read_text()


def test_backoffice_certificate_rotation_is_all_or_nothing(sandbox, dotenv):
    """One shop of the call names a key it does not have: no key of the call is regenerated, no store is
    touched, and the rerun with the right fingerprint rotates both (no key left unrecorded in between)."""
    shops, before = [], {}
    for name in ("lyon", "nice"):
        site_id, certs = sandbox.new_shop(production_key=True)
        env = dotenv(site_id, "PRODUCTION", certs["test_key"], certs["production_key"], name=name + ".env")
        before[name] = (certs["production_key"], env.read_bytes(), env)
        shops.append({"name": name, "site_id": site_id, "store": {"type": "dotenv", "path": str(env)},
                      "regenerate_from": fingerprint(certs["production_key"])})
    wrong = [dict(shops[0]), dict(shops[1], regenerate_from="sha256:00000000")]
    args = {"backoffice": sandbox.backoffice, "state": "regenerated"}
    for check in (True, False):
        run = run_module("backoffice_certificate", dict(args, shops=wrong), check=check, diff=True, verbosity=4)
        assert run.failed and "matches no current key" in run.result["msg"], run.output
        assert "nothing generated: another shop of this call failed its check first" in run.result["msg"]
        lyon = run.shop("lyon")
        assert lyon["status"] == "not_done" and lyon["changed"] is False and lyon["regenerated"] is False
        assert lyon["fingerprint"] == lyon["fingerprint_before"] == fingerprint(before["lyon"][0])
        for name, (key, content, env) in before.items():
            assert sandbox.certificates(shops[0 if name == "lyon" else 1]["site_id"])["production_key"] == key
            assert env.read_bytes() == content
            assert key not in run.output
    run = run_module("backoffice_certificate", dict(args, shops=shops))
    assert not run.failed, run.output
    for index, (name, (key, content, env)) in enumerate(before.items()):
        new = sandbox.certificates(shops[index]["site_id"])["production_key"]
        assert new != key and run.shop(name)["status"] == "regenerated"
        assert run.shop(name)["fingerprint"] == fingerprint(new) and "VADS_KEY_PROD=%s" % new in env.read_text()


def test_backoffice_certificate_bad_store_changes_nothing(sandbox, tmp_path):
    site_id, _certs = sandbox.new_shop()
    run = run_module("backoffice_certificate", {"backoffice": sandbox.backoffice, "site_id": site_id,
                                                "store": {"type": "dotenv", "path": str(tmp_path / "missing.env")}})
    assert run.failed and "does not exist" in run.result["msg"]
    assert sandbox.certificates(site_id)["production_key"] is None


def test_backoffice_certificate_manual(tmp_path):
    checklist = tmp_path / "c.md"
    args = {"backoffice": {"adapter": "manual", "checklist": str(checklist)},
            "shops": [{"site_id": "12345678"}, {"site_id": "23456789", "manual_done": ["production_key"]}]}
    run = run_module("backoffice_certificate", args)
    assert not run.failed, run.output
    first, second = run.result["shops"]
    assert first["status"] == "pending_manual" and first["fingerprint"] is None
    assert "Générer le certificat de production" in first["instructions"]["fr"]
    assert second["status"] == "declared_done"
    assert run_module("backoffice_certificate", args).changed is False
    run = run_module("backoffice_certificate", dict(args, store={"type": "dotenv", "path": str(checklist)}))
    assert run.failed and "vads.shop.certificate" in run.result["msg"]


# ------------------------------------------------------------------------------------------ payment_probe
def test_payment_probe(sandbox, dotenv):
    site_id, certs = sandbox.new_shop(production_key=True)
    gateway = sandbox.url + "/vads-payment/"
    good = dotenv(site_id, "TEST", certs["test_key"], certs["production_key"], name="good.env")
    wrong = dotenv(site_id, "TEST", certs["test_key"], "WrongKey12345678", name="wrong.env")
    prod = dotenv(site_id, "PROD", certs["test_key"], certs["production_key"], name="prod.env")
    before = good.read_bytes()
    run = run_module("payment_probe", {
        "gateway_url": gateway, "fail_on_error": False, "store": {"type": "dotenv"},
        "shops": [{"name": "proven", "store": {"path": str(good)}, "mode": "PRODUCTION"},
                  {"name": "test", "store": {"path": str(good)}},
                  {"name": "wrong", "store": {"path": str(wrong)}, "mode": "PRODUCTION"},
                  {"name": "prod", "store": {"path": str(prod)}}]}, verbosity=4)
    assert not run.failed, run.output
    assert run.changed is False
    proven = run.shop("proven")
    assert proven["accepted"] is True and proven["mode"] == "PRODUCTION"
    assert proven["fingerprint"] == fingerprint(certs["production_key"])
    assert run.shop("test")["accepted"] is True and run.shop("test")["mode"] == "TEST"
    assert run.shop("wrong")["accepted"] is False and run.shop("wrong")["error_code"] == "00"
    assert run.shop("prod")["error_code"] == "11" and run.shop("prod")["mode"] == "PROD"
    assert certs["production_key"] not in run.output and certs["test_key"] not in run.output
    assert good.read_bytes() == before

    run = run_module("payment_probe", {"store": {"type": "dotenv", "path": str(wrong)}, "gateway_url": gateway,
                                       "mode": "PRODUCTION"})
    assert run.failed and "error 00" in run.result["msg"]

    run = run_module("payment_probe", {"store": {"type": "dotenv", "path": str(good)}, "gateway_url": gateway,
                                       "card": "4970100000000000"}, check=True)
    assert run.result["shops"][0]["skipped"] is True and run.result["shops"][0]["transaction"] is None


# ------------------------------------------------------------------------------------------ transaction
def _paid(sandbox, dotenv, order_id):
    site_id, certs = sandbox.new_shop(production_key=True)
    env = dotenv(site_id, "PRODUCTION", certs["test_key"], certs["production_key"], name=order_id + ".env")
    url = sandbox.url + "/demo-merchant/ipn/%s" % site_id
    sandbox.api("PUT", "shops/%s/notification-rules/payment-end" % site_id, {"production_url": url})
    run = run_module("payment_probe", {"store": {"type": "dotenv", "path": str(env)},
                                       "gateway_url": sandbox.url + "/vads-payment/",
                                       "card": "4970100000000000", "order_id": order_id})
    assert not run.failed and run.changed, run.output
    tx = run.result["shops"][0]["transaction"]
    assert tx["status"] == "AUTHORISED"
    return site_id, certs, tx["uuid"]


def test_transaction_get_cancel_and_notification(sandbox, dotenv):
    site_id, certs, uuid = _paid(sandbox, dotenv, "GOLIVE-1")
    args = {"site_id": site_id, "password": certs["production_rest_password"], "api_url": sandbox.url,
            "uuid": uuid, "backoffice": sandbox.backoffice, "wait_notification": 5}
    run = run_module("transaction", args, verbosity=4)
    assert not run.failed, run.output
    shop = run.result["shops"][0]
    assert shop["detailed_status"] == "AUTHORISED" and shop["amount"] == 200 and shop["order_id"] == "GOLIVE-1"
    assert shop["mode"] == "PRODUCTION" and shop["notification"]["status"] == "sent"
    assert certs["production_rest_password"] not in run.output

    cancel = dict(args, state="cancelled", wait_notification=0)
    for check, changed in FOUR:
        run = run_module("transaction", cancel, check=check)
        assert not run.failed, run.output
        assert run.changed is changed
    assert run.result["shops"][0]["detailed_status"] == "CANCELLED"

    run = run_module("transaction", {"site_id": site_id, "password": certs["production_rest_password"],
                                     "api_url": sandbox.url, "order_id": "GOLIVE-1",
                                     "backoffice": {"adapter": "manual"}})
    note = run.result["shops"][0]["notification"]
    assert note["status"] == "unknown" and "Statut URL de notification" in note["instructions"]["fr"]

    run = run_module("transaction", dict(args, uuid="0" * 32, backoffice=None, wait_notification=0))
    assert run.failed and "not found" in run.result["msg"]
    run = run_module("transaction", dict(args, uuid="0" * 32, backoffice=None, wait_notification=0, missing_ok=True))
    assert not run.failed and run.result["shops"][0]["found"] is False


def test_transaction_retries_faults(sandbox, dotenv):
    site_id, certs, uuid = _paid(sandbox, dotenv, "GOLIVE-2")
    args = {"site_id": site_id, "password": certs["production_rest_password"], "api_url": sandbox.url, "uuid": uuid}
    before = sandbox.api("GET", "faults")["injected"]["rest"]
    sandbox.api("PUT", "faults", {"rest": {"status": 503, "count": 2}})
    run = run_module("transaction", args)
    assert not run.failed, run.output
    assert sandbox.api("GET", "faults")["injected"]["rest"] == before + 2

    sandbox.api("PUT", "faults", {"rest": {"timeout_count": 1, "timeout_s": 3}})
    run = run_module("transaction", dict(args, timeout=1, state="cancelled"))
    sandbox.api("PUT", "faults", {"rest": None})
    assert not run.failed, run.output
    assert run.result["shops"][0]["detailed_status"] == "CANCELLED"
    assert sandbox.api("GET", "faults")["injected"]["rest"] == before + 3

    sandbox.api("PUT", "faults", {"rest": {"status": 503, "count": 10}})
    run = run_module("transaction", dict(args, retries=1))
    sandbox.api("PUT", "faults", {"rest": None})
    assert run.failed and "503" in run.result["msg"]


def test_transaction_pay_is_14_3_in_one_call_and_a_rerun_pays_nothing(sandbox, dotenv):
    """pay: the first payment made (signed as each store signs), cancelled and its notification checked, in one
    call over two shops; check, apply, check, apply."""
    shops, secrets = [], []
    for name, algo in (("hmac", None), ("sha1", "SHA-1")):
        site_id, certs = sandbox.new_shop(production_key=True, **({"sign_algo": algo} if algo else {}))
        env = dotenv(site_id, "PRODUCTION", certs["test_key"], certs["production_key"], name=name + ".env")
        if algo:
            env.write_text(env.read_text() + "VADS_SIGN_ALGO=%s\n" % algo)
        sandbox.api("PUT", "shops/%s/notification-rules/payment-end" % site_id,
                    {"production_url": sandbox.url + "/demo-merchant/ipn/%s" % site_id})
        shops.append({"name": name, "site_id": site_id, "order_id": "GOLIVE-%s" % site_id,
                      "store": {"type": "dotenv", "path": str(env)}})
        secrets += [certs["production_key"], certs["test_key"], certs["production_rest_password"]]
    args = {"api_url": sandbox.url, "backoffice": sandbox.backoffice, "mode": "PRODUCTION", "state": "cancelled",
            "wait_notification": 10, "resend_notification": True, "shops": shops,
            "pay": {"card": "4970100000000000", "gateway_url": sandbox.url + "/vads-payment/"}}

    def transactions():
        return dict((s["name"], sandbox.api("GET", "shops/%s/transactions?mode=PRODUCTION" % s["site_id"])["transactions"])
                    for s in shops)

    outputs = []
    for check, changed in FOUR:
        run = run_module("transaction", args, check=check, verbosity=4 if not check else 0)
        outputs.append(run.output)
        assert not run.failed, run.output[-3000:]
        assert run.changed is changed, run.result
        for shop in shops:
            result = run.shop(shop["name"])
            assert result["paid"] is (changed and len(outputs) <= 2), result
            if check and changed:  # would pay: nothing posted yet, the key that would sign it named
                assert result["found"] is False and result["payment"]["fingerprint"].startswith("sha256:")
                assert transactions()[shop["name"]] == []
            else:
                assert result["detailed_status"] == "CANCELLED" and result["order_id"] == shop["order_id"], result
                assert result["notification"]["status"] == "sent", result
        if not check and changed:
            assert run.shop("hmac")["payment"]["sign_algo"] == "HMAC-SHA-256"
            assert run.shop("sha1")["payment"]["sign_algo"] == "SHA-1"
    # one payment per shop, whatever the number of runs, each cancelled and notified
    for name, txs in transactions().items():
        assert [(t["status"], t["notification"]["status"]) for t in txs] == [("CANCELLED", "sent")], (name, txs)
    text = "\n".join(outputs)
    assert "ESTABLISH LOCAL CONNECTION" in text
    for secret in secrets:
        assert secret not in text


def test_transaction_pay_bad_input_or_a_refused_form_pays_nothing(sandbox, dotenv):
    site_id, certs = sandbox.new_shop(production_key=True)
    wrong = dotenv(site_id, "PRODUCTION", certs["test_key"], "WrongKey12345678", name="wrong.env")
    base = {"api_url": sandbox.url, "backoffice": sandbox.backoffice, "mode": "PRODUCTION", "state": "cancelled",
            "site_id": site_id, "order_id": "GOLIVE-%s" % site_id, "store": {"type": "dotenv", "path": str(wrong)},
            "pay": {"card": "4970100000000000", "gateway_url": sandbox.url + "/vads-payment/"}}
    for change, message in ((dict(state="present"), "pay needs state=cancelled"),
                            (dict(order_id=None, uuid="0" * 32), "pay needs order_id"),
                            (dict(store=None), "pay needs store"),
                            (dict(pay={"gateway_url": sandbox.url + "/vads-payment/"}), "pay needs card"),
                            (dict(pay={"card": "4970100000000000"}), "give gateway_url"),
                            # the real platform's path: a person pays there, never the module
                            (dict(backoffice={"adapter": "manual"}, password="prodpassword_x"),
                             "pay needs the sandbox adapter")):
        run = run_module("transaction", dict(base, **change))
        assert run.failed and message in run.result["msg"], (change, run.result)
    run = run_module("transaction", base)
    assert run.failed and "the first payment was not made: the gateway rejected the form: error 00" in run.result["msg"]
    assert run.result["shops"][0]["paid"] is False and run.changed is False
    assert sandbox.api("GET", "shops/%s/transactions?mode=PRODUCTION" % site_id)["transactions"] == []
    assert "WrongKey12345678" not in run.output


# ------------------------------------------------------------------------------------------ preflight
def test_preflight_reads_the_rule_the_sandbox_holds_and_changes_nothing(sandbox, dotenv):
    site_id, _certs = sandbox.new_shop()
    url = sandbox.url + "/demo-merchant/ipn/%s" % site_id
    path = dotenv(site_id, key_test="0123456789012345")
    args = {"backoffice": sandbox.backoffice, "gateway_url": sandbox.url,
            "shops": [{"name": "lyon", "site_id": site_id, "notification_url": url,
                       "store": {"type": "dotenv", "path": str(path)}}]}
    before, text = rule(sandbox, site_id), path.read_text()
    run = run_module("preflight", args)
    assert not run.failed and not run.changed, run.output
    shop = run.shop("lyon")
    assert shop["problems"] == [] and shop["notification_url"] == {"status": "registered",
                                                                    "url_before": before["production_url"]}
    assert rule(sandbox, site_id) == before and path.read_text() == text
    assert sandbox.token not in run.output
    # once registered, the preflight reads it back as the Back Office holds it
    assert not run_module("notification_url", {"backoffice": sandbox.backoffice, "site_id": site_id,
                                               "url": url, "gateway_url": sandbox.url}).failed
    assert run_module("preflight", args).shop("lyon")["notification_url"]["url_before"] == url

"""An embedded-form shop (REST API keys) on each CMS goes live through playbooks/golive.yml.

PrestaShop (its sign_algo row missing: the plugin signs SHA-1, and so must every probe), WooCommerce and
Magento 2 (REST keys encrypted with the crypt key of app/etc/env.php), each on its own host, against the real
sandbox and a real MariaDB: check, apply, check (no change), apply at -vvvv (no change); the production REST
keys from the inventory end up installed where each plugin reads them (PHP is the judge), and no key text
shows anywhere in the output.
"""

from __future__ import annotations

import json
import random
import re
import string
import sys

import pytest

from ansible_collections.vads.shop.plugins.module_utils import magento_crypt, phpserialize
from plugin_php import MAGENTO_DECRYPT, judge, sodium
from support.runner import REPO, assert_vvvv, run_module, run_playbook

sys.path.insert(0, str(REPO / "tools"))
from demo_fleet import Sandbox  # noqa: E402

GOLIVE = REPO / "playbooks" / "golive.yml"
CRYPT_KEY = "9c1e5a7b3d2f40618e9a7c5b3d1f2e4a"
FAKE_MAGENTO = "<?php\nfile_put_contents(__DIR__ . '/../calls.log', implode(' ', array_slice($argv, 1)) . \"\\n\", FILE_APPEND);\n"


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    box = Sandbox(tmp_path_factory.mktemp("sandbox"), retry_schedule="0.2,0.2,0.2,0.2").start()
    yield box
    box.stop()


def _random(n):
    return "".join(random.choice(string.ascii_letters + string.digits) for dummy in range(n))


def _shop(sandbox, name, **body):
    for dummy in range(20):
        site_id = "%08d" % random.randrange(50000000, 99999999)
        try:
            created = sandbox.api("POST", "shops", dict(body, site_id=site_id, name=name))
        except Exception:  # pylint: disable=broad-except
            continue
        return site_id, created["certificates"]
    raise AssertionError("no free site id")


def _rest(site_id, mode):
    if mode == "PRODUCTION":
        return {"private_key": "prodpassword_" + _random(30), "public_key": "%s:publickey_%s" % (site_id, _random(20)),
                "hmac_key": _random(32)}
    return {"private_key": "testpassword_" + _random(30), "public_key": "%s:testpublickey_%s" % (site_id, _random(20)),
            "hmac_key": _random(32)}


def test_embedded_form_shops_go_live_on_each_cms(sandbox, new_db, tmp_path):
    shops, secrets = {}, [sandbox.backoffice()["token"], CRYPT_KEY]

    # PrestaShop: no PAYZEN_SIGN_ALGO row at all (the plugin signs SHA-1); the Back Office is set to SHA-1.
    ps_id, ps_certs = _shop(sandbox, "ps-embedded", sign_algo="SHA-1")
    ps = new_db("prestashop8.sql")
    ps.execute("INSERT INTO ps_shop_group (id_shop_group, name, color, share_customer, share_order, share_stock,"
               " active, deleted) VALUES (1, 'Default', '', 0, 0, 0, 1, 0)")
    ps.execute("INSERT INTO ps_shop (id_shop, id_shop_group, name, color, id_category, theme_name, active, deleted)"
               " VALUES (1, 1, 'ps', '', 2, 'classic', 1, 0)")
    ps_test = _rest(ps_id, "TEST")
    ps.executemany("INSERT INTO ps_configuration (name, value, date_add, date_upd) VALUES (%s, %s, NOW(), NOW())", [
        ("PAYZEN_SITE_ID", ps_id), ("PAYZEN_MODE", "TEST"), ("PAYZEN_KEY_TEST", ps_certs["test_key"]),
        ("PAYZEN_KEY_PROD", "2222222222222222"), ("PAYZEN_PRIVKEY_TEST", ps_test["private_key"]),
        ("PAYZEN_PUBKEY_TEST", ps_test["public_key"]), ("PAYZEN_RETKEY_TEST", ps_test["hmac_key"]),
        ("PAYZEN_PRIVKEY_PROD", ""), ("PAYZEN_PUBKEY_PROD", ""), ("PAYZEN_RETKEY_PROD", "")])
    shops["web-ps"] = {"name": "ps-embedded", "site_id": ps_id, "db": ps,
                       "store": ps.store("prestashop", shop_id=1)}

    wc_id, wc_certs = _shop(sandbox, "wc-embedded")
    wc = new_db("wordpress.sql")
    wc_test = _rest(wc_id, "TEST")
    settings = {"enabled": "yes", "site_id": wc_id, "key_test": wc_certs["test_key"], "key_prod": "",
                "ctx_mode": "TEST", "sign_algo": "SHA-256", "test_private_key": wc_test["private_key"],
                "test_public_key": wc_test["public_key"], "test_return_key": wc_test["hmac_key"],
                "prod_private_key": "", "prod_public_key": "", "prod_return_key": ""}
    wc.execute("INSERT INTO wp_options (option_name, option_value, autoload) VALUES ('woocommerce_payzen_settings',"
               " %s, 'yes')", (phpserialize.dumps(settings).decode("utf-8"),))
    shops["web-wc"] = {"name": "wc-embedded", "site_id": wc_id, "db": wc, "store": wc.store("woocommerce")}

    mg_id, mg_certs = _shop(sandbox, "mg-embedded")
    mg = new_db("magento2.sql")
    mg.execute("INSERT INTO store_website (website_id, code, name, is_default) VALUES (1, 'base', 'Main', 1)")
    mg.execute("INSERT INTO store_group (group_id, website_id, name, code) VALUES (1, 1, 'Main', 'main')")
    mg.execute("INSERT INTO store (store_id, code, website_id, group_id, name, is_active) VALUES"
               " (1, 'default', 1, 1, 'Default', 1)")
    keys = magento_crypt.parse_keys(CRYPT_KEY)
    mg_test = _rest(mg_id, "TEST")
    mg.executemany("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ('default', 0, %s, %s)", [
        ("payzen/general/site_id", mg_id), ("payzen/general/ctx_mode", "TEST"),
        ("payzen/general/key_test", mg_certs["test_key"]), ("payzen/general/key_prod", "2222222222222222"),
        ("payzen/general/sign_algo", "SHA-256"),
        ("payzen/general/rest_private_key_test", magento_crypt.encrypt(mg_test["private_key"], keys)),
        ("payzen/general/rest_public_key_test", mg_test["public_key"]),
        ("payzen/general/rest_return_key_test", magento_crypt.encrypt(mg_test["hmac_key"], keys)),
        ("payzen/general/rest_private_key_prod", ""), ("payzen/general/rest_public_key_prod", ""),
        ("payzen/general/rest_return_key_prod", "")])
    root = tmp_path / "magento"
    (root / "bin").mkdir(parents=True)
    (root / "bin" / "magento").write_text(FAKE_MAGENTO)
    (root / "app" / "etc").mkdir(parents=True)
    (root / "app" / "etc" / "env.php").write_text("<?php\nreturn ['crypt' => ['key' => '%s']];\n" % CRYPT_KEY)
    shops["web-mg"] = {"name": "mg-embedded", "site_id": mg_id, "db": mg,
                       "store": mg.store("magento2", scope="stores", scope_id=1, magento_root=str(root))}

    inventory = tmp_path / "inventory"
    (inventory / "host_vars").mkdir(parents=True)
    (inventory / "group_vars").mkdir()
    for host, shop in shops.items():
        shop["rest_prod"] = _rest(shop["site_id"], "PRODUCTION")
        secrets += list(shop["rest_prod"].values())
        item = {"name": shop["name"], "site_id": shop["site_id"], "brand": "payzen", "store": shop["store"],
                "notification_url": "%s/demo-merchant/ipn/%s" % (sandbox.url, shop["site_id"]),
                "rest_keys_prod": shop["rest_prod"]}
        (inventory / "host_vars" / ("%s.json" % host)).write_text(json.dumps({"vads_shops": [item]}))
    group_vars = inventory / "group_vars" / "all.json"
    group_vars.write_text(json.dumps({"ansible_connection": "local", "ansible_python_interpreter": sys.executable,
                                      "vads_backoffice": sandbox.backoffice(), "vads_gateway_url": sandbox.url,
                                      "vads_golive_first_payment": "verify",
                                      "vads_report_dir": str(tmp_path / "report")}))
    group_vars.chmod(0o600)
    (inventory / "hosts.yml").write_text("merchants:\n  hosts:\n" + "".join("    %s:\n" % h for h in shops))
    secrets.append(ps.server.password)

    outputs = []
    for check, verbosity in ((True, 0), (False, 0), (True, 0), (False, 4)):
        rc, out = run_playbook(GOLIVE, inventory, check=check, diff=True, verbosity=verbosity)
        assert rc == 0, out[-4000:]
        changed = dict((m.group(1), int(m.group(2))) for m in re.finditer(
            r"^(\S+)\s+:\s+ok=\d+\s+changed=(\d+)", out, re.M))
        if len(outputs) < 2:
            assert all(changed[h] > 0 for h in shops), changed
        else:
            assert all(n == 0 for n in changed.values()), changed
        outputs.append(out)

    # every shop read back in one call, each from its own database
    read = run_module("shop_info", {"shops": [{"name": s["name"], "store": s["store"]} for s in shops.values()]})
    assert not read.failed, read.output[-3000:]
    for host, shop in shops.items():
        certs = sandbox.api("GET", "shops/%s/certificates" % shop["site_id"])
        secrets += [v for k, v in certs.items() if k.endswith(("_key", "_password")) and isinstance(v, str)]
        now = read.shop(shop["name"])
        assert now["ctx_mode"] == "PRODUCTION" and now["rest_api"] is True, now
        assert now["ready_for_production"] is True and now["problems"] == [], now
        tx = sandbox.api("GET", "shops/%s/transactions?mode=PRODUCTION" % shop["site_id"])["transactions"]
        assert [t["status"] for t in tx] == ["CANCELLED"] and tx[0]["notification"]["status"] == "sent"
    assert read.shop("ps-embedded")["sign_algo"] == "SHA-1"

    # Each plugin reads its production REST keys (PHP is the judge; Magento's decrypted with sodium).
    ps_keys = judge(ps.server, ps.name, dict((p, {"type": "prestashop", "name": n, "shop": 1}) for p, n in (
        ("private_key", "PAYZEN_PRIVKEY_PROD"), ("public_key", "PAYZEN_PUBKEY_PROD"), ("hmac_key", "PAYZEN_RETKEY_PROD"))))
    assert ps_keys == shops["web-ps"]["rest_prod"]
    wc_keys = judge(wc.server, wc.name, dict((p, {"type": "woocommerce", "option": "woocommerce_payzen_settings",
                                                  "name": n}) for p, n in (
        ("private_key", "prod_private_key"), ("public_key", "prod_public_key"), ("hmac_key", "prod_return_key"))))
    assert wc_keys == shops["web-wc"]["rest_prod"]
    mg_raw = judge(mg.server, mg.name, dict((p, {"type": "magento2", "name": "payzen/general/" + n, "scope": "stores",
                                                 "scope_id": 1}) for p, n in (
        ("private_key", "rest_private_key_prod"), ("public_key", "rest_public_key_prod"),
        ("hmac_key", "rest_return_key_prod"))))
    assert mg_raw["public_key"] == shops["web-mg"]["rest_prod"]["public_key"]
    for part in ("private_key", "hmac_key"):
        assert mg_raw[part].startswith("0:3:")
        assert sodium(MAGENTO_DECRYPT, {"env_key": CRYPT_KEY, "value": mg_raw[part]}) == shops["web-mg"]["rest_prod"][part]

    text = "\n".join(outputs)
    assert_vvvv(text)   # -vvvv did show module invocations (ansible-core < 2.21), masked
    for secret in secrets:
        assert secret not in text


def test_payment_probe_signs_sha1_for_a_prestashop_shop_without_algorithm_row(sandbox, new_db):
    site_id, certs = _shop(sandbox, "ps-sha1", sign_algo="SHA-1")   # the Back Office signs SHA-1 too
    db = new_db("prestashop8.sql")
    db.executemany("INSERT INTO ps_configuration (name, value, date_add, date_upd) VALUES (%s, %s, NOW(), NOW())", [
        ("PAYZEN_SITE_ID", site_id), ("PAYZEN_MODE", "TEST"), ("PAYZEN_KEY_TEST", certs["test_key"])])
    args = {"name": "ps", "store": db.store("prestashop"), "gateway_url": sandbox.url + "/vads-payment/"}
    probe = run_module("payment_probe", args)
    assert not probe.failed, probe.output
    assert probe.shop("ps")["sign_algo"] == "SHA-1" and probe.shop("ps")["accepted"] is True
    # The same shop with a row saying SHA-256: the probe signs HMAC-SHA-256, which this shop's Back Office refuses.
    db.execute("INSERT INTO ps_configuration (name, value, date_add, date_upd) VALUES ('PAYZEN_SIGN_ALGO', 'SHA-256',"
               " NOW(), NOW())")
    refused = run_module("payment_probe", dict(args, fail_on_error=False))
    assert refused.shop("ps")["sign_algo"] == "HMAC-SHA-256" and refused.shop("ps")["accepted"] is False
    assert refused.shop("ps")["error_code"] == "00"
    assert certs["test_key"] not in probe.output + refused.output

"""ctx_mode, certificate and shop_info on PrestaShop, WooCommerce and Magento 2 databases, for real.

Each scenario runs the real modules through ansible-core against a private MariaDB, four phases: check,
apply, check again (no change), apply again (no change).
"""

from __future__ import annotations

import hashlib
import json
import subprocess

import pytest

from ansible_collections.vads.shop.plugins.module_utils import phpserialize
from support.runner import run_module

KEY_TEST = "TestKey0123456789"
KEY_PROD = "Xq7RtY2mN9pL4sKw"
KEY_PROD2 = "Zz9RtY2mN9pL4sKw"
OLD_PROD = "2222222222222222"


def four_phases(module, args, db, tables):
    before = dict((t, db.dump(t)) for t in tables)
    check1 = run_module(module, args, check=True, diff=True)
    assert not check1.failed, check1.output
    assert check1.changed, check1.result
    assert dict((t, db.dump(t)) for t in tables) == before, "check mode changed a row"
    apply1 = run_module(module, args, diff=True)
    assert not apply1.failed, apply1.output
    assert apply1.changed
    after = dict((t, db.dump(t)) for t in tables)
    assert after != before
    check2 = run_module(module, args, check=True, diff=True)
    assert not check2.failed and not check2.changed, check2.output
    apply2 = run_module(module, args, diff=True)
    assert not apply2.failed and not apply2.changed, apply2.output
    assert dict((t, db.dump(t)) for t in tables) == after
    assert [s["changed"] for s in check1.result["shops"]] == [s["changed"] for s in apply1.result["shops"]]
    assert check1.result.get("diff") == apply1.result.get("diff")
    for run in (check1, apply1, check2, apply2):
        for secret in (KEY_TEST, KEY_PROD, KEY_PROD2, db.server.password):
            assert secret not in run.output
            assert secret not in json.dumps(run.result)
    return check1, apply1, check2, apply2


# -- PrestaShop -------------------------------------------------------------------------------------------
def prestashop(new_db, shops=((1, 1), (2, 1), (3, 1), (4, 2))):
    db = new_db("prestashop8.sql")
    db.execute("INSERT INTO ps_shop_group (id_shop_group, name, color, share_customer, share_order, share_stock,"
               " active, deleted) VALUES (1, 'Default', '', 0, 0, 0, 1, 0), (2, 'Outlet', '', 0, 0, 0, 1, 0)")
    db.executemany("INSERT INTO ps_shop (id_shop, id_shop_group, name, color, id_category, theme_name, active,"
                   " deleted) VALUES (%s, %s, %s, '', 2, 'classic', 1, 0)",
                   [(shop, group, "shop %d" % shop) for shop, group in shops])
    rows = [(None, None, "PS_SHOP_NAME", "Ma boutique é"),
            (None, None, "PAYZEN_SITE_ID", "40127895"),
            (None, None, "PAYZEN_MODE", "TEST"),
            (None, None, "PAYZEN_KEY_TEST", KEY_TEST),
            (None, None, "PAYZEN_KEY_PROD", OLD_PROD),
            (None, None, "PAYZEN_SIGN_ALGO", "SHA-256"),
            (1, 2, "PAYZEN_MODE", "TEST"),          # shop 2 has its own row
            (2, None, "PAYZEN_MODE", "TEST")]       # group 2 has its own row
    db.executemany("INSERT INTO ps_configuration (id_shop_group, id_shop, name, value, date_add, date_upd)"
                   " VALUES (%s, %s, %s, %s, '2024-01-01 00:00:00', '2024-01-01 00:00:00')", rows)
    return db


def effective(db, shop, name):
    group = db.execute("SELECT id_shop_group FROM ps_shop WHERE id_shop = %s", (shop,))[0][0]
    for where, args in (("id_shop = %s", (shop,)), ("id_shop_group = %s AND id_shop IS NULL", (group,)),
                        ("id_shop_group IS NULL AND id_shop IS NULL", ())):
        rows = db.execute("SELECT value FROM ps_configuration WHERE name = %%s AND %s ORDER BY id_configuration"
                          % where, (name,) + args)
        if rows:
            return rows[-1][0]
    return None


def test_prestashop_go_live_one_shop_of_a_multistore(new_db):
    db = prestashop(new_db)
    others = dict(((s, n), effective(db, s, n)) for s in (2, 3, 4) for n in ("PAYZEN_MODE", "PAYZEN_KEY_PROD"))
    store = db.store("prestashop", shop_id=1)

    _c, cert, _c2, _a2 = four_phases("certificate", {"name": "lyon", "store": store, "mode": "PRODUCTION",
                                                     "value": KEY_PROD}, db, ["ps_configuration"])
    assert cert.shop("lyon")["fingerprint_before"] is not None
    _c, switch, _c2, _a2 = four_phases("ctx_mode", {"name": "lyon", "store": store, "mode": "PRODUCTION"},
                                       db, ["ps_configuration"])
    assert switch.shop("lyon")["ctx_mode_before"] == "TEST"
    assert "+ctx_mode: PRODUCTION" in switch.output and "key_prod: sha256:" in switch.output
    assert effective(db, 1, "PAYZEN_MODE") == "PRODUCTION"
    assert effective(db, 1, "PAYZEN_KEY_PROD") == KEY_PROD
    # Shop 1 inherited the global rows: it now has its own, with its group, dated as PrestaShop does.
    own = db.execute("SELECT id_shop_group, name, value, date_add, date_upd FROM ps_configuration"
                     " WHERE id_shop = 1 ORDER BY name")
    assert [(r[0], r[1], r[2]) for r in own] == [(1, "PAYZEN_KEY_PROD", KEY_PROD), (1, "PAYZEN_MODE", "PRODUCTION")]
    assert all(r[3].year > 2024 and r[3] == r[4] for r in own)
    # The other shops' effective values and the global rows did not move.
    assert dict(((s, n), effective(db, s, n)) for s, n in others) == others
    assert db.execute("SELECT value, date_upd FROM ps_configuration WHERE name = 'PAYZEN_MODE' AND id_shop IS NULL"
                      " AND id_shop_group IS NULL")[0][0] == "TEST"

    info = run_module("shop_info", {"store": db.store("prestashop"), "shops": [
        {"name": "s%d" % s, "store": {"shop_id": s}} for s in (1, 2, 3, 4)]})
    assert not info.failed, info.output
    assert [info.shop("s%d" % s)["ctx_mode"] for s in (1, 2, 3, 4)] == ["PRODUCTION", "TEST", "TEST", "TEST"]
    assert info.shop("s1")["ready_for_production"] is True
    assert KEY_PROD not in info.output and KEY_TEST not in info.output


def test_prestashop_updates_an_existing_shop_row_and_keeps_date_add(new_db):
    db = prestashop(new_db)
    store = db.store("prestashop", tcp=False, shop_id=2)   # through the unix socket
    run = run_module("ctx_mode", {"store": store, "mode": "PRODUCTION", "key": KEY_PROD})
    assert not run.failed and run.changed, run.output
    rows = db.execute("SELECT value, date_add, date_upd FROM ps_configuration WHERE id_shop = 2 AND name = 'PAYZEN_MODE'")
    assert len(rows) == 1 and rows[0][0] == "PRODUCTION"
    assert str(rows[0][1]) == "2024-01-01 00:00:00" and rows[0][2] > rows[0][1]


def test_prestashop_global_and_group_scopes_and_brand(new_db):
    db = prestashop(new_db)
    db.execute("INSERT INTO ps_configuration (name, value, date_add, date_upd) VALUES"
               " ('SYSTEMPAY_MODE', 'TEST', NOW(), NOW()), ('SYSTEMPAY_KEY_TEST', %s, NOW(), NOW())", (KEY_TEST,))
    group = db.store("prestashop", shop_group_id=2)
    _c, run, _c2, _a2 = four_phases("certificate", {"store": group, "mode": "PRODUCTION", "value": KEY_PROD},
                                    db, ["ps_configuration"])
    assert db.execute("SELECT id_shop_group, id_shop FROM ps_configuration WHERE name = 'PAYZEN_KEY_PROD'"
                      " AND value = %s", (KEY_PROD,)) == ((2, None),)
    assert effective(db, 4, "PAYZEN_KEY_PROD") == KEY_PROD and effective(db, 1, "PAYZEN_KEY_PROD") == OLD_PROD
    brand = db.store("prestashop", brand="systempay", create=True)  # this database never held SYSTEMPAY_KEY_PROD
    run = run_module("ctx_mode", {"store": brand, "mode": "PRODUCTION", "key": KEY_PROD2})
    assert not run.failed and run.changed, run.output
    assert db.execute("SELECT value FROM ps_configuration WHERE name = 'SYSTEMPAY_MODE'") == (("PRODUCTION",),)
    assert db.execute("SELECT value FROM ps_configuration WHERE name = 'SYSTEMPAY_KEY_PROD'") == ((KEY_PROD2,),)


def test_prestashop_certificate_absent_hides_an_inherited_key(new_db):
    db = prestashop(new_db)
    store = db.store("prestashop", shop_id=3)
    args = {"store": store, "mode": "TEST", "state": "absent"}
    first, again = run_module("certificate", args), run_module("certificate", args)
    assert first.changed and not again.changed and not again.failed, again.output
    assert effective(db, 3, "PAYZEN_KEY_TEST") == "" and effective(db, 1, "PAYZEN_KEY_TEST") == KEY_TEST


def test_prestashop_shops_of_one_call_set_different_keys(new_db):
    db = prestashop(new_db)
    keys = {1: "Key1aaaaBBBBcccc", 2: "Key2aaaaBBBBcccc", 3: "Key3aaaaBBBBcccc"}
    run = run_module("certificate", {"store": db.store("prestashop"), "mode": "PRODUCTION",
                                     "shops": [{"name": "s%d" % s, "store": {"shop_id": s}, "value": k}
                                               for s, k in keys.items()]})
    assert not run.failed, run.output
    assert dict((s, effective(db, s, "PAYZEN_KEY_PROD")) for s in keys) == keys
    # ... but two shops writing one scope with different values is a conflict, and nothing changes.
    before = db.dump("ps_configuration")
    run = run_module("certificate", {"store": db.store("prestashop", shop_id=1), "mode": "TEST", "shops": [
        {"name": "a", "value": KEY_PROD}, {"name": "b", "value": KEY_PROD2, "store": {"shop_id": 1}}]})
    assert run.failed and "which shop 'a' wants set to" in run.result["msg"]
    assert db.dump("ps_configuration") == before


# -- WooCommerce ------------------------------------------------------------------------------------------
WOO_SETTINGS = {
    "enabled": "yes",
    "title": "Paiement par carte bancaire é",
    "description": "日本語の説明 — «Vous serez redirigé»",
    "site_id": "40127895",
    "key_test": KEY_TEST,
    "key_prod": OLD_PROD,
    "ctx_mode": "TEST",
    "sign_algo": "SHA-256",
    "platform_url": "https://secure.payzen.eu/vads-payment/",
    "card_data_mode": "DEFAULT",
    "payment_cards": ["CB", "VISA", "MASTERCARD"],
    "amount_min": 2.5,
    "capture_delay": 0,
    "debug": True,
    "empty": None,
    "nested": {"fr": "Payer", "ja": "支払う", 3: ["x", 1.25]},
}


def woocommerce(new_db, settings=None, name="woocommerce_payzen_settings"):
    db = new_db("wordpress.sql")
    raw = phpserialize.dumps(WOO_SETTINGS if settings is None else settings)
    db.executemany("INSERT INTO wp_options (option_name, option_value, autoload) VALUES (%s, %s, %s)",
                   [("siteurl", "http://shop.example", "yes"), (name, raw.decode("utf-8"), "yes"),
                    ("blogname", "Boutique é", "yes")])
    return db, raw


def php_unserialize(raw):
    code = ('$v = unserialize(stream_get_contents(STDIN)); if ($v === false) { exit(3); }'
            ' echo json_encode($v, JSON_UNESCAPED_UNICODE | JSON_PRESERVE_ZERO_FRACTION);')
    proc = subprocess.run(["php", "-r", code], input=raw, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.decode("utf-8"))


def _untouched(data):
    return [data[e.start:e.end] for e in phpserialize.entries(data) if e.key not in (b"key_prod", b"ctx_mode")]


def test_woocommerce_go_live_patches_only_the_mapped_entries(new_db):
    db, raw = woocommerce(new_db)
    store = db.store("woocommerce")
    four_phases("certificate", {"store": store, "mode": "PRODUCTION", "value": KEY_PROD}, db, ["wp_options"])
    four_phases("ctx_mode", {"store": store, "mode": "PRODUCTION"}, db, ["wp_options"])
    new = db.execute("SELECT option_value FROM wp_options WHERE option_name = 'woocommerce_payzen_settings'")[0][0]
    new = new.encode("utf-8")
    value = php_unserialize(new)
    expected = php_unserialize(raw)
    expected.update(key_prod=KEY_PROD, ctx_mode="PRODUCTION")
    assert value == expected
    assert value["description"] == "日本語の説明 — «Vous serez redirigé»" and value["nested"]["ja"] == "支払う"
    # Byte for byte: every untouched entry is the same slice of bytes, in the same order.
    assert _untouched(new) == _untouched(raw)
    assert db.execute("SELECT option_name, autoload FROM wp_options ORDER BY option_id") == (
        ("siteurl", "yes"), ("woocommerce_payzen_settings", "yes"), ("blogname", "yes"))


def test_woocommerce_adds_missing_entries_and_other_brands(new_db):
    settings = {"enabled": "no", "title": "Systempay é"}
    db, raw = woocommerce(new_db, settings, name="woocommerce_systempay_settings")
    store = db.store("woocommerce", brand="systempay")
    args = {"store": store, "mode": "PRODUCTION", "key": KEY_PROD, "force": True}
    refused = run_module("ctx_mode", args)   # entries the array does not hold: an error naming what it holds
    assert refused.failed and "holds no ctx_mode, key_prod" in refused.result["msg"], refused.output
    assert "store.create" in refused.result["msg"] and KEY_PROD not in refused.output
    args["store"] = dict(store, create=True)
    run = run_module("ctx_mode", args)
    assert not run.failed and run.changed, run.output
    value = php_unserialize(db.execute("SELECT option_value FROM wp_options WHERE option_name ="
                                       " 'woocommerce_systempay_settings'")[0][0].encode("utf-8"))
    assert value == {"enabled": "no", "title": "Systempay é", "key_prod": KEY_PROD, "ctx_mode": "PRODUCTION"}


# -- Magento 2 --------------------------------------------------------------------------------------------
FAKE_MAGENTO = """<?php
// Stands in for Magento's bin/magento: records each call.
file_put_contents(__DIR__ . '/../calls.log', implode(' ', array_slice($argv, 1)) . "\\n", FILE_APPEND);
echo "Cleaned cache types:\\nconfig\\n";
"""


def magento(new_db, tmp_path):
    db = new_db("magento2.sql")
    db.execute("INSERT INTO store_website (website_id, code, name, is_default) VALUES (0, 'admin', 'Admin', 0)")
    db.execute("UPDATE store_website SET website_id = 0 WHERE code = 'admin'")
    db.execute("INSERT INTO store_website (website_id, code, name, is_default) VALUES (1, 'base', 'Main', 1),"
               " (2, 'outlet', 'Outlet', 0)")
    db.execute("INSERT INTO store_group (group_id, website_id, name, code) VALUES (1, 1, 'Main', 'main'),"
               " (2, 2, 'Outlet', 'outlet')")
    db.execute("INSERT INTO store (store_id, code, website_id, group_id, name, is_active) VALUES"
               " (1, 'default', 1, 1, 'Default', 1), (2, 'fr', 1, 1, 'Français', 1), (3, 'outlet', 2, 2, 'Outlet', 1)")
    db.executemany("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES (%s, %s, %s, %s)", [
        ("default", 0, "web/unsecure/base_url", "http://shop.example/"),
        ("default", 0, "payzen/general/site_id", "40127895"),
        ("default", 0, "payzen/general/ctx_mode", "TEST"),
        ("default", 0, "payzen/general/key_test", KEY_TEST),
        ("default", 0, "payzen/general/key_prod", OLD_PROD),
        ("default", 0, "payzen/general/sign_algo", "SHA-256"),
        ("websites", 2, "payzen/general/ctx_mode", "TEST"),
    ])
    root = tmp_path / "magento"
    (root / "bin").mkdir(parents=True)
    (root / "bin" / "magento").write_text(FAKE_MAGENTO)
    return db, root


def test_magento_go_live_of_a_store_view_cleans_the_config_cache(new_db, tmp_path):
    db, root = magento(new_db, tmp_path)
    calls = root / "calls.log"
    store = db.store("magento2", scope="stores", scope_id=2, magento_root=str(root))
    check, cert, _c2, _a2 = four_phases("certificate", {"name": "fr", "store": store, "mode": "PRODUCTION",
                                                        "value": KEY_PROD}, db, ["core_config_data"])
    assert check.shop("fr")["cache_cleaned"] is True and cert.shop("fr")["cache_cleaned"] is True
    assert calls.read_text() == "cache:clean config\n"     # check mode did not run it; no-change runs neither
    four_phases("ctx_mode", {"name": "fr", "store": store, "mode": "PRODUCTION"}, db, ["core_config_data"])
    assert calls.read_text() == "cache:clean config\n" * 2
    rows = db.execute("SELECT scope, scope_id, path, value FROM core_config_data WHERE scope = 'stores'"
                      " ORDER BY path")
    assert rows == (("stores", 2, "payzen/general/ctx_mode", "PRODUCTION"),
                    ("stores", 2, "payzen/general/key_prod", KEY_PROD))
    info = run_module("shop_info", {"store": db.store("magento2"), "shops": [
        {"name": "default", "store": {}}, {"name": "fr", "store": {"scope": "stores", "scope_id": 2}},
        {"name": "outlet", "store": {"scope": "stores", "scope_id": 3}}]})
    assert not info.failed, info.output
    assert [info.shop(n)["ctx_mode"] for n in ("default", "fr", "outlet")] == ["TEST", "PRODUCTION", "TEST"]


def test_magento_website_scope_falls_back_to_default(new_db, tmp_path):
    db, _root = magento(new_db, tmp_path)
    db.execute("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES"
               " ('websites', 1, 'payzen/general/key_prod', %s)", (KEY_PROD,))
    store = db.store("magento2", scope="stores", scope_id=1)  # store 1 is in website 1
    run = run_module("ctx_mode", {"name": "main", "store": store, "mode": "PRODUCTION"})
    assert not run.failed and run.changed, run.output
    assert "cache_cleaned" not in run.shop("main")
    assert run.shop("main")["fingerprint"] == "sha256:" + hashlib.sha256(KEY_PROD.encode()).hexdigest()[:8]
    website = db.store("magento2", scope="websites", scope_id=2)
    run = run_module("certificate", {"store": website, "mode": "PRODUCTION", "value": KEY_PROD2})
    assert not run.failed and run.changed, run.output
    assert db.execute("SELECT value FROM core_config_data WHERE scope = 'websites' AND scope_id = 2 AND"
                      " path = 'payzen/general/key_prod'") == ((KEY_PROD2,),)


# -- several store types, one database ----------------------------------------------------------------------
def test_one_connection_for_shops_of_several_types_in_one_database(new_db):
    db = prestashop(new_db)
    db.load("wordpress.sql")
    db.execute("INSERT INTO wp_options (option_name, option_value) VALUES ('woocommerce_payzen_settings', %s)",
               (phpserialize.dumps(WOO_SETTINGS).decode("utf-8"),))
    base = db.store("prestashop")
    base.pop("type")
    run = run_module("ctx_mode", {"store": base, "mode": "PRODUCTION", "key": KEY_PROD, "shops": [
        {"name": "ps", "store": {"type": "prestashop", "shop_id": 4}},
        {"name": "wc", "store": {"type": "woocommerce"}}]})
    assert not run.failed, run.output
    assert effective(db, 4, "PAYZEN_MODE") == "PRODUCTION"
    assert run.shop("wc")["changed"] and run.shop("wc")["store"].startswith("woocommerce:")


@pytest.mark.parametrize("verbosity", [4])
def test_keys_never_show_at_full_verbosity(new_db, verbosity):
    db = prestashop(new_db)
    args = {"store": db.store("prestashop", shop_id=1), "mode": "PRODUCTION", "key": KEY_PROD}
    run = run_module("ctx_mode", args, diff=True, verbosity=verbosity)
    assert not run.failed and run.changed, run.output
    assert "PRODUCTION" in run.output and "sha256:" in run.output
    for secret in (KEY_PROD, KEY_TEST, OLD_PROD, db.server.password):
        assert secret not in run.output
    run = run_module("shop_info", {"store": db.store("prestashop", shop_id=1)}, verbosity=verbosity)
    for secret in (KEY_PROD, KEY_TEST, OLD_PROD, db.server.password):
        assert secret not in run.output

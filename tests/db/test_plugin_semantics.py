"""The database stores read shops exactly as the official plugins do, with Debian's `php` as the judge.

* the signature algorithm: shop_info's effective algorithm agrees with what each plugin's getter and SDK
  compute (PHP reads the real database and signs a form), on every case: exact SHA-256, empty, missing
  row, legacy WooCommerce array without sign_algo, other spellings, Magento with no row;
* the plugins' placeholder site id 12345678 blocks PRODUCTION (force overrides);
* scopes: a global / default write that a narrower row overrides is refused, reported by shop_info, and
  handled by store.overrides; PHP then resolves PRODUCTION and the production key for that shop;
* REST API keys: installed per plugin, Magento's encrypted with its crypt key (PHP's sodium decrypts what
  we wrote, we read what PHP encrypted), wrong or missing env.php key = clear error, nothing written;
* Magento without magento_root: cache_flush_required, the warning and the golive report line;
* PrestaShop 1.4's PAYZEN_CTX_MODE.
"""

from __future__ import annotations

import pytest

from ansible_collections.vads.shop.plugins.module_utils.signature import sign
from ansible_collections.vads.shop.plugins.filter.fleet import golive_rows
from plugin_php import MAGENTO_DECRYPT, MAGENTO_ENCRYPT, judge, sodium
from support.runner import run_module
from test_db_stores import KEY_PROD, KEY_TEST, OLD_PROD, four_phases, magento, prestashop, woocommerce, WOO_SETTINGS

FIELDS = {"vads_action_mode": "INTERACTIVE", "vads_amount": "200", "vads_ctx_mode": "TEST", "vads_currency": "978",
          "vads_page_action": "PAYMENT", "vads_payment_config": "SINGLE", "vads_site_id": "40127895",
          "vads_trans_date": "20261201101010", "vads_trans_id": "123456", "vads_version": "V2"}
SPELLINGS = [("SHA-256", "HMAC-SHA-256", "stored"), ("", "SHA-1", "stored"), (None, "SHA-1", "plugin default"),
             ("SHA-1", "SHA-1", "stored"), ("HMAC-SHA-256", "SHA-1", "stored"), ("sha-256", "SHA-1", "stored"),
             ("SHA256", "SHA-1", "stored")]
REST_PROD = {"private_key": "prodpassword_Hq3mZ8vT2kLp9wXr4nYb6cJd", "public_key": "40127895:publickey_Rt5Yp8mQ2wXz",
             "hmac_key": "Kd9fT3mW7qZp2xVb8nRt5yHs4jLc6gNa"}
REST_TEST = {"private_key": "testpassword_Aa1Bb2Cc3Dd4Ee5Ff6Gg7Hh8", "public_key": "40127895:testpublickey_Zz9Yy8",
             "hmac_key": "Tt1Uu2Vv3Ww4Xx5Yy6Zz7Aa8Bb9Cc0Dd"}
CRYPT_KEY = "f3a1c9e7b5d2048613579bdf02468ace"   # a Magento 2 crypt key (32 characters, md5-style)
SECRETS = [KEY_PROD, KEY_TEST, CRYPT_KEY] + list(REST_PROD.values()) + list(REST_TEST.values())


def _agree(db, store, read, info_name="s"):
    """shop_info's effective algorithm and a form signed with it match the PHP plugin's."""
    info = run_module("shop_info", {"name": info_name, "store": store})
    assert not info.failed, info.output
    shop = info.shop(info_name)
    php = judge(db.server, db.name, read, {"algo": "sign_algo", "fields": FIELDS, "key": KEY_TEST})
    assert shop["sign_algo"] == php["_algo"], (read, shop, php)
    assert sign(FIELDS, KEY_TEST, shop["sign_algo"]) == php["_signature"]
    return shop


@pytest.mark.parametrize("stored, algo, source", SPELLINGS)
def test_prestashop_algorithm_as_the_plugin_computes_it(new_db, stored, algo, source):
    db = prestashop(new_db)
    db.execute("DELETE FROM ps_configuration WHERE name = 'PAYZEN_SIGN_ALGO'")
    if stored is not None:
        db.execute("INSERT INTO ps_configuration (name, value, date_add, date_upd) VALUES ('PAYZEN_SIGN_ALGO', %s,"
                   " NOW(), NOW())", (stored,))
    shop = _agree(db, db.store("prestashop", shop_id=2),
                  {"sign_algo": {"type": "prestashop", "name": "PAYZEN_SIGN_ALGO", "shop": 2}})
    assert (shop["sign_algo"], shop["sign_algo_source"]) == (algo, source)
    if stored not in (None, "", "SHA-1", "SHA-256"):
        assert any("plugin signs SHA-1" in p for p in shop["problems"])


@pytest.mark.parametrize("stored, algo, source", SPELLINGS)
def test_woocommerce_algorithm_as_the_plugin_computes_it(new_db, stored, algo, source):
    settings = dict(WOO_SETTINGS)
    if stored is None:
        del settings["sign_algo"]        # an array saved by a plugin version before 1.6.0, never migrated
    else:
        settings["sign_algo"] = stored
    db, _raw = woocommerce(new_db, settings)
    shop = _agree(db, db.store("woocommerce"),
                  {"sign_algo": {"type": "woocommerce", "option": "woocommerce_payzen_settings", "name": "sign_algo"}})
    assert (shop["sign_algo"], shop["sign_algo_source"]) == (algo, source)


@pytest.mark.parametrize("stored, algo, source", SPELLINGS[:2] + [(None, "HMAC-SHA-256", "plugin default")]
                         + SPELLINGS[3:])
def test_magento_algorithm_as_the_plugin_computes_it(new_db, tmp_path, stored, algo, source):
    db, _root = magento(new_db, tmp_path)
    db.execute("DELETE FROM core_config_data WHERE path = 'payzen/general/sign_algo'")
    if stored is not None:   # at the website, so that the store view reads it through ScopeConfig's fallback
        db.execute("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ('websites', 1,"
                   " 'payzen/general/sign_algo', %s)", (stored,))
    shop = _agree(db, db.store("magento2", scope="stores", scope_id=2),
                  {"sign_algo": {"type": "magento2", "name": "payzen/general/sign_algo", "scope": "stores",
                                 "scope_id": 2}})
    assert (shop["sign_algo"], shop["sign_algo_source"]) == (algo, source)


# -- the plugins' placeholder site id -----------------------------------------------------------------------
def _placeholder_stores(new_db, tmp_path):
    ps = prestashop(new_db)
    ps.execute("UPDATE ps_configuration SET value = '12345678' WHERE name = 'PAYZEN_SITE_ID'")
    woo, _raw = woocommerce(new_db, dict(WOO_SETTINGS, site_id="12345678"))
    mage, _root = magento(new_db, tmp_path)
    mage.execute("DELETE FROM core_config_data WHERE path = 'payzen/general/site_id'")
    mage.execute("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ('default', 0,"
                 " 'payzen/general/site_id', '12345678')")
    return [("ps", ps, ps.store("prestashop", shop_id=1)), ("wc", woo, woo.store("woocommerce")),
            ("mage", mage, mage.store("magento2", scope="stores", scope_id=1, magento_root=str(_root)))]


def test_placeholder_site_id_blocks_production_on_every_plugin(new_db, tmp_path):
    for name, db, store in _placeholder_stores(new_db, tmp_path):
        table = {"ps": "ps_configuration", "wc": "wp_options", "mage": "core_config_data"}[name]
        before = db.dump(table)
        info = run_module("shop_info", {"name": name, "store": store})
        assert not info.failed, info.output
        assert info.shop(name)["ready_for_production"] is False
        assert any("placeholder 12345678" in p for p in info.shop(name)["problems"])
        refused = run_module("ctx_mode", {"name": name, "store": store, "mode": "PRODUCTION", "key": KEY_PROD})
        assert refused.failed and "placeholder 12345678" in refused.result["msg"], refused.output
        assert "force: true overrides" in refused.result["msg"]
        assert db.dump(table) == before
        forced = run_module("ctx_mode", {"name": name, "store": store, "mode": "PRODUCTION", "key": KEY_PROD,
                                         "force": True})
        assert not forced.failed and forced.changed, forced.output


# -- scopes ------------------------------------------------------------------------------------------------
def test_prestashop_global_go_live_refused_while_a_shop_row_says_test(new_db):
    db = prestashop(new_db)   # shop 2 and group 2 have their own PAYZEN_MODE row (TEST)
    db.execute("INSERT INTO ps_configuration (id_shop_group, id_shop, name, value, date_add, date_upd) VALUES"
               " (1, 2, 'PAYZEN_KEY_PROD', %s, NOW(), NOW())", (OLD_PROD,))
    glob = db.store("prestashop")
    info = run_module("shop_info", {"name": "global", "store": glob})
    assert not info.failed, info.output
    shop = info.shop("global")
    assert {"scope": "shop 2", "settings": ["ctx_mode", "key_prod"]} in shop["overrides"]
    assert {"scope": "shop group 2", "settings": ["ctx_mode"]} in shop["overrides"]
    assert shop["ready_for_production"] is False
    assert any(p.startswith("shop 2: the production key is a placeholder") for p in shop["problems"])
    assert any(p.startswith("shop 2 keeps its own context mode (TEST)") for p in shop["problems"])
    assert OLD_PROD not in info.output

    before = db.dump("ps_configuration")
    args = {"name": "global", "store": glob, "mode": "PRODUCTION", "key": KEY_PROD}
    for check in (True, False):
        refused = run_module("ctx_mode", args, check=check)
        assert refused.failed, refused.output
        msg = refused.result["msg"]
        assert "PAYZEN_MODE is set at shop 2, shop group 2" in msg and "PAYZEN_KEY_PROD is set at shop 2" in msg
        assert "store.overrides" in msg and KEY_PROD not in refused.output and OLD_PROD not in refused.output
        assert db.dump("ps_configuration") == before

    args["store"] = dict(glob, overrides="write")
    _c, apply1, _c2, _a2 = four_phases("ctx_mode", args, db, ["ps_configuration"])
    assert {"scope": "shop 2", "name": "PAYZEN_MODE", "action": "written"} in apply1.shop("global")["overrides"]
    for shop_id in (1, 2, 3, 4):   # PHP resolves every shop as Configuration::get does
        php = judge(db.server, db.name, {
            "mode": {"type": "prestashop", "name": "PAYZEN_MODE", "shop": shop_id},
            "key": {"type": "prestashop", "name": "PAYZEN_KEY_PROD", "shop": shop_id}})
        assert php == {"mode": "PRODUCTION", "key": KEY_PROD}, shop_id
    info = run_module("shop_info", {"name": "global", "store": glob})
    assert info.shop("global")["ready_for_production"] is True, info.shop("global")["problems"]


def test_prestashop_overrides_remove_deletes_the_narrower_rows(new_db):
    db = prestashop(new_db)
    args = {"store": db.store("prestashop", overrides="remove"), "mode": "PRODUCTION", "key": KEY_PROD}
    _c, apply1, _c2, _a2 = four_phases("ctx_mode", args, db, ["ps_configuration"])
    assert db.execute("SELECT COUNT(*) FROM ps_configuration WHERE name = 'PAYZEN_MODE'") == ((1,),)
    assert sorted(o["scope"] for o in apply1.shop(apply1.result["shops"][0]["name"])["overrides"]) == [
        "shop 2", "shop group 2"]
    for shop_id in (2, 4):
        assert judge(db.server, db.name, {"m": {"type": "prestashop", "name": "PAYZEN_MODE", "shop": shop_id}}) == {
            "m": "PRODUCTION"}


def test_magento_default_go_live_refused_while_a_store_view_row_says_test(new_db, tmp_path):
    db, root = magento(new_db, tmp_path)   # website 2 has its own ctx_mode row (TEST)
    db.execute("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ('stores', 2,"
               " 'payzen/general/ctx_mode', 'TEST')")
    default = db.store("magento2", magento_root=str(root))
    info = run_module("shop_info", {"name": "default", "store": default})
    shop = info.shop("default")
    assert {"scope": "store view 2", "settings": ["ctx_mode"]} in shop["overrides"]
    assert {"scope": "website 2", "settings": ["ctx_mode"]} in shop["overrides"]
    assert shop["ready_for_production"] is False
    assert any(p.startswith("store view 3 keeps its own context mode") for p in shop["problems"])
    before = db.dump("core_config_data")
    args = {"name": "default", "store": default, "mode": "PRODUCTION", "key": KEY_PROD}
    refused = run_module("ctx_mode", args)
    assert refused.failed and "payzen/general/ctx_mode is set at store view 2, website 2" in refused.result["msg"]
    assert db.dump("core_config_data") == before
    args["store"] = dict(default, overrides="write")
    four_phases("ctx_mode", args, db, ["core_config_data"])
    for view in (1, 2, 3):   # PHP resolves as ScopeConfig does
        php = judge(db.server, db.name, {
            "mode": {"type": "magento2", "name": "payzen/general/ctx_mode", "scope": "stores", "scope_id": view},
            "key": {"type": "magento2", "name": "payzen/general/key_prod", "scope": "stores", "scope_id": view}})
        assert php == {"mode": "PRODUCTION", "key": KEY_PROD}, view


# -- REST API keys -----------------------------------------------------------------------------------------
def _env_php(root, key):
    (root / "app" / "etc").mkdir(parents=True, exist_ok=True)
    (root / "app" / "etc" / "env.php").write_text(
        "<?php\nreturn [\n    'crypt' => [\n        'key' => '%s'\n    ],\n    'db' => ['table_prefix' => '']\n];\n" % key)


def _rest_rows(db, mode="prod"):
    return dict(db.execute("SELECT path, value FROM core_config_data WHERE path LIKE 'payzen/general/rest_%%_" + mode
                           + "'"))


def test_magento_rest_keys_encrypted_as_magento_does_both_ways(new_db, tmp_path):
    db, root = magento(new_db, tmp_path)
    _env_php(root, CRYPT_KEY)
    store = db.store("magento2", magento_root=str(root))
    args = {"name": "m", "store": dict(store, create=True), "mode": "PRODUCTION", "value": REST_PROD}
    _c, apply1, _c2, _a2 = four_phases("rest_keys", args, db, ["core_config_data"])
    rows = _rest_rows(db)
    assert rows["payzen/general/rest_public_key_prod"] == REST_PROD["public_key"]   # in clear, as Magento keeps it
    for path, part in (("rest_private_key_prod", "private_key"), ("rest_return_key_prod", "hmac_key")):
        stored = rows["payzen/general/" + path]
        assert stored.startswith("0:3:") and REST_PROD[part] not in stored
        assert sodium(MAGENTO_DECRYPT, {"env_key": CRYPT_KEY, "value": stored}) == REST_PROD[part]
    for secret in SECRETS:
        assert secret not in apply1.output

    # A value PHP encrypted (Magento's Encryptor, current key version) is read back: nothing to change.
    other = dict(REST_PROD, private_key="prodpassword_PhpWroteThis0123456789")
    php_value = sodium(MAGENTO_ENCRYPT, {"env_key": CRYPT_KEY, "value": other["private_key"]})
    db.execute("UPDATE core_config_data SET value = %s WHERE path = 'payzen/general/rest_private_key_prod'",
               (php_value,))
    same = run_module("rest_keys", dict(args, value=other))
    assert not same.failed and not same.changed, same.output
    info = run_module("shop_info", {"name": "m", "store": store})
    assert info.shop("m")["rest_keys"]["PRODUCTION"]["private_key"] == same.shop("m")["fingerprints"]["private_key"]

    # The audit reads the same store (PHP for env.php through the module's run_command): no unreadable store.
    audit = run_module("audit", {"host": "web-mage", "shops": [{"name": "m", "store": store}]})
    assert not audit.failed, audit.output
    assert [f["code"] for f in audit.shop("m")["findings"] if f["code"] == "STORE_UNREADABLE"] == [], audit.output
    assert audit.shop("m")["state"] == "TEST"
    for secret in SECRETS:
        assert secret not in audit.output


def test_magento_rest_keys_wrong_or_missing_env_key_is_a_clear_error(new_db, tmp_path):
    db, root = magento(new_db, tmp_path)
    store = db.store("magento2", magento_root=str(root), create=True)
    args = {"name": "m", "store": store, "mode": "PRODUCTION", "value": REST_PROD}
    before = db.dump("core_config_data")
    missing = run_module("rest_keys", args)        # no app/etc/env.php
    assert missing.failed and "env.php does not exist" in missing.result["msg"], missing.output
    no_root = run_module("rest_keys", dict(args, store=dict(store, magento_root=None)))
    assert no_root.failed and "give store.magento_root" in no_root.result["msg"]
    assert db.dump("core_config_data") == before
    _env_php(root, CRYPT_KEY)
    assert not run_module("rest_keys", args).failed
    written = db.dump("core_config_data")
    _env_php(root, "0" * 32)                       # another install's key
    wrong = run_module("rest_keys", dict(args, value=dict(REST_PROD, hmac_key="Another0hmac0key0000000000000000")))
    assert wrong.failed and "does not decrypt with crypt key version 0" in wrong.result["msg"], wrong.output
    assert db.dump("core_config_data") == written
    for run in (missing, no_root, wrong):
        assert CRYPT_KEY not in run.output and all(v not in run.output for v in REST_PROD.values())


@pytest.mark.parametrize("kind", ["prestashop", "woocommerce"])
def test_rest_keys_and_readiness_on_prestashop_and_woocommerce(new_db, kind):
    if kind == "prestashop":
        db = prestashop(new_db)
        db.execute("INSERT INTO ps_configuration (name, value, date_add, date_upd) VALUES"
                   " ('PAYZEN_PRIVKEY_TEST', %s, NOW(), NOW()), ('PAYZEN_PRIVKEY_PROD', '', NOW(), NOW()),"
                   " ('PAYZEN_PUBKEY_PROD', '', NOW(), NOW()), ('PAYZEN_RETKEY_PROD', '', NOW(), NOW())",
                   (REST_TEST["private_key"],))
        store, table = db.store("prestashop", shop_id=1), "ps_configuration"
        names = {"private_key": "PAYZEN_PRIVKEY_PROD", "public_key": "PAYZEN_PUBKEY_PROD",
                 "hmac_key": "PAYZEN_RETKEY_PROD"}
    else:
        db, _raw = woocommerce(new_db, dict(WOO_SETTINGS, test_private_key=REST_TEST["private_key"],
                                            prod_private_key="", prod_public_key="", prod_return_key=""))
        store, table = db.store("woocommerce"), "wp_options"
        names = {"private_key": "prod_private_key", "public_key": "prod_public_key", "hmac_key": "prod_return_key"}
    db.execute("UPDATE ps_configuration SET value = %s WHERE name = 'PAYZEN_KEY_PROD'" if kind == "prestashop" else
               "SELECT %s", (KEY_PROD,))
    if kind == "woocommerce":
        run_module("certificate", {"store": store, "mode": "PRODUCTION", "value": KEY_PROD})
    info = run_module("shop_info", {"name": "s", "store": store})
    shop = info.shop("s")
    assert shop["rest_api"] is True and shop["ready_for_production"] is False
    assert any("production REST private key (REST password) is missing" in p for p in shop["problems"])
    wrong = run_module("rest_keys", {"name": "s", "store": store, "mode": "PRODUCTION", "value": REST_TEST})
    assert wrong.failed and "is a test password" in wrong.result["msg"], wrong.output
    four_phases("rest_keys", {"name": "s", "store": store, "mode": "PRODUCTION", "value": REST_PROD}, db, [table])
    if kind == "prestashop":
        read = dict((p, {"type": "prestashop", "name": n, "shop": 1}) for p, n in names.items())
    else:
        read = dict((p, {"type": "woocommerce", "option": "woocommerce_payzen_settings", "name": n})
                    for p, n in names.items())
    assert judge(db.server, db.name, read) == REST_PROD
    info = run_module("shop_info", {"name": "s", "store": store})
    assert info.shop("s")["ready_for_production"] is True, info.shop("s")["problems"]
    assert all(v not in info.output for v in REST_PROD.values())


# -- Magento's config cache without magento_root --------------------------------------------------------------
def test_magento_without_root_flags_the_cache_flush(new_db, tmp_path):
    db, _root = magento(new_db, tmp_path)
    store = db.store("magento2", scope="stores", scope_id=2)
    run = run_module("ctx_mode", {"name": "fr", "store": store, "mode": "PRODUCTION", "key": KEY_PROD})
    assert not run.failed and run.changed, run.output
    assert run.shop("fr")["cache_flush_required"] is True and "cache_cleaned" not in run.shop("fr")
    text = " ".join(run.output.split())   # ansible shows module warnings, wrapped
    assert "[WARNING]" in text and "cache:clean config in the shop's root folder" in text, run.output
    again = run_module("ctx_mode", {"name": "fr", "store": store, "mode": "PRODUCTION"})
    assert not again.changed and "cache_flush_required" not in again.shop("fr")
    rows = golive_rows([{"name": "fr", "site_id": "40127895"}], {"switch": run.result}, "sandbox")
    assert any("bin/magento cache:clean config" in line for line in rows[0]["manual_pending"])


def test_prestashop_14_names_the_mode_ctx_mode(new_db):
    db = prestashop(new_db)
    db.execute("UPDATE ps_configuration SET name = 'PAYZEN_CTX_MODE' WHERE name = 'PAYZEN_MODE'")
    store = db.store("prestashop")
    run = run_module("ctx_mode", {"name": "ps14", "store": dict(store, overrides="write"), "mode": "PRODUCTION",
                                  "key": KEY_PROD})
    assert not run.failed and run.changed, run.output
    assert db.execute("SELECT COUNT(*) FROM ps_configuration WHERE name = 'PAYZEN_MODE'") == ((0,),)
    assert judge(db.server, db.name, {"m": {"type": "prestashop", "name": "PAYZEN_CTX_MODE", "shop": 1}}) == {
        "m": "PRODUCTION"}

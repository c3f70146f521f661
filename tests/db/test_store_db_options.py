"""The database store options, without a server: names, locations, validation."""

from __future__ import annotations

import pytest

from ansible_collections.vads.shop.plugins.module_utils import store_db  # noqa: F401  registers the types
from ansible_collections.vads.shop.plugins.module_utils.batch import argument_spec
from ansible_collections.vads.shop.plugins.module_utils.store import ShopStore, StoreError

CONN = {"login_user": "shop", "login_password": "s3cret-pw", "login_db": "shop"}


def store(**options):
    return ShopStore(dict(CONN, **options))


def test_default_names_per_type_and_brand():
    assert store(type="prestashop").mapping == {
        "site_id": "PAYZEN_SITE_ID", "ctx_mode": "PAYZEN_MODE", "key_test": "PAYZEN_KEY_TEST",
        "key_prod": "PAYZEN_KEY_PROD", "sign_algo": "PAYZEN_SIGN_ALGO",
        "rest_private_key_test": "PAYZEN_PRIVKEY_TEST", "rest_private_key_prod": "PAYZEN_PRIVKEY_PROD",
        "rest_public_key_test": "PAYZEN_PUBKEY_TEST", "rest_public_key_prod": "PAYZEN_PUBKEY_PROD",
        "rest_hmac_key_test": "PAYZEN_RETKEY_TEST", "rest_hmac_key_prod": "PAYZEN_RETKEY_PROD"}
    assert store(type="woocommerce").mapping["rest_hmac_key_prod"] == "prod_return_key"
    assert store(type="magento2").mapping["rest_hmac_key_prod"] == "payzen/general/rest_return_key_prod"
    assert store(type="prestashop", brand="systempay").mapping["ctx_mode"] == "SYSTEMPAY_MODE"
    assert store(type="woocommerce").mapping["key_prod"] == "key_prod"
    assert store(type="magento2").mapping["ctx_mode"] == "payzen/general/ctx_mode"
    assert store(type="magento2", brand="SYSTEMPAY").mapping["site_id"] == "systempay/general/site_id"
    assert "url_check" not in store(type="prestashop").mapping


def test_shops_of_one_database_share_a_location():
    a = store(type="prestashop", shop_id=1, login_host="db1")
    b = store(type="prestashop", shop_id=2, login_host="db1", login_port=3306)
    c = store(type="woocommerce", login_host="db1")
    d = store(type="prestashop", shop_id=1, login_host="db2")
    assert a.location == b.location == c.location != d.location
    assert "s3cret-pw" not in repr(a.location) and "s3cret-pw" not in a.describe()
    assert a.describe() == "prestashop:shop.ps_configuration (shop 1)"
    assert store(type="magento2", scope="store", scope_id=2).describe() == "magento2:shop.core_config_data (stores 2)"
    assert c.describe() == "woocommerce:shop.wp_options[woocommerce_payzen_settings]"


@pytest.mark.parametrize("options, message", [
    ({"type": "prestashop", "login_db": None}, "store.login_db"),
    ({"type": "prestashop", "login_user": None}, "store.login_user"),
    ({"type": "prestashop", "scope": "stores"}, "store.scope applies to magento2 stores only"),
    ({"type": "magento2", "shop_id": 1}, "store.shop_id applies to prestashop stores only"),
    ({"type": "woocommerce", "path": "/x"}, "store.path applies to file stores"),
    ({"type": "magento2", "scope": "global"}, "store.scope 'global' is not allowed"),
    ({"type": "magento2", "scope": "stores"}, "store.scope_id is required with scope stores"),
    ({"type": "magento2", "scope_id": 3}, "store.scope_id must be 0"),
    ({"type": "prestashop", "shop_id": 0}, "store.shop_id must be a positive id"),
    ({"type": "prestashop", "table_prefix": "ps`; DROP"}, "store.table_prefix"),
    ({"type": "prestashop", "brand": "pay zen"}, "store.brand"),
])
def test_bad_options_are_clear(options, message):
    with pytest.raises(StoreError) as info:
        store(**options)
    assert message in str(info.value)


def test_argument_spec_has_the_connection_options_and_hides_the_password():
    spec = argument_spec({})
    top = spec["store"]["options"]["login_password"]
    assert top["fallback"][1] == ["VADS_STORE_LOGIN_PASSWORD"]      # the environment stands in at the top level only
    assert dict(top, fallback=None) == {"type": "str", "no_log": True, "fallback": None}
    assert spec["shops"]["options"]["store"]["options"]["login_password"] == {"type": "str", "no_log": True}
    for where in (spec["store"]["options"], spec["shops"]["options"]["store"]["options"]):
        for name in ("login_host", "login_port", "login_unix_socket", "login_user", "login_db", "table_prefix",
                     "brand", "shop_id", "shop_group_id", "option_name", "scope", "scope_id", "magento_root"):
            assert name in where


def test_missing_pymysql_gives_the_standard_message(monkeypatch):
    import sys
    monkeypatch.setitem(sys.modules, "pymysql", None)
    s = store(type="prestashop")
    with pytest.raises(StoreError) as info:
        store_db.DatabaseBackend(s.location, [s])
    assert "Failed to import the required Python library (PyMySQL)" in str(info.value)


def test_shops_of_one_location_must_agree_on_the_password():
    a = store(type="prestashop", shop_id=1)
    b = ShopStore(dict(CONN, type="prestashop", shop_id=2, login_password="other"))
    with pytest.raises(StoreError) as info:
        store_db.DatabaseBackend(a.location, [a, b])
    assert "different passwords" in str(info.value) and "other" not in str(info.value)

"""Wrong password, missing table, missing option, a failing write, no PyMySQL: a clear error, no row changed."""

from __future__ import annotations

import json
import subprocess
import tempfile
from pathlib import Path

import pytest

from ansible_collections.vads.shop.plugins.module_utils.store import ShopStore, StoreError
from ansible_collections.vads.shop.plugins.module_utils.store_db import DatabaseBackend
from support.runner import REPO, VENV_BIN, ansible_env, run_module
from test_db_stores import KEY_PROD, KEY_TEST, magento, prestashop, woocommerce

WRONG = "Wr0ng-Passw0rd-xyz"


def test_wrong_password(new_db):
    db = prestashop(new_db)
    before = db.dump("ps_configuration")
    store = db.store("prestashop", shop_id=1, login_password=WRONG)
    run = run_module("ctx_mode", {"name": "lyon", "store": store, "mode": "PRODUCTION", "key": KEY_PROD})
    assert run.failed
    msg = run.result["msg"]
    assert "cannot connect to database %s on 127.0.0.1:%d (user root)" % (db.name, db.server.port) in msg
    assert "Access denied" in msg and "lyon" in msg
    assert WRONG not in run.output and KEY_PROD not in run.output
    assert db.dump("ps_configuration") == before

    # store.login_password from VADS_STORE_LOGIN_PASSWORD when the store does not give it; a given one wins.
    env = {"VADS_STORE_LOGIN_PASSWORD": db.server.password}
    bare = dict((k, v) for k, v in store.items() if k != "login_password")
    read = run_module("shop_info", {"name": "lyon", "store": bare}, env=env, verbosity=4)
    assert not read.failed and read.shop("lyon")["ctx_mode"] == "TEST", read.output
    assert db.server.password not in read.output
    assert run_module("shop_info", {"name": "lyon", "store": store}, env=env).failed


def test_missing_table_names_the_shop_and_changes_nothing(new_db):
    db = prestashop(new_db)
    before = db.dump("ps_configuration")
    run = run_module("ctx_mode", {"store": db.store("prestashop"), "mode": "PRODUCTION", "key": KEY_PROD, "shops": [
        {"name": "good", "store": {"shop_id": 1}},
        {"name": "bad", "store": {"shop_id": 2, "table_prefix": "shop_"}}]})
    assert run.failed
    assert run.result["failures"] == [{"name": "bad", "problems": [
        "table shop_configuration does not exist in database %s on 127.0.0.1:%d (user root) (is "
        "store.table_prefix right? it is 'shop_')" % (db.name, db.server.port)]}]
    assert "nothing was changed" in run.result["msg"]
    assert db.dump("ps_configuration") == before


def test_missing_woocommerce_option(new_db):
    db, _raw = woocommerce(new_db, name="woocommerce_other_settings")
    before = db.dump("wp_options")
    run = run_module("certificate", {"name": "wc", "store": db.store("woocommerce"), "mode": "PRODUCTION",
                                     "value": KEY_PROD})
    assert run.failed
    assert ("option woocommerce_payzen_settings is not in wp_options of database %s" % db.name) in run.result["msg"]
    assert "save the plugin's settings once" in run.result["msg"]
    assert db.dump("wp_options") == before


def test_unreadable_woocommerce_option(new_db):
    db, _raw = woocommerce(new_db)
    db.execute("UPDATE wp_options SET option_value = %s WHERE option_name = 'woocommerce_payzen_settings'",
               ('a:2:{s:8:"key_test";s:99:"%s";}' % KEY_TEST,))
    before = db.dump("wp_options")
    run = run_module("ctx_mode", {"store": db.store("woocommerce"), "mode": "TEST", "key": KEY_TEST})
    assert run.failed and "is not a PHP-serialized array we can read" in run.result["msg"]
    assert KEY_TEST not in run.output
    assert db.dump("wp_options") == before


def test_a_failing_write_rolls_back_the_whole_transaction(new_db):
    db = prestashop(new_db)
    before = db.dump("ps_configuration")
    too_long = "PAYZEN_" + "X" * 300  # name is varchar(254): the second INSERT fails in strict mode
    run = run_module("ctx_mode", {"store": db.store("prestashop"), "mode": "PRODUCTION", "key": KEY_PROD, "shops": [
        {"name": "first", "store": {"shop_id": 1}},
        {"name": "second", "store": {"shop_id": 4, "keys": {"ctx_mode": too_long}, "create": True}}]})
    assert run.failed
    assert "rolled back" in run.result["msg"] and "Data too long" in run.result["msg"]
    assert KEY_PROD not in run.output and db.server.password not in run.output
    assert db.dump("ps_configuration") == before


def test_without_pymysql_the_standard_missing_library_message(new_db):
    db = prestashop(new_db)
    python = "/usr/bin/python3"
    probe = subprocess.run([python, "-c", "import pymysql"], capture_output=True, check=False)
    if probe.returncode == 0:
        pytest.skip("%s has PyMySQL" % python)
    args = {"store": db.store("prestashop"), "mode": "TEST"}
    with tempfile.TemporaryDirectory() as tree:
        cmd = [str(VENV_BIN / "ansible"), "localhost", "-i", "localhost,", "-c", "local",
               "-e", "ansible_python_interpreter=%s" % python, "-m", "vads.shop.ctx_mode",
               "-a", json.dumps(args), "-t", tree]
        proc = subprocess.run(cmd, capture_output=True, text=True, env=ansible_env(), cwd=str(REPO), timeout=300,
                              check=False)
        result = json.loads((Path(tree) / "localhost").read_text())
    assert proc.returncode != 0, proc.stdout + proc.stderr
    assert "Failed to import the required Python library (PyMySQL)" in result["msg"]


def test_unknown_shop_id(new_db):
    db = prestashop(new_db)
    before = db.dump("ps_configuration")
    run = run_module("certificate", {"store": db.store("prestashop", shop_id=99), "mode": "TEST", "value": KEY_TEST})
    assert run.failed and "shop id 99 does not exist in ps_shop" in run.result["msg"]
    assert db.dump("ps_configuration") == before


def test_magento_store_views_without_and_with_the_store_table(new_db, tmp_path):
    """Straight through the backend: unknown store view; without the store table, stores fall back to default."""
    db, _root = magento(new_db, tmp_path)
    unknown = ShopStore(db.store("magento2", scope="stores", scope_id=99))
    backend = DatabaseBackend(unknown.location, [unknown])
    with pytest.raises(StoreError) as info:
        backend.read(unknown)
    assert "store id 99 does not exist" in str(info.value)
    backend.close()
    db.execute("SET FOREIGN_KEY_CHECKS = 0")
    db.execute("DROP TABLE store")
    outlet = ShopStore(db.store("magento2", scope="stores", scope_id=3))  # website 2 has its own ctx_mode row
    db.execute("UPDATE core_config_data SET value = 'PRODUCTION' WHERE scope = 'websites'")
    backend = DatabaseBackend(outlet.location, [outlet])
    assert backend.read(outlet)["ctx_mode"] == "TEST"  # website unknown: default row
    backend.close()

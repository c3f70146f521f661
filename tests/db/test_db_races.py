"""Two runs on one shop's database at once lose no update, on PrestaShop, WooCommerce and Magento 2.

Each process runs the collection's store code path (support.stores: Batch, DatabaseBackend, one
connection and one transaction per run, as a module call) many times, against the test MariaDB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ansible_collections.vads.shop.plugins.module_utils import phpserialize
from ansible_collections.vads.shop.plugins.module_utils.rules import fingerprint

TESTS = Path(__file__).resolve().parents[1]
EDITS = 60  # per process
KEY_TEST = "TestKey0123456789"
FIRST_PROD = "Kp00000000000000"


def prod_key(i):
    return "Kp%014d" % (i + 1)


def children(*scripts):
    """Start one process per (operation, script), all ready before any runs; returns their results."""
    env = dict(os.environ, PYTHONPATH=str(TESTS) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    procs = [subprocess.Popen([sys.executable, "-m", "support.stores", operation, json.dumps(script), "0", "results"],
                              env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True) for operation, script in scripts]
    for proc in procs:
        assert proc.stdout.readline() == "ready\n"
    for proc in procs:
        proc.stdin.write("go\n")
        proc.stdin.flush()
    return [_results(proc, len(script)) for proc, (_operation, script) in zip(procs, scripts)]


def _results(proc, count):
    """The shop result of each run, or the message of a failed run."""
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err[-2000:]
    lines = [json.loads(line) for line in out.splitlines()]
    assert len(lines) == count
    return [line["failed"] if "failed" in line else line["shops"][0] for line in lines]


def succeeded(runs):
    failed = [run for run in runs if isinstance(run, str)]
    assert not failed, "%d of %d runs failed, the first: %s" % (len(failed), len(runs), failed[0])
    return runs


# -- the three shops, each with its settings inherited from a wider scope (the first writes insert rows) ----
def prestashop(new_db):
    db = new_db("prestashop8.sql")
    db.execute("INSERT INTO ps_shop_group (id_shop_group, name, color, share_customer, share_order, share_stock,"
               " active, deleted) VALUES (1, 'Default', '', 0, 0, 0, 1, 0)")
    db.execute("INSERT INTO ps_shop (id_shop, id_shop_group, name, color, id_category, theme_name, active, deleted)"
               " VALUES (1, 1, 'lyon', '', 2, 'classic', 1, 0)")
    db.executemany("INSERT INTO ps_configuration (id_shop_group, id_shop, name, value, date_add, date_upd)"
                   " VALUES (NULL, NULL, %s, %s, NOW(), NOW())",
                   [("PAYZEN_SITE_ID", "40127895"), ("PAYZEN_MODE", "TEST"), ("PAYZEN_KEY_TEST", KEY_TEST),
                    ("PAYZEN_KEY_PROD", FIRST_PROD), ("PAYZEN_SIGN_ALGO", "SHA-256"), ("PS_SHOP_NAME", "Lyon")])
    return db, db.store("prestashop", shop_id=1)


def prestashop_values(db):
    rows = db.execute("SELECT name, value FROM ps_configuration WHERE id_shop = 1")
    return dict(rows)


def woocommerce(new_db):
    db = new_db("wordpress.sql")
    settings = {"enabled": "yes", "title": "Carte bancaire", "site_id": "40127895", "ctx_mode": "TEST",
                "key_test": KEY_TEST, "key_prod": FIRST_PROD, "sign_algo": "SHA-256", "debug": "no"}
    db.execute("INSERT INTO wp_options (option_name, option_value, autoload) VALUES"
               " ('woocommerce_payzen_settings', %s, 'yes')", (phpserialize.dumps(settings).decode("utf-8"),))
    return db, db.store("woocommerce")


def woocommerce_values(db):
    raw = db.execute("SELECT option_value FROM wp_options WHERE option_name = 'woocommerce_payzen_settings'")[0][0]
    return dict((e.key.decode("utf-8"), phpserialize.get_strings(raw.encode("utf-8"), [e.key.decode("utf-8")])
                 [e.key.decode("utf-8")]) for e in phpserialize.entries(raw.encode("utf-8")))


def magento(new_db):
    db = new_db("magento2.sql")
    db.execute("INSERT INTO store_website (website_id, code, name, is_default) VALUES (1, 'base', 'Main', 1)")
    db.execute("INSERT INTO store_group (group_id, website_id, name, code) VALUES (1, 1, 'Main', 'main')")
    db.execute("INSERT INTO store (store_id, code, website_id, group_id, name, is_active) VALUES"
               " (1, 'default', 1, 1, 'Default', 1)")
    db.executemany("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ('default', 0, %s, %s)",
                   [("payzen/general/site_id", "40127895"), ("payzen/general/ctx_mode", "TEST"),
                    ("payzen/general/key_test", KEY_TEST), ("payzen/general/key_prod", FIRST_PROD),
                    ("payzen/general/sign_algo", "SHA-256"), ("web/unsecure/base_url", "http://shop.example/")])
    return db, db.store("magento2", scope="stores", scope_id=1)


def magento_values(db):
    return dict(db.execute("SELECT path, value FROM core_config_data WHERE scope = 'stores' AND scope_id = 1"))


SHOPS = {
    "prestashop": (prestashop, prestashop_values, {"ctx_mode": "PAYZEN_MODE", "key_prod": "PAYZEN_KEY_PROD"},
                   "PAYZEN_%s_{i}"),
    "woocommerce": (woocommerce, woocommerce_values, {"ctx_mode": "ctx_mode", "key_prod": "key_prod"}, "%s_{i}"),
    "magento2": (magento, magento_values, {"ctx_mode": "payzen/general/ctx_mode",
                                           "key_prod": "payzen/general/key_prod"}, "payzen/general/%s_{i}"),
}


@pytest.mark.parametrize("kind", sorted(SHOPS))
def test_one_run_switches_the_mode_while_another_rotates_the_production_key(new_db, kind):
    make, values, names, _pattern = SHOPS[kind]
    db, store = make(new_db)
    # One process switches the mode back and forth; the other rotates the production key, again and again.
    modes = [[{"name": "A", "store": store, "mode": "PRODUCTION" if i % 2 == 0 else "TEST"}] for i in range(EDITS)]
    keys = [[{"name": "B", "store": store, "mode": "PRODUCTION", "value": prod_key(i), "replace": True}]
            for i in range(EDITS)]
    mode_runs, key_runs = map(succeeded, children(("ctx_mode", modes), ("certificate", keys)))
    # Each run found what the same process wrote the run before: nothing the other process did undid it.
    for i, run in enumerate(mode_runs):
        assert run["ctx_mode_before"] == ("TEST" if i % 2 == 0 else "PRODUCTION"), ("a mode was lost", i, run)
        assert run["changed"], (i, run)
    for i, run in enumerate(key_runs):
        assert run["fingerprint_before"] == fingerprint(prod_key(i - 1) if i else FIRST_PROD), ("a key was lost", i)
        assert run["changed"], (i, run)
    final = values(db)
    assert final[names["ctx_mode"]] == "TEST" and final[names["key_prod"]] == prod_key(EDITS - 1)


@pytest.mark.parametrize("kind", sorted(SHOPS))
def test_two_runs_adding_settings_to_one_shop_keep_every_one(new_db, kind):
    make, values, _names, pattern = SHOPS[kind]
    db, store = make(new_db)
    scripts = []
    for who in ("A", "B"):
        # Each run writes a setting of its own under a new name: a lost update is a missing name.
        name = pattern % who
        scripts.append(("certificate", [[{"name": who, "store": dict(store, create=True,
                                                                     keys={"key_test": name.replace("{i}", str(i))}),
                                          "mode": "TEST", "value": "%sk%014d" % (who, i)}] for i in range(EDITS)]))
    for runs in map(succeeded, children(*scripts)):
        assert all(run["changed"] for run in runs)
    final = values(db)
    for who in ("A", "B"):
        for i in range(EDITS):
            assert final.get((pattern % who).replace("{i}", str(i))) == "%sk%014d" % (who, i), "an update was lost"


@pytest.mark.parametrize("kind", sorted(SHOPS))
def test_a_run_decides_on_what_the_other_run_committed(new_db, kind):
    """A run checks the shop (a production key is there) and writes in one serialized step.

    A switches to PRODUCTION (refused without a production key), installs a key, switches back to TEST;
    B removes the production key (refused while the shop is in PRODUCTION) and installs it again. Run one
    after the other, no step of either can leave a shop in PRODUCTION without a key, so A's key install,
    which always follows its switch, finds a key there.
    """
    make, _values, _names, _pattern = SHOPS[kind]
    _db, store = make(new_db)
    cycles = EDITS // 3
    a, b = [], []
    for i in range(cycles):
        a += [{"operation": "ctx_mode", "shops": [{"name": "A", "store": store, "mode": "PRODUCTION"}]},
              {"operation": "certificate", "shops": [{"name": "A", "store": store, "mode": "PRODUCTION",
                                                      "value": prod_key(1000 + i), "replace": True}]},
              {"operation": "ctx_mode", "shops": [{"name": "A", "store": store, "mode": "TEST"}]}]
    for i in range(cycles):
        b += [[{"name": "B", "store": store, "mode": "PRODUCTION", "state": "absent"}],
              [{"name": "B", "store": store, "mode": "PRODUCTION", "value": prod_key(2000 + i), "replace": True}]]
    runs_a, runs_b = children(("ctx_mode", a), ("certificate", b))
    for i, run in enumerate(runs_a):
        if i % 3 == 1:  # the key install right after the switch: the key A switched with was still there
            assert not isinstance(run, str), run
            assert run["fingerprint_before"] is not None, "a key was removed from a shop in PRODUCTION (run %d)" % i
        elif isinstance(run, str):
            assert i % 3 == 0 and "the production key is missing" in run, run
    for i, run in enumerate(runs_b):
        if isinstance(run, str):
            assert i % 2 == 0 and "the shop is in PRODUCTION" in run, run

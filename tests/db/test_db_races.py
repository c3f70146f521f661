"""Two runs on one shop's database at once lose no update, on PrestaShop, WooCommerce and Magento 2.

Each process runs the collection's store code path (support.stores: Batch, DatabaseBackend, one
connection and one transaction per run, as a module call) many times, against the test MariaDB.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from ansible_collections.vads.shop.plugins.module_utils import phpserialize
from ansible_collections.vads.shop.plugins.module_utils.rules import fingerprint
from ansible_collections.vads.shop.plugins.module_utils.store_db import lock_name
from support.stores import Failed, run_batch

TESTS = Path(__file__).resolve().parents[1]
EDITS = 30  # per process
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
    "prestashop": (prestashop, prestashop_values, {"ctx_mode": "PAYZEN_MODE", "key_prod": "PAYZEN_KEY_PROD"}),
    "woocommerce": (woocommerce, woocommerce_values, {"ctx_mode": "ctx_mode", "key_prod": "key_prod"}),
    "magento2": (magento, magento_values, {"ctx_mode": "payzen/general/ctx_mode",
                                           "key_prod": "payzen/general/key_prod"}),
}


@pytest.mark.parametrize("kind", sorted(SHOPS))
def test_one_run_switches_the_mode_while_another_rotates_the_production_key(new_db, kind):
    make, values, names = SHOPS[kind]
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
    if kind == "woocommerce":  # both settings live in one serialized row: its other entries are intact
        assert (final["title"], final["debug"], final["key_test"]) == ("Carte bancaire", "no", KEY_TEST)


@pytest.mark.parametrize("kind", sorted(SHOPS))
def test_a_run_decides_on_what_the_other_run_committed(new_db, kind):
    """A run checks the shop (a production key is there) and writes in one serialized step.

    A switches to PRODUCTION (refused without a production key), installs a key, switches back to TEST;
    B removes the production key (refused while the shop is in PRODUCTION) and installs it again. Run one
    after the other, no step of either can leave a shop in PRODUCTION without a key, so A's key install
    right after a switch that succeeded finds a key there.
    """
    make = SHOPS[kind][0]
    _db, store = make(new_db)
    cycles = 30
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
        if i % 3 == 1:  # the key install right after a switch: the key A switched with was still there
            assert not isinstance(run, str), run
            if not isinstance(runs_a[i - 1], str):
                assert run["fingerprint_before"] is not None, "a key was removed from a shop in PRODUCTION (run %d)" % i
        elif isinstance(run, str):
            assert i % 3 == 0 and "the production key is missing" in run, run
    for i, run in enumerate(runs_b):
        if isinstance(run, str):
            assert i % 2 == 0 and "the shop is in PRODUCTION" in run, run
    switched = sum(1 for i in range(0, len(runs_a), 3) if not isinstance(runs_a[i], str))
    removed = sum(1 for i in range(0, len(runs_b), 2) if not isinstance(runs_b[i], str))
    assert switched and removed, (switched, removed)  # both really wrote: the runs did meet


# -- one run against a lock or rows that something else holds ----------------------------------------------
TABLES = {"prestashop": "ps_configuration", "woocommerce": "wp_options", "magento2": "core_config_data"}


class InThread(object):
    """run_batch in a thread (its own connection, as a module call): the test acts while it waits."""

    def __init__(self, *args, **kwargs):
        self.result = self.error = None
        self.thread = threading.Thread(target=self._run, args=args, kwargs=kwargs)
        self.thread.start()

    def _run(self, *args, **kwargs):
        try:
            self.result = run_batch(*args, **kwargs)
        except Failed as exc:
            self.error = exc.msg

    def join(self):
        self.thread.join(120)
        assert not self.thread.is_alive()
        return self


def wait_for(db, sql):
    """Poll the server until the query counts a row (the run under test is waiting where expected)."""
    deadline = time.monotonic() + 60
    while db.execute(sql)[0][0] == 0:
        assert time.monotonic() < deadline, "the run never waited: " + sql
        time.sleep(0.01)


def holder(db):
    return db.server.connect(db.name, autocommit=False)


@pytest.mark.parametrize("kind", sorted(SHOPS))
def test_a_run_that_cannot_get_the_lock_names_the_shop_and_changes_nothing(new_db, kind):
    db, store = SHOPS[kind][0](new_db)
    table = TABLES[kind]
    before = db.dump(table)
    other = holder(db)  # another run holds the lock of this table
    with other.cursor() as cur:
        cur.execute("SELECT GET_LOCK(%s, 0)", (lock_name(db.name, table),))
        assert cur.fetchone()[0] == 1
    try:
        with pytest.raises(Failed) as failed:
            run_batch("ctx_mode", [{"name": "lyon", "store": dict(store, lock_timeout=1), "mode": "PRODUCTION",
                                    "key": prod_key(7)}])
    finally:
        other.close()
    msg = failed.value.msg
    assert "shop 'lyon'" in msg and "another run is changing %s:%s." % (kind, db.name) in msg, msg
    assert "waited 1 s, nothing was changed" in msg and "store.lock_timeout" in msg, msg
    assert lock_name(db.name, table) in msg and prod_key(7) not in msg and FIRST_PROD not in msg
    assert db.dump(table) == before
    # Check mode and shop_info take no lock: they answer while another run holds it.
    other = holder(db)
    with other.cursor() as cur:
        cur.execute("SELECT GET_LOCK(%s, 0)", (lock_name(db.name, table),))
    try:
        check = run_batch("ctx_mode", [{"name": "lyon", "store": dict(store, lock_timeout=0), "mode": "PRODUCTION"}],
                          check=True)
        assert check["shops"][0]["changed"] is True
        info = run_batch("shop_info", [{"name": "lyon", "store": dict(store, lock_timeout=0)}])
        assert info["shops"][0]["ctx_mode"] == "TEST"
    finally:
        other.close()
    assert db.dump(table) == before


def test_a_run_waiting_for_the_lock_decides_on_what_the_run_before_it_committed(new_db):
    db, store = woocommerce(new_db)
    name = lock_name(db.name, "wp_options")
    other = holder(db)
    with other.cursor() as cur:
        cur.execute("SELECT GET_LOCK(%s, 0)", (name,))
    # The switch to PRODUCTION starts while another run holds the lock: it reads a production key, waits...
    run = InThread("ctx_mode", [{"name": "shop", "store": store, "mode": "PRODUCTION"}])
    wait_for(db, "SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE 'SELECT GET_LOCK%'")
    # ... while that run removes the production key, then releases the lock.
    settings = woocommerce_values(db)
    settings["key_prod"] = ""
    with other.cursor() as cur:
        cur.execute("UPDATE wp_options SET option_value = %s WHERE option_name = 'woocommerce_payzen_settings'",
                    (phpserialize.dumps(settings).decode("utf-8"),))
        other.commit()
        cur.execute("SELECT RELEASE_LOCK(%s)", (name,))
    other.close()
    run.join()
    # It read the shop again under the lock: no production key, so no switch.
    assert run.error and "the production key is missing" in run.error, (run.error, run.result)
    assert woocommerce_values(db)["ctx_mode"] == "TEST"


def test_a_run_waiting_for_rows_another_transaction_holds_fails_after_the_timeout(new_db):
    db, store = woocommerce(new_db)
    before = db.dump("wp_options")
    other = holder(db)  # the shop's admin page, say, in the middle of saving the settings
    with other.cursor() as cur:
        cur.execute("SELECT option_value FROM wp_options WHERE option_name = 'woocommerce_payzen_settings'"
                    " FOR UPDATE")
    try:
        with pytest.raises(Failed) as failed:
            run_batch("certificate", [{"name": "shop", "store": dict(store, lock_timeout=1), "mode": "PRODUCTION",
                                       "value": prod_key(9), "replace": True}])
    finally:
        other.close()
    msg = failed.value.msg
    assert "nothing was written to database %s" % db.name in msg and "(1205)" in msg, msg
    assert "kept rows this run changes for more than 1 s" in msg and "store.lock_timeout" in msg, msg
    assert prod_key(9) not in msg and FIRST_PROD not in msg
    assert db.dump("wp_options") == before


def test_a_deadlock_with_another_transaction_is_retried_once(new_db):
    db, store = magento(new_db)
    db.executemany("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES ('stores', 1, %s, %s)",
                   [("payzen/general/ctx_mode", "TEST"), ("payzen/general/key_prod", FIRST_PROD)])
    db.execute("CREATE TABLE scratch (id INT PRIMARY KEY) ENGINE=InnoDB")
    other = holder(db)
    cur = other.cursor()
    row = ("SELECT value FROM core_config_data WHERE scope = 'stores' AND scope_id = 1 AND path = %s FOR UPDATE")
    # A bigger transaction than the run's (the server rolls back the smaller one of a deadlock), which holds
    # the store view's production key row.
    cur.executemany("INSERT INTO scratch (id) VALUES (%s)", [(i,) for i in range(300)])
    cur.execute(row, ("payzen/general/key_prod",))
    # The run writes the mode row (its first statement), then waits for the key row...
    run = InThread("ctx_mode", [{"name": "fr", "store": store, "mode": "PRODUCTION", "key": prod_key(5)}])
    # (innodb_trx shows lock waits late on MariaDB; the statement in the process list is enough: the mode
    # row, written before, is the run's from then on.)
    wait_for(db, "SELECT COUNT(*) FROM information_schema.processlist"
                 " WHERE info LIKE 'INSERT INTO `core_config_data`%key_prod%'")
    # ... when the other transaction asks for the mode row: a deadlock, and the run is the one rolled back.
    cur.execute(row, ("payzen/general/ctx_mode",))
    other.commit()
    other.close()
    run.join()
    assert run.error is None, run.error
    assert run.result["shops"][0]["changed"] is True
    assert magento_values(db) == {"payzen/general/ctx_mode": "PRODUCTION", "payzen/general/key_prod": prod_key(5)}
    assert db.execute("SELECT COUNT(*) FROM scratch")[0][0] == 300

#!/usr/bin/env python3
"""Go-live of a PrestaShop multistore host with 50 shops: one module call per step, timed.

Starts a private MariaDB (tests/support/mariadb.py), creates a PrestaShop 8 database with N shops
(tests/db/schemas/prestashop8.sql) that all inherit the global TEST settings, then times, through
ansible-core (tests/support/runner.py):

  certificate  install 50 different PRODUCTION keys      one call, 50 shops
  ctx_mode     switch 50 shops to PRODUCTION             one call, 50 shops
  ... each again (no change), and, for comparison, the certificate step as a playbook loop of 50 tasks.

Usage: .venv/bin/python bench/db_bench.py [--shops 50] [--json] [--no-loop]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

TOP = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(TOP / "tests"))

from support.mariadb import MariaDB  # noqa: E402
from support.runner import run_module, run_playbook  # noqa: E402

LOOP_PLAYBOOK = """
- hosts: localhost
  gather_facts: false
  connection: local
  tasks:
    - name: One task per shop (the slow way)
      vads.shop.certificate:
        store: "{{ store | combine({'shop_id': item}) }}"
        mode: PRODUCTION
        value: "{{ 'Prod%04dKeyAbCdEf' | format(item) }}"
      loop: "{{ range(1, shops + 1) | list }}"
"""


def key_for(shop):
    return "Prod%04dKeyAbCdEf" % shop


def build(server, shops):
    server.execute("DROP DATABASE IF EXISTS bench; CREATE DATABASE bench CHARACTER SET utf8mb4")
    conn = server.connect("bench", autocommit=True)
    with conn.cursor() as cur:
        for statement in (TOP / "tests" / "db" / "schemas" / "prestashop8.sql").read_text().split(";\n"):
            if "CREATE TABLE" in statement:
                cur.execute(statement)
        cur.execute("INSERT INTO ps_shop_group VALUES (1, 'Default', '', 0, 0, 0, 1, 0)")
        cur.executemany("INSERT INTO ps_shop VALUES (%s, 1, %s, '', 2, 'classic', 1, 0)",
                        [(i, "shop %d" % i) for i in range(1, shops + 1)])
        cur.executemany("INSERT INTO ps_configuration (name, value, date_add, date_upd) VALUES (%s, %s, NOW(), NOW())",
                        [("PAYZEN_SITE_ID", "40127895"), ("PAYZEN_MODE", "TEST"),
                         ("PAYZEN_KEY_TEST", "TestKey0123456789"), ("PAYZEN_KEY_PROD", "2222222222222222"),
                         ("PAYZEN_SIGN_ALGO", "SHA-256")])
    return conn


def timed(module, args):
    start = time.perf_counter()
    run = run_module(module, args)
    elapsed = time.perf_counter() - start
    if run.failed:
        raise SystemExit("%s failed: %s" % (module, run.result.get("msg") or run.output[-2000:]))
    return elapsed, run


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shops", type=int, default=50)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--no-loop", dest="loop", action="store_false",
                        help="skip the comparison with a playbook loop of one task per shop")
    options = parser.parse_args()
    n = options.shops
    base = tempfile.mkdtemp(prefix="vads-dbbench-")
    server = MariaDB(base).start()
    try:
        conn = build(server, n)
        store = {"type": "prestashop", "login_host": "127.0.0.1", "login_port": server.port,
                 "login_user": server.user, "login_password": server.password, "login_db": "bench"}
        certs = {"store": store, "mode": "PRODUCTION",
                 "shops": [{"name": "shop-%02d" % i, "store": {"shop_id": i}, "value": key_for(i)}
                           for i in range(1, n + 1)]}
        modes = {"store": store, "mode": "PRODUCTION",
                 "shops": [{"name": "shop-%02d" % i, "store": {"shop_id": i}} for i in range(1, n + 1)]}
        rows = []
        t, run = timed("certificate", certs)
        rows.append(("certificate, %d shops, one call" % n, t, sum(s["changed"] for s in run.result["shops"])))
        t, run = timed("certificate", certs)
        rows.append(("certificate again (no change)", t, sum(s["changed"] for s in run.result["shops"])))
        t, run = timed("ctx_mode", modes)
        rows.append(("ctx_mode, %d shops, one call" % n, t, sum(s["changed"] for s in run.result["shops"])))
        t, run = timed("ctx_mode", modes)
        rows.append(("ctx_mode again (no change)", t, sum(s["changed"] for s in run.result["shops"])))
        with conn.cursor() as cur:
            cur.execute("SELECT COUNT(*) FROM ps_configuration WHERE id_shop IS NOT NULL AND"
                        " ((name = 'PAYZEN_MODE' AND value = 'PRODUCTION') OR name = 'PAYZEN_KEY_PROD')")
            shop_rows = cur.fetchone()[0]
        conn.close()
        assert shop_rows == 2 * n, shop_rows
        if options.loop:
            conn = build(server, n)  # back to TEST, then the same certificate step as a loop of n tasks
            conn.close()
            playbook = Path(base) / "loop.yml"
            playbook.write_text(LOOP_PLAYBOOK)
            start = time.perf_counter()
            rc, output = run_playbook(playbook, inventory="localhost,", extra_vars={
                "store": store, "shops": n, "ansible_python_interpreter": sys.executable})
            elapsed = time.perf_counter() - start
            if rc:
                raise SystemExit("loop playbook failed:\n%s" % output[-3000:])
            rows.append(("certificate, loop of %d tasks (playbook)" % n, elapsed, output.count("changed: [localhost]")))
        result = {"shops": n, "runs": [{"step": r[0], "seconds": round(r[1], 2), "shops_changed": r[2]} for r in rows]}
        if options.json:
            print(json.dumps(result, indent=1))
        else:
            print("%-40s %8s %8s" % ("step", "seconds", "changed"))
            for name, seconds, changed in rows:
                print("%-40s %8.2f %8d" % (name, seconds, changed))
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""`make demo`: the whole go-live of a demo fleet against the embedded gateway sandbox.

1. starts the sandbox on a free loopback port and a private MariaDB server;
2. creates a demo fleet: hosts with dotenv, YAML, JSON and INI shops, a PrestaShop multistore host and a
   WooCommerce shop, every shop in TEST as a merchant leaves it (some with the placeholder production key);
3. runs playbooks/golive.yml with --check --diff and proves that nothing changed;
4. runs the go-live (14.1 key, 14.2 switch and notification URL, 14.3 payment, notification, cancel);
5. prints the report, runs it again to show that nothing changes;
6. act two, the real platform's path: the manual Back Office adapter with the sandbox standing in as the
   payment gateway only (no Back Office token for the collection). The first run stops before any change
   with the whole checklist; the operator's clicks (done here through the sandbox's Back Office API) are
   printed as what a person does in the real Back Office; the next runs switch every shop and check the
   first payment through the REST API;
7. puts one shop of act one back in TEST by hand and runs the fleet audit (playbooks/audit.yml), which
   finds it and points at its HTML report; then stops the servers.

Usage: .venv/bin/python tools/demo.py [--workdir demo-out] [--keep]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tools"))
sys.path.insert(0, str(REPO / "tests"))

from demo_fleet import (DEMO_HOSTS, Sandbox, build_fleet, build_manual_fleet, operator_before_switch,  # noqa: E402
                        person_pays, store_files)
from support.mariadb import MariaDB  # noqa: E402
from support.runner import run_module  # noqa: E402

SCHEMAS = REPO / "tests" / "db" / "schemas"
PRESTASHOP_SHOPS = [("ps-lyon", 1, 1), ("ps-marseille", 2, 1), ("ps-outlet", 3, 2)]


def say(text):
    print("\n=== %s" % text, flush=True)


def php_serialize(data):
    """PHP's serialize() for a flat array of strings (lengths in bytes, as PHP counts them)."""
    def s(value):
        raw = value.encode("utf-8")
        return 's:%d:"%s";' % (len(raw), value)
    return "a:%d:{%s}" % (len(data), "".join(s(k) + s(v) for k, v in data.items()))


def load_schema(db, database, schema):
    db.execute("CREATE DATABASE `%s` CHARACTER SET utf8mb4" % database)
    conn = db.connect(database, autocommit=True)
    with conn.cursor() as cur:
        for statement in (SCHEMAS / schema).read_text().split(";\n"):
            lines = [x for x in statement.splitlines() if x.strip() and not x.startswith("--")]
            if lines:
                cur.execute(statement)
    return conn


def seed_databases(db, sandbox, first_site_id):
    """A PrestaShop multistore (3 shops, 2 groups) and a WooCommerce site; returns {host: [shop items]}."""
    site_id = first_site_id
    login = {"login_host": "127.0.0.1", "login_port": db.port, "login_user": db.user,
             "login_password": db.password}
    ps = load_schema(db, "prestashop", "prestashop8.sql")
    items = []
    with ps.cursor() as cur:
        cur.execute("INSERT INTO ps_shop_group (id_shop_group, name, color, share_customer, share_order,"
                    " share_stock, active, deleted) VALUES (1, 'Default', '', 0, 0, 0, 1, 0),"
                    " (2, 'Outlet', '', 0, 0, 0, 1, 0)")
        rows = [(None, None, "PS_SHOP_NAME", "Boutiques du Sud"), (None, None, "PAYZEN_MODE", "TEST"),
                (None, None, "PAYZEN_KEY_PROD", "2222222222222222"), (None, None, "PAYZEN_SIGN_ALGO", "SHA-256")]
        for name, shop_id, group in PRESTASHOP_SHOPS:
            created = sandbox.api("POST", "shops", {"site_id": str(site_id), "name": name})
            cur.execute("INSERT INTO ps_shop (id_shop, id_shop_group, name, color, id_category, theme_name, active,"
                        " deleted) VALUES (%s, %s, %s, '', 2, 'classic', 1, 0)", (shop_id, group, name))
            rows += [(group, shop_id, "PAYZEN_SITE_ID", str(site_id)),
                     (group, shop_id, "PAYZEN_KEY_TEST", created["certificates"]["test_key"])]
            items.append({"name": name, "site_id": str(site_id), "brand": "payzen",
                          "store": dict(login, type="prestashop", login_db="prestashop", shop_id=shop_id),
                          "notification_url": "%s/demo-merchant/ipn/%s" % (sandbox.url, site_id)})
            site_id += 1
        cur.executemany("INSERT INTO ps_configuration (id_shop_group, id_shop, name, value, date_add, date_upd)"
                        " VALUES (%s, %s, %s, %s, NOW(), NOW())", rows)
    wp = load_schema(db, "wordpress", "wordpress.sql")
    created = sandbox.api("POST", "shops", {"site_id": str(site_id), "name": "woo-bordeaux"})
    settings = {"enabled": "yes", "title": "Carte bancaire (paiement sécurisé)", "site_id": str(site_id),
                "key_test": created["certificates"]["test_key"], "key_prod": "", "ctx_mode": "TEST",
                "sign_algo": "SHA-256", "description": "Payez en toute sécurité — 安全"}
    with wp.cursor() as cur:
        cur.execute("INSERT INTO wp_options (option_name, option_value, autoload) VALUES (%s, %s, 'yes')",
                    ("woocommerce_payzen_settings", php_serialize(settings)))
    items_woo = [{"name": "woo-bordeaux", "site_id": str(site_id), "brand": "payzen",
                  "store": dict(login, type="woocommerce", login_db="wordpress"),
                  "notification_url": "%s/demo-merchant/ipn/%s" % (sandbox.url, site_id)}]
    return {"db-sud": items, "web-bordeaux": items_woo}


def add_hosts(inventory, hosts_items):
    for host, items in hosts_items.items():
        (inventory / "host_vars" / ("%s.json" % host)).write_text(json.dumps({"vads_shops": items}, indent=2))
    hosts = sorted(p.stem for p in (inventory / "host_vars").glob("*.json"))
    (inventory / "hosts.yml").write_text("merchants:\n  hosts:\n" + "".join("    %s:\n" % h for h in hosts))


def playbook(inventory, *extra):
    env = dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"), ANSIBLE_FORCE_COLOR="0",
               PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    cmd = [str(Path(sys.executable).parent / "ansible-playbook"), str(REPO / "playbooks" / "golive.yml"),
           "-i", str(inventory)] + list(extra)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    return proc.returncode, proc.stdout + proc.stderr


def recap(output):
    return dict((m.group(1), int(m.group(2))) for m in re.finditer(r"^(\S+)\s+:\s+ok=\d+\s+changed=(\d+)", output, re.M))


def digest(workdir, sandbox, db):
    """Everything go-live may change: store files, sandbox database rows, shop database tables."""
    h = hashlib.sha256()
    for path in store_files(workdir):
        h.update(path.read_bytes() + oct(path.stat().st_mode).encode())
    for path in ("shops", "outbox"):
        h.update(json.dumps(sandbox.api("GET", path), sort_keys=True).encode())
    for site in sandbox.api("GET", "shops")["shops"]:
        for sub in ("certificates", "notification-rules/payment-end", "transactions"):
            h.update(json.dumps(sandbox.api("GET", "shops/%s/%s" % (site["site_id"], sub)), sort_keys=True).encode())
    for database, table in (("prestashop", "ps_configuration"), ("wordpress", "wp_options")):
        with db.connect(database).cursor() as cur:
            cur.execute("SELECT * FROM %s ORDER BY 1" % table)
            h.update(repr(cur.fetchall()).encode())
    return h.hexdigest()


def audit_act(workdir, inventory):
    """Last act: someone puts one shop back in TEST by hand; the fleet audit (read-only) finds it."""
    say("Fleet audit: someone puts boutique-lyon back in TEST by hand to debug")
    store = workdir / "srv" / "boutique-lyon" / ".env"
    text = store.read_text()
    if 'VADS_CTX_MODE="PRODUCTION"' not in text:
        sys.exit("boutique-lyon is not in PRODUCTION after the go-live: %s" % store)
    store.write_text(text.replace('VADS_CTX_MODE="PRODUCTION"', 'VADS_CTX_MODE="TEST"'))
    print("edited %s: VADS_CTX_MODE=\"TEST\"" % store)
    say("ansible-playbook playbooks/audit.yml (read-only; fails the pipeline on drift)")
    report = workdir / "audit-report"
    env = dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"), ANSIBLE_FORCE_COLOR="0",
               PATH=str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", ""))
    proc = subprocess.run([str(Path(sys.executable).parent / "ansible-playbook"), str(REPO / "playbooks" / "audit.yml"),
                           "-i", str(inventory), "-e", "vads_report_dir=%s" % report],
                          capture_output=True, text=True, env=env, check=False)
    (workdir / "audit.log").write_text(proc.stdout + proc.stderr)
    doc = json.loads((report / "audit-report.json").read_text())
    drifted = dict((s["name"], [f["code"] for f in s["findings"]]) for s in doc["shops"] if s["findings"])
    print((report / "audit-report.md").read_text())
    if proc.returncode == 0 or drifted != {"boutique-lyon": ["MODE_DRIFT"]} or any(
            c != 0 for c in recap(proc.stdout).values()):
        sys.exit("the audit should have failed on boutique-lyon only, changing nothing: %s (rc %d, log %s)"
                 % (drifted, proc.returncode, workdir / "audit.log"))
    print("the audit exited %d (a pipeline fails here), changed nothing, and found exactly the shop put back in TEST"
          % proc.returncode)
    print("JUnit for the pipeline: %s" % (report / "audit-report.xml"))
    print("Open the fleet audit in a browser: %s" % (report / "audit-report.html").as_uri())


def act_two(workdir, sandbox):
    """The real platform's path: adapter manual, the sandbox only as the payment gateway."""
    say("Act two: the real platform's path (manual Back Office; the sandbox is only the payment gateway)")
    inventory = build_manual_fleet(workdir, sandbox)
    print("a host with a dotenv shop, a YAML shop signing with SHA-1 and a django-payzen style one-key store;\n"
          "vads_backoffice: {adapter: manual}: the collection has no Back Office token, as on the real platform")
    report = workdir / "report"

    say("First run: the operator has done nothing in the Back Office yet")
    files = [p.read_bytes() for p in store_files(workdir)]
    rc, out = playbook(inventory)
    (workdir / "first.log").write_text(out)
    if rc == 0 or [p.read_bytes() for p in store_files(workdir)] != files:
        sys.exit("the first manual run must stop before any change:\n" + out[-4000:])
    print("stopped before any change (store files byte for byte as before); the whole checklist, %s:"
          % (report / "checklist.md"))
    print((report / "checklist.md").read_text())

    say("What a person does in the Back Office (done here through the sandbox's operator API)")
    operator_before_switch(sandbox, inventory)

    say("Second run: every shop proven, then switched to PRODUCTION")
    rc, out = playbook(inventory)
    (workdir / "second.log").write_text(out)
    if rc != 0:
        sys.exit("the second manual run failed:\n" + out[-6000:])
    summary = [line.strip().strip('",') for line in out.splitlines() if line.strip().startswith('"Run ')]
    print(summary[-1] if summary else "(no summary)")

    say("14.3 by hand: a person pays on each shop with a real card and checks the notification status")
    person_pays(sandbox, inventory, run_module)

    say("Third run: the REST API reads each first payment, cancels it and reads its status back")
    rc, out = playbook(inventory)
    (workdir / "third.log").write_text(out)
    if rc != 0:
        sys.exit("the third manual run failed:\n" + out[-6000:])
    doc = json.loads((report / "golive-report.json").read_text())
    for host in doc["hosts"]:
        for row in host["rows"]:
            print("%s: %s, key %s; verified by the collection: %s; declared by a person: %s; pending: %d"
                  % (row["shop"], row["mode_after"], row["key_fingerprint"], ", ".join(row["verified"]),
                     ", ".join(row["declared"]), len(row["manual_pending"])))
    rows = [row for host in doc["hosts"] for row in host["rows"]]
    if any(r["mode_after"] != "PRODUCTION" or r["first_payment_status"] != "CANCELLED" for r in rows):
        sys.exit("act two did not complete")

    rc, out = playbook(inventory)
    changed = dict((h, c) for h, c in recap(out).items() if c)
    if rc != 0 or changed:
        sys.exit("the rerun of act two changed %s (rc %d)" % (changed, rc))
    print("rerun: nothing changed. Report: %s (run %s)" % (report / "golive-report.md", doc["run_id"]))
    print("%d/%d shops of act two in PRODUCTION through the manual path" % (len(rows), len(rows)))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--workdir", default=str(REPO / "demo-out"))
    parser.add_argument("--keep", action="store_true", help="leave the servers running")
    args = parser.parse_args()
    workdir = Path(args.workdir)
    shutil.rmtree(workdir, ignore_errors=True)
    workdir.mkdir(parents=True)

    say("Starting the gateway sandbox and a private MariaDB server")
    sandbox = Sandbox(workdir / "sandbox").start()
    db = MariaDB(workdir / "mariadb").start()
    print("sandbox: %s   mariadb: 127.0.0.1:%s" % (sandbox.url, db.port))
    try:
        say("Creating the demo fleet: store files, shop databases, sandbox shops")
        inventory = build_fleet(workdir, sandbox, DEMO_HOSTS)
        add_hosts(inventory, seed_databases(db, sandbox, 20000101))
        hosts = sorted(p.stem for p in (inventory / "host_vars").glob("*.json"))
        count = sum(len(json.loads(p.read_text())["vads_shops"]) for p in (inventory / "host_vars").glob("*.json"))
        print("%d hosts, %d shops, all in TEST; inventory: %s" % (len(hosts), count, inventory))

        say("Dry run: ansible-playbook playbooks/golive.yml --check --diff")
        before = digest(workdir, sandbox, db)
        rc, out = playbook(inventory, "--check", "--diff")
        (workdir / "check.log").write_text(out)
        if rc != 0:
            sys.exit("the dry run failed:\n" + out[-4000:])
        if digest(workdir, sandbox, db) != before:
            sys.exit("the dry run changed something: it must not")
        planned = recap(out)
        print("would change: %s; store files, shop databases and sandbox unchanged (log: %s)"
              % (", ".join("%s %d task(s)" % kv for kv in sorted(planned.items()) if kv[1]), workdir / "check.log"))

        say("Go-live: ansible-playbook playbooks/golive.yml")
        rc, out = playbook(inventory)
        (workdir / "golive.log").write_text(out)
        if rc != 0:
            sys.exit("the go-live failed:\n" + out[-6000:])
        print((workdir / "report" / "golive-report.md").read_text())

        say("Second run: nothing must change")
        rc, out = playbook(inventory)
        (workdir / "golive-again.log").write_text(out)
        changed = dict((h, c) for h, c in recap(out).items() if c)
        if rc != 0 or changed:
            sys.exit("the second run changed %s (rc %d):\n%s" % (changed, rc, out[-4000:]))
        print("no change on any host: %s" % ", ".join("%s changed=0" % h for h in sorted(recap(out))))

        report = json.loads((workdir / "report" / "golive-report.json").read_text())["hosts"]
        rows = [row for host in report for row in host["rows"]]
        live = [r for r in rows if r["mode_after"] == "PRODUCTION"]
        sent = [r for r in rows if r["first_payment_notification"] == "sent" and r["first_payment_status"] == "CANCELLED"]
        say("What the demo did")
        print("%d shops on %d hosts (dotenv, YAML, JSON, INI files, a PrestaShop multistore and a WooCommerce "
              "database) went from TEST to PRODUCTION against the local gateway sandbox:" % (len(rows), len(report)))
        print("- 14.1 production keys generated in the sandbox Back Office and installed in each store, never printed")
        print("- 14.2 each key proven with a signed PRODUCTION form, then the mode switched (%d/%d in PRODUCTION) "
              "and the PRODUCTION notification URL registered and probed" % (len(live), len(rows)))
        print("- 14.3 one payment per shop, its notification sent, then cancelled (%d/%d)" % (len(sent), len(rows)))
        print("- a dry run before changed nothing; a second run changed nothing")
        print("Report: %s" % (workdir / "report" / "golive-report.md"))
        if len(live) != len(rows) or len(sent) != len(rows):
            sys.exit("some shops did not complete the go-live")

        act_two(workdir / "real-platform", sandbox)
        audit_act(workdir, inventory)
    finally:
        if not args.keep:
            sandbox.stop()
            db.stop()


if __name__ == "__main__":
    main()

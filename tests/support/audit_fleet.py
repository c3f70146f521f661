"""A fleet already in PRODUCTION for the audit tests: stores of every type, shops in the sandbox Back Office.

live_fleet(workdir, sandbox, db) builds what a finished go-live leaves, directly (the go-live itself is
tested in tests/golive and, followed by an audit, in tests/audit/test_ci_examples.py):

* in the sandbox Back Office: each shop with its production key generated and its PRODUCTION
  notification URL registered (the demo merchant's receiver, which checks signatures);
* in each store: the site id, mode PRODUCTION, the TEST and production keys, SHA-256;
* an inventory: hosts web-a and web-b (file stores), db-shop (PrestaShop multistore, WooCommerce, Magento 2
  in a private MariaDB), web-manual (files, Back Office adapter manual: keys from the vault, key dates
  from the inventory).
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SCHEMAS = REPO / "tests" / "db" / "schemas"

FILE_HOSTS = {
    "web-a": [("a-dotenv", "dotenv"), ("a-yaml", "yaml"), ("a-json", "json"), ("a-ini", "ini"),
              ("a-dotenv2", "dotenv")],
    "web-b": [("b-json", "json"), ("b-yaml", "yaml"), ("b-ini", "ini"), ("b-dotenv", "dotenv"),
              ("b-redirect", "dotenv")],
    "web-manual": [("m-dotenv", "dotenv"), ("m-yaml", "yaml")],
}
DB_SHOPS = [("ps-1", "prestashop", 1), ("ps-2", "prestashop", 2), ("woo-1", "woocommerce", None),
            ("mage-1", "magento2", 1)]


def store_text(kind, site_id, key_test, key_prod, mode="PRODUCTION"):
    if kind == "dotenv":
        return ("# shop\nAPP_ENV=prod\nexport VADS_SITE_ID=%s\nVADS_CTX_MODE=%s\nVADS_KEY_TEST='%s'\n"
                "VADS_KEY_PROD=%s\nVADS_SIGN_ALGO=SHA-256\n" % (site_id, mode, key_test, key_prod))
    if kind == "yaml":
        return ("# Payment settings\nvads:\n  site_id: '%s'\n  ctx_mode: %s\n  key_test: '%s'\n  key_prod: '%s'\n"
                "  sign_algo: SHA-256\n" % (site_id, mode, key_test, key_prod))
    if kind == "json":
        vads = {"site_id": site_id, "ctx_mode": mode, "key_test": key_test, "key_prod": key_prod, "sign_algo": "SHA-256"}
        return json.dumps({"app": {"name": "demo"}, "vads": vads}, indent=2) + "\n"
    return ("; payment\n[vads]\nsite_id = %s\nctx_mode = %s\nkey_test = %s\nkey_prod = %s\nsign_algo = SHA-256\n"
            % (site_id, mode, key_test, key_prod))


def _php(data):
    def s(value):
        return 's:%d:"%s";' % (len(value.encode("utf-8")), value)
    return "a:%d:{%s}" % (len(data), "".join(s(k) + s(v) for k, v in data.items()))


def _load(db, database, schema):
    db.execute("CREATE DATABASE `%s` CHARACTER SET utf8mb4" % database)
    conn = db.connect(database, autocommit=True)
    with conn.cursor() as cur:
        for statement in (SCHEMAS / schema).read_text().split(";\n"):
            if [x for x in statement.splitlines() if x.strip() and not x.startswith("--")]:
                cur.execute(statement)
    return conn


class LiveFleet(object):
    def __init__(self, workdir, sandbox, db, first_site_id):
        self.workdir = Path(workdir)
        self.sandbox = sandbox
        self.db = db
        self.site_id = first_site_id
        self.inventory = self.workdir / "inventory"
        self.shops = {}      # name -> inventory item (with host)
        self.files = []
        self.keys = []       # every secret, to prove none is printed
        self.databases = {}  # name -> (database, tables)

    def _new_shop(self, name, host, manual=False):
        site_id = str(self.site_id)
        self.site_id += 1
        created = self.sandbox.api("POST", "shops", {"site_id": site_id, "name": name})
        certs = self.sandbox.api("POST", "shops/%s/certificates/production" % site_id)
        url = "%s/demo-merchant/ipn/%s" % (self.sandbox.url, site_id)
        if manual:
            url = "https://%s.shops.example.com/payzen/ipn" % name
        self.sandbox.api("PUT", "shops/%s/notification-rules/payment-end" % site_id, {"production_url": url})
        item = {"name": name, "site_id": site_id, "brand": "payzen", "notification_url": url,
                "rest_password_prod": certs["production_rest_password"]}
        if manual:
            item["key_prod"] = certs["production_key"]
            item["key_prod_created"] = (datetime.now(timezone.utc) - timedelta(days=30)).strftime("%Y-%m-%d")
        self.keys += [created["certificates"]["test_key"], certs["production_key"], certs["production_rest_password"],
                      created["certificates"]["test_rest_password"]]
        self.shops[name] = dict(item, host=host)
        return item, created["certificates"]["test_key"], certs["production_key"]

    def build(self, probe=True):
        hosts = {}
        for host, shops in FILE_HOSTS.items():
            for name, kind in shops:
                item, key_test, key_prod = self._new_shop(name, host, manual=host == "web-manual")
                folder = self.workdir / "srv" / name
                folder.mkdir(parents=True, exist_ok=True)
                path = folder / {"dotenv": ".env", "yaml": "payment.yaml", "json": "payment.json",
                                 "ini": "payment.ini"}[kind]
                path.write_text(store_text(kind, item["site_id"], key_test, key_prod))
                os.chmod(path, 0o600)
                self.files.append(path)
                item["store"] = {"type": kind, "path": str(path)}
                self.shops[name]["store"] = item["store"]
                hosts.setdefault(host, []).append(item)
        login = {"login_host": "127.0.0.1", "login_port": self.db.port, "login_user": self.db.user,
                 "login_password": self.db.password}
        suffix = "%d" % self.site_id
        ps_db, wp_db, mage_db = "ps_" + suffix, "wp_" + suffix, "mage_" + suffix
        ps = _load(self.db, ps_db, "prestashop8.sql")
        wp = _load(self.db, wp_db, "wordpress.sql")
        mage = _load(self.db, mage_db, "magento2.sql")
        with ps.cursor() as cur:
            cur.execute("INSERT INTO ps_shop_group (id_shop_group, name, color, share_customer, share_order,"
                        " share_stock, active, deleted) VALUES (1, 'Default', '', 0, 0, 0, 1, 0)")
        with mage.cursor() as cur:
            cur.execute("INSERT INTO store_website (website_id, code, name, is_default) VALUES (0, 'admin', 'Admin', 0)")
            cur.execute("UPDATE store_website SET website_id = 0 WHERE code = 'admin'")
            cur.execute("INSERT INTO store_website (website_id, code, name, is_default) VALUES (1, 'base', 'Main', 1)")
            cur.execute("INSERT INTO store_group (group_id, website_id, name, code) VALUES (1, 1, 'Main', 'main')")
            cur.execute("INSERT INTO store (store_id, code, website_id, group_id, name, is_active) VALUES"
                        " (1, 'default', 1, 1, 'Default', 1)")
        for name, kind, scope in DB_SHOPS:
            item, key_test, key_prod = self._new_shop(name, "db-shop")
            values = {"site_id": item["site_id"], "ctx_mode": "PRODUCTION", "key_test": key_test,
                      "key_prod": key_prod, "sign_algo": "SHA-256"}
            if kind == "prestashop":
                with ps.cursor() as cur:
                    cur.execute("INSERT INTO ps_shop (id_shop, id_shop_group, name, color, id_category, theme_name,"
                                " active, deleted) VALUES (%s, 1, %s, '', 2, 'classic', 1, 0)", (scope, name))
                    names = {"site_id": "PAYZEN_SITE_ID", "ctx_mode": "PAYZEN_MODE", "key_test": "PAYZEN_KEY_TEST",
                             "key_prod": "PAYZEN_KEY_PROD", "sign_algo": "PAYZEN_SIGN_ALGO"}
                    cur.executemany("INSERT INTO ps_configuration (id_shop_group, id_shop, name, value, date_add,"
                                    " date_upd) VALUES (1, %s, %s, %s, NOW(), NOW())",
                                    [(scope, names[k], v) for k, v in values.items()])
                store = dict(login, type="prestashop", login_db=ps_db, shop_id=scope)
            elif kind == "woocommerce":
                settings = dict(values, enabled="yes", title="Carte bancaire", description="Payez — 安全")
                with wp.cursor() as cur:
                    cur.execute("INSERT INTO wp_options (option_name, option_value, autoload) VALUES (%s, %s, 'yes')",
                                ("woocommerce_payzen_settings", _php(settings)))
                store = dict(login, type="woocommerce", login_db=wp_db)
            else:
                with mage.cursor() as cur:
                    cur.executemany("INSERT INTO core_config_data (scope, scope_id, path, value) VALUES"
                                    " ('stores', %s, %s, %s)",
                                    [(scope, "payzen/general/%s" % k, v) for k, v in values.items()])
                store = dict(login, type="magento2", login_db=mage_db, scope="stores", scope_id=scope)
            item["store"] = store
            self.shops[name]["store"] = store
            hosts.setdefault("db-shop", []).append(item)
        self.databases = {ps_db: ["ps_configuration"], wp_db: ["wp_options"], mage_db: ["core_config_data"]}
        self.connections = {ps_db: ps, wp_db: wp, mage_db: mage}
        (self.inventory / "host_vars").mkdir(parents=True, exist_ok=True)
        (self.inventory / "group_vars").mkdir(parents=True, exist_ok=True)
        for host, items in hosts.items():
            data = {"vads_shops": items}
            if host == "web-manual":
                data["vads_backoffice"] = {"adapter": "manual"}
                data["vads_audit_probe"] = False  # its URLs are on the Internet: not reachable from a test
            (self.inventory / "host_vars" / ("%s.json" % host)).write_text(json.dumps(data, indent=2))
        all_vars = {"ansible_connection": "local", "ansible_python_interpreter": sys.executable,
                    "vads_backoffice": self.sandbox.backoffice(), "vads_gateway_url": self.sandbox.url,
                    "vads_report_dir": str(self.workdir / "report"), "vads_audit_probe": probe}
        path = self.inventory / "group_vars" / "all.json"
        path.write_text(json.dumps(all_vars, indent=2))
        os.chmod(path, 0o600)
        (self.inventory / "hosts.yml").write_text("merchants:\n  hosts:\n" + "".join("    %s:\n" % h for h in hosts))
        self.keys += [self.sandbox.token, self.db.password]
        return self

    # -- helpers for the drift ---------------------------------------------------------------------
    def sql(self, database, statement, params=None):
        with self.connections[database].cursor() as cur:
            cur.execute(statement, params)
            return cur.fetchall()

    def edit_inventory(self, name, **changes):
        host = self.shops[name]["host"]
        path = self.inventory / "host_vars" / ("%s.json" % host)
        data = json.loads(path.read_text())
        for item in data["vads_shops"]:
            if item["name"] == name:
                item.update(changes)
        path.write_text(json.dumps(data, indent=2))
        self.shops[name].update(changes)

    def age_backoffice_key(self, name, days):
        """The sandbox shows when a key was generated; make one look generated `days` ago."""
        stamp = (datetime.now(timezone.utc) - timedelta(days=days)).isoformat()
        conn = sqlite3.connect(str(self.sandbox.db), timeout=10)
        try:
            conn.execute("UPDATE shops SET production_key_generated_at = ? WHERE site_id = ?",
                         (stamp, self.shops[name]["site_id"]))
            conn.commit()
        finally:
            conn.close()

    def snapshot(self):
        """Bytes and mode of every store file, every row of the shop tables, the Back Office's state."""
        out = {}
        for path in self.files:
            out[str(path)] = (path.read_bytes(), path.stat().st_mode & 0o7777) if path.exists() else None
        for database, tables in self.databases.items():
            for table in tables:
                out[database + "." + table] = self.sql(database, "SELECT * FROM `%s` ORDER BY 1" % table)
        for shop in self.shops.values():
            for sub in ("", "/certificates", "/notification-rules/payment-end"):
                out[shop["site_id"] + sub] = self.sandbox.api("GET", "shops/%s%s" % (shop["site_id"], sub))
        return out


def live_fleet(workdir, sandbox, db, first_site_id, probe=True):
    return LiveFleet(workdir, sandbox, db, first_site_id).build(probe)


# shop -> the one finding code its drift must produce
EXPECTED_DRIFT = {
    "a-dotenv": "MODE_DRIFT",               # put back in TEST by hand
    "a-yaml": "KEY_PROD_PLACEHOLDER",       # the plugin's 2222222222222222 pasted back
    "a-json": "KEY_PROD_IS_TEST_KEY",
    "a-ini": "MODE_REJECTED",               # PROD: the gateway answers error 11
    "a-dotenv2": "STORE_FILE_READABLE",     # chmod 644
    "b-json": "BACKOFFICE_SIGN_ALGO_DRIFT",  # Back Office switched to SHA-1
    "b-yaml": "KEY_ROTATION_DUE",           # Back Office key generated 400 days ago
    "b-ini": "BRAND_MISMATCH",              # inventory says systempay
    "b-dotenv": "SITE_ID_MISMATCH",         # store holds another shop's id
    "b-redirect": "NOTIFICATION_URL_REDIRECT",  # registered URL answers 302 (probe)
    "ps-1": "NOTIFICATION_URL_DRIFT",       # Back Office URL edited by hand
    "ps-2": "REST_PASSWORD_DRIFT",          # vault holds an old REST password
    "woo-1": "SITE_ID_PLACEHOLDER",         # plugin default 12345678
    "mage-1": "BACKOFFICE_KEY_PROD_DRIFT",  # key regenerated in the Back Office, not rolled out
    "m-dotenv": "KEY_PROD_VAULT_DRIFT",     # key pasted into the server, not into the vault
    "m-yaml": "KEY_ROTATION_DUE",           # inventory date older than the limit
}


def _replace(path, old, new):
    text = path.read_text()
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1))


def apply_drift(fleet):
    """One instance of each kind of drift, one per shop (EXPECTED_DRIFT); returns EXPECTED_DRIFT."""
    shops, sb = fleet.shops, fleet.sandbox

    def path(name):
        return Path(shops[name]["store"]["path"])

    def certs(name):
        return sb.api("GET", "shops/%s/certificates" % shops[name]["site_id"])

    _replace(path("a-dotenv"), "VADS_CTX_MODE=PRODUCTION", "VADS_CTX_MODE=TEST")
    _replace(path("a-yaml"), "key_prod: '%s'" % certs("a-yaml")["production_key"], "key_prod: '2222222222222222'")
    _replace(path("a-json"), '"key_prod": "%s"' % certs("a-json")["production_key"],
             '"key_prod": "%s"' % certs("a-json")["test_key"])
    _replace(path("a-ini"), "ctx_mode = PRODUCTION", "ctx_mode = PROD")
    os.chmod(path("a-dotenv2"), 0o644)
    sb.api("PATCH", "shops/%s" % shops["b-json"]["site_id"], {"sign_algo_production": "SHA-1"})
    fleet.age_backoffice_key("b-yaml", 400)
    fleet.edit_inventory("b-ini", brand="systempay")
    _replace(path("b-dotenv"), "VADS_SITE_ID=%s" % shops["b-dotenv"]["site_id"],
             "VADS_SITE_ID=%s" % shops["a-dotenv"]["site_id"])
    url = shops["b-redirect"]["notification_url"] + "?redirect=1"
    sb.api("PUT", "shops/%s/notification-rules/payment-end" % shops["b-redirect"]["site_id"], {"production_url": url})
    fleet.edit_inventory("b-redirect", notification_url=url)
    sb.api("PUT", "shops/%s/notification-rules/payment-end" % shops["ps-1"]["site_id"],
           {"production_url": "https://staging.example.com/ipn"})
    fleet.edit_inventory("ps-2", rest_password_prod="prodpassword_" + "x" * 24)
    woo_db = shops["woo-1"]["store"]["login_db"]
    raw = fleet.sql(woo_db, "SELECT option_value FROM wp_options WHERE option_name = 'woocommerce_payzen_settings'")[0][0]
    site = shops["woo-1"]["site_id"]
    fleet.sql(woo_db, "UPDATE wp_options SET option_value = %s WHERE option_name = 'woocommerce_payzen_settings'",
              (raw.replace('s:8:"%s"' % site, 's:8:"12345678"'),))
    regenerated = sb.api("POST", "shops/%s/certificates/production/regenerate" % shops["mage-1"]["site_id"])
    fleet.keys.append(regenerated["production_key"])
    pasted = "Pasted0nServer42"
    fleet.keys.append(pasted)
    _replace(path("m-dotenv"), "VADS_KEY_PROD=%s" % shops["m-dotenv"]["key_prod"], "VADS_KEY_PROD=%s" % pasted)
    fleet.edit_inventory("m-yaml", key_prod_created="2020-01-15")
    return dict(EXPECTED_DRIFT)

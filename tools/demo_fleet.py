#!/usr/bin/env python3
"""A demo fleet against a local gateway sandbox: used by `make demo` and by the go-live tests.

    Sandbox(workdir).start()          -> url, token  (vads-sandbox serve --port 0, stopped by .stop())
    build_fleet(workdir, sandbox, hosts)   -> inventory path; store files, sandbox shops, report dir

Every shop starts as a merchant leaves it in TEST: its store holds the site id, the TEST key, the mode
TEST and, for some, the plugins' placeholder production key (2222222222222222).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

VENV_BIN = Path(sys.executable).parent

# host -> [(shop, store type)]: several hosts, several shops each, every file store type.
DEMO_HOSTS = {
    "web-lyon": [("boutique-lyon", "dotenv"), ("boutique-lyon-outlet", "yaml")],
    "web-paris": [("boutique-paris", "json"), ("boutique-paris-b2b", "ini"), ("boutique-paris-kids", "dotenv")],
    "web-nice": [("boutique-nice", "yaml")],
}


class Sandbox(object):
    """`vads-sandbox serve` on a free loopback port, with notification retries compressed for demos."""

    def __init__(self, workdir, retry_schedule="0.5,1,1,1"):
        self.workdir = Path(workdir)
        self.db = self.workdir / "sandbox.db"
        self.retry_schedule = retry_schedule
        self.proc = None
        self.url = None
        self.token = None

    def start(self):
        self.workdir.mkdir(parents=True, exist_ok=True)
        log = open(self.workdir / "sandbox.log", "ab")
        self.proc = subprocess.Popen(
            [str(VENV_BIN / "vads-sandbox"), "serve", "--db", str(self.db), "--port", "0",
             "--retry-schedule", self.retry_schedule],
            stdout=subprocess.PIPE, stderr=log, text=True)
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError("vads-sandbox did not start: see %s" % (self.workdir / "sandbox.log"))
        info = json.loads(line)
        self.url, self.token = info["url"], info["token"]
        return self

    def stop(self):
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def api(self, method, path, body=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(self.url + "/backoffice/api/" + path.lstrip("/"), data=data, method=method,
                                         headers={"Authorization": "Bearer " + self.token,
                                                  "Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=30) as answer:
            return json.loads(answer.read() or b"null")

    def backoffice(self):
        return {"adapter": "sandbox", "url": self.url, "token": self.token}


def store_text(kind, site_id, key_test, placeholder):
    prod = "2222222222222222" if placeholder else None
    if kind == "dotenv":
        text = ("# Shop configuration (written by hand)\nAPP_ENV=prod\nAPP_SECRET=\"change-me\"\n\n"
                "# Payment gateway\nexport VADS_SITE_ID=%s\nVADS_CTX_MODE=\"TEST\"   # TEST until go-live\n"
                "VADS_KEY_TEST='%s'\n" % (site_id, key_test))
        return text + ("VADS_KEY_PROD=%s\n" % prod if prod else "") + "VADS_SIGN_ALGO=SHA-256\n"
    if kind == "yaml":
        text = ("# Payment settings\napp:\n    name: demo\nvads:\n    site_id: %s   # unquoted\n"
                "    ctx_mode: TEST\n    key_test: '%s'\n" % (site_id, key_test))
        return text + ("    key_prod: '%s'   # plugin default\n" % prod if prod else "")
    if kind == "json":
        vads = {"site_id": site_id, "ctx_mode": "TEST", "key_test": key_test, "sign_algo": "HMAC-SHA-256"}
        if prod:
            vads["key_prod"] = prod
        return json.dumps({"app": {"name": "demo"}, "vads": vads}, indent=4) + "\n"
    if kind == "ini":
        text = ("; Payment module\n[app]\nname = demo\n\n[vads]\nsite_id = %s\nctx_mode = TEST\nkey_test = %s\n"
                % (site_id, key_test))
        return text + ("key_prod = %s\n" % prod if prod else "")
    raise ValueError(kind)


def build_fleet(workdir, sandbox, hosts=None, first_site_id=20000001, extra_shop_vars=None):
    """Store files, sandbox shops and an inventory for hosts {host: [(shop, type)]}; returns the inventory dir."""
    workdir = Path(workdir)
    hosts = hosts or DEMO_HOSTS
    inventory = workdir / "inventory"
    (inventory / "host_vars").mkdir(parents=True, exist_ok=True)
    (inventory / "group_vars").mkdir(parents=True, exist_ok=True)
    site_id = first_site_id
    for host, shops in hosts.items():
        items = []
        for index, (name, kind) in enumerate(shops):
            created = sandbox.api("POST", "shops", {"site_id": str(site_id), "name": name})
            key_test = created["certificates"]["test_key"]
            folder = workdir / "srv" / name
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / {"dotenv": ".env", "yaml": "payment.yaml", "json": "payment.json",
                             "ini": "payment.ini"}[kind]
            path.write_text(store_text(kind, str(site_id), key_test, placeholder=index % 2 == 0))
            os.chmod(path, 0o644)
            item = {
                "name": name,
                "site_id": str(site_id),
                "brand": "payzen",
                "store": {"type": kind, "path": str(path)},
                "notification_url": "%s/demo-merchant/ipn/%s" % (sandbox.url, site_id),
            }
            item.update((extra_shop_vars or {}).get(name, {}))
            items.append(item)
            site_id += 1
        (inventory / "host_vars" / ("%s.json" % host)).write_text(json.dumps({"vads_shops": items}, indent=2))
    all_vars = {
        "ansible_connection": "local",
        "ansible_python_interpreter": sys.executable,
        "vads_backoffice": sandbox.backoffice(),
        "vads_gateway_url": sandbox.url,
        "vads_golive_first_payment": "verify",
        "vads_report_dir": str(workdir / "report"),
    }
    group_vars = inventory / "group_vars" / "all.json"
    group_vars.touch(mode=0o600)  # it holds the sandbox's operator token
    os.chmod(group_vars, 0o600)
    group_vars.write_text(json.dumps(all_vars, indent=2))
    (inventory / "hosts.yml").write_text("merchants:\n  hosts:\n" + "".join("    %s:\n" % h for h in hosts))
    return inventory


def store_files(workdir):
    return sorted(p for p in (Path(workdir) / "srv").rglob("*") if p.is_file())


def wait_for(predicate, timeout=30, interval=0.2):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    return predicate()


# ------------------------------------------------------------------------------ the real platform's path
# Act two of the demo and the manual-path tests: the sandbox stands in for the payment gateway only (forms,
# REST API, notifications). The collection gets no Back Office token (adapter manual); what an operator
# clicks in the real Back Office is done here through the sandbox's operator API, and printed as such.
MANUAL_HOSTS = {"web-manual": [("atelier-env", "dotenv"), ("atelier-yaml", "yaml"), ("atelier-django", "dotenv")]}


def build_manual_fleet(workdir, sandbox, hosts=None, first_site_id=20000901):
    """A fleet whose shop names end in -yaml sign with SHA-1 (store and Back Office agree) and whose names end
    in -django keep one key for the current mode (VADS_CERTIFICATE, like django-payzen)."""
    workdir = Path(workdir)
    inventory = build_fleet(workdir, sandbox, hosts or MANUAL_HOSTS, first_site_id=first_site_id)
    for host in (inventory / "host_vars").glob("*.json"):
        data = json.loads(host.read_text())
        for shop in data["vads_shops"]:
            path = Path(shop["store"]["path"])
            if shop["name"].endswith("-yaml"):
                sandbox.api("PATCH", "shops/%s" % shop["site_id"], {"sign_algo": "SHA-1"})
                with open(path, "a") as handle:
                    handle.write("    sign_algo: SHA-1\n")
            if shop["name"].endswith("-django"):
                key_test = sandbox.api("GET", "shops/%s/certificates" % shop["site_id"])["test_key"]
                path.write_text("# django-payzen settings\nexport VADS_SITE_ID=%s\nVADS_CTX_MODE=TEST\n"
                                "VADS_CERTIFICATE=%s\n" % (shop["site_id"], key_test))
                shop["store"]["keys"] = {"key": "VADS_CERTIFICATE"}
                shop["key_test"] = key_test  # a one-key store needs it to go back to TEST (rollback)
        host.write_text(json.dumps(data, indent=2))
    group_vars = inventory / "group_vars" / "all.json"
    data = json.loads(group_vars.read_text())
    data["vads_backoffice"] = {"adapter": "manual", "checklist": str(workdir / "backoffice-checklist.md")}
    group_vars.write_text(json.dumps(data, indent=2))
    return inventory


def update_shop(inventory, name, **values):
    """What an operator does to the inventory (and the vault) for one shop."""
    for host in Path(inventory, "host_vars").glob("*.json"):
        data = json.loads(host.read_text())
        for shop in data["vads_shops"]:
            if shop["name"] == name:
                for key, value in values.items():
                    if key == "manual_done":
                        shop["manual_done"] = list(shop.get("manual_done") or []) + \
                            [v for v in value if v not in (shop.get("manual_done") or [])]
                    else:
                        shop[key] = value
        host.write_text(json.dumps(data, indent=2))


def inventory_shops(inventory):
    out = {}
    for path in Path(inventory, "host_vars").glob("*.json"):
        for shop in json.loads(path.read_text())["vads_shops"]:
            out[shop["name"]] = dict(shop, host=path.stem)
    return out


def operator_before_switch(sandbox, inventory, say=print):
    """14.1 and 14.2 (3) by hand: generate each production key, copy it (and the REST production password)
    into the vault, enter the PRODUCTION notification URL, declare both steps done."""
    for name, shop in sorted(inventory_shops(inventory).items()):
        certs = sandbox.api("POST", "shops/%s/certificates/production" % shop["site_id"])
        say("  %s: Paramétrage > Boutique > %s > Certificats > Générer le certificat de production; "
            "key copied into the vault (key_prod), REST production password too (rest_password_prod)" % (name, name))
        sandbox.api("PUT", "shops/%s/notification-rules/payment-end" % shop["site_id"],
                    {"production_url": shop["notification_url"]})
        say("  %s: Paramétrage > Règles de notification > URL de notification à la fin du paiement > "
            "URL à appeler en mode PRODUCTION = %s" % (name, shop["notification_url"]))
        update_shop(inventory, name, key_prod=certs["production_key"],
                    rest_password_prod=certs["production_rest_password"],
                    manual_done=["production_key", "notification_url_production"])
    say("  manual_done: [production_key, notification_url_production] added to every shop")


def person_pays(sandbox, inventory, run_module, say=print):
    """14.3 by hand: one real payment per shop (here a sandbox card), its notification checked as sent in
    the Back Office; order id and steps declared in the inventory."""
    for name, shop in sorted(inventory_shops(inventory).items()):
        order_id = "ORDER-%s" % name
        paid = run_module("payment_probe", {"store": shop["store"], "gateway_url": sandbox.url + "/vads-payment/",
                                            "card": "4970100000000000", "order_id": order_id})
        uuid = paid.result["shops"][0]["transaction"]["uuid"]
        say("  %s: paid 2.00 EUR with a card on the shop (order %s)" % (name, order_id))
        status = wait_for(lambda: sandbox.api("GET", "transactions/%s" % uuid)["notification"]["status"] == "sent")
        say("  %s: Gestion > Transactions > [transaction] > Statut URL de notification: %s"
            % (name, "Envoyé" if status else "not sent"))
        update_shop(inventory, name, first_payment_order_id=order_id,
                    manual_done=["first_payment"] + (["notification_sent"] if status else []))

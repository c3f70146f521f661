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

"""Fixtures for the gateway-side modules: one real `vads-sandbox serve` on loopback for the session."""
from __future__ import annotations

import base64
import json
import random
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest

SANDBOX = str(Path(sys.executable).parent / "vads-sandbox")


class Sandbox:
    def __init__(self, db):
        self.proc = subprocess.Popen([SANDBOX, "serve", "--port", "0", "--db", str(db),
                                      "--retry-schedule", "0.2,0.2,0.2,0.2", "--notify-timeout", "3"],
                                     stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        box = []
        reader = threading.Thread(target=lambda: box.append(self.proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(15)
        if not box or not box[0]:
            self.proc.kill()
            raise RuntimeError("vads-sandbox did not start")
        info = json.loads(box[0])
        self.url = info["url"]
        self.token = info["token"]

    def stop(self):
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(15)
        except subprocess.TimeoutExpired:
            self.proc.kill()

    @property
    def backoffice(self):
        return {"adapter": "sandbox", "url": self.url, "token": self.token}

    def api(self, method, path, body=None, expect=(200, 201)):
        req = urllib.request.Request(self.url + "/backoffice/api/" + path, method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": "Bearer " + self.token,
                                              "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=30) as resp:
                status, data = resp.status, json.loads(resp.read() or b"null")
        except urllib.error.HTTPError as exc:
            status, data = exc.code, json.loads(exc.read() or b"null")
        assert status in expect, (method, path, status, data)
        return data

    def new_shop(self, production_key=False, **body):
        for dummy in range(20):
            site_id = "%08d" % random.randrange(10 ** 7, 10 ** 8)
            try:
                shop = self.api("POST", "shops", dict(body, site_id=site_id), expect=(201,))
            except AssertionError:
                continue
            certs = shop["certificates"]
            if production_key:
                certs = self.api("POST", "shops/%s/certificates/production" % site_id)
            return site_id, certs
        raise AssertionError("no free site id")

    def certificates(self, site_id):
        return self.api("GET", "shops/%s/certificates" % site_id)

    def rest(self, service, body, site_id, password):
        auth = base64.b64encode(("%s:%s" % (site_id, password)).encode()).decode()
        req = urllib.request.Request(self.url + "/api-payment/V4/" + service, data=json.dumps(body).encode(),
                                     headers={"Authorization": "Basic " + auth, "Content-Type": "application/json"})
        with urllib.request.urlopen(req, timeout=30) as resp:
            return json.loads(resp.read())


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory):
    sb = Sandbox(tmp_path_factory.mktemp("gateway-sandbox") / "sandbox.db")
    try:
        yield sb
    finally:
        sb.stop()


@pytest.fixture
def dotenv(tmp_path):
    def make(site_id, ctx_mode="TEST", key_test=None, key_prod=None, name="shop.env"):
        path = tmp_path / name
        lines = ["# merchant settings", "VADS_SITE_ID=%s" % site_id, "VADS_CTX_MODE=%s" % ctx_mode]
        if key_test:
            lines.append("VADS_KEY_TEST=%s" % key_test)
        if key_prod:
            lines.append("VADS_KEY_PROD=%s" % key_prod)
        path.write_text("\n".join(lines) + "\n")
        path.chmod(0o600)
        return path
    return make

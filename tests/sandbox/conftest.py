"""Fixtures for the sandbox tests: a real `vads-sandbox serve` on loopback, and small HTTP helpers.

The signing code here is written independently of vads_sandbox.signature on purpose, so a bug in
the sandbox cannot hide itself by being on both sides.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable, Iterator, Optional

import pytest

RETRY_SCHEDULE = "0.2,0.2,0.2,0.2"


# ------------------------------------------------------------------ independent signing
def sign(fields: dict[str, str], key: str, algo: str = "HMAC-SHA-256") -> str:
    names = sorted(n for n in fields if n.startswith("vads_"))
    text = "+".join([fields[n] for n in names] + [key]).encode("utf-8")
    if algo.upper() in ("SHA-1", "SHA1"):
        return hashlib.sha1(text).hexdigest()
    return base64.b64encode(hmac.new(key.encode("utf-8"), text, hashlib.sha256).digest()).decode()


def utc_stamp(offset_s: float = 0) -> str:
    return datetime.fromtimestamp(time.time() + offset_s, timezone.utc).strftime("%Y%m%d%H%M%S")


_trans_counter = itertools.count(random.randrange(0, 500000))


def next_trans_id() -> str:
    return f"{next(_trans_counter) % 1000000:06d}"


def build_form(site_id: str, key: str, mode: str = "TEST", algo: str = "HMAC-SHA-256",
               **extra: str) -> dict[str, str]:
    fields = {
        "vads_action_mode": "INTERACTIVE", "vads_amount": "5124", "vads_ctx_mode": mode,
        "vads_currency": "978", "vads_page_action": "PAYMENT", "vads_payment_config": "SINGLE",
        "vads_site_id": site_id, "vads_trans_date": utc_stamp(), "vads_trans_id": next_trans_id(),
        "vads_version": "V2",
    }
    fields.update({k: v for k, v in extra.items() if k.startswith("vads_")})
    fields["signature"] = sign(fields, key, algo)
    fields.update({k: v for k, v in extra.items() if not k.startswith("vads_")})
    return fields


def metas(page: str) -> dict[str, str]:
    return dict(re.findall(r'<meta name="(vads-[a-z-]+)" content="([^"]*)"', page))


def wait_for(fn: Callable[[], Any], timeout: float = 10.0, interval: float = 0.05,
             what: str = "condition") -> Any:
    """Poll until fn() returns something truthy; fail with the last value at the deadline."""
    deadline = time.monotonic() + timeout
    last: Any = None
    while time.monotonic() < deadline:
        last = fn()
        if last:
            return last
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}; last value: {last!r}")


# ------------------------------------------------------------------ server process
def sandbox_command() -> list[str]:
    exe = Path(sys.executable).parent / "vads-sandbox"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("vads-sandbox")
    return [found] if found else [sys.executable, "-m", "vads_sandbox"]


class Sandbox:
    """A running `vads-sandbox serve` plus HTTP helpers."""

    def __init__(self, db: Path, extra: Optional[list[str]] = None) -> None:
        self.db = db
        self.stderr_path = db.with_suffix(".stderr")
        self._stderr = open(self.stderr_path, "ab")
        self.proc = subprocess.Popen(
            sandbox_command() + ["serve", "--db", str(db), "--host", "127.0.0.1", "--port", "0",
                                 "--retry-schedule", RETRY_SCHEDULE, "--notify-timeout", "3",
                                 *(extra or [])],
            stdout=subprocess.PIPE, stderr=self._stderr)
        line = self._first_line(timeout=15)
        info = json.loads(line)
        self.url: str = info["url"]
        self.token: str = info["token"]
        self.info = info

    def _first_line(self, timeout: float) -> str:
        box: list[bytes] = []
        t = threading.Thread(target=lambda: box.append(self.proc.stdout.readline()), daemon=True)
        t.start()
        t.join(timeout)
        if not box or not box[0]:
            self.proc.kill()
            raise AssertionError("sandbox did not print its URL line; stderr:\n"
                                 + self.stderr_path.read_text(errors="replace"))
        return box[0].decode()

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
                raise AssertionError("sandbox did not stop on SIGTERM")
        self._stderr.close()
        return self.proc.returncode

    # -------------------------------------------------------------- HTTP helpers
    def request(self, method: str, path: str, body: Optional[bytes] = None,
                headers: Optional[dict[str, str]] = None, timeout: float = 10
                ) -> tuple[int, dict[str, str], bytes]:
        req = urllib.request.Request(self.url + path, data=body, method=method,
                                     headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=timeout) as resp:
                return resp.status, dict(resp.headers), resp.read()
        except urllib.error.HTTPError as exc:
            return exc.code, dict(exc.headers), exc.read()

    def bo(self, method: str, path: str, body: Any = None,
           token: Optional[str] = "default") -> tuple[int, Any]:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = "Bearer " + (self.token if token == "default" else token)
        data = json.dumps(body).encode() if body is not None else None
        status, _headers, raw = self.request(method, "/backoffice/api/" + path, data, headers)
        return status, json.loads(raw) if raw else None

    def ok(self, method: str, path: str, body: Any = None, expect: int = 200) -> Any:
        status, data = self.bo(method, path, body)
        assert status == expect, (method, path, status, data)
        return data

    def post_form(self, fields: dict[str, str], path: str = "/vads-payment/") -> str:
        status, headers, raw = self.request(
            "POST", path, urllib.parse.urlencode(fields).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"})
        assert status == 200, (status, raw[:500])
        assert headers.get("Content-Type", "").startswith("text/html")
        return raw.decode("utf-8")

    def rest(self, service: str, body: dict, site_id: str, password: str) -> tuple[int, dict]:
        auth = base64.b64encode(f"{site_id}:{password}".encode()).decode()
        headers = {"Content-Type": "application/json", "Authorization": "Basic " + auth}
        status, _headers, raw = self.request("POST", "/api-payment/V4/" + service,
                                             json.dumps(body).encode(), headers)
        return status, json.loads(raw)

    def new_shop(self, **body: Any) -> dict[str, Any]:
        """Create a shop over HTTP with a fresh random site id."""
        for _attempt in range(20):
            site_id = f"{random.randrange(10**7, 10**8)}"
            status, data = self.bo("POST", "shops", {"site_id": site_id, **body})
            if status == 201:
                return data
            assert status == 409, data
        raise AssertionError("could not find a free site id")

    def transaction(self, uuid: str) -> dict[str, Any]:
        return self.ok("GET", "transactions/" + uuid)

    def wait_notification(self, uuid: str, statuses: tuple[str, ...] = ("sent", "failed"),
                          timeout: float = 10) -> dict[str, Any]:
        def done() -> Optional[dict[str, Any]]:
            tx = self.transaction(uuid)
            return tx if tx["notification"]["status"] in statuses else None
        return wait_for(done, timeout, what=f"notification of {uuid} to reach {statuses}")


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Sandbox]:
    sb = Sandbox(tmp_path_factory.mktemp("sandbox") / "sandbox.db")
    try:
        yield sb
    finally:
        assert sb.stop() == 0, "sandbox exited non-zero on SIGTERM"


@pytest.fixture
def shop(sandbox: Sandbox) -> dict[str, Any]:
    return sandbox.new_shop()


@pytest.fixture
def start_sandbox(tmp_path: Path) -> Iterator[Callable[..., Sandbox]]:
    """Start extra, private sandbox servers (own database unless given); all stopped at the end."""
    started: list[Sandbox] = []

    def start(db: Optional[Path] = None, extra: Optional[list[str]] = None) -> Sandbox:
        sb = Sandbox(db or tmp_path / f"private{len(started)}.db", extra)
        started.append(sb)
        return sb

    yield start
    for sb in started:
        sb.stop()


os.environ.setdefault("SE_OFFLINE", "true")  # selenium must never try to download a driver here

"""The standalone DEMO receiver (`vads-sandbox receiver`) as the target of real notifications."""
from __future__ import annotations

import json
import signal
import subprocess
import threading
import urllib.request
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest

from .conftest import Sandbox, build_form, metas, sandbox_command, wait_for


@pytest.fixture
def start_receiver(tmp_path: Path) -> Iterator[Callable[..., dict[str, Any]]]:
    procs: list[subprocess.Popen] = []

    def start(*args: str) -> dict[str, Any]:
        proc = subprocess.Popen(sandbox_command() + ["receiver", "--port", "0", *args],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        procs.append(proc)
        box: list[bytes] = []
        t = threading.Thread(target=lambda: box.append(proc.stdout.readline()), daemon=True)
        t.start()
        t.join(15)
        assert box and box[0], proc.stderr.read() if proc.poll() is not None else "no URL line"
        return json.loads(box[0])

    yield start
    for proc in procs:
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=10) == 0


def received(url: str) -> list[dict[str, Any]]:
    with urllib.request.urlopen(url + "/received", timeout=5) as resp:
        return json.loads(resp.read())["received"]


def test_standalone_receiver_checks_signature_and_fails_on_demand(
        sandbox: Sandbox, tmp_path: Path, start_receiver: Callable[..., dict[str, Any]]) -> None:
    shop = sandbox.new_shop()
    site, key = shop["site_id"], shop["certificates"]["test_key"]
    key_file = tmp_path / "keys.json"
    key_file.write_text(json.dumps({site: {"TEST": key}}))
    record = tmp_path / "received.jsonl"
    info = start_receiver("--key-file", str(key_file), "--record", str(record))
    assert info["demo"] is True
    sandbox.ok("PUT", f"shops/{site}/notification-rules/payment-end",
               {"test_url": info["url"] + "/ipn?fail=1"})
    uuid = metas(sandbox.post_form(build_form(site, key, sandbox_card="4970100000000000")))[
        "vads-trans-uuid"]
    n = sandbox.wait_notification(uuid, ("sent",))["notification"]
    assert [a["http_code"] for a in n["attempts"]] == [500, 200]
    got = received(info["url"])
    assert [r["response_code"] for r in got] == [500, 200]
    assert got[-1]["signature_valid"] is True and got[-1]["fields"]["vads_trans_uuid"] == uuid
    assert len(record.read_text().splitlines()) == 2

    # A rotated key in the file is picked up at once: the old-key notification now fails (400).
    key_file.write_text(json.dumps({site: {"TEST": "WrongKey12345678"}}))
    uuid2 = metas(sandbox.post_form(build_form(site, key, sandbox_card="4970100000000000")))[
        "vads-trans-uuid"]
    wait_for(lambda: [r for r in received(info["url"])
                      if r["fields"].get("vads_trans_uuid") == uuid2], what="second notification")
    last = [r for r in received(info["url"]) if r["fields"]["vads_trans_uuid"] == uuid2][0]
    assert last["signature_valid"] is False and last["response_code"] == 400


def test_standalone_receiver_redirect(sandbox: Sandbox,
                                      start_receiver: Callable[..., dict[str, Any]]) -> None:
    shop = sandbox.new_shop()
    site, key = shop["site_id"], shop["certificates"]["test_key"]
    info = start_receiver("--key", key, "--redirect", "https://shop.example/merci")
    uuid = metas(sandbox.post_form(build_form(site, key, sandbox_card="4970100000000000",
                                              vads_url_check=info["url"] + "/ipn")))[
        "vads-trans-uuid"]
    n = sandbox.wait_notification(uuid)["notification"]
    assert n["status"] == "sent" and n["redirected"] is True
    assert n["attempts"][0]["location"] == "https://shop.example/merci"


def test_pending_notification_resumes_after_restart(
        tmp_path: Path, start_sandbox: Callable[..., Sandbox],
        start_receiver: Callable[..., dict[str, Any]]) -> None:
    db = tmp_path / "resume.db"
    first = start_sandbox(db, ["--retry-schedule", "1"])  # one retry, 1 s after the failure
    shop = first.new_shop()
    site, key = shop["site_id"], shop["certificates"]["test_key"]
    info = start_receiver("--key", key)
    first.ok("PUT", f"shops/{site}/notification-rules/payment-end",
             {"test_url": info["url"] + "/ipn?fail=1"})
    uuid = metas(first.post_form(build_form(site, key, sandbox_card="4970100000000000")))[
        "vads-trans-uuid"]
    wait_for(lambda: first.transaction(uuid)["notification"]["attempts_done"] == 1,
             what="first failed attempt")
    assert first.transaction(uuid)["notification"]["status"] == "pending"
    assert first.stop() == 0  # stopped before the retry is due

    second = start_sandbox(db, ["--retry-schedule", "1"])
    n = second.wait_notification(uuid, ("sent", "failed"))["notification"]
    assert n["status"] == "sent"
    assert [a["http_code"] for a in n["attempts"]] == [500, 200]

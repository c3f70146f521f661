"""State survives a restart; fault injection is observable; the CLI creates shops."""
from __future__ import annotations

import json
import socket
import subprocess
import urllib.error
import urllib.request
from pathlib import Path
from typing import Callable

import pytest

from .conftest import Sandbox, build_form, metas, sandbox_command


def test_restart_keeps_all_state(tmp_path: Path, start_sandbox: Callable[..., Sandbox]) -> None:
    db = tmp_path / "restart.db"
    first = start_sandbox(db)
    shop = first.new_shop()
    site = shop["site_id"]
    certs = first.ok("POST", f"shops/{site}/certificates/production", expect=201)
    url = f"{first.url}/demo-merchant/ipn/{site}"
    first.ok("PUT", f"shops/{site}/notification-rules/payment-end", {"production_url": url})
    form = build_form(site, certs["production_key"], mode="PRODUCTION",
                      sandbox_card="4970100000000000")
    uuid = metas(first.post_form(form))["vads-trans-uuid"]
    first.wait_notification(uuid, ("sent",))
    token = first.token
    assert first.stop() == 0

    second = start_sandbox(db)
    assert second.token == token  # the token is stored in the database
    assert second.ok("GET", f"shops/{site}/certificates") == certs
    assert second.ok("GET", f"shops/{site}/notification-rules/payment-end")["production_url"] == url
    tx = second.transaction(uuid)
    assert tx["status"] == "AUTHORISED" and tx["notification"]["status"] == "sent"
    assert len(tx["notification"]["attempts"]) == 1
    # The trans id stays consumed across the restart.
    again = second.post_form(dict(form))
    assert metas(again)["vads-error-code"] == "03"
    kinds = [m["kind"] for m in second.ok("GET", f"outbox?site_id={site}")["emails"]]
    assert "production_key_generated" in kinds
    status, ans = second.rest("Transaction/Get", {"uuid": uuid}, site,
                              certs["production_rest_password"])
    assert ans["status"] == "SUCCESS"


def test_forced_503_then_success(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop()
    site, pw = shop["site_id"], shop["certificates"]["test_rest_password"]
    uuid = metas(sandbox.post_form(build_form(site, shop["certificates"]["test_key"],
                                              sandbox_card="4970100000000000")))["vads-trans-uuid"]
    try:
        before = sandbox.ok("GET", "faults")["injected"]["rest"]
        state = sandbox.ok("PUT", "faults", {"rest": {"status": 503, "count": 2}})
        assert state["faults"]["rest"] == {"status": 503, "count": 2}
        codes = []
        for _attempt in range(3):
            status, body = sandbox.rest("Transaction/Get", {"uuid": uuid}, site, pw)
            codes.append(status)
        assert codes == [503, 503, 200]
        assert body["status"] == "SUCCESS"
        after = sandbox.ok("GET", "faults")
        assert after["injected"]["rest"] == before + 2 and after["faults"]["rest"]["count"] == 0
        # Other groups are untouched, and the fault API itself is never faulted.
        sandbox.ok("PUT", "faults", {"backoffice": {"count": 1, "status": 500}})
        status, err = sandbox.bo("GET", "shops")
        assert status == 500 and err["error"] == "injected_fault"
        assert sandbox.ok("GET", f"shops/{site}")["site_id"] == site
        status, err = sandbox.bo("PUT", "faults", {"nope": {}})
        assert status == 400
        status, err = sandbox.bo("PUT", "faults", {"rest": {"count": -1}})
        assert status == 400
    finally:
        sandbox.ok("DELETE", "faults")


def test_timeout_fault_and_latency(sandbox: Sandbox) -> None:
    try:
        sandbox.ok("PUT", "faults", {"form": {"timeout_count": 1, "timeout_s": 2}})
        with pytest.raises((socket.timeout, TimeoutError, urllib.error.URLError)):
            urllib.request.urlopen(urllib.request.Request(
                sandbox.url + "/vads-payment/", data=b"vads_site_id=1"), timeout=0.5)
        page = sandbox.post_form({"vads_site_id": "1"})
        assert metas(page)["vads-error-code"] == "02"
    finally:
        sandbox.ok("DELETE", "faults")


def test_fault_from_cli_and_notification_fault(start_sandbox: Callable[..., Sandbox]) -> None:
    sb = start_sandbox(extra=["--fault", "rest:status=502,count=1",
                              "--fault", "notification:count=1"])
    assert sb.ok("GET", "faults")["faults"]["rest"] == {"status": 502, "count": 1}
    shop = sb.new_shop()
    site = shop["site_id"]
    status = sb.rest("Transaction/Get", {"uuid": "0" * 32}, site,
                     shop["certificates"]["test_rest_password"])[0]
    assert status == 502
    sb.ok("PUT", f"shops/{site}/notification-rules/payment-end",
          {"test_url": f"{sb.url}/demo-merchant/ipn/{site}"})
    uuid = metas(sb.post_form(build_form(site, shop["certificates"]["test_key"],
                                         sandbox_card="4970100000000000")))["vads-trans-uuid"]
    n = sb.wait_notification(uuid, ("sent",))["notification"]
    assert [(a["success"], a["error"]) for a in n["attempts"]] == [(False, "injected_fault"),
                                                                   (True, None)]


def test_cli_shop_create_and_list(tmp_path: Path, start_sandbox: Callable[..., Sandbox]) -> None:
    db = tmp_path / "cli.db"
    out = subprocess.run(sandbox_command() + ["shop", "create", "--db", str(db), "--site-id",
                                              "12345678", "--brand", "payzen", "--sign-algo",
                                              "SHA-1"], check=True, capture_output=True, text=True)
    shop = json.loads(out.stdout)
    certs = shop["certificates"]
    assert shop["site_id"] == "12345678" and shop["sign_algo_test"] == "SHA-1"
    assert len(certs["test_key"]) == 16 and certs["test_key"].isalnum()
    assert certs["test_rest_password"].startswith("testpassword_")
    dup = subprocess.run(sandbox_command() + ["shop", "create", "--db", str(db), "--site-id",
                                              "12345678"], check=False, capture_output=True, text=True)
    assert dup.returncode == 1 and json.loads(dup.stderr)["error"] == "conflict"
    listed = subprocess.run(sandbox_command() + ["shop", "list", "--db", str(db)],
                            check=True, capture_output=True, text=True)
    assert [s["site_id"] for s in json.loads(listed.stdout)["shops"]] == ["12345678"]
    # The server sees the shop created by the CLI, and accepts a SHA-1 signed form.
    sb = start_sandbox(db, ["--token", "fixed-token"])
    assert sb.token == "fixed-token"
    page = sb.post_form(build_form("12345678", certs["test_key"], algo="SHA-1"))
    assert metas(page)["vads-page"] == "payment"


def test_serve_refuses_non_loopback(tmp_path: Path) -> None:
    res = subprocess.run(sandbox_command() + ["serve", "--db", str(tmp_path / "x.db"),
                                              "--host", "0.0.0.0"], check=False,
                         capture_output=True, text=True, timeout=20)
    assert res.returncode == 2 and "loopback" in res.stderr

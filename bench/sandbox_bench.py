#!/usr/bin/env python3
"""Throughput of the vads-sandbox gateway simulator on loopback.

Starts `vads-sandbox serve` on a temporary database (or uses --url/--token of a running one),
creates a shop, then for each scenario sends a fixed number of requests from N threads, each
thread on its own keep-alive HTTP/1.1 connection, and prints requests per second.

Scenarios:
  form        POST /vads-payment/ with valid signed forms, distinct vads_trans_id (payment page)
  payment     the same with sandbox_card: a full payment (transaction + notification row)
  bo_shop     GET /backoffice/api/shops/{site_id}
  bo_tx       GET /backoffice/api/shops/{site_id}/transactions?limit=20
  rest        POST /api-payment/V4/Transaction/Get (Basic auth, JSON), a known transaction
  ipn         payments with vads_url_check pointing at a receiver in this process: notifications
              delivered per second, from the first payment posted to the last notification received

Standard library only. Exit code 1 with --check if a scenario is under its target (form 700,
rest 700, ipn 200 req/s: issue 14) or under --min-rps (default 200) for the others.
"""
from __future__ import annotations

import argparse
import base64
import http.server
import hashlib
import hmac
import http.client
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Optional


def sign(fields: dict[str, str], key: str) -> str:
    names = sorted(n for n in fields if n.startswith("vads_"))
    text = "+".join([fields[n] for n in names] + [key]).encode()
    return base64.b64encode(hmac.new(key.encode(), text, hashlib.sha256).digest()).decode()


def sandbox_command() -> list[str]:
    exe = Path(sys.executable).parent / "vads-sandbox"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("vads-sandbox")
    return [found] if found else [sys.executable, "-m", "vads_sandbox"]


class Client:
    """One keep-alive connection."""

    def __init__(self, host: str, port: int) -> None:
        self.conn = http.client.HTTPConnection(host, port, timeout=30)

    def call(self, method: str, path: str, body: Optional[bytes] = None,
             headers: Optional[dict[str, str]] = None) -> tuple[int, bytes]:
        self.conn.request(method, path, body=body, headers=headers or {})
        resp = self.conn.getresponse()
        return resp.status, resp.read()


SERVER_PID: list[Optional[int]] = [None]


def server_cpu() -> Optional[float]:
    """CPU seconds used so far by the sandbox process (Linux /proc), or None if unknown.

    Requests per second swing with the machine's load; CPU time per request does much less, so the
    benchmark reports both.
    """
    if SERVER_PID[0] is None:
        return None
    try:
        with open(f"/proc/{SERVER_PID[0]}/stat") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def run(name: str, total: int, threads: int, host: str, port: int,
        make_request: Callable[[int], tuple[str, str, Optional[bytes], dict[str, str]]],
        check: Callable[[int, bytes], bool]) -> dict[str, float]:
    counter = iter(range(total))
    lock = threading.Lock()
    errors = [0]
    latencies: list[float] = []

    def worker() -> None:
        client = Client(host, port)
        local: list[float] = []
        while True:
            with lock:
                i = next(counter, None)
            if i is None:
                break
            method, path, body, headers = make_request(i)
            t0 = time.perf_counter()
            status, raw = client.call(method, path, body, headers)
            local.append(time.perf_counter() - t0)
            if not check(status, raw):
                with lock:
                    errors[0] += 1
        with lock:
            latencies.extend(local)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    cpu0 = server_cpu()
    start = time.perf_counter()
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - start
    cpu1 = server_cpu()
    latencies.sort()
    res = {"scenario": name, "requests": total, "threads": threads, "seconds": round(elapsed, 3),
           "rps": round(total / elapsed, 1), "errors": errors[0],
           "p50_ms": round(latencies[len(latencies) // 2] * 1000, 2),
           "p99_ms": round(latencies[min(len(latencies) - 1, int(len(latencies) * 0.99))] * 1000, 2),
           "server_cpu_us": round((cpu1 - cpu0) / total * 1e6) if cpu0 is not None and cpu1 is not None else None}
    return res


TARGETS = {"form": 700.0, "rest": 700.0, "ipn": 200.0}


class Receiver:
    """The merchant's IPN endpoint for the ipn scenario: answers 200 and counts (no checks)."""

    def __init__(self) -> None:
        self.count = 0
        self.lock = threading.Lock()
        self.done = threading.Event()
        self.expected = 0
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self.send_response(200)
                self.send_header("Content-Length", "2")
                self.end_headers()
                self.wfile.write(b"OK")
                with outer.lock:
                    outer.count += 1
                    if outer.expected and outer.count >= outer.expected:
                        outer.done.set()

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/ipn"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def run_ipn(total: int, threads: int, host: str, port: int,
            make_request: Callable[[int], tuple], receiver: Receiver, timeout: float = 300) -> dict:
    receiver.count, receiver.expected = 0, total
    receiver.done.clear()
    cpu0 = server_cpu()
    start = time.perf_counter()
    posted = run("ipn-payments", total, threads, host, port, make_request,
                 lambda status, raw: status == 200 and b'content="result"' in raw)
    delivered = receiver.done.wait(timeout)
    elapsed = time.perf_counter() - start
    cpu1 = server_cpu()
    return {"scenario": "ipn", "requests": total, "threads": threads, "seconds": round(elapsed, 3),
            "rps": round(receiver.count / elapsed, 1),
            "errors": posted["errors"] + (0 if delivered else total - receiver.count),
            "p50_ms": posted["p50_ms"], "p99_ms": posted["p99_ms"],
            "server_cpu_us": round((cpu1 - cpu0) / total * 1e6) if cpu0 is not None and cpu1 is not None else None,
            "note": "notifications delivered per second, payments posted meanwhile; cpu per payment + its notification"}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--requests", type=int, default=2000, help="requests per scenario (default 2000)")
    ap.add_argument("--threads", type=int, default=8, help="client threads/connections (default 8)")
    ap.add_argument("--url", help="use a running sandbox instead of starting one")
    ap.add_argument("--token", help="operator token of --url")
    ap.add_argument("--pid", type=int, help="process id of --url's sandbox (for server CPU per request)")
    ap.add_argument("--min-rps", type=float, default=200.0)
    ap.add_argument("--check", action="store_true", help="exit 1 if a scenario is under --min-rps")
    ap.add_argument("--json", action="store_true", help="print one JSON document only")
    args = ap.parse_args()
    if args.requests > 900000:
        ap.error("at most 900000 requests (6-character transaction ids per shop per day)")

    tmp = None
    proc = None
    if args.url:
        url, token = args.url.rstrip("/"), args.token or ""
        SERVER_PID[0] = args.pid
    else:
        tmp = tempfile.mkdtemp(prefix="vads-bench-")
        proc = subprocess.Popen(sandbox_command() + ["serve", "--db", os.path.join(tmp, "bench.db"),
                                                     "--port", "0"],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        info = json.loads(proc.stdout.readline())
        url, token = info["url"], info["token"]
        SERVER_PID[0] = proc.pid
    parts = urllib.parse.urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    auth = {"Authorization": "Bearer " + token, "Content-Type": "application/json"}
    results = []
    try:
        setup = Client(host, port)
        for _ in range(20):
            site_id = str(random.randrange(10**7, 10**8))
            status, raw = setup.call("POST", "/backoffice/api/shops",
                                     json.dumps({"site_id": site_id}).encode(), auth)
            if status == 201:
                break
        else:
            raise SystemExit(f"cannot create a shop: HTTP {status} {raw[:200]!r}")
        created = json.loads(raw)
        key = created["certificates"]["test_key"]
        rest_auth = {"Authorization": "Basic " + base64.b64encode(
            f"{site_id}:{created['certificates']['test_rest_password']}".encode()).decode(),
            "Content-Type": "application/json"}
        stamp = datetime.now(timezone.utc).strftime("%Y%m%d%H%M%S")
        form_headers = {"Content-Type": "application/x-www-form-urlencoded"}
        base_id = [0]

        def form_request(extra: dict[str, str]) -> Callable[[int], tuple]:
            offset = base_id[0]
            base_id[0] += args.requests

            def make(i: int) -> tuple[str, str, bytes, dict[str, str]]:
                fields = {"vads_action_mode": "INTERACTIVE", "vads_amount": "5124",
                          "vads_ctx_mode": "TEST", "vads_currency": "978",
                          "vads_page_action": "PAYMENT", "vads_payment_config": "SINGLE",
                          "vads_site_id": site_id, "vads_trans_date": stamp,
                          "vads_trans_id": f"{offset + i:06d}", "vads_version": "V2"}
                fields.update({k: v for k, v in extra.items() if k.startswith("vads_")})
                fields["signature"] = sign(fields, key)
                fields.update({k: v for k, v in extra.items() if not k.startswith("vads_")})
                return "POST", "/vads-payment/", urllib.parse.urlencode(fields).encode(), form_headers
            return make

        def page_is(kind: str) -> Callable[[int, bytes], bool]:
            marker = f'<meta name="vads-page" content="{kind}">'.encode()
            return lambda status, raw: status == 200 and marker in raw

        scenarios = [
            ("form", form_request({}), page_is("payment")),
            ("payment", form_request({"sandbox_card": "4970100000000000"}), page_is("result")),
            ("bo_shop", lambda i: ("GET", f"/backoffice/api/shops/{site_id}", None, auth),
             lambda s, r: s == 200),
            ("bo_tx", lambda i: ("GET", f"/backoffice/api/shops/{site_id}/transactions?limit=20",
                                 None, auth), lambda s, r: s == 200),
        ]
        receiver = Receiver()
        done_tx: list[str] = []

        def rest_request(i: int) -> tuple[str, str, bytes, dict[str, str]]:
            return ("POST", "/api-payment/V4/Transaction/Get",
                    json.dumps({"uuid": done_tx[i % len(done_tx)]}).encode(), rest_auth)

        def rest_ok(status: int, raw: bytes) -> bool:
            return status == 200 and b'"status":"SUCCESS"' in raw

        for name, make, check in scenarios:
            res = run(name, args.requests, args.threads, host, port, make, check)
            results.append(res)
            if not args.json:
                print(f"{name:8s} {res['rps']:8.1f} req/s  ({res['requests']} requests, "
                      f"{res['threads']} threads, {res['seconds']} s, p50 {res['p50_ms']} ms, "
                      f"p99 {res['p99_ms']} ms, errors {res['errors']}, server CPU {res['server_cpu_us']} us/req)",
                      flush=True)
        status, raw = setup.call("GET", f"/backoffice/api/shops/{site_id}/transactions?limit=50",
                                 None, auth)
        done_tx.extend(t["uuid"] for t in json.loads(raw)["transactions"])
        extra = [("rest", lambda: run("rest", args.requests, args.threads, host, port, rest_request,
                                      rest_ok)),
                 ("ipn", lambda: run_ipn(args.requests, args.threads, host, port,
                                         form_request({"sandbox_card": "4970100000000000",
                                                       "vads_url_check": receiver.url}), receiver))]
        for name, bench in extra:
            res = bench()
            results.append(res)
            if not args.json:
                print(f"{name:8s} {res['rps']:8.1f} req/s  ({res['requests']} requests, "
                      f"{res['threads']} threads, {res['seconds']} s, p50 {res['p50_ms']} ms, "
                      f"p99 {res['p99_ms']} ms, errors {res['errors']}, server CPU {res['server_cpu_us']} us/req)",
                      flush=True)
        receiver.close()
    finally:
        if proc is not None:
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=30)
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    summary = {"benchmark": "sandbox", "min_rps": args.min_rps, "results": results}
    print(json.dumps(summary) if args.json else json.dumps(summary, indent=None))
    bad = [r for r in results if r["errors"] or r["rps"] < TARGETS.get(r["scenario"], args.min_rps)]
    if args.check and bad:
        print(f"FAIL: under target ({TARGETS}, else {args.min_rps}) or with errors: "
              f"{[r['scenario'] for r in bad]}",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

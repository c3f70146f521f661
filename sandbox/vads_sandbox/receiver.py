"""DEMO merchant notification receiver, as a standalone process (`vads-sandbox receiver`).

This is what a merchant's IPN endpoint does, reduced to the essentials: check the signature with
the shop's key of the notified mode, answer 200 (or 400 on a bad signature), record what came in.
Options make it misbehave on purpose (fail N times, redirect) to exercise the gateway's retries.
"""
from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Optional

from . import signature, util


def load_key(key_file: Optional[str], key: Optional[str], site_id: str, mode: str) -> Optional[str]:
    """Key for (site_id, mode). The file is re-read each time so a rotated key is picked up."""
    if key:
        return key
    if not key_file:
        return None
    try:
        with open(key_file, encoding="utf-8") as fh:
            text = fh.read().strip()
    except OSError:
        return None
    if not text.startswith("{"):
        return text
    try:
        data = json.loads(text)
    except ValueError:
        return None
    if site_id in data and isinstance(data[site_id], dict):
        data = data[site_id]
    value = data.get(mode)
    return value if isinstance(value, str) else None


class Receiver:
    def __init__(self, args: argparse.Namespace) -> None:
        self.args = args
        self.lock = threading.Lock()
        self.received: list[dict[str, Any]] = []
        self.counts: dict[str, int] = {}

    def handle(self, path: str, raw_query: str, fields: dict[str, str]) -> tuple[int, str, dict[str, str]]:
        query = dict(urllib.parse.parse_qsl(raw_query))
        mode = fields.get("vads_ctx_mode", "")
        key = load_key(self.args.key_file, self.args.key, fields.get("vads_site_id", ""), mode)
        valid = bool(key) and signature.verify(fields, key or "", self.args.sign_algo,
                                               fields.get("signature", ""))
        url_key = f"{path}?{raw_query}"
        try:
            fail = int(query.get("fail", self.args.fail))
        except ValueError:
            fail = self.args.fail
        redirect = self.args.redirect or ("/thanks" if query.get("redirect") in ("1", "true") else None)
        with self.lock:
            seen = self.counts.get(url_key, 0)
            self.counts[url_key] = seen + 1
        headers: dict[str, str] = {}
        uuid = fields.get("vads_trans_uuid", "")
        if "status" in query and query["status"].isdigit():
            code, text = int(query["status"]), "as asked"
        elif seen < fail:
            code, text = 500, f"KO-failing as asked ({seen + 1}/{fail})"
        elif not valid:
            code, text = 400, "KO-bad signature"
        elif redirect:
            code, text = 302, f"OK-{uuid} (redirecting)"
            headers["Location"] = redirect
        else:
            code, text = 200, f"OK-{uuid}"
        record = {"time": util.now_iso(), "path": path, "query": raw_query, "fields": fields,
                  "signature_valid": valid, "response_code": code}
        with self.lock:
            self.received.append(record)
            if self.args.record:
                with open(self.args.record, "a", encoding="utf-8") as fh:
                    fh.write(json.dumps(record) + "\n")
        return code, text, headers


def run_receiver(args: argparse.Namespace) -> int:
    receiver = Receiver(args)

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        server_version = "vads-sandbox-demo-receiver"

        def log_message(self, format: str, *a: object) -> None:
            pass

        def _send(self, code: int, body: bytes, ctype: str, headers: dict[str, str]) -> None:
            self.send_response(code)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            for k, v in headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:
            path = urllib.parse.urlsplit(self.path).path
            if path.rstrip("/") == "/received":
                with receiver.lock:
                    body = json.dumps({"received": receiver.received}).encode()
                self._send(200, body, "application/json", {})
            else:
                self._send(200, b"DEMO merchant notification receiver", "text/plain", {})

        def do_POST(self) -> None:
            parts = urllib.parse.urlsplit(self.path)
            n = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(min(n, 1 << 20)).decode("utf-8", "replace")
            fields = dict(urllib.parse.parse_qsl(body, keep_blank_values=True))
            code, text, headers = receiver.handle(parts.path, parts.query, fields)
            self._send(code, text.encode(), "text/plain; charset=utf-8", headers)

    class Server(ThreadingHTTPServer):
        daemon_threads = True

    httpd = Server((args.host, args.port), Handler)

    def stop(signum: int, frame: object) -> None:
        threading.Thread(target=httpd.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    sys.stdout.write(json.dumps({"url": f"http://{args.host}:{httpd.server_address[1]}",
                                 "demo": True}) + "\n")
    sys.stdout.flush()
    try:
        httpd.serve_forever(poll_interval=0.2)
    finally:
        httpd.server_close()
    return 0

"""The sandbox HTTP server: routing, fault injection and process life cycle."""
from __future__ import annotations

import html
import json
import os
import signal
import socket
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Optional

from . import __version__
from .api import BackOffice, DemoMerchant, Response, RestApi, error_response, json_response
from .faults import Faults
from .notify import Notifier
from .payment import PaymentService
from .store import Store

MAX_BODY = 1 << 20


class SandboxServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    # listen() backlog: 1,000 clients connecting at once must all wait in the queue, not be reset
    # (the kernel caps it at net.core.somaxconn; Debian's default is 4096).
    request_queue_size = 4096

    def __init__(self, addr: tuple[str, int], app: "App") -> None:
        self.address_family = socket.AF_INET6 if ":" in addr[0] else socket.AF_INET
        super().__init__(addr, Handler)
        self.app = app


class App:
    def __init__(self, store: Store, faults: Faults, notifier: Notifier, token: str,
                 access_log: bool = False) -> None:
        self.store = store
        self.faults = faults
        self.notifier = notifier
        self.token = token
        self.access_log = access_log
        self.base_url = ""
        self.stopping = threading.Event()
        self.payment = PaymentService(store, notifier)
        self.backoffice = BackOffice(store, faults, token, lambda: self.base_url, notifier)
        self.rest = RestApi(store, lambda: self.base_url)
        self.demo = DemoMerchant(store)


def group_of(path: str) -> Optional[str]:
    if path.startswith("/backoffice/api/faults"):
        return None  # the fault API itself is never faulted
    if path.startswith("/backoffice/api/"):
        return "backoffice"
    if path.startswith("/vads-payment"):
        return "form"
    if path.startswith("/api-payment/"):
        return "rest"
    if path.startswith("/demo-merchant/"):
        return "demo"
    return None


class Handler(BaseHTTPRequestHandler):
    server: SandboxServer
    protocol_version = "HTTP/1.1"  # keep-alive, so clients and the benchmark reuse connections
    default_request_version = "HTTP/1.0"  # errors before the version is known still get a status line
    server_version = f"vads-sandbox/{__version__}"
    sys_version = ""

    def setup(self) -> None:
        super().setup()
        # Small answers on keep-alive connections: without TCP_NODELAY, Nagle + delayed ACK
        # add ~40 ms to every request.
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def parse_request(self) -> bool:
        """The standard parser, but every malformed request line gets a real "HTTP/1.0 400".

        The standard library answers a bad line as HTTP/0.9 (a bare HTML body, no status line) and,
        for an HTTP/0.9 "GET /path" line, goes on to read headers that never come (the client
        hangs). Here an HTTP/0.9 line is refused at once, and errors carry a status line.
        """
        words = str(self.raw_requestline, "iso-8859-1").rstrip("\r\n").split()
        if len(words) == 2:
            self.command, self.request_version = None, self.default_request_version
            self.close_connection = True
            self.send_error(400, "Bad request line (HTTP/0.9 is not supported)")
            return False
        return super().parse_request()

    def handle_one_request(self) -> None:
        try:
            super().handle_one_request()
        except (ConnectionError, TimeoutError):
            self.close_connection = True  # the client went away: nothing to answer

    def log_message(self, format: str, *args: object) -> None:
        # Quiet by default; with --access-log, method, path (no query string) and status only.
        if self.server.app.access_log:
            sys.stderr.write(f"{self.address_string()} {format % args}\n")

    def log_request(self, code: object = "-", size: object = "-") -> None:
        if self.server.app.access_log:
            path = self.path.split("?", 1)[0]
            sys.stderr.write(f"{self.command} {path} {code}\n")

    def do_GET(self) -> None:
        self._handle()

    def do_POST(self) -> None:
        self._handle()

    def do_PUT(self) -> None:
        self._handle()

    def do_PATCH(self) -> None:
        self._handle()

    def do_DELETE(self) -> None:
        self._handle()

    def _send(self, resp: Response) -> None:
        self.send_response(resp.status)
        self.send_header("Content-Type", resp.content_type)
        self.send_header("Content-Length", str(len(resp.body)))
        self.send_header("Cache-Control", "no-store")
        for k, v in resp.headers.items():
            self.send_header(k, v)
        # Headers and body in one write (one TCP segment for small answers).
        if self.command != "HEAD":
            self._headers_buffer.append(b"\r\n" + resp.body)
            self.flush_headers()
        else:
            self.end_headers()

    def _read_body(self) -> Optional[bytes]:
        length = self.headers.get("Content-Length")
        if length is None:
            return b""
        try:
            n = int(length)
        except ValueError:
            n = -1
        if n < 0 or n > MAX_BODY:
            self.close_connection = True
            self._send(error_response(413 if n > MAX_BODY else 400, "bad_request",
                                      "bad or too large Content-Length"))
            return None
        return self.rfile.read(n)

    def _handle(self) -> None:
        app = self.server.app
        parts = urllib.parse.urlsplit(self.path)
        path = parts.path
        body = self._read_body()
        if body is None:
            return
        group = group_of(path)
        if group:
            decision = app.faults.decide(group)
            if decision.latency_s:
                app.stopping.wait(decision.latency_s)
            if decision.hang_s is not None:
                # Simulated timeout: hang, then drop the connection without an answer.
                app.stopping.wait(decision.hang_s)
                self.close_connection = True
                return
            if decision.fail_status is not None:
                self._send(error_response(decision.fail_status, "injected_fault",
                                          f"fault injected on group {group!r}"))
                return
        try:
            resp = self._route(app, path, parts.query, body)
        except Exception as exc:  # never leak a traceback to the client, keep serving
            print(f"vads-sandbox: error on {self.command} {path}: {exc!r}", file=sys.stderr)
            resp = error_response(500, "internal_error", "internal error (see sandbox stderr)")
        self._send(resp)

    def _route(self, app: App, path: str, raw_query: str, body: bytes) -> Response:
        method = self.command
        query = dict(urllib.parse.parse_qsl(raw_query, keep_blank_values=True))
        if path.startswith("/backoffice/api/"):
            return app.backoffice.dispatch(method, path[len("/backoffice/api/"):].strip("/"),
                                           query, body, self.headers.get("Authorization"))
        if path in ("/vads-payment", "/vads-payment/"):
            if method != "POST":
                return Response(405, b"POST the payment form here", "text/plain", {"Allow": "POST"})
            return self._html(app.payment.handle_form(self._form(body)))
        if path in ("/vads-payment/pay", "/vads-payment/pay/"):
            if method != "POST":
                return Response(405, b"POST only", "text/plain", {"Allow": "POST"})
            return self._html(app.payment.handle_pay(self._form(body)))
        if path.startswith("/api-payment/V4/"):
            if method != "POST":
                return Response(405, b"POST only", "text/plain", {"Allow": "POST"})
            return app.rest.dispatch(path[len("/api-payment/V4/"):].strip("/"), body,
                                     self.headers.get("Authorization"))
        if path.startswith("/demo-merchant/"):
            return self._demo(app, path, raw_query, query, body)
        if path == "/" and method == "GET":
            return self._html(INDEX)
        return error_response(404, "not_found", f"no route {path}")

    def _demo(self, app: App, path: str, raw_query: str, query: dict[str, str],
              body: bytes) -> Response:
        method = self.command
        rest = path[len("/demo-merchant/"):].strip("/")
        if rest.startswith("ipn/") and method == "POST":
            resp, delay = app.demo.ipn(rest[4:], path, raw_query, self._form(body))
            if delay:
                app.stopping.wait(delay)
            return resp
        if rest == "received" and method == "GET":
            return app.demo.received(query)
        if rest == "received" and method == "DELETE":
            app.store.demo_clear()
            return json_response(200, {"received": []})
        if rest == "thanks":
            return Response(200, b"DEMO merchant: thanks page", "text/plain")
        return error_response(404, "not_found", f"no demo route {path}")

    @staticmethod
    def _form(body: bytes) -> dict[str, str]:
        # Last value wins for repeated names; blank values kept (they are signed).
        return dict(urllib.parse.parse_qsl(body.decode("utf-8", "replace"), keep_blank_values=True))

    @staticmethod
    def _html(text: str) -> Response:
        return Response(200, text.encode("utf-8"), "text/html; charset=utf-8")


INDEX = f"""<!DOCTYPE html><html><head><meta charset="utf-8"><title>vads-sandbox</title></head>
<body><h1>vads-sandbox {html.escape(__version__)}</h1>
<p>Simulator of the Lyra payment platform. Payment form: POST /vads-payment/.
Operator API: /backoffice/api/ (see <a href="/backoffice/api/openapi.json">openapi.json</a>).
REST: POST /api-payment/V4/... . Demo merchant: /demo-merchant/ipn/&lt;site_id&gt;.</p></body></html>"""


def serve(db_path: str, host: str, port: int, token: str, retry_delays: list[float],
          notify_timeout: float, faults: Faults, access_log: bool = False,
          token_source: str = "db") -> int:
    store = Store(db_path)
    store.recover()
    if token_source == "db":
        token = store.operator_token()
    notifier = Notifier(store, faults, retry_delays, notify_timeout)
    app = App(store, faults, notifier, token, access_log)
    httpd = SandboxServer((host, port), app)
    real_port = httpd.server_address[1]
    url_host = f"[{host}]" if ":" in host else host
    app.base_url = f"http://{url_host}:{real_port}"
    notifier.start()

    def on_signal(signum: int, frame: object) -> None:
        app.stopping.set()
        # shutdown() blocks until serve_forever returns, so it cannot run in this (main) thread.
        threading.Thread(target=httpd.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    sys.stdout.write(json.dumps({"url": app.base_url, "token": token, "host": host,
                                 "port": real_port, "db": os.path.abspath(db_path),
                                 "pid": os.getpid()}) + "\n")
    sys.stdout.flush()
    try:
        httpd.serve_forever(poll_interval=0.2)
    finally:
        app.stopping.set()
        httpd.server_close()
        notifier.stop()
        store.close()
    return 0

"""The one HTTP client of the gateway-side modules: proxies, CA settings, client certificates.

Everything on loopback: a certificate authority made here with `cryptography`, an HTTPS server that
forwards to the session's sandbox (so the answers are the sandbox's own), and a small forward proxy
(plain requests and CONNECT tunnels) that records what went through it.
"""
from __future__ import annotations

import datetime
import http.client
import ipaddress
import select
import socket
import socketserver
import ssl
import struct
import threading
import time
import urllib.parse
import urllib.request
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from support.runner import run_module

from ansible_collections.vads.shop.plugins.module_utils import gateway as gw
from ansible_collections.vads.shop.plugins.module_utils.secrets import encode


# ------------------------------------------------------------------------------------------ certificates
def _name(common):
    return x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common)])


def _cert(subject, issuer, key, issuer_key, ca=False, san=None, client=False):
    now = datetime.datetime.now(datetime.timezone.utc)
    builder = (x509.CertificateBuilder().subject_name(_name(subject)).issuer_name(_name(issuer))
               .public_key(key.public_key()).serial_number(x509.random_serial_number())
               .not_valid_before(now - datetime.timedelta(minutes=5))
               .not_valid_after(now + datetime.timedelta(days=1))
               .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True))
    if san:
        builder = builder.add_extension(x509.SubjectAlternativeName(san), critical=False)
    if ca:
        builder = builder.add_extension(x509.KeyUsage(True, False, False, False, False, True, True, False, False),
                                        critical=True)
        builder = builder.add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
    else:
        usage = x509.oid.ExtendedKeyUsageOID.CLIENT_AUTH if client else x509.oid.ExtendedKeyUsageOID.SERVER_AUTH
        builder = builder.add_extension(x509.ExtendedKeyUsage([usage]), critical=False)
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), critical=False)
    return builder.sign(issuer_key, hashes.SHA256())


def _pem(path, *objects):
    data = b""
    for obj in objects:
        if isinstance(obj, x509.Certificate):
            data += obj.public_bytes(serialization.Encoding.PEM)
        else:
            data += obj.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                      serialization.NoEncryption())
    path.write_bytes(data)
    path.chmod(0o600)
    return str(path)


@pytest.fixture(scope="module")
def pki(tmp_path_factory):
    """A private CA, a server certificate for 127.0.0.1 and a client certificate, all made here."""
    folder = tmp_path_factory.mktemp("pki")
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca = _cert("vads.shop test CA", "vads.shop test CA", ca_key, ca_key, ca=True)
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = _cert("127.0.0.1", "vads.shop test CA", server_key, ca_key,
                   san=[x509.IPAddress(ipaddress.ip_address("127.0.0.1")), x509.DNSName("localhost")])
    client_key = ec.generate_private_key(ec.SECP256R1())
    client = _cert("fleet operator", "vads.shop test CA", client_key, ca_key, client=True)
    return {
        "ca": _pem(folder / "ca.pem", ca),
        "server": _pem(folder / "server.pem", server, server_key),
        "client": _pem(folder / "client.pem", client),
        "client_key": _pem(folder / "client.key", client_key),
    }


# ------------------------------------------------------------------------------------------ servers
class _Forward(BaseHTTPRequestHandler):
    """Forwards each request to the upstream (the sandbox) and relays its answer."""

    protocol_version = "HTTP/1.0"
    upstream = None

    def _relay(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        parts = urllib.parse.urlsplit(self.upstream)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
        headers = dict((k, v) for k, v in self.headers.items() if k.lower() not in ("host", "connection"))
        conn.request(self.command, self.path, body=body, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        self.send_response(resp.status)
        for name, value in resp.getheaders():
            if name.lower() not in ("connection", "transfer-encoding", "content-length"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)
        conn.close()

    do_GET = do_POST = do_PUT = _relay

    def log_message(self, *args):  # quiet
        pass


def _serve(server):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server


@pytest.fixture(scope="module")
def https_sandbox(sandbox, pki):
    """The sandbox behind TLS, certificate signed by the test CA; asks for a client certificate."""
    handler = type("Forward", (_Forward,), {"upstream": sandbox.url})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(pki["server"])
    context.load_verify_locations(pki["ca"])
    context.verify_mode = ssl.CERT_OPTIONAL  # a client certificate, when sent, must be valid
    server.socket = context.wrap_socket(server.socket, server_side=True)
    _serve(server)
    yield "https://127.0.0.1:%d" % server.server_address[1]
    server.shutdown()
    server.server_close()


class _Proxy(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        socketserver.TCPServer.__init__(self, ("127.0.0.1", 0), _ProxyHandler)
        self.seen = []
        self.hold = 0  # seconds each plain request is held before it is relayed
        self.inflight = 0
        self.max_inflight = 0
        self.lock = threading.Lock()


class _ProxyHandler(socketserver.StreamRequestHandler):
    """A forward proxy: absolute-URI requests are relayed, CONNECT opens a tunnel."""

    def handle(self):
        line = self.rfile.readline().decode("latin-1").strip()
        headers = []
        while True:
            header = self.rfile.readline()
            if header in (b"\r\n", b"\n", b""):
                break
            headers.append(header)
        method, target, _version = line.split(" ", 2)
        self.server.seen.append("%s %s" % (method, target))
        if method == "CONNECT":
            host, port = target.rsplit(":", 1)
            upstream = socket.create_connection((host, int(port)), timeout=30)
            self.wfile.write(b"HTTP/1.1 200 Connection established\r\n\r\n")
            self.wfile.flush()
            self._pipe(self.connection, upstream)
            return
        with self.server.lock:
            self.server.inflight += 1
            self.server.max_inflight = max(self.server.max_inflight, self.server.inflight)
        try:
            if self.server.hold:
                time.sleep(self.server.hold)  # keeps requests in flight long enough to be seen together
            response = self._relay(method, target, headers)
        finally:
            # Out of flight before the client gets its answer: a client that sends its next request at once
            # must not be counted twice.
            with self.server.lock:
                self.server.inflight -= 1
        self.wfile.write(response)

    def _relay(self, method, target, headers):
        parts = urllib.parse.urlsplit(target)
        upstream = socket.create_connection((parts.hostname, parts.port or 80), timeout=30)
        path = parts.path + ("?" + parts.query if parts.query else "")
        kept = [h for h in headers if not h.lower().startswith((b"proxy-", b"connection"))]
        upstream.sendall(("%s %s HTTP/1.0\r\n" % (method, path)).encode("latin-1") + b"".join(kept)
                         + b"Connection: close\r\n\r\n")
        length = [int(h.split(b":", 1)[1]) for h in headers if h.lower().startswith(b"content-length")]
        if length and length[0]:
            upstream.sendall(self.rfile.read(length[0]))
        chunks = []
        while True:
            data = upstream.recv(65536)
            if not data:
                break
            chunks.append(data)
        upstream.close()
        return b"".join(chunks)

    @staticmethod
    def _pipe(one, two):
        sockets = [one, two]
        while True:
            ready, _w, _x = select.select(sockets, [], [], 30)
            if not ready:
                return
            for sock in ready:
                data = sock.recv(65536)
                if not data:
                    return
                (two if sock is one else one).sendall(data)


@pytest.fixture
def proxy():
    server = _serve(_Proxy())
    yield server
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _fresh_client(monkeypatch):
    """Each test starts from the default client and no proxy in the environment."""
    for name in ("http_proxy", "https_proxy", "no_proxy", "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "SSL_CERT_FILE",
                 "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    gw.configure_http({})
    yield
    gw.configure_http({})
    # ansible.module_utils.urls installs its opener (with the proxies of its call) for the whole process:
    # the harness's own urllib calls must not go through a test's proxy once that test is over.
    urllib.request.install_opener(None)


def _shop_path(sandbox):
    site_id, _certs = sandbox.new_shop()
    return site_id, "/backoffice/api/shops/%s" % site_id


def _get(url, token):
    return gw.request_once("GET", url, headers={"Authorization": "Bearer " + token})


# ------------------------------------------------------------------------------------------ CA settings
def test_unknown_ca_is_a_tls_error_naming_it(sandbox, https_sandbox):
    _site, path = _shop_path(sandbox)
    with pytest.raises(gw.TransportError) as caught:
        _get(https_sandbox + path, sandbox.token)
    assert caught.value.tls_error and "CERTIFICATE_VERIFY_FAILED" in str(caught.value)


def test_ca_path_trusts_the_private_ca_with_one_context_for_many_requests(sandbox, https_sandbox, pki):
    site_id, path = _shop_path(sandbox)
    client = gw.configure_http({"ca_path": pki["ca"]})
    answers = gw.run_all(lambda dummy: _get(https_sandbox + path, sandbox.token), range(12), concurrency=4)
    assert [a.status for a in answers] == [200] * 12
    assert answers[0].json()["site_id"] == site_id
    assert client.contexts_built == 1  # the CA bundle is loaded once per module call, not per request


def test_plain_http_builds_no_tls_context(sandbox):
    _site, path = _shop_path(sandbox)
    client = gw.configure_http({})
    assert _get(sandbox.url + path, sandbox.token).status == 200
    assert client.contexts_built == 0


def test_ssl_cert_file_is_honoured(sandbox, https_sandbox, pki, monkeypatch):
    _site, path = _shop_path(sandbox)
    monkeypatch.setenv("SSL_CERT_FILE", pki["ca"])
    gw.configure_http({})
    assert _get(https_sandbox + path, sandbox.token).status == 200


def test_validate_certs_false_accepts_an_unknown_ca(sandbox, https_sandbox):
    _site, path = _shop_path(sandbox)
    gw.configure_http({"validate_certs": False})
    assert _get(https_sandbox + path, sandbox.token).status == 200


def test_client_certificate_is_presented_and_checked(sandbox, https_sandbox, pki, tmp_path):
    _site, path = _shop_path(sandbox)
    gw.configure_http({"ca_path": pki["ca"], "client_cert": pki["client"], "client_key": pki["client_key"]})
    assert _get(https_sandbox + path, sandbox.token).status == 200
    # a certificate the server's CA did not sign is refused by the server
    other_key = ec.generate_private_key(ec.SECP256R1())
    stranger = _cert("stranger", "stranger", other_key, other_key, client=True)
    gw.configure_http({"ca_path": pki["ca"], "client_cert": _pem(tmp_path / "s.pem", stranger, other_key)})
    with pytest.raises(gw.TransportError):
        _get(https_sandbox + path, sandbox.token)


def test_unreadable_ca_path_is_a_clear_error(tmp_path):
    gw.configure_http({"ca_path": str(tmp_path / "missing.pem")})
    with pytest.raises(gw.TransportError) as caught:
        gw.request_once("GET", "https://127.0.0.1:9/")
    assert "ca_path" in str(caught.value) and "missing.pem" in str(caught.value)


# ------------------------------------------------------------------------------------------ proxies
def test_http_proxy_is_used_and_no_proxy_bypasses_it(sandbox, proxy, monkeypatch):
    _site, path = _shop_path(sandbox)
    monkeypatch.setenv("http_proxy", "http://127.0.0.1:%d" % proxy.server_address[1])
    gw.configure_http({})
    resp = _get(sandbox.url + path, sandbox.token)
    assert resp.status == 200 and proxy.seen == ["GET %s%s" % (sandbox.url, path)]
    monkeypatch.setenv("no_proxy", "127.0.0.1")
    assert _get(sandbox.url + path, sandbox.token).status == 200
    assert len(proxy.seen) == 1  # bypassed
    monkeypatch.delenv("no_proxy")
    gw.configure_http({"use_proxy": False})
    assert _get(sandbox.url + path, sandbox.token).status == 200
    assert len(proxy.seen) == 1  # use_proxy=false ignores the environment


def test_https_proxy_tunnels_to_a_verified_server(sandbox, https_sandbox, proxy, pki, monkeypatch):
    _site, path = _shop_path(sandbox)
    monkeypatch.setenv("https_proxy", "http://127.0.0.1:%d" % proxy.server_address[1])
    gw.configure_http({"ca_path": pki["ca"]})
    assert _get(https_sandbox + path, sandbox.token).status == 200
    assert proxy.seen == ["CONNECT %s" % https_sandbox[len("https://"):]]


def test_modules_take_the_proxy_and_ca_settings(sandbox, https_sandbox, proxy, pki, dotenv):
    """payment_probe through ansible-core: the form goes through the proxy to the TLS gateway."""
    site_id, certs = sandbox.new_shop()
    store = {"type": "dotenv", "path": str(dotenv(site_id, key_test=certs["test_key"]))}
    env = {"https_proxy": "http://127.0.0.1:%d" % proxy.server_address[1], "no_proxy": ""}
    args = {"store": store, "gateway_url": https_sandbox + "/vads-payment/"}
    run = run_module("payment_probe", args, env=env)
    assert run.failed and "CERTIFICATE_VERIFY_FAILED" in run.result["msg"]
    run = run_module("payment_probe", dict(args, ca_path=pki["ca"]), env=env)
    assert not run.failed, run.output
    assert run.result["shops"][0]["accepted"] is True
    assert any(seen.startswith("CONNECT 127.0.0.1:") for seen in proxy.seen)
    assert certs["test_key"] not in run.output


# ------------------------------------------------------------------------------------------ 14.3 overlap
def test_payments_and_cancellations_of_a_host_overlap_within_the_concurrency_bound(sandbox, proxy, dotenv):
    """The shops' requests of one call are in flight together, never more than `concurrency` at once.

    The proxy holds each request a moment and counts how many it holds at the same time (a count,
    not a duration, so the machine's load cannot make it fail).
    """
    proxy.hold = 0.4
    env = {"http_proxy": "http://127.0.0.1:%d" % proxy.server_address[1], "no_proxy": ""}
    shops, passwords = [], {}
    for index in range(6):
        site_id, certs = sandbox.new_shop(production_key=True)
        path = dotenv(site_id, "PRODUCTION", certs["test_key"], certs["production_key"], name="s%d.env" % index)
        sandbox.api("PUT", "shops/%s/notification-rules/payment-end" % site_id,
                    {"production_url": sandbox.url + "/demo-merchant/ipn/%s" % site_id})
        shops.append({"name": "s%d" % index, "site_id": site_id, "store": {"type": "dotenv", "path": str(path)}})
        passwords["s%d" % index] = {"password": certs["production_rest_password"]}
    run = run_module("payment_probe", {"gateway_url": sandbox.url + "/vads-payment/", "card": "4970100000000000",
                                       "concurrency": 3, "order_id": "OVERLAP",
                                       "shops": [{"name": s["name"], "store": s["store"]} for s in shops]}, env=env)
    assert not run.failed, run.output[-3000:]
    assert all(s["transaction"]["status"] == "AUTHORISED" for s in run.result["shops"])
    assert 2 <= proxy.max_inflight <= 3, proxy.max_inflight

    proxy.max_inflight = 0
    proxy.seen = []
    run = run_module("transaction", {
        "api_url": sandbox.url, "order_id": "OVERLAP", "state": "cancelled", "concurrency": 4,
        "backoffice": sandbox.backoffice, "wait_notification": 10,
        "secrets": encode(passwords),  # REST passwords by shop name: one no_log value
        "shops": [{"name": s["name"], "site_id": s["site_id"]} for s in shops]}, env=env, verbosity=4)
    assert not run.failed, run.output[-3000:]
    for shop in run.result["shops"]:
        assert shop["detailed_status"] == "CANCELLED" and shop["notification"]["status"] == "sent", shop
    assert 2 <= proxy.max_inflight <= 4, proxy.max_inflight
    for shop in shops:  # each request once per shop in this call
        mine = [seen for seen in proxy.seen if shop["site_id"] in seen]
        assert len([s for s in mine if s.endswith("/shops/%s/certificates" % shop["site_id"])]) <= 1, mine
    assert len([s for s in proxy.seen if s.endswith("/api-payment/V4/Order/Get")]) == len(shops)
    assert len([s for s in proxy.seen if s.endswith("/Transaction/CancelOrRefund")]) == len(shops)
    for secret in passwords.values():
        assert secret["password"] not in run.output


# ------------------------------------------------------------------------------------------ kept alive
class _Counting(BaseHTTPRequestHandler):
    """HTTP/1.1; counts connections and requests; with drop_idle, closes each connection after one answer
    without saying so (as a server that closes idle connections does)."""

    protocol_version = "HTTP/1.1"
    drop_idle = False
    seen = None

    def setup(self):
        BaseHTTPRequestHandler.setup(self)
        self.seen["connections"] += 1

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen["requests"].append(body.decode())
        answer = ("got %s" % body.decode()).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(answer)))
        self.end_headers()
        self.wfile.write(answer)
        if self.drop_idle:
            self.close_connection = True

    def log_message(self, *args):
        pass


@pytest.fixture
def counting():
    servers = []

    def start(drop_idle=False, tls=None):
        seen = {"connections": 0, "requests": []}
        handler = type("Handler", (_Counting,), {"drop_idle": drop_idle, "seen": seen})
        server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        if tls:
            context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
            context.load_cert_chain(tls["server"])
            server.socket = context.wrap_socket(server.socket, server_side=True)
        servers.append(_serve(server))
        return "%s://127.0.0.1:%d/api" % ("https" if tls else "http", server.server_address[1]), seen

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


def test_requests_reuse_kept_alive_connections_across_threads_and_calls(sandbox, counting):
    url, seen = counting()
    client = gw.configure_http({})
    for batch_of_shops in range(3):  # a module runs several rounds of requests, each in a thread pool
        answers = gw.run_all(lambda i, b=batch_of_shops: gw.request_once("POST", url, ("%d-%d" % (b, i)).encode()),
                             range(20), concurrency=4)
        assert [a.text() for a in answers] == ["got %d-%d" % (batch_of_shops, i) for i in range(20)]
    assert len(seen["requests"]) == 60
    assert seen["connections"] <= 4 and client.connections_opened == seen["connections"]
    _site, path = _shop_path(sandbox)  # the sandbox keeps connections alive as well
    for _i in range(5):
        assert _get(sandbox.url + path, sandbox.token).status == 200
    assert client.connections_opened == seen["connections"] + 1


def test_a_connection_the_server_dropped_is_replaced_and_the_request_sent_once(counting):
    url, seen = counting(drop_idle=True)
    client = gw.configure_http({})
    for i in range(4):
        assert gw.request_once("POST", url, str(i).encode()).text() == "got %d" % i
    assert seen["requests"] == ["0", "1", "2", "3"]  # each handled exactly once
    assert client.connections_opened == 4


def test_a_new_connection_that_fails_is_not_retried_by_the_client():
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    accepted = []

    def serve():
        for _i in range(2):
            conn, _addr = listener.accept()
            accepted.append(conn.recv(65536))
            conn.close()  # no answer at all

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    gw.configure_http({})
    with pytest.raises(gw.TransportError) as caught:
        gw.request_once("POST", "http://127.0.0.1:%d/pay" % listener.getsockname()[1], b"card=4970100000000003")
    assert "failed" in str(caught.value)
    time.sleep(0.2)
    assert len(accepted) == 1  # a payment the server may have taken is never sent twice by the transport
    listener.close()


def test_notification_probes_open_a_connection_each_like_the_gateway(counting):
    url, seen = counting()
    client = gw.configure_http({})
    for _i in range(3):
        assert gw.probe_notification(url, {"vads_trans_status": "AUTHORISED"})["http_code"] == 200
    assert seen["connections"] == 3 and client.connections_opened == 0


def test_kept_alive_over_tls_as_to_the_real_platform(counting, pki):
    url, seen = counting(tls=pki)
    client = gw.configure_http({"ca_path": pki["ca"]})
    answers = gw.run_all(lambda i: gw.request_once("POST", url, str(i).encode()), range(12), concurrency=3)
    assert [a.text() for a in answers] == ["got %d" % i for i in range(12)]
    assert seen["connections"] <= 3 and client.connections_opened == seen["connections"]
    assert client.contexts_built == 1


def test_an_answer_cut_short_on_a_kept_alive_connection_is_not_sent_again():
    """The server answered the second request halfway, then reset the connection: it did handle it."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    received = []

    def serve():
        conn, _addr = listener.accept()
        for index in range(2):
            data = b""
            while b"\r\n\r\n" not in data:
                data += conn.recv(65536)
            received.append(data)
            if index == 0:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok")
            else:
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\npartial")
                time.sleep(0.1)
                conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
                conn.close()  # a reset, not a clean end
        try:
            extra, _addr = listener.accept()  # a resend would arrive here
            received.append(extra.recv(65536))
            extra.close()
        except OSError:
            pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    url = "http://127.0.0.1:%d/cancel" % listener.getsockname()[1]
    gw.configure_http({})
    assert gw.request_once("POST", url, b"first").text() == "ok"
    with pytest.raises(gw.TransportError):
        gw.request_once("POST", url, b"second")
    time.sleep(0.3)
    listener.close()
    thread.join(2)
    assert len(received) == 2  # handled once: never sent again

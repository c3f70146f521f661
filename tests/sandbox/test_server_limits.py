"""The sandbox's HTTP layer under bad request lines and a thousand simultaneous clients."""
from __future__ import annotations

import socket
import urllib.parse
from typing import Any

import pytest

from .conftest import Sandbox


def raw_exchange(sandbox: Sandbox, data: bytes, timeout: float = 10) -> bytes:
    parts = urllib.parse.urlsplit(sandbox.url)
    with socket.create_connection((parts.hostname, parts.port), timeout=timeout) as sock:
        sock.sendall(data)
        chunks = []
        while True:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    return b"".join(chunks)


@pytest.mark.parametrize("line,code", [
    (b"GET /\r\n", b"400"),                                # HTTP/0.9
    (b"GET /backoffice/api/health\r\n", b"400"),           # HTTP/0.9 on an API path
    (b"GARBAGE\r\n\r\n", b"400"),                          # one word
    (b"GET / HTTP/1.1 extra\r\n\r\n", b"400"),             # four words
    (b"GET / FTP/1.0\r\n\r\n", b"400"),                    # not HTTP
    (b"\xff\xfe\x00binary\r\n\r\n", b"400"),               # not text
    (b"GET / HTTP/9.9\r\n\r\n", b"505"),                   # well-formed, unsupported version
])
def test_malformed_request_lines_get_400(sandbox: Sandbox, line: bytes, code: bytes) -> None:
    answer = raw_exchange(sandbox, line)
    status_line = answer.split(b"\r\n", 1)[0]
    assert status_line.startswith(b"HTTP/1.") and status_line.split(b" ")[1] == code, answer[:200]
    # ... and the server goes on serving.
    assert sandbox.request("GET", "/")[0] == 200
    assert b"Traceback" not in sandbox.stderr_path.read_bytes()


def test_thousand_concurrent_connections_are_all_served(start_sandbox: Any) -> None:
    sb = start_sandbox()
    parts = urllib.parse.urlsplit(sb.url)
    socks: list[socket.socket] = []
    try:
        # 1,000 clients connect at once, before any of them sends a byte: the listen backlog and
        # the thread per connection must hold them all, none reset.
        for _n in range(1000):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.settimeout(60)
            s.connect((parts.hostname, parts.port))
            socks.append(s)
        for s in socks:
            s.sendall(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        codes = []
        for s in socks:
            data = b""
            while b"\r\n" not in data:
                chunk = s.recv(4096)
                if not chunk:
                    break
                data += chunk
            codes.append(data.split(b"\r\n", 1)[0])
    finally:
        for s in socks:
            s.close()
    assert len(codes) == 1000
    assert set(codes) == {b"HTTP/1.1 200 OK"}

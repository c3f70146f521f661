"""A third-party merchant integration, written from the platform's documentation only.

Nothing here imports the collection (plugins/) or the sandbox (vads_sandbox): the signer follows the
documented algorithm ("Computing the signature": every field whose name starts with vads_, sorted by
name, values joined with '+', then '+' and the key; HMAC-SHA-256 with the key, base64; or SHA-1, hex),
and the IPN endpoint is a plain http.server that checks the signature, records what it got and
answers like a merchant's script. The tests drive the sandbox through it, the way merchant software
written by others does.
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import http.server
import json
import threading
import urllib.parse
from typing import Any, Optional


def merchant_signature(fields: dict[str, str], key: str, algorithm: str = "HMAC-SHA-256") -> str:
    values = [fields[name] for name in sorted(fields) if name.startswith("vads_")]
    message = "+".join(values + [key]).encode("utf-8")
    if algorithm == "SHA-1":
        return hashlib.sha1(message).hexdigest()
    return base64.b64encode(hmac.new(key.encode("utf-8"), message, hashlib.sha256).digest()).decode("ascii")


class MerchantIpn:
    """The merchant's IPN URL: checks the signature with its own key, records, answers.

    fail_first: how many notifications to answer 500 before accepting (a merchant's outage).
    """

    def __init__(self, key: str, fail_first: int = 0) -> None:
        self.key = key
        self.fail_first = fail_first
        self.received: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                fields = dict(urllib.parse.parse_qsl(raw, keep_blank_values=True))
                valid = hmac.compare_digest(merchant_signature(fields, outer.key),
                                            fields.get("signature", ""))
                with outer._lock:
                    failing = len(outer.received) < outer.fail_first
                    outer.received.append({"fields": fields, "signature_valid": valid,
                                           "content_type": self.headers.get("Content-Type"),
                                           "answered": 500 if failing else (200 if valid else 400)})
                code = 500 if failing else (200 if valid else 400)
                body = b"KO" if code != 200 else b"OK"
                self.send_response(code)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/payzen/ipn"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def got(self) -> list[dict[str, Any]]:
        with self._lock:
            return list(self.received)

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def parse_json(raw: bytes) -> Optional[dict]:
    try:
        return json.loads(raw)
    except ValueError:
        return None

"""Delivery of instant payment notifications (IPN), the way the platform does it.

Success: HTTP 200-206 or 301/302/303/307/308 within the timeout; redirects are not followed (the
merchant never sees the notification, so the attempt is flagged). Anything else is a failure,
retried per the schedule. The queue lives in SQLite (table notifications), so a restart resumes it.
"""
from __future__ import annotations

import http.client
import json
import secrets
import socket
import ssl
import sys
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Optional

from . import signature, util
from .faults import Faults
from .store import Store

SUCCESS_CODES = set(range(200, 207)) | {301, 302, 303, 307, 308}
REDIRECT_CODES = {301, 302, 303, 307, 308}
USER_AGENT = "vads-sandbox-notifier/1.0"


def post_form(url: str, fields: dict[str, str], timeout: float) -> dict[str, Any]:
    """One POST attempt; returns the attempt record (without number/time)."""
    parts = urllib.parse.urlsplit(url)
    body = urllib.parse.urlencode(fields).encode("utf-8")
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    started = time.monotonic()
    result: dict[str, Any] = {"url": url, "http_code": None, "redirect": False, "location": None,
                              "success": False, "error": None}
    conn: Optional[http.client.HTTPConnection] = None
    try:
        if parts.scheme == "https":
            conn = http.client.HTTPSConnection(parts.hostname or "", parts.port, timeout=timeout,
                                               context=ssl.create_default_context())
        elif parts.scheme == "http":
            conn = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=timeout)
        else:
            raise ValueError(f"unsupported URL scheme {parts.scheme!r}")
        conn.request("POST", path, body=body, headers={
            "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8",
            "User-Agent": USER_AGENT, "Connection": "close"})
        resp = conn.getresponse()
        resp.read(65536)
        code = resp.status
        result["http_code"] = code
        result["success"] = code in SUCCESS_CODES
        if code in REDIRECT_CODES:
            result["redirect"] = True
            result["location"] = resp.getheader("Location")
        if not result["success"]:
            result["error"] = f"HTTP {code}"
    except (socket.timeout, TimeoutError):
        result["error"] = f"timeout after {timeout:g} s"
    except (OSError, http.client.HTTPException, ValueError) as exc:
        result["error"] = f"{type(exc).__name__}: {exc}"
    finally:
        if conn is not None:
            conn.close()
    result["duration_ms"] = int((time.monotonic() - started) * 1000)
    return result


class Notifier:
    """Background worker: a scheduler thread hands due notifications to a small pool."""

    def __init__(self, store: Store, faults: Faults, retry_delays: list[float],
                 timeout: float = 10.0, workers: int = 8) -> None:
        self.store = store
        self.faults = faults
        self.retry_delays = retry_delays
        self.timeout = timeout
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._inflight: set[str] = set()
        self._lock = threading.Lock()
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="ipn")
        self._thread = threading.Thread(target=self._run, name="ipn-scheduler", daemon=True)

    @property
    def max_attempts(self) -> int:
        return 1 + len(self.retry_delays)

    def start(self) -> None:
        self._thread.start()

    def kick(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout=5)
        # Attempts in flight finish (bounded by the timeout); unstarted ones stay pending in SQLite.
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            # Clear before looking at the queue, so a kick that arrives meanwhile is not lost.
            self._wake.clear()
            try:
                with self._lock:
                    busy = set(self._inflight)
                due = self.store.due_notifications(time.time(), busy)
                for row in due:
                    with self._lock:
                        self._inflight.add(row["id"])
                    self._pool.submit(self._deliver, row["id"])
                nxt = self.store.next_due_time()
                wait = 1.0 if nxt is None else max(0.0, min(1.0, nxt - time.time()))
                if wait == 0.0 and not due:
                    # Only in-flight ones are due: their completion sets _wake, no need to spin.
                    wait = 1.0
            except Exception as exc:  # keep the worker alive whatever happens
                print(f"vads-sandbox: notifier error: {exc!r}", file=sys.stderr)
                wait = 1.0
            if wait > 0:
                self._wake.wait(wait)

    def _deliver(self, notif_id: int) -> None:
        try:
            self._attempt(notif_id)
        except Exception as exc:
            print(f"vads-sandbox: notification {notif_id} error: {exc!r}", file=sys.stderr)
        finally:
            with self._lock:
                self._inflight.discard(notif_id)
            self._wake.set()

    @staticmethod
    def url_check_src(source: str, number: int) -> str:
        """PAY / BATCH_AUTO on the first attempt, RETRY on automatic retries, BO for a manual resend."""
        if source == "BO":
            return "BO"
        return source if number <= 1 else "RETRY"

    def signed_fields(self, n: Any, number: int) -> Optional[tuple[str, dict[str, str]]]:
        """The notification fields as of now, signed with the *current* key of the mode."""
        tx = self.store.get_transaction(n["trans_uuid"])
        if tx is None or not n["url"]:
            return None
        shop = self.store.get_shop(tx["site_id"])
        fields: dict[str, str] = json.loads(n["fields"])
        # Status as of now: a cancel or a validation before a retry shows in the retried notification.
        fields["vads_trans_status"] = tx["status"]
        fields["vads_auth_number"] = tx["auth_number"] or ""
        fields["vads_url_check_src"] = self.url_check_src(n["source"], number)
        if n["source"] == "BO":
            # Documented for the Back Office resend: these are not stored, and vads_hash changes.
            for name in ("vads_page_action", "vads_payment_config", "vads_action_mode"):
                fields.pop(name, None)
            fields["vads_hash"] = secrets.token_hex(32)
        if tx["mode"] == "PRODUCTION":
            key, algo = shop["production_key"], shop["sign_algo_production"]
        else:
            key, algo = shop["test_key"], shop["sign_algo_test"]
        fields.pop("signature", None)
        fields["signature"] = signature.compute(fields, key or "", algo)
        return n["url"], fields

    def _attempt(self, notif_id: int) -> None:
        n = self.store.get_notif(notif_id)
        if n is None or n["status"] != "pending":
            return
        number = n["attempts_done"] + 1
        prepared = self.signed_fields(n, number)
        if prepared is None:
            return
        url, fields = prepared
        decision = self.faults.decide("notification")
        if decision.latency_s:
            time.sleep(decision.latency_s)
        when = util.now_iso()
        if decision.hang_s is not None:
            time.sleep(min(decision.hang_s, self.timeout))
            attempt = {"url": url, "http_code": None, "redirect": False, "location": None,
                       "success": False, "error": f"timeout after {self.timeout:g} s (injected_fault)",
                       "duration_ms": int(min(decision.hang_s, self.timeout) * 1000)}
        elif decision.fail_status is not None:
            attempt = {"url": url, "http_code": None, "redirect": False, "location": None,
                       "success": False, "error": "injected_fault", "duration_ms": 0}
        else:
            attempt = post_form(url, fields, self.timeout)
        attempt["time"] = when
        attempt["src"] = fields["vads_url_check_src"]
        self.store.record_attempt(notif_id, attempt, self.retry_delays)

    def resend(self, uuid: str, url: str, url_source: str) -> int:
        """« Renvoyer la notification »: one attempt now, in the caller's thread, no retry."""
        fields = self.store.transaction_details(uuid).get("fields")
        if not fields:  # a transaction of a 0.1 database: the fields its notification had
            pay = self.store.get_notification(uuid)
            fields = json.loads(pay["fields"]) if pay else {}
        notif_id = self.store.add_notification(uuid, "BO", {"url": url, "url_source": url_source,
                                                            "fields": fields, "max_attempts": 1}, None)
        self._attempt(notif_id)
        return notif_id

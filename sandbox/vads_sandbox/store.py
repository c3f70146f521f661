"""All sandbox state, in one SQLite file (kept across restarts).

One connection guarded by a lock: SQLite serialises writers anyway, every statement here takes
microseconds, and one connection keeps transactions simple and correct under ThreadingHTTPServer.
Another process (``vads-sandbox shop create``) may write the same file: WAL + busy_timeout cover it.
"""
from __future__ import annotations

import json
import os
import re
import secrets
import sqlite3
import threading
import time
from contextlib import contextmanager
from typing import Any, Iterator, Optional

from . import signature, util

SITE_ID_RE = re.compile(r"^[0-9]{8}$")
KEY_RE = re.compile(r"^[A-Za-z0-9]{8,64}$")
MODES = ("TEST", "PRODUCTION")

SCHEMA = """
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS shops (
    site_id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    brand TEXT NOT NULL,
    contact_email TEXT NOT NULL,
    sign_algo_test TEXT NOT NULL,
    sign_algo_production TEXT NOT NULL,
    test_key TEXT NOT NULL,
    test_password TEXT NOT NULL,
    test_key_version INTEGER NOT NULL DEFAULT 1,
    production_key TEXT,
    production_password TEXT,
    production_key_generated_at TEXT,
    production_key_version INTEGER NOT NULL DEFAULT 0,
    rule_test_url TEXT,
    rule_production_url TEXT,
    created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS trans_ids (
    site_id TEXT NOT NULL, day TEXT NOT NULL, trans_id TEXT NOT NULL,
    PRIMARY KEY (site_id, day, trans_id)
);
CREATE TABLE IF NOT EXISTS sessions (
    token TEXT PRIMARY KEY, site_id TEXT NOT NULL, mode TEXT NOT NULL, fields TEXT NOT NULL,
    created_at TEXT NOT NULL, trans_uuid TEXT
);
CREATE TABLE IF NOT EXISTS transactions (
    uuid TEXT PRIMARY KEY, site_id TEXT NOT NULL, mode TEXT NOT NULL, status TEXT NOT NULL,
    result TEXT NOT NULL, auth_result TEXT NOT NULL, auth_number TEXT,
    amount INTEGER NOT NULL, currency TEXT NOT NULL, order_id TEXT, trans_id TEXT NOT NULL,
    trans_date TEXT NOT NULL, card_number TEXT NOT NULL, card_brand TEXT NOT NULL,
    expiry_month INTEGER, expiry_year INTEGER, form TEXT NOT NULL,
    created_at TEXT NOT NULL, updated_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS tx_site ON transactions (site_id, mode, status);
CREATE INDEX IF NOT EXISTS tx_order ON transactions (site_id, order_id);
CREATE INDEX IF NOT EXISTS tx_time ON transactions (site_id, created_at);
CREATE TABLE IF NOT EXISTS notifications (
    trans_uuid TEXT PRIMARY KEY, url TEXT, url_source TEXT, fields TEXT NOT NULL,
    status TEXT NOT NULL, attempts_done INTEGER NOT NULL DEFAULT 0, max_attempts INTEGER NOT NULL,
    next_attempt_at REAL, redirected INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS notif_due ON notifications (status, next_attempt_at);
CREATE TABLE IF NOT EXISTS attempts (
    id INTEGER PRIMARY KEY AUTOINCREMENT, trans_uuid TEXT NOT NULL, number INTEGER NOT NULL,
    time TEXT NOT NULL, url TEXT NOT NULL, http_code INTEGER, redirect INTEGER NOT NULL,
    location TEXT, success INTEGER NOT NULL, error TEXT, duration_ms INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS attempts_tx ON attempts (trans_uuid);
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, site_id TEXT, to_addr TEXT NOT NULL,
    kind TEXT NOT NULL, subject TEXT NOT NULL, body TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS demo_received (
    id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, site_id TEXT, path TEXT NOT NULL,
    query TEXT NOT NULL, fields TEXT NOT NULL, signature_valid INTEGER NOT NULL,
    response_code INTEGER NOT NULL
);
CREATE INDEX IF NOT EXISTS demo_url ON demo_received (path, query);
"""


class StoreError(Exception):
    """An error with an HTTP status and a machine code, rendered as {"error", "message"}."""

    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.error = error
        self.message = message


class Store:
    def __init__(self, path: str) -> None:
        self.path = path
        self._lock = threading.RLock()
        if path != ":memory:":
            # The database holds every shop's keys and passwords: owner only (SQLite gives its -wal and
            # -shm files the database file's mode).
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
            os.chmod(path, 0o600)
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.execute("PRAGMA busy_timeout=10000")
        # executescript manages its own transaction, so it runs outside tx().
        with self._lock:
            self._db.executescript(SCHEMA)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    @contextmanager
    def tx(self) -> Iterator[sqlite3.Connection]:
        """One write transaction. BEGIN IMMEDIATE so a concurrent CLI writer waits, not fails."""
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                yield self._db
            except BaseException:
                self._db.execute("ROLLBACK")
                raise
            else:
                self._db.execute("COMMIT")

    def q(self, sql: str, args: tuple = ()) -> list[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, args).fetchall()

    def q1(self, sql: str, args: tuple = ()) -> Optional[sqlite3.Row]:
        with self._lock:
            return self._db.execute(sql, args).fetchone()

    # ---------------------------------------------------------------- settings
    def operator_token(self) -> str:
        """The operator token stored in the DB, created at first use (stable across restarts)."""
        with self.tx() as db:
            row = db.execute("SELECT value FROM settings WHERE key='operator_token'").fetchone()
            if row:
                return row["value"]
            token = secrets.token_urlsafe(24)
            db.execute("INSERT INTO settings VALUES ('operator_token', ?)", (token,))
            return token

    # ---------------------------------------------------------------- shops
    def create_shop(self, site_id: str, brand: str = "payzen", name: Optional[str] = None,
                    sign_algo: Optional[str] = None, sign_algo_test: Optional[str] = None,
                    sign_algo_production: Optional[str] = None, test_key: Optional[str] = None,
                    contact_email: Optional[str] = None) -> sqlite3.Row:
        site_id = str(site_id).strip()
        if not SITE_ID_RE.match(site_id):
            raise StoreError(400, "invalid_site_id", "site_id must be exactly 8 digits")
        brand = (brand or "payzen").lower()
        if brand not in util.BRANDS:
            raise StoreError(400, "invalid_brand", f"unknown brand; one of {', '.join(util.BRANDS)}")
        try:
            algo_t = signature.normalize_algorithm(sign_algo_test or sign_algo or signature.HMAC_SHA_256)
            algo_p = signature.normalize_algorithm(sign_algo_production or sign_algo or signature.HMAC_SHA_256)
        except ValueError as exc:
            raise StoreError(400, "invalid_sign_algo", str(exc)) from None
        if test_key is not None:
            test_key = test_key.strip()
            if not KEY_RE.match(test_key):
                raise StoreError(400, "invalid_key", "test_key must be 8 to 64 characters [A-Za-z0-9]")
        with self.tx() as db:
            if db.execute("SELECT 1 FROM shops WHERE site_id=?", (site_id,)).fetchone():
                raise StoreError(409, "conflict", f"shop {site_id} already exists")
            db.execute(
                "INSERT INTO shops (site_id, name, brand, contact_email, sign_algo_test,"
                " sign_algo_production, test_key, test_password, created_at)"
                " VALUES (?,?,?,?,?,?,?,?,?)",
                (site_id, name or f"Shop {site_id}", brand,
                 contact_email or f"admin@shop-{site_id}.example", algo_t, algo_p,
                 test_key or util.new_test_key(), "testpassword_" + util.random_alnum(24),
                 util.now_iso()))
        return self.get_shop(site_id)

    def get_shop(self, site_id: str) -> sqlite3.Row:
        row = self.q1("SELECT * FROM shops WHERE site_id=?", (site_id,))
        if row is None:
            raise StoreError(404, "not_found", f"no shop {site_id}")
        return row

    def find_shop(self, site_id: str) -> Optional[sqlite3.Row]:
        return self.q1("SELECT * FROM shops WHERE site_id=?", (site_id,))

    def list_shops(self) -> list[sqlite3.Row]:
        return self.q("SELECT * FROM shops ORDER BY site_id")

    def update_shop(self, site_id: str, changes: dict[str, Any]) -> sqlite3.Row:
        allowed = {"name", "contact_email", "sign_algo_test", "sign_algo_production"}
        sets = {}
        if "sign_algo" in changes:
            changes = dict(changes)
            algo = changes.pop("sign_algo")
            changes.setdefault("sign_algo_test", algo)
            changes.setdefault("sign_algo_production", algo)
        for k, v in changes.items():
            if k not in allowed:
                raise StoreError(400, "bad_request", f"field {k!r} cannot be changed")
            if not isinstance(v, str) or not v.strip():
                raise StoreError(400, "bad_request", f"field {k!r} must be a non-empty string")
            if k.startswith("sign_algo"):
                try:
                    v = signature.normalize_algorithm(v)
                except ValueError as exc:
                    raise StoreError(400, "invalid_sign_algo", str(exc)) from None
            sets[k] = v.strip()
        self.get_shop(site_id)
        if sets:
            with self.tx() as db:
                db.execute(
                    "UPDATE shops SET " + ", ".join(f"{k}=?" for k in sets) + " WHERE site_id=?",
                    (*sets.values(), site_id))
        return self.get_shop(site_id)

    def generate_production_key(self, site_id: str, regenerate: bool) -> sqlite3.Row:
        with self.tx() as db:
            shop = db.execute("SELECT * FROM shops WHERE site_id=?", (site_id,)).fetchone()
            if shop is None:
                raise StoreError(404, "not_found", f"no shop {site_id}")
            exists = shop["production_key"] is not None
            if exists and not regenerate:
                raise StoreError(409, "production_key_exists",
                                 "the production key already exists; use .../regenerate (step 14.4)")
            if regenerate and not exists:
                raise StoreError(409, "no_production_key",
                                 "no production key yet; generate it first (step 14.1)")
            key = util.new_test_key()
            while key == shop["test_key"]:
                key = util.new_test_key()
            password = shop["production_password"] or "prodpassword_" + util.random_alnum(24)
            db.execute(
                "UPDATE shops SET production_key=?, production_password=?,"
                " production_key_generated_at=?, production_key_version=production_key_version+1"
                " WHERE site_id=?", (key, password, util.now_iso(), site_id))
            kind = "production_key_regenerated" if regenerate else "production_key_generated"
            verb = "regenerated" if regenerate else "generated"
            self._mail(db, shop, kind, f"[{shop['name']}] Production certificate {verb}",
                       f"The production certificate of shop {site_id} was {verb}.\n"
                       "Update every merchant server that signs forms or checks notifications.")
        return self.get_shop(site_id)

    def regenerate_test_key(self, site_id: str) -> sqlite3.Row:
        self.get_shop(site_id)
        with self.tx() as db:
            db.execute("UPDATE shops SET test_key=?, test_key_version=test_key_version+1"
                       " WHERE site_id=?", (util.new_test_key(), site_id))
        return self.get_shop(site_id)

    def set_rule(self, site_id: str, body: dict[str, Any]) -> tuple[sqlite3.Row, bool]:
        shop = self.get_shop(site_id)
        sets: dict[str, Optional[str]] = {}
        for field, col in (("test_url", "rule_test_url"), ("production_url", "rule_production_url")):
            if field not in body:
                continue
            value = body[field]
            if value is None or (isinstance(value, str) and value.strip() == ""):
                sets[col] = None
                continue
            if not isinstance(value, str) or not re.match(r"^https?://[^\s/]+", value.strip()):
                raise StoreError(400, "invalid_url", f"{field} must be an http:// or https:// URL")
            sets[col] = value.strip()
        unknown = set(body) - {"test_url", "production_url", "site_id", "changed"}
        if unknown:
            raise StoreError(400, "bad_request", f"unknown fields: {', '.join(sorted(unknown))}")
        changed = any(shop[c] != v for c, v in sets.items())
        if changed:
            with self.tx() as db:
                db.execute("UPDATE shops SET " + ", ".join(f"{c}=?" for c in sets) +
                           " WHERE site_id=?", (*sets.values(), site_id))
        return self.get_shop(site_id), changed

    # ---------------------------------------------------------------- outbox
    def _mail(self, db: sqlite3.Connection, shop: sqlite3.Row, kind: str, subject: str,
              body: str) -> None:
        db.execute("INSERT INTO outbox (time, site_id, to_addr, kind, subject, body)"
                   " VALUES (?,?,?,?,?,?)",
                   (util.now_iso(), shop["site_id"], shop["contact_email"], kind, subject, body))

    def mail(self, site_id: str, kind: str, subject: str, body: str) -> None:
        shop = self.find_shop(site_id)
        if shop is None:
            return
        with self.tx() as db:
            self._mail(db, shop, kind, subject, body)

    def outbox(self, site_id: Optional[str], kind: Optional[str]) -> list[sqlite3.Row]:
        sql, args = "SELECT * FROM outbox WHERE 1=1", []
        if site_id:
            sql += " AND site_id=?"
            args.append(site_id)
        if kind:
            sql += " AND kind=?"
            args.append(kind)
        return self.q(sql + " ORDER BY id", tuple(args))

    # ---------------------------------------------------------------- payment sessions
    def open_session(self, site_id: str, mode: str, day: str, trans_id: str,
                     fields: dict[str, str]) -> Optional[str]:
        """Consume the trans id and open a payment session; None if the trans id is taken."""
        token = secrets.token_hex(16)
        with self.tx() as db:
            try:
                db.execute("INSERT INTO trans_ids VALUES (?,?,?)", (site_id, day, trans_id))
            except sqlite3.IntegrityError:
                return None
            db.execute("INSERT INTO sessions VALUES (?,?,?,?,?,NULL)",
                       (token, site_id, mode, json.dumps(fields), util.now_iso()))
        return token

    def get_session(self, token: str) -> Optional[sqlite3.Row]:
        return self.q1("SELECT * FROM sessions WHERE token=?", (token,))

    # ---------------------------------------------------------------- transactions
    def record_payment(self, session_token: str, tx: dict[str, Any],
                       notification: Optional[dict[str, Any]]) -> Optional[str]:
        """Store the transaction and its notification job atomically.

        Returns the uuid of the transaction already recorded for this session if there is one
        (double submit), else None.
        """
        with self.tx() as db:
            row = db.execute("SELECT trans_uuid FROM sessions WHERE token=?",
                             (session_token,)).fetchone()
            if row is not None and row["trans_uuid"]:
                return row["trans_uuid"]
            cols = list(tx)
            db.execute(f"INSERT INTO transactions ({', '.join(cols)}) VALUES"
                       f" ({', '.join('?' * len(cols))})", tuple(tx[c] for c in cols))
            db.execute("UPDATE sessions SET trans_uuid=? WHERE token=?", (tx["uuid"], session_token))
            n = notification or {}
            db.execute(
                "INSERT INTO notifications (trans_uuid, url, url_source, fields, status,"
                " max_attempts, next_attempt_at) VALUES (?,?,?,?,?,?,?)",
                (tx["uuid"], n.get("url"), n.get("url_source"), json.dumps(n.get("fields", {})),
                 "pending" if n.get("url") else "not sent", n.get("max_attempts", 1),
                 time.time() if n.get("url") else None))
        return None

    def get_transaction(self, uuid: str) -> Optional[sqlite3.Row]:
        return self.q1("SELECT * FROM transactions WHERE uuid=?", (uuid,))

    def list_transactions(self, site_id: str, mode: Optional[str], status: Optional[str],
                          order_id: Optional[str], limit: int) -> list[sqlite3.Row]:
        sql, args = "SELECT * FROM transactions WHERE site_id=?", [site_id]
        for col, val in (("mode", mode), ("status", status), ("order_id", order_id)):
            if val:
                sql += f" AND {col}=?"
                args.append(val)
        sql += " ORDER BY created_at DESC, rowid DESC LIMIT ?"
        args.append(limit)
        return self.q(sql, tuple(args))

    def cancel_transaction(self, uuid: str, amount: Optional[int] = None) -> sqlite3.Row:
        """AUTHORISED -> CANCELLED, or a partial cancel that lowers the amount."""
        with self.tx() as db:
            row = db.execute("SELECT * FROM transactions WHERE uuid=?", (uuid,)).fetchone()
            if row is None:
                raise StoreError(404, "not_found", f"no transaction {uuid}")
            if row["status"] != "AUTHORISED":
                raise StoreError(409, "not_cancellable",
                                 f"transaction is {row['status']}; only AUTHORISED can be cancelled")
            if amount is not None and 0 < amount < row["amount"]:
                db.execute("UPDATE transactions SET amount=?, updated_at=? WHERE uuid=?",
                           (amount, util.now_iso(), uuid))
            else:
                db.execute("UPDATE transactions SET status='CANCELLED', updated_at=? WHERE uuid=?",
                           (util.now_iso(), uuid))
        return self.get_transaction(uuid)  # type: ignore[return-value]

    def resend_notification(self, uuid: str) -> sqlite3.Row:
        """Queue one more attempt of a notification that is not pending (sent, failed)."""
        with self.tx() as db:
            row = db.execute("SELECT * FROM transactions WHERE uuid=?", (uuid,)).fetchone()
            if row is None:
                raise StoreError(404, "not_found", f"no transaction {uuid}")
            n = db.execute("SELECT * FROM notifications WHERE trans_uuid=?", (uuid,)).fetchone()
            if n is None or not n["url"]:
                raise StoreError(409, "not_resendable", "the transaction has no notification URL to resend to")
            if n["status"] != "pending":
                db.execute("UPDATE notifications SET status='pending', max_attempts=?, next_attempt_at=?"
                           " WHERE trans_uuid=?", (n["attempts_done"] + 1, time.time(), uuid))
        return self.get_transaction(uuid)  # type: ignore[return-value]

    def get_notification(self, uuid: str) -> Optional[sqlite3.Row]:
        return self.q1("SELECT * FROM notifications WHERE trans_uuid=?", (uuid,))

    def get_attempts(self, uuid: str) -> list[sqlite3.Row]:
        return self.q("SELECT * FROM attempts WHERE trans_uuid=? ORDER BY number", (uuid,))

    # ---------------------------------------------------------------- notification queue
    def due_notifications(self, now: float, exclude: set[str], limit: int = 16) -> list[sqlite3.Row]:
        rows = self.q("SELECT * FROM notifications WHERE status='pending' AND next_attempt_at<=?"
                      " ORDER BY next_attempt_at LIMIT ?", (now, limit + len(exclude)))
        return [r for r in rows if r["trans_uuid"] not in exclude][:limit]

    def next_due_time(self) -> Optional[float]:
        row = self.q1("SELECT MIN(next_attempt_at) AS t FROM notifications WHERE status='pending'")
        return row["t"] if row else None

    def record_attempt(self, uuid: str, attempt: dict[str, Any], retry_delays: list[float]) -> None:
        with self.tx() as db:
            n = db.execute("SELECT * FROM notifications WHERE trans_uuid=?", (uuid,)).fetchone()
            if n is None or n["status"] != "pending":
                return
            number = n["attempts_done"] + 1
            db.execute(
                "INSERT INTO attempts (trans_uuid, number, time, url, http_code, redirect, location,"
                " success, error, duration_ms) VALUES (?,?,?,?,?,?,?,?,?,?)",
                (uuid, number, attempt["time"], attempt["url"], attempt.get("http_code"),
                 int(bool(attempt.get("redirect"))), attempt.get("location"),
                 int(bool(attempt["success"])), attempt.get("error"), attempt["duration_ms"]))
            redirected = n["redirected"] or int(bool(attempt.get("redirect")))
            if attempt["success"]:
                status, next_at = "sent", None
            elif number >= n["max_attempts"]:
                status, next_at = "failed", None
            else:
                delay = retry_delays[min(number - 1, len(retry_delays) - 1)] if retry_delays else 0
                status, next_at = "pending", time.time() + delay
            db.execute("UPDATE notifications SET attempts_done=?, status=?, next_attempt_at=?,"
                       " redirected=? WHERE trans_uuid=?",
                       (number, status, next_at, redirected, uuid))
            if not attempt["success"]:
                tx = db.execute("SELECT * FROM transactions WHERE uuid=?", (uuid,)).fetchone()
                shop = db.execute("SELECT * FROM shops WHERE site_id=?", (tx["site_id"],)).fetchone()
                what = f"HTTP {attempt['http_code']}" if attempt.get("http_code") else attempt.get("error")
                self._mail(db, shop, "notification_failed",
                           f"[{shop['name']}] Notification failed for transaction {tx['trans_id']}",
                           f"The notification of transaction {uuid} ({tx['mode']}) to {attempt['url']}"
                           f" failed (attempt {number}/{n['max_attempts']}): {what}.\n"
                           + ("It will be retried." if status == "pending" else "No more retries."))

    # ---------------------------------------------------------------- demo merchant
    def demo_count(self, path: str, query: str) -> int:
        row = self.q1("SELECT COUNT(*) AS n FROM demo_received WHERE path=? AND query=?", (path, query))
        return row["n"] if row else 0

    def demo_record(self, site_id: Optional[str], path: str, query: str, fields: dict[str, str],
                    valid: bool, code: int) -> None:
        with self.tx() as db:
            db.execute("INSERT INTO demo_received (time, site_id, path, query, fields,"
                       " signature_valid, response_code) VALUES (?,?,?,?,?,?,?)",
                       (util.now_iso(), site_id, path, query, json.dumps(fields), int(valid), code))

    def demo_list(self, site_id: Optional[str], trans_uuid: Optional[str], limit: int) -> list[dict]:
        sql, args = "SELECT * FROM demo_received WHERE 1=1", []
        if site_id:
            sql += " AND site_id=?"
            args.append(site_id)
        rows = self.q(sql + " ORDER BY id", tuple(args))
        out = []
        for r in rows:
            fields = json.loads(r["fields"])
            if trans_uuid and fields.get("vads_trans_uuid") != trans_uuid:
                continue
            out.append({"id": r["id"], "time": r["time"], "site_id": r["site_id"], "path": r["path"],
                        "query": r["query"], "fields": fields,
                        "signature_valid": bool(r["signature_valid"]),
                        "response_code": r["response_code"]})
        return out[-limit:]

    def demo_clear(self) -> None:
        with self.tx() as db:
            db.execute("DELETE FROM demo_received")

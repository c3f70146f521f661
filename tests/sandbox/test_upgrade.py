"""A database written by sandbox 0.1 is upgraded in place: shops, keys, transactions, notifications."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

from .conftest import build_form, metas

# The 0.1 schema, verbatim (sandbox/vads_sandbox/store.py at 0.1).
SCHEMA_0_1 = """
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


def test_a_0_1_database_is_migrated_and_keeps_working(start_sandbox: Any, tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    con = sqlite3.connect(db)
    con.executescript(SCHEMA_0_1)
    con.execute("INSERT INTO shops (site_id, name, brand, contact_email, sign_algo_test,"
                " sign_algo_production, test_key, test_password, production_key, production_password,"
                " production_key_version, rule_test_url, created_at) VALUES ('12345678', 'Old', 'payzen',"
                " 'a@b.example', 'HMAC-SHA-256', 'HMAC-SHA-256', 'OldTestKey123456',"
                " 'testpassword_aaaaaaaaaaaaaaaaaaaaaaaa', 'OldProdKey123456',"
                " 'prodpassword_bbbbbbbbbbbbbbbbbbbbbbbb', 1, 'http://127.0.0.1:9/ipn', 'x')")
    con.execute("INSERT INTO transactions VALUES ('" + "a" * 32 + "', '12345678', 'TEST', 'AUTHORISED',"
                " '00', '00', '123456', 100, '978', 'OLD-1', '000001', '20261130104000',"
                " '497010XXXXXX0000', 'VISA', 12, 2030, '{}', '2026-11-30T10:40:00.000+00:00',"
                " '2026-11-30T10:40:00.000+00:00')")
    con.execute("INSERT INTO notifications VALUES (?, 'http://127.0.0.1:9/ipn', 'rule', ?, 'failed',"
                " 5, 5, NULL, 0)", ("a" * 32, json.dumps({"vads_trans_uuid": "a" * 32})))
    for n in range(1, 6):
        con.execute("INSERT INTO attempts (trans_uuid, number, time, url, http_code, redirect,"
                    " location, success, error, duration_ms) VALUES (?, ?, 't', 'u', 500, 0, NULL,"
                    " 0, 'HTTP 500', 1)", ("a" * 32, n))
    con.commit()
    con.close()
    sb = start_sandbox(db=db)
    tx = sb.transaction("a" * 32)
    n = tx["notification"]
    assert (n["status"], n["attempts_done"], n["delivered"]) == ("failed", 5, False)
    assert [a["url_check_src"] for a in n["attempts"]] == ["PAY", "RETRY", "RETRY", "RETRY", "RETRY"]
    assert [(e["trigger"], e["status_label"], e["tries"]) for e in tx["notifications"]] == \
        [("PAY", "Échec", 5)]
    # « Renvoyer la notification » works on a transaction made by 0.1 (its stored fields are used).
    status, out = sb.bo("POST", f"transactions/{'a' * 32}/notifications/resend")
    assert status == 200 and out["notification"]["trigger"] == "BO"
    assert out["notification"]["status_label"] == "Échec"  # nothing listens on 127.0.0.1:9
    keys = sb.ok("GET", "shops/12345678/rest-keys")
    assert keys["TEST"]["password"] == "testpassword_aaaaaaaaaaaaaaaaaaaaaaaa"
    assert keys["PRODUCTION"]["public_key"].startswith("12345678:publickey_")
    page = sb.post_form(build_form("12345678", "OldTestKey123456", sandbox_card="4970100000000000"))
    assert metas(page)["vads-trans-status"] == "AUTHORISED"

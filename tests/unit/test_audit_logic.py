"""The audit's logic without Ansible: the codes the live-fleet tests do not reach, the reports' rendering."""

from __future__ import annotations

import json
import os
import re
import threading
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from xml.etree import ElementTree

import pytest

from ansible_collections.vads.shop.plugins.module_utils import audit_report, report_html
from ansible_collections.vads.shop.plugins.module_utils.audit import FINDINGS, Auditor

REPO = Path(__file__).resolve().parents[2]
KEY_TEST = "Test0Key0Abcdef1"
KEY_PROD = "Prod0Key0Abcdef2"
URL = "https://lyon.shops.example.com/ipn"


def env_store(tmp_path, name, mode="PRODUCTION", key_prod=KEY_PROD, site_id="20000001", extra=""):
    path = tmp_path / name
    text = "VADS_SITE_ID=%s\nVADS_CTX_MODE=%s\nVADS_KEY_TEST=%s\n" % (site_id, mode, KEY_TEST)
    if key_prod is not None:
        text += "VADS_KEY_PROD=%s\n" % key_prod
    path.write_text(text + extra)
    path.chmod(0o600)
    return {"type": "dotenv", "path": str(path)}


def shop(tmp_path, name, store=None, **inventory):
    item = {"name": name, "site_id": "20000001", "brand": "payzen", "notification_url": URL,
            "store": store or env_store(tmp_path, name)}
    item.update(inventory)
    return item


def codes(results):
    return dict((r["name"], [(f["code"], f["severity"]) for f in r["findings"]]) for r in results)


def test_every_code_is_documented_and_every_documented_code_exists():
    documented = set(re.findall(r"^\| `([A-Z_]+)` \|", (REPO / "docs" / "audit.md").read_text(), re.M))
    assert documented == set(FINDINGS)
    schema = json.loads((REPO / "docs" / "audit-report.schema.json").read_text())
    assert schema["$id"] == audit_report.SCHEMA_ID


def test_store_and_inventory_codes(tmp_path):
    shops = [
        shop(tmp_path, "clean"),
        shop(tmp_path, "no-prod-key", env_store(tmp_path, "no-prod-key", key_prod=None)),
        shop(tmp_path, "one-key", {"type": "dotenv", "path": str(env_store(tmp_path, "one-key")["path"]),
                                   "keys": {"key": "VADS_CERTIFICATE"}}),
        shop(tmp_path, "test-wanted", env_store(tmp_path, "test-wanted", mode="TEST", key_prod="2222222222222222"),
             ctx_mode="TEST"),
        shop(tmp_path, "live-but-wanted-test", ctx_mode="TEST"),
        shop(tmp_path, "missing-file", {"type": "dotenv", "path": str(tmp_path / "nowhere.env")}),
        {"name": "no-store", "site_id": "20000001", "notification_url": URL},
        shop(tmp_path, "http-url", notification_url="http://lyon.shops.example.com/ipn"),
        shop(tmp_path, "bad-brand", brand="paypal"),
        shop(tmp_path, "test-rest", rest_password_prod="testpassword_abc"),
        shop(tmp_path, "algo", env_store(tmp_path, "algo", extra="VADS_SIGN_ALGO=MD5\n")),
        shop(tmp_path, "url-check", env_store(tmp_path, "url-check", extra="VADS_URL_CHECK=https://old.example.com/ipn\n")),
        shop(tmp_path, "bad-date", key_prod_created="last spring"),
        shop(tmp_path, "wanted-prod", ctx_mode="PROD"),
        shop(tmp_path, "placeholder-site", site_id="12345678"),
        shop(tmp_path, "vault-test", key_test="Other0TestKey123"),
    ]
    one_key = Path(shops[2]["store"]["path"])
    one_key.write_text("VADS_SITE_ID=20000001\nVADS_CTX_MODE=PRODUCTION\nVADS_CERTIFICATE=1111111111111111\n")
    files = sorted(tmp_path.iterdir())
    before = dict((p, (p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode)) for p in files)

    results = Auditor("web-lyon").run(shops)
    found = codes(results)
    assert found["clean"] == []
    assert found["no-prod-key"] == [("KEY_PROD_MISSING", "error")]
    assert found["one-key"] == [("KEY_PROD_PLACEHOLDER", "error")]
    assert found["test-wanted"] == [("KEY_PROD_PLACEHOLDER", "warning")]
    assert found["live-but-wanted-test"] == [("MODE_DRIFT_TEST", "error")]
    assert found["missing-file"] == [("STORE_UNREADABLE", "error")]
    assert found["no-store"] == [("INVENTORY_INVALID", "error")]
    assert found["http-url"] == [("NOTIFICATION_URL_INVALID", "error")]
    assert found["bad-brand"] == [("BRAND_UNKNOWN", "error")]
    assert found["test-rest"] == [("REST_PASSWORD_MODE", "error")]
    assert found["algo"] == [("SIGN_ALGO_UNKNOWN", "error")]
    assert found["url-check"] == [("URL_CHECK_DRIFT", "warning")]
    assert found["bad-date"] == [("KEY_DATE_INVALID", "warning")]
    assert found["wanted-prod"] == [("INVENTORY_MODE_INVALID", "error")]
    # the inventory holds the placeholder, the store a real id: both said
    assert found["placeholder-site"] == [("SITE_ID_MISMATCH", "error"), ("SITE_ID_PLACEHOLDER", "error")]
    assert found["vault-test"] == [("KEY_TEST_VAULT_DRIFT", "warning")]
    by_name = dict((r["name"], r) for r in results)
    assert by_name["missing-file"]["state"] == "unreadable" and by_name["test-wanted"]["state"] == "TEST"
    assert by_name["live-but-wanted-test"]["findings"][0]["fix"] == "run playbooks/rollback.yml --limit web-lyon"
    text = json.dumps(results)
    assert KEY_PROD not in text and KEY_TEST not in text and "1111111111111111" not in text
    # read-only: not a byte, not a time stamp, not a mode changed, no file added
    assert sorted(tmp_path.iterdir()) == files
    assert all((p.read_bytes(), p.stat().st_mtime_ns, p.stat().st_mode) == before[p] for p in files)


def test_key_age_from_the_inventory_and_the_limit(tmp_path):
    now = datetime(2026, 12, 1, tzinfo=timezone.utc)
    shops = [shop(tmp_path, "old", key_prod_created="2025-11-01"), shop(tmp_path, "young", key_prod_created="2026-11-01"),
             shop(tmp_path, "unknown")]
    results = Auditor("web-lyon", key_max_age_days=365, now=now).run(shops)
    by_name = dict((r["name"], r) for r in results)
    assert [f["code"] for f in by_name["old"]["findings"]] == ["KEY_ROTATION_DUE"]
    assert by_name["old"]["key_age_days"] == 395 and by_name["old"]["key_age_source"] == "inventory"
    fix = by_name["old"]["findings"][0]["fix"]
    assert fix == ("rotate the production key: run playbooks/rotate_certificate.yml --limit web-lyon -e '{\"vads_rotate_from\": "
                   "{\"old\": \"%s\"}}'" % by_name["old"]["key_prod_fingerprint"])
    assert by_name["young"]["findings"] == [] and by_name["young"]["key_age_days"] == 30
    assert by_name["unknown"]["findings"] == [] and by_name["unknown"]["key_age_source"] == "unknown"
    off = Auditor("web-lyon", key_max_age_days=0, now=now).run(shops[:1])
    assert off[0]["findings"] == []


@pytest.fixture
def merchant():
    """A loopback 'merchant' endpoint answering what the test sets."""
    state = {"status": 500, "posts": 0}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_POST(self):
            self.rfile.read(int(self.headers.get("Content-Length") or 0))
            state["posts"] += 1
            self.send_response(state["status"])
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"KO")

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    state["url"] = "http://127.0.0.1:%d/ipn" % httpd.server_address[1]
    yield state
    httpd.shutdown()
    httpd.server_close()


def test_probe_flags_an_endpoint_that_does_not_answer_200(tmp_path, merchant):
    auditor = Auditor("web-lyon", probe=True)
    entry = auditor._entry(shop(tmp_path, "ko", notification_url=merchant["url"]), 0)
    entry.update(held_prod=KEY_PROD, info={"sign_algo": "HMAC-SHA-256"})
    auditor._probe(entry)
    assert [f["code"] for f in entry["findings"]] == ["NOTIFICATION_URL_UNANSWERED"]
    assert entry["probe"]["http_code"] == 500 and merchant["posts"] == 1
    merchant["status"] = 200
    entry = auditor._entry(shop(tmp_path, "ok", notification_url=merchant["url"]), 0)
    entry.update(held_prod=KEY_PROD, info={"sign_algo": "HMAC-SHA-256"})
    auditor._probe(entry)
    assert entry["findings"] == [] and entry["probe"]["ok"] is True


def _doc(hosts, fail_on="error"):
    return audit_report.build(hosts, fail_on, now=datetime(2026, 12, 1, tzinfo=timezone.utc))


def test_verdict_follows_fail_on_and_failed_hosts_are_reported(tmp_path):
    results = Auditor("web-lyon").run([shop(tmp_path, "a"), shop(tmp_path, "b", key_prod_created="x")])
    hosts = [{"host": "web-lyon", "shops": results},
             {"host": "web-nice", "failed": True, "msg": "unreachable", "inventory": ["n1", "n2"]}]
    doc = _doc(hosts)
    assert doc["verdict"] == "fail" and doc["summary"]["hosts_failed"] == 1
    assert [s["name"] for s in doc["shops"]] == ["a", "b", "n1", "n2"]
    assert doc["summary"]["findings_by_code"] == {"AUDIT_FAILED": 2, "KEY_DATE_INVALID": 1}
    warn_only = [{"host": "web-lyon", "shops": results}]
    assert _doc(warn_only, "error")["verdict"] == "pass"
    assert _doc(warn_only, "warning")["verdict"] == "fail"
    assert _doc(warn_only, "never")["verdict"] == "pass"
    with pytest.raises(audit_report.ReportError):
        _doc(warn_only, "sometimes")
    xml = ElementTree.fromstring(audit_report.to_junit(doc))
    assert (xml.get("tests"), xml.get("failures")) == ("4", "3")
    assert [c.get("name") for c in xml.iter("testcase")] == ["a", "b", "n1", "n2"]


def test_html_escapes_what_it_shows_and_loads_nothing(tmp_path):
    hostile = "<script>alert(1)</script>\"'&"
    results = Auditor("web-<b>").run([shop(tmp_path, "x", brand=hostile)])
    page = audit_report.to_html(_doc([{"host": "web-<b>", "shops": results}]))
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "web-&lt;b&gt;" in page
    assert page.count("<script>") == 1  # the page's own, inline
    assert "default-src 'none'" in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    golive = report_html.golive_page([{"host": "web-lyon", "status": "done", "rows": [
        {"shop": "boutique-lyon", "mode_after": "PRODUCTION", "manual_pending": []}]}])
    assert "\u2713 done" in golive and 'data-summary="in PRODUCTION"' in golive


def test_write_all_is_atomic_and_world_readable_without_secrets(tmp_path):
    doc = _doc([{"host": "web-lyon", "shops": Auditor("web-lyon").run([shop(tmp_path, "a")])}])
    paths = audit_report.write_all(doc, str(tmp_path / "out" / "deep"))
    assert sorted(os.path.basename(p) for p in paths.values()) == sorted(audit_report.FILES.values())
    for path in paths.values():
        assert os.stat(path).st_mode & 0o777 == 0o644
        assert KEY_PROD not in Path(path).read_text()
    assert [p for p in os.listdir(tmp_path / "out" / "deep") if p.endswith(".tmp")] == []


# ------------------------------------------------------------------------------------------- rotation report
def test_rotation_rows_say_what_was_read_back():
    from ansible_collections.vads.shop.plugins.filter.fleet import rotation_report, rotation_rows

    targets = [{"name": n, "site_id": s, "key_prod": "SECRETKEY%07d" % i}
               for i, (n, s) in enumerate([("done", "1"), ("again", "2"), ("manual", "3"), ("rejected", "4")])]
    before = {"shops": [{"name": t["name"], "key_prod_fingerprint": "sha256:0000000%d" % i} for i, t in enumerate(targets)]}
    after = {"shops": [{"name": "done", "key_prod_fingerprint": "sha256:aaaaaaaa"},
                       {"name": "again", "key_prod_fingerprint": "sha256:00000001"},
                       {"name": "manual", "key_prod_fingerprint": "sha256:00000002"},
                       {"name": "rejected", "key_prod_fingerprint": "sha256:bbbbbbbb"}]}
    regenerated = {"shops": [{"name": "done", "status": "regenerated", "changed": True},
                             {"name": "again", "status": "already_regenerated", "changed": False},
                             {"name": "manual", "status": "pending_manual", "changed": False},
                             {"name": "rejected", "status": "regenerated", "changed": True}]}
    proof = {"shops": [{"name": "done", "accepted": True, "fingerprint": "sha256:aaaaaaaa"},
                       {"name": "again", "accepted": True, "fingerprint": "sha256:00000001"},
                       {"name": "rejected", "accepted": False, "error_reason": "bad_signature"}]}
    results = {"before": before, "after": after, "regenerated": regenerated, "proof": proof}
    rows = rotation_rows(targets, results, "web-1")
    assert [(r["shop"], r["status"], r["proof"].split()[0]) for r in rows] == [
        ("done", "done", "accepted"), ("again", "ok", "accepted"), ("manual", "pending", "not"),
        ("rejected", "failed", "rejected:")]
    assert "SECRETKEY" not in repr(rows) and rows[2]["detail"].endswith("production_key_regenerated")
    # check mode: what a real run would rotate is planned, the rest has nothing to do
    dry = rotation_rows(targets[:2], {"before": before, "regenerated": regenerated}, "web-1", check_mode=True)
    assert [(r["status"], r["proof"]) for r in dry] == [("planned", "skipped (check mode)"), ("ok", "skipped (check mode)")]
    stopped = rotation_rows(targets[:1], {"before": before, "after": after}, "web-2", failure="boom")
    assert stopped[0]["status"] == "failed" and stopped[0]["detail"].startswith("key replaced (not proven")
    doc = rotation_report(rows + stopped, written="2026-12-01T10:00:00Z")
    assert doc["summary"] == {"hosts": 2, "shops": 5, "hosts_failed": 2, "done": 1, "ok": 1, "planned": 0,
                              "pending": 1, "failed": 2}
    page = report_html.rotation_page(doc)
    assert page.count("<tr class=") == 5 and '<li data-summary="rotated"><span class="v">1</span>' in page
    assert "\u2716 failed" in page and "\u25b2 pending" in page and "\u2713 done" in page

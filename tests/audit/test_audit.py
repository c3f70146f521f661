"""playbooks/audit.yml on a live fleet of every store type (files, PrestaShop, WooCommerce, Magento 2 in a real
MariaDB) against a real sandbox Back Office: clean fleet, one drift of each kind, check mode, outputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import junitparser
import pytest

from support.audit_fleet import apply_drift, live_fleet
from support.runner import REPO, run_playbook

AUDIT = REPO / "playbooks" / "audit.yml"
SCHEMA = json.loads((REPO / "docs" / "audit-report.schema.json").read_text())


@pytest.fixture
def fleet(sandbox, mariadb, tmp_path, next_site_id):
    return live_fleet(tmp_path, sandbox, mariadb, next_site_id())


def recap(output):
    return dict((m.group(1), (int(m.group(2)), int(m.group(3))))
                for m in re.finditer(r"^(\S+)\s+:\s+ok=\d+\s+changed=(\d+)\s+unreachable=\d+\s+failed=(\d+)",
                                     output, re.M))


def audit(fleet, check=False, **extra):
    rc, out = run_playbook(AUDIT, fleet.inventory, extra or None, check=check)
    report = fleet.workdir / "report"
    doc = json.loads((report / "audit-report.json").read_text())
    return rc, out, doc


def findings(doc):
    return dict((s["name"], sorted(f["code"] for f in s["findings"])) for s in doc["shops"] if s["findings"])


def stable(doc):
    """The document without what differs between two runs by nature (time, check flag, probe latency)."""
    shops = [dict(s, probe=dict((s.get("probe") or {}), elapsed_ms=None)) for s in doc["shops"]]
    return dict(doc, generated_at=None, check_mode=None, shops=shops)


def test_clean_fleet_finds_nothing_exits_0_and_changes_nothing(fleet):
    before = fleet.snapshot()
    rc, out, doc = audit(fleet, check=True)
    assert rc == 0, out[-3000:]
    assert findings(doc) == {}
    assert doc["verdict"] == "pass" and doc["check_mode"] is True
    assert doc["summary"]["shops"] == len(fleet.shops) == doc["summary"]["shops_clean"]
    assert set(s["store"].split(":")[0] for s in doc["shops"]) == {"dotenv", "yaml", "json", "ini", "prestashop",
                                                                   "woocommerce", "magento2"}
    assert all(s["state"] == "PRODUCTION" for s in doc["shops"])
    # the probe really ran where it was asked for (every sandbox host) and the manual host's key age is known
    probed = [s for s in doc["shops"] if s["host"] != "web-manual"]
    assert all(s["probe"]["done"] and s["probe"]["http_code"] == 200 for s in probed)
    ages = dict((s["name"], (s["key_age_source"], s["key_age_days"])) for s in doc["shops"])
    assert ages["m-yaml"] == ("inventory", 30) and ages["a-json"] == ("backoffice", 0)
    assert all(changed == 0 and failed == 0 for changed, failed in recap(out).values()), out[-2000:]
    rc2, out2, doc2 = audit(fleet)
    assert rc2 == 0 and stable(doc2) == stable(doc)
    assert fleet.snapshot() == before


def test_each_drift_found_with_its_code_and_nothing_else(fleet):
    expected = apply_drift(fleet)
    before = fleet.snapshot()
    rc, out, doc = audit(fleet, check=True)
    assert rc != 0, "errors must fail the playbook"
    assert findings(doc) == dict((name, [code]) for name, code in expected.items())
    assert fleet.snapshot() == before
    assert all(changed == 0 for changed, _failed in recap(out).values()), out[-2000:]
    rc2, out2, doc2 = audit(fleet)
    assert rc2 == rc and stable(doc2) == stable(doc), "the same with and without --check"
    assert fleet.snapshot() == before
    assert all(changed == 0 for changed, _failed in recap(out2).values())
    assert "audit FAIL" in out2 and "audit-report.html" in out2

    by_name = dict((s["name"], s) for s in doc2["shops"])
    assert by_name["a-dotenv"]["state"] == "TEST" and by_name["a-ini"]["state"] == "invalid"
    assert by_name["a-dotenv"]["findings"][0]["fix"] == "run playbooks/golive.yml --limit web-a"
    assert by_name["b-yaml"]["key_age_source"] == "backoffice" and by_name["b-yaml"]["key_age_days"] >= 399
    assert by_name["m-yaml"]["key_age_source"] == "inventory"
    rotate = by_name["b-yaml"]["findings"][0]["fix"]
    assert "rotate_certificate.yml --limit web-b" in rotate and by_name["b-yaml"]["key_prod_fingerprint"] in rotate
    for shop in doc2["shops"]:
        for found in shop["findings"]:
            assert found["fix"] and not re.search(r"\{(host|shop|store|fingerprint)\}", found["fix"])
    counts = doc2["summary"]["findings"]
    assert counts["warning"] == 3  # STORE_FILE_READABLE and the two KEY_ROTATION_DUE
    assert counts["error"] == len(expected) - 3 and counts["info"] == 0
    outputs_agree(fleet, doc2, expected)


def outputs_agree(fleet, doc, expected):
    """The JSON follows its schema; JUnit (read by junitparser), Markdown and HTML say the same."""
    jsonschema.validate(doc, SCHEMA)
    report = fleet.workdir / "report"
    xml = junitparser.JUnitXml.fromfile(str(report / "audit-report.xml"))
    cases = [(suite.name, case) for suite in xml for case in suite]
    assert len(cases) == doc["summary"]["shops"] == len(fleet.shops)
    assert xml.tests == len(cases) and xml.failures == doc["summary"]["shops_failing"] == len(expected)
    assert sorted(suite.name for suite in xml) == sorted(h["host"] for h in doc["hosts"])
    failing = dict((case.name, case.result[0]) for _host, case in cases if case.result)
    assert set(failing) == set(expected)
    for name, code in expected.items():
        assert code in failing[name].message and code in failing[name].text
        assert failing[name].type in ("error", "warning")
    assert all(case.is_passed for _host, case in cases if case.name not in expected)
    markdown = (report / "audit-report.md").read_text()
    assert markdown.startswith("## vads.shop fleet audit: :x: **FAIL**")
    for name, code in expected.items():
        assert re.search(r"\| %s \| [^|]+ \| [^|]+ \| `%s` \|" % (re.escape(name), code), markdown), name
    html = (report / "audit-report.html").read_text()
    assert "<link" not in html and " src=" not in html and "@import" not in html


def test_fail_on(fleet):
    # only a warning: a readable store file
    Path(fleet.shops["a-dotenv2"]["store"]["path"]).chmod(0o644)
    for fail_on, rc_zero in (("never", True), ("warning", False), (None, True)):
        extra = {"vads_audit_fail_on": fail_on} if fail_on else {}
        rc, out, doc = audit(fleet, **extra)
        assert findings(doc) == {"a-dotenv2": ["STORE_FILE_READABLE"]}
        assert (rc == 0) is rc_zero, (fail_on, out[-2000:])
        assert doc["fail_on"] == (fail_on or "error")
        assert (fleet.workdir / "report" / "audit-report.html").exists()


def test_unreachable_host_is_reported_not_dropped(fleet):
    path = fleet.inventory / "host_vars" / "web-b.json"
    data = json.loads(path.read_text())
    data.update(ansible_connection="ssh", ansible_host="127.0.0.1", ansible_port=1, ansible_timeout=2)
    path.write_text(json.dumps(data))
    rc, out, doc = audit(fleet)
    assert rc != 0
    failed = [s for s in doc["shops"] if s["host"] == "web-b"]
    assert len(failed) == 5 and all([f["code"] for f in s["findings"]] == ["AUDIT_FAILED"] for s in failed)
    assert doc["hosts"] == sorted(doc["hosts"], key=lambda h: h["host"])
    assert [h["status"] for h in doc["hosts"] if h["host"] == "web-b"] == ["failed"]
    assert findings(doc).keys() == set(s["name"] for s in failed)


def test_no_secret_in_any_output_at_full_verbosity(fleet):
    apply_drift(fleet)
    rc, out = run_playbook(AUDIT, fleet.inventory, verbosity=4)
    assert rc != 0 and "audit FAIL" in out
    texts = [out] + [p.read_text() for p in (fleet.workdir / "report").iterdir()]
    for secret in fleet.keys:
        for text in texts:
            assert secret not in text
    assert "2222222222222222" not in "".join(texts)

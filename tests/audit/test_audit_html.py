"""The HTML reports of the audit and of the key rotation in a real headless Chromium (Debian's chromium +
chromedriver, through Selenium): the same page, built for each from its JSON.

If Chromium is missing the test FAILS: the project installs it (tools/install-system-packages.sh).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile

import pytest

from support.audit_fleet import EXPECTED_DRIFT, apply_drift, live_fleet
from support.runner import REPO, run_playbook

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def drifted(sandbox, mariadb, tmp_path_factory, next_site_id):
    fleet = live_fleet(tmp_path_factory.mktemp("fleet"), sandbox, mariadb, next_site_id())
    clean = fleet.files[2]  # a-json stays clean: a drifted row must differ from it without colour
    kept = clean.read_bytes()
    apply_drift(fleet)
    clean.write_bytes(kept)
    return fleet


@pytest.fixture(scope="module")
def report(drifted):
    rc, out = run_playbook(REPO / "playbooks" / "audit.yml", drifted.inventory)
    assert rc != 0 and "audit FAIL" in out, out[-3000:]
    folder = drifted.workdir / "report"
    return folder, json.loads((folder / "audit-report.json").read_text())


@pytest.fixture(scope="module")
def browser():
    assert os.path.exists(CHROMIUM), f"{CHROMIUM} missing: run tools/install-system-packages.sh"
    assert os.path.exists(CHROMEDRIVER), f"{CHROMEDRIVER} missing: install chromium-driver"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="vads-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-dev-shm-usage", f"--user-data-dir={profile}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(20)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def visible_rows(driver):
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#rows tbody tr')).filter(r => !r.hidden).map(r => ["
        "r.getAttribute('data-host'), r.cells[2].textContent, r.cells[0].textContent, r.textContent])")


def test_html_report_in_chromium(browser, report):
    folder, doc = report
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    browser.get_log("performance")  # drop what the browser did before
    browser.get((folder / "audit-report.html").as_uri())
    assert browser.title == "vads.shop fleet audit"

    # No console error, no request other than the page itself.
    errors = [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")]
    assert errors == []
    urls = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    assert urls and all(u == (folder / "audit-report.html").as_uri() for u in urls), urls

    # The summary at the top equals the JSON.
    def summary(label):
        return browser.find_element(By.CSS_SELECTOR, '[data-summary="%s"] .v' % label).text
    s = doc["summary"]
    assert summary("shops") == str(s["shops"]) == str(len(visible_rows(browser)))
    assert summary("hosts") == str(s["hosts"])
    assert summary("clean") == str(s["shops_clean"])
    assert summary("errors") == str(s["findings"]["error"])
    assert summary("warnings") == str(s["findings"]["warning"])
    assert summary("shops failing") == str(s["shops_failing"])
    assert browser.find_element(By.ID, "shown").text == str(s["shops"])
    assert "FAIL" in browser.find_element(By.ID, "verdict").text

    # Filtering by a host shows only its shops.
    Select(browser.find_element(By.ID, "f-host")).select_by_value("web-b")
    rows = visible_rows(browser)
    assert sorted(r[1] for r in rows) == sorted(x["name"] for x in doc["shops"] if x["host"] == "web-b")
    assert set(r[0] for r in rows) == {"web-b"}
    assert browser.find_element(By.ID, "shown").text == str(len(rows))
    # and by severity, combined
    Select(browser.find_element(By.ID, "f-severity")).select_by_value("warning")
    assert sorted(r[1] for r in visible_rows(browser)) == ["b-yaml"]
    Select(browser.find_element(By.ID, "f-host")).select_by_value("")
    Select(browser.find_element(By.ID, "f-severity")).select_by_value("")
    assert len(visible_rows(browser)) == s["shops"]
    Select(browser.find_element(By.ID, "f-brand")).select_by_value("systempay")
    assert [r[1] for r in visible_rows(browser)] == ["b-ini"]
    Select(browser.find_element(By.ID, "f-brand")).select_by_value("")
    Select(browser.find_element(By.ID, "f-state")).select_by_value("TEST")
    assert [r[1] for r in visible_rows(browser)] == ["a-dotenv"]
    Select(browser.find_element(By.ID, "f-state")).select_by_value("")

    # A drifted shop is told apart without colour: a symbol and a word, and its code, in text.
    browser.execute_script("var s = document.createElement('style');"
                           "s.textContent = '*{background:none !important;color:#000 !important}';"
                           "document.head.appendChild(s);")
    rows = dict((r[1], r) for r in visible_rows(browser))
    assert rows["a-dotenv"][2] == "\u2716 error" and "MODE_DRIFT" in rows["a-dotenv"][3]
    symbols = {"error": "\u2716", "warning": "\u25b2", "info": "\u2139", "ok": "\u2713"}
    for shop in doc["shops"]:
        assert rows[shop["name"]][2] == "%s %s" % (symbols[shop["severity"]], shop["severity"])
        assert all(f["code"] in rows[shop["name"]][3] for f in shop["findings"])
    assert set(rows) == set(EXPECTED_DRIFT) and rows["a-json"][2] == "\u2713 ok"
    assert "MODE_DRIFT" not in rows["a-json"][3] and "none" in rows["a-json"][3]
    assert rows["a-dotenv2"][2] == "\u25b2 warning"
    assert "run playbooks/golive.yml --limit web-a" in rows["a-dotenv"][3]

    # Sorting: by shop name, then worst first by severity.
    browser.find_element(By.CSS_SELECTOR, 'th[data-key="name"] button').click()
    names = [r[1] for r in visible_rows(browser)]
    assert names == sorted(names)
    browser.find_element(By.CSS_SELECTOR, 'th[data-key="severity"] button').click()
    order = [r[2].split()[-1] for r in visible_rows(browser)]
    rank = {"error": 0, "warning": 1, "info": 2, "ok": 3}
    assert [rank[x] for x in order] == sorted(rank[x] for x in order)
    assert [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")] == []


# ------------------------------------------------------------------------------------------- key rotation
@pytest.fixture(scope="module")
def rotation(drifted):
    """Rotate a-json (web-a, done) and, on web-b, b-yaml with b-ini from a key it does not hold (the host stops)."""
    from ansible_collections.vads.shop.plugins.module_utils.rules import fingerprint

    def certs(name):
        return drifted.sandbox.api("GET", "shops/%s/certificates" % drifted.shops[name]["site_id"])
    before = dict((name, certs(name)["production_key"]) for name in ("a-json", "b-yaml", "b-ini"))
    rotate_from = {"a-json": fingerprint(before["a-json"]), "b-yaml": fingerprint(before["b-yaml"]),
                   "b-ini": "sha256:00000000"}
    rc, out = run_playbook(REPO / "playbooks" / "rotate_certificate.yml", drifted.inventory,
                           {"vads_rotate_from": rotate_from, "vads_rotate_hosts": "web-a:web-b"})
    assert rc != 0 and "web-b stopped" in out and "sha256:00000000" in out, out[-3000:]
    new_key = certs("a-json")["production_key"]
    assert new_key != before["a-json"]
    folder = drifted.workdir / "report"
    texts = [out] + [p.read_text() for p in folder.glob("rotation-report.*")]
    for secret in drifted.keys + list(before.values()) + [new_key]:
        assert not any(secret in text for text in texts)
    doc = json.loads((folder / "rotation-report.json").read_text())
    rows = dict((r["shop"], r) for r in doc["shops"])
    assert rows["a-json"]["key_before"] == rotate_from["a-json"] and rows["a-json"]["key_after"] == fingerprint(new_key)
    # b-ini names a key it does not hold: all or nothing, b-yaml of the same call is not regenerated either
    # (its key would otherwise change with no rotation record), read back from the Back Office and the store
    assert certs("b-yaml")["production_key"] == before["b-yaml"]
    assert rows["b-yaml"]["key_before"] == rows["b-yaml"]["key_after"] == rotate_from["b-yaml"]
    assert rows["b-yaml"]["detail"].startswith("the host stopped: ")
    assert rows["b-ini"]["key_after"] == rows["b-ini"]["key_before"] and rows["b-ini"]["backoffice"] == "unchanged"
    assert [(r["host"], r["shop"], r["status"]) for r in doc["shops"]] == [
        ("web-a", "a-json", "done"), ("web-b", "b-ini", "failed"), ("web-b", "b-yaml", "failed")]
    md = (folder / "rotation-report.md").read_text()
    assert "3 shop(s) on 2 host(s): 1 rotated" in md and md.count("| failed | web-b |") == 2
    return folder, doc


def test_rotation_html_report_in_chromium(browser, rotation):
    folder, doc = rotation
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    page = (folder / "rotation-report.html").as_uri()
    browser.get_log("performance")
    browser.get(page)
    assert browser.title == "Key rotation report"
    assert [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")] == []
    urls = [json.loads(e["message"])["message"]["params"]["request"]["url"] for e in browser.get_log("performance")
            if json.loads(e["message"])["message"]["method"] == "Network.requestWillBeSent"]
    assert urls and set(urls) == {page}, urls

    def summary(label):
        return browser.find_element(By.CSS_SELECTOR, '[data-summary="%s"] .v' % label).text
    s = doc["summary"]
    assert (summary("shops"), summary("hosts"), summary("rotated"), summary("failed"), summary("planned")) == (
        str(s["shops"]), str(s["hosts"]), str(s["done"]), str(s["failed"]), str(s["planned"])) == ("3", "2", "1", "2", "0")
    assert str(len(visible_rows(browser))) == browser.find_element(By.ID, "shown").text == "3"
    assert "not rotated" in browser.find_element(By.ID, "verdict").text

    Select(browser.find_element(By.ID, "f-host")).select_by_value("web-a")
    assert [(r[0], r[1]) for r in visible_rows(browser)] == [("web-a", "a-json")]
    Select(browser.find_element(By.ID, "f-host")).select_by_value("web-b")
    assert sorted(r[1] for r in visible_rows(browser)) == ["b-ini", "b-yaml"]
    Select(browser.find_element(By.ID, "f-host")).select_by_value("")
    Select(browser.find_element(By.ID, "f-status")).select_by_value("done")
    assert [r[1] for r in visible_rows(browser)] == ["a-json"]
    Select(browser.find_element(By.ID, "f-status")).select_by_value("")

    # The host that stopped is told apart without colour, with why; the rotated shop shows both fingerprints.
    browser.execute_script("var s = document.createElement('style');"
                           "s.textContent = '*{background:none !important;color:#000 !important}';"
                           "document.head.appendChild(s);")
    rows = dict((r[1], r) for r in visible_rows(browser))
    assert rows["a-json"][2] == "\u2713 done" and doc["shops"][0]["key_after"] in rows["a-json"][3]
    assert rows["b-ini"][2] == rows["b-yaml"][2] == "\u2716 failed"
    assert "sha256:00000000" in rows["b-ini"][3]
    assert [e for e in browser.get_log("browser") if e["level"] in ("SEVERE", "ERROR")] == []

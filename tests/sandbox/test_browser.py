"""A real headless Chromium pays through the sandbox's payment page.

The merchant page is served by a tiny local HTTP server: an auto-built HTML form with signed fields
posting to the sandbox, as a merchant site would. If Chromium is missing the test FAILS: the project
installs it (tools/install-system-packages.sh), so its absence is a broken set-up, not a skip.
"""
from __future__ import annotations

import html
import os
import tempfile
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Iterator

import pytest

from .conftest import Sandbox, build_form, wait_for

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"


@pytest.fixture
def merchant_site() -> Iterator[dict[str, Any]]:
    """A local 'merchant' web server whose / page is whatever the test puts in state['page']."""
    state: dict[str, Any] = {"page": "<html><body>empty</body></html>", "requests": []}

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            state["requests"].append(self.path)
            body = state["page"].encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    state["url"] = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
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
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()
        import shutil
        shutil.rmtree(profile, ignore_errors=True)


def merchant_page(action: str, fields: dict[str, str]) -> str:
    inputs = "\n".join(f'<input type="hidden" name="{html.escape(k)}" value="{html.escape(v)}">'
                       for k, v in fields.items())
    return (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Demo merchant</title></head>'
            f'<body><h1>Checkout</h1><form id="checkout" method="post" action="{html.escape(action)}">'
            f'{inputs}<button type="submit" id="buy">Payer</button></form></body></html>')


def test_browser_pays_through_payment_page(sandbox: Sandbox, browser: Any,
                                           merchant_site: dict[str, Any]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    shop = sandbox.new_shop()
    site = shop["site_id"]
    fields = build_form(site, shop["certificates"]["test_key"], vads_order_id="BROWSER-1",
                        vads_amount="1999", vads_cust_name="Zoë Ünïcødé",
                        vads_url_return=merchant_site["url"] + "back")
    merchant_site["page"] = merchant_page(sandbox.url + "/vads-payment/", fields)

    browser.get(merchant_site["url"])
    browser.find_element(By.ID, "buy").click()
    wait = WebDriverWait(browser, 60)
    card = wait.until(ec.presence_of_element_located((By.ID, "card_number")))
    assert browser.find_element(By.CSS_SELECTOR, 'meta[name="vads-page"]').get_attribute("content") == "payment"
    assert browser.find_element(By.ID, "amount").text.startswith("19.99")
    card.send_keys("4970 1000 0000 0000")
    browser.find_element(By.ID, "pay").click()
    result = wait.until(ec.presence_of_element_located((By.ID, "result")))

    status = result.get_attribute("data-trans-status")
    uuid = result.get_attribute("data-trans-uuid")
    assert status == "AUTHORISED" and len(uuid) == 32
    meta = browser.find_element(By.CSS_SELECTOR, 'meta[name="vads-trans-uuid"]')
    assert meta.get_attribute("content") == uuid
    assert browser.find_element(By.ID, "return-link").get_attribute("href") == merchant_site["url"] + "back"

    tx = sandbox.transaction(uuid)
    assert (tx["status"], tx["order_id"], tx["amount"], tx["site_id"], tx["trans_id"]) == \
        ("AUTHORISED", "BROWSER-1", 1999, site, fields["vads_trans_id"])
    listed = wait_for(lambda: sandbox.ok("GET", f"shops/{site}/transactions")["transactions"],
                      what="transaction listed")
    assert [t["uuid"] for t in listed] == [uuid]


def test_browser_sees_error_page(sandbox: Sandbox, browser: Any,
                                 merchant_site: dict[str, Any]) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    shop = sandbox.new_shop()
    fields = build_form(shop["site_id"], shop["certificates"]["test_key"])
    fields["vads_amount"] = "1"  # tampered after signing
    merchant_site["page"] = merchant_page(sandbox.url + "/vads-payment/", fields)
    browser.get(merchant_site["url"])
    browser.find_element(By.ID, "buy").click()
    err = WebDriverWait(browser, 60).until(ec.presence_of_element_located((By.ID, "vads-error")))
    assert err.get_attribute("data-error-code") == "00"
    assert err.get_attribute("data-error-field") == "signature"


def test_browser_3ds_challenge_and_signed_return(sandbox: Sandbox, browser: Any,
                                                 merchant_site: dict[str, Any]) -> None:
    """A buyer with an interactive 3-D Secure card passes the challenge, then goes back to the shop
    with the signed result fields (vads_return_mode=GET), which the shop can check with its key."""
    import urllib.parse

    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    from .merchant import merchant_signature

    shop = sandbox.new_shop()
    key = shop["certificates"]["test_key"]
    fields = build_form(shop["site_id"], key, vads_order_id="BROWSER-3DS", vads_return_mode="GET",
                        vads_url_return=merchant_site["url"] + "back")
    merchant_site["page"] = merchant_page(sandbox.url + "/vads-payment/", fields)
    browser.get(merchant_site["url"])
    browser.find_element(By.ID, "buy").click()
    wait = WebDriverWait(browser, 60)
    wait.until(ec.presence_of_element_located((By.ID, "card_number"))).send_keys("4970100000000009")
    browser.find_element(By.ID, "pay").click()
    wait.until(ec.presence_of_element_located((By.ID, "threeds-ok"))).click()
    result = wait.until(ec.presence_of_element_located((By.ID, "result")))
    uuid = result.get_attribute("data-trans-uuid")
    assert result.get_attribute("data-trans-status") == "AUTHORISED"
    browser.find_element(By.ID, "return-link").click()
    back = wait_for(lambda: [p for p in merchant_site["requests"] if p.startswith("/back?")],
                    what="the buyer back on the shop")[0]
    got = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(back).query, keep_blank_values=True))
    assert got["signature"] == merchant_signature(got, key)
    assert (got["vads_trans_uuid"], got["vads_trans_status"], got["vads_threeds_auth_type"],
            got["vads_order_id"]) == (uuid, "AUTHORISED", "CHALLENGE", "BROWSER-3DS")

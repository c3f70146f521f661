"""sandbox/README.md stays true: its fidelity table names existing tests, its card table holds."""
from __future__ import annotations

import re
from pathlib import Path

from .conftest import Sandbox, metas
from .test_merchant_integration import merchant_form

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "sandbox/README.md").read_text(encoding="utf-8")
KINDS = ("simulated", "differs", "out of scope")


def section(title: str) -> str:
    start = README.index(title)
    end = README.find("\n## ", start + len(title))
    return README[start:end if end > 0 else None]


def table_rows(text: str) -> list[list[str]]:
    rows = []
    for line in text.splitlines():
        if line.startswith("|") and not re.match(r"^\|[-| ]+\|$", line):
            rows.append([c.strip() for c in line.strip().strip("|").split("|")])
    return rows[1:]  # without the header


def test_fidelity_table_rows_are_checked_by_existing_tests() -> None:
    rows = table_rows(section("## 9. Fidelity"))
    assert len(rows) >= 20
    defined = set()
    for path in (ROOT / "tests/sandbox").glob("test_*.py"):
        defined |= set(re.findall(r"^def (test_\w+)\(", path.read_text(encoding="utf-8"), re.M))
    for area, _platform, here, checked in rows:
        assert here.startswith(KINDS), (area, here)
        names = [n.strip() for n in checked.split(",")]
        assert names and all(n in defined for n in names), (area, set(names) - defined)
    areas = " ".join(r[0] for r in rows)
    for needed in ("SOAP", "3-D Secure", "manual validation", "REST V4", "Renvoyer", "history"):
        assert needed in areas, needed


def test_readme_card_table_is_true(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop()
    rows = [r for r in table_rows(section("### 4.6 Test cards")) if r[0].startswith("`")]
    assert len(rows) >= 10
    for card_cell, brand, _outcome, status, result, auth, threeds, source in rows:
        card = card_cell.strip("`")
        assert source in ("doc", "sandbox"), card
        page = sandbox.post_form(merchant_form(shop["site_id"], shop["certificates"]["test_key"],
                                               sandbox_card=card))
        tx = sandbox.transaction(metas(page)["vads-trans-uuid"])
        got = (tx["status"], tx["result"], tx["auth_result"], tx["card_brand"], tx["threeds_status"])
        want = (status.strip("`"), result.strip("`"), auth.strip("`"), brand, threeds.strip("`"))
        assert got == want, card
    other = [r for r in table_rows(section("### 4.6 Test cards")) if r[0].startswith("any other")]
    assert other and other[0][5] == "`14`"


def test_soap_is_out_of_scope(sandbox: Sandbox) -> None:
    envelope = (b'<?xml version="1.0"?><soapenv:Envelope xmlns:soapenv='
                b'"http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body/></soapenv:Envelope>')
    for path in ("/vads-ws/v5", "/vads-ws/v5/ws", "/vads-ws/v3"):
        status, _h, _raw = sandbox.request("POST", path, envelope, {"Content-Type": "text/xml"})
        assert status == 404, path
    row = [r for r in table_rows(section("## 9. Fidelity")) if r[0].startswith("SOAP")]
    assert row and row[0][2].startswith("out of scope")


def test_buyer_abandon_is_out_of_scope(sandbox: Sandbox) -> None:
    shop = sandbox.new_shop()
    page = sandbox.post_form(merchant_form(shop["site_id"], shop["certificates"]["test_key"],
                                           vads_url_cancel="http://127.0.0.1:9/cancel"))
    assert metas(page)["vads-page"] == "payment"
    assert "127.0.0.1:9/cancel" not in page and 'name="cancel"' not in page
    row = [r for r in table_rows(section("## 9. Fidelity")) if r[0].startswith("buyer abandons")]
    assert row and row[0][2].startswith("out of scope")

"""The sandbox's signature module against the implementation guide's test vector."""
from __future__ import annotations

import pytest

from vads_sandbox import signature

from .conftest import sign

VECTOR = {
    "vads_action_mode": "INTERACTIVE", "vads_amount": "5124", "vads_ctx_mode": "TEST",
    "vads_currency": "978", "vads_page_action": "PAYMENT", "vads_payment_config": "SINGLE",
    "vads_site_id": "12345678", "vads_trans_date": "20170129130025", "vads_trans_id": "123456",
    "vads_version": "V2",
}
KEY = "1122334455667788"


@pytest.mark.parametrize("algo, expected", [
    ("HMAC-SHA-256", "ycA5Do5tNvsnKdc/eP1bj2xa19z9q3iWPy9/rpesfS0="),
    ("SHA-1", "59c96b34c74b9375c332b0b6a32e6deeec87de2b"),
])
def test_vector(algo: str, expected: str) -> None:
    assert signature.compute(VECTOR, KEY, algo) == expected
    assert sign(VECTOR, KEY, algo) == expected  # the tests' own implementation agrees
    assert signature.verify(VECTOR, KEY, algo, expected)


def test_non_vads_fields_ignored_and_empty_values_signed() -> None:
    base = signature.compute(VECTOR, KEY)
    assert signature.compute({**VECTOR, "signature": "x", "sandbox_card": "1"}, KEY) == base
    assert signature.compute({**VECTOR, "vads_order_id": ""}, KEY) != base


@pytest.mark.parametrize("alias", ["SHA256", "sha-256", "HMAC-SHA-256", "hmac-sha256"])
def test_algorithm_aliases(alias: str) -> None:
    assert signature.normalize_algorithm(alias) == "HMAC-SHA-256"
    assert signature.normalize_algorithm("sha1") == "SHA-1"
    with pytest.raises(ValueError):
        signature.normalize_algorithm("MD5")


def test_verify_rejects_tampering() -> None:
    good = signature.compute(VECTOR, KEY)
    assert not signature.verify({**VECTOR, "vads_amount": "5125"}, KEY, "HMAC-SHA-256", good)
    assert not signature.verify(VECTOR, KEY, "HMAC-SHA-256", "")

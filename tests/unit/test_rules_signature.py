"""The platform's rules and the signature, against the domain notes' test vector."""

import pytest

from ansible_collections.vads.shop.plugins.module_utils import rules
from ansible_collections.vads.shop.plugins.module_utils.signature import SignatureError, sign, verify

VECTOR = {
    "vads_action_mode": "INTERACTIVE", "vads_amount": "5124", "vads_ctx_mode": "TEST",
    "vads_currency": "978", "vads_page_action": "PAYMENT", "vads_payment_config": "SINGLE",
    "vads_site_id": "12345678", "vads_trans_date": "20170129130025", "vads_trans_id": "123456",
    "vads_version": "V2",
}
KEY = "1122334455667788"


def test_signature_reproduces_test_vector_hmac():
    assert sign(VECTOR, KEY) == "ycA5Do5tNvsnKdc/eP1bj2xa19z9q3iWPy9/rpesfS0="


def test_signature_reproduces_test_vector_sha1():
    assert sign(VECTOR, KEY, "SHA-1") == "59c96b34c74b9375c332b0b6a32e6deeec87de2b"


@pytest.mark.parametrize("spelling", ["SHA-256", "SHA256", "sha256", "HMAC-SHA-256"])
def test_signature_accepts_merchant_spellings(spelling):
    assert sign(VECTOR, KEY, spelling) == sign(VECTOR, KEY)


def test_only_vads_fields_count_and_empty_values_do():
    extra = dict(VECTOR, signature="x", other="y", submit="Pay")
    assert sign(extra, KEY) == sign(VECTOR, KEY)
    with_empty = dict(VECTOR, vads_order_id="")
    assert sign(with_empty, KEY) != sign(VECTOR, KEY)


def test_verify_and_tamper():
    form = dict(VECTOR, signature=sign(VECTOR, KEY))
    assert verify(form, KEY)
    assert not verify(dict(form, vads_amount="5125"), KEY)
    assert not verify(form, "2122334455667788")


def test_unknown_algorithm_is_an_error():
    with pytest.raises(SignatureError, match="unknown signature algorithm"):
        sign(VECTOR, KEY, "MD5")


@pytest.mark.parametrize("mode", ["PROD", "production", "Production", "test", " TEST", "", None])
def test_mode_spellings_rejected(mode):
    problem = rules.mode_problem(mode)
    assert problem and "TEST, PRODUCTION" in problem


@pytest.mark.parametrize("mode", ["TEST", "PRODUCTION"])
def test_modes_accepted(mode):
    assert rules.mode_problem(mode) is None


@pytest.mark.parametrize("value,expected", [
    ("  AbCd1234EfGh5678\n", "AbCd1234EfGh5678"),
    ("1234567890123456", "1234567890123456"),
    ("a" * 63 + "b", "a" * 63 + "b"),
])
def test_keys_trimmed(value, expected):
    assert rules.clean_key(value) == (expected, None)


@pytest.mark.parametrize("value,fragment", [
    ("AbCd1234 EfGh5678", "white space inside"),
    ("AbCd1234\tEfGh5678", "white space inside"),
    ("1234567", "7 characters long"),
    ("AbCd1234EfGh567", "15 characters long; the platform's keys are 16"),
    ("12345678", "8 characters long"),
    ("AbCd1234\x00EfGh5678", "control character"),
    ("AbCd1234EfGh5678\x1b", "control character"),
    ("a" * 65, "65 characters long"),
    ("AbCd-1234-EfGh", "other than letters and digits"),
    ("AbCdé1234EfGh", "other than letters and digits"),
    ("", "empty"),
])
def test_bad_keys_rejected_without_quoting_them(value, fragment):
    key, problem = rules.clean_key(value)
    assert key is None
    assert fragment in problem
    if value.strip():
        assert value.strip() not in problem


@pytest.mark.parametrize("key", ["2222222222222222", "1111111111111111", "AAAAAAAAAAAAAAAA", "0000000000000000"])
def test_placeholders(key):
    assert rules.is_placeholder(key)
    assert "placeholder" in rules.production_key_problem(key, "AbCd1234EfGh5678")


def test_production_key_problems():
    assert rules.production_key_problem(None, "x") == "the production key is missing"
    assert "same as the test key" in rules.production_key_problem("AbCd1234EfGh5678", "AbCd1234EfGh5678")
    assert "malformed" in rules.production_key_problem("AbCd 1234EfGh5678", None)
    assert "white space" in rules.production_key_problem("AbCd1234EfGh5678 ", None)
    assert rules.production_key_problem("AbCd1234EfGh5678", "0123456789012345") is None


def test_fingerprint_shape_and_stability():
    fp = rules.fingerprint("1122334455667788")
    assert fp.startswith("sha256:") and len(fp) == len("sha256:") + 8
    assert fp == rules.fingerprint("1122334455667788")
    assert fp != rules.fingerprint("1122334455667789")
    assert "1122334455667788" not in fp


@pytest.mark.parametrize("raw,expected", [
    (None, "HMAC-SHA-256"), ("", "HMAC-SHA-256"), ("SHA-256", "HMAC-SHA-256"), ("sha256", "HMAC-SHA-256"),
    ("HMAC-SHA-256", "HMAC-SHA-256"), ("SHA-1", "SHA-1"), ("SHA1", "SHA-1"), ("MD5", None),
])
def test_algorithm_normalised(raw, expected):
    assert rules.normalize_algo(raw) == expected


@pytest.mark.parametrize("site_id,ok", [("12345678", True), ("1234567", False), ("1234567a", False), (None, False)])
def test_site_id(site_id, ok):
    assert (rules.site_id_problem(site_id) is None) == ok

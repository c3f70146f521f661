"""The one rule for the signature algorithm per store type, REST key checks and Magento's crypt format."""

from __future__ import annotations

import base64

import pytest

from ansible_collections.vads.shop.plugins.module_utils import magento_crypt
from ansible_collections.vads.shop.plugins.module_utils.algorithm import effective_algo, stored_spelling
from ansible_collections.vads.shop.plugins.module_utils.rest import key_problem
from ansible_collections.vads.shop.plugins.module_utils.rules import site_id_placeholder_problem

PLUGIN = [(None, "SHA-1", "plugin default"), ("", "SHA-1", "stored"), ("SHA-256", "HMAC-SHA-256", "stored"),
          ("SHA-1", "SHA-1", "stored"), ("HMAC-SHA-256", "SHA-1", "stored"), ("sha-256", "SHA-1", "stored"),
          ("SHA256", "SHA-1", "stored"), (" SHA-256", "SHA-1", "stored")]


@pytest.mark.parametrize("kind", ["prestashop", "woocommerce"])
@pytest.mark.parametrize("stored, algo, source", PLUGIN)
def test_plugins_sign_hmac_only_for_exactly_sha_256(kind, stored, algo, source):
    assert effective_algo(kind, stored) == (algo, source)


def test_magento_without_a_row_is_its_config_xml_default():
    assert effective_algo("magento2", None) == ("HMAC-SHA-256", "plugin default")
    assert effective_algo("magento2", "") == ("SHA-1", "stored")


def test_file_stores_keep_their_documented_meaning():
    assert effective_algo("dotenv", None) == ("HMAC-SHA-256", "default")
    assert effective_algo("yaml", "hmac-sha256") == ("HMAC-SHA-256", "stored")
    assert effective_algo("ini", "sha1") == ("SHA-1", "stored")
    assert effective_algo("json", "MD5") == (None, "stored")
    assert stored_spelling("prestashop", "HMAC-SHA-256") == "SHA-256" and stored_spelling("dotenv", "sha1") == "SHA-1"


def test_placeholder_site_id():
    assert "placeholder 12345678" in site_id_placeholder_problem("12345678")
    assert site_id_placeholder_problem("40127895") is None and site_id_placeholder_problem(None) is None


@pytest.mark.parametrize("part, mode, value, site, words", [
    ("private_key", "PRODUCTION", "testpassword_abc", None, "is a test password"),
    ("private_key", "TEST", "prodpassword_abc", None, "is a production password"),
    ("private_key", "PRODUCTION", "hunter2", None, "not a REST password"),
    ("public_key", "PRODUCTION", "40127895:testpublickey_abc", "40127895", "is a test public key"),
    ("public_key", "PRODUCTION", "40127895:publickey_abc", "51234567", "belongs to site 40127895"),
    ("hmac_key", "PRODUCTION", "short", None, "16 to 128"),
    ("hmac_key", "PRODUCTION", "abc def ghi jkl mno", None, "white space"),
    ("private_key", "PRODUCTION", None, None, "is missing"),
])
def test_rest_key_problems_never_quote_the_key(part, mode, value, site, words):
    problem = key_problem(part, mode, value, site)
    assert words in problem
    assert not value or value not in problem or part == "public_key" and site


def test_rest_keys_accepted():
    assert key_problem("private_key", "PRODUCTION", "prodpassword_Abc123") is None
    assert key_problem("public_key", "TEST", "40127895:testpublickey_Abc", "40127895") is None
    assert key_problem("hmac_key", "PRODUCTION", "Kd9fT3mW7qZp2xVb8nRt5yHs4jLc6gNa") is None


def test_magento_crypt_format_versions_and_errors():
    old, new = "a" * 32, base64.b64encode(b"k" * 32).decode()
    keys = magento_crypt.parse_keys("%s\n   base64%s" % (old, new))
    assert keys == [old.encode(), b"k" * 32]
    value = magento_crypt.encrypt("prodpassword_x", keys)
    assert value.startswith("1:3:") and magento_crypt.decrypt(value, keys) == "prodpassword_x"
    older = magento_crypt.encrypt("kept", keys[:1])
    assert older.startswith("0:3:") and magento_crypt.decrypt(older, keys) == "kept"   # older versions still read
    with pytest.raises(magento_crypt.CryptError, match="does not decrypt with crypt key version 1"):
        magento_crypt.decrypt(value, [old.encode(), b"z" * 32])
    with pytest.raises(magento_crypt.CryptError, match="legacy cipher 2"):
        magento_crypt.decrypt("0:2:" + base64.b64encode(b"x" * 40).decode(), keys)
    with pytest.raises(magento_crypt.CryptError, match="holds 2 key"):
        magento_crypt.decrypt("5:3:" + base64.b64encode(b"x" * 40).decode(), keys)
    with pytest.raises(magento_crypt.CryptError, match="32"):
        magento_crypt.encrypt("x", [b"short"])

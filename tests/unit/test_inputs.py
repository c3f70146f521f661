"""Weak inputs never get through: short keys, control characters, URLs that inject or point inside."""

import pytest

from ansible_collections.vads.shop.plugins.module_utils import gateway as gw
from ansible_collections.vads.shop.plugins.module_utils.rules import clean_key, mask_passwords_in, mask_url
from support.stores import Failed, run_batch


def resolver(addresses):
    return lambda host: addresses


@pytest.mark.parametrize("url,fragment", [
    ("https://shop.example.com/ipn\nX-Injected: 1", "control character"),
    ("https://shop.example.com/ipn\r\nHost: evil", "control character"),
    ("https://shop.example.com/i\x00pn", "control character"),
    ("https://shop.example.com:65536/ipn", "port is not a number from 1 to 65535"),
    ("https://shop.example.com:99999/ipn", "port is not a number from 1 to 65535"),
    ("https://shop .example.com/ipn", "host contains a space"),
    ("https://xn--pypal-4ve.com/ipn", "mixes scripts"),  # Cyrillic "а" among Latin letters
    ("https://аpple.com/ipn", "non-ASCII characters"),
    ("https://100.64.0.1/ipn", "shared address space (100.64.0.0/10)"),
    ("https://100.127.255.254/ipn", "shared address space"),
    ("https://[::ffff:100.64.1.2]/ipn", "shared address space"),
    ("https://[::ffff:10.0.0.1]/ipn", "private"),
    ("https://10.1.2.3/ipn", "private"),
])
def test_notification_urls_refused_in_production(url, fragment):
    problems = gw.notification_url_problems(url, "PRODUCTION", resolver=resolver(["93.184.216.34"]))
    assert any(fragment in p for p in problems), problems


def test_names_resolving_to_shared_address_space_are_refused():
    problems = gw.notification_url_problems("https://cgnat.example.com/ipn", "PRODUCTION",
                                            resolver=resolver(["100.80.1.1"]))
    assert any("resolves to 100.80.1.1 (shared address space" in p for p in problems), problems


def test_good_urls_pass():
    assert gw.notification_url_problems("https://shop.example.com:8443/ipn?x=1", "PRODUCTION",
                                        resolver=resolver(["93.184.216.34"])) == []
    assert gw.notification_url_problems("https://xn--mnchen-3ya.de/ipn", "PRODUCTION",
                                        resolver=resolver(["93.184.216.34"])) == []  # münchen: one script


def test_url_passwords_masked_everywhere():
    assert mask_url("https://ipn:S3cret@shop.example.com/x") == "https://ipn:********@shop.example.com/x"
    assert mask_url("https://ipn:S3c@ret@shop.example.com/x") == "https://ipn:********@shop.example.com/x"
    assert mask_url("https://ipn:S3cret@[::1/x") == "https://ipn:********@[::1/x"  # unparsable, still masked
    assert mask_passwords_in("probe of https://a:b@h/x failed, then mysql://u:pw@db/x") == \
        "probe of https://a:********@h/x failed, then mysql://u:********@db/x"


@pytest.mark.parametrize("value,fragment", [
    ("AbCd1234EfGh567", "15 characters long; the platform's keys are 16"),
    ("AbCd1234\x00EfGh5678", "control character"),
    ("AbCd1234EfGh5678\x00", "control character"),
    ("\x00AbCd1234EfGh5678", "control character"),
])
@pytest.mark.parametrize("kind,text", [("dotenv", "VADS_CTX_MODE=TEST\n"), ("ini", "[vads]\nctx_mode = TEST\n")])
def test_weak_keys_are_refused_and_nothing_is_written(tmp_path, value, fragment, kind, text):
    path = tmp_path / "store"
    path.write_text(text)
    with pytest.raises(Failed) as caught:
        run_batch("certificate", [{"name": "a", "store": {"type": kind, "path": str(path)}, "mode": "TEST",
                                   "value": value}])
    assert fragment in caught.value.msg and value.strip("\x00") not in caught.value.msg
    assert path.read_text() == text
    assert clean_key(value)[0] is None

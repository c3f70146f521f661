"""The vads.shop.signature and vads.shop.fingerprint filters, as Jinja sees them."""

import pytest
from ansible.errors import AnsibleFilterError

from ansible_collections.vads.shop.plugins.filter.vads import FilterModule

from test_rules_signature import KEY, VECTOR

FILTERS = FilterModule().filters()


def test_signature_filter_test_vector_both_algorithms():
    assert FILTERS["signature"](VECTOR, KEY) == "ycA5Do5tNvsnKdc/eP1bj2xa19z9q3iWPy9/rpesfS0="
    assert FILTERS["signature"](VECTOR, KEY, "SHA-1") == "59c96b34c74b9375c332b0b6a32e6deeec87de2b"


def test_signature_filter_errors_are_clear():
    with pytest.raises(AnsibleFilterError, match="dict of form fields"):
        FILTERS["signature"]("vads_amount=1", KEY)
    with pytest.raises(AnsibleFilterError, match="unknown signature algorithm"):
        FILTERS["signature"](VECTOR, KEY, "MD5")
    with pytest.raises(AnsibleFilterError, match="non-empty string"):
        FILTERS["signature"](VECTOR, "")


def test_fingerprint_filter_trims():
    assert FILTERS["fingerprint"](" 1122334455667788\n") == FILTERS["fingerprint"]("1122334455667788")
    assert FILTERS["fingerprint"](None) is None

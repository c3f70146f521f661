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


def test_loading_the_filter_files_imports_no_store_or_http_code():
    """ansible-core loads every filter file of the collection in each task that uses one of its filters
    (shop_options in every task that hands shops to a module): loading them must stay cheap."""
    import subprocess  # pylint: disable=import-outside-toplevel
    import sys  # pylint: disable=import-outside-toplevel

    code = (
        "import sys, pkgutil, importlib\n"
        "import ansible_collections.vads.shop.plugins.filter as f\n"
        "names = [n for _i, n, _p in pkgutil.iter_modules(f.__path__, f.__name__ + '.')]\n"
        "assert len(names) >= 4, names\n"
        "for n in names:\n"
        "    importlib.import_module(n).FilterModule().filters()\n"
        "print(' '.join(sorted(m.rsplit('.', 1)[1] for m in sys.modules\n"
        "                      if m.startswith('ansible_collections.vads.shop.plugins.module_utils.'))))\n")
    loaded = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout.split()
    assert set(loaded) <= {"secrets", "report_html"}, loaded  # a few small modules, no store, Back Office or HTTP
    # and each filter still reaches what it imports where it is used
    from ansible_collections.vads.shop.plugins.filter.fleet import FilterModule as Fleet  # pylint: disable=import-outside-toplevel
    fleet = Fleet().filters()
    assert fleet["golive_checklist"]([{"name": "a", "site_id": "12345678"}], {"adapter": "manual"})[0]["chapter"] == "14.1"
    assert fleet["golive_preflight"]([{"name": "a", "site_id": "87654321", "notification_url": "https://x.example/ipn",
                                       "brand": "payzen", "key_prod": "k"}], {}, {"adapter": "sandbox"}) == []
    assert fleet["rotation_problems"]([{"name": "a"}], {}, {"adapter": "manual"})[0].startswith("shop 'a': key_prod")

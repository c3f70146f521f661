"""The PHP-serialize reader and patcher: untouched entries stay byte for byte; lengths are PHP's (bytes)."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ansible_collections.vads.shop.plugins.module_utils.phpserialize import (
    PhpSerializeError,
    dumps,
    entries,
    get_strings,
    loads,
    patch,
)

MAPPED = ["site_id", "key_test", "key_prod", "ctx_mode", "sign_algo"]

# A real WooCommerce settings array as PHP serializes it (floats and UTF-8 included).
REAL = (b'a:9:{s:7:"enabled";s:3:"yes";s:5:"title";s:17:"Carte bancaire \xc3\xa9";'
        b's:11:"description";s:12:"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e\xe3\x81\xa7";s:7:"site_id";s:8:"12345678";'
        b's:8:"key_test";s:16:"1111111111111111";s:8:"ctx_mode";s:4:"TEST";s:10:"amount_min";d:2.5;'
        b's:5:"cards";a:2:{i:0;s:2:"CB";i:1;s:4:"VISA";}s:9:"sign_algo";s:7:"SHA-256";}')


def test_reads_the_mapped_strings():
    assert get_strings(REAL, MAPPED) == {"site_id": "12345678", "key_test": "1111111111111111", "key_prod": None,
                                         "ctx_mode": "TEST", "sign_algo": "SHA-256"}


def test_patch_replaces_appends_and_counts_bytes():
    new = patch(REAL, {"ctx_mode": "PRODUCTION", "key_prod": "Xq7RtY2mN9pL4sKw", "title": "Carte é 日本"})
    assert new.startswith(b"a:10:{")
    assert b's:8:"ctx_mode";s:10:"PRODUCTION";' in new
    assert b's:5:"title";s:15:"Carte \xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac";' in new
    assert new.endswith(b's:8:"key_prod";s:16:"Xq7RtY2mN9pL4sKw";}')
    assert loads(new)[b"amount_min"] == 2.5
    assert patch(new, {"ctx_mode": "PRODUCTION"}) == patch(new, {"ctx_mode": "PRODUCTION"})


def test_patch_without_changes_is_the_identity_and_removal_shrinks_the_count():
    assert patch(REAL, {}) == REAL
    smaller = patch(REAL, {"title": None})
    assert smaller.startswith(b"a:8:{") and b'"title"' not in smaller


def test_integer_keys_and_nested_values_are_skipped_intact():
    data = dumps({0: "a", "x": {"y": [1, None, True, -3.5e-07]}, "ctx_mode": "TEST"})
    assert patch(data, {"ctx_mode": "PRODUCTION"}) == data.replace(b's:4:"TEST"', b's:10:"PRODUCTION"')
    obj = b'a:2:{s:1:"o";O:8:"stdClass":1:{s:1:"p";r:1;}s:8:"ctx_mode";s:4:"TEST";}'
    assert patch(obj, {"ctx_mode": "PRODUCTION"}).startswith(b'a:2:{s:1:"o";O:8:"stdClass":1:{s:1:"p";r:1;}')


@pytest.mark.parametrize("bad", [
    b"", b"s:3:\"abc\";", b"a:1:{s:1:\"a\";s:5:\"abc\";}", b"a:2:{s:1:\"a\";i:1;}", b"a:1:{s:1:\"a\";i:1;}x",
    b"a:1:{d:1.5;i:1;}", b"a:1:{s:1:\"a\";Q:1;}", b"a:-1:{}",
])
def test_malformed_data_fails_clearly(bad):
    with pytest.raises(PhpSerializeError):
        patch(bad, {"ctx_mode": "TEST"})


def test_errors_never_quote_a_value():
    secret = "Xq7RtY2mN9pL4sKw"
    with pytest.raises(PhpSerializeError) as info:
        get_strings(('a:1:{s:8:"key_prod";s:99:"%s";}' % secret).encode(), MAPPED)
    assert secret not in str(info.value)


# -- properties --------------------------------------------------------------------------------------------
text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10 ** 12, 10 ** 12),
                    st.floats(allow_nan=False, allow_infinity=False, width=64), text)
values = st.recursive(scalars, lambda inner: st.dictionaries(st.one_of(st.integers(0, 50), text), inner, max_size=4),
                      max_leaves=12)
settings_arrays = st.dictionaries(st.one_of(st.integers(0, 50), text, st.sampled_from(MAPPED)), values, max_size=10)
changes = st.dictionaries(st.sampled_from(MAPPED + ["title"]),
                          st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30), max_size=6)


def _untouched(data, changed):
    return [data[e.start:e.end] for e in entries(data)
            if not (isinstance(e.key, bytes) and e.key.decode("utf-8", "replace") in changed)]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(settings_arrays, changes)
def test_untouched_entries_stay_byte_identical(array, change):
    data = dumps(array)
    new = patch(data, change)
    assert _untouched(new, change) == _untouched(data, change)
    assert get_strings(new, list(change)) == dict((k, v if v != "" else "") for k, v in change.items())
    assert patch(new, change) == new  # idempotent
    decoded = loads(new)
    assert len(decoded) == len(entries(new))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(settings_arrays, changes)
def test_php_reads_the_patched_array(array, change):
    if not shutil.which("php"):
        pytest.skip("php-cli is not installed")
    new = patch(dumps(array), change)
    code = ('$v = unserialize(stream_get_contents(STDIN)); if (!is_array($v)) { exit(3); }'
            ' $o = []; foreach ($v as $k => $x) { if (is_string($x)) { $o[(string) $k] = bin2hex($x); } }'
            ' echo json_encode($o);')
    proc = subprocess.run(["php", "-r", code], input=new, capture_output=True, check=False)
    assert proc.returncode == 0, proc.stderr
    strings = json.loads(proc.stdout)
    for key, value in change.items():
        assert bytes.fromhex(strings[key]).decode("utf-8") == value

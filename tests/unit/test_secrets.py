"""The secrets bundle: encoding, merging by shop name, and the module's own linear-time masking."""
from __future__ import annotations

import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from ansible.module_utils.common.parameters import remove_values

from ansible_collections.vads.shop.plugins.module_utils import secrets as sec

KEY = "Xq7RtY2mN9pL4sKw"
PASSWORD = "prodpassword_Zk2Lm9Qp4Rt7Vx1Wy3"
TOKEN = "tok-en.with/odd+chars=="


def test_bundle_round_trip_and_plain_json():
    bundle = {"lyon": {"value": KEY}, "nice": {"value": "Ab12Cd34Ef56Gh78"}}
    text = sec.encode(bundle)
    assert text.startswith(sec.PREFIX) and KEY not in text  # opaque: a template never turns it into a dict
    assert sec.decode(text) == bundle
    assert sec.decode('{"lyon": {"value": "%s"}}' % KEY) == {"lyon": {"value": KEY}}
    assert sec.decode("") == {} and sec.decode(None) == {}


@pytest.mark.parametrize("text, words", [
    ("vads-secrets:v1:%%%", "damaged"),
    ("not json %s" % KEY, "JSON object"),
    ('["%s"]' % KEY, "map each shop"),
    ('{"lyon": "%s"}' % KEY, "dict of options"),
    ('{"lyon": {"value": 1234567890}}', "must be a string"),
    ('{"lyon": {"store": "%s"}}' % KEY, "not a secret option"),
])
def test_bad_bundles_are_named_without_their_values(text, words):
    with pytest.raises(sec.SecretsError) as caught:
        sec.decode(text, allowed=["value"])
    assert words in str(caught.value) and KEY not in str(caught.value)


def test_apply_by_name_refuses_unknown_names_and_double_values():
    items = [{"name": "lyon", "store": {"path": "/a"}}, {"name": "nice"}]
    out = sec.apply(items, {"lyon": {"value": KEY}})
    assert out[0]["value"] == KEY and "value" not in out[1] and "value" not in items[0]
    with pytest.raises(sec.SecretsError, match="not in shops: lyom"):
        sec.apply(items, {"lyom": {"value": KEY}})
    with pytest.raises(sec.SecretsError, match="both in the shop and in secrets") as caught:
        sec.apply([{"name": "lyon", "value": "Other0000000000"}], {"lyon": {"value": KEY}})
    assert KEY not in str(caught.value)


def test_secret_options_of_a_spec():
    spec = {"value": {"type": "str", "no_log": True}, "keys": {"type": "dict", "no_log": False},
            "mode": {"type": "str"}, "secrets": {"type": "str", "no_log": True},
            "rest": {"type": "dict", "no_log": True, "options": {"public_key": {}, "hmac_key": {}}}}
    assert sec.secret_options(spec) == {"value": None, "rest": ["hmac_key", "public_key"]}


REST = {"private_key": PASSWORD, "public_key": "40127895:publickey_Zx98Yw76", "hmac_key": "Hm4cK3yS0m3th1ngL0ng"}


def test_a_dict_option_takes_a_dict_of_strings_and_each_of_them_is_masked():
    allowed = {"value": ["hmac_key", "private_key", "public_key"]}
    bundle = sec.decode(sec.encode({"lyon": {"value": REST}}), allowed)
    assert bundle == {"lyon": {"value": REST}}
    assert sorted(sec.values(bundle)) == sorted(REST.values())
    scrubbed = sec.Scrubber(sec.values(bundle)).scrub({"msg": "keys %s" % " ".join(REST.values())})
    assert not any(v in scrubbed["msg"] for v in REST.values()), scrubbed


@pytest.mark.parametrize("value, words", [
    (PASSWORD, "must be a dict of hmac_key, private_key, public_key"),
    ({"private_key": PASSWORD, "hmac": "x"}, "'hmac', which is not among its keys"),
    ({"private_key": 1234}, "must map each of its keys to a string"),
])
def test_a_dict_option_of_the_wrong_form_is_named_without_its_values(value, words):
    with pytest.raises(sec.SecretsError) as caught:
        sec.decode(sec.encode({"lyon": {"value": value}}), {"value": ["hmac_key", "private_key", "public_key"]})
    assert words in str(caught.value) and PASSWORD not in str(caught.value)
    with pytest.raises(sec.SecretsError, match="must be a string"):  # and a dict where a string is wanted
        sec.decode(sec.encode({"lyon": {"key": REST}}), {"key": None})


def test_scrubber_masks_everywhere():
    scrub = sec.Scrubber([KEY, PASSWORD, TOKEN]).scrub
    result = {
        "whole": KEY,
        "inside": "key=%s;" % KEY,
        "glued": "abc%sdef" % KEY,  # inside a longer run of letters
        "password": "Basic %s" % PASSWORD,
        "token": "Bearer %s" % TOKEN,
        "list": [KEY, ("x", PASSWORD)],
        KEY: "as a dict key",
        "fine": "sha256:1a2b3c4d lyon PRODUCTION",
        "number": 12, "flag": True, "none": None,
    }
    out = scrub(result)
    text = repr(out)
    for secret in (KEY, PASSWORD, TOKEN):
        assert secret not in text
    assert out["whole"] == "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"
    assert out["inside"] == "key=********;" and out["glued"] == "abc********def"
    assert out["fine"] == result["fine"] and out["number"] == 12 and out["flag"] is True and out["none"] is None


_ALNUM = string.ascii_letters + string.digits


@given(secrets=st.lists(st.text(_ALNUM, min_size=8, max_size=20), min_size=1, max_size=8, unique=True),
       filler=st.lists(st.text(_ALNUM + " :/=_-", max_size=12), min_size=1, max_size=6),
       picks=st.lists(st.integers(0, 7), min_size=1, max_size=6))
def test_scrubber_leaves_no_secret_where_ansible_would_leave_none(secrets, filler, picks):
    """Whatever the surrounding text, a secret ansible-core's masking removes is removed here too."""
    parts = []
    for index, pick in enumerate(picks):
        parts.append(filler[index % len(filler)])
        parts.append(secrets[pick % len(secrets)])
    text = "".join(parts)
    ours = sec.Scrubber(secrets).scrub({"msg": text})["msg"]
    theirs = remove_values({"msg": text}, set(secrets))["msg"]
    for secret in secrets:
        if secret not in theirs:
            assert secret not in ours, (text, ours)


def test_filter_takes_an_unquoted_yaml_key_of_digits_as_its_text():
    from ansible.errors import AnsibleFilterError
    from ansible_collections.vads.shop.plugins.filter.secrets import secrets

    text = secrets([{"name": "lyon", "key_prod": 1111111111111111}, {"name": "nice"}], {"key_prod": "key_prod"})
    assert sec.decode(text) == {"lyon": {"key_prod": "1111111111111111"}}
    for value in (True, 1.5, ["x"]):
        with pytest.raises(AnsibleFilterError, match="must be a string"):
            secrets([{"name": "lyon", "key_prod": value}], {"key_prod": "key_prod"})


def test_filter_keeps_a_dict_of_keys_as_a_dict():
    from ansible.errors import AnsibleFilterError
    from ansible_collections.vads.shop.plugins.filter.secrets import secrets

    text = secrets([{"name": "lyon", "rest_keys_prod": REST}, {"name": "nice"}], {"value": "rest_keys_prod"})
    assert sec.decode(text, {"value": sorted(REST)}) == {"lyon": {"value": REST}}
    with pytest.raises(AnsibleFilterError, match="each key of rest_keys_prod of shop 'lyon' must be a string"):
        secrets([{"name": "lyon", "rest_keys_prod": {"private_key": ["x"]}}], {"value": "rest_keys_prod"})

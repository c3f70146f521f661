"""vads.shop.preflight through ansible-core, on hand-written files and the manual Back Office adapter.

The manual adapter is what every real merchant uses: the module can see no Back Office, so it checks the
inventory and the stores and says which manual steps are pending.
"""

import os
import shutil
from pathlib import Path

from support.runner import assert_vvvv, run_module, snapshot

from ansible_collections.vads.shop.plugins.module_utils.rules import fingerprint
from ansible_collections.vads.shop.plugins.module_utils.secrets import encode

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stores"
FILES = {"dotenv": "shop.env", "yaml": "shop.yaml", "json": "shop.json", "ini": "shop.ini"}
KEY_PROD = "Xq7RtY2mN9pL4sKw"
MANUAL = {"adapter": "manual"}
URL = "https://shop.example.com/payzen/ipn"


def copy_fixtures(tmp_path):
    paths = {}
    for kind, name in FILES.items():
        target = tmp_path / kind / name
        target.parent.mkdir()
        shutil.copy(FIXTURES / name, target)
        os.chmod(target, 0o640)
        paths[kind] = target
    return paths


def shop(name, kind, path, **extra):
    return dict({"name": name, "store": {"type": kind, "path": str(path)}, "site_id": "40127895",
                 "notification_url": URL}, **extra)


def everything_left_as_it_was(tmp_path, before):
    assert snapshot(before) == before, "the preflight changed a file"
    assert sorted(str(p) for p in tmp_path.rglob("*") if p.is_file()) == sorted(before), "it left a file behind"


def test_good_shops_of_every_file_type_pass_and_nothing_is_written(tmp_path):
    paths = copy_fixtures(tmp_path)
    before = snapshot([str(p) for p in paths.values()])
    shops = [shop("shop-%s" % kind, kind, path) for kind, path in sorted(paths.items())]
    keys = encode(dict((s["name"], {"key_prod": KEY_PROD}) for s in shops))
    args = {"backoffice": MANUAL, "shops": shops, "secrets": keys}
    for check in (True, False, True, False):
        run = run_module("preflight", args, check=check)
        assert not run.failed and not run.changed, run.output
        assert run.result["problems"] == [], run.result["problems"]
        for kind, path in paths.items():
            item = run.shop("shop-%s" % kind)
            assert item["problems"] == []
            # the report's "before": the store as read, TEST, the fixture's test key, no production key yet
            assert item["info"]["ctx_mode"] == "TEST" and item["info"]["key_prod_fingerprint"] is None, item
            assert item["info"]["key_test_fingerprint"] == fingerprint("0123456789012345")
            # what the go-live would write there: the mode and the production key, in the store's own names
            assert len(item["would_change"]) == 2, item
            # the real platform: the URL's step is manual work, pending, with its instructions
            assert item["notification_url"]["status"] == "pending_manual"
            assert URL in item["notification_url"]["instructions"]["text"]
        everything_left_as_it_was(tmp_path, before)
    assert KEY_PROD not in run.output and KEY_PROD not in repr(run.result)


def test_every_problem_of_every_shop_is_named_in_one_call(tmp_path):
    paths = copy_fixtures(tmp_path)
    before = snapshot([str(p) for p in paths.values()])
    shops = [
        shop("placeholder", "dotenv", paths["dotenv"]),
        shop("typo", "yaml", paths["yaml"], ctx_mode="PROD"),
        shop("http-url", "json", paths["json"], notification_url="http://shop.example.com/ipn"),
        # a misspelt mapping: the go-live's write would add a name the application never reads
        dict(shop("misspelt", "ini", paths["ini"]),
             store={"type": "ini", "path": str(paths["ini"]), "keys": {"key_prod": "payzen.key_prd"}}),
        shop("no-store", "dotenv", tmp_path / "missing.env"),
    ]
    keys = {"placeholder": {"key_prod": "2222222222222222"}, "typo": {"key_prod": KEY_PROD},
            "http-url": {"key_prod": "Xq7RtY2m N9pL4sKw"}, "misspelt": {"key_prod": KEY_PROD}}
    run = run_module("preflight", {"backoffice": MANUAL, "shops": shops, "secrets": encode(keys)}, verbosity=4)
    assert not run.failed and not run.changed, run.output
    problems = dict((s["name"], " | ".join(s["problems"])) for s in run.result["shops"])
    assert "14.1 production key" in problems["placeholder"] and "placeholder" in problems["placeholder"]
    assert "14.2 mode" in problems["typo"] and "mode 'PROD' is not allowed" in problems["typo"]
    assert "14.2 notification URL" in problems["http-url"] and "https://" in problems["http-url"]
    # the key pasted with a space inside, named once, by the inventory's name for it
    assert problems["http-url"].count("key_prod: the key contains white space") == 1, problems["http-url"]
    assert "payzen.key_prd" in problems["misspelt"] and "store.keys" in problems["misspelt"]
    assert "missing.env" in problems["no-store"]
    # the flat list names each shop, for the role's one message
    for name in problems:
        assert any(p.startswith("shop %r: " % name) for p in run.result["problems"]), name
    # the stores that could be read are still reported, for the report's "before"
    assert run.shop("typo")["info"]["ctx_mode"] == "TEST"
    assert "info" not in run.shop("no-store")
    everything_left_as_it_was(tmp_path, before)
    assert_vvvv(run.output)
    for key in ("2222222222222222", KEY_PROD, "Xq7RtY2m N9pL4sKw"):
        assert key not in run.output and key not in repr(run.result)


def test_a_one_key_store_takes_its_key_with_the_switch(tmp_path):
    """Where the store keeps one key (for the current mode), the certificate step is not run: the key goes in
    with the switch; a two-key store holding another real production key is a rotation, refused here."""
    one = tmp_path / "one.env"
    one.write_text("VADS_SITE_ID=40127895\nVADS_CTX_MODE=TEST\nVADS_KEY=0123456789012345\n")
    two = tmp_path / "two.env"
    two.write_text("VADS_SITE_ID=40127896\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=0123456789012345\n"
                   "VADS_KEY_PROD=Pq8RtY2mN9pL4sKz\n")
    before = snapshot([str(one), str(two)])
    shops = [
        dict(shop("one-key", "dotenv", one), store={"type": "dotenv", "path": str(one), "keys": {"key": "VADS_KEY"}}),
        dict(shop("rotation", "dotenv", two), site_id="40127896"),
    ]
    keys = encode({"one-key": {"key_prod": KEY_PROD}, "rotation": {"key_prod": KEY_PROD}})
    run = run_module("preflight", {"backoffice": MANUAL, "shops": shops, "secrets": keys})
    assert not run.failed, run.output
    assert run.shop("one-key")["problems"] == [] and run.shop("one-key")["info"]["single_key"] is True
    assert sorted(run.shop("one-key")["would_change"]) == ["VADS_CTX_MODE", "VADS_KEY"]
    rotation = " | ".join(run.shop("rotation")["problems"])
    assert "14.1 production key" in rotation and "run playbooks/rotate_certificate.yml (14.4)" in rotation, rotation
    assert snapshot([str(one), str(two)]) == before


def test_production_rest_keys_are_checked_as_rest_keys_checks_them(tmp_path):
    path = tmp_path / "shop.env"
    path.write_text("VADS_SITE_ID=40127895\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=0123456789012345\n"
                    "REST_PRIVATE_KEY_PROD=\nREST_PUBLIC_KEY_PROD=\nREST_HMAC_KEY_PROD=\n")
    store = {"type": "dotenv", "path": str(path), "keys": {"rest_private_key_prod": "REST_PRIVATE_KEY_PROD",
                                                           "rest_public_key_prod": "REST_PUBLIC_KEY_PROD",
                                                           "rest_hmac_key_prod": "REST_HMAC_KEY_PROD"}}
    good = {"private_key": "prodpassword_Ab12Cd34Ef56Gh78Ij90", "public_key": "40127895:publickey_Zx98Yw76",
            "hmac_key": "Hm4cK3yS0m3th1ngL0ng3n0ugh"}
    test_key = dict(good, private_key="testpassword_Ab12Cd34Ef56Gh78Ij90")
    for value, problem in ((good, None), (test_key, "is a test password")):
        run = run_module("preflight", {"backoffice": MANUAL, "shops": [
            dict(shop("embedded", "dotenv", path), store=store, rest_keys_prod=value)]})
        assert not run.failed, run.output
        problems = " | ".join(run.shop("embedded")["problems"])
        if problem is None:
            assert problems == "" and "REST_PRIVATE_KEY_PROD" in run.shop("embedded")["would_change"]
        else:
            assert "14.2 production REST keys" in problems and problem in problems, problems
        for secret in value.values():
            assert secret not in run.output and secret not in repr(run.result)

"""Keys through the `secrets` option (one no_log value, masked by the module itself): never in any output."""
import json
import os
import sys

from support.runner import assert_vvvv, run_module, run_playbook, snapshot

from ansible_collections.vads.shop.plugins.module_utils.secrets import encode

KEYS = {"lyon": "Xq7RtY2mN9pL4sKw", "nice": "Ab12Cd34Ef56Gh78", "brest": "Zz9Yy8Xx7Ww6Vv5U"}


def _fleet(tmp_path):
    paths = {}
    for index, name in enumerate(sorted(KEYS)):
        path = tmp_path / ("%s.env" % name)
        path.write_text("# %s\nVADS_SITE_ID=%08d\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=Test%012d\n"
                        % (name, 40000001 + index, index))
        os.chmod(path, 0o600)
        paths[name] = path
    return paths


def _no_key(text):
    for key in KEYS.values():
        assert key not in text
        assert key[:12] not in text


def test_certificate_and_ctx_mode_with_a_bundle_four_phases_at_vvvv(tmp_path):
    paths = _fleet(tmp_path)
    shops = [{"name": name, "store": {"type": "dotenv", "path": str(path)}} for name, path in paths.items()]
    steps = [("certificate", {"mode": "PRODUCTION", "shops": shops,
                              "secrets": encode(dict((n, {"value": k}) for n, k in KEYS.items()))}),
             ("ctx_mode", {"mode": "PRODUCTION", "shops": shops,
                           "secrets": encode(dict((n, {"key": k}) for n, k in KEYS.items()))})]
    for module, args in steps:
        before = snapshot(list(paths.values()))
        runs = []
        for check, changed in ((True, True), (False, True), (True, False), (False, False)):
            run = run_module(module, args, check=check, diff=True, verbosity=4)
            assert not run.failed, run.output[-3000:]
            assert run.changed is changed, (module, check)
            _no_key(run.output)
            runs.append(run)
        assert snapshot(list(paths.values())) != before
        assert_vvvv(runs[1].output)  # the bundle itself, masked where ansible shows invocations
    for name, path in paths.items():
        text = path.read_text()
        assert "VADS_KEY_PROD=%s" % KEYS[name] in text and "VADS_CTX_MODE=PRODUCTION" in text


def test_bundle_errors_change_nothing_and_show_no_key(tmp_path):
    paths = _fleet(tmp_path)
    shops = [{"name": name, "store": {"type": "dotenv", "path": str(path)}} for name, path in paths.items()]
    before = snapshot(list(paths.values()))
    cases = [
        (encode({"lyom": {"value": KEYS["lyon"]}}), "not in shops: lyom"),
        (encode({"lyon": {"value": KEYS["lyon"] + " x"}}), "white space"),
        ("garbage " + KEYS["nice"], "JSON object"),
    ]
    for bundle, words in cases:
        run = run_module("certificate", {"mode": "PRODUCTION", "shops": shops, "secrets": bundle}, verbosity=4)
        assert run.failed and words in run.result["msg"], run.result
        _no_key(run.output)
    inline = [dict(shop, value=KEYS["lyon"]) for shop in shops if shop["name"] == "lyon"]
    run = run_module("certificate", {"mode": "PRODUCTION", "shops": inline,
                                     "secrets": encode({"lyon": {"value": KEYS["lyon"]}})}, verbosity=4)
    assert run.failed and "both in the shop and in secrets" in run.result["msg"]
    _no_key(run.output)
    assert snapshot(list(paths.values())) == before


def test_the_filter_builds_the_bundle_in_a_playbook(tmp_path):
    paths = _fleet(tmp_path)
    inventory = [{"name": name, "store": {"type": "dotenv", "path": str(path)}, "key_prod": KEYS[name]}
                 for name, path in paths.items()]
    playbook = tmp_path / "play.yml"
    task = {"name": "Install", "vads.shop.certificate": {
        "mode": "PRODUCTION",
        "shops": "{{ shops | vads.shop.shop_options({'name': 'name', 'store': 'store'}) }}",
        "secrets": "{{ shops | vads.shop.secrets({'value': 'key_prod'}) }}"}}
    play_vars = {"shops": inventory, "ansible_connection": "local", "ansible_python_interpreter": sys.executable}
    playbook.write_text(json.dumps([{"hosts": "localhost", "gather_facts": False, "vars": play_vars,
                                     "tasks": [task]}]))
    rc, out = run_playbook(playbook, "localhost,", diff=True, verbosity=4)
    assert rc == 0, out[-3000:]
    assert "changed=1" in out
    for name, path in paths.items():
        assert "VADS_KEY_PROD=%s" % KEYS[name] in path.read_text()
    # the keys were in the play's vars (not no_log there); the module's own output carries none
    section = out[out.index("TASK [Install]"):]
    _no_key(section)


REST = {"lyon": {"private_key": "prodpassword_Lyon2Cd34Ef56Gh78", "public_key": "40000002:publickey_Lyon98Yw76",
                 "hmac_key": "HmLyonK3yS0m3th1ngL0ng3n0"},
        "nice": {"private_key": "prodpassword_Nice2Cd34Ef56Gh78", "public_key": "40000003:publickey_Nice98Yw76",
                 "hmac_key": "HmNiceK3yS0m3th1ngL0ng3n0"}}


def test_rest_keys_through_the_bundle_four_phases_at_vvvv(tmp_path):
    """The three REST API keys of each shop as one dict in the bundle: installed, masked, and a bundle of the
    wrong form is refused by name, changing nothing (it used to end in a Python error)."""
    paths = dict((n, p) for n, p in _fleet(tmp_path).items() if n in REST)
    keys = {"rest_private_key_prod": "REST_PRIVATE_KEY_PROD", "rest_public_key_prod": "REST_PUBLIC_KEY_PROD",
            "rest_hmac_key_prod": "REST_HMAC_KEY_PROD"}
    shops = [{"name": n, "store": {"type": "dotenv", "path": str(p), "keys": keys, "create": True}}
             for n, p in sorted(paths.items())]
    before = snapshot(list(paths.values()))
    wrong = run_module("rest_keys", {"mode": "PRODUCTION", "shops": shops,
                                     "secrets": encode({"lyon": {"value": REST["lyon"]["private_key"]}})})
    assert wrong.failed and "secrets['lyon']['value'] must be a dict of hmac_key, private_key, public_key" \
        in wrong.result["msg"], wrong.output
    assert snapshot(list(paths.values())) == before
    args = {"mode": "PRODUCTION", "shops": shops, "secrets": encode(dict((n, {"value": v}) for n, v in REST.items()))}
    outputs = []
    for check, changed in ((True, True), (False, True), (True, False), (False, False)):
        run = run_module("rest_keys", args, check=check, diff=True, verbosity=4)
        assert not run.failed and run.changed is changed, run.output
        outputs.append(run.output + json.dumps(run.result))
    for name, path in paths.items():
        assert "REST_PRIVATE_KEY_PROD=%s" % REST[name]["private_key"] in path.read_text()
    assert_vvvv(outputs[0])
    for value in [v for shop in REST.values() for v in shop.values()]:
        assert all(value not in text for text in outputs + [wrong.output]), value[:12]

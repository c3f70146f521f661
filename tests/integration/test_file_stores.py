"""ctx_mode, certificate and shop_info on hand-written files, through ansible-core, four phases each."""

import os
import shutil
import stat
from pathlib import Path

import pytest

from support.runner import assert_vvvv, run_module, snapshot

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "stores"
FILES = {"dotenv": "shop.env", "yaml": "shop.yaml", "json": "shop.json", "ini": "shop.ini"}
KEY_PROD = "Xq7RtY2mN9pL4sKw"
KEY_TEST = "0123456789012345"  # what the fixtures hold


@pytest.fixture
def fleet(tmp_path):
    paths = {}
    for kind, name in FILES.items():
        target = tmp_path / kind / name
        target.parent.mkdir()
        shutil.copy(FIXTURES / name, target)
        os.chmod(target, 0o644)
        paths[kind] = target
    return paths


def shops(paths, **extra):
    return [dict({"name": "shop-%s" % kind, "store": {"type": kind, "path": str(path)}}, **extra)
            for kind, path in sorted(paths.items())]


def four_phases(module, args, files):
    """check, apply, check, apply: returns the four runs, asserting the invariants of each phase."""
    before = snapshot(files)
    check1 = run_module(module, args, check=True, diff=True)
    assert not check1.failed, check1.output
    assert check1.changed
    assert snapshot(files) == before, "check mode changed a file"
    apply1 = run_module(module, args, diff=True)
    assert not apply1.failed, apply1.output
    assert apply1.changed
    assert snapshot(files) != before
    after = snapshot(files)
    check2 = run_module(module, args, check=True, diff=True)
    assert not check2.failed and not check2.changed, check2.output
    apply2 = run_module(module, args, diff=True)
    assert not apply2.failed and not apply2.changed, apply2.output
    assert snapshot(files) == after
    # check mode predicted exactly what apply did, shop by shop
    assert [s["changed"] for s in check1.result["shops"]] == [s["changed"] for s in apply1.result["shops"]]
    assert check1.result.get("diff") == apply1.result.get("diff")
    return check1, apply1, check2, apply2


def test_go_live_on_hand_written_files(fleet):
    files = list(fleet.values())
    originals = dict((kind, path.read_text()) for kind, path in fleet.items())

    _c, installed, _c2, _a2 = four_phases("certificate", {"mode": "PRODUCTION", "value": "  %s\n" % KEY_PROD,
                                                          "shops": shops(fleet)}, files)
    for result in installed.result["shops"]:
        # 0644 before: a file holding a key loses "other" access only, the group keeps reading it.
        assert result["fingerprint"].startswith("sha256:") and result["file_mode"] == "0640"
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) == 0o640

    _c, switched, _c2, _a2 = four_phases("ctx_mode", {"mode": "PRODUCTION", "shops": shops(fleet)}, files)
    assert [s["ctx_mode_before"] for s in switched.result["shops"]] == ["TEST"] * 4
    assert all(s["ctx_mode"] == "PRODUCTION" for s in switched.result["shops"])

    # Comments, unrelated keys, quoting and unquoted numbers survive.
    env = fleet["dotenv"].read_text()
    assert '# Symfony shop - payment settings (edited by hand)\n' in env
    assert 'VADS_CTX_MODE = "PRODUCTION"   # switched at go-live\n' in env
    assert "export VADS_SITE_ID=40127895\n" in env
    assert 'DATABASE_URL="mysql://app:pw@127.0.0.1:3306/app?serverVersion=10.11"\n' in env
    yml = fleet["yaml"].read_text()
    assert "    site_id: 40127895       # unquoted: a number to YAML, a string to us\n" in yml
    assert "    ctx_mode: 'PRODUCTION'\n" in yml
    assert "mailer:\n    dsn: smtp://localhost\n" in yml
    ini = fleet["ini"].read_text()
    assert 'ctx_mode  =   "PRODUCTION"    ; TEST or PRODUCTION\n' in ini
    assert "[logging]\nlevel = info\n" in ini
    js = fleet["json"].read_text()
    assert '"app": {"name": "Boutique Nice", "port": 8080},' in js and '"features": [1, 2, 3]' in js
    for kind, path in fleet.items():
        old_lines = [x for x in originals[kind].splitlines() if "ctx_mode" not in x.lower() and x.strip()]
        new = path.read_text()
        assert all(line in new for line in old_lines), kind

    info = run_module("shop_info", {"shops": shops(fleet)})
    assert not info.failed, info.output
    for shop in info.result["shops"]:
        assert shop["ctx_mode"] == "PRODUCTION"
        assert shop["site_id"] == "40127895"
        assert shop["ready_for_production"], shop["problems"]
        assert shop["problems"] == []
        assert shop["key_test_fingerprint"] != shop["key_prod_fingerprint"]
    assert {s["sign_algo"] for s in info.result["shops"]} == {"HMAC-SHA-256", "SHA-1"}


BAD_CASES = [
    ("ctx_mode", {"mode": "PROD"}, "mode 'PROD' is not allowed: use exactly one of TEST, PRODUCTION"),
    ("ctx_mode", {"mode": "production"}, "mode 'production' is not allowed"),
    ("certificate", {"mode": "PRODUCTION", "value": "Xq7RtY2m N9pL4sKw"}, "white space inside"),
    ("certificate", {"mode": "PRODUCTION", "value": "2222222222222222"}, "is a placeholder"),
    ("certificate", {"mode": "PRODUCTION", "value": KEY_TEST}, "the same as the test key"),
    ("ctx_mode", {"mode": "PRODUCTION"}, "the production key is missing"),
]


@pytest.mark.parametrize("module,bad,message", BAD_CASES, ids=[c[2][:30] for c in BAD_CASES])
def test_bad_input_fails_naming_shop_and_changes_nothing(fleet, module, bad, message):
    files = list(fleet.values())
    before = snapshot(files)
    good = {"mode": "TEST"} if module == "ctx_mode" else {"mode": "PRODUCTION", "value": KEY_PROD}
    items = shops(fleet, **good)
    items[1].update(bad)  # shop-ini (sorted: dotenv, ini, json, yaml)
    run = run_module(module, {"shops": items})
    assert run.failed
    msg = run.result["msg"]
    assert "shop 'shop-ini'" in msg and message in msg, msg
    assert "nothing was changed" in msg
    assert [f["name"] for f in run.result["failures"]] == ["shop-ini"]
    assert snapshot(files) == before
    assert KEY_PROD not in run.output and KEY_TEST not in run.output


def test_malformed_file_fails_and_changes_nothing(fleet):
    fleet["yaml"].write_text("vads:\n  ctx_mode: [TEST\n")
    files = list(fleet.values())
    before = snapshot(files)
    run = run_module("certificate", {"mode": "PRODUCTION", "value": KEY_PROD, "shops": shops(fleet)})
    assert run.failed
    assert "shop 'shop-yaml'" in run.result["msg"] and "is malformed: not valid YAML at line" in run.result["msg"]
    assert snapshot(files) == before


def test_force_overrides_placeholder_check(fleet):
    run = run_module("ctx_mode", {"mode": "PRODUCTION", "force": True,
                                  "store": {"type": "dotenv", "path": str(fleet["dotenv"])}})
    assert not run.failed and run.changed, run.output
    assert run.result["shops"][0]["fingerprint"] is None


def test_single_key_store_switches_mode_and_key_together(tmp_path):
    env = tmp_path / "django.env"
    env.write_text("VADS_SITE_ID=40127895\nVADS_CTX_MODE=TEST\nVADS_CERTIFICATE=%s\n" % KEY_TEST)
    store = {"type": "dotenv", "path": str(env), "keys": {"key": "VADS_CERTIFICATE"}}
    refused = run_module("ctx_mode", {"mode": "PRODUCTION", "store": store})
    assert refused.failed and "give key" in refused.result["msg"]
    same = run_module("ctx_mode", {"mode": "PRODUCTION", "store": store, "key": KEY_TEST})
    assert same.failed and "the same as the test key" in same.result["msg"]
    four_phases("ctx_mode", {"mode": "PRODUCTION", "store": store, "key": KEY_PROD}, [env])
    assert env.read_text() == "VADS_SITE_ID=40127895\nVADS_CTX_MODE=PRODUCTION\nVADS_CERTIFICATE=%s\n" % KEY_PROD
    wrong_slot = run_module("certificate", {"mode": "TEST", "value": KEY_TEST, "store": store})
    assert wrong_slot.failed and "keeps one key, for the current mode (PRODUCTION)" in wrong_slot.result["msg"]
    back = run_module("ctx_mode", {"mode": "TEST", "store": store, "key": KEY_TEST})
    assert back.changed and env.read_text().endswith("VADS_CERTIFICATE=%s\n" % KEY_TEST)


def test_backup_keeps_restrictive_mode(fleet):
    run = run_module("certificate", {"mode": "PRODUCTION", "value": KEY_PROD, "backup": True,
                                     "store": {"type": "dotenv", "path": str(fleet["dotenv"])}})
    backup = Path(run.result["shops"][0]["backup_file"])
    assert backup.read_text() == (FIXTURES / "shop.env").read_text()
    # Never more open than the new file (0644 became 0640): the backup holds the old key.
    assert stat.S_IMODE(backup.stat().st_mode) == 0o640


def test_explicit_file_mode_is_respected(fleet):
    store = {"type": "ini", "path": str(fleet["ini"]), "file_mode": "0640"}
    run = run_module("certificate", {"mode": "PRODUCTION", "value": KEY_PROD, "store": store})
    assert not run.failed, run.output
    assert stat.S_IMODE(fleet["ini"].stat().st_mode) == 0o640


def test_certificate_absent_removes_the_key(fleet):
    store = {"type": "json", "path": str(fleet["json"])}
    four_phases("certificate", {"mode": "TEST", "state": "absent", "store": store}, [fleet["json"]])
    assert "key_test" not in fleet["json"].read_text()


def test_no_key_in_vvvv_output_or_diffs(fleet):
    """The canary: keys passed in and keys read from files appear nowhere, at -vvvv with --diff."""
    outputs = []
    for module, args in [
        ("certificate", {"mode": "PRODUCTION", "value": KEY_PROD, "shops": shops(fleet)}),
        ("ctx_mode", {"mode": "PRODUCTION", "shops": shops(fleet)}),
        ("shop_info", {"shops": shops(fleet)}),
        ("ctx_mode", {"mode": "TEST", "shops": shops(fleet)}),
    ]:
        for check in (True, False):
            run = run_module(module, args, check=check, diff=True, verbosity=4)
            assert not run.failed, run.output
            outputs.append(run.output)
            # -vvvv really is verbose: the module's invocation is shown, with the key masked (ansible-core < 2.21)
            if module == "certificate":
                assert_vvvv(run.output)
    text = "\n".join(outputs)
    assert "sha256:" in text
    assert KEY_PROD not in text
    assert KEY_TEST not in text


def test_shop_info_hides_a_password_written_into_the_notification_url(fleet):
    with open(fleet["dotenv"], "a") as handle:
        handle.write("VADS_URL_CHECK=https://ipn:S3cretPw@shop.example.com/ipn\n")
    run = run_module("shop_info", {"store": {"type": "dotenv", "path": str(fleet["dotenv"])}}, verbosity=4)
    assert run.result["shops"][0]["url_check"] == "https://ipn:********@shop.example.com/ipn"
    assert "S3cretPw" not in run.output

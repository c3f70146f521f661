"""Through ansible-core: a group-readable key file keeps its owner, group and mode; URL passwords never print."""

import grp
import os
import stat

import pytest

from support.runner import run_module, snapshot

KEY_TEST = "AbCd1234EfGh5678"
KEY_PROD = "Xq7RtY2mN9pL4sKw"


def _web_group():
    for name in ("www-data", "nogroup"):
        try:
            return name, grp.getgrnam(name).gr_gid
        except KeyError:
            continue
    pytest.skip("no non-root group on this machine")


@pytest.mark.skipif(os.geteuid() != 0, reason="a file owned by root:www-data needs root")
def test_0640_root_www_data_kept_with_a_key_written_four_phases(tmp_path):
    name, gid = _web_group()
    path = tmp_path / "shop.env"
    path.write_text("VADS_SITE_ID=12345678\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=%s\n" % KEY_TEST)
    os.chown(path, 0, gid)
    os.chmod(path, 0o640)
    args = {"mode": "PRODUCTION", "value": KEY_PROD, "store": {"type": "dotenv", "path": str(path)}}
    before = snapshot([path])
    check = run_module("certificate", args, check=True, diff=True)
    assert check.changed and not check.failed and snapshot([path]) == before, check.output
    apply = run_module("certificate", args, diff=True)
    assert apply.changed and not apply.failed, apply.output
    st = path.stat()
    assert (stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid) == (0o640, 0, gid)
    assert apply.result["shops"][0]["file_mode"] == "0640"
    for again in (run_module("certificate", args, check=True, diff=True), run_module("certificate", args, diff=True)):
        assert not again.changed and not again.failed, again.output
    assert KEY_PROD not in apply.output + check.output
    # Ansible's usual file arguments: mode (alias of file_mode), owner, group.
    chosen = dict(args, store=dict(args["store"], mode="0600", owner="root", group="root"))
    run = run_module("certificate", chosen)
    assert run.changed and not run.failed, run.output
    st = path.stat()
    assert (stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid) == (0o600, 0, 0)
    assert name


def test_url_password_never_printed_even_at_vvv(tmp_path):
    path = tmp_path / "shop.env"
    path.write_text("VADS_CTX_MODE=TEST\nVADS_KEY_TEST=%s\nVADS_KEY_PROD=%s\n"
                    "VADS_URL_CHECK=https://ipn:Pw4Notif@shop.example.com/ipn\n" % (KEY_TEST, KEY_PROD))
    run = run_module("ctx_mode", {"mode": "PRODUCTION", "store": {"type": "dotenv", "path": str(path)}},
                     check=True, diff=True, verbosity=4)
    assert not run.failed and run.changed, run.output
    assert "Pw4Notif" not in run.output and "ipn:********@shop.example.com" in run.output
    args = {"site_id": "12345678", "mode": "PRODUCTION", "url": "https://ipn:Pw4Notif@shop.example.com/ipn",
            "backoffice": {"adapter": "manual"}}
    bad = run_module("vads.shop.notification_url", args, verbosity=3)
    assert bad.failed and "contains credentials" in bad.output, bad.output
    assert "Pw4Notif" not in bad.output

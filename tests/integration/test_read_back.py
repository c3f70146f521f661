"""ctx_mode's info: each shop's store read back in the same call (the go-live's report needs no second call)."""
import hashlib
import os

from support.runner import assert_vvvv, run_module, snapshot

from ansible_collections.vads.shop.plugins.module_utils.secrets import encode

KEYS = {"lyon": "Rb7TqY2mN9pL4sKw", "nice": "Cd12Ef34Gh56Ij78", "brest": "Kk9Yy8Xx7Ww6Vv5U"}


def _fingerprint(key):
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()[:8]


def _fleet(tmp_path):
    paths = {}
    for index, name in enumerate(sorted(KEYS)):
        path = tmp_path / ("%s.env" % name)
        path.write_text("VADS_SITE_ID=%08d\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=Test%012d\n" % (41000001 + index, index))
        os.chmod(path, 0o644)  # a key written into it takes "other" access away: the read-back must see it
        paths[name] = path
    return paths


def test_ctx_mode_info_is_read_back_after_the_write_and_on_failure(tmp_path):
    paths = _fleet(tmp_path)
    shops = [{"name": n, "store": {"type": "dotenv", "path": str(p)}} for n, p in paths.items()]
    args = {"mode": "PRODUCTION", "info": True, "shops": shops,
            "secrets": encode(dict((n, {"key": k}) for n, k in KEYS.items()))}
    before = snapshot(list(paths.values()))

    # A problem with one shop: nothing is written, and every readable store is reported as read.
    bad = dict(args, shops=shops[:2] + [dict(shops[2], mode="PROD")])
    run = run_module("ctx_mode", bad, verbosity=4)
    assert run.failed and "mode 'PROD' is not allowed" in run.result["msg"], run.output[-2000:]
    assert snapshot(list(paths.values())) == before
    infos = dict((s["name"], s["info"]) for s in run.result["shops"])
    assert set(infos) == set(KEYS) and all(i["ctx_mode"] == "TEST" and i["file_mode"] == "0644" for i in infos.values())

    runs = [run]
    for check in (True, False):
        run = run_module("ctx_mode", args, check=check, verbosity=4)
        assert not run.failed and run.changed, run.output[-2000:]
        runs.append(run)
        for shop in run.result["shops"]:
            info = shop["info"]
            assert info["name"] == shop["name"] and info["store"] == shop["store"]
            if check:  # as read: nothing was written
                assert info["ctx_mode"] == "TEST" and info["key_prod_fingerprint"] is None
                assert info["file_mode"] == "0644" and not info["ready_for_production"]
            else:  # read again from the new file
                assert info["ctx_mode"] == "PRODUCTION" and info["ready_for_production"], info
                assert info["key_prod_fingerprint"] == _fingerprint(KEYS[shop["name"]])
                assert info["file_mode"] == "0640" == "%04o" % (os.stat(paths[shop["name"]]).st_mode & 0o7777)
    assert snapshot(list(paths.values())) != before

    run = run_module("ctx_mode", args)  # nothing left to change; the read-back still says what the stores hold
    assert not run.changed and all(s["info"]["ctx_mode"] == "PRODUCTION" for s in run.result["shops"])
    text = "\n".join(r.output for r in runs + [run])
    for key in KEYS.values():
        assert key not in text and key[:12] not in text
    assert_vvvv(text)

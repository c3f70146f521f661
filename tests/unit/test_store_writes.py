"""The write path: conflicts, missing names, modes and owners, size, lock, temp files, backups, masking.

Runs Batch with the real operations (support.stores); only the Ansible module object stands in.
"""

import fcntl
import grp
import os
import stat

import pytest

from ansible_collections.vads.shop.plugins.module_utils import batch as batch_mod
from ansible_collections.vads.shop.plugins.module_utils import store as store_mod
from support.stores import Failed, run_batch

KEY_TEST = "AbCd1234EfGh5678"
KEY_PROD = "Zy9Xw8Vu7Ts6Rq5P"
OTHER = "Mn4Bv5Cx6Zl7Kj8H"


def write(path, text, mode=0o600):
    path.write_text(text)
    os.chmod(path, mode)
    return path


def state(folder):
    return dict((p.name, (p.read_bytes(), stat.S_IMODE(p.stat().st_mode))) for p in sorted(folder.iterdir())
                if not p.name.endswith(".vads-lock"))


def fails(operation, shops, fragment, folder, **top):
    before = state(folder)
    with pytest.raises(Failed) as caught:
        run_batch(operation, shops, **top)
    assert fragment in caught.value.msg, caught.value.msg
    for secret in (KEY_TEST, KEY_PROD, OTHER):
        assert secret not in caught.value.msg and secret not in repr(caught.value.result)
    assert state(folder) == before, "a failed run changed a file"
    return caught.value.msg


@pytest.fixture
def env(tmp_path):
    return write(tmp_path / "shop.env", "VADS_SITE_ID=40127895\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=%s\n"
                 "VADS_KEY_PROD=%s\n" % (KEY_TEST, KEY_PROD))


def dotenv(path, **extra):
    return dict({"type": "dotenv", "path": str(path)}, **extra)


# --- conflicts on the wanted values, whatever the current value -------------------------------

def test_conflict_when_one_wanted_value_is_already_there(env):
    shops = [{"name": "a", "store": dotenv(env), "value": KEY_PROD},  # already the current value
             {"name": "b", "store": dotenv(env), "value": OTHER, "replace": True}]
    msg = fails("certificate", shops, "shop 'b': it wants VADS_KEY_PROD set to sha256:", env.parent, mode="PRODUCTION")
    assert "which shop 'a' wants set to sha256:" in msg


def test_conflict_absent_against_a_value(env):
    shops = [{"name": "a", "store": dotenv(env), "state": "absent"},
             {"name": "b", "store": dotenv(env), "value": KEY_PROD, "replace": True}]
    fails("certificate", shops, "it wants VADS_KEY_PROD set to", env.parent, mode="PRODUCTION")


def test_conflict_on_a_one_key_store(tmp_path):
    path = write(tmp_path / "django.env", "VADS_CTX_MODE=TEST\nVADS_CERTIFICATE=%s\n" % KEY_TEST)
    store = dotenv(path, keys={"key": "VADS_CERTIFICATE"})
    shops = [{"name": "a", "store": store, "mode": "TEST", "key": KEY_TEST},
             {"name": "b", "store": store, "mode": "TEST", "key": OTHER}]
    fails("ctx_mode", shops, "it wants VADS_CERTIFICATE set to", tmp_path)
    # Same wishes are no conflict, and nothing needs writing.
    result = run_batch("ctx_mode", [dict(shops[0]), dict(shops[0], name="c")])
    assert not result["changed"]


# --- a mapped name must exist unless create says so ---------------------------------------------

def test_absent_mapped_name_is_an_error_naming_what_the_file_holds(tmp_path):
    path = write(tmp_path / "shop.env", "PAYZEN_SITE_ID=40127895\nPAYZEN_CTX_MODE=TEST\nPAYZEN_KEY_TEST=%s\n" % KEY_TEST)
    store = dotenv(path, keys={"site_id": "PAYZEN_SITE_ID", "ctx_mode": "PAYZEN_MODE", "key_test": "PAYZEN_KEY_TEST",
                               "key_prod": "PAYZEN_KEY_PROD"})
    msg = fails("ctx_mode", [{"name": "a", "store": store, "mode": "TEST"}], "PAYZEN_MODE (store.keys.ctx_mode) is "
                "not in", tmp_path)
    assert "which holds PAYZEN_CTX_MODE, " in msg and "store.create: true" in msg
    run_batch("ctx_mode", [{"name": "a", "store": dict(store, create=True), "mode": "TEST"}])
    assert path.read_text().endswith("PAYZEN_MODE=TEST\n")


def test_default_names_and_fresh_files_are_still_created(tmp_path):
    ours = write(tmp_path / "ours.env", "VADS_CTX_MODE=TEST\nVADS_KEY_TEST=%s\n" % KEY_TEST)
    run_batch("certificate", [{"name": "a", "store": dotenv(ours), "mode": "PRODUCTION", "value": KEY_PROD, "replace": True}])
    assert ours.read_text().endswith("VADS_KEY_PROD=%s\n" % KEY_PROD)
    fresh = write(tmp_path / "fresh.yaml", "# filled by the collection\n")
    run_batch("ctx_mode", [{"name": "b", "mode": "TEST",
                            "store": {"type": "yaml", "path": str(fresh), "keys": {"ctx_mode": "payzen.mode"}}}])
    assert fresh.read_text() == "# filled by the collection\npayzen:\n  mode: TEST\n"
    never = write(tmp_path / "never.env", "VADS_CTX_MODE=TEST\n")
    fails("certificate", [{"name": "c", "store": dotenv(never, create=False), "mode": "PRODUCTION", "value": KEY_PROD, "replace": True}],
          "VADS_KEY_PROD (store.keys.key_prod) is not in", tmp_path)


# --- modes and owners ------------------------------------------------------------------------

def _group():
    for name in ("www-data", "nogroup", "daemon"):
        try:
            return grp.getgrnam(name).gr_gid
        except KeyError:
            continue
    pytest.skip("no non-root group on this machine")


@pytest.mark.skipif(os.geteuid() != 0, reason="changing a file's group to another one needs root")
def test_0640_root_www_data_is_kept_with_a_key_written(env):
    gid = _group()
    os.chown(env, 0, gid)
    os.chmod(env, 0o640)
    result = run_batch("certificate", [{"name": "a", "store": dotenv(env), "mode": "PRODUCTION", "value": OTHER, "replace": True}])
    st = env.stat()
    assert (stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid) == (0o640, 0, gid)
    assert result["shops"][0]["file_mode"] == "0640" and KEY_PROD not in env.read_text()


def test_only_other_access_is_removed_and_never_widened(env):
    os.chmod(env, 0o664)
    run_batch("certificate", [{"name": "a", "store": dotenv(env), "mode": "PRODUCTION", "value": OTHER, "replace": True}])
    assert stat.S_IMODE(env.stat().st_mode) == 0o660
    os.chmod(env, 0o400)
    run_batch("certificate", [{"name": "a", "store": dotenv(env), "mode": "PRODUCTION", "value": KEY_PROD, "replace": True}])
    assert stat.S_IMODE(env.stat().st_mode) == 0o400


def test_explicit_mode_owner_group(env):
    gid = _group() if os.geteuid() == 0 else os.getegid()
    run_batch("certificate", [{"name": "a", "mode": "PRODUCTION", "value": OTHER, "replace": True,
                               "store": dotenv(env, file_mode="0640", group=str(gid))}])
    assert stat.S_IMODE(env.stat().st_mode) == 0o640 and env.stat().st_gid == gid
    fails("certificate", [{"name": "a", "mode": "PRODUCTION", "value": KEY_PROD, "replace": True,
                           "store": dotenv(env, file_mode="0644")}], "would let every user of the server read the key",
          env.parent)
    fails("certificate", [{"name": "a", "mode": "PRODUCTION", "value": KEY_PROD, "replace": True,
                           "store": dotenv(env, owner="no-such-user-vads")}], "store.owner 'no-such-user-vads' is not",
          env.parent)


# --- size ----------------------------------------------------------------------------------

def test_size_limit(tmp_path):
    path = write(tmp_path / "big.json", '{"vads": {"ctx_mode": "TEST"}, "pad": "%s"}' % ("x" * (11 * 1024 * 1024)))
    msg = fails("ctx_mode", [{"name": "a", "store": {"type": "json", "path": str(path)}, "mode": "PRODUCTION",
                              "force": True}], "is 11.0 MB, more than the 10 MB", tmp_path)
    assert "store.max_size_mb" in msg
    result = run_batch("shop_info", [{"name": "a", "store": {"type": "json", "path": str(path), "max_size_mb": 12}}])
    assert result["shops"][0]["ctx_mode"] == "TEST"


def test_a_file_that_grows_while_it_is_read_is_read_whole_within_the_limit(tmp_path, monkeypatch):
    """The store reads what fstat reported, then the rest if the file had grown: never more than the limit."""
    path = write(tmp_path / "shop.env", "PAD=%s\nVADS_CTX_MODE=TEST\n" % ("x" * 5000))  # the setting last
    real_fstat = os.fstat

    def stale_fstat(fd):  # as if the file had been 4,000 bytes shorter when fstat looked
        found = real_fstat(fd)
        values = list(found)
        values[stat.ST_SIZE] = found.st_size - 4000
        return os.stat_result(values)

    monkeypatch.setattr(store_mod.os, "fstat", stale_fstat)
    result = run_batch("shop_info", [{"name": "a", "store": {"type": "dotenv", "path": str(path)}}])
    assert result["shops"][0]["ctx_mode"] == "TEST"
    path.write_text("VADS_CTX_MODE=TEST\nPAD=%s\n" % ("x" * (1024 * 1024 + 10)))
    msg = fails("shop_info", [{"name": "a", "store": {"type": "dotenv", "path": str(path), "max_size_mb": 1}}],
                "grew past store.max_size_mb while it was read", tmp_path)
    assert str(path) in msg


# --- lock ------------------------------------------------------------------------------------

def test_a_held_lock_makes_the_run_wait_then_fail_clearly(env):
    lock = env.parent / ".shop.env.vads-lock"
    fd = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        msg = fails("certificate", [{"name": "a", "store": dotenv(env, lock_timeout=1), "mode": "PRODUCTION",
                                     "value": OTHER, "replace": True}], "another run is changing", env.parent)
        assert "waited 1 s" in msg and "store.lock_timeout" in msg
        # Readers (shop_info, check mode) do not wait for writers: every write is an atomic rename.
        assert run_batch("shop_info", [{"name": "a", "store": dotenv(env)}])["shops"][0]["ctx_mode"] == "TEST"
        assert run_batch("certificate", [{"name": "a", "store": dotenv(env), "mode": "PRODUCTION", "value": OTHER, "replace": True}],
                         check=True)["changed"]
    finally:
        os.close(fd)
    run_batch("certificate", [{"name": "a", "store": dotenv(env), "mode": "PRODUCTION", "value": OTHER, "replace": True}])
    assert OTHER in env.read_text()


def test_the_file_is_read_again_after_the_lock(env, monkeypatch):
    """A run that read the file, then waited for the lock, writes on top of what the other run wrote."""
    original = store_mod.FileBackend.lock

    def lock_after_someone_else_wrote(self, *args):
        if not getattr(lock_after_someone_else_wrote, "done", False):
            lock_after_someone_else_wrote.done = True
            run_batch("ctx_mode", [{"name": "other", "store": dotenv(env), "mode": "PRODUCTION"}])
        return original(self, *args)

    monkeypatch.setattr(store_mod.FileBackend, "lock", lock_after_someone_else_wrote)
    run_batch("certificate", [{"name": "a", "store": dotenv(env), "mode": "TEST", "value": OTHER, "replace": True}])
    text = env.read_text()
    assert "VADS_CTX_MODE=PRODUCTION\n" in text and "VADS_KEY_TEST=%s\n" % OTHER in text


# --- temporary files and backups ------------------------------------------------------------------

def test_stale_temporary_files_are_removed_and_reported(env):
    stale = [env.parent / ".shop.env.vads-tmp-k3j2h1", env.parent / ".shop.env.a1b2c3d4.tmp"]
    for path in stale:
        write(path, "VADS_KEY_PROD=%s\n" % KEY_PROD)
    keep = write(env.parent / ".other.env.vads-tmp-x", "")
    result = run_batch("certificate", [{"name": "a", "store": dotenv(env), "mode": "PRODUCTION", "value": OTHER, "replace": True}])
    assert not any(p.exists() for p in stale) and keep.exists()
    assert "removed 2 temporary file(s) that an interrupted run left next to %s" % env in result["warnings"]


def test_temporary_file_is_0600_and_named(env, monkeypatch):
    seen = []
    real = store_mod._write_all

    def spy(fd, data):
        st = os.fstat(fd)
        seen.append((stat.S_IMODE(st.st_mode), [p.name for p in env.parent.iterdir() if "vads-tmp" in p.name]))
        return real(fd, data)

    monkeypatch.setattr(store_mod, "_write_all", spy)
    os.chmod(env, 0o640)
    run_batch("certificate", [{"name": "a", "store": dotenv(env), "mode": "PRODUCTION", "value": OTHER, "replace": True}])
    assert seen and seen[0][0] == 0o600 and seen[0][1][0].startswith(".shop.env.vads-tmp-")
    assert stat.S_IMODE(env.stat().st_mode) == 0o640


@pytest.mark.parametrize("failing", ["backup", "new file"])
def test_disk_full_keeps_no_partial_backup_and_no_temp_file(env, monkeypatch, failing):
    real = store_mod._write_all
    calls = []

    def full(fd, data):
        calls.append(len(data))
        if failing == "backup" or len(calls) > 1:
            os.write(fd, data[:len(data) // 2])
            raise OSError(28, "No space left on device")
        return real(fd, data)

    monkeypatch.setattr(store_mod, "_write_all", full)
    fails("certificate", [{"name": "a", "store": dotenv(env), "mode": "PRODUCTION", "value": OTHER, "replace": True}],
          "No space left on device", env.parent, backup=True)
    assert sorted(p.name for p in env.parent.iterdir()) == [".shop.env.vads-lock", "shop.env"]


def test_backup_is_complete(env):
    old = env.read_bytes()
    result = run_batch("certificate", [{"name": "a", "store": dotenv(env), "mode": "PRODUCTION", "value": OTHER, "replace": True}],
                       backup=True)
    backup = result["shops"][0]["backup_file"]
    with open(backup, "rb") as handle:
        assert handle.read() == old
    assert stat.S_IMODE(os.stat(backup).st_mode) == 0o600


def test_no_system_wide_sync(env, monkeypatch):
    monkeypatch.setattr(os, "sync", lambda: pytest.fail("os.sync() flushes every disk of the server"))
    synced = []
    real = os.fsync
    monkeypatch.setattr(os, "fsync", lambda fd: synced.append(fd) or real(fd))
    run_batch("certificate", [{"name": "a", "store": dotenv(env), "mode": "PRODUCTION", "value": OTHER, "replace": True}])
    assert len(synced) >= 2  # the new file, then its folder


# --- URLs with a password never printed ---------------------------------------------------------

def test_url_password_masked_in_diffs(tmp_path):
    path = write(tmp_path / "shop.env", "VADS_CTX_MODE=TEST\nVADS_KEY_TEST=%s\nVADS_KEY_PROD=%s\n"
                 "VADS_URL_CHECK=https://ipn:S3cretPw@shop.example.com/ipn\n" % (KEY_TEST, KEY_PROD))
    result = run_batch("ctx_mode", [{"name": "a", "store": dotenv(path), "mode": "PRODUCTION"}])
    text = repr(result)
    assert "S3cretPw" not in text and "https://ipn:********@shop.example.com/ipn" in text
    info = run_batch("shop_info", [{"name": "a", "store": dotenv(path)}])
    assert "S3cretPw" not in repr(info)


# --- shop_info reads what the write path reads ----------------------------------------------------

@pytest.mark.parametrize("kind,text", [
    ("dotenv", "\ufeffVADS_SITE_ID=40127895\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=%s\nVADS_KEY_PROD=%s\n"),
    ("yaml", '{"vads": {"site_id": "40127895", "ctx_mode": "TEST", "key_test": "%s", "key_prod": "%s"}}\n'),
    ("yaml", "base: &b\n  site_id: '40127895'\n  ctx_mode: TEST\nvads:\n  <<: *b\n  key_test: %s\n  key_prod: %s\n"),
    ("yaml", "vads: {site_id: '40127895', ctx_mode: TEST, key_test: %s, key_prod: %s}\n"),
    ("yaml", "\ufeffvads.site_id: '40127895'\nvads.ctx_mode: TEST\nvads.key_test: %s\nvads.key_prod: |-\n  %s\n"),
    ("json", '\ufeff{"vads.site_id": "40127895", "vads.ctx_mode": "TEST", "vads.key_test": "%s",\n'
             ' "vads.key_prod": "%s"}'),
])
def test_shop_info_reads_odd_stores_as_the_write_path_does(tmp_path, kind, text):
    path = write(tmp_path / "store", text % (KEY_TEST, KEY_PROD))
    info = run_batch("shop_info", [{"name": "a", "store": {"type": kind, "path": str(path)}}])["shops"][0]
    assert (info["site_id"], info["ctx_mode"], info["ready_for_production"]) == ("40127895", "TEST", True), info
    from ansible_collections.vads.shop.plugins.module_utils.rules import fingerprint
    assert (info["key_test_fingerprint"], info["key_prod_fingerprint"]) == (fingerprint(KEY_TEST), fingerprint(KEY_PROD))
    run_batch("ctx_mode", [{"name": "a", "store": {"type": kind, "path": str(path)}, "mode": "PRODUCTION"}])
    after = run_batch("shop_info", [{"name": "a", "store": {"type": kind, "path": str(path)}}])["shops"][0]
    assert after["ctx_mode"] == "PRODUCTION" and after["key_prod_fingerprint"] == fingerprint(KEY_PROD)


def test_a_folder_that_cannot_be_synced_is_reported_with_the_files_in_place(tmp_path, monkeypatch):
    paths = []
    for i in range(3):
        path = tmp_path / ("shop%d.env" % i)
        path.write_text("VADS_CTX_MODE=TEST\nVADS_KEY_TEST=%s\nVADS_KEY_PROD=%s\n" % (KEY_TEST, KEY_PROD))
        paths.append(path)

    def no_sync(folder):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(batch_mod, "fsync_folder", no_sync)
    with pytest.raises(Failed) as failed:
        run_batch("ctx_mode", [{"name": "s%d" % i, "store": dotenv(p), "mode": "PRODUCTION"} for i, p in enumerate(paths)])
    # What is read back: every file is new; the message says so, and that only the folder sync failed.
    assert all("VADS_CTX_MODE=PRODUCTION" in p.read_text() for p in paths)
    assert "are in place" in failed.value.msg and "Input/output error" in failed.value.msg
    assert failed.value.result["changed"] is True

"""Two runs at once lose no update; a run killed at any point leaves every file old or new, no temp file."""

import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

TESTS = Path(__file__).resolve().parents[1]
EDITS = 100  # per process: hundreds of overlapping edits in all


@pytest.fixture
def folder(tmp_path):
    """A private folder, in memory when the machine has one: these tests measure logic, not the disk's fsync."""
    base = "/dev/shm" if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK) else str(tmp_path)
    path = Path(tempfile.mkdtemp(prefix="vads-races-", dir=base))
    yield path
    shutil.rmtree(str(path), ignore_errors=True)


def child(operation, shops, repeat):
    env = dict(os.environ, PYTHONPATH=str(TESTS) + os.pathsep + os.environ.get("PYTHONPATH", ""))
    return subprocess.Popen([sys.executable, "-m", "support.stores", operation, json.dumps(shops), str(repeat)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def key(prefix, i):
    return "%s%015d" % (prefix, i)


def test_two_processes_editing_one_file_lose_no_update(folder):
    path = folder / "shop.env"
    path.write_text("# shared by two pipelines\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=AbCd1234EfGh5678\n")
    procs = []
    for who in ("A", "B"):
        # Each edit of each process writes its own setting (a new name), so a lost update is a missing name.
        store = {"type": "dotenv", "path": str(path), "create": True,
                 "keys": {"key_test": "%s_{i}" % who, "key_prod": None, "ctx_mode": None, "site_id": None,
                          "sign_algo": None, "url_check": None}}
        procs.append(child("certificate", [{"name": who, "store": store, "mode": "TEST",
                                            "value": who + "bCd1234EfGh{i}x000"}], EDITS))
    for proc in procs:
        _out, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err[-2000:]
    text = path.read_text()
    for who in ("A", "B"):
        for i in range(EDITS):
            assert "%s_%d=%sbCd1234EfGh%dx000\n" % (who, i, who, i) in text, "an update was lost"
    assert text.startswith("# shared by two pipelines\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=AbCd1234EfGh5678\n")
    assert len(text.splitlines()) == 3 + 2 * EDITS
    assert sorted(p.name for p in folder.iterdir()) == [".shop.env.vads-lock", "shop.env"]


def test_kill_9_at_random_points_leaves_old_or_new_and_no_temp_file_after_the_next_run(tmp_path):
    rng = random.Random(1212)  # the same kill points on every run
    folder = tmp_path  # on disk: staging includes a real fsync
    path = folder / "shop.env"
    # A few MB of comments: staging (write, fsync, rename) takes long enough to be hit by the kills.
    padding = "".join("# %s\n" % ("x" * 70) for _line in range(8000))
    original = padding + "VADS_CTX_MODE=TEST\nVADS_KEY_TEST=AbCd1234EfGh5678\n"
    path.write_text(original)
    written = set(["AbCd1234EfGh5678"])
    store = {"type": "dotenv", "path": str(path)}
    hit_staging = 0
    # How long one whole run takes here (imports aside): kills land anywhere in the first few runs.
    timing = child("shop_info", [{"name": "a", "store": store}], 5)
    assert timing.stdout.readline() == "ready\n"
    started = time.monotonic()
    timing.communicate(timeout=120)
    one_run = (time.monotonic() - started) / 5
    for attempt in range(60):
        values = ["K%03dbCd1234EfGh{i}" % attempt]
        proc = child("certificate", [{"name": "a", "store": store, "mode": "TEST", "value": values[0]}], 1000)
        assert proc.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0.0, 4 * one_run))
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        written.update("K%03dbCd1234EfGh%d" % (attempt, i) for i in range(1000))
        # Every file is old or new: complete, parseable, the padding intact, a key some run wrote.
        text = path.read_text()
        assert text.startswith(padding) and text.endswith("\n")
        assert text[len(padding):].startswith("VADS_CTX_MODE=TEST\nVADS_KEY_TEST=")
        assert text[len(padding):].split("VADS_KEY_TEST=")[1].rstrip("\n") in written
        leftovers = [p.name for p in folder.iterdir() if "vads-tmp" in p.name]
        hit_staging += bool(leftovers)
        if hit_staging >= 3:
            break
    assert hit_staging, "no kill landed while a file was staged: the test did not test staging"
    result = child("certificate", [{"name": "a", "store": store, "mode": "TEST", "value": "Z" * 8 + "bCd1234E"}], 1)
    _out, err = result.communicate(timeout=120)
    assert result.returncode == 0, err[-2000:]
    assert sorted(p.name for p in folder.iterdir()) == [".shop.env.vads-lock", "shop.env"]
    assert path.read_text() == padding + "VADS_CTX_MODE=TEST\nVADS_KEY_TEST=ZZZZZZZZbCd1234E\n"

"""A sandbox, a private MariaDB and a live fleet for the audit tests (module scope: built once per file)."""

from __future__ import annotations

import itertools
import os
import shutil
import sys
import tempfile

import pytest

from support.mariadb import MariaDB
from support.runner import REPO

sys.path.insert(0, str(REPO / "tools"))
from demo_fleet import Sandbox  # noqa: E402

# Site ids of different test files never collide in one sandbox (each file has its own sandbox anyway).
_site_ids = itertools.count(41000001 + (os.getpid() % 50) * 1000, 100)


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    box = Sandbox(tmp_path_factory.mktemp("sandbox"), retry_schedule="0.2,0.2,0.2,0.2").start()
    yield box
    box.stop()


@pytest.fixture(scope="module")
def mariadb():
    if not shutil.which("mariadbd") and not os.path.exists("/usr/sbin/mariadbd"):
        pytest.fail("mariadb-server is not installed: run tools/install-system-packages.sh")
    base = tempfile.mkdtemp(prefix="vads-audit-mariadb-")
    server = MariaDB(base).start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def next_site_id():
    return lambda: next(_site_ids)

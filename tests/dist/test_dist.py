"""`make dist`: the tarball and the wheel install into a fresh venv and run the go-live by name."""

import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.slow
def test_make_dist_builds_installs_and_goes_live(tmp_path):
    env = dict(os.environ, DIST_DIR=str(tmp_path / "dist"), DIST_WORKDIR=str(tmp_path / "work"),
               VENV=str(Path(sys.executable).parent.parent))
    proc = subprocess.run([str(REPO / "tools" / "dist.sh")], cwd=str(REPO), env=env, capture_output=True, text=True,
                          timeout=1500, check=False)
    out = proc.stdout + proc.stderr
    assert proc.returncode == 0, out[-6000:]
    assert "dist: ansible-runner ran vads.shop.golive: successful (rc 0)" in out
    assert "3 shops read back in PRODUCTION by the installed vads.shop.shop_info" in out
    assert re.search(r"ansible-doc renders [0-9]+ modules and 3 roles from the installed collection", out)
    tarball = next((tmp_path / "dist").glob("vads-shop-*.tar.gz"))
    names = tarfile.open(tarball).getnames()
    assert "meta/runtime.yml" in names and "meta/execution-environment.yml" in names and "bindep.txt" in names
    assert not [n for n in names if n.split("/")[0] in ("tests", "tools", "bench", "sandbox", "Makefile",
                                                         "ansible.cfg", "requirements-dev.txt")]
    assert list((tmp_path / "dist").glob("vads_sandbox-*-py3-none-any.whl"))

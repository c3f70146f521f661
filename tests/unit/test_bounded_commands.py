"""Commands the modules run through AnsibleModule.run_command (which has no time limit) are bounded."""
from __future__ import annotations

import subprocess

import pytest

from ansible_collections.vads.shop.plugins.module_utils import magento_crypt, store_db


def _run(args, cwd=None, **_kwargs):
    """run_command's contract (rc, stdout, stderr), at the process boundary."""
    proc = subprocess.run(args, cwd=cwd, capture_output=True, text=True, check=False)
    return proc.returncode, proc.stdout, proc.stderr


def test_a_hanging_bin_magento_is_stopped_with_a_clear_error(tmp_path, monkeypatch):
    (tmp_path / "bin").mkdir()
    magento = tmp_path / "bin" / "magento"
    magento.write_text("#!/bin/sh\nexec sleep 30\n")
    magento.chmod(0o755)
    monkeypatch.setattr(store_db, "CACHE_CLEAN_SECONDS", 1)
    with pytest.raises(store_db.StoreError) as err:
        store_db._clean_magento_cache(str(tmp_path), _run)
    assert "did not end within 1 s (stopped)" in str(err.value) and "by hand" in str(err.value)


def test_a_command_that_ends_in_time_keeps_its_exit_code(tmp_path):
    assert _run(magento_crypt.bounded(["sh", "-c", "exit 3"], 5))[0] == 3
    assert magento_crypt.bounded(["php", "-v"], 60)[-2:] == ["php", "-v"]

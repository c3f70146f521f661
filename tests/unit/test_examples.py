"""The example inventory parses, its vault decrypts, and every shop resolves to the inventory contract."""

import json
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def test_example_inventory_decrypts_and_follows_the_contract(tmp_path):
    password = tmp_path / "pw"
    password.write_text("example-vault-password\n")
    proc = subprocess.run([str(BIN / "ansible"), "merchants", "-i", str(REPO / "examples" / "inventory"),
                           "--vault-password-file", str(password), "-m", "ansible.builtin.debug",
                           "-a", "msg={{ vads_shops | map(attribute='key_prod') | map('vads.shop.fingerprint') }}"],
                          capture_output=True, text=True, check=False, cwd=str(REPO))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("sha256:") == 5
    assert "Xq7RtY2mN9pL4sKw" not in proc.stdout
    listed = subprocess.run([str(BIN / "ansible-inventory"), "-i", str(REPO / "examples" / "inventory"), "--list",
                             "--vault-password-file", str(password)],
                            capture_output=True, text=True, check=True, cwd=str(REPO))
    hostvars = json.loads(listed.stdout)["_meta"]["hostvars"]
    for host in ("web-lyon", "web-paris", "db-sud"):
        for shop in hostvars[host]["vads_shops"]:
            assert set(shop) >= {"name", "site_id", "store", "notification_url"}
            assert len(shop["site_id"]) == 8 and shop["notification_url"].startswith("https://")

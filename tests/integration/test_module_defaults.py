"""meta/runtime.yml action groups: `module_defaults` sets a store once for every vads.shop module of a play."""

import json

from support.runner import PYTHON, run_playbook


def test_module_defaults_group_sets_the_store_once(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("VADS_SITE_ID=41234567\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=1234567890123456\n")
    env_file.chmod(0o600)  # a file holding a key is kept owner-only: nothing for ctx_mode to change
    play = [{
        "name": "module_defaults through the collection's action group",
        "hosts": "localhost",
        "gather_facts": False,
        "vars": {"ansible_python_interpreter": PYTHON},
        "module_defaults": {"group/vads.shop.all": {"store": {"type": "dotenv", "path": str(env_file)}}},
        "tasks": [
            {"name": "Read the shop", "vads.shop.shop_info": {"name": "boutique"}, "register": "before"},
            {"name": "Switch back to TEST (no change)", "vads.shop.ctx_mode": {"mode": "TEST"}, "register": "mode"},
            {"name": "Results", "ansible.builtin.assert": {"that": [
                "before.shops[0].site_id == '41234567'",
                "before.shops[0].ctx_mode == 'TEST'",
                "mode is not changed",
            ]}},
        ],
    }]
    playbook = tmp_path / "play.yml"
    playbook.write_text(json.dumps(play))
    rc, out = run_playbook(playbook, inventory="localhost,", extra_vars={"ansible_connection": "local"})
    assert rc == 0, out
    assert "failed=0" in out

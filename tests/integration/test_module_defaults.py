"""meta/runtime.yml action groups: `module_defaults` sets a store, a Back Office or the HTTP options once for every
vads.shop module of a play that takes it (a group of modules that do not all take an option would fail them)."""

import importlib
import json

import yaml

from support.runner import PYTHON, REPO, run_playbook

REST_KEYS = {"rest_private_key_prod": "REST_PRIVATE_KEY_PROD", "rest_public_key_prod": "REST_PUBLIC_KEY_PROD",
             "rest_hmac_key_prod": "REST_HMAC_KEY_PROD"}


def _play(tmp_path, module_defaults, tasks):
    env_file = tmp_path / ".env"
    env_file.write_text("VADS_SITE_ID=41234567\nVADS_CTX_MODE=TEST\nVADS_KEY_TEST=1234567890123456\n")
    env_file.chmod(0o600)  # a file holding a key is kept owner-only: nothing for ctx_mode to change
    store = {"type": "dotenv", "path": str(env_file), "keys": REST_KEYS}
    play = [{
        "name": "module_defaults through the collection's action groups",
        "hosts": "localhost",
        "gather_facts": False,
        "vars": {"ansible_python_interpreter": PYTHON},
        "module_defaults": json.loads(json.dumps(module_defaults).replace('"STORE"', json.dumps(store))),
        "tasks": tasks,
    }]
    playbook = tmp_path / "play.yml"
    playbook.write_text(json.dumps(play))
    before = env_file.read_text()
    rc, out = run_playbook(playbook, inventory="localhost,", extra_vars={"ansible_connection": "local"})
    assert rc == 0, out
    assert "failed=0" in out
    assert env_file.read_text() == before
    return out


def test_module_defaults_group_sets_the_store_once(tmp_path):
    _play(tmp_path, {"group/vads.shop.all": {"store": "STORE"}}, [
        {"name": "Read the shop", "vads.shop.shop_info": {"name": "boutique"}, "register": "before"},
        {"name": "Switch back to TEST (no change)", "vads.shop.ctx_mode": {"mode": "TEST"}, "register": "mode"},
        {"name": "No production REST keys to remove", "vads.shop.rest_keys": {"mode": "PRODUCTION", "state": "absent"},
         "register": "rest"},
        {"name": "Results", "ansible.builtin.assert": {"that": [
            "before.shops[0].site_id == '41234567'",
            "before.shops[0].ctx_mode == 'TEST'",
            "mode is not changed",
            "rest is not changed",
        ]}},
    ])


def test_module_defaults_groups_set_the_back_office_and_the_store(tmp_path):
    """The manual adapter (the real platform) set once: the URL step is pending manual work, and the preflight
    reads the store from the all group's default."""
    url = "https://boutique.example.com/payzen/ipn"
    _play(tmp_path, {"group/vads.shop.all": {"store": "STORE"},
                     "group/vads.shop.backoffice": {"backoffice": {"adapter": "manual"}},
                     "group/vads.shop.gateway": {"validate_certs": True}}, [
        {"name": "The PRODUCTION URL", "vads.shop.notification_url": {"site_id": "41234567", "url": url},
         "register": "registered"},
        {"name": "Preflight", "vads.shop.preflight": {"name": "boutique", "site_id": "41234567",
                                                      "notification_url": url}, "register": "checked"},
        {"name": "Results", "ansible.builtin.assert": {"that": [
            "registered.shops[0].status == 'pending_manual'",
            "checked.shops[0].notification_url.status == 'pending_manual'",
            "checked.shops[0].info.site_id == '41234567'",
            "checked.problems == []",
        ]}},
    ])


def test_every_module_of_a_group_takes_the_options_the_group_is_for():
    groups = yaml.safe_load((REPO / "meta" / "runtime.yml").read_text())["action_groups"]
    wanted = {"all": ["store"], "merchant": ["store"], "backoffice": ["backoffice"],
              "gateway": ["validate_certs", "ca_path", "client_cert", "client_key", "use_proxy"]}
    assert sorted(groups) == sorted(wanted)
    modules = sorted(p.stem for p in (REPO / "plugins" / "modules").glob("*.py") if p.stem != "__init__")
    for group, members in groups.items():
        assert set(members) <= set(modules), group
        for module in members:
            missing = [o for o in wanted[group] if o not in _module_options(module)]
            assert not missing, (group, module, missing)
    # every module that takes a store is in all
    takes_store = [m for m in modules if "store" in _module_options(m)]
    assert sorted(groups["all"]) == sorted(takes_store)


def _module_options(module):
    text = (REPO / "plugins" / "modules" / (module + ".py")).read_text()
    doc = yaml.safe_load(text.split('DOCUMENTATION = r"""', 1)[1].split('"""', 1)[0])
    options = set(doc.get("options") or {})
    for fragment in doc.get("extends_documentation_fragment") or []:
        options |= _fragment_options(fragment)
    return options


def _fragment_options(name):
    if not name.startswith("vads.shop."):
        return set()
    parts = name.split(".")[2:]
    module = importlib.import_module("ansible_collections.vads.shop.plugins.doc_fragments." + parts[0])
    attribute = parts[1].upper() if len(parts) > 1 else "DOCUMENTATION"
    return set((yaml.safe_load(getattr(module.ModuleDocFragment, attribute)) or {}).get("options") or {})

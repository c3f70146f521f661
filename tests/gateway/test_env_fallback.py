"""Credentials from the environment (env_fallback): the play's `environment:`, or the environment ansible-playbook
runs in (an AWX/AAP credential's injector), gives the Back Office token and the REST password; the modules use
them (the sandbox answers only to the right ones) and never show them.

ansible-core itself prints a play's `environment:` in its EXEC lines from -vvv on (not the modules' doing): that
way is checked up to -vv, the inherited environment at -vvvv."""
from __future__ import annotations

import json

from support.runner import PYTHON, run_module, run_playbook


def test_token_and_rest_password_from_the_environment(sandbox, tmp_path):
    site_id, certs = sandbox.new_shop(production_key=True)
    password = certs["production_rest_password"]
    url = sandbox.url + "/demo-merchant/ipn/%s" % site_id
    play = [{
        "name": "Credentials from the environment",
        "hosts": "localhost",
        "gather_facts": False,
        "vars": {"ansible_python_interpreter": PYTHON},
        "environment": {"VADS_BACKOFFICE_TOKEN": sandbox.token, "VADS_REST_PASSWORD": password},
        "tasks": [
            {"name": "Register the URL (the token comes from the environment)",
             "vads.shop.notification_url": {"site_id": site_id, "mode": "PRODUCTION", "url": url,
                                            "backoffice": {"adapter": "sandbox", "url": sandbox.url}},
             "register": "rule"},
            {"name": "Look a payment up (the REST password comes from the environment)",
             "vads.shop.transaction": {"site_id": site_id, "api_url": sandbox.url, "order_id": "NO-SUCH-ORDER",
                                       "missing_ok": True},
             "register": "tx"},
            {"name": "Results", "ansible.builtin.assert": {"that": [
                "rule is changed",
                "rule.shops[0].status == 'registered'",
                "tx.shops[0].found == false",
                "tx.shops[0].mode == 'PRODUCTION'",
            ]}},
        ],
    }]
    playbook = tmp_path / "play.yml"
    playbook.write_text(json.dumps(play))
    rc, out = run_playbook(playbook, inventory="localhost,", extra_vars={"ansible_connection": "local"},
                           verbosity=2)
    assert rc == 0 and "failed=0" in out, out
    assert sandbox.api("GET", "shops/%s/notification-rules/payment-end" % site_id)["production_url"] == url
    assert sandbox.token not in out and password not in out

    # The same play with the variables in ansible-playbook's own environment, at -vvvv: nothing changes now.
    del play[0]["environment"]
    play[0]["tasks"][-1]["ansible.builtin.assert"]["that"][0] = "rule is not changed"
    playbook.write_text(json.dumps(play))
    rc, out = run_playbook(playbook, inventory="localhost,", extra_vars={"ansible_connection": "local"},
                           verbosity=4, env={"VADS_BACKOFFICE_TOKEN": sandbox.token, "VADS_REST_PASSWORD": password})
    assert rc == 0 and "failed=0" in out, out
    assert sandbox.token not in out and password not in out

    # Without the environment, nothing stands in: the sandbox refuses, the REST call has no password.
    bare = run_module("notification_url", {"site_id": site_id, "mode": "PRODUCTION", "url": url,
                                           "backoffice": {"adapter": "sandbox", "url": sandbox.url}})
    assert bare.failed and "token" in bare.result["msg"], bare.output
    tx = run_module("transaction", {"site_id": site_id, "api_url": sandbox.url, "order_id": "NO-SUCH-ORDER",
                                    "missing_ok": True})
    assert tx.failed and "password" in tx.result["msg"], tx.output

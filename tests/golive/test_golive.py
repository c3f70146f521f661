"""The golive, rotate_certificate and rollback playbooks on demo fleets, against a real sandbox on loopback."""

import json
import os
import re
import sys

import pytest

from support.runner import REPO, SHOWS_INVOCATION, assert_vvvv, run_module, run_playbook, with_test_caches

sys.path.insert(0, str(REPO / "tools"))
from demo_fleet import (Sandbox, build_fleet, build_manual_fleet, operator_before_switch, person_pays,  # noqa: E402
                        store_files, update_shop)

GOLIVE = REPO / "playbooks" / "golive.yml"


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory):
    box = Sandbox(tmp_path_factory.mktemp("sandbox"), retry_schedule="0.2,0.2,0.2,0.2").start()
    yield box
    box.stop()


_site_ids = iter(range(30000001, 39999999, 100))


@pytest.fixture
def fleet(sandbox, tmp_path):
    """build(hosts, extra_shop_vars, extra_vars) -> inventory dir; site ids never collide between tests."""
    def build(hosts, extra_shop_vars=None, extra_vars=None, subdir=""):
        inventory = build_fleet(tmp_path / subdir, sandbox, hosts, first_site_id=next(_site_ids),
                                extra_shop_vars=extra_shop_vars)
        if extra_vars:
            path = inventory / "group_vars" / "all.json"
            data = json.loads(path.read_text())
            data.update(extra_vars)
            path.write_text(json.dumps(data))
        return inventory
    return build


def recap(output):
    return dict((m.group(1), (int(m.group(2)), int(m.group(3))))
                for m in re.finditer(r"^(\S+)\s+:\s+ok=\d+\s+changed=(\d+)\s+unreachable=\d+\s+failed=(\d+)",
                                     output, re.M))


def shops_of(inventory):
    out = {}
    for path in (inventory / "host_vars").glob("*.json"):
        for shop in json.loads(path.read_text())["vads_shops"]:
            out[shop["name"]] = dict(shop, host=path.stem)
    return out


def sandbox_state(sandbox, site_ids):
    state = {}
    for site_id in site_ids:
        state[site_id] = [sandbox.api("GET", "shops/%s/%s" % (site_id, sub))
                          for sub in ("certificates", "notification-rules/payment-end", "transactions")]
        state[site_id].append(sandbox.api("GET", "outbox?site_id=%s" % site_id))
    return state


def files_state(tmp_path):
    return dict((str(p), (p.read_bytes(), p.stat().st_mode)) for p in store_files(tmp_path))


def secrets(sandbox, site_ids):
    found = [sandbox.token]
    for site_id in site_ids:
        certs = sandbox.api("GET", "shops/%s/certificates" % site_id)
        names = ("test_key", "production_key", "test_rest_password", "production_rest_password")
        found += [v for k, v in certs.items() if k in names and v]
    return found


def task_results(output, task):
    """The per-host statuses (ok, changed, skipping, failed, fatal) printed under each run of a task."""
    statuses = []
    for block in re.finditer(r"^TASK \[[^\]]*?%s[^\]]*\] \**\n(.*?)(?=^TASK |^PLAY |\Z)" % re.escape(task), output,
                             re.M | re.S):
        statuses += re.findall(r"^(ok|changed|skipping|failed|fatal): \[", block.group(1), re.M)
    return statuses


def report_hosts(tmp_path, sub=""):
    """The hosts of the latest fleet report (real runs; sub='dry-runs/<id>' for a dry run)."""
    doc = json.loads((tmp_path / "report" / sub / "golive-report.json").read_text())
    assert doc["run_id"] and doc["started"], doc
    return doc["hosts"]


def infos(shops):
    """Each shop's store as shop_info reads it now, all in one module call: {name: result}."""
    shops = list(shops)
    run = run_module("shop_info", {"shops": [{"name": s["name"], "store": s["store"]} for s in shops]})
    assert not run.failed and len(run.result["shops"]) == len(shops), run.output[-3000:]
    return dict((item["name"], item) for item in run.result["shops"])


def info(shop):
    return infos([shop])[shop["name"]]


def fingerprints(keys):
    """What the collection's own fingerprint filter shows for each key, in one run."""
    keys = list(keys)
    run = run_module("ansible.builtin.debug", {"msg": "{{ %s | map('vads.shop.fingerprint') | list }}" % json.dumps(keys)})
    return dict(zip(keys, run.result["msg"]))


def test_golive_dry_run_apply_and_rerun(sandbox, fleet, tmp_path):
    inventory = fleet({"web-a": [("a-env", "dotenv"), ("a-yaml", "yaml")],
                       "web-b": [("b-json", "json"), ("b-ini", "ini")]})
    shops = shops_of(inventory)
    ids = [s["site_id"] for s in shops.values()]
    files, state = files_state(tmp_path), sandbox_state(sandbox, ids)

    rc, dry = run_playbook(GOLIVE, inventory, check=True, diff=True)
    assert rc == 0, dry[-3000:]
    assert files_state(tmp_path) == files and sandbox_state(sandbox, ids) == state, "check mode changed something"
    for name in shops:
        assert re.search(r"\(%s\)\n@@.*\n(.*\n)*?\+ctx_mode: PRODUCTION" % re.escape(name), dry), name
        assert "+key_prod: (new production key)" in dry
    assert all(changed for host, (changed, failed) in recap(dry).items() if host != "localhost")

    rc, out = run_playbook(GOLIVE, inventory)
    assert rc == 0, out[-3000:]
    # The preflight is one module call a host, and changes nothing.
    results = task_results(out, "Read every shop's store and check every step's writes and the notification URL")
    assert results and set(results) == {"ok"}, results
    for task in ("Read every shop's store and check its target mode", "Check the PRODUCTION notification URLs",
                 "Check the production keys the inventory holds"):
        assert task_results(out, task) == [], (task, task_results(out, task))
    # Fewer, heavier tasks: the switch and the URL registration read their state back themselves, so the
    # report's own reads run only where a host stopped (in the rescue: not even listed here).
    for task in ("Read every shop's store after the stop", "Read back the PRODUCTION notification URLs"):
        assert task_results(out, task) == [], (task, task_results(out, task))
    report = report_hosts(tmp_path)
    rows = dict((r["shop"], r) for host in report for r in host["rows"])
    certs = dict((name, sandbox.api("GET", "shops/%s/certificates" % shop["site_id"])) for name, shop in shops.items())
    shown = fingerprints(c["production_key"] for c in certs.values())
    stores = infos(shops.values())
    for name, shop in shops.items():
        rule = sandbox.api("GET", "shops/%s/notification-rules/payment-end" % shop["site_id"])
        now = stores[name]
        assert now["ctx_mode"] == "PRODUCTION" and now["problems"] == [], now
        assert now["file_mode"] == "0640"  # the demo files were 0644: only "other" access is removed
        fingerprint = shown[certs[name]["production_key"]]
        assert fingerprint == fingerprint_of(certs[name]["production_key"])
        assert now["key_prod_fingerprint"] == fingerprint == rows[name]["key_fingerprint"]
        assert rule["production_url"] == shop["notification_url"]
        tx = sandbox.api("GET", "shops/%s/transactions?mode=PRODUCTION" % shop["site_id"])["transactions"]
        assert [t["status"] for t in tx] == ["CANCELLED"] and tx[0]["notification"]["status"] == "sent"
        assert rows[name]["first_payment_status"] == "CANCELLED" and rows[name]["first_payment_notification"] == "sent"
    markdown = (tmp_path / "report" / "golive-report.md").read_text()
    assert "4 shop(s); 4 in PRODUCTION" in markdown and "DRY RUN" not in markdown

    outputs = [dry, out]
    for check in (True, False):
        rc, again = run_playbook(GOLIVE, inventory, check=check, diff=True, verbosity=4 if not check else 0)
        assert rc == 0, again[-3000:]
        assert all(changed == 0 for changed, _failed in recap(again).values()), recap(again)
        outputs.append(again)
    # canary: no key, REST password or operator token anywhere, even at -vvvv
    text = "\n".join(outputs)
    assert_vvvv(text)  # -vvvv did show module invocations (ansible-core < 2.21), masked
    for secret in secrets(sandbox, ids):
        assert secret not in text


def test_bad_input_stops_its_host_at_preflight_and_others_go_on(sandbox, fleet, tmp_path):
    inventory = fleet(
        {"a-good": [("good", "dotenv")], "b-placeholder": [("placeholder", "yaml"), ("fine-b", "dotenv")],
         "c-http": [("http-url", "ini")], "d-prod": [("prod-typo", "json")]},
        extra_shop_vars={"placeholder": {"key_prod": "2222222222222222"},
                         "fine-b": {"manual_done": ["notification_url_prodution"]},
                         "http-url": {"notification_url": "http://shop.example.com/ipn"},
                         "prod-typo": {"ctx_mode": "PROD"}},
        extra_vars={"vads_golive_max_fail_percentage": 100})
    shops = shops_of(inventory)
    bad_ids = [s["site_id"] for n, s in shops.items() if s["host"] != "a-good"]
    bad_files = dict((k, v) for k, v in files_state(tmp_path).items() if "/good/" not in k)
    state = sandbox_state(sandbox, bad_ids)

    rc, out = run_playbook(GOLIVE, inventory, extra_vars={"vads_golive_max_fail_percentage": 100})
    assert rc != 0
    assert recap(out)["a-good"][1] == 0 and all(recap(out)[h][1] == 1 for h in ("b-placeholder", "c-http", "d-prod"))
    assert "shop 'placeholder'" in out and "placeholder" in out
    assert "shop 'http-url'" in out and "https" in out
    assert "shop 'prod-typo'" in out and "mode 'PROD' is not allowed" in out
    assert info(shops["good"])["ctx_mode"] == "PRODUCTION"
    # no shop of a stopped host changed: files byte for byte, Back Office untouched
    assert dict((k, v) for k, v in files_state(tmp_path).items() if "/good/" not in k) == bad_files
    assert sandbox_state(sandbox, bad_ids) == state
    report = dict((h["host"], h) for h in report_hosts(tmp_path))
    assert report["a-good"]["status"] == "done"
    assert report["b-placeholder"]["status"] == "failed" and "preflight" in report["b-placeholder"]["failure"]
    # a problem the preflight module names is not named again by the role's own checks
    assert report["b-placeholder"]["failure"].count("'notification_url_prodution'") == 1, report["b-placeholder"]


def test_faults_are_retried_and_a_failed_run_converges(sandbox, fleet, tmp_path):
    inventory = fleet({"web-f": [("f-env", "dotenv"), ("f-json", "json")]})
    path = inventory / "group_vars" / "all.json"
    data = json.loads(path.read_text())
    data["vads_backoffice"]["timeout"] = 2
    path.write_text(json.dumps(data))
    shops = shops_of(inventory)

    # Transient faults: 5xx on the Back Office and the REST API, one Back Office timeout.
    sandbox.api("PUT", "faults", {"backoffice": {"status": 503, "count": 3, "timeout_count": 1, "timeout_s": 4},
                                  "rest": {"status": 502, "count": 2}})
    try:
        rc, out = run_playbook(GOLIVE, inventory)
        injected = sandbox.api("GET", "faults")["injected"]
    finally:
        sandbox.api("DELETE", "faults")
    assert rc == 0, out[-3000:]
    assert injected["backoffice"] >= 4 and injected["rest"] >= 2, injected
    assert all(now["ctx_mode"] == "PRODUCTION" for now in infos(shops.values()).values())

    # A failure in the middle: the payment endpoint down after 14.1, the host stops before any switch.
    inventory2 = fleet({"web-g": [("g-env", "dotenv"), ("g-ini", "ini")]}, subdir="second")
    shops2 = shops_of(inventory2)
    sandbox.api("PUT", "faults", {"form": {"status": 503, "count": 1000}})
    try:
        rc, out = run_playbook(GOLIVE, inventory2)
    finally:
        sandbox.api("DELETE", "faults")
    assert rc != 0 and "Prove each production key" in out
    failure = report_hosts(tmp_path / "second")[0]["failure"]
    stores = infos(shops2.values())
    for shop in shops2.values():
        now = stores[shop["name"]]
        assert now["ctx_mode"] == "TEST" and now["key_prod_fingerprint"], now  # key installed, never switched
        # the message and the report name what changed, read back from the store, and what did not
        changed = "shop %r: production key " % shop["name"]
        assert changed in out and changed in failure, failure
        assert re.search(r"shop '%s': production key (not set|sha256:[0-9a-f]{8}) -> %s"
                         % (re.escape(shop["name"]), now["key_prod_fingerprint"]), failure), failure
        assert "mode TEST -> PRODUCTION" not in failure
    assert "Back Office: production key generated for" in failure and "nothing was changed" not in failure
    rc, out = run_playbook(GOLIVE, inventory2)
    assert rc == 0, out[-3000:]
    assert all(now["ctx_mode"] == "PRODUCTION" for now in infos(shops2.values()).values())
    rc, out = run_playbook(GOLIVE, inventory2)
    assert rc == 0 and all(c == 0 for c, _f in recap(out).values()), recap(out)


def test_manual_adapter_reports_back_office_work_and_never_pretends(sandbox, fleet, tmp_path):
    inventory = fleet({"web-m": [("m-env", "dotenv")]})
    shop = shops_of(inventory)["m-env"]
    # The operator generated the key by hand and copied it into the vault, but has not entered the
    # PRODUCTION notification URL yet.
    key = sandbox.api("POST", "shops/%s/certificates/production" % shop["site_id"])["production_key"]
    update_shop(inventory, "m-env", key_prod=key, manual_done=["production_key"],
                notification_url="https://m-env.example.com/payzen/ipn")
    path = inventory / "group_vars" / "all.json"
    data = json.loads(path.read_text())
    data["vads_backoffice"] = {"adapter": "manual", "checklist": str(tmp_path / "checklist.md")}
    data["vads_golive_notification_probe"] = False  # the real merchant URL is not reachable from tests
    path.write_text(json.dumps(data))

    files, state = files_state(tmp_path), sandbox_state(sandbox, [shop["site_id"]])
    rc, out = run_playbook(GOLIVE, inventory, check=True, diff=True)
    assert rc != 0 and "notification_url_production" in out, out[-3000:]
    assert files_state(tmp_path) == files and sandbox_state(sandbox, [shop["site_id"]]) == state
    assert not (tmp_path / "checklist.md").exists()  # check mode writes no checklist either
    # The key is in the vault, the URL is not declared: the shop stays in TEST, nothing is written.
    rc, out = run_playbook(GOLIVE, inventory)
    assert rc != 0
    assert info(shop)["ctx_mode"] == "TEST" and files_state(tmp_path) == files
    row = report_hosts(tmp_path)[0]["rows"][0]
    assert row["mode_after"] == "TEST"
    assert any("[manual_done: notification_url_production]" in p and "https://m-env.example.com/payzen/ipn" in p
               for p in row["manual_pending"])
    assert any("Statut URL de notification" in p for p in row["manual_pending"])
    assert "14.1 production_key" in row["declared"]
    # Declared: the switch happens; the Back Office rule is still untouched (nothing behind the operator's back).
    update_shop(inventory, "m-env", manual_done=["notification_url_production"])
    rc, out = run_playbook(GOLIVE, inventory)
    assert rc == 0, out[-3000:]
    assert info(shop)["ctx_mode"] == "PRODUCTION"
    rule = sandbox.api("GET", "shops/%s/notification-rules/payment-end" % shop["site_id"])
    assert rule["production_url"] is None
    checklist = (tmp_path / "checklist.md").read_text()
    assert "- [x]" in checklist and "Règles de notification" in checklist
    row = report_hosts(tmp_path)[0]["rows"][0]
    assert row["notification_url_status"] == "declared_done" and row["mode_after"] == "PRODUCTION"
    assert any("[manual_done: first_payment]" in p for p in row["manual_pending"])
    assert key not in out
    rc, out = run_playbook(GOLIVE, inventory)
    assert rc == 0 and all(c == 0 for c, _f in recap(out).values()), recap(out)


def test_rotate_certificate_and_rollback(sandbox, fleet, tmp_path):
    inventory = fleet({"web-r": [("r-env", "dotenv"), ("r-yaml", "yaml")]})
    shops = shops_of(inventory)
    rc, out = run_playbook(GOLIVE, inventory)
    assert rc == 0, out[-3000:]
    target = shops["r-env"]
    stores = infos(shops.values())
    old, other = stores["r-env"]["key_prod_fingerprint"], stores["r-yaml"]["key_prod_fingerprint"]
    rotate = REPO / "playbooks" / "rotate_certificate.yml"
    extra = {"vads_rotate_from": {"r-env": old}}

    def rotation_report(dry=False):
        doc = json.loads((tmp_path / "report" / ("dry-runs" if dry else "") / "rotation-report.json").read_text())
        return [(r["host"], r["shop"], r["status"], r["key_before"], r["key_after"]) for r in doc["shops"]]

    files, state = files_state(tmp_path), sandbox_state(sandbox, [target["site_id"]])
    rc, out = run_playbook(rotate, inventory, extra_vars=extra, check=True, diff=True)
    assert rc == 0, out[-3000:]
    assert files_state(tmp_path) == files and sandbox_state(sandbox, [target["site_id"]]) == state
    # a dry run's report goes under dry-runs/, never where a real run's is
    assert rotation_report(dry=True) == [("web-r", "r-env", "planned", old, old)]
    assert not (tmp_path / "report" / "rotation-report.json").exists()
    rc, out = run_playbook(rotate, inventory, extra_vars=extra)
    assert rc == 0 and recap(out)["web-r"][0] > 0, out[-3000:]
    stores = infos(shops.values())
    new = stores["r-env"]["key_prod_fingerprint"]
    assert new != old and stores["r-yaml"]["key_prod_fingerprint"] == other
    assert rotation_report() == [("web-r", "r-env", "done", old, new)]
    page = (tmp_path / "report" / "rotation-report.html").read_text()
    assert page.count("<tr class=") == 1 and "\u2713 done" in page and new in page
    for check in (True, False):
        rc, out = run_playbook(rotate, inventory, extra_vars=extra, check=check)
        assert rc == 0 and recap(out)["web-r"][0] == 0, out[-3000:]
    assert info(target)["key_prod_fingerprint"] == new
    assert rotation_report() == [("web-r", "r-env", "ok", new, new)]

    rollback = REPO / "playbooks" / "rollback.yml"
    rc, out = run_playbook(rollback, inventory, check=True)
    assert rc == 0 and info(target)["ctx_mode"] == "PRODUCTION"
    rc, out = run_playbook(rollback, inventory)
    assert rc == 0, out[-3000:]
    for now in infos(shops.values()).values():
        assert now["ctx_mode"] == "TEST" and now["key_prod_fingerprint"]  # keys kept
    rc, out = run_playbook(rollback, inventory)
    assert rc == 0 and recap(out)["web-r"][0] == 0


def test_make_demo_runs_and_says_what_it_did(tmp_path):
    import subprocess
    # The demo took 700 s of a 4-worker `make test` on 2 cores: the limit only catches a hang.
    # The suite's caches (tests/support/runner.py: with_test_caches), as for every other test.
    env = with_test_caches(os.environ)
    proc = subprocess.run([sys.executable, str(REPO / "tools" / "demo.py"), "--workdir", str(tmp_path / "demo")],
                          capture_output=True, text=True, timeout=1800, check=False, env=env)
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "=== What the demo did" in proc.stdout
    assert "10/10 in PRODUCTION" in proc.stdout and "(10/10)" in proc.stdout


# ------------------------------------------------------------------------------------------------ manual path
def manual_fleet(sandbox, fleet, tmp_path, hosts=None):
    """The real platform's path: the sandbox is only the payment gateway; adapter manual, no Back Office token.
    dotenv (HMAC-SHA-256), YAML (SHA-1) and a one-key store (django-payzen's VADS_CERTIFICATE)."""
    inventory = build_manual_fleet(tmp_path, sandbox, hosts or {"web-m": [("m-env", "dotenv"), ("m-yaml", "yaml"),
                                                                          ("m-django", "dotenv")]},
                                   first_site_id=next(_site_ids))
    assert sandbox.token not in "".join(p.read_text() for p in inventory.rglob("*.json"))
    return inventory


def report_file(tmp_path, name="golive-report.json"):
    path = tmp_path / "report" / name
    return path.read_bytes() if path.exists() else None


def latest_dry_run(tmp_path):
    run_id = (tmp_path / "report" / "dry-runs" / "latest").read_text().strip()
    return run_id, tmp_path / "report" / "dry-runs" / run_id


def assert_report_matches_stores(tmp_path, shops, sub=""):
    """Every row of the report says what the store on disk says now."""
    rows = dict((r["shop"], r) for h in report_hosts(tmp_path, sub) for r in h["rows"])
    stores = infos(shops.values())
    for name in shops:
        now = stores[name]
        assert rows[name]["mode_after"] == now["ctx_mode"], (name, rows[name], now)
        assert rows[name]["key_fingerprint"] == now["key_prod_fingerprint"], (name, rows[name], now)
    return rows


CHECKLIST_STEPS = ("production_key", "notification_url_production", "first_payment", "first_payment_cancelled",
                   "notification_sent")


def test_manual_path_with_the_sandbox_as_gateway_only(sandbox, fleet, tmp_path):
    inventory = manual_fleet(sandbox, fleet, tmp_path)
    shops = shops_of(inventory)
    ids = [s["site_id"] for s in shops.values()]
    files, state = files_state(tmp_path), sandbox_state(sandbox, ids)
    outputs = []

    # 1. Dry run: nothing written, the whole checklist, the host would stop before any change.
    rc, dry = run_playbook(GOLIVE, inventory, check=True, diff=True)
    outputs.append(dry)
    assert rc != 0, dry[-3000:]
    assert files_state(tmp_path) == files and sandbox_state(sandbox, ids) == state
    assert report_file(tmp_path) is None and not (tmp_path / "backoffice-checklist.md").exists()
    for name in shops:
        for step in CHECKLIST_STEPS:
            assert re.search(r"%s \(site \d+\) \[manual_done: %s\]" % (re.escape(name), step), dry), (name, step)
    assert "Paramétrage > Règles de notification" in dry and "Settings > Notification rules" in dry
    run_id, dry_dir = latest_dry_run(tmp_path)
    assert_report_matches_stores(tmp_path, shops, sub="dry-runs/" + run_id)
    dry_report = json.loads((dry_dir / "golive-report.json").read_text())
    assert dry_report["dry_run"] is True and dry_report["hosts"][0]["status"] == "failed"
    assert "DRY RUN" in (dry_dir / "golive-report.md").read_text()
    assert (dry_dir / "checklist.md").read_text().count("manual_done: `") == len(shops) * len(CHECKLIST_STEPS)

    # 2. First run: the host stops before any change, with the complete checklist.
    rc, first = run_playbook(GOLIVE, inventory)
    outputs.append(first)
    assert rc != 0
    assert files_state(tmp_path) == files and sandbox_state(sandbox, ids) == state
    assert "Back Office work must be done before any shop of this host goes to PRODUCTION" in first
    assert "no store changed" in first
    hosts = report_hosts(tmp_path)
    assert hosts[0]["status"] == "failed" and "nothing was changed" in hosts[0]["failure"]
    assert len(hosts[0]["checklist"]) == len(shops) * len(CHECKLIST_STEPS)
    rows = assert_report_matches_stores(tmp_path, shops)
    assert all(r["mode_after"] == "TEST" for r in rows.values())
    checklist = (tmp_path / "report" / "checklist.md").read_text()
    for name in shops:
        assert "**%s**" % name in checklist
    assert "Générer le certificat de production" in checklist and "Generate the production certificate" in checklist

    # 3. The operator's clicks in the Back Office (here its sandbox stand-in), keys copied into the vault.
    operator_before_switch(sandbox, inventory, say=lambda text: None)
    shops = shops_of(inventory)
    bo_keys = dict((n, sandbox.api("GET", "shops/%s/certificates" % s["site_id"])["production_key"])
                   for n, s in shops.items())

    # 4. Second run: every shop in PRODUCTION, its PRODUCTION form (signed as the store says) accepted.
    # At -vvvv: the vault's keys reach the modules through their secrets option (one no_log value per
    # task), and not one of them may show in any invocation, result or diff.
    rc, second = run_playbook(GOLIVE, inventory, diff=True, verbosity=4)
    outputs.append(second)
    assert rc == 0, second[-4000:]
    assert_vvvv(second)
    if SHOWS_INVOCATION:
        assert second.count('"secrets": "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER"') >= 3, second[-3000:]
    for key in bo_keys.values():
        assert key not in second and key[:12] not in second
    rows = assert_report_matches_stores(tmp_path, shops)
    stores = infos(shops.values())
    proof = run_module("payment_probe", {"gateway_url": sandbox.url + "/vads-payment/",
                                         "shops": [{"name": n, "store": s["store"]} for n, s in shops.items()]})
    assert [p["name"] for p in proof.result["shops"] if p["accepted"] is True] == list(shops), proof.output[-2000:]
    for name, shop in shops.items():
        now = stores[name]
        assert now["ctx_mode"] == "PRODUCTION" and now["ready_for_production"], now
        assert now["key_prod_fingerprint"] == fingerprint_of(bo_keys[name])
        assert "14.1 production_key_accepted" in rows[name]["verified"]
        assert "14.2 (3) notification_url_answers" in rows[name]["verified"]  # signed with the store's algorithm
        assert "14.1 production_key" in rows[name]["declared"]
        assert "14.2 (3) notification_url_production" in rows[name]["declared"]
        assert any("[manual_done: first_payment]" in p for p in rows[name]["manual_pending"])
    assert sandbox.api("GET", "outbox?kind=production_form_rejected")["emails"] == []

    # 5. A person makes the real payment and checks its notification in the Back Office.
    person_pays(sandbox, inventory, run_module, say=lambda text: None)
    shops = shops_of(inventory)

    # 6. Third run: the REST API reads, cancels and checks each first payment.
    before_report = report_file(tmp_path)
    rc, third = run_playbook(GOLIVE, inventory)
    outputs.append(third)
    assert rc == 0, third[-4000:]
    rows = assert_report_matches_stores(tmp_path, shops)
    for name, shop in shops.items():
        tx = sandbox.api("GET", "shops/%s/transactions?mode=PRODUCTION" % shop["site_id"])["transactions"]
        assert [t["status"] for t in tx] == ["CANCELLED"], tx
        assert rows[name]["first_payment_status"] == "CANCELLED"
        assert "14.3 first_payment_cancelled" in rows[name]["verified"]
        assert "14.3 first_payment_found" in rows[name]["verified"]
        assert {"14.3 first_payment", "14.3 notification_sent"} <= set(rows[name]["declared"])
        assert rows[name]["manual_pending"] == []
    assert report_file(tmp_path) != before_report

    # 7. Rerun and its dry run change nothing; the dry run leaves the latest real report byte for byte.
    names = ("golive-report.json", "golive-report.md", "checklist.md", "latest")
    latest = dict((n, report_file(tmp_path, n)) for n in names)
    rc, again = run_playbook(GOLIVE, inventory, check=True)
    outputs.append(again)
    assert rc == 0 and all(c == 0 for c, _f in recap(again).values()), recap(again)
    assert dict((n, report_file(tmp_path, n)) for n in latest) == latest
    rc, again = run_playbook(GOLIVE, inventory, extra_vars={"vads_report_keep": 2})
    outputs.append(again)
    assert rc == 0 and all(c == 0 for c, _f in recap(again).values()), recap(again)
    assert_report_matches_stores(tmp_path, shops)
    runs = sorted(p.name for p in (tmp_path / "report" / "runs").iterdir())
    assert (tmp_path / "report" / "latest").read_text().strip() == runs[-1] and len(runs) == 2  # the last 2 kept

    text = "\n".join(outputs)
    assert sandbox.token not in text
    for secret in secrets(sandbox, ids):
        assert secret not in text


def fingerprint_of(key):
    import hashlib
    return "sha256:" + hashlib.sha256(key.encode()).hexdigest()[:8]


def test_golive_converges_after_a_failed_first_notification(sandbox, fleet, tmp_path):
    """Issue 12: the merchant's endpoint answered 500 to every attempt; once fixed, a rerun resends the
    notification (the Back Office's "Renvoyer la notification") and 14.3 passes."""
    inventory = fleet({"web-n": [("n-env", "dotenv")]}, extra_vars={"vads_golive_notification_probe": False})
    shop = shops_of(inventory)["n-env"]
    # 5 attempts fail, and the resend the same run tries (the endpoint is still broken): 6 failures.
    update_shop(inventory, "n-env", notification_url=shop["notification_url"] + "?fail=6&tag=converge")
    rc, out = run_playbook(GOLIVE, inventory)
    assert rc != 0 and "first payment notification not sent for: n-env" in out, out[-3000:]
    tx = sandbox.api("GET", "shops/%s/transactions?mode=PRODUCTION" % shop["site_id"])["transactions"]
    assert tx[0]["notification"]["status"] == "failed"
    row = report_hosts(tmp_path)[0]["rows"][0]
    assert row["first_payment_notification"] == "failed" and row["mode_after"] == "PRODUCTION"
    rc, out = run_playbook(GOLIVE, inventory)
    assert rc == 0, out[-3000:]
    tx = sandbox.api("GET", "shops/%s/transactions?mode=PRODUCTION" % shop["site_id"])["transactions"]
    # The payment's own notification stays failed; the manual resend (source BO) was accepted.
    assert len(tx) == 1 and tx[0]["status"] == "CANCELLED" and tx[0]["notification"]["delivered"] is True
    assert report_hosts(tmp_path)[0]["rows"][0]["first_payment_notification"] == "sent"
    rc, out = run_playbook(GOLIVE, inventory)
    assert rc == 0 and all(c == 0 for c, _f in recap(out).values()), recap(out)


@pytest.mark.parametrize("adapter", ["manual", "sandbox"])
def test_one_key_store_through_golive_rotation_and_rollback(sandbox, fleet, tmp_path, adapter):
    inventory = manual_fleet(sandbox, fleet, tmp_path, {"web-k": [("k-django", "dotenv")]})
    if adapter == "sandbox":
        path = inventory / "group_vars" / "all.json"
        data = json.loads(path.read_text())
        data["vads_backoffice"] = sandbox.backoffice()
        path.write_text(json.dumps(data))
    shop = shops_of(inventory)["k-django"]
    site = shop["site_id"]
    # A one-key store cannot hold the production key before the switch: it comes from the vault.
    key = sandbox.api("POST", "shops/%s/certificates/production" % site)["production_key"]
    sandbox.api("PUT", "shops/%s/notification-rules/payment-end" % site, {"production_url": shop["notification_url"]})
    update_shop(inventory, "k-django", key_prod=key, manual_done=["production_key", "notification_url_production"])
    skip = {"vads_golive_first_payment": "skip"}
    rc, out = run_playbook(GOLIVE, inventory, extra_vars=skip)
    assert rc == 0, out[-3000:]
    now = info(shop)
    assert now["ctx_mode"] == "PRODUCTION" and now["key_prod_fingerprint"] == fingerprint_of(key)
    assert shop["store"]["keys"] == {"key": "VADS_CERTIFICATE"} and "VADS_KEY_PROD" not in open(shop["store"]["path"]).read()
    row = report_hosts(tmp_path)[0]["rows"][0]
    assert row["skipped"] == ["14.3 first_payment"] and row["manual_pending"] == []
    assert not any("14.3" in p for p in row["manual_pending"])

    rotate = REPO / "playbooks" / "rotate_certificate.yml"
    before = open(shop["store"]["path"]).read()
    rc, out = run_playbook(rotate, inventory, extra_vars={"vads_rotate_from": {"k-django": "sha256:00000000"}})
    assert rc != 0 and "sha256:00000000" in out and fingerprint_of(key) in out and "matches no current key" in out
    assert open(shop["store"]["path"]).read() == before
    assert sandbox.api("GET", "shops/%s/certificates" % site)["production_key"] == key

    extra = {"vads_rotate_from": {"k-django": fingerprint_of(key)}}
    if adapter == "manual":  # the operator regenerates it in the Back Office and puts it in the vault
        new = sandbox.api("POST", "shops/%s/certificates/production/regenerate" % site)["production_key"]
        update_shop(inventory, "k-django", key_prod=new, manual_done=["production_key_regenerated"])
    rc, out = run_playbook(rotate, inventory, extra_vars=extra)
    assert rc == 0 and recap(out)["web-k"][0] > 0, out[-3000:]
    new = sandbox.api("GET", "shops/%s/certificates" % site)["production_key"]
    assert new != key and info(shop)["key_prod_fingerprint"] == fingerprint_of(new)
    assert "%s -> %s" % (fingerprint_of(key), fingerprint_of(new)) in out
    for check in (True, False):
        rc, out = run_playbook(rotate, inventory, extra_vars=extra, check=check)
        assert rc == 0 and recap(out)["web-k"][0] == 0, out[-3000:]
    assert new not in out and key not in out

    rollback = REPO / "playbooks" / "rollback.yml"
    rc, out = run_playbook(rollback, inventory)
    assert rc == 0, out[-3000:]
    now = info(shop)
    assert now["ctx_mode"] == "TEST" and now["key_test_fingerprint"] == fingerprint_of(shop["key_test"])
    rc, out = run_playbook(rollback, inventory)
    assert rc == 0 and recap(out)["web-k"][0] == 0

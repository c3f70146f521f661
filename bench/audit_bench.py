#!/usr/bin/env python3
"""The fleet audit of 1,000 shops on one host, as a ratio to one `ping` task.

One host (local connection) holds 1,000 shops in 1,000 dotenv files, all live and clean (PRODUCTION,
a real production key equal to the vault's, an https notification URL), manual Back Office adapter (the
real platform: nothing to read there). Medians of --runs, each a whole ansible-playbook run:

  empty  = a play with no task on that inventory
  ping   = t(one ansible.builtin.ping task) - empty
  audit  = t(playbooks/audit.yml: the audit task, the four reports, the verdict) - empty
  module = t(the audit task alone) - empty

Usage: .venv/bin/python bench/audit_bench.py [--shops 1000] [--runs 5]
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def make_inventory(folder, count):
    shops = []
    for i in range(count):
        path = folder / "srv" / ("shop%04d.env" % i)
        path.parent.mkdir(exist_ok=True)
        key_prod = "P%015d" % i
        path.write_text("# shop %d\nAPP_ENV=prod\nVADS_SITE_ID=%08d\nVADS_CTX_MODE=PRODUCTION\n"
                        "VADS_KEY_TEST=T%015d\nVADS_KEY_PROD=%s\nVADS_SIGN_ALGO=SHA-256\n" % (i, 10000000 + i, i, key_prod))
        os.chmod(path, 0o600)
        shops.append({"name": "shop%04d" % i, "site_id": "%08d" % (10000000 + i), "brand": "payzen",
                      "store": {"type": "dotenv", "path": str(path)}, "key_prod": key_prod,
                      "key_prod_created": "2026-06-01",
                      # a public address: no DNS lookup (this machine has no resolver: 1.5 s per failed
                      # lookup, not the audit's cost; with names they run 16 at a time, once per name)
                      "notification_url": "https://93.184.215.14/shop%04d/payzen/ipn" % i})
    inventory = folder / "inventory"
    (inventory / "host_vars").mkdir(parents=True)
    (inventory / "host_vars" / "merchant.json").write_text(json.dumps({
        "vads_shops": shops, "ansible_connection": "local", "ansible_python_interpreter": sys.executable,
        "vads_backoffice": {"adapter": "manual"}, "vads_report_dir": str(folder / "report")}))
    (inventory / "hosts.yml").write_text("all:\n  hosts:\n    merchant:\n")
    return inventory


def play(folder, name, tasks):
    path = folder / (name + ".yml")
    path.write_text(json.dumps([{"hosts": "all", "gather_facts": False, "tasks": tasks}]))
    return path


def run(playbook, inventory):
    env = dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"), PATH=str(BIN) + os.pathsep + os.environ["PATH"])
    start = time.perf_counter()
    proc = subprocess.run([str(BIN / "ansible-playbook"), "-i", str(inventory), str(playbook)],
                          capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit("benchmark playbook %s failed:\n%s" % (playbook, (proc.stdout + proc.stderr)[-4000:]))
    return elapsed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shops", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vads-audit-bench-") as tmp:
        folder = Path(tmp)
        inventory = make_inventory(folder, args.shops)
        audit_task = json.loads(json.dumps(
            __import__("yaml").safe_load((REPO / "playbooks" / "audit.yml").read_text())[0]["tasks"][0]))
        audit_task.pop("ignore_unreachable", None)
        plays = {
            "empty": play(folder, "empty", []),
            "ping": play(folder, "ping", [{"ansible.builtin.ping": {}}]),
            "module": play(folder, "module", [audit_task]),
            "audit": REPO / "playbooks" / "audit.yml",
        }
        times = dict((name, []) for name in plays)
        for _ in range(args.runs):
            for name, path in plays.items():
                times[name].append(run(path, inventory))
        doc = json.loads((folder / "report" / "audit-report.json").read_text())
        assert doc["summary"]["shops"] == args.shops and doc["summary"]["shops_clean"] == args.shops, doc["summary"]
        median = dict((name, statistics.median(values)) for name, values in times.items())
        ping = median["ping"] - median["empty"]
        result = {
            "shops": args.shops, "runs": args.runs,
            "empty_play_s": round(median["empty"], 3),
            "ping_task_s": round(ping, 3),
            "audit_task_s": round(median["module"] - median["empty"], 3),
            "audit_playbook_s": round(median["audit"] - median["empty"], 3),
            "audit_task_in_pings": round((median["module"] - median["empty"]) / ping, 1),
            "audit_playbook_in_pings": round((median["audit"] - median["empty"]) / ping, 1),
            "report_bytes": dict((p.name, p.stat().st_size) for p in sorted((folder / "report").iterdir())),
        }
        print("one ping task: %.2f s" % ping)
        print("audit task, %d shops: %.2f s = %.1f ping tasks" % (args.shops, result["audit_task_s"],
                                                                  result["audit_task_in_pings"]))
        print("whole audit playbook (audit, 4 reports, verdict), %d shops: %.2f s = %.1f ping tasks (goal: within 5)"
              % (args.shops, result["audit_playbook_s"], result["audit_playbook_in_pings"]))
        print(json.dumps(result))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""The fleet audit of 1,000 shops on one host, as a ratio to one `ping` task, in CPU time and wall time.

One host (local connection) holds 1,000 shops in 1,000 dotenv files, all live and clean (PRODUCTION,
a real production key equal to the vault's, an https notification URL), manual Back Office adapter (the
real platform: nothing to read there). Medians of --runs, each a whole ansible-playbook run:

  empty  = a play with no task on that inventory
  ping   = t(one ansible.builtin.ping task) - empty
  audit  = t(playbooks/audit.yml: the audit task, the four reports, the verdict) - empty
  module = t(the audit task alone) - empty
  inline = t(the audit task with the keys inline, one no_log value per shop: how it was before) - empty

CPU time is user + system of ansible-playbook and every process it waited for (forks, module processes),
read with os.wait4 as bench/perf_bench.py does: what the run costs whatever else the machine is doing.
Wall time is what a person waits, on a quiet machine.

Usage: .venv/bin/python bench/audit_bench.py [--shops 1000] [--runs 5] [--no-inline]
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
    """(cpu seconds of the whole process tree, wall seconds); exits on failure."""
    env = dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"), PATH=str(BIN) + os.pathsep + os.environ["PATH"])
    start = time.perf_counter()
    proc = subprocess.Popen([str(BIN / "ansible-playbook"), "-i", str(inventory), str(playbook)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env)
    output = proc.stdout.read().decode("utf-8", "replace")
    _pid, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit("benchmark playbook %s failed:\n%s" % (playbook, output[-4000:]))
    return usage.ru_utime + usage.ru_stime, elapsed


def inline_keys(task):
    """The audit task as it was before the secrets option: each shop's keys inline, in shops."""
    task = json.loads(json.dumps(task))
    args = task["vads.shop.audit"]
    args.pop("secrets")
    args["shops"] = args["shops"].replace("'name': 'name',", "'name': 'name', 'key_prod': 'key_prod', "
                                          "'key_test': 'key_test', 'rest_password_prod': 'rest_password_prod',", 1)
    assert "'key_prod': 'key_prod'" in args["shops"]
    return task


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shops", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-inline", action="store_true", help="skip the audit task with the keys inline")
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
        if not args.no_inline:
            plays["inline"] = play(folder, "inline", [inline_keys(audit_task)])
        cpu = dict((name, []) for name in plays)
        wall = dict((name, []) for name in plays)
        for _ in range(args.runs):
            for name, path in plays.items():
                c, w = run(path, inventory)
                cpu[name].append(c)
                wall[name].append(w)
        doc = json.loads((folder / "report" / "audit-report.json").read_text())
        assert doc["summary"]["shops"] == args.shops and doc["summary"]["shops_clean"] == args.shops, doc["summary"]
        result = {"shops": args.shops, "runs": args.runs,
                  "report_bytes": dict((p.name, p.stat().st_size) for p in sorted((folder / "report").iterdir()))}
        for measure, times in (("cpu", cpu), ("wall", wall)):
            median = dict((name, statistics.median(values)) for name, values in times.items())
            ping = median["ping"] - median["empty"]
            out = {"empty_play_s": round(median["empty"], 3), "ping_task_s": round(ping, 3)}
            for name in ("module", "audit", "inline"):
                if name in median:
                    out[name + "_s"] = round(median[name] - median["empty"], 3)
                    out[name + "_in_pings"] = round((median[name] - median["empty"]) / ping, 1)
            result[measure] = out
            print("%s time: one ping task %.2f s; audit task %.2f s = %.1f ping tasks%s; whole audit playbook "
                  "(audit, 4 reports, verdict) %.2f s = %.1f ping tasks (goal: within 5)"
                  % (measure.upper(), ping, out["module_s"], out["module_in_pings"],
                     " (keys inline: %.2f s = %.1f)" % (out["inline_s"], out["inline_in_pings"]) if "inline_s" in out
                     else "", out["audit_s"], out["audit_in_pings"]))
        print(json.dumps(result))


if __name__ == "__main__":
    main()

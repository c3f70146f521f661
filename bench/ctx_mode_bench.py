#!/usr/bin/env python3
"""One vads.shop.ctx_mode call over 1,000 shops (1,000 dotenv files) against a plain module call.

A task's cost is measured as the difference between a playbook with the task and the same playbook
without it (both start Ansible, gather nothing, run on localhost), median of several runs:

  ping cost     = t(ping, ping) - t(ping)
  ctx_mode cost = t(ping, ctx_mode over N shops) - t(ping)

Usage: .venv/bin/python bench/ctx_mode_bench.py [--shops 1000] [--runs 5]
"""

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def make_fleet(folder, count):
    shops = []
    for i in range(count):
        path = folder / ("shop%04d.env" % i)
        path.write_text("# shop %d\nAPP_ENV=prod\nVADS_SITE_ID=%08d\nVADS_CTX_MODE=TEST\n"
                        "VADS_KEY_TEST=T%015d\nVADS_KEY_PROD=P%015d\n" % (i, 10000000 + i, i, i))
        os.chmod(path, 0o600)
        shops.append({"name": "shop%04d" % i, "store": {"path": str(path)}})
    return shops


def playbook(folder, name, tasks):
    path = folder / (name + ".yml")
    play = [{"hosts": "localhost", "gather_facts": False, "tasks": tasks}]
    path.write_text(json.dumps(play))
    return path


def run(path, extra):
    env = dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"), PATH=str(BIN) + os.pathsep + os.environ["PATH"])
    cmd = [str(BIN / "ansible-playbook"), "-i", "localhost,", "-c", "local",
           "-e", "ansible_python_interpreter=%s" % sys.executable, "-e", "@%s" % extra, str(path)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit("benchmark playbook failed:\n" + proc.stdout + proc.stderr)
    return elapsed, proc.stdout


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shops", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="vads-bench-"))
    try:
        shops = make_fleet(folder, args.shops)
        extra = folder / "vars.json"
        extra.write_text(json.dumps({"bench_shops": shops}))
        ping = {"name": "Ping", "ansible.builtin.ping": {}}
        switch = {"name": "Switch", "vads.shop.ctx_mode": {"mode": "{{ bench_mode }}", "store": {"type": "dotenv"},
                                                           "shops": "{{ bench_shops }}"}}
        base = playbook(folder, "base", [ping])
        two = playbook(folder, "two", [ping, ping])
        ctx = playbook(folder, "ctx", [ping, switch])
        t_base, t_two, t_change, t_nochange = [], [], [], []
        for i in range(args.runs):
            t_base.append(run(base, extra)[0])
            t_two.append(run(two, extra)[0])
            # alternate modes so that every measured call really rewrites the 1,000 files
            extra.write_text(json.dumps({"bench_shops": shops, "bench_mode": "PRODUCTION" if i % 2 == 0 else "TEST"}))
            elapsed, out = run(ctx, extra)
            assert "changed=1" in out, out
            t_change.append(elapsed)
            elapsed, out = run(ctx, extra)
            assert "changed=0" in out, out
            t_nochange.append(elapsed)
        base_m = statistics.median(t_base)
        ping_cost = statistics.median(t_two) - base_m
        change_cost = statistics.median(t_change) - base_m
        nochange_cost = statistics.median(t_nochange) - base_m
        print("shops: %d, runs: %d (medians)" % (args.shops, args.runs))
        print("playbook with one ping:                   %.2f s" % base_m)
        print("one ansible.builtin.ping task:            %.3f s" % ping_cost)
        print("one ctx_mode task, %d shops, changing:  %.3f s (%.1f ping calls)"
              % (args.shops, change_cost, change_cost / ping_cost))
        print("one ctx_mode task, %d shops, no change: %.3f s (%.1f ping calls)"
              % (args.shops, nochange_cost, nochange_cost / ping_cost))
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()

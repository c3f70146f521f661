#!/usr/bin/env python3
"""One vads.shop.ctx_mode call over 1,000 shops (1,000 dotenv files) against a plain module call.

A task's cost is measured as the difference between a playbook with the task and the same playbook
without it (both start Ansible, gather nothing, run on localhost), median of several runs:

  ping cost             = t(ping, ping) - t(ping)
  ctx_mode cost (cold)  = t(ping, ctx_mode over N shops) - t(ping)
  ctx_mode cost (warm)  = t(ping, ctx_mode over 1 shop, ctx_mode over N shops) - t(ping, ctx_mode over 1 shop)

"Cold" includes what Ansible does once per module and run (building the module's payload); "warm"
is the cost of one more call, as for the second ping.

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


def adhoc(module, args_file):
    """Wall time of one whole `ansible localhost -m MODULE` command (start-up included)."""
    env = dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"), PATH=str(BIN) + os.pathsep + os.environ["PATH"])
    cmd = [str(BIN / "ansible"), "localhost", "-i", "localhost,", "-c", "local",
           "-e", "ansible_python_interpreter=%s" % sys.executable, "-m", module]
    if args_file:
        cmd += ["-a", Path(args_file).read_text()]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
    if proc.returncode != 0:
        sys.exit("benchmark command failed:\n" + proc.stdout[-3000:] + proc.stderr[-3000:])
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--shops", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--dir", help="where to create the 1,000 files (default: the system's temp folder); "
                                      "/dev/shm shows the cost without the disk")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="vads-bench-", dir=args.dir))
    try:
        shops = make_fleet(folder, args.shops)
        extra = folder / "vars.json"
        extra.write_text(json.dumps({"bench_shops": shops}))
        ping = {"name": "Ping", "ansible.builtin.ping": {}}
        warmup = {"name": "Warm up", "vads.shop.ctx_mode": {"mode": "{{ bench_mode }}", "store": {"type": "dotenv"},
                                                            "shops": "{{ bench_shops[:1] }}"}}
        switch = {"name": "Switch", "vads.shop.ctx_mode": {"mode": "{{ bench_mode }}", "store": {"type": "dotenv"},
                                                           "shops": "{{ bench_shops }}"}}
        base = playbook(folder, "base", [ping])
        two = playbook(folder, "two", [ping, ping])
        ctx = playbook(folder, "ctx", [ping, switch])
        warm_base = playbook(folder, "warm_base", [ping, warmup])
        warm = playbook(folder, "warm", [ping, warmup, switch])
        t_base, t_two, t_change, t_nochange, t_warm_base, t_warm = [], [], [], [], [], []
        t_adhoc_ping, t_adhoc_ctx = [], []
        adhoc_args = folder / "adhoc.json"
        state = "TEST"  # what every file holds
        other = {"TEST": "PRODUCTION", "PRODUCTION": "TEST"}
        for _i in range(args.runs):
            t_base.append(run(base, extra)[0])
            t_two.append(run(two, extra)[0])
            # every measured "changing" call really rewrites the files: the mode alternates
            state = other[state]
            extra.write_text(json.dumps({"bench_shops": shops, "bench_mode": state}))
            elapsed, out = run(ctx, extra)
            assert "changed=1" in out, out
            t_change.append(elapsed)
            elapsed, out = run(ctx, extra)
            assert "changed=0" in out, out
            t_nochange.append(elapsed)
            # warm: the warm-up switches shop 0 (in the baseline run), the measured call the others
            state = other[state]
            extra.write_text(json.dumps({"bench_shops": shops, "bench_mode": state}))
            t_warm_base.append(run(warm_base, extra)[0])
            elapsed, out = run(warm, extra)
            assert "changed=1" in out, out
            t_warm.append(elapsed)
            # whole commands: `ansible -m ping` against `ansible -m vads.shop.ctx_mode` over every shop
            state = other[state]
            adhoc_args.write_text(json.dumps({"mode": state, "store": {"type": "dotenv"}, "shops": shops}))
            t_adhoc_ping.append(adhoc("ansible.builtin.ping", None))
            t_adhoc_ctx.append(adhoc("vads.shop.ctx_mode", adhoc_args))
        base_m = statistics.median(t_base)
        ping_cost = statistics.median(t_two) - base_m
        change_cost = statistics.median(t_change) - base_m
        nochange_cost = statistics.median(t_nochange) - base_m
        print("shops: %d, runs: %d (medians), files in %s" % (args.shops, args.runs, folder.parent))
        print("playbook with one ping:                   %.2f s" % base_m)
        print("one ansible.builtin.ping task:            %.3f s" % ping_cost)
        print("one ctx_mode task, %d shops, changing:  %.3f s (%.1f ping calls)"
              % (args.shops, change_cost, change_cost / ping_cost))
        print("one ctx_mode task, %d shops, no change: %.3f s (%.1f ping calls)"
              % (args.shops, nochange_cost, nochange_cost / ping_cost))
        warm_cost = statistics.median(t_warm) - statistics.median(t_warm_base)
        print("warm: one more ctx_mode task, %d shops, changing: %.3f s (%.1f ping calls)"
              % (args.shops - 1, warm_cost, warm_cost / ping_cost))
        ping_cmd = statistics.median(t_adhoc_ping)
        ctx_cmd = statistics.median(t_adhoc_ctx)
        print("whole command `ansible -m ansible.builtin.ping`: %.3f s" % ping_cmd)
        print("whole command `ansible -m vads.shop.ctx_mode`, %d shops, changing: %.3f s (%.1f ping commands)"
              % (args.shops, ctx_cmd, ctx_cmd / ping_cmd))
    finally:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()

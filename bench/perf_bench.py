#!/usr/bin/env python3
"""vads.shop against Ansible's own floor, in CPU time (issue 13). Prints one table.

CPU time (user + system of ansible-playbook and every process it waited for: workers, module
processes) is what is compared, not wall time: the build machine is shared, and CPU time is what
the collection spends whatever the load. The sandbox gateway's own CPU is not counted (it stands in
for the payment platform).

Scenarios (--only to pick some):

  golive  a full go-live of --golive-shops shops (default 200) on --golive-hosts hosts (default 4),
          --golive-runs times (default 1; medians, and every run):
          sandbox adapter, notification probe on, first payment made, notified and cancelled. Then the
          Ansible floor: the same playbook, hosts, waves and tasks, with every vads.shop module task
          replaced by ansible.builtin.ping (an action plugin pings the host, then hands back the result
          the real module gave, so that the play takes exactly the same path).
  preflight  the golive role's preflight of --preflight-shops shops (default 50) on one host, on the
          real platform's path (manual Back Office adapter, production keys from the vault, the manual steps
          declared done), --runs times, against its floor (the same tasks, the modules replaced as above).
  stores  one ctx_mode task over 1,000 dotenv files (on tmpfs and on disk) in units of a ping task;
          per-shop CPU of certificate and ctx_mode with a different key per shop at 100 and 1,000
          shops, keys given inline (one no_log value per shop) and through the secrets option.
  http    CPU per HTTP request against the sandbox: the old client (a new TLS context and opener per
          request), ansible.module_utils.urls with one context per call (what requests through a proxy
          use), the collection's client (connections kept alive), and a bare http.client connection
          kept alive for comparison; and the CPU of building one TLS context.

  again   ctx_mode over 1,000 shops as the first collection task of a run and as a further one (the
          way a ping task, the unit, is measured: its module already built), in ping tasks; and what
          handing the 1,000 shops to a task costs by itself (ansible-core templating the task's
          arguments: a debug task over the same shop_options expression, against one over a constant).

Usage: .venv/bin/python bench/perf_bench.py [--only golive,preflight,stores,again,http] [--runs 3] [--json FILE]
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import platform
import re
import shutil
import ssl
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
sys.path.insert(0, str(REPO / "tools"))
from demo_fleet import Sandbox, build_fleet, store_text  # noqa: E402  pylint: disable=wrong-import-position

def golive_modules():
    """Every vads.shop module the go-live's play names (golive_report is an action, no module process, but the
    collection's own work): the floor replaces each of them, so a module added to the role is never left real."""
    names = set()
    for path in [REPO / "playbooks" / "golive.yml"] + sorted((REPO / "roles" / "golive").rglob("*.yml")):
        names.update(re.findall(r"^\s*(?:-\s+)?vads\.shop\.([a-z_]+):", path.read_text(), re.M))
    return tuple(sorted(names))


# ------------------------------------------------------------------------------------------ measuring
def env_for(extra=None):
    env = dict(os.environ, ANSIBLE_CONFIG=str(REPO / "ansible.cfg"), ANSIBLE_NOCOLOR="1",
               PATH=str(BIN) + os.pathsep + os.environ.get("PATH", ""))
    env.update(extra or {})
    return env


def run_cpu(cmd, env=None):
    """(cpu seconds of the whole process tree, wall seconds, output); exits on failure."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env or env_for(),
                            cwd=str(REPO))
    output = proc.stdout.read().decode("utf-8", "replace")
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        sys.exit("benchmark command failed (%s):\n%s" % (" ".join(cmd[:3]), output[-4000:]))
    return usage.ru_utime + usage.ru_stime, wall, output


def playbook_cmd(path, extra_vars=None, inventory="localhost,"):
    cmd = [str(BIN / "ansible-playbook"), "-i", str(inventory), str(path)]
    if inventory == "localhost,":
        cmd += ["-c", "local", "-e", "ansible_python_interpreter=%s" % sys.executable]
    if extra_vars:
        cmd += ["-e", "@%s" % extra_vars]
    return cmd


def write_play(folder, name, tasks):
    path = Path(folder) / (name + ".yml")
    path.write_text(json.dumps([{"hosts": "localhost", "gather_facts": False, "tasks": tasks}]))
    return path


# ------------------------------------------------------------------------------------------ stores
def make_files(folder, count):
    folder.mkdir(parents=True, exist_ok=True)
    shops = []
    for i in range(count):
        path = folder / ("shop%04d.env" % i)
        path.write_text("# shop %d\nAPP_ENV=prod\nVADS_SITE_ID=%08d\nVADS_CTX_MODE=TEST\n"
                        "VADS_KEY_TEST=T%015d\nVADS_KEY_PROD=P%015d\n" % (i, 10000000 + i, i, i))
        os.chmod(path, 0o600)
        shops.append({"name": "shop%04d" % i, "store": {"type": "dotenv", "path": str(path)},
                      "key_test": "T%015d" % i, "key_prod": "P%015d" % i,
                      "key_a": "A%015d" % i, "key_b": "B%015d" % i})
    return shops


def _tasks():
    """name -> task, each alternating between two targets (by bench_flip) so that every run writes."""
    flip = "{{ bench_flip | bool }}"
    shops = "{{ bench_shops | vads.shop.shop_options({'name': 'name', 'store': 'store'}) }}"
    return {
        "ctx_mode": {"vads.shop.ctx_mode": {"mode": "{{ 'PRODUCTION' if bench_flip | bool else 'TEST' }}",
                                            "shops": shops}},
        "ctx_mode_keys_inline": {"vads.shop.ctx_mode": {
            "mode": "{{ 'PRODUCTION' if bench_flip | bool else 'TEST' }}",
            "shops": "{{ bench_shops | vads.shop.shop_options({'name': 'name', 'store': 'store', "
                     "'key': ('key_prod' if bench_flip | bool else 'key_test')}) }}"}},
        "ctx_mode_keys_secrets": {"vads.shop.ctx_mode": {
            "mode": "{{ 'PRODUCTION' if bench_flip | bool else 'TEST' }}", "shops": shops,
            "secrets": "{{ bench_shops | vads.shop.secrets({'key': ('key_prod' if bench_flip | bool "
                       "else 'key_test')}) }}"}},
        "certificate_inline": {"vads.shop.certificate": {
            "mode": "PRODUCTION", "replace": True,
            "shops": "{{ bench_shops | vads.shop.shop_options({'name': 'name', 'store': 'store', "
                     "'value': ('key_a' if bench_flip | bool else 'key_b')}) }}"}},
        "certificate_secrets": {"vads.shop.certificate": {
            "mode": "PRODUCTION", "replace": True, "shops": shops,
            "secrets": "{{ bench_shops | vads.shop.secrets({'value': ('key_a' if bench_flip | bool "
                       "else 'key_b')}) }}"}},
    }, flip


EXTRA_PINGS = 5


def bench_stores(runs, tmpfs, disk_dir, plays=None):
    """CPU of one task = CPU(play: ping + task) - CPU(play: ping); a ping task from five more pings."""
    out = {"runs": runs}
    tasks, _flip = _tasks()
    ping = {"name": "Ping", "ansible.builtin.ping": {}}
    roots = {"tmpfs": tmpfs, "disk": disk_dir}
    results = {}
    for where, root in roots.items():
        if root is None:
            continue
        folder = Path(tempfile.mkdtemp(prefix="vads-bench-", dir=root))
        try:
            sizes = (100, 1000) if where == "tmpfs" else (1000,)
            names = [n for n in tasks if not plays or n in plays] if where == "tmpfs" else ["ctx_mode"]
            # each play and size has its own files and flips its own target, so every run writes
            fleets = dict(((name, n), make_files(folder / ("%s-%d" % (name, n)), n)) for name in names for n in sizes)
            env = tree_env(collection_tree(folder / "collection"))
            # A ping task's cost from five more pings: one alone is lost in the noise of a shared machine.
            plays = {"base": write_play(folder, "base", [ping]),
                     "two": write_play(folder, "two", [ping] * (1 + EXTRA_PINGS))}
            for name in names:
                plays[name] = write_play(folder, name, [ping, dict(tasks[name], name="Task")])
            samples = {}
            flips = {}

            def measure(play, size):
                flip = flips[(play, size)] = not flips.get((play, size), False)
                extra = folder / "vars.json"
                shops = fleets[(names[0] if play in ("base", "two") else play, size)]
                extra.write_text(json.dumps({"bench_shops": shops, "bench_flip": flip}))
                cpu, wall, output = run_cpu(playbook_cmd(plays[play], extra), env)
                if play not in ("base", "two"):
                    assert "changed=1" in output, output[-2000:]
                return cpu, wall

            for _run in range(runs):
                for size in sizes:
                    for play in ["base", "two"] + names:
                        samples.setdefault((play, size), []).append(measure(play, size))
            for (play, size), values in samples.items():
                results[(where, play, size)] = statistics.median(v[0] for v in values)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    ping_cost = statistics.median([(results[k] - results[(k[0], "base", k[2])]) / EXTRA_PINGS
                                   for k in results if k[1] == "two"])
    out["ping_task_cpu"] = ping_cost
    rows = {}
    for (where, play, size), cpu in results.items():
        if play in ("base", "two"):
            continue
        task = cpu - results[(where, "base", size)]
        rows["%s/%s/%d" % (where, play, size)] = {
            "task_cpu": task, "in_pings": task / ping_cost,
            "per_shop_ms": max(0.0, task - ping_cost) / size * 1000}
    out["tasks"] = rows
    return out


def bench_ctx_mode_again(runs, tmpfs, shops=1000, repeat=8):  # repeat: even
    """ctx_mode over 1,000 shops as the first and as a further collection task of a run, in ping tasks.

    A ping task's cost (the unit) is a further ping of a run: its module was built once (AnsiballZ: the
    module and its module_utils parsed and zipped on the controller, once per run and module). The
    like-for-like figure for ctx_mode is a further ctx_mode task; the first one also builds its module.

    Each figure is a difference between whole ansible-playbook runs, whose start-up alone varies by a
    few tenths of a CPU-second on a shared machine: so each play repeats the task measured ``repeat``
    times (ctx_mode alternating TEST and PRODUCTION, so that every one of them rewrites the 1,000 files)
    and the difference is divided by as many. Medians of per-round ratios, each round running the plays
    back to back.
    """
    folder = Path(tempfile.mkdtemp(prefix="vads-bench-", dir=tmpfs))
    try:
        fleet = make_files(folder / "a", shops)
        env = tree_env(collection_tree(folder / "collection"))
        ping = {"name": "Ping", "ansible.builtin.ping": {}}

        def ctx(mode):
            return {"name": "ctx_mode " + mode, "vads.shop.ctx_mode": {
                "mode": mode, "shops": "{{ fleet | vads.shop.shop_options({'name': 'name', 'store': 'store'}) }}"}}

        def debug(expression):
            return {"name": "Hand over", "ansible.builtin.debug": {"msg": "{{ %s }}" % expression}}

        there_and_back = [ctx("PRODUCTION"), ctx("TEST")]
        plays = {"base": write_play(folder, "base", [ping]),
                 "pings": write_play(folder, "pings", [ping] * (1 + repeat)),
                 "once": write_play(folder, "once", [ping] + there_and_back),
                 "many": write_play(folder, "many", [ping] + there_and_back * (1 + repeat // 2)),
                 "constant": write_play(folder, "constant", [ping] + [debug("1000")] * repeat),
                 "handed": write_play(folder, "handed", [ping] + [debug(
                     "fleet | vads.shop.shop_options({'name': 'name', 'store': 'store'}) | length")] * repeat)}
        extra = folder / "vars.json"
        extra.write_text(json.dumps({"fleet": fleet}))
        rounds = []
        for _run in range(runs):
            cpu = {}
            for play in ("base", "pings", "once", "many", "constant", "handed"):
                cpu[play], _wall, output = run_cpu(playbook_cmd(plays[play], extra), env)
                if play in ("once", "many"):  # every switch rewrote the files (each play ends in TEST)
                    assert "changed=%d" % (2 if play == "once" else 2 + repeat // 2 * 2) in output, output[-2000:]
            ping_cpu = (cpu["pings"] - cpu["base"]) / repeat
            again = (cpu["many"] - cpu["once"]) / (repeat // 2 * 2)
            first = cpu["once"] - cpu["base"] - again
            rounds.append((ping_cpu, first / ping_cpu, again / ping_cpu,
                           (cpu["handed"] - cpu["constant"]) / repeat / ping_cpu))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return {"shops": shops, "runs": runs, "repeat": repeat, "ping_task_cpu": statistics.median(r[0] for r in rounds),
            "first_in_pings": statistics.median(r[1] for r in rounds),
            "again_in_pings": statistics.median(r[2] for r in rounds),
            "handing_over_in_pings": statistics.median(r[3] for r in rounds),
            "rounds": rounds}


# ------------------------------------------------------------------------------------------ go-live
def collection_tree(folder, floor=False):
    """The collection of this checkout under folder/ansible_collections (links), for ANSIBLE_COLLECTIONS_PATH.

    floor: its modules are ping-then-replay action plugins (bench/floor/vads_floor_action.py).
    """
    root = Path(folder) / "ansible_collections" / "vads" / "shop"
    root.mkdir(parents=True)
    for name in ("galaxy.yml", "meta", "roles", "playbooks"):
        if (REPO / name).exists():
            os.symlink(REPO / name, root / name)
    if not floor:
        os.symlink(REPO / "plugins", root / "plugins")
        return Path(folder)
    (root / "plugins" / "action").mkdir(parents=True)
    for name in ("filter", "module_utils", "doc_fragments", "modules"):
        os.symlink(REPO / "plugins" / name, root / "plugins" / name)
    for module in golive_modules():
        shutil.copy(REPO / "bench" / "floor" / "vads_floor_action.py", root / "plugins" / "action" / (module + ".py"))
    return Path(folder)


def tree_env(tree, extra=None):
    """Ansible reads the collection from tree only (not from the venv's link to the working copy)."""
    env = {"ANSIBLE_COLLECTIONS_PATH": str(tree), "ANSIBLE_COLLECTIONS_SCAN_SYS_PATH": "false"}
    env.update(extra or {})
    return env_for(env)


def bench_golive(shops, hosts, workdir, runs=1):
    """The go-live against its floor, `runs` times (each on a fleet and sandbox of its own): the medians,
    and every run under "runs" (a shared machine's CPU time varies from one run to the next)."""
    each = [_golive_once(shops, hosts, Path(workdir) / ("run-%d" % i)) for i in range(runs)]
    out = dict(each[0])
    for key in ("real_cpu", "real_wall", "floor_cpu", "floor_wall", "beyond_floor_per_shop", "ratio"):
        out[key] = statistics.median(run[key] for run in each)
    out["shops_verified"] = min(run["shops_verified"] for run in each)
    out["runs"] = each
    return out


def _golive_once(shops, hosts, workdir):
    workdir.mkdir(parents=True)
    out = {"shops": shops, "hosts": hosts}
    box = Sandbox(workdir / "sandbox", retry_schedule="0.2,0.2,0.2,0.2").start()
    try:
        per_host = shops // hosts
        kinds = ("dotenv", "yaml", "json", "ini")
        fleet = dict(("web-%02d" % h, [("shop-%02d-%03d" % (h, i), kinds[i % 4]) for i in range(per_host)])
                     for h in range(hosts))
        inventory = build_fleet(workdir / "fleet", box, fleet, first_site_id=50000001)
        record = workdir / "record"
        record.mkdir()
        cmd = [str(BIN / "ansible-playbook"), "-i", str(inventory), str(REPO / "playbooks" / "golive.yml")]
        real_env = tree_env(collection_tree(workdir / "real"), {
            "VADS_BENCH_RECORD": str(record), "ANSIBLE_CALLBACK_PLUGINS": str(REPO / "bench" / "floor"),
            "ANSIBLE_CALLBACKS_ENABLED": "vads_bench_record"})
        cpu, wall, output = run_cpu(cmd, real_env)
        recap = [line for line in output.splitlines() if " ok=" in line and "failed=0" not in line]
        if recap:
            sys.exit("the go-live failed:\n" + output[-4000:])
        report = json.loads((workdir / "fleet" / "report" / "golive-report.json").read_text())
        rows = [r for host in report["hosts"] for r in host["rows"]]
        live = [r for r in rows if r.get("first_payment_notification") == "sent"
                and r.get("first_payment_status") == "CANCELLED"]
        out.update(real_cpu=cpu, real_wall=wall, shops_verified=len(live), recorded=len(os.listdir(record)))
        floor_env = tree_env(collection_tree(workdir / "floor", floor=True), {"VADS_BENCH_RECORD": str(record)})
        cpu, wall, output = run_cpu(cmd, floor_env)
        out.update(floor_cpu=cpu, floor_wall=wall)
        out["beyond_floor_per_shop"] = (out["real_cpu"] - out["floor_cpu"]) / shops
        out["ratio"] = out["real_cpu"] / out["floor_cpu"]
    finally:
        box.stop()
    return out


# ------------------------------------------------------------------------------------------ preflight
PREFLIGHT_PLAY = """
- name: Preflight of one host's shops, as the golive role runs it
  hosts: shops
  gather_facts: false
  tasks:
    - name: The golive role's preflight
      ansible.builtin.include_role:
        name: vads.shop.golive
        tasks_from: preflight
      vars:
        golive_backoffice: {adapter: manual}
        golive_gateway_url: ""
        golive_first_payment: skip
"""


def bench_preflight(shops, workdir, runs=1):
    """The golive role's preflight on the real platform's path (manual Back Office adapter, production keys
    from the vault, the Back Office steps declared done) for one host's shops, against its floor."""
    workdir = Path(workdir)
    stores = workdir / "stores"
    stores.mkdir(parents=True)
    inventory = []
    kinds = ("dotenv", "yaml", "json", "ini")
    for i in range(shops):
        kind = kinds[i % 4]
        site_id = "%08d" % (40000001 + i)
        path = stores / ("shop-%03d.%s" % (i, {"dotenv": "env"}.get(kind, kind)))
        path.write_text(store_text(kind, site_id, "0123456789012345", placeholder=False))
        inventory.append({"name": "shop-%03d" % i, "site_id": site_id, "brand": "payzen",
                          "store": {"type": kind, "path": str(path)},
                          "notification_url": "https://shop-%03d.example.com/payzen/ipn" % i,
                          "key_prod": "Pq8RtY2mN9pL%04d" % i,
                          "manual_done": ["production_key", "notification_url_production"]})
    (workdir / "inventory.json").write_text(json.dumps({"shops": {"hosts": {"shop-host": {
        "ansible_connection": "local", "ansible_python_interpreter": str(BIN / "python"),
        "golive_shops": inventory}}}}))
    (workdir / "play.yml").write_text(PREFLIGHT_PLAY)
    cmd = [str(BIN / "ansible-playbook"), "-i", str(workdir / "inventory.json"), str(workdir / "play.yml")]
    real_tree, floor_tree = collection_tree(workdir / "real"), collection_tree(workdir / "floor", floor=True)
    record = workdir / "record"
    record.mkdir()
    each = []
    for _run in range(runs):
        real_cpu, _wall, output = run_cpu(cmd, tree_env(real_tree, {
            "VADS_BENCH_RECORD": str(record), "ANSIBLE_CALLBACK_PLUGINS": str(REPO / "bench" / "floor"),
            "ANSIBLE_CALLBACKS_ENABLED": "vads_bench_record"}))
        if "failed=0" not in output:
            sys.exit("the preflight failed:\n" + output[-4000:])
        floor_cpu, _wall, output = run_cpu(cmd, tree_env(floor_tree, {"VADS_BENCH_RECORD": str(record)}))
        if "failed=0" not in output:
            sys.exit("the preflight's floor failed:\n" + output[-4000:])
        each.append({"real_cpu": real_cpu, "floor_cpu": floor_cpu})
    out = {"shops": shops, "runs": each, "module_tasks": len(os.listdir(record))}
    for key in ("real_cpu", "floor_cpu"):
        out[key] = statistics.median(run[key] for run in each)
    out["beyond_floor_per_shop"] = (out["real_cpu"] - out["floor_cpu"]) / shops
    return out


# ------------------------------------------------------------------------------------------ http
def bench_http(requests_count=200):
    workdir = Path(tempfile.mkdtemp(prefix="vads-bench-http-"))
    sys.path.insert(0, str(collection_tree(workdir / "collection")))
    for name in [n for n in sys.modules if n.startswith("ansible_collections")]:
        del sys.modules[name]
    from ansible_collections.vads.shop.plugins.module_utils import gateway as gw  # pylint: disable=import-outside-toplevel
    out = {"module_file": gw.__file__}
    box = Sandbox(workdir).start()
    try:
        shop = box.api("POST", "shops", {"site_id": "60000001"})
        url = box.url + "/backoffice/api/shops/60000001"
        headers = {"Authorization": "Bearer " + box.token}

        def old_way():
            opener = urllib.request.build_opener(urllib.request.HTTPSHandler(context=ssl.create_default_context()))
            with opener.open(urllib.request.Request(url, headers=headers), timeout=10) as resp:
                resp.read()

        client = gw.configure_http({})

        def urls_way():
            assert client.exchange("GET", url, headers=headers, keep_alive=False)[0] == 200

        def new_way():
            assert gw.request_once("GET", url, headers=headers).status == 200

        parts = urllib.parse.urlsplit(box.url)
        conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)

        def kept_alive():
            conn.request("GET", parts.path + "/backoffice/api/shops/60000001", headers=headers)
            conn.getresponse().read()

        for name, func, count in (("old_client", old_way, max(20, requests_count // 5)),
                                  ("urls_client", urls_way, requests_count),
                                  ("collection_client", new_way, requests_count),
                                  ("kept_alive", kept_alive, requests_count)):
            func()
            start = time.process_time()
            for _i in range(count):
                func()
            out[name + "_ms"] = (time.process_time() - start) / count * 1000
        start = time.process_time()
        for _i in range(5):
            gw.HttpClient().context()
        out["tls_context_ms"] = (time.process_time() - start) / 5 * 1000
        del shop
    finally:
        box.stop()
        shutil.rmtree(workdir, ignore_errors=True)
    return out


# ------------------------------------------------------------------------------------------ report
def machine():
    load = os.getloadavg()
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import ansible  # pylint: disable=import-outside-toplevel
    return {"cpus": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "ansible_core": ansible.__version__, "load_average": [round(x, 1) for x in load],
            "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}


def table(results):
    lines = []
    info = results["machine"]
    lines.append("machine: %d CPUs (%s), Python %s, ansible-core %s, load average at the end %s; %s"
                 % (info["cpus"], info["cpu"], info["python"], info["ansible_core"],
                    "/".join(str(x) for x in info["load_average"]), info["when"]))
    lines.append("")
    lines.append("| measure | value | goal |")
    lines.append("|---|---|---|")
    pre = results.get("preflight")
    if pre:
        lines.append("| preflight of %d shops on one host, manual adapter (the real platform's path), %d module call(s): "
                     "CPU, collection / floor; beyond the floor per shop | %.1f s / %.1f s; %.3f s | |"
                     % (pre["shops"], pre["module_tasks"], pre["real_cpu"], pre["floor_cpu"],
                        pre["beyond_floor_per_shop"]))
    golive = results.get("golive")
    if golive:
        runs = golive.get("runs") or [golive]
        what = "median of %d runs: " % len(runs) if len(runs) > 1 else ""
        lines.append("| go-live %d shops / %d hosts: CPU, collection / Ansible floor | %s%.1f s / %.1f s (%.2fx) | <= 2x |"
                     % (golive["shops"], golive["hosts"], what, golive["real_cpu"], golive["floor_cpu"], golive["ratio"]))
        lines.append("| go-live: CPU beyond the floor, per shop | %s%.3f s%s | <= 0.05 s |"
                     % (what, golive["beyond_floor_per_shop"], " (runs: %s)" % ", ".join(
                         "%.3f" % run["beyond_floor_per_shop"] for run in runs) if len(runs) > 1 else ""))
        lines.append("| go-live: wall time, collection / floor (shared machine) | %.0f s / %.0f s | |"
                     % (golive["real_wall"], golive["floor_wall"]))
        lines.append("| go-live: shops verified (PRODUCTION payment cancelled, notification sent) | %d of %d | all |"
                     % (golive["shops_verified"], golive["shops"]))
        per_shop = golive["real_cpu"] / golive["shops"]
        cores = results["machine"]["cpus"] or 1
        lines.append("| 1,000-shop go-live extrapolated (linear): CPU, and wall on %d cores if CPU-bound | %.0f s, ~%.0f s | ~60 s |"
                     % (cores, per_shop * 1000, per_shop * 1000 / cores))
    stores = results.get("stores")
    if stores:
        lines.append("| one ping task (CPU) | %.3f s | |" % stores["ping_task_cpu"])
        tasks = stores["tasks"]
        for key, label in (("tmpfs/ctx_mode/1000", "ctx_mode, 1,000 shops, tmpfs"),
                           ("disk/ctx_mode/1000", "ctx_mode, 1,000 shops, disk")):
            if key in tasks:
                lines.append("| %s, in ping tasks (CPU) | %.1f | <= 3 (tmpfs) |" % (label, tasks[key]["in_pings"]))
        for play, label in (("certificate_inline", "certificate, per-shop keys inline"),
                            ("certificate_secrets", "certificate, per-shop keys in secrets"),
                            ("ctx_mode_keys_inline", "ctx_mode, per-shop keys inline"),
                            ("ctx_mode_keys_secrets", "ctx_mode, per-shop keys in secrets"),
                            ("ctx_mode", "ctx_mode, no keys")):
            small, large = tasks.get("tmpfs/%s/100" % play), tasks.get("tmpfs/%s/1000" % play)
            if small and large:
                ratio = large["per_shop_ms"] / small["per_shop_ms"] if small["per_shop_ms"] else float("nan")
                lines.append("| %s: CPU per shop beyond a ping, 100 / 1,000 shops | %.2f / %.2f ms (%.2fx) | <= 1.3x |"
                             % (label, small["per_shop_ms"], large["per_shop_ms"], ratio))
    again = results.get("ctx_mode_again")
    if again:
        lines.append("| ctx_mode, 1,000 shops, tmpfs, in ping tasks (CPU, medians of %d rounds, each task repeated %d "
                     "times in its play): first in its run (builds the module) / a further one, like a ping "
                     "| %.1f / %.1f | <= 3 |"
                     % (again["runs"], again["repeat"], again["first_in_pings"], again["again_in_pings"]))
        lines.append("| of which handing the 1,000 shops to the task (ansible-core templating its arguments: a debug "
                     "task over the same expression, against one over a constant), in ping tasks | %.1f | |"
                     % again["handing_over_in_pings"])
    httpr = results.get("http")
    if httpr:
        lines.append("| HTTP request CPU: old client / ansible urls, one TLS context / the collection's client (kept alive) "
                     "/ bare http.client kept alive | %.2f / %.2f / %.2f / %.2f ms | |"
                     % (httpr["old_client_ms"], httpr["urls_client_ms"], httpr["collection_client_ms"],
                        httpr["kept_alive_ms"]))
        lines.append("| building one TLS context (CA bundle), once per module call using https | %.1f ms | |"
                     % httpr["tls_context_ms"])
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", default="golive,preflight,stores,again,http")
    parser.add_argument("--runs", type=int, default=3, help="medians of this many runs (stores)")
    parser.add_argument("--preflight-shops", type=int, default=50)
    parser.add_argument("--golive-shops", type=int, default=200)
    parser.add_argument("--golive-hosts", type=int, default=4)
    parser.add_argument("--golive-runs", type=int, default=1, help="go-lives (each with its floor), medians shown")
    parser.add_argument("--tmpfs", default="/dev/shm" if os.path.isdir("/dev/shm") else None)
    parser.add_argument("--disk", default=tempfile.gettempdir())
    parser.add_argument("--stores-plays", help="comma-separated subset of the store tasks (default: all)")
    parser.add_argument("--json", help="also write the results there")
    args = parser.parse_args()
    only = set(args.only.split(","))
    results = {}
    if "http" in only:
        results["http"] = bench_http()
    if "again" in only:
        results["ctx_mode_again"] = bench_ctx_mode_again(args.runs, args.tmpfs or tempfile.gettempdir())
    if "stores" in only:
        results["stores"] = bench_stores(args.runs, args.tmpfs, args.disk or None,
                                         args.stores_plays.split(",") if args.stores_plays else None)
    if "preflight" in only:
        workdir = Path(tempfile.mkdtemp(prefix="vads-bench-preflight-"))
        try:
            results["preflight"] = bench_preflight(args.preflight_shops, workdir, args.runs)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    if "golive" in only:
        workdir = Path(tempfile.mkdtemp(prefix="vads-bench-golive-"))
        try:
            results["golive"] = bench_golive(args.golive_shops, args.golive_hosts, workdir, args.golive_runs)
        finally:
            shutil.rmtree(workdir, ignore_errors=True)
    results["machine"] = machine()
    print(table(results))
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1, default=str))
    return 0


if __name__ == "__main__":
    sys.exit(main())

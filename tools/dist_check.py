"""Run the go-live of a small fleet from the INSTALLED collection, by name, through ansible-runner.

Called by tools/dist.sh with the python of a fresh venv (ansible-core, ansible-runner, the runtime
requirements and the sandbox wheel; the collection installed from its tarball). The sandbox is the
one from the wheel (`vads-sandbox` next to this python). Exits non-zero unless every shop is read
back in PRODUCTION with its production key, by the installed `vads.shop.shop_info`.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from pathlib import Path

import ansible_runner

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_fleet import Sandbox, build_fleet  # noqa: E402

HOSTS = {"web-a": [("dist-lyon", "dotenv"), ("dist-nice", "yaml")], "web-b": [("dist-paris", "json")]}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--workdir", required=True)
    args = parser.parse_args(argv)
    work = Path(args.workdir)
    shutil.rmtree(work, ignore_errors=True)  # a fresh sandbox database: site ids are unique in it
    (work / "runner").mkdir(parents=True, exist_ok=True)
    # ansible-runner finds ansible-playbook on PATH: this venv's, as an activated venv would.
    os.environ["PATH"] = str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")
    sandbox = Sandbox(work / "sandbox").start()
    try:
        inventory = build_fleet(work, sandbox, HOSTS, first_site_id=41000001)
        env = {"ANSIBLE_COLLECTIONS_PATH": os.environ["ANSIBLE_COLLECTIONS_PATH"],
               "ANSIBLE_COLLECTIONS_SCAN_SYS_PATH": "False"}
        run = ansible_runner.run(private_data_dir=str(work / "runner"), playbook="vads.shop.golive",
                                 inventory=str(inventory), envvars=env, quiet=True)
        print("dist: ansible-runner ran vads.shop.golive: %s (rc %s)" % (run.status, run.rc))
        if run.rc != 0:
            print(run.stdout.read()[-4000:])
            return 1
        bad = []
        for host_file in sorted((inventory / "host_vars").glob("*.json")):
            for shop in json.loads(host_file.read_text())["vads_shops"]:
                info = ansible_runner.run(
                    private_data_dir=str(work / "runner"), host_pattern="localhost", inventory="localhost,",
                    module="vads.shop.shop_info", module_args=json.dumps({"name": shop["name"], "store": shop["store"]}),
                    envvars=dict(env, ANSIBLE_PYTHON_INTERPRETER=sys.executable), extravars={"ansible_connection": "local"},
                    quiet=True)
                result = next((e["event_data"]["res"] for e in info.events if e.get("event") == "runner_on_ok"), None)
                state = result["shops"][0] if result else {}
                if state.get("ctx_mode") != "PRODUCTION" or not state.get("key_prod_fingerprint"):
                    bad.append("%s: %s" % (shop["name"], {k: state.get(k) for k in ("ctx_mode", "key_prod_fingerprint")}))
        if bad:
            print("dist: not in PRODUCTION after the go-live: " + "; ".join(bad))
            return 1
        print("dist: %d shops read back in PRODUCTION by the installed vads.shop.shop_info"
              % sum(len(v) for v in HOSTS.values()))
        return 0
    finally:
        sandbox.stop()


if __name__ == "__main__":
    sys.exit(main())

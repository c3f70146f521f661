"""Run the store write path (Batch with a real operation) in this process or in a child process.

The Ansible module object is the only stand-in: everything below it (lock, editors, staging,
rename) is the code a module run executes. Used where hundreds of runs are needed (concurrency,
faults), where starting ansible-core each time would take minutes.

As a script: python -m support.stores OPERATION JSON_SHOPS [REPEAT] [results]; each JSON shop may use
{i} in strings, replaced by the iteration number. JSON_SHOPS may instead be a script: a list of such
lists, one per run (REPEAT is then its length), where a run may also be {"operation": ..., "shops": [...]}.
With ``results``, each run prints one JSON line (the shops' results, or the failure's message), a failure
does not stop the next runs, and the runs start when a line arrives on the standard input (so that a
parent can start several processes together).
"""

from __future__ import annotations

import json
import sys

from ansible_collections.vads.shop.plugins.module_utils.batch import Batch, merge_shops
from ansible_collections.vads.shop.plugins.module_utils.merchant import Certificate, CtxMode, ShopInfo

OPERATIONS = {"certificate": Certificate, "ctx_mode": CtxMode, "shop_info": ShopInfo}


class Failed(Exception):
    def __init__(self, msg, result):
        Exception.__init__(self, msg)
        self.msg = msg
        self.result = result


class StandInModule(object):
    """What Batch uses of AnsibleModule: check mode, diff, warnings, failure."""

    def __init__(self, params, check=False, diff=True):
        self.params = params
        self.check_mode = check
        self._diff = diff
        self.warnings = []

    def warn(self, text):
        self.warnings.append(text)

    def run_command(self, args, **kwargs):
        raise AssertionError("file stores run no command: %r" % (args,))

    def fail_json(self, msg, **kwargs):
        raise Failed(msg, kwargs)

    def exit_json(self, **kwargs):
        raise AssertionError("Batch.execute returns; it does not exit")


def run_batch(operation, shops, check=False, **top):
    op = OPERATIONS[operation]()
    names = ["name", "store"] + list(op.options) + (["backup"] if op.writes else [])
    params = dict((n, top.get(n)) for n in names)
    for name, spec in op.options.items():
        if params.get(name) is None and "default" in spec:
            params[name] = spec["default"]
    params["shops"] = shops
    module = StandInModule(params, check=check)
    result = Batch(module, op).execute(merge_shops(params, names))
    result["warnings"] = module.warnings
    return result


def main(argv):
    operation, template = argv[0], argv[1]
    repeat = int(argv[2]) if len(argv) > 2 else 1
    script = json.loads(template)
    if not script or not (isinstance(script[0], list) or "operation" in script[0]):
        script = None  # a list of shops, run REPEAT times
    if script is not None:
        repeat = len(script)
    results = len(argv) > 3 and argv[3] == "results"
    sys.stdout.write("ready\n")  # imports done: a parent that kills this process times from here
    sys.stdout.flush()
    if results:
        sys.stdin.readline()  # "go": the parent starts its processes together
    for i in range(repeat):
        shops = script[i] if script is not None else json.loads(template.replace("{i}", str(i)))
        if isinstance(shops, dict):
            operation, shops = shops["operation"], shops["shops"]
        if not results:
            run_batch(operation, shops)
            continue
        try:
            line = {"shops": run_batch(operation, shops)["shops"]}
        except Failed as exc:
            line = {"failed": exc.msg}
        sys.stdout.write(json.dumps(line) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

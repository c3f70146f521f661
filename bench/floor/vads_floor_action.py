# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Action plugin installed by bench/perf_bench.py under each vads.shop module name in a copy of the
collection: runs ansible.builtin.ping on the host instead of the module, then returns the result the
module gave in the recorded real run, so that the play takes exactly the same path (same tasks,
conditions, filters, reports). What the real run costs beyond this is the collection's own work."""

from __future__ import annotations

import json
import os

from ansible.plugins.action import ActionBase


def where(task):
    path = task.get_path() or ""
    folder, _sep, line = path.rpartition(":")
    return "%s:%s" % (os.path.basename(folder), line)


class ActionModule(ActionBase):
    def run(self, tmp=None, task_vars=None):
        super(ActionModule, self).run(tmp, task_vars)
        ping = self._execute_module(module_name="ansible.builtin.ping", module_args={}, task_vars=task_vars)
        if ping.get("ping") != "pong":
            return {"failed": True, "msg": "ping failed: %s" % ping}
        name = "%s|%s.json" % (task_vars["inventory_hostname"], where(self._task))
        path = os.path.join(os.environ["VADS_BENCH_RECORD"], name.replace("/", "_"))
        if not os.path.exists(path):
            return {"failed": True, "msg": "the real run recorded no result for %s" % name}
        with open(path) as handle:
            return json.load(handle)

# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Callback for bench/perf_bench.py: records every vads.shop module result of a run, one file per
host and task, so that the "floor" run can replay them after a ping (see vads_floor_action.py)."""

from __future__ import annotations

import json
import os

from ansible.plugins.callback import CallbackBase

DOCUMENTATION = """
name: vads_bench_record
type: aggregate
short_description: Record vads.shop module results for the Ansible-floor benchmark
description: Writes each vads.shop module result to VADS_BENCH_RECORD/<host>|<task file:line>.json.
"""


def where(task):
    path = task.get_path() or ""
    folder, _sep, line = path.rpartition(":")
    return "%s:%s" % (os.path.basename(folder), line)


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = "aggregate"
    CALLBACK_NAME = "vads_bench_record"
    CALLBACK_NEEDS_ENABLED = True

    def _record(self, result):
        task = result._task
        action = getattr(task, "resolved_action", None) or task.action
        if not str(action).startswith("vads.shop."):
            return
        folder = os.environ["VADS_BENCH_RECORD"]
        name = "%s|%s.json" % (result._host.get_name(), where(task))
        path = os.path.join(folder, name.replace("/", "_"))
        if os.path.exists(path):  # the first run of a task on a host is the one replayed
            return
        data = dict((k, v) for k, v in result._result.items() if not k.startswith("_ansible"))
        with open(path, "w") as handle:
            json.dump(data, handle, default=str)

    def v2_runner_on_ok(self, result):
        self._record(result)

    def v2_runner_on_failed(self, result, ignore_errors=False):
        self._record(result)

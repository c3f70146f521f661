# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
"""Test-only callback: write each host's last task result to <directory>/<host> as JSON.

It replaces ``ansible -t DIR`` (the ``tree`` callback is deprecated and goes away in ansible-core
2.23) with something that behaves the same on every ansible-core this collection supports.
"""

from __future__ import annotations

DOCUMENTATION = r"""
name: vads_result
type: aggregate
short_description: Write each host's last result to a JSON file (test helper)
description:
  - Writes the last task result of every host to a file named after the host, as JSON, after the
    same no_log censoring as the screen output.
options:
  directory:
    description: Folder that receives one file per host.
    type: path
    env:
      - name: VADS_RESULT_DIR
    required: true
"""

import json
import os

from ansible.plugins.callback import CallbackBase


class CallbackModule(CallbackBase):
    CALLBACK_VERSION = 2.0
    CALLBACK_TYPE = 'aggregate'
    CALLBACK_NAME = 'vads_result'
    CALLBACK_NEEDS_ENABLED = True

    def _save(self, result, *args, **kwargs):
        # ansible-core 2.19 passes a CallbackTaskResult (.host / .result); older ones a TaskResult.
        host = getattr(result, 'host', None) or result._host
        data = getattr(result, 'result', None)
        if data is None:
            data = result._result
        folder = self.get_option('directory')
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, host.get_name()), 'w') as handle:
            handle.write(self._dump_results(data, indent=None))

    v2_runner_on_ok = _save
    v2_runner_on_failed = _save
    v2_runner_on_skipped = _save
    v2_runner_on_unreachable = _save

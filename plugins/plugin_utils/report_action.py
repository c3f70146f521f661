# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The action plugins that write reports on the controller (audit_report, golive_report, report_files).

Each is its module's own code (module_utils), run in the worker process that already holds the data: no
module process, no transfer, no echo of the data in an ``invocation``.
"""

from __future__ import annotations

import copy

from ansible.plugins.action import ActionBase


class ReportAction(ActionBase):
    """Validates the module's options, runs its writer and turns its error into a failed result."""

    TRANSFERS_FILES = False
    _requires_connection = False
    ARGUMENT_SPEC = {}
    ERROR = Exception
    WHAT = "reports"

    def write(self, params):
        raise NotImplementedError

    def run(self, tmp=None, task_vars=None):
        result = super(ReportAction, self).run(tmp, task_vars)
        dummy, params = self.validate_argument_spec(argument_spec=copy.deepcopy(self.ARGUMENT_SPEC))
        try:
            result.update(self.write(params))
        except self.ERROR as exc:
            result.update(failed=True, msg="cannot write the %s: %s" % (self.WHAT, exc))
        return result

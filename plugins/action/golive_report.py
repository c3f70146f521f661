# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""vads.shop.golive_report on the controller, where the reports are written.

Why an action: the go-live's reports were a dozen copy, file and find tasks per wave, each a module
process; here one task per host and one per wave write them in the worker process that holds them.
"""

from __future__ import annotations

import copy

from ansible.plugins.action import ActionBase

from ansible_collections.vads.shop.plugins.module_utils.golive_report import ARGUMENT_SPEC, ReportError, run


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _requires_connection = False
    _supports_check_mode = True  # reports are output, not managed state: a dry run writes its own (dry_run)

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        dummy, params = self.validate_argument_spec(argument_spec=copy.deepcopy(ARGUMENT_SPEC))
        try:
            result.update(run(params))
        except ReportError as exc:
            result.update(failed=True, msg="cannot write the go-live reports: %s" % exc)
            return result
        if params.get("merge"):
            result["_ansible_verbose_always"] = True  # the summary is printed, as a debug task's message
        return result

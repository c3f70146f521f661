# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""vads.shop.golive_report on the controller, where the reports are written.

Why an action: the go-live's reports were a dozen copy, file and find tasks per wave, each a module
process; here one task per host and one per wave write them in the worker process that holds them.
"""

from __future__ import annotations

from ansible_collections.vads.shop.plugins.module_utils.golive_report import ARGUMENT_SPEC, ReportError, run
from ansible_collections.vads.shop.plugins.plugin_utils.report_action import ReportAction


class ActionModule(ReportAction):
    _supports_check_mode = True  # reports are output, not managed state: a dry run writes its own (dry_run)
    ARGUMENT_SPEC = ARGUMENT_SPEC
    ERROR = ReportError
    WHAT = "go-live reports"

    def write(self, params):
        result = run(params)
        if params.get("merge"):
            result["_ansible_verbose_always"] = True  # the summary is printed, as a debug task's message
        return result

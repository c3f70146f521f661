# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""vads.shop.audit_report on the controller, where the reports are written.

Why an action: as a module, the results of every shop went to a module process as its arguments and came
back in its ``invocation``, twice the fleet's results through JSON, for a few files written on the
controller. Here they are read and written in the worker process that already holds them.
"""

from __future__ import annotations

from ansible_collections.vads.shop.plugins.module_utils.audit_report import ARGUMENT_SPEC, ReportError, run
from ansible_collections.vads.shop.plugins.plugin_utils.report_action import ReportAction


class ActionModule(ReportAction):
    _supports_check_mode = False  # as the module: the playbook runs it with check_mode: false
    ARGUMENT_SPEC = ARGUMENT_SPEC
    ERROR = ReportError
    WHAT = "audit reports"

    def write(self, params):
        return run(params)

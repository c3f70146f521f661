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

import copy

from ansible.plugins.action import ActionBase

from ansible_collections.vads.shop.plugins.module_utils.audit_report import ARGUMENT_SPEC, ReportError, run


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _requires_connection = False
    _supports_check_mode = False  # as the module: the playbook runs it with check_mode: false

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        dummy, params = self.validate_argument_spec(argument_spec=copy.deepcopy(ARGUMENT_SPEC))
        try:
            result.update(run(params))
        except ReportError as exc:
            result.update(failed=True, msg="cannot write the audit reports: %s" % exc)
        return result

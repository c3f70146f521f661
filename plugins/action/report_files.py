# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""vads.shop.report_files on the controller: a report's files written by the worker that holds them.

Why an action: a copy task per file runs two module processes (stat, then copy) for text already on the
controller; a report of three files and its folder were seven.
"""

from __future__ import annotations

import copy

from ansible.plugins.action import ActionBase

from ansible_collections.vads.shop.plugins.module_utils.report_files import ARGUMENT_SPEC, ReportError, run


class ActionModule(ActionBase):
    TRANSFERS_FILES = False
    _requires_connection = False
    _supports_check_mode = True  # reports are output, not managed state: the caller decides where a dry run writes

    def run(self, tmp=None, task_vars=None):
        result = super(ActionModule, self).run(tmp, task_vars)
        dummy, params = self.validate_argument_spec(argument_spec=copy.deepcopy(ARGUMENT_SPEC))
        try:
            result.update(run(params))
        except ReportError as exc:
            result.update(failed=True, msg="cannot write the report files: %s" % exc)
        return result

# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""vads.shop.report_files on the controller: a report's files written by the worker that holds them.

Why an action: a copy task per file runs two module processes (stat, then copy) for text already on the
controller; a report of three files and its folder were seven.
"""

from __future__ import annotations

from ansible_collections.vads.shop.plugins.module_utils.report_files import ARGUMENT_SPEC, ReportError, run
from ansible_collections.vads.shop.plugins.plugin_utils.report_action import ReportAction


class ActionModule(ReportAction):
    _supports_check_mode = True  # reports are output, not managed state: the caller decides where a dry run writes
    ARGUMENT_SPEC = ARGUMENT_SPEC
    ERROR = ReportError
    WHAT = "report files"

    def write(self, params):
        return run(params)

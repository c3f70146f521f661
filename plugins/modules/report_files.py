#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: report_files
short_description: Write a report's files (JSON, Markdown, HTML...) in one folder, each replaced atomically
version_added: 0.2.0
description:
  - Writes each item of O(files) as a file of O(path), creating the folder when missing. Each file is written to
    a temporary file in the same folder, flushed to disk, then renamed over the old one, so that a reader (or a
    run killed midway) sees the old file or the new one, never a part.
  - Every name and content is checked before anything is written; a bad one writes nothing.
  - Used by the C(vads.shop.rotate_certificate) role for its report and its rotation record. Reports are output,
    not managed state - the task always reports no change, and writes in check mode too (the caller decides
    where a dry run writes, or skips the task).
  - Runs on the controller, as an action plugin (no module process; a C(copy) task per file runs two).
options:
  path:
    description: The folder, on the controller.
    type: path
    required: true
  files:
    description: File name (no folder part) to its text.
    type: dict
    required: true
  mode:
    description: The files' mode. A report holds fingerprints, never keys; a record readable by its owner only
      may use C(0600).
    type: raw
    default: "0644"
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details:
      - Writes in check mode too - reports are the output of a dry run. Skip the task in check mode for a file
        that must change only with a real run.
  diff_mode:
    support: none
  platform:
    platforms: posix
seealso:
  - module: vads.shop.golive_report
author:
  - vads.shop contributors (@vads-shop)
"""

EXAMPLES = r"""
- name: Write the rotation report (JSON and HTML)
  vads.shop.report_files:
    path: /srv/golive/rotation
    files:
      rotation-report.json: "{{ report | to_nice_json }}"
      rotation-report.html: "{{ report | vads.shop.fleet_html('rotation') }}"
  run_once: true
"""

RETURN = r"""
files:
  description: The files written.
  returned: success
  type: list
  elements: str
  sample: [/srv/golive/rotation/rotation-report.html, /srv/golive/rotation/rotation-report.json]
"""

import copy

from ansible.module_utils.basic import AnsibleModule

# First of the collection's imports: each module_utils file below is then compiled once, not twice.
from ansible_collections.vads.shop.plugins.module_utils import compile_once  # noqa: F401 pylint: disable=unused-import
from ansible_collections.vads.shop.plugins.module_utils.report_files import ARGUMENT_SPEC, ReportError, run


def main():
    # The action plugin of the same name does this on the controller; this module is the same code, for
    # ansible-doc and direct use (the files are written on the host it runs on).
    module = AnsibleModule(argument_spec=copy.deepcopy(ARGUMENT_SPEC), supports_check_mode=True)
    try:
        result = run(module.params)
    except ReportError as exc:
        module.fail_json(msg="cannot write the report files: %s" % exc)
    module.exit_json(**result)


if __name__ == "__main__":
    main()

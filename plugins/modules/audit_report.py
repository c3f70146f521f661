#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: audit_report
short_description: Write a fleet audit's JSON, JUnit XML, Markdown and HTML reports
version_added: 0.2.0
description:
  - Merges the per-host results of M(vads.shop.audit) into one JSON document (the machine contract, described
    by C(docs/audit-report.schema.json)) and renders from it, so that their counts agree, a JUnit XML file
    (one test case per shop, a failure carrying its findings when it has an error or a warning), a Markdown
    summary for a merge request comment, and a self-contained HTML page (no external asset; summary at the
    top; one row per shop; sortable and filterable by host, brand, state and severity).
  - Files, in O(report_dir) - C(audit-report.json), C(audit-report.xml), C(audit-report.md),
    C(audit-report.html). Each is replaced atomically, mode C(0644) (they hold fingerprints, never keys).
  - The verdict (V(fail) or V(pass)) follows O(fail_on); the module itself does not fail on findings, so that
    the caller can fail after every output is written.
  - Runs on the controller, as an action plugin, where the reports are written (the results of every shop are
    not sent to a module process).
options:
  hosts:
    description:
      - One item per host - C(host) and C(shops) (the RV(vads.shop.audit#module:shops) result); or, for a
        host whose audit did not run, C(host), C(failed=true), C(msg) and C(inventory) (its shop names).
    type: list
    elements: dict
    required: true
  report_dir:
    description: The folder of the reports; created when missing.
    type: path
    required: true
  fail_on:
    description: The verdict is V(fail) when a finding reaches this severity; V(never) always passes.
    type: str
    choices: [error, warning, never]
    default: error
  audit_check_mode:
    description: Whether the audit ran in check mode (noted in the reports; the audit reads the same either way).
    type: bool
    default: false
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: none
    details:
      - The reports are the output of the audit, written in check mode too (run the task with C(check_mode=false)).
  diff_mode:
    support: none
  platform:
    platforms: posix
seealso:
  - module: vads.shop.audit
author:
  - vads.shop contributors (@vads-shop)
"""

EXAMPLES = r"""
- name: Write the reports
  vads.shop.audit_report:
    hosts: "{{ ansible_play_hosts_all | map('extract', hostvars) | map(attribute='audit') | list }}"
    report_dir: /srv/audit
    fail_on: warning
  delegate_to: localhost
  run_once: true
  check_mode: false
  register: report
"""

RETURN = r"""
verdict:
  description: V(fail) when a finding reaches O(fail_on), else V(pass).
  returned: success
  type: str
  sample: fail
summary:
  description: The counts of the JSON report's C(summary) (hosts, shops, clean, failing, findings by severity and code).
  returned: success
  type: dict
  sample:
    hosts: 5
    hosts_failed: 0
    shops: 10
    shops_clean: 9
    shops_failing: 1
    shops_by_severity:
      error: 1
      warning: 0
      info: 0
      ok: 9
    findings:
      error: 1
      warning: 0
      info: 0
    findings_by_code:
      MODE_DRIFT: 1
    worst: error
message:
  description: One line for the log - the verdict, the counts, the codes found and the HTML report's path.
  returned: success
  type: str
  sample: "audit FAIL (fails on error): 10 shop(s) on 5 host(s), 9 clean, 1 error(s), 0 warning(s); MODE_DRIFT=1. Report: /srv/audit/audit-report.html"
files:
  description: Path of each report - C(json), C(junit), C(markdown), C(html).
  returned: success
  type: dict
  sample:
    json: /srv/audit/audit-report.json
    junit: /srv/audit/audit-report.xml
    markdown: /srv/audit/audit-report.md
    html: /srv/audit/audit-report.html
"""

import copy

from ansible.module_utils.basic import AnsibleModule

# First of the collection's imports: each module_utils file below is then compiled once, not twice.
from ansible_collections.vads.shop.plugins.module_utils import compile_once  # noqa: F401 pylint: disable=unused-import
from ansible_collections.vads.shop.plugins.module_utils.audit_report import ARGUMENT_SPEC, ReportError, run


def main():
    # The action plugin of the same name does this on the controller (no module transfer, and no echo of
    # every shop's result in the invocation); this module is the same code, for ansible-doc and direct use.
    module = AnsibleModule(argument_spec=copy.deepcopy(ARGUMENT_SPEC), supports_check_mode=False)
    try:
        result = run(module.params)
    except ReportError as exc:
        module.fail_json(msg="cannot write the audit reports: %s" % exc)
    module.exit_json(**result)


if __name__ == "__main__":
    main()

#!/usr/bin/python
# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later

from __future__ import annotations

DOCUMENTATION = r"""
module: golive_report
short_description: Write a go-live's per-host and fleet reports (JSON, Markdown, Back Office checklist, HTML)
version_added: 0.2.0
description:
  - The reports of the C(vads.shop.golive) role, used by its tasks; a playbook of its own may call it the same way.
  - With O(host_report), writes that host's report to C(runs/<run id>/hosts/<host>.json) in O(report_dir)
    (C(dry-runs/<run id>/) when O(dry_run)).
  - With O(merge), merges the host reports of this run (and of no other) into C(golive-report.json),
    C(golive-report.md), C(checklist.md) (every manual Back Office step) and C(golive-report.html) (the same
    self-contained page as the audit's) in the run's folder; a real run also copies them to the top of
    O(report_dir) and points C(latest) at the run (a dry run, C(dry-runs/latest)). Runs beyond O(keep) are
    removed, oldest first. Returns the summary lines in RV(msg), which the task prints.
  - Every file is replaced atomically, mode C(0644) (reports hold fingerprints, never keys). Nothing here is
    managed state, so the task always reports no change.
  - Runs on the controller, as an action plugin, where the reports are written (no module process).
options:
  report_dir:
    description: The folder of the reports, on the controller; created when missing.
    type: path
    required: true
  run_id:
    description: The run's id; only host reports carrying it are merged.
    type: str
    required: true
  started:
    description: When the run started (UTC, ISO 8601), written in the fleet report.
    type: str
    default: ""
  dry_run:
    description: The run is a dry run (check mode) - its reports go under C(dry-runs/) and never over a real run's.
    type: bool
    default: false
  host_report:
    description:
      - One host's report - C(host), C(status), C(failure), C(adapter), C(checklist) and C(rows) (from the
        P(vads.shop.golive_rows#filter) filter).
    type: dict
  merge:
    description: Merge this run's host reports into the fleet report and print its summary.
    type: bool
    default: false
  keep:
    description: How many runs (and, apart, dry runs) keep their reports.
    type: int
    default: 10
extends_documentation_fragment:
  - ansible.builtin.action_common_attributes
attributes:
  check_mode:
    support: full
    details:
      - Writes the reports in check mode too (they are the output of a dry run), under C(dry-runs/) when O(dry_run).
  diff_mode:
    support: none
  platform:
    platforms: posix
seealso:
  - module: vads.shop.shop_info
author:
  - vads.shop contributors (@vads-shop)
"""

EXAMPLES = r"""
- name: Write this host's report
  vads.shop.golive_report:
    report_dir: /srv/golive
    run_id: "{{ hostvars['localhost'].golive_run_id }}"
    dry_run: "{{ ansible_check_mode }}"
    host_report:
      host: "{{ inventory_hostname }}"
      status: done
      failure: null
      adapter: sandbox
      checklist: []
      rows: "{{ vads_shops | vads.shop.golive_rows({'after': switched}, 'sandbox') }}"

- name: Merge the reports of the hosts done so far
  vads.shop.golive_report:
    report_dir: /srv/golive
    run_id: "{{ hostvars['localhost'].golive_run_id }}"
    started: "{{ hostvars['localhost'].golive_run_started }}"
    dry_run: "{{ ansible_check_mode }}"
    merge: true
  run_once: true
"""

RETURN = r"""
msg:
  description: The summary of the merged report, read back from the host reports (with O(merge)).
  returned: when O(merge)
  type: list
  elements: str
  sample:
    - "Run 20261201T132400Z-1234567: 3 host(s), 5 shop(s): 5 in PRODUCTION (read back), 5 first payment(s)
      notified, 0 manual step(s) pending, 0 host(s) stopped."
    - "Report: /srv/golive/runs/20261201T132400Z-1234567/golive-report.md, golive-report.json and checklist.md"
file:
  description: The host report written (with O(host_report)).
  returned: when O(host_report)
  type: str
  sample: /srv/golive/runs/20261201T132400Z-1234567/hosts/web-lyon.json
counts:
  description: How many host reports were merged, and how many shops they hold.
  returned: when O(merge)
  type: dict
  sample:
    hosts: 3
    shops: 5
report:
  description: The run's folder, which holds its fleet report (C(golive-report.json), C(.md), C(checklist.md), C(.html)).
  returned: when O(merge)
  type: str
  sample: /srv/golive/runs/20261201T132400Z-1234567
"""

import copy

from ansible.module_utils.basic import AnsibleModule

# First of the collection's imports: each module_utils file below is then compiled once, not twice.
from ansible_collections.vads.shop.plugins.module_utils import compile_once  # noqa: F401 pylint: disable=unused-import
from ansible_collections.vads.shop.plugins.module_utils.golive_report import ARGUMENT_SPEC, ReportError, run


def main():
    # The action plugin of the same name does this on the controller; this module is the same code, for
    # ansible-doc and direct use (the reports are written on the host it runs on).
    module = AnsibleModule(argument_spec=copy.deepcopy(ARGUMENT_SPEC), supports_check_mode=True)
    try:
        result = run(module.params)
    except ReportError as exc:
        module.fail_json(msg="cannot write the go-live reports: %s" % exc)
    module.exit_json(**result)


if __name__ == "__main__":
    main()

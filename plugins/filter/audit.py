# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Filters of the fleet audit and of the fleet reports' HTML page."""

from __future__ import annotations

from ansible.errors import AnsibleFilterError

from ansible_collections.vads.shop.plugins.module_utils import report_html


def audit_hosts(hosts, hostvars, result="vads_audit_result"):
    """For vads.shop.audit_report: each host's audit result, or why it has none (failed, unreachable)."""
    if not isinstance(hosts, list):
        raise AnsibleFilterError("vads.shop.audit_hosts expects a list of host names")
    out = []
    for host in hosts:
        values = hostvars[host]
        registered = values.get(result) if hasattr(values, "get") else None
        registered = registered if isinstance(registered, dict) else {}
        if registered.get("shops") is not None and not registered.get("failed") and not registered.get("unreachable"):
            out.append({"host": host, "shops": registered["shops"]})
            continue
        shops = values.get("vads_shops") if hasattr(values, "get") else None
        names = [s.get("name") for s in shops or [] if isinstance(s, dict) and s.get("name")]
        if registered.get("unreachable"):
            message = "the host was unreachable: %s" % (registered.get("msg") or "no answer")
        elif registered.get("failed"):
            message = "the audit task failed: %s" % (registered.get("msg") or "no message")
        else:
            message = "the audit task did not run on this host"
        out.append({"host": host, "failed": True, "msg": message, "inventory": names})
    return out


def fleet_html(report, kind="golive", title=None):
    """A fleet report (the go-live's list of host reports, the rotation report, or any list of row dicts) as a
    self-contained page."""
    if kind == "golive":
        return report_html.golive_page(report, title or "Go-live report")
    if kind == "rotation":
        return report_html.rotation_page(report, title or "Key rotation report")
    if kind == "rows":
        return report_html.rows_page(report, title or "Fleet report")
    raise AnsibleFilterError("vads.shop.fleet_html: kind %r is unknown: use golive, rotation or rows" % (kind,))


class FilterModule(object):
    def filters(self):
        return {"audit_hosts": audit_hosts, "fleet_html": fleet_html}

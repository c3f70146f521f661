# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The outputs of one fleet audit: JSON (the contract, docs/audit-report.schema.json), JUnit XML, Markdown
for a merge request comment and a self-contained HTML page.

The JSON document is built once; every other output is rendered from it, so their counts agree.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from xml.etree import ElementTree

from ansible_collections.vads.shop.plugins.module_utils import report_html
from ansible_collections.vads.shop.plugins.module_utils.audit import SEVERITIES, finding, worst
from ansible_collections.vads.shop.plugins.module_utils.store import atomic_write

SCHEMA_ID = "https://vads.shop/schemas/audit-report-1.json"
FAIL_ON = ("error", "warning", "never")
FILES = {"json": "audit-report.json", "junit": "audit-report.xml", "markdown": "audit-report.md",
         "html": "audit-report.html"}
# A shop "fails" (JUnit failure, red in CI) when it has an error or a warning; info findings never do.
FAILING = ("error", "warning")

# The options of vads.shop.audit_report (its action plugin validates them on the controller).
ARGUMENT_SPEC = {
    "hosts": {"type": "list", "elements": "dict", "required": True},
    "report_dir": {"type": "path", "required": True},
    "fail_on": {"type": "str", "choices": list(FAIL_ON), "default": "error"},
    "audit_check_mode": {"type": "bool", "default": False},
}


class ReportError(Exception):
    pass


def build(hosts, fail_on="error", check_mode=False, now=None):
    """The JSON document from per-host results.

    hosts: [{"host", "shops": [audit results]}] for hosts audited, or {"host", "failed": true, "msg",
    "inventory": [shop names]} for a host whose audit task failed or was unreachable: each of its shops
    (or the host itself when its inventory lists none) gets an AUDIT_FAILED finding.
    """
    if fail_on not in FAIL_ON:
        raise ReportError("fail_on %r is not allowed: use one of %s" % (fail_on, ", ".join(FAIL_ON)))
    now = now or datetime.now(timezone.utc)
    shops, host_list = [], []
    for item in sorted(hosts or [], key=lambda h: str(h.get("host"))):
        host = str(item.get("host"))
        if item.get("failed") or item.get("shops") is None:
            message = str(item.get("msg") or "the audit task did not run on this host")
            host_list.append({"host": host, "status": "failed", "error": message})
            names = [n for n in (item.get("inventory") or []) if n] or ["(%s)" % host]
            for name in names:
                found = finding("AUDIT_FAILED", message, {"host": host, "shop": name})
                shops.append({"host": host, "name": str(name), "site_id": None, "brand": None, "store": None,
                              "state": "unreadable", "desired_mode": None, "ctx_mode": None,
                              "key_prod_fingerprint": None, "key_test_fingerprint": None, "sign_algo": None,
                              "key_age_days": None, "key_age_source": "unknown", "backoffice": None,
                              "severity": "error", "findings": [found]})
            continue
        host_list.append({"host": host, "status": "audited", "error": None})
        shops.extend(item["shops"])
    counts = dict((s, 0) for s in SEVERITIES)
    by_code = {}
    for shop in shops:
        for found in shop["findings"]:
            counts[found["severity"]] += 1
            by_code[found["code"]] = by_code.get(found["code"], 0) + 1
    severity = worst([f for s in shops for f in s["findings"]])
    threshold = {"error": ("error",), "warning": ("error", "warning"), "never": ()}[fail_on]
    return {
        "$schema": SCHEMA_ID,
        "generated_at": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "check_mode": bool(check_mode),
        "fail_on": fail_on,
        "verdict": "fail" if severity in threshold else "pass",
        "summary": {
            "hosts": len(host_list),
            "hosts_failed": sum(1 for h in host_list if h["status"] == "failed"),
            "shops": len(shops),
            "shops_clean": sum(1 for s in shops if not s["findings"]),
            "shops_failing": sum(1 for s in shops if s["severity"] in FAILING),
            "shops_by_severity": dict((s, sum(1 for x in shops if x["severity"] == s)) for s in SEVERITIES + ("ok",)),
            "findings": counts,
            "findings_by_code": dict(sorted(by_code.items())),
            "worst": severity,
        },
        "hosts": host_list,
        "shops": shops,
    }


def to_json(doc):
    return json.dumps(doc, indent=2, sort_keys=False, ensure_ascii=False) + "\n"


def _finding_line(found):
    return "[%s] %s: %s. Fix: %s" % (found["severity"], found["code"], found["message"], found["fix"])


def to_junit(doc):
    """JUnit XML: one testsuite per host, one testcase per shop; a failure carries the shop's findings."""
    root = ElementTree.Element("testsuites", {"name": "vads.shop fleet audit"})
    total = failures = 0
    by_host = {}
    for shop in doc["shops"]:
        by_host.setdefault(shop["host"], []).append(shop)
    for host in sorted(by_host):
        items = by_host[host]
        failing = [s for s in items if s["severity"] in FAILING]
        suite = ElementTree.SubElement(root, "testsuite", {
            "name": host, "tests": str(len(items)), "failures": str(len(failing)), "errors": "0", "skipped": "0",
            "time": "0", "timestamp": doc["generated_at"].rstrip("Z")})
        total += len(items)
        failures += len(failing)
        for shop in items:
            case = ElementTree.SubElement(suite, "testcase", {
                "classname": "vads.shop.audit.%s" % host, "name": shop["name"], "time": "0"})
            lines = [_finding_line(f) for f in shop["findings"]]
            if shop["severity"] in FAILING:
                codes = ", ".join(f["code"] for f in shop["findings"] if f["severity"] in FAILING)
                node = ElementTree.SubElement(case, "failure", {
                    "type": shop["severity"], "message": "%s: %s" % (shop["name"], codes)})
                node.text = "\n".join(lines)
            elif lines:
                ElementTree.SubElement(case, "system-out").text = "\n".join(lines)
    root.set("tests", str(total))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("time", "0")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ElementTree.tostring(root, encoding="unicode") + "\n"


def _md(text):
    return str(text if text is not None else "").replace("|", "\\|").replace("\n", " ")


def to_markdown(doc, html_name=FILES["html"]):
    """A merge request comment: the verdict, the counts, then only the shops that need work."""
    s = doc["summary"]
    mark = {"fail": ":x: **FAIL**", "pass": ":white_check_mark: **PASS**"}[doc["verdict"]]
    lines = ["## vads.shop fleet audit: %s" % mark, "",
             "%d shop(s) on %d host(s): %d clean, %d error(s), %d warning(s), %d info (fails on: %s)%s."
             % (s["shops"], s["hosts"], s["shops_clean"], s["findings"]["error"], s["findings"]["warning"],
                s["findings"]["info"], doc["fail_on"], "; %d host(s) not audited" % s["hosts_failed"]
                if s["hosts_failed"] else ""), ""]
    todo = [shop for shop in doc["shops"] if shop["findings"]]
    if todo:
        lines += ["| | shop | host | state | findings |", "|---|---|---|---|---|"]
        symbol = {"error": ":x:", "warning": ":warning:", "info": ":information_source:"}
        for shop in todo:
            lines.append("| %s %s | %s | %s | %s | %s |" % (
                symbol.get(shop["severity"], ""), shop["severity"], _md(shop["name"]), _md(shop["host"]),
                _md(shop["state"]), ", ".join("`%s`" % f["code"] for f in shop["findings"])))
        lines += ["", "<details><summary>How to fix</summary>", ""]
        for shop in todo:
            for found in shop["findings"]:
                lines.append("- **%s** (%s) `%s`: %s. Fix: %s"
                             % (_md(shop["name"]), _md(shop["host"]), found["code"], _md(found["message"]), _md(found["fix"])))
        lines += ["", "</details>"]
    else:
        lines.append("Every shop matches the inventory.")
    lines += ["", "Full report: `%s` (open it in a browser), JSON: `%s`, JUnit: `%s`."
              % (html_name, FILES["json"], FILES["junit"])]
    return "\n".join(lines) + "\n"


def to_html(doc):
    s = doc["summary"]
    rows = []
    rank = dict((s, i) for i, s in enumerate(SEVERITIES + ("ok",)))
    # Worst first, so that a person sees what needs work without sorting.
    for shop in sorted(doc["shops"], key=lambda x: (rank.get(x["severity"], 9), x["host"], x["name"])):
        rows.append({
            "severity": shop["severity"], "host": shop["host"], "name": shop["name"], "site_id": shop["site_id"],
            "brand": shop["brand"] or "", "state": shop["state"], "desired_mode": shop["desired_mode"],
            "key_prod_fingerprint": shop["key_prod_fingerprint"],
            "key_age": "%s d (%s)" % (shop["key_age_days"], shop["key_age_source"])
                       if shop["key_age_days"] is not None else "unknown",
            "codes": " ".join(f["code"] for f in shop["findings"]) or "none",
            "findings": [_finding_line(f) for f in shop["findings"]],
        })
    columns = [("severity", "severity"), ("host", "host"), ("name", "shop"), ("site_id", "site id"),
               ("brand", "brand"), ("state", "state"), ("desired_mode", "wanted"),
               ("key_prod_fingerprint", "production key"), ("key_age", "key age"), ("codes", "codes"),
               ("findings", "findings and fixes")]
    summary = [("hosts", s["hosts"]), ("shops", s["shops"]), ("clean", s["shops_clean"]),
               ("shops failing", s["shops_failing"]), ("errors", s["findings"]["error"]),
               ("warnings", s["findings"]["warning"]), ("info", s["findings"]["info"]),
               ("hosts not audited", s["hosts_failed"])]
    verdict = ("error" if doc["verdict"] == "fail" else "ok",
               "%s: fails on %s; worst finding: %s" % (doc["verdict"].upper(), doc["fail_on"], s["worst"]))
    subtitle = "Generated %s%s. Inventory against stores and Back Office, read-only." % (
        doc["generated_at"], " in check mode" if doc["check_mode"] else "")
    return report_html.render("vads.shop fleet audit", rows, columns, ["host", "brand", "state", "severity"],
                              summary, subtitle=subtitle, verdict=verdict, status_column="severity")


def summary_line(doc, html_path):
    s = doc["summary"]
    codes = " ".join("%s=%d" % kv for kv in s["findings_by_code"].items())
    return ("audit %s (fails on %s): %d shop(s) on %d host(s), %d clean, %d error(s), %d warning(s)%s. Report: %s"
            % (doc["verdict"].upper(), doc["fail_on"], s["shops"], s["hosts"], s["shops_clean"], s["findings"]["error"],
               s["findings"]["warning"], "; " + codes if codes else "", html_path))


def run(params):
    """Build and write the reports from the validated options; the task's result. ReportError on failure."""
    try:
        doc = build(params["hosts"], params["fail_on"], params["audit_check_mode"])
    except (KeyError, TypeError) as exc:
        raise ReportError("an audit result is malformed: %s" % (exc,))
    files = write_all(doc, params["report_dir"])
    return {"changed": True, "verdict": doc["verdict"], "summary": doc["summary"], "files": files,
            "message": summary_line(doc, files["html"])}


def write_all(doc, report_dir):
    """Write the four files atomically (each old or new); returns {kind: path}."""
    if not report_dir:
        raise ReportError("report_dir is required")
    try:
        os.makedirs(report_dir, mode=0o755, exist_ok=True)
    except OSError as exc:
        raise ReportError("cannot create %s: %s" % (report_dir, exc.strerror or exc))
    rendered = {"json": to_json(doc), "junit": to_junit(doc), "markdown": to_markdown(doc), "html": to_html(doc)}
    paths = {}
    for kind, text in rendered.items():
        path = os.path.join(report_dir, FILES[kind])
        try:
            atomic_write(path, text.encode("utf-8"), 0o644)
        except OSError as exc:
            raise ReportError("cannot write %s: %s" % (path, exc.strerror or exc))
        paths[kind] = path
    return paths

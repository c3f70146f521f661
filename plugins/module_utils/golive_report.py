# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The go-live's reports on the controller: one JSON file per host, merged into the fleet report of the run.

Layout, in the report folder:
  runs/<run id>/hosts/<host>.json      each host's report (dry runs: dry-runs/<run id>/...)
  runs/<run id>/golive-report.json     the hosts of this run done so far, and .md, checklist.md, .html
  golive-report.{json,md,html}, checklist.md, latest    copies of the latest real run (dry runs: dry-runs/latest)
Only this run's hosts are merged; older runs beyond ``keep`` are removed. Every file is replaced atomically.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import json
import os
import shutil
from datetime import datetime, timezone

from ansible_collections.vads.shop.plugins.module_utils import report_html
from ansible_collections.vads.shop.plugins.module_utils.store import atomic_write

# The options of vads.shop.golive_report (its action plugin validates them on the controller).
ARGUMENT_SPEC = {
    "report_dir": {"type": "path", "required": True},
    "run_id": {"type": "str", "required": True},
    "started": {"type": "str", "default": ""},
    "dry_run": {"type": "bool", "default": False},
    "host_report": {"type": "dict"},
    "merge": {"type": "bool", "default": False},
    "keep": {"type": "int", "default": 10},
}

FILES = ("golive-report.json", "golive-report.md", "checklist.md", "golive-report.html")


class ReportError(Exception):
    pass


def run_dir(report_dir, run_id, dry_run):
    return os.path.join(report_dir, "dry-runs" if dry_run else "runs", run_id)


def _dump(data):
    # As ansible's to_nice_json, so that reports read the same as before.
    return json.dumps(data, indent=4, sort_keys=True, ensure_ascii=False) + "\n"


def _write(path, text):
    atomic_write(path, text.encode("utf-8"), 0o644)


def write_host(report_dir, run_id, dry_run, host_report):
    """hosts/<host>.json of this run; returns its path."""
    host = str(host_report.get("host") or "")
    if not host or host in (".", "..") or "/" in host or "\x00" in host:
        raise ReportError("host_report.host must be a host name, got %r" % (host,))
    folder = os.path.join(run_dir(report_dir, run_id, dry_run), "hosts")
    os.makedirs(folder, mode=0o755, exist_ok=True)
    path = os.path.join(folder, host + ".json")
    _write(path, _dump(dict(host_report, run_id=run_id)))
    return path


def read_hosts(folder, run_id):
    """The host reports of one run, by host name (files of another run are never merged in)."""
    hosts = []
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".json"))
    except FileNotFoundError:
        return hosts
    for name in names:
        try:
            with open(os.path.join(folder, name), encoding="utf-8") as handle:
                doc = json.load(handle)
        except (OSError, ValueError) as exc:
            raise ReportError("cannot read the host report %s: %s" % (os.path.join(folder, name), exc))
        if isinstance(doc, dict) and doc.get("run_id") == run_id:
            hosts.append(doc)
    return hosts


def _rows(fleet):
    return [row for host in fleet for row in host.get("rows") or []]


def _br(items, empty):
    return "<br>".join(str(i) for i in items or []) or empty


def _truncate(text, length=600):
    # As Jinja's truncate: whole words, "..." appended, 5 characters of leeway.
    if len(text) <= length + 5:
        return text
    return text[:length - 3].rsplit(" ", 1)[0] + "..."


def markdown(doc):
    """golive-report.md: one table row per shop, then the hosts stopped."""
    fleet, dry = doc["hosts"], doc["dry_run"]
    rows = _rows(fleet)
    live = sum(1 for r in rows if r.get("mode_after") == "PRODUCTION")
    out = ["# Go-live report%s" % (" — DRY RUN (check mode): nothing was changed" if dry else ""), "",
           "Run `%s`, started %s, written %s." % (doc["run_id"], doc["started"], doc["written"]),
           "States are read back from the stores%s after the run; \"not set\" means the setting is empty or absent."
           % (" and the Back Office" if rows else ""), ""]
    if dry:
        would = sum(1 for r in rows if (r.get("would") or {}).get("ctx_mode") == "PRODUCTION")
        out.append("%d host(s), %d shop(s); %d in PRODUCTION now; %d would be switched to PRODUCTION by a real run."
                   % (len(fleet), len(rows), live, would))
    else:
        out.append("%d host(s), %d shop(s); %d in PRODUCTION." % (len(fleet), len(rows), live))
    out += ["", "| host | status | shop | site id | mode before | mode now | production key now | %snotification URL "
            "| URL status | first payment | its notification | verified by the collection | declared by a person "
            "| skipped | manual steps pending |" % ("would | " if dry else ""),
            "|---|---|---|---|---|---|---|%s---|---|---|---|---|---|---|---|" % ("---|" if dry else "")]
    for host in fleet:
        for row in host.get("rows") or []:
            cells = [host.get("host"), host.get("status"), row.get("shop"), row.get("site_id"),
                     row.get("mode_before") or "not set", row.get("mode_after") or "not set",
                     row.get("key_fingerprint") or "not set"]
            if dry:
                w = row.get("would") or {}
                said = (["would set mode %s" % w["ctx_mode"]] if w.get("ctx_mode") else []) + \
                    (["would install key %s" % w["key_fingerprint"]] if w.get("key_fingerprint") else []) + \
                    (["would register the URL"] if w.get("notification_url") else [])
                cells.append(_br(said, "nothing"))
            cells += [row.get("notification_url"), row.get("notification_url_status") or "",
                      "%s %s" % (row.get("first_payment") or "", row.get("first_payment_status") or ""),
                      row.get("first_payment_notification") or "", _br(row.get("verified"), "none"),
                      _br(row.get("declared"), "none"), _br(row.get("skipped"), ""),
                      _br(row.get("manual_pending"), "none")]
            out.append("| %s |" % " | ".join("" if c is None else str(c) for c in cells))
    failed = [h for h in fleet if h.get("status") == "failed"]
    if failed:
        out += ["", "## Hosts stopped%s" % (" (in this dry run)" if dry else ""), ""]
        out += ["- **%s**: %s" % (h.get("host"), h.get("failure")) for h in failed]
    return "\n".join(out) + "\n"


def checklist(doc):
    """checklist.md: every manual Back Office step of chapter 14 for every shop, ticked when declared done."""
    items = [item for host in doc["hosts"] for item in host.get("checklist") or []]
    out = ["# Back Office checklist (vads.shop), run %s%s" % (doc["run_id"], " — DRY RUN" if doc["dry_run"] else ""),
           ""]
    if not items:
        return "\n".join(out + ["No manual Back Office step: the sandbox adapter did every step."]) + "\n"
    out += ["Every manual step of chapter 14 for every shop. Do it in the Back Office, then add its name",
            "(`manual_done: ...`) to the shop's `manual_done` list in the inventory. Steps marked \"before the",
            "switch\" must be done before the shop can go to PRODUCTION: the run stops its host until they are.", ""]
    for item in items:
        out.append("- [%s] %s **%s** (site %s)%s" % (
            "x" if item.get("done") else " ", item.get("chapter"), item.get("shop"), item.get("site_id"),
            " — before the switch" if item.get("before_switch") else " — after the switch"))
        out += ["  - manual_done: `%s`" % item.get("step"), "  - FR: %s" % item.get("fr"), "  - EN: %s" % item.get("en")]
        if item.get("field"):
            out.append("  - field: %s" % item["field"])
        if item.get("value"):
            out.append("  - value: `%s`" % item["value"])
        out.append("  - %s" % item.get("action"))
    return "\n".join(out) + "\n"


def summary(doc, folder):
    """The lines printed at the end of each wave: counts read back from the host reports."""
    fleet, dry = doc["hosts"], doc["dry_run"]
    rows = _rows(fleet)
    failed = [h for h in fleet if h.get("status") == "failed"]
    pending = sum(len(r.get("manual_pending") or []) for r in rows)
    live = sum(1 for r in rows if r.get("mode_after") == "PRODUCTION")
    if dry:
        would = sum(1 for r in rows if (r.get("would") or {}).get("ctx_mode") == "PRODUCTION")
        lines = ["DRY RUN %s (check mode, nothing was changed): %d host(s), %d shop(s): %d already in PRODUCTION, "
                 "%d would be switched, %d manual step(s) pending, %d host(s) would stop."
                 % (doc["run_id"], len(fleet), len(rows), live, would, pending, len(failed))]
    else:
        sent = sum(1 for r in rows if r.get("first_payment_notification") == "sent")
        lines = ["Run %s: %d host(s), %d shop(s): %d in PRODUCTION (read back), %d first payment(s) notified, "
                 "%d manual step(s) pending, %d host(s) stopped." % (doc["run_id"], len(fleet), len(rows), live, sent,
                                                                     pending, len(failed))]
    lines += ["%s: %s: %s" % ("would stop" if dry else "stopped", h.get("host"), _truncate(str(h.get("failure"))))
              for h in failed]
    lines.append("Report: %s/golive-report.md, golive-report.json and checklist.md" % folder)
    return lines


def _prune(parent, keep):
    """Removes the oldest run folders beyond keep (run ids start with their UTC time, so names sort by age)."""
    try:
        runs = sorted(n for n in os.listdir(parent) if os.path.isdir(os.path.join(parent, n)))
    except FileNotFoundError:
        return []
    gone = runs[:-keep] if keep > 0 and len(runs) > keep else []
    for name in gone:
        shutil.rmtree(os.path.join(parent, name), ignore_errors=True)
    return gone


def merge(report_dir, run_id, started, dry_run, keep, now=None):
    """The fleet report of this run from its host reports; returns (document, files written, summary lines)."""
    folder = run_dir(report_dir, run_id, dry_run)
    fleet = read_hosts(os.path.join(folder, "hosts"), run_id)
    now = now or datetime.now(timezone.utc)
    doc = {"run_id": run_id, "started": started, "written": now.strftime("%Y-%m-%dT%H:%M:%SZ"),
           "dry_run": bool(dry_run), "hosts": fleet}
    texts = {"golive-report.json": _dump(doc), "golive-report.md": markdown(doc), "checklist.md": checklist(doc),
             "golive-report.html": report_html.golive_page(fleet, "Go-live report")}
    os.makedirs(folder, mode=0o755, exist_ok=True)
    files = []
    # The run's own copies first; then, for a real run, the latest ones at the top.
    targets = [folder] + ([] if dry_run else [report_dir])
    for target in targets:
        for name in FILES:
            path = os.path.join(target, name)
            _write(path, texts[name])
            files.append(path)
    latest = os.path.join(report_dir, "dry-runs", "latest") if dry_run else os.path.join(report_dir, "latest")
    _write(latest, run_id + "\n")
    files.append(latest)
    removed = _prune(os.path.dirname(folder), keep)
    return doc, files, removed, summary(doc, folder)


def run(params, dry_run=None):
    """Writes what the options ask: this host's report (host_report), the run's fleet report (merge).

    A merge returns the summary lines (msg), the counts and the run's folder, and not the files: the task
    prints its result, as a debug task would.
    """
    report_dir, run_id = params["report_dir"], params["run_id"]
    if not run_id or "/" in run_id or run_id in (".", ".."):
        raise ReportError("run_id must be a run id, got %r" % (run_id,))
    dry = params["dry_run"] if dry_run is None else dry_run
    result = {"changed": False}
    try:
        if params.get("host_report") is not None:
            result["file"] = write_host(report_dir, run_id, dry, params["host_report"])
        if params.get("merge"):
            doc, dummy, dummy, lines = merge(report_dir, run_id, params.get("started") or "", dry,
                                             params.get("keep", 10))
            # Counts, not "shops": in this collection a module's shops is always the list of per-shop results.
            result.update(msg=lines, counts={"hosts": len(doc["hosts"]), "shops": len(_rows(doc["hosts"]))},
                          report=run_dir(report_dir, run_id, dry))
    except OSError as exc:
        raise ReportError("%s: %s" % (getattr(exc, "filename", None) or report_dir, exc.strerror or exc))
    return result

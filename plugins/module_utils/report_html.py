# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A self-contained HTML page for a fleet report: summary at the top, one row per shop.

One file, no external asset (inline CSS and script; a Content-Security-Policy forbids any other
source, so the page cannot fetch anything even if a value tried to). Rows are sortable (click a
column header) and filterable (one select per filter column, plus free text). Every status is
written as text with a symbol (``✖ error``, ``▲ warning``, ``✓ ok``...): colour is never the only
signal. Used by the audit, the go-live and the rotation reports.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import json
from html import escape

# status -> (symbol, rank); worse first. Unknown statuses sort last and show as written.
STATUS = {
    "error": ("\u2716", 0),
    "failed": ("\u2716", 0),
    "warning": ("\u25b2", 1),
    "pending": ("\u25b2", 1),
    "planned": ("\u25cb", 2),
    "info": ("\u2139", 2),
    "ok": ("\u2713", 3),
    "done": ("\u2713", 3),
}

_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:1.5rem;color:#1b1b1b;background:#fff}
h1{font-size:1.4rem;margin:0 0 .3rem}
.sub{color:#555;margin:0 0 1rem}
.summary{display:flex;flex-wrap:wrap;gap:.6rem;margin:0 0 1rem;padding:0;list-style:none}
.summary li{border:1px solid #bbb;border-radius:6px;padding:.4rem .8rem;min-width:7rem}
.summary .v{font-size:1.3rem;font-weight:700;display:block}
.verdict{font-weight:700;padding:.5rem .8rem;border:2px solid;border-radius:6px;display:inline-block;margin-bottom:1rem}
.verdict.s-error,.verdict.s-failed{background:#fde2e1}
.verdict.s-ok{background:#e3f4e3}
.filters{display:flex;flex-wrap:wrap;gap:.8rem;align-items:end;margin-bottom:.6rem}
.filters label{display:flex;flex-direction:column;font-size:.85rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ccc;padding:.3rem .45rem;text-align:left;vertical-align:top}
th button{font:inherit;font-weight:700;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \\25b2"}
th[aria-sort=descending] button::after{content:" \\25bc"}
tr.s-error td.status,tr.s-failed td.status{background:#fde2e1}
tr.s-warning td.status,tr.s-pending td.status{background:#fff3cd}
tr.s-ok td.status,tr.s-done td.status{background:#e3f4e3}
.status{white-space:nowrap;font-weight:700}
ul.details{margin:0;padding-left:1.1rem}
ul.details li{margin:.1rem 0}
code{font-size:.85em}
.count{margin:.4rem 0;color:#333}
@media print{.filters{display:none}}
"""

_SCRIPT = r"""
(function () {
  "use strict";
  var table = document.getElementById("rows");
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var selects = Array.prototype.slice.call(document.querySelectorAll("select[data-filter]"));
  var text = document.getElementById("q");
  var shown = document.getElementById("shown");
  function apply() {
    var q = text.value.trim().toLowerCase();
    var n = 0;
    rows.forEach(function (row) {
      var ok = selects.every(function (s) {
        return !s.value || row.getAttribute("data-" + s.getAttribute("data-filter")) === s.value;
      });
      if (ok && q) { ok = row.textContent.toLowerCase().indexOf(q) >= 0; }
      row.hidden = !ok;
      if (ok) { n += 1; }
    });
    shown.textContent = String(n);
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  text.addEventListener("input", apply);
  Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
    var button = th.querySelector("button");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      rows.slice().sort(function (a, b) {
        var x = a.cells[index].getAttribute("data-sort") || a.cells[index].textContent;
        var y = b.cells[index].getAttribute("data-sort") || b.cells[index].textContent;
        var c = x.localeCompare(y, undefined, {numeric: true});
        return asc ? c : -c;
      }).forEach(function (row) { body.appendChild(row); });
    });
  });
  apply();
}());
"""


def status_label(status):
    symbol = STATUS.get(status, ("\u2022", 9))[0]
    return "%s %s" % (symbol, status)


def _attr(name):
    return "".join(c if c.isalnum() else "-" for c in name.lower())


def render(title, rows, columns, filters, summary=(), subtitle=None, verdict=None, status_column="status",
           details_label="details", noun="shops"):
    """The page as a str.

    rows: dicts of column key -> value (str, number, None or a list of str shown as a list); a row's
    ``status_column`` value picks its symbol and sort rank. columns: [(key, label)]. filters: keys of
    columns offered as selects (values taken from the rows). summary: [(label, value)] shown at the top,
    each with ``data-summary`` set to the label, for tools and tests. verdict: (status, text) or None.
    """
    out = ["<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
           '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; style-src \'unsafe-inline\'; '
           'script-src \'unsafe-inline\'; img-src data:; base-uri \'none\'; form-action \'none\'">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           "<title>%s</title>" % escape(title), "<style>%s</style></head><body>" % _CSS,
           "<h1>%s</h1>" % escape(title)]
    if subtitle:
        out.append('<p class="sub">%s</p>' % escape(subtitle))
    if verdict:
        out.append('<p class="verdict s-%s" id="verdict" role="status">%s %s</p>'
                   % (escape(_attr(verdict[0])), STATUS.get(verdict[0], ("\u2022", 9))[0], escape(verdict[1])))
    out.append('<ul class="summary" aria-label="summary">')
    for label, value in summary:
        out.append('<li data-summary="%s"><span class="v">%s</span>%s</li>'
                   % (escape(str(label), quote=True), escape(str(value)), escape(str(label))))
    out.append("</ul>")
    out.append('<div class="filters" role="search">')
    labels = dict(columns)
    for key in filters:
        values = sorted(set(_text(row.get(key)) for row in rows), key=lambda v: (v == "", v))
        options = ['<option value="">all</option>'] + ['<option value="%s">%s</option>'
                                                       % (escape(v, quote=True), escape(v or "(none)"))
                                                       for v in values]
        out.append('<label>%s<select id="f-%s" data-filter="%s">%s</select></label>'
                   % (escape(labels.get(key, key)), _attr(key), _attr(key), "".join(options)))
    out.append('<label>search<input id="q" type="search" placeholder="shop, code, text"></label></div>')
    out.append('<p class="count">showing <span id="shown">%d</span> of <span id="total">%d</span> %s</p>'
               % (len(rows), len(rows), escape(noun)))
    out.append('<table id="rows"><thead><tr>')
    for key, label in columns:
        out.append('<th scope="col" data-key="%s"><button type="button">%s</button></th>'
                   % (escape(key, quote=True), escape(label)))
    out.append("</tr></thead><tbody>")
    for row in rows:
        status = _text(row.get(status_column))
        attrs = " ".join('data-%s="%s"' % (_attr(key), escape(_text(row.get(key)), quote=True)) for key in filters)
        out.append('<tr class="s-%s" %s>' % (escape(_attr(status)), attrs))
        for key, _label in columns:
            value = row.get(key)
            if key == status_column:
                rank = STATUS.get(status, ("", 9))[1]
                out.append('<td class="status" data-sort="%d">%s</td>' % (rank, escape(status_label(status))))
            elif isinstance(value, (list, tuple)):
                items = "".join("<li>%s</li>" % escape(_text(v)) for v in value)
                out.append('<td data-sort="%d"><ul class="details">%s</ul></td>' % (len(value), items)
                           if value else '<td data-sort="0">none</td>')
            else:
                out.append("<td>%s</td>" % escape(_text(value)))
        out.append("</tr>")
    out.append("</tbody></table>")
    out.append("<script>%s</script></body></html>" % _SCRIPT)
    return "\n".join(out) + "\n"


def _text(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (dict, list, tuple)):
        return json.dumps(value, sort_keys=True)
    return str(value)


# ------------------------------------------------------------------------------------ go-live and rotation
def golive_page(fleet, title="Go-live report"):
    """The go-live fleet report (golive-report.json: a list of host reports with rows) as a page."""
    rows = []
    for host in fleet or []:
        for row in host.get("rows") or []:
            pending = list(row.get("manual_pending") or [])
            if host.get("status") == "failed":
                status = "failed"
            elif host.get("status") == "planned":
                status = "planned"
            elif pending:
                status = "pending"
            else:
                status = "done"
            item = dict(row)
            item.update(host=host.get("host"), status=status, manual_pending=pending)
            rows.append(item)
        if host.get("status") == "failed" and not host.get("rows"):
            rows.append({"host": host.get("host"), "status": "failed", "manual_pending": [host.get("failure")]})
    columns = [("status", "status"), ("host", "host"), ("shop", "shop"), ("site_id", "site id"),
               ("mode_before", "mode before"), ("mode_after", "mode after"), ("key_fingerprint", "production key"),
               ("notification_url", "notification URL"), ("notification_url_status", "URL status"),
               ("first_payment_status", "first payment"), ("first_payment_notification", "its notification"),
               ("manual_pending", "manual steps pending")]
    failures = ["%s: %s" % (h.get("host"), h.get("failure")) for h in fleet or [] if h.get("status") == "failed"]
    summary = [("hosts", len(fleet or [])), ("shops", len(rows)),
               ("in PRODUCTION", sum(1 for r in rows if r.get("mode_after") == "PRODUCTION")),
               ("hosts failed", len(failures)),
               ("shops with manual steps", sum(1 for r in rows if r.get("manual_pending") and r["status"] != "failed"))]
    verdict = ("failed", "; ".join(failures)) if failures else None
    return render(title, rows, columns, ["host", "status", "mode_after"], summary, verdict=verdict)


def rotation_page(doc, title="Key rotation report"):
    """The rotation report (rotation-report.json, from the vads.shop.rotation_report filter) as a page."""
    s = doc.get("summary") or {}
    columns = [("status", "status"), ("host", "host"), ("shop", "shop"), ("site_id", "site id"),
               ("backoffice", "Back Office"), ("key_before", "production key before"),
               ("key_after", "production key now"), ("proof", "signed form"), ("detail", "detail")]
    summary = [("hosts", s.get("hosts", 0)), ("shops", s.get("shops", 0)), ("rotated", s.get("done", 0)),
               ("already rotated", s.get("ok", 0)), ("planned", s.get("planned", 0)),
               ("pending", s.get("pending", 0)), ("failed", s.get("failed", 0))]
    verdict = None
    if s.get("failed"):
        verdict = ("failed", "%d shop(s) on %d host(s) not rotated: the host stopped (see detail)"
                   % (s["failed"], s.get("hosts_failed", 0)))
    subtitle = "Written %s%s. Fingerprints are read back from the stores after the run." % (
        doc.get("written") or "", " - DRY RUN (check mode): nothing was changed" if doc.get("check_mode") else "")
    return render(title, doc.get("shops") or [], columns, ["host", "status"], summary, subtitle=subtitle,
                  verdict=verdict)


def rows_page(rows, title, columns=None, filters=("host", "status"), status_key="status"):
    """Any list of row dicts (rotation report rows, ...) as a page; columns default to the rows' keys."""
    rows = [dict(r) for r in rows or []]
    if columns is None:
        keys = []
        for row in rows:
            for key in row:
                if key not in keys:
                    keys.append(key)
        columns = [(k, k.replace("_", " ")) for k in keys]
    for row in rows:
        row.setdefault(status_key, "done")
    if status_key not in [c[0] for c in columns]:
        columns = [(status_key, "status")] + list(columns)
    counts = {}
    for row in rows:
        counts[row.get(status_key)] = counts.get(row.get(status_key), 0) + 1
    summary = [("shops", len(rows))] + [(str(k), v) for k, v in sorted(counts.items(), key=lambda kv: str(kv[0]))]
    present = [f for f in filters if any(f in r for r in rows)]
    return render(title, rows, columns, present, summary, status_column=status_key)

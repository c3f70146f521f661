"""The go-live's reports (module_utils.golive_report, behind the vads.shop.golive_report action): host files,
the merge of one run's hosts, dry runs apart, old runs pruned, and the Markdown, checklist and summary texts."""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone

import pytest

from ansible_collections.vads.shop.plugins.module_utils import golive_report as gr

NOW = datetime(2026, 12, 1, 13, 30, tzinfo=timezone.utc)


def _params(tmp_path, **kw):
    params = {"report_dir": str(tmp_path), "run_id": "20261201T133000Z-1", "started": "2026-12-01T13:30:00Z",
              "dry_run": False, "host_report": None, "merge": False, "keep": 10}
    params.update(kw)
    return params


def _host(name, status="done", rows=None, checklist=None, failure=None):
    return {"host": name, "status": status, "failure": failure, "adapter": "sandbox", "check_mode": False,
            "checklist": checklist or [], "rows": rows if rows is not None else [_row(name + "-shop")]}


def _row(shop, mode="PRODUCTION", **kw):
    row = {"shop": shop, "site_id": "12345678", "mode_before": "TEST", "mode_after": mode,
           "key_fingerprint": "sha256:0a1b2c3d", "notification_url": "https://%s.example/ipn" % shop,
           "notification_url_status": "registered", "first_payment": "golive-12345678",
           "first_payment_status": "CANCELLED", "first_payment_notification": "sent", "verified": ["14.1", "14.2"],
           "declared": [], "skipped": [], "manual_pending": []}
    row.update(kw)
    return row


def test_hosts_of_this_run_only_are_merged_and_copied_to_the_top(tmp_path):
    gr.run(_params(tmp_path, host_report=_host("web-b")))
    gr.run(_params(tmp_path, host_report=_host("web-a")))
    # A host file of another run, in this run's folder (a reused id would be a bug elsewhere): never merged in.
    other = tmp_path / "runs" / "20261201T133000Z-1" / "hosts" / "web-z.json"
    other.write_text(json.dumps(dict(_host("web-z"), run_id="another")))
    result = gr.run(_params(tmp_path, merge=True))
    assert result["changed"] is False and result["counts"] == {"hosts": 2, "shops": 2}
    doc = json.loads((tmp_path / "golive-report.json").read_text())
    assert [h["host"] for h in doc["hosts"]] == ["web-a", "web-b"]
    assert doc["run_id"] == "20261201T133000Z-1" and doc["dry_run"] is False and doc["started"]
    run = tmp_path / "runs" / "20261201T133000Z-1"
    for name in gr.FILES:
        assert (run / name).read_bytes() == (tmp_path / name).read_bytes(), name
        assert (tmp_path / name).stat().st_mode & 0o777 == 0o644
    assert (tmp_path / "latest").read_text() == "20261201T133000Z-1\n"
    assert result["msg"][0].startswith("Run 20261201T133000Z-1: 2 host(s), 2 shop(s): 2 in PRODUCTION (read back), "
                                       "2 first payment(s) notified, 0 manual step(s) pending, 0 host(s) stopped.")
    assert result["msg"][-1] == "Report: %s/golive-report.md, golive-report.json and checklist.md" % run
    assert "web-a-shop" in (tmp_path / "golive-report.html").read_text()
    assert not [p for p in tmp_path.rglob("*") if p.name.startswith(".")]  # no temp file left


def test_a_dry_run_writes_apart_and_never_over_a_real_run(tmp_path):
    gr.run(_params(tmp_path, host_report=_host("web-a"), merge=True))
    real = dict((n, (tmp_path / n).read_bytes()) for n in gr.FILES + ("latest",))
    rows = [_row("a", mode="TEST", would={"ctx_mode": "PRODUCTION", "key_fingerprint": "sha256:ffff0000",
                                          "notification_url": True})]
    dry = gr.run(_params(tmp_path, run_id="20261201T140000Z-2", dry_run=True, merge=True,
                         host_report=_host("web-a", status="dry run", rows=rows)))
    assert dict((n, (tmp_path / n).read_bytes()) for n in gr.FILES + ("latest",)) == real
    folder = tmp_path / "dry-runs" / "20261201T140000Z-2"
    assert dry["report"] == str(folder) and (tmp_path / "dry-runs" / "latest").read_text() == "20261201T140000Z-2\n"
    md = (folder / "golive-report.md").read_text()
    assert md.startswith("# Go-live report — DRY RUN (check mode): nothing was changed\n")
    assert "0 in PRODUCTION now; 1 would be switched to PRODUCTION by a real run." in md
    assert "| would set mode PRODUCTION<br>would install key sha256:ffff0000<br>would register the URL |" in md
    assert dry["msg"][0].startswith("DRY RUN 20261201T140000Z-2 (check mode, nothing was changed): 1 host(s), 1 shop(s)"
                                    ": 0 already in PRODUCTION, 1 would be switched")
    assert "— DRY RUN" in (folder / "checklist.md").read_text().splitlines()[0]


def test_old_runs_beyond_keep_are_removed_oldest_first(tmp_path):
    for n in range(4):
        gr.run(_params(tmp_path, run_id="2026120%dT000000Z-%d" % (n + 1, n), host_report=_host("h"), merge=True,
                       keep=2))
    assert sorted(os.listdir(tmp_path / "runs")) == ["20261203T000000Z-2", "20261204T000000Z-3"]
    assert (tmp_path / "latest").read_text().strip() == "20261204T000000Z-3"


def test_stopped_hosts_and_the_manual_checklist(tmp_path):
    item = {"done": False, "chapter": "14.1", "shop": "lyon", "site_id": "12345678", "before_switch": True,
            "step": "production_key", "fr": "Générer la clé", "en": "Generate the key", "field": "Clé",
            "value": "", "action": "Back Office > Paramétrage > Boutique > Clés"}
    failure = "preflight found problems: " + "word " * 200
    gr.run(_params(tmp_path, host_report=_host("web-m", status="failed", failure=failure, checklist=[item],
                                              rows=[_row("lyon", mode="TEST", manual_pending=["14.1 production_key"])])))
    gr.run(_params(tmp_path, host_report=_host("web-ok")))
    result = gr.run(_params(tmp_path, merge=True))
    assert "1 manual step(s) pending, 1 host(s) stopped." in result["msg"][0]
    stopped = result["msg"][1]
    assert stopped.startswith("stopped: web-m: preflight found problems: word") and stopped.endswith("...")
    assert len(stopped) < 640
    md = (tmp_path / "golive-report.md").read_text()
    assert "## Hosts stopped\n\n- **web-m**: preflight found problems:" in md
    assert "| web-m | failed | lyon | 12345678 | TEST | TEST |" in md
    checklist = (tmp_path / "checklist.md").read_text()
    assert "- [ ] 14.1 **lyon** (site 12345678) — before the switch\n  - manual_done: `production_key`" in checklist
    assert "  - field: Clé\n" in checklist and "value:" not in checklist  # an empty value is not printed


def test_no_manual_step_says_so(tmp_path):
    gr.run(_params(tmp_path, host_report=_host("web-a"), merge=True))
    assert "No manual Back Office step: the sandbox adapter did every step." in (tmp_path / "checklist.md").read_text()


@pytest.mark.parametrize("host", ["", "..", "a/b", "../../etc/x"])
def test_a_host_name_that_is_not_one_is_refused_and_nothing_is_written(tmp_path, host):
    with pytest.raises(gr.ReportError, match="host name"):
        gr.run(_params(tmp_path, host_report=_host(host)))
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("run_id", ["", "..", "a/b"])
def test_a_run_id_that_is_not_one_is_refused(tmp_path, run_id):
    with pytest.raises(gr.ReportError, match="run id"):
        gr.run(_params(tmp_path, run_id=run_id, merge=True))
    assert list(tmp_path.iterdir()) == []


def test_an_unreadable_host_report_is_a_clear_error(tmp_path):
    gr.run(_params(tmp_path, host_report=_host("web-a")))
    (tmp_path / "runs" / "20261201T133000Z-1" / "hosts" / "web-b.json").write_text("{not json")
    with pytest.raises(gr.ReportError, match="cannot read the host report .*web-b.json"):
        gr.run(_params(tmp_path, merge=True))


# ------------------------------------------------------------------ vads.shop.report_files (rotation report, record)
def test_report_files_writes_each_file_atomically_with_its_mode(tmp_path):
    from ansible_collections.vads.shop.plugins.module_utils import report_files as rf
    folder = tmp_path / "new" / "folder"
    result = rf.run({"path": str(folder), "files": {"r.json": "{}\n", "r.md": "# é\n"}, "mode": "0600"})
    assert result == {"changed": False, "files": [str(folder / "r.json"), str(folder / "r.md")]}
    assert (folder / "r.md").read_text(encoding="utf-8") == "# é\n"
    assert all((folder / n).stat().st_mode & 0o777 == 0o600 for n in ("r.json", "r.md"))
    rf.run({"path": str(folder), "files": {"r.json": "[]\n"}, "mode": "0644"})
    assert (folder / "r.json").read_text() == "[]\n" and (folder / "r.json").stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in folder.iterdir()) == ["r.json", "r.md"]  # no temp file left


@pytest.mark.parametrize("files, mode, message", [
    ({"ok.json": "{}", "../escape": "x"}, "0644", "not a file name"),
    ({"ok.json": "{}", "": "x"}, "0644", "not a file name"),
    ({"ok.json": {"a": 1}}, "0644", "must be text"),
    ({"ok.json": "{}"}, "rw-r--r--", "not an octal file mode"),
    ({"ok.json": "{}"}, "1777", "not a file mode"),
])
def test_report_files_refuses_bad_input_and_writes_nothing(tmp_path, files, mode, message):
    from ansible_collections.vads.shop.plugins.module_utils import report_files as rf
    with pytest.raises(rf.ReportError, match=message):
        rf.run({"path": str(tmp_path / "out"), "files": files, "mode": mode})
    assert not (tmp_path / "out").exists()

"""examples/ci: the GitLab CI job and the GitHub Actions workflow parse, are scheduled, publish the JUnit and
HTML reports, and their script lines really run: against a demo fleet taken live by playbooks/golive.yml
(clean: the job passes), then with one shop put back in TEST by hand (the job fails, reports written)."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import junitparser
import pytest
import yaml

from support.runner import REPO, VENV_BIN, ansible_env, run_playbook

sys.path.insert(0, str(REPO / "tools"))
from demo_fleet import build_fleet  # noqa: E402

GITLAB = yaml.safe_load((REPO / "examples" / "ci" / "gitlab-ci.yml").read_text())
GITHUB = yaml.safe_load((REPO / "examples" / "ci" / "github-audit.yml").read_text())
HOSTS = {"web-lyon": [("boutique-lyon", "dotenv"), ("boutique-lyon-outlet", "yaml")],
         "web-paris": [("boutique-paris", "json"), ("boutique-paris-b2b", "ini")]}


def test_the_examples_say_what_a_pipeline_needs():
    job = GITLAB["fleet-audit"]
    assert {"if": '$CI_PIPELINE_SOURCE == "schedule"'} in job["rules"]
    assert job["artifacts"]["when"] == "always"
    assert job["artifacts"]["reports"]["junit"] == "audit-report/audit-report.xml"
    assert "audit-report/audit-report.html" in job["artifacts"]["paths"]
    assert any("vads.shop.audit" in line for line in job["script"])
    on = GITHUB.get("on", GITHUB.get(True))  # YAML 1.1 reads a bare `on` as true
    assert on["schedule"][0]["cron"]
    steps = GITHUB["jobs"]["audit"]["steps"]
    published = [s for s in steps if s.get("uses", "").startswith(("mikepenz/action-junit-report",
                                                                  "actions/upload-artifact"))]
    assert len(published) == 2 and all(s["if"] == "always()" for s in published)
    assert published[0]["with"]["report_paths"] == "audit-report/audit-report.xml"
    assert published[1]["with"]["path"] == "audit-report/"


def run_lines(lines, env, cwd):
    """Each script line in bash, as the runner does; (exit status of the first failing line or 0, output)."""
    output = []
    for line in lines:
        proc = subprocess.run(["bash", "-eo", "pipefail", "-c", line], cwd=str(cwd), env=env, capture_output=True,
                              text=True, timeout=600, check=False)
        output.append(proc.stdout + proc.stderr)
        if proc.returncode:
            return proc.returncode, "\n".join(output)
    return 0, "\n".join(output)


def shop_env(base, extra):
    env = ansible_env(extra)
    env.pop("ANSIBLE_CONFIG", None)  # a pipeline has no ansible.cfg of this repository
    env.update(base)
    return env


@pytest.fixture
def demo_fleet(sandbox, tmp_path, next_site_id):
    inventory = build_fleet(tmp_path / "fleet", sandbox, HOSTS, first_site_id=next_site_id())
    rc, out = run_playbook(REPO / "playbooks" / "golive.yml", inventory, {"vads_golive_first_payment": "skip"})
    assert rc == 0, out[-3000:]
    # the go-live's fleet report has the audit's HTML page too, with one row per shop of its JSON
    report = tmp_path / "fleet" / "report"
    rows = [row for host in json.loads((report / "golive-report.json").read_text())["hosts"] for row in host["rows"]]
    page = (report / "golive-report.html").read_text()
    assert len(rows) == 4 and page.count("<tr class=") == len(rows) and "default-src 'none'" in page
    assert all(row["shop"] in page for row in rows)
    return tmp_path / "fleet", inventory


def test_gitlab_job_and_github_workflow_run_against_the_demo_fleet(demo_fleet, tmp_path):
    workdir, inventory = demo_fleet
    password = tmp_path / "vault-password"
    password.write_text("not-used-by-the-demo-fleet\n")

    # GitLab: the job's variables, its script lines (before_script installs, done here by make venv).
    job = GITLAB["fleet-audit"]
    project = tmp_path / "gitlab"
    project.mkdir()
    env = shop_env(dict((k, str(v)) for k, v in job["variables"].items()),
                   {"CI_PROJECT_DIR": str(project), "VADS_INVENTORY": str(inventory),
                    "VADS_VAULT_PASSWORD_FILE": str(password), "PATH": str(VENV_BIN) + os.pathsep + os.environ["PATH"]})
    env.update(CI_PROJECT_DIR=str(project), VADS_INVENTORY=str(inventory), VADS_VAULT_PASSWORD_FILE=str(password))
    rc, out = run_lines(job["script"], env, project)
    assert rc == 0, out[-3000:]
    for path in job["artifacts"]["paths"] + [job["artifacts"]["reports"]["junit"]]:
        assert (project / path).is_file(), path
    doc = json.loads((project / "audit-report" / "audit-report.json").read_text())
    assert doc["verdict"] == "pass" and doc["summary"]["shops"] == 4 == doc["summary"]["shops_clean"], doc["shops"]
    xml = junitparser.JUnitXml.fromfile(str(project / job["artifacts"]["reports"]["junit"]))
    assert (xml.tests, xml.failures) == (4, 0)

    # Someone puts one shop back in TEST by hand: the GitHub workflow's run steps fail the job.
    env_file = workdir / "srv" / "boutique-lyon" / ".env"
    env_file.write_text(env_file.read_text().replace("VADS_CTX_MODE=\"PRODUCTION\"", "VADS_CTX_MODE=\"TEST\""))
    assert "VADS_CTX_MODE=\"TEST\"" in env_file.read_text()
    workflow = GITHUB["jobs"]["audit"]
    workspace = tmp_path / "github"
    workspace.mkdir()
    summary = tmp_path / "step-summary.md"
    env = shop_env(dict((k, str(v)) for k, v in workflow["env"].items()),
                   {"PATH": str(VENV_BIN) + os.pathsep + os.environ["PATH"]})
    env.update(VADS_INVENTORY=str(inventory), GITHUB_WORKSPACE=str(workspace), RUNNER_TEMP=str(tmp_path),
               GITHUB_STEP_SUMMARY=str(summary), VADS_VAULT_PASSWORD="not-used-by-the-demo-fleet")
    statuses = {}
    failed = False
    for step in workflow["steps"]:
        if "run" not in step or step["name"].startswith("Install"):
            continue  # actions (checkout, publishing) are GitHub's; the install step is `make venv` here
        if failed and step.get("if") != "always()":
            continue
        statuses[step["name"]], out = run_lines([step["run"]], env, workspace)
        failed = failed or statuses[step["name"]] != 0
    assert statuses["Audit the fleet"] != 0, "a drifted shop must fail the workflow"
    assert statuses["Summary on the run's page"] == 0
    assert "`MODE_DRIFT`" in summary.read_text() and "boutique-lyon" in summary.read_text()
    junit = [s for s in workflow["steps"] if s.get("uses", "").startswith("mikepenz/")][0]["with"]["report_paths"]
    xml = junitparser.JUnitXml.fromfile(str(workspace / junit))
    assert (xml.tests, xml.failures) == (4, 1)
    assert (workspace / "audit-report" / "audit-report.html").is_file()

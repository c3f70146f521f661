"""The sandbox installs and runs on its own: a built wheel in a fresh virtualenv, no repository."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(*cmd: str, cwd: Path) -> str:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    proc = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, (cmd, proc.stdout[-2000:], proc.stderr[-2000:])
    return proc.stdout


def test_wheel_installs_and_runs_on_its_own(tmp_path: Path) -> None:
    src = tmp_path / "src"
    # Build from a copy: the build must not leave files in the repository.
    shutil.copytree(ROOT / "sandbox", src, ignore=shutil.ignore_patterns(
        "build", "dist", "*.egg-info", "__pycache__"))
    run(sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(tmp_path / "dist"),
        str(src), cwd=tmp_path)
    [wheel] = list((tmp_path / "dist").glob("vads_sandbox-*.whl"))
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", str(venv), cwd=tmp_path)
    py = venv / "bin" / "python"
    run(str(py), "-m", "pip", "install", "-q", "--no-index", "--no-deps", str(wheel), cwd=tmp_path)
    # Run from a directory where the repository's copy cannot be imported by accident.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    version = run(str(venv / "bin" / "vads-sandbox"), "--version", cwd=elsewhere).strip()
    assert version == run(str(py), "-m", "vads_sandbox", "--version", cwd=elsewhere).strip()
    assert version.count(".") == 2
    location = run(str(py), "-c", "import vads_sandbox; print(vads_sandbox.__file__)", cwd=elsewhere)
    assert location.startswith(str(venv))
    schema = json.loads(run(str(venv / "bin" / "vads-sandbox"), "schema", cwd=elsewhere))
    assert schema["$defs"]["Envelope"]["properties"]["_type"]["const"] == "V4/WebService/Response"
    # It serves: start it from the installed copy, ask its health, stop it.
    proc = subprocess.Popen([str(py), "-m", "vads_sandbox", "serve", "--db", str(tmp_path / "sb.db"),
                             "--port", "0"], cwd=elsewhere, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        info = json.loads(proc.stdout.readline())
        req = urllib.request.Request(info["url"] + "/backoffice/api/health",
                                     headers={"Authorization": "Bearer " + info["token"]})
        with urllib.request.urlopen(req, timeout=10) as resp:
            assert json.loads(resp.read()) == {"status": "ok", "version": version}
    finally:
        proc.terminate()
        assert proc.wait(timeout=15) == 0
        proc.stdout.close()
        proc.stderr.close()

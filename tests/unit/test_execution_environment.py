"""The execution environment: `ansible-builder create` (no container runtime) on execution-environment.yml with
a freshly built collection tarball, then the context's own introspect.py (the step the image build runs on the
installed collections) lists exactly the collection's runtime requirements and bindep, not the dev pins."""

from __future__ import annotations

import re
import shutil
import subprocess
import tarfile

import yaml

from support.runner import REPO, VENV_BIN, ansible_env


def _run(*cmd, cwd):
    proc = subprocess.run([str(c) for c in cmd], cwd=str(cwd), env=ansible_env(), capture_output=True, text=True,
                          timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def _lines(path):
    return [line.strip() for line in path.read_text().splitlines() if line.strip() and not line.startswith("#")]


def test_build_context_holds_the_runtime_requirements_only(tmp_path):
    version = yaml.safe_load((REPO / "galaxy.yml").read_text())["version"]
    definition = yaml.safe_load((REPO / "execution-environment.yml").read_text())
    wanted = [c["name"] for c in definition["dependencies"]["galaxy"]["collections"]]
    assert wanted == ["collections/vads-shop-%s.tar.gz" % version], "execution-environment.yml names another version"

    shutil.copy(REPO / "execution-environment.yml", tmp_path)
    _run(VENV_BIN / "ansible-galaxy", "collection", "build", "--output-path", tmp_path / "dist", REPO, cwd=REPO)
    _run(VENV_BIN / "ansible-builder", "create", "-f", "execution-environment.yml", "-c", "context", cwd=tmp_path)

    build = tmp_path / "context" / "_build"
    tarball = build / wanted[0]
    assert tarball.is_file()
    with tarfile.open(tarball) as tar:
        names = tar.getnames()
        assert "requirements-dev.txt" not in names and "meta/execution-environment.yml" in names
        meta = yaml.safe_load(tar.extractfile("meta/execution-environment.yml"))
        assert meta["dependencies"] == {"python": "requirements.txt", "system": "bindep.txt"}
    _run(VENV_BIN / "ansible-galaxy", "collection", "install", "--force", "-p", tmp_path / "installed", tarball,
         cwd=tmp_path)
    _run(VENV_BIN / "python", build / "scripts" / "introspect.py", "introspect", tmp_path / "installed",
         "--write-pip", tmp_path / "pip.txt", "--write-bindep", tmp_path / "bindep.txt", cwd=tmp_path)

    def strip(lines):
        return [re.sub(r"\s+#.*$", "", line) for line in lines]

    pip = strip(_lines(tmp_path / "pip.txt"))
    assert pip == _lines(REPO / "requirements.txt") and "PyMySQL>=1.0" in pip
    assert strip(_lines(tmp_path / "bindep.txt")) == _lines(REPO / "bindep.txt")
    dev_only = set(_lines(REPO / "requirements-dev.txt")) - set(_lines(REPO / "requirements.txt"))
    assert dev_only and not dev_only & set(pip)
    assert not [line for line in pip if re.match(r"(pytest|hypothesis|selenium|ansible-lint)\b", line)]

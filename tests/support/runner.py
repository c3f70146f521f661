"""Run the collection's modules and playbooks for real, through ansible-core, and read the results."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
PYTHON = sys.executable
RESULT_CALLBACK = {
    "ANSIBLE_CALLBACK_PLUGINS": str(Path(__file__).resolve().parent / "callback_plugins"),
    "ANSIBLE_CALLBACKS_ENABLED": "vads_result",
    "ANSIBLE_LOAD_CALLBACK_PLUGINS": "1",
}


def _core_version():
    from ansible.release import __version__  # pylint: disable=import-outside-toplevel
    return tuple(int(part) for part in __version__.split(".")[:2])


# The ansible-core of this venv runs the tests. From 2.21 on, -vvvv no longer prints a module's invocation
# (its arguments, no_log values masked): the leak checks then read results, diffs and the rest of the output.
SHOWS_INVOCATION = _core_version() < (2, 21)


def assert_vvvv(text):
    """The output really is -vvvv (connection details shown) and, where ansible-core prints invocations, it
    showed them with the no_log values masked: a leak check on it is not vacuous."""
    assert "ESTABLISH LOCAL CONNECTION" in text, "not -vvvv output:\n" + text[-2000:]
    if SHOWS_INVOCATION:
        assert "VALUE_SPECIFIED_IN_NO_LOG_PARAMETER" in text, "-vvvv showed no module invocation:\n" + text[-2000:]


def zip_bytecode_folder():
    """The suite's cache of compiled module code (tests/support/zip_bytecode.py), private to this user."""
    folder = os.path.join(tempfile.gettempdir(), "vads-zip-bytecode-%d" % os.getuid())
    os.makedirs(folder, mode=0o700, exist_ok=True)
    return folder


def with_test_caches(env):
    """env for a process that runs ansible: the suite's caches (zip_bytecode.py, controller_cache.py), and
    bytecode for every file it imports kept in a private folder (plugins the plugin loader imports from this
    checkout, such as filters, have none otherwise where PYTHONDONTWRITEBYTECODE is set: each task's process
    compiled them again)."""
    folder = zip_bytecode_folder()
    env = dict(env, VADS_TEST_ZIP_BYTECODE=folder, PYTHONPYCACHEPREFIX=os.path.join(folder, "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def ansible_env(extra=None):
    env = with_test_caches(os.environ)
    env.update({
        "ANSIBLE_CONFIG": str(REPO / "ansible.cfg"),
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_FORCE_COLOR": "0",
        "ANSIBLE_LOCAL_TEMP": tempfile.gettempdir() + "/ansible-local",
        "PATH": str(VENV_BIN) + os.pathsep + env.get("PATH", ""),
    })
    env.update(extra or {})
    return env


@dataclass
class ModuleRun:
    rc: int
    result: dict
    output: str
    args: dict = field(default_factory=dict)

    @property
    def changed(self):
        return bool(self.result.get("changed"))

    @property
    def failed(self):
        return self.rc != 0 or bool(self.result.get("failed"))

    def shop(self, name):
        for item in self.result.get("shops", []):
            if item["name"] == name:
                return item
        raise KeyError(name)


def run_module(module, args, check=False, diff=False, verbosity=0, env=None):
    """Run one module on localhost with the venv's Python; returns its JSON result and all output."""
    with tempfile.TemporaryDirectory() as tree:
        cmd = [str(VENV_BIN / "ansible"), "localhost", "-i", "localhost,", "-c", "local",
               "-e", "ansible_python_interpreter=%s" % PYTHON,
               "-m", module if "." in module else "vads.shop." + module,
               "-a", json.dumps(args)]
        if check:
            cmd.append("--check")
        if diff:
            cmd.append("--diff")
        if verbosity:
            cmd.append("-" + "v" * verbosity)
        # The result file comes from a test-only callback: `ansible -t` is going away (2.23).
        run_env = ansible_env(dict(RESULT_CALLBACK, VADS_RESULT_DIR=tree))
        run_env.update(env or {})
        proc = subprocess.run(cmd, capture_output=True, text=True, env=run_env, cwd=str(REPO), timeout=300, check=False)
        path = Path(tree) / "localhost"
        result = json.loads(path.read_text()) if path.exists() else {}
        return ModuleRun(proc.returncode, result, proc.stdout + proc.stderr, args)


def run_playbook(playbook, inventory=None, extra_vars=None, check=False, diff=False, verbosity=0, env=None,
                 timeout=900):
    cmd = [str(VENV_BIN / "ansible-playbook"), str(playbook)]
    if inventory:
        cmd += ["-i", str(inventory)]
    for key, value in (extra_vars or {}).items():
        cmd += ["-e", json.dumps({key: value})]
    if check:
        cmd.append("--check")
    if diff:
        cmd.append("--diff")
    if verbosity:
        cmd.append("-" + "v" * verbosity)
    proc = subprocess.run(cmd, capture_output=True, text=True, env=ansible_env(env), cwd=str(REPO), timeout=timeout,
                          check=False)
    return proc.returncode, proc.stdout + proc.stderr


def snapshot(paths):
    """Bytes and mode of every file, to prove that nothing changed."""
    out = {}
    for path in paths:
        p = Path(path)
        out[str(p)] = (p.read_bytes(), p.stat().st_mode & 0o7777) if p.exists() else None
    return out

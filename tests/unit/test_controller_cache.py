"""The suite's controller caches (tests/support/controller_cache.py) change nothing but speed.

A collection of the test's own, in tmp_path, whose module and filter import a module_util: a run stores its
payload and compiled code, the next one uses them, and an edited module_util is seen at once.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

from ansible.executor import module_common

from support.runner import REPO, ansible_env

# Payloads are cached on ansible-core 2.19 and later (keyword-only _find_module_utils, _CachedModule);
# controller_cache.py leaves older ones alone, and only their collection code is cached (make test-matrix).
PAYLOADS = hasattr(module_common, "_CachedModule")

MODULE = '''#!/usr/bin/python
from ansible.module_utils.basic import AnsibleModule
from ansible_collections.acme.demo.plugins.module_utils.word import WORD


def main():
    AnsibleModule(argument_spec={}).exit_json(changed=False, word=WORD)


if __name__ == "__main__":
    main()
'''
FILTER = '''from ansible_collections.acme.demo.plugins.module_utils.word import WORD


class FilterModule(object):
    def filters(self):
        return {"shout": lambda value: "%s %s" % (value, WORD.upper())}
'''
PLAY = [{"hosts": "localhost", "gather_facts": False, "tasks": [
    {"name": "Say", "acme.demo.say": {}, "register": "said"},
    {"name": "Show", "ansible.builtin.debug": {"msg": "module={{ said.word }} filter={{ 'x' | acme.demo.shout }}"}}]}]


def collection(tmp_path, word):
    root = tmp_path / "collections" / "ansible_collections" / "acme" / "demo" / "plugins"
    for sub, name, text in (("modules", "say.py", MODULE), ("filter", "shout.py", FILTER),
                            ("module_utils", "word.py", "WORD = %r\n" % word)):
        (root / sub).mkdir(parents=True, exist_ok=True)
        (root / sub / name).write_text(text)
    return tmp_path / "collections"


def run(tmp_path, folder):
    play = tmp_path / "play.json"
    play.write_text(json.dumps(PLAY))
    env = ansible_env({"ANSIBLE_COLLECTIONS_PATH": str(tmp_path / "collections"), "ANSIBLE_DEBUG": "1",
                       "VADS_TEST_ZIP_BYTECODE": str(folder)})
    proc = subprocess.run([str(Path(sys.executable).parent / "ansible-playbook"), "-i", "localhost,", "-c", "local",
                           "-e", "ansible_python_interpreter=%s" % sys.executable, str(play)],
                          capture_output=True, text=True, env=env, cwd=str(REPO), check=False, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return proc.stdout + proc.stderr


def entries(folder, name):
    path = folder / name
    return sorted(os.listdir(path)) if path.exists() else []


def test_payloads_and_collection_code_are_reused_until_a_source_changes(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    collection(tmp_path, "one")

    first = run(tmp_path, folder)
    assert "module=one filter=x ONE" in first
    assert "ANSIBALLZ: Creating module" in first
    payloads, code = entries(folder, "ansiballz"), entries(folder, "collection-code")
    assert len(payloads) == (1 if PAYLOADS else 0), payloads  # acme.demo.say; debug runs no module
    assert code, "the filter's module_util was compiled without the cache"

    second = run(tmp_path, folder)
    assert "module=one filter=x ONE" in second
    # ansible-core found the payload already built: the stored one, checked against every source file
    assert ("ANSIBALLZ: Creating module" not in second and "ANSIBALLZ: using cached module" in second) is PAYLOADS
    assert entries(folder, "ansiballz") == payloads and entries(folder, "collection-code") == code

    # An edited module_util (the module file itself unchanged): built and compiled anew, never the stale copy.
    collection(tmp_path, "two")
    third = run(tmp_path, folder)
    assert "module=two filter=x TWO" in third
    assert "ANSIBALLZ: Creating module" in third
    assert len(entries(folder, "collection-code")) > len(code)


def test_a_folder_others_can_write_to_is_not_used(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    collection(tmp_path, "one")
    assert "module=one filter=x ONE" in run(tmp_path, folder)
    assert os.listdir(folder) == []

"""The suite's bytecode cache for zip-imported code (tests/support/zip_bytecode.py) changes nothing but speed."""

import os
import subprocess
import sys
import zipfile

from support.runner import ansible_env, run_module

MODULE = "def boom():\n    raise ValueError('from inside the zip')\n\nVALUE = 6 * 7\n"
SCRIPT = "import sys; sys.path.insert(0, sys.argv[1]); import zipped; print(zipped.VALUE); zipped.boom()"


def run_from_zip(tmp_path, name, folder):
    archive = tmp_path / name
    with zipfile.ZipFile(archive, "w") as out:
        out.writestr("zipped.py", MODULE)
    env = dict(os.environ)
    env.pop("VADS_TEST_ZIP_BYTECODE", None)
    if folder:
        env["VADS_TEST_ZIP_BYTECODE"] = str(folder)
    return subprocess.run([sys.executable, "-c", SCRIPT, str(archive)], capture_output=True, text=True, env=env,
                          check=False)


def test_cached_code_runs_the_same_and_names_this_runs_file(tmp_path):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    first = run_from_zip(tmp_path, "first.zip", folder)
    assert len(os.listdir(folder)) == 1, "the compiled module was not cached"
    second = run_from_zip(tmp_path, "second.zip", folder)
    plain = run_from_zip(tmp_path, "third.zip", None)
    for proc, name in ((first, "first.zip"), (second, "second.zip"), (plain, "third.zip")):
        assert proc.stdout == "42\n" and "ValueError: from inside the zip" in proc.stderr, proc.stderr
        # the traceback names the zip of this run, not the one the code was first compiled from
        assert str(tmp_path / name / "zipped.py") in proc.stderr, proc.stderr
    assert len(os.listdir(folder)) == 1
    assert second.stderr.replace("second.zip", "X") == plain.stderr.replace("third.zip", "X")


def test_a_folder_others_can_write_to_is_not_used(tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o777)
    proc = run_from_zip(tmp_path, "m.zip", folder)
    assert proc.stdout == "42\n" and os.listdir(folder) == []


def test_module_runs_of_the_suite_use_it(tmp_path):
    assert ansible_env()["VADS_TEST_ZIP_BYTECODE"]
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    run = run_module("ansible.builtin.ping", {"data": "pong"}, env={"VADS_TEST_ZIP_BYTECODE": str(folder)})
    assert run.result["ping"] == "pong"
    # ansible.module_utils.basic and the rest of what ping imports from its AnsiballZ zip
    assert len(os.listdir(folder)) > 10, "the module process compiled without the cache"

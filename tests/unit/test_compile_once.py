"""module_utils/compile_once.py: code imported from a zip (a module's AnsiballZ payload) is compiled once,
runs the same, and every module imports it before any other file of the collection."""

import glob
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
COMPILE_ONCE = REPO / "plugins" / "module_utils" / "compile_once.py"

# Counts zipimport's compiles per file, imports a package from the zip, then uses it (a traceback from inside
# it must name the file in the zip). argv: zip, "patched" or "plain".
SCRIPT = r"""
import importlib.util, sys, traceback, zipimport
counts = {}
original = zipimport._compile_source
def counting(pathname, source):
    counts[pathname.rsplit('/', 1)[-1]] = counts.get(pathname.rsplit('/', 1)[-1], 0) + 1
    return original(pathname, source)
zipimport._compile_source = counting
if sys.argv[2] == 'patched':
    spec = importlib.util.spec_from_file_location('compile_once', %r)
    spec.loader.exec_module(importlib.util.module_from_spec(spec))
sys.path.insert(0, sys.argv[1])
import pkg.a
print(pkg.a.VALUE, pkg.a.__file__.endswith('.zip/pkg/a.py'), pkg.b.__name__)
try:
    pkg.a.boom()
except ValueError:
    print(traceback.format_exc().count('.zip/pkg/a.py'))
print(sorted(counts.items()))
""" % str(COMPILE_ONCE)

FILES = {
    "pkg/__init__.py": "",
    "pkg/a.py": "from pkg import b\nVALUE = b.TWENTY + 22\n\ndef boom():\n    raise ValueError('inside')\n",
    "pkg/b.py": "TWENTY = 20\n",
}


def pythons(older=False):
    """This venv's Python, and every Python 3.8 or later pyenv holds (the versions a managed host may run);
    older: the Pythons 3.x before 3.8 instead (a C zipimport, which it leaves alone)."""
    found = {} if older else {sys.version_info[:2]: sys.executable}
    for path in sorted(glob.glob(os.path.expanduser("~/.pyenv/versions/3.*/bin/python3"))):
        match = re.search(r"/3\.(\d+)", path)
        if match and (int(match.group(1)) < 8) == older:
            found.setdefault((3, int(match.group(1))), path)
    return [found[key] for key in sorted(found)]


@pytest.mark.parametrize("python", pythons())
def test_each_file_in_the_zip_is_compiled_once_and_runs_the_same(tmp_path, python):
    archive = tmp_path / "payload.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for name, text in FILES.items():
            out.writestr(name, text)
    env = dict(os.environ)
    env.pop("VADS_TEST_ZIP_BYTECODE", None)  # the suite's own cache wraps the same compiles
    runs = {}
    for how in ("plain", "patched"):
        proc = subprocess.run([python, "-c", SCRIPT, str(archive), how], capture_output=True, text=True, env=env,
                              check=True)
        runs[how] = proc.stdout.splitlines()
    # The same results, the same file names in a traceback.
    assert runs["patched"][:2] == runs["plain"][:2] == ["42 True pkg.b", "1"]
    assert runs["patched"][2] == "[('__init__.py', 1), ('a.py', 1), ('b.py', 1)]", python
    # What it saves: zipimport compiled every file twice (CPython 3.8 to 3.13).
    assert runs["plain"][2] == "[('__init__.py', 2), ('a.py', 2), ('b.py', 2)]", python


@pytest.mark.parametrize("python", pythons(older=True) or [pytest.param(None, marks=pytest.mark.skip("none here"))])
def test_on_a_python_before_3_8_it_changes_nothing(tmp_path, python):
    archive = tmp_path / "payload.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for name, text in FILES.items():
            out.writestr(name, text)
    script = ("import sys, zipimport\n"
              "exec(compile(open(%r).read(), 'compile_once', 'exec'), {'__name__': 'compile_once'})\n"
              "sys.path.insert(0, sys.argv[1])\n"
              "import pkg.a\n"
              "print(pkg.a.VALUE, hasattr(zipimport, '_get_module_code'))\n" % str(COMPILE_ONCE))
    proc = subprocess.run([python, "-c", script, str(archive)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          universal_newlines=True, check=True)
    assert proc.stdout == "42 False\n", proc.stderr


def test_a_second_copy_of_it_changes_nothing(tmp_path):
    """Imported twice in one process (two copies of the collection): still one compile, no wrapper on a wrapper."""
    script = (
        "import importlib.util, zipimport\n"
        "for name in ('one', 'two'):\n"
        "    spec = importlib.util.spec_from_file_location(name, %r)\n"
        "    spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
        "print(zipimport._get_module_code.__module__)\n" % str(COMPILE_ONCE))
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert proc.stdout == "one\n"


def test_every_module_imports_it_before_any_other_file_of_the_collection():
    for path in sorted((REPO / "plugins" / "modules").glob("*.py")):
        imports = re.findall(r"^from (ansible_collections\.vads\.shop\.\S+) import (\w+)", path.read_text(), re.M)
        assert imports, path.name
        assert imports[0] == ("ansible_collections.vads.shop.plugins.module_utils", "compile_once"), path.name

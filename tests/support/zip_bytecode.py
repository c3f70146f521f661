"""A bytecode cache for code that Python imports from zip files: the test suite's module processes.

Every Ansible module runs from an AnsiballZ zip, and zipimport compiles each module_utils file it imports
from source in every module process (ansible-core ships no .pyc in the zip): ~0.2 CPU-s per module
run, thousands of runs in the suite. The test venv executes this file at start-up (a .pth line written by
tools/link-collection.sh) when VADS_TEST_ZIP_BYTECODE names a cache folder; tests/support/runner.py sets
it for the ansible processes it starts (and the demo test for the demo's). Same source, same code object:
the cache only skips compile(), and code read from it names the file of this run, so tracebacks stay right.
Users' runs never load it.
"""

import hashlib
import marshal
import os
import sys
import zipimport

_FOLDER = os.environ.get("VADS_TEST_ZIP_BYTECODE")
_compile_source = getattr(zipimport, "_compile_source", None)  # pure-Python zipimport: 3.8 and later


def _renamed(code, filename):
    consts = tuple(_renamed(c, filename) if isinstance(c, type(code)) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def _cached_compile(pathname, source):
    # The zip's own path changes from run to run: the key is the path inside it and the source.
    inner = pathname.rsplit(".zip" + os.sep, 1)[-1]
    key = hashlib.sha256(("%s\0%s\0" % (sys.version, inner)).encode() + source).hexdigest()
    path = os.path.join(_FOLDER, key[:40])
    try:
        with open(path, "rb") as cached:
            code = marshal.load(cached)
    except (OSError, EOFError, ValueError, TypeError):
        code = _compile_source(pathname, source)
        part = "%s.%d.part" % (path, os.getpid())
        try:
            with open(part, "wb") as out:
                marshal.dump(code, out)
            os.replace(part, path)
        except OSError:
            pass
        return code
    return _renamed(code, pathname) if code.co_filename != pathname else code


def _private(folder):
    """Code is loaded from the folder only if nobody else can write to it."""
    try:
        st = os.stat(folder)
    except OSError:
        return False
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


if _FOLDER and _private(_FOLDER):
    if _compile_source is not None:
        zipimport._compile_source = _cached_compile
    # The controller's side: payloads built once for the whole suite, collection code compiled once
    # (tests/support/controller_cache.py).
    try:
        import vads_test_controller_cache
    except ImportError:  # a venv linked before that file existed
        pass
    else:
        vads_test_controller_cache.install(_FOLDER)

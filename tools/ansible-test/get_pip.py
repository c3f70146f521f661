# vads.shop offline stand-in for https://ci-files.testing.ansible.com/ansible-test/get-pip-<version>.py
#
# ansible-test bootstraps pip into every virtual environment it creates by running
#   python quiet_pip.py --disable-pip-version-check pip==<version> [--no-setuptools] [--no-wheel]
# with GET_PIP pointing at ~/.ansible/test/cache/get_pip_<version_with_underscores>.py, and it
# only downloads that script when the cache file is missing. tools/sanity.sh installs this file
# there, so ansible-test never needs the (unreachable) download host.
#
# What it does:
#   1. installs the pip wheel bundled with the interpreter (standard library `ensurepip`, no network);
#   2. puts the environment back the way it was: ensurepip.bootstrap() deletes every PIP_* variable
#      and sets PIP_CONFIG_FILE=/dev/null in os.environ, which would make the next step ignore the
#      machine's pip configuration (index mirror, find-links, certificates);
#   3. runs `python -m pip install <the non-option arguments>` (normally `pip==<version>`), so the
#      environment ends up with exactly the pip version ansible-test asked for;
#   4. honours --no-setuptools / --no-wheel like the real get-pip.py: removes what ensurepip added.
# Do not rename: ansible-test loads it by file name through runpy.
"""Bootstrap pip with ensurepip, then pip-install the requested packages."""

import os
import subprocess
import sys

MARKER = 'vads.shop get_pip stand-in'  # tools/sanity.sh recognises its own file by this string


def _installed(name):
    """Return True if the distribution is installed in this interpreter (fresh subprocess: no stale caches)."""
    code = 'import importlib.metadata as m, sys\ntry:\n m.version(sys.argv[1])\nexcept Exception:\n sys.exit(1)'
    return subprocess.call([sys.executable, '-c', code, name]) == 0


def main(argv):
    """Entry point."""
    options = [arg for arg in argv if arg.startswith('-')]
    packages = [arg for arg in argv if not arg.startswith('-')]

    had_setuptools = _installed('setuptools')
    had_wheel = _installed('wheel')

    try:
        import ensurepip
    except ImportError:
        sys.stderr.write('get_pip stand-in: this Python (%s) has no ensurepip module; '
                         'on Debian/Ubuntu install the python3-venv package\n' % sys.executable)
        return 1

    saved_environ = dict(os.environ)
    try:
        ensurepip.bootstrap(upgrade=False)
    finally:
        os.environ.clear()
        os.environ.update(saved_environ)

    pip = [sys.executable, '-m', 'pip']

    if packages:
        # --disable-pip-version-check is what ansible-test passes; keep pip quiet otherwise too.
        rc = subprocess.call(pip + ['install', '--disable-pip-version-check', '--quiet'] + packages)
        if rc:
            return rc

    removals = []
    if '--no-setuptools' in options and not had_setuptools and _installed('setuptools'):
        removals.append('setuptools')
    if '--no-wheel' in options and not had_wheel and _installed('wheel'):
        removals.append('wheel')
    if removals:
        rc = subprocess.call(pip + ['uninstall', '--disable-pip-version-check', '--quiet', '--yes'] + removals)
        if rc:
            return rc

    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

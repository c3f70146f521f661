"""Helpers for tools/sanity.sh; run with the project venv's Python (it imports ansible and ansible_test).

  prepare.py get-pip           install get_pip.py where the installed ansible-test looks for its cached
                               pip bootstrap script; print that path
  prepare.py stage SRC DEST    copy the files `ansible-galaxy collection build` would put into the
                               artifact (galaxy.yml build_ignore / manifest), plus galaxy.yml itself,
                               minus git-ignored files, from SRC into DEST
"""

import os
import re
import shutil
import subprocess
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))


def get_pip_cache_path():
    """Return the cache path the installed ansible-test reads its pip bootstrap script from."""
    import ansible_test
    from ansible_test._internal.python_requirements import get_venv_packages

    python_version = '%d.%d' % sys.version_info[:2]
    pip_version = get_venv_packages(types.SimpleNamespace(version=python_version))['pip']

    # The file name template lives inside a function of a script ansible-test ships to targets; read it from there.
    setup = os.path.join(os.path.dirname(ansible_test.__file__), '_util', 'target', 'setup', 'requirements.py')
    with open(setup, encoding='utf-8') as handle:
        source = handle.read()
    templates = set(re.findall(r"""expanduser\(\s*['"]([^'"]*get_pip_[^'"]*)['"]\s*%\s*pip_version\.replace\(\s*['"]\.['"]\s*,\s*['"]_['"]\s*\)""",
                               source))
    if len(templates) != 1:
        raise SystemExit('prepare.py: cannot find the get_pip cache path in %s (found %r); '
                         'ansible-test changed, update tools/ansible-test/prepare.py' % (setup, sorted(templates)))
    return os.path.expanduser(templates.pop() % pip_version.replace('.', '_'))


def install_get_pip():
    """Install the stand-in unless the cache already holds it (or a genuine download, which works as well)."""
    path = get_pip_cache_path()
    with open(os.path.join(HERE, 'get_pip.py'), 'rb') as handle:
        ours = handle.read()
    try:
        with open(path, 'rb') as handle:
            current = handle.read()
    except FileNotFoundError:
        current = None
    if current != ours:
        # Replace a missing file, an older copy of the stand-in, or anything else: the stand-in is known to
        # work both offline (with a package index / mirror) and online; an unknown file may be a truncated download.
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = path + '.vads-tmp'
        with open(tmp, 'wb') as handle:
            handle.write(ours)
        os.replace(tmp, path)
    print(path)


def _read_galaxy_yml(src):
    import yaml

    for name in ('galaxy.yml', 'galaxy.yaml'):
        path = os.path.join(src, name)
        if os.path.exists(path):
            with open(path, encoding='utf-8') as handle:
                return name, yaml.safe_load(handle) or {}
    raise SystemExit('prepare.py: no galaxy.yml in %s' % src)


def _manifest_files(src, meta):
    """Relative file paths of the collection artifact, computed the way ansible-galaxy does it."""
    from ansible.galaxy.collection import _build_files_manifest
    try:
        from ansible.module_utils.common.sentinel import Sentinel
    except ImportError:  # ansible-core 2.17 keeps it in ansible.utils
        from ansible.utils.sentinel import Sentinel

    manifest = _build_files_manifest(os.fsencode(src), meta['namespace'], meta['name'],
                                     meta.get('build_ignore') or [], meta.get('manifest', Sentinel),
                                     meta.get('license_file'))
    return [entry['name'] for entry in manifest['files'] if entry['ftype'] == 'file' and entry['name'] != '.']


def _git_ignored(src, paths):
    """The subset of paths git ignores (none when SRC is not a git work tree)."""
    if not paths or not os.path.exists(os.path.join(src, '.git')):
        return set()
    proc = subprocess.run(['git', '-C', src, 'check-ignore', '--stdin', '-z'],
                          input='\0'.join(paths).encode(), stdout=subprocess.PIPE, check=False)
    if proc.returncode not in (0, 1):
        raise SystemExit('prepare.py: git check-ignore failed')
    return {p.decode() for p in proc.stdout.split(b'\0') if p}


def stage(src, dest):
    src = os.path.abspath(src)
    galaxy_name, meta = _read_galaxy_yml(src)
    files = _manifest_files(src, meta)
    ignored = _git_ignored(src, files)
    # ansible-galaxy drops galaxy.yml (the artifact carries MANIFEST.json instead); ansible-test reads either.
    files = sorted(set(f for f in files if f not in ignored) | {galaxy_name})
    for rel in files:
        target = os.path.join(dest, rel)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        shutil.copy2(os.path.join(src, rel), target)  # follows symlinks, like the built artifact
    print('%d files' % len(files))


def main(argv):
    if argv[:1] == ['get-pip'] and len(argv) == 1:
        install_get_pip()
    elif argv[:1] == ['stage'] and len(argv) == 3:
        stage(argv[1], argv[2])
    else:
        raise SystemExit(__doc__)


if __name__ == '__main__':
    main(sys.argv[1:])

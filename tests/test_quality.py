"""Collection quality gates: `ansible-test sanity` and `ansible-lint --profile production`, both offline.

They run tools/sanity.sh and tools/lint.sh exactly as `make sanity` / `make lint` do; the scripts use
the project venv (.venv, or $VENV) and need no network apart from a Python package index.
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest

TOP = Path(__file__).resolve().parent.parent


def _run(script, timeout):
    env = dict(os.environ)
    # Use the venv this pytest runs in (normally .venv) unless VENV says otherwise; else the scripts use .venv.
    if sys.prefix != sys.base_prefix:
        env.setdefault('VENV', sys.prefix)
    proc = subprocess.run(
        [str(TOP / 'tools' / script)],
        cwd=TOP,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        timeout=timeout,
        check=False,
    )
    return proc


@pytest.mark.slow
def test_ansible_test_sanity():
    proc = _run('sanity.sh', timeout=1800)
    assert proc.returncode == 0, 'tools/sanity.sh failed (exit %d):\n%s' % (proc.returncode, proc.stdout)


@pytest.mark.slow
def test_ansible_lint_production():
    proc = _run('lint.sh', timeout=600)
    assert proc.returncode == 0, 'tools/lint.sh failed (exit %d):\n%s' % (proc.returncode, proc.stdout)


@pytest.mark.slow
def test_docs_site_builds_every_page_without_a_warning(tmp_path):
    # `make docs`: antsibull-docs lint, then the Sphinx site with warnings as errors and every module, filter
    # and role page present. Run here because a broken page once went unnoticed outside the test run.
    env = dict(os.environ, DOCS_DIR=str(tmp_path / 'docs'))
    proc = subprocess.run([str(TOP / 'tools' / 'docs.sh')], cwd=TOP, env=env, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, timeout=1200, check=False)
    assert proc.returncode == 0, 'tools/docs.sh failed (exit %d):\n%s' % (proc.returncode, proc.stdout[-6000:])
    assert 'antsibull-docs lint-collection-docs --plugin-docs: clean' in proc.stdout
    assert 'no warnings' in proc.stdout
    pages = tmp_path / 'docs' / 'build' / 'html' / 'collections' / 'vads' / 'shop'
    for name in ('golive_report_module.html', 'report_files_module.html', 'golive_role.html'):
        assert (pages / name).is_file(), name

# Shared pytest set-up: tests import helpers as `support.*` (this folder is on sys.path).
import os
import sys

from hypothesis import settings

sys.path.insert(0, os.path.dirname(__file__))

# Property tests are deterministic: the same examples on every run and every machine, no example
# database replayed across runs, and no per-example deadline (the CI machine is small and shared).
settings.register_profile("vads", derandomize=True, database=None, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "vads"))


# The long end-to-end tests (whole playbooks, the demo) start first, so that xdist workers finish
# together instead of one worker running the longest test last.
_LONG_FIRST = ("tests/golive/", "tests/db/test_golive_embedded.py", "tests/audit/", "tests/dist/", "tests/test_quality.py")


def pytest_collection_modifyitems(config, items):
    items.sort(key=lambda item: 0 if item.nodeid.startswith(_LONG_FIRST) else 1)

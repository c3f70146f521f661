# Shared pytest set-up: tests import helpers as `support.*` (this folder is on sys.path).
import os
import sys

from hypothesis import settings

sys.path.insert(0, os.path.dirname(__file__))

# Property tests are deterministic: the same examples on every run and every machine, no example
# database replayed across runs, and no per-example deadline (the CI machine is small and shared).
settings.register_profile("vads", derandomize=True, database=None, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "vads"))


# The longest tests first (in the order of their durations in a 4-worker run), handed out one at a time
# (tools/test.sh: --dist load --maxschedchunk 1): every worker starts with a long one and they finish
# together, instead of one worker running the longest test last. The rest keep their collection order.
_LONG_FIRST = (
    "tests/db/test_golive_embedded.py::test_embedded_form_shops_go_live_on_each_cms",
    "tests/golive/test_golive.py::test_manual_path",
    "tests/golive/test_golive.py::test_golive_dry_run",
    "tests/golive/test_golive.py::test_make_demo",
    "tests/golive/test_golive.py",
    "tests/test_quality.py",
    "tests/golive/",
    "tests/db/test_plugin_semantics.py",
    "tests/audit/",
    "tests/db/test_db_stores.py",
    "tests/integration/test_file_stores.py",
    "tests/gateway/test_modules.py",
    "tests/dist/",
)


def _rank(item):
    return next((i for i, prefix in enumerate(_LONG_FIRST) if item.nodeid.startswith(prefix)), len(_LONG_FIRST))


def pytest_collection_modifyitems(config, items):
    items.sort(key=_rank)

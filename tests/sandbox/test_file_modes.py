"""The sandbox's database holds every shop's keys: it is readable by its owner only."""

import stat

from vads_sandbox.store import Store


def test_database_and_wal_files_are_owner_only(tmp_path):
    path = tmp_path / "sandbox.db"
    store = Store(str(path))
    try:
        for name in ("sandbox.db", "sandbox.db-wal", "sandbox.db-shm"):
            candidate = tmp_path / name
            if candidate.exists():
                assert stat.S_IMODE(candidate.stat().st_mode) == 0o600, name
    finally:
        store.close()
    path.chmod(0o644)
    Store(str(path)).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

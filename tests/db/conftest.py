"""A private MariaDB server for the database store tests (one per session), and fresh databases per test."""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from support.mariadb import MariaDB

SCHEMAS = Path(__file__).resolve().parent / "schemas"
_counter = itertools.count(1)


@pytest.fixture(scope="session")
def mariadb():
    if not shutil.which("mariadbd") and not os.path.exists("/usr/sbin/mariadbd"):
        pytest.skip("mariadb-server is not installed (tools/install-system-packages.sh)")
    base = tempfile.mkdtemp(prefix="vads-mariadb-")
    server = MariaDB(base).start()
    try:
        yield server
    finally:
        server.stop()
        shutil.rmtree(base, ignore_errors=True)


class Database(object):
    """One fresh database on the test server, with the shop software's tables."""

    def __init__(self, server, name):
        self.server = server
        self.name = name
        self.conn = server.connect(name, autocommit=True)

    def load(self, schema):
        sql = (SCHEMAS / schema).read_text()
        for statement in sql.split(";\n"):
            if statement.strip() and not all(line.startswith("--") or not line.strip()
                                             for line in statement.splitlines()):
                self.execute(statement)
        return self

    def execute(self, sql, params=None):
        with self.conn.cursor() as cur:
            cur.execute(sql, params)
            return cur.fetchall()

    def executemany(self, sql, rows):
        with self.conn.cursor() as cur:
            cur.executemany(sql, rows)

    def dump(self, table):
        """Every row of a table, to prove that nothing changed."""
        return self.execute("SELECT * FROM `%s` ORDER BY 1" % table)

    def store(self, kind, tcp=True, **extra):
        """The `store` option for this database (TCP with root's password, or the socket)."""
        store = {"type": kind, "login_user": self.server.user, "login_password": self.server.password,
                 "login_db": self.name}
        if tcp:
            store.update(login_host="127.0.0.1", login_port=self.server.port)
        else:
            store["login_unix_socket"] = self.server.socket
        store.update(extra)
        return store


@pytest.fixture
def new_db(mariadb):
    made = []

    def make(*schemas):
        name = "t%d_%d" % (os.getpid(), next(_counter))
        mariadb.execute("CREATE DATABASE `%s` CHARACTER SET utf8mb4" % name)
        db = Database(mariadb, name)
        for schema in schemas:
            db.load(schema)
        made.append(db)
        return db

    yield make
    for db in made:
        db.conn.close()
        mariadb.execute("DROP DATABASE IF EXISTS `%s`" % db.name)

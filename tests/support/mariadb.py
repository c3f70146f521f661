"""A private MariaDB server for tests and demos, from Debian's packages, on its own socket and port.

Usage from Python::

    db = MariaDB("/tmp/mydb").start()      # mariadb-install-db (first time) + mariadbd
    db.execute("CREATE DATABASE shop")     # as root, through the mariadb client
    db.socket, db.port, db.user, db.password
    db.stop()

or as a context manager (``with MariaDB(dir) as db:``). From a shell::

    python tests/support/mariadb.py start DIR   # prints {"socket": ..., "port": ..., "pid": ...}
    python tests/support/mariadb.py stop DIR

The server listens on 127.0.0.1 only. Root logs in with the password ``ROOT_PASSWORD`` over TCP or the
socket (the client uses the socket). Needs the Debian packages ``mariadb-server`` and ``mariadb-client``
(tools/install-system-packages.sh) and must run as root, or as the owner of DIR.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT_PASSWORD = "root-test-pw"


def _free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _port_free(port):
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        try:
            sock.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _binary(*names):
    for name in names:
        for folder in ("/usr/sbin", "/usr/bin", "/sbin", "/bin"):
            path = os.path.join(folder, name)
            if os.access(path, os.X_OK):
                return path
        found = shutil.which(name)
        if found:
            return found
    raise RuntimeError("none of %s found: install mariadb-server and mariadb-client "
                       "(tools/install-system-packages.sh)" % ", ".join(names))


class MariaDB(object):
    """One private server: data in BASEDIR/data, socket BASEDIR/sock, pid BASEDIR/pid, log BASEDIR/log."""

    user = "root"
    password = ROOT_PASSWORD
    host = "127.0.0.1"

    def __init__(self, basedir, port=None):
        self.basedir = Path(basedir).resolve()
        self.datadir = self.basedir / "data"
        self.socket = str(self.basedir / "sock")
        self.pidfile = self.basedir / "pid"
        self.logfile = self.basedir / "log"
        self.statefile = self.basedir / "state.json"
        self.port = port
        self.process = None
        if port is None and self.statefile.exists():
            self.port = json.loads(self.statefile.read_text()).get("port")

    # -- life cycle ---------------------------------------------------------------------------
    def start(self, timeout=60):
        if self.running():
            return self
        self.basedir.mkdir(parents=True, exist_ok=True)
        fresh = not (self.datadir / "mysql").is_dir()
        if fresh:
            # Several pytest-xdist workers may create servers at once: mariadb-install-db was seen failing
            # when two ran together, so they take turns (a lock file), and a failed one is tried once more.
            with open(os.path.join(tempfile.gettempdir(), "vads-mariadb-install.lock"), "w") as lock:
                fcntl.flock(lock, fcntl.LOCK_EX)
                for attempt in (1, 2):
                    proc = subprocess.run(
                        [_binary("mariadb-install-db", "mysql_install_db"), "--datadir=%s" % self.datadir,
                         "--auth-root-authentication-method=normal", "--user=root", "--skip-test-db",
                         "--skip-name-resolve"],
                        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, timeout=300, check=False)
                    if not proc.returncode:
                        break
                    shutil.rmtree(str(self.datadir), ignore_errors=True)
            if proc.returncode:
                raise RuntimeError("mariadb-install-db failed:\n%s" % proc.stdout)
        if self.port is None or not _port_free(self.port):
            self.port = _free_port()
        if os.path.exists(self.socket):
            os.unlink(self.socket)
        log = open(self.logfile, "ab")
        self.process = subprocess.Popen(
            [_binary("mariadbd", "mysqld"), "--no-defaults", "--datadir=%s" % self.datadir,
             "--socket=%s" % self.socket, "--port=%d" % self.port, "--bind-address=127.0.0.1",
             "--user=root", "--pid-file=%s" % self.pidfile, "--skip-name-resolve",
             "--innodb-buffer-pool-size=32M", "--innodb-log-file-size=16M", "--skip-log-bin",
             "--character-set-server=utf8mb4", "--collation-server=utf8mb4_general_ci",
             "--max-connections=200"],
            stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        log.close()
        deadline = time.time() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError("mariadbd exited with %s:\n%s" % (self.process.returncode, self._log_tail()))
            if os.path.exists(self.socket) and self._ping():
                break
            if time.time() > deadline:
                self.stop()
                raise RuntimeError("mariadbd did not answer within %ss:\n%s" % (timeout, self._log_tail()))
            time.sleep(0.1)
        self.statefile.write_text(json.dumps(self.info()))
        if fresh:
            self.execute("ALTER USER 'root'@'localhost' IDENTIFIED BY '%s'; "
                         "CREATE OR REPLACE USER 'root'@'127.0.0.1' IDENTIFIED BY '%s'; "
                         "GRANT ALL ON *.* TO 'root'@'127.0.0.1' WITH GRANT OPTION; FLUSH PRIVILEGES;"
                         % (ROOT_PASSWORD, ROOT_PASSWORD), password="")
        return self

    def stop(self, timeout=30):
        pid = self._pid()
        if pid is None:
            return
        try:
            os.kill(pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        deadline = time.time() + timeout
        while self._alive(pid) and time.time() < deadline:
            if self.process is not None:
                self.process.poll()
            time.sleep(0.1)
        if self._alive(pid):
            os.kill(pid, signal.SIGKILL)
        if self.process is not None:
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                pass
        self.process = None

    def running(self):
        pid = self._pid()
        return pid is not None and self._alive(pid) and self._ping()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()

    # -- use ------------------------------------------------------------------------------------
    def info(self):
        return {"socket": self.socket, "port": self.port, "host": self.host, "user": self.user,
                "password": self.password, "pid": self._pid(), "basedir": str(self.basedir)}

    def client_args(self, database=None, password=None):
        pw = self.password if password is None else password
        args = [_binary("mariadb", "mysql"), "--no-defaults", "-S", self.socket, "-u", self.user]
        if pw:
            args.append("-p%s" % pw)
        if database:
            args.append(database)
        return args

    def execute(self, sql, database=None, password=None):
        """Run SQL through the mariadb client; returns rows as lists of strings (tab-separated output)."""
        proc = subprocess.run(self.client_args(database, password) + ["--batch", "--skip-column-names", "--raw"],
                              input=sql, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=120,
                              check=False)
        if proc.returncode:
            raise RuntimeError("SQL failed (%s): %s" % (proc.returncode, proc.stderr.strip()))
        return [line.split("\t") for line in proc.stdout.splitlines()]

    def connect(self, database=None, **kwargs):
        """A PyMySQL connection as root through the socket (PyMySQL imported here, not at module load)."""
        import pymysql  # pylint: disable=import-outside-toplevel
        return pymysql.connect(unix_socket=self.socket, user=self.user, password=self.password,
                               database=database, charset="utf8mb4", **kwargs)

    # -- internals ------------------------------------------------------------------------------
    def _pid(self):
        if self.process is not None and self.process.poll() is None:
            return self.process.pid
        try:
            return int(self.pidfile.read_text().strip())
        except (OSError, ValueError):
            return None

    @staticmethod
    def _alive(pid):
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return False
        except PermissionError:
            return True
        # a zombie child of ours counts as gone
        try:
            with open("/proc/%d/stat" % pid) as handle:
                return handle.read().split(") ")[-1].split()[0] != "Z"
        except OSError:
            return True

    def _ping(self):
        for pw in (self.password, ""):
            proc = subprocess.run([_binary("mariadb-admin", "mysqladmin"), "--no-defaults", "-S", self.socket,
                                   "-u", self.user] + (["-p%s" % pw] if pw else []) + ["ping"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=10, check=False)
            if proc.returncode == 0:
                return True
        return False

    def _log_tail(self):
        try:
            return "\n".join(self.logfile.read_text(errors="replace").splitlines()[-20:])
        except OSError:
            return "(no log)"


def main(argv):
    if len(argv) != 3 or argv[1] not in ("start", "stop", "status"):
        sys.stderr.write("usage: %s start|stop|status DIR\n" % argv[0])
        return 2
    db = MariaDB(argv[2])
    if argv[1] == "start":
        db.start()
        db.process = None  # leave it running after we exit
        print(json.dumps(db.info()))
    elif argv[1] == "stop":
        db.stop()
    else:
        print(json.dumps(dict(db.info(), running=db.running())))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

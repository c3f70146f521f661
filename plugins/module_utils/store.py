# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The store: where a merchant server keeps a shop's gateway settings.

A store has a *type* (how to read and write), a *location* (a file, or a database and scope) and a
*mapping* from the canonical settings to the software's own names. Shops that share a location
(several shops in one file or one database) share one backend, so a module call does one
read-modify-write per location.

Backends register themselves in ``BACKENDS``; file backends live here, database backends in
``store_db``, which is imported by the first call that uses a database store (its options are
declared here, for every module's argument spec): it is a third of the code a module would
otherwise compile at each start.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import difflib
import errno
import fcntl
import grp
import os
import pwd
import re
import stat
import tempfile
import time

from ansible.module_utils.basic import env_fallback

from ansible_collections.vads.shop.plugins.module_utils.editors import EDITORS, FileFormatError, edit_checked

SETTINGS = ("site_id", "ctx_mode", "key_test", "key_prod", "sign_algo", "url_check")
# The REST API keys of the embedded form (smartForm): private key (the REST password), public key and
# HMAC-SHA-256 key, per mode. File stores keep them only where store.keys maps them.
REST_SETTINGS = ("rest_private_key_test", "rest_private_key_prod", "rest_public_key_test", "rest_public_key_prod",
                 "rest_hmac_key_test", "rest_hmac_key_prod")
# A store whose software keeps one key for the current mode maps "key" instead.
KEY_SETTINGS = ("key_test", "key_prod", "key") + REST_SETTINGS

FILE_TYPES = ("dotenv", "yaml", "json", "ini")

_DOTTED = dict((s, "vads." + s) for s in SETTINGS + ("key",))
DEFAULT_NAMES = {
    "dotenv": dict((s, "VADS_" + s.upper()) for s in SETTINGS + ("key",)),
    "yaml": _DOTTED,
    "json": _DOTTED,
    "ini": _DOTTED,
}

# Suboptions of the `store` option; database backends add theirs (see store_db).
STORE_OPTIONS = {
    "type": {"type": "str"},
    "path": {"type": "path"},
    "keys": {"type": "dict", "no_log": False},  # names of settings, not secrets
    "file_mode": {"type": "raw", "aliases": ["mode"]},
    "owner": {"type": "str"},
    "group": {"type": "str"},
    "create": {"type": "bool"},
    "flat": {"type": "bool"},
    "max_size_mb": {"type": "float"},
    "lock_timeout": {"type": "int"},
}
DEFAULT_MAX_SIZE_MB = 10
DEFAULT_LOCK_TIMEOUT = 60

# The database stores (module_utils/store_db.py) and their options.
DB_TYPES = ("prestashop", "woocommerce", "magento2")
DB_CONNECTION_OPTIONS = {
    "login_host": {"type": "str"},
    "login_port": {"type": "int"},
    "login_unix_socket": {"type": "path"},
    "login_user": {"type": "str"},
    # Top level only (batch.shops_option drops fallbacks), as for the Back Office token.
    "login_password": {"type": "str", "no_log": True, "fallback": (env_fallback, ["VADS_STORE_LOGIN_PASSWORD"])},
    "login_db": {"type": "str"},
    "connect_timeout": {"type": "int"},
}
DB_SHARED_OPTIONS = {
    "table_prefix": {"type": "str"},
    "brand": {"type": "str"},
    "create": {"type": "bool"},
}
DB_OWN_OPTIONS = {
    "prestashop": {"shop_id": {"type": "int"}, "shop_group_id": {"type": "int"}},
    "woocommerce": {"option_name": {"type": "str"}},
    "magento2": {"scope": {"type": "str"}, "scope_id": {"type": "int"}, "magento_root": {"type": "path"}},
}
# Both scoped stores take it (not a per-type option, so it is listed apart for store_db's checks).
DB_SCOPED_OPTIONS = {"overrides": {"type": "str"}}

STORE_OPTIONS.update(DB_CONNECTION_OPTIONS)
STORE_OPTIONS.update(DB_SHARED_OPTIONS)
STORE_OPTIONS.update(DB_SCOPED_OPTIONS)
for _own in DB_OWN_OPTIONS.values():
    STORE_OPTIONS.update(_own)

BACKENDS = {}


def load_database_backends():
    """Import the database stores, which register themselves in BACKENDS."""
    from ansible_collections.vads.shop.plugins.module_utils import store_db  # noqa: F401  pylint: disable=unused-import,import-outside-toplevel


class StoreError(Exception):
    """A problem with a store that a user can fix; the message never contains a secret."""


class ShopStore(object):
    """One shop's view of a store: its options, its mapping and the location it shares."""

    def __init__(self, options):
        self.options = dict((k, v) for k, v in (options or {}).items() if v is not None)
        self.type = self.options.get("type")
        if self.type not in BACKENDS:
            known = ", ".join(sorted(set(BACKENDS) | set(DB_TYPES)))
            if not self.type:
                raise StoreError("store.type is required (one of %s)" % known)
            if self.type not in DB_TYPES:
                raise StoreError("store.type %r is unknown: use one of %s" % (self.type, known))
            load_database_backends()
        self.backend_class = BACKENDS[self.type]
        self.mapping = self._mapping()
        self.single_key = "key" in self.mapping
        self.location = self.backend_class.location(self)

    def _mapping(self):
        defaults = dict(self.backend_class.default_names(self))
        given = self.options.get("keys") or {}
        if not isinstance(given, dict):
            raise StoreError("store.keys must be a mapping of setting to name")
        known = SETTINGS + ("key",) + REST_SETTINGS
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise StoreError("store.keys has unknown settings %s: use %s" % (", ".join(unknown), ", ".join(known)))
        if "key" in given and given["key"] and (given.get("key_test") or given.get("key_prod")):
            raise StoreError("store.keys maps both 'key' (one key for the current mode) and key_test/key_prod: choose one")
        if given.get("key"):
            defaults.pop("key_test", None)
            defaults.pop("key_prod", None)
        else:
            defaults.pop("key", None)
        for setting, name in given.items():
            if name in (None, ""):
                defaults.pop(setting, None)  # explicitly not kept by this software
            elif not isinstance(name, str):
                raise StoreError("store.keys.%s must be a name, not %r" % (setting, name))
            else:
                defaults[setting] = name
        natives = list(defaults.values())
        if len(set(natives)) != len(natives):
            raise StoreError("store.keys maps two settings to the same name")
        return defaults

    def describe(self):
        return self.backend_class.describe(self)

    def key_setting(self, mode):
        """The setting that holds the key of a mode (for one-key stores: 'key')."""
        if self.single_key:
            return "key"
        return "key_prod" if mode == "PRODUCTION" else "key_test"


def file_mode_option(value):
    """Parse the file_mode option ('0600', '600' or an integer such as YAML's 0600) into an int."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise StoreError("store.file_mode %r is not an octal mode such as '0600'" % (value,))
    if isinstance(value, int):
        mode = value  # YAML already read 0600 as an octal number
    else:
        text = str(value).strip()
        if text.startswith("0o"):
            text = text[2:]
        if not text or set(text) - set("01234567"):
            raise StoreError("store.file_mode %r is not an octal mode such as '0600'" % (value,))
        mode = int(text, 8)
    if mode < 0 or mode > 0o7777:
        raise StoreError("store.file_mode %r is not an octal mode such as '0600'" % (value,))
    return mode


class FileBackend(object):
    """A configuration file edited in place and replaced atomically, under an advisory lock.

    Writers take an exclusive ``flock`` on a sibling lock file (``.<name>.vads-lock``) before they
    read what they will change, so two runs on one file serialize and neither loses an update. The
    new version is staged in a temporary file (``.<name>.vads-tmp-*``, created 0600), fsync'd, and
    renamed over the old one; the folder is fsync'd after the rename.
    """

    def __init__(self, location, stores, run_command=None):  # pylint: disable=unused-argument
        # run_command: the backend interface; database stores run PHP and bin/magento, files run nothing.
        self.kind = location[1]
        self.path = location[2]
        self.stores = stores
        self.pending = {}
        self._planned = None
        self._staged = None
        self._new_mode = None
        self._new_owner = None
        self._lock_fd = None
        self.warnings = []
        self.file_mode = self._same("file_mode", file_mode_option, "file modes")
        self.owner = self._same("owner", _uid, "owners")
        self.group = self._same("group", _gid, "groups")
        self.flat = self._same("flat", None, "values of store.flat")
        self.max_size = self._same("max_size_mb", _max_size, "values of store.max_size_mb")
        if self.max_size is None:
            self.max_size = DEFAULT_MAX_SIZE_MB * 1024 * 1024
        self._load()

    def _same(self, option, parse, what):
        values = set()
        for store in self.stores:
            value = store.options.get(option)
            if value is not None:
                values.add(parse(value) if parse else value)
        if len(values) > 1:
            raise StoreError("shops sharing %s ask for different %s" % (self.path, what))
        return values.pop() if values else None

    def _load(self):
        try:
            found = os.stat(self.path)  # one stat for both questions: a fleet call loads 1,000 files
        except OSError:
            raise StoreError("store file %s does not exist" % self.path)
        if not stat.S_ISREG(found.st_mode):
            raise StoreError("store path %s is not a regular file" % self.path)
        try:
            with open(self.path, "rb") as handle:
                self.stat = os.fstat(handle.fileno())
                if self.stat.st_size > self.max_size:
                    raise StoreError("%s is %.1f MB, more than the %g MB a store may be (store.max_size_mb): a store "
                                     "of gateway settings is a few kB; raise store.max_size_mb if this really is it"
                                     % (self.path, self.stat.st_size / 1048576.0, self.max_size / 1048576.0))
                # Asking for max_size bytes makes Python allocate (and the kernel map) that much for each
                # file, 10 MB by default: ask for what fstat says, then for the rest only if it grew.
                want = min(self.stat.st_size, self.max_size) + 1
                self.raw = handle.read(want)
                if len(self.raw) == want:
                    self.raw += handle.read(self.max_size + 1 - len(self.raw))
        except (IOError, OSError) as exc:
            raise StoreError("cannot read %s: %s" % (self.path, exc.strerror or exc))
        if len(self.raw) > self.max_size:
            raise StoreError("%s grew past store.max_size_mb while it was read" % self.path)
        try:
            self.text = self.raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise StoreError("%s is not UTF-8 text (byte %d)" % (self.path, exc.start))
        try:
            self.editor = EDITORS[self.kind](self.text, flat=self.flat)
        except FileFormatError as exc:
            raise StoreError("%s is malformed: %s" % (self.path, exc))

    @staticmethod
    def location(store):
        path = store.options.get("path")
        if not path:
            raise StoreError("store.path is required for a %s store" % store.type)
        file_mode_option(store.options.get("file_mode"))
        return ("file", store.type, _real_path(os.path.expanduser(path)))

    @staticmethod
    def default_names(store):
        return DEFAULT_NAMES[store.type]

    @staticmethod
    def describe(store):
        return "%s:%s" % (store.type, store.options.get("path"))

    # -- the lock ------------------------------------------------------------------------------
    def _sibling(self, tag):
        folder, base = os.path.split(self.path)
        return os.path.join(folder, ".%s.%s" % (base, tag))

    def lock(self, listings=None):
        """Take the store's lock (waiting up to store.lock_timeout), then read the file again if it changed.

        listings: folder listings shared by the stores of one call (a fleet keeps many files per folder).
        """
        if self._lock_fd is not None:
            return
        timeout = self._same("lock_timeout", int, "values of store.lock_timeout")
        timeout = DEFAULT_LOCK_TIMEOUT if timeout is None else timeout
        name = self._sibling("vads-lock")
        try:
            fd = os.open(name, os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0), 0o600)
        except OSError as exc:
            raise StoreError("cannot open the lock file %s: %s" % (name, exc.strerror or exc))
        deadline = time.monotonic() + max(timeout, 0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                    os.close(fd)
                    raise StoreError("cannot lock %s: %s" % (name, exc.strerror or exc))
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreError("another run is changing %s (it holds %s): waited %d s; rerun when it is done, "
                                     "or raise store.lock_timeout" % (self.path, name, timeout))
                time.sleep(0.02)
        self._lock_fd = fd
        # What was read before the lock may be stale: every writer replaces the file (a new inode).
        if not self._same_file():
            self._load()
        self._clean_stale({} if listings is None else listings)

    def release(self):
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the descriptor releases the flock
            self._lock_fd = None

    def _same_file(self):
        try:
            now = os.stat(self.path)
        except OSError:
            return False
        return (now.st_ino, now.st_dev, now.st_size, now.st_mtime_ns) == \
            (self.stat.st_ino, self.stat.st_dev, self.stat.st_size, self.stat.st_mtime_ns)

    def _clean_stale(self, listings):
        """Temporary files of a run that was killed (under the lock, no live run owns one)."""
        folder, base = os.path.split(self.path)
        if folder not in listings:
            try:
                found = {}
                for entry in os.listdir(folder or "."):
                    m = _TEMP_NAME.match(entry)
                    if m:
                        found.setdefault(m.group(1), []).append(entry)
                listings[folder] = found
            except OSError:
                return
        candidates = listings[folder].get(base)
        if not candidates:
            return  # the usual case: no pattern to build for each of a fleet's files
        ours = re.compile(r"^\.%s\.(vads-tmp-.+|[a-z0-9_]{8}\.tmp)$" % re.escape(base))
        removed = 0
        for entry in candidates:
            if ours.match(entry):
                try:
                    os.unlink(os.path.join(folder, entry))
                    removed += 1
                except OSError:
                    pass
        if removed:
            self.warnings.append("removed %d temporary file(s) that an interrupted run left next to %s"
                                 % (removed, self.path))

    # -- reading and planning ------------------------------------------------------------------
    def read(self, store):
        try:
            return dict((setting, self.editor.get(name)) for setting, name in store.mapping.items())
        except FileFormatError as exc:
            raise StoreError("%s is malformed: %s" % (self.path, exc))

    def change_problems(self, store, changes):
        """A name the file does not hold is added only when that cannot be a misspelt mapping."""
        create = store.options.get("create")
        if create:
            return []
        missing = []
        for setting, value in sorted(changes.items()):
            name = store.mapping[setting]
            if value is None or self.editor.has(name):
                continue
            held = self.editor.names()
            if create is None and (name == DEFAULT_NAMES[store.type].get(setting) or not held):
                continue  # the collection's own name, or a fresh file: nothing the application reads is hidden
            missing.append((setting, name, held))
        problems = []
        for setting, name, held in missing:
            close = difflib.get_close_matches(name, held, n=3, cutoff=0.5)
            shown = close + [h for h in held if h not in close]
            problems.append("%s (store.keys.%s) is not in %s, which holds %s: the application would not read a new "
                            "%s; correct store.keys, or give store.create: true to add it"
                            % (name, setting, self.path,
                               ", ".join(shown[:12]) + (" and %d more" % (len(shown) - 12) if len(shown) > 12 else "")
                               if shown else "no settings", name))
        return problems

    def write(self, store, changes):
        for setting, value in changes.items():
            self.pending[store.mapping[setting]] = value

    def _holds_key(self, editor):
        for store in self.stores:
            for setting in KEY_SETTINGS:
                name = store.mapping.get(setting)
                if name and editor.get(name):
                    return True
        return False

    def describe_location(self):
        return self.path

    def current_mode(self):
        return stat.S_IMODE(self.stat.st_mode)

    def plan(self):
        """Work out the new text and mode: (new_text, new_mode); raises StoreError."""
        if self._planned is not None and self._planned[0] == self.pending:
            return self._planned[1]
        after = self.editor
        if self.pending:
            try:
                after = edit_checked(self.kind, self.text, self.pending, self.flat, parsed=self.editor)
            except FileFormatError as exc:
                raise StoreError("%s: %s" % (self.path, exc))
        mode = self.current_mode()
        holds_key = self._holds_key(after)
        if self.file_mode is not None:
            mode = self.file_mode
            if holds_key and mode & 0o007:
                raise StoreError("store.file_mode %04o would let every user of the server read the key in %s: "
                                 "give no access to others (such as 0640 or 0600)" % (mode, self.path))
        elif holds_key:
            mode = mode & ~0o007  # never widened; only "other" access removed from a file holding a key
        self._planned = (dict(self.pending), (after.text, mode))
        return after.text, mode

    def _owner_after(self):
        uid = self.owner if self.owner is not None else self.stat.st_uid
        gid = self.group if self.group is not None else self.stat.st_gid
        return uid, gid

    def prepare(self, check_mode, backup):
        """Stage the new file next to the old one (written, fsync'd, not yet in place); return the result.

        Batches stage every file, then rename them all: a run killed midway leaves each file either
        old or new, never half-written.
        """
        new_text, new_mode = self.plan()
        content_changed = new_text != self.text
        owner_after = self._owner_after()
        owner_changed = owner_after != (self.stat.st_uid, self.stat.st_gid)
        result = {
            "content_changed": content_changed,
            "mode_before": "%04o" % self.current_mode(),
            "mode_after": "%04o" % new_mode,
            "changed": content_changed or new_mode != self.current_mode() or owner_changed,
            "owner_changed": owner_changed,
            "backup_file": None,
            "warnings": self.warnings,
        }
        self._staged = None
        self._new_mode = None
        self._new_owner = None
        self._backup_name = None
        if check_mode or not result["changed"]:
            return result
        if self._lock_fd is not None and not self._same_file():
            raise StoreError("%s was changed by something that does not take the lock while this run worked on it: "
                             "rerun" % self.path)
        self._new_mode = new_mode
        self._new_owner = owner_after
        if backup and content_changed:
            result["backup_file"] = self._backup(new_mode)
        if content_changed:
            self._staged = StagedFile(self.path, new_text.encode("utf-8"), new_mode, owner_after)
        return result

    def finish(self, sync_folder=True):
        """Put the staged file in place; returns its folder when that still needs an fsync (sync_folder=False)."""
        if self._staged is not None:
            self._staged.commit(sync_folder=sync_folder)
            return None if sync_folder else os.path.dirname(self.path) or "."
        else:
            if self._new_owner is not None and self._new_owner != (self.stat.st_uid, self.stat.st_gid):
                os.chown(self.path, *self._new_owner)
            if self._new_mode is not None and self._new_mode != self.current_mode():
                os.chmod(self.path, self._new_mode)

    def abort(self):
        if getattr(self, "_staged", None) is not None:
            self._staged.abort()
        if getattr(self, "_backup_name", None):
            try:
                os.unlink(self._backup_name)  # the file was not replaced: "nothing changed" includes backups
            except OSError:
                pass
            self._backup_name = None

    def commit(self, check_mode, backup):
        """Write if needed (one file on its own); return the result as prepare() does."""
        result = self.prepare(check_mode, backup)
        self.finish()
        return result

    def _backup(self, new_mode):
        """A complete, fsync'd copy of the old file, or none: written aside, then renamed into place."""
        # Same restrictive mode as the new file: a backup must not leak the old key.
        name = "%s.%s.%s~" % (self.path, os.getpid(), time.strftime("%Y-%m-%d@%H:%M:%S"))
        mode = (new_mode & self.current_mode() & 0o666) | 0o600
        staged = StagedFile(name, self.raw, mode, self._owner_after(), tmp_base=self.path)
        staged.commit(replace=False)
        self._backup_name = name
        return name


_REAL_FOLDERS = {}


def _real_path(path):
    """os.path.realpath, resolving each folder once: a fleet keeps many shops' files in few folders."""
    folder, base = os.path.split(os.path.abspath(path))
    if base in ("", ".", ".."):
        return os.path.realpath(path)
    real_folder = _REAL_FOLDERS.get(folder)
    if real_folder is None:
        real_folder = _REAL_FOLDERS[folder] = os.path.realpath(folder)
    full = os.path.join(real_folder, base)
    return os.path.realpath(full) if os.path.islink(full) else full


# .<file>.vads-tmp-<random>, or .<file>.<8 chars>.tmp as earlier versions named them: group 1 is <file>.
_TEMP_NAME = re.compile(r"^\.(.+?)\.(?:vads-tmp-.+|[a-z0-9_]{8}\.tmp)$")


def _uid(value):
    if isinstance(value, int) or str(value).isdigit():
        return int(value)
    try:
        return pwd.getpwnam(str(value)).pw_uid
    except KeyError:
        raise StoreError("store.owner %r is not a user of this server" % (value,))


def _gid(value):
    if isinstance(value, int) or str(value).isdigit():
        return int(value)
    try:
        return grp.getgrnam(str(value)).gr_gid
    except KeyError:
        raise StoreError("store.group %r is not a group of this server" % (value,))


def _max_size(value):
    try:
        size = float(value)
    except (TypeError, ValueError):
        raise StoreError("store.max_size_mb %r is not a number of megabytes" % (value,))
    if size <= 0:
        raise StoreError("store.max_size_mb must be more than 0")
    return int(size * 1024 * 1024)


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        if written <= 0:
            raise OSError(errno.EIO, "short write")
        view = view[written:]


def fsync_folder(folder):
    """Make the renames done in folder durable (a batch calls it once per folder, not once per file)."""
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


class StagedFile(object):
    """A new version of a file: a 0600 temp file in the same folder, written in full and fsync'd.

    Its final mode and owner are set once the data is durable; commit() renames it into place and
    fsyncs the folder. On any failure the temp file is removed.
    """

    def __init__(self, path, data, mode, owner=None, tmp_base=None):
        self.path = path
        self.folder = os.path.dirname(path) or "."
        base = os.path.basename(tmp_base or path)
        fd, self.tmp = tempfile.mkstemp(dir=self.folder, prefix=".%s.vads-tmp-" % base)
        try:
            _write_all(fd, data)
            os.fsync(fd)
            if owner is not None:
                held = os.fstat(fd)
                if owner != (held.st_uid, held.st_gid):
                    try:
                        os.fchown(fd, owner[0], owner[1])
                    except OSError as exc:
                        raise StoreError("%s belongs to uid %d, gid %d, which this run (uid %d) cannot keep when it "
                                         "replaces the file (%s): run as root (become) or as its owner"
                                         % (path, owner[0], owner[1], os.geteuid(), exc.strerror))
            os.fchmod(fd, mode)  # after fchown, which may clear set-id bits
        except BaseException:
            os.close(fd)
            os.unlink(self.tmp)
            self.tmp = None
            raise
        os.close(fd)

    def sync(self):
        """Kept for callers of the old interface: the data is already fsync'd."""

    def commit(self, replace=True, sync_folder=True):
        """Put the file in place; sync_folder=False leaves the folder's fsync to the caller (once per folder)."""
        if replace:
            os.replace(self.tmp, self.path)
        else:
            os.link(self.tmp, self.path)  # never overwrites an existing file
            os.unlink(self.tmp)
        self.tmp = None
        if sync_folder:
            fsync_folder(self.folder)

    def abort(self):
        if self.tmp is not None:
            try:
                os.unlink(self.tmp)
            except OSError:
                pass
            self.tmp = None


def atomic_write(path, data, mode, old_stat=None):
    """Temp file in the same folder (0600 while written), fsync, final mode, rename, fsync the folder."""
    owner = (old_stat.st_uid, old_stat.st_gid) if old_stat is not None else None
    staged = StagedFile(path, data, mode, owner)
    try:
        staged.commit()
    finally:
        staged.abort()


for _kind in FILE_TYPES:
    BACKENDS[_kind] = FileBackend

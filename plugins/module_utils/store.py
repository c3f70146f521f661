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
``store_db``.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time

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
    "file_mode": {"type": "raw"},
}

BACKENDS = {}


class StoreError(Exception):
    """A problem with a store that a user can fix; the message never contains a secret."""


class ShopStore(object):
    """One shop's view of a store: its options, its mapping and the location it shares."""

    def __init__(self, options):
        self.options = dict((k, v) for k, v in (options or {}).items() if v is not None)
        self.type = self.options.get("type")
        if not self.type:
            raise StoreError("store.type is required (one of %s)" % ", ".join(sorted(BACKENDS)))
        if self.type not in BACKENDS:
            raise StoreError("store.type %r is unknown: use one of %s" % (self.type, ", ".join(sorted(BACKENDS))))
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
    """A configuration file edited in place and replaced atomically."""

    secret_default_mode = 0o600

    def __init__(self, location, stores):
        self.kind = location[1]
        self.path = location[2]
        self.stores = stores
        self.pending = {}
        self._planned = None
        self.file_mode = self._requested_mode()
        if not os.path.exists(self.path):
            raise StoreError("store file %s does not exist" % self.path)
        if not os.path.isfile(self.path):
            raise StoreError("store path %s is not a regular file" % self.path)
        try:
            with open(self.path, "rb") as handle:
                self.raw = handle.read()
        except (IOError, OSError) as exc:
            raise StoreError("cannot read %s: %s" % (self.path, exc.strerror or exc))
        try:
            self.text = self.raw.decode("utf-8")
        except UnicodeDecodeError:
            raise StoreError("%s is not UTF-8 text" % self.path)
        try:
            self.editor = EDITORS[self.kind](self.text)
        except FileFormatError as exc:
            raise StoreError("%s is malformed: %s" % (self.path, exc))
        self.stat = os.stat(self.path)

    @staticmethod
    def location(store):
        path = store.options.get("path")
        if not path:
            raise StoreError("store.path is required for a %s store" % store.type)
        file_mode_option(store.options.get("file_mode"))
        return ("file", store.type, os.path.realpath(os.path.expanduser(path)))

    @staticmethod
    def default_names(store):
        return DEFAULT_NAMES[store.type]

    @staticmethod
    def describe(store):
        return "%s:%s" % (store.type, store.options.get("path"))

    def _requested_mode(self):
        modes = set(file_mode_option(s.options.get("file_mode")) for s in self.stores) - set([None])
        if len(modes) > 1:
            raise StoreError("shops sharing %s ask for different file modes" % self.path)
        return modes.pop() if modes else None

    def read(self, store):
        try:
            return dict((setting, self.editor.get(name)) for setting, name in store.mapping.items())
        except FileFormatError as exc:
            raise StoreError("%s is malformed: %s" % (self.path, exc))

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
                after = edit_checked(self.kind, self.text, self.pending)
            except FileFormatError as exc:
                raise StoreError("%s: %s" % (self.path, exc))
        mode = self.current_mode()
        if self.file_mode is not None:
            mode = self.file_mode
        elif self._holds_key(after):
            mode = self.secret_default_mode
        self._planned = (dict(self.pending), (after.text, mode))
        return after.text, mode

    def prepare(self, check_mode, backup):
        """Stage the new file next to the old one (not yet in place); return the commit result.

        Batches stage every file, make them durable with one sync, then rename them all: a run
        killed midway leaves each file either old or new, never half-written.
        """
        new_text, new_mode = self.plan()
        content_changed = new_text != self.text
        result = {
            "content_changed": content_changed,
            "mode_before": "%04o" % self.current_mode(),
            "mode_after": "%04o" % new_mode,
            "changed": content_changed or new_mode != self.current_mode(),
            "backup_file": None,
        }
        self._staged = None
        self._new_mode = None
        if check_mode or not result["changed"]:
            return result
        self._new_mode = new_mode
        if backup and content_changed:
            result["backup_file"] = self._backup(new_mode)
        if content_changed:
            self._staged = StagedFile(self.path, new_text.encode("utf-8"), new_mode, self.stat)
        return result

    def finish(self):
        if self._staged is not None:
            self._staged.commit()
        elif self._new_mode is not None and self._new_mode != self.current_mode():
            os.chmod(self.path, self._new_mode)

    def abort(self):
        if getattr(self, "_staged", None) is not None:
            self._staged.abort()

    def commit(self, check_mode, backup):
        """Write if needed (one file on its own); return the result as prepare() does."""
        result = self.prepare(check_mode, backup)
        if self._staged is not None:
            self._staged.sync()
        self.finish()
        return result

    def _backup(self, new_mode):
        # Same restrictive mode as the new file: a backup must not leak the old key.
        name = "%s.%s.%s~" % (self.path, os.getpid(), time.strftime("%Y-%m-%d@%H:%M:%S"))
        mode = (new_mode & self.current_mode() & 0o666) | 0o600
        fd = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        try:
            os.fchmod(fd, mode)
            os.write(fd, self.raw)
            os.fsync(fd)
        finally:
            os.close(fd)
        return name


class StagedFile(object):
    """A new version of a file, written to a temp file in the same folder with its final mode."""

    def __init__(self, path, data, mode, old_stat=None):
        self.path = path
        self.folder = os.path.dirname(path) or "."
        fd, self.tmp = tempfile.mkstemp(dir=self.folder, prefix=".%s." % os.path.basename(path), suffix=".tmp")
        try:
            if mode != 0o600:  # mkstemp made it 0600; set the final mode before any byte is written
                os.fchmod(fd, mode)
            if old_stat is not None and (old_stat.st_uid, old_stat.st_gid) != (os.geteuid(), os.getegid()):
                try:
                    os.fchown(fd, old_stat.st_uid, old_stat.st_gid)
                except OSError:
                    pass  # not allowed for an unprivileged user: the file stays ours
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view):]
        except BaseException:
            os.close(fd)
            os.unlink(self.tmp)
            raise
        self.fd = fd

    def sync(self):
        os.fsync(self.fd)

    def commit(self):
        os.close(self.fd)
        os.replace(self.tmp, self.path)
        self.tmp = None

    def abort(self):
        if self.tmp is not None:
            try:
                os.close(self.fd)
            except OSError:
                pass
            if os.path.exists(self.tmp):
                os.unlink(self.tmp)
            self.tmp = None


def sync_all():
    """Make every staged write durable with one system call instead of one fsync per file."""
    if hasattr(os, "sync"):
        os.sync()


def atomic_write(path, data, mode, old_stat=None):
    """Temp file in the same folder, right mode before any byte is written, fsync, rename."""
    staged = StagedFile(path, data, mode, old_stat)
    try:
        staged.sync()
        staged.commit()
    finally:
        staged.abort()
    dir_fd = os.open(staged.folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


for _kind in FILE_TYPES:
    BACKENDS[_kind] = FileBackend

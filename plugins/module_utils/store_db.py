# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Database stores: PrestaShop, WooCommerce and Magento 2 keep the gateway settings in MySQL/MariaDB.

All the shops of one module call that use the same database connection (server, user, database) share
one ``DatabaseBackend``: one connection, reads in one transaction, and all the writes in one transaction
committed at the end (rolled back on any error). Several shops of one PrestaShop multistore, or a
WooCommerce and a PrestaShop in the same database, group together that way.

A run that writes takes a named lock (``GET_LOCK``) per table it may change before it reads what it
decides on, then reads again: two runs on one shop serialize, so neither decides on values the other
is about to change (a plain read then write in a REPEATABLE READ transaction would not serialize them).
Check mode and read-only modules take no lock.

* ``prestashop``: table ``<prefix>configuration``; a row per (name, scope). The value in effect for a
  shop is its shop row, else its group's row, else the global row. Writes go to the row of the scope
  asked (``shop_id``, ``shop_group_id`` or global), created when missing, with ``date_upd`` (and
  ``date_add``) maintained as PrestaShop's ``Configuration::updateValue`` does.
* ``woocommerce``: one row of ``<prefix>options`` holds the plugin's settings as a PHP-serialized array;
  only the mapped entries are patched, every other entry stays byte for byte (see ``phpserialize``).
* ``magento2``: table ``core_config_data``, one row per (scope, scope_id, path); the value in effect for
  a store view is its ``stores`` row, else its website's row (the website is read from the ``store``
  table), else the ``default`` row. Optionally cleans Magento's config cache after a change.

PyMySQL is imported only when a database store is used; without it the module fails with the standard
``missing_required_lib`` message. Error messages never contain the password or a key.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import hashlib
import os
import re

from ansible.module_utils.basic import missing_required_lib

from ansible_collections.vads.shop.plugins.module_utils import magento_crypt, phpserialize
from ansible_collections.vads.shop.plugins.module_utils.store import (
    BACKENDS,
    DB_OWN_OPTIONS,
    DB_TYPES,
    DEFAULT_LOCK_TIMEOUT,
    KEY_SETTINGS,
    StoreError,
)

OVERRIDES = ("refuse", "write", "remove")

DEFAULT_PREFIX = {"prestashop": "ps_", "woocommerce": "wp_", "magento2": ""}
DEFAULT_BRAND = "payzen"
_MAPPED = ("site_id", "ctx_mode", "key_test", "key_prod", "sign_algo")  # url_check is computed by the plugins
# The REST API keys of the embedded form, as each plugin names them.
_REST_NAMES = {
    "prestashop": {"rest_private_key_test": "PRIVKEY_TEST", "rest_private_key_prod": "PRIVKEY_PROD",
                   "rest_public_key_test": "PUBKEY_TEST", "rest_public_key_prod": "PUBKEY_PROD",
                   "rest_hmac_key_test": "RETKEY_TEST", "rest_hmac_key_prod": "RETKEY_PROD"},
    "woocommerce": {"rest_private_key_test": "test_private_key", "rest_private_key_prod": "prod_private_key",
                    "rest_public_key_test": "test_public_key", "rest_public_key_prod": "prod_public_key",
                    "rest_hmac_key_test": "test_return_key", "rest_hmac_key_prod": "prod_return_key"},
    "magento2": {"rest_private_key_test": "rest_private_key_test", "rest_private_key_prod": "rest_private_key_prod",
                 "rest_public_key_test": "rest_public_key_test", "rest_public_key_prod": "rest_public_key_prod",
                 "rest_hmac_key_test": "rest_return_key_test", "rest_hmac_key_prod": "rest_return_key_prod"},
}
# Magento keeps these encrypted (backend model Magento\Config\Model\Config\Backend\Encrypted).
MAGENTO_ENCRYPTED = ("rest_private_key_test", "rest_private_key_prod", "rest_hmac_key_test", "rest_hmac_key_prod")
# The PrestaShop 1.4 branch of the module names the mode <BRAND>_CTX_MODE.
_PS14_MODE = "CTX_MODE"
CACHE_COMMAND = "bin/magento cache:clean config"
_IDENTIFIER = re.compile(r"^[A-Za-z0-9_]*$")
_BRAND = re.compile(r"^[A-Za-z][A-Za-z0-9_]*$")
_MAGENTO_SCOPES = {"default": "default", "websites": "websites", "website": "websites",
                   "stores": "stores", "store": "stores"}
_FILE_ONLY = ("path", "file_mode")
# MySQL and MariaDB error numbers this module acts on.
_DEADLOCK = 1213
_LOCK_WAIT_TIMEOUT = 1205
_LOCK_PREFIX = "vads.shop:"


def _opt(store, name, default=None):
    value = store.options.get(name)
    return default if value is None else value


def _prefix(store):
    prefix = _opt(store, "table_prefix", DEFAULT_PREFIX[store.type])
    if not _IDENTIFIER.match(prefix):
        raise StoreError("store.table_prefix %r may hold only letters, digits and underscores" % (prefix,))
    return prefix


def _brand(store):
    brand = _opt(store, "brand", DEFAULT_BRAND)
    if not _BRAND.match(brand):
        raise StoreError("store.brand %r must be a word such as payzen or systempay" % (brand,))
    return brand


def _q(identifier):
    return "`%s`" % identifier  # identifiers are checked against _IDENTIFIER first


def _check_options(store):
    for name in _FILE_ONLY:
        if name in store.options:
            raise StoreError("store.%s applies to file stores, not to a %s store" % (name, store.type))
    for kind, own in DB_OWN_OPTIONS.items():
        if kind == store.type:
            continue
        for name in own:
            if name in store.options:
                raise StoreError("store.%s applies to %s stores only, not to a %s store" % (name, kind, store.type))
    overrides = store.options.get("overrides")
    if overrides is not None:
        if store.type == "woocommerce":
            raise StoreError("store.overrides applies to prestashop and magento2 stores (scopes), not to a "
                             "woocommerce store")
        if overrides not in OVERRIDES:
            raise StoreError("store.overrides %r is not allowed: use %s" % (overrides, ", ".join(OVERRIDES)))


def _prestashop_scope(store):
    shop = _opt(store, "shop_id")
    group = _opt(store, "shop_group_id")
    for name, value in (("shop_id", shop), ("shop_group_id", group)):
        if value is not None and value < 1:
            raise StoreError("store.%s must be a positive id (leave it out for the global scope)" % name)
    return shop, group


def _magento_scope(store):
    raw = _opt(store, "scope", "default")
    scope = _MAGENTO_SCOPES.get(str(raw).lower())
    if scope is None:
        raise StoreError("store.scope %r is not allowed: use default, websites or stores" % (raw,))
    scope_id = _opt(store, "scope_id", 0)
    if scope == "default" and scope_id != 0:
        raise StoreError("store.scope_id must be 0 (or left out) with scope default")
    if scope != "default" and scope_id < 1:
        raise StoreError("store.scope_id is required with scope %s: the id of the %s" % (scope, scope[:-1]))
    return scope, scope_id


def _option_name(store):
    return _opt(store, "option_name", "woocommerce_%s_settings" % _brand(store).lower())


def _table(store):
    """The table a store's writes go to."""
    suffix = {"prestashop": "configuration", "woocommerce": "options", "magento2": "core_config_data"}
    return _prefix(store) + suffix[store.type]


def lock_name(database, table):
    """The server-wide name of the lock that writers of one table take (at most 64 characters)."""
    name = "%s%s.%s" % (_LOCK_PREFIX, database, table)
    if len(name) > 64:
        name = _LOCK_PREFIX + hashlib.sha256(("%s.%s" % (database, table)).encode("utf-8")).hexdigest()[:54]
    return name


class DatabaseBackend(object):
    """The shops of one database connection: one connection and one transaction per module call."""

    def __init__(self, location, stores, run_command=None):
        self.location = location
        self.stores = stores
        self.run_command = run_command  # AnsibleModule.run_command: PHP for env.php, bin/magento for the cache
        self.conn = None
        self.secrets = set()
        self.store_errors = {}
        self.pending = {}       # (kind, table, scope, name) -> value
        self.shop_results = {}  # store -> extra result fields (Magento cache cleaning)
        self.slot_stores = {}   # pending slot -> the store that wrote it (its options: overrides, create)
        self.crypt_keys = {}    # Magento root -> crypt keys of its env.php
        self.held = {}          # table (and option) -> names the database holds, read when needed
        self.locks = []         # names of the locks this connection holds
        first = stores[0].options
        self.password = first.get("login_password")
        if self.password:
            self.secrets.add(self.password)
        for store in stores[1:]:
            if store.options.get("login_password") != self.password:
                raise StoreError("the shops using %s give different passwords: give the same one"
                                 % self.describe_location())
        self.pymysql = _import_pymysql()
        self._connect(first)
        try:
            self._load()
        except self.pymysql.MySQLError as exc:
            self.close()
            raise StoreError("cannot read %s: %s" % (self.describe_location(), self._error(exc)))

    # -- interface shared with FileBackend ---------------------------------------------------------
    @staticmethod
    def location(store):
        _check_options(store)
        _prefix(store)
        if store.type == "prestashop":
            _prestashop_scope(store)
        elif store.type == "magento2":
            _magento_scope(store)
        database = store.options.get("login_db")
        if not database:
            raise StoreError("store.login_db (the database name) is required for a %s store" % store.type)
        user = store.options.get("login_user")
        if not user:
            raise StoreError("store.login_user is required for a %s store" % store.type)
        sock = store.options.get("login_unix_socket")
        if sock:
            server = ("socket", os.path.realpath(os.path.expanduser(sock)))
        else:
            server = ("tcp", store.options.get("login_host") or "localhost", int(store.options.get("login_port") or 3306))
        return ("db",) + server + (user, database)

    @staticmethod
    def default_names(store):
        brand = _brand(store)
        if store.type == "prestashop":
            upper = brand.upper()
            names = {"site_id": "SITE_ID", "ctx_mode": "MODE", "key_test": "KEY_TEST", "key_prod": "KEY_PROD",
                     "sign_algo": "SIGN_ALGO"}
            names.update(_REST_NAMES["prestashop"])
            return dict((s, "%s_%s" % (upper, n)) for s, n in names.items())
        if store.type == "woocommerce":
            names = dict((s, s) for s in _MAPPED)
            names.update(_REST_NAMES["woocommerce"])
            return names
        names = dict((s, s) for s in _MAPPED)
        names.update(_REST_NAMES["magento2"])
        return dict((s, "%s/general/%s" % (brand.lower(), n)) for s, n in names.items())

    @staticmethod
    def describe(store):
        database = store.options.get("login_db")
        try:
            prefix = _prefix(store)
        except StoreError:
            prefix = "?"
        if store.type == "prestashop":
            shop, group = _prestashop_scope(store)
            scope = ("shop %d" % shop) if shop else ("shop group %d" % group) if group else "global"
            return "prestashop:%s.%sconfiguration (%s)" % (database, prefix, scope)
        if store.type == "woocommerce":
            return "woocommerce:%s.%soptions[%s]" % (database, prefix, _option_name(store))
        scope, scope_id = _magento_scope(store)
        return "magento2:%s.%score_config_data (%s %d)" % (database, prefix, scope, scope_id)

    def describe_location(self):
        if self.location[1] == "socket":
            where = "socket %s" % self.location[2]
            rest = self.location[3:]
        else:
            where = "%s:%d" % (self.location[2], self.location[3])
            rest = self.location[4:]
        return "database %s on %s (user %s)" % (rest[1], where, rest[0])

    # -- the lock ------------------------------------------------------------------------------------
    def _lock_timeout(self):
        values = set(s.options.get("lock_timeout") for s in self.stores if s.options.get("lock_timeout") is not None)
        if len(values) > 1:
            raise StoreError("the shops using %s ask for different values of store.lock_timeout"
                             % self.describe_location())
        return max(values.pop(), 0) if values else DEFAULT_LOCK_TIMEOUT

    def lock(self, listings=None):
        """Take the lock of every table this call may change, in one order, then read everything again.

        The lock waits up to store.lock_timeout for another run; the same timeout bounds waits for rows
        that any other transaction holds (innodb_lock_wait_timeout of this session).
        """
        if self.locks:
            return
        try:
            timeout = self._lock_timeout()
        except StoreError:
            self.close()
            raise
        database = self.location[-1]
        tables = {}
        for store in self.stores:
            tables.setdefault(_table(store), []).append(store.describe())
        try:
            self.conn.rollback()  # what was read so far may be stale: read again under the lock
            self._query("SET SESSION innodb_lock_wait_timeout = %s", (max(timeout, 1),))
            for table in sorted(tables):
                name = lock_name(database, table)
                got = self._query("SELECT GET_LOCK(%s, %s)", (name, timeout))[0][0]
                if got != 1:
                    self.close()
                    raise StoreError("another run is changing %s (it holds the database lock %s): waited %d s, "
                                     "nothing was changed; rerun when it is done, or raise store.lock_timeout"
                                     % (", ".join(sorted(set(tables[table]))), name, timeout))
                self.locks.append(name)
            # A new transaction, so that every read sees what the previous holder of the lock committed.
            self.conn.rollback()
            self.held = {}
            self._load(again=True)
        except self.pymysql.MySQLError as exc:
            self.close()
            raise StoreError("cannot lock or read %s: %s" % (self.describe_location(), self._error(exc)))

    def release(self):
        if self.conn is not None and self.locks:
            try:
                self._rollback()
                for name in self.locks:
                    self._query("SELECT RELEASE_LOCK(%s)", (name,))
            except Exception:  # pylint: disable=broad-except
                self.close()  # closing the connection releases its locks as well
        self.locks = []

    def read(self, store):
        error = self.store_errors.get(id(store))
        if error:
            raise StoreError(error)
        names = store.mapping
        if store.type == "prestashop":
            values = self._ps_read(store)
        elif store.type == "woocommerce":
            values = self._woo_read(store)
        else:
            values = self._mage_read(store)
        return self._settings(store, dict((setting, values.get(name)) for setting, name in names.items()))

    def _settings(self, store, raw):
        """Stored values as the modules see them; Magento's encrypted ones decrypted."""
        out = {}
        for setting, value in raw.items():
            # An empty sign_algo and a missing one sign differently in the plugins: keep '' apart from None.
            out[setting] = _text(value) if setting == "sign_algo" else _clean(value)
        if store.type == "magento2":
            for setting in MAGENTO_ENCRYPTED:
                if out.get(setting):
                    out[setting] = self._decrypt(store, setting, out[setting])
        for setting in KEY_SETTINGS:
            if out.get(setting):
                self.secrets.add(out[setting])
        return out

    # -- Magento's encrypted settings ----------------------------------------------------------------
    def _crypt(self, store, what):
        root = store.options.get("magento_root")
        if not root:
            raise StoreError("%s is kept encrypted with Magento's crypt key: give store.magento_root (its "
                             "app/etc/env.php holds the key)" % what)
        if root not in self.crypt_keys:
            try:
                keys = magento_crypt.read_keys(root, self._runner())
            except magento_crypt.CryptError as exc:
                raise StoreError("%s: %s" % (what, exc))
            for key in keys:
                self.secrets.add(key.decode("utf-8", "replace"))
            self.crypt_keys[root] = keys
        return self.crypt_keys[root], magento_crypt.env_file(root)

    def _runner(self):
        if self.run_command is None:
            raise StoreError("this store needs to run a command (PHP, bin/magento): the backend was created "
                             "without the module's run_command")
        return self.run_command

    def _decrypt(self, store, setting, value):
        name = store.mapping[setting]
        keys, where = self._crypt(store, "%s (%s)" % (name, setting))
        try:
            return _clean(magento_crypt.decrypt(value, keys, where))
        except magento_crypt.CryptError as exc:
            raise StoreError("%s (%s) cannot be read: %s" % (name, setting, exc))

    def _encrypted_paths(self, table):
        return set(s.mapping[setting] for s in self.stores if s.type == "magento2" and self._mage_table(s) == table
                   for setting in MAGENTO_ENCRYPTED if setting in s.mapping)

    def write(self, store, changes):
        for setting, value in changes.items():
            name = store.mapping[setting]
            if value and setting in KEY_SETTINGS:
                self.secrets.add(value)
            slot = self._slot(store, name)
            if store.type == "prestashop":
                slot = slot[:2] + (self._ps_scope(store),) + slot[3:]  # with the shop's group, for inserts
            self.pending[slot] = value
            self.slot_stores[slot] = store

    @staticmethod
    def slot(store, name):
        """What one write touches, for conflict checks: the name at the store's scope."""
        return DatabaseBackend._slot(store, name)

    def plan(self):
        """The SQL to run, as a list of (sql, params, kind); raises StoreError when a change cannot be made."""
        statements = []
        woo = {}
        self._check_names()
        refused = []
        for slot in sorted(self.pending, key=repr):
            value = self.pending[slot]
            kind = slot[0]
            if kind == "prestashop":
                statements.extend(self._ps_statements(slot, value))
            elif kind == "magento2":
                statements.extend(self._mage_statements(slot, value))
            else:
                woo.setdefault((slot[1], slot[2]), {})[slot[3]] = "" if value is None else value
            if kind != "woocommerce" and value is not None:
                statements.extend(self._overrides(slot, value, refused))
        if refused:
            raise StoreError("a write at a wider scope would not reach narrower scopes that keep their own value: %s. "
                             "Give store.overrides: write (set them too) or remove (delete them, so that the wider "
                             "value applies)" % "; ".join(refused))
        for (table, option), changes in sorted(woo.items()):
            current = self.woo_rows[table][option][1]
            try:
                phpserialize.patch(current, changes)
            except phpserialize.PhpSerializeError as exc:
                raise StoreError("option %s of %s cannot be patched: %s" % (option, table, exc))
            statements.append(("woocommerce", (table, option, changes)))
        return statements

    def commit(self, check_mode, backup):
        statements = self.plan()
        changed = bool(statements)
        roots = self._magento_roots() if changed else []
        result = {"changed": changed, "content_changed": changed, "mode_before": None, "mode_after": None,
                  "backup_file": None, "shop_results": {}}
        if check_mode or not changed:
            self._note_cache(result, roots, run=False, check_mode=check_mode)
            self.close()
            return result
        for attempt in (1, 2):
            cursor = self.conn.cursor()
            try:
                for statement in statements:
                    self._execute(cursor, statement)
                self.conn.commit()
                break
            except self.pymysql.MySQLError as exc:
                self._rollback()
                code = _code(exc)
                # Another transaction (not a run of this collection: those wait for the lock) took rows in
                # another order; the server rolled this one back, so the same statements can run again.
                if code == _DEADLOCK and attempt == 1:
                    continue
                self.close()
                raise StoreError("nothing was written to %s (rolled back): %s%s"
                                 % (self.describe_location(), self._error(exc), _advice(code, self._lock_timeout())))
            except StoreError:
                self._rollback()
                self.close()
                raise
        self.close()
        self._note_cache(result, roots, run=True, check_mode=False)
        return result

    # -- connection ------------------------------------------------------------------------------------
    def _connect(self, options):
        kwargs = {
            "user": options.get("login_user"),
            "password": options.get("login_password") or "",
            "database": options.get("login_db"),
            "charset": "utf8mb4",
            "autocommit": False,
            "connect_timeout": options.get("connect_timeout") or 10,
            "client_flag": self.pymysql.constants.CLIENT.FOUND_ROWS,
        }
        if self.location[1] == "socket":
            kwargs["unix_socket"] = self.location[2]
        else:
            kwargs["host"] = self.location[2]
            kwargs["port"] = self.location[3]
        try:
            self.conn = self.pymysql.connect(**kwargs)
        except self.pymysql.MySQLError as exc:
            raise StoreError("cannot connect to %s: %s" % (self.describe_location(), self._error(exc)))

    def close(self):
        if self.conn is not None:
            try:
                self.conn.close()
            except Exception:  # pylint: disable=broad-except
                pass
            self.conn = None

    def _rollback(self):
        try:
            self.conn.rollback()
        except Exception:  # pylint: disable=broad-except
            pass

    def _error(self, exc):
        args = getattr(exc, "args", ())
        if len(args) >= 2 and isinstance(args[0], int):
            text = "(%d) %s" % (args[0], args[1])
        else:
            text = str(exc) or exc.__class__.__name__
        return self._scrub(text)

    def _scrub(self, text):
        for secret in sorted(self.secrets, key=len, reverse=True):
            if secret and len(secret) >= 3:
                text = text.replace(secret, "********")
        return text

    def _query(self, sql, params=None):
        cursor = self.conn.cursor()
        cursor.execute(sql, params)
        return cursor.fetchall()

    # -- loading -----------------------------------------------------------------------------------
    def _load(self, again=False):
        if not again:  # read again under the lock: the tables are those of the first read
            self.tables = set(row[0] for row in self._query(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()"))
        tables = self.tables
        ps_names, woo_options, mage_paths = {}, {}, {}
        for store in self.stores:
            prefix = _prefix(store)
            if store.type == "prestashop":
                table = prefix + "configuration"
                need = table
                ps_names.setdefault(table, set()).update(store.mapping.values())
                if _ps14_candidate(store):
                    ps_names[table].add(_ps14_candidate(store))
            elif store.type == "woocommerce":
                table = need = prefix + "options"
                woo_options.setdefault(table, set()).add(_option_name(store))
            else:
                table = need = prefix + "core_config_data"
                mage_paths.setdefault(table, set()).update(store.mapping.values())
            if need not in tables:
                self.store_errors[id(store)] = ("table %s does not exist in %s (is store.table_prefix right? "
                                                "it is %r)" % (need, self.describe_location(), prefix))
        self.ps_rows, self.ps_shops = {}, {}
        for table, names in ps_names.items():
            if table not in tables:
                continue
            self.ps_rows[table] = self._ps_load(table, names)
            held = set(key[-1] for key in self.ps_rows[table])
            for store in self.stores:
                legacy = _ps14_candidate(store) if store.type == "prestashop" else None
                if legacy and _prefix(store) + "configuration" == table and legacy in held \
                        and store.mapping["ctx_mode"] not in held:
                    store.mapping["ctx_mode"] = legacy  # the PrestaShop 1.4 module's name for the mode
            shop_table = table[:-len("configuration")] + "shop"
            if shop_table in tables:
                self.ps_shops[table] = dict((int(r[0]), int(r[1])) for r in self._query(
                    "SELECT id_shop, id_shop_group FROM %s" % _q(shop_table)))
        self.woo_rows = {}
        for table, options in woo_options.items():
            if table not in tables:
                continue
            rows = self._query("SELECT option_name, option_id, option_value FROM %s WHERE option_name IN (%s)"
                               % (_q(table), ", ".join(["%s"] * len(options))), sorted(options))
            self.woo_rows[table] = dict((r[0], (r[1], _bytes(r[2]))) for r in rows)
        self.mage_rows, self.mage_websites = {}, {}
        for table, paths in mage_paths.items():
            if table not in tables:
                continue
            rows = self._query("SELECT scope, scope_id, path, value FROM %s WHERE path IN (%s)"
                               % (_q(table), ", ".join(["%s"] * len(paths))), sorted(paths))
            self.mage_rows[table] = dict(((r[0], int(r[1]), r[2]), r[3]) for r in rows)
            store_table = table[:-len("core_config_data")] + "store"
            if store_table in tables:
                self.mage_websites[table] = dict((int(r[0]), int(r[1])) for r in self._query(
                    "SELECT store_id, website_id FROM %s" % _q(store_table)))

    # -- PrestaShop ------------------------------------------------------------------------------------
    def _ps_load(self, table, names):
        rows = self._query("SELECT id_shop_group, id_shop, name, value FROM %s WHERE name IN (%s) "
                           "ORDER BY id_configuration" % (_q(table), ", ".join(["%s"] * len(names))), sorted(names))
        index = {}
        for group, shop, name, value in rows:
            if shop:
                key = ("shop", int(shop))
            elif group:
                key = ("group", int(group))
            else:
                key = ("global",)
            index[key + (name,)] = value  # PrestaShop keeps the last row of duplicates
        return index

    def _ps_table(self, store):
        return _prefix(store) + "configuration"

    def _ps_scope(self, store):
        """('shop', id, group or None) / ('group', id) / ('global',) for the store's options."""
        shop, group = _prestashop_scope(store)
        if shop:
            shops = self.ps_shops.get(self._ps_table(store))
            if shops is not None:
                if shop not in shops:
                    raise StoreError("shop id %d does not exist in %sshop" % (shop, _prefix(store)))
                if group and group != shops[shop]:
                    raise StoreError("shop id %d belongs to shop group %d, not %d" % (shop, shops[shop], group))
                group = shops[shop]
            return ("shop", shop, group)
        if group:
            return ("group", group)
        return ("global",)

    @staticmethod
    def _ps_chain(scope):
        if scope[0] == "shop":
            chain = [("shop", scope[1])]
            if scope[2]:
                chain.append(("group", scope[2]))
            return chain + [("global",)]
        if scope[0] == "group":
            return [("group", scope[1]), ("global",)]
        return [("global",)]

    def _ps_value(self, table, chain, name):
        rows = self.ps_rows.get(table, {})
        for key in chain:
            if key + (name,) in rows:
                return rows[key + (name,)]
        return None

    def _ps_read(self, store):
        table = self._ps_table(store)
        chain = self._ps_chain(self._ps_scope(store))
        return dict((name, self._ps_value(table, chain, name)) for name in store.mapping.values())

    def _ps_statements(self, slot, value):
        _kind, table, scope, name = slot
        own = self._ps_chain(scope)[0]
        exists = own + (name,) in self.ps_rows.get(table, {})
        if value is None:
            inherited = self._ps_value(table, self._ps_chain(scope)[1:], name)
            if inherited:
                value = ""  # an empty row of this scope hides the inherited value, as the admin page does
            elif exists:
                return [("sql", "DELETE FROM %s WHERE name = %%s%s" % (_q(table), _ps_restriction(scope)),
                         (name,) + _ps_restriction_args(scope))]
            else:
                return []
        group = scope[2] if scope[0] == "shop" else scope[1] if scope[0] == "group" else None
        shop = scope[1] if scope[0] == "shop" else None
        return [("upsert",
                 "UPDATE %s SET value = %%s, date_upd = NOW() WHERE name = %%s%s" % (_q(table), _ps_restriction(scope)),
                 (value, name) + _ps_restriction_args(scope),
                 "INSERT INTO %s (id_shop_group, id_shop, name, value, date_add, date_upd) "
                 "VALUES (%%s, %%s, %%s, %%s, NOW(), NOW())" % _q(table),
                 (group, shop, name, value))]

    # -- WooCommerce -----------------------------------------------------------------------------------
    def _woo_read(self, store):
        table = _prefix(store) + "options"
        option = _option_name(store)
        row = self.woo_rows.get(table, {}).get(option)
        if row is None:
            raise StoreError("option %s is not in %s of %s: save the plugin's settings once in WooCommerce "
                             "(or set store.option_name)" % (option, table, self.describe_location()))
        try:
            return phpserialize.get_strings(row[1], list(store.mapping.values()))
        except phpserialize.PhpSerializeError as exc:
            raise StoreError("option %s of %s is not a PHP-serialized array we can read: %s" % (option, table, exc))

    def _woo_commit(self, cursor, table, option, changes):
        # Re-read under a row lock and patch what is there now: a concurrent save of other entries survives.
        cursor.execute("SELECT option_value FROM %s WHERE option_name = %%s FOR UPDATE" % _q(table), (option,))
        row = cursor.fetchone()
        if row is None:
            raise StoreError("option %s disappeared from %s" % (option, table))
        try:
            new = phpserialize.patch(_bytes(row[0]), changes)
        except phpserialize.PhpSerializeError as exc:
            raise StoreError("option %s of %s cannot be patched: %s" % (option, table, exc))
        cursor.execute("UPDATE %s SET option_value = %%s WHERE option_name = %%s" % _q(table),
                       (new.decode("utf-8"), option))

    # -- Magento 2 -------------------------------------------------------------------------------------
    def _mage_table(self, store):
        return _prefix(store) + "core_config_data"

    def _mage_chain(self, table, scope, scope_id):
        if scope == "stores":
            websites = self.mage_websites.get(table)
            chain = [("stores", scope_id)]
            if websites is not None:
                if scope_id not in websites:
                    raise StoreError("store id %d does not exist in the store table" % scope_id)
                chain.append(("websites", websites[scope_id]))
            return chain + [("default", 0)]
        if scope == "websites":
            return [("websites", scope_id), ("default", 0)]
        return [("default", 0)]

    def _mage_value(self, table, chain, path):
        rows = self.mage_rows.get(table, {})
        for scope, scope_id in chain:
            if (scope, scope_id, path) in rows:
                return rows[(scope, scope_id, path)]
        return None

    def _mage_read(self, store):
        table = self._mage_table(store)
        scope, scope_id = _magento_scope(store)
        chain = self._mage_chain(table, scope, scope_id)
        return dict((path, self._mage_value(table, chain, path)) for path in store.mapping.values())

    def _mage_statements(self, slot, value):
        _kind, table, (scope, scope_id), path = slot
        chain = self._mage_chain(table, scope, scope_id)
        exists = (scope, scope_id, path) in self.mage_rows.get(table, {})
        if value is None:
            if self._mage_value(table, chain[1:], path):
                value = ""
            elif exists:
                return [("sql", "DELETE FROM %s WHERE scope = %%s AND scope_id = %%s AND path = %%s" % _q(table),
                         (scope, scope_id, path))]
            else:
                return []
        if value and path in self._encrypted_paths(table):
            store = self.slot_stores.get(slot) or next(
                s for s in self.stores
                if s.type == "magento2" and self._mage_table(s) == table and path in s.mapping.values())
            keys, where = self._crypt(store, path)
            try:
                value = magento_crypt.encrypt(value, keys, where)
            except magento_crypt.CryptError as exc:
                raise StoreError("%s cannot be encrypted: %s" % (path, exc))
        return [("sql", "INSERT INTO %s (scope, scope_id, path, value) VALUES (%%s, %%s, %%s, %%s) "
                        "ON DUPLICATE KEY UPDATE value = VALUES(value)" % _q(table),
                 (scope, scope_id, path, value))]

    def _magento_roots(self):
        roots = []
        for store in self.stores:
            root = store.options.get("magento_root") if store.type == "magento2" else None
            if not root:
                continue
            touched = any(slot[0] == "magento2" and slot[1] == self._mage_table(store) for slot in self.pending)
            if touched and root not in roots:
                roots.append(root)
        return roots

    def _note_cache(self, result, roots, run, check_mode):
        for store, notes in self.shop_results.items():
            result["shop_results"].setdefault(store, {}).update(notes)
        if self.pending:
            self._note_cache_pending(result)
        if not roots:
            return
        for root in roots:
            if run:
                _clean_magento_cache(root, self._runner())
        for store in self.stores:
            if store.type == "magento2" and store.options.get("magento_root") in roots:
                result["shop_results"].setdefault(store, {})["cache_cleaned"] = True
        result["cache_cleaned"] = roots

    def _note_cache_pending(self, result):
        # Without magento_root nobody cleans the config cache: the shop serves its old settings until it is.
        tables = set(slot[1] for slot in self.pending if slot[0] == "magento2")
        for store in self.stores:
            if store.type != "magento2" or store.options.get("magento_root") or self._mage_table(store) not in tables:
                continue
            result["shop_results"].setdefault(store, {})["cache_flush_required"] = True
            result.setdefault("warnings", []).append(
                "%s: Magento serves its configuration from a cache; without store.magento_root it was not cleaned. "
                "Run %s in the shop's root folder, or the shop keeps its old settings" % (self.describe(store), CACHE_COMMAND))

    # -- names the database holds (store.create) -------------------------------------------------------
    def _held(self, slot):
        """Names of the same kind the database holds, to check a mapped name and to list in the error."""
        kind, table = slot[0], slot[1]
        key = (table, slot[2]) if kind == "woocommerce" else (table,)
        if key not in self.held:
            if kind == "prestashop":
                names = [r[0] for r in self._query("SELECT DISTINCT name FROM %s" % _q(table))]
            elif kind == "magento2":
                names = [r[0] for r in self._query("SELECT DISTINCT path FROM %s" % _q(table))]
            else:
                row = self.woo_rows.get(table, {}).get(slot[2])
                names = [e.key if isinstance(e.key, str) else e.key.decode("utf-8", "replace")
                         for e in phpserialize.entries(row[1])] if row else []
            self.held[key] = set(names)
        return self.held[key]

    def _check_names(self):
        missing = {}
        for slot, value in self.pending.items():
            store = self.slot_stores.get(slot)
            if value is None or store is None or store.options.get("create"):
                continue
            name = slot[3]
            held = self._held(slot)
            if name not in held:
                where = ("%s of %s" % (slot[2], slot[1])) if slot[0] == "woocommerce" else slot[1]
                missing.setdefault((where, slot[0], _family(store)), set()).add(name)
        if missing:
            parts = []
            for (where, kind, family), names in sorted(missing.items()):
                held = sorted(n for n in self._held_for(where, kind) if family and n.startswith(family))
                parts.append("%s holds no %s (it holds %s)" % (where, ", ".join(sorted(names)),
                                                               ", ".join(held[:40]) or "none of the plugin's"))
            raise StoreError("%s: is the plugin installed and its settings saved once, are store.keys and store.brand "
                             "right? Set store.create: true to add the setting anyway" % "; ".join(parts))

    def _held_for(self, where, kind):
        for key, names in self.held.items():
            if (kind == "woocommerce" and len(key) == 2 and "%s of %s" % (key[1], key[0]) == where) or \
                    (kind != "woocommerce" and key == (where,)):
                return names
        return set()

    # -- narrower scopes that override a wider one ---------------------------------------------------
    def _narrower(self, slot):
        """[(scope key, label, stored value)] of the rows that override this slot's scope for its name."""
        kind, table, scope, name = slot
        out = []
        if kind == "prestashop":
            shops = self.ps_shops.get(table, {})
            for key, value in self.ps_rows.get(table, {}).items():
                if key[-1] != name or key[0] == "global":
                    continue
                if scope[0] == "global" or (scope[0] == "group" and key[0] == "shop" and shops.get(key[1]) == scope[1]):
                    label = ("shop %d" % key[1]) if key[0] == "shop" else ("shop group %d" % key[1])
                    full = ("shop", key[1], shops.get(key[1])) if key[0] == "shop" else key[:2]
                    out.append((full, label, value))
        elif kind == "magento2":
            websites = self.mage_websites.get(table, {})
            for (row_scope, row_id, path), value in self.mage_rows.get(table, {}).items():
                if path != name or row_scope == "default":
                    continue
                if scope[0] == "default" or (scope[0] == "websites" and row_scope == "stores"
                                             and websites.get(row_id) == scope[1]):
                    label = ("store view %d" % row_id) if row_scope == "stores" else ("website %d" % row_id)
                    out.append(((row_scope, row_id), label, value))
        return sorted(out, key=lambda item: item[1])

    def _stored_clear(self, slot, value):
        """A narrower row's value in clear (Magento's encrypted ones decrypted; unreadable ones differ)."""
        value = _text(value)
        if value and slot[0] == "magento2" and slot[3] in self._encrypted_paths(slot[1]):
            store = self.slot_stores.get(slot)
            try:
                keys, where = self._crypt(store, slot[3])
                return magento_crypt.decrypt(value, keys, where)
            except (StoreError, magento_crypt.CryptError):
                return None
        return value

    def _overrides(self, slot, value, refused):
        store = self.slot_stores.get(slot)
        policy = (store.options.get("overrides") if store is not None else None) or "refuse"
        statements, notes, differing = [], [], []
        for scope, label, stored in self._narrower(slot):
            narrower_slot = slot[:2] + (scope,) + slot[3:]
            if narrower_slot in self.pending:
                continue  # written in this same call: its own value is what the user asked
            if self._stored_clear(slot, stored) == value:
                continue
            differing.append(label)
            if policy == "write":
                if slot[0] == "prestashop":
                    statements.extend(self._ps_statements(narrower_slot, value))
                else:
                    statements.extend(self._mage_statements(narrower_slot, value))
                notes.append({"scope": label, "name": slot[3], "action": "written"})
            elif policy == "remove":
                if slot[0] == "prestashop":
                    statements.append(("sql", "DELETE FROM %s WHERE name = %%s%s" % (_q(slot[1]), _ps_restriction(scope)),
                                       (slot[3],) + _ps_restriction_args(scope)))
                else:
                    statements.append(("sql", "DELETE FROM %s WHERE scope = %%s AND scope_id = %%s AND path = %%s"
                                       % _q(slot[1]), (scope[0], scope[1], slot[3])))
                notes.append({"scope": label, "name": slot[3], "action": "removed"})
        if differing and policy == "refuse":
            refused.append("%s is set at %s" % (slot[3], ", ".join(differing)))
        if store is not None and notes:
            known = self.shop_results.setdefault(store, {}).setdefault("overrides", [])
            known.extend(n for n in notes if n not in known)
        return statements

    def scope_report(self, store):
        """For a store at a wider scope: its overrides, and the settings each narrower scope serves.

        Returns {"overrides": [{"scope", "settings"}], "views": [(label, values, overridden settings)]}, or None at the
        narrowest scope (a PrestaShop shop, a Magento store view) and for WooCommerce.
        """
        if store.type == "woocommerce":
            return None
        by_scope = {}
        for setting, name in sorted(store.mapping.items()):
            slot = self._slot(store, name)
            if store.type == "prestashop":
                slot = slot[:2] + (self._ps_scope(store),) + slot[3:]
                if slot[2][0] == "shop":
                    return None
            elif slot[2][0] == "stores":
                return None
            for scope, label, _value in self._narrower(slot):
                by_scope.setdefault((scope, label), []).append(setting)
        overrides = [{"scope": label, "settings": settings} for (_scope, label), settings in sorted(by_scope.items(),
                                                                                                    key=lambda i: i[0][1])]
        views = []
        own = {}
        for (scope, _label), settings in by_scope.items():
            own.setdefault(scope[:2], set()).update(settings)
        for label, chain in self._serving(store, set(own)):
            if store.type == "prestashop":
                table = self._ps_table(store)
                raw = dict((setting, self._ps_value(table, chain, name)) for setting, name in store.mapping.items())
            else:
                table = self._mage_table(store)
                raw = dict((setting, self._mage_value(table, chain, name)) for setting, name in store.mapping.items())
            settings = set()
            for key in chain:
                settings.update(own.get(key, ()))
            views.append((label, self._settings(store, raw), sorted(settings)))
        return {"overrides": overrides, "views": views}

    def _serving(self, store, overridden):
        """(label, lookup chain) of every narrowest scope served through an overriding row."""
        out = []
        if store.type == "prestashop":
            table = self._ps_table(store)
            scope = self._ps_scope(store)
            shops = self.ps_shops.get(table)
            if shops is None:
                return [(("shop %d" % s[1]) if s[0] == "shop" else ("shop group %d" % s[1]),
                         self._ps_chain(("shop", s[1], None) if s[0] == "shop" else s)) for s in sorted(overridden)]
            for shop, group in sorted(shops.items()):
                if scope[0] == "group" and group != scope[1]:
                    continue
                chain = self._ps_chain(("shop", shop, group))
                if any(key in overridden for key in chain[:-1] if key != scope[:2]):
                    out.append(("shop %d" % shop, chain))
            return out
        table = self._mage_table(store)
        scope, scope_id = _magento_scope(store)
        websites = self.mage_websites.get(table)
        if websites is None:
            return [(("store view %d" % s[1]) if s[0] == "stores" else ("website %d" % s[1]),
                     [s, ("default", 0)]) for s in sorted(overridden)]
        for view, website in sorted(websites.items()):
            if view == 0 or (scope == "websites" and website != scope_id):
                continue  # store 0 is the admin store, which serves no customer
            chain = self._mage_chain(table, "stores", view)
            if any(key in overridden for key in chain[:-1] if key != (scope, scope_id)):
                out.append(("store view %d" % view, chain))
        return out

    # -- execution -------------------------------------------------------------------------------------
    def _execute(self, cursor, statement):
        if statement[0] == "sql":
            cursor.execute(statement[1], statement[2])
        elif statement[0] == "upsert":
            matched = cursor.execute(statement[1], statement[2])
            if not matched:
                cursor.execute(statement[3], statement[4])
        else:
            table, option, changes = statement[1]
            self._woo_commit(cursor, table, option, changes)

    @staticmethod
    def _slot(store, name):
        prefix = _prefix(store)
        if store.type == "prestashop":
            shop, group = _prestashop_scope(store)
            scope = ("shop", shop) if shop else ("group", group) if group else ("global",)
            return ("prestashop", prefix + "configuration", scope, name)
        if store.type == "woocommerce":
            return ("woocommerce", prefix + "options", _option_name(store), name)
        scope, scope_id = _magento_scope(store)
        return ("magento2", prefix + "core_config_data", (scope, scope_id), name)


def _code(exc):
    args = getattr(exc, "args", ())
    return args[0] if args and isinstance(args[0], int) else None


def _advice(code, timeout):
    if code == _DEADLOCK:
        return " (a deadlock twice in a row with another transaction on these tables: rerun)"
    if code == _LOCK_WAIT_TIMEOUT:
        return (" (another transaction kept rows this run changes for more than %d s, the shop's admin or a "
                "long-running job: rerun when it is done, or raise store.lock_timeout)" % max(timeout, 1))
    return ""


def _ps_restriction(scope):
    # The WHERE clause PrestaShop's Configuration::sqlRestriction() builds for a scope.
    if scope[0] == "shop":
        return " AND id_shop = %s"
    if scope[0] == "group":
        return " AND id_shop_group = %s AND (id_shop IS NULL OR id_shop = 0)"
    return " AND (id_shop_group IS NULL OR id_shop_group = 0) AND (id_shop IS NULL OR id_shop = 0)"


def _ps_restriction_args(scope):
    return (scope[1],) if scope[0] in ("shop", "group") else ()


def _text(value):
    """The stored text as is ('' kept), None when there is no row or entry."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return str(value)


def _ps14_candidate(store):
    """<BRAND>_CTX_MODE when the store uses the default name for the mode (PrestaShop 1.4 module), else None."""
    if "ctx_mode" not in store.mapping or (store.options.get("keys") or {}).get("ctx_mode"):
        return None
    return "%s_%s" % (_brand(store).upper(), _PS14_MODE)


def _family(store):
    """The prefix the plugin's own names share, to list what the database holds."""
    brand = _brand(store)
    if store.type == "prestashop":
        return brand.upper() + "_"
    if store.type == "magento2":
        return brand.lower() + "/"
    return ""


def _clean(value):
    """Values as the modules see them: text, and None for a missing or empty setting."""
    if value is None:
        return None
    if isinstance(value, bytes):
        value = value.decode("utf-8")
    value = str(value)
    return value if value != "" else None


def _bytes(value):
    if isinstance(value, bytes):
        return value
    return (value or "").encode("utf-8")


def _import_pymysql():
    try:
        import pymysql  # pylint: disable=import-outside-toplevel
        import pymysql.constants.CLIENT  # noqa: F401  pylint: disable=import-outside-toplevel,unused-import
    except ImportError:
        raise StoreError(missing_required_lib("PyMySQL"))
    return pymysql


CACHE_CLEAN_SECONDS = 600  # a big shop's cache:clean takes minutes; one that hangs must not hang the run


def _clean_magento_cache(root, run_command):
    command = os.path.join(root, "bin", "magento")
    if not os.path.isfile(command):
        raise StoreError("the settings were committed, but %s does not exist: clean Magento's config cache "
                         "by hand (bin/magento cache:clean config)" % command)
    argv = [command] if os.access(command, os.X_OK) else ["php", command]
    try:
        rc, out, err = run_command(magento_crypt.bounded(argv + ["cache:clean", "config"], CACHE_CLEAN_SECONDS), cwd=root,
                                   errors="surrogate_or_replace", expand_user_and_vars=False, handle_exceptions=False)
    except (OSError, IOError) as exc:
        raise StoreError("the settings were committed, but cleaning Magento's config cache failed: %s" % exc)
    if rc == magento_crypt.TIMED_OUT:
        raise StoreError("the settings were committed, but bin/magento cache:clean config did not end within %d s "
                         "(stopped): clean Magento's config cache by hand" % CACHE_CLEAN_SECONDS)
    if rc:
        tail = (out + "\n" + err).strip().splitlines()[-3:]
        raise StoreError("the settings were committed, but bin/magento cache:clean config failed (exit %d): %s"
                         % (rc, " / ".join(tail)))


for _kind in DB_TYPES:
    BACKENDS[_kind] = DatabaseBackend

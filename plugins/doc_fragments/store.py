# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Options shared by every module that works on a merchant's store, plus each module's own options.

Every store module takes its options once at the top level and again in each item of ``shops``
(where the top-level values act as defaults). The ``shops`` documentation is built here from the
same text, so the two never drift apart. The result is plain JSON, which is YAML.
"""

from __future__ import annotations

import copy
import json

_STORE = {
    "description": [
        "Where the merchant server keeps this shop's gateway settings.",
        "In an item of O(shops), the keys given here are merged over the top-level O(store).",
    ],
    "type": "dict",
    "suboptions": {
        "type": {
            "description": [
                "How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files "
                "are edited in place, keeping comments, order, blank lines, quoting and C(export) prefixes.",
                "V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection "
                "provides them.",
                "Required, here or in each item of O(shops).",
            ],
            "type": "str",
        },
        "path": {
            "description": [
                "The configuration file, for file stores. It must exist.",
            ],
            "type": "path",
        },
        "keys": {
            "description": [
                "Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), "
                "C(sign_algo), C(url_check), for software that does not use the defaults.",
                "Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), "
                "C(VADS_SIGN_ALGO), C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), "
                "C(vads.ctx_mode), ...; ini C(section.option) with section C(vads): C(vads.site_id), ....",
                "Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps "
                "C(key) instead of C(key_test) and C(key_prod); mode and key then change together in one write.",
                "The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), "
                "C(rest_public_key_test), C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): "
                "mapped by default on database stores, kept by file stores only where mapped here.",
                "Map a setting to V(null) when the software does not keep it.",
            ],
            "type": "dict",
        },
        "file_mode": {
            "description": [
                "File stores: permissions of the configuration file, as an octal string such as V('0640') "
                "(Ansible's usual O(store.mode), an alias).",
                "By default the collection never widens a file's permissions: a file that holds a key only loses "
                "access for \"other\" users (V('0644') becomes V('0640'), V('0640') stays), other files keep "
                "their mode. A mode that lets other users read a file holding a key is refused.",
                "Temporary files are created V('0600') and get this mode once their content is written.",
            ],
            "type": "raw",
            "aliases": ["mode"],
        },
        "owner": {
            "description": [
                "File stores: the user that owns the file (name or uid). By default the file keeps its owner and "
                "group when it is replaced; a run that cannot keep them (not root, not the owner) fails and "
                "changes nothing.",
            ],
            "type": "str",
        },
        "group": {
            "description": ["File stores: the group of the file (name or gid). By default the file keeps its group."],
            "type": "str",
        },
        "create": {
            "description": [
                "File stores: whether a setting whose name the file does not hold may be added.",
                "By default (V(null)) a missing name is added only when it is the collection's default name "
                "(C(VADS_KEY_PROD), C(vads.key_prod), ...) or when the file holds no setting yet; a name given in "
                "O(store.keys) that the file does not hold is an error naming the names it does hold, since the "
                "application would not read a new one.",
                "V(true) always adds missing names; V(false) never does.",
                "Database stores: by default writing a name the database does not hold fails, naming the plugin's "
                "names it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds "
                "the row.",
            ],
            "type": "bool",
        },
        "flat": {
            "description": [
                "YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots "
                "(V(true)) or as nested keys (V(false)).",
                "Existing names are found either way. By default a new name follows its neighbours: flat when the "
                "mapping already holds a key that starts with the same first part and a dot, nested otherwise.",
            ],
            "type": "bool",
        },
        "max_size_mb": {
            "description": [
                "File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails "
                "with a clear message before it is parsed.",
            ],
            "type": "float",
        },
        "lock_timeout": {
            "description": [
                "File stores: seconds to wait for another run that is changing the same file (runs lock the "
                "file's sibling C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes "
                "nothing.",
                "Database stores: seconds to wait for another run that is changing the same table (runs take "
                "the server's named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that "
                "any other transaction holds (the session's C(innodb_lock_wait_timeout)). Defaults to V(60); "
                "then the module fails and changes nothing.",
                "Check mode and read-only modules take no lock.",
            ],
            "type": "int",
        },
        "login_host": {
            "description": [
                "Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server's host.",
                "Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.",
                "Shops whose server, port or socket, user and database are the same share one connection and one "
                "transaction per module call.",
            ],
            "type": "str",
        },
        "login_port": {
            "description": ["Database stores: the server's TCP port. Defaults to V(3306)."],
            "type": "int",
        },
        "login_unix_socket": {
            "description": ["Database stores: the server's unix socket, used instead of host and port."],
            "type": "path",
        },
        "login_user": {
            "description": ["Database stores: the user to log in as. Required for database stores."],
            "type": "str",
        },
        "login_password": {
            "description": [
                "Database stores: the user's password. Never logged, returned or shown in an error message.",
                "Shops that share a connection must give the same password.",
                "When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD) "
                "of the process that runs the module (for example set by a play's C(environment:)) is used; an "
                "item of O(shops) inherits the top-level value.",
            ],
            "type": "str",
        },
        "login_db": {
            "description": ["Database stores: the shop's database (schema) name. Required for database stores."],
            "type": "str",
        },
        "connect_timeout": {
            "description": ["Database stores: seconds to wait for the server to answer. Defaults to V(10)."],
            "type": "int",
        },
        "table_prefix": {
            "description": [
                "Database stores: the tables' prefix. Defaults to V(ps_) for V(prestashop) (table "
                "C(ps_configuration)), V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for "
                "V(magento2) (table C(core_config_data)).",
                "Letters, digits and underscores only.",
            ],
            "type": "str",
        },
        "brand": {
            "description": [
                "Database stores: the brand of the platform's plugin, which names its settings. Defaults to "
                "V(payzen).",
                "V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower "
                "case (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option "
                "name (C(woocommerce_payzen_settings), ...).",
                "Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the "
                "PrestaShop 1.4 module's name, when the database holds only that one), C(<BRAND>_KEY_TEST), "
                "C(<BRAND>_KEY_PROD), C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), "
                "C(<BRAND>_RETKEY_PROD) and TEST twins; V(woocommerce) array keys C(site_id), C(ctx_mode), "
                "C(key_test), C(key_prod), C(sign_algo), C(prod_private_key), C(prod_public_key), C(prod_return_key) "
                "and C(test_...) twins; V(magento2) C(<brand>/general/<setting>) for the same settings, REST keys "
                "C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod) and TEST twins. "
                "C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides any name.",
            ],
            "type": "str",
        },
        "shop_id": {
            "description": [
                "V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.",
                "Reading returns the value in effect for that shop: its own row, else its shop group's row, else "
                "the global row. Writing sets the shop's own row, created when missing (with the shop's group, "
                "read from C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other "
                "shops keep their values.",
                "Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.",
            ],
            "type": "int",
        },
        "shop_group_id": {
            "description": [
                "V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when "
                "O(store.shop_id) is not given (group row, else global row).",
            ],
            "type": "int",
        },
        "option_name": {
            "description": [
                "V(woocommerce): the C(wp_options) row that holds the plugin's settings, a PHP-serialized array. "
                "Defaults to C(woocommerce_<brand>_settings).",
                "Only the mapped entries change; every other entry stays byte for byte. The row must exist (the "
                "plugin creates it when its settings are first saved).",
            ],
            "type": "str",
        },
        "scope": {
            "description": [
                "V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and "
                "V(store) are accepted). Defaults to V(default).",
                "Reading falls back as Magento does: a store view's row, else its website's row (read from the "
                "C(store) table), else the default row. Writing sets the row of this scope.",
            ],
            "type": "str",
        },
        "scope_id": {
            "description": [
                "V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). "
                "V(0) (the default) for O(store.scope=default).",
            ],
            "type": "int",
        },
        "magento_root": {
            "description": [
                "V(magento2): the shop's root folder. When given, C(bin/magento cache:clean config) runs there "
                "after a change is committed, and the shop's result says C(cache_cleaned). In check mode it is "
                "reported, not run.",
                "Without it a change waits in Magento's config cache: the shop's result says "
                "C(cache_flush_required) and a warning names the command to run.",
                "Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: "
                "required to read or write them when they are set.",
            ],
            "type": "path",
        },
        "overrides": {
            "description": [
                "V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; "
                "default or website) meets narrower scopes (shops, shop groups; websites, store views) that hold "
                "their own, different value for the same setting, and so would keep serving it.",
                "V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes "
                "nothing; V(write) sets them to the new value too; V(remove) deletes their rows so that the wider "
                "value applies. The shop's result lists what was done in C(overrides).",
            ],
            "type": "str",
        },
    },
}

_COMMON = {
    "name": {
        "description": [
            "The shop's name, used in results and messages. Defaults to the store's type and location.",
        ],
        "type": "str",
    },
    "store": _STORE,
}

_BACKUP = {
    "backup": {
        "description": [
            "Keep a copy of each file before changing it, next to it, with the same restrictive mode as the new "
            "file. Database stores ignore it.",
        ],
        "type": "bool",
        "default": False,
    },
}

_SHOPS = {
    "description": [
        "Several shops handled in this one module call, with one read-modify-write per file or database.",
        "Each item takes the module's options; the top-level values act as defaults.",
        "Every shop is validated first: if any is invalid, the module fails naming each bad shop and why, "
        "and changes nothing.",
    ],
    "type": "list",
    "elements": "dict",
}

# Added at the top level (never per shop) of every module whose own options hold secrets.
_SECRETS = {
    "description": [
        "The secret options of the shops (keys, REST passwords) in one value: what the filter "
        "P(vads.shop.secrets#filter) makes from the inventory's shops, or JSON text mapping each shop's name to "
        "its secret options. Each shop gets its entry by its name (O(shops[].name)). A dict option (the three "
        "REST API keys) takes a dict of strings there.",
        "Use it for large fleets: Ansible masks every no_log value in everything a module returns, one string "
        "replacement per value and string, so one key per item of O(shops) costs time in the square of the "
        "number of shops. Here the keys are one value for Ansible and the module masks each of them itself, in "
        "linear time. Never returned or logged.",
        "An option given both in a shop and here, or an entry naming no shop of the call, is an error; nothing "
        "is changed.",
    ],
    "type": "str",
}

_FORCE = {
    "description": [
        "Go ahead although the production key looks wrong (missing, malformed, a placeholder, or equal to the "
        "test key). Meant for recovery work, never for a normal go-live.",
    ],
    "type": "bool",
    "default": False,
}

_OWN = {
    "ctx_mode": {
        "mode": {
            "description": [
                "The context mode the shop's forms will carry in C(vads_ctx_mode): exactly V(TEST) or "
                "V(PRODUCTION). Any other spelling fails, as the gateway would reject it (error 11).",
                "Required, here or in each item of O(shops).",
            ],
            "type": "str",
        },
        "key": {
            "description": [
                "The key of the target O(mode), installed in the same write as the mode.",
                "Required to change the mode of a store that keeps one key for the current mode "
                "(O(store.keys) maps C(key)).",
                "Surrounding white space is trimmed; never returned, never shown in diffs.",
            ],
            "type": "str",
        },
        "force": _FORCE,
    },
    "certificate": {
        "mode": {
            "description": [
                "Which key: the V(TEST) key or the V(PRODUCTION) key. Required.",
            ],
            "type": "str",
        },
        "value": {
            "description": [
                "The key, as the Back Office Certificates tab shows it: 8 to 64 letters or digits. Surrounding "
                "white space is trimmed. Required with O(state=present).",
                "Never returned, never shown in diffs: a fingerprint stands for it.",
            ],
            "type": "str",
        },
        "state": {
            "description": [
                "V(present) installs the key; V(absent) removes the setting from the store.",
            ],
            "type": "str",
            "default": "present",
        },
        "force": _FORCE,
        "replace": {
            "description": [
                "Allow replacing a different, real production key already in the store (14.4, a rotation). "
                "Without it such a store fails naming both fingerprints and nothing is written: an inventory "
                "holding a stale or another shop's key must not silently overwrite the key a shop signs with.",
                "A placeholder, a malformed key or the test key in the production slot is replaced without it.",
            ],
            "type": "bool",
            "default": False,
        },
    },
    "rest_keys": {
        "mode": {
            "description": ["Which REST keys: the V(TEST) ones or the V(PRODUCTION) ones. Required."],
            "type": "str",
        },
        "value": {
            "description": [
                "The three keys of the Back Office's REST API keys tab, C(private_key) (the REST password, "
                "C(prodpassword_...) or C(testpassword_...)), C(public_key) (C(<site id>:publickey_...)) and "
                "C(hmac_key) (the HMAC-SHA-256 key). All three are required with O(state=present).",
                "Never returned, never shown in diffs: fingerprints stand for them.",
            ],
            "type": "dict",
            "suboptions": {
                "private_key": {"description": ["The private key (REST password)."], "type": "str"},
                "public_key": {"description": ["The public key."], "type": "str"},
                "hmac_key": {"description": ["The HMAC-SHA-256 key."], "type": "str"},
            },
        },
        "state": {
            "description": ["V(present) installs the keys; V(absent) removes them from the store."],
            "type": "str",
            "default": "present",
        },
        "force": {
            "description": [
                "Go ahead although a key looks wrong (a TEST key in a PRODUCTION slot, another site's public key, "
                "equal to the other mode's). Meant for recovery work.",
            ],
            "type": "bool",
            "default": False,
        },
    },
    "shop_info": {},
    "audit": {
        "site_id": {
            "description": ["The shop id the inventory expects (C(vads_site_id)); compared with the store's and used "
                            "to find the shop in the Back Office."],
            "type": "str",
        },
        "brand": {
            "description": ["The brand the inventory gives (V(payzen), V(systempay), ...); compared with the Back "
                            "Office's where it can be read."],
            "type": "str",
        },
        "ctx_mode": {
            "description": ["The mode the inventory wants for this shop. Defaults to O(mode)."],
            "type": "str",
        },
        "key_prod": {
            "description": ["The production key the vault holds; only its fingerprint is compared and shown."],
            "type": "str",
        },
        "key_test": {
            "description": ["The TEST key the vault holds, where it keeps one; only its fingerprint is compared."],
            "type": "str",
        },
        "key_prod_created": {
            "description": ["When the production key was generated (C(YYYY-MM-DD)), for the key age where the Back "
                            "Office cannot be read (manual adapter)."],
            "type": "str",
        },
        "notification_url": {
            "description": ["The PRODUCTION notification URL the inventory wants."],
            "type": "str",
        },
        "rest_password_prod": {
            "description": ["The PRODUCTION REST password the vault holds; only its fingerprint is compared."],
            "type": "str",
        },
    },
}


def _documentation(module, writes=True):
    own = copy.deepcopy(_OWN[module])
    options = copy.deepcopy(_COMMON)
    if writes:
        options.update(copy.deepcopy(_BACKUP))
    options.update(own)
    shops = copy.deepcopy(_SHOPS)
    suboptions = {}
    for name, spec in options.items():
        spec = copy.deepcopy(spec)
        spec.pop("default", None)
        spec["description"] = list(spec["description"]) + ["Defaults to the top-level value."]
        suboptions[name] = spec
    shops["suboptions"] = suboptions
    options["shops"] = shops
    if module == "audit" or any(name in own for name in ("key", "value")):
        options["secrets"] = copy.deepcopy(_SECRETS)
    return json.dumps({"options": options}, indent=1, sort_keys=True)


# Which fragment each module extends: (its own options in _OWN, whether it writes).
_FRAGMENTS = {
    "CTX_MODE": ("ctx_mode", True),
    "CERTIFICATE": ("certificate", True),
    "SHOP_INFO": ("shop_info", False),
    "AUDIT": ("audit", False),
    "REST_KEYS": ("rest_keys", True),
}


def generated():
    """{attribute: YAML text} for the class below; `python tools/docgen.py` writes them out."""
    out = {"DOCUMENTATION": json.dumps({"options": {"store": _STORE}}, indent=1, sort_keys=True)}
    for attribute, (module, writes) in _FRAGMENTS.items():
        out[attribute] = _documentation(module, writes)
    return out


# GENERATED below by tools/docgen.py from the definitions above (sanity wants plain strings). Do not edit.
class ModuleDocFragment(object):

    DOCUMENTATION = r'''
options:
  store:
    description:
    - Where the merchant server keeps this shop's gateway settings.
    - In an item of O(shops), the keys given here are merged over the top-level O(store).
    suboptions:
      brand:
        description:
        - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
        - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower case
          (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option name (C(woocommerce_payzen_settings),
          ...).
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
          1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and TEST
          twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo), C(prod_private_key),
          C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
          for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
          and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides any
          name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      create:
        description:
        - 'File stores: whether a setting whose name the file does not hold may be added.'
        - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
          C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the file
          does not hold is an error naming the names it does hold, since the application would not read a new one.
        - V(true) always adds missing names; V(false) never does.
        - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s names
          it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds the row.'
        type: bool
      file_mode:
        aliases:
        - mode
        description:
        - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
          usual O(store.mode), an alias).'
        - 'By default the collection never widens a file''s permissions: a file that holds a key only loses access
          for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their mode. A
          mode that lets other users read a file holding a key is refused.'
        - Temporary files are created V('0600') and get this mode once their content is written.
        type: raw
      flat:
        description:
        - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
          or as nested keys (V(false)).'
        - 'Existing names are found either way. By default a new name follows its neighbours: flat when the mapping
          already holds a key that starts with the same first part and a dot, nested otherwise.'
        type: bool
      group:
        description:
        - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
        type: str
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
          C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database stores,
          kept by file stores only where mapped here.'
        - Map a setting to V(null) when the software does not keep it.
        type: dict
      lock_timeout:
        description:
        - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s sibling
          C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
        - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
          named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
          holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
          nothing.'
        - Check mode and read-only modules take no lock.
        type: int
      login_db:
        description:
        - 'Database stores: the shop''s database (schema) name. Required for database stores.'
        type: str
      login_host:
        description:
        - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
        - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
        - Shops whose server, port or socket, user and database are the same share one connection and one transaction
          per module call.
        type: str
      login_password:
        description:
        - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
        - Shops that share a connection must give the same password.
        - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      login_port:
        description:
        - 'Database stores: the server''s TCP port. Defaults to V(3306).'
        type: int
      login_unix_socket:
        description:
        - 'Database stores: the server''s unix socket, used instead of host and port.'
        type: path
      login_user:
        description:
        - 'Database stores: the user to log in as. Required for database stores.'
        type: str
      magento_root:
        description:
        - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
          a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported, not
          run.'
        - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
          and a warning names the command to run.'
        - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required to
          read or write them when they are set.'
        type: path
      max_size_mb:
        description:
        - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with a clear
          message before it is parsed.'
        type: float
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
        type: str
      overrides:
        description:
        - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
          or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own, different
          value for the same setting, and so would keep serving it.'
        - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
          V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
          The shop's result lists what was done in C(overrides).
        type: str
      owner:
        description:
        - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
          when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
        type: str
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
      scope:
        description:
        - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store) are
          accepted). Defaults to V(default).'
        - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
          table), else the default row. Writing sets the row of this scope.'
        type: str
      scope_id:
        description:
        - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
          (the default) for O(store.scope=default).'
        type: int
      shop_group_id:
        description:
        - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
          is not given (group row, else global row).'
        type: int
      shop_id:
        description:
        - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
        - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else the
          global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read from
          C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep their values.'
        - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
        type: int
      table_prefix:
        description:
        - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
          V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
        - Letters, digits and underscores only.
        type: str
      type:
        description:
        - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are edited
          in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
        - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides them.
        - Required, here or in each item of O(shops).
        type: str
    type: dict
'''

    CTX_MODE = r'''
options:
  backup:
    default: false
    description:
    - Keep a copy of each file before changing it, next to it, with the same restrictive mode as the new file. Database
      stores ignore it.
    type: bool
  force:
    default: false
    description:
    - Go ahead although the production key looks wrong (missing, malformed, a placeholder, or equal to the test
      key). Meant for recovery work, never for a normal go-live.
    type: bool
  key:
    description:
    - The key of the target O(mode), installed in the same write as the mode.
    - Required to change the mode of a store that keeps one key for the current mode (O(store.keys) maps C(key)).
    - Surrounding white space is trimmed; never returned, never shown in diffs.
    type: str
  mode:
    description:
    - 'The context mode the shop''s forms will carry in C(vads_ctx_mode): exactly V(TEST) or V(PRODUCTION). Any
      other spelling fails, as the gateway would reject it (error 11).'
    - Required, here or in each item of O(shops).
    type: str
  name:
    description:
    - The shop's name, used in results and messages. Defaults to the store's type and location.
    type: str
  secrets:
    description:
    - 'The secret options of the shops (keys, REST passwords) in one value: what the filter P(vads.shop.secrets#filter)
      makes from the inventory''s shops, or JSON text mapping each shop''s name to its secret options. Each shop
      gets its entry by its name (O(shops[].name)). A dict option (the three REST API keys) takes a dict of strings
      there.'
    - 'Use it for large fleets: Ansible masks every no_log value in everything a module returns, one string replacement
      per value and string, so one key per item of O(shops) costs time in the square of the number of shops. Here
      the keys are one value for Ansible and the module masks each of them itself, in linear time. Never returned
      or logged.'
    - An option given both in a shop and here, or an entry naming no shop of the call, is an error; nothing is changed.
    type: str
  shops:
    description:
    - Several shops handled in this one module call, with one read-modify-write per file or database.
    - Each item takes the module's options; the top-level values act as defaults.
    - 'Every shop is validated first: if any is invalid, the module fails naming each bad shop and why, and changes
      nothing.'
    elements: dict
    suboptions:
      backup:
        description:
        - Keep a copy of each file before changing it, next to it, with the same restrictive mode as the new file.
          Database stores ignore it.
        - Defaults to the top-level value.
        type: bool
      force:
        description:
        - Go ahead although the production key looks wrong (missing, malformed, a placeholder, or equal to the test
          key). Meant for recovery work, never for a normal go-live.
        - Defaults to the top-level value.
        type: bool
      key:
        description:
        - The key of the target O(mode), installed in the same write as the mode.
        - Required to change the mode of a store that keeps one key for the current mode (O(store.keys) maps C(key)).
        - Surrounding white space is trimmed; never returned, never shown in diffs.
        - Defaults to the top-level value.
        type: str
      mode:
        description:
        - 'The context mode the shop''s forms will carry in C(vads_ctx_mode): exactly V(TEST) or V(PRODUCTION).
          Any other spelling fails, as the gateway would reject it (error 11).'
        - Required, here or in each item of O(shops).
        - Defaults to the top-level value.
        type: str
      name:
        description:
        - The shop's name, used in results and messages. Defaults to the store's type and location.
        - Defaults to the top-level value.
        type: str
      store:
        description:
        - Where the merchant server keeps this shop's gateway settings.
        - In an item of O(shops), the keys given here are merged over the top-level O(store).
        - Defaults to the top-level value.
        suboptions:
          brand:
            description:
            - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
            - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower
              case (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option
              name (C(woocommerce_payzen_settings), ...).
            - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
              1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
              C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and
              TEST twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(prod_private_key), C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
              for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
              and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides
              any name.'
            type: str
          connect_timeout:
            description:
            - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
            type: int
          create:
            description:
            - 'File stores: whether a setting whose name the file does not hold may be added.'
            - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
              C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the
              file does not hold is an error naming the names it does hold, since the application would not read
              a new one.
            - V(true) always adds missing names; V(false) never does.
            - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s
              names it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds
              the row.'
            type: bool
          file_mode:
            aliases:
            - mode
            description:
            - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
              usual O(store.mode), an alias).'
            - 'By default the collection never widens a file''s permissions: a file that holds a key only loses
              access for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their
              mode. A mode that lets other users read a file holding a key is refused.'
            - Temporary files are created V('0600') and get this mode once their content is written.
            type: raw
          flat:
            description:
            - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
              or as nested keys (V(false)).'
            - 'Existing names are found either way. By default a new name follows its neighbours: flat when the
              mapping already holds a key that starts with the same first part and a dot, nested otherwise.'
            type: bool
          group:
            description:
            - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
            type: str
          keys:
            description:
            - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(url_check), for software that does not use the defaults.
            - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
              C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
              with section C(vads): C(vads.site_id), ....'
            - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key)
              instead of C(key_test) and C(key_prod); mode and key then change together in one write.
            - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
              C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database
              stores, kept by file stores only where mapped here.'
            - Map a setting to V(null) when the software does not keep it.
            type: dict
          lock_timeout:
            description:
            - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s
              sibling C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
            - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
              named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
              holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
              nothing.'
            - Check mode and read-only modules take no lock.
            type: int
          login_db:
            description:
            - 'Database stores: the shop''s database (schema) name. Required for database stores.'
            type: str
          login_host:
            description:
            - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
            - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
            - Shops whose server, port or socket, user and database are the same share one connection and one transaction
              per module call.
            type: str
          login_password:
            description:
            - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
            - Shops that share a connection must give the same password.
            - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          login_port:
            description:
            - 'Database stores: the server''s TCP port. Defaults to V(3306).'
            type: int
          login_unix_socket:
            description:
            - 'Database stores: the server''s unix socket, used instead of host and port.'
            type: path
          login_user:
            description:
            - 'Database stores: the user to log in as. Required for database stores.'
            type: str
          magento_root:
            description:
            - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
              a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported,
              not run.'
            - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
              and a warning names the command to run.'
            - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required
              to read or write them when they are set.'
            type: path
          max_size_mb:
            description:
            - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with
              a clear message before it is parsed.'
            type: float
          option_name:
            description:
            - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array.
              Defaults to C(woocommerce_<brand>_settings).'
            - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
              creates it when its settings are first saved).
            type: str
          overrides:
            description:
            - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
              or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own,
              different value for the same setting, and so would keep serving it.'
            - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
              V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
              The shop's result lists what was done in C(overrides).
            type: str
          owner:
            description:
            - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
              when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
            type: str
          path:
            description:
            - The configuration file, for file stores. It must exist.
            type: path
          scope:
            description:
            - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store)
              are accepted). Defaults to V(default).'
            - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
              table), else the default row. Writing sets the row of this scope.'
            type: str
          scope_id:
            description:
            - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
              (the default) for O(store.scope=default).'
            type: int
          shop_group_id:
            description:
            - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
              is not given (group row, else global row).'
            type: int
          shop_id:
            description:
            - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
            - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else
              the global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read
              from C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep
              their values.'
            - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
            type: int
          table_prefix:
            description:
            - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
              V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
            - Letters, digits and underscores only.
            type: str
          type:
            description:
            - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are
              edited in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
            - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides
              them.
            - Required, here or in each item of O(shops).
            type: str
        type: dict
    type: list
  store:
    description:
    - Where the merchant server keeps this shop's gateway settings.
    - In an item of O(shops), the keys given here are merged over the top-level O(store).
    suboptions:
      brand:
        description:
        - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
        - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower case
          (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option name (C(woocommerce_payzen_settings),
          ...).
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
          1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and TEST
          twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo), C(prod_private_key),
          C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
          for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
          and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides any
          name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      create:
        description:
        - 'File stores: whether a setting whose name the file does not hold may be added.'
        - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
          C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the file
          does not hold is an error naming the names it does hold, since the application would not read a new one.
        - V(true) always adds missing names; V(false) never does.
        - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s names
          it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds the row.'
        type: bool
      file_mode:
        aliases:
        - mode
        description:
        - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
          usual O(store.mode), an alias).'
        - 'By default the collection never widens a file''s permissions: a file that holds a key only loses access
          for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their mode. A
          mode that lets other users read a file holding a key is refused.'
        - Temporary files are created V('0600') and get this mode once their content is written.
        type: raw
      flat:
        description:
        - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
          or as nested keys (V(false)).'
        - 'Existing names are found either way. By default a new name follows its neighbours: flat when the mapping
          already holds a key that starts with the same first part and a dot, nested otherwise.'
        type: bool
      group:
        description:
        - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
        type: str
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
          C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database stores,
          kept by file stores only where mapped here.'
        - Map a setting to V(null) when the software does not keep it.
        type: dict
      lock_timeout:
        description:
        - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s sibling
          C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
        - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
          named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
          holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
          nothing.'
        - Check mode and read-only modules take no lock.
        type: int
      login_db:
        description:
        - 'Database stores: the shop''s database (schema) name. Required for database stores.'
        type: str
      login_host:
        description:
        - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
        - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
        - Shops whose server, port or socket, user and database are the same share one connection and one transaction
          per module call.
        type: str
      login_password:
        description:
        - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
        - Shops that share a connection must give the same password.
        - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      login_port:
        description:
        - 'Database stores: the server''s TCP port. Defaults to V(3306).'
        type: int
      login_unix_socket:
        description:
        - 'Database stores: the server''s unix socket, used instead of host and port.'
        type: path
      login_user:
        description:
        - 'Database stores: the user to log in as. Required for database stores.'
        type: str
      magento_root:
        description:
        - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
          a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported, not
          run.'
        - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
          and a warning names the command to run.'
        - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required to
          read or write them when they are set.'
        type: path
      max_size_mb:
        description:
        - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with a clear
          message before it is parsed.'
        type: float
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
        type: str
      overrides:
        description:
        - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
          or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own, different
          value for the same setting, and so would keep serving it.'
        - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
          V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
          The shop's result lists what was done in C(overrides).
        type: str
      owner:
        description:
        - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
          when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
        type: str
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
      scope:
        description:
        - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store) are
          accepted). Defaults to V(default).'
        - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
          table), else the default row. Writing sets the row of this scope.'
        type: str
      scope_id:
        description:
        - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
          (the default) for O(store.scope=default).'
        type: int
      shop_group_id:
        description:
        - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
          is not given (group row, else global row).'
        type: int
      shop_id:
        description:
        - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
        - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else the
          global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read from
          C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep their values.'
        - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
        type: int
      table_prefix:
        description:
        - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
          V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
        - Letters, digits and underscores only.
        type: str
      type:
        description:
        - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are edited
          in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
        - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides them.
        - Required, here or in each item of O(shops).
        type: str
    type: dict
'''

    CERTIFICATE = r'''
options:
  backup:
    default: false
    description:
    - Keep a copy of each file before changing it, next to it, with the same restrictive mode as the new file. Database
      stores ignore it.
    type: bool
  force:
    default: false
    description:
    - Go ahead although the production key looks wrong (missing, malformed, a placeholder, or equal to the test
      key). Meant for recovery work, never for a normal go-live.
    type: bool
  mode:
    description:
    - 'Which key: the V(TEST) key or the V(PRODUCTION) key. Required.'
    type: str
  name:
    description:
    - The shop's name, used in results and messages. Defaults to the store's type and location.
    type: str
  replace:
    default: false
    description:
    - 'Allow replacing a different, real production key already in the store (14.4, a rotation). Without it such
      a store fails naming both fingerprints and nothing is written: an inventory holding a stale or another shop''s
      key must not silently overwrite the key a shop signs with.'
    - A placeholder, a malformed key or the test key in the production slot is replaced without it.
    type: bool
  secrets:
    description:
    - 'The secret options of the shops (keys, REST passwords) in one value: what the filter P(vads.shop.secrets#filter)
      makes from the inventory''s shops, or JSON text mapping each shop''s name to its secret options. Each shop
      gets its entry by its name (O(shops[].name)). A dict option (the three REST API keys) takes a dict of strings
      there.'
    - 'Use it for large fleets: Ansible masks every no_log value in everything a module returns, one string replacement
      per value and string, so one key per item of O(shops) costs time in the square of the number of shops. Here
      the keys are one value for Ansible and the module masks each of them itself, in linear time. Never returned
      or logged.'
    - An option given both in a shop and here, or an entry naming no shop of the call, is an error; nothing is changed.
    type: str
  shops:
    description:
    - Several shops handled in this one module call, with one read-modify-write per file or database.
    - Each item takes the module's options; the top-level values act as defaults.
    - 'Every shop is validated first: if any is invalid, the module fails naming each bad shop and why, and changes
      nothing.'
    elements: dict
    suboptions:
      backup:
        description:
        - Keep a copy of each file before changing it, next to it, with the same restrictive mode as the new file.
          Database stores ignore it.
        - Defaults to the top-level value.
        type: bool
      force:
        description:
        - Go ahead although the production key looks wrong (missing, malformed, a placeholder, or equal to the test
          key). Meant for recovery work, never for a normal go-live.
        - Defaults to the top-level value.
        type: bool
      mode:
        description:
        - 'Which key: the V(TEST) key or the V(PRODUCTION) key. Required.'
        - Defaults to the top-level value.
        type: str
      name:
        description:
        - The shop's name, used in results and messages. Defaults to the store's type and location.
        - Defaults to the top-level value.
        type: str
      replace:
        description:
        - 'Allow replacing a different, real production key already in the store (14.4, a rotation). Without it
          such a store fails naming both fingerprints and nothing is written: an inventory holding a stale or another
          shop''s key must not silently overwrite the key a shop signs with.'
        - A placeholder, a malformed key or the test key in the production slot is replaced without it.
        - Defaults to the top-level value.
        type: bool
      state:
        description:
        - V(present) installs the key; V(absent) removes the setting from the store.
        - Defaults to the top-level value.
        type: str
      store:
        description:
        - Where the merchant server keeps this shop's gateway settings.
        - In an item of O(shops), the keys given here are merged over the top-level O(store).
        - Defaults to the top-level value.
        suboptions:
          brand:
            description:
            - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
            - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower
              case (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option
              name (C(woocommerce_payzen_settings), ...).
            - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
              1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
              C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and
              TEST twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(prod_private_key), C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
              for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
              and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides
              any name.'
            type: str
          connect_timeout:
            description:
            - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
            type: int
          create:
            description:
            - 'File stores: whether a setting whose name the file does not hold may be added.'
            - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
              C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the
              file does not hold is an error naming the names it does hold, since the application would not read
              a new one.
            - V(true) always adds missing names; V(false) never does.
            - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s
              names it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds
              the row.'
            type: bool
          file_mode:
            aliases:
            - mode
            description:
            - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
              usual O(store.mode), an alias).'
            - 'By default the collection never widens a file''s permissions: a file that holds a key only loses
              access for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their
              mode. A mode that lets other users read a file holding a key is refused.'
            - Temporary files are created V('0600') and get this mode once their content is written.
            type: raw
          flat:
            description:
            - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
              or as nested keys (V(false)).'
            - 'Existing names are found either way. By default a new name follows its neighbours: flat when the
              mapping already holds a key that starts with the same first part and a dot, nested otherwise.'
            type: bool
          group:
            description:
            - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
            type: str
          keys:
            description:
            - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(url_check), for software that does not use the defaults.
            - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
              C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
              with section C(vads): C(vads.site_id), ....'
            - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key)
              instead of C(key_test) and C(key_prod); mode and key then change together in one write.
            - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
              C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database
              stores, kept by file stores only where mapped here.'
            - Map a setting to V(null) when the software does not keep it.
            type: dict
          lock_timeout:
            description:
            - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s
              sibling C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
            - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
              named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
              holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
              nothing.'
            - Check mode and read-only modules take no lock.
            type: int
          login_db:
            description:
            - 'Database stores: the shop''s database (schema) name. Required for database stores.'
            type: str
          login_host:
            description:
            - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
            - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
            - Shops whose server, port or socket, user and database are the same share one connection and one transaction
              per module call.
            type: str
          login_password:
            description:
            - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
            - Shops that share a connection must give the same password.
            - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          login_port:
            description:
            - 'Database stores: the server''s TCP port. Defaults to V(3306).'
            type: int
          login_unix_socket:
            description:
            - 'Database stores: the server''s unix socket, used instead of host and port.'
            type: path
          login_user:
            description:
            - 'Database stores: the user to log in as. Required for database stores.'
            type: str
          magento_root:
            description:
            - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
              a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported,
              not run.'
            - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
              and a warning names the command to run.'
            - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required
              to read or write them when they are set.'
            type: path
          max_size_mb:
            description:
            - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with
              a clear message before it is parsed.'
            type: float
          option_name:
            description:
            - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array.
              Defaults to C(woocommerce_<brand>_settings).'
            - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
              creates it when its settings are first saved).
            type: str
          overrides:
            description:
            - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
              or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own,
              different value for the same setting, and so would keep serving it.'
            - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
              V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
              The shop's result lists what was done in C(overrides).
            type: str
          owner:
            description:
            - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
              when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
            type: str
          path:
            description:
            - The configuration file, for file stores. It must exist.
            type: path
          scope:
            description:
            - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store)
              are accepted). Defaults to V(default).'
            - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
              table), else the default row. Writing sets the row of this scope.'
            type: str
          scope_id:
            description:
            - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
              (the default) for O(store.scope=default).'
            type: int
          shop_group_id:
            description:
            - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
              is not given (group row, else global row).'
            type: int
          shop_id:
            description:
            - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
            - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else
              the global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read
              from C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep
              their values.'
            - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
            type: int
          table_prefix:
            description:
            - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
              V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
            - Letters, digits and underscores only.
            type: str
          type:
            description:
            - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are
              edited in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
            - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides
              them.
            - Required, here or in each item of O(shops).
            type: str
        type: dict
      value:
        description:
        - 'The key, as the Back Office Certificates tab shows it: 8 to 64 letters or digits. Surrounding white space
          is trimmed. Required with O(state=present).'
        - 'Never returned, never shown in diffs: a fingerprint stands for it.'
        - Defaults to the top-level value.
        type: str
    type: list
  state:
    default: present
    description:
    - V(present) installs the key; V(absent) removes the setting from the store.
    type: str
  store:
    description:
    - Where the merchant server keeps this shop's gateway settings.
    - In an item of O(shops), the keys given here are merged over the top-level O(store).
    suboptions:
      brand:
        description:
        - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
        - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower case
          (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option name (C(woocommerce_payzen_settings),
          ...).
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
          1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and TEST
          twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo), C(prod_private_key),
          C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
          for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
          and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides any
          name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      create:
        description:
        - 'File stores: whether a setting whose name the file does not hold may be added.'
        - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
          C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the file
          does not hold is an error naming the names it does hold, since the application would not read a new one.
        - V(true) always adds missing names; V(false) never does.
        - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s names
          it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds the row.'
        type: bool
      file_mode:
        aliases:
        - mode
        description:
        - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
          usual O(store.mode), an alias).'
        - 'By default the collection never widens a file''s permissions: a file that holds a key only loses access
          for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their mode. A
          mode that lets other users read a file holding a key is refused.'
        - Temporary files are created V('0600') and get this mode once their content is written.
        type: raw
      flat:
        description:
        - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
          or as nested keys (V(false)).'
        - 'Existing names are found either way. By default a new name follows its neighbours: flat when the mapping
          already holds a key that starts with the same first part and a dot, nested otherwise.'
        type: bool
      group:
        description:
        - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
        type: str
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
          C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database stores,
          kept by file stores only where mapped here.'
        - Map a setting to V(null) when the software does not keep it.
        type: dict
      lock_timeout:
        description:
        - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s sibling
          C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
        - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
          named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
          holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
          nothing.'
        - Check mode and read-only modules take no lock.
        type: int
      login_db:
        description:
        - 'Database stores: the shop''s database (schema) name. Required for database stores.'
        type: str
      login_host:
        description:
        - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
        - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
        - Shops whose server, port or socket, user and database are the same share one connection and one transaction
          per module call.
        type: str
      login_password:
        description:
        - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
        - Shops that share a connection must give the same password.
        - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      login_port:
        description:
        - 'Database stores: the server''s TCP port. Defaults to V(3306).'
        type: int
      login_unix_socket:
        description:
        - 'Database stores: the server''s unix socket, used instead of host and port.'
        type: path
      login_user:
        description:
        - 'Database stores: the user to log in as. Required for database stores.'
        type: str
      magento_root:
        description:
        - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
          a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported, not
          run.'
        - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
          and a warning names the command to run.'
        - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required to
          read or write them when they are set.'
        type: path
      max_size_mb:
        description:
        - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with a clear
          message before it is parsed.'
        type: float
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
        type: str
      overrides:
        description:
        - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
          or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own, different
          value for the same setting, and so would keep serving it.'
        - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
          V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
          The shop's result lists what was done in C(overrides).
        type: str
      owner:
        description:
        - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
          when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
        type: str
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
      scope:
        description:
        - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store) are
          accepted). Defaults to V(default).'
        - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
          table), else the default row. Writing sets the row of this scope.'
        type: str
      scope_id:
        description:
        - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
          (the default) for O(store.scope=default).'
        type: int
      shop_group_id:
        description:
        - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
          is not given (group row, else global row).'
        type: int
      shop_id:
        description:
        - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
        - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else the
          global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read from
          C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep their values.'
        - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
        type: int
      table_prefix:
        description:
        - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
          V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
        - Letters, digits and underscores only.
        type: str
      type:
        description:
        - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are edited
          in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
        - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides them.
        - Required, here or in each item of O(shops).
        type: str
    type: dict
  value:
    description:
    - 'The key, as the Back Office Certificates tab shows it: 8 to 64 letters or digits. Surrounding white space
      is trimmed. Required with O(state=present).'
    - 'Never returned, never shown in diffs: a fingerprint stands for it.'
    type: str
'''

    SHOP_INFO = r'''
options:
  name:
    description:
    - The shop's name, used in results and messages. Defaults to the store's type and location.
    type: str
  shops:
    description:
    - Several shops handled in this one module call, with one read-modify-write per file or database.
    - Each item takes the module's options; the top-level values act as defaults.
    - 'Every shop is validated first: if any is invalid, the module fails naming each bad shop and why, and changes
      nothing.'
    elements: dict
    suboptions:
      name:
        description:
        - The shop's name, used in results and messages. Defaults to the store's type and location.
        - Defaults to the top-level value.
        type: str
      store:
        description:
        - Where the merchant server keeps this shop's gateway settings.
        - In an item of O(shops), the keys given here are merged over the top-level O(store).
        - Defaults to the top-level value.
        suboptions:
          brand:
            description:
            - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
            - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower
              case (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option
              name (C(woocommerce_payzen_settings), ...).
            - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
              1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
              C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and
              TEST twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(prod_private_key), C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
              for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
              and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides
              any name.'
            type: str
          connect_timeout:
            description:
            - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
            type: int
          create:
            description:
            - 'File stores: whether a setting whose name the file does not hold may be added.'
            - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
              C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the
              file does not hold is an error naming the names it does hold, since the application would not read
              a new one.
            - V(true) always adds missing names; V(false) never does.
            - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s
              names it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds
              the row.'
            type: bool
          file_mode:
            aliases:
            - mode
            description:
            - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
              usual O(store.mode), an alias).'
            - 'By default the collection never widens a file''s permissions: a file that holds a key only loses
              access for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their
              mode. A mode that lets other users read a file holding a key is refused.'
            - Temporary files are created V('0600') and get this mode once their content is written.
            type: raw
          flat:
            description:
            - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
              or as nested keys (V(false)).'
            - 'Existing names are found either way. By default a new name follows its neighbours: flat when the
              mapping already holds a key that starts with the same first part and a dot, nested otherwise.'
            type: bool
          group:
            description:
            - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
            type: str
          keys:
            description:
            - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(url_check), for software that does not use the defaults.
            - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
              C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
              with section C(vads): C(vads.site_id), ....'
            - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key)
              instead of C(key_test) and C(key_prod); mode and key then change together in one write.
            - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
              C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database
              stores, kept by file stores only where mapped here.'
            - Map a setting to V(null) when the software does not keep it.
            type: dict
          lock_timeout:
            description:
            - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s
              sibling C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
            - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
              named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
              holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
              nothing.'
            - Check mode and read-only modules take no lock.
            type: int
          login_db:
            description:
            - 'Database stores: the shop''s database (schema) name. Required for database stores.'
            type: str
          login_host:
            description:
            - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
            - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
            - Shops whose server, port or socket, user and database are the same share one connection and one transaction
              per module call.
            type: str
          login_password:
            description:
            - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
            - Shops that share a connection must give the same password.
            - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          login_port:
            description:
            - 'Database stores: the server''s TCP port. Defaults to V(3306).'
            type: int
          login_unix_socket:
            description:
            - 'Database stores: the server''s unix socket, used instead of host and port.'
            type: path
          login_user:
            description:
            - 'Database stores: the user to log in as. Required for database stores.'
            type: str
          magento_root:
            description:
            - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
              a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported,
              not run.'
            - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
              and a warning names the command to run.'
            - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required
              to read or write them when they are set.'
            type: path
          max_size_mb:
            description:
            - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with
              a clear message before it is parsed.'
            type: float
          option_name:
            description:
            - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array.
              Defaults to C(woocommerce_<brand>_settings).'
            - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
              creates it when its settings are first saved).
            type: str
          overrides:
            description:
            - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
              or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own,
              different value for the same setting, and so would keep serving it.'
            - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
              V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
              The shop's result lists what was done in C(overrides).
            type: str
          owner:
            description:
            - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
              when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
            type: str
          path:
            description:
            - The configuration file, for file stores. It must exist.
            type: path
          scope:
            description:
            - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store)
              are accepted). Defaults to V(default).'
            - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
              table), else the default row. Writing sets the row of this scope.'
            type: str
          scope_id:
            description:
            - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
              (the default) for O(store.scope=default).'
            type: int
          shop_group_id:
            description:
            - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
              is not given (group row, else global row).'
            type: int
          shop_id:
            description:
            - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
            - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else
              the global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read
              from C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep
              their values.'
            - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
            type: int
          table_prefix:
            description:
            - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
              V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
            - Letters, digits and underscores only.
            type: str
          type:
            description:
            - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are
              edited in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
            - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides
              them.
            - Required, here or in each item of O(shops).
            type: str
        type: dict
    type: list
  store:
    description:
    - Where the merchant server keeps this shop's gateway settings.
    - In an item of O(shops), the keys given here are merged over the top-level O(store).
    suboptions:
      brand:
        description:
        - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
        - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower case
          (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option name (C(woocommerce_payzen_settings),
          ...).
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
          1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and TEST
          twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo), C(prod_private_key),
          C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
          for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
          and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides any
          name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      create:
        description:
        - 'File stores: whether a setting whose name the file does not hold may be added.'
        - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
          C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the file
          does not hold is an error naming the names it does hold, since the application would not read a new one.
        - V(true) always adds missing names; V(false) never does.
        - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s names
          it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds the row.'
        type: bool
      file_mode:
        aliases:
        - mode
        description:
        - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
          usual O(store.mode), an alias).'
        - 'By default the collection never widens a file''s permissions: a file that holds a key only loses access
          for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their mode. A
          mode that lets other users read a file holding a key is refused.'
        - Temporary files are created V('0600') and get this mode once their content is written.
        type: raw
      flat:
        description:
        - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
          or as nested keys (V(false)).'
        - 'Existing names are found either way. By default a new name follows its neighbours: flat when the mapping
          already holds a key that starts with the same first part and a dot, nested otherwise.'
        type: bool
      group:
        description:
        - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
        type: str
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
          C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database stores,
          kept by file stores only where mapped here.'
        - Map a setting to V(null) when the software does not keep it.
        type: dict
      lock_timeout:
        description:
        - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s sibling
          C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
        - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
          named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
          holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
          nothing.'
        - Check mode and read-only modules take no lock.
        type: int
      login_db:
        description:
        - 'Database stores: the shop''s database (schema) name. Required for database stores.'
        type: str
      login_host:
        description:
        - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
        - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
        - Shops whose server, port or socket, user and database are the same share one connection and one transaction
          per module call.
        type: str
      login_password:
        description:
        - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
        - Shops that share a connection must give the same password.
        - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      login_port:
        description:
        - 'Database stores: the server''s TCP port. Defaults to V(3306).'
        type: int
      login_unix_socket:
        description:
        - 'Database stores: the server''s unix socket, used instead of host and port.'
        type: path
      login_user:
        description:
        - 'Database stores: the user to log in as. Required for database stores.'
        type: str
      magento_root:
        description:
        - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
          a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported, not
          run.'
        - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
          and a warning names the command to run.'
        - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required to
          read or write them when they are set.'
        type: path
      max_size_mb:
        description:
        - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with a clear
          message before it is parsed.'
        type: float
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
        type: str
      overrides:
        description:
        - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
          or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own, different
          value for the same setting, and so would keep serving it.'
        - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
          V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
          The shop's result lists what was done in C(overrides).
        type: str
      owner:
        description:
        - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
          when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
        type: str
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
      scope:
        description:
        - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store) are
          accepted). Defaults to V(default).'
        - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
          table), else the default row. Writing sets the row of this scope.'
        type: str
      scope_id:
        description:
        - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
          (the default) for O(store.scope=default).'
        type: int
      shop_group_id:
        description:
        - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
          is not given (group row, else global row).'
        type: int
      shop_id:
        description:
        - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
        - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else the
          global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read from
          C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep their values.'
        - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
        type: int
      table_prefix:
        description:
        - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
          V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
        - Letters, digits and underscores only.
        type: str
      type:
        description:
        - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are edited
          in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
        - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides them.
        - Required, here or in each item of O(shops).
        type: str
    type: dict
'''

    AUDIT = r'''
options:
  brand:
    description:
    - The brand the inventory gives (V(payzen), V(systempay), ...); compared with the Back Office's where it can
      be read.
    type: str
  ctx_mode:
    description:
    - The mode the inventory wants for this shop. Defaults to O(mode).
    type: str
  key_prod:
    description:
    - The production key the vault holds; only its fingerprint is compared and shown.
    type: str
  key_prod_created:
    description:
    - When the production key was generated (C(YYYY-MM-DD)), for the key age where the Back Office cannot be read
      (manual adapter).
    type: str
  key_test:
    description:
    - The TEST key the vault holds, where it keeps one; only its fingerprint is compared.
    type: str
  name:
    description:
    - The shop's name, used in results and messages. Defaults to the store's type and location.
    type: str
  notification_url:
    description:
    - The PRODUCTION notification URL the inventory wants.
    type: str
  rest_password_prod:
    description:
    - The PRODUCTION REST password the vault holds; only its fingerprint is compared.
    type: str
  secrets:
    description:
    - 'The secret options of the shops (keys, REST passwords) in one value: what the filter P(vads.shop.secrets#filter)
      makes from the inventory''s shops, or JSON text mapping each shop''s name to its secret options. Each shop
      gets its entry by its name (O(shops[].name)). A dict option (the three REST API keys) takes a dict of strings
      there.'
    - 'Use it for large fleets: Ansible masks every no_log value in everything a module returns, one string replacement
      per value and string, so one key per item of O(shops) costs time in the square of the number of shops. Here
      the keys are one value for Ansible and the module masks each of them itself, in linear time. Never returned
      or logged.'
    - An option given both in a shop and here, or an entry naming no shop of the call, is an error; nothing is changed.
    type: str
  shops:
    description:
    - Several shops handled in this one module call, with one read-modify-write per file or database.
    - Each item takes the module's options; the top-level values act as defaults.
    - 'Every shop is validated first: if any is invalid, the module fails naming each bad shop and why, and changes
      nothing.'
    elements: dict
    suboptions:
      brand:
        description:
        - The brand the inventory gives (V(payzen), V(systempay), ...); compared with the Back Office's where it
          can be read.
        - Defaults to the top-level value.
        type: str
      ctx_mode:
        description:
        - The mode the inventory wants for this shop. Defaults to O(mode).
        - Defaults to the top-level value.
        type: str
      key_prod:
        description:
        - The production key the vault holds; only its fingerprint is compared and shown.
        - Defaults to the top-level value.
        type: str
      key_prod_created:
        description:
        - When the production key was generated (C(YYYY-MM-DD)), for the key age where the Back Office cannot be
          read (manual adapter).
        - Defaults to the top-level value.
        type: str
      key_test:
        description:
        - The TEST key the vault holds, where it keeps one; only its fingerprint is compared.
        - Defaults to the top-level value.
        type: str
      name:
        description:
        - The shop's name, used in results and messages. Defaults to the store's type and location.
        - Defaults to the top-level value.
        type: str
      notification_url:
        description:
        - The PRODUCTION notification URL the inventory wants.
        - Defaults to the top-level value.
        type: str
      rest_password_prod:
        description:
        - The PRODUCTION REST password the vault holds; only its fingerprint is compared.
        - Defaults to the top-level value.
        type: str
      site_id:
        description:
        - The shop id the inventory expects (C(vads_site_id)); compared with the store's and used to find the shop
          in the Back Office.
        - Defaults to the top-level value.
        type: str
      store:
        description:
        - Where the merchant server keeps this shop's gateway settings.
        - In an item of O(shops), the keys given here are merged over the top-level O(store).
        - Defaults to the top-level value.
        suboptions:
          brand:
            description:
            - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
            - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower
              case (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option
              name (C(woocommerce_payzen_settings), ...).
            - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
              1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
              C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and
              TEST twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(prod_private_key), C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
              for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
              and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides
              any name.'
            type: str
          connect_timeout:
            description:
            - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
            type: int
          create:
            description:
            - 'File stores: whether a setting whose name the file does not hold may be added.'
            - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
              C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the
              file does not hold is an error naming the names it does hold, since the application would not read
              a new one.
            - V(true) always adds missing names; V(false) never does.
            - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s
              names it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds
              the row.'
            type: bool
          file_mode:
            aliases:
            - mode
            description:
            - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
              usual O(store.mode), an alias).'
            - 'By default the collection never widens a file''s permissions: a file that holds a key only loses
              access for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their
              mode. A mode that lets other users read a file holding a key is refused.'
            - Temporary files are created V('0600') and get this mode once their content is written.
            type: raw
          flat:
            description:
            - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
              or as nested keys (V(false)).'
            - 'Existing names are found either way. By default a new name follows its neighbours: flat when the
              mapping already holds a key that starts with the same first part and a dot, nested otherwise.'
            type: bool
          group:
            description:
            - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
            type: str
          keys:
            description:
            - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(url_check), for software that does not use the defaults.
            - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
              C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
              with section C(vads): C(vads.site_id), ....'
            - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key)
              instead of C(key_test) and C(key_prod); mode and key then change together in one write.
            - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
              C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database
              stores, kept by file stores only where mapped here.'
            - Map a setting to V(null) when the software does not keep it.
            type: dict
          lock_timeout:
            description:
            - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s
              sibling C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
            - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
              named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
              holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
              nothing.'
            - Check mode and read-only modules take no lock.
            type: int
          login_db:
            description:
            - 'Database stores: the shop''s database (schema) name. Required for database stores.'
            type: str
          login_host:
            description:
            - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
            - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
            - Shops whose server, port or socket, user and database are the same share one connection and one transaction
              per module call.
            type: str
          login_password:
            description:
            - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
            - Shops that share a connection must give the same password.
            - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          login_port:
            description:
            - 'Database stores: the server''s TCP port. Defaults to V(3306).'
            type: int
          login_unix_socket:
            description:
            - 'Database stores: the server''s unix socket, used instead of host and port.'
            type: path
          login_user:
            description:
            - 'Database stores: the user to log in as. Required for database stores.'
            type: str
          magento_root:
            description:
            - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
              a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported,
              not run.'
            - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
              and a warning names the command to run.'
            - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required
              to read or write them when they are set.'
            type: path
          max_size_mb:
            description:
            - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with
              a clear message before it is parsed.'
            type: float
          option_name:
            description:
            - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array.
              Defaults to C(woocommerce_<brand>_settings).'
            - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
              creates it when its settings are first saved).
            type: str
          overrides:
            description:
            - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
              or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own,
              different value for the same setting, and so would keep serving it.'
            - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
              V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
              The shop's result lists what was done in C(overrides).
            type: str
          owner:
            description:
            - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
              when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
            type: str
          path:
            description:
            - The configuration file, for file stores. It must exist.
            type: path
          scope:
            description:
            - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store)
              are accepted). Defaults to V(default).'
            - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
              table), else the default row. Writing sets the row of this scope.'
            type: str
          scope_id:
            description:
            - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
              (the default) for O(store.scope=default).'
            type: int
          shop_group_id:
            description:
            - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
              is not given (group row, else global row).'
            type: int
          shop_id:
            description:
            - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
            - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else
              the global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read
              from C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep
              their values.'
            - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
            type: int
          table_prefix:
            description:
            - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
              V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
            - Letters, digits and underscores only.
            type: str
          type:
            description:
            - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are
              edited in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
            - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides
              them.
            - Required, here or in each item of O(shops).
            type: str
        type: dict
    type: list
  site_id:
    description:
    - The shop id the inventory expects (C(vads_site_id)); compared with the store's and used to find the shop in
      the Back Office.
    type: str
  store:
    description:
    - Where the merchant server keeps this shop's gateway settings.
    - In an item of O(shops), the keys given here are merged over the top-level O(store).
    suboptions:
      brand:
        description:
        - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
        - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower case
          (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option name (C(woocommerce_payzen_settings),
          ...).
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
          1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and TEST
          twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo), C(prod_private_key),
          C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
          for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
          and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides any
          name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      create:
        description:
        - 'File stores: whether a setting whose name the file does not hold may be added.'
        - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
          C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the file
          does not hold is an error naming the names it does hold, since the application would not read a new one.
        - V(true) always adds missing names; V(false) never does.
        - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s names
          it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds the row.'
        type: bool
      file_mode:
        aliases:
        - mode
        description:
        - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
          usual O(store.mode), an alias).'
        - 'By default the collection never widens a file''s permissions: a file that holds a key only loses access
          for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their mode. A
          mode that lets other users read a file holding a key is refused.'
        - Temporary files are created V('0600') and get this mode once their content is written.
        type: raw
      flat:
        description:
        - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
          or as nested keys (V(false)).'
        - 'Existing names are found either way. By default a new name follows its neighbours: flat when the mapping
          already holds a key that starts with the same first part and a dot, nested otherwise.'
        type: bool
      group:
        description:
        - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
        type: str
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
          C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database stores,
          kept by file stores only where mapped here.'
        - Map a setting to V(null) when the software does not keep it.
        type: dict
      lock_timeout:
        description:
        - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s sibling
          C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
        - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
          named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
          holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
          nothing.'
        - Check mode and read-only modules take no lock.
        type: int
      login_db:
        description:
        - 'Database stores: the shop''s database (schema) name. Required for database stores.'
        type: str
      login_host:
        description:
        - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
        - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
        - Shops whose server, port or socket, user and database are the same share one connection and one transaction
          per module call.
        type: str
      login_password:
        description:
        - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
        - Shops that share a connection must give the same password.
        - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      login_port:
        description:
        - 'Database stores: the server''s TCP port. Defaults to V(3306).'
        type: int
      login_unix_socket:
        description:
        - 'Database stores: the server''s unix socket, used instead of host and port.'
        type: path
      login_user:
        description:
        - 'Database stores: the user to log in as. Required for database stores.'
        type: str
      magento_root:
        description:
        - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
          a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported, not
          run.'
        - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
          and a warning names the command to run.'
        - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required to
          read or write them when they are set.'
        type: path
      max_size_mb:
        description:
        - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with a clear
          message before it is parsed.'
        type: float
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
        type: str
      overrides:
        description:
        - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
          or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own, different
          value for the same setting, and so would keep serving it.'
        - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
          V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
          The shop's result lists what was done in C(overrides).
        type: str
      owner:
        description:
        - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
          when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
        type: str
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
      scope:
        description:
        - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store) are
          accepted). Defaults to V(default).'
        - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
          table), else the default row. Writing sets the row of this scope.'
        type: str
      scope_id:
        description:
        - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
          (the default) for O(store.scope=default).'
        type: int
      shop_group_id:
        description:
        - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
          is not given (group row, else global row).'
        type: int
      shop_id:
        description:
        - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
        - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else the
          global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read from
          C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep their values.'
        - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
        type: int
      table_prefix:
        description:
        - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
          V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
        - Letters, digits and underscores only.
        type: str
      type:
        description:
        - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are edited
          in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
        - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides them.
        - Required, here or in each item of O(shops).
        type: str
    type: dict
'''

    REST_KEYS = r'''
options:
  backup:
    default: false
    description:
    - Keep a copy of each file before changing it, next to it, with the same restrictive mode as the new file. Database
      stores ignore it.
    type: bool
  force:
    default: false
    description:
    - Go ahead although a key looks wrong (a TEST key in a PRODUCTION slot, another site's public key, equal to
      the other mode's). Meant for recovery work.
    type: bool
  mode:
    description:
    - 'Which REST keys: the V(TEST) ones or the V(PRODUCTION) ones. Required.'
    type: str
  name:
    description:
    - The shop's name, used in results and messages. Defaults to the store's type and location.
    type: str
  secrets:
    description:
    - 'The secret options of the shops (keys, REST passwords) in one value: what the filter P(vads.shop.secrets#filter)
      makes from the inventory''s shops, or JSON text mapping each shop''s name to its secret options. Each shop
      gets its entry by its name (O(shops[].name)). A dict option (the three REST API keys) takes a dict of strings
      there.'
    - 'Use it for large fleets: Ansible masks every no_log value in everything a module returns, one string replacement
      per value and string, so one key per item of O(shops) costs time in the square of the number of shops. Here
      the keys are one value for Ansible and the module masks each of them itself, in linear time. Never returned
      or logged.'
    - An option given both in a shop and here, or an entry naming no shop of the call, is an error; nothing is changed.
    type: str
  shops:
    description:
    - Several shops handled in this one module call, with one read-modify-write per file or database.
    - Each item takes the module's options; the top-level values act as defaults.
    - 'Every shop is validated first: if any is invalid, the module fails naming each bad shop and why, and changes
      nothing.'
    elements: dict
    suboptions:
      backup:
        description:
        - Keep a copy of each file before changing it, next to it, with the same restrictive mode as the new file.
          Database stores ignore it.
        - Defaults to the top-level value.
        type: bool
      force:
        description:
        - Go ahead although a key looks wrong (a TEST key in a PRODUCTION slot, another site's public key, equal
          to the other mode's). Meant for recovery work.
        - Defaults to the top-level value.
        type: bool
      mode:
        description:
        - 'Which REST keys: the V(TEST) ones or the V(PRODUCTION) ones. Required.'
        - Defaults to the top-level value.
        type: str
      name:
        description:
        - The shop's name, used in results and messages. Defaults to the store's type and location.
        - Defaults to the top-level value.
        type: str
      state:
        description:
        - V(present) installs the keys; V(absent) removes them from the store.
        - Defaults to the top-level value.
        type: str
      store:
        description:
        - Where the merchant server keeps this shop's gateway settings.
        - In an item of O(shops), the keys given here are merged over the top-level O(store).
        - Defaults to the top-level value.
        suboptions:
          brand:
            description:
            - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
            - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower
              case (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option
              name (C(woocommerce_payzen_settings), ...).
            - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
              1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
              C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and
              TEST twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(prod_private_key), C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
              for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
              and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides
              any name.'
            type: str
          connect_timeout:
            description:
            - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
            type: int
          create:
            description:
            - 'File stores: whether a setting whose name the file does not hold may be added.'
            - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
              C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the
              file does not hold is an error naming the names it does hold, since the application would not read
              a new one.
            - V(true) always adds missing names; V(false) never does.
            - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s
              names it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds
              the row.'
            type: bool
          file_mode:
            aliases:
            - mode
            description:
            - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
              usual O(store.mode), an alias).'
            - 'By default the collection never widens a file''s permissions: a file that holds a key only loses
              access for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their
              mode. A mode that lets other users read a file holding a key is refused.'
            - Temporary files are created V('0600') and get this mode once their content is written.
            type: raw
          flat:
            description:
            - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
              or as nested keys (V(false)).'
            - 'Existing names are found either way. By default a new name follows its neighbours: flat when the
              mapping already holds a key that starts with the same first part and a dot, nested otherwise.'
            type: bool
          group:
            description:
            - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
            type: str
          keys:
            description:
            - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(url_check), for software that does not use the defaults.
            - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
              C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
              with section C(vads): C(vads.site_id), ....'
            - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key)
              instead of C(key_test) and C(key_prod); mode and key then change together in one write.
            - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
              C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database
              stores, kept by file stores only where mapped here.'
            - Map a setting to V(null) when the software does not keep it.
            type: dict
          lock_timeout:
            description:
            - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s
              sibling C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
            - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
              named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
              holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
              nothing.'
            - Check mode and read-only modules take no lock.
            type: int
          login_db:
            description:
            - 'Database stores: the shop''s database (schema) name. Required for database stores.'
            type: str
          login_host:
            description:
            - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
            - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
            - Shops whose server, port or socket, user and database are the same share one connection and one transaction
              per module call.
            type: str
          login_password:
            description:
            - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
            - Shops that share a connection must give the same password.
            - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD)
              of the process that runs the module (for example set by a play's C(environment:)) is used; an item
              of O(shops) inherits the top-level value.
            type: str
          login_port:
            description:
            - 'Database stores: the server''s TCP port. Defaults to V(3306).'
            type: int
          login_unix_socket:
            description:
            - 'Database stores: the server''s unix socket, used instead of host and port.'
            type: path
          login_user:
            description:
            - 'Database stores: the user to log in as. Required for database stores.'
            type: str
          magento_root:
            description:
            - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
              a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported,
              not run.'
            - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
              and a warning names the command to run.'
            - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required
              to read or write them when they are set.'
            type: path
          max_size_mb:
            description:
            - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with
              a clear message before it is parsed.'
            type: float
          option_name:
            description:
            - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array.
              Defaults to C(woocommerce_<brand>_settings).'
            - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
              creates it when its settings are first saved).
            type: str
          overrides:
            description:
            - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
              or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own,
              different value for the same setting, and so would keep serving it.'
            - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
              V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
              The shop's result lists what was done in C(overrides).
            type: str
          owner:
            description:
            - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
              when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
            type: str
          path:
            description:
            - The configuration file, for file stores. It must exist.
            type: path
          scope:
            description:
            - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store)
              are accepted). Defaults to V(default).'
            - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
              table), else the default row. Writing sets the row of this scope.'
            type: str
          scope_id:
            description:
            - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
              (the default) for O(store.scope=default).'
            type: int
          shop_group_id:
            description:
            - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
              is not given (group row, else global row).'
            type: int
          shop_id:
            description:
            - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
            - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else
              the global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read
              from C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep
              their values.'
            - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
            type: int
          table_prefix:
            description:
            - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
              V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
            - Letters, digits and underscores only.
            type: str
          type:
            description:
            - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are
              edited in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
            - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides
              them.
            - Required, here or in each item of O(shops).
            type: str
        type: dict
      value:
        description:
        - The three keys of the Back Office's REST API keys tab, C(private_key) (the REST password, C(prodpassword_...)
          or C(testpassword_...)), C(public_key) (C(<site id>:publickey_...)) and C(hmac_key) (the HMAC-SHA-256
          key). All three are required with O(state=present).
        - 'Never returned, never shown in diffs: fingerprints stand for them.'
        - Defaults to the top-level value.
        suboptions:
          hmac_key:
            description:
            - The HMAC-SHA-256 key.
            type: str
          private_key:
            description:
            - The private key (REST password).
            type: str
          public_key:
            description:
            - The public key.
            type: str
        type: dict
    type: list
  state:
    default: present
    description:
    - V(present) installs the keys; V(absent) removes them from the store.
    type: str
  store:
    description:
    - Where the merchant server keeps this shop's gateway settings.
    - In an item of O(shops), the keys given here are merged over the top-level O(store).
    suboptions:
      brand:
        description:
        - 'Database stores: the brand of the platform''s plugin, which names its settings. Defaults to V(payzen).'
        - V(prestashop) uses it in upper case (C(PAYZEN_MODE), C(SYSTEMPAY_MODE), ...), V(magento2) in lower case
          (C(payzen/general/ctx_mode), C(systempay/general/ctx_mode), ...), V(woocommerce) in the option name (C(woocommerce_payzen_settings),
          ...).
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE) (C(<BRAND>_CTX_MODE), the PrestaShop
          1.4 module''s name, when the database holds only that one), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO), C(<BRAND>_PRIVKEY_PROD), C(<BRAND>_PUBKEY_PROD), C(<BRAND>_RETKEY_PROD) and TEST
          twins; V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo), C(prod_private_key),
          C(prod_public_key), C(prod_return_key) and C(test_...) twins; V(magento2) C(<brand>/general/<setting>)
          for the same settings, REST keys C(rest_private_key_prod), C(rest_public_key_prod), C(rest_return_key_prod)
          and TEST twins. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides any
          name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      create:
        description:
        - 'File stores: whether a setting whose name the file does not hold may be added.'
        - By default (V(null)) a missing name is added only when it is the collection's default name (C(VADS_KEY_PROD),
          C(vads.key_prod), ...) or when the file holds no setting yet; a name given in O(store.keys) that the file
          does not hold is an error naming the names it does hold, since the application would not read a new one.
        - V(true) always adds missing names; V(false) never does.
        - 'Database stores: by default writing a name the database does not hold fails, naming the plugin''s names
          it does hold (a wrong O(store.keys), O(store.brand), or a plugin never saved); V(true) adds the row.'
        type: bool
      file_mode:
        aliases:
        - mode
        description:
        - 'File stores: permissions of the configuration file, as an octal string such as V(''0640'') (Ansible''s
          usual O(store.mode), an alias).'
        - 'By default the collection never widens a file''s permissions: a file that holds a key only loses access
          for "other" users (V(''0644'') becomes V(''0640''), V(''0640'') stays), other files keep their mode. A
          mode that lets other users read a file holding a key is refused.'
        - Temporary files are created V('0600') and get this mode once their content is written.
        type: raw
      flat:
        description:
        - 'YAML and JSON stores: write a new dotted name such as C(payzen.key_prod) as one key with dots (V(true))
          or as nested keys (V(false)).'
        - 'Existing names are found either way. By default a new name follows its neighbours: flat when the mapping
          already holds a key that starts with the same first part and a dot, nested otherwise.'
        type: bool
      group:
        description:
        - 'File stores: the group of the file (name or gid). By default the file keeps its group.'
        type: str
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - 'The REST API keys of the embedded form are C(rest_private_key_test), C(rest_private_key_prod), C(rest_public_key_test),
          C(rest_public_key_prod), C(rest_hmac_key_test), C(rest_hmac_key_prod): mapped by default on database stores,
          kept by file stores only where mapped here.'
        - Map a setting to V(null) when the software does not keep it.
        type: dict
      lock_timeout:
        description:
        - 'File stores: seconds to wait for another run that is changing the same file (runs lock the file''s sibling
          C(.<name>.vads-lock)). Defaults to V(60); then the module fails and changes nothing.'
        - 'Database stores: seconds to wait for another run that is changing the same table (runs take the server''s
          named lock C(vads.shop:<database>.<table>) with C(GET_LOCK)), and for rows that any other transaction
          holds (the session''s C(innodb_lock_wait_timeout)). Defaults to V(60); then the module fails and changes
          nothing.'
        - Check mode and read-only modules take no lock.
        type: int
      login_db:
        description:
        - 'Database stores: the shop''s database (schema) name. Required for database stores.'
        type: str
      login_host:
        description:
        - 'Database stores (V(prestashop), V(woocommerce), V(magento2)): the MySQL or MariaDB server''s host.'
        - Defaults to V(localhost) (over TCP, as PyMySQL does); ignored when O(store.login_unix_socket) is set.
        - Shops whose server, port or socket, user and database are the same share one connection and one transaction
          per module call.
        type: str
      login_password:
        description:
        - 'Database stores: the user''s password. Never logged, returned or shown in an error message.'
        - Shops that share a connection must give the same password.
        - When the top-level O(store) does not give it, the environment variable E(VADS_STORE_LOGIN_PASSWORD) of
          the process that runs the module (for example set by a play's C(environment:)) is used; an item of O(shops)
          inherits the top-level value.
        type: str
      login_port:
        description:
        - 'Database stores: the server''s TCP port. Defaults to V(3306).'
        type: int
      login_unix_socket:
        description:
        - 'Database stores: the server''s unix socket, used instead of host and port.'
        type: path
      login_user:
        description:
        - 'Database stores: the user to log in as. Required for database stores.'
        type: str
      magento_root:
        description:
        - 'V(magento2): the shop''s root folder. When given, C(bin/magento cache:clean config) runs there after
          a change is committed, and the shop''s result says C(cache_cleaned). In check mode it is reported, not
          run.'
        - 'Without it a change waits in Magento''s config cache: the shop''s result says C(cache_flush_required)
          and a warning names the command to run.'
        - 'Its C(app/etc/env.php) holds the crypt key that encrypts the REST private and HMAC keys: required to
          read or write them when they are set.'
        type: path
      max_size_mb:
        description:
        - 'File stores: the largest file accepted, in megabytes. Defaults to V(10). A larger file fails with a clear
          message before it is parsed.'
        type: float
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
        type: str
      overrides:
        description:
        - 'V(prestashop) and V(magento2): what to do when a write at a wider scope (global or shop group; default
          or website) meets narrower scopes (shops, shop groups; websites, store views) that hold their own, different
          value for the same setting, and so would keep serving it.'
        - V(refuse) (the default) fails listing them (scopes and setting names, never values) and changes nothing;
          V(write) sets them to the new value too; V(remove) deletes their rows so that the wider value applies.
          The shop's result lists what was done in C(overrides).
        type: str
      owner:
        description:
        - 'File stores: the user that owns the file (name or uid). By default the file keeps its owner and group
          when it is replaced; a run that cannot keep them (not root, not the owner) fails and changes nothing.'
        type: str
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
      scope:
        description:
        - 'V(magento2): the configuration scope, V(default), V(websites) or V(stores) (V(website) and V(store) are
          accepted). Defaults to V(default).'
        - 'Reading falls back as Magento does: a store view''s row, else its website''s row (read from the C(store)
          table), else the default row. Writing sets the row of this scope.'
        type: str
      scope_id:
        description:
        - 'V(magento2): the website or store view id for O(store.scope=websites) or O(store.scope=stores). V(0)
          (the default) for O(store.scope=default).'
        type: int
      shop_group_id:
        description:
        - 'V(prestashop) multistore: the shop group (C(id_shop_group)) whose row to read and write, when O(store.shop_id)
          is not given (group row, else global row).'
        type: int
      shop_id:
        description:
        - 'V(prestashop) multistore: the shop (C(id_shop)) whose settings to read and write.'
        - 'Reading returns the value in effect for that shop: its own row, else its shop group''s row, else the
          global row. Writing sets the shop''s own row, created when missing (with the shop''s group, read from
          C(<prefix>shop), and C(date_add)/C(date_upd) as PrestaShop sets them), so the other shops keep their values.'
        - Leave O(store.shop_id) and O(store.shop_group_id) out for the global scope.
        type: int
      table_prefix:
        description:
        - 'Database stores: the tables'' prefix. Defaults to V(ps_) for V(prestashop) (table C(ps_configuration)),
          V(wp_) for V(woocommerce) (table C(wp_options)), and no prefix for V(magento2) (table C(core_config_data)).'
        - Letters, digits and underscores only.
        type: str
      type:
        description:
        - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are edited
          in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
        - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides them.
        - Required, here or in each item of O(shops).
        type: str
    type: dict
  value:
    description:
    - The three keys of the Back Office's REST API keys tab, C(private_key) (the REST password, C(prodpassword_...)
      or C(testpassword_...)), C(public_key) (C(<site id>:publickey_...)) and C(hmac_key) (the HMAC-SHA-256 key).
      All three are required with O(state=present).
    - 'Never returned, never shown in diffs: fingerprints stand for them.'
    suboptions:
      hmac_key:
        description:
        - The HMAC-SHA-256 key.
        type: str
      private_key:
        description:
        - The private key (REST password).
        type: str
      public_key:
        description:
        - The public key.
        type: str
    type: dict
'''

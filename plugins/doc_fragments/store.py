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
                "Map a setting to V(null) when the software does not keep it.",
            ],
            "type": "dict",
        },
        "file_mode": {
            "description": [
                "Permissions of the configuration file, as an octal string such as V('0640').",
                "By default a file that holds a key is made V('0600'), whatever its mode was; other files keep "
                "their mode.",
            ],
            "type": "raw",
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
                "Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE), C(<BRAND>_KEY_TEST), "
                "C(<BRAND>_KEY_PROD), C(<BRAND>_SIGN_ALGO); V(woocommerce) array keys C(site_id), C(ctx_mode), "
                "C(key_test), C(key_prod), C(sign_algo); V(magento2) C(<brand>/general/<setting>) for the same "
                "settings. C(url_check) is not kept by these plugins (they compute it); O(store.keys) overrides any "
                "name.",
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
            ],
            "type": "path",
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
    "shop_info": {},
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
    return json.dumps({"options": options}, indent=1, sort_keys=True)


# Which fragment each module extends: (its own options in _OWN, whether it writes).
_FRAGMENTS = {
    "CTX_MODE": ("ctx_mode", True),
    "CERTIFICATE": ("certificate", True),
    "SHOP_INFO": ("shop_info", False),
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
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO); V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo);
          V(magento2) C(<brand>/general/<setting>) for the same settings. C(url_check) is not kept by these plugins
          (they compute it); O(store.keys) overrides any name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      file_mode:
        description:
        - Permissions of the configuration file, as an octal string such as V('0640').
        - By default a file that holds a key is made V('0600'), whatever its mode was; other files keep their mode.
        type: raw
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - Map a setting to V(null) when the software does not keep it.
        type: dict
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
        type: path
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
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
            - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
              C(<BRAND>_SIGN_ALGO); V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod),
              C(sign_algo); V(magento2) C(<brand>/general/<setting>) for the same settings. C(url_check) is not
              kept by these plugins (they compute it); O(store.keys) overrides any name.'
            type: str
          connect_timeout:
            description:
            - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
            type: int
          file_mode:
            description:
            - Permissions of the configuration file, as an octal string such as V('0640').
            - By default a file that holds a key is made V('0600'), whatever its mode was; other files keep their
              mode.
            type: raw
          keys:
            description:
            - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(url_check), for software that does not use the defaults.
            - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
              C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
              with section C(vads): C(vads.site_id), ....'
            - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key)
              instead of C(key_test) and C(key_prod); mode and key then change together in one write.
            - Map a setting to V(null) when the software does not keep it.
            type: dict
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
            type: path
          option_name:
            description:
            - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array.
              Defaults to C(woocommerce_<brand>_settings).'
            - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
              creates it when its settings are first saved).
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
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO); V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo);
          V(magento2) C(<brand>/general/<setting>) for the same settings. C(url_check) is not kept by these plugins
          (they compute it); O(store.keys) overrides any name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      file_mode:
        description:
        - Permissions of the configuration file, as an octal string such as V('0640').
        - By default a file that holds a key is made V('0600'), whatever its mode was; other files keep their mode.
        type: raw
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - Map a setting to V(null) when the software does not keep it.
        type: dict
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
        type: path
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
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
            - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
              C(<BRAND>_SIGN_ALGO); V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod),
              C(sign_algo); V(magento2) C(<brand>/general/<setting>) for the same settings. C(url_check) is not
              kept by these plugins (they compute it); O(store.keys) overrides any name.'
            type: str
          connect_timeout:
            description:
            - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
            type: int
          file_mode:
            description:
            - Permissions of the configuration file, as an octal string such as V('0640').
            - By default a file that holds a key is made V('0600'), whatever its mode was; other files keep their
              mode.
            type: raw
          keys:
            description:
            - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(url_check), for software that does not use the defaults.
            - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
              C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
              with section C(vads): C(vads.site_id), ....'
            - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key)
              instead of C(key_test) and C(key_prod); mode and key then change together in one write.
            - Map a setting to V(null) when the software does not keep it.
            type: dict
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
            type: path
          option_name:
            description:
            - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array.
              Defaults to C(woocommerce_<brand>_settings).'
            - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
              creates it when its settings are first saved).
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
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO); V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo);
          V(magento2) C(<brand>/general/<setting>) for the same settings. C(url_check) is not kept by these plugins
          (they compute it); O(store.keys) overrides any name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      file_mode:
        description:
        - Permissions of the configuration file, as an octal string such as V('0640').
        - By default a file that holds a key is made V('0600'), whatever its mode was; other files keep their mode.
        type: raw
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - Map a setting to V(null) when the software does not keep it.
        type: dict
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
        type: path
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
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
            - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
              C(<BRAND>_SIGN_ALGO); V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod),
              C(sign_algo); V(magento2) C(<brand>/general/<setting>) for the same settings. C(url_check) is not
              kept by these plugins (they compute it); O(store.keys) overrides any name.'
            type: str
          connect_timeout:
            description:
            - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
            type: int
          file_mode:
            description:
            - Permissions of the configuration file, as an octal string such as V('0640').
            - By default a file that holds a key is made V('0600'), whatever its mode was; other files keep their
              mode.
            type: raw
          keys:
            description:
            - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
              C(url_check), for software that does not use the defaults.
            - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
              C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
              with section C(vads): C(vads.site_id), ....'
            - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key)
              instead of C(key_test) and C(key_prod); mode and key then change together in one write.
            - Map a setting to V(null) when the software does not keep it.
            type: dict
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
            type: path
          option_name:
            description:
            - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array.
              Defaults to C(woocommerce_<brand>_settings).'
            - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
              creates it when its settings are first saved).
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
        - 'Default names: V(prestashop) C(<BRAND>_SITE_ID), C(<BRAND>_MODE), C(<BRAND>_KEY_TEST), C(<BRAND>_KEY_PROD),
          C(<BRAND>_SIGN_ALGO); V(woocommerce) array keys C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo);
          V(magento2) C(<brand>/general/<setting>) for the same settings. C(url_check) is not kept by these plugins
          (they compute it); O(store.keys) overrides any name.'
        type: str
      connect_timeout:
        description:
        - 'Database stores: seconds to wait for the server to answer. Defaults to V(10).'
        type: int
      file_mode:
        description:
        - Permissions of the configuration file, as an octal string such as V('0640').
        - By default a file that holds a key is made V('0600'), whatever its mode was; other files keep their mode.
        type: raw
      keys:
        description:
        - Native names of the canonical settings C(site_id), C(ctx_mode), C(key_test), C(key_prod), C(sign_algo),
          C(url_check), for software that does not use the defaults.
        - 'Defaults: dotenv C(VADS_SITE_ID), C(VADS_CTX_MODE), C(VADS_KEY_TEST), C(VADS_KEY_PROD), C(VADS_SIGN_ALGO),
          C(VADS_URL_CHECK); yaml and json dotted paths C(vads.site_id), C(vads.ctx_mode), ...; ini C(section.option)
          with section C(vads): C(vads.site_id), ....'
        - Software that keeps one key for the current mode (django-payzen's C(VADS_CERTIFICATE)) maps C(key) instead
          of C(key_test) and C(key_prod); mode and key then change together in one write.
        - Map a setting to V(null) when the software does not keep it.
        type: dict
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
        type: path
      option_name:
        description:
        - 'V(woocommerce): the C(wp_options) row that holds the plugin''s settings, a PHP-serialized array. Defaults
          to C(woocommerce_<brand>_settings).'
        - Only the mapped entries change; every other entry stays byte for byte. The row must exist (the plugin
          creates it when its settings are first saved).
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

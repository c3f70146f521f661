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
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
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
          path:
            description:
            - The configuration file, for file stores. It must exist.
            type: path
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
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
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
          path:
            description:
            - The configuration file, for file stores. It must exist.
            type: path
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
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
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
          path:
            description:
            - The configuration file, for file stores. It must exist.
            type: path
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
      path:
        description:
        - The configuration file, for file stores. It must exist.
        type: path
      type:
        description:
        - How the settings are kept. V(dotenv) (C(NAME=value) files), V(yaml), V(json) and V(ini) files are edited
          in place, keeping comments, order, blank lines, quoting and C(export) prefixes.
        - V(prestashop), V(woocommerce) and V(magento2) are the shop databases, where the collection provides them.
        - Required, here or in each item of O(shops).
        type: str
    type: dict
'''

# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The vads.shop.secrets filter: every shop's secrets of one module call in one opaque value."""

from __future__ import annotations

from collections.abc import Mapping

from ansible.errors import AnsibleFilterError
from ansible.module_utils.common.collections import is_string

from ansible_collections.vads.shop.plugins.module_utils.secrets import encode


def _text(value):
    # An unquoted YAML key of digits (the placeholder 1111111111111111) is an int: it is taken as its text,
    # as a module's str option takes it, so that the module can name it.
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    if not is_string(value):
        raise TypeError(type(value).__name__)
    return str(value)


def secrets(shops, mapping):
    """{shop name: {option: shop[inventory key]}} for the shops that have the key, encoded."""
    if not isinstance(mapping, dict) or not mapping:
        raise AnsibleFilterError("vads.shop.secrets needs a mapping of module option to inventory key, "
                                 "for example {'value': 'key_prod'}")
    bundle = {}
    for index, shop in enumerate(shops or []):
        if not isinstance(shop, dict) or not is_string(shop.get("name")) or not shop.get("name"):
            raise AnsibleFilterError("vads.shop.secrets: shop #%d has no name (secrets go to shops by name)"
                                     % (index + 1))
        options = {}
        for option, key in mapping.items():
            value = shop.get(key)
            if value is None:
                continue
            if isinstance(value, Mapping):  # a dict of keys, such as the REST API keys
                try:
                    options[option] = dict((str(k), _text(v)) for k, v in value.items() if v is not None)
                except TypeError:
                    raise AnsibleFilterError("vads.shop.secrets: each key of %s of shop %r must be a string"
                                             % (key, shop["name"]))
                continue
            try:
                options[option] = _text(value)
            except TypeError:
                raise AnsibleFilterError("vads.shop.secrets: %s of shop %r must be a string (or a dict of strings)"
                                         % (key, shop["name"]))
        if options:
            if shop["name"] in bundle:
                raise AnsibleFilterError("vads.shop.secrets: two shops are named %r" % shop["name"])
            bundle[str(shop["name"])] = options
    return encode(bundle)


class FilterModule(object):
    def filters(self):
        return {"secrets": secrets}

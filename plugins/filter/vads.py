# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The vads.shop.signature and vads.shop.fingerprint filters."""

from __future__ import annotations

from ansible.errors import AnsibleFilterError
from ansible.module_utils.common.collections import is_string

# module_utils are imported where used: ansible-core loads this file in every task that uses any filter of
# the collection (see fleet.py).


def signature(fields, key, algo="HMAC-SHA-256"):
    if not isinstance(fields, dict):
        raise AnsibleFilterError("vads.shop.signature expects a dict of form fields, got %s" % type(fields).__name__)
    if not is_string(key) or not key:
        raise AnsibleFilterError("vads.shop.signature needs the key as a non-empty string")
    from ansible_collections.vads.shop.plugins.module_utils.signature import SignatureError, sign
    try:
        return sign(fields, key, algo)
    except SignatureError as exc:
        raise AnsibleFilterError("vads.shop.signature: %s" % exc)


def fingerprint(key):
    if key is None:
        return None
    if not is_string(key):
        raise AnsibleFilterError("vads.shop.fingerprint expects a string key")
    from ansible_collections.vads.shop.plugins.module_utils.rules import fingerprint as _fingerprint
    return _fingerprint(key.strip())


class FilterModule(object):
    def filters(self):
        return {"signature": signature, "fingerprint": fingerprint}

# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The signature algorithm a shop really signs with, per store type: the one rule every module uses.

The official plugins (PrestaShop ``payzen``, the WooCommerce plugin, Magento 2 ``Lyranetwork_Payzen``)
hand the stored value to their SDK, which starts from SHA-1 and switches to HMAC-SHA-256 only when the
value is exactly ``SHA-256``. So an empty value, a missing PrestaShop row (``Configuration::get`` gives
false), a WooCommerce array without ``sign_algo`` (``get_general_option`` gives ''), or any other
spelling (``HMAC-SHA-256``, ``sha-256``, ``SHA256``) signs SHA-1. Magento reads through ``ScopeConfig``:
with no row at any scope it serves its ``etc/config.xml`` default, ``SHA-256``.

File stores keep their documented meaning: the usual spellings are accepted, unset means HMAC-SHA-256,
an unknown spelling is an error.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

from ansible_collections.vads.shop.plugins.module_utils.rules import DEFAULT_ALGO, normalize_algo

HMAC_SHA_256 = "HMAC-SHA-256"
SHA_1 = "SHA-1"

# What each plugin reads when nothing is stored (None: the SDK's own start value, SHA-1).
PLUGIN_UNSET = {"prestashop": None, "woocommerce": None, "magento2": "SHA-256"}
# How each plugin spells the two algorithms in its settings.
PLUGIN_SPELLING = {HMAC_SHA_256: "SHA-256", SHA_1: "SHA-1"}

SOURCE_STORED = "stored"
SOURCE_PLUGIN_DEFAULT = "plugin default"
SOURCE_DEFAULT = "default"


def follows_plugin(store_type):
    """Whether the store is read by an official plugin (its SDK's rule applies)."""
    return store_type in PLUGIN_UNSET


def effective_algo(store_type, stored):
    """(algorithm, source) the shop signs with: algorithm HMAC-SHA-256, SHA-1, or None when unknown.

    ``stored`` is the value as kept: None when the setting is missing (no row, no entry), '' when empty.
    """
    if follows_plugin(store_type):
        if stored is None:
            value, source = PLUGIN_UNSET[store_type], SOURCE_PLUGIN_DEFAULT
        else:
            value, source = stored, SOURCE_STORED
        return (HMAC_SHA_256 if value == "SHA-256" else SHA_1), source
    if stored is None or str(stored).strip() == "":
        return DEFAULT_ALGO, SOURCE_DEFAULT
    return normalize_algo(stored), SOURCE_STORED


def algo_note(store_type, stored):
    """A sentence when a plugin's stored value is not one it knows (it then signs SHA-1), else None."""
    if follows_plugin(store_type) and stored is not None and stored not in PLUGIN_SPELLING.values():
        return ("the stored signature algorithm %r is not exactly SHA-256 or SHA-1: the plugin signs SHA-1"
                % (stored,))
    return None


def stored_spelling(store_type, algo):
    """How to write an algorithm (HMAC-SHA-256 or SHA-1, any accepted spelling) into this store."""
    normalized = normalize_algo(algo)
    if normalized is None:
        return None
    return PLUGIN_SPELLING[normalized] if follows_plugin(store_type) else normalized

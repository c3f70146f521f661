# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""Each module_utils file of a module call compiled once, not twice.

A module runs from its AnsiballZ zip, through Python's zipimport. zipimport compiles a module's
source once to answer ``get_filename`` (asked by ``find_spec``) and throws the code away, then
compiles it again to run it (CPython 3.8 to 3.13). For this collection's module_utils that second
compile was a third of a module call's own start-up (about 35 ms a call; README, Performance). Every
module imports this file before any other file of the collection: the code compiled for
``get_filename`` is kept until the import that asked for it takes it.

Where zipimport is not the pure-Python one this knows (Python 3.7 and older), nothing is changed.

Private to this collection: the API may change without notice.
"""

from __future__ import absolute_import, division, print_function

__metaclass__ = type

import zipimport

_FOUND = {}


def _get_module_code_once(importer, fullname):
    key = (importer.archive, importer.prefix, fullname)
    found = _FOUND.pop(key, None)
    if found is None:
        found = _ORIGINAL(importer, fullname)
        # Kept for the next call, which is the import itself (the first was get_filename).
        _FOUND[key] = found
    return found


_ORIGINAL = getattr(zipimport, "_get_module_code", None)
if callable(_ORIGINAL) and not getattr(_ORIGINAL, "vads_compile_once", False):
    _get_module_code_once.vads_compile_once = True
    zipimport._get_module_code = _get_module_code_once  # pylint: disable=protected-access
else:
    _ORIGINAL = None

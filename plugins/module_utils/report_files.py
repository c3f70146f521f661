# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""A report's files in one folder, each replaced atomically (vads.shop.report_files).

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import os

from ansible_collections.vads.shop.plugins.module_utils.store import atomic_write

ARGUMENT_SPEC = {
    "path": {"type": "path", "required": True},
    "files": {"type": "dict", "required": True},
    "mode": {"type": "raw", "default": "0644"},
}


class ReportError(Exception):
    pass


def _mode(value):
    try:
        mode = int(value, 8) if isinstance(value, str) else int(value)
    except (TypeError, ValueError):
        raise ReportError("mode %r is not an octal file mode such as '0644'" % (value,))
    if mode < 0 or mode > 0o777:
        raise ReportError("mode %r is not a file mode (0000 to 0777)" % (value,))
    return mode


def run(params):
    """Checks every name and content first, then writes: a bad item writes nothing."""
    folder, files = params["path"], params["files"] or {}
    mode = _mode(params["mode"])
    texts = []
    for name in sorted(files):
        if not name or name in (".", "..") or "/" in name or "\x00" in name:
            raise ReportError("%r is not a file name (files are written in path, not below it)" % (name,))
        content = files[name]
        if not isinstance(content, str):
            raise ReportError("the content of %s must be text, got %s" % (name, type(content).__name__))
        texts.append((os.path.join(folder, name), content))
    try:
        os.makedirs(folder, mode=0o755, exist_ok=True)
        for path, content in texts:
            atomic_write(path, content.encode("utf-8"), mode)
    except OSError as exc:
        raise ReportError("%s: %s" % (getattr(exc, "filename", None) or folder, exc.strerror or exc))
    return {"changed": False, "files": [path for path, dummy in texts]}

#!/usr/bin/env python3
"""Write the doc fragments' generated class from their definitions.

ansible-test's yamllint reads doc fragment attributes as plain string literals, so the fragment
that documents `store` and `shops` for every module is generated: its definitions (at the top of
the fragment file) are the single source; this script rewrites the class at its end.
tests/unit/test_doc_fragments.py fails when the two drift apart.

Usage: tools/docgen.py [--check]
"""

import importlib.util
import sys
from pathlib import Path

import yaml

MARKER = "# GENERATED below by tools/docgen.py"
FRAGMENTS = [Path(__file__).resolve().parents[1] / "plugins" / "doc_fragments" / name
             for name in ("store.py", "backoffice.py")]


def load(path):
    spec = importlib.util.spec_from_file_location("fragment_" + path.stem, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def render(path):
    text = path.read_text()
    head = text[:text.index(MARKER)]
    body = [MARKER + " from the definitions above (sanity wants plain strings). Do not edit.\n",
            "class ModuleDocFragment(object):\n"]
    for attribute, doc in load(path).generated().items():
        as_yaml = yaml.safe_dump(yaml.safe_load(doc), sort_keys=True, width=110, allow_unicode=True)
        body.append("\n    %s = r'''\n%s'''\n" % (attribute, as_yaml))
    return head + "".join(body)


def main():
    check = "--check" in sys.argv
    stale = []
    for path in FRAGMENTS:
        new = render(path)
        if new != path.read_text():
            stale.append(str(path))
            if not check:
                path.write_text(new)
    if check and stale:
        print("stale generated doc fragments (run tools/docgen.py): %s" % ", ".join(stale))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Caches for the test suite's ansible controllers: built AnsiballZ payloads, and compiled collection code.

Loaded like zip_bytecode.py (a .pth line written by tools/link-collection.sh) when VADS_TEST_ZIP_BYTECODE
names a cache folder that only this user can write to. Nothing here is loaded until ansible-core's own
module is: module processes pay one small import. Users' runs never load it.

- Payloads. Every ansible run builds the payload of each module it uses once: ansible-core parses the
  module and every module_utils file it imports to find their imports, then zips them (0.3 to 0.6 CPU-s a
  module, in every run). The suite makes hundreds of runs of the same unchanged modules. ansible-core
  caches payloads in a folder of its own run; this keeps each payload it builds in the suite's folder too,
  with the sha256 of every controller file that went into it, and gives a later run the stored payload only
  if each of those files still holds the same bytes. A changed module or module_util is built anew; the
  payload a module process receives is the one ansible-core would build (its zip entries' dates aside).
  Only on the ansible-core it knows (2.19 and 2.20's keyword-only _find_module_utils); elsewhere nothing.
- Collection code. ansible-core's collection loader compiles a collection's Python (module_utils that
  filters and actions import) from source in every process that imports it, and every task runs in a
  process of its own: about 0.5 CPU-s of compiling per go-live run. Same source and file, same code
  object: the cache only skips compile().
"""

import os
import sys

# Everything else is imported when module_common is: module processes load this file too, and pay only this.
_MODULE_COMMON = "ansible.executor.module_common"
_COLLECTION_FINDER = "ansible.utils.collection_loader._collection_finder"


def _sha(data):
    import hashlib
    return hashlib.sha256(data).hexdigest()


def _read(path):
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _sources(zip_data, module_path):
    """{controller path: sha256} of every file in the payload, or None if one has no source on this controller.

    Only package __init__.py files may differ: ansible-core makes up empty ones for a collection's packages,
    and its own for ansible/ and ansible/module_utils/ (the same for one ansible-core version, part of the key).
    """
    import ansible
    import base64
    import io
    import zipfile
    roots = {"ansible": os.path.dirname(os.path.dirname(os.path.abspath(ansible.__file__)))}
    marker = os.sep + "ansible_collections" + os.sep
    if marker in module_path:
        roots["ansible_collections"] = module_path[:module_path.index(marker)]
    found = {}
    with zipfile.ZipFile(io.BytesIO(base64.b64decode(zip_data))) as payload:
        for name in payload.namelist():
            data = payload.read(name)
            root = roots.get(name.split("/", 1)[0])
            path = os.path.join(root, *name.split("/")) if root else None
            if path is not None and _read(path) == data:
                found[path] = _sha(data)
            elif not (name.endswith("/__init__.py") and (data == b"" or name.startswith("ansible/"))):
                return None
    data = _read(module_path)
    if data is None:
        return None
    found[module_path] = _sha(data)
    return found


def _still_valid(sources):
    for path, digest in sources.items():
        data = _read(path)
        if data is None or _sha(data) != digest:
            return False
    return True


def _patch(module_common, folder):
    import pickle
    import ansible.release
    original = module_common._find_module_utils

    def target_of(kwargs):
        """The file this run's ansible-core looks for its built payload in (its own cache); None if not AnsiballZ."""
        data = kwargs["b_module_data"]
        if not (module_common.REPLACER in data or module_common.NEW_STYLE_PYTHON_MODULE_RE.search(data)):
            return None
        try:
            fqn = module_common._get_ansible_module_fqn(kwargs["module_path"])
        except ValueError:
            return None
        extensions = module_common._builder.ExtensionManager.create(task_vars=kwargs["task_vars"])
        key = "~".join(extensions.extension_names) if extensions.extension_names else "none"
        return os.path.join(module_common.C.DEFAULT_LOCAL_TMP, "ansiballz_cache",
                            "-".join((fqn, kwargs["module_compression"], key)))

    def find_module_utils(**kwargs):
        try:
            target = target_of(kwargs)
        except Exception:  # pylint: disable=broad-except  # an ansible-core this does not know: no cache
            target = None
        shared = built = None
        if target is not None and not os.path.exists(target):
            # The module's path is part of the key: two checkouts (a clone's `make test` and the working copy's)
            # share this folder, and the same module file would otherwise get the other checkout's payload.
            key = _sha(("%s\0%s\0%s\0" % (ansible.release.__version__, os.path.basename(target),
                                             os.path.abspath(kwargs["module_path"]))).encode()
                       + kwargs["b_module_data"])
            shared = os.path.join(folder, key[:40])
            entry = _read(shared)
            try:
                sources, payload = pickle.loads(entry) if entry else (None, None)
            except Exception:  # pylint: disable=broad-except  # a torn or foreign entry: build anew
                sources = payload = None
            if sources and _still_valid(sources):
                os.makedirs(os.path.dirname(target), exist_ok=True)
                _write(target, payload)
            else:
                built = target
        result = original(**kwargs)
        if built is not None and os.path.exists(built):
            payload = _read(built)
            try:
                sources = _sources(pickle.loads(payload).zip_data, os.path.abspath(kwargs["module_path"]))
            except Exception:  # pylint: disable=broad-except
                sources = None
            if sources:
                _write(shared, pickle.dumps((sources, payload)))
        return result

    module_common._find_module_utils = find_module_utils


def _write(path, data):
    part = "%s.%d.part" % (path, os.getpid())
    try:
        with open(part, "wb") as out:
            out.write(data)
        os.replace(part, path)
    except OSError:
        pass


def _patch_collection_finder(finder, folder):
    """The collection loader calls compile() by its global name: a global of that name in its module wins."""
    import marshal
    if "compile" in vars(finder):
        return

    def cached_compile(source, filename, mode, flags=0, dont_inherit=False, **kwargs):
        if mode != "exec" or flags or kwargs:
            return compile(source, filename, mode, flags, dont_inherit, **kwargs)
        data = source.encode("utf-8", "surrogateescape") if isinstance(source, str) else bytes(source)
        path = os.path.join(folder, _sha(("%s\0%s\0" % (sys.version, filename)).encode() + data)[:40])
        try:
            with open(path, "rb") as cached:
                return marshal.load(cached)
        except (OSError, EOFError, ValueError, TypeError):
            pass
        code = compile(source, filename, mode, flags, dont_inherit)
        _write(path, marshal.dumps(code))
        return code

    finder.compile = cached_compile


class _PatchOnImport(object):
    """Patches ansible-core's modules once they are imported: module processes never import them."""

    def __init__(self, patches):
        self.patches = patches

    def find_spec(self, fullname, path, target=None):
        if fullname not in self.patches:
            return None
        patch = self.patches.pop(fullname)
        if not self.patches:
            sys.meta_path.remove(self)
        import importlib.util
        spec = importlib.util.find_spec(fullname)
        if spec is None or spec.loader is None:
            return spec
        exec_module = spec.loader.exec_module

        def patched_exec(module):
            exec_module(module)
            patch(module)

        spec.loader.exec_module = patched_exec
        return spec


def install(folder):
    def made(name):
        path = os.path.join(folder, name)
        try:
            os.makedirs(path, mode=0o700, exist_ok=True)
        except OSError:
            return None
        return path

    def payloads(module):
        if hasattr(module, "_CachedModule") and hasattr(module, "_find_module_utils") and made("ansiballz"):
            _patch(module, made("ansiballz"))

    def collection_code(module):
        if hasattr(module, "_AnsibleCollectionPkgLoaderBase") and made("collection-code"):
            _patch_collection_finder(module, made("collection-code"))

    patches = dict((name, patch) for name, patch in ((_MODULE_COMMON, payloads), (_COLLECTION_FINDER, collection_code))
                   if name not in sys.modules)
    if patches:
        sys.meta_path.insert(0, _PatchOnImport(patches))

# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""One module call for a list of shops: validate all, then one read-modify-write per store location.

Every store module follows the same steps:

1. merge each item of ``shops`` over the top-level options (top-level values are defaults);
2. validate every shop (options, store, current content); if any shop is invalid, fail naming
   each bad shop and why, and change nothing;
3. apply the planned changes, one atomic write (or one transaction) per location;
4. return results per shop, and a diff per shop that shows fingerprints, never keys.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import copy
import time

from ansible.module_utils.basic import AnsibleModule

from ansible_collections.vads.shop.plugins.module_utils import secrets as secrets_option
from ansible_collections.vads.shop.plugins.module_utils.rules import fingerprint, mask_passwords_in, mask_url
from ansible_collections.vads.shop.plugins.module_utils.store import (
    KEY_SETTINGS,
    STORE_OPTIONS,
    ShopStore,
    StoreError,
    fsync_folder,
)


def _compact(value):
    if isinstance(value, dict):
        return dict((k, _compact(v)) for k, v in value.items() if v is not None)
    if isinstance(value, list):
        return [_compact(v) for v in value]
    return value


def _masked(value):
    if isinstance(value, dict):
        return dict((k, _masked(v)) for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return [_masked(v) for v in value]
    return mask_passwords_in(value)


# Options that act even when an item does not give them: a spec that has one is validated whole.
_ACTIVE_WHEN_ABSENT = ("required", "default", "fallback", "apply_defaults")
_ITEM_CONSTRAINTS = ("mutually_exclusive", "required_together", "required_one_of", "required_if", "required_by")


def used_options(options, items):
    """The part of a list's item options that its items use, or None to validate the whole spec.

    ansible-core validates every option of every item, given or not: for 1,000 shops of some thirty
    store options each, 75 ms of CPU against 37 for the options they give. Validating only those
    (with ansible-core's own validator) changes no result: an absent option can only be set to None,
    which FleetModule then does. Anything that could act on an absent option (required, default,
    fallback, constraints), an option no item may have, or an item that is not a mapping: None.
    """
    names = {}
    for name, spec in options.items():
        if any(spec.get(k) for k in _ACTIVE_WHEN_ABSENT + _ITEM_CONSTRAINTS):
            return None
        names[name] = name
        for alias in spec.get("aliases") or ():
            names[alias] = name
    used = set()
    nested = {}
    for item in items:
        if not isinstance(item, dict):
            return None
        for key, value in item.items():
            name = names.get(key)
            if name is None:
                return None  # ansible-core's own message lists every supported option
            used.add(name)
            spec = options[name]
            if spec.get("options") and value is not None:
                if spec.get("type") != "dict" or not isinstance(value, dict):
                    return None
                nested.setdefault(name, []).append(value)
    trimmed = {}
    for name in [n for n in options if n in used]:  # the spec's order: the same error first
        spec = options[name]
        if name in nested:
            sub = used_options(spec["options"], nested[name])
            if sub is None:
                return None
            spec = dict(spec, options=sub)
        trimmed[name] = spec
    return trimmed


def fill_absent(options, items):
    """Set every option an item does not give to None, as validating the whole spec does."""
    for item in items:
        for name, spec in options.items():
            if name not in item:
                item[name] = None
            elif spec.get("options") and isinstance(item[name], dict):
                fill_absent(spec["options"], [item[name]])


class FleetModule(AnsibleModule):
    """An AnsibleModule whose result echoes its arguments without their unset options.

    With a thousand shops, each item of ``shops`` carries every store option, mostly null: the
    default echo (``invocation``) was most of the result the controller had to read. No-log values
    are still masked, by AnsibleModule, after this; so is the password of every URL in the result
    (arguments, messages, diffs), whatever option or store it came from.
    """

    def __init__(self, *args, **kwargs):
        self._scrubber = None
        self._full_spec = None
        super(FleetModule, self).__init__(*args, **kwargs)
        if self._full_spec is not None:
            self.argument_spec = self._full_spec
            fill_absent(self._full_spec["shops"]["options"], self.params.get("shops") or [])
        # The shops' secrets arrive in one no_log value (see module_utils/secrets.py); this module
        # masks each of them itself, in linear time, in everything it returns.
        if self.params.get("secrets"):
            try:
                bundle = secrets_option.decode(self.params["secrets"],
                                               secrets_option.secret_options(self.argument_spec))
                secrets_option.apply(self.params.get("shops") or [{"name": self.params.get("name")}], bundle)
            except secrets_option.SecretsError as exc:
                self.fail_json(msg="nothing was changed: %s" % exc, changed=False)
            self._scrubber = secrets_option.Scrubber(secrets_option.values(bundle))

    def _load_params(self):
        super(FleetModule, self)._load_params()
        # Called before ansible-core validates: it then validates the shops' given options only.
        shops = self.argument_spec.get("shops")
        items = self.params.get("shops")
        if not shops or not shops.get("options") or not isinstance(items, list) or not items:
            return
        trimmed = used_options(shops["options"], items)
        if trimmed is not None:
            self._full_spec = self.argument_spec
            self.argument_spec = dict(self.argument_spec, shops=dict(shops, options=trimmed))

    def _invocation(self):
        """The arguments echoed in the result: all of them from -vvv on, where Ansible shows them.

        Below -vvv Ansible shows none, and a thousand shops echoed back were a third of what the
        controller had to read: the shops are left out (ansible-core 2.21 leaves out the whole echo).
        """
        args = self.params
        if self._verbosity < 3:
            args = dict((k, v) for k, v in args.items() if k != "shops")
        return {"module_args": _compact(args)}

    def exit_json(self, **kwargs):
        kwargs.setdefault("invocation", self._invocation())
        if self._scrubber:
            kwargs = self._scrubber.scrub(kwargs)
        super(FleetModule, self).exit_json(**_masked(kwargs))

    def fail_json(self, msg, **kwargs):
        kwargs.setdefault("invocation", self._invocation())
        if self._scrubber:
            kwargs = self._scrubber.scrub(kwargs)
            msg = self._scrubber.text(msg)
        kwargs = _masked(kwargs)
        super(FleetModule, self).fail_json(mask_passwords_in(msg), **kwargs)

    def warn(self, warning):
        if self._scrubber:
            warning = self._scrubber.text(warning)
        super(FleetModule, self).warn(mask_passwords_in(warning))


def _without_defaults(spec):
    spec = dict(spec)
    spec.pop("default", None)
    spec.pop("required", None)
    # An environment variable stands in for the top-level value only: in an item it would beat the top level.
    spec.pop("fallback", None)
    if "options" in spec:
        spec["options"] = dict((k, _without_defaults(v)) for k, v in spec["options"].items())
    return spec


def shops_option(top, exclude=()):
    """The ``shops`` option: a list whose items take the top-level options, without defaults."""
    options = dict((k, _without_defaults(v)) for k, v in top.items() if k not in exclude)
    return {"type": "list", "elements": "dict", "options": options}


def argument_spec(per_shop, writes=True):
    """Top-level options plus ``shops``, whose items take the same options without defaults."""
    top = {
        "name": {"type": "str"},
        "store": {"type": "dict", "options": copy.deepcopy(STORE_OPTIONS)},
    }
    if writes:
        top["backup"] = {"type": "bool", "default": False}
    top.update(copy.deepcopy(per_shop))
    top["shops"] = shops_option(top)
    if secrets_option.secret_options(per_shop):
        top["secrets"] = dict(secrets_option.SECRETS_OPTION)  # once per call, never per shop
    return top


def merge_shops(params, names, dict_options=("store",)):
    """The shops of this call, each a dict of options; the top-level values are the defaults.

    Dict options (the store, the Back Office) are merged key by key, so that a shop can give only
    its path over a common store type.
    """
    top = dict((name, params.get(name)) for name in names)
    items = params.get("shops")
    bundle = secrets_option.decode(params.get("secrets"))  # checked by FleetModule already
    if not items:
        return secrets_option.apply([top], bundle)
    items = secrets_option.apply(items, bundle)
    shops = []
    for item in items:
        shop = {}
        for name in names:
            value = item.get(name)
            if name in dict_options:
                merged = dict((k, v) for k, v in (top.get(name) or {}).items() if v is not None)
                merged.update(dict((k, v) for k, v in (value or {}).items() if v is not None))
                shop[name] = merged or None
            else:
                shop[name] = value if value is not None else top.get(name)
        shops.append(shop)
    return shops


def duplicate_name_problems(names):
    """For each name, the problem of being a duplicate of an earlier one (or nothing)."""
    seen = set()
    out = []
    for name in names:
        out.append(["the name is used by another shop of this call"] if name in seen else [])
        seen.add(name)
    return out


def fail_naming_shops(module, bad, total, what="shop(s) cannot be handled", **extra):
    """Fail the module naming each bad shop and why: bad is [(name, [problems])]; nothing changed."""
    module.fail_json(
        msg="%d of %d %s, nothing was changed. %s"
            % (len(bad), total, what, " | ".join("shop %r: %s" % (name, "; ".join(p)) for name, p in bad)),
        failures=[{"name": name, "problems": p} for name, p in bad],
        changed=False,
        **extra
    )


class Plan(object):
    """What an operation wants for one shop: changes to settings, result fields, problems.

    ``wants`` is every value the shop asks for, changed or not (None: absent); two shops of one call
    that want different values for one setting of one store are a conflict even when one of them
    already holds. It defaults to the changes.
    """

    def __init__(self, changes=None, result=None, problems=None, wants=None):
        self.changes = changes or {}
        self.result = result or {}
        self.problems = problems or []
        self.wants = dict(self.changes)
        self.wants.update(wants or {})


class Operation(object):
    """A thing a module does to each shop. Subclasses define options, check() and plan()."""

    options = {}
    writes = True

    def check(self, shop):
        """Problems with the shop's own options, before anything is read."""
        return []

    def plan(self, shop, store, current, backend):
        raise NotImplementedError


def _finish(backend):
    return backend.describe_location(), backend.finish(sync_folder=False)


# Staging a file costs about 0.1 ms of Python; on tmpfs (a RAM-backed cache) that is all, on a real disk
# the kernel's write and fsync take ten times as long, with the GIL released. So this many files are staged
# in the calling thread first, and threads take the rest only where those took SLOW seconds or more each.
PROBE = 16
SLOW = 0.0005


def run_while_waiting(func, items, workers, catch, clock=time.monotonic):
    """run_in_shares, in threads only if the first PROBE calls were slow (see SLOW).

    Where a call costs only Python, threads add work (staging 1,000 files on tmpfs took 0.14 CPU-s more
    with four threads, and as long); where it waits on write and fsync, they overlap it (1,000 files on
    the build machine's disk: 1.7 s against 2.3 s). Returns (done, error, threaded).
    """
    if workers <= 1 or len(items) <= 2 * PROBE:
        done, error = run_in_shares(func, items, 1, catch)
        return done, error, False
    start = clock()
    done, error = run_in_shares(func, items[:PROBE], 1, catch)
    if error is not None:
        return done, error, False
    threaded = clock() - start > PROBE * SLOW
    rest, error = run_in_shares(func, items[PROBE:], workers if threaded else 1, catch)
    return done + rest, error, threaded


def run_in_shares(func, items, workers, catch):
    """func over items, each of up to ``workers`` threads running a contiguous share in order.

    Returns ([(item, result)] of the calls that returned, the first exception of type catch or None);
    a share stops at its first such exception. One task per thread, not per item: queueing 1,000
    files cost more CPU than staging them.
    """
    if workers <= 1 or len(items) <= 1:
        done = []
        for item in items:
            try:
                done.append((item, func(item)))
            except catch as exc:
                return done, exc
        return done, None
    # Imported here: with logging, 20 to 25 ms of a module's start, and most calls run in one thread.
    from concurrent.futures import ThreadPoolExecutor  # pylint: disable=import-outside-toplevel

    size = -(-len(items) // workers)
    shares = [items[i:i + size] for i in range(0, len(items), size)]
    with ThreadPoolExecutor(max_workers=len(shares)) as pool:
        outcomes = list(pool.map(lambda share: run_in_shares(func, share, 1, catch), shares))
    errors = [error for _done, error in outcomes if error is not None]
    return [pair for done, _error in outcomes for pair in done], (errors[0] if errors else None)


def _redact(setting, value):
    if value is None:
        return "(not set)"
    if setting in KEY_SETTINGS:
        return fingerprint(value)
    if setting == "url_check":
        return mask_url(value)
    return value


def _wish(setting, value):
    return "absent" if value is None else "set to %s" % _redact(setting, value)


def _view(store, settings, mode):
    lines = []
    for setting in sorted(store.mapping):
        lines.append("%s: %s" % (setting, _redact(setting, settings.get(setting))))
    if mode is not None:
        lines.append("file_mode: %s" % mode)
    return "\n".join(lines) + "\n"


class Batch(object):
    """Runs an operation over the shops of a call.

    read_back: a function (store, settings, backend) -> dict; each shop's result then carries it under
    ``info``, computed from its store read again after the call's writes (as read, in check mode), so
    that a play needs no second module call to report what the stores hold now.
    """

    def __init__(self, module, operation, read_back=None):
        self.module = module
        self.operation = operation
        self.read_back = read_back

    def _names(self):
        names = ["name", "store"] + list(self.operation.options)
        if self.operation.writes:
            names.append("backup")
        return names

    def run(self):
        """Handle the shops of the module's parameters and exit the module."""
        self.module.exit_json(**self.execute(merge_shops(self.module.params, self._names())))

    def execute(self, shops):
        """Handle already merged shops; fails the module on any problem, else returns the result."""
        self._backends = {}
        try:
            return self._execute(shops)
        finally:
            for backend in self._backends.values():  # on every path, failures included
                if hasattr(backend, "release"):
                    backend.release()

    def _execute(self, shops):
        module = self.module
        op = self.operation
        entries = []
        for index, shop in enumerate(shops):
            problems = list(op.check(shop))
            store = None
            try:
                store = ShopStore(shop.get("store"))
            except StoreError as exc:
                problems.append(str(exc))
            label = shop.get("name") or (store.describe() if store else None) or "shop #%d" % (index + 1)
            entries.append({"shop": shop, "store": store, "problems": problems, "name": label})

        for entry, problems in zip(entries, duplicate_name_problems([e["name"] for e in entries])):
            entry["problems"].extend(problems)

        backends = self._backends
        by_location = {}
        for entry in entries:
            if entry["store"] is not None:
                by_location.setdefault(entry["store"].location, []).append(entry)
        # Writers lock each store before reading what they change, always in the same order, so two
        # runs over overlapping stores never wait for each other in a circle.
        locking = op.writes and not module.check_mode
        listings = {}
        for location in sorted(by_location, key=repr):
            group = by_location[location]
            stores = [e["store"] for e in group]
            try:
                backend = stores[0].backend_class(location, stores, run_command=module.run_command)
                if locking and hasattr(backend, "lock"):
                    backend.lock(listings)
                backends[location] = backend
            except StoreError as exc:
                for e in group:
                    e["problems"].append(str(exc))

        for entry in entries:
            store = entry["store"]
            backend = backends.get(store.location) if store is not None else None
            if backend is None:
                continue
            try:
                current = backend.read(store)
            except StoreError as exc:
                entry["problems"].append(str(exc))
                continue
            entry.update(current=current, backend=backend)
            if entry["problems"]:
                continue
            plan = op.plan(entry["shop"], store, current, backend)
            entry["plan"] = plan
            entry["problems"].extend(plan.problems)
            if op.writes and hasattr(backend, "change_problems"):
                entry["problems"].extend(backend.change_problems(store, plan.changes))

        self._conflicts(entries)
        self._fail_if_problems(entries)

        if op.writes:
            for entry in entries:
                if entry["plan"].changes:
                    entry["backend"].write(entry["store"], entry["plan"].changes)
            try:
                for backend in backends.values():
                    backend.plan()
            except StoreError as exc:
                module.fail_json(msg="nothing was changed: %s" % exc, changed=False)
            commits = self._commit(backends, by_location)
        else:
            commits = {}
        out = self._finish(entries, commits)
        if self.read_back is not None:
            self._read_back(entries, by_location, out["shops"], wrote=op.writes and not module.check_mode)
        return out

    def _info(self, entry, current, backend):
        info = {"name": entry["name"], "store": entry["store"].describe()}
        info.update(self.read_back(entry["store"], current, backend))
        return info

    def _read_back(self, entries, by_location, results, wrote):
        """Each shop's store as it is now: read again from a new backend where this call wrote."""
        fresh = {}
        for location, group in by_location.items():
            backend = self._backends.get(location)
            if wrote:
                if hasattr(backend, "release"):
                    backend.release()
                try:
                    backend = group[0]["store"].backend_class(location, [e["store"] for e in group])
                except StoreError as exc:
                    backend = exc
                self._backends[("read back",) + tuple(location)] = backend
            fresh[location] = backend
        for entry, result in zip(entries, results):
            backend = fresh.get(entry["store"].location)
            try:
                if isinstance(backend, StoreError):
                    raise backend
                current = backend.read(entry["store"]) if wrote else entry["current"]
                result["info"] = self._info(entry, current, backend)
            except StoreError as exc:
                result["info"] = {"read_error": str(exc)}

    def _commit(self, backends, by_location):
        """Stage every file, commit every database, then put the files in place.

        A failure while staging leaves every store as it was; a database failure leaves the files
        as they were and names the databases already committed; only a failure among the renames
        themselves (rare: all data is already written and synced) leaves files partly replaced.
        """
        module = self.module
        commits = {}
        staged = []
        files = [(location, backend, any(e["shop"].get("backup") for e in by_location[location]))
                 for location, backend in backends.items() if hasattr(backend, "prepare")]
        # Creating files may wait on the disk: then a few threads overlap the waits for big fleets.
        prepared, error, threaded = run_while_waiting(lambda f: f[1].prepare(module.check_mode, f[2]), files,
                                                      1 if module.check_mode else 4, (StoreError, OSError, IOError))
        workers = 4 if threaded else 1
        if error is not None:
            for _location, backend, _backup in files:
                backend.abort()
            module.fail_json(msg="nothing was changed: %s" % error, changed=False)
        for (location, backend, _backup), result in prepared:
            commits[location] = result
            staged.append(backend)
            for warning in result.get("warnings") or ():
                module.warn(warning)
        committed = []
        try:
            for location, backend in backends.items():
                if not hasattr(backend, "prepare"):
                    commits[location] = backend.commit(module.check_mode, False)
                    committed.append(backend.describe_location())
        except (StoreError, OSError, IOError) as exc:
            for _location, backend, _backup in files:
                backend.abort()
            # The failing database rolled back unless its message says otherwise; earlier ones are committed.
            module.fail_json(msg="%s (files: none changed; databases committed before: %s)"
                             % (exc, ", ".join(committed) or "none"), changed=bool(committed))
        finished, error = run_in_shares(_finish, staged, workers, (OSError, IOError))
        done = [location for _backend, (location, _folder) in finished]
        if error is not None:
            for backend in staged:
                backend.abort()
            module.fail_json(msg="putting the new files in place failed: %s; already replaced: %s"
                             % (error, ", ".join(done) or "none"), changed=bool(done))
        for folder in sorted(set(folder for _backend, (_location, folder) in finished if folder)):
            try:
                fsync_folder(folder)
            except (OSError, IOError) as exc:
                module.fail_json(msg="the new files are in place (%s) but syncing their folder %s failed: %s; "
                                 "a crash of the server now could bring back old versions"
                                 % (", ".join(done), folder, exc), changed=True)
        return commits

    def _conflicts(self, entries):
        wanted = {}
        for entry in entries:
            plan = entry.get("plan")
            if plan is None:
                continue
            for setting, value in sorted(plan.wants.items()):
                if setting not in entry["store"].mapping:
                    continue
                # Database stores keep one value per scope (shop, website...): the slot says which.
                slot = getattr(entry["store"].backend_class, "slot", None)
                name = entry["store"].mapping[setting]
                key = (entry["store"].location, slot(entry["store"], name) if slot else name)
                if key in wanted and wanted[key][1] != value:
                    entry["problems"].append("it wants %s %s, which shop %r wants %s"
                                             % (entry["store"].mapping[setting], _wish(setting, value),
                                                wanted[key][0], _wish(setting, wanted[key][1])))
                wanted.setdefault(key, (entry["name"], value))

    def _fail_if_problems(self, entries):
        bad = [(e["name"], e["problems"]) for e in entries if e["problems"]]
        if bad:
            extra = {}
            if self.read_back is not None:  # what the stores hold, for a report of why nothing changed
                extra["shops"] = [{"name": e["name"], "info": self._info(e, e["current"], e["backend"])}
                                  for e in entries if "current" in e]
            fail_naming_shops(self.module, bad, len(entries), **extra)

    def _finish(self, entries, commits):
        results = []
        diffs = []
        changed_any = False
        for entry in entries:
            store = entry["store"]
            plan = entry["plan"]
            commit = commits.get(store.location, {})
            mode_before = commit.get("mode_before")
            mode_after = commit.get("mode_after")
            changed = bool(plan.changes) or (mode_before != mode_after)
            changed_any = changed_any or changed
            result = {"name": entry["name"], "store": store.describe(), "changed": changed}
            result.update(plan.result)
            if changed:
                result.update((commit.get("shop_results") or {}).get(store, {}))  # e.g. a cache cleaned
            if commit.get("backup_file") and plan.changes:
                result["backup_file"] = commit["backup_file"]
            if mode_after is not None:
                result["file_mode"] = mode_after
            results.append(result)
            if changed and self.module._diff:
                after = dict(entry["current"])
                after.update(plan.changes)
                diffs.append({
                    "before_header": "%s (%s)" % (store.describe(), entry["name"]),
                    "after_header": "%s (%s)" % (store.describe(), entry["name"]),
                    "before": _view(store, entry["current"], mode_before),
                    "after": _view(store, after, mode_after),
                })
        out = {"changed": changed_any, "shops": results}
        for commit in commits.values():
            for text in commit.get("warnings") or []:
                self.module.warn(text)  # e.g. a Magento config cache left to clean by hand
        if diffs:
            out["diff"] = diffs
        return out

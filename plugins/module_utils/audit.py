# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The fleet audit: the inventory against what each store and the Back Office hold, read-only.

Read-only by construction: stores are opened with their backends and only ``read()`` is called (no
``write``, ``plan`` or ``commit``; database connections are closed without committing anything); the
Back Office is reached through ``_BackOfficeReader``, which can only send GET requests. The optional
notification probe POSTs one signed synthetic notification to the merchant's URL, as
``vads.shop.notification_url`` does; it is off unless asked for.

Every finding has a stable ``code`` (``FINDINGS`` below, documented in docs/audit.md), a ``severity``
(error, warning, info), a ``message`` that never quotes a key and a one-line ``fix``.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import ipaddress
from datetime import date, datetime, timezone
from functools import lru_cache
from urllib.parse import urlsplit

from ansible_collections.vads.shop.plugins.module_utils import backoffice as bo
from ansible_collections.vads.shop.plugins.module_utils import gateway as gw
from ansible_collections.vads.shop.plugins.module_utils.merchant import describe
from ansible_collections.vads.shop.plugins.module_utils.rules import (
    clean_key,
    fingerprint,
    is_placeholder,
    mode_problem,
    normalize_algo,
    site_id_problem,
)
from ansible_collections.vads.shop.plugins.module_utils.store import ShopStore, StoreError


SEVERITIES = ("error", "warning", "info")
PLACEHOLDER_SITE_ID = "12345678"
DEFAULT_KEY_MAX_AGE_DAYS = 365

GOLIVE = "run playbooks/golive.yml --limit {host}"
ROLLBACK = "run playbooks/rollback.yml --limit {host}"
CERTS = ("Back Office: Paramétrage > Boutique > [shop] > onglet Certificats / "
         "Settings > Shop > [shop] > Certificates tab")
RULES = ("Back Office: Paramétrage > Règles de notification > URL de notification à la fin du paiement / "
         "Settings > Notification rules > Instant Payment Notification URL")

# code -> (default severity, one-line fix). {host}, {shop}, {store} are filled in per finding.
FINDINGS = {
    "AUDIT_FAILED": ("error", "read the audit task's error for {host} in the pipeline log, fix it, run the audit again"),
    "INVENTORY_INVALID": ("error", "complete the shop's entry in vads_shops of {host} (name, site_id, store)"),
    "STORE_UNREADABLE": ("error", "fix the store of {shop} ({store}) or its store options in the inventory of {host}"),
    "SITE_ID_PLACEHOLDER": ("error", "put the shop's real 8-digit site id (" + CERTS + ") in the store and in the inventory"),
    "SITE_ID_INVALID": ("error", "write the shop's 8-digit site id (" + CERTS + ") in the store and in the inventory"),
    "SITE_ID_MISMATCH": ("error", "make the store's site id and the inventory's agree (the Back Office's one is right)"),
    "MODE_REJECTED": ("error", GOLIVE + " (it writes exactly PRODUCTION; the gateway rejects other spellings, error 11)"),
    "MODE_DRIFT": ("error", GOLIVE),
    "MODE_DRIFT_TEST": ("error", ROLLBACK),
    "INVENTORY_MODE_INVALID": ("error", "set ctx_mode of {shop} in vads_shops of {host} to exactly TEST or PRODUCTION"),
    "KEY_PROD_MISSING": ("error", GOLIVE),
    "KEY_PROD_MALFORMED": ("error", "put the production key from the vault back into {store}: " + GOLIVE),
    "KEY_PROD_PLACEHOLDER": ("error", GOLIVE + " (installs the real production key)"),
    "KEY_PROD_IS_TEST_KEY": ("error", GOLIVE + " (installs the real production key)"),
    "KEY_PROD_VAULT_DRIFT": ("error", "find which key is right (" + CERTS + "), put it in the vault, then " + GOLIVE),
    "KEY_TEST_PLACEHOLDER": ("warning", "copy the TEST key from the " + CERTS + " into the store of {shop}"),
    "KEY_TEST_MALFORMED": ("warning", "copy the TEST key from the " + CERTS + " into the store of {shop}"),
    "KEY_TEST_VAULT_DRIFT": ("warning", "find which TEST key is right (" + CERTS + ") and put it in the vault and the store"),
    "SIGN_ALGO_UNKNOWN": ("error", "set the store's signature algorithm to SHA-256 (HMAC-SHA-256) or SHA-1, as in the "
                                   + CERTS),
    "STORE_FILE_READABLE": ("warning", "chmod o-rwx the store file of {shop} ({store}), or " + GOLIVE),
    "URL_CHECK_DRIFT": ("warning", "set the store's notification URL of {shop} to the inventory's notification_url"),
    "NOTIFICATION_URL_MISSING": ("error", "add notification_url (the PRODUCTION URL) to {shop} in vads_shops of {host}"),
    "NOTIFICATION_URL_INVALID": ("error", "give {shop} an https:// notification_url the Internet can reach, then " + GOLIVE),
    "BRAND_UNKNOWN": ("error", "set brand of {shop} to one of " + ", ".join(sorted(gw.BRANDS))),
    "REST_PASSWORD_MODE": ("error", "put the PRODUCTION REST password (prodpassword_...) in rest_password_prod of {shop}"),
    # Seen only where the Back Office adapter can read (the sandbox): the real platform has no API.
    "BACKOFFICE_UNREACHABLE": ("error", "check vads_backoffice (url, token) and that the Back Office answers"),
    "SHOP_NOT_IN_BACKOFFICE": ("error", "check site_id of {shop}: the Back Office has no shop with it"),
    "BRAND_MISMATCH": ("error", "set brand of {shop} in vads_shops to the brand the Back Office shows"),
    "BACKOFFICE_KEY_PROD_MISSING": ("error", GOLIVE + " (14.1 generates the production key)"),
    "BACKOFFICE_KEY_PROD_DRIFT": ("error", "install the Back Office's production key (" + CERTS + "): " + GOLIVE),
    "BACKOFFICE_KEY_TEST_DRIFT": ("warning", "copy the TEST key from the " + CERTS + " into the store of {shop}"),
    "BACKOFFICE_SIGN_ALGO_DRIFT": ("error", "make the store's signature algorithm match the " + CERTS),
    "NOTIFICATION_URL_DRIFT": ("error", GOLIVE + " (or " + RULES + ")"),
    "REST_PASSWORD_DRIFT": ("error", "copy the PRODUCTION REST password from the Back Office (Settings > Shop > "
                                     "REST API keys) into the vault"),
    "NOTIFICATION_URL_REDIRECT": ("error", "register the final URL, not one that redirects (" + RULES + "): " + GOLIVE),
    "NOTIFICATION_URL_UNANSWERED": ("error", "make the merchant's notification endpoint of {shop} answer HTTP 200 to a "
                                             "signed POST within 10 s"),
    "KEY_ROTATION_DUE": ("warning", "rotate the production key: run playbooks/rotate_certificate.yml --limit {host} "
                                    "-e '{{\"vads_rotate_from\": {{\"{shop}\": \"{fingerprint}\"}}}}'"),
    "KEY_DATE_INVALID": ("warning", "write key_prod_created of {shop} as YYYY-MM-DD"),
}

# Per-shop options of vads.shop.audit besides name and store: the inventory keys the audit reads.
SHOP_OPTIONS = {
    "site_id": {"type": "str"},
    "brand": {"type": "str"},
    "ctx_mode": {"type": "str"},
    "key_prod": {"type": "str", "no_log": True},
    "key_test": {"type": "str", "no_log": True},
    "key_prod_created": {"type": "str", "no_log": False},  # a date, not a key
    "notification_url": {"type": "str"},
    "rest_password_prod": {"type": "str", "no_log": True},
}


class _BackOfficeReader(object):
    """The only Back Office calls the audit can make: GET requests."""

    def __init__(self, options):
        self._client = bo.adapter(options)
        self.can_see = self._client.can_see
        self.name = self._client.name

    def get(self, what, site_id):
        path = {"shop": "shops/%s", "certificates": "shops/%s/certificates",
                "rule": "shops/%s/notification-rules/payment-end"}[what] % site_id
        return self._client.call("GET", path)


def finding(code, message, context, severity=None):
    default, fix = FINDINGS[code]
    values = dict(host="this host", shop="the shop", store="its store", fingerprint="sha256:...")
    values.update(dict((k, v) for k, v in context.items() if v))
    return {"code": code, "severity": severity or default, "message": message, "fix": fix.format(**values)}


def _parse_date(text):
    """A date or datetime (ISO 8601) as an aware datetime, or None."""
    if isinstance(text, datetime):
        return text if text.tzinfo else text.replace(tzinfo=timezone.utc)
    if isinstance(text, date):
        return datetime(text.year, text.month, text.day, tzinfo=timezone.utc)
    value = str(text).strip()
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)


def _is_address(host):
    try:
        ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return True


def worst(findings):
    for severity in SEVERITIES:
        if any(f["severity"] == severity for f in findings):
            return severity
    return "ok"


class Auditor(object):
    """Audit the shops of one host: read every store once, the Back Office with GETs only."""

    def __init__(self, host, backoffice=None, probe=False, key_max_age_days=DEFAULT_KEY_MAX_AGE_DAYS,
                 desired_mode="PRODUCTION", concurrency=8, now=None, run_command=None):
        self.host = host
        self.run_command = run_command  # AnsibleModule.run_command, for stores that run PHP (Magento's env.php)
        self.backoffice_options = backoffice or {"adapter": "manual"}
        self.probe = probe
        self.key_max_age_days = key_max_age_days
        self.desired_mode = desired_mode
        self.concurrency = concurrency
        self.now = now or datetime.now(timezone.utc)
        # Shops of a host often share a notification host: resolve each name once per run.
        self.resolve = lru_cache(maxsize=None)(gw._resolve)  # pylint: disable=protected-access

    # -- the whole host ------------------------------------------------------------------------------
    def run(self, shops):
        entries = [self._entry(shop, index) for index, shop in enumerate(shops)]
        self._read_stores(entries)
        self._resolve_all(entries)
        reader = None
        problems = bo.options_problems(self.backoffice_options)
        if problems:
            for entry in entries:
                entry["findings"].append(finding("BACKOFFICE_UNREACHABLE", "; ".join(problems), entry["context"]))
        else:
            reader = _BackOfficeReader(self.backoffice_options)
        for entry in entries:
            self._check_inventory(entry)
            if entry.get("current") is not None:
                self._check_store(entry)
        if reader is not None and reader.can_see:
            gw.run_all(lambda e: self._check_backoffice(e, reader), entries, self.concurrency)
        if self.probe:
            gw.run_all(self._probe, entries, self.concurrency)
        for entry in entries:
            self._check_age(entry)
        return [self._result(entry, reader) for entry in entries]

    def _resolve_all(self, entries):
        """Look up every notification host once, several at a time: a lookup can take seconds."""
        names = set()
        for entry in entries:
            url = entry["shop"].get("notification_url")
            try:
                host = urlsplit(str(url).strip()).hostname if url else None
            except ValueError:
                host = None
            if host and not _is_address(host) and "." in host:
                names.add(host.lower().rstrip("."))
        gw.run_all(self.resolve, sorted(names), max(self.concurrency, 16))

    def _entry(self, shop, index):
        shop = dict((k, v) for k, v in (shop or {}).items() if v is not None)
        name = shop.get("name") or (shop.get("site_id") and "site %s" % shop["site_id"]) or "shop #%d" % (index + 1)
        context = {"host": self.host, "shop": name}
        return {"shop": shop, "name": name, "context": context, "findings": [], "info": {}, "store": None,
                "current": None, "key_age": {"days": None, "source": "unknown", "since": None}}

    def _read_stores(self, entries):
        """One backend per store location, reads only; database connections closed, nothing committed."""
        by_location = {}
        for entry in entries:
            if not entry["shop"].get("store"):
                entry["findings"].append(finding("INVENTORY_INVALID", "the shop has no store in the inventory",
                                                 entry["context"]))
                continue
            try:
                store = ShopStore(entry["shop"]["store"])
            except StoreError as exc:
                entry["findings"].append(finding("STORE_UNREADABLE", str(exc), entry["context"]))
                continue
            entry["store"] = store
            entry["context"]["store"] = store.describe()
            by_location.setdefault(store.location, []).append(entry)
        for location, group in by_location.items():
            try:
                backend = group[0]["store"].backend_class(location, [e["store"] for e in group],
                                                          run_command=self.run_command)
            except StoreError as exc:
                for entry in group:
                    entry["findings"].append(finding("STORE_UNREADABLE", str(exc), entry["context"]))
                continue
            try:
                for entry in group:
                    try:
                        entry["current"] = backend.read(entry["store"])
                        entry["info"] = describe(entry["store"], entry["current"], backend)
                    except StoreError as exc:
                        entry["findings"].append(finding("STORE_UNREADABLE", str(exc), entry["context"]))
            finally:
                close = getattr(backend, "close", None)
                if close is not None:
                    close()  # a database: the read transaction ends without a commit

    # -- inventory alone --------------------------------------------------------------------------------
    def _check_inventory(self, entry):
        shop, ctx, out = entry["shop"], entry["context"], entry["findings"]
        site_id = shop.get("site_id")
        if site_id is None:
            out.append(finding("INVENTORY_INVALID", "the shop has no site_id in the inventory", ctx))
        elif str(site_id) == PLACEHOLDER_SITE_ID:
            out.append(finding("SITE_ID_PLACEHOLDER", "the inventory's site id is the plugins' placeholder 12345678",
                               ctx))
        elif site_id_problem(str(site_id)):
            out.append(finding("SITE_ID_INVALID", "inventory: " + site_id_problem(str(site_id)), ctx))
        wanted = shop.get("ctx_mode", self.desired_mode)
        if mode_problem(wanted):
            out.append(finding("INVENTORY_MODE_INVALID", "inventory ctx_mode: " + mode_problem(wanted), ctx))
        url = shop.get("notification_url")
        sandbox = bo.is_sandbox(self.backoffice_options)
        if not url:
            out.append(finding("NOTIFICATION_URL_MISSING", "the inventory gives no notification_url", ctx))
        else:
            problems = gw.notification_url_problems(url, "PRODUCTION", sandbox=sandbox, resolver=self.resolve)
            if problems:
                out.append(finding("NOTIFICATION_URL_INVALID", "; ".join(problems), ctx))
        brand = shop.get("brand")
        if brand is not None and str(brand).lower() not in gw.BRANDS:
            out.append(finding("BRAND_UNKNOWN", "brand %r is not a brand of the platform" % (brand,), ctx))
        password = shop.get("rest_password_prod")
        if password and gw.password_mode(password) != "PRODUCTION":
            out.append(finding("REST_PASSWORD_MODE", "rest_password_prod is not a PRODUCTION REST password "
                               "(it does not start with prodpassword_)", ctx))

    # -- the store against the inventory -------------------------------------------------------------
    def _check_store(self, entry):
        shop, ctx, out = entry["shop"], entry["context"], entry["findings"]
        store, current, info = entry["store"], entry["current"], entry["info"]
        wanted = shop.get("ctx_mode", self.desired_mode)
        mode = current.get("ctx_mode")
        held_site = current.get("site_id")
        if "site_id" in store.mapping:
            if held_site is not None and str(held_site) == PLACEHOLDER_SITE_ID and str(shop.get("site_id")) != held_site:
                out.append(finding("SITE_ID_PLACEHOLDER", "the store's site id is the plugins' placeholder 12345678",
                                   ctx))
            elif held_site is not None and site_id_problem(str(held_site)):
                out.append(finding("SITE_ID_INVALID", "store: " + site_id_problem(str(held_site)), ctx))
            elif shop.get("site_id") is not None and str(held_site) != str(shop["site_id"]):
                out.append(finding("SITE_ID_MISMATCH", "the inventory says site id %s, the store holds %s"
                                   % (shop["site_id"], held_site), ctx))
        if "ctx_mode" in store.mapping:
            if mode is not None and mode_problem(mode):
                out.append(finding("MODE_REJECTED", "the store's mode %r is not TEST or PRODUCTION: the gateway "
                                   "rejects it (error 11)" % (mode,), ctx))
            elif not mode_problem(wanted) and (mode or "TEST") != wanted:
                code = "MODE_DRIFT" if wanted == "PRODUCTION" else "MODE_DRIFT_TEST"
                out.append(finding(code, "the store is in %s, the inventory wants %s" % (mode or "TEST (unset)", wanted),
                                   ctx))
        live = mode == "PRODUCTION" or wanted == "PRODUCTION"
        level = "error" if live else "warning"
        prod_fp = info.get("key_prod_fingerprint")
        ctx["fingerprint"] = prod_fp
        if store.single_key:
            held_prod = current.get("key") if mode == "PRODUCTION" else None
            held_test = current.get("key") if mode != "PRODUCTION" else None
        else:
            held_prod, held_test = current.get("key_prod"), current.get("key_test")
        entry["held_prod"] = held_prod  # kept in memory only, to sign an optional probe
        self._check_prod_key(entry, held_prod, held_test, mode, level)
        if held_test:
            key, problem = clean_key(held_test)
            if problem or key != held_test:
                out.append(finding("KEY_TEST_MALFORMED", "the store's TEST key is malformed: %s"
                                   % (problem or "surrounding white space"), ctx))
            elif is_placeholder(key):
                out.append(finding("KEY_TEST_PLACEHOLDER", "the store's TEST key is a placeholder (%s)"
                                   % fingerprint(key), ctx))
        if shop.get("key_test") and held_test is not None and (clean_key(shop["key_test"])[0] or shop["key_test"]) != held_test:
            out.append(finding("KEY_TEST_VAULT_DRIFT", "the store's TEST key (%s) is not the inventory's (%s)"
                               % (fingerprint(held_test), fingerprint(shop["key_test"].strip())), ctx))
        if "sign_algo" in store.mapping and info.get("sign_algo") is None:
            out.append(finding("SIGN_ALGO_UNKNOWN", "the store's signature algorithm %r is unknown"
                               % (current.get("sign_algo"),), ctx))
        file_mode = info.get("file_mode")
        # Group access is how a web server usually reads its settings (0640 root:www-data): only "other" counts.
        if file_mode and int(file_mode, 8) & 0o007 and any(current.get(s) for s in ("key", "key_test", "key_prod")):
            out.append(finding("STORE_FILE_READABLE", "the store file holds a key and every user of the server can "
                               "read it (mode %s)" % file_mode, ctx))
        held_url = current.get("url_check")
        if held_url and shop.get("notification_url") and held_url.strip() != shop["notification_url"].strip():
            out.append(finding("URL_CHECK_DRIFT", "the store sends notifications to %s, the inventory says %s"
                               % (info.get("url_check"), shop["notification_url"]), ctx))

    def _check_prod_key(self, entry, held_prod, held_test, mode, level):
        shop, ctx, out = entry["shop"], entry["context"], entry["findings"]
        store = entry["store"]
        vault = shop.get("key_prod")
        if not held_prod:
            if mode == "PRODUCTION":
                out.append(finding("KEY_PROD_MISSING", "the store is in PRODUCTION without a production key", ctx))
            return
        key, problem = clean_key(held_prod)
        if problem or key != held_prod:
            out.append(finding("KEY_PROD_MALFORMED", "the store's production key is malformed: %s"
                               % (problem or "surrounding white space"), ctx, level))
            return
        if is_placeholder(key):
            out.append(finding("KEY_PROD_PLACEHOLDER", "the store's production key is a placeholder (%s)"
                               % fingerprint(key), ctx, level))
            return
        if held_test and not store.single_key and key == held_test.strip():
            out.append(finding("KEY_PROD_IS_TEST_KEY", "the store's production key is its TEST key (%s)"
                               % fingerprint(key), ctx, level))
            return
        if vault is not None:
            wanted = clean_key(vault)[0] or vault
            if wanted != key:
                out.append(finding("KEY_PROD_VAULT_DRIFT", "the store's production key (%s) is not the vault's (%s)"
                                   % (fingerprint(key), fingerprint(wanted)), ctx))

    # -- the Back Office (sandbox adapter only) ---------------------------------------------------------
    def _check_backoffice(self, entry, reader):
        shop, ctx, out = entry["shop"], entry["context"], entry["findings"]
        site_id = shop.get("site_id")
        if not site_id or site_id_problem(str(site_id)) or str(site_id) == PLACEHOLDER_SITE_ID:
            return
        try:
            seen = reader.get("shop", site_id)
            certs = reader.get("certificates", site_id)
            rule = reader.get("rule", site_id)
        except bo.BackOfficeError as exc:
            if exc.status == 404:
                out.append(finding("SHOP_NOT_IN_BACKOFFICE", "the Back Office has no shop %s" % site_id, ctx))
            else:
                out.append(finding("BACKOFFICE_UNREACHABLE", str(exc), ctx))
            return
        except gw.GatewayError as exc:
            out.append(finding("BACKOFFICE_UNREACHABLE", str(exc), ctx))
            return
        wanted = shop.get("ctx_mode", self.desired_mode)
        brand = shop.get("brand")
        if brand and seen.get("brand") and str(brand).lower() != str(seen["brand"]).lower():
            out.append(finding("BRAND_MISMATCH", "the inventory says brand %s, the Back Office %s"
                               % (brand, seen["brand"]), ctx))
        bo_prod = certs.get("production_key")
        bo_test = certs.get("test_key")
        # The key and algorithm the gateway signs with, kept in memory only, for the probe.
        entry["signing_prod"] = bo_prod
        entry["signing_algo"] = normalize_algo(certs.get("production_sign_algo"))
        generated = certs.get("production_key_generated_at")
        if generated and bo_prod:
            entry["key_age"]["since"] = generated
            entry["key_age"]["source"] = "backoffice"
        current = entry.get("current")
        if not bo_prod:
            if wanted == "PRODUCTION":
                out.append(finding("BACKOFFICE_KEY_PROD_MISSING", "the Back Office has no production key for %s"
                                   % site_id, ctx))
        elif current is not None:
            held = entry.get("held_prod")
            codes = set(f["code"] for f in out)
            hidden = {"KEY_PROD_PLACEHOLDER", "KEY_PROD_IS_TEST_KEY", "KEY_PROD_MALFORMED", "KEY_PROD_VAULT_DRIFT"}
            if held and held != bo_prod and not codes & hidden:
                out.append(finding("BACKOFFICE_KEY_PROD_DRIFT", "the store's production key (%s) is not the Back "
                                   "Office's (%s)" % (fingerprint(held), fingerprint(bo_prod)), ctx))
        if current is not None and bo_test:
            store = entry["store"]
            held_test = current.get("key") if store.single_key and current.get("ctx_mode") != "PRODUCTION" \
                else (None if store.single_key else current.get("key_test"))
            if held_test and held_test != bo_test and not any(f["code"].startswith("KEY_TEST") for f in out):
                out.append(finding("BACKOFFICE_KEY_TEST_DRIFT", "the store's TEST key (%s) is not the Back Office's "
                                   "(%s)" % (fingerprint(held_test), fingerprint(bo_test)), ctx))
        if current is not None and "sign_algo" in entry["store"].mapping:
            mode = current.get("ctx_mode") if current.get("ctx_mode") in ("TEST", "PRODUCTION") else "TEST"
            bo_algo = normalize_algo(certs.get("production_sign_algo" if mode == "PRODUCTION" else "test_sign_algo"))
            held_algo = entry["info"].get("sign_algo")
            if held_algo and bo_algo and held_algo != bo_algo:
                out.append(finding("BACKOFFICE_SIGN_ALGO_DRIFT", "the store signs %s forms with %s, the Back Office "
                                   "expects %s" % (mode, held_algo, bo_algo), ctx))
        url = shop.get("notification_url")
        registered = rule.get("production_url")
        if url and wanted == "PRODUCTION" and (registered or "").strip() != url.strip():
            out.append(finding("NOTIFICATION_URL_DRIFT", "the Back Office's PRODUCTION notification URL is %s, the "
                               "inventory says %s" % (registered or "(not set)", url), ctx))
        password = shop.get("rest_password_prod")
        bo_password = certs.get("production_rest_password")
        if password and bo_password and password.strip() != bo_password \
                and not any(f["code"] == "REST_PASSWORD_MODE" for f in out):
            out.append(finding("REST_PASSWORD_DRIFT", "the inventory's PRODUCTION REST password (%s) is not the Back "
                               "Office's (%s)" % (fingerprint(password.strip()), fingerprint(bo_password)), ctx))

    # -- optional probe of the notification URL --------------------------------------------------------
    def _probe(self, entry):
        shop, ctx = entry["shop"], entry["context"]
        url = shop.get("notification_url")
        # Sign as the gateway would: with the Back Office's key where it can be read, else the store's.
        key = entry.get("signing_prod") or entry.get("held_prod")
        entry["probe"] = {"done": False}
        if not url or gw.notification_url_problems(url, "PRODUCTION", sandbox=True, resolver=self.resolve):
            return
        if not key or clean_key(key)[1] or is_placeholder(key):
            entry["probe"]["skipped"] = "no usable production key to sign the probe with"
            return
        if any(f["code"].startswith(("KEY_PROD", "BACKOFFICE_KEY_PROD")) for f in entry["findings"]):
            entry["probe"]["skipped"] = "the production key has a finding: fix it first"
            return
        algo = entry.get("signing_algo") or entry["info"].get("sign_algo") or "HMAC-SHA-256"
        fields = gw.synthetic_notification(shop.get("site_id"), "PRODUCTION", key, algo)
        answer = gw.probe_notification(url.strip(), fields)
        entry["probe"] = {"done": True, "ok": answer["ok"], "http_code": answer["http_code"],
                          "elapsed_ms": answer["elapsed_ms"]}
        if answer["redirect"]:
            entry["findings"].append(finding("NOTIFICATION_URL_REDIRECT", answer["error"], ctx))
        elif not answer["ok"]:
            entry["findings"].append(finding("NOTIFICATION_URL_UNANSWERED", answer["error"] or "no answer", ctx))

    # -- key age --------------------------------------------------------------------------------------
    def _check_age(self, entry):
        shop, ctx = entry["shop"], entry["context"]
        age = entry["key_age"]
        if age["source"] != "backoffice" and shop.get("key_prod_created"):
            if _parse_date(shop["key_prod_created"]) is None:
                entry["findings"].append(finding("KEY_DATE_INVALID", "key_prod_created %r is not a date"
                                                 % (shop["key_prod_created"],), ctx))
                return
            age["since"] = str(shop["key_prod_created"])
            age["source"] = "inventory"
        since = _parse_date(age["since"]) if age["since"] else None
        if since is None:
            return
        age["days"] = max(0, (self.now - since).days)
        limit = self.key_max_age_days
        if limit and age["days"] > limit and entry.get("held_prod"):
            source = "Back Office" if age["source"] == "backoffice" else "inventory"
            entry["findings"].append(finding("KEY_ROTATION_DUE", "the production key is %d days old (from the %s), "
                                             "more than %d" % (age["days"], source, limit), ctx))

    # -- result ---------------------------------------------------------------------------------------
    def _result(self, entry, reader):
        info = entry["info"]
        shop = entry["shop"]
        current = entry.get("current")
        mode = info.get("ctx_mode") if current is not None else None
        if current is None:
            state = "unreadable"
        elif mode in ("TEST", "PRODUCTION"):
            state = mode
        elif mode is None:
            state = "TEST"  # plugins default to TEST
        else:
            state = "invalid"
        order = dict((s, i) for i, s in enumerate(SEVERITIES))
        findings = sorted(entry["findings"], key=lambda f: (order[f["severity"]], f["code"]))
        out = {
            "host": self.host,
            "name": entry["name"],
            "site_id": str(shop["site_id"]) if shop.get("site_id") is not None else None,
            "brand": str(shop.get("brand") or "").lower() or None,
            "store": entry["store"].describe() if entry["store"] is not None else None,
            "state": state,
            "desired_mode": shop.get("ctx_mode", self.desired_mode),
            "ctx_mode": mode,
            "key_prod_fingerprint": info.get("key_prod_fingerprint"),
            "key_test_fingerprint": info.get("key_test_fingerprint"),
            "sign_algo": info.get("sign_algo"),
            "key_age_days": entry["key_age"]["days"],
            "key_age_source": entry["key_age"]["source"],
            "backoffice": reader.name if reader is not None else None,
            "severity": worst(findings),
            "findings": findings,
        }
        if self.probe:
            out["probe"] = entry.get("probe") or {"done": False}
        return out

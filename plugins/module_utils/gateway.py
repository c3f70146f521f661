# -*- coding: utf-8 -*-
# Copyright: vads.shop contributors
# GNU General Public License v3.0+ (see https://www.gnu.org/licenses/gpl-3.0.txt)
# SPDX-License-Identifier: GPL-3.0-or-later
"""The gateway seen from outside: brands, payment forms, the REST API V4, HTTP with retries.

Also the small "fleet" helpers every gateway-side module shares: the ``shops`` option built from
the module's own options, and a bounded thread pool for network calls.

Private to this collection: the API may change without notice.
"""

from __future__ import annotations

import base64
import copy
import ipaddress
import json
import random
import re
import socket
import ssl
import string
import sys
import threading
import time
import uuid as uuid_lib
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone

from http import client as httplib
from urllib import request as urllib_request
from urllib.error import HTTPError, URLError
from urllib.parse import urlencode, urlsplit

from ansible_collections.vads.shop.plugins.module_utils import batch
from ansible_collections.vads.shop.plugins.module_utils import secrets as secrets_option
from ansible_collections.vads.shop.plugins.module_utils.rules import address_kind, url_syntax_problems
from ansible_collections.vads.shop.plugins.module_utils.signature import sign

# ---------------------------------------------------------------------------------------------- brands
# Payment form endpoints and REST API hosts (gateway.md). None: not confirmed, give an explicit URL.
BRANDS = {
    "payzen": {"form_url": "https://secure.payzen.eu/vads-payment/", "rest_url": "https://api.payzen.eu"},
    "systempay": {"form_url": "https://paiement.systempay.fr/vads-payment/", "rest_url": "https://api.systempay.fr"},
    "lyra": {"form_url": "https://secure.lyra.com/vads-payment/", "rest_url": "https://api.lyra.com"},
    "lyracollect": {"form_url": "https://secure.lyra.com/vads-payment/", "rest_url": "https://api.lyra.com"},
    "sogecommerce": {"form_url": "https://sogecommerce.societegenerale.eu/vads-payment/", "rest_url": None},
    "scellius": {"form_url": "https://scelliuspaiement.labanquepostale.fr/vads-payment/", "rest_url": None},
    "clicandpay": {"form_url": "https://clicandpay.groupecdn.fr/vads-payment/", "rest_url": None},
    "epaync": {"form_url": "https://epaync.nc/vads-payment/", "rest_url": None},
    "osb": {"form_url": "https://secure.osb.pf/vads-payment/", "rest_url": None},
}

REST_PATH = "/api-payment/V4/"


class GatewayError(Exception):
    """A problem talking to the gateway; the message never contains a secret."""


def form_url(brand=None, explicit=None):
    """(url, problem): the payment form endpoint of a brand, or the explicit URL."""
    if explicit:
        return explicit, None
    if not brand:
        return None, "give brand (one of %s) or gateway_url" % ", ".join(sorted(BRANDS))
    entry = BRANDS.get(str(brand).lower())
    if entry is None:
        return None, "brand %r is unknown: use one of %s, or give gateway_url" % (brand, ", ".join(sorted(BRANDS)))
    return entry["form_url"], None


def rest_base(brand=None, explicit=None):
    """(base url ending in /api-payment/V4/, problem) for a brand or an explicit API URL."""
    if explicit:
        url = explicit.rstrip("/")
        if REST_PATH.rstrip("/") not in url:
            url += REST_PATH.rstrip("/")
        return url + "/", None
    if not brand:
        return None, "give brand or api_url"
    entry = BRANDS.get(str(brand).lower())
    if entry is None:
        return None, "brand %r is unknown: use one of %s, or give api_url" % (brand, ", ".join(sorted(BRANDS)))
    if not entry["rest_url"]:
        return None, "the REST API host of brand %r is not known here: give api_url explicitly" % brand
    return entry["rest_url"] + REST_PATH, None


# ---------------------------------------------------------------------------------------------- forms
_ALNUM = string.digits + string.ascii_letters


def _base62(number, width):
    out = ""
    for dummy in range(width):
        number, digit = divmod(number, 62)
        out = _ALNUM[digit] + out
    return out


def new_trans_id(now=None):
    """6 characters [0-9a-zA-Z]: the second of the UTC day (3 chars) then 3 random ones.

    Unique per shop and UTC day unless two forms of one shop start in the same second and draw the
    same 3 random characters (1 in 238 328).
    """
    now = time.time() if now is None else now
    second = int(now) % 86400
    return _base62(second, 3) + "".join(random.SystemRandom().choice(_ALNUM) for dummy in range(3))


def trans_date(now=None):
    now = time.time() if now is None else now
    return datetime.fromtimestamp(now, timezone.utc).strftime("%Y%m%d%H%M%S")


def build_form(site_id, mode, key, algo="HMAC-SHA-256", amount=200, currency="978", order_id=None,
               trans_id=None, date=None, extra=None):
    """A signed payment form, as merchant software posts it: dict of field -> str (with signature)."""
    fields = {
        "vads_action_mode": "INTERACTIVE",
        "vads_amount": str(amount),
        "vads_ctx_mode": mode,
        "vads_currency": str(currency),
        "vads_page_action": "PAYMENT",
        "vads_payment_config": "SINGLE",
        "vads_site_id": str(site_id),
        "vads_trans_date": date or trans_date(),
        "vads_trans_id": trans_id or new_trans_id(),
        "vads_version": "V2",
    }
    if order_id:
        fields["vads_order_id"] = order_id
    for name, value in (extra or {}).items():
        if value is not None:
            fields[name] = str(value)
    fields["signature"] = sign(fields, key, algo)
    return fields


def synthetic_notification(site_id, mode, key, algo="HMAC-SHA-256", source="BO"):
    """A signed notification that no real payment produced: the order id says so."""
    stamp = trans_date()
    fields = {
        "vads_action_mode": "INTERACTIVE",
        "vads_amount": "100",
        "vads_auth_result": "",
        "vads_ctx_mode": mode,
        "vads_currency": "978",
        "vads_hash": uuid_lib.uuid4().hex + uuid_lib.uuid4().hex,
        "vads_operation_type": "DEBIT",
        "vads_order_id": "VADS-SHOP-PROBE-%s" % stamp,
        "vads_page_action": "PAYMENT",
        "vads_payment_config": "SINGLE",
        "vads_result": "17",
        "vads_site_id": str(site_id),
        "vads_trans_date": stamp,
        "vads_trans_id": new_trans_id(),
        "vads_trans_status": "ABANDONED",
        "vads_trans_uuid": uuid_lib.uuid4().hex,
        "vads_url_check_src": source,
        "vads_version": "V2",
    }
    fields["signature"] = sign(fields, key, algo)
    return fields


_META_RE = re.compile(r'<meta\s+name="(vads-[a-z-]+)"\s+content="([^"]*)"', re.I)
# A real platform's error page; only a guess at its wording, used when no sandbox meta tag is there.
_REAL_ERROR_RE = re.compile(r"(?:code\s+erreur|error\s+code)\s*:?\s*([0-9]{2})\b", re.I)


def read_payment_page(status, body):
    """What a payment endpoint answered: accepted, error code/reason/field, transaction."""
    page = {"http_code": status, "accepted": None, "page": None, "error_code": None, "error_reason": None,
            "error_field": None, "transaction": None}
    metas = dict((k.lower(), v) for k, v in _META_RE.findall(body or ""))
    kind = metas.get("vads-page")
    if kind:  # the sandbox labels its pages
        page["page"] = kind
        if kind == "error":
            page["accepted"] = False
            page["error_code"] = metas.get("vads-error-code")
            page["error_reason"] = metas.get("vads-error-reason") or None
            page["error_field"] = metas.get("vads-error-field") or None
        else:
            page["accepted"] = True
            if kind == "result":
                page["transaction"] = {
                    "uuid": metas.get("vads-trans-uuid"),
                    "status": metas.get("vads-trans-status"),
                    "result": metas.get("vads-result"),
                    "trans_id": metas.get("vads-trans-id"),
                }
        return page
    if status != 200:
        page["accepted"] = False
        page["error_reason"] = "http_%s" % status
        return page
    found = _REAL_ERROR_RE.search(body or "")
    if found:
        page.update(accepted=False, page="error", error_code=found.group(1))
    else:  # the real platform answers a payment page to a valid form
        page.update(accepted=True, page="payment")
    return page


# ---------------------------------------------------------------------------------------------- HTTP
# One client per module call (a module call is one process). Its TLS context comes from Ansible's
# own HTTP layer (ansible.module_utils.urls: validate_certs, ca_path, client certificates, the
# SSL_CERT_FILE of the system) and is built once, only when an https:// URL is used: building one
# loads the whole CA bundle (~45 ms of CPU). Requests to the gateway and the Back Office reuse
# kept-alive connections (http.client, that context): urllib closes every connection after one
# answer, and a new connection per request cost 5x the CPU (bench/perf_bench.py --only http). Where a
# proxy applies (https_proxy, http_proxy, no_proxy) or the URL carries credentials, the request goes
# through ansible.module_utils.urls itself, as in every other module.
HTTP_OPTIONS = {
    "validate_certs": {"type": "bool", "default": True},
    "ca_path": {"type": "path"},
    "client_cert": {"type": "path"},
    "client_key": {"type": "path", "no_log": False},
    "use_proxy": {"type": "bool", "default": True},
}


_URLS = {}
_IMPORT_LOCK = threading.Lock()


def _urls():
    """ansible.module_utils.urls, imported at the first request (a call without HTTP never pays for it).

    Its only use of ``cryptography`` is GSSAPI channel binding, which these modules never use, and
    importing it costs about 0.1 s of CPU per module call: it is hidden during this import.
    """
    with _IMPORT_LOCK:
        if "module" not in _URLS:
            hide = "cryptography" not in sys.modules
            if hide:
                sys.modules["cryptography"] = None  # an ImportError for urls' optional import
            try:
                from ansible.module_utils import urls  # pylint: disable=import-outside-toplevel
            finally:
                if hide and sys.modules.get("cryptography", 0) is None:
                    del sys.modules["cryptography"]
            _URLS["module"] = urls
        return _URLS["module"]


class HttpClient(object):
    """Every HTTP request of one module call: one TLS context, shared by all threads."""

    def __init__(self, validate_certs=True, ca_path=None, client_cert=None, client_key=None, use_proxy=True):
        self.validate_certs = validate_certs is not False
        self.ca_path = ca_path
        self.client_cert = client_cert
        self.client_key = client_key
        self.use_proxy = use_proxy is not False
        self._context = None
        self._unused_context = None
        self._lock = threading.Lock()
        self._idle = {}  # (scheme, host, port) -> connections kept alive, free for the next request
        self.contexts_built = 0  # for tests and bench: stays at 1 per call
        self.connections_opened = 0  # for tests and bench: about one per thread and host, not per request

    def context(self):
        with self._lock:
            if self._context is None:
                try:
                    self._context = _urls().make_context(
                        cafile=self.ca_path, validate_certs=self.validate_certs, client_cert=self.client_cert,
                        client_key=self.client_key)
                except (ssl.SSLError, OSError, IOError) as exc:
                    raise TransportError("TLS settings unusable (ca_path %s, client_cert %s): %s"
                                         % (self.ca_path or "-", self.client_cert or "-", exc),
                                         tls_error=str(exc))
                self.contexts_built += 1
            return self._context

    def _plain(self):
        # Request builds a full TLS context for every call that gives none, even for http:// (where
        # it is never used): give it an empty one, made once.
        with self._lock:
            if self._unused_context is None:
                self._unused_context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
            return self._unused_context

    def open(self, method, url, body, headers, timeout):
        """urllib's answer object (raises HTTPError for any status >= 300: redirects are not followed)."""
        context = self.context() if url.lower().startswith("https:") else self._plain()
        # use_netrc=False: a ~/.netrc entry must never replace the Authorization header we send.
        client = _urls().Request(use_proxy=self.use_proxy, validate_certs=self.validate_certs,
                                 follow_redirects="none", http_agent="vads.shop", use_netrc=False, context=context)
        return client.open(method, url, data=body, headers=headers or {}, timeout=timeout)

    def exchange(self, method, url, body=None, headers=None, timeout=10, keep_alive=True):
        """(status, headers, body) of one request, redirects not followed; raises what the transport raises.

        keep_alive=False: a connection of its own, closed after the answer (how the gateway calls a
        merchant's notification URL).
        """
        key = self._direct(url) if keep_alive else None
        if key is None:
            try:
                resp = self.open(method, url, body, headers, timeout)
            except HTTPError as exc:
                try:
                    data = exc.read()
                except Exception:  # pylint: disable=broad-except
                    data = b""
                return exc.code, dict(exc.headers or {}), data
            try:
                return resp.getcode(), dict(resp.headers), resp.read()
            finally:
                resp.close()
        parts = urlsplit(url)
        target = (parts.path or "/") + ("?" + parts.query if parts.query else "")
        sent = {"User-Agent": "vads.shop"}
        sent.update(headers or {})
        conn = self._take(key)
        reused = conn is not None
        while True:
            if conn is None:
                conn = self._connect(key, timeout)
            else:
                conn.timeout = timeout
                if conn.sock is not None:
                    conn.sock.settimeout(timeout)
            answered = False
            try:
                conn.request(method, target, body=body, headers=sent)
                resp = conn.getresponse()
                answered = True
                data = resp.read()
            except (ConnectionResetError, BrokenPipeError, httplib.BadStatusLine):
                conn.close()
                if answered or not reused:
                    raise
                # A kept-alive connection that the server had closed while it was idle: nothing came
                # back, not even a status line. Once more, on a new connection. Should the server have
                # handled it all the same, the repeat is as safe as request()'s retries: a payment sent
                # twice is refused (same trans_id, error 03), a repeated cancel is recognised.
                conn, reused = None, False
                continue
            except BaseException:
                conn.close()
                raise
            if resp.will_close:
                conn.close()
            else:
                self._give_back(key, conn)
            return resp.status, dict(resp.headers), data

    def _direct(self, url):
        """(scheme, host, port) to reach url on a kept-alive connection, or None where urls must carry it."""
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        try:
            port = parts.port
        except ValueError:
            return None
        if scheme not in ("http", "https") or not parts.hostname or parts.username is not None:
            return None
        if self.use_proxy:
            proxy = urllib_request.getproxies().get(scheme)
            if proxy and not urllib_request.proxy_bypass(parts.netloc):
                return None
        return scheme, parts.hostname, port or (443 if scheme == "https" else 80)

    def _connect(self, key, timeout):
        scheme, host, port = key
        if scheme == "https":
            conn = httplib.HTTPSConnection(host, port, timeout=timeout, context=self.context())
        else:
            conn = httplib.HTTPConnection(host, port, timeout=timeout)
        try:
            conn.connect()
        except (ssl.SSLError, socket.timeout):
            conn.close()
            raise
        except (OSError, IOError) as exc:
            conn.close()
            raise URLError(exc)  # as urllib reports it: "cannot connect to ..."
        with self._lock:
            self.connections_opened += 1
        return conn

    def _take(self, key):
        with self._lock:
            idle = self._idle.get(key)
            return idle.pop() if idle else None

    def _give_back(self, key, conn):
        with self._lock:
            self._idle.setdefault(key, []).append(conn)


_CLIENT = [HttpClient()]


def configure_http(params):
    """The module's HTTP options (validate_certs, ca_path, ...) for every request of this call."""
    _CLIENT[0] = HttpClient(**dict((name, params.get(name)) for name in HTTP_OPTIONS))
    return _CLIENT[0]


def http_client():
    return _CLIENT[0]


class Response(object):
    def __init__(self, status, headers, body, elapsed_ms):
        self.status = status
        self.headers = headers
        self.body = body
        self.elapsed_ms = elapsed_ms

    def json(self):
        try:
            return json.loads(self.body.decode("utf-8") or "null")
        except ValueError:
            return None

    def text(self):
        return self.body.decode("utf-8", "replace")


class TransportError(GatewayError):
    """No HTTP answer at all: connection refused, TLS failure, timeout."""

    def __init__(self, message, tls_error=None, timeout=False):
        GatewayError.__init__(self, message)
        self.tls_error = tls_error
        self.timeout = timeout


def request_once(method, url, body=None, headers=None, timeout=10, keep_alive=True):
    """One HTTP request without following redirects: a Response (any status) or TransportError."""
    start = time.monotonic()
    try:
        status, answer_headers, data = _CLIENT[0].exchange(method, url, body, headers, timeout, keep_alive)
        return Response(status, answer_headers, data, int((time.monotonic() - start) * 1000))
    except TransportError:
        raise
    except URLError as exc:
        reason = exc.reason
        if isinstance(reason, ssl.SSLError):
            raise TransportError("TLS error: %s" % reason, tls_error=str(reason))
        if isinstance(reason, socket.timeout):
            raise TransportError("no answer within %s s" % timeout, timeout=True)
        raise TransportError("cannot connect to %s: %s" % (_where(url), reason))
    except ssl.SSLError as exc:
        raise TransportError("TLS error: %s" % exc, tls_error=str(exc))
    except socket.timeout:
        raise TransportError("no answer within %s s" % timeout, timeout=True)
    except (OSError, IOError) as exc:  # connection reset, remote closed without an answer, ...
        raise TransportError("connection to %s failed: %s" % (_where(url), exc))
    except Exception as exc:  # http.client.RemoteDisconnected and friends
        raise TransportError("connection to %s failed: %s" % (_where(url), exc.__class__.__name__))


def _where(url):
    parts = urlsplit(url)
    return "%s://%s%s" % (parts.scheme, parts.hostname or "", (":%s" % parts.port) if parts.port else "")


def backoff_delays(retries, base=0.5, cap=8.0):
    return [min(cap, base * (2 ** n)) for n in range(retries)]


def request(method, url, body=None, headers=None, timeout=10, retries=3, retry_timeouts=True, sleep=time.sleep):
    """request_once with retries and exponential backoff on 5xx, connection errors and timeouts.

    Returns the last Response (which may be a 5xx when retries ran out); raises TransportError when
    the last attempt got no answer at all. TLS errors are not retried: they do not go away.
    """
    delays = backoff_delays(retries)
    attempt = 0
    while True:
        try:
            resp = request_once(method, url, body, headers, timeout)
            if resp.status < 500 or attempt >= len(delays):
                resp.attempts = attempt + 1
                return resp
        except TransportError as exc:
            if exc.tls_error or attempt >= len(delays) or (exc.timeout and not retry_timeouts):
                raise
        sleep(delays[attempt])
        attempt += 1


def post_form(url, fields, timeout=30, retries=2, retry_timeouts=True):
    """POST a payment form; the endpoint's page read by read_payment_page."""
    body = urlencode(fields).encode("ascii")
    resp = request("POST", url, body, {"Content-Type": "application/x-www-form-urlencoded"}, timeout, retries,
                   retry_timeouts=retry_timeouts)
    return read_payment_page(resp.status, resp.text())


def probe_notification(url, fields, timeout=10):
    """POST a notification once, like the gateway: no redirect followed, 10 s budget."""
    out = {"ok": False, "http_code": None, "redirect": False, "location": None, "tls_error": None,
           "elapsed_ms": None, "error": None}
    start = time.monotonic()
    try:
        resp = request_once("POST", url, urlencode(fields).encode("ascii"),
                            {"Content-Type": "application/x-www-form-urlencoded"}, timeout, keep_alive=False)
    except TransportError as exc:
        out["elapsed_ms"] = int((time.monotonic() - start) * 1000)
        out["tls_error"] = exc.tls_error
        out["error"] = str(exc)
        return out
    out["elapsed_ms"] = resp.elapsed_ms
    out["http_code"] = resp.status
    if resp.status in (301, 302, 303, 307, 308):
        out["redirect"] = True
        out["location"] = resp.headers.get("Location") or resp.headers.get("location")
        out["error"] = ("the URL redirects (HTTP %s to %s): the gateway does not follow redirects, so the "
                        "merchant would never see the notification although the gateway counts it as sent"
                        % (resp.status, out["location"]))
    elif 200 <= resp.status <= 206:
        out["ok"] = True
    else:
        out["error"] = "HTTP %s: the gateway would count this notification as failed and retry it" % resp.status
    return out


# ---------------------------------------------------------------------------------------------- REST V4
def password_mode(password):
    """TEST or PRODUCTION from a REST password's prefix, or None."""
    if not password:
        return None
    if password.startswith("testpassword_"):
        return "TEST"
    if password.startswith("prodpassword_"):
        return "PRODUCTION"
    return None


class RestError(GatewayError):
    def __init__(self, message, code=None, detail=None):
        GatewayError.__init__(self, message)
        self.code = code
        self.detail = detail


class RestClient(object):
    """POST <base>/<Service> with Basic auth; answers {"status": "SUCCESS"|"ERROR", "answer": {...}}."""

    def __init__(self, base_url, site_id, password, timeout=10, retries=3):
        self.base_url = base_url
        self.site_id = site_id
        self._auth = "Basic " + base64.b64encode(("%s:%s" % (site_id, password)).encode("utf-8")).decode("ascii")
        self.timeout = timeout
        self.retries = retries

    def call(self, service, payload):
        """The answer dict of a SUCCESS; raises RestError for an ERROR answer or an HTTP failure."""
        try:
            resp = request("POST", self.base_url + service, json.dumps(payload).encode("utf-8"),
                           {"Content-Type": "application/json", "Authorization": self._auth,
                            "Accept": "application/json"},
                           self.timeout, self.retries)
        except TransportError as exc:
            raise RestError("%s: %s (after %d retries)" % (service, exc, self.retries))
        doc = resp.json()
        answer = doc.get("answer") if isinstance(doc, dict) else None
        if isinstance(doc, dict) and doc.get("status") == "SUCCESS" and isinstance(answer, dict):
            return answer
        if isinstance(answer, dict) and answer.get("errorCode"):
            raise RestError("%s: %s %s%s" % (service, answer.get("errorCode"), answer.get("errorMessage") or "",
                                             (" (%s)" % answer["detailedErrorMessage"])
                                             if answer.get("detailedErrorMessage") else ""),
                            code=answer.get("errorCode"), detail=answer.get("detailedErrorCode"))
        if resp.status >= 500:
            raise RestError("%s: HTTP %s after %d retries" % (service, resp.status, self.retries), code="HTTP_%s" % resp.status)
        raise RestError("%s: unexpected answer (HTTP %s)" % (service, resp.status), code="HTTP_%s" % resp.status)

    def get_transaction(self, uuid):
        return self.call("Transaction/Get", {"uuid": uuid})

    def get_order(self, order_id):
        return self.call("Order/Get", {"orderId": order_id})

    def cancel(self, uuid, comment=None):
        payload = {"uuid": uuid, "resolutionMode": "CANCELLATION_ONLY"}
        if comment:
            payload["comment"] = comment
        return self.call("Transaction/CancelOrRefund", payload)


# ---------------------------------------------------------------------------------------------- URLs
_LOCAL_NAMES = ("localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback")
_INTERNAL_SUFFIXES = (".localhost", ".local", ".localdomain", ".internal", ".lan", ".home.arpa", ".intranet", ".corp")


def _address_problem(address):
    return address_kind(address)


def _resolve(host):
    try:
        return sorted(set(info[4][0] for info in socket.getaddrinfo(host, None)))
    except (socket.gaierror, socket.herror, UnicodeError, OSError):
        return None


def notification_url_problems(url, mode, sandbox=False, resolver=_resolve):
    """Why the gateway could not (or should not) call this URL in this mode; [] when fine.

    The messages never quote the URL's credentials.
    """
    if not url or not isinstance(url, str):
        return ["url is required"]
    problems = url_syntax_problems(url)
    if problems:
        return problems
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https") or not parts.netloc or not parts.hostname:
        return ["the URL is not absolute (it needs http:// or https:// and a host name)"]
    if parts.username is not None or parts.password is not None or "@" in parts.netloc:
        problems.append("the URL contains credentials (user:password@): the gateway sends none, and the Back "
                        "Office would show them to every operator")
    if parts.fragment or "#" in url:
        problems.append("the URL has a fragment (#...), which is never sent to the server")
    host = parts.hostname.lower().rstrip(".")
    where = None
    literal = _address_problem(host)
    try:
        ipaddress.ip_address(host.split("%")[0])
        is_literal = True
    except ValueError:
        is_literal = False
    if is_literal:
        where = literal and ("%s is a %s address" % (host, literal))
    elif host in _LOCAL_NAMES or host.endswith(".localhost"):
        where = "%s is a loopback name" % host
    else:
        addresses = resolver(host)
        if addresses:
            bad = [(a, _address_problem(a)) for a in addresses if _address_problem(a)]
            if bad:
                where = "%s resolves to %s" % (host, ", ".join("%s (%s)" % pair for pair in bad))
        elif "." not in host or host.endswith(_INTERNAL_SUFFIXES):
            where = "%s is an internal name" % host
    if mode == "PRODUCTION":
        loopback_ok = sandbox and where is not None and ("loopback" in where)
        if parts.scheme != "https" and not loopback_ok:
            problems.append("PRODUCTION notifications must use https:// (got %s://)" % parts.scheme)
        if where and not sandbox:
            problems.append("the gateway cannot reach this host from the Internet: %s" % where)
    return problems


# ---------------------------------------------------------------------------------------------- fleet
FLEET_OPTIONS = {
    "name": {"type": "str"},
    "concurrency": {"type": "int", "default": 8},
}
FLEET_OPTIONS.update(HTTP_OPTIONS)
# One value for the whole call, never per shop: one HTTP client, one TLS context, one thread pool,
# one bundle of secrets.
CALL_OPTIONS = ("concurrency", "secrets") + tuple(HTTP_OPTIONS)


def fleet_argument_spec(own):
    """name, concurrency, the module's own options, and ``shops`` (the same options, no defaults)."""
    top = copy.deepcopy(FLEET_OPTIONS)
    top.update(copy.deepcopy(own))
    top["shops"] = batch.shops_option(top, exclude=CALL_OPTIONS)
    if secrets_option.secret_options(own):
        top["secrets"] = dict(secrets_option.SECRETS_OPTION)
    return top


def merge_fleet(params, names, dict_options=()):
    """Each item of ``shops`` over the top-level values; dict options are merged key by key."""
    return batch.merge_shops(params, names, dict_options=dict_options)


def label(shop, index):
    return shop.get("name") or (shop.get("site_id") and str(shop["site_id"])) or "shop #%d" % (index + 1)


def run_all(func, items, concurrency=8):
    """func(item) for every item, at most `concurrency` at a time; results in order."""
    items = list(items)
    if not items:
        return []
    workers = max(1, min(int(concurrency or 1), len(items)))
    if workers == 1:
        return [func(item) for item in items]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(func, items))


def fail_if_problems(module, labels, problems, what="shop(s) cannot be handled"):
    """labels and problems are parallel lists; fail naming each bad shop, nothing changed."""
    bad = [(name, probs) for name, probs in zip(labels, problems) if probs]
    if bad:
        batch.fail_naming_shops(module, bad, len(labels), what)


duplicate_names = batch.duplicate_name_problems

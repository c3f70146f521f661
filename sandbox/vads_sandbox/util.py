"""Small helpers shared by the sandbox modules."""
from __future__ import annotations

import ipaddress
import secrets
import string
from datetime import datetime, timezone

ALNUM = string.ascii_letters + string.digits

BRANDS = {
    "payzen": "https://secure.payzen.eu/vads-payment/",
    "systempay": "https://paiement.systempay.fr/vads-payment/",
    "sogecommerce": "https://sogecommerce.societegenerale.eu/vads-payment/",
    "scellius": "https://scelliuspaiement.labanquepostale.fr/vads-payment/",
    "clicandpay": "https://clicandpay.groupecdn.fr/vads-payment/",
    "lyracollect": "https://secure.lyra.com/vads-payment/",
    "epaync": "https://epaync.nc/vads-payment/",
    "osb": "https://secure.osb.pf/vads-payment/",
}

# ISO 4217 numeric -> alpha, for the REST API (which speaks alpha codes).
CURRENCIES = {
    "978": "EUR", "840": "USD", "826": "GBP", "756": "CHF", "953": "XPF", "124": "CAD",
    "036": "AUD", "392": "JPY", "752": "SEK", "578": "NOK", "208": "DKK", "985": "PLN",
    "504": "MAD", "788": "TND", "952": "XOF", "986": "BRL", "484": "MXN", "032": "ARS",
}


def now_iso() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def iso_from_epoch(ts: float | None) -> str | None:
    if ts is None:
        return None
    return datetime.fromtimestamp(ts, timezone.utc).isoformat(timespec="milliseconds")


def random_alnum(n: int) -> str:
    return "".join(secrets.choice(ALNUM) for _ in range(n))


def new_test_key() -> str:
    return random_alnum(16)


def new_uuid() -> str:
    return secrets.token_hex(16)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def currency_alpha(numeric: str) -> str:
    return CURRENCIES.get(numeric, numeric)


# The platform's REST API host per brand, where public documentation confirms it (others: None).
REST_API_URLS = {
    "payzen": "https://api.payzen.eu/api-payment/",
    "systempay": "https://api.systempay.fr/api-payment/",
    "lyracollect": "https://api.lyra.com/api-payment/",
}

# REST answers name the platform that served them (applicationProvider).
PROVIDERS = {
    "payzen": "PAYZEN", "systempay": "SYSTEMPAY", "sogecommerce": "SOGECOMMERCE",
    "scellius": "SCELLIUS", "clicandpay": "CLICANDPAY", "lyracollect": "LYRA", "epaync": "EPAYNC",
    "osb": "OSB",
}


def rest_date(iso: str | None) -> str | None:
    """REST V4 timestamps: ISO 8601 UTC to the second, "+00:00" (no milliseconds)."""
    if not iso:
        return None
    return datetime.fromisoformat(iso).astimezone(timezone.utc).isoformat(timespec="seconds")

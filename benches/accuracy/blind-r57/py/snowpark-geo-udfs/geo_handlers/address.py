"""Scalar UDF handlers for address clean-up in the logistics warehouse.

deploy_udfs.py registers these as permanent Snowflake UDFs.  The external
access integration GEO_API_ACCESS allows egress to the geo API host.
"""
import re

import requests

GEO_API = "https://geo.internal-api.example.com/v2"
_POSTCODE_RE = re.compile(r"\b(\d{5})(?:-\d{4})?\b")

_session = None
_country_names = {}


def _api_key():
    import _snowflake  # only importable inside the Snowflake Python runtime

    return _snowflake.get_generic_secret_string("geo_api_key")


def _shared_session():
    global _session
    if _session is None:
        _session = requests.Session()
        _session.headers["Authorization"] = "Bearer " + _api_key()
        _session.headers["User-Agent"] = "snowflake-udf/geo"
    return _session


def normalize_address(raw: str, country: str) -> str:
    """NORMALIZE_ADDRESS(raw, country): canonical single-line address."""
    if raw is None:
        return None
    cleaned = " ".join(raw.split()).upper()
    if not cleaned:
        return None

    http = requests.Session()
    http.headers["Authorization"] = "Bearer " + _api_key()
    resp = http.post(
        GEO_API + "/normalize",
        json={"address": cleaned, "country": (country or "US").upper()},
        timeout=10,
    )
    if resp.status_code == 422:
        return cleaned
    resp.raise_for_status()
    return resp.json().get("normalized", cleaned)


def postcode_of(raw: str) -> str:
    """POSTCODE_OF(raw): first 5-digit US postcode in the string, or NULL."""
    if not raw:
        return None
    match = _POSTCODE_RE.search(raw)
    return match.group(1) if match else None


def country_name(code: str) -> str:
    """COUNTRY_NAME(code): ISO 3166 alpha-2 code to display name."""
    if not code:
        return None
    code = code.strip().upper()
    if code in _country_names:
        return _country_names[code]
    resp = _shared_session().get(GEO_API + "/countries/" + code, timeout=5)
    if resp.status_code == 404:
        _country_names[code] = None
        return None
    resp.raise_for_status()
    name = resp.json()["name"]
    _country_names[code] = name
    return name

"""Thin client for the internal geo-IP service.

Shipped to the Hadoop task nodes next to the job (see FILES in enrich_job.py).
"""
import ipaddress
import os

import httpx

GEO_API_URL = os.environ.get("GEO_API_URL", "https://geo.internal.acme.io")
GEO_API_KEY = os.environ.get("GEO_API_KEY", "")

UNKNOWN = "ZZ"


def geo_client() -> httpx.Client:
    """Build a client for the geo service."""
    return httpx.Client(
        base_url=GEO_API_URL,
        timeout=httpx.Timeout(5.0, connect=2.0),
        headers={"X-Api-Key": GEO_API_KEY, "User-Agent": "clickstream-enrich/1.4"},
    )


def is_routable(ip: str) -> bool:
    try:
        addr = ipaddress.ip_address(ip)
    except ValueError:
        return False
    return not (addr.is_private or addr.is_loopback or addr.is_reserved)


def lookup_country(client: httpx.Client, ip: str) -> str:
    if not is_routable(ip):
        return UNKNOWN
    resp = client.get("/v1/lookup", params={"ip": ip})
    if resp.status_code == 404:
        return UNKNOWN
    resp.raise_for_status()
    return resp.json().get("country_code") or UNKNOWN

"""Thin wrappers for the parcel carriers' tracking APIs."""
import os

import httpx

CARRIER_APIS = {
    "dhl": "https://api-eu.dhl.com/track",
    "ups": "https://onlinetools.ups.com/api/track/v1",
    "postnl": "https://api.postnl.nl/shipment/v2",
}


def client_for(carrier: str) -> httpx.AsyncClient:
    base_url = CARRIER_APIS[carrier]
    token = os.environ[f"{carrier.upper()}_API_KEY"]
    return httpx.AsyncClient(base_url=base_url, headers={"Authorization": f"Bearer {token}"}, timeout=8.0)


def describe(carrier: str, payload: dict) -> str:
    if carrier == "dhl":
        return payload["shipments"][0]["status"]["description"]
    if carrier == "ups":
        return payload["trackResponse"]["shipment"][0]["package"][0]["currentStatus"]["description"]
    return payload.get("status", "unknown")

import os

import httpx

GEOIP_URL = os.environ.get("GEOIP_URL", "http://geoip.dns.acme.lan:8080")


def region_of(remote_ip: str) -> str:
    with httpx.Client(base_url=GEOIP_URL, timeout=0.5) as client:
        try:
            resp = client.get(f"/v1/region/{remote_ip}")
            resp.raise_for_status()
        except httpx.HTTPError:
            return "default"
        return resp.json().get("region", "default")

import os

import requests
from maltego_trx.entities import IPAddress
from maltego_trx.maltego import UIM_PARTIAL, MaltegoMsg, MaltegoTransform
from maltego_trx.transform import DiscoverableTransform

from clients import cache

PDNS_URL = os.environ.get("PDNS_URL", "https://pdns.internal.example/api/v2")
CACHE_TTL = 6 * 3600


class DomainToPassiveDNS(DiscoverableTransform):
    """Domain -> IPv4 addresses observed for it in passive DNS."""

    @classmethod
    def create_entities(cls, request: MaltegoMsg, response: MaltegoTransform):
        domain = request.Value.strip().lower().rstrip(".")
        key = f"pdns:{domain}"

        cached = cache.smembers(key)
        if cached:
            for ip in sorted(cached):
                response.addEntity(IPAddress, ip)
            return

        api_key = request.getTransformSetting("pdns_api_key")
        session = requests.Session()
        session.headers.update({"Authorization": f"Bearer {api_key}", "Accept": "application/json"})
        resp = session.get(
            f"{PDNS_URL}/rrset/name/{domain}",
            params={"rrtype": "A", "limit": request.Slider},
            timeout=15,
        )
        if resp.status_code != 200:
            response.addUIMessage(f"pDNS lookup for {domain} failed: HTTP {resp.status_code}", UIM_PARTIAL)
            return

        seen = {}
        for record in resp.json().get("records", []):
            ip = record["rdata"]
            if ip not in seen or record["last_seen"] > seen[ip]:
                seen[ip] = record["last_seen"]

        for ip, last_seen in sorted(seen.items(), key=lambda kv: kv[1], reverse=True):
            ent = response.addEntity(IPAddress, ip)
            ent.addProperty("pdns.last_seen", "Last seen", "loose", last_seen)
            ent.setLinkLabel("pDNS A")

        if seen:
            cache.sadd(key, *seen.keys())
            cache.expire(key, CACHE_TTL)

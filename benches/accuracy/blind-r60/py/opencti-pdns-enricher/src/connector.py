"""OpenCTI internal-enrichment connector: resolves Domain-Name / IPv4-Addr
observables against our passive-DNS service and writes the answers back as
resolves-to relationships."""

from datetime import datetime, timezone
from typing import Dict, List

import psycopg
import requests
import stix2
from pycti import (
    OpenCTIConnectorHelper,
    StixCoreRelationship,
    get_config_variable,
)


class PassiveDnsEnricher:
    def __init__(self, config: dict):
        self.helper = OpenCTIConnectorHelper(config)
        self.api_url = get_config_variable(
            "PDNS_API_URL", ["pdns", "api_url"], config
        ).rstrip("/")
        self.api_key = get_config_variable("PDNS_API_KEY", ["pdns", "api_key"], config)
        self.cache_dsn = get_config_variable(
            "PDNS_CACHE_DSN", ["pdns", "cache_dsn"], config
        )
        self.max_records = get_config_variable(
            "PDNS_MAX_RECORDS", ["pdns", "max_records"], config, isNumber=True, default=50
        )
        self.author = stix2.Identity(
            id="identity--6b1a3a1c-77a2-5b0e-9a52-1a3c0e3c2f10",
            name="SecOps passive DNS",
            identity_class="organization",
        )

    # -- passive DNS service -------------------------------------------------

    def _lookup(self, kind: str, value: str) -> List[dict]:
        session = requests.Session()
        session.headers.update({"X-API-Key": self.api_key, "Accept": "application/json"})
        resp = session.get(
            f"{self.api_url}/v2/{kind}/{value}",
            params={"limit": self.max_records},
            timeout=20,
        )
        if resp.status_code == 404:
            return []
        resp.raise_for_status()
        return resp.json().get("records", [])

    def _remember(self, value: str, records: List[dict]) -> None:
        with psycopg.connect(self.cache_dsn, autocommit=True) as conn:
            conn.execute(
                "INSERT INTO pdns_lookups (observable, answers, looked_up_at) "
                "VALUES (%s, %s, %s) "
                "ON CONFLICT (observable) DO UPDATE "
                "SET answers = EXCLUDED.answers, looked_up_at = EXCLUDED.looked_up_at",
                (value, len(records), datetime.now(timezone.utc)),
            )

    # -- OpenCTI -----------------------------------------------------------

    def _relationship(self, source_id: str, target_id: str, rec: dict):
        return stix2.Relationship(
            id=StixCoreRelationship.generate_id("resolves-to", source_id, target_id),
            relationship_type="resolves-to",
            source_ref=source_id,
            target_ref=target_id,
            start_time=rec.get("first_seen"),
            stop_time=rec.get("last_seen"),
            created_by_ref=self.author.id,
        )

    def process_message(self, data: Dict) -> str:
        stix_entity = data["stix_entity"]
        stix_objects = data["stix_objects"]
        entity_type = stix_entity["type"]
        value = stix_entity.get("value")
        if not value:
            return "Observable has no value, nothing to enrich"

        kind = "domain" if entity_type == "domain-name" else "ip"
        records = self._lookup(kind, value)
        self._remember(value, records)
        if not records:
            return f"No passive DNS records for {value}"

        objects = [self.author]
        for rec in records:
            if kind == "domain":
                other = stix2.IPv4Address(value=rec["rdata"])
                rel = self._relationship(stix_entity["id"], other.id, rec)
            else:
                other = stix2.DomainName(value=rec["rrname"].rstrip("."))
                rel = self._relationship(other.id, stix_entity["id"], rec)
            objects.extend([other, rel])

        bundle = self.helper.stix2_create_bundle(stix_objects + objects)
        sent = self.helper.send_stix2_bundle(bundle, cleanup_inconsistent_bundle=True)
        return f"Sent {len(sent)} bundle(s) with {len(records)} passive DNS answers"

    def start(self) -> None:
        self.helper.listen(message_callback=self.process_message)

import logging
import os
from datetime import datetime, timezone

from sqlalchemy import text

from .clients import VLAN_TENANTS

log = logging.getLogger(__name__)

WEBHOOK = os.environ.get("DNSWATCH_WEBHOOK", "https://chatops.internal/hooks/dnswatch")
RECORD_HIT = text(
    "INSERT INTO blocklist_hits (tenant, client_ip, qname, seen_at) VALUES (:tenant, :ip, :qname, :seen_at)"
)


class DnsQueryHandler:
    """Passed to capture.apply_on_packets(); called once per captured DNS query."""

    def __init__(self, search, Session, http, blocklist):
        self.search = search
        self.Session = Session
        self.http = http
        self.blocklist = blocklist

    def __call__(self, packet):
        if not hasattr(packet, "dns") or not hasattr(packet, "vlan"):
            return
        tenant = VLAN_TENANTS.get(int(packet.vlan.id))
        if tenant is None:
            return
        qname = str(packet.dns.qry_name).rstrip(".").lower()
        client_ip = packet.ip.src if hasattr(packet, "ip") else packet.ipv6.src
        seen_at = packet.sniff_time.replace(tzinfo=timezone.utc)

        es = self.search.for_tenant(tenant)
        if es is not None:
            es.index(
                index=f"dns-queries-{seen_at:%Y.%m.%d}",
                document={"@timestamp": seen_at.isoformat(), "client.ip": client_ip, "dns.question.name": qname},
            )

        if self._blocked(qname):
            with self.Session() as session, session.begin():
                session.execute(RECORD_HIT, {"tenant": tenant, "ip": client_ip, "qname": qname, "seen_at": seen_at})
            try:
                self.http.post(WEBHOOK, json={"text": f"[{tenant}] {client_ip} looked up blocked domain {qname}"})
            except Exception:
                log.exception("webhook failed")

    def _blocked(self, qname):
        parts = qname.split(".")
        return any(".".join(parts[i:]) in self.blocklist for i in range(len(parts) - 1))


def load_blocklist(Session):
    with Session() as session:
        rows = session.execute(text("SELECT domain FROM blocklist WHERE enabled")).scalars().all()
    log.info("loaded %d blocked domains at %s", len(rows), datetime.now(timezone.utc).isoformat())
    return frozenset(rows)

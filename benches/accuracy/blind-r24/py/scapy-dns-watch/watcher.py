"""Per-packet logic. scapy calls DnsWatcher.handle once for every sniffed packet."""
import json
import logging
import time
import urllib.request

from pymongo.collection import Collection
from pymongo.errors import DuplicateKeyError
from redis import Redis
from scapy.all import DNS, DNSQR, IP

log = logging.getLogger(__name__)


class DnsWatcher:
    def __init__(self, domains: Collection, counters: Redis, alert_url: str | None,
                 allow_suffixes: tuple[str, ...] = ()):
        self.domains = domains
        self.counters = counters
        self.alert_url = alert_url
        self.allow_suffixes = allow_suffixes

    def handle(self, pkt) -> None:
        if not pkt.haslayer(DNSQR) or pkt[DNS].qr != 0:
            return
        qname = pkt[DNSQR].qname.decode(errors="replace").rstrip(".").lower()
        client = pkt[IP].src if pkt.haslayer(IP) else "?"
        minute = int(time.time() // 60)

        pipe = self.counters.pipeline(transaction=False)
        pipe.hincrby(f"dns:{minute}", client, 1)
        pipe.expire(f"dns:{minute}", 3600)
        pipe.execute()

        if qname.endswith(self.allow_suffixes):
            return
        try:
            self.domains.insert_one(
                {"_id": qname, "first_seen": time.time(), "first_client": client}
            )
        except DuplicateKeyError:
            return
        log.info("new domain %s from %s", qname, client)
        self._alert(qname, client)

    def _alert(self, qname: str, client: str) -> None:
        if not self.alert_url:
            return
        body = json.dumps({"text": f"New domain `{qname}` queried by {client}"}).encode()
        req = urllib.request.Request(
            self.alert_url, data=body, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(req, timeout=5) as resp:
                resp.read()
        except OSError:
            log.warning("alert webhook failed for %s", qname)

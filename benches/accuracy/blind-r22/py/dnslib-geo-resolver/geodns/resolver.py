"""GeoDNS resolver. DNSServer calls resolve() once per query, from its
UDP/TCP handler threads; the resolver only borrows shared clients."""
import ipaddress
import logging

import redis
from dnslib import AAAA, QTYPE, RCODE, RR, A
from dnslib.server import BaseResolver
from psycopg_pool import ConnectionPool

log = logging.getLogger("geodns.resolver")

ANSWER_TTL = 30
CACHE_TTL = 20


class GeoResolver(BaseResolver):
    def __init__(self, zone: str, pool: ConnectionPool, cache: redis.Redis) -> None:
        self.zone = zone.rstrip(".") + "."
        self.pool = pool
        self.cache = cache

    def _region_for(self, client_ip: str) -> str:
        cached = self.cache.get(f"geo:{client_ip}")
        if cached is not None:
            return cached
        with self.pool.connection() as conn:
            row = conn.execute(
                "SELECT region FROM client_networks WHERE network >> %s::inet "
                "ORDER BY masklen(network) DESC LIMIT 1",
                (client_ip,),
            ).fetchone()
        region = row[0] if row else "default"
        self.cache.set(f"geo:{client_ip}", region, ex=CACHE_TTL)
        return region

    def _targets(self, name: str, region: str) -> list[str]:
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT address FROM pool_members "
                "WHERE name = %s AND region IN (%s, 'default') AND healthy "
                "ORDER BY region = %s DESC, weight DESC LIMIT 4",
                (name, region, region),
            ).fetchall()
        return [r[0] for r in rows]

    def resolve(self, request, handler):
        reply = request.reply()
        qname = request.q.qname
        qtype = QTYPE[request.q.qtype]
        if not qname.matchSuffix(self.zone):
            reply.header.rcode = RCODE.REFUSED
            return reply
        if qtype not in ("A", "AAAA", "ANY"):
            return reply

        client_ip = handler.client_address[0]
        region = self._region_for(client_ip)
        for address in self._targets(str(qname).rstrip("."), region):
            ip = ipaddress.ip_address(address)
            if ip.version == 4 and qtype in ("A", "ANY"):
                reply.add_answer(RR(qname, QTYPE.A, rdata=A(address), ttl=ANSWER_TTL))
            elif ip.version == 6 and qtype in ("AAAA", "ANY"):
                reply.add_answer(RR(qname, QTYPE.AAAA, rdata=AAAA(address), ttl=ANSWER_TTL))
        if not reply.rr:
            reply.header.rcode = RCODE.NXDOMAIN
        return reply

"""Entry point: `python -m geodns.server`."""
import logging
import os
import signal
import threading

import redis
from dnslib.server import DNSLogger, DNSServer
from psycopg_pool import ConnectionPool

from geodns.resolver import GeoResolver

log = logging.getLogger("geodns")


def build_pool() -> ConnectionPool:
    pool = ConnectionPool(
        conninfo=os.environ.get("GEODNS_DSN", "postgresql://geodns@localhost/geodns"),
        min_size=2,
        max_size=8,
        open=False,
        name="geodns",
    )
    pool.open(wait=True, timeout=60)
    return pool


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = build_pool()
    cache = redis.Redis(
        connection_pool=redis.BlockingConnectionPool.from_url(
            os.environ.get("REDIS_URL", "redis://localhost:6379/5"),
            max_connections=16,
            decode_responses=True,
        )
    )
    resolver = GeoResolver(os.environ.get("GEODNS_ZONE", "edge.example.net"), pool, cache)
    port = int(os.environ.get("DNS_PORT", "5353"))
    dns_log = DNSLogger("-request,-reply,-truncated,+error")

    servers = [
        DNSServer(resolver, port=port, address="0.0.0.0", logger=dns_log),
        DNSServer(resolver, port=port, address="0.0.0.0", tcp=True, logger=dns_log),
    ]
    for server in servers:
        server.start_thread()
    log.info("geodns serving %s on :%d", resolver.zone, port)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    try:
        while not stop.wait(1.0):
            if not all(server.isAlive() for server in servers):
                log.error("a DNS listener thread died, exiting")
                break
    finally:
        for server in servers:
            server.stop()
        cache.close()
        pool.close()


if __name__ == "__main__":
    main()

"""Long-running flow collector: one loop iteration per expired flow from nfstream."""
import argparse
import logging
import os
import time
from collections import defaultdict

import redis
from nfstream import NFStreamer

from flowcollector.sites import SiteRegistry

log = logging.getLogger("flowcollector")

FLUSH_EVERY = 500
FLUSH_SECONDS = 5.0

talkers = redis.Redis.from_url(os.environ.get("TALKERS_REDIS_URL", "redis://localhost:6379/3"))

INSERT = (
    "INSERT INTO flows (first_seen, last_seen, src_ip, dst_ip, src_port, dst_port, proto,"
    " bytes, packets, app, sni) VALUES (to_timestamp(%s / 1000.0), to_timestamp(%s / 1000.0),"
    " %s, %s, %s, %s, %s, %s, %s, %s, %s)"
)


def flush(registry, buffers):
    for site, rows in buffers.items():
        if not rows:
            continue
        with registry.pool_for(site).connection() as conn:
            with conn.cursor() as cur:
                cur.executemany(INSERT, rows)
        log.debug("flushed %d flows for %s", len(rows), site)
    buffers.clear()


def run(interface, registry):
    streamer = NFStreamer(source=interface, idle_timeout=15, active_timeout=120,
                          n_dissections=20, statistical_analysis=False)
    buffers = defaultdict(list)
    pending = 0
    last_flush = time.monotonic()
    for flow in streamer:
        site = registry.site_for(flow.src_ip) or registry.site_for(flow.dst_ip)
        if site is None:
            continue
        buffers[site].append((
            flow.bidirectional_first_seen_ms, flow.bidirectional_last_seen_ms,
            flow.src_ip, flow.dst_ip, flow.src_port, flow.dst_port, flow.protocol,
            flow.bidirectional_bytes, flow.bidirectional_packets,
            flow.application_name, flow.requested_server_name or None,
        ))
        talkers.zincrby(f"talkers:{site}", flow.bidirectional_bytes, flow.src_ip)
        pending += 1
        if pending >= FLUSH_EVERY or time.monotonic() - last_flush > FLUSH_SECONDS:
            flush(registry, buffers)
            pending = 0
            last_flush = time.monotonic()
    flush(registry, buffers)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--interface", default=os.environ.get("CAPTURE_IFACE", "eth1"))
    parser.add_argument("--sites", default="/etc/flowcollector/sites.toml")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO)

    registry = SiteRegistry(args.sites)
    try:
        run(args.interface, registry)
    except KeyboardInterrupt:
        log.info("stopping")
    finally:
        registry.close()
        talkers.close()


if __name__ == "__main__":
    main()

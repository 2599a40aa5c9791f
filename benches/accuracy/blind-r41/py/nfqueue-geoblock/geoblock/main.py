import logging
import os
import time

import geoip2.database
import psycopg
import redis
from netfilterqueue import NetfilterQueue
from psycopg_pool import ConnectionPool

from geoblock.filter import GeoFilter

log = logging.getLogger("geoblock")

DSN = os.environ.get("GEOBLOCK_DSN", "postgresql://geoblock:geoblock@10.0.0.5:5432/edge")
REDIS_URL = os.environ.get("GEOBLOCK_REDIS", "redis://10.0.0.5:6379/3")
MMDB = os.environ.get("GEOBLOCK_MMDB", "/var/lib/GeoIP/GeoLite2-Country.mmdb")


def wait_for_database(max_wait: float = 120.0) -> None:
    deadline = time.monotonic() + max_wait
    while True:
        try:
            with psycopg.connect(DSN, connect_timeout=3) as probe:
                probe.execute("SELECT 1")
            return
        except psycopg.OperationalError as exc:
            if time.monotonic() > deadline:
                raise
            log.warning("database unavailable (%s); retrying", exc)
            time.sleep(3)


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    wait_for_database()
    pool = ConnectionPool(DSN, min_size=1, max_size=3, open=True)
    cache = redis.Redis.from_url(REDIS_URL, socket_timeout=0.05)
    geo = geoip2.database.Reader(MMDB)

    nfq = NetfilterQueue()
    nfq.bind(int(os.environ.get("GEOBLOCK_QUEUE", "1")), GeoFilter(geo, pool, cache))
    try:
        nfq.run()
    except KeyboardInterrupt:
        pass
    finally:
        nfq.unbind()
        geo.close()
        pool.close()
        cache.close()


if __name__ == "__main__":
    main()

"""Point-of-sale relay: tills connect over TCP and push one receipt per line."""
from gevent import monkey

monkey.patch_all()

from psycogreen.gevent import patch_psycopg  # noqa: E402

patch_psycopg()

import logging  # noqa: E402
import os  # noqa: E402
import time  # noqa: E402

import psycopg2  # noqa: E402
import redis  # noqa: E402
from gevent.server import StreamServer  # noqa: E402

from handler import TillHandler  # noqa: E402

log = logging.getLogger("relay")


def build_pg_pool():
    from psycopg2.pool import ThreadedConnectionPool

    dsn = os.environ.get("POS_DSN", "host=pos-db dbname=retail user=relay")
    for attempt in range(1, 13):
        try:
            return ThreadedConnectionPool(2, 16, dsn=dsn, connect_timeout=5)
        except psycopg2.OperationalError as exc:
            log.warning("postgres not reachable yet (%s), retry %d", exc, attempt)
            time.sleep(5)
    raise SystemExit("giving up on postgres")


def build_redis():
    pool = redis.ConnectionPool.from_url(os.environ.get("POS_REDIS_URL", "redis://pos-cache:6379/0"), max_connections=32)
    return redis.Redis(connection_pool=pool)


def main():
    logging.basicConfig(level=logging.INFO)
    pg_pool = build_pg_pool()
    cache = build_redis()
    handler = TillHandler(pg_pool, cache, webhook=os.environ.get("LOYALTY_WEBHOOK"))
    server = StreamServer(("0.0.0.0", int(os.environ.get("RELAY_PORT", "6100"))), handler)
    log.info("relay listening on %s", server.address)
    try:
        server.serve_forever()
    finally:
        pg_pool.closeall()
        cache.close()


if __name__ == "__main__":
    main()

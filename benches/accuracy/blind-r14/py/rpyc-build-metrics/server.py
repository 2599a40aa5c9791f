import logging
import os
import time

import redis
from rpyc.utils.server import ThreadedServer

from db import make_sessionmaker
from service import BuildMetricsService

log = logging.getLogger("metrics")


def connect_redis(url: str, attempts: int = 10) -> redis.Redis:
    client = redis.Redis.from_url(url, health_check_interval=30)
    for attempt in range(1, attempts + 1):
        try:
            client.ping()
            return client
        except redis.ConnectionError:
            log.warning("redis not ready (attempt %d/%d)", attempt, attempts)
            time.sleep(min(2 ** attempt, 30))
    raise SystemExit("redis unavailable")


def main():
    logging.basicConfig(level=logging.INFO)
    Session = make_sessionmaker()
    cache = connect_redis(os.environ.get("METRICS_REDIS_URL", "redis://ci-redis:6379/3"))

    service = BuildMetricsService(Session, cache)
    server = ThreadedServer(
        service,
        port=int(os.environ.get("METRICS_PORT", "18861")),
        protocol_config={"allow_public_attrs": False, "sync_request_timeout": 30},
    )
    try:
        server.start()
    finally:
        cache.close()
        Session.kw["bind"].dispose()


if __name__ == "__main__":
    main()

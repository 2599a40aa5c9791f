import logging
import os
import time

import clickhouse_connect
import redis
from clickhouse_connect.driver.exceptions import OperationalError

log = logging.getLogger(__name__)


def connect_clickhouse(attempts=30):
    """Called once when ExaBGP starts the process; ClickHouse may still be booting."""
    for attempt in range(1, attempts + 1):
        try:
            client = clickhouse_connect.get_client(
                host=os.environ.get("CH_HOST", "clickhouse.noc.internal"),
                username=os.environ.get("CH_USER", "ribmirror"),
                password=os.environ.get("CH_PASSWORD", ""),
                database="bgp",
            )
            break
        except OperationalError:
            log.warning("clickhouse unavailable (attempt %d/%d)", attempt, attempts)
            time.sleep(min(2 * attempt, 20))
    else:
        raise SystemExit("clickhouse unreachable")
    return client


def connect_redis():
    return redis.Redis.from_url(
        os.environ.get("RIB_REDIS_URL", "redis://127.0.0.1:6379/2"), decode_responses=True
    )

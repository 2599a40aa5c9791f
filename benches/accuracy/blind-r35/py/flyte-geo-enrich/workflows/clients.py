import os
import threading
from functools import lru_cache

import clickhouse_connect
import httpx

GEOCODER_URL = os.environ.get("GEOCODER_URL", "http://geocoder.geo.svc:8080")

_geocoder: httpx.Client | None = None
_geocoder_lock = threading.Lock()


def geocoder() -> httpx.Client:
    global _geocoder
    with _geocoder_lock:
        if _geocoder is None:
            _geocoder = httpx.Client(
                base_url=GEOCODER_URL,
                timeout=httpx.Timeout(10.0, connect=3.0),
                limits=httpx.Limits(max_connections=8, max_keepalive_connections=8),
            )
        return _geocoder


@lru_cache(maxsize=1)
def clickhouse():
    return clickhouse_connect.get_client(
        host=os.environ.get("CLICKHOUSE_HOST", "clickhouse.analytics.svc"),
        username=os.environ.get("CLICKHOUSE_USER", "geo"),
        password=os.environ.get("CLICKHOUSE_PASSWORD", ""),
        database="geo",
    )

"""Small helpers for building the HTTP and cache clients the enricher uses."""
import redis
import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

USER_AGENT = "order-enricher/1.4 (+pulsar-function)"


def make_http(base_url, token=None):
    """Return a requests.Session configured for the internal pricing API."""
    session = requests.Session()
    retry = Retry(
        total=3,
        backoff_factor=0.3,
        status_forcelist=(502, 503, 504),
        allowed_methods=frozenset({"GET", "POST"}),
    )
    adapter = HTTPAdapter(max_retries=retry, pool_connections=4, pool_maxsize=8)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = USER_AGENT
    if token:
        session.headers["Authorization"] = f"Bearer {token}"
    session.base_url = base_url.rstrip("/")
    return session


def make_redis(url):
    """Redis client for the per-SKU price cache."""
    return redis.Redis.from_url(
        url,
        decode_responses=True,
        socket_timeout=2,
        socket_connect_timeout=2,
        health_check_interval=30,
    )


def price_cache_key(sku, currency):
    return f"price:{currency}:{sku}"

"""Clients shared by the Eve event hooks (one set per gunicorn worker)."""
import os
import threading

import boto3
import redis
from elasticsearch import Elasticsearch

cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://redis:6379/0"))

_sns = None
_sns_lock = threading.Lock()


def sns():
    global _sns
    if _sns is None:
        with _sns_lock:
            if _sns is None:
                _sns = boto3.client("sns", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
    return _sns


# each tenant has its own search cluster; one client per tenant, reused
_search_clients: dict[str, Elasticsearch] = {}
_search_lock = threading.Lock()


def search_for(tenant: str) -> Elasticsearch:
    client = _search_clients.get(tenant)
    if client is None:
        with _search_lock:
            client = _search_clients.get(tenant)
            if client is None:
                url = os.environ.get(f"ES_URL_{tenant.upper()}", f"https://{tenant}.search.internal:9200")
                client = Elasticsearch(url, api_key=os.environ.get("ES_API_KEY"), request_timeout=5)
                _search_clients[tenant] = client
    return client

"""Clients shared by the whole CKAN worker process.

Each organisation may bring its own Elasticsearch cluster (configured in
ckan.ini as ckanext.datasetindex.cluster.<org> = url); clients are cached per
organisation and reused for every request."""
import threading
from typing import Dict, Optional

import redis
from elasticsearch import Elasticsearch

_redis: Optional[redis.Redis] = None
_redis_lock = threading.Lock()


def get_redis(url: str) -> redis.Redis:
    global _redis
    if _redis is None:
        with _redis_lock:
            if _redis is None:
                _redis = redis.Redis.from_url(url, decode_responses=True)
    return _redis


class ClusterRegistry:
    def __init__(self, urls: Dict[str, str], default_url: str, api_key: str):
        self._urls = urls
        self._default_url = default_url
        self._api_key = api_key
        self._clients: Dict[str, Elasticsearch] = {}
        self._lock = threading.Lock()

    def for_org(self, org_name: str) -> Elasticsearch:
        url = self._urls.get(org_name, self._default_url)
        client = self._clients.get(url)
        if client is not None:
            return client
        with self._lock:
            client = self._clients.get(url)
            if client is None:
                client = Elasticsearch(url, api_key=self._api_key, request_timeout=10)
                self._clients[url] = client
        return client

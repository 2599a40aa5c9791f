import os

import ray
import requests
from elasticsearch import Elasticsearch

ES_URL = os.environ.get("ES_URL", "http://localhost:9200")
GEO_URL = os.environ.get("GEO_URL", "http://geoip.internal:8080")


@ray.remote
class GeoResolver:
    """Long-lived actor: one HTTP session for the life of the actor."""

    def __init__(self):
        self.http = requests.Session()

    def country(self, ip: str) -> str | None:
        resp = self.http.get(f"{GEO_URL}/lookup/{ip}", timeout=2)
        if resp.status_code != 200:
            return None
        return resp.json().get("country")


@ray.remote(num_cpus=0.25)
def index_event(event: dict) -> str:
    es = Elasticsearch(ES_URL, request_timeout=10)
    result = es.index(index="clicks", id=event["id"], document=event)
    return result["result"]

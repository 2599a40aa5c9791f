from functools import lru_cache

from django.conf import settings
from elasticsearch import Elasticsearch


def get_client() -> Elasticsearch:
    return Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=3)


@lru_cache(maxsize=1)
def shared_client() -> Elasticsearch:
    return get_client()


def search_products(query: str, size: int = 20) -> list[dict]:
    resp = shared_client().search(
        index="products",
        query={"multi_match": {"query": query, "fields": ["name^3", "description"]}},
        size=size,
    )
    return [hit["_source"] for hit in resp["hits"]["hits"]]

"""Catalogue search used by the RelatedProducts CMS plugin."""
from django.conf import settings
from elasticsearch import Elasticsearch

es = Elasticsearch(
    settings.CATALOG_ES_URL,
    api_key=settings.CATALOG_ES_API_KEY,
    request_timeout=5,
)


def related_products(query, limit):
    resp = es.search(
        index="products",
        query={"multi_match": {"query": query, "fields": ["name^2", "description"]}},
        size=limit,
    )
    return [hit["_source"] for hit in resp["hits"]["hits"]]

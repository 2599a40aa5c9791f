import os

from elasticsearch import Elasticsearch

ES_URL = os.environ.get("ES_URL", "http://elasticsearch:9200")
INDEX = "help-centre"


def search_articles(text: str, size: int = 3) -> list[dict]:
    """Return the few help-centre articles that best match the user's message."""
    es = Elasticsearch(ES_URL, request_timeout=5)
    result = es.search(
        index=INDEX,
        query={"multi_match": {"query": text, "fields": ["title^2", "body"]}},
        size=size,
    )
    return [hit["_source"] for hit in result["hits"]["hits"]]

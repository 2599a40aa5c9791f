import functools
import os

from elasticsearch import Elasticsearch

ES_URL = os.environ.get("ES_URL", "https://search.internal:9200")
ES_API_KEY = os.environ.get("ES_API_KEY", "")


def make_es():
    return Elasticsearch(ES_URL, api_key=ES_API_KEY, request_timeout=10)


@functools.lru_cache(maxsize=1)
def get_es():
    return Elasticsearch(ES_URL, api_key=ES_API_KEY, request_timeout=10)

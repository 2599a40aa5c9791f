from elasticsearch import Elasticsearch
from sqlalchemy import create_engine

from searchsync import settings


def make_es() -> Elasticsearch:
    return Elasticsearch(settings.ES_URL, api_key=settings.ES_API_KEY, request_timeout=10)


audit_engine = create_engine(settings.AUDIT_URL, pool_size=2, max_overflow=0)

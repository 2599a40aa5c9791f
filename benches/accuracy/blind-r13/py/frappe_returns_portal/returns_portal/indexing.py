"""Keeps the Elasticsearch index in step with Return Request documents."""
from elasticsearch import Elasticsearch

from returns_portal.settings import es_url

_client = Elasticsearch(hosts=[es_url()], request_timeout=30, retry_on_timeout=True)

INDEX = "return-requests"


def index_return(doc, method=None):
    _client.index(
        index=INDEX,
        id=doc.name,
        document={
            "customer_name": doc.customer_name,
            "reason": doc.reason,
            "status": doc.status,
            "items": [{"item_name": row.item_name, "qty": row.qty} for row in doc.items],
        },
    )


def remove_return(doc, method=None):
    _client.delete(index=INDEX, id=doc.name, ignore=[404])

"""Customer-facing search over return requests."""
import frappe
from elasticsearch import Elasticsearch

from returns_portal.settings import es_url

es = Elasticsearch(es_url(), request_timeout=10)

INDEX = "return-requests"


@frappe.whitelist()
def search_returns(query: str, page: int = 1):
    page = int(page)
    result = es.search(
        index=INDEX,
        query={"multi_match": {"query": query, "fields": ["customer_name", "items.item_name", "reason"]}},
        from_=(page - 1) * 20,
        size=20,
    )
    return [hit["_source"] for hit in result["hits"]["hits"]]

import os

from crewai.tools import tool
from elasticsearch import Elasticsearch


@tool("search_filings")
def search_filings(company_name: str) -> str:
    """Full-text search over annual reports and regulatory filings for a company name."""
    es = Elasticsearch(
        os.environ.get("ES_URL", "https://search.internal:9200"),
        api_key=os.environ.get("ES_API_KEY"),
        request_timeout=10,
    )
    hits = es.search(
        index="filings-*",
        query={"match_phrase": {"body": company_name}},
        size=5,
        source=["title", "filed_at"],
    )["hits"]["hits"]
    return "\n".join(f"{h['_source']['filed_at']} {h['_source']['title']}" for h in hits) or "no filings"

import os

from elasticsearch import Elasticsearch, helpers


def index_page_views(events):
    es = Elasticsearch(
        os.environ.get("ES_URL", "https://search.internal:9200"),
        api_key=os.environ.get("ES_API_KEY"),
        request_timeout=10,
    )
    actions = (
        {"_index": "page-views", "_id": e["event_id"], "_source": e}
        for e in events
        if e.get("type") == "page_view"
    )
    helpers.bulk(es, actions)

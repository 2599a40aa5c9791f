import os

from elasticsearch import Elasticsearch, NotFoundError

INDEX_PREFIX = os.environ.get("ES_INDEX_PREFIX", "shop")


def apply_change(table: str, action: str, doc_id, doc: dict | None) -> None:
    es = Elasticsearch(
        os.environ["ES_URL"],
        api_key=os.environ["ES_API_KEY"],
        request_timeout=10,
        retry_on_timeout=True,
    )
    index = f"{INDEX_PREFIX}-{table}"
    if action == "delete":
        try:
            es.delete(index=index, id=str(doc_id))
        except NotFoundError:
            pass
        return
    es.index(index=index, id=str(doc_id), document=doc)

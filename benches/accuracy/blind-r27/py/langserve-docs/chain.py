"""Retrieval chain: OpenSearch BM25 -> tenant reranker -> formatted hits."""
import hashlib
import json

from langchain_core.runnables import RunnableConfig, RunnableLambda
from pydantic import BaseModel, Field

from clients import answer_cache, get_rerank_client, get_search_client


class SearchQuery(BaseModel):
    question: str = Field(..., description="Free-text question about the product docs")
    product: str | None = Field(None, description="Restrict to one product's docs")
    k: int = Field(8, ge=1, le=50)


def _tenant(config: RunnableConfig) -> str:
    return config.get("configurable", {}).get("tenant", "public")


def retrieve(query: dict, config: RunnableConfig) -> dict:
    tenant = _tenant(config)
    must = [{"multi_match": {"query": query["question"], "fields": ["title^3", "body"]}}]
    if query.get("product"):
        must.append({"term": {"product": query["product"]}})
    resp = get_search_client().search(
        index=f"docs-{tenant}",
        body={"query": {"bool": {"must": must}}, "size": query.get("k", 8) * 3},
    )
    hits = [{"id": h["_id"], **h["_source"]} for h in resp["hits"]["hits"]]
    return {"query": query, "hits": hits}


def rerank(payload: dict, config: RunnableConfig) -> dict:
    hits = payload["hits"]
    if not hits:
        return payload
    cache_key = "rr:" + hashlib.sha1(
        json.dumps([payload["query"]["question"], [h["id"] for h in hits]]).encode()
    ).hexdigest()
    cached = answer_cache.get(cache_key)
    if cached is not None:
        order = json.loads(cached)
    else:
        resp = get_rerank_client(_tenant(config)).post(
            "/v1/rerank",
            json={"query": payload["query"]["question"], "documents": [h["body"][:2000] for h in hits]},
        )
        resp.raise_for_status()
        order = [r["index"] for r in resp.json()["results"]]
        answer_cache.setex(cache_key, 600, json.dumps(order))
    k = payload["query"].get("k", 8)
    return {**payload, "hits": [hits[i] for i in order[:k]]}


def format_hits(payload: dict) -> list[dict]:
    return [
        {"title": h["title"], "url": h.get("url"), "snippet": h["body"][:300]}
        for h in payload["hits"]
    ]


search_chain = (
    RunnableLambda(retrieve) | RunnableLambda(rerank) | RunnableLambda(format_hits)
).with_types(input_type=SearchQuery)

import os

import httpx
from potassium import Potassium, Request, Response
from sentence_transformers import CrossEncoder

import feedback
import store

DOCS_API = os.environ.get("DOCS_API", "http://docs-api.internal:8080")

app = Potassium("search-rerank")


@app.init
def init():
    model = CrossEncoder("cross-encoder/ms-marco-MiniLM-L-6-v2", device="cuda", max_length=512)
    return {"model": model}


@app.handler("/")
def rerank(context: dict, request: Request) -> Response:
    query = request.json.get("query", "")
    query_id = request.json.get("query_id")
    top_k = int(request.json.get("top_k", 10))
    candidates = store.fetch_candidates(query_id)
    if not candidates:
        return Response(json={"results": []}, status=200)

    docs = httpx.Client(base_url=DOCS_API, timeout=10.0)
    resp = docs.post("/chunks:batchGet", json={"ids": [c["chunk_id"] for c in candidates]})
    resp.raise_for_status()
    texts = {c["id"]: c["text"] for c in resp.json()["chunks"]}

    pairs = [(query, texts.get(c["chunk_id"], "")) for c in candidates]
    scores = context["model"].predict(pairs, batch_size=32)
    ranked = sorted(zip(candidates, scores), key=lambda t: float(t[1]), reverse=True)[:top_k]
    return Response(
        json={"results": [{"doc_id": c["doc_id"], "chunk_id": c["chunk_id"], "score": float(s)} for c, s in ranked]},
        status=200,
    )


@app.handler("/feedback")
def feedback_handler(context: dict, request: Request) -> Response:
    stored = feedback.record_feedback(request.json)
    return Response(json={"stored": stored}, status=200)


if __name__ == "__main__":
    app.serve()

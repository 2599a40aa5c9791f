"""Cross-encoder reranker served through PyTriton.

Triton's HTTP/gRPC front end batches incoming requests and calls
``rerank`` once per batch.  Boost factors (editorial pins, freshness)
live in Postgres; recent scores are cached in Redis.
"""
import logging
import os

import numpy as np
import redis
from psycopg_pool import ConnectionPool
from pytriton.decorators import batch
from pytriton.model_config import ModelConfig, Tensor
from pytriton.triton import Triton, TritonConfig
from sentence_transformers import CrossEncoder

from boosts import load_boosts

log = logging.getLogger("reranker")

MODEL_NAME = os.environ.get("RERANK_MODEL", "cross-encoder/ms-marco-MiniLM-L-6-v2")
CACHE_TTL = int(os.environ.get("RERANK_CACHE_TTL", "600"))

model = CrossEncoder(MODEL_NAME, max_length=512)

# one pool for the whole server process
pool = ConnectionPool(
    conninfo=os.environ["SEARCH_DB_DSN"],
    min_size=1,
    max_size=8,
    open=True,
)


def _cache_key(query: str, doc_id: str) -> str:
    return f"rr:{hash(query) & 0xFFFFFFFF:x}:{doc_id}"


@batch
def rerank(query: np.ndarray, doc_id: np.ndarray, passage: np.ndarray):
    queries = [q[0].decode("utf-8") for q in query]
    doc_ids = [d[0].decode("utf-8") for d in doc_id]
    passages = [p[0].decode("utf-8") for p in passage]

    cache = redis.Redis(
        host=os.environ.get("REDIS_HOST", "localhost"),
        port=6379,
        db=3,
        socket_timeout=0.2,
    )
    keys = [_cache_key(q, d) for q, d in zip(queries, doc_ids)]
    cached = cache.mget(keys)

    todo = [i for i, hit in enumerate(cached) if hit is None]
    scores = np.zeros((len(queries), 1), dtype=np.float32)
    for i, hit in enumerate(cached):
        if hit is not None:
            scores[i, 0] = float(hit)

    if todo:
        fresh = model.predict([(queries[i], passages[i]) for i in todo])
        pipe = cache.pipeline(transaction=False)
        for i, s in zip(todo, fresh):
            scores[i, 0] = float(s)
            pipe.setex(keys[i], CACHE_TTL, float(s))
        pipe.execute()

    boosts = load_boosts(pool, doc_ids)
    for i, d in enumerate(doc_ids):
        scores[i, 0] *= boosts.get(d, 1.0)

    return {"score": scores}


def main():
    logging.basicConfig(level=logging.INFO)
    config = TritonConfig(http_port=8000, grpc_port=8001, metrics_port=8002)
    with Triton(config=config) as triton:
        triton.bind(
            model_name="reranker",
            infer_func=rerank,
            inputs=[
                Tensor(name="query", dtype=bytes, shape=(1,)),
                Tensor(name="doc_id", dtype=bytes, shape=(1,)),
                Tensor(name="passage", dtype=bytes, shape=(1,)),
            ],
            outputs=[Tensor(name="score", dtype=np.float32, shape=(1,))],
            config=ModelConfig(max_batch_size=64),
            strict=True,
        )
        log.info("serving reranker on :8000")
        triton.serve()


if __name__ == "__main__":
    main()

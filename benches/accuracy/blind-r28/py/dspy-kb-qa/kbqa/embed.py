"""Embeddings from the in-house embedding service (text-embeddings-inference)."""
import functools
import os

import httpx
import numpy as np

EMBED_URL = os.environ.get("EMBED_URL", "http://tei.internal:8080")
EMBED_DIM = int(os.environ.get("EMBED_DIM", "768"))


@functools.lru_cache(maxsize=1)
def embedding_client() -> httpx.Client:
    """One keep-alive client for the process; every query reuses it."""
    return httpx.Client(
        base_url=EMBED_URL,
        timeout=httpx.Timeout(10.0, connect=2.0),
        limits=httpx.Limits(max_connections=4, max_keepalive_connections=4),
    )


def embed(texts: list[str]) -> list[np.ndarray]:
    resp = embedding_client().post("/embed", json={"inputs": texts, "normalize": True, "truncate": True})
    resp.raise_for_status()
    vectors = [np.asarray(v, dtype=np.float32) for v in resp.json()]
    for vec in vectors:
        if vec.shape != (EMBED_DIM,):
            raise ValueError(f"unexpected embedding shape {vec.shape}")
    return vectors


def close() -> None:
    if embedding_client.cache_info().currsize:
        embedding_client().close()
        embedding_client.cache_clear()

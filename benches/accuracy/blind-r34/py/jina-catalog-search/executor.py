"""Product search Executor. Jina builds one instance per replica (__init__ once);
the @requests methods run for every incoming request."""
from typing import Optional

import httpx
import numpy as np
from docarray import BaseDoc, DocList
from jina import Executor, requests
from pgvector.psycopg import register_vector
from psycopg_pool import ConnectionPool

import clients


class Query(BaseDoc):
    text: str
    limit: int = 10


class Hit(BaseDoc):
    sku: str
    title: str
    score: float
    image_url: Optional[str] = None


class CatalogSearch(Executor):
    def __init__(self, dsn: str, embed_url: str, **kwargs):
        super().__init__(**kwargs)
        self.pool = ConnectionPool(
            dsn, min_size=1, max_size=6, configure=register_vector, open=True
        )
        self.http = httpx.Client(base_url=embed_url, timeout=5.0)

    def _embed(self, texts):
        resp = self.http.post("", json={"inputs": texts})
        resp.raise_for_status()
        return [np.asarray(v, dtype=np.float32) for v in resp.json()["embeddings"]]

    @requests(on="/search")
    def search(self, docs: DocList[Query], **kwargs) -> DocList[Hit]:
        vectors = self._embed([d.text for d in docs])
        hits = DocList[Hit]()
        with self.pool.connection() as conn:
            for q, vec in zip(docs, vectors):
                rows = conn.execute(
                    "SELECT sku, title, image_key, 1 - (embedding <=> %s) AS score "
                    "FROM products ORDER BY embedding <=> %s LIMIT %s",
                    (vec, vec, q.limit),
                ).fetchall()
                for sku, title, image_key, score in rows:
                    hits.append(
                        Hit(
                            sku=sku,
                            title=title,
                            score=float(score),
                            image_url=clients.presign(image_key) if image_key else None,
                        )
                    )
        return hits

    @requests(on="/reindex")
    def reindex(self, docs: DocList[Hit], **kwargs) -> DocList[Hit]:
        vectors = self._embed([d.title for d in docs])
        with self.pool.connection() as conn, conn.transaction():
            for d, vec in zip(docs, vectors):
                conn.execute(
                    "UPDATE products SET embedding = %s WHERE sku = %s", (vec, d.sku)
                )
        return docs

    def close(self):
        self.http.close()
        self.pool.close()
        super().close()

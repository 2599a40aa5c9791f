from __future__ import annotations

import hashlib
import json
import os

import bentoml
import httpx
import psycopg
import redis
from psycopg_pool import ConnectionPool

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://search:search@pg.internal:5432/search")
EMBED_URL = os.environ.get("EMBED_URL", "http://embedder.internal:3000")


@bentoml.service(resources={"cpu": "2"}, traffic={"timeout": 30, "concurrency": 16}, workers=2)
class SemanticSearch:
    @bentoml.on_deployment
    def prepare_schema() -> None:
        # Runs once per deployment, before any worker is spawned.
        with psycopg.connect(DATABASE_URL) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
            conn.execute(
                "CREATE TABLE IF NOT EXISTS documents (id text PRIMARY KEY, body text, embedding vector(384))"
            )

    def __init__(self) -> None:
        # Runs once per worker process when the service starts.
        self.pool = ConnectionPool(DATABASE_URL, min_size=1, max_size=8, open=True)
        self.cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/3"))
        self.embedder = httpx.Client(base_url=EMBED_URL, timeout=20.0)

    def _embed(self, text: str) -> list[float]:
        resp = self.embedder.post("/encode", json={"texts": [text]})
        resp.raise_for_status()
        return resp.json()[0]

    @bentoml.api
    def search(self, query: str, limit: int = 10) -> list[dict]:
        cache_key = "q:" + hashlib.sha1(f"{query}:{limit}".encode()).hexdigest()
        hit = self.cache.get(cache_key)
        if hit is not None:
            return json.loads(hit)
        vector = self._embed(query)
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT id, body, embedding <=> %s::vector AS distance FROM documents ORDER BY distance LIMIT %s",
                (str(vector), limit),
            ).fetchall()
        results = [{"id": r[0], "body": r[1][:300], "distance": float(r[2])} for r in rows]
        self.cache.setex(cache_key, 300, json.dumps(results))
        return results

    @bentoml.api
    def index(self, doc_id: str, body: str) -> dict:
        vector = self._embed(body)
        with self.pool.connection() as conn:
            conn.execute(
                "INSERT INTO documents (id, body, embedding) VALUES (%s, %s, %s::vector) "
                "ON CONFLICT (id) DO UPDATE SET body = EXCLUDED.body, embedding = EXCLUDED.embedding",
                (doc_id, body, str(vector)),
            )
        return {"id": doc_id, "indexed": True}

    @bentoml.on_shutdown
    def close_clients(self) -> None:
        self.pool.close()
        self.embedder.close()
        self.cache.close()

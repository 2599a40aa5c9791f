"""Semantic search endpoint.

    serve run search:app
"""
import os

import requests
from ray import serve
from sqlalchemy import create_engine, text
from sqlalchemy.orm import sessionmaker
from starlette.requests import Request

SEARCH_SQL = text(
    "SELECT id, title, url FROM documents"
    " ORDER BY embedding <-> CAST(:vec AS vector) LIMIT :k"
)


@serve.deployment(num_replicas=2, ray_actor_options={"num_cpus": 0.5})
class SearchDeployment:
    def __init__(self, database_url: str, embed_url: str):
        # runs once per replica (a long-lived Ray actor), not per request
        self.engine = create_engine(
            database_url, pool_size=4, max_overflow=2, pool_pre_ping=True
        )
        self.Session = sessionmaker(self.engine, expire_on_commit=False)
        self.http = requests.Session()
        self.embed_url = embed_url

    def _embed(self, query: str) -> list[float]:
        resp = self.http.post(self.embed_url, json={"input": query}, timeout=5)
        resp.raise_for_status()
        return resp.json()["embedding"]

    def __call__(self, request: Request) -> dict:
        query = request.query_params.get("q", "").strip()
        if not query:
            return {"results": []}
        k = min(int(request.query_params.get("k", "10")), 50)
        vector = self._embed(query)
        with self.Session() as session:
            rows = session.execute(
                SEARCH_SQL, {"vec": "[" + ",".join(map(str, vector)) + "]", "k": k}
            ).all()
        return {
            "results": [{"id": r.id, "title": r.title, "url": r.url} for r in rows]
        }

    def __del__(self):
        self.http.close()
        self.engine.dispose()


app = SearchDeployment.bind(
    os.environ.get("DATABASE_URL", "postgresql+psycopg2://search:search@localhost/search"),
    os.environ.get("EMBED_URL", "http://embedder.internal:8000/embed"),
)

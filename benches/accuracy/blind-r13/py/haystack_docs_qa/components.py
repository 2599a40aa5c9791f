"""Custom Haystack 2 components.

Pipeline.run() calls warm_up() on every component each time it runs, so
warm_up() has to be idempotent: it builds the client only the first time.
"""
import json
import os
import urllib.parse
import urllib.request
from typing import List, Optional

import httpx
from haystack import Document, component
from psycopg_pool import ConnectionPool


@component
class PgFullTextRetriever:
    def __init__(self, dsn: str, top_k: int = 5):
        self.dsn = dsn
        self.top_k = top_k
        self._pool: Optional[ConnectionPool] = None

    def warm_up(self) -> None:
        if self._pool is None:
            self._pool = ConnectionPool(self.dsn, min_size=1, max_size=4, open=True)

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    @component.output_types(documents=List[Document])
    def run(self, query: str):
        with self._pool.connection() as conn:
            rows = conn.execute(
                "SELECT id, title, body, ts_rank(tsv, q) AS score "
                "FROM docs, websearch_to_tsquery('english', %s) q "
                "WHERE tsv @@ q ORDER BY score DESC LIMIT %s",
                (query, self.top_k),
            ).fetchall()
        return {
            "documents": [
                Document(id=str(r[0]), content=r[2], meta={"title": r[1]}, score=float(r[3]))
                for r in rows
            ]
        }


@component
class ChangelogFetcher:
    """Adds recent release notes from the internal releases API."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self._client: Optional[httpx.Client] = None

    def warm_up(self) -> None:
        if self._client is None:
            self._client = httpx.Client(base_url=self.base_url, timeout=10.0)

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    @component.output_types(documents=List[Document])
    def run(self, query: str):
        resp = self._client.get("/releases", params={"q": query, "limit": 3})
        resp.raise_for_status()
        return {
            "documents": [
                Document(content=rel["notes"], meta={"title": f"Release {rel['version']}"})
                for rel in resp.json()
            ]
        }


@component
class GlossaryLookup:
    """Looks terms up in the public glossary service; plain urllib, no pool."""

    def __init__(self, url: str = os.environ.get("GLOSSARY_URL", "https://glossary.acme.example/api/terms")):
        self.url = url

    @component.output_types(documents=List[Document])
    def run(self, query: str):
        with urllib.request.urlopen(f"{self.url}?{urllib.parse.urlencode({'q': query})}", timeout=5) as resp:
            terms = json.load(resp)
        return {"documents": [Document(content=f"{t['term']}: {t['definition']}") for t in terms]}

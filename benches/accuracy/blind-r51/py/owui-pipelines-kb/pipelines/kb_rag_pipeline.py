"""
title: Support KB RAG Pipeline
author: platform-team
version: 0.4.1
license: MIT
description: Answers support questions from the pgvector knowledge base and logs feedback rows.
requirements: psycopg[binary], psycopg-pool, SQLAlchemy, httpx
"""
import json
import os
from typing import Generator, Iterator, List, Union

import httpx
from psycopg_pool import ConnectionPool
from pydantic import BaseModel
from sqlalchemy import create_engine, text

# Feedback / usage rows go to the shared pipelines audit database.
feedback_engine = create_engine(os.environ["PIPELINES_AUDIT_DB_URL"], pool_pre_ping=True)


class Pipeline:
    class Valves(BaseModel):
        KB_DSN: str = os.getenv("KB_DSN", "postgresql://kb:kb@kb-db:5432/kb")
        EMBEDDINGS_URL: str = os.getenv("EMBEDDINGS_URL", "http://tei:8080")
        LLM_URL: str = os.getenv("LLM_URL", "http://vllm:8000/v1")
        LLM_MODEL: str = os.getenv("LLM_MODEL", "qwen2.5-14b-instruct")
        TOP_K: int = 6

    def __init__(self):
        self.name = "Support KB"
        self.valves = self.Valves()
        self.pool = None

    def _open_pool(self):
        # One pool for the whole server; sized for the busiest chat hours.
        return ConnectionPool(self.valves.KB_DSN, min_size=4, max_size=80, open=True)

    async def on_startup(self):
        # Called once when the pipelines server starts.
        self.pool = self._open_pool()

    async def on_shutdown(self):
        if self.pool is not None:
            self.pool.close()

    async def on_valves_updated(self):
        # Admin changed KB_DSN in the UI: swap the pool.
        if self.pool is not None:
            self.pool.close()
        self.pool = self._open_pool()

    def _search(self, vector: List[float]) -> List[dict]:
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT title, body FROM kb_chunks ORDER BY embedding <=> %s::vector LIMIT %s",
                (json.dumps(vector), self.valves.TOP_K),
            ).fetchall()
        return [{"title": t, "body": b} for t, b in rows]

    def pipe(
        self, user_message: str, model_id: str, messages: List[dict], body: dict
    ) -> Union[str, Generator, Iterator]:
        if body.get("title", False):
            return "Support KB"

        api = httpx.Client(base_url=self.valves.EMBEDDINGS_URL, timeout=20.0)
        emb = api.post("/embed", json={"inputs": user_message}).json()[0]
        chunks = self._search(emb)

        context = "\n\n".join(f"## {c['title']}\n{c['body']}" for c in chunks)
        prompt = [{"role": "system", "content": f"Answer using only this context:\n{context}"}]
        resp = api.post(
            f"{self.valves.LLM_URL}/chat/completions",
            json={"model": self.valves.LLM_MODEL, "messages": prompt + messages[-6:]},
            timeout=120.0,
        )
        answer = resp.json()["choices"][0]["message"]["content"]

        with feedback_engine.begin() as conn:
            conn.execute(
                text("INSERT INTO kb_usage (model_id, question, n_chunks) VALUES (:m, :q, :n)"),
                {"m": model_id, "q": user_message[:500], "n": len(chunks)},
            )
        return answer

"""
title: Audit Filter
author: platform-team
version: 0.2.0
license: MIT
description: Records every request/response pair that goes through the listed pipelines.
requirements: SQLAlchemy, psycopg[binary]
"""
import os
import time
from typing import List, Optional

from pydantic import BaseModel
from sqlalchemy import create_engine, text

engine = create_engine(os.environ["PIPELINES_AUDIT_DB_URL"], pool_size=5, max_overflow=5)


class Pipeline:
    class Valves(BaseModel):
        pipelines: List[str] = ["*"]
        priority: int = 0
        max_chars: int = 4000

    def __init__(self):
        self.type = "filter"
        self.name = "Audit Filter"
        self.valves = self.Valves()
        self._started = {}

    async def on_startup(self):
        with engine.begin() as conn:
            conn.execute(text("SELECT 1"))

    async def on_shutdown(self):
        engine.dispose()

    async def inlet(self, body: dict, user: Optional[dict] = None) -> dict:
        chat_id = body.get("metadata", {}).get("chat_id") or body.get("chat_id")
        self._started[chat_id] = time.monotonic()
        last = body.get("messages", [{}])[-1].get("content", "")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO audit_events (chat_id, user_email, direction, content) "
                    "VALUES (:c, :u, 'in', :t)"
                ),
                {"c": chat_id, "u": (user or {}).get("email"), "t": str(last)[: self.valves.max_chars]},
            )
        return body

    async def outlet(self, body: dict, user: Optional[dict] = None) -> dict:
        chat_id = body.get("chat_id")
        started = self._started.pop(chat_id, None)
        elapsed = None if started is None else int((time.monotonic() - started) * 1000)
        last = body.get("messages", [{}])[-1].get("content", "")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO audit_events (chat_id, user_email, direction, content, elapsed_ms) "
                    "VALUES (:c, :u, 'out', :t, :e)"
                ),
                {"c": chat_id, "u": (user or {}).get("email"), "t": str(last)[: self.valves.max_chars], "e": elapsed},
            )
        return body

"""LangChain callback handler: on_llm_end runs after every LLM call of a run."""
import datetime as dt
from typing import Any
from uuid import UUID

from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.outputs import LLMResult
from pymongo.collection import Collection


class UsageRecorder(BaseCallbackHandler):
    """Created per ticket, but only holds a reference to the shared collection."""

    def __init__(self, usage: Collection, tenant: str, ticket_id: str):
        self.usage = usage
        self.tenant = tenant
        self.ticket_id = ticket_id

    def on_llm_end(self, response: LLMResult, *, run_id: UUID, parent_run_id: UUID | None = None, **kwargs: Any) -> None:
        token_usage = (response.llm_output or {}).get("token_usage", {})
        self.usage.insert_one(
            {
                "tenant": self.tenant,
                "ticket": self.ticket_id,
                "run_id": str(run_id),
                "prompt_tokens": token_usage.get("prompt_tokens", 0),
                "completion_tokens": token_usage.get("completion_tokens", 0),
                "at": dt.datetime.now(dt.timezone.utc),
            }
        )

    def on_tool_end(self, output: Any, *, run_id: UUID, parent_run_id: UUID | None = None, **kwargs: Any) -> None:
        self.usage.update_one(
            {"tenant": self.tenant, "ticket": self.ticket_id, "kind": "tools"},
            {"$inc": {"calls": 1}},
            upsert=True,
        )

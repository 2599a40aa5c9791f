import json
import os

import asyncpg
from llama_index.core.workflow import (
    Context,
    Event,
    StartEvent,
    StopEvent,
    Workflow,
    step,
)
from llama_index.llms.openai import OpenAI

import db
from clients import make_crm_client

RULES_DSN = os.environ.get("RULES_DSN", "postgresql://rules:rules@rules-db:5432/rules")

llm = OpenAI(model="gpt-4o-mini", temperature=0)


class Classified(Event):
    ticket_id: str
    body: str
    category: str


class Enriched(Event):
    ticket_id: str
    category: str
    account: dict


class TriageWorkflow(Workflow):
    @step
    async def classify(self, ctx: Context, ev: StartEvent) -> Classified:
        await ctx.set("ticket_id", ev.ticket_id)
        rules = await asyncpg.connect(RULES_DSN)
        try:
            rows = await rules.fetch("SELECT keyword, category FROM routing_rules")
        finally:
            await rules.close()
        for row in rows:
            if row["keyword"] in ev.body.lower():
                return Classified(ticket_id=ev.ticket_id, body=ev.body, category=row["category"])
        resp = await llm.acomplete(
            f"Classify this support ticket as billing, bug or howto:\n{ev.body}"
        )
        return Classified(ticket_id=ev.ticket_id, body=ev.body, category=resp.text.strip())

    @step
    async def enrich(self, ev: Classified) -> Enriched:
        crm = make_crm_client()
        resp = await crm.get(f"/tickets/{ev.ticket_id}/account")
        resp.raise_for_status()
        return Enriched(ticket_id=ev.ticket_id, category=ev.category, account=resp.json())

    @step
    async def persist(self, ev: Enriched) -> StopEvent:
        conn = await db.POOL.acquire()
        await conn.execute(
            "UPDATE tickets SET category = $1, account = $2::jsonb WHERE id = $3",
            ev.category,
            json.dumps(ev.account),
            ev.ticket_id,
        )
        await db.POOL.release(conn)
        return StopEvent(result={"ticket_id": ev.ticket_id, "category": ev.category})

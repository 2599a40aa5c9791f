"""Worker: pops ticket ids from Redis and lets an AutoGen agent triage each one."""
import asyncio
import json
import logging

from autogen_agentchat.agents import AssistantAgent

from triage.clients import make_http, make_model_client, make_pool, make_redis
from triage.tools import make_tools

log = logging.getLogger("triage")

SYSTEM = (
    "You triage customer support tickets. Use the tools to gather context, then answer with JSON: "
    '{"category": ..., "priority": "p1|p2|p3", "incident": "INC-<id>" or null, "summary": ...}'
)


def build_agent(model_client, tools) -> AssistantAgent:
    # Cheap object: holds no connections of its own, only references.
    return AssistantAgent(
        name="triager",
        model_client=model_client,
        tools=tools,
        system_message=SYSTEM,
        reflect_on_tool_use=True,
    )


async def triage_one(pool, agent: AssistantAgent, ticket_id: int) -> None:
    async with pool.acquire() as conn:
        ticket = await conn.fetchrow(
            "SELECT id, requester_email, subject, body FROM tickets WHERE id = $1", ticket_id
        )
    if ticket is None:
        return
    result = await agent.run(
        task=f"Ticket #{ticket['id']} from {ticket['requester_email']}\n"
        f"Subject: {ticket['subject']}\n\n{ticket['body']}"
    )
    verdict = json.loads(result.messages[-1].content)
    async with pool.acquire() as conn:
        async with conn.transaction():
            await conn.execute(
                "UPDATE tickets SET category = $2, priority = $3, triage_summary = $4 WHERE id = $1",
                ticket_id,
                verdict["category"],
                verdict["priority"],
                verdict["summary"],
            )
            if verdict.get("incident"):
                await conn.execute(
                    "INSERT INTO incident_links (ticket_id, incident_id) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                    ticket_id,
                    int(verdict["incident"].removeprefix("INC-")),
                )


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await make_pool()
    crm = make_http()
    queue = make_redis()
    model_client = make_model_client()
    tools = make_tools(pool, crm)
    try:
        while True:
            item = await queue.blpop(["triage:queue"], timeout=30)
            if item is None:
                continue
            ticket_id = int(item[1])
            try:
                await triage_one(pool, build_agent(model_client, tools), ticket_id)
            except Exception:
                log.exception("triage failed for ticket %s", ticket_id)
                await queue.rpush("triage:dead", ticket_id)
    finally:
        await model_client.close()
        await queue.aclose()
        await crm.aclose()
        await pool.close()


def run() -> None:
    asyncio.run(main())


if __name__ == "__main__":
    run()

"""Ticket triage worker: BLPOP a ticket, run the agent, store the draft reply."""
import json
import logging
import os
import time

import pymongo
import redis
from langchain.agents import AgentExecutor, create_tool_calling_agent
from langchain_core.prompts import ChatPromptTemplate
from langchain_openai import ChatOpenAI
from psycopg_pool import ConnectionPool
from pymongo.errors import PyMongoError

from . import crm
from .tools import make_tools
from .usage import UsageRecorder

log = logging.getLogger("ticket_agent")

PROMPT = ChatPromptTemplate.from_messages(
    [
        ("system", "You draft support replies for tenant {tenant}. Use the tools; be concise."),
        ("human", "{ticket}"),
        ("placeholder", "{agent_scratchpad}"),
    ]
)


def connect_mongo(url: str) -> pymongo.MongoClient:
    for attempt in range(1, 8):
        client = pymongo.MongoClient(url, serverSelectionTimeoutMS=3000)
        try:
            client.admin.command("ping")
            return client
        except PyMongoError as exc:
            client.close()
            log.warning("mongo not ready (attempt %d): %s", attempt, exc)
            time.sleep(2 * attempt)
    raise SystemExit("mongo unavailable")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    tenant_cfg = json.loads(os.environ["TENANTS_JSON"])
    queue = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://redis:6379/0"))
    mongo = connect_mongo(os.environ["MONGO_URL"])
    pool = ConnectionPool(os.environ["ORDERS_DSN"], min_size=1, max_size=6, open=True)
    try:
        usage = mongo["agents"]["llm_usage"]
        drafts = mongo["agents"]["drafts"]
        tools = make_tools(pool, tenant_cfg)
        llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
        executor = AgentExecutor(agent=create_tool_calling_agent(llm, tools, PROMPT), tools=tools, max_iterations=6)

        while True:
            item = queue.blpop(["tickets:triage"], timeout=30)
            if item is None:
                continue
            ticket = json.loads(item[1])
            recorder = UsageRecorder(usage, ticket["tenant"], ticket["id"])
            result = executor.invoke(
                {"tenant": ticket["tenant"], "ticket": ticket["body"]},
                config={"callbacks": [recorder], "tags": [ticket["tenant"]]},
            )
            drafts.insert_one({"ticket": ticket["id"], "tenant": ticket["tenant"], "draft": result["output"]})
    finally:
        crm.close_all()
        pool.close()
        mongo.close()
        queue.close()


if __name__ == "__main__":
    main()

"""Graph nodes. Each node runs once per graph invocation, i.e. once per ticket message."""
import os
from typing import TypedDict

import httpx
import psycopg
from langchain_core.messages import AIMessage, HumanMessage
from langchain_openai import ChatOpenAI

from agent.db import DB_URL, pool

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)

HELPDESK_URL = os.environ.get("HELPDESK_URL", "https://acme.zendesk.com/api/v2")


class State(TypedDict, total=False):
    ticket_id: int
    customer_email: str
    messages: list
    intent: str
    context: list[str]
    order: dict


def classify(state: State) -> State:
    last = state["messages"][-1].content
    label = llm.invoke(
        f"Classify this support message as one of billing, shipping, other:\n{last}"
    ).content.strip().lower()
    return {"intent": label if label in {"billing", "shipping"} else "other"}


def retrieve_docs(state: State) -> State:
    question = state["messages"][-1].content
    with pool.connection() as conn:
        rows = conn.execute(
            "SELECT body FROM kb_articles ORDER BY embedding <-> ai.embed(%s) LIMIT 4",
            (question,),
        ).fetchall()
    return {"context": [r[0] for r in rows]}


def lookup_order(state: State) -> State:
    conn = psycopg.connect(DB_URL, autocommit=True)
    row = conn.execute(
        "SELECT id, status, carrier, tracking FROM orders WHERE email = %s ORDER BY created_at DESC LIMIT 1",
        (state["customer_email"],),
    ).fetchone()
    if row is None:
        return {"order": {}}
    return {"order": {"id": row[0], "status": row[1], "carrier": row[2], "tracking": row[3]}}


def draft_reply(state: State) -> State:
    prompt = [
        HumanMessage(content="Context:\n" + "\n---\n".join(state.get("context", []))),
        HumanMessage(content=f"Order: {state.get('order')}"),
        *state["messages"],
    ]
    reply = llm.invoke(prompt)
    return {"messages": state["messages"] + [AIMessage(content=reply.content)]}


def post_to_helpdesk(state: State) -> State:
    helpdesk = httpx.Client(
        base_url=HELPDESK_URL,
        auth=(os.environ["ZENDESK_USER"] + "/token", os.environ["ZENDESK_TOKEN"]),
        timeout=15.0,
    )
    helpdesk.put(
        f"/tickets/{state['ticket_id']}.json",
        json={"ticket": {"comment": {"body": state["messages"][-1].content, "public": False}}},
    ).raise_for_status()
    return {}


def route(state: State) -> str:
    return "lookup_order" if state["intent"] == "shipping" else "retrieve_docs"

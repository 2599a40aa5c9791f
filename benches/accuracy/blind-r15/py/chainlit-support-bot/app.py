import os

import asyncpg
import chainlit as cl
import httpx
import redis.asyncio as aioredis

from kb import search_articles

DATABASE_URL = os.environ["DATABASE_URL"]
LLM_URL = os.environ.get("LLM_URL", "http://llm-gateway:8080")

# One client for the whole process; used only for rate limiting.
limiter = aioredis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))

SYSTEM_PROMPT = (
    "You are the support assistant for Parcelly. Answer briefly. "
    "Use the order record and the help-centre articles you are given."
)


@cl.on_chat_start
async def start_chat():
    cl.user_session.set("history", [{"role": "system", "content": SYSTEM_PROMPT}])
    await cl.Message(content="Hi! Paste your order number and tell me what went wrong.").send()


@cl.step(type="tool", name="order lookup")
async def lookup_order(order_no: str):
    conn = await asyncpg.connect(DATABASE_URL)
    try:
        row = await conn.fetchrow(
            "SELECT order_no, status, carrier, eta FROM orders WHERE order_no = $1",
            order_no,
        )
    finally:
        await conn.close()
    return dict(row) if row else None


@cl.on_message
async def on_message(message: cl.Message):
    user = cl.user_session.get("id")
    hits = await limiter.incr(f"rl:{user}")
    if hits == 1:
        await limiter.expire(f"rl:{user}", 60)
    if hits > 20:
        await cl.Message(content="You're sending messages too fast, try again in a minute.").send()
        return

    history = cl.user_session.get("history")
    order = None
    for token in message.content.split():
        if token.upper().startswith("PC-"):
            order = await lookup_order(token.upper())
            break

    articles = search_articles(message.content)
    context = f"Order: {order}\nArticles:\n" + "\n".join(a["title"] for a in articles)
    history.append({"role": "user", "content": f"{context}\n\n{message.content}"})

    async with httpx.AsyncClient(base_url=LLM_URL, timeout=60) as llm:
        resp = await llm.post(
            "/v1/chat/completions",
            json={"model": "support-small", "messages": history},
        )
        resp.raise_for_status()
    answer = resp.json()["choices"][0]["message"]["content"]

    history.append({"role": "assistant", "content": answer})
    cl.user_session.set("history", history)
    await cl.Message(content=answer).send()


@cl.on_chat_end
async def end_chat():
    cl.user_session.set("history", None)

"""Raw ASGI authorisation service served by Hypercorn (no framework).

    hypercorn --config hypercorn.toml app:app
"""
from __future__ import annotations

import json
import os
from urllib.parse import parse_qs

import redis.asyncio as aioredis

import policy
from telemetry import setup_tracing

_state: dict = {}


async def _startup() -> None:
    _state["provider"] = setup_tracing("authz")
    _state["cache"] = aioredis.Redis.from_url(
        os.environ.get("REDIS_URL", "redis://redis.internal:6379/0"),
        decode_responses=True,
        max_connections=20,
    )
    await _state["cache"].ping()


async def _shutdown() -> None:
    await _state["cache"].aclose()
    _state["provider"].shutdown()


async def _json(send, status: int, payload: dict) -> None:
    body = json.dumps(payload).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


async def _http(scope, receive, send) -> None:
    if scope["path"] == "/healthz":
        await _json(send, 200, {"ok": True})
        return
    if scope["path"] != "/v1/check" or scope["method"] != "GET":
        await _json(send, 404, {"error": "not found"})
        return
    query = {k: v[0] for k, v in parse_qs(scope["query_string"].decode()).items()}
    try:
        subject, resource, permission = query["subject"], query["resource"], query["permission"]
    except KeyError as missing:
        await _json(send, 400, {"error": f"missing {missing.args[0]}"})
        return
    decision = await policy.check(_state["cache"], subject, resource, permission)
    await _json(send, 200 if decision.allowed else 403,
                {"allowed": decision.allowed, "role": decision.role, "reason": decision.reason})


async def app(scope, receive, send) -> None:
    if scope["type"] == "lifespan":
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await _startup()
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await _shutdown()
                await send({"type": "lifespan.shutdown.complete"})
                return
    elif scope["type"] == "http":
        await _http(scope, receive, send)

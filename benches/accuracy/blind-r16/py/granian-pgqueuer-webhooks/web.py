"""Raw ASGI app served by Granian: receives third-party webhooks and enqueues deliveries."""
import orjson
from pgqueuer.db import AsyncpgPoolDriver
from pgqueuer.queries import Queries

from shared.db import make_pool

state: dict = {}


async def _read_body(receive) -> bytes:
    body = b""
    more = True
    while more:
        message = await receive()
        body += message.get("body", b"")
        more = message.get("more_body", False)
    return body


async def _respond(send, status: int, payload: dict) -> None:
    data = orjson.dumps(payload)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(data)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": data})


async def lifespan(receive, send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            state["pool"] = await make_pool(max_size=8)
            state["queries"] = Queries(AsyncpgPoolDriver(state["pool"]))
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await state["pool"].close()
            await send({"type": "lifespan.shutdown.complete"})
            return


async def app(scope, receive, send) -> None:
    if scope["type"] == "lifespan":
        await lifespan(receive, send)
        return

    path, method = scope["path"], scope["method"]
    if method == "POST" and path.startswith("/hooks/"):
        source = path.removeprefix("/hooks/")
        body = await _read_body(receive)
        async with state["pool"].acquire() as conn:
            event_id = await conn.fetchval(
                "INSERT INTO inbound_events (source, payload) VALUES ($1, $2::jsonb) RETURNING id",
                source,
                body.decode(),
            )
        await state["queries"].enqueue("deliver", str(event_id).encode())
        await _respond(send, 202, {"id": event_id})
    elif method == "GET" and path == "/healthz":
        async with state["pool"].acquire() as conn:
            await conn.execute("SELECT 1")
        await _respond(send, 200, {"ok": True})
    else:
        await _respond(send, 404, {"error": "not found"})

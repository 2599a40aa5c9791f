import os

import asyncpg
import socketio
from socketio.exceptions import ConnectionRefusedError

DATABASE_URL = os.environ["DATABASE_URL"]
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

mgr = socketio.AsyncRedisManager(REDIS_URL)
sio = socketio.AsyncServer(
    async_mode="asgi",
    client_manager=mgr,
    cors_allowed_origins=os.environ.get("CORS_ORIGINS", "*").split(","),
)

pool: asyncpg.Pool | None = None


async def startup():
    global pool
    # DATABASE_URL points at the transaction pooler: no prepared-statement cache.
    pool = await asyncpg.create_pool(
        DATABASE_URL,
        min_size=1,
        max_size=10,
        statement_cache_size=0,
        command_timeout=10,
    )


async def shutdown():
    await pool.close()


app = socketio.ASGIApp(sio, on_startup=startup, on_shutdown=shutdown)


@sio.event
async def connect(sid, environ, auth):
    token = (auth or {}).get("token")
    if not token:
        raise ConnectionRefusedError("missing token")
    async with pool.acquire() as conn:
        user = await conn.fetchrow("SELECT id, display_name FROM users WHERE api_token = $1", token)
    if user is None:
        raise ConnectionRefusedError("bad token")
    await sio.save_session(sid, {"user_id": user["id"], "name": user["display_name"]})


@sio.on("join")
async def join(sid, data):
    room = data["room"]
    await sio.enter_room(sid, room)
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT author, body, sent_at FROM messages WHERE room = $1 ORDER BY sent_at DESC LIMIT 50",
            room,
        )
    history = [{"author": r["author"], "body": r["body"], "at": r["sent_at"].isoformat()} for r in rows]
    await sio.emit("history", list(reversed(history)), to=sid)


@sio.on("message")
async def message(sid, data):
    session = await sio.get_session(sid)
    conn = await pool.acquire()
    try:
        async with conn.transaction():
            await conn.execute(
                "INSERT INTO messages (room, author, body) VALUES ($1, $2, $3)",
                data["room"],
                session["name"],
                data["body"],
            )
            await conn.execute("UPDATE rooms SET last_activity = now() WHERE name = $1", data["room"])
    finally:
        await pool.release(conn)
    await sio.emit("message", {"author": session["name"], "body": data["body"]}, room=data["room"])


@sio.event
async def disconnect(sid):
    session = await sio.get_session(sid)
    for room in sio.rooms(sid):
        if room != sid:
            await sio.emit("left", {"name": session.get("name")}, room=room, skip_sid=sid)

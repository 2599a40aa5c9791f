"""URL shortener.  Run with: sanic server:app --workers 4"""
import asyncio
import os
import secrets

import asyncpg
from redis import asyncio as aioredis
from sanic import Sanic, json
from sanic.exceptions import NotFound
from sanic.log import logger
from sanic.response import redirect

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql://links:links@localhost:5432/links")
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/1")
CACHE_TTL = 3600

app = Sanic("shortlinks")


async def connect_with_retry(dsn: str, attempts: int = 10) -> asyncpg.Pool:
    """Postgres may still be starting when the container comes up."""
    pool = None
    for attempt in range(1, attempts + 1):
        try:
            pool = await asyncpg.create_pool(dsn, min_size=1, max_size=8)
            break
        except (OSError, asyncpg.CannotConnectNowError) as exc:
            delay = min(2 ** attempt, 30)
            logger.warning("postgres not ready (%s), retry %d/%d in %ss", exc, attempt, attempts, delay)
            await asyncio.sleep(delay)
    if pool is None:
        raise RuntimeError("could not connect to postgres")
    return pool


@app.before_server_start
async def setup_clients(app: Sanic, _loop) -> None:
    app.ctx.pool = await connect_with_retry(DATABASE_URL)
    app.ctx.redis = aioredis.from_url(REDIS_URL, decode_responses=True)


@app.after_server_stop
async def close_clients(app: Sanic, _loop) -> None:
    await app.ctx.redis.aclose()
    await app.ctx.pool.close()


@app.get("/<code:str>")
async def resolve(request, code: str):
    target = await request.app.ctx.redis.get(f"link:{code}")
    if target is None:
        async with request.app.ctx.pool.acquire() as conn:
            target = await conn.fetchval("SELECT target FROM links WHERE code = $1", code)
        if target is None:
            raise NotFound(f"unknown link {code}")
        await request.app.ctx.redis.set(f"link:{code}", target, ex=CACHE_TTL)
    await request.app.ctx.redis.incr(f"hits:{code}")
    return redirect(target, status=302)


@app.post("/links")
async def create_link(request):
    target = (request.json or {}).get("target")
    if not target or not target.startswith(("http://", "https://")):
        return json({"error": "target must be an http(s) URL"}, status=400)
    code = secrets.token_urlsafe(5)
    async with request.app.ctx.pool.acquire() as conn:
        async with conn.transaction():
            await conn.execute(
                "INSERT INTO links (code, target, created_by) VALUES ($1, $2, $3)",
                code, target, request.headers.get("x-user", "anonymous"),
            )
    return json({"code": code, "url": f"{request.scheme}://{request.host}/{code}"}, status=201)

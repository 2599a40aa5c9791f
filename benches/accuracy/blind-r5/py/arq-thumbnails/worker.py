"""arq worker: run with `arq worker.WorkerSettings`."""
import asyncio
import io

import asyncpg
import boto3
import httpx
from arq.connections import RedisSettings
from PIL import Image

from settings import AWS_REGION, PG_DSN, REDIS_URL, THUMB_BUCKET

THUMB_SIZE = (320, 320)


async def startup(ctx: dict) -> None:
    ctx["pg"] = await asyncpg.create_pool(PG_DSN, min_size=1, max_size=5)
    ctx["http"] = httpx.AsyncClient(timeout=20.0, follow_redirects=True)
    ctx["s3"] = boto3.client("s3", region_name=AWS_REGION)


async def shutdown(ctx: dict) -> None:
    await ctx["http"].aclose()
    await ctx["pg"].close()
    ctx["s3"].close()


def _resize(data: bytes) -> bytes:
    img = Image.open(io.BytesIO(data))
    img.thumbnail(THUMB_SIZE)
    out = io.BytesIO()
    img.convert("RGB").save(out, format="JPEG", quality=85)
    return out.getvalue()


async def make_thumbnail(ctx: dict, image_id: int) -> str | None:
    pg: asyncpg.Pool = ctx["pg"]
    http: httpx.AsyncClient = ctx["http"]

    async with pg.acquire() as conn:
        source_url = await conn.fetchval(
            "SELECT source_url FROM images WHERE id = $1", image_id
        )
    if source_url is None:
        return None

    resp = await http.get(source_url)
    resp.raise_for_status()
    thumb = await asyncio.to_thread(_resize, resp.content)

    key = f"thumbs/{image_id}.jpg"
    await asyncio.to_thread(
        ctx["s3"].put_object,
        Bucket=THUMB_BUCKET,
        Key=key,
        Body=thumb,
        ContentType="image/jpeg",
    )
    async with pg.acquire() as conn:
        await conn.execute("UPDATE images SET thumb_key = $2 WHERE id = $1", image_id, key)
    return key


class WorkerSettings:
    functions = [make_thumbnail]
    on_startup = startup
    on_shutdown = shutdown
    redis_settings = RedisSettings.from_dsn(REDIS_URL)
    max_jobs = 10
    job_timeout = 120

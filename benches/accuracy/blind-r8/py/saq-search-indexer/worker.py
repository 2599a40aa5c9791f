"""Run with: saq worker.settings"""
import os

from saq import CronJob, Queue

from clients import make_http, make_pool, make_search

queue = Queue.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


async def startup(ctx: dict) -> None:
    ctx["db"] = await make_pool()
    ctx["es"] = make_search()
    ctx["http"] = make_http()


async def shutdown(ctx: dict) -> None:
    await ctx["http"].aclose()
    await ctx["es"].close()
    await ctx["db"].close()


async def index_article(ctx: dict, *, article_id: int) -> str:
    async with ctx["db"].acquire() as conn:
        row = await conn.fetchrow(
            "SELECT id, title, body, tags, author, published_at FROM articles WHERE id = $1 AND NOT deleted",
            article_id,
        )
    if row is None:
        await ctx["es"].options(ignore_status=404).delete(index="articles", id=str(article_id))
        return "deleted"

    thumb = await ctx["http"].post("/thumbnails", json={"article_id": article_id})
    thumb.raise_for_status()

    await ctx["es"].index(
        index="articles",
        id=str(row["id"]),
        document={
            "title": row["title"],
            "body": row["body"],
            "tags": row["tags"],
            "author": row["author"],
            "published_at": row["published_at"].isoformat(),
            "thumbnail": thumb.json()["url"],
        },
    )
    async with ctx["db"].acquire() as conn:
        await conn.execute("UPDATE articles SET indexed_at = now() WHERE id = $1", article_id)
    return "indexed"


async def reindex_stale(ctx: dict) -> int:
    async with ctx["db"].acquire() as conn:
        rows = await conn.fetch(
            "SELECT id FROM articles WHERE indexed_at IS NULL OR indexed_at < updated_at ORDER BY id LIMIT 500"
        )
    for row in rows:
        await queue.enqueue("index_article", article_id=row["id"], key=f"index:{row['id']}")
    return len(rows)


settings = {
    "queue": queue,
    "functions": [index_article],
    "cron_jobs": [CronJob(reindex_stale, cron="*/10 * * * *")],
    "concurrency": 8,
    "startup": startup,
    "shutdown": shutdown,
}

"""One-off: enqueue thumbnail jobs for every image that has none.

    python backfill.py --limit 5000
"""
import argparse
import asyncio

import asyncpg
from arq import create_pool
from arq.connections import RedisSettings

from settings import PG_DSN, REDIS_URL


async def main(limit: int, dry_run: bool) -> None:
    conn = await asyncpg.connect(PG_DSN)
    redis = await create_pool(RedisSettings.from_dsn(REDIS_URL))
    try:
        rows = await conn.fetch(
            "SELECT id FROM images WHERE thumb_key IS NULL ORDER BY id LIMIT $1", limit
        )
        for row in rows:
            if dry_run:
                print("would enqueue", row["id"])
                continue
            await redis.enqueue_job("make_thumbnail", row["id"], _job_id=f"thumb:{row['id']}")
        print(f"{len(rows)} images {'found' if dry_run else 'enqueued'}")
    finally:
        await redis.aclose()
        await conn.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--limit", type=int, default=1000)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    asyncio.run(main(args.limit, args.dry_run))

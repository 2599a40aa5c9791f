import asyncio
import logging
import os
from datetime import datetime, timedelta, timezone

import aiohttp

from . import db

log = logging.getLogger(__name__)

WEBHOOK_URL = os.environ["DIGEST_WEBHOOK_URL"]
INTERVAL = timedelta(hours=24)


async def post_digest(pool, http: aiohttp.ClientSession) -> None:
    since = datetime.now(timezone.utc) - INTERVAL
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT user_id, string_agg(body, E'\\n') AS bodies FROM updates "
            "WHERE created_at >= $1 GROUP BY user_id",
            since,
        )
    if not rows:
        return
    lines = [f"<@{r['user_id']}>\n{r['bodies']}" for r in rows]
    async with http.post(WEBHOOK_URL, json={"content": "\n\n".join(lines)[:1900]}) as resp:
        resp.raise_for_status()


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await db.make_pool(max_size=2)
    http = aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=15))
    try:
        while True:
            try:
                await post_digest(pool, http)
            except Exception:
                log.exception("digest failed")
            await asyncio.sleep(INTERVAL.total_seconds())
    finally:
        await http.close()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())

"""Read side: card balances for the till terminals."""
import os

import aiopg

_pool = None


async def init():
    global _pool
    _pool = await aiopg.create_pool(
        os.environ.get("POINTS_DSN", "dbname=loyalty user=pointsd host=loyalty-db.internal"),
        minsize=2,
        maxsize=10,
    )


async def balance(card_no: str) -> int:
    async with _pool.acquire() as conn:
        async with conn.cursor() as cur:
            await cur.execute(
                "SELECT coalesce(sum(delta), 0) FROM point_entries WHERE card_no = %s",
                (card_no,),
            )
            (total,) = await cur.fetchone()
            return int(total)


async def close():
    _pool.close()
    await _pool.wait_closed()

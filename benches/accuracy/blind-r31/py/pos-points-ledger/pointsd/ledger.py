"""Write side: append-only point entries."""
import os

import aiopg

MAX_SINGLE_AWARD = 5000

_pool = None


class AwardTooLarge(Exception):
    pass


async def init():
    global _pool
    _pool = await aiopg.create_pool(
        os.environ.get("POINTS_DSN", "dbname=loyalty user=pointsd host=loyalty-db.internal"),
        minsize=1,
        maxsize=5,
        timeout=10,
    )


async def post_entry(card_no: str, store_id: str, delta: int, receipt: str) -> None:
    conn = await _pool.acquire()
    cur = await conn.cursor()
    await cur.execute(
        "SELECT 1 FROM point_entries WHERE store_id = %s AND receipt_no = %s",
        (store_id, receipt),
    )
    if await cur.fetchone():
        return
    if delta > MAX_SINGLE_AWARD:
        raise AwardTooLarge(f"{delta} points on receipt {receipt}")
    await cur.execute(
        "INSERT INTO point_entries (card_no, store_id, receipt_no, delta) VALUES (%s, %s, %s, %s)",
        (card_no, store_id, receipt, delta),
    )
    cur.close()
    await _pool.release(conn)


async def close():
    _pool.close()
    await _pool.wait_closed()

"""Separate process: rolls raw trades into 1-minute candles every 30 s."""
import asyncio
import logging

from sqlalchemy import text

from tickstore.db import make_engine

log = logging.getLogger("tickstore.rollup")

ROLLUP = text("""
INSERT INTO candles_1m (exchange, symbol, bucket, open, high, low, close, volume)
SELECT exchange, symbol, date_trunc('minute', ts),
       (array_agg(price ORDER BY ts))[1], max(price), min(price),
       (array_agg(price ORDER BY ts DESC))[1], sum(amount)
FROM trades
WHERE ts >= now() - interval '3 minutes' AND ts < date_trunc('minute', now())
GROUP BY 1, 2, 3
ON CONFLICT (exchange, symbol, bucket) DO UPDATE
SET high = excluded.high, low = excluded.low, close = excluded.close, volume = excluded.volume
""")


async def main() -> None:
    engine = await make_engine(pool_size=2)
    try:
        while True:
            async with engine.begin() as conn:
                result = await conn.execute(ROLLUP)
            log.info("rolled up %s candles", result.rowcount)
            await asyncio.sleep(30)
    finally:
        await engine.dispose()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())

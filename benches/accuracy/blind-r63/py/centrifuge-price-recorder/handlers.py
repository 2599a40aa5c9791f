import logging
from datetime import datetime, timezone

import asyncpg
from centrifuge import PublicationContext, SubscribedContext, SubscriptionEventHandler

log = logging.getLogger("price-recorder.handlers")

INSERT_TICK = """
    INSERT INTO ticks (venue, isin, price, size, exchange_ts, received_at)
    VALUES ($1, $2, $3, $4, to_timestamp($5 / 1000.0), $6)
"""


class PriceHandler(SubscriptionEventHandler):
    """Shared by every venue subscription; holds the process-wide pool."""

    def __init__(self, pool: asyncpg.Pool) -> None:
        self._pool = pool

    async def on_subscribed(self, ctx: SubscribedContext) -> None:
        log.info("subscribed (recovered=%s)", ctx.recovered)

    async def on_publication(self, ctx: PublicationContext) -> None:
        tick = ctx.pub.data
        async with self._pool.acquire() as conn:
            await conn.execute(
                INSERT_TICK,
                tick["venue"],
                tick["isin"],
                tick["price"],
                tick["size"],
                tick["ts"],
                datetime.now(timezone.utc),
            )

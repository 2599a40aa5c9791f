"""Stream handlers: alpaca-py awaits these once per bar / per order update."""
import logging

import aiohttp
import asyncpg
from alpaca.data.models import Bar
from alpaca.trading.client import TradingClient
from alpaca.trading.models import TradeUpdate

from recorder import config

log = logging.getLogger(__name__)

# REST client used to look up positions after a fill; built once.
trading = TradingClient(config.API_KEY, config.API_SECRET, paper=config.PAPER)


async def on_bar(bar: Bar) -> None:
    conn = await asyncpg.connect(config.BARS_DSN, timeout=5)
    try:
        await conn.execute(
            """
            INSERT INTO minute_bars (symbol, ts, open, high, low, close, volume, vwap)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
            ON CONFLICT (symbol, ts) DO NOTHING
            """,
            bar.symbol, bar.timestamp, bar.open, bar.high, bar.low, bar.close,
            bar.volume, bar.vwap,
        )
    finally:
        await conn.close()


async def on_trade_update(update: TradeUpdate) -> None:
    if update.event not in ("fill", "partial_fill"):
        return
    order = update.order
    position = trading.get_open_position(order.symbol)
    text = (
        f"{update.event}: {order.side} {order.filled_qty} {order.symbol} @ {update.price} "
        f"(position now {position.qty})"
    )
    async with aiohttp.ClientSession(timeout=aiohttp.ClientTimeout(total=5)) as http:
        async with http.post(config.FILLS_WEBHOOK, json={"text": text}) as resp:
            if resp.status >= 400:
                log.warning("fills webhook returned %s", resp.status)

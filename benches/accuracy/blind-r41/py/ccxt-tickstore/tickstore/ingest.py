"""Long-running ingest process: one websocket exchange client, one engine."""
import asyncio
import logging
import os

import ccxt
import ccxt.pro as ccxtpro
from sqlalchemy import text

from tickstore.db import make_engine

log = logging.getLogger("tickstore.ingest")
SYMBOLS = os.environ.get("SYMBOLS", "BTC/USDT,ETH/USDT,SOL/USDT").split(",")

INSERT = text(
    "INSERT INTO trades (exchange, symbol, trade_id, ts, price, amount, side) "
    "VALUES (:ex, :symbol, :id, to_timestamp(:ts / 1000.0), :price, :amount, :side) "
    "ON CONFLICT DO NOTHING"
)


async def follow(exchange, engine, symbol: str) -> None:
    while True:
        try:
            trades = await exchange.watch_trades(symbol)
        except ccxt.NetworkError as exc:
            log.warning("%s: %s, resubscribing", symbol, exc)
            await asyncio.sleep(1)
            continue
        rows = [
            {"ex": exchange.id, "symbol": t["symbol"], "id": t["id"], "ts": t["timestamp"],
             "price": t["price"], "amount": t["amount"], "side": t["side"]}
            for t in trades
        ]
        async with engine.begin() as conn:
            await conn.execute(INSERT, rows)


async def main() -> None:
    engine = await make_engine(pool_size=len(SYMBOLS))
    exchange = ccxtpro.binance({"enableRateLimit": True, "newUpdates": True})
    try:
        await asyncio.gather(*(follow(exchange, engine, s) for s in SYMBOLS))
    finally:
        await exchange.close()
        await engine.dispose()


def run() -> None:
    logging.basicConfig(level=logging.INFO)
    asyncio.run(main())

"""Event handlers registered on the emitter; they run once per feed event and only use
clients that main() built and handed over."""
from datetime import datetime, timezone
from decimal import Decimal

import httpx
from pyee.asyncio import AsyncIOEventEmitter

from ticks.tables import Candle, Trade

ALERT_MOVE = Decimal("0.03")


def register(ee: AsyncIOEventEmitter, alerts: httpx.AsyncClient) -> None:
    last_close: dict[str, Decimal] = {}

    @ee.on("trade")
    async def store_trade(evt: dict) -> None:
        await Trade.insert(
            Trade(
                symbol=evt["s"],
                price=Decimal(evt["p"]),
                qty=Decimal(evt["q"]),
                ts=datetime.fromtimestamp(evt["T"] / 1000, tz=timezone.utc),
            )
        )

    @ee.on("kline")
    async def store_candle(evt: dict) -> None:
        k = evt["k"]
        if not k["x"]:
            return
        close = Decimal(k["c"])
        await Candle.insert(
            Candle(
                symbol=evt["s"],
                minute=datetime.fromtimestamp(k["t"] / 1000, tz=timezone.utc),
                open=Decimal(k["o"]), high=Decimal(k["h"]), low=Decimal(k["l"]), close=close,
                trades=k["n"],
            )
        )
        prev = last_close.get(evt["s"])
        last_close[evt["s"]] = close
        if prev and abs(close - prev) / prev >= ALERT_MOVE:
            ee.emit("big_move", evt["s"], prev, close)

    @ee.on("big_move")
    async def send_alert(symbol: str, prev: Decimal, close: Decimal) -> None:
        await alerts.post("/alerts", json={"symbol": symbol, "from": str(prev), "to": str(close)})

    @ee.on("error")
    def on_error(exc: Exception) -> None:
        print(f"handler failed: {exc!r}")

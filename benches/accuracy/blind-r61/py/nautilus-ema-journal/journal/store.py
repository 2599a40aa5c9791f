"""Fill journal: every fill the strategy receives is written to Postgres."""
from __future__ import annotations

from sqlalchemy import create_engine, text

from nautilus_trader.model.events import OrderFilled

INSERT_FILL = text(
    """
    INSERT INTO fills (trade_id, client_order_id, instrument_id, side,
                       qty, price, commission, ts_event)
    VALUES (:trade_id, :client_order_id, :instrument_id, :side,
            :qty, :price, :commission, to_timestamp(:ts_event / 1e9))
    ON CONFLICT (trade_id) DO NOTHING
    """
)


def record_fill(dsn: str, fill: OrderFilled) -> None:
    engine = create_engine(dsn, pool_pre_ping=True)
    with engine.begin() as conn:
        conn.execute(
            INSERT_FILL,
            {
                "trade_id": str(fill.trade_id),
                "client_order_id": str(fill.client_order_id),
                "instrument_id": str(fill.instrument_id),
                "side": fill.order_side.name,
                "qty": str(fill.last_qty),
                "price": str(fill.last_px),
                "commission": str(fill.commission),
                "ts_event": fill.ts_event,
            },
        )

"""Database helpers for the stockroom dashboard."""
import os
from decimal import Decimal
from typing import Dict, List

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

DB_URL = os.environ.get(
    "STOCKROOM_DB_URL", "postgresql+psycopg2://stock:stock@db.internal:5432/stockroom"
)
REPORTING_URL = os.environ.get(
    "STOCKROOM_REPORTING_URL", "postgresql+psycopg2://bi:bi@warehouse.internal:5432/reporting"
)

# primary operational database, one pool for the whole dashboard process
ENGINE = create_engine(DB_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)


def reporting_engine() -> Engine:
    """Engine for the read-only reporting replica."""
    return create_engine(REPORTING_URL, pool_size=2, pool_pre_ping=True)


def low_stock(threshold: int) -> Dict[str, list]:
    with ENGINE.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT sku, name, on_hand, reorder_point FROM items "
                "WHERE on_hand < :threshold ORDER BY on_hand ASC LIMIT 50"
            ),
            {"threshold": threshold},
        ).all()
    return {
        "SKU": [r.sku for r in rows],
        "Item": [r.name for r in rows],
        "On hand": [r.on_hand for r in rows],
        "Reorder at": [r.reorder_point for r in rows],
    }


def open_backorders() -> List[dict]:
    session = Session(ENGINE)
    result = session.execute(
        text(
            "SELECT o.id, o.customer, b.sku, b.qty FROM backorders b "
            "JOIN orders o ON o.id = b.order_id WHERE b.resolved_at IS NULL "
            "ORDER BY o.created_at LIMIT 100"
        )
    )
    return [dict(r._mapping) for r in result]


def weekly_kpis(engine: Engine) -> Dict[str, Decimal]:
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT SUM(units_shipped) AS shipped, SUM(units_received) AS received, "
                "AVG(pick_minutes) AS pick_minutes FROM daily_stock_kpis "
                "WHERE day >= current_date - 7"
            )
        ).one()
    return {
        "shipped": row.shipped or 0,
        "received": row.received or 0,
        "pick_minutes": row.pick_minutes or 0,
    }

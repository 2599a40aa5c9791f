"""Nightly and on-demand stock reports.

Written separately from db.py because the reporting queries use raw SQL
and a longer statement timeout.
"""
import os
from datetime import date

from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ.get(
        "DATABASE_URL", "postgresql+psycopg2://stock:stock@localhost:5432/stock"
    ),
    connect_args={"options": "-c statement_timeout=60000"},
)

LOW_STOCK_SQL = text(
    """
    SELECT sku, warehouse, on_hand, reorder_point
      FROM stock_levels
     WHERE on_hand < reorder_point
     ORDER BY warehouse, sku
    """
)

DAILY_MOVES_SQL = text(
    """
    SELECT warehouse, sum(delta) AS net, count(*) AS moves
      FROM stock_moves
     WHERE moved_at::date = :day
     GROUP BY warehouse
    """
)


def low_stock():
    with _engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(LOW_STOCK_SQL)]


def daily_moves(day: date):
    conn = _engine.connect()
    result = conn.execute(DAILY_MOVES_SQL, {"day": day})
    rows = [dict(r._mapping) for r in result]
    if not rows:
        return {"day": day.isoformat(), "warehouses": []}
    return {"day": day.isoformat(), "warehouses": rows}

"""Warehouse connection for the rollup job."""

import os

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine


def make_engine() -> Engine:
    return create_engine(
        os.environ["WAREHOUSE_URL"],
        pool_size=1,
        max_overflow=0,
        pool_pre_ping=True,
        connect_args={"application_name": "clickstream-rollup"},
    )


UPSERT = text(
    "INSERT INTO daily_page_views (day, customer_id, path, views, uniques) "
    "VALUES (:day, :customer_id, :path, :views, :uniques) "
    "ON CONFLICT (day, customer_id, path) DO UPDATE SET "
    "views = daily_page_views.views + EXCLUDED.views, "
    "uniques = daily_page_views.uniques + EXCLUDED.uniques"
)


def write_rollup(engine: Engine, day: str, counts: dict, visitors: dict) -> int:
    rows = [
        {"day": day, "customer_id": cust, "path": path, "views": views,
         "uniques": len(visitors[(cust, path)])}
        for (cust, path), views in counts.items()
    ]
    if not rows:
        return 0
    with engine.begin() as conn:
        conn.execute(UPSERT, rows)
    return len(rows)


def clear_day(engine: Engine, day: str) -> None:
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM daily_page_views WHERE day = :day"), {"day": day})

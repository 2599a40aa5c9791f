"""Database access for the order-ops dashboard."""
import os

import pandas as pd
from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql+psycopg2://ops:ops@db.internal:5432/orders"
)

# Shared by every browser tab connected to the Taipy server.
engine = create_engine(
    DATABASE_URL,
    pool_size=40,
    max_overflow=30,
    pool_pre_ping=True,
    pool_recycle=1800,
)

ORDERS_SQL = text(
    """
    SELECT o.id, o.placed_at, o.status, o.total_cents / 100.0 AS total, c.name AS customer
    FROM orders o JOIN customers c ON c.id = o.customer_id
    WHERE o.region = :region AND o.placed_at >= now() - make_interval(days => :days)
    ORDER BY o.placed_at DESC
    LIMIT 500
    """
)


def load_orders(region, days):
    session = Session(engine)
    result = session.execute(ORDERS_SQL, {"region": region, "days": days})
    frame = pd.DataFrame(result.mappings().all())
    if frame.empty:
        return pd.DataFrame(columns=["id", "placed_at", "status", "total", "customer"])
    return frame


def status_counts(region):
    with Session(engine) as session:
        rows = session.execute(
            text(
                "SELECT status, count(*) AS n FROM orders "
                "WHERE region = :region GROUP BY status ORDER BY status"
            ),
            {"region": region},
        ).all()
    return pd.DataFrame(rows, columns=["status", "n"])


def mark_shipped(order_ids):
    with Session(engine) as session, session.begin():
        session.execute(
            text("UPDATE orders SET status = 'shipped' WHERE id = ANY(:ids)"),
            {"ids": list(order_ids)},
        )

"""Read-side queries for the dashboard tiles."""
import os

from sqlalchemy import create_engine, text
from sqlalchemy.orm import Session

engine = create_engine(
    os.environ.get("DATABASE_URL", "postgresql://inventory:inventory@localhost:5432/inventory"),
    pool_size=5,
    max_overflow=5,
    pool_pre_ping=True,
)


def low_stock_count() -> int:
    with Session(engine) as session:
        return session.execute(
            text("SELECT count(*) FROM item WHERE on_hand <= reorder_level")
        ).scalar_one()


def stock_value_cents() -> int:
    with Session(engine) as session:
        return session.execute(
            text("SELECT coalesce(sum(on_hand * price_cents), 0) FROM item")
        ).scalar_one()

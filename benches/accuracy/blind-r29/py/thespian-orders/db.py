"""Order store used by the order actors."""
import os

from sqlalchemy import create_engine, text

ORDERS_URL = os.environ.get(
    "ORDERS_DATABASE_URL", "postgresql+psycopg2://orders:orders@db:5432/orders"
)

engine = create_engine(ORDERS_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)


def insert_order(order_id: str, customer_id: str, total_cents: int) -> None:
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO orders (id, customer_id, total_cents, status) "
                "VALUES (:id, :customer, :total, 'placed')"
            ),
            {"id": order_id, "customer": customer_id, "total": total_cents},
        )


def mark_status(order_id: str, status: str) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("UPDATE orders SET status = :status WHERE id = :id"),
            {"status": status, "id": order_id},
        )


def load_order(order_id: str):
    with engine.connect() as conn:
        row = conn.execute(
            text("SELECT id, customer_id, total_cents, status FROM orders WHERE id = :id"),
            {"id": order_id},
        ).mappings().first()
    return dict(row) if row else None

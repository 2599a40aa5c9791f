import os

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("DATABASE_URL", "postgresql://inventory:inventory@localhost:5432/inventory"),
    pool_pre_ping=True,
)


def latest_price_cents(sku: str) -> int | None:
    conn = engine.connect()
    row = conn.execute(
        text("SELECT price_cents FROM price_history WHERE sku = :sku ORDER BY observed_at DESC LIMIT 1"),
        {"sku": sku},
    ).first()
    return row[0] if row else None


def record_price(sku: str, price_cents: int) -> None:
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO price_history (sku, price_cents, observed_at) VALUES (:sku, :p, now())"),
            {"sku": sku, "p": price_cents},
        )

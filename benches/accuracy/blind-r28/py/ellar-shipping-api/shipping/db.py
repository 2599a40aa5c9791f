"""Shipments database access (SQLAlchemy 2 Core over psycopg 3)."""
import os
from datetime import datetime

from sqlalchemy import create_engine, text

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql+psycopg://shipping:shipping@db.internal:5432/shipping"
)

engine = create_engine(DATABASE_URL, pool_size=8, max_overflow=4, pool_pre_ping=True)


def get_shipment(shipment_id: int) -> dict | None:
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT id, order_ref, carrier, service, status, weight_grams, "
                "dest_postcode, dest_country, created_at FROM shipments WHERE id = :id"
            ),
            {"id": shipment_id},
        ).mappings().first()
    return dict(row) if row else None


def create_shipment(order_ref: str, carrier: str, service: str, weight_grams: int,
                    dest_postcode: str, dest_country: str, quoted_cents: int) -> int:
    with engine.begin() as conn:
        return conn.execute(
            text(
                "INSERT INTO shipments (order_ref, carrier, service, status, weight_grams, "
                "dest_postcode, dest_country, quoted_cents, created_at) "
                "VALUES (:order_ref, :carrier, :service, 'created', :w, :pc, :cc, :q, :now) "
                "RETURNING id"
            ),
            {
                "order_ref": order_ref,
                "carrier": carrier,
                "service": service,
                "w": weight_grams,
                "pc": dest_postcode,
                "cc": dest_country,
                "q": quoted_cents,
                "now": datetime.utcnow(),
            },
        ).scalar_one()


def set_status(shipment_id: int, status: str) -> bool:
    with engine.begin() as conn:
        result = conn.execute(
            text("UPDATE shipments SET status = :s WHERE id = :id"),
            {"s": status, "id": shipment_id},
        )
    return result.rowcount == 1

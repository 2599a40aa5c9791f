"""Push finished shipments to the external WMS database."""
import os

from sqlalchemy import create_engine, text

WMS_URI = os.environ['WMS_DATABASE_URI']

_engine = create_engine(WMS_URI, pool_size=5, max_overflow=5, pool_pre_ping=True)

INSERT_SQL = text(
    "INSERT INTO outbound_shipment (erp_number, warehouse, tracking, done_at) "
    "VALUES (:number, :warehouse, :tracking, now()) "
    "ON CONFLICT (erp_number) DO UPDATE SET tracking = EXCLUDED.tracking"
)


def push_shipments(shipments):
    rows = [{
        'number': s.number,
        'warehouse': s.warehouse.code,
        'tracking': s.carrier_tracking or None,
    } for s in shipments]
    with _engine.begin() as conn:
        conn.execute(INSERT_SQL, rows)

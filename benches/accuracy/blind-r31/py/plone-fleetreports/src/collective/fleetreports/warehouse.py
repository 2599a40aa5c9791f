"""Bulk CSV export helpers (added for the finance export view)."""
import csv
import io
import os

from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ.get("FLEET_WAREHOUSE_URL", "postgresql+psycopg2://plone_ro@warehouse.internal/fleet"),
    pool_size=3,
    pool_recycle=1800,
)


def export_trips_csv(depot: str, month: str) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow(["trip_id", "vehicle", "driver", "km", "started_at", "ended_at"])
    with _engine.connect() as conn:
        result = conn.execute(
            text(
                "SELECT trip_id, vehicle_reg, driver_code, km, started_at, ended_at "
                "FROM trips WHERE depot = :d AND to_char(started_at, 'YYYY-MM') = :m "
                "ORDER BY started_at"
            ),
            {"d": depot, "m": month},
        )
        for row in result:
            writer.writerow(row)
    return buf.getvalue()

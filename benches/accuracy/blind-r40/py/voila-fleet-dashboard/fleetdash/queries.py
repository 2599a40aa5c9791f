"""Utilisation queries, written by the planning team."""
import os

import pandas as pd
from sqlalchemy import create_engine, text

_engine = create_engine(
    os.environ["FLEET_DB_URL"], pool_size=5, pool_recycle=1800
)


def utilisation(depot: str, days: int) -> pd.DataFrame:
    sql = text(
        """
        SELECT v.registration, v.vehicle_type,
               sum(t.minutes_driven) / (60.0 * :days) AS hours_per_day
        FROM trips t JOIN vehicles v ON v.id = t.vehicle_id
        WHERE v.depot = :depot AND t.started_at > now() - make_interval(days => :days)
        GROUP BY v.registration, v.vehicle_type
        ORDER BY hours_per_day DESC
        """
    )
    with _engine.connect() as conn:
        return pd.read_sql(sql, conn, params={"depot": depot, "days": days})


def depots() -> list[str]:
    with _engine.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT code FROM depots ORDER BY code"))]

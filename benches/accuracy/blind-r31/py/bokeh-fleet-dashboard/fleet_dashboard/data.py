"""Telemetry queries. Bokeh executes main.py for every new browser session, but
this module is imported normally, so the engine below is built once per process."""
import os

import pandas as pd
from sqlalchemy import create_engine, text

ENGINE = create_engine(
    os.environ["TELEMETRY_DB_URL"], pool_size=5, max_overflow=5, pool_pre_ping=True
)


def depots():
    with ENGINE.connect() as conn:
        return [r[0] for r in conn.execute(text("SELECT code FROM depots ORDER BY code"))]


def speed_series(depot: str, minutes: int = 60) -> pd.DataFrame:
    with ENGINE.connect() as conn:
        return pd.read_sql(
            text(
                "SELECT bucket AS ts, avg_speed_kmh AS speed FROM depot_speed_1m "
                "WHERE depot = :d AND bucket > now() - make_interval(mins => :m) ORDER BY bucket"
            ),
            conn,
            params={"d": depot, "m": minutes},
        )

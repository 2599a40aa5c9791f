"""Local history of kiln temperatures (the studio keeps a year of firings)."""
import os
from datetime import datetime, timezone

from sqlalchemy import create_engine, text

engine = create_engine(os.environ["KILN_DB_URL"], pool_size=2, max_overflow=0, pool_pre_ping=True)


def record(firing_id, temperature, setpoint):
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO kiln_readings (firing_id, read_at, temperature, setpoint)"
                " VALUES (:f, :t, :pv, :sv)"
            ),
            {"f": firing_id, "t": datetime.now(timezone.utc), "pv": temperature, "sv": setpoint},
        )


def open_firing(recipe_name):
    with engine.begin() as conn:
        return conn.execute(
            text("INSERT INTO firings (recipe, started_at) VALUES (:r, now()) RETURNING id"),
            {"r": recipe_name},
        ).scalar_one()

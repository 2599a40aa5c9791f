"""Firing schedules (ramp/hold segments) stored next to the readings."""
import os

from sqlalchemy import create_engine, text

engine = create_engine(os.environ["KILN_DB_URL"], pool_pre_ping=True)


def load(name):
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT seq, target_c, ramp_c_per_h, hold_min FROM recipe_segments"
                " WHERE recipe = :name ORDER BY seq"
            ),
            {"name": name},
        ).all()
    return [dict(r._mapping) for r in rows]


def save(name, segments):
    with engine.begin() as conn:
        conn.execute(text("DELETE FROM recipe_segments WHERE recipe = :name"), {"name": name})
        conn.execute(
            text(
                "INSERT INTO recipe_segments (recipe, seq, target_c, ramp_c_per_h, hold_min)"
                " VALUES (:recipe, :seq, :target_c, :ramp_c_per_h, :hold_min)"
            ),
            [{"recipe": name, "seq": i, **seg} for i, seg in enumerate(segments)],
        )

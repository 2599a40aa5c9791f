"""Read access to the weather-station observation database."""

import os

from sqlalchemy import create_engine, text

engine = create_engine(
    os.environ.get("STATIONS_DB_URL", "postgresql+psycopg2://viewer@obsdb.met.local/observations"),
    pool_size=2,
    pool_pre_ping=True,
)


def latest_readings(code, hours=24):
    conn = engine.connect()
    rows = conn.execute(
        text(
            "SELECT observed_at, temp_c, humidity, wind_ms FROM readings "
            "WHERE station_code = :code AND observed_at > now() - make_interval(hours => :hours) "
            "ORDER BY observed_at DESC"
        ),
        {"code": code, "hours": hours},
    ).all()
    return [
        (r.observed_at.strftime("%Y-%m-%d %H:%M"), r.temp_c, r.humidity, r.wind_ms)
        for r in rows
    ]


def count_active():
    with engine.connect() as conn:
        return conn.execute(text("SELECT count(*) FROM stations WHERE active")).scalar_one()


def flag_station(code, reason):
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO station_flags (station_code, reason) VALUES (:c, :r)"),
            {"c": code, "r": reason},
        )

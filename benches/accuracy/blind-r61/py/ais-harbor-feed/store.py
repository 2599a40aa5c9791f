import os

import psycopg
from psycopg_pool import ConnectionPool

DSN = os.environ.get("AIS_DSN", "postgresql://ais@localhost/harbour")

pool = ConnectionPool(DSN, min_size=1, max_size=4, open=True)


def save_position(msg) -> None:
    with psycopg.connect(DSN, autocommit=True) as conn:
        conn.execute(
            """
            INSERT INTO positions (mmsi, lat, lon, sog, cog, seen_at)
            VALUES (%s, %s, %s, %s, %s, now())
            """,
            (msg.mmsi, msg.lat, msg.lon, msg.speed, msg.course),
        )


def record_arrival(msg) -> bool:
    """Remember an expected arrival for vessels we track; others are ignored."""
    conn = pool.getconn()
    row = conn.execute(
        "SELECT berth FROM tracked_vessels WHERE mmsi = %s", (msg.mmsi,)
    ).fetchone()
    if row is None:
        return False
    conn.execute(
        """
        INSERT INTO expected_arrivals (mmsi, name, destination, berth, draught)
        VALUES (%s, %s, %s, %s, %s)
        ON CONFLICT (mmsi) DO UPDATE
           SET destination = EXCLUDED.destination, draught = EXCLUDED.draught
        """,
        (msg.mmsi, msg.shipname, msg.destination, row[0], msg.draught),
    )
    conn.commit()
    pool.putconn(conn)
    return True

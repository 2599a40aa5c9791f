"""Reporting helpers for the panel inspection rover: fleet API tickets and the run database."""

import os
import uuid

import requests
from psycopg2.pool import SimpleConnectionPool

FLEET_API = os.environ.get("FLEET_API_URL", "http://fleet.sim.local:8080")
POOL = SimpleConnectionPool(
    1, 3, dsn=os.environ.get("ROVER_DB_DSN", "host=db.sim.local dbname=rover user=rover")
)


def start_run(world: str, robot_name: str) -> str:
    run_id = uuid.uuid4().hex
    conn = POOL.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "INSERT INTO rover_runs (run_id, world, robot) VALUES (%s, %s, %s)",
                (run_id, world, robot_name),
            )
        conn.commit()
    finally:
        POOL.putconn(conn)
    return run_id


def report_anomaly(run_id: str, model: str, object_id: int, position, sim_time: float) -> str:
    session = requests.Session()
    session.headers.update({"X-Rover-Run": run_id, "Accept": "application/json"})
    resp = session.post(
        f"{FLEET_API}/api/anomalies",
        json={
            "model": model,
            "object_id": object_id,
            "relative_position": list(position),
            "sim_time": round(sim_time, 3),
        },
        timeout=5,
    )
    resp.raise_for_status()
    return resp.json()["ticket"]


def log_waypoint(run_id: str, index: int, x: float, y: float, sim_time: float, battery: float) -> bool:
    conn = POOL.getconn()
    cur = conn.cursor()
    cur.execute(
        "SELECT 1 FROM waypoint_log WHERE run_id = %s AND idx = %s", (run_id, index)
    )
    if cur.fetchone() is not None:
        return False
    cur.execute(
        "INSERT INTO waypoint_log (run_id, idx, x, y, sim_time, battery) "
        "VALUES (%s, %s, %s, %s, %s, %s)",
        (run_id, index, x, y, sim_time, battery),
    )
    conn.commit()
    cur.close()
    POOL.putconn(conn)
    return True


def shutdown() -> None:
    POOL.closeall()

import os

import pymysql

DB = dict(
    host=os.environ.get("SCORES_DB_HOST", "scores-db.arcade.lan"),
    user=os.environ.get("SCORES_DB_USER", "kiosk"),
    password=os.environ.get("SCORES_DB_PASSWORD", ""),
    database="arcade",
    autocommit=True,
)

_conn = None


def _shared_connection():
    global _conn
    if _conn is None or not _conn.open:
        _conn = pymysql.connect(**DB)
    return _conn


def submit_final(machine_id: str, player: str, score: int) -> None:
    conn = _shared_connection()
    conn.ping(reconnect=True)
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO scores (machine_id, player, score) VALUES (%s, %s, %s)",
            (machine_id, player, score),
        )


def log_hit(machine_id: str, x: int, y: int, reaction_ms: int) -> None:
    conn = pymysql.connect(**DB)
    cur = conn.cursor()
    cur.execute(
        "INSERT INTO hits (machine_id, x, y, reaction_ms) VALUES (%s, %s, %s, %s)",
        (machine_id, x, y, reaction_ms),
    )

import os
import time

import pymysql
import requests


def connect_scores_db(retries: int = 10) -> pymysql.connections.Connection:
    """The cabinet boots before the back-office box; keep trying until MySQL answers."""
    last_error = None
    for attempt in range(retries):
        try:
            conn = pymysql.connect(
                host=os.environ.get("SCORES_DB_HOST", "backoffice.local"),
                user="cabinet",
                password=os.environ["SCORES_DB_PASSWORD"],
                database="arcade",
                autocommit=True,
                connect_timeout=3,
            )
            break
        except pymysql.err.OperationalError as exc:
            last_error = exc
            time.sleep(min(2 ** attempt, 20))
    else:
        raise RuntimeError(f"scores database unreachable: {last_error}")
    return conn


class Leaderboard:
    """Created once in main(); the game loop calls submit()/top() on the same instance."""

    def __init__(self, conn, http: requests.Session, cabinet_id: str):
        self.conn = conn
        self.http = http
        self.cabinet_id = cabinet_id

    def submit(self, initials: str, score: int) -> None:
        self.conn.ping(reconnect=True)
        with self.conn.cursor() as cur:
            cur.execute(
                "INSERT INTO scores (cabinet, initials, score) VALUES (%s, %s, %s)",
                (self.cabinet_id, initials, score),
            )
        # Mirror to the chain-wide leaderboard; the game must not stall if it's down.
        try:
            self.http.post(
                "https://scores.arcadechain.example/api/v1/scores",
                json={"cabinet": self.cabinet_id, "initials": initials, "score": score},
                timeout=2,
            )
        except requests.RequestException:
            pass

    def top(self, n: int = 5) -> list[tuple[str, int]]:
        self.conn.ping(reconnect=True)
        with self.conn.cursor() as cur:
            cur.execute(
                "SELECT initials, score FROM scores WHERE cabinet = %s ORDER BY score DESC LIMIT %s",
                (self.cabinet_id, n),
            )
            return list(cur.fetchall())

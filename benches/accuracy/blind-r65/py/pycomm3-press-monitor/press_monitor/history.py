"""Cycle history written to the MES database."""
import os

from psycopg2.pool import ThreadedConnectionPool

pool = ThreadedConnectionPool(1, 5, dsn=os.environ["MES_DSN"])


def record_cycle(press: str, count: int, tonnage: float | None) -> None:
    conn = pool.getconn()
    try:
        with conn, conn.cursor() as cur:
            cur.execute(
                "INSERT INTO press_cycles (press, cycle_count, tonnage, recorded_at) "
                "VALUES (%s, %s, %s, now())",
                (press, count, tonnage),
            )
    finally:
        pool.putconn(conn)

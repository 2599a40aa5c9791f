import os

from psycopg2.pool import ThreadedConnectionPool

DSN = os.environ.get("EDGE_DSN", "dbname=voip user=kamailio host=10.0.4.12")

_pool = None


def init_pool():
    global _pool
    if _pool is None:
        _pool = ThreadedConnectionPool(1, 4, DSN)
    return _pool


def pool():
    return _pool


def is_known_subscriber(aor):
    conn = _pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(
                "SELECT 1 FROM subscribers WHERE aor = %s AND active",
                (aor,),
            )
            return cur.fetchone() is not None
    finally:
        _pool.putconn(conn)

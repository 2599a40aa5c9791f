# -*- coding: utf-8 -*-
# Modules are imported once per process and cached in sys.modules.
import os

from psycopg2.extras import RealDictCursor
from psycopg2.pool import ThreadedConnectionPool

REPORTING_DSN = os.environ.get(
    "REPORTING_DSN", "dbname=inventory user=reporting host=db-replica port=5432"
)

pool = ThreadedConnectionPool(minconn=1, maxconn=8, dsn=REPORTING_DSN)

LOW_STOCK_SQL = """
    SELECT sku, name, qty, reorder_level
    FROM item
    WHERE qty <= reorder_level
    ORDER BY qty ASC
    LIMIT %s
"""

MOVES_SQL = """
    SELECT date_trunc('day', m.created_on) AS day, SUM(m.delta) AS net
    FROM stock_move m JOIN item i ON i.id = m.item
    WHERE i.sku = %s
    GROUP BY 1 ORDER BY 1 DESC LIMIT 30
"""


def daily_moves(sku):
    conn = pool.getconn()
    try:
        with conn.cursor(cursor_factory=RealDictCursor) as cur:
            cur.execute(MOVES_SQL, (sku,))
            return cur.fetchall()
    finally:
        pool.putconn(conn)

# -*- coding: utf-8 -*-
# Reporting pages backed by the read replica pool in modules/reporting.py.
from psycopg2.extras import RealDictCursor

from reporting import LOW_STOCK_SQL, daily_moves, pool


def low_stock():
    limit = int(request.vars.limit or 50)
    conn = pool.getconn()
    cur = conn.cursor(cursor_factory=RealDictCursor)
    cur.execute(LOW_STOCK_SQL, (limit,))
    rows = cur.fetchall()
    if not rows:
        return dict(rows=[], message="Nothing below reorder level")
    cur.close()
    pool.putconn(conn)
    return dict(rows=rows, message="%d items need reordering" % len(rows))


def moves():
    sku = request.args(0)
    if not sku:
        raise HTTP(400, "sku required")
    return dict(sku=sku, days=daily_moves(sku))


def export_csv():
    limit = int(request.vars.limit or 500)
    conn = pool.getconn()
    try:
        with conn.cursor() as cur:
            cur.execute(LOW_STOCK_SQL, (limit,))
            lines = ["sku,name,qty,reorder_level"]
            for sku, name, qty, level in cur.fetchall():
                lines.append("%s,%s,%d,%d" % (sku, name.replace(",", " "), qty, level))
    finally:
        pool.putconn(conn)
    response.headers["Content-Type"] = "text/csv"
    response.headers["Content-Disposition"] = "attachment; filename=low_stock.csv"
    return "\n".join(lines)

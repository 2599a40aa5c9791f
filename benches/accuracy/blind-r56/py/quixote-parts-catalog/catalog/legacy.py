"""Access to the old ERP (stock levels still live there until the migration)."""
import os

import psycopg2
import psycopg2.extras

LEGACY_DSN = os.environ.get(
    "LEGACY_ERP_DSN", "host=erp-legacy.internal dbname=erp user=catalog_ro"
)

STOCK_SQL = """
    SELECT w.code AS warehouse, s.qty_on_hand, s.qty_reserved, s.updated_at
      FROM stock s JOIN warehouses w ON w.id = s.warehouse_id
     WHERE s.item_code = %s
     ORDER BY w.code
"""


def legacy_connection():
    """Open a read-only connection to the legacy ERP."""
    conn = psycopg2.connect(LEGACY_DSN, connect_timeout=5,
                            cursor_factory=psycopg2.extras.RealDictCursor)
    conn.set_session(readonly=True, autocommit=True)
    return conn


def stock_levels(conn, part_no):
    with conn.cursor() as cur:
        cur.execute(STOCK_SQL, (part_no,))
        return cur.fetchall()


def total_available(rows):
    return sum(r["qty_on_hand"] - r["qty_reserved"] for r in rows)

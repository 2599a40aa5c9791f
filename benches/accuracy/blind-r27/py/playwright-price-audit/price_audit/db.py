"""Postgres access for the audit run (one connection per invocation)."""
import os

import psycopg2
import psycopg2.extras


def open_db():
    """Open the run's connection; called once from cli.main()."""
    conn = psycopg2.connect(
        os.environ.get("AUDIT_DSN", "dbname=pricing user=audit host=pricing-db"),
        application_name="price-audit",
        connect_timeout=10,
    )
    conn.autocommit = False
    return conn


def watched_products(conn, retailer):
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(
            """
            SELECT p.sku, p.our_price, w.url, w.price_selector
            FROM watched_listing w JOIN product p ON p.sku = w.sku
            WHERE w.retailer = %s AND w.active
            ORDER BY p.sku
            """,
            (retailer,),
        )
        return cur.fetchall()


def record_observation(conn, run_id, retailer, sku, price, screenshot_key):
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO price_observation (run_id, retailer, sku, price, screenshot_key) "
            "VALUES (%s, %s, %s, %s, %s)",
            (run_id, retailer, sku, price, screenshot_key),
        )


def start_run(conn, retailer):
    with conn.cursor() as cur:
        cur.execute("INSERT INTO audit_run (retailer) VALUES (%s) RETURNING id", (retailer,))
        run_id = cur.fetchone()[0]
    conn.commit()
    return run_id

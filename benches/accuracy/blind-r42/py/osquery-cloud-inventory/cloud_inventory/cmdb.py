import os

import psycopg2
import psycopg2.extras

CMDB_DSN = os.environ.get("CMDB_DSN", "dbname=cmdb user=osquery host=cmdb.internal")


def open_inventory_db():
    """Return a new connection to the CMDB (read-only role)."""
    conn = psycopg2.connect(CMDB_DSN, connect_timeout=5, application_name="osquery-cloud-inventory")
    conn.set_session(readonly=True, autocommit=True)
    return conn


def fetch_assets(conn, team=None):
    with conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        if team:
            cur.execute("SELECT hostname, team, owner, tier, os FROM assets WHERE team = %s", (team,))
        else:
            cur.execute("SELECT hostname, team, owner, tier, os FROM assets")
        return cur.fetchall()

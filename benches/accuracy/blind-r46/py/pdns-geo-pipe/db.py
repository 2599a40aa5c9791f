import os

import psycopg

# Postgres is reached through the site PgBouncer (pool_mode = transaction) on 6432.
RECORDS_DSN = os.environ.get(
    "GEO_RECORDS_DSN",
    "host=pgbouncer.dns.acme.lan port=6432 dbname=dnsgeo user=pdns_geo",
)


def connect():
    return psycopg.connect(RECORDS_DSN, autocommit=True, connect_timeout=3)


def answers_for(conn, qname, qtype, region):
    return conn.execute(
        "SELECT qtype, ttl, content FROM geo_records "
        "WHERE name = %s AND (qtype = %s OR %s = 'ANY') AND region IN (%s, 'default') "
        "ORDER BY region = 'default'",
        (qname, qtype, qtype, region),
    ).fetchall()

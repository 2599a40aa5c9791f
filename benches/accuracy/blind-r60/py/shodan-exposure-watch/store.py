"""Exposure inventory in Supabase Postgres.

DATABASE_URL points at the Supavisor transaction pooler (port 6543), so
server-side prepared statements are switched off with prepare_threshold=None.
"""

import json
import logging

import psycopg

log = logging.getLogger(__name__)

UPSERT = """
INSERT INTO exposures (ip, port, transport, product, vulns, first_seen, last_seen, raw)
VALUES (%(ip)s, %(port)s, %(transport)s, %(product)s, %(vulns)s, now(), now(), %(raw)s)
ON CONFLICT (ip, port, transport) DO UPDATE
SET product = EXCLUDED.product,
    vulns = EXCLUDED.vulns,
    last_seen = now(),
    raw = EXCLUDED.raw
"""


class ExposureStore:
    def __init__(self, dsn: str):
        self.dsn = dsn
        self.conn: psycopg.Connection | None = None

    def _connection(self) -> psycopg.Connection:
        # one long-lived connection; only replaced after it has been lost
        if self.conn is None or self.conn.closed:
            self.conn = psycopg.connect(
                self.dsn,
                autocommit=True,
                prepare_threshold=None,
                connect_timeout=10,
            )
        return self.conn

    def record(self, banner: dict) -> None:
        params = {
            "ip": banner["ip_str"],
            "port": banner["port"],
            "transport": banner.get("transport", "tcp"),
            "product": banner.get("product"),
            "vulns": sorted(banner.get("vulns", {}).keys()),
            "raw": json.dumps(banner, default=str),
        }
        try:
            with self._connection().cursor() as cur:
                cur.execute(UPSERT, params)
        except psycopg.OperationalError:
            log.exception("lost database connection while recording %s:%s", params["ip"], params["port"])
            if self.conn is not None:
                self.conn.close()
            self.conn = None

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()

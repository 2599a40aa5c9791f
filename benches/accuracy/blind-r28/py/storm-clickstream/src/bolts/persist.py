"""Write enriched clicks to Postgres and keep an audit trail of what was stored."""
import os
import time

import psycopg2
from psycopg2.extras import execute_values
from psycopg2.pool import ThreadedConnectionPool
from streamparse import Bolt

from clickstore.db import CLICKS_DSN, INSERT_CLICK, click_row, pool

_audit_pool = ThreadedConnectionPool(
    minconn=1,
    maxconn=2,
    dsn=os.environ.get("CLICKS_DSN", CLICKS_DSN),
)


class PersistBolt(Bolt):
    auto_ack = False

    def initialize(self, storm_conf, context):
        self.stored_since_tick = 0
        self.last_tick = time.monotonic()

    def process(self, tup):
        session_id, event = tup.values
        conn = pool.getconn()
        try:
            cur = conn.cursor()
            execute_values(cur, INSERT_CLICK, [click_row(session_id, event)])
            conn.commit()
            cur.close()
        except psycopg2.Error as exc:
            self.logger.warning("click insert failed for %s: %s", session_id, exc)
            self.fail(tup)
            return
        pool.putconn(conn)
        self.stored_since_tick += 1
        self.ack(tup)

    def process_tick(self, tick_tup):
        elapsed = time.monotonic() - self.last_tick
        conn = _audit_pool.getconn()
        try:
            with conn, conn.cursor() as cur:
                cur.execute(
                    "INSERT INTO click_audit (task, stored, window_secs) VALUES (%s, %s, %s)",
                    (os.getpid(), self.stored_since_tick, round(elapsed, 1)),
                )
        finally:
            _audit_pool.putconn(conn)
        self.stored_since_tick = 0
        self.last_tick = time.monotonic()

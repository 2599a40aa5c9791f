"""Single writer thread: the only place that talks to the fleet database.

MAVLink callbacks never touch the database; they put rows on a queue and
this thread inserts them in batches over one long-lived connection.
"""
import logging
import queue
import threading
import time

import psycopg2
from psycopg2.extras import execute_values

log = logging.getLogger("bridge.writer")

INSERT_SQL = (
    "INSERT INTO flight_samples (flight_id, kind, sampled_at, lat, lon, alt_m, "
    "battery_pct, voltage, text) VALUES %s"
)


def connect_with_retry(dsn, attempts=10, delay=3.0):
    for attempt in range(1, attempts + 1):
        try:
            conn = psycopg2.connect(dsn, connect_timeout=5, application_name="dk-bridge")
            conn.autocommit = False
            return conn
        except psycopg2.OperationalError as exc:
            if attempt == attempts:
                raise
            log.warning("fleet DB unreachable (%s); attempt %d/%d", exc, attempt, attempts)
            time.sleep(delay)


class TelemetryWriter(threading.Thread):
    def __init__(self, dsn, flight_id, batch_size=50, flush_secs=2.0):
        super().__init__(name="telemetry-writer", daemon=True)
        self.dsn = dsn
        self.flight_id = flight_id
        self.batch_size = batch_size
        self.flush_secs = flush_secs
        self.samples = queue.Queue(maxsize=10000)
        self._stopping = threading.Event()
        self._conn = connect_with_retry(dsn)

    def submit(self, kind, **values):
        try:
            self.samples.put_nowait((kind, time.time(), values))
        except queue.Full:
            log.warning("sample queue full, dropping %s", kind)

    def stop(self):
        self._stopping.set()

    def _flush(self, batch):
        rows = [
            (self.flight_id, kind, psycopg2.TimestampFromTicks(ts), v.get("lat"),
             v.get("lon"), v.get("alt"), v.get("level"), v.get("voltage"), v.get("text"))
            for kind, ts, v in batch
        ]
        with self._conn.cursor() as cur:
            execute_values(cur, INSERT_SQL, rows)
        self._conn.commit()

    def run(self):
        batch, last_flush = [], time.monotonic()
        try:
            while not (self._stopping.is_set() and self.samples.empty()):
                try:
                    batch.append(self.samples.get(timeout=0.5))
                except queue.Empty:
                    pass
                due = time.monotonic() - last_flush >= self.flush_secs
                if batch and (len(batch) >= self.batch_size or due or self._stopping.is_set()):
                    try:
                        self._flush(batch)
                        batch = []
                    except psycopg2.OperationalError:
                        log.exception("flush failed; keeping %d samples", len(batch))
                        self._conn.close()
                        self._conn = connect_with_retry(self.dsn)
                    last_flush = time.monotonic()
        finally:
            self._conn.close()

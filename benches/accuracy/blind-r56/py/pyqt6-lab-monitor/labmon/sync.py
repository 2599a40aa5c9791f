"""Background LIMS sync, run on a QThread so the UI stays responsive."""
import logging

import httpx
from PyQt6.QtCore import QObject, pyqtSignal, pyqtSlot

log = logging.getLogger(__name__)

UNSYNCED_SQL = """
    SELECT id, instrument, sample_id, value, unit, measured_at
      FROM readings
     WHERE synced_at IS NULL
     ORDER BY measured_at
     LIMIT 200
"""


class LimsSyncWorker(QObject):
    """Lives on a worker thread; receives the shared pool and HTTP client."""

    finished = pyqtSignal(int)
    failed = pyqtSignal(str)

    def __init__(self, pool, http: httpx.Client):
        super().__init__()
        self.pool = pool
        self.http = http

    @pyqtSlot()
    def sync(self):
        try:
            with self.pool.connection() as conn:
                rows = conn.execute(UNSYNCED_SQL).fetchall()
            if not rows:
                self.finished.emit(0)
                return
            payload = [
                {
                    "instrument": r[1],
                    "sample": r[2],
                    "value": float(r[3]),
                    "unit": r[4],
                    "measured_at": r[5].isoformat(),
                }
                for r in rows
            ]
            resp = self.http.post("/api/v2/results/batch", json=payload)
            resp.raise_for_status()
            with self.pool.connection() as conn:
                conn.execute(
                    "UPDATE readings SET synced_at = now() WHERE id = ANY(%s)",
                    ([r[0] for r in rows],),
                )
            self.finished.emit(len(rows))
        except Exception as exc:  # network or database: surface it in the UI
            log.exception("LIMS sync failed")
            self.failed.emit(str(exc))

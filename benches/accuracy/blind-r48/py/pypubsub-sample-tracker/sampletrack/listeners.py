import logging

import requests
from psycopg_pool import ConnectionPool
from pubsub import pub

log = logging.getLogger(__name__)


class SampleListeners:
    """Listeners for scanner topics. Holds the shared pool and HTTP session."""

    def __init__(self, pool: ConnectionPool, http: requests.Session, bench: str, label_api: str):
        self.pool = pool
        self.http = http
        self.bench = bench
        self.label_api = label_api

    def on_scanned(self, barcode: str, ts: float) -> None:
        with self.pool.connection() as conn:
            row = conn.execute(
                "UPDATE samples SET location = %s, last_seen = to_timestamp(%s) "
                "WHERE barcode = %s RETURNING id, status",
                (self.bench, ts, barcode),
            ).fetchone()
        if row is None:
            pub.sendMessage("sample_unknown", barcode=barcode)
            return
        if row[1] == "needs_relabel":
            pub.sendMessage("sample_relabel", sample_id=row[0], barcode=barcode)

    def on_unknown(self, barcode: str) -> None:
        log.warning("unknown barcode %s at %s", barcode, self.bench)
        with self.pool.connection() as conn:
            conn.execute(
                "INSERT INTO orphan_scans (barcode, bench) VALUES (%s, %s)", (barcode, self.bench)
            )

    def on_relabel(self, sample_id: int, barcode: str) -> None:
        resp = self.http.post(
            f"{self.label_api}/print",
            json={"printer": f"{self.bench}-zebra", "sample_id": sample_id, "barcode": barcode},
            timeout=5,
        )
        if resp.status_code >= 300:
            log.error("label print failed for %s: %s", barcode, resp.text[:200])

    def subscribe(self) -> None:
        pub.subscribe(self.on_scanned, "sample_scanned")
        pub.subscribe(self.on_unknown, "sample_unknown")
        pub.subscribe(self.on_relabel, "sample_relabel")

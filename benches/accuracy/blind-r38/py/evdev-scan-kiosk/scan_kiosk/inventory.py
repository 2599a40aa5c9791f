import logging
import os
from functools import lru_cache

import redis
import requests
from psycopg_pool import ConnectionPool

log = logging.getLogger(__name__)

ERP_URL = os.environ.get("ERP_URL", "https://erp.example.com/api")


@lru_cache(maxsize=1)
def recent_scans() -> redis.Redis:
    return redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))


class ScanRecorder:
    """Books one scanned parcel into goods-in. Clients are owned by main()."""

    def __init__(self, pool: ConnectionPool, erp: requests.Session, dock: str):
        self.pool = pool
        self.erp = erp
        self.dock = dock

    def record(self, barcode: str) -> None:
        if not recent_scans().set(f"scan:{self.dock}:{barcode}", 1, nx=True, ex=30):
            log.info("duplicate scan %s ignored", barcode)
            return
        with self.pool.connection() as conn:
            row = conn.execute(
                "INSERT INTO goods_in (barcode, dock, scanned_at) VALUES (%s, %s, now()) "
                "RETURNING id",
                (barcode, self.dock),
            ).fetchone()
        resp = self.erp.post(
            f"{ERP_URL}/receipts", json={"barcode": barcode, "dock": self.dock, "ref": row[0]}, timeout=5
        )
        if not resp.ok:
            log.warning("ERP rejected %s: %s", barcode, resp.status_code)

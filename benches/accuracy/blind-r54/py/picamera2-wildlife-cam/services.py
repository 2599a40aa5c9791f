"""Long-lived clients for the camera: built once by build_services() from main."""
import logging
import os
import time
from dataclasses import dataclass

import boto3
import requests
from psycopg_pool import ConnectionPool

log = logging.getLogger("cam.services")


@dataclass
class Services:
    pool: ConnectionPool
    s3: object
    http: requests.Session

    def close(self):
        self.http.close()
        self.pool.close()


def _open_pool(dsn: str, attempts: int = 12) -> ConnectionPool:
    """The Pi often boots before Wi-Fi is up; keep trying for about a minute."""
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(dsn, min_size=1, max_size=2, open=False)
        try:
            pool.open(wait=True, timeout=10)
            return pool
        except Exception as exc:
            pool.close()
            if attempt == attempts:
                raise
            log.warning("database not reachable yet (%s), attempt %d", exc, attempt)
            time.sleep(5)
    raise RuntimeError("unreachable")


def build_services() -> Services:
    pool = _open_pool(os.environ.get("SIGHTINGS_DSN", "postgresql://cam@nas.local/sightings"))
    s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
    http = requests.Session()
    http.headers["Title"] = "Garden camera"
    return Services(pool=pool, s3=s3, http=http)

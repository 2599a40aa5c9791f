import logging
import time
import uuid
from datetime import datetime, timezone

from sqlalchemy import Engine, create_engine, text
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)


def build_engine(url: str, attempts: int = 15) -> Engine:
    """Create the engine and wait until Postgres answers (camera boxes boot before the DB VM)."""
    for attempt in range(1, attempts + 1):
        engine = create_engine(url, pool_size=2, max_overflow=0, pool_pre_ping=True)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            return engine
        except OperationalError:
            engine.dispose()
            log.warning("db not ready, retry %d/%d", attempt, attempts)
            time.sleep(min(attempt * 2, 20))
    raise RuntimeError("database never became reachable")


class EventStore:
    def __init__(self, engine: Engine, s3, bucket: str):
        self.engine = engine
        self.s3 = s3
        self.bucket = bucket

    def save(self, camera_id: str, jpeg: bytes, area: float) -> None:
        now = datetime.now(timezone.utc)
        key = f"{camera_id}/{now:%Y/%m/%d}/{now:%H%M%S}-{uuid.uuid4().hex[:8]}.jpg"
        self.s3.put_object(Bucket=self.bucket, Key=key, Body=jpeg, ContentType="image/jpeg")
        with self.engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO motion_events (camera_id, detected_at, area, snapshot_key) "
                    "VALUES (:c, :t, :a, :k)"
                ),
                {"c": camera_id, "t": now, "a": area, "k": key},
            )

"""Persistence for recorded Kubernetes warning events."""
import logging
import time

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

log = logging.getLogger(__name__)

UPSERT = text(
    """
    INSERT INTO k8s_events (uid, namespace, kind, name, reason, message, count, last_seen)
    VALUES (:uid, :namespace, :kind, :name, :reason, :message, :count, :last_seen)
    ON CONFLICT (uid) DO UPDATE
    SET count = EXCLUDED.count, message = EXCLUDED.message, last_seen = EXCLUDED.last_seen
    """
)


def connect_with_retry(url, attempts=10, delay=3.0):
    """Wait for the database to accept connections before starting the watch."""
    for attempt in range(1, attempts + 1):
        engine = create_engine(url, pool_size=3, max_overflow=2, pool_pre_ping=True)
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
            log.info("database reachable after %d attempt(s)", attempt)
            return engine
        except OperationalError as exc:
            engine.dispose()
            log.warning("database not ready (%s), retry %d/%d", exc, attempt, attempts)
            time.sleep(delay)
    raise RuntimeError("database never became reachable")


def save_event(engine, ev):
    involved = ev.involved_object
    with engine.begin() as conn:
        conn.execute(
            UPSERT,
            {
                "uid": ev.metadata.uid,
                "namespace": ev.metadata.namespace,
                "kind": involved.kind,
                "name": involved.name,
                "reason": ev.reason,
                "message": (ev.message or "")[:2000],
                "count": ev.count or 1,
                "last_seen": ev.last_timestamp or ev.event_time or ev.metadata.creation_timestamp,
            },
        )

"""Custom logging handlers used by the billing workers.

logging calls Handler.emit() once for every record that passes the level
filter, on the thread that logged it.
"""
import json
import logging
import socket
from datetime import datetime, timezone

import httpx
import redis
from pymongo import MongoClient


def _record_to_doc(record: logging.LogRecord) -> dict:
    return {
        "ts": datetime.fromtimestamp(record.created, tz=timezone.utc),
        "level": record.levelname,
        "logger": record.name,
        "message": record.getMessage(),
        "host": socket.gethostname(),
        "extra": getattr(record, "audit", None),
    }


class MongoAuditHandler(logging.Handler):
    """Writes audit records to MongoDB for the compliance dashboard."""

    def __init__(self, uri: str, database: str = "audit", collection: str = "events"):
        super().__init__(level=logging.INFO)
        self.uri = uri
        self.database = database
        self.collection = collection

    def emit(self, record: logging.LogRecord) -> None:
        if not hasattr(record, "audit"):
            return
        try:
            client = MongoClient(self.uri, serverSelectionTimeoutMS=2000)
            client[self.database][self.collection].insert_one(_record_to_doc(record))
        except Exception:
            self.handleError(record)


class SlackAlertHandler(logging.Handler):
    """Posts ERROR and above to a Slack incoming webhook."""

    def __init__(self, webhook_url: str):
        super().__init__(level=logging.ERROR)
        self.webhook_url = webhook_url

    def emit(self, record: logging.LogRecord) -> None:
        try:
            text = f":rotating_light: *{record.name}* {self.format(record)}"
            with httpx.Client(timeout=5.0) as client:
                client.post(self.webhook_url, json={"text": text})
        except Exception:
            self.handleError(record)


class RedisStreamHandler(logging.Handler):
    """Appends every record to a capped Redis stream for the live tail UI."""

    def __init__(self, url: str, stream: str = "logs:billing", maxlen: int = 50_000):
        super().__init__()
        self._redis = redis.Redis.from_url(url, socket_timeout=1.0)
        self.stream = stream
        self.maxlen = maxlen

    def emit(self, record: logging.LogRecord) -> None:
        try:
            doc = _record_to_doc(record)
            doc["ts"] = doc["ts"].isoformat()
            self._redis.xadd(
                self.stream,
                {"json": json.dumps(doc, default=str)},
                maxlen=self.maxlen,
                approximate=True,
            )
        except Exception:
            self.handleError(record)

    def close(self) -> None:
        try:
            self._redis.close()
        finally:
            super().close()

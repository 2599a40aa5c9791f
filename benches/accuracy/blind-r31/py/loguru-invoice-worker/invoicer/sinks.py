"""Loguru sinks. loguru calls each sink once per emitted log record, so sinks only
hold references to clients that were built in main()."""
import socket


class AlertSink:
    """ERROR+ records go to the on-call webhook."""

    def __init__(self, http, webhook_url: str):
        self.http = http
        self.webhook_url = webhook_url

    def __call__(self, message):
        record = message.record
        self.http.post(
            self.webhook_url,
            json={
                "text": f"[{record['level'].name}] {record['name']}:{record['line']} {record['message']}",
                "host": socket.gethostname(),
            },
        )


class MongoSink:
    """Structured copy of every INFO+ record, for the ops search UI."""

    def __init__(self, collection):
        self.collection = collection

    def __call__(self, message):
        record = message.record
        self.collection.insert_one(
            {
                "ts": record["time"],
                "level": record["level"].name,
                "logger": record["name"],
                "message": record["message"],
                "extra": {k: str(v) for k, v in record["extra"].items()},
            }
        )

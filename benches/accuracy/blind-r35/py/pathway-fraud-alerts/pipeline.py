import os

import httpx
import pathway as pw
import redis

from sinks import AlertSink

THRESHOLD = float(os.environ.get("FRAUD_THRESHOLD", "10000"))


class TxSchema(pw.Schema):
    tx_id: str
    account: str
    amount: float
    country: str


def main() -> None:
    rdkafka_settings = {
        "bootstrap.servers": os.environ.get("KAFKA_BROKERS", "kafka:9092"),
        "group.id": "pathway-fraud",
        "auto.offset.reset": "earliest",
    }
    transactions = pw.io.kafka.read(
        rdkafka_settings,
        topic="card-transactions",
        format="json",
        schema=TxSchema,
        autocommit_duration_ms=1000,
    )

    per_account = transactions.groupby(pw.this.account).reduce(
        pw.this.account,
        total=pw.reducers.sum(pw.this.amount),
        n=pw.reducers.count(),
        countries=pw.reducers.count_distinct(pw.this.country),
    )
    suspicious = per_account.filter((pw.this.total > THRESHOLD) | (pw.this.countries >= 3))

    http = httpx.Client(
        base_url=os.environ.get("ALERTS_API", "http://alerts.internal:8080"),
        headers={"Authorization": f"Bearer {os.environ.get('ALERTS_TOKEN', '')}"},
        timeout=5.0,
    )
    cache = redis.Redis.from_url(os.environ.get("REDIS_URL", "redis://localhost:6379/0"))
    sink = AlertSink(http, cache)

    pw.io.subscribe(suspicious, on_change=sink.on_change, on_end=sink.on_end)
    pw.run(monitoring_level=pw.MonitoringLevel.NONE)


if __name__ == "__main__":
    main()

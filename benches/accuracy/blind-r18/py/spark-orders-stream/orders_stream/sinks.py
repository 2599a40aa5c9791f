import json

import redis
from sqlalchemy import create_engine, text

from . import clients, settings

UPSERT = text(
    "INSERT INTO fact_orders (order_id, customer_id, total_cents, status, updated_at) "
    "VALUES (:order_id, :customer_id, :total_cents, :status, :updated_at) "
    "ON CONFLICT (order_id) DO UPDATE SET status = EXCLUDED.status, "
    "total_cents = EXCLUDED.total_cents, updated_at = EXCLUDED.updated_at"
)


def write_batch(batch_df, batch_id: int) -> None:
    """foreachBatch sink: called on the driver once per micro-batch (every trigger)."""
    rows = [r.asDict() for r in batch_df.select(
        "order_id", "customer_id", "total_cents", "status", "updated_at"
    ).collect()]
    if not rows:
        return

    engine = create_engine(settings.WAREHOUSE_URL, pool_pre_ping=True)
    with engine.begin() as conn:
        conn.execute(UPSERT, rows)

    s3 = clients.archive_s3()
    s3.put_object(
        Bucket=clients.bucket(),
        Key=clients.archive_key(batch_id),
        Body="\n".join(json.dumps(r, default=str) for r in rows).encode(),
    )


class CustomerCounterWriter:
    """foreach sink: open/close once per partition and epoch, process once per row."""

    def open(self, partition_id, epoch_id):
        self.partition_id = partition_id
        self.epoch_id = epoch_id
        return True

    def process(self, row):
        counters = redis.Redis(host=settings.REDIS_HOST, port=6379, db=2)
        counters.hincrby(f"customer:{row.customer_id}", "orders", 1)
        counters.hincrbyfloat(f"customer:{row.customer_id}", "spend", row.total_cents / 100)

    def close(self, error):
        if error:
            raise error

import os

KAFKA_BOOTSTRAP = os.environ.get("KAFKA_BOOTSTRAP", "kafka:9092")
ORDERS_TOPIC = os.environ.get("ORDERS_TOPIC", "orders.v2")
WAREHOUSE_URL = os.environ.get(
    "WAREHOUSE_URL", "postgresql+psycopg2://etl:etl@warehouse:5432/analytics"
)
REDIS_HOST = os.environ.get("REDIS_HOST", "redis")
ARCHIVE_BUCKET = os.environ.get("ARCHIVE_BUCKET", "acme-order-batches")
CHECKPOINT_ROOT = os.environ.get("CHECKPOINT_ROOT", "s3a://acme-spark-checkpoints/orders")

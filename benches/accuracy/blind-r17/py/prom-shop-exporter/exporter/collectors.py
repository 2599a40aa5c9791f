import os

import boto3
import redis
from prometheus_client.core import GaugeMetricFamily
from prometheus_client.registry import Collector
from sqlalchemy import create_engine, text

from exporter.db import engine

WAREHOUSE_URL = os.environ["WAREHOUSE_URL"]
QUEUES = ("emails", "invoices", "webhooks", "thumbnails")


class OrdersCollector(Collector):
    """Open orders by status, read from the OLTP database."""

    def collect(self):
        g = GaugeMetricFamily("shop_orders_open", "Open orders by status", labels=["status"])
        with engine.connect() as conn:
            for status, n in conn.execute(
                text("select status, count(*) from orders where closed_at is null group by status")
            ):
                g.add_metric([status], n)
        yield g


class QueueDepthCollector(Collector):
    def __init__(self, redis_url: str):
        self.redis_url = redis_url

    def collect(self):
        r = redis.Redis.from_url(self.redis_url, socket_timeout=2)
        g = GaugeMetricFamily("shop_queue_depth", "Pending jobs per queue", labels=["queue"])
        for q in QUEUES:
            g.add_metric([q], r.llen(f"queue:{q}"))
        yield g


class WarehouseLagCollector(Collector):
    def collect(self):
        wh = create_engine(WAREHOUSE_URL, pool_pre_ping=True)
        g = GaugeMetricFamily("shop_warehouse_lag_seconds", "ETL lag per table", labels=["table"])
        with wh.connect() as conn:
            rows = conn.execute(
                text("select table_name, extract(epoch from now() - max_loaded_at) from etl.loads group by 1")
            )
            for table, lag in rows:
                g.add_metric([table], float(lag))
        wh.dispose()
        yield g


class SqsBacklogCollector(Collector):
    def __init__(self, queue_urls: list[str]):
        self.queue_urls = queue_urls

    def collect(self):
        sqs = boto3.client("sqs", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
        g = GaugeMetricFamily("shop_sqs_visible_messages", "Visible messages per SQS queue", labels=["queue"])
        for url in self.queue_urls:
            attrs = sqs.get_queue_attributes(QueueUrl=url, AttributeNames=["ApproximateNumberOfMessages"])
            g.add_metric([url.rsplit("/", 1)[-1]], int(attrs["Attributes"]["ApproximateNumberOfMessages"]))
        yield g

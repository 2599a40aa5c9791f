"""Daily order extracts.

    luigi --module etl.tasks BackfillOrders --start 2024-01-01 --stop 2024-07-01 --workers 4
"""
import csv
import datetime as dt
import logging
import os

import luigi
from sqlalchemy import text

from .clients import orders_engine, s3

log = logging.getLogger("luigi-interface")

BUCKET = os.environ.get("ORDERS_EXPORT_BUCKET", "acme-order-extracts")
LOCAL_ROOT = os.environ.get("ETL_LOCAL_ROOT", "/data/etl")


class ExtractOrders(luigi.Task):
    date = luigi.DateParameter()

    def output(self):
        return luigi.LocalTarget(f"{LOCAL_ROOT}/orders/{self.date:%Y-%m-%d}.csv")

    def run(self):
        engine = orders_engine()
        with engine.connect() as conn, self.output().open("w") as out:
            writer = csv.writer(out)
            writer.writerow(["order_id", "customer_id", "total", "currency", "created_at"])
            result = conn.execution_options(stream_results=True).execute(
                text(
                    "SELECT id, customer_id, total, currency, created_at FROM orders "
                    "WHERE created_at >= :day AND created_at < :next_day"
                ),
                {"day": self.date, "next_day": self.date + dt.timedelta(days=1)},
            )
            for row in result:
                writer.writerow(row)


class UploadOrders(luigi.Task):
    date = luigi.DateParameter()

    def requires(self):
        return ExtractOrders(date=self.date)

    def output(self):
        return luigi.LocalTarget(f"{LOCAL_ROOT}/orders/{self.date:%Y-%m-%d}.uploaded")

    def run(self):
        key = f"orders/dt={self.date:%Y-%m-%d}/orders.csv"
        s3().upload_file(self.input().path, BUCKET, key)
        with self.output().open("w") as marker:
            marker.write(key)


class BackfillOrders(luigi.WrapperTask):
    start = luigi.DateParameter()
    stop = luigi.DateParameter()

    def requires(self):
        day = self.start
        while day < self.stop:
            yield UploadOrders(date=day)
            day += dt.timedelta(days=1)


@UploadOrders.event_handler(luigi.Event.SUCCESS)
def tag_upload(task):
    key = f"orders/dt={task.date:%Y-%m-%d}/orders.csv"
    s3().put_object_tagging(
        Bucket=BUCKET,
        Key=key,
        Tagging={"TagSet": [{"Key": "pipeline", "Value": "luigi-orders-etl"}]},
    )
    log.info("tagged %s", key)

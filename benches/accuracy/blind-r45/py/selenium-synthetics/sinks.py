"""Where check results go: Postgres history, CloudWatch metrics, Slack alerts."""
import logging
import time

import boto3
from psycopg_pool import ConnectionPool

log = logging.getLogger("synthetics.sinks")

ALLOWED_REGIONS = ("eu-west-1", "us-east-1")


def open_pool(dsn, attempts=12):
    for attempt in range(1, attempts + 1):
        pool = ConnectionPool(dsn, min_size=1, max_size=2, open=False)
        try:
            pool.open(wait=True, timeout=10)
            return pool
        except Exception as exc:
            pool.close()
            log.warning("results DB not ready (%d/%d): %s", attempt, attempts, exc)
            time.sleep(min(2 ** attempt, 60))
    raise SystemExit("results database unavailable")


class MetricSink:
    """One CloudWatch client per allowed region, created on first use."""

    def __init__(self):
        self._clients = {}

    def _client(self, region):
        if region not in ALLOWED_REGIONS:
            raise ValueError(f"region {region} not allowed")
        if region not in self._clients:
            self._clients[region] = boto3.client("cloudwatch", region_name=region)
        return self._clients[region]

    def put(self, region, check, duration_ms, ok):
        self._client(region).put_metric_data(
            Namespace="Synthetics",
            MetricData=[
                {"MetricName": "Duration", "Dimensions": [{"Name": "Check", "Value": check}],
                 "Value": duration_ms, "Unit": "Milliseconds"},
                {"MetricName": "Success", "Dimensions": [{"Name": "Check", "Value": check}],
                 "Value": 1.0 if ok else 0.0, "Unit": "Count"},
            ],
        )

import os
import time

from prometheus_client import start_http_server
from prometheus_client.core import REGISTRY

from exporter.collectors import (
    OrdersCollector,
    QueueDepthCollector,
    SqsBacklogCollector,
    WarehouseLagCollector,
)


def main():
    REGISTRY.register(OrdersCollector())
    REGISTRY.register(QueueDepthCollector(os.environ["REDIS_URL"]))
    REGISTRY.register(WarehouseLagCollector())
    REGISTRY.register(SqsBacklogCollector(os.environ["SQS_QUEUE_URLS"].split(",")))
    start_http_server(int(os.environ.get("PORT", "9400")))
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
